"""
New coverage from the admin waits for an editor: it starts as a draft ("needs
review") and is published with one click on its review page. The command-line
import keeps its ``Status:`` header.
"""

import json

import lxml.html
import pytest
from django.urls import reverse

from articles.importer import import_article_bytes
from articles.models import Article, Person

from .conftest import AdminPage
from .test_add import ADD_URL, NURSES_TEXT, add_form

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def added(editor_client, strikes):
    """An article pasted into the admin with the add form as it comes (its defaults)."""
    response = editor_client.post(ADD_URL, add_form(editor_client, text=NURSES_TEXT))
    assert response.status_code == 302, AdminPage(response).errors()
    return Article.objects.get()


def test_the_add_form_starts_articles_as_drafts(editor_client):
    page = AdminPage(editor_client.get(ADD_URL), form_id="article_form")
    assert page.values()["status"] == ["draft"]


def test_an_article_added_in_the_admin_is_a_draft_no_reader_sees(added, client):
    assert added.status == Article.Status.DRAFT
    assert client.get(added.get_absolute_url()).status_code == 404


def test_the_review_page_of_a_draft_publishes_it_in_one_click(editor_client, added, client):
    page = AdminPage(editor_client.get(change_url(added)), form_id="article_form")
    buttons = page.tree.xpath("//form[@id='article_form']//input[@name='_publish']")
    # In the submit rows above and below the form (the quotes sit between them).
    assert [button.get("value") for button in buttons] == ["Save and publish"] * 2
    data = {**page.values(), "_publish": ["Save and publish"]}
    data.pop("CHANGE_FORM-action", None)
    response = editor_client.post(change_url(added), data)
    assert response.status_code == 302, AdminPage(response).errors()
    assert response["Location"] == change_url(added)

    added.refresh_from_db()
    assert added.status == Article.Status.PUBLISHED
    assert "status" in added.locked_fields  # a re-import of the same file leaves it alone
    assert client.get(added.get_absolute_url()).status_code == 200
    after = AdminPage(editor_client.get(response["Location"]), form_id="article_form")
    assert after.messages()[0] == (
        f"Published “{added.headline}”: it is now on the site at {added.get_absolute_url()}."
    )
    assert not after.tree.xpath("//input[@name='_publish']")  # nothing left to publish


def test_an_editor_may_still_publish_at_once(editor_client, strikes):
    response = editor_client.post(
        ADD_URL, add_form(editor_client, text=NURSES_TEXT, status="published")
    )
    assert response.status_code == 302, AdminPage(response).errors()
    assert Article.objects.get().status == Article.Status.PUBLISHED


@pytest.mark.parametrize(
    ("header", "status"),
    [("", Article.Status.PUBLISHED), ("Status: draft\n", Article.Status.DRAFT)],
)
def test_the_command_line_import_keeps_its_status_header(strikes, header, status):
    result = import_article_bytes(f"{header}\n{NURSES_TEXT}".encode(), key="nurses.txt")
    assert result.article.status == status


def test_a_person_added_from_a_speaker_field_gets_a_slug(editor_client):
    add = reverse("admin:articles_person_add")
    page = AdminPage(editor_client.get(f"{add}?_to_field=id&_popup=1"), form_id="person_form")
    # The admin's script fills the slug from the name as the editor types ...
    (constants,) = page.tree.xpath("//script[@id='django-admin-prepopulated-fields-constants']")
    (rule,) = json.loads(constants.get("data-prepopulated-fields"))
    assert (rule["id"], rule["dependency_ids"]) == ("#id_slug", ["#id_name"])
    # ... and without it (or left empty) the person still gets one.
    data = {**page.values(), "name": ["Maria Lopez"], "slug": [""]}
    response = editor_client.post(f"{add}?_to_field=id&_popup=1", data)
    assert response.status_code == 200, AdminPage(response).errors()  # the pop-up closes
    assert Person.objects.get(name="Maria Lopez").slug == "maria-lopez"


def test_admin_pages_carry_the_site_icon(editor_client, client):
    pages = [editor_client.get(url) for url in (reverse("admin:index"), ADD_URL)]
    pages.append(client.get(reverse("admin:login")))  # signed out
    for page in pages:
        assert page.status_code == 200
        icons = lxml.html.fromstring(page.content).xpath("//head/link[@rel='icon']/@href")
        assert len(icons) == 1 and icons[0].endswith("favicon.svg"), page.request["PATH_INFO"]
