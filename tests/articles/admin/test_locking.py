"""
Two editors, one article: the second save based on an out-of-date copy is
refused, the editor sees what differs, and can apply their version knowingly.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.forms import ArticleChangeForm, QuoteInlineForm
from articles.locking import StaleVersionError
from articles.models import Article, Person

from .conftest import EDITOR_PASSWORD, AdminPage, inline_prefix


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def open_article(client, article):
    return AdminPage(client.get(change_url(article)), form_id="article_form")


def edit_paragraph(data, number, old, new):
    paragraphs = data["paragraphs"][0].split(
        "\r\n\r\n" if "\r\n" in data["paragraphs"][0] else "\n\n"
    )
    assert old in paragraphs[number - 1]
    paragraphs[number - 1] = paragraphs[number - 1].replace(old, new, 1)
    data["paragraphs"] = ["\n\n".join(paragraphs)]


def submit(client, article, data):
    data = {**data, "_continue": ["Save and continue editing"]}
    data.pop("CHANGE_FORM-action", None)
    return client.post(change_url(article), data)


@pytest.mark.django_db
def test_second_editor_is_shown_the_difference_and_can_reapply(
    editor_client, second_editor_client, seeded
):
    kcra, _bee = seeded
    first = open_article(editor_client, kcra).values()
    second = open_article(second_editor_client, kcra).values()
    assert first["loaded_version"] == second["loaded_version"] == [str(kcra.version)]

    edit_paragraph(first, 3, "open-ended strike", "open-ended walkout")
    assert submit(editor_client, kcra, first).status_code == 302

    edit_paragraph(second, 5, "Sarah Soroken", "Sarah M. Soroken")
    second["headline"] = ["Kaiser therapists stay out after rejecting offer"]
    response = submit(second_editor_client, kcra, second)
    page = AdminPage(response, form_id="article_form")
    assert any(error.startswith("amira saved this article at ") for error in page.errors()), (
        page.errors()
    )
    assert page.texts(".edit-conflict h2")[0].startswith("Saved meanwhile by amira")
    assert page.inline_code() == []
    # Both paragraphs differ: the first editor's word is only in the saved text, the second's only in theirs.
    assert "walkout" in page.texts(".text-diff-saved del")
    assert "M." in " ".join(page.texts(".text-diff-yours ins"))
    rows = page.tree.xpath("//table[contains(@class, 'field-diff')]//tr[th[@scope='row']]")
    assert [[cell.text_content() for cell in row] for row in rows] == [
        ["Headline", kcra.headline, "Kaiser therapists stay out after rejecting offer"]
    ]
    # The first save changed the text, so quotes were extracted again: they kept their rows and
    # ids, so the rows this editor loaded are still the article's quotes.
    loaded_rows = [
        n for n in second if n.startswith("quotes-") and n.endswith("-id") and "__prefix__" not in n
    ]
    assert len(loaded_rows) == kcra.quotes.count() > 0
    assert QuoteInlineForm.gone_message not in page.errors()
    loaded_ids = sorted(int(second[name][0]) for name in loaded_rows)
    assert sorted(kcra.quotes.values_list("pk", flat=True)) == loaded_ids
    kcra.refresh_from_db()
    assert "open-ended walkout" in kcra.paragraphs[2]
    assert kcra.headline != "Kaiser therapists stay out after rejecting offer"
    assert kcra.version == 2

    # The form kept the second editor's input; saving it again applies it over the first's.
    again = page.values()
    assert again["loaded_version"] == ["2"]
    assert again["headline"] == ["Kaiser therapists stay out after rejecting offer"]
    response = submit(second_editor_client, kcra, again)
    assert response.status_code == 302, AdminPage(response).errors()
    messages = AdminPage(second_editor_client.get(response["Location"])).messages()
    assert not any("removed meanwhile" in message for message in messages)
    assert sorted(kcra.quotes.values_list("pk", flat=True)) == loaded_ids
    kcra.refresh_from_db()
    assert kcra.headline == "Kaiser therapists stay out after rejecting offer"
    assert "Sarah M. Soroken" in kcra.paragraphs[4]
    assert "open-ended strike" in kcra.paragraphs[2]  # the second editor's copy of that paragraph
    assert kcra.version == 3


@pytest.mark.django_db
def test_a_quote_changed_meanwhile_is_refused_in_its_row(
    editor_client, second_editor_client, seeded
):
    kcra, _bee = seeded
    quote = kcra.quotes.order_by("paragraph").first()
    first = open_article(editor_client, kcra).values()
    second = open_article(second_editor_client, kcra).values()
    prefix = inline_prefix(first, quote)
    first[f"{prefix}-speaker"] = [str(Person.objects.create(name="Sarah Soroken").pk)]
    assert submit(editor_client, kcra, first).status_code == 302

    second[f"{prefix}-is_fragment"] = ["on"]
    page = AdminPage(submit(second_editor_client, kcra, second), form_id="article_form")
    assert "amira changed this quote after you opened the page." in " ".join(page.errors())
    quote.refresh_from_db()
    assert quote.is_fragment is False and quote.speaker.name == "Sarah Soroken"

    assert submit(second_editor_client, kcra, page.values()).status_code == 302
    quote.refresh_from_db()
    assert quote.is_fragment is True


@pytest.mark.django_db
def test_every_save_increments_the_version(editor_client, seeded):
    kcra, _bee = seeded
    for expected in (2, 3):
        assert (
            submit(editor_client, kcra, open_article(editor_client, kcra).values()).status_code
            == 302
        )
        kcra.refresh_from_db()
        assert kcra.version == expected


@pytest.mark.django_db
def test_version_is_claimed_only_if_unchanged(seeded):
    kcra, _bee = seeded
    data = {"loaded_version": kcra.version}
    form = ArticleChangeForm(instance=kcra)
    form.cleaned_data = data
    Article.objects.filter(pk=kcra.pk).update(version=kcra.version + 1)  # someone else saved
    with pytest.raises(StaleVersionError):
        form.claim_version()
    kcra.refresh_from_db()
    assert kcra.version == 2


@pytest.mark.django_db
def test_quote_page_refuses_a_stale_save(editor_client, second_editor_client, seeded):
    kcra, _bee = seeded
    quote = kcra.quotes.order_by("paragraph").first()
    url = reverse("admin:articles_quote_change", args=[quote.pk])
    first = AdminPage(editor_client.get(url), form_id="quote_form").values()
    second = AdminPage(second_editor_client.get(url), form_id="quote_form").values()
    first["cue"] = ["she said"]
    assert editor_client.post(url, first).status_code == 302
    second["cue"] = ["said the therapist"]
    page = AdminPage(second_editor_client.post(url, second))
    assert any(error.startswith("amira saved this quote at") for error in page.errors()), (
        page.errors()
    )
    quote.refresh_from_db()
    assert quote.cue == "she said"


@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_cannot_both_win(make_editor, seeded):
    """Two editors press Save at the same moment, each in their own request and database connection."""
    kcra, _bee = seeded
    clients = []
    for name in ("amira", "bruno"):
        make_editor(name)
        client = Client()
        assert client.login(username=name, password=EDITOR_PASSWORD)
        clients.append(client)
    forms = [open_article(client, kcra).values() for client in clients]
    for data, name in zip(forms, ("amira", "bruno"), strict=True):
        data["byline"] = [f"Edited by {name}"]
    start = threading.Barrier(2)
    responses = [None, None]

    def save(index):
        try:
            start.wait()
            responses[index] = submit(clients[index], kcra, forms[index])
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 302]
    loser = next(r for r in responses if r.status_code == 200)
    assert "saved this article at" in " ".join(AdminPage(loser).errors())
    kcra.refresh_from_db()
    assert kcra.version == 2
    winner = ("amira", "bruno")[[r.status_code for r in responses].index(302)]
    assert kcra.byline == f"Edited by {winner}"
