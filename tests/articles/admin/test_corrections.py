"""
Correcting an article: the text edited as paragraphs, dated correction notes
on published articles, locks that survive re-imports, and a history of who
changed what and when.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from articles.importer import Outcome, import_article_bytes
from articles.models import Article, Correction, Redirect, Source
from tests.conftest import KCRA_SEED

from .conftest import AdminPage

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_article(client, article):
    return AdminPage(client.get(change_url(article)), form_id="article_form")


def save(client, article, data):
    data = {**data, "_continue": ["Save and continue editing"]}
    data.pop("CHANGE_FORM-action", None)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, AdminPage(response).errors()
    return AdminPage(client.get(response["Location"]))


def test_text_is_edited_as_paragraphs_separated_by_blank_lines(editor_client, seeded):
    kcra, _bee = seeded
    page = open_article(editor_client, kcra)
    [textarea] = page.tree.xpath("//textarea[@name='paragraphs']")
    assert textarea.text.strip("\r\n") == "\n\n".join(kcra.paragraphs)
    assert len(kcra.paragraphs) == 17
    # Saving it unchanged changes nothing in the text.
    save(editor_client, kcra, page.values())
    kcra.refresh_from_db()
    assert len(kcra.paragraphs) == 17
    assert not kcra.corrections.exists()


def test_changing_published_text_adds_a_dated_correction(editor_client, seeded):
    kcra, _bee = seeded
    data = open_article(editor_client, kcra).values()
    paragraphs = data["paragraphs"][0].replace("\r\n", "\n").split("\n\n")
    paragraphs[1] = paragraphs[1].replace("Nearly 40%", "About 40%")
    # Soft-wrapped lines within a paragraph are one paragraph, as on import.
    paragraphs.append("Kaiser said it would return to the bargaining table\nnext week.")
    data["paragraphs"] = ["\r\n\r\n".join(paragraphs)]
    data["correction_note"] = ["An earlier version overstated the share of therapists on strike."]
    before = datetime.now(ZoneInfo("UTC"))
    page = save(editor_client, kcra, data)

    kcra.refresh_from_db()
    assert kcra.paragraphs[1].startswith("About 40% of Kaiser’s therapists")
    assert kcra.paragraphs[-1] == "Kaiser said it would return to the bargaining table next week."
    assert len(kcra.paragraphs) == 18
    [correction] = kcra.corrections.all()
    assert correction.note == "An earlier version overstated the share of therapists on strike."
    assert correction.created_at >= before
    assert "paragraphs" in kcra.locked_fields
    assert any(
        m.startswith("The text changed, so quotes were extracted again:") for m in page.messages()
    )


def test_correction_note_defaults_when_the_editor_leaves_it_empty(editor_client, seeded):
    kcra, _bee = seeded
    data = open_article(editor_client, kcra).values()
    data["paragraphs"] = [data["paragraphs"][0].replace("eighth week", "ninth week")]
    save(editor_client, kcra, data)
    assert list(kcra.corrections.values_list("note", flat=True)) == [
        "The text of this article was corrected."
    ]


def test_changing_a_drafts_text_adds_no_correction(editor_client, strikes):
    draft = import_article_bytes(
        KCRA_SEED.read_bytes(), key="draft.txt", status=Article.Status.DRAFT
    ).article
    data = open_article(editor_client, draft).values()
    data["paragraphs"] = [data["paragraphs"][0].replace("eighth week", "ninth week")]
    save(editor_client, draft, data)
    draft.refresh_from_db()
    assert "ninth week" in draft.paragraphs[0]
    assert not Correction.objects.exists()


def test_edited_fields_are_locked_against_reimport(editor_client, strikes):
    original = KCRA_SEED.read_bytes()
    article = import_article_bytes(original, key=KCRA_SEED.name).article
    data = open_article(editor_client, article).values()
    data["headline"] = ["Kaiser therapists reject offer, stay on strike"]
    data["byline"] = ["KCRA 3 staff"]
    save(editor_client, article, data)
    article.refresh_from_db()
    assert set(article.locked_fields) == {"headline", "byline"}

    # The source file changes and is imported again: the editor's fields stay, the rest follows the file.
    changed = original.replace(b"nearing their eighth week", b"in their eighth week")
    assert import_article_bytes(changed, key=KCRA_SEED.name).outcome == Outcome.UPDATED
    article.refresh_from_db()
    assert article.headline == "Kaiser therapists reject offer, stay on strike"
    assert article.byline == "KCRA 3 staff"
    assert "in their eighth week" in article.paragraphs[0]


def test_editor_can_unlock_a_field(editor_client, seeded):
    kcra, _bee = seeded
    Article.objects.filter(pk=kcra.pk).update(locked_fields=["headline", "byline"])
    data = open_article(editor_client, kcra).values()
    assert data["locked_fields"] == ["headline", "byline"]
    data["locked_fields"] = ["byline"]
    save(editor_client, kcra, data)
    kcra.refresh_from_db()
    assert kcra.locked_fields == ["byline"]


def test_new_slug_on_a_published_article_leaves_a_redirect(editor_client, client, seeded):
    kcra, _bee = seeded
    old_url = kcra.get_absolute_url()
    data = open_article(editor_client, kcra).values()
    data["slug"] = ["kaiser-therapists-reject-contract"]
    save(editor_client, kcra, data)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/articles/kaiser-therapists-reject-contract/"
    assert Redirect.objects.filter(old_path=old_url).exists()


def test_publication_time_is_shown_and_read_on_the_outlets_clock(editor_client, seeded):
    _kcra, bee = seeded
    assert bee.published_at == datetime(2022, 8, 26, 5, 25, tzinfo=ZoneInfo("America/Los_Angeles"))
    data = open_article(editor_client, bee).values()
    assert (data["published_at_0"], data["published_at_1"]) == (["2022-08-26"], ["05:25:00"])
    data["published_at_1"] = ["07:00"]
    save(editor_client, bee, data)
    bee.refresh_from_db()
    assert bee.published_at == datetime(2022, 8, 26, 7, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert "published_at" in bee.locked_fields


def test_history_shows_who_changed_what_and_when(editor_client, editor, seeded):
    kcra, _bee = seeded
    data = open_article(editor_client, kcra).values()
    data["byline"] = ["Ashley Zavala"]
    save(editor_client, kcra, data)

    latest = kcra.history.order_by("-history_date").first()
    assert latest.history_user == editor
    assert latest.byline == "Ashley Zavala"
    assert latest.prev_record.byline == ""
    page = AdminPage(editor_client.get(reverse("admin:articles_article_history", args=[kcra.pk])))
    [row] = [
        row
        for row in page.tree.xpath("//table[@id='change-history']/tbody/tr")
        if editor.username in row.text_content()
    ]
    cells = [" ".join(cell.text_content().split()) for cell in row.xpath("td")]
    assert "Changed" in cells
    assert any("Byline: → Ashley Zavala" in cell for cell in cells), cells
    assert page.inline_code() == []  # the site's CSP refuses inline styles


def test_the_text_box_splits_paragraphs_as_the_importer_does():
    """Invisible characters pasted with the text go, as they do on import."""
    from articles.forms import ParagraphsField

    text = "Kai\u200bser thera\u00adpists walk out\r\n\u00a0\r\nThe strike\u2003is on."
    assert ParagraphsField().clean(text) == ["Kaiser therapists walk out", "The strike is on."]


def test_a_printed_offset_is_shown_and_kept_when_the_date_is_left_alone(editor_client, db):
    source = Source.objects.create(name="The Harbor Times", timezone="America/New_York")
    text = (
        "Source: The Harbor Times\nPublished: 2026-11-30T21:00:00-08:00\n\n"
        "Dockworkers walk out\n\nDockworkers walked out on Monday evening.\n"
    )
    article = import_article_bytes(text.encode(), key="docks.txt").article
    assert article.source == source
    data = open_article(editor_client, article).values()
    # On the clock the outlet printed, not New York's (which would say 12 a.m. on December 1).
    assert (data["published_at_0"], data["published_at_1"]) == (["2026-11-30"], ["21:00:00"])
    data["byline"] = ["Luis Ortega"]
    save(editor_client, article, data)
    article.refresh_from_db()
    assert article.published_offset == -480
    assert article.published_local.isoformat() == "2026-11-30T21:00:00-08:00"
    assert "published_at" not in article.locked_fields
    # A corrected time is read on the same printed clock.
    data = open_article(editor_client, article).values()
    data["published_at_1"] = ["20:30"]
    save(editor_client, article, data)
    article.refresh_from_db()
    assert article.published_local.isoformat() == "2026-11-30T20:30:00-08:00"


def test_a_date_given_without_a_time_stays_a_date(editor_client, seeded):
    _kcra, bee = seeded
    data = open_article(editor_client, bee).values()
    data["published_at_0"] = ["2022-08-25"]
    data["published_at_1"] = [""]
    save(editor_client, bee, data)
    bee.refresh_from_db()
    assert bee.published_date_only
    assert bee.published_as_printed.isoformat() == "2022-08-25"
    data = open_article(editor_client, bee).values()
    assert (data["published_at_0"], data["published_at_1"]) == (["2022-08-25"], [""])
