"""
The page cache: public reading pages served from memory to readers who are
not signed in, until the archive's content changes.

One *content generation* covers the whole archive. The articles app announces
every change to it (``articles.signals.content_changed``: any save or delete
of a source, strike, article, correction, person, quote or redirect, and bulk
writes), and each announcement starts a new generation (``on_content_changed``,
connected in ``strikewatch.apps``). A cached page is kept with the generation
it was rendered in, and served only while that generation stands: after any
edit every page is rendered afresh on its next request.

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
small file (``PAGE_GENERATION_FILE``) that every worker on the machine reads.

A write nobody announces (``QuerySet.update()`` outside the articles app's
own code) shows within ``CACHE_SECONDS`` at worst.
"""

import functools
import hashlib
import logging
import os
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError
from django.db.models import Min
from django.http import QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from articles.models import Article

from .requests import view_name

logger = logging.getLogger(__name__)


@functools.cache
def search_parameters():
    """What the search page reads: its form's fields (``search.forms.SearchForm``), from, to..."""
    from search.forms import SearchForm

    return tuple(SearchForm().fields)


# URL names of the pages the page cache keeps (everything public built from
# the archive's content alone; not the citation downloads, cheap and rare),
# each with the query parameters it reads (or the function that lists them).
# Any other parameter is dropped
# before the page is looked up or rendered (``clean_query``): ``?x=123`` is the
# page without it, served from the cache, so made-up parameters cannot force
# renders, and a rendered page never carries them into its own links.
CACHED_VIEWS = {
    "articles:home": (),
    "articles:archive": ("page",),
    "articles:archive_year": (),
    "articles:archive_month": ("page",),
    "articles:article_list": ("page",),
    "articles:article_detail": ("part",),
    "articles:quote_list": ("page", "side"),
    "articles:quote_detail": (),
    "articles:person_list": ("page", "side"),
    "articles:person_detail": ("page",),
    "articles:source_list": (),
    "articles:source_detail": ("page",),
    "articles:strike_list": (),
    "articles:strike_detail": ("page", "side"),
    "articles:latest_feed": (),
    "articles:latest_atom": (),
    "articles:person_feed": (),
    "articles:person_atom": (),
    "articles:source_feed": (),
    "articles:source_atom": (),
    "articles:strike_feed": (),
    "articles:strike_atom": (),
    "sitemap": (),
    "sitemap_section": ("p",),
    "search:search": search_parameters,
}


def index_caught_up():
    from search.indexing import is_caught_up

    return is_caught_up()


# Pages of results, each with what must hold before one rendered now is kept.
# They say ``Cache-Control: private`` (no cache between the reader and the
# site may keep them, as nothing tells those caches of an edit), yet are the
# same for every anonymous reader, so this cache, which starts afresh after
# every edit, keeps them: a repeated search costs no search. The index is
# brought up to date just after an edit commits, so results are kept only
# when it has caught up: rendered in between they could be older than their
# generation. They have a store of their own in each process, so that a run
# of searches never pushes the reading pages out.
RESULT_VIEWS = {"search:search": index_caught_up}

# Page and part numbers: "02" is page 2 and "1" the list's own address, so neither is a page of its own.
NUMBER_PARAMETERS = frozenset({"page", "p", "part"})


def clean_query(request, parameters):
    """
    Leaves ``request.GET`` with only the query ``parameters`` its page reads,
    one value each (the last, as the page reads it), page numbers written one
    way; returns that query string, in a fixed order. The page is then the
    same whatever else the URL carried, and its cache key says exactly what it
    was rendered from. The raw query string stays as sent (a 301 from a moved
    page keeps it).
    """
    if callable(parameters):
        parameters = parameters()
    kept = QueryDict(mutable=True)
    for name in sorted(parameters):
        value = request.GET.get(name, "")
        if name in NUMBER_PARAMETERS and value.isdigit():
            value = "" if int(value) == 1 else str(int(value))
        if value:
            kept[name] = value
    kept._mutable = False
    request.GET = kept
    return kept.urlencode()


GENERATION_KEY = "strikewatch:page-generation"

_local_pages = None
_local_results = None


def shared_cache():
    """Django's default cache (``CACHE_URL``): the generation, and pages when it is per process."""
    return caches["default"]


def page_store():
    """Where rendered pages are kept: this process's memory."""
    global _local_pages
    cache = shared_cache()
    if not _shared_across_processes(cache):
        return cache
    if _local_pages is None:
        _local_pages = _in_process("strikewatch-pages")
    return _local_pages


def result_store():
    """Where rendered pages of results are kept: this process's memory, apart from other pages."""
    global _local_results
    if _local_results is None:
        _local_results = _in_process("strikewatch-results")
    return _local_results


def _in_process(name):
    return LocMemCache(name, {"OPTIONS": {"MAX_ENTRIES": settings.STRIKEWATCH_PAGE_CACHE_ENTRIES}})


def forget_pages():
    """Drop this process's rendered pages (tests)."""
    global _local_pages, _local_results
    for store in (_local_pages, _local_results):
        if store is not None:
            store.clear()  # local-memory caches of one name share their entries
    _local_pages = _local_results = None


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
        return _read_generation_file()
    except FileNotFoundError:
        _write_generation_file()
        return _read_generation_file()


def _read_generation_file():
    # Plain os calls: this is read several times for every search.
    fd = os.open(settings.STRIKEWATCH_PAGE_GENERATION_FILE, os.O_RDONLY)
    try:
        return os.read(fd, 1024).decode()
    finally:
        os.close(fd)


def _write_generation_file():
    path = _generation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a reader never sees a half-written token.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".page-generation-")
    with os.fdopen(fd, "w") as handle:
        handle.write(uuid.uuid4().hex)
    os.replace(tmp, path)


def start_new_generation():
    """Every cached page is rendered afresh on its next request, on every process and host."""
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


def on_content_changed(sender=None, **kwargs):
    """Receives ``articles.signals.content_changed``."""
    start_new_generation()


def page_timeout(now=None):
    """
    Seconds a page rendered now may be served from the cache: the configured
    lifetime, cut short when a scheduled article goes public sooner (no save
    happens at that moment to start a new generation).
    """
    now = now or timezone.now()
    seconds = settings.CACHE_MIDDLEWARE_SECONDS
    upcoming = Article.objects.scheduled(after=now).aggregate(next=Min("published_at"))["next"]
    if upcoming is not None:
        seconds = min(seconds, max(1, int((upcoming - now).total_seconds()) + 1))
    return seconds


class PageCacheMiddleware:
    """
    Serves the public reading pages (``CACHED_VIEWS``) from Django's cache to
    readers who are not signed in, while their content generation stands.
    The query parameters a page does not read are dropped first, for everyone.

    A request with a session or messages cookie (an editor, or anyone the site
    has told something) is never served from, or stored in, the cache; nor is
    a response that sets a cookie, uses a CSRF token or a CSP nonce, or asks
    not to be stored. With DEBUG on, nothing is cached. Stored responses carry
    an ETag, so the conditional-GET middleware above answers revalidations
    with 304.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parameters = CACHED_VIEWS.get(view_name(request))
        query = None if parameters is None else clean_query(request, parameters)
        key = None if query is None else self._key(request, query)
        if key is None:
            response = self.get_response(request)
            if view_name(request) in CACHED_VIEWS:
                # Personalised (signed-in) copies of public pages must not land in shared caches.
                patch_cache_control(response, private=True)
            return response
        keep_if = RESULT_VIEWS.get(view_name(request))
        store = page_store() if keep_if is None else result_store()
        try:
            generation = current_generation()
            cached = store.get(key)
        except Exception:
            logger.exception("page cache unavailable; rendering the page")
            return self.get_response(request)
        # A copy from an earlier generation is stale: render afresh, and replace it.
        if cached is not None and cached[0] == generation:
            return cached[1]
        keep = keep_if is None or self._holds(keep_if)
        response = self.get_response(request)
        if keep and request.method == "GET" and self._storable(request, response):
            set_response_etag(response)
            try:
                store.set(key, (generation, response), page_timeout())
            except DatabaseError:
                pass  # not kept; strikewatch.database_faults reports the outage once
            except Exception:
                logger.exception("page cache write failed")
        return response

    def _key(self, request, query):
        # While developing (DEBUG), a template edit must show on the next reload.
        if settings.DEBUG or request.method not in ("GET", "HEAD"):
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return None
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        # build_absolute_uri() validates the Host header against ALLOWED_HOSTS (400 otherwise).
        url = request.build_absolute_uri(request.path) + (f"?{query}" if query else "")
        return f"strikewatch:page:{hashlib.sha256(url.encode()).hexdigest()}"

    @staticmethod
    def _holds(condition):
        try:
            return condition()
        except DatabaseError:
            return False  # strikewatch.database_faults reports the outage once
        except Exception:
            logger.exception("could not tell whether a page of results may be kept")
            return False

    @staticmethod
    def _storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("no-store", "no-cache")):
            return False
        if "private" in cache_control and view_name(request) not in RESULT_VIEWS:
            return False
        if "*" in response.get("Vary", ""):
            return False
        # A page that used its CSP nonce must not hand the same nonce to everyone.
        if getattr(request, "_csp_nonce", None) or "nonce-" in response.get(
            "Content-Security-Policy", ""
        ):
            return False
        return True
