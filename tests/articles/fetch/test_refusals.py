"""
What the archive never fetches, each refused with a message that says why:
other schemes, loopback/private/link-local/metadata addresses (also behind a
redirect, checked after resolution and connected to as checked), bodies over
the size cap, what is not HTML, slow servers, endless redirects, robots.txt.
"""

import socket
import time

import pytest
from werkzeug import Response

from articles.fetch import FEED_TYPES, Fetcher, FetchError, FetchRefused
from articles.fetch.addresses import AllowedHosts, checked_addresses

from .conftest import page_bytes, policy

HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.mark.parametrize(
    "url, words",
    [
        ("ftp://example.org/story.html", "ftp: addresses are not fetched"),
        ("file:///etc/passwd", "file: addresses are not fetched"),
        ("javascript:alert(1)", "javascript: addresses are not fetched"),
        ("data:text/html,<p>hi</p>", "data: addresses are not fetched"),
        ("www.example.org/story", "addresses without http:// or https://"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http:///story", "names no host"),
    ],
)
def test_only_plain_http_and_https_urls_are_fetched(fetcher, url, words):
    with pytest.raises(FetchRefused, match=words):
        fetcher.fetch(url)


@pytest.mark.parametrize(
    "host, kind",
    [
        ("127.0.0.2", "a loopback address"),
        ("[::1]", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("192.168.0.10", "a private address"),
        ("172.16.5.4", "a private address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("169.254.10.20", "a link-local address"),
        ("[fe80::1]", "a link-local address"),
        ("[::ffff:127.0.0.1]", "a loopback address"),
        ("100.100.100.200", "a cloud metadata address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.1", "a multicast address"),
    ],
)
def test_inward_addresses_are_refused_before_connecting(fetcher, host, kind):
    with pytest.raises(FetchRefused, match=kind):
        fetcher.fetch(f"http://{host}/latest/meta-data/")


def test_a_name_is_checked_after_resolution(fetcher, web):
    """
    ``localhost`` is not on the allowed list, 127.0.0.1 is: a name is judged
    by what it resolves to, whatever is allowed by address.
    """
    with pytest.raises(FetchRefused, match=r"localhost \(.*\) is a loopback address"):
        fetcher.fetch(web.url_for("/story").replace("127.0.0.1", "localhost"))
    assert web.log == []


def test_a_name_with_one_inward_address_among_public_ones_is_refused(monkeypatch):
    def resolver(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(FetchRefused, match=r"news.example \(10.0.0.7\) is a private address"):
        checked_addresses("news.example", 80)


def test_the_connection_goes_to_the_address_that_was_checked(web, monkeypatch):
    """
    DNS rebinding: a name checked once must not be resolved again when the
    connection is made. The operating system is only ever handed the
    address literal that passed the check.
    """
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection
    lookups, connections = [], []

    def resolver(host, port, *args, **kwargs):
        lookups.append(host)
        if host == "rebind.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def connect(address, *args, **kwargs):
        connections.append(address[0])
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    monkeypatch.setattr(socket, "create_connection", connect)
    web.expect_request("/story").respond_with_data(
        page_bytes("kaiser_therapists.html"), headers=HTML
    )
    url = web.url_for("/story").replace("127.0.0.1", "rebind.test")
    with Fetcher(policy(allowed=AllowedHosts.parse(["rebind.test"]))) as fetcher:
        resource = fetcher.fetch(url)
    assert resource.final.status == 200
    assert resource.final.address == "127.0.0.1"
    assert set(connections) == {"127.0.0.1"}  # never the name
    assert lookups.count("rebind.test") == len(connections)  # one check per connection
    request = [r for r, _ in web.log if r.path == "/story"][0]
    assert request.headers["Host"] == f"rebind.test:{web.port}"


def test_a_redirect_to_a_loopback_address_is_refused(fetcher, web):
    inner = web.url_for("/admin-only").replace("127.0.0.1", "localhost")
    web.expect_request("/story").respond_with_data("", status=302, headers={"Location": inner})
    web.expect_request("/admin-only").respond_with_data("secret", headers=HTML)
    with pytest.raises(FetchRefused, match="is a loopback address"):
        fetcher.fetch(web.url_for("/story"))
    assert [request.path for request, _ in web.log] == ["/robots.txt", "/story"]


def test_a_redirect_to_the_metadata_address_is_refused(fetcher, web):
    web.expect_request("/story").respond_with_data(
        "", status=301, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    with pytest.raises(FetchRefused, match="a cloud metadata address"):
        fetcher.fetch(web.url_for("/story"))


def test_a_redirect_to_another_scheme_is_refused(fetcher, web):
    web.expect_request("/story").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    with pytest.raises(FetchRefused, match="file: addresses are not fetched"):
        fetcher.fetch(web.url_for("/story"))


def test_at_most_the_allowed_number_of_redirects_is_followed(fetcher, web):
    for n in range(6):
        web.expect_request(f"/hop{n}").respond_with_data(
            "", status=302, headers={"Location": f"/hop{n + 1}"}
        )
    with pytest.raises(FetchError, match="redirects more than 3 times"):
        fetcher.fetch(web.url_for("/hop0"))
    assert sum(request.path.startswith("/hop") for request, _ in web.log) == 4


FIFTY_MB = 50 * 1024 * 1024


def test_a_50_mb_page_that_says_so_is_refused_before_its_body_is_read(fetcher, web):
    def fifty_megabytes(request):
        chunk = b"<p>" + b"x" * 65533

        def body():
            for _ in range(FIFTY_MB // len(chunk)):
                yield chunk

        return Response(body(), headers={**HTML, "Content-Length": str(FIFTY_MB)})

    web.expect_request("/huge").respond_with_handler(fifty_megabytes)
    started = time.monotonic()
    with pytest.raises(FetchRefused, match=r"too large \(50.0 MB; the limit is 1 MB\)"):
        fetcher.fetch(web.url_for("/huge"))
    assert time.monotonic() - started < 2


def test_a_50_mb_page_that_does_not_say_so_is_cut_off_at_the_cap(fetcher, web):
    sent = []

    def fifty_megabytes_chunked(request):
        chunk = b"<p>" + b"x" * 65533

        def body():
            for _ in range(FIFTY_MB // len(chunk)):
                sent.append(len(chunk))
                yield chunk

        return Response(body(), headers=HTML)  # no Content-Length: chunked

    web.expect_request("/huge").respond_with_handler(fifty_megabytes_chunked)
    with pytest.raises(FetchRefused, match="larger than 1 MB"):
        fetcher.fetch(web.url_for("/huge"))
    assert sum(sent) < FIFTY_MB / 4  # the server was stopped early, not read to the end


def test_a_compressed_body_is_capped_once_decompressed(fetcher, web):
    import gzip

    bomb = gzip.compress(b"<p>" + b" " * (8 * 1024 * 1024))  # 8 MB of spaces in ~8 KB
    web.expect_request("/bomb").respond_with_data(
        bomb, headers={**HTML, "Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchRefused, match="larger than 1 MB"):
        fetcher.fetch(web.url_for("/bomb"))


@pytest.mark.parametrize(
    "content_type", ["application/pdf", "image/png", "application/json", "text/plain", None]
)
def test_what_is_not_an_html_page_is_refused(fetcher, web, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    web.expect_request("/file").respond_with_response(
        Response(b"%PDF-1.7 ...", headers=headers, content_type=None)
    )
    with pytest.raises(
        FetchRefused,
        match=r"is (application/pdf|image/png|application/json|text/plain|no content type), not an HTML page",
    ):
        fetcher.fetch(web.url_for("/file"))


def test_an_html_page_is_not_taken_for_a_feed(fetcher, web):
    web.expect_request("/feed").respond_with_data("<html></html>", headers=HTML)
    with pytest.raises(FetchRefused, match="is text/html, not a feed"):
        fetcher.fetch(web.url_for("/feed"), accept=FEED_TYPES)


def test_a_slow_server_times_out(web):
    def slow(request):
        time.sleep(1.5)
        return Response("<p>too late</p>", headers=HTML)

    web.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with (
        Fetcher(policy(timeout=0.5)) as fetcher,
        pytest.raises(FetchError, match=r"did not answer within 0.5 s"),
    ):
        fetcher.fetch(web.url_for("/slow"))
    assert time.monotonic() - started < 1.4


def test_a_body_that_trickles_in_past_the_time_limit_is_given_up(web):
    def trickle(request):
        def body():
            for _ in range(8):
                time.sleep(0.2)  # each piece in time, the whole too slow
                yield b"<p>more</p>"

        return Response(body(), headers=HTML)

    web.expect_request("/trickle").respond_with_handler(trickle)
    with (
        Fetcher(policy(timeout=1.0)) as fetcher,
        pytest.raises(FetchError, match="took longer than 1 s to arrive"),
    ):
        fetcher.fetch(web.url_for("/trickle"))


def test_robots_txt_that_disallows_the_page_is_obeyed(fetcher, web):
    web.expect_request("/robots.txt").respond_with_data(
        "User-agent: StrikeWatch\nDisallow: /members/\n\nUser-agent: *\nDisallow:\n",
        content_type="text/plain",
    )
    web.expect_request("/members/story").respond_with_data("<p>x</p>", headers=HTML)
    with pytest.raises(FetchRefused, match="robots.txt of .* does not allow fetching"):
        fetcher.fetch(web.url_for("/members/story"))
    assert "/members/story" not in [request.path for request, _ in web.log]


def test_robots_txt_that_cannot_be_read_means_nothing_is_fetched_now(fetcher, web):
    web.expect_request("/robots.txt").respond_with_data("down", status=503)
    with pytest.raises(FetchError, match="robots.txt of .* answered 503"):
        fetcher.fetch(web.url_for("/story"))


def test_an_error_answer_is_reported_with_its_status(fetcher, web):
    web.expect_request("/gone").respond_with_data("gone", status=410, headers=HTML)
    with pytest.raises(FetchError, match="answered 410 GONE"):
        fetcher.fetch(web.url_for("/gone"))


def test_allowed_hosts_are_names_and_addresses_as_written_in_the_url():
    allowed = AllowedHosts.parse(["LocalHost", " 127.0.0.1 ", "[::1]", ""])
    assert allowed.allows("localhost") and allowed.allows("LOCALHOST.")
    assert allowed.allows("127.0.0.1") and allowed.allows("[::1]")
    assert allowed.allows("[0:0:0:0:0:0:0:1]")  # the same address, spelt out
    assert not allowed.allows("127.0.0.2")
    assert not allowed.allows("ip6-localhost")
