"""
The Whoosh backend: an index directory on the web host's own disk.

Layout of ``STRIKEWATCH_INDEX_DIR``::

    current                 symlink to generations/<name>, the live index
    generations/<name>/     complete Whoosh indexes
    rebuild.lock            held by whoever is building a new generation

A rebuild writes a new generation beside the live one, verifies it (it
opens, holds every document written, and its checksums are recorded in
``integrity.json``, see ``search.integrity``) and only then swaps the
``current`` link with one atomic rename, so searches never see a half-built
index. Processes open the generation the link points at (by its real path)
and notice a swap on their next search. A generation without checksums, or
newer than the live one, is a rebuild that never finished: the next rebuild
deletes it, never promotes it. The previous good generation is kept until
the one after is promoted.

Every search checks that the files it read are still the ones written (a
``stat`` of each; checksums again only for a file that changed, and for all
of them when a process first opens a generation). Reading a damaged index
raises ``IndexDamaged``: search answers 503 "being repaired", ``status()``
says so, and a background rebuild replaces it.

Searches are answered from arrays over the index (``whoosh_arrays``), which
each process builds per generation and keeps while the index is unchanged.

Whoosh allows one writer per index; its lock (an ``flock``, released even if
the process dies) is taken without waiting. Whoever fails to get it leaves its
queued work to the holder, which looks at the queue again after letting go
(see ``search.indexing``).
"""

import logging
import math
import os
import shutil
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.util.filelock import try_for

from .. import integrity
from ..analysis import NAME_ANALYZER, TEXT_ANALYZER, fold, stem_word
from ..integrity import DAMAGE_ERRORS, Damaged, is_disk_full
from .base import Hits, IndexBusy, IndexDamaged, IndexUnavailable, IndexWriter, SearchBackend
from .whoosh_arrays import IndexArrays

logger = logging.getLogger(__name__)

CURRENT = "current"
GENERATIONS = "generations"
REBUILD_LOCK = "rebuild.lock"
SWAP_LOCK_TIMEOUT = 120.0
# Below this much free space the index's disk is reported full: updates wait in the queue.
DISK_FULL_BYTES = 1 << 20
# Segments within a factor of SEGMENT_TIER in size form a tier, merged into one
# segment once SEGMENT_TIER of them have gathered (``merge_tiers``).
SEGMENT_TIER = 8


def build_schema():
    """
    Text fields are indexed; what only filters, sorts or counts (kind, outlet,
    speaker, date) is a column, read as arrays (``whoosh_arrays``) and never
    indexed as terms.
    """
    return Schema(
        key=STORED,
        article_id=ID(),
        headline=TEXT(analyzer=TEXT_ANALYZER, field_boost=2.0),
        text=TEXT(analyzer=TEXT_ANALYZER),
        speaker=TEXT(analyzer=NAME_ANALYZER),
        source=TEXT(analyzer=NAME_ANALYZER),
        byline=TEXT(analyzer=NAME_ANALYZER),
        kind=COLUMN(VarBytesColumn()),
        source_slug=COLUMN(VarBytesColumn()),
        speaker_slug=COLUMN(VarBytesColumn()),
        newest=COLUMN(NumericColumn("q")),
    )


def open_index(path):
    """
    The Whoosh index at ``path``, its files read with ordinary reads.

    whoosh-reloaded (2.7.5) memory-maps each segment and then copies every
    file of it into a ``BytesIO`` (``filedb.structfile.BufferFile``): each
    searcher (one per thread, a new one after every change) held a private
    copy of the whole index, a gigabyte per gunicorn worker at 50,000
    articles. Read without memory maps, the files stay in the kernel's page
    cache, which every worker shares, and a worker keeps only its arrays.
    """
    return FileStorage(str(path), supports_mmap=False).open_index()


def _tier(segment):
    return int(math.log(max(segment.doc_count_all(), 1), SEGMENT_TIER))


def merge_tiers(writer, segments):
    """
    The merge policy of every commit (a Whoosh ``mergetype``): segments of
    about the same size are merged once SEGMENT_TIER of them have gathered,
    and a segment with more deleted documents than live ones is rewritten.
    Each document is then copied about log(N) times over the life of the
    index, where Whoosh's default (``MERGE_SMALL``) rewrote the small segments
    at nearly every commit: an import's time per article no longer grows
    with the index, and a search reads a handful of segments per tier.
    """
    from whoosh.reading import SegmentReader

    tiers = {}
    for segment in segments:
        tiers.setdefault(_tier(segment), []).append(segment)
    merged = [
        segment
        for group in tiers.values()
        for segment in group
        if len(group) >= SEGMENT_TIER or segment.deleted_count() * 2 > segment.doc_count_all()
    ]
    for segment in merged:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in merged]


def _timestamp(value):
    return int(value.timestamp()) if value else None


def document_fields(document):
    """A search.documents.Document as Whoosh field values."""
    return {
        "key": document.key,
        "kind": document.kind.encode(),
        "article_id": str(document.article_id),
        "headline": document.headline,
        "text": document.text,
        "speaker": document.speaker,
        "source": document.source,
        "byline": document.byline,
        "source_slug": document.source_slug.encode(),
        "speaker_slug": document.speaker_slug.encode(),
        "newest": _timestamp(document.published_at) or 0,
    }


# The backend ----------------------------------------------------------------------


class _Opened:
    """This thread's view of one generation: a searcher and, lazily, its arrays."""

    def __init__(self, path, ix):
        self.path = path
        self.ix = ix
        self.searcher = ix.searcher()
        self.arrays = None

    def renew(self):
        _close_quietly(self.searcher)
        self.searcher = self.ix.searcher()
        self.arrays = None


class WhooshBackend(SearchBackend):
    name = "whoosh"

    def __init__(self, directory):
        self.directory = Path(directory)
        self._local = threading.local()
        self._checked_in_full = set()  # generations whose every checksum this process verified
        self._damaged = {}  # generation path: why (kept here too when the disk refuses the mark)
        self._disk_full_logged = False

    # Locations

    @property
    def current_link(self):
        return self.directory / CURRENT

    def live_path(self):
        """The real path of the live generation, or None."""
        link = self.current_link
        if not link.is_symlink() and not link.is_dir():
            return None
        path = Path(os.path.realpath(link))
        return path if path.is_dir() else None

    def exists(self):
        """Whether there is a live index at all (readable or not)."""
        path = self.live_path()
        return bool(path) and any(path.glob("*.toc"))

    # Integrity

    def check(self, path, *, thorough=False):
        """Raise ``IndexDamaged`` when the generation at ``path`` is not what was written."""
        reason = self._damaged.get(path)
        if reason is None:
            try:
                integrity.check(path, thorough=thorough)
                return
            except Damaged as error:
                reason = str(error)
        self._declare_damaged(path, reason)

    def _declare_damaged(self, path, reason):
        """Mark the generation damaged for every process, log it once, and raise ``IndexDamaged``."""
        if path not in self._damaged:
            self._damaged[path] = reason
            if not integrity.damage(path):
                integrity.mark_damaged(path, reason)
            logger.error(
                "The search index %s is damaged: %s. Search answers 503 until it is rebuilt.",
                path.name,
                reason,
            )
        self.forget()
        raise IndexDamaged(f"the search index is damaged: {reason}")

    # Reading

    def _open(self):
        """This thread's searcher on the live index, refreshed if the index changed."""
        path = self.live_path()
        if path is None:
            raise IndexUnavailable("the search index has not been built yet")
        opened = getattr(self._local, "opened", None)
        if opened is not None and opened.path == path:
            if not opened.searcher.up_to_date():
                # A fresh searcher rather than refresh(): whoosh-reloaded 2.7.5's reader
                # reuse keeps merged-away segments and stale deletions (duplicate hits).
                opened.renew()
            return opened
        self.check(path, thorough=path not in self._checked_in_full)
        self._checked_in_full.add(path)
        try:
            ix = open_index(path)
        except whoosh_index.EmptyIndexError:
            raise IndexUnavailable("the search index has not been built yet") from None
        fresh = _Opened(path, ix)
        if opened is not None:
            _close_quietly(opened.searcher)
        self._local.opened = fresh
        return fresh

    def forget(self):
        """Close this thread's searcher (tests, and after deleting generations)."""
        opened = getattr(self._local, "opened", None)
        if opened is not None:
            _close_quietly(opened.searcher)
            self._local.opened = None

    def _read(self, action):
        """
        ``action(opened)`` on the live index, then a check that the files it read
        are still intact, so no answer comes from a damaged index. A reading error
        with intact files is retried once on a fresh searcher (another process may
        have merged away a segment meanwhile); a second one marks the index damaged.
        """
        for attempt in (1, 2):
            opened = None
            try:
                opened = self._open()
                result = action(opened)
            except DAMAGE_ERRORS as error:
                path = opened.path if opened is not None else self.live_path()
                self.forget()
                if path is None:
                    raise IndexUnavailable("the search index has not been built yet") from None
                self.check(path)
                if attempt == 1:
                    logger.warning(
                        "Reading the search index failed (%s: %s); reopening it",
                        error.__class__.__name__,
                        error,
                    )
                    continue
                self._declare_damaged(
                    path, f"reading it failed ({error.__class__.__name__}: {error})"
                )
            self.check(opened.path)
            return result

    def _arrays_of(self, opened):
        if opened.arrays is None:
            opened.arrays = IndexArrays(opened.searcher)
        return opened.arrays

    def search(self, query):
        keys, total, facets = self._read(
            lambda opened: self._arrays_of(opened).search(query, query.tree)
        )
        return Hits(keys=keys, total=total, facets=facets)

    def warm(self):
        """
        Read the live index's columns into this process (what its first search
        would otherwise wait for), then close this thread's searcher: the
        columns stay, shared by every thread. Quietly does nothing when there
        is no readable index.
        """
        try:
            self._read(self._arrays_of)
        except IndexUnavailable:
            pass
        finally:
            self.forget()

    def correction(self, word):
        stem = stem_word(fold(word))
        if not stem or len(stem) < 4:
            return None
        return self._read(lambda opened: _correction(opened.searcher.reader(), word, stem))

    def counts(self):
        """{kind: documents} in the live index."""
        return self._read(lambda opened: self._arrays_of(opened).counts())

    # Writing

    def writer(self):
        for _attempt in range(3):
            path = self.live_path()
            if path is None or not any(path.glob("*.toc")):
                raise IndexUnavailable("the search index has not been built yet")
            self.check(path)  # a damaged index takes no updates: they wait for the rebuild
            self._check_disk()
            try:
                ix = open_index(path)
            except DAMAGE_ERRORS as error:
                raise IndexUnavailable(
                    f"the search index cannot be read ({error.__class__.__name__})"
                ) from error
            try:
                writer = ix.writer(timeout=0.0)
            except whoosh_index.LockError:
                raise IndexBusy(str(path)) from None
            # A rebuild swaps generations while holding the old one's lock: make sure
            # the generation locked is still the live one.
            if self.live_path() == path:
                return _WhooshWriter(self, path, writer)
            writer.cancel()
        raise IndexBusy("the index is being swapped")

    def _check_disk(self):
        """
        Refuse to write on a full disk (a commit failing half-way leaves Whoosh's
        files open, and their errors surface again when they are collected).
        Logged once per process until a write succeeds again.
        """
        free = self.disk_free()
        if free is None or free >= DISK_FULL_BYTES:
            self._disk_full_logged = False
            return
        if not self._disk_full_logged:
            self._disk_full_logged = True
            logger.error(
                "The search index's disk is full (%d KiB free at %s): updates wait in the queue.",
                free // 1024,
                self.directory,
            )
        raise IndexUnavailable("no space left on the search index's disk")

    def _write_failed(self, path, error):
        """An index write failed: IndexUnavailable saying why (the live index is left as it was)."""
        if is_disk_full(error):
            logger.error(
                "Writing to the search index failed: no space left on its disk (%s). "
                "The live index is unchanged; updates wait in the queue.",
                self.directory,
            )
            return IndexUnavailable("no space left on the search index's disk")
        try:
            self.check(path)
        except IndexDamaged as damaged:
            return damaged
        logger.error(
            "Writing to the search index failed (%s: %s); updates wait in the queue.",
            error.__class__.__name__,
            error,
        )
        return IndexUnavailable(f"writing to the search index failed ({error.__class__.__name__})")

    def rebuild(self, documents, *, processes=1, on_swapped=None, limitmb=256):
        """
        Called under the rebuild lock (``search.indexing.rebuild``): deletes the
        leftovers of unfinished builds first. Raises IndexUnavailable, leaving the
        live index as it was, when the new one cannot be written or verified.
        """
        generations = self.directory / GENERATIONS
        generations.mkdir(parents=True, exist_ok=True)
        self._remove_unfinished()
        self._check_room()
        name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}"  # sorts by age
        path = generations / name
        started = time.perf_counter()
        counts = {"article": 0, "quote": 0}
        try:
            path.mkdir()
            ix = whoosh_index.create_in(str(path), build_schema())
            if processes > 1:
                writer = ix.writer(procs=processes, limitmb=limitmb, multisegment=True)
            else:
                writer = ix.writer(limitmb=limitmb)
            try:
                for document in documents:
                    writer.add_document(**document_fields(document))
                    counts[document.kind] += 1
                writer.commit()
            except BaseException:
                _cancel_quietly(writer)
                raise
            self._verify_new(path, counts)
        except BaseException as error:
            shutil.rmtree(path, ignore_errors=True)
            if is_disk_full(error):
                raise IndexUnavailable(
                    "no space left on the search index's disk to build a new index "
                    "(the live index is unchanged)"
                ) from error
            raise
        built = time.perf_counter() - started
        self._swap_in(path, on_swapped)
        self._remove_old_generations(keep={path})
        return {
            "documents": counts,
            "seconds": built,
            "bytes": sum(f.stat().st_size for f in path.iterdir() if f.is_file()),
            "path": str(path),
        }

    def _check_room(self):
        """
        Refuse to start a build that cannot fit beside the live index (about
        its size again): a clear message instead of a build dying half-way.
        """
        live = self.live_path()
        needed = DISK_FULL_BYTES + (
            sum(f.stat().st_size for f in live.iterdir() if f.is_file()) if live else 0
        )
        free = self.disk_free()
        if free is not None and free < needed:
            raise IndexUnavailable(
                f"no space left on the search index's disk to build a new index: "
                f"{free / 1_048_576:.1f} MiB free, about {needed / 1_048_576:.1f} MiB needed "
                "(the live index is unchanged)"
            )

    def _verify_new(self, path, counts):
        """
        A new generation opens and holds exactly the documents written; then its
        checksums are recorded (on disk for good), which marks it complete.
        """
        expected = {kind: n for kind, n in counts.items() if n}
        ix = open_index(path)
        with ix.searcher() as searcher:
            held = {kind: n for kind, n in IndexArrays(searcher).counts().items() if n}
            if searcher.doc_count() != sum(counts.values()) or held != expected:
                raise IndexUnavailable(
                    f"the new search index holds {held} documents, not {expected}: not promoted"
                )
        integrity.record(path, sync=True)
        integrity.check(path, thorough=True)

    def _remove_unfinished(self):
        """
        Delete what interrupted builds left: generations never completed, and
        any newer than the live one (a build killed before its swap: never
        promoted, so never trusted), and stray links.
        """
        live = self.live_path()
        for path in (self.directory / GENERATIONS).iterdir():
            if not path.is_dir() or path == live:
                continue
            if not integrity.is_complete(path) or (live is not None and path.name > live.name):
                logger.warning("Deleting the unfinished search index build %s", path.name)
                shutil.rmtree(path, ignore_errors=True)
        for link in self.directory.glob(f".{CURRENT}.*"):
            link.unlink(missing_ok=True)

    def _swap_in(self, path, on_swapped):
        """Point ``current`` at ``path`` atomically, holding the old index's write lock meanwhile."""
        old = self.live_path()
        old_lock = None
        if old is not None:
            # The same lock file a writer of the old index takes (whoosh's "<indexname>_WRITELOCK").
            old_lock = FileStorage(str(old)).lock(f"{whoosh_index._DEF_INDEX_NAME}_WRITELOCK")
            if not try_for(old_lock.acquire, timeout=SWAP_LOCK_TIMEOUT, delay=0.05):
                raise IndexBusy(
                    "a writer held the live index for too long; the new index was not swapped in"
                )
        try:
            temporary = self.directory / f".{CURRENT}.{uuid.uuid4().hex[:8]}"
            os.symlink(os.path.relpath(path, self.directory), temporary)
            os.replace(temporary, self.current_link)
            if on_swapped is not None:
                on_swapped()
        finally:
            if old_lock is not None:
                old_lock.release()

    def _remove_old_generations(self, keep):
        """
        Delete every generation but the live one and the newest complete,
        undamaged one before it (processes may still read that one).
        """
        generations = self.directory / GENERATIONS
        candidates = sorted((p for p in generations.iterdir() if p.is_dir()), key=lambda p: p.name)
        previous = [
            p
            for p in candidates
            if p not in keep and integrity.is_complete(p) and not integrity.damage(p)
        ]
        keep = set(keep) | set(previous[-1:])
        for path in candidates:
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)
                self._damaged.pop(path, None)

    def rebuild_lock(self):
        """An exclusive lock file: one rebuild at a time per index directory."""
        self.directory.mkdir(parents=True, exist_ok=True)
        from whoosh.util.filelock import FileLock

        return FileLock(str(self.directory / REBUILD_LOCK))

    def is_rebuilding(self):
        """Whether some process holds the rebuild lock now."""
        if not (self.directory / REBUILD_LOCK).exists():
            return False
        lock = self.rebuild_lock()
        if lock.acquire(blocking=False):
            lock.release()
            return False
        return True

    # Health

    def disk_free(self):
        try:
            stat = os.statvfs(self.directory)
        except OSError:
            return None
        return stat.f_bavail * stat.f_frsize

    def status(self):
        report = self._status()
        free = self.disk_free()
        report["disk_free_bytes"] = free
        if free is not None and free < DISK_FULL_BYTES:
            report["ok"] = False
            report["detail"] = (
                f"The search index's disk is full ({free // 1024} KiB free): updates wait in "
                f"the queue and no rebuild can run. {report['detail']}"
            )
        return report

    def _status(self):
        path = self.live_path()
        rebuilding = self.is_rebuilding()
        if path is None or not any(path.glob("*.toc")):
            return {
                "ok": False,
                "detail": "The search index has not been built yet.",
                "documents": {},
                "rebuilding": rebuilding,
            }
        try:
            self.check(path)
            counts = self.counts()
            updated = open_index(path).last_modified()
        except IndexDamaged as error:
            return {
                "ok": False,
                "damaged": True,
                "detail": f"The search index is damaged ({self._damaged.get(path, error)}); "
                + ("it is being rebuilt." if rebuilding else "run `manage.py rebuild_index`."),
                "documents": {},
                "generation": path.name,
                "rebuilding": rebuilding,
            }
        except Exception as error:
            return {
                "ok": False,
                "detail": f"The search index cannot be read: {error}.",
                "documents": {},
                "rebuilding": rebuilding,
            }
        return {
            "ok": True,
            "detail": f"Whoosh index {path.name}.",
            "documents": counts,
            "generation": path.name,
            "verified": integrity.is_complete(path),
            "rebuilding": rebuilding,
            "updated_at": datetime.fromtimestamp(updated, UTC).isoformat(),
        }


class _WhooshWriter(IndexWriter):
    """
    Holds the live index's write lock until its checksums are recorded: the
    commit's own unlock is deferred, so no other writer's half-written files
    are ever recorded.
    """

    def __init__(self, backend, path, writer):
        self.backend = backend
        self.path = path
        self.writer = writer
        self.changed = False

    def replace(self, article_id, documents):
        self.changed = True
        try:
            self.writer.delete_by_term("article_id", str(article_id))
            for document in documents:
                self.writer.add_document(**document_fields(document))
        except DAMAGE_ERRORS as error:
            raise self.backend._write_failed(self.path, error) from error

    def __exit__(self, exc_type, exc, traceback):
        lock, self.writer.writelock = self.writer.writelock, None
        try:
            if exc_type is None and self.changed:
                self.writer.commit(mergetype=merge_tiers)
                integrity.record(self.path)
            else:
                self.writer.cancel()
        except Damaged as error:
            self.backend._declare_damaged(self.path, str(error))
        except DAMAGE_ERRORS as error:
            _cancel_quietly(self.writer)
            raise self.backend._write_failed(self.path, error) from error
        finally:
            if lock is not None:
                lock.release()
        return False


def _correction(reader, word, stem):
    """The index's most frequent word within an edit or two of ``word``, when ``word`` is not in it."""
    folded = fold(word)
    for field, term in (("text", stem), ("headline", stem), ("speaker", folded)):
        if reader.doc_frequency(field, term):
            return None
    best, best_frequency = None, 0
    for maxdist in (1, 2) if len(stem) >= 6 else (1,):
        for candidate in reader.terms_within("text", stem, maxdist, prefix=1):
            frequency = reader.doc_frequency("text", candidate)
            if frequency > best_frequency:
                best, best_frequency = candidate, frequency
        if best:
            break
    return best


def _cancel_quietly(writer):
    """Give up a writer whose commit failed half-way (its partial files are cleaned by the next commit)."""
    try:
        writer.cancel()
    except Exception:
        try:
            writer._tempstorage.destroy()
        except Exception:
            pass


def _close_quietly(searcher):
    try:
        searcher.close()
    except Exception:  # already closed by a refresh, or its files are gone
        pass
