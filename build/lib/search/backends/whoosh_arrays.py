"""
Answering Whoosh searches with arrays instead of Whoosh's collectors.

Whoosh's collectors visit every matching document in Python, tens of
microseconds each once totals and facets are wanted, so one common word in a
quarter-million-document archive costs seconds. Here the index stays
Whoosh's (its files, analysis, term dictionary, segments, locks), but a query
is answered with numpy:

* each segment's per-document columns (kind, outlet, speaker, date, field
  lengths, deletions) are read once and kept while the segment lives;
* each term's postings (document numbers and frequencies) are decoded once
  and kept in a size-bounded LRU cache, per segment;
* AND/OR/NOT are operations on sorted arrays, scores are Whoosh's own BM25F
  formula as vector arithmetic, the total and the facets are bincounts, the
  page is an argpartition. Only the page's keys are read from stored fields.

Phrases check word positions (decoded from Whoosh's postings) on the
documents that hold every word, of the kind and within the filters asked for.
"""

import threading
from collections import OrderedDict
from math import log

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.formats import Positions
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import _length_byte_cache, length_to_byte

from .. import querylang as ql
from ..analysis import (
    MAX_EXPANSION,
    fold,
    name_terms,
    similar_names,
    speaker_edit_distance,
    stem_word,
    text_terms,
)
from .base import NEWEST, OLDEST

B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults
TEXT_FIELDS = ("headline", "text", "speaker")  # fields whose lengths scoring needs
NAME_FIELDS = {"speaker", "source", "byline"}
DEFAULT_FIELDS = ("headline", "text", "speaker")
KINDS = {"quote": 0, "article": 1}
_LENGTHS = np.array(
    list(_length_byte_cache) + [106374] * (256 - len(_length_byte_cache)), dtype=np.float32
)[:256]

UNDATED = np.int64(2**40)  # sorts after every date
_EMPTY_IDS = np.empty(0, dtype=np.int64)
_EMPTY_SCORES = np.empty(0, dtype=np.float32)


class _Codes:
    """Small integers for slugs, shared by all segments of the process."""

    def __init__(self):
        self.code = {"": 0}
        self.text = [""]
        self.lock = threading.Lock()

    def encode(self, values):
        with self.lock:
            out = np.empty(len(values), dtype=np.int32)
            code = self.code
            for index, value in enumerate(values):
                number = code.get(value)
                if number is None:
                    number = code[value] = len(self.text)
                    self.text.append(value)
                out[index] = number
            return out

    def lookup(self, value):
        return self.code.get(value)


SOURCES, SPEAKERS = _Codes(), _Codes()


class _LRU:
    """An LRU cache bounded by the total size, in bytes, of what it holds."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value, size):
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = (value, size)
            self.size += size
            while self.size > self.max_bytes and len(self.entries) > 1:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.size -= dropped


# Decoded postings per process: the common words of a large archive (a posting is a
# document number and a frequency, 8 bytes; positions are kept as Whoosh encodes them).
POSTINGS = _LRU(48_000_000)
_SEGMENTS = {}  # segment id -> _SegmentColumns (kept while the segment is in use)
_SEGMENTS_LOCK = threading.Lock()


class _SegmentColumns:
    """One segment's per-document values, as arrays (segments never change but for deletions)."""

    def __init__(self, reader):
        count = reader.doc_count_all()
        self.count = count

        def column(name):  # the stored values, as Whoosh wrote them
            return reader.column_reader(name, translate=False)

        kind_codes, kinds = _byte_values(column("kind"), count)
        self.kind = np.array([KINDS.get(v.decode(), 2) for v in kinds] or [0], dtype=np.int8)[
            kind_codes
        ]
        self.newest = _numbers(column("newest"), count).astype(np.int64)
        self.source = _slug_codes(column("source_slug"), count, SOURCES)
        self.speaker = _slug_codes(column("speaker_slug"), count, SPEAKERS)
        self.lengths = {field: _field_lengths(reader, field, count) for field in TEXT_FIELDS}


# Reading columns. Whoosh reads a column value by value, a few microseconds each: a
# quarter-million documents took a second or more per process. Its two column types
# used here are read whole instead (one slice of the file, then numpy), with Whoosh's
# own iteration as the fallback for anything else.


def _numbers(column, count):
    """A NumericColumn's values as an array (big-endian on disk; missing values are the default)."""
    if type(column) is NumericColumn.Reader and not column._reverse:
        stored = min(column._count, count)
        raw = column._dbfile.get(column._basepos, stored * column._fixedlen)
        values = np.frombuffer(raw, dtype=np.dtype(">" + column._typecode), count=stored)
        if stored < count:
            values = np.concatenate(
                [values, np.full(count - stored, column._default, dtype=values.dtype)]
            )
        return values
    return np.fromiter(column, dtype=np.int64, count=count)


def _byte_values(column, count):
    """(per-document codes, distinct values): a VarBytesColumn as small integers and the bytes they stand for."""
    if type(column) is VarBytesColumn.Reader and len(column._lengths) >= count:
        lengths, offsets = column._lengths, column._offsets
        size = (offsets[count - 1] + lengths[count - 1]) if count else 0
        blob = column._dbfile.get(column._basepos, size)
        values = (blob[o : o + n] for o, n in zip(offsets[:count], lengths[:count], strict=True))
    else:
        values = iter(column)
    distinct = {}
    codes = np.fromiter(
        (distinct.setdefault(v, len(distinct)) for v in values), dtype=np.int32, count=count
    )
    return codes, list(distinct)


def _slug_codes(column, count, vocabulary):
    codes, slugs = _byte_values(column, count)
    if not slugs:
        return np.empty(0, dtype=np.int32)
    return vocabulary.encode([slug.decode() for slug in slugs])[codes]


def _field_lengths(reader, field, count):
    """
    Each document's length in ``field`` as Whoosh keeps it: one byte, a code
    for the length (``_LENGTHS`` decodes it), a quarter of a float's memory.
    """
    try:
        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count, dtype=np.uint8)
        return _numbers(column, count).astype(np.uint8)
    except AttributeError:  # another codec: ask document by document
        return np.array(
            [length_to_byte(reader.doc_field_length(d, field, 0)) for d in range(count)],
            dtype=np.uint8,
        )


_BUILDING_LOCK = (
    threading.Lock()
)  # one segment read at a time: a second thread waits for the first's


def _segment_columns(reader):
    key = reader.segment().segment_id()
    with _SEGMENTS_LOCK:
        columns = _SEGMENTS.get(key)
    if columns is None:
        with _BUILDING_LOCK:
            with _SEGMENTS_LOCK:
                columns = _SEGMENTS.get(key)
            if columns is None:
                columns = _SegmentColumns(reader)
                with _SEGMENTS_LOCK:
                    _SEGMENTS[key] = columns
    return key, columns


class _Columns:
    """
    One state of the index (its segments and their deletions) as whole-index
    arrays. Immutable, so every thread of a process shares one; it is rebuilt
    only when a commit or a swap changes the segments.
    """

    def __init__(self, leaves):
        parts, live = [], []
        for segreader, columns in leaves:
            parts.append(columns)
            mask = np.ones(columns.count, dtype=bool)
            deleted = segreader.deleted_docs_set if segreader.has_deletions() else ()
            if deleted:
                mask[np.fromiter(deleted, dtype=np.int64)] = False
            live.append(mask)
        if parts:
            self.kind = np.concatenate([p.kind for p in parts])
            self.newest = np.concatenate([p.newest for p in parts])
            self.source = np.concatenate([p.source for p in parts])
            self.speaker = np.concatenate([p.speaker for p in parts])
            self.lengths = {f: np.concatenate([p.lengths[f] for p in parts]) for f in TEXT_FIELDS}
            self.live = np.concatenate(live)
        else:
            self.kind = np.empty(0, dtype=np.int8)
            self.newest = np.empty(0, dtype=np.int64)
            self.source = self.speaker = np.empty(0, dtype=np.int32)
            self.lengths = {f: np.empty(0, dtype=np.uint8) for f in TEXT_FIELDS}
            self.live = np.empty(0, dtype=bool)


_COLUMNS = OrderedDict()  # index state -> _Columns, the most recent few
_COLUMNS_KEPT = 2  # the live state and the one before it (threads still finishing with it)
_COLUMNS_LOCK = threading.Lock()


def _columns_for(leaves):
    """The shared ``_Columns`` of an index state: (segment reader, its columns) per segment."""
    key = tuple((reader.segment().segment_id(), reader.doc_count()) for reader, _ in leaves)
    with _COLUMNS_LOCK:
        found = _COLUMNS.get(key)
        if found is not None:
            _COLUMNS.move_to_end(key)
            return found
    built = _Columns(leaves)
    with _COLUMNS_LOCK:
        found = _COLUMNS.setdefault(key, built)
        _COLUMNS.move_to_end(key)
        while len(_COLUMNS) > _COLUMNS_KEPT:
            _COLUMNS.popitem(last=False)
    return found


class IndexArrays:
    """
    The whole index (one generation of it) as arrays, for one searcher (one
    thread): the columns are shared by every thread, the readers are this one's.
    """

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = []  # (segment id, segment reader, offset)
        with_columns = []
        for segreader, offset in self.reader.leaf_readers():
            if segreader.segment() is None:  # an index with no documents yet
                continue
            key, columns = _segment_columns(segreader)
            self.leaves.append((key, segreader, offset))
            with_columns.append((segreader, columns))
        self.count = self.reader.doc_count_all()
        shared = _columns_for(with_columns)
        self.kind, self.newest = shared.kind, shared.newest
        self.source, self.speaker = shared.source, shared.speaker
        self.lengths, self.live = shared.lengths, shared.live
        documents = max(self.count, 1)
        self.average_length = {
            f: (self.reader.field_length(f) or 1) / documents for f in TEXT_FIELDS
        }
        self.phrases = {}
        forget_unused_segments({key for key, _, _ in self.leaves})

    # Postings

    def postings(self, field, term):
        """(global doc numbers, frequencies) of one term, deleted documents included."""
        ids, weights = [], []
        for key, segreader, offset in self.leaves:
            cached = POSTINGS.get((key, field, term))
            if cached is None:
                cached = _decode_postings(segreader, field, term)
                POSTINGS.put((key, field, term), cached, 8 * len(cached[0]))
            else:
                cached = cached[0]
            if len(cached[0]):
                ids.append(cached[0].astype(np.int64) + offset)
                weights.append(cached[1])
        if not ids:
            return _EMPTY_IDS, _EMPTY_SCORES
        if len(ids) == 1:
            return ids[0], weights[0]
        return np.concatenate(ids), np.concatenate(weights)

    def bm25(self, field, term, boost=1.0):
        ids, weights = self.postings(field, term)
        if not len(ids):
            return ids, _EMPTY_SCORES
        idf = log(self.count / (self.reader.doc_frequency(field, term) + 1)) + 1
        lengths = (
            _LENGTHS[self.lengths[field][ids]]
            if field in self.lengths
            else np.ones(len(ids), dtype=np.float32)
        )
        average = self.average_length.get(field, 1.0)
        scores = idf * (weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / average))
        return ids, (scores * boost).astype(np.float32)

    # Query evaluation

    def evaluate(self, node, allowed=None):
        """
        (sorted doc numbers, scores) matching a querylang tree. ``allowed`` (a
        mask over all documents: live, of the kind and within the filters)
        only spares work; callers still filter the result with it.
        """
        if isinstance(node, ql.LEAVES):
            fields = (node.field,) if node.field else DEFAULT_FIELDS
            return _union([self._leaf(field, node, allowed) for field in fields])
        if isinstance(node, ql.Not):
            return self.evaluate(node.child)  # only reached inside And/Or handling below
        if isinstance(node, ql.Or):
            options = [
                self.evaluate(child, allowed)
                for child in node.children
                if not isinstance(child, ql.Not)
            ]
            negated = [child.child for child in node.children if isinstance(child, ql.Not)]
            if negated:  # "a OR NOT b": everything but b, plus a
                options.append(self._complement(_union([self.evaluate(n) for n in negated])))
            return _union(options)
        positives = [child for child in node.children if not isinstance(child, ql.Not)]
        negatives = [child.child for child in node.children if isinstance(child, ql.Not)]
        if positives:
            result = self.evaluate(positives[0], allowed)
            for child in positives[1:]:
                if not len(result[0]):
                    break
                result = _intersect(result, self.evaluate(child, allowed))
        else:
            result = (np.arange(self.count, dtype=np.int64), np.zeros(self.count, dtype=np.float32))
        for child in negatives:
            if not len(result[0]):
                break
            excluded = self.evaluate(child)[0]
            keep = ~np.isin(result[0], excluded, assume_unique=True)
            result = (result[0][keep], result[1][keep])
        return result

    def _complement(self, result):
        everything = np.arange(self.count, dtype=np.int64)
        keep = ~np.isin(everything, result[0], assume_unique=True)
        return everything[keep], np.zeros(int(keep.sum()), dtype=np.float32)

    def _leaf(self, field, leaf, allowed=None):
        names = field in NAME_FIELDS
        if isinstance(leaf, ql.Prefix):
            prefix = fold("".join(ql.plain_words(leaf.text)))
            if not names:
                stem = stem_word(prefix) or prefix
                prefix = _common_prefix(prefix, stem) or prefix
            terms = []
            for term in self.reader.expand_prefix(field, prefix):
                terms.append(term.decode() if isinstance(term, bytes) else term)
                if len(terms) >= MAX_EXPANSION:
                    break
            # Like Whoosh's prefix queries: every match scores the same.
            ids = _union([(self.postings(field, t)[0], None) for t in terms], scored=False)[0]
            return ids, np.ones(len(ids), dtype=np.float32)
        terms = name_terms(leaf.text) if names else text_terms(leaf.text)
        if not terms:
            return _EMPTY_IDS, _EMPTY_SCORES
        if len(terms) > 1:
            return self._phrase(field, terms, allowed)
        term = terms[0]
        maxdist = speaker_edit_distance(term)
        if leaf.field == "speaker" and isinstance(leaf, ql.Term) and maxdist:
            # Names come spelled many ways: "McAlevy" finds "McAlevey" (an exact spelling ranks
            # first). The shared rule decides among the words of the same first letter.
            similar = similar_names(term, same_initial_words(self.reader, field, term))
            return _union([self.bm25(field, term, 2.0), *(self.bm25(field, t) for t in similar)])
        return self.bm25(field, term)

    def _phrase(self, field, terms, allowed=None):
        # Cheap first: documents holding every word, of the kind and within the filters
        # wanted; then Whoosh checks word positions on those documents only.
        candidates = self.postings(field, terms[0])[0]
        for term in terms[1:]:
            if not len(candidates):
                break
            candidates = np.intersect1d(
                candidates, self.postings(field, term)[0], assume_unique=True
            )
        if allowed is not None and len(candidates):
            candidates = candidates[allowed[candidates]]
        key = (field, tuple(terms), candidates.tobytes()[:64], len(candidates))
        ids = self.phrases.get(key)
        if ids is None:
            ids = self._check_positions(field, terms, candidates) if len(candidates) else _EMPTY_IDS
            self.phrases[key] = ids
        if not len(ids):
            return ids, _EMPTY_SCORES
        scores = np.zeros(len(ids), dtype=np.float32)
        for term in dict.fromkeys(terms):
            term_ids, term_scores = self.bm25(field, term)
            positions = np.searchsorted(term_ids, ids)
            positions[positions >= len(term_ids)] = 0
            found = term_ids[positions] == ids
            scores[found] += term_scores[positions[found]]
        return ids, scores

    def _check_positions(self, field, terms, candidates):
        """The candidates in which the terms stand next to each other, in order."""
        # Positions per term, for the candidates only: (term -> list of position sets).
        position_sets = [
            [_positions(v) for v in self._values_for(field, term, candidates)] for term in terms
        ]
        found = []
        for index, docnum in enumerate(candidates.tolist()):
            starts = position_sets[0][index]
            for offset in range(1, len(terms)):
                following = position_sets[offset][index]
                starts = {p for p in starts if p + offset in following}
                if not starts:
                    break
            if starts:
                found.append(docnum)
        return np.array(found, dtype=np.int64)

    def _values_for(self, field, term, candidates):
        """A term's encoded positions in each candidate document (all of which hold the term)."""
        if len(candidates) * 8 >= self.reader.doc_frequency(field, term):
            ids, values = self.position_values(
                field, term
            )  # most of its postings: decode all, cached
            return [values[i] for i in np.searchsorted(ids, candidates).tolist()]
        found = []  # a few documents: skip to them, reading only their blocks
        for _key, segreader, offset in self.leaves:
            local = (
                candidates[
                    (candidates >= offset) & (candidates < offset + segreader.doc_count_all())
                ]
                - offset
            )
            if not len(local):
                continue
            matcher = segreader.postings(field, term)
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child
            for docnum in local.tolist():
                if matcher.is_active() and matcher.id() < docnum:
                    matcher.skip_to(docnum)
                found.append(
                    matcher.value() if matcher.is_active() and matcher.id() == docnum else None
                )
        return found

    def position_values(self, field, term):
        """(global doc numbers, encoded positions) of one term, cached like postings."""
        ids, values = [], []
        for key, segreader, offset in self.leaves:
            cached = POSTINGS.get((key, field, term, "positions"))
            if cached is None:
                cached = _decode_values(segreader, field, term)
                # A Python bytes object per document: its length plus about 40 bytes around it.
                size = 4 * len(cached[0]) + sum(len(value or b"") + 41 for value in cached[1])
                POSTINGS.put((key, field, term, "positions"), cached, size)
            else:
                cached = cached[0]
            ids.append(cached[0].astype(np.int64) + offset)
            values.extend(cached[1])
        return (np.concatenate(ids) if ids else _EMPTY_IDS), values

    # Searching

    def search(self, query, tree):
        """(keys of the page, total, {"source": {slug: n}, "speaker": {slug: n}})."""
        allowed = self._filter_mask(query, None)
        if tree is None:
            ids = np.flatnonzero(allowed).astype(np.int64)
            scores = None
        else:
            ids, scores = self.evaluate(tree, allowed)
            keep = allowed[ids]
            ids, scores = ids[keep], scores[keep]
        total = len(ids)
        facets = {
            "source": _counts(self.source[ids], SOURCES, query.facet_limit),
            "speaker": _counts(self.speaker[ids], SPEAKERS, query.facet_limit),
        }
        wanted = query.offset + query.limit
        if query.sort == OLDEST:
            newest = self.newest[ids]
            # Undated documents come last whichever way dates are sorted.
            order = _top(np.where(newest == 0, UNDATED, newest), wanted, secondary=ids)
        elif query.sort == NEWEST or scores is None:
            order = _top(-self.newest[ids], wanted, secondary=ids)
        else:
            order = _top(-scores, wanted, secondary=-self.newest[ids])
        page = ids[order[query.offset : wanted]]
        keys = []
        for docnum in page.tolist():
            kind, _, pk = self.searcher.stored_fields(docnum)["key"].partition(":")
            keys.append((kind, int(pk)))
        return keys, total, facets

    def counts(self):
        """{kind: live documents}."""
        return {kind: int(((self.kind == code) & self.live).sum()) for kind, code in KINDS.items()}

    def _filter_mask(self, query, ids):
        def column(values):
            return values if ids is None else values[ids]

        mask = column(self.live) & (column(self.kind) == KINDS[query.kind])
        if query.source_slug:
            code = SOURCES.lookup(query.source_slug)
            mask &= column(self.source) == (code if code is not None else -1)
        if query.speaker_slug:
            code = SPEAKERS.lookup(query.speaker_slug)
            mask &= column(self.speaker) == (code if code is not None else -1)
        if query.speaker_slugs is not None:
            codes = [SPEAKERS.lookup(slug) for slug in query.speaker_slugs]
            mask &= np.isin(column(self.speaker), [c for c in codes if c is not None])
        if query.date_from or query.date_to:
            newest = column(self.newest)
            if query.date_from:
                mask &= newest >= int(query.date_from.timestamp())
            else:
                mask &= newest > 0  # undated documents have no place in a date range
            if query.date_to:
                mask &= newest < int(query.date_to.timestamp())
        return mask


def _decode_postings(segreader, field, term):
    """One segment's postings of a term, as (doc numbers int32, frequencies float32)."""
    try:
        matcher = segreader.postings(field, term)
    except Exception:  # TermNotFound, or the field is not in this segment
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    if isinstance(matcher, FilterMatcher):  # deletions are applied by the live mask instead
        matcher = matcher.child
    ids, weights = [], []
    try:  # block by block (Whoosh's W3 codec keeps 128 postings a block)
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids[matcher._i :])
            weights.extend(matcher._weights[matcher._i :])
            matcher._next_block()
    except AttributeError:  # another codec: posting by posting
        ids, weights = [], []
        matcher = segreader.postings(field, term)
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float32)


def _decode_values(segreader, field, term):
    """One segment's doc numbers and raw position values of a term."""
    try:
        matcher = segreader.postings(field, term)
    except Exception:
        return np.empty(0, dtype=np.int32), []
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    ids, values = [], []
    try:
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_values()
            ids.extend(matcher._ids[matcher._i :])
            values.extend(matcher._values[matcher._i :])
            matcher._next_block()
    except AttributeError:
        ids, values = [], []
        matcher = segreader.postings(field, term)
        while matcher.is_active():
            ids.append(matcher.id())
            values.append(matcher.value())
            matcher.next()
    return np.array(ids, dtype=np.int32), values


_POSITIONS_FORMAT = Positions()


def _positions(value):
    return set(_POSITIONS_FORMAT.decode_positions(value)) if value else set()


def _union(results, scored=True):
    results = [r for r in results if len(r[0])]
    if not results:
        return _EMPTY_IDS, _EMPTY_SCORES
    if len(results) == 1:
        return results[0]
    ids = np.concatenate([r[0] for r in results])
    size = int(ids.max()) + 1
    if len(ids) * 8 > size:  # large sets: a dense tally beats sorting
        if not scored:
            present = np.zeros(size, dtype=bool)
            present[ids] = True
            return np.flatnonzero(present), None
        tally = np.bincount(ids, weights=np.concatenate([r[1] for r in results]), minlength=size)
        present = np.bincount(ids, minlength=size) > 0
        unique = np.flatnonzero(present)
        return unique, tally[unique].astype(np.float32)
    unique, inverse = np.unique(ids, return_inverse=True)
    if not scored:
        return unique, None
    scores = np.bincount(
        inverse, weights=np.concatenate([r[1] for r in results]), minlength=len(unique)
    )
    return unique, scores.astype(np.float32)


def _intersect(left, right):
    ids, in_left, in_right = np.intersect1d(
        left[0], right[0], assume_unique=True, return_indices=True
    )
    return ids, left[1][in_left] + right[1][in_right]


def _top(keys, wanted, secondary):
    """Positions of the ``wanted`` smallest keys, in order (ties broken by ``secondary``)."""
    if len(keys) > wanted * 4 and wanted < len(keys):
        candidates = np.argpartition(keys, wanted - 1)[:wanted]
        # include every tie of the last key so the tie-break is stable across pages
        cut = keys[candidates].max()
        candidates = np.flatnonzero(keys <= cut)
    else:
        candidates = np.arange(len(keys))
    order = np.lexsort((secondary[candidates], keys[candidates]))
    return candidates[order][:wanted]


def _counts(codes, vocabulary, limit=None):
    """{slug: matches}; with ``limit``, only the ``limit`` most frequent (and any tied with the last)."""
    counts = np.bincount(codes)
    if len(counts):
        counts[0] = 0  # documents without this facet (quotes nobody is credited with)
    found = np.flatnonzero(counts)
    if limit is not None and len(found) > limit:
        cut = np.partition(counts[found], len(found) - limit)[len(found) - limit]
        found = found[counts[found] >= cut]
    return {vocabulary.text[code]: int(counts[code]) for code in found.tolist()}


def _common_prefix(a, b):
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return a[:length]


def same_initial_words(reader, field, term):
    """
    The words of ``field`` starting with ``term``'s first letter, from every
    segment: the candidates ``similar_names`` judges by the shared rule.
    (Whoosh's own ``terms_within`` answers differently with one segment, whose
    automaton counts two swapped letters as two edits, than with several.)
    """
    schema_field = reader.schema[field]
    return [schema_field.from_bytes(word) for word in reader.expand_prefix(field, term[:1])]


def forget_unused_segments(in_use):
    """Drop cached columns of segments no longer in any index this process reads (merged away)."""
    with _SEGMENTS_LOCK:
        if len(_SEGMENTS) > 4 * max(1, len(in_use)) + 16:
            for key in list(_SEGMENTS):
                if key not in in_use:
                    del _SEGMENTS[key]
