"""
How long a very long article's page takes to render: a 12 MB article (about
17,000 paragraphs, a quote in every hundredth) read in parts, against the same
page rendered whole, as it was before articles were split into parts (the
baseline, in the same run: the part limits raised past the article's size).

    .venv/bin/python benchmarks/long_article.py [--megabytes 12] [--repeat 3]

Fills its own database (LONG_ARTICLE_DB, default ``strikewatch_long_article``,
on the server of DATABASE_URL), renders through Django's test client with
production settings (DEBUG off), the page cache emptied before each request
so every figure is a render. Prints, for each page, the best and median of
the repeats in milliseconds, the paragraphs rendered and the HTML size.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/strikewatch")
DB_NAME = os.environ.get("LONG_ARTICLE_DB", "strikewatch_long_article")
os.environ["DATABASE_URL"] = BASE_URL.rsplit("/", 1)[0] + "/" + DB_NAME
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "long-article-benchmark-only-" + "x" * 40)
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"
os.environ["LOG_LEVEL"] = "ERROR"

# Static files are named, not served: whitenoise's note about STATIC_ROOT is noise here.
warnings.filterwarnings("ignore", message="No directory at")

PARAGRAPH = "Picket lines stretched around the block as the night shift came out. " * 10
QUOTE = "We will stay out as long as it takes"


def setup(megabytes):
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "ensure_database.py"), os.environ["DATABASE_URL"]],
        check=True,
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    # Pages name their static files without collectstatic's manifest.
    from django.conf import settings
    from django.test.utils import override_settings

    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    override_settings(STORAGES=storages).enable()
    from articles.models import Article, Person, Quote, Source

    count = megabytes * 1024 * 1024 // len(PARAGRAPH) + 1
    slug = f"hearing-transcript-{megabytes}mb"
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        source, _ = Source.objects.get_or_create(name="The Valley Ledger")
        paragraphs = [
            f"“{QUOTE},” said Dana Ruiz, day {n}." if n % 100 == 0 else PARAGRAPH
            for n in range(1, count + 1)
        ]
        article = Article.objects.create(
            slug=slug,
            headline="Transcript of the strike hearings",
            source=source,
            published_at=datetime(2024, 3, 5, 12, tzinfo=UTC),
            paragraphs=paragraphs,
        )
        person = Person.objects.create(name="Dana Ruiz")
        Quote.objects.bulk_create(
            Quote(
                article=article,
                paragraph=n,
                start=1,
                end_paragraph=n,
                end=1 + len(QUOTE),
                text=QUOTE,
                speaker=person,
            )
            for n in range(100, count + 1, 100)
        )
    return article


def render(client, url, repeat):
    from django.core.cache import caches

    from strikewatch import page_cache

    times, response = [], None
    for _ in range(repeat):
        for cache in caches.all():
            cache.clear()
        page_cache.forget_pages()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times, response


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    article = setup(args.megabytes)

    from django.test import Client

    from articles import parts

    size = sum(map(len, article.paragraphs))
    starts = article.part_starts()
    print(
        f"article: {size / 1024 / 1024:.1f} MB, {len(article.paragraphs)} paragraphs, "
        f"{article.quotes.count()} quotes, {len(starts)} parts"
    )
    client = Client()
    url = article.get_absolute_url()
    pages = [
        ("part 1", url),
        (f"part {len(starts) // 2}", f"{url}?part={len(starts) // 2}"),
        (f"part {len(starts)}", f"{url}?part={len(starts)}"),
    ]
    print(f"{'page':<22} {'best ms':>9} {'median ms':>10} {'paragraphs':>11} {'HTML KiB':>9}")
    results = {}
    for label, page in pages:
        times, response = render(client, page, args.repeat)
        results[label] = min(times)
        print(
            f"{label:<22} {min(times):>9.0f} {statistics.median(times):>10.0f} "
            f"{response.content.count(b'<p id=' + b'"p'):>11} {len(response.content) / 1024:>9.0f}"
        )
    # The baseline: the whole article on one page, as before it was read in parts.
    with (
        mock.patch.object(parts, "PART_PARAGRAPHS", 10**9),
        mock.patch.object(parts, "PART_CHARACTERS", 10**12),
    ):
        whole = Client()
        times, response = render(whole, url, max(1, args.repeat - 1))
        print(
            f"{'whole (baseline)':<22} {min(times):>9.0f} {statistics.median(times):>10.0f} "
            f"{response.content.count(b'<p id=' + b'"p'):>11} {len(response.content) / 1024:>9.0f}"
        )
    print(f"speed-up of part 1 over the whole page: {min(times) / results['part 1']:.0f}x")


if __name__ == "__main__":
    main()
