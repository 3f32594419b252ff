"""
Counts every worker and every host shares: how often a client searched, how
many times an address failed to sign in. Rate limits and the sign-in throttle
count here, so a limit means the same with one worker or twenty.

Takes a key and a lifetime; gives the new count (``count``), or takes one back
(``uncount``). Each step is one atomic increment in the store, never a read
followed by a write, so concurrent requests cannot lose a count.

The store is Django's ``counts`` cache (``COUNTS_CACHE_ALIAS``), set in
settings from ``CACHE_URL``: the same Redis or Memcached when that is shared;
with the default local-memory cache, which each process has to itself, a table
in the site's own database (``DatabaseCache`` below, created by
``manage.py createcachetable``), which every worker on every host reaches.
"""

import base64
import pickle
from datetime import UTC, datetime

from django.core.cache import caches
from django.core.cache.backends import db as db_cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now

COUNTS_CACHE_ALIAS = "counts"
COUNTS_TABLE = "strikewatch_counts"


def store():
    return caches[COUNTS_CACHE_ALIAS]


def count(key, timeout, cache=None):
    """One more on ``key`` (created with ``timeout`` seconds to live); returns the new count."""
    cache = cache or store()
    for _attempt in range(3):
        if cache.add(key, 1, timeout=timeout):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add() and incr(): start it again
            continue
    raise RuntimeError(f"could not count {key!r}")


def uncount(key, cache=None):
    """Takes back one count on ``key`` (a request that turned out not to count)."""
    cache = cache or store()
    try:
        cache.decr(key)
    except ValueError:  # already expired: nothing to take back
        pass


def read(keys, cache=None):
    """The counts of ``keys`` as a dict, 0 for a key never counted or expired."""
    found = (cache or store()).get_many(keys)
    return {key: found.get(key, 0) for key in keys}


class DatabaseCache(db_cache.DatabaseCache):
    """
    Django's database cache with atomic ``add`` and ``incr`` (Django's own
    reads a row, then writes it back, which loses counts when two workers
    count at once): ``add`` is one upsert that takes a key only when it is
    missing or expired, ``incr`` changes a row under its lock. A new key
    sweeps the expired ones out (the ``expires`` column is indexed).
    """

    def _connection(self):
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        return alias, connection, connection.ops.quote_name(self._table)

    @staticmethod
    def _encode(value, protocol):
        return base64.b64encode(pickle.dumps(value, protocol)).decode("latin1")

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        expires_at = self.get_backend_timeout(timeout)  # a Unix time, or None for never
        now = tz_now()
        if expires_at is None:
            expires = datetime.max.replace(tzinfo=UTC)
        else:
            expires = datetime.fromtimestamp(expires_at, tz=UTC)
        _alias, connection, table = self._connection()
        adapt = connection.ops.adapt_datetimefield_value
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s) "
                f"ON CONFLICT (cache_key) DO UPDATE "
                f"SET value = EXCLUDED.value, expires = EXCLUDED.expires "
                f"WHERE {table}.expires <= %s",
                [key, self._encode(value, self.pickle_protocol), adapt(expires), adapt(now)],
            )
            added = cursor.rowcount == 1
            if added:
                cursor.execute(f"DELETE FROM {table} WHERE expires <= %s", [adapt(now)])
        return added

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        alias, connection, table = self._connection()
        now = connection.ops.adapt_datetimefield_value(tz_now())
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT value FROM {table} WHERE cache_key = %s AND expires > %s FOR UPDATE",
                [key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key {key!r} not found.")
            value = pickle.loads(base64.b64decode(row[0].encode(), validate=True)) + delta
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s",
                [self._encode(value, self.pickle_protocol), key],
            )
        return value
