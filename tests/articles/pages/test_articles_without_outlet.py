"""
An article whose outlet is not known has none: it is not filed under an
outlet called "Unknown outlet", and it is cited without a container, as APA
cites a web page; every page, feed, export and the admin take it.
"""

import importlib
import json
from io import StringIO

import feedparser
import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from articles.importer import import_article_bytes
from articles.models import Article, Source, Withdrawal
from search import indexing
from search.backends import get_backend
from search.service import SearchParams, run_search

pytestmark = pytest.mark.django_db

TEXT = (
    b"Published: 2026-11-29\n\nTeachers walk out over class sizes\n\n"
    b"Teachers at Lincoln High walked out on Friday over class sizes that have grown every year.\n\n"
    b"\xe2\x80\x9cWe cannot teach forty students at once,\xe2\x80\x9d said Maya Brooks, a math teacher.\n"
)


@pytest.fixture
def unsourced(db):
    article = import_article_bytes(TEXT, key="lincoln.txt").article
    assert article.source is None
    return article


def test_no_outlet_is_listed_and_the_page_says_the_outlet_is_not_known(client, unsourced):
    sources = client.get(reverse("articles:source_list")).content.decode()
    assert "Unknown outlet" not in sources
    body = client.get(unsourced.get_absolute_url()).content.decode()
    assert "Outlet not known" in body
    assert "Unknown outlet" not in body
    quote = unsourced.quotes.get()
    quote_page = client.get(quote.get_absolute_url())
    assert quote_page.status_code == 200
    assert "quoted by" not in quote_page.content.decode()
    for listing in ("articles:home", "articles:archive", "articles:quote_list"):
        assert client.get(reverse(listing)).status_code == 200


def test_it_is_cited_without_a_container(client, unsourced):
    body = client.get(unsourced.get_absolute_url()).content.decode()
    # APA 7 for a page with no site named: the title in italics, then the URL.
    assert "<i>Teachers walk out over class sizes.</i> (2026, November 29)." in body
    assert '<meta name="DC.type" content="webpage">' in body
    assert "DC.publisher" not in body
    ld = json.loads(body.split('ld+json">')[1].split("</script>")[0])
    assert "publisher" not in ld
    bibtex = client.get(f"{unsourced.get_absolute_url()}cite/bibtex/").content.decode()
    assert bibtex.startswith("@misc{") and "journal" not in bibtex
    csl = json.loads(client.get(f"{unsourced.get_absolute_url()}cite/csl-json/").content)
    assert csl[0]["type"] == "webpage" and "container-title" not in csl[0]
    ris = client.get(f"{unsourced.get_absolute_url()}cite/ris/").content.decode()
    assert ris.startswith("TY  - ELEC") and "T2  -" not in ris


def test_feeds_exports_admin_and_search_take_it(client, admin_client, unsourced, settings):
    for url in ("/feed/", "/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == [unsourced.headline]
    out = StringIO()
    call_command("export_quotes", stdout=out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert record["article"]["source"] is None
    assert record["article"]["published"] == "2026-11-29"
    changelist = admin_client.get(reverse("admin:articles_article_changelist"))
    assert changelist.status_code == 200 and unsourced.headline in changelist.content.decode()
    change = admin_client.get(reverse("admin:articles_article_change", args=[unsourced.pk]))
    assert change.status_code == 200
    settings.SEARCH_BACKEND = "whoosh"
    indexing.rebuild(get_backend())
    found = run_search(SearchParams(q="class sizes", type="articles"))
    assert [result.object.pk for result in found.results] == [unsourced.pk]
    page = client.get(reverse("search:search"), {"q": "forty students"})
    assert page.status_code == 200 and "Outlet not known" in page.content.decode()


def test_the_unknown_outlet_of_old_becomes_no_outlet_and_its_page_answers_410(client):
    unknown = Source.objects.create(name="Unknown outlet", slug="unknown-outlet")
    article = Article.objects.create(
        source=unknown, headline="Teachers walk out", paragraphs=["Teachers walked out."]
    )
    migration = importlib.import_module(
        "articles.migrations.0004_permanent_identities_and_printed_dates"
    )
    migration.articles_without_outlet(apps, None)
    article.refresh_from_db()
    assert article.source is None
    assert not Source.objects.filter(name="Unknown outlet").exists()
    assert Withdrawal.objects.get(path="/sources/unknown-outlet/").kind == "source"
    response = client.get("/sources/unknown-outlet/")
    assert response.status_code == 410
    assert "was not an outlet" in response.content.decode()
