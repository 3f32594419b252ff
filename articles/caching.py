"""
Which public pages are cached, and when a cached copy stops being served.

One *content generation* covers the whole archive. Every save or delete of a
source, strike, article, correction, person, quote or redirect replaces it.
A cached page is kept with the generation it was rendered in, and served only
while that generation stands: after any edit every page is rendered afresh on
its next request.

Why one generation rather than one per page: a quote's words appear on its
article, its own page, its speaker's page, the outlet's and the strike's
lists and the home page, and a person's name on every page that quotes them.
Tracking those edges page by page invites stale pages to save little: editors
write rarely next to how often readers read, and a page missed once costs one
render.

Where things live. Rendered pages are kept in each process's memory (the
local-memory cache): a hit costs no network round trip, and a page is
rendered at most once per worker and generation. The generation is what must
be shared: in the cache itself when that is shared (Redis or Memcached via
``CACHE_URL``), so that an edit on one web host reaches every host; with the
default local-memory cache, which each gunicorn worker has to itself, in a
small file (``STRIKEWATCH_PAGE_GENERATION_FILE``) that every worker on the
machine reads.

Writes that bypass model signals (``QuerySet.update()``, ``bulk_create()``)
must call ``content_changed()`` themselves; otherwise pages catch up within
``CACHE_MIDDLEWARE_SECONDS`` at worst.
"""

import logging
import os
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

logger = logging.getLogger(__name__)

# URL names of the pages the page cache keeps: everything public built from
# the archive's content alone (not the citation downloads, cheap and rare).
CACHED_VIEWS = frozenset(
    {
        "articles:home",
        "articles:archive",
        "articles:archive_year",
        "articles:archive_month",
        "articles:article_detail",
        "articles:quote_list",
        "articles:quote_detail",
        "articles:person_list",
        "articles:person_detail",
        "articles:source_list",
        "articles:source_detail",
        "articles:strike_list",
        "articles:strike_detail",
        "articles:latest_feed",
        "articles:latest_atom",
        "articles:person_feed",
        "articles:person_atom",
        "articles:source_feed",
        "articles:source_atom",
        "articles:strike_feed",
        "articles:strike_atom",
        "sitemap",
        "sitemap_section",
    }
)

GENERATION_KEY = "strikewatch:page-generation"

_local_pages = None


def shared_cache():
    """Django's default cache (``CACHE_URL``): the generation, rate-limit counters."""
    return caches["default"]


def page_store():
    """Where rendered pages are kept: this process's memory."""
    global _local_pages
    cache = shared_cache()
    if not _shared_across_processes(cache):
        return cache
    if _local_pages is None:
        _local_pages = LocMemCache(
            "strikewatch-pages",
            {"OPTIONS": {"MAX_ENTRIES": settings.STRIKEWATCH_PAGE_CACHE_ENTRIES}},
        )
    return _local_pages


def _generation_file():
    return Path(settings.STRIKEWATCH_PAGE_GENERATION_FILE)


def _shared_across_processes(cache):
    return not isinstance(cache, LocMemCache)


def current_generation():
    """The token cached pages are keyed on; created on first use."""
    cache = shared_cache()
    if _shared_across_processes(cache):
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            generation = uuid.uuid4().hex
            # Another process may have created one in the meantime: theirs wins.
            if not cache.add(GENERATION_KEY, generation, timeout=None):
                generation = cache.get(GENERATION_KEY) or generation
        return generation
    try:
        return _generation_file().read_text()
    except FileNotFoundError:
        _write_generation_file()
        return _generation_file().read_text()


def _write_generation_file():
    path = _generation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a reader never sees a half-written token.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".page-generation-")
    with os.fdopen(fd, "w") as handle:
        handle.write(uuid.uuid4().hex)
    os.replace(tmp, path)


def content_changed():
    """Start a new generation: every cached page is rendered afresh on its next request."""
    try:
        cache = shared_cache()
        if _shared_across_processes(cache):
            cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        else:
            _write_generation_file()
    except Exception:
        # An edit must not fail because the cache is down; pages then catch up
        # within CACHE_MIDDLEWARE_SECONDS.
        logger.exception("could not invalidate the page cache")


def page_timeout(now=None):
    """
    Seconds a page rendered now may be served from the cache: the configured
    lifetime, cut short when a scheduled article goes public sooner (no save
    happens at that moment to start a new generation).
    """
    from .models import Article

    now = now or timezone.now()
    seconds = settings.CACHE_MIDDLEWARE_SECONDS
    upcoming = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=now
    ).aggregate(next=Min("published_at"))["next"]
    if upcoming is not None:
        seconds = min(seconds, max(1, int((upcoming - now).total_seconds()) + 1))
    return seconds


def _on_content_write(sender, using=None, **kwargs):
    # Now, so that a page read later in this transaction (or test) is fresh;
    # and again at commit, so that a page another request rendered from the
    # not-yet-committed state in between is not kept either.
    content_changed()
    transaction.on_commit(content_changed, using=using)


def connect_receivers():
    """Called from ``ArticlesConfig.ready()``."""
    from .models import Article, Correction, Person, Quote, Redirect, Source, Strike

    for model in (Source, Strike, Article, Correction, Person, Quote, Redirect):
        uid = f"page-cache-{model._meta.label_lower}"
        post_save.connect(_on_content_write, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_content_write, sender=model, dispatch_uid=f"{uid}-delete")
