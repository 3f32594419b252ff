"""Picks the search backend named by ``settings.SEARCH_BACKEND`` (``whoosh`` or ``postgres``)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import IndexBusy, IndexUnavailable, SearchBackend  # noqa: F401

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
