"""
Timings of coverage that arrives by URL and by feed.

Run: .venv/bin/python benchmarks/fetching.py [--articles 40] [--entries 200]

Serves the gold articles (benchmarks/gold/quotes*/, syndication/articles/)
as web pages with their metadata, and a 200-entry RSS feed of them with an
ETag, from a local HTTP server on 127.0.0.1 (the standard library's), into a
fresh database of its own (``strikewatch_fetch_bench``) and a temporary
archive directory. Prints:

1. fetch-to-draft per article: ``capture_url`` (robots.txt once per site,
   fetch, WARC record, trafilatura and htmldate, strike matching, quotes,
   copy detection) for ``--articles`` pages, interleaved with the same page
   added the way an uploaded page is (no network, no WARC) as the baseline;
2. a ``watch_feeds`` run over the ``--entries``-entry feed with no per-host
   delay (the default delay of 2 s would add 2 s per page fetched from one
   host), then a second run, which makes one conditional request.

The machine may be shared: figures are medians over the pages, and product
and baseline run interleaved, page by page.
"""

import argparse
import hashlib
import html
import io
import os
import statistics
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "benchmarks" / "gold"
OUTLETS = ["Valley Ledger", "Harbor Daily", "Metro Wire", "Lakeside Tribune"]


def gold_pages():
    from articles.ingest import parse_article

    paths = sorted(GOLD.glob("quotes*/*.txt")) + sorted(
        (GOLD / "syndication" / "articles").glob("*.txt")
    )
    pages = []
    for n, path in enumerate(paths):
        parsed = parse_article(path.read_text(encoding="utf-8"))
        outlet = OUTLETS[n % len(OUTLETS)]
        slug = f"/news/{n:03d}-{path.stem.replace('_', '-')}"
        pages.append((slug, parsed.headline, outlet, render(parsed, outlet, slug, n)))
    return pages


def render(parsed, outlet, slug, n):
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in parsed.paragraphs)
    day = 1 + n % 28
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(parsed.headline)}</title>
<link rel="canonical" href="https://bench.example{slug}/">
<meta property="og:site_name" content="{outlet}">
<meta name="author" content="Staff Writer">
<meta property="article:published_time" content="2024-03-{day:02d}T08:00:00-05:00">
<script>var tracking = true;</script></head>
<body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<article><h1>{html.escape(parsed.headline)}</h1>{paragraphs}</article>
<footer>© {outlet}</footer></body></html>""".encode()


class Site:
    """The pages and the feed, over HTTP on a free loopback port."""

    def __init__(self, pages, entries):
        self.pages = {slug: body for slug, _headline, _outlet, body in pages}
        items = "".join(
            f"<item><title>{html.escape(headline)}</title><link>{{base}}{slug}</link>"
            f"<guid isPermaLink='false'>bench-{n}</guid>"
            f"<pubDate>{formatdate(1709280000 + n * 600, usegmt=True)}</pubDate></item>"
            for n, (slug, headline, _outlet, _body) in enumerate(pages[:entries])
        )
        self.feed_template = (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Bench</title><link>https://bench.example/</link>{items}</channel></rss>"
        )
        self.etag = '"' + hashlib.sha256(self.feed_template.encode()).hexdigest()[:16] + '"'
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/feed.xml":
                    if self.headers.get("If-None-Match") == site.etag:
                        self.send_response(304)
                        self.send_header("ETag", site.etag)
                        self.end_headers()
                        return
                    body = site.feed_template.replace("{base}", site.url).encode()
                    kind = "application/rss+xml"
                elif self.path in site.pages:
                    body, kind = site.pages[self.path], "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if self.path == "/feed.xml":
                    self.send_header("ETag", site.etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def fresh_database(name):
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/strikewatch")
    parts = urlsplit(base)
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    import psycopg

    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--database", default="strikewatch_fetch_bench")
    options = parser.parse_args()

    fresh_database(options.database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")
    os.environ["FETCH_ALLOWED_HOSTS"] = "127.0.0.1"
    os.environ["STRIKEWATCH_ARCHIVE_DIR"] = tempfile.mkdtemp(prefix="strikewatch-bench-archive-")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("import_strikes", str(ROOT / "seeds" / "strikes.json"), verbosity=0)

    from articles.capture import capture_url, fetch_policy
    from articles.feed_watch import watch_feeds
    from articles.fetch import Fetcher
    from articles.importer import import_parsed_article, parse_article_text
    from articles.ingest.submitted import read_upload
    from articles.models import Article, Feed, FeedEntry, Source

    pages = gold_pages()
    site = Site(pages, options.entries)
    print(
        f"{len(pages)} gold pages served from {site.url}; machine: {os.cpu_count()} cores (shared)"
    )

    # 1. Fetch-to-draft, interleaved with the upload path over the same page.
    product, baseline = [], []
    with Fetcher(fetch_policy()) as fetcher:
        fetcher.fetch(f"{site.url}{pages[0][0]}")  # robots.txt and the connection, once
        for slug, _headline, _outlet, body in pages[: options.articles]:
            started = time.perf_counter()
            capture_url(f"{site.url}{slug}", fetcher=fetcher)
            product.append(time.perf_counter() - started)
            started = time.perf_counter()
            name = f"{slug.strip('/').replace('/', '-')}.html"
            submission = read_upload(name, io.BytesIO(body), size=len(body))
            parsed = parse_article_text(submission.text)
            import_parsed_article(
                parsed,
                key=f"bench:{slug}",
                content_hash=submission.content_hash,
                overrides={"status": Article.Status.DRAFT},
            )
            baseline.append(time.perf_counter() - started)
    ms = 1000
    print("\nFetch-to-draft per article (ms)   median    p95   mean")
    print(
        f"  added by URL (fetch, WARC, read, file)  {statistics.median(product) * ms:6.1f} "
        f"{percentile(product, 0.95) * ms:6.1f} {statistics.mean(product) * ms:6.1f}"
    )
    print(
        f"  same page as an upload (baseline)       {statistics.median(baseline) * ms:6.1f} "
        f"{percentile(baseline, 0.95) * ms:6.1f} {statistics.mean(baseline) * ms:6.1f}"
    )

    # 2. watch_feeds over the feed (a fresh archive: nothing of the above counts).
    Article.objects.all().delete()
    Feed.objects.create(source=Source.objects.create(name="Bench feed"), url=f"{site.url}/feed.xml")
    first = watch_feeds(max_fetches=options.entries, host_delay=0)
    second = watch_feeds(max_fetches=options.entries, host_delay=0)
    print(f"\nwatch_feeds over a {options.entries}-entry feed (no per-host delay):")
    print(f"  first run:  {first.seconds:6.1f} s  ({first.summary})")
    print(f"  second run: {second.seconds:6.2f} s  ({second.summary})")
    filed = FeedEntry.objects.filter(state=FeedEntry.State.FILED).count()
    if first.fetched:
        print(
            f"  per page fetched and filed: {first.seconds / first.fetched * ms:.0f} ms ({filed} drafts)"
        )
    site.server.shutdown()


if __name__ == "__main__":
    main()
