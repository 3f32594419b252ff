"""
Watching feeds (``watch_feeds``): entries that match a running strike's terms
or the site's strike words are fetched and filed as drafts for review, once;
the second poll is a conditional request answered "not modified"; a run
fetches at most so many pages and leaves the rest for the next; two runs
never overlap; each run prints one summary line.
"""

import io
import time

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from articles.feed_watch import LOCK_KEY, watch_feeds
from articles.models import Article, Feed, FeedEntry, Source

from .fixture_feeds import HTML, FeedServer, serve_coverage_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed_server(web, fetch_settings, strikes):
    return serve_coverage_feed(web)


def test_matching_entries_are_filed_as_drafts_once_and_the_second_poll_is_conditional(
    feed_server, strikes
):
    first = watch_feeds(host_delay=0)
    assert (first.entries_read, first.new_matching, first.filed, first.failed) == (3, 2, 2, 0)
    kaiser = FeedEntry.objects.get(guid="k-1")
    assert kaiser.state == FeedEntry.State.FILED and kaiser.matched == ["Kaiser", "picket"]
    assert FeedEntry.objects.get(guid="t-1").matched == ["strike"]
    assert not FeedEntry.objects.filter(guid="s-1").exists()  # no strike words: not coverage
    drafts = Article.objects.filed_from_feeds()
    assert {a.headline for a in drafts} == {
        "Kaiser therapists return to picket lines as talks stall",
        "Valley teachers vote to authorize a strike",
    }
    assert all(a.status == Article.Status.DRAFT for a in drafts)
    assert kaiser.article.strike == strikes
    assert kaiser.article.archived_pages.count() == 1

    second = watch_feeds(host_delay=0)
    assert (second.not_modified, second.new_matching, second.fetched) == (1, 0, 0)
    first_request, second_request = feed_server.feed_requests
    assert "If-None-Match" not in first_request.headers
    assert second_request.headers["If-None-Match"] == '"feed-v1"'
    assert feed_server.page_requests() == ["/news/kaiser", "/news/teachers"]  # each fetched once
    assert Article.objects.count() == 2
    feed = Feed.objects.get()
    assert feed.etag == '"feed-v1"' and feed.last_result == "Not modified since the last poll."


def test_a_run_fetches_at_most_so_many_pages_and_the_rest_wait_for_the_next(feed_server):
    first = watch_feeds(max_fetches=1, host_delay=0)
    assert (first.fetched, first.filed, first.waiting) == (1, 1, 1)
    assert FeedEntry.objects.filter(state=FeedEntry.State.WAITING).count() == 1
    second = watch_feeds(max_fetches=1, host_delay=0)
    assert (second.not_modified, second.fetched, second.filed, second.waiting) == (1, 1, 1, 0)
    assert Article.objects.count() == 2


def test_an_entry_already_archived_under_its_url_is_not_fetched_again(feed_server, web):
    kaiser_url = web.url_for("/news/kaiser")
    existing = Article.objects.create(
        source=Source.objects.get(), headline="Earlier copy", paragraphs=["Text."], url=kaiser_url
    )
    run = watch_feeds(host_delay=0)
    assert (run.known, run.filed) == (1, 1)
    assert FeedEntry.objects.get(guid="k-1").article == existing
    assert "/news/kaiser" not in feed_server.page_requests()


def advisory_lock_held():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND (classid::bigint << 32 | objid::bigint) = %s",
            [LOCK_KEY],
        )
        return cursor.fetchone()[0] > 0


def test_two_runs_never_overlap(feed_server):
    holder = psycopg.connect(
        dbname=connection.settings_dict["NAME"],
        user=connection.settings_dict["USER"],
        host=connection.settings_dict["HOST"],
        port=connection.settings_dict["PORT"],
        autocommit=True,
    )
    try:
        holder.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        out = io.StringIO()
        call_command("watch_feeds", "--delay", "0", stdout=out)
        assert out.getvalue() == "watch_feeds: another run is in progress; nothing done\n"
        assert feed_server.feed_requests == []
    finally:
        holder.close()  # the lock goes with the session, as it would with a crashed run
    deadline = time.monotonic() + 5
    while advisory_lock_held() and time.monotonic() < deadline:
        time.sleep(0.05)  # the server ends the closed session a moment later
    out = io.StringIO()
    call_command("watch_feeds", "--delay", "0", stdout=out)
    assert out.getvalue().startswith("watch_feeds: 1 feeds polled")


def test_each_run_prints_one_summary_line(feed_server):
    out = io.StringIO()
    call_command("watch_feeds", "--delay", "0", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "watch_feeds: 1 feeds polled (0 not modified, 0 failed), 3 entries read, 2 new matching; "
        "2 fetched: 2 filed as drafts, 0 already archived, 0 failed; 0 waiting for the next run; "
    )


def test_requests_to_one_host_are_spaced_by_the_delay(feed_server):
    watch_feeds(host_delay=0.3)
    feed, *pages = feed_server.arrivals
    assert len(pages) == 2
    gaps = [later - earlier for earlier, later in zip([feed, *pages], pages, strict=False)]
    assert min(gaps) >= 0.29, gaps


def test_an_entry_that_keeps_failing_is_given_up_after_three_tries(feed_server, web):
    web.clear()
    web.no_handler_status_code = 404
    FeedServer(web, [("g-1", "Strike at the mill", web.url_for("/news/gone"), "")], etag='"v2"')
    for _ in range(3):
        watch_feeds(host_delay=0)
        Feed.objects.update(etag="")  # poll the feed afresh each time
    entry = FeedEntry.objects.get(guid="g-1")
    assert entry.state == FeedEntry.State.FAILED and entry.attempts == 3
    assert "answered 404" in entry.message
    run = watch_feeds(host_delay=0)
    assert run.fetched == 0


def test_a_feed_that_cannot_be_read_is_reported_on_the_feed(web, fetch_settings):
    web.expect_request("/feed.xml").respond_with_data("<html>not a feed</html>", headers=HTML)
    Feed.objects.create(
        source=Source.objects.create(name="Valley Ledger"), url=web.url_for("/feed.xml")
    )
    run = watch_feeds(host_delay=0)
    assert run.feeds_failed == 1
    assert Feed.objects.get().last_result.startswith("Failed: ")
    assert "not a feed" in Feed.objects.get().last_result
