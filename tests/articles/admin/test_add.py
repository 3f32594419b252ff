"""
Adding coverage in the admin: paste or upload, what the editor sets wins and
is kept on re-import, bad files are refused with a reason and nothing saved,
and the editor lands on the review of the quotes found.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.importer import Outcome, import_article_bytes, import_article_file
from articles.models import Article, Person, Quote, Source
from tests.articles.ingest.fixture_articles import SACBEE_PAGE
from tests.conftest import KCRA_SEED

from .conftest import AdminPage

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
KCRA_TEXT = KCRA_SEED.read_text(encoding="utf-8")
NURSES_TEXT = (
    "Nurses walk out at Mercy General\n\n"
    "Hundreds of nurses walked off the job at Mercy General Hospital in Sacramento on Tuesday, "
    "starting a two-day strike over staffing.\n\n"
    "“We are exhausted and our patients deserve better,” said Maria Lopez, a nurse in the "
    "intensive care unit.\n\n"
    "The hospital said it had “contingency plans in place” to keep patients safe during the strike.\n"
)


def add_form(client, **fields):
    """The add form as the page renders it, with ``fields`` filled in."""
    data = AdminPage(client.get(ADD_URL), form_id="article_form").values()
    data.pop("upload", None)
    for name, value in fields.items():
        data[name] = value if isinstance(value, SimpleUploadedFile) else [value]
    return data


def review_of(client, response):
    """Follow the redirect after adding: the review page of the new article."""
    assert response.status_code == 302, AdminPage(response).errors()
    path, _, fragment = response["Location"].partition("#")
    assert fragment == "quotes-group"
    return AdminPage(client.get(path), form_id="article_form")


def snapshot(article):
    quotes = article.quotes.select_related("speaker").order_by("paragraph", "start")
    return {
        "headline": article.headline,
        "source": article.source.name,
        "paragraphs": article.paragraphs,
        "strike": article.strike_id,
        "quotes": [
            (q.paragraph, q.start, q.end, q.text, q.speaker.name if q.speaker else None)
            for q in quotes
        ],
    }


def test_pasted_article_lands_on_the_review_of_its_quotes(editor_client, strikes):
    response = editor_client.post(ADD_URL, add_form(editor_client, text=KCRA_TEXT))
    page = review_of(editor_client, response)
    article = Article.objects.get()
    quotes = list(article.quotes.all())
    assert quotes, "the KCRA article has quotes"
    unattributed = [q for q in quotes if q.speaker_id is None]
    # New coverage from the admin is a draft until an editor has looked at its quotes.
    assert article.status == Article.Status.DRAFT
    assert page.messages()[0].startswith(
        f"Added “{article.headline}” (draft): {len(quotes)} quotes found"
    )
    rows = page.tree.xpath("//tr[starts-with(@id, 'quotes-')][not(@id='quotes-empty')]")
    assert len(rows) == len(quotes)
    assert len(page.texts(".quote-flag--unattributed")) == len(unattributed)
    assert all(text == "No speaker" for text in page.texts(".quote-flag--unattributed"))
    summary = page.texts(".quote-review-summary")[0]
    assert summary.startswith(f"{len(quotes)} quotes")
    assert page.inline_code() == []
    # Speakers were matched or created as on import.
    assert {q.speaker.name for q in quotes if q.speaker} <= set(
        Person.objects.values_list("name", flat=True)
    )


def test_pasting_behaves_as_importing_the_file(editor_client, strikes):
    response = editor_client.post(ADD_URL, add_form(editor_client, text=KCRA_TEXT))
    assert response.status_code == 302
    pasted = snapshot(Article.objects.get())
    assert pasted["strike"] == strikes.pk
    Article.objects.all().delete()
    imported = snapshot(import_article_file(KCRA_SEED).article)
    assert pasted == imported


def test_the_text_is_parsed_once_and_stored_as_the_form_parsed_it(
    editor_client, strikes, monkeypatch
):
    from articles import importer

    parsed = []

    def parse_and_count(*args, **kwargs):
        parsed.append(importer.parse_article.__wrapped__(*args, **kwargs))
        return parsed[-1]

    parse_and_count.__wrapped__ = importer.parse_article
    monkeypatch.setattr(importer, "parse_article", parse_and_count)
    review_of(editor_client, editor_client.post(ADD_URL, add_form(editor_client, text=NURSES_TEXT)))
    assert len(parsed) == 1
    article = Article.objects.get()
    assert (article.headline, article.paragraphs) == (parsed[0].headline, parsed[0].paragraphs)


def test_what_the_editor_sets_wins_and_is_kept_on_reimport(editor_client, strikes):
    kcra = Source.objects.create(name="KCRA 3", kind="tv", timezone="America/Los_Angeles")
    data = add_form(
        editor_client,
        source=str(kcra.pk),
        strike=str(strikes.pk),
        published_at_0="2022-09-20",
        published_at_1="06:15",
        byline="Lena Park",
        url="https://www.kcra.com/article/mercy-general-nurses-strike/41234567",
        status="draft",
    )
    data["upload"] = SimpleUploadedFile("mercy-general.txt", NURSES_TEXT.encode(), "text/plain")
    page = review_of(editor_client, editor_client.post(ADD_URL, data))
    article = Article.objects.get()
    assert article.source == kcra
    assert article.strike == strikes
    # Entered on the outlet's clock: 6:15 a.m. in Sacramento.
    assert article.published_at == datetime(
        2022, 9, 20, 6, 15, tzinfo=ZoneInfo("America/Los_Angeles")
    )
    assert article.byline == "Lena Park"
    assert article.url == "https://www.kcra.com/article/mercy-general-nurses-strike/41234567"
    assert article.status == Article.Status.DRAFT
    assert article.import_key == "mercy-general.txt"
    assert set(article.locked_fields) == {"source", "published_at", "byline", "url", "status"}
    assert "(draft)" in page.messages()[0]

    # The same file, changed and imported again (as import_articles would): the editor's fields stay.
    changed = (
        "Source: The Sacramento Bee\nByline: Someone Else\nStatus: published\n\n" + NURSES_TEXT
    ).replace("on Tuesday", "on Tuesday morning")
    result = import_article_bytes(changed.encode(), key="mercy-general.txt")
    assert result.outcome == Outcome.UPDATED
    article.refresh_from_db()
    assert (article.source, article.byline, article.status) == (
        kcra,
        "Lena Park",
        Article.Status.DRAFT,
    )
    assert "on Tuesday morning" in article.paragraphs[0]


def test_saved_html_page_is_imported_with_its_metadata(editor_client, strikes):
    data = add_form(editor_client)
    data["upload"] = SimpleUploadedFile("nurses.html", SACBEE_PAGE, "text/html")
    review_of(editor_client, editor_client.post(ADD_URL, data))
    article = Article.objects.get()
    assert article.headline == "Mercy General nurses walk out over staffing"
    assert article.source.name == "The Sacramento Bee"
    assert article.byline == "Jane Okafor"
    assert article.url == "https://www.sacbee.com/news/local/article272901234.html"
    assert article.published_at == datetime(
        2023, 3, 14, 8, 30, tzinfo=ZoneInfo("America/Los_Angeles")
    )
    assert len(article.paragraphs) == 5
    assert article.quotes.filter(text__startswith="We are exhausted").exists()
    assert not any("Privacy" in p or "Related stories" in p for p in article.paragraphs)


def test_header_date_without_zone_is_read_on_the_outlets_clock(editor_client, db):
    text = "Source: KCRA 3\nPublished: 2022-09-20 06:15\n\n" + NURSES_TEXT
    review_of(editor_client, editor_client.post(ADD_URL, add_form(editor_client, text=text)))
    assert Article.objects.get().published_at == datetime(
        2022, 9, 20, 6, 15, tzinfo=ZoneInfo("America/Los_Angeles")
    )


def test_a_date_the_editor_gives_without_a_time_is_a_date(editor_client, db):
    data = add_form(editor_client, text=NURSES_TEXT, published_at_0="2022-09-20")
    review_of(editor_client, editor_client.post(ADD_URL, data))
    article = Article.objects.get()
    assert article.published_date_only
    assert article.published_as_printed.isoformat() == "2022-09-20"
    assert "published_at" in article.locked_fields


FIVE_MB = 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        (
            "huge.txt",
            (NURSES_TEXT + "\n\n" + "More text about the strike. " * 200_000).encode()[
                : FIVE_MB + 1
            ],
            "huge.txt: file is too large (5.0 MB; the limit is 5 MB).",
        ),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
            "photo.txt: file looks binary, not text.",
        ),
        (
            "greve.txt",
            "Grève générale\n\nLes ouvriers ont cessé le travail ce matin.".encode("latin-1"),
            "greve.txt: file is not UTF-8 text",
        ),
        (
            "scan.pdf",
            b"%PDF-1.7 a scanned article",
            "scan.pdf: upload a .txt file or a saved .html page.",
        ),
        ("empty.txt", b"", "The submitted file is empty."),
        (
            "menu.html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "menu.html: no article text found in the page",
        ),
    ],
)
def test_bad_upload_is_refused_with_a_reason_and_nothing_saved(
    editor_client, strikes, name, content, error
):
    sources_before = Source.objects.count()
    data = add_form(editor_client)
    data["upload"] = SimpleUploadedFile(name, content, "application/octet-stream")
    response = editor_client.post(ADD_URL, data)
    page = AdminPage(response)
    assert any(message.startswith(error) for message in page.errors()), page.errors()
    assert Article.objects.count() == 0
    assert Quote.objects.count() == 0
    assert Source.objects.count() == sources_before


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Paste the article's text or upload a file."),
        (
            "A" * 400 + "\n\nSome paragraph.",
            "No headline: the first line is a paragraph (400 characters)",
        ),
        (
            "Strike: no-such-strike\n\n" + NURSES_TEXT,
            "The Strike header names no known strike: 'no-such-strike'.",
        ),
        (
            "Published: last Tuesday\n\n" + NURSES_TEXT,
            "The Published header is not a date: 'last Tuesday'.",
        ),
        # Longer than their columns: a form error, never a 500.
        (
            "URL: https://valley.example/" + "a" * 2477 + "\n\n" + NURSES_TEXT,
            "The URL header is 2,500 characters long; at most 2,000 fit.",
        ),
        (
            "Source: " + "V" * 300 + "\n\n" + NURSES_TEXT,
            "The Source header is 300 characters long; at most 200 fit.",
        ),
    ],
)
def test_bad_paste_is_refused_with_a_reason(editor_client, strikes, text, error):
    page = AdminPage(editor_client.post(ADD_URL, add_form(editor_client, text=text)))
    assert any(message.startswith(error) for message in page.errors()), page.errors()
    assert Article.objects.count() == 0


def test_paste_and_upload_together_is_refused(editor_client, strikes):
    data = add_form(editor_client, text=NURSES_TEXT)
    data["upload"] = SimpleUploadedFile("nurses.txt", NURSES_TEXT.encode(), "text/plain")
    page = AdminPage(editor_client.post(ADD_URL, data))
    assert "Paste the text or upload a file, not both." in page.errors()
    assert Article.objects.count() == 0


def test_the_same_article_twice_is_refused_with_a_link_to_it(editor_client, strikes):
    existing = import_article_file(KCRA_SEED).article
    page = AdminPage(editor_client.post(ADD_URL, add_form(editor_client, text=KCRA_TEXT)))
    assert f"This text is already in the archive: {existing.headline}." in page.errors()
    link = page.tree.xpath("//ul[contains(@class, 'errorlist')]//a/@href")
    assert link == [reverse("admin:articles_article_change", args=[existing.pk])]
    assert Article.objects.count() == 1

    url = "https://www.kcra.com/article/kaiser-therapists/41300000"
    Article.objects.filter(pk=existing.pk).update(url=url)
    page = AdminPage(
        editor_client.post(ADD_URL, add_form(editor_client, text=NURSES_TEXT, url=url))
    )
    assert (
        f"An article from this original URL is already in the archive: {existing.headline}."
        in page.errors()
    )
    assert Article.objects.count() == 1


def test_add_form_shows_the_fields_an_editor_may_set(editor_client):
    page = AdminPage(editor_client.get(ADD_URL), form_id="article_form")
    names = set(page.values())
    assert {
        "text",
        "headline",
        "source",
        "strike",
        "published_at_0",
        "published_at_1",
        "byline",
        "url",
        "status",
    } <= names
    assert page.tree.xpath("//input[@type='file'][@name='upload']/@accept") == [
        ".txt,.text,.html,.htm,text/plain,text/html"
    ]
    assert page.tree.xpath("//form[@id='article_form']/@enctype") == ["multipart/form-data"]
    # Source and strike: pick with autocomplete, or create with the "+" button.
    assert page.tree.xpath("//select[@name='source'][contains(@class, 'admin-autocomplete')]")
    assert page.tree.xpath("//a[@id='add_id_source']")
    assert page.tree.xpath("//a[@id='add_id_strike']")
    assert page.inline_code() == []
