"""
Watching outlets' feeds for coverage: what ``watch_feeds`` (cron) and the
Feed admin's "Poll now" (a background task) run.

Takes the active ``Feed`` rows; gives a ``WatchRun`` (counts, and one
summary line). A run, holding a PostgreSQL advisory lock so two never
overlap (a second one does nothing and says so):

1. polls each active feed with a conditional request (its stored ETag and
   Last-Modified): "not modified" costs nothing more;
2. keeps the entries whose title or summary use the match terms of a strike
   that has not ended, or the site's strike words (``importer.STRIKE_WORDS``), once each
   (``FeedEntry``, unique per feed and entry id);
3. fetches waiting entries, oldest first, at most ``max_fetches`` a run
   (the rest wait for the next), spaced per host by ``host_delay`` (or the
   site's robots.txt Crawl-delay), through ``articles.capture``: a canonical
   URL already archived is that article; anything else is filed as a draft
   for an editor's review, linked to the entry it came from. An entry that
   fails is tried again on later runs, three times in all.
"""

import time
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from .capture import capture_url, fetch_policy
from .fetch import FEED_TYPES, Fetcher, FetchError
from .fetch.feeds import FeedUnreadable, matching_terms, read_feed
from .importer import STRIKE_WORDS, article_at_url
from .ingest import IngestError
from .models import Article, Feed, FeedEntry, Strike

LOCK_KEY = 0x5357_4645_4544  # "SWFEED": the advisory lock of a watch_feeds run
MAX_ATTEMPTS = 3


@dataclass
class WatchRun:
    locked_out: bool = False
    feeds: int = 0
    not_modified: int = 0
    feeds_failed: int = 0
    entries_read: int = 0
    new_matching: int = 0
    fetched: int = 0
    filed: int = 0
    known: int = 0
    failed: int = 0
    waiting: int = 0
    seconds: float = 0.0
    problems: list = field(default_factory=list)

    @property
    def summary(self):
        if self.locked_out:
            return "watch_feeds: another run is in progress; nothing done"
        return (
            f"watch_feeds: {self.feeds} feeds polled ({self.not_modified} not modified, "
            f"{self.feeds_failed} failed), {self.entries_read} entries read, "
            f"{self.new_matching} new matching; {self.fetched} fetched: {self.filed} filed as "
            f"drafts, {self.known} already archived, {self.failed} failed; "
            f"{self.waiting} waiting for the next run; {self.seconds:.1f} s"
        )


def watch_feeds(*, max_fetches=20, host_delay=2.0, feeds=None):
    """One run over ``feeds`` (default: every active feed); see the module's docstring."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
        if not cursor.fetchone()[0]:
            return WatchRun(locked_out=True)
    try:
        run = WatchRun()
        feeds = Feed.objects.filter(active=True) if feeds is None else feeds.filter(active=True)
        with Fetcher(fetch_policy(host_delay=host_delay)) as fetcher:
            terms = _match_terms()
            for feed in feeds.select_related("source").order_by("last_fetched_at", "pk"):
                _poll(feed, fetcher, terms, run)
            _fetch_waiting(feeds, fetcher, max_fetches, run)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
    run.seconds = time.monotonic() - started
    return run


def _match_terms():
    """The match terms of the strikes still running, longest first."""
    terms = {term for strike in Strike.objects.not_ended() for term in strike.match_terms}
    return sorted(terms, key=lambda term: (-len(term), term))


def _poll(feed, fetcher, terms, run):
    run.feeds += 1
    try:
        resource = fetcher.fetch(
            feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified
        )
        items = [] if resource.not_modified else read_feed(resource.content, base_url=feed.url)
    except (FetchError, FeedUnreadable) as error:
        run.feeds_failed += 1
        run.problems.append(f"{feed.url}: {error}")
        feed.last_result = f"Failed: {error}"[:500]
        feed.save(update_fields=["last_result"])
        return
    feed.last_fetched_at = timezone.now()
    if resource.not_modified:
        run.not_modified += 1
        feed.last_result = "Not modified since the last poll."
    else:
        feed.etag = (resource.final.header("etag") or "")[:500]
        feed.last_modified = (resource.final.header("last-modified") or "")[:100]
        new = _keep_matching(feed, items, terms)
        run.entries_read += len(items)
        run.new_matching += new
        feed.last_result = f"{len(items)} entries, {new} new matching."
    feed.save(update_fields=["last_fetched_at", "etag", "last_modified", "last_result"])


def _keep_matching(feed, items, terms):
    known = set(
        feed.entries.filter(guid__in=[i.guid for i in items]).values_list("guid", flat=True)
    )
    new = [
        FeedEntry(
            feed=feed,
            guid=item.guid,
            url=item.url,
            title=item.title,
            published_at=item.published,
            matched=matched,
        )
        for item in items
        if item.guid not in known and (matched := matching_terms(item, terms, STRIKE_WORDS))
    ]
    FeedEntry.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _fetch_waiting(feeds, fetcher, max_fetches, run):
    waiting = FeedEntry.objects.filter(feed__in=feeds, state=FeedEntry.State.WAITING).order_by(
        "seen_at", "pk"
    )
    for entry in waiting.iterator():
        already = article_at_url(entry.url)
        if already is not None:  # no need to fetch what is archived under this very URL
            _settle(entry, FeedEntry.State.KNOWN, article=already)
            run.known += 1
            continue
        if run.fetched >= max_fetches:
            run.waiting += 1
            continue
        run.fetched += 1
        try:
            capture = capture_url(entry.url, fetcher=fetcher, status=Article.Status.DRAFT)
        except (FetchError, IngestError) as error:
            entry.attempts += 1
            state = FeedEntry.State.FAILED if entry.attempts >= MAX_ATTEMPTS else entry.state
            _settle(entry, state, message=str(error))
            run.failed += 1
            run.problems.append(f"{entry.url}: {error}")
            continue
        if capture.created:
            _settle(entry, FeedEntry.State.FILED, article=capture.article)
            run.filed += 1
        else:
            _settle(entry, FeedEntry.State.KNOWN, article=capture.article)
            run.known += 1


def _settle(entry, state, *, article=None, message=""):
    entry.state, entry.message = state, message[:500]
    if article is not None:
        entry.article = article
    entry.save(update_fields=["state", "message", "attempts", "article", "updated_at"])
