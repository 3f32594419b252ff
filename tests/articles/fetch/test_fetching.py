"""
Fetching what may be fetched: the page and every hop before it as the server
sent them, a User-Agent naming the site, robots.txt read once per site,
compressed bodies decoded, conditional requests for feeds, and a pause
between two requests to one host.
"""

import gzip

import pytest

from articles.fetch import FEED_TYPES, Fetcher

from .conftest import USER_AGENT, page_bytes, policy

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_a_page_comes_with_every_exchange_on_the_way(fetcher, web):
    page = page_bytes("kaiser_therapists.html")
    web.expect_request("/s/123").respond_with_data("", status=301, headers={"Location": "/story"})
    web.expect_request("/story").respond_with_data(page, headers=HTML)
    resource = fetcher.fetch(web.url_for("/s/123"))
    assert [e.status for e in resource.exchanges] == [301, 200]
    assert resource.url == web.url_for("/s/123")
    assert resource.final_url == web.url_for("/story")
    assert resource.content == resource.final.body == page
    assert (resource.content_type, resource.charset) == ("text/html", "utf-8")
    assert resource.final.address == "127.0.0.1"
    assert resource.fetched_at.tzinfo is not None


def test_requests_name_the_site_and_robots_txt_is_read_once_per_site(fetcher, web):
    web.expect_request("/a").respond_with_data("<p>a</p>", headers=HTML)
    web.expect_request("/b").respond_with_data("<p>b</p>", headers=HTML)
    fetcher.fetch(web.url_for("/a"))
    fetcher.fetch(web.url_for("/b"))
    paths = [request.path for request, _ in web.log]
    assert paths == ["/robots.txt", "/a", "/b"]
    agents = {request.headers["User-Agent"] for request, _ in web.log}
    assert agents == {USER_AGENT}
    assert "text/html" in web.log[1][0].headers["Accept"]


def test_robots_txt_rules_for_other_crawlers_do_not_apply(fetcher, web):
    web.expect_request("/robots.txt").respond_with_data(
        "User-agent: OtherBot\nDisallow: /\n", content_type="text/plain"
    )
    web.expect_request("/story").respond_with_data("<p>ok</p>", headers=HTML)
    assert fetcher.fetch(web.url_for("/story")).final.status == 200


def test_a_compressed_page_is_decoded_and_its_bytes_kept_as_sent(fetcher, web):
    page = page_bytes("kaiser_therapists.html")
    web.expect_request("/story").respond_with_data(
        gzip.compress(page), headers={**HTML, "Content-Encoding": "gzip"}
    )
    resource = fetcher.fetch(web.url_for("/story"))
    assert resource.content == page
    assert gzip.decompress(resource.final.body) == page


def test_a_conditional_request_gets_not_modified_back(fetcher, web):
    feed = b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>"
    web.expect_request("/feed.xml", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers={"ETag": '"v1"'}
    )
    web.expect_request("/feed.xml").respond_with_data(
        feed, headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'}
    )
    first = fetcher.fetch(web.url_for("/feed.xml"), accept=FEED_TYPES)
    assert first.content == feed and first.final.header("etag") == '"v1"'
    again = fetcher.fetch(web.url_for("/feed.xml"), accept=FEED_TYPES, etag='"v1"')
    assert again.not_modified and again.content == b""


class FakeClock:
    def __init__(self):
        self.now, self.slept = 1000.0, []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(round(seconds, 3))
        self.now += seconds


@pytest.mark.parametrize(
    "robots, delay, expected",
    [
        ("", 2.0, [2.0, 2.0]),  # the policy's delay
        ("User-agent: *\nCrawl-delay: 5\n", 2.0, [5.0, 5.0]),  # robots.txt asks for longer
        ("User-agent: *\nCrawl-delay: 600\n", 2.0, [30.0, 30.0]),  # but not for ever
    ],
)
def test_requests_to_one_host_are_spaced(web, robots, delay, expected):
    if robots:
        web.expect_request("/robots.txt").respond_with_data(robots, content_type="text/plain")
    for name in ("a", "b", "c"):
        web.expect_request(f"/{name}").respond_with_data("<p>x</p>", headers=HTML)
    clock = FakeClock()
    with Fetcher(policy(host_delay=delay), clock=clock, sleep=clock.sleep) as fetcher:
        fetcher.fetch(web.url_for("/a"))  # robots.txt, then /a right after: the first wait
        fetcher.fetch(web.url_for("/b"))
    assert clock.slept == expected
