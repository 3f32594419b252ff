"""
Issue 11's own check, end to end with the real commands, pages and search:
import the seeds and note every public URL; correct one number in a paragraph
without quotes and import an unrelated story under the same file name from
another folder; every noted URL still answers, and the KCRA story and its
quotes are still there and found. Then the dates: a new outlet's evening story
printed with -08:00 is November 30's everywhere, with no "UTC"; a story dated
with a day alone shows no time.
"""

import re
import shutil
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command

from articles.models import Article, Person, Quote, Source
from search import indexing
from search.backends import get_backend
from search.service import SearchParams, run_search
from tests.conftest import KCRA_SEED, SEEDS_DIR

pytestmark = pytest.mark.django_db

UNRELATED = (
    "Source: Oakland Ledger\nPublished: 2026-11-30T21:00:00-08:00\n\n"
    "Dockworkers walk out at the Port of Oakland\n\n"
    "Hundreds of dockworkers walked off the job at the Port of Oakland on Monday evening "
    "after talks over automation broke down.\n\n"
    "“We are not going to be replaced by machines,” said Luis Ortega, a crane operator.\n"
)
DATE_ONLY = (
    "Source: Valley Ledger\nPublished: 2026-11-29\n\nBus drivers set a strike date\n\n"
    "Bus drivers in the valley voted to strike from Monday unless a contract is signed.\n"
)


def import_files(*paths):
    out = StringIO()
    call_command("import_articles", *map(str, paths), stdout=out)
    return out.getvalue()


def noted_urls():
    """Every public article, quote, person and outlet page."""
    return sorted(
        [a.get_absolute_url() for a in Article.objects.published()]
        + [q.get_absolute_url() for q in Quote.objects.published()]
        + [p.get_absolute_url() for p in Person.objects.quoted()]
        + [s.get_absolute_url() for s in Source.objects.with_published_coverage()]
    )


def fresh_get(client, url):
    for cache in caches.all():
        cache.clear()
    return client.get(url)


def test_the_issue_scenario(
    client, strikes, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.STRIKEWATCH_INDEX_DIR = tmp_path / "index"
    settings.SEARCH_BACKEND = "whoosh"
    settings.SEARCH_AUTO_REBUILD = False
    import_files(SEEDS_DIR)
    indexing.rebuild(get_backend())
    noted = noted_urls()
    assert all(fresh_get(client, url).status_code == 200 for url in noted)
    kcra = Article.objects.get(import_key=KCRA_SEED.name)
    kcra_quotes = set(kcra.quotes.values_list("pk", "text"))

    corrected = tmp_path / "corrected" / KCRA_SEED.name
    corrected.parent.mkdir()
    shutil.copy(KCRA_SEED, corrected)
    text = corrected.read_text()
    assert "The agency received 156 access complaints" in text
    corrected.write_text(text.replace("received 156 access", "received 165 access"))
    unrelated = tmp_path / "elsewhere" / KCRA_SEED.name
    unrelated.parent.mkdir()
    unrelated.write_text(UNRELATED)
    with django_capture_on_commit_callbacks(execute=True):
        output = import_files(corrected, unrelated)
    assert f"updated {corrected}:" in output
    assert f"created {unrelated}: 'Dockworkers walk out at the Port of Oakland'" in output
    assert "a different story from “Kaiser Permanente therapists" in output

    for url in noted:
        assert fresh_get(client, url).status_code in (200, 301), url
    kcra.refresh_from_db()
    assert kcra.headline == "Kaiser Permanente therapists continue strike, reject contract"
    assert any("received 165 access complaints" in p for p in kcra.paragraphs)
    assert set(kcra.quotes.values_list("pk", "text")) == kcra_quotes
    found = run_search(SearchParams(q='"life or death"'))
    assert [result.object.article_id for result in found.results] == [kcra.pk]
    assert {r.object.pk for r in run_search(SearchParams(q="speaker:Soroken")).results} <= {
        pk for pk, _ in kcra_quotes
    }
    articles = run_search(SearchParams(q='"165 access complaints"', type="articles"))
    assert [result.object.pk for result in articles.results] == [kcra.pk]

    docks = Article.objects.get(headline="Dockworkers walk out at the Port of Oakland")
    assert docks.headline in fresh_get(client, "/archive/2026/11/").content.decode()
    page = fresh_get(client, docks.get_absolute_url()).content.decode()
    assert "Nov. 30, 2026, 9 p.m. PST" in page
    assert "(2026, November 30)" in page
    assert "UTC" not in page

    dated = tmp_path / "dated" / "bus.txt"
    dated.parent.mkdir()
    dated.write_text(DATE_ONLY)
    import_files(dated)
    bus = Article.objects.get(headline="Bus drivers set a strike date")
    page = fresh_get(client, bus.get_absolute_url()).content.decode()
    dateline = re.search(r'dateline__date">(.*?)</span>', page)[1]
    assert dateline == '<time datetime="2026-11-29">Nov. 29, 2026</time>'
    assert "(2026, November 29)" in page
