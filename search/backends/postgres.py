"""
The PostgreSQL full-text backend, for deployments with several web hosts:
the index is a table (``search.SearchDocument``) every host shares.

Text is matched with the ``strikewatch_english`` configuration (accents
folded, Snowball English stems) and names with ``strikewatch_names`` (folded,
not stemmed). Each document's ``vector`` carries the headline as weight A,
the text as B and the speaker's names as C: a query without fields needs no
weight check (the GIN index answers it alone), a field query is a weight
restriction. Outlets and bylines have vectors of their own, and ranking
reads the small ``rank_vector`` (headline plus quote, or article lead).

Speaker names also match by trigram similarity (``pg_trgm``) against the
people's names and aliases.

Every value from the user reaches SQL as a bound parameter; the only text
spliced into ``to_tsquery`` strings is made of ``\\w`` characters, weights and
operators this module writes itself.
"""

import logging
import re
import threading
import time
from datetime import UTC, datetime

from django.db import connection, transaction

from .. import querylang as ql
from ..analysis import fold, stem_word
from articles.models import Person

from ..models import IndexState
from .base import NEWEST, OLDEST, Hits, IndexBusy, IndexUnavailable, IndexWriter, SearchBackend

logger = logging.getLogger(__name__)

TEXT_CONFIG = "strikewatch_english"
NAMES_CONFIG = "strikewatch_names"
LOCK_KEY = 0x5357_5345_4152_4348  # "SWSEARCH": the advisory lock writers take
TABLE = "search_searchdocument"
WORDS = "search_searchword"
FIELD_WEIGHTS = {"headline": "A", "text": "B", "speaker": "C"}
LEAD_CHARS = 600  # how much of an article its ranking reads
_SAFE_WORD = re.compile(r"^\w+$")

VECTOR_SQL = (
    f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'A') || "
    f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'B') || "
    f"setweight(to_tsvector('{NAMES_CONFIG}', %s), 'C')"
)
RANK_VECTOR_SQL = (
    f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'A') || setweight(to_tsvector('{TEXT_CONFIG}', %s), 'B')"
)
INSERT_SQL = (
    f"INSERT INTO {TABLE} (key, kind, object_id, article_id, source_slug, speaker_slug, "
    f"published_at, vector, rank_vector, source_vector, byline_vector) "
    f"VALUES (%s, %s, %s, %s, %s, %s, %s, {VECTOR_SQL}, {RANK_VECTOR_SQL}, "
    f"to_tsvector('{NAMES_CONFIG}', %s), to_tsvector('{NAMES_CONFIG}', %s))"
)


def _row(document):
    lead = document.text if document.kind == "quote" else document.text[:LEAD_CHARS]
    return (
        document.key,
        document.kind,
        document.pk,
        document.article_id,
        document.source_slug,
        document.speaker_slug,
        document.published_at,
        document.headline,
        document.text,
        document.speaker,
        document.headline,
        lead,
        document.source,
        document.byline,
    )


# Compiling the query language -----------------------------------------------------


class _Sql:
    """A boolean SQL fragment with its parameters; ``rank`` collects positive text tsqueries."""

    def __init__(self, sql, params=(), rank=()):
        self.sql = sql
        self.params = list(params)
        self.rank = list(rank)  # [(sql, params)] of tsquery expressions


def _tsquery_words(text):
    return [word for word in ql.plain_words(fold(text)) if _SAFE_WORD.match(word)]


def _leaf(field, leaf):
    """A leaf in one field: an SQL condition (with the tsquery it ranks by, if any)."""
    words = _tsquery_words(leaf.text)
    if not words:
        return None
    if field in ("source", "byline"):
        config, column, weight = NAMES_CONFIG, f"{field}_vector", ""
    else:
        config = NAMES_CONFIG if field == "speaker" else TEXT_CONFIG
        column, weight = "vector", FIELD_WEIGHTS[field]
    if isinstance(leaf, ql.Prefix):
        expression = f"{words[0]}:*{weight}"
    else:
        expression = " <-> ".join(f"{word}:{weight}" if weight else word for word in words)
    tsquery = (f"to_tsquery('{config}', %s)", [expression])
    condition = _Sql(f"{column} @@ {tsquery[0]}", tsquery[1])
    if field in ("headline", "text"):
        condition.rank.append(tsquery)
    if field == "speaker" and not isinstance(leaf, ql.Prefix) and len("".join(words)) >= 4:
        # Names come spelled many ways: "McAlevy" finds "McAlevey". People are few next to
        # quotes, so the close spellings are looked up among them, then their quotes by slug.
        slugs = similar_speakers(" ".join(words))
        if slugs:
            condition = _Sql(f"({condition.sql} OR speaker_slug = ANY(%s))", [*condition.params, slugs])
    return condition


def similar_speakers(name):
    """Slugs of the people one of whose names (or aliases) is spelled like ``name``."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT slug FROM {Person._meta.db_table} "
            f"WHERE word_similarity(%s, lower(unaccent(name || ' ' || array_to_string(aliases, ' ')))) >= 0.6",
            [fold(name)],
        )
        return [slug for (slug,) in cursor.fetchall()]


def _default_leaf(leaf):
    """A leaf with no field: headline, text or speaker. No weights, so the GIN index alone decides."""
    words = _tsquery_words(leaf.text)
    if not words:
        return None
    expression = f"{words[0]}:*" if isinstance(leaf, ql.Prefix) else " <-> ".join(words)
    text_query = (f"to_tsquery('{TEXT_CONFIG}', %s)", [expression])
    tsquery = (f"({text_query[0]} || to_tsquery('{NAMES_CONFIG}', %s))", [expression, expression])
    return _Sql(f"vector @@ {tsquery[0]}", tsquery[1], [text_query])


def compile_tree(node):
    """A querylang tree as an SQL condition on the documents table (None: no condition)."""
    if node is None:
        return None
    if isinstance(node, ql.LEAVES):
        if node.field is None:
            return _default_leaf(node)
        return _leaf(node.field, node)
    if isinstance(node, ql.Not):
        child = compile_tree(node.child)
        return _Sql(f"NOT ({child.sql})", child.params) if child else None
    parts = [part for part in (compile_tree(child) for child in node.children) if part is not None]
    if not parts:
        return None
    joiner = " OR " if isinstance(node, ql.Or) else " AND "
    return _Sql(
        "(" + joiner.join(part.sql for part in parts) + ")",
        [param for part in parts for param in part.params],
        [rank for part in parts for rank in part.rank],
    )


# The backend ----------------------------------------------------------------------


class PostgresBackend(SearchBackend):
    name = "postgres"

    def __init__(self):
        self._local = threading.local()

    def exists(self):
        return IndexState.objects.filter(backend=self.name).exists()

    def _require_index(self):
        if not self.exists():
            raise IndexUnavailable("the search index has not been built yet")

    def search(self, query):
        self._require_index()
        conditions, params = ["kind = %s"], [query.kind]
        if query.source_slug:
            conditions.append("source_slug = %s")
            params.append(query.source_slug)
        if query.speaker_slug:
            conditions.append("speaker_slug = %s")
            params.append(query.speaker_slug)
        if query.date_from:
            conditions.append("published_at >= %s")
            params.append(query.date_from)
        if query.date_to:
            conditions.append("published_at < %s")
            params.append(query.date_to)
        compiled = compile_tree(query.tree)
        rank_sql, rank_params = "0", []
        if compiled is not None:
            conditions.append(compiled.sql)
            params.extend(compiled.params)
            if compiled.rank:
                rank_sql = "ts_rank_cd(rank_vector, " + " || ".join(sql for sql, _ in compiled.rank) + ", 1)"
                rank_params = [p for _, ps in compiled.rank for p in ps]
        where = " AND ".join(conditions)
        if query.sort == OLDEST:
            order, order_params = "published_at ASC NULLS LAST, key", []
        elif query.sort == NEWEST or rank_sql == "0":
            order, order_params = "published_at DESC NULLS LAST, key", []
        else:
            order, order_params = f"{rank_sql} DESC, published_at DESC NULLS LAST, key", rank_params
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT kind, object_id FROM {TABLE} WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",
                [*params, *order_params, query.limit, query.offset],
            )
            keys = [(kind, pk) for kind, pk in cursor.fetchall()]
            cursor.execute(
                f"SELECT GROUPING(source_slug), GROUPING(speaker_slug), source_slug, speaker_slug, count(*) "
                f"FROM {TABLE} WHERE {where} "
                f"GROUP BY GROUPING SETS ((source_slug), (speaker_slug), ())",
                params,
            )
            total, facets = 0, {"source": {}, "speaker": {}}
            for no_source, no_speaker, source, speaker, count in cursor.fetchall():
                if no_source and no_speaker:
                    total = count
                elif not no_source:
                    facets["source"][source] = count
                elif speaker:
                    facets["speaker"][speaker] = count
        return Hits(keys=keys, total=total, facets=facets)

    def correction(self, word):
        self._require_index()
        stem = stem_word(fold(word))
        if not stem or len(stem) < 4 or not _SAFE_WORD.match(stem):
            return None
        folded = fold(word)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {WORDS} WHERE word IN (%s, %s)", [stem, folded])
            if cursor.fetchone():
                return None
            cursor.execute(
                f"SELECT word, similarity(word, %s) AS score FROM {WORDS} "
                f"WHERE word %% %s AND abs(length(word) - length(%s)) <= 2 "
                f"ORDER BY score DESC, documents DESC LIMIT 1",
                [stem, stem, stem],
            )
            row = cursor.fetchone()
        return row[0] if row and row[1] >= 0.4 else None

    def counts(self):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT kind, count(*) FROM {TABLE} GROUP BY kind")
            found = dict(cursor.fetchall())
        return {kind: found.get(kind, 0) for kind in ("quote", "article")}

    # Writing

    def _try_lock(self):
        # Advisory locks are re-entrant within a session; writers must not be (a drain
        # during this process's own rebuild would write into the half-built index).
        if getattr(self._local, "held", False):
            return False
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
            self._local.held = cursor.fetchone()[0]
        return self._local.held

    def _unlock(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        self._local.held = False

    def writer(self):
        self._require_index()
        if not self._try_lock():
            raise IndexBusy("another process is writing to the search tables")
        return _PostgresWriter(self)

    def rebuild(self, documents, *, processes=1, on_swapped=None):
        started = time.perf_counter()
        deadline = started + 120
        while not self._try_lock():
            if time.perf_counter() > deadline:
                raise IndexBusy("a writer held the search tables for too long")
            time.sleep(0.05)
        counts = {"article": 0, "quote": 0}
        try:
            # One transaction: searches keep reading the old rows until it commits.
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {TABLE}")
                    batch = []
                    for document in documents:
                        batch.append(_row(document))
                        counts[document.kind] += 1
                        if len(batch) >= 1000:
                            cursor.executemany(INSERT_SQL, batch)
                            batch = []
                    if batch:
                        cursor.executemany(INSERT_SQL, batch)
                    cursor.execute(f"DELETE FROM {WORDS}")
                    cursor.execute(
                        f"INSERT INTO {WORDS} (word, documents) "
                        f"SELECT word, ndoc FROM ts_stat('SELECT vector FROM {TABLE}') WHERE length(word) <= 100"
                    )
                IndexState.objects.update_or_create(
                    backend=self.name,
                    defaults={"built_at": datetime.now(UTC), "documents": sum(counts.values())},
                )
            if on_swapped is not None:
                on_swapped()
        finally:
            self._unlock()
        if not connection.in_atomic_block:
            # The old rows are dead now: let their space be reused, and plan with fresh statistics.
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM (ANALYZE) {TABLE}")
                cursor.execute(f"VACUUM (ANALYZE) {WORDS}")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT pg_total_relation_size('{TABLE}') + pg_total_relation_size('{WORDS}')")
            size = cursor.fetchone()[0]
        return {"documents": counts, "seconds": time.perf_counter() - started, "bytes": size, "path": TABLE}

    def rebuild_lock(self):
        return _AdvisoryRebuildLock()

    # Health

    def status(self):
        try:
            state = IndexState.objects.filter(backend=self.name).first()
        except Exception as error:  # tables missing: migrations not run
            return {"ok": False, "detail": f"The search tables cannot be read: {error.__class__.__name__}.", "documents": {}}
        if state is None:
            return {"ok": False, "detail": "The search index has not been built yet.", "documents": {}}
        return {
            "ok": True,
            "detail": "PostgreSQL full-text index.",
            "documents": self.counts(),
            "built_at": state.built_at.isoformat(),
        }


class _PostgresWriter(IndexWriter):
    def __init__(self, backend):
        self.backend = backend
        self.replaced = {}

    def replace(self, article_id, documents):
        self.replaced[article_id] = documents

    def __exit__(self, exc_type, exc, traceback):
        try:
            if exc_type is None and self.replaced:
                ids = list(self.replaced)
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [ids])
                    rows = [_row(d) for documents in self.replaced.values() for d in documents]
                    if rows:
                        cursor.executemany(INSERT_SQL, rows)
                        cursor.execute(
                            f"INSERT INTO {WORDS} (word, documents) "
                            f"SELECT DISTINCT unnest(tsvector_to_array(vector)), 1 FROM {TABLE} "
                            f"WHERE article_id = ANY(%s) ON CONFLICT (word) DO NOTHING",
                            [ids],
                        )
        finally:
            self.backend._unlock()
        return False


class _AdvisoryRebuildLock:
    """One rebuild at a time across every host (a different key from the writers' lock)."""

    KEY = LOCK_KEY + 1

    def acquire(self, blocking=False):
        with connection.cursor() as cursor:
            if blocking:
                cursor.execute("SELECT pg_advisory_lock(%s)", [self.KEY])
                return True
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [self.KEY])
            return cursor.fetchone()[0]

    def release(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [self.KEY])
