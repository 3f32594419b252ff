"""
The Whoosh backend: an index directory on the web host's own disk.

Layout of ``STRIKEWATCH_INDEX_DIR``::

    current                 symlink to generations/<name>, the live index
    generations/<name>/     complete Whoosh indexes
    rebuild.lock            held by whoever is building a new generation

A rebuild writes a new generation beside the live one and swaps the
``current`` link with one atomic rename, so searches never see a half-built
index. Processes open the generation the link points at (by its real path)
and notice a swap on their next search.

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

from ..analysis import NAME_ANALYZER, TEXT_ANALYZER, fold, stem_word
from .base import Hits, IndexBusy, IndexUnavailable, IndexWriter, SearchBackend
from .whoosh_arrays import IndexArrays

logger = logging.getLogger(__name__)

CURRENT = "current"
GENERATIONS = "generations"
REBUILD_LOCK = "rebuild.lock"
SWAP_LOCK_TIMEOUT = 120.0
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

    # Reading

    def _open(self):
        """This thread's searcher on the live index, refreshed if the index changed."""
        path = self.live_path()
        if path is None:
            raise IndexUnavailable("the search index has not been built yet")
        opened = getattr(self._local, "opened", None)
        try:
            if opened is not None and opened.path == path:
                if not opened.searcher.up_to_date():
                    # A fresh searcher rather than refresh(): whoosh-reloaded 2.7.5's reader
                    # reuse keeps merged-away segments and stale deletions (duplicate hits).
                    opened.renew()
                return opened
            ix = open_index(path)
            fresh = _Opened(path, ix)
        except whoosh_index.EmptyIndexError:
            raise IndexUnavailable("the search index has not been built yet") from None
        except Exception as error:
            logger.exception("Cannot open the search index at %s", path)
            raise IndexUnavailable(
                f"the search index cannot be read ({error.__class__.__name__})"
            ) from error
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

    def search(self, query):
        arrays = self._arrays()
        try:
            keys, total, facets = arrays.search(query, query.tree)
        except (OSError, EOFError, ValueError, KeyError, whoosh_index.IndexError) as error:
            logger.exception("Reading the search index failed")
            self.forget()
            raise IndexUnavailable(
                f"the search index cannot be read ({error.__class__.__name__})"
            ) from error
        return Hits(keys=keys, total=total, facets=facets)

    def _arrays(self, retry=True):
        opened = self._open()
        if opened.arrays is None:
            try:
                opened.arrays = IndexArrays(opened.searcher)
            except Exception as error:  # unreadable files, or an index from an older schema
                self.forget()
                if retry:
                    # Another process may have committed, and merged away a segment this
                    # searcher listed, while it was being read: once more, as the index is now.
                    logger.warning(
                        "Loading the search index failed once; reopening it", exc_info=True
                    )
                    return self._arrays(retry=False)
                logger.exception("Loading the search index failed")
                raise IndexUnavailable(
                    f"the search index cannot be read ({error.__class__.__name__})"
                ) from error
        return opened.arrays

    def warm(self):
        """
        Read the live index's columns into this process (what its first search
        would otherwise wait for), then close this thread's searcher: the
        columns stay, shared by every thread. Quietly does nothing when there
        is no readable index.
        """
        try:
            self._arrays()
        except IndexUnavailable:
            pass
        finally:
            self.forget()

    def correction(self, word):
        reader = self._open().searcher.reader()
        stem = stem_word(fold(word))
        if not stem or len(stem) < 4:
            return None
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

    def counts(self):
        """{kind: documents} in the live index."""
        return self._arrays().counts()

    # Writing

    def writer(self):
        for _attempt in range(3):
            path = self.live_path()
            if path is None or not any(path.glob("*.toc")):
                raise IndexUnavailable("the search index has not been built yet")
            try:
                ix = open_index(path)
            except Exception as error:
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
                return _WhooshWriter(writer)
            writer.cancel()
        raise IndexBusy("the index is being swapped")

    def rebuild(self, documents, *, processes=1, on_swapped=None, limitmb=256):
        generations = self.directory / GENERATIONS
        generations.mkdir(parents=True, exist_ok=True)
        name = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}"  # sorts by age
        path = generations / name
        path.mkdir()
        started = time.perf_counter()
        counts = {"article": 0, "quote": 0}
        try:
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
                writer.cancel()
                raise
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
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
        """Delete all but the live and the previous generation (processes may still read that one)."""
        generations = self.directory / GENERATIONS
        candidates = sorted((p for p in generations.iterdir() if p.is_dir()), key=lambda p: p.name)
        keep = set(keep) | set(candidates[-2:])
        for path in candidates:
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)

    def rebuild_lock(self):
        """An exclusive lock file: one rebuild at a time per index directory."""
        self.directory.mkdir(parents=True, exist_ok=True)
        from whoosh.util.filelock import FileLock

        return FileLock(str(self.directory / REBUILD_LOCK))

    # Health

    def status(self):
        path = self.live_path()
        if path is None or not any(path.glob("*.toc")):
            return {
                "ok": False,
                "detail": "The search index has not been built yet.",
                "documents": {},
            }
        try:
            counts = self.counts()
            updated = open_index(path).last_modified()
        except Exception as error:
            return {
                "ok": False,
                "detail": f"The search index cannot be read: {error}.",
                "documents": {},
            }
        return {
            "ok": True,
            "detail": f"Whoosh index {path.name}.",
            "documents": counts,
            "generation": path.name,
            "updated_at": datetime.fromtimestamp(updated, UTC).isoformat(),
        }


class _WhooshWriter(IndexWriter):
    def __init__(self, writer):
        self.writer = writer
        self.changed = False

    def replace(self, article_id, documents):
        self.changed = True
        self.writer.delete_by_term("article_id", str(article_id))
        for document in documents:
            self.writer.add_document(**document_fields(document))

    def __exit__(self, exc_type, exc, traceback):
        if exc_type is None and self.changed:
            self.writer.commit(mergetype=merge_tiers)
        else:
            self.writer.cancel()
        return False


def _close_quietly(searcher):
    try:
        searcher.close()
    except Exception:  # already closed by a refresh, or its files are gone
        pass
