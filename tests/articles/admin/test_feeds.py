"""
Feeds in the admin: editors add an outlet's feed; "Poll now" runs a
watch_feeds run in the background; drafts filed from feeds are listed for
review, each showing the feed entry it came from.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.feed_watch import watch_feeds
from articles.models import Article, Feed, Source

from ..fixture_feeds import serve_coverage_feed
from .conftest import AdminPage

pytestmark = pytest.mark.django_db


def test_an_editor_adds_an_outlets_feed(editor_client):
    source = Source.objects.create(name="Valley Ledger")
    add = reverse("admin:articles_feed_add")
    data = AdminPage(editor_client.get(add)).values()
    data.update(
        source=[str(source.pk)], url=["https://valleyledger.example/feed.xml"], active=["on"]
    )
    response = editor_client.post(add, data)
    assert response.status_code == 302, AdminPage(response).errors()
    feed = Feed.objects.get()
    assert (feed.source, feed.active, feed.etag) == (source, True, "")


def test_drafts_from_feeds_are_listed_for_review_with_their_entry(
    editor_client, web, fetch_settings, strikes
):
    serve_coverage_feed(web)
    watch_feeds(host_delay=0)
    listing = AdminPage(
        editor_client.get(reverse("admin:articles_article_changelist") + "?from_feeds=to_review")
    )
    assert sorted(listing.texts("th.field-headline")) == [
        "Kaiser therapists return to picket lines as talks stall",
        "Valley teachers vote to authorize a strike",
    ]
    draft = Article.objects.get(headline__startswith="Kaiser")
    change = AdminPage(editor_client.get(reverse("admin:articles_article_change", args=[draft.pk])))
    (arrived,) = change.texts("div.field-arrived_from div.readonly")
    assert "Feed entry “Kaiser therapists return to picket lines”" in arrived
    assert "(matched: Kaiser, picket)" in arrived


@pytest.mark.django_db(transaction=True)
def test_poll_now_runs_in_the_background(editor_client, web, fetch_settings, strikes):
    serve_coverage_feed(web)
    feed = Feed.objects.get()
    changelist = reverse("admin:articles_feed_changelist")
    response = editor_client.post(
        changelist, {"action": "poll_now", "_selected_action": [str(feed.pk)]}, follow=True
    )
    assert any("polled in the background" in m for m in AdminPage(response).messages())
    assert not Article.objects.exists()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    assert Article.objects.filed_from_feeds().count() == 2
    feed.refresh_from_db()
    assert feed.last_result == "3 entries, 2 new matching."


def test_fetched_pages_are_listed_read_only(editor_client, web, fetch_settings):
    from articles.capture import capture_url
    from articles.models import ArchivedPage

    serve_coverage_feed(web)
    capture = capture_url(web.url_for("/news/kaiser"))
    listing = AdminPage(editor_client.get(reverse("admin:articles_archivedpage_changelist")))
    assert listing.texts("th.field-final_url") == [web.url_for("/news/kaiser")]
    assert editor_client.get(reverse("admin:articles_archivedpage_add")).status_code == 403
    page = editor_client.get(
        reverse("admin:articles_archivedpage_change", args=[capture.archived_page.pk])
    )
    assert page.status_code == 200 and ArchivedPage.objects.count() == 1
