"""
Adding coverage by URL (``articles.capture``, ``fetch_articles``): the page is
fetched from the local test server, read as an upload is read (text, date,
outlet, byline, canonical URL), filed with its quotes and strike, and kept as
a WARC file whose response is what the server sent; the same canonical URL
again is the same article.
"""

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from warcio.archiveiterator import ArchiveIterator

from articles.capture import capture_url
from articles.fetch import FetchRefused
from articles.ingest import IngestError
from articles.models import ArchivedPage, Article

PAGES = Path(__file__).resolve().parent / "fetch" / "pages"
STORY = (PAGES / "kaiser_therapists.html").read_bytes()
CANONICAL = "https://www.valleyledger.example/news/2022/09/12/kaiser-therapists-picket-lines/"
HTML = {"Content-Type": "text/html; charset=utf-8"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_url(web, fetch_settings):
    web.expect_request("/news/kaiser").respond_with_data(STORY, headers=HTML)
    return web.url_for("/news/kaiser")


def test_a_page_becomes_a_draft_with_its_metadata_quotes_and_strike(story_url, strikes):
    capture = capture_url(story_url)
    article = capture.article
    assert capture.created
    assert article.headline == "Kaiser therapists return to picket lines as talks stall"
    assert article.status == Article.Status.DRAFT
    assert article.source.name == "Valley Ledger"
    assert article.byline == "Dana Whitfield"
    assert article.url == CANONICAL
    assert article.published_on == date(2022, 9, 12)  # htmldate's, as for an uploaded page
    assert article.strike == strikes
    assert article.paragraphs[0].startswith("Mental health therapists at Kaiser Permanente")
    assert not any("Sign up" in p or "Advertisement" in p for p in article.paragraphs)
    speakers = {q.speaker.name for q in article.quotes.all() if q.speaker}
    assert {"Ilana Marcucci-Morris", "Deb Catsavas"} <= speakers
    assert capture.quotes == article.quotes.count() >= 3


def test_the_page_is_kept_as_warc_with_fetch_time_and_sha256(story_url):
    import hashlib

    capture = capture_url(story_url)
    kept = capture.archived_page
    assert kept.article == capture.article
    assert (kept.url, kept.final_url) == (story_url, story_url)
    assert kept.sha256 == hashlib.sha256(STORY).hexdigest()
    assert kept.size == len(STORY) and kept.content_type == "text/html"
    with kept.warc_path.open("rb") as stream:
        bodies = [r.raw_stream.read() for r in ArchiveIterator(stream) if r.rec_type == "response"]
    assert bodies == [STORY]


def test_the_same_canonical_url_again_is_the_same_article(story_url, web):
    first = capture_url(story_url)
    # Another address for the same story (a tracking link, the AMP page...): same canonical URL.
    web.expect_request("/amp/kaiser").respond_with_data(STORY, headers=HTML)
    again = capture_url(web.url_for("/amp/kaiser"))
    assert not again.created
    assert again.article == first.article
    assert Article.objects.count() == 1
    assert list(first.article.archived_pages.newest_first()) == [
        again.archived_page,
        first.archived_page,
    ]
    assert "already in the archive" in again.summary


def test_an_article_imported_earlier_with_that_url_is_the_same_article(story_url, seeded):
    kcra, _bee = seeded
    Article.objects.filter(pk=kcra.pk).update(url=CANONICAL)
    capture = capture_url(story_url)
    assert capture.article == kcra and not capture.created


def test_refusals_write_nothing(web, fetch_settings):
    web.expect_request("/menu").respond_with_data(
        (PAGES / "not_an_article.html").read_bytes(), headers=HTML
    )
    with pytest.raises(IngestError, match="no article text found"):
        capture_url(web.url_for("/menu"))
    with pytest.raises(FetchRefused, match="loopback"):
        capture_url(web.url_for("/menu").replace("127.0.0.1", "localhost"))
    assert not Article.objects.exists() and not ArchivedPage.objects.exists()


def test_nothing_inward_is_fetched_without_the_allowed_hosts_setting(web, settings):
    settings.FETCH_ALLOWED_HOSTS = []
    web.expect_request("/news/kaiser").respond_with_data(STORY, headers=HTML)
    with pytest.raises(FetchRefused, match="127.0.0.1 is a loopback address"):
        capture_url(web.url_for("/news/kaiser"))
    assert web.log == []


def test_fetch_articles_reports_each_url_and_fails_if_any_was_not_added(story_url, web):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(
            "fetch_articles",
            story_url,
            "ftp://example.org/story",
            "--status",
            "published",
            stdout=out,
            stderr=err,
        )
    assert failure.value.returncode == 1
    assert f"{story_url}: added “Kaiser therapists return" in out.getvalue()
    assert "(published," in out.getvalue()
    assert "not added ftp://example.org/story: " in err.getvalue()
    assert Article.objects.get().status == Article.Status.PUBLISHED


def test_the_character_set_the_server_declares_is_honoured(web, fetch_settings):
    """A page in windows-1252 with no <meta charset>: the Content-Type header says how to read it."""
    page = STORY.decode("utf-8").replace('<meta charset="utf-8">\n', "")
    page = page.replace("Ilana Marcucci-Morris", "Ilana Marcucci-Morrís")
    web.expect_request("/latin").respond_with_data(
        page.encode("windows-1252", "replace"),
        headers={"Content-Type": "text/html; charset=windows-1252"},
    )
    capture = capture_url(web.url_for("/latin"))
    assert "Ilana Marcucci-Morrís" in "\n".join(capture.article.paragraphs)
