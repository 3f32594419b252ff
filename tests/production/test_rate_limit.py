"""Per-client limits on search and the search API: a clear 429 with Retry-After beyond them."""

import ipaddress
import json

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from strikewatch.rate_limits import Rate, SlidingWindowLimiter, parse_rate, retry_after
from strikewatch.requests import client_address, client_key

SEARCH = "/search/"
API = "/api/search"


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("60/m", Rate(60, 60)),
        ("100/30s", Rate(100, 30)),
        ("1000/hour", Rate(1000, 3600)),
        ("5/2minutes", Rate(5, 120)),
        ("10/s", Rate(10, 1)),
        ("off", None),
        ("0", None),
        ("", None),
    ],
)
def test_rates_are_read_from_settings_text(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["60", "60/", "sixty/m", "60/fortnight", "0/m", "-5/m"])
def test_a_rate_that_is_not_understood_stops_the_server_with_a_message(text):
    with pytest.raises(ImproperlyConfigured, match="e.g. 60/m"):
        parse_rate(text)


class Clock:
    def __init__(self, now=1_000_020.0):  # 20 s into a one-minute window
        self.now = now

    def __call__(self):
        return self.now


def test_the_window_slides_instead_of_resetting_at_the_minute():
    clock = Clock(now=60 * 1000 + 50)  # 50 s into a window
    limiter = SlidingWindowLimiter(cache, "test", Rate(3, 60), clock=clock)
    assert [limiter.hit("198.51.100.1") for _ in range(3)] == [None, None, None]
    assert (
        limiter.hit("198.51.100.1") == 10 + 20
    )  # next window, once the last one weighs 2/3 at most

    clock.now += 11  # 1 s into the next window: the three requests still count almost fully
    assert limiter.hit("198.51.100.1") == 19
    clock.now += 19  # 20 s in: 3 x 40/60 = 2 requests remain in the window
    assert limiter.hit("198.51.100.1") is None
    assert limiter.hit("198.51.100.1") is not None
    assert limiter.hit("203.0.113.9") is None  # another client counts separately


def _estimate(previous, current, elapsed, period, later):
    """The sliding count `later` seconds from now, with no more requests."""
    at = elapsed + later
    if at < period:
        return previous * (1 - at / period) + current
    if at < 2 * period:
        return current * (1 - (at - period) / period)
    return 0.0


@given(
    limit=st.integers(1, 500),
    period=st.integers(1, 3600),
    previous=st.integers(0, 600),
    current=st.integers(0, 600),
    fraction=st.floats(0, 0.999),
)
def test_retry_after_is_the_first_whole_second_the_client_may_return(
    limit, period, previous, current, fraction
):
    elapsed = period * fraction
    if _estimate(previous, current, elapsed, period, 0) + 1 <= limit:
        return  # not refused: nothing to wait for
    wait = retry_after(previous, current, elapsed, Rate(limit, period))
    assert wait >= 1
    assert _estimate(previous, current, elapsed, period, wait) + 1 <= limit + 1e-9
    if wait > 1:
        assert _estimate(previous, current, elapsed, period, wait - 1) + 1 > limit - 1e-9


@pytest.mark.parametrize(
    ("meta", "proxies", "expected"),
    [
        ({"REMOTE_ADDR": "198.51.100.7"}, 0, "198.51.100.7"),
        # Without a trusted proxy, X-Forwarded-For is whatever the client wrote: ignored.
        ({"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "10.9.9.9"}, 0, "198.51.100.7"),
        # Behind one proxy, the entry it appended is the client; anything left of it is not trusted.
        (
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.9.9.9, 203.0.113.5"},
            1,
            "203.0.113.5",
        ),
        (
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5, 10.0.0.2"},
            2,
            "203.0.113.5",
        ),
        ({"REMOTE_ADDR": "127.0.0.1"}, 1, "127.0.0.1"),
        ({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-ip"}, 1, "127.0.0.1"),
    ],
)
def test_the_client_address_is_the_one_our_own_proxies_saw(meta, proxies, expected):
    assert client_address(meta, proxies) == ipaddress.ip_address(expected)


def test_ipv6_clients_are_counted_by_their_64_network():
    one = client_key(ipaddress.ip_address("2001:db8:1:2::1"))
    other = client_key(ipaddress.ip_address("2001:db8:1:2:ffff::9"))
    assert one == other == "2001:db8:1:2::/64"
    assert client_key(ipaddress.ip_address("::ffff:198.51.100.7")) == "198.51.100.7"
    assert client_key(None) == "unknown"


@pytest.fixture
def limited(settings, search_index):
    settings.STRIKEWATCH_RATE_LIMITS = {"search": "3/m", "api": "2/m"}
    settings.STRIKEWATCH_RATE_LIMIT_EXEMPT = ["192.0.2.0/24"]
    settings.STRIKEWATCH_TRUSTED_PROXIES = 0


def test_searching_too_often_gets_a_clear_429_page(client, limited):
    ok = [client.get(SEARCH, {"q": "strike"}, REMOTE_ADDR="198.51.100.7") for _ in range(3)]
    assert [r.status_code for r in ok] == [200, 200, 200]

    refused = client.get(SEARCH, {"q": "strike"}, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 120  # the sliding window may reach into the next minute
    assert refused["Content-Type"].startswith("text/html")
    assert "Too many searches" in refused.text
    assert f"wait {wait} second" in refused.text
    assert "3 per minute" in refused.text
    assert "no-store" in refused["Cache-Control"]
    assert "default-src 'self'" in refused["Content-Security-Policy"]

    # The CSV export of results is a search too, and shares the allowance.
    export = client.get("/search/quotes.csv", {"q": "strike"}, REMOTE_ADDR="198.51.100.7")
    assert export.status_code == 429

    # Others are not punished for one client's habits.
    assert client.get(SEARCH, {"q": "strike"}, REMOTE_ADDR="198.51.100.8").status_code == 200


def test_the_api_refuses_in_json(client, limited):
    for _ in range(2):
        assert client.get(API, {"q": "nurses"}, REMOTE_ADDR="198.51.100.7").status_code == 200
    refused = client.get(API, {"q": "nurses"}, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    body = json.loads(refused.content)
    assert body["error"] == "rate_limited"
    assert body["retry_after"] == int(refused["Retry-After"]) >= 1
    assert "retry in" in body["detail"]
    # The search pages have their own allowance.
    assert client.get(SEARCH, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_exempt_networks_and_other_pages_are_never_limited(client, limited):
    assert {client.get(SEARCH, REMOTE_ADDR="192.0.2.44").status_code for _ in range(10)} == {200}
    assert {client.get("/healthz", REMOTE_ADDR="198.51.100.7").status_code for _ in range(10)} == {
        200
    }


def test_behind_a_trusted_proxy_each_forwarded_client_counts_alone(client, limited, settings):
    settings.STRIKEWATCH_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(3):
        assert client.get(SEARCH, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 200
    assert client.get(SEARCH, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
    # A client cannot escape by writing its own X-Forwarded-For: the proxy's entry counts.
    spoofed = client.get(SEARCH, HTTP_X_FORWARDED_FOR="10.1.2.3, 203.0.113.5", **proxy)
    assert spoofed.status_code == 429
    assert client.get(SEARCH, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 200


def test_a_limit_can_be_switched_off(client, limited, settings):
    settings.STRIKEWATCH_RATE_LIMITS = {"search": "off", "api": "2/m"}
    assert {client.get(SEARCH, REMOTE_ADDR="198.51.100.7").status_code for _ in range(10)} == {200}


def test_this_machine_is_exempt_by_default(client, settings, search_index):
    """Loopback is this machine (health checks, benchmarks) or a proxy not yet declared trusted."""
    from django.conf import settings as configured

    settings.STRIKEWATCH_RATE_LIMITS = {"search": "2/m", "api": "2/m"}
    assert configured.STRIKEWATCH_RATE_LIMIT_EXEMPT == ["127.0.0.1", "::1"]
    assert {client.get(SEARCH, REMOTE_ADDR="127.0.0.1").status_code for _ in range(5)} == {200}
    assert {client.get(SEARCH, REMOTE_ADDR="::1").status_code for _ in range(5)} == {200}
    assert [client.get(SEARCH, REMOTE_ADDR="198.51.100.7").status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
