"""
Display names of outlets and speakers by slug, for facets and filters.

Every results page names up to a dozen outlets and a dozen speakers; asking
the database each time costs two queries a page for names that change a few
times a year. Names are kept in each process and dropped whenever the
archive's content generation changes (``articles.caching``: any save of an
outlet or a person starts a new one, on every process and host) and at the
latest after ``MAX_AGE`` seconds, which covers writes that bypass signals.
A slug not yet known is looked up (both kinds in one query).
"""

import threading
import time

from django.db import connection

from articles import caching
from articles.models import Person, Source

MAX_AGE = 300.0
MAX_NAMES = 20_000  # per kind; beyond that the cache starts afresh

_MODELS = {"source": Source, "speaker": Person}


class _Labels:
    def __init__(self):
        self.lock = threading.Lock()
        self.names = {kind: {} for kind in _MODELS}
        self.generation = None
        self.loaded_at = 0.0

    def forget(self):
        with self.lock:
            self.names = {kind: {} for kind in _MODELS}
            self.generation = None

    def _current(self):
        """The names still valid, started afresh when the content changed."""
        try:
            generation = caching.current_generation()
        except Exception:  # no generation to check against: do not keep anything
            generation = None
        now = time.monotonic()
        with self.lock:
            if (
                generation is None
                or generation != self.generation
                or now - self.loaded_at > MAX_AGE
                or any(len(names) > MAX_NAMES for names in self.names.values())
            ):
                self.names = {kind: {} for kind in _MODELS}
                self.generation = generation
                self.loaded_at = now
            return self.names

    def lookup(self, wanted):
        """{kind: {slug: name}} for ``wanted`` ({kind: slugs}); unknown slugs are left out."""
        names = self._current()
        missing = {
            kind: sorted({s for s in slugs if s and s not in names[kind]})
            for kind, slugs in wanted.items()
        }
        if any(missing.values()):
            found = _query(missing)
            with self.lock:
                for kind, rows in found.items():
                    names[kind].update(rows)
        return {
            kind: {s: names[kind][s] for s in slugs if s in names[kind]}
            for kind, slugs in wanted.items()
        }


def _query(missing):
    parts, params = [], []
    for kind, slugs in missing.items():
        if slugs:
            parts.append(
                f"SELECT %s, slug, name FROM {_MODELS[kind]._meta.db_table} WHERE slug = ANY(%s)"
            )
            params.extend([kind, slugs])
    found = {kind: {} for kind in missing}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for kind, slug, name in cursor.fetchall():
            found[kind][slug] = name
    return found


_labels = _Labels()


def names(wanted):
    """{kind: {slug: display name}} for ``wanted`` = {"source": slugs, "speaker": slugs}."""
    return _labels.lookup(wanted)


def name(kind, slug):
    """The display name of one outlet ("source") or person ("speaker"), or None."""
    return names({kind: [slug]})[kind].get(slug)


def forget():
    """Drop every kept name (tests; the generation check does this in service)."""
    _labels.forget()
