"""
"Add by URL" in the admin: staff only and CSRF-protected; the editor gives an
address, a background task (Django's Tasks framework, django-tasks-db's
database backend, run here by its own ``db_worker``) fetches and files it,
and the status page then opens the article on its quotes, or says why the
page was not added.
"""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import ArchivedPage, Article

from .conftest import AdminPage

PAGES = Path(__file__).resolve().parent.parent / "fetch" / "pages"
ADD_BY_URL = reverse("admin:articles_article_add_by_url")
HTML = {"Content-Type": "text/html; charset=utf-8"}

pytestmark = pytest.mark.django_db


def run_worker():
    """django-tasks-db's worker, as `make run` starts it: every task waiting, then stop."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


@pytest.fixture
def story_url(web, fetch_settings):
    web.expect_request("/news/kaiser").respond_with_data(
        (PAGES / "kaiser_therapists.html").read_bytes(), headers=HTML
    )
    return web.url_for("/news/kaiser")


def submit(client, url, **fields):
    data = AdminPage(client.get(ADD_BY_URL)).values()
    data.update(url=[url], **{name: [value] for name, value in fields.items()})
    return client.post(ADD_BY_URL, data)


def test_the_articles_list_offers_add_by_url(editor_client):
    page = AdminPage(editor_client.get(reverse("admin:articles_article_changelist")))
    assert ADD_BY_URL in page.tree.xpath("//ul[@class='object-tools']//a/@href")


# The worker commits and closes its connections, as a separate process would.
in_real_transactions = pytest.mark.django_db(transaction=True)


@in_real_transactions
def test_a_story_is_fetched_in_the_background_and_opens_on_its_quotes(
    editor_client, story_url, strikes
):
    response = submit(editor_client, story_url)
    assert response.status_code == 302
    status_url = response["Location"]
    waiting = AdminPage(editor_client.get(status_url))
    assert "Fetching" in waiting.html and story_url in waiting.html
    assert waiting.tree.xpath("//meta[@http-equiv='refresh']/@content") == ["2"]
    assert not Article.objects.exists()

    run_worker()

    done = editor_client.get(status_url)
    article = Article.objects.get()
    assert done.status_code == 302
    assert (
        done["Location"]
        == reverse("admin:articles_article_change", args=[article.pk]) + "#quotes-group"
    )
    review = AdminPage(editor_client.get(done["Location"]))
    assert any("Added “Kaiser therapists return" in m for m in review.messages())
    assert article.status == Article.Status.DRAFT and article.strike == strikes
    assert ArchivedPage.objects.get().article == article


@in_real_transactions
def test_a_refused_page_is_explained_and_the_address_kept_in_the_form(editor_client, story_url):
    inward = story_url.replace("127.0.0.1", "localhost")
    status_url = submit(editor_client, inward)["Location"]
    run_worker()
    page = AdminPage(editor_client.get(status_url))
    (refusal,) = page.texts(".errornote")
    assert refusal.startswith("Not added: localhost (")
    assert "is a loopback address; the archive fetches only public web pages" in refusal
    assert page.values()["url"] == [inward]
    assert not Article.objects.exists()


def test_an_address_that_is_not_a_url_is_refused_by_the_form(editor_client):
    page = AdminPage(submit(editor_client, "not a web address"))
    assert page.errors() and "valid URL" in " ".join(page.errors())


def test_only_staff_who_may_add_articles_reach_it(client, story_url, db):
    assert client.get(ADD_BY_URL).status_code == 302  # to the sign-in page
    user = get_user_model().objects.create_user("reader", password="reader-Pass-123", is_staff=True)
    staff = Client()
    staff.force_login(user)
    assert staff.get(ADD_BY_URL).status_code == 403
    assert staff.post(ADD_BY_URL, {"url": story_url, "status": "draft"}).status_code == 403


def test_a_post_without_the_csrf_token_is_refused(editor, story_url):
    from .conftest import EDITOR_PASSWORD

    client = Client(enforce_csrf_checks=True)
    client.login(username=editor.username, password=EDITOR_PASSWORD)
    response = client.post(ADD_BY_URL, {"url": story_url, "status": "draft"})
    assert response.status_code == 403
    assert not Article.objects.exists()
