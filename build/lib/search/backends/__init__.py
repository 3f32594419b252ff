"""Picks the search backend named by ``settings.SEARCH_BACKEND`` (``whoosh`` or ``postgres``)."""

import logging
import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import IndexBusy, IndexDamaged, IndexUnavailable, SearchBackend  # noqa: F401

_BACKENDS = {
    "whoosh": "search.backends.whoosh_index.WhooshBackend",
    "postgres": "search.backends.postgres.PostgresBackend",
}
_instances = {}


def get_backend(name=None) -> SearchBackend:
    """The configured backend (one instance per name and index directory, per process)."""
    name = (name or settings.SEARCH_BACKEND or "whoosh").lower()
    if name not in _BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(_BACKENDS)}, not {name!r}."
        )
    key = (name, str(settings.STRIKEWATCH_INDEX_DIR) if name == "whoosh" else "")
    if key not in _instances:
        from django.utils.module_loading import import_string

        backend_class = import_string(_BACKENDS[name])
        _instances[key] = (
            backend_class(settings.STRIKEWATCH_INDEX_DIR) if name == "whoosh" else backend_class()
        )
    return _instances[key]


def backend_names():
    return tuple(_BACKENDS)


def warm_in_background():
    """
    Load the configured backend's index into this process in a daemon thread
    (the Whoosh backend reads its columns: seconds for a large archive, which
    the process's first search would otherwise wait for). Returns the thread,
    or None when the backend keeps nothing in memory.
    """
    try:
        backend = get_backend()
    except Exception:  # misconfigured: the first search says so
        return None
    warm = getattr(backend, "warm", None)
    if warm is None:
        return None

    def run():
        try:
            warm()
        except Exception:
            logging.getLogger(__name__).exception("Loading the search index at start failed")

    thread = threading.Thread(target=run, name="search-warm", daemon=True)
    thread.start()
    return thread
