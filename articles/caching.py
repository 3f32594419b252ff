"""
Which public pages are cached, and when a cached copy stops being served.

One *content generation* covers the whole archive. Every save or delete of a
source, strike, article, correction, person, quote or redirect replaces it,
and cached pages are keyed on it, so after any edit every page is rendered
afresh on its next request (the old copies are never read again and age out).

Why one generation rather than one per page: a quote's words appear on its
article, its own page, its speaker's page, the outlet's and the strike's
lists and the home page, and a person's name on every page that quotes them.
Tracking those edges page by page invites stale pages to save little: editors
write rarely next to how often readers read, and a page missed once costs one
render.

Where the generation lives: in the cache itself when the cache is shared
(Redis, Memcached, files), so an edit on one web host reaches every host. The
local-memory cache is private to one process, and gunicorn runs several, so
then the generation lives in a small file (``STRIKEWATCH_PAGE_GENERATION_FILE``)
that every worker on the machine reads: each worker keeps its own copies of
pages, but all of them see an edit at once.

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

# URL names (namespace:name) of the pages the page cache keeps.
CACHED_VIEWS = frozenset(
    {
        "articles:home",
        "articles:article_detail",
        "articles:quote_detail",
        "articles:person_detail",
        "articles:source_detail",
        "articles:strike_detail",
    }
)

GENERATION_KEY = "strikewatch:page-generation"


def page_cache():
    return caches[getattr(settings, "STRIKEWATCH_PAGE_CACHE_ALIAS", "default")]


def _generation_file():
    return Path(settings.STRIKEWATCH_PAGE_GENERATION_FILE)


def _shared_across_processes(cache):
    return not isinstance(cache, LocMemCache)


def current_generation():
    """The token cached pages are keyed on; created on first use."""
    cache = page_cache()
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
        cache = page_cache()
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
    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
        .aggregate(next=Min("published_at"))["next"]
    )
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
