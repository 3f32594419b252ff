"""
Background work, on Django's Tasks framework (``django.tasks``; the backend
is django-tasks-db's, run by ``manage.py db_worker``): what an editor asks
for in the admin that takes as long as the network does.

Each task returns a small JSON-able report (``ok``, ``message``, and the
article's id when there is one) that the admin's status page shows.
"""

from django.tasks import task

from .capture import capture_url
from .feed_watch import watch_feeds
from .fetch import FetchError
from .ingest import IngestError
from .models import Article, Feed, Source, Strike


@task
def add_article_by_url(url, status=Article.Status.DRAFT, overrides=None):
    """Fetch ``url`` and file it (``articles.capture``); ``overrides`` by field name and value."""
    overrides = _editor_values(overrides or {})
    try:
        capture = capture_url(url, status=status, overrides=overrides)
    except (FetchError, IngestError) as error:
        return {"ok": False, "url": url, "message": f"Not added: {error}"}
    return {
        "ok": True,
        "url": url,
        "article": capture.article.pk,
        "created": capture.created,
        "message": capture.summary[0].upper() + capture.summary[1:] + ".",
    }


@task
def poll_feeds(feed_ids, max_fetches=20, host_delay=2.0):
    """One ``watch_feeds`` run over the given feeds (the lock keeps it apart from cron's)."""
    run = watch_feeds(
        feeds=Feed.objects.filter(pk__in=feed_ids), max_fetches=max_fetches, host_delay=host_delay
    )
    return {"ok": not run.locked_out, "message": run.summary}


def _editor_values(overrides):
    """Task arguments are JSON: the outlet and strike travel as ids, and come back as rows."""
    values = dict(overrides)
    if values.get("source"):
        values["source"] = Source.objects.get(pk=values["source"])
    if values.get("strike"):
        values["strike"] = Strike.objects.get(pk=values["strike"])
    return values
