"""
Keeping the index in step with the database, from any number of processes.

Writes go through an outbox, ``search.IndexQueue``:

1. A change to an article, a quote, a person or an outlet queues the affected
   articles *inside the change's own transaction* (so a committed change is
   never lost, and a rolled-back one queues nothing). One row per article per
   transaction, however many quotes an import rewrites.
2. After the commit, the process tries to drain the queue: it takes the
   index's write lock **without waiting**, claims queued rows, reads the
   articles' current state, rewrites their documents and commits.
3. A process that finds the lock taken simply returns: its rows are already
   committed, and the holder always looks at the queue again *after*
   releasing the lock, so it will find them. No request waits on the lock,
   none fails on it, and no update is lost.

Rows are claimed (committed) before the articles are read, so a change
committed after the read queues a fresh row. Claimed rows that a crashed
process never finished are claimed again after ``STALE_CLAIM``. Rows of
articles scheduled for later are due at their publication time; something
must then drain them: the next write, a search (at most once a minute per
process) or ``manage.py process_search_queue`` from cron.

Rebuilds build a complete new index beside the live one (``rebuild``) and,
once it is swapped in, replay every row claimed since the build began, so
updates applied to the old index during the build reach the new one.
"""

import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction

from articles.models import Article, Quote

from . import beside
from .backends import IndexBusy, IndexUnavailable, get_backend
from .documents import Lookups, count_published, documents_for_articles, iter_all_documents
from .models import IndexQueue

logger = logging.getLogger(__name__)

# Articles read from the database at a time, and claimed per index commit: one writer
# rewrites up to CLAIM articles (an import's backlog) and commits once.
BATCH = 200
CLAIM = 2_000
STALE_CLAIM = timedelta(minutes=10)
KEEP_DONE = timedelta(days=1)
MAX_BATCHES_PER_DRAIN = 50
QUEUE = IndexQueue._meta.db_table


# Per-process counters, for logs and for the concurrency test: how often a drain
# found the lock taken and left its work to the holder, and how much it applied.
counters = {"drains": 0, "busy": 0, "applied": 0}


class RebuildRunning(Exception):
    """Another process is already building a new index."""


# Queueing ----------------------------------------------------------------------------

_local = threading.local()


def enqueue(article_ids, *, due_at=None):
    """
    Queue articles for re-indexing, in the caller's transaction, and drain
    after it commits. ``due_at`` (default: now) delays it, for articles
    scheduled to be published later. Between ``hold_enqueues`` and
    ``release_enqueues`` the articles due now are gathered and queued in
    one statement at the release.
    """
    held = getattr(_local, "held_ids", None)
    if held is not None and due_at is None:
        held.update(pk for pk in article_ids if pk is not None)
        return
    if _insert(article_ids, due_at):
        drain_after_commit()


def hold_enqueues():
    """Gather this thread's ``enqueue`` calls (a batch of writes in one transaction)."""
    _local.held_ids = set()


def release_enqueues(succeeded=True):
    """Queue what was gathered since ``hold_enqueues`` (nothing when the writes failed)."""
    held, _local.held_ids = getattr(_local, "held_ids", None), None
    if held and succeeded:
        enqueue(held)


def _insert(article_ids, due_at=None):
    article_ids = sorted({int(pk) for pk in article_ids if pk is not None})
    if not article_ids:
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {QUEUE} (article_id, due_at, created_at) "
            f"SELECT unnest(%s::integer[]), COALESCE(%s, now()), now() "
            f"ON CONFLICT (article_id, due_at) WHERE claimed_at IS NULL DO NOTHING",
            [article_ids, due_at],
        )
    return True


def enqueue_articles_quoting(person_id):
    """Queue every article quoting this person (their names are in those quotes' documents)."""
    _enqueue_select(
        f"SELECT article_id FROM {Quote._meta.db_table} WHERE speaker_id = %s", [person_id]
    )


def enqueue_articles_from(source_id):
    """Queue every article of this outlet."""
    _enqueue_select(f"SELECT id FROM {Article._meta.db_table} WHERE source_id = %s", [source_id])


def _enqueue_select(select_sql, params):
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {QUEUE} (article_id, due_at, created_at) "
            f"SELECT DISTINCT ids.article_id, now(), now() FROM ({select_sql}) AS ids(article_id) "
            f"ON CONFLICT (article_id, due_at) WHERE claimed_at IS NULL DO NOTHING",
            params,
        )
        queued = cursor.rowcount
    if queued:
        drain_after_commit()


# While a run of many writes holds drains back (``hold_drains``) and no process can be
# started to drain beside it, the index is brought up to date at most this often: one
# writer and one commit for everything queued meanwhile.
HELD_DRAIN_SECONDS = 10.0


def drain_after_commit():
    """
    Drain once the current transaction commits. Every change registers a
    callback, but only the first to run after a commit drains (it takes the
    whole queue); the others return at once.
    """
    _local.drain_needed = True
    transaction.on_commit(_drain_quietly, robust=True)


def hold_drains():
    """
    Hold back this thread's drains after each commit, for a run of many
    writes (an import): its articles are queued as ever, and drained together
    every HELD_DRAIN_SECONDS and when ``release_drains`` ends the run, rather
    than one index commit per article.
    """
    if not getattr(_local, "held", 0):
        _local.held_since = time.monotonic()
    _local.held = getattr(_local, "held", 0) + 1


def release_drains():
    """End a run started by ``hold_drains`` and drain what it queued."""
    _local.held = max(0, getattr(_local, "held", 0) - 1)
    if not _local.held:
        _join_beside()
        _drain_quietly()


def _drain_quietly():
    """Never let indexing fail the request that saved something: the queue keeps the work."""
    if not getattr(_local, "drain_needed", False):
        return
    held = getattr(_local, "held", 0)
    if held and _drain_beside():
        return
    if held and time.monotonic() - _local.held_since < HELD_DRAIN_SECONDS:
        return
    _local.drain_needed = False
    try:
        drain()
    except Exception:
        logger.exception("Draining the search queue failed; the queued updates stay queued")
    finally:
        if held:
            _local.held_since = time.monotonic()


def _drain_beside():
    """
    During a run (``hold_drains``), drain in a process of its own
    (``search.beside``), which drains again as soon as its last drain ends,
    for the whole run, so that the index keeps pace with the run; True when
    one is draining (another is started should it have died). The run's
    last drain, at ``release_drains``, is its own.
    """
    running = getattr(_local, "beside", None)
    if running is not None and running.is_alive():
        return True  # still draining: the next commit looks again
    _local.drain_needed = False
    try:
        _local.beside = beside.start(
            connection.settings_dict["NAME"],
            settings.SEARCH_BACKEND,
            settings.STRIKEWATCH_INDEX_DIR,
        )
    except Exception:
        logger.exception("Could not start draining the search queue beside the import")
        _local.drain_needed = True
        return False
    return True


def _join_beside():
    running, _local.beside = getattr(_local, "beside", None), None
    if running is not None:
        running.stop()
        running.join()
        _local.drain_needed = True  # what it left is drained here


# Draining ----------------------------------------------------------------------------


def _due_condition():
    return (
        "(claimed_at IS NULL AND due_at <= clock_timestamp()) "
        "OR (done_at IS NULL AND claimed_at < clock_timestamp() - %s)"
    )


def has_due():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT EXISTS (SELECT 1 FROM {QUEUE} WHERE {_due_condition()})", [STALE_CLAIM]
        )
        return cursor.fetchone()[0]


def _claim(limit):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {QUEUE} SET claimed_at = clock_timestamp() WHERE id IN ("
            f"  SELECT id FROM {QUEUE} WHERE {_due_condition()} "
            f"  ORDER BY due_at, id LIMIT %s FOR UPDATE SKIP LOCKED"
            f") RETURNING id, article_id",
            [STALE_CLAIM, limit],
        )
        return cursor.fetchall()


def _finish(row_ids):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {QUEUE} SET done_at = clock_timestamp() WHERE id = ANY(%s)", [row_ids]
        )


def _give_back(claimed):
    """Put claimed work back in the queue after a failure (as fresh rows: the claimed ones may clash)."""
    if not claimed:
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {QUEUE} WHERE id = ANY(%s)", [[row_id for row_id, _ in claimed]]
            )
        _insert([article_id for _, article_id in claimed])


def drain(backend=None, *, max_batches=MAX_BATCHES_PER_DRAIN):
    """
    Apply due queued updates to the index. Returns the number of articles
    re-indexed. Returns early, leaving the work queued, when another process
    holds the write lock (it drains after releasing it) or the index is
    missing (a rebuild will read everything anyway).
    """
    backend = backend or get_backend()
    applied = 0
    for _ in range(max_batches):
        if not has_due():
            break
        try:
            writer = backend.writer()
        except IndexBusy:
            counters["busy"] += 1
            break
        except IndexUnavailable:
            break
        claimed = []
        try:
            with writer:
                claimed = _claim(CLAIM)
                if not claimed:
                    continue
                article_ids = sorted({article_id for _, article_id in claimed})
                lookups = Lookups()
                for start in range(0, len(article_ids), BATCH):
                    chunk = article_ids[start : start + BATCH]
                    for article_id, documents in documents_for_articles(chunk, lookups).items():
                        writer.replace(article_id, documents)
        except IndexUnavailable as error:
            # Damaged index or full disk: the backend logged why once; the work waits
            # in the queue for the rebuild or the next drain.
            _give_back(claimed)
            logger.warning("%d search index updates stay queued: %s", len(claimed), error)
            break
        except Exception:
            _give_back(claimed)
            raise
        _finish([row_id for row_id, _ in claimed])
        applied += len({article_id for _, article_id in claimed})
    counters["drains"] += 1
    counters["applied"] += applied
    _purge_now_and_then()
    return applied


_last_due_check = 0.0
_last_purge = 0.0


def drain_if_due(min_interval=60.0):
    """For the search path: drain scheduled work at most every ``min_interval`` seconds per process."""
    global _last_due_check
    now = time.monotonic()
    if now - _last_due_check < min_interval:
        return 0
    _last_due_check = now
    try:
        return drain()
    except DatabaseError as error:
        # An unavailable database is answered (and logged once) by the site; no traceback per drain.
        logger.warning("Draining the search queue failed: %s", error.__class__.__name__)
        return 0
    except Exception:
        logger.exception("Draining the search queue failed")
        return 0


def _purge_now_and_then(interval=3600.0):
    global _last_purge
    now = time.monotonic()
    if now - _last_purge < interval:
        return
    _last_purge = now
    purge_done()


def purge_done(older_than=KEEP_DONE):
    """Forget finished rows (kept a while for rebuilds' replay)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {QUEUE} WHERE done_at < now() - %s", [older_than])
        return cursor.rowcount


def queue_status():
    """{"due": n, "scheduled": n, "oldest_due_seconds": s} for health checks."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FILTER (WHERE {_due_condition()}), "
            f"count(*) FILTER (WHERE claimed_at IS NULL AND due_at > now()), "
            f"EXTRACT(EPOCH FROM now() - min(due_at) FILTER (WHERE claimed_at IS NULL AND due_at <= now())) "
            f"FROM {QUEUE}",
            [STALE_CLAIM],
        )
        due, scheduled, oldest = cursor.fetchone()
    return {"due": due, "scheduled": scheduled, "oldest_due_seconds": float(oldest or 0)}


def is_caught_up():
    """
    True when every change due so far is in the index: nothing is queued or
    being applied. Results read after this answers True include every edit
    committed before it was asked (the page cache keeps only those).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT NOT EXISTS (SELECT 1 FROM {QUEUE} WHERE done_at IS NULL AND due_at <= now())"
        )
        return cursor.fetchone()[0]


# Rebuilding --------------------------------------------------------------------------


def _database_clock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT clock_timestamp()")
        return cursor.fetchone()[0]


def _replay_claimed_since(started):
    """Queue again what was applied to the old index while the new one was being built."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {QUEUE} (article_id, due_at, created_at) "
            f"SELECT DISTINCT article_id, now(), now() FROM {QUEUE} WHERE claimed_at >= %s "
            f"ON CONFLICT (article_id, due_at) WHERE claimed_at IS NULL DO NOTHING",
            [started],
        )


def is_healthy(backend=None):
    backend = backend or get_backend()
    try:
        return bool(backend.status().get("ok"))
    except Exception:
        return False


def rebuild(backend=None, *, processes=1, if_missing=False, wait=True, progress=None):
    """
    Build a fresh index from the database and swap it in. With
    ``if_missing``, do nothing when a readable index is already there.
    ``progress(documents, total)``, if given, wraps the documents read (a
    command's progress bar). Returns the build's figures, or None when
    nothing was done.
    """
    backend = backend or get_backend()
    lock = backend.rebuild_lock()
    if not lock.acquire(blocking=wait):
        raise RebuildRunning("another process is already rebuilding the search index")
    try:
        if if_missing and is_healthy(backend):
            return None
        started = _database_clock()
        documents = iter_all_documents()
        if progress is not None:
            documents = progress(documents, sum(count_published().values()))
        stats = backend.rebuild(
            documents,
            processes=processes,
            on_swapped=lambda: _replay_claimed_since(started),
        )
        purge_done()
    finally:
        lock.release()
    drain(backend)
    return stats


# Rebuilding from a web process when the index is missing or broken -----------------

_background = None
_background_lock = threading.Lock()


def rebuild_in_background():
    """
    Start rebuilding in a thread of this process unless one already runs
    here or elsewhere (the rebuild lock decides). Returns True when a
    rebuild is (now) under way.
    """
    global _background
    if not getattr(settings, "SEARCH_AUTO_REBUILD", True):
        return False
    with _background_lock:
        if _background is not None and _background.is_alive():
            return True
        _background = threading.Thread(target=_rebuild_thread, name="search-rebuild", daemon=True)
        _background.start()
        return True


def _rebuild_thread():
    try:
        # A web process may bound its statements (DB_STATEMENT_TIMEOUT); a rebuild
        # reads the whole archive and is no web request. This thread's connection
        # is its own and is closed when the thread ends.
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
        stats = rebuild(if_missing=True, wait=False)
    except RebuildRunning:
        pass
    except IndexUnavailable as error:  # the disk is full, or the new index failed its checks
        logger.error("Rebuilding the search index in the background failed: %s", error)
    except Exception:
        logger.exception("Rebuilding the search index in the background failed")
    else:
        if stats is not None:
            logger.info(
                "Rebuilt the search index in the background: %s documents in %.1f s",
                sum(stats["documents"].values()),
                stats["seconds"],
            )
    finally:
        connections.close_all()


def background_rebuild_thread():
    """The running background rebuild, if any (tests wait on it)."""
    return _background
