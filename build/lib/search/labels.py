"""
Display names of outlets and speakers by slug, for facets and filters.

Every results page names up to a dozen outlets and a dozen speakers; asking
the database each time costs two queries a page for names that change a few
times a year. Names are kept in each process and dropped:

- whenever the archive's content changes in this process
  (``articles.signals.content_changed``, received in ``search.signals``);
- whenever a *shared generation* changes, when the site provides one
  (``follow_generation``: the project hands over its page cache's, which
  every process and host sees), so that an edit made elsewhere reaches the
  names here too;
- at the latest after ``MAX_AGE`` seconds, which covers writes nobody announced.

A slug not yet known is looked up (both kinds in one query).
"""

import threading
import time

from django.db import connection

from articles.models import Person, Source

MAX_AGE = 300.0
MAX_NAMES = 20_000  # per kind; beyond that the cache starts afresh

_MODELS = {"source": Source, "speaker": Person}


def _unshared():
    return "this process"


class _Labels:
    def __init__(self):
        self.lock = threading.Lock()
        self.names = {kind: {} for kind in _MODELS}
        self.shared_generation = _unshared
        self.generation = None
        self.loaded_at = 0.0

    def forget(self):
        with self.lock:
            self.names = {kind: {} for kind in _MODELS}
            self.generation = None

    def _current(self):
        """The names still valid, started afresh when the content changed."""
        try:
            generation = self.shared_generation()
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


def forget(**signal_kwargs):
    """Drop every kept name (receives ``articles.signals.content_changed``; tests)."""
    _labels.forget()


def current_generation():
    """The shared generation token now (None when it cannot be read: keep nothing)."""
    try:
        return _labels.shared_generation()
    except Exception:
        return None


class Kept:
    """
    One value read from the archive (``load()``), kept in this process while
    the shared generation stands and for at most ``MAX_AGE`` seconds, as the
    names are; ``forget()`` drops it (connect it to ``content_changed``).
    """

    def __init__(self, load):
        self.load = load
        self.lock = threading.Lock()
        self.known = False
        self.value = None
        self.generation = None
        self.loaded_at = 0.0

    def get(self):
        generation = current_generation()
        now = time.monotonic()
        with self.lock:
            if (
                self.known
                and generation is not None
                and generation == self.generation
                and now - self.loaded_at <= MAX_AGE
            ):
                return self.value
        value = self.load()
        with self.lock:
            self.value, self.generation, self.loaded_at = value, generation, now
            self.known = True
        return value

    def forget(self):
        with self.lock:
            self.known = False
            self.value = None


def follow_generation(generation):
    """
    Also drop the kept names whenever ``generation()`` returns a new token:
    a callable every process sees the same answer from (the site's page-cache
    generation), so that a change made in another process or host is seen here.
    """
    _labels.shared_generation = generation
