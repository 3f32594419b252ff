"""
Reviewing quotes in the admin: flags on what needs a look, fixes that lock a
quote against re-extraction, deleted quotes that stay deleted, missed quotes
added by their words.
"""

import pytest
from django.urls import reverse

from articles.models import Person, Quote, quote_fingerprint
from articles.quote_sync import sync_quotes

from .conftest import AdminPage, add_inline_quote, inline_prefix

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
    return response


def machine_quotes(article):
    return list(article.quotes.filter(edited_by_editor=False).order_by("paragraph", "start"))


def words_not_quoted(article):
    """A run of words from the article that no quote covers: what an editor would add as a missed quote."""
    for number, paragraph in enumerate(article.paragraphs, start=1):
        if article.quotes.filter(paragraph__lte=number, end_paragraph__gte=number).exists():
            continue
        words = paragraph.split()
        if len(words) >= 8:
            return number, " ".join(words[2:8])
    raise AssertionError("every paragraph has a quote")


def test_review_flags_quotes_without_speaker_and_of_low_confidence(editor_client, seeded):
    kcra, _bee = seeded
    first, second, *_ = machine_quotes(kcra)
    kcra.quotes.update(confidence=0.95)
    Quote.objects.filter(pk=first.pk).update(speaker=None)
    Quote.objects.filter(pk=second.pk).update(confidence=0.42, speaker=Person.objects.first())
    page = open_article(editor_client, kcra)
    rows = {row.get("id"): row for row in page.tree.xpath("//tr[starts-with(@id, 'quotes-')]")}
    data = page.values()
    first_row = rows[inline_prefix(data, first)]
    second_row = rows[inline_prefix(data, second)]
    # A class for colour and a text label, never colour alone.
    assert first_row.xpath(".//span[contains(@class, 'quote-flag--unattributed')]/text()") == [
        "No speaker"
    ]
    assert second_row.xpath(".//span[contains(@class, 'quote-flag--low')]/text()") == [
        "Low confidence (0.42)"
    ]
    unattributed = kcra.quotes.filter(speaker__isnull=True).count()
    summary = page.texts(".quote-review-summary")[0]
    assert f"{unattributed} without a speaker, 1 of low confidence (below 0.7)" in summary


def test_fixing_a_speaker_locks_the_quote_and_records_who(editor_client, editor, seeded):
    kcra, _bee = seeded
    quote = machine_quotes(kcra)[0]
    other = Person.objects.create(name="Corinne Sako", description="licensed clinical psychologist")
    version_before, article_version_before = quote.version, kcra.version
    page = open_article(editor_client, kcra)
    data = page.values()
    data[f"{inline_prefix(data, quote)}-speaker"] = [str(other.pk)]
    save(editor_client, kcra, data)

    quote.refresh_from_db()
    kcra.refresh_from_db()
    assert quote.speaker == other
    assert quote.edited_by_editor is True
    assert quote.version == version_before + 1
    assert kcra.version == article_version_before + 1
    change = quote.history.order_by("-history_date").first()
    assert change.history_user == editor
    assert change.speaker_id == other.pk
    # Only the quote the editor touched is locked.
    assert kcra.quotes.filter(edited_by_editor=True).count() == 1


def test_deleted_quote_does_not_come_back_on_reextraction(editor_client, seeded):
    kcra, _bee = seeded
    false_quote = machine_quotes(kcra)[-1]
    page = open_article(editor_client, kcra)
    data = page.values()
    data[f"{inline_prefix(data, false_quote)}-DELETE"] = ["on"]
    save(editor_client, kcra, data)

    kcra.refresh_from_db()
    assert not Quote.objects.filter(pk=false_quote.pk).exists()
    assert quote_fingerprint(false_quote.text) in kcra.suppressed_quotes
    sync_quotes(kcra)
    assert not kcra.quotes.filter(text=false_quote.text).exists()


def test_missed_quote_is_added_by_its_words(editor_client, editor, seeded):
    kcra, _bee = seeded
    number, words = words_not_quoted(kcra)
    speaker = Person.objects.create(name="Sarah Soroken")
    page = open_article(editor_client, kcra)
    data = page.values()
    add_inline_quote(data, text=words, speaker=speaker.pk)
    save(editor_client, kcra, data)

    added = kcra.quotes.get(text=words)
    assert (added.paragraph, added.end_paragraph) == (number, number)
    assert kcra.paragraphs[number - 1][added.start : added.end] == words
    assert added.edited_by_editor is True
    assert added.speaker == speaker
    assert added.history.first().history_user == editor


def test_added_quote_must_be_words_of_the_article(editor_client, seeded):
    kcra, _bee = seeded
    count = kcra.quotes.count()
    page = open_article(editor_client, kcra)
    data = page.values()
    add_inline_quote(data, text="We will never go back to work without a contract")
    response = editor_client.post(change_url(kcra), {**data, "_continue": ["1"]})
    errors = AdminPage(response).errors()
    assert any(
        error.startswith("These words are not in the article’s text.") for error in errors
    ), errors
    assert kcra.quotes.count() == count


def test_reextraction_keeps_the_editors_work(editor_client, seeded):
    """The whole review: fix a speaker, delete a false quote, add a missed one, then re-extract."""
    kcra, _bee = seeded
    fixed, false_quote, *rest = machine_quotes(kcra)
    speaker = Person.objects.create(name="Sarah Soroken")
    _number, words = words_not_quoted(kcra)
    page = open_article(editor_client, kcra)
    data = page.values()
    data[f"{inline_prefix(data, fixed)}-speaker"] = [str(speaker.pk)]
    data[f"{inline_prefix(data, false_quote)}-DELETE"] = ["on"]
    add_inline_quote(data, text=words, speaker=speaker.pk)
    save(editor_client, kcra, data)
    untouched = {q.text for q in rest}

    # Re-extract from the change page's action bar, as the review page offers.
    page = open_article(editor_client, kcra)
    data = page.values()
    data["CHANGE_FORM-action"] = ["reextract_quotes"]
    data["index"] = ["0"]
    response = editor_client.post(change_url(kcra), data)
    assert response.status_code == 302
    page = AdminPage(editor_client.get(response["Location"]))
    assert page.messages()[0].startswith("Re-extracted the quotes of 1 article:")
    assert page.messages()[0].endswith("2 checked by editors kept as they were.")

    fixed_now = kcra.quotes.get(text=fixed.text)
    assert (fixed_now.pk, fixed_now.speaker, fixed_now.edited_by_editor) == (
        fixed.pk,
        speaker,
        True,
    )
    assert not kcra.quotes.filter(text=false_quote.text).exists()
    assert kcra.quotes.get(text=words).speaker == speaker
    machine_texts = set(kcra.quotes.filter(edited_by_editor=False).values_list("text", flat=True))
    assert machine_texts == untouched


def test_reextract_action_on_the_article_list(editor_client, seeded):
    kcra, bee = seeded
    Quote.objects.filter(article__in=[kcra, bee]).delete()
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "reextract_quotes", "_selected_action": [kcra.pk, bee.pk], "index": "0"},
    )
    assert response.status_code == 302
    assert kcra.quotes.exists() and bee.quotes.exists()
    message = AdminPage(editor_client.get(response["Location"])).messages()[0]
    found = Quote.objects.filter(article__in=[kcra, bee]).count()
    assert (
        message == f"Re-extracted the quotes of 2 articles: {found} found by the extractor; "
        "0 checked by editors kept as they were."
    )


def test_quote_deleted_from_its_own_page_is_suppressed_too(editor_client, seeded):
    kcra, _bee = seeded
    quote = machine_quotes(kcra)[0]
    response = editor_client.post(
        reverse("admin:articles_quote_delete", args=[quote.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    kcra.refresh_from_db()
    assert quote.fingerprint in kcra.suppressed_quotes
    sync_quotes(kcra)
    assert not kcra.quotes.filter(text=quote.text).exists()


def test_quotes_deleted_from_the_list_are_suppressed(editor_client, seeded):
    kcra, bee = seeded
    chosen = [kcra.quotes.order_by("pk").first(), bee.quotes.order_by("pk").first()]
    changelist = reverse("admin:articles_quote_changelist")
    selection = {"action": "delete_selected", "_selected_action": [q.pk for q in chosen]}
    confirm = editor_client.post(changelist, selection)
    assert confirm.status_code == 200  # Django's "are you sure?" page
    response = editor_client.post(changelist, {**selection, "post": "yes"})
    assert response.status_code == 302
    for quote in chosen:
        quote.article.refresh_from_db()
        assert quote.fingerprint in quote.article.suppressed_quotes
        assert not Quote.objects.filter(pk=quote.pk).exists()


def test_quote_list_filters_what_needs_review(editor_client, seeded):
    unattributed = set(Quote.objects.filter(speaker__isnull=True).values_list("pk", flat=True))
    page = AdminPage(
        editor_client.get(reverse("admin:articles_quote_changelist") + "?review=unattributed")
    )
    listed = {int(v) for v in page.tree.xpath("//input[@name='_selected_action']/@value")}
    assert listed == unattributed


def test_editing_a_quote_on_its_own_page_re_anchors_it(editor_client, seeded):
    kcra, _bee = seeded
    quote = max(machine_quotes(kcra), key=lambda q: len(q.text))
    shorter = " ".join(quote.text.split("\n\n")[0].split()[:5])
    url = reverse("admin:articles_quote_change", args=[quote.pk])
    data = AdminPage(editor_client.get(url), form_id="quote_form").values()
    data["text"] = [shorter]
    response = editor_client.post(url, data)
    assert response.status_code == 302, AdminPage(response).errors()
    quote.refresh_from_db()
    assert quote.text == shorter
    assert kcra.paragraphs[quote.paragraph - 1][quote.start : quote.end] == shorter
    assert quote.edited_by_editor is True


def test_a_quote_added_on_its_own_page_is_found_in_its_article(editor_client, seeded):
    kcra, _bee = seeded
    number, words = words_not_quoted(kcra)
    url = reverse("admin:articles_quote_add")
    data = AdminPage(editor_client.get(url), form_id="quote_form").values()
    data.update(article=[str(kcra.pk)], text=[words])
    response = editor_client.post(url, data)
    assert response.status_code == 302, AdminPage(response).errors()
    quote = kcra.quotes.get(text=words)
    assert quote.paragraph == number
    assert kcra.paragraphs[number - 1][quote.start : quote.end] == words
    assert quote.edited_by_editor is True
