"""
A feed for the tests of feed watching: an outlet's RSS with an ETag, and the
pages of its entries, served by the local test server.
"""

import time
from email.utils import formatdate
from pathlib import Path

from werkzeug import Response

from articles.models import Feed, Source

PAGES = Path(__file__).resolve().parent / "fetch" / "pages"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def rss(entries):
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid>"
        f"<description>{summary}</description>"
        f"<pubDate>{formatdate(1663000000 + n * 3600, usegmt=True)}</pubDate></item>"
        for n, (guid, title, link, summary) in enumerate(entries)
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Valley Ledger: news</title><link>https://valleyledger.example/</link>{items}"
        "</channel></rss>"
    ).encode()


class FeedServer:
    """
    A feed with an ETag (a request carrying it is answered 304) and its
    entries' pages; notes when each request arrived.
    """

    def __init__(self, web, entries, etag='"feed-v1"', pages=()):
        self.web, self.entries, self.etag = web, entries, etag
        self.body = rss(entries)
        self.arrivals = []
        web.expect_request("/feed.xml").respond_with_handler(self.feed)
        for path, name in pages:
            web.expect_request(path).respond_with_handler(self.page((PAGES / name).read_bytes()))

    def feed(self, request):
        self.arrivals.append(time.monotonic())
        if request.headers.get("If-None-Match") == self.etag:
            return Response(status=304, headers={"ETag": self.etag})
        return Response(
            self.body, headers={"Content-Type": "application/rss+xml", "ETag": self.etag}
        )

    def page(self, body):
        def answer(request):
            self.arrivals.append(time.monotonic())
            return Response(body, headers=HTML)

        return answer

    @property
    def feed_requests(self):
        return [request for request, _ in self.web.log if request.path == "/feed.xml"]

    def page_requests(self):
        return [r.path for r, _ in self.web.log if r.path.startswith("/news/")]


def serve_coverage_feed(web):
    """A Valley Ledger feed of three entries (two are strike coverage), its pages, and its Feed row."""
    server = FeedServer(
        web,
        [
            (
                "k-1",
                "Kaiser therapists return to picket lines",
                web.url_for("/news/kaiser"),
                "Talks stall.",
            ),
            (
                "t-1",
                "Valley teachers vote",
                web.url_for("/news/teachers"),
                "They may go on strike.",
            ),
            (
                "s-1",
                "Valley Hawks win the final",
                web.url_for("/news/hawks"),
                "A last-minute goal.",
            ),
        ],
        pages=[
            ("/news/kaiser", "kaiser_therapists.html"),
            ("/news/teachers", "teachers_vote.html"),
        ],
    )
    source = Source.objects.create(name="Valley Ledger")
    Feed.objects.create(source=source, url=web.url_for("/feed.xml"))
    return server
