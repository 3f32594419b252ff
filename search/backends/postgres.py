"""
The PostgreSQL full-text backend, for deployments with several web hosts:
the index is a table (``search.SearchDocument``) every host shares.

Text is matched with the ``strikewatch_english`` configuration (accents
folded, Snowball English stems) and names with ``strikewatch_names`` (folded,
not stemmed). Each document's vector carries the headline as weight A,
the text as B and the speaker's names as C: a query without fields needs no
weight check (the GIN index answers it alone), a field query is a weight
restriction. Quotes keep it in ``quote_vector``, articles in
``article_vector``: a search is always of one kind, and with a column per
kind PostgreSQL's statistics say how common a word is *among that kind*
("union" fills articles, not quotes), so it plans an index scan where one
pays, and a sequential scan over quotes never opens articles' (large,
TOASTed) vectors. Outlets and bylines have vectors of their own, and ranking
reads the small ``rank_vector`` (headline plus quote, or article lead).

A ``speaker:`` word also matches the speaker-field words spelled within a
few edits of it (``search.analysis.similar_names``, the Whoosh backend's rule
too), picked from ``search.SpeakerWord``. A phrase is matched within one field (headline,
text or speaker), as Whoosh does: a document's vector runs its fields
together, so a phrase is weight-restricted to keep it from spanning two.

A search's work is bounded however common its words: one statement counts
the matches no further than EXACT_COUNT_LIMIT + 1, takes the facets from the
matches it counted and holds the page. Best matches are ranked among the
first EXACT_COUNT_LIMIT matches in date order (the newest, walked along the
date index when the words are common: ranking sixty thousand matches of a
common word visited every one; see ``rank_window``), so with fewer matches
every one is ranked. The words become tsqueries once, before that statement,
so that no row parses them again.

A rebuild fills new tables beside the live ones, lays the documents out in
the order searches walk them (each kind together, newest first), indexes them,
and swaps them in with one short transaction that drops the old ones: the storage after a
rebuild is that of a fresh build, and searches read the old tables until the
swap.

Every value from the user reaches SQL as a bound parameter; the only text
spliced into ``to_tsquery`` strings is made of ``\\w`` characters, weights and
operators this module writes itself.
"""

import logging
import re
import threading
import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, transaction

from .. import querylang as ql
from ..analysis import fold, similar_names, speaker_edit_distance, stem_word
from ..models import IndexState
from .base import (
    EXACT_COUNT_LIMIT,
    NEWEST,
    OLDEST,
    Hits,
    IndexBusy,
    IndexUnavailable,
    IndexWriter,
    SearchBackend,
)

logger = logging.getLogger(__name__)

TEXT_CONFIG = "strikewatch_english"
NAMES_CONFIG = "strikewatch_names"
LOCK_KEY = 0x5357_5345_4152_4348  # "SWSEARCH": the advisory lock writers take
TABLE = "search_searchdocument"
WORDS = "search_searchword"
SPEAKER_WORDS = "search_speakerword"
INDEX_TABLES = (TABLE, WORDS, SPEAKER_WORDS)
BUILD = "_build"  # suffix of the tables (and their indexes) a rebuild fills
BUILD_MEMORY = "256MB"  # work_mem and maintenance_work_mem while a rebuild orders and indexes
SWAP_LOCK_TIMEOUT = "30s"  # how long the swap may wait for searches holding the old tables
FIELD_WEIGHTS = {"headline": "A", "text": "B", "speaker": "C"}
LEAD_CHARS = 600  # how much of an article its ranking reads
_SAFE_WORD = re.compile(r"^\w+$")
NEWEST_FIRST = "published_at DESC NULLS LAST, key"
OLDEST_FIRST = "published_at ASC NULLS LAST, key"

VECTOR_SQL = (
    f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'A') || "
    f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'B') || "
    f"setweight(to_tsvector('{NAMES_CONFIG}', %s), 'C')"
)
RANK_VECTOR_SQL = (
    f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'A') "
    f"|| setweight(to_tsvector('{TEXT_CONFIG}', %s), 'B')"
)
VECTOR_COLUMNS = {"quote": "quote_vector", "article": "article_vector"}
ANY_VECTOR = "COALESCE(quote_vector, article_vector)"
# The speaker field's words: the C-weighted lexemes of quotes' vectors.
SPEAKER_LEXEMES = "ts_filter(quote_vector, '{c}')"


def _insert_sql(kind, table):
    return (
        f"INSERT INTO {table} (key, kind, object_id, article_id, source_slug, speaker_slug, "
        f"published_at, {VECTOR_COLUMNS[kind]}, rank_vector, source_vector, byline_vector) "
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


def _insert(cursor, rows, table=TABLE):
    """Insert ``_row()`` tuples, each kind with its own statement (its own vector column)."""
    for kind in VECTOR_COLUMNS:
        of_kind = [row for row in rows if row[1] == kind]
        if of_kind:
            cursor.executemany(_insert_sql(kind, table), of_kind)


def _tsquery_literal(lexemes, weight):
    """Lexemes as they are in the index, OR-ed in one tsquery text, each quoted."""
    quoted = ("'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'" for lexeme in lexemes)
    return " | ".join(f"{q}:{weight}" for q in quoted)


def _leaf(field, leaf, vector):
    """A leaf in one field: an SQL condition (with the tsquery it ranks by, if any)."""
    words = _tsquery_words(leaf.text)
    if not words:
        return None
    if field in ("source", "byline"):
        config, column, weight = NAMES_CONFIG, f"{field}_vector", ""
    else:
        config = NAMES_CONFIG if field == "speaker" else TEXT_CONFIG
        column, weight = vector, FIELD_WEIGHTS[field]
    if isinstance(leaf, ql.Prefix):
        expression = f"{words[0]}:*{weight}"
    else:
        expression = " <-> ".join(f"{word}:{weight}" if weight else word for word in words)
    tsquery = (f"to_tsquery('{config}', %s)", [expression])
    condition = _Sql(f"{column} @@ {tsquery[0]}", tsquery[1])
    if field == "headline" or (field == "text" and vector == VECTOR_COLUMNS["quote"]):
        # The GIN index cannot tell weights apart, so a weighted match is checked on each
        # row's vector: an article's is large, often TOASTed, and a common word has
        # thousands. rank_vector holds the same headline (A) and quote text (B), at the
        # same positions, and is small: the index finds the word, rank_vector checks where.
        unweighted = f"{words[0]}:*" if isinstance(leaf, ql.Prefix) else " <-> ".join(words)
        condition = _Sql(
            f"({column} @@ to_tsquery('{config}', %s) AND rank_vector @@ {tsquery[0]})",
            [unweighted, *tsquery[1]],
        )
    if field in ("headline", "text"):
        condition.rank.append(tsquery)
    if field == "speaker" and isinstance(leaf, ql.Term) and len(words) == 1:
        # Names come spelled many ways: "McAlevy" finds "McAlevey".
        similar = similar_speaker_words(words[0])
        if similar:
            condition = _Sql(
                f"{column} @@ ({tsquery[0]} || %s::tsquery)",
                [*tsquery[1], _tsquery_literal(similar, weight)],
            )
    return condition


def _facets_sql(matched, facet_limit):
    """
    (SQL, params) of the total and the facet counts of the rows of ``matched``
    (a table expression with ``source_slug`` and ``speaker_slug``): one row
    per outlet, one per speaker, one for the total (always there, even when
    nothing matched). Each facet keeps its ``facet_limit`` largest values
    (and any tied with the last); None keeps all.
    """
    grouped = (
        f"SELECT GROUPING(source_slug) AS no_source, GROUPING(speaker_slug) AS no_speaker, "
        f"source_slug, speaker_slug, count(*) AS n FROM {matched} "
        f"GROUP BY GROUPING SETS ((source_slug), (speaker_slug), ())"
    )
    if facet_limit is None:
        return grouped, []
    return (
        f"SELECT no_source, no_speaker, source_slug, speaker_slug, n FROM ("
        f"SELECT *, rank() OVER (PARTITION BY no_source, no_speaker ORDER BY n DESC) AS place "
        f"FROM ({grouped}) AS groups WHERE speaker_slug IS NULL OR speaker_slug <> '') AS ranked "
        f"WHERE place <= %s"
    ), [facet_limit]


def _read_facets(rows):
    """(index built?, matches, facets) from rows of (built, no_source, no_speaker, source, speaker, n)."""
    built = rows[0][0] if rows else False
    total, facets = 0, {"source": {}, "speaker": {}}
    for _built, no_source, no_speaker, source, speaker, count in rows:
        if no_source and no_speaker:
            total = count
        elif not no_source:
            facets["source"][source] = count
        elif speaker:
            facets["speaker"][speaker] = count
    return built, total, facets


_TO_TSQUERY = re.compile(r"to_tsquery\('(\w+)', %s\)|%s")


def _resolve_tsqueries(cursor, sql, params):
    """
    ``sql`` and ``params`` with every ``to_tsquery(config, %s)`` replaced by
    the tsquery it makes, as a constant (``%s::tsquery``), all made in one
    round trip. ``to_tsquery`` is a stable function, evaluated again for every
    row a condition filters (a search walking the date index past thirty
    thousand rows parsed and stemmed its words thirty thousand times); a
    constant is evaluated once, and the planner still reads its words to
    estimate how many rows match.
    """
    found, position = [], 0

    def constant(match):
        nonlocal position
        if match[1]:
            found.append((match[1], position))
        position += 1
        return "%s::tsquery" if match[1] else "%s"

    constant_sql = _TO_TSQUERY.sub(constant, sql)
    if not found:
        return sql, params
    cursor.execute(
        "SELECT " + ", ".join(f"to_tsquery('{config}', %s)::text" for config, _ in found),
        [params[index] for _, index in found],
    )
    params = list(params)
    for (_, index), tsquery in zip(found, cursor.fetchone(), strict=True):
        params[index] = tsquery
    return constant_sql, params


def rank_window():
    """
    ``settings.SEARCH_POSTGRES_RANK_WINDOW`` (on by default): best-match order
    ranks the matches a search counts, the newest EXACT_COUNT_LIMIT of them,
    so a search of a very common word visits ten thousand rows, not every
    match (tens of milliseconds instead of hundreds at 250,000 documents, and
    a server that keeps up under load). With more matches than that their
    "best matches" come from the recent part of the archive, and the page
    says so; with fewer, and in the newest and oldest orders, results are the
    same either way. Off: every match is ranked.
    """
    return settings.SEARCH_POSTGRES_RANK_WINDOW


def similar_speaker_words(word):
    """
    The speaker field's words a ``speaker:`` word also finds
    (``search.analysis.similar_names``): the candidates of the same first
    letter and a close length are read from ``search.SpeakerWord``.
    """
    distance = speaker_edit_distance(word)
    if not distance:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {SPEAKER_WORDS} WHERE left(word, 1) = %s "
            f"AND length(word) BETWEEN %s AND %s",
            [word[0], len(word) - distance, len(word) + distance],
        )
        return similar_names(word, [found for (found,) in cursor.fetchall()])


def _default_leaf(leaf, vector):
    """
    A leaf with no field: headline, text or speaker. A word or a prefix needs no
    weights, so the GIN index alone decides; a phrase is matched within one
    field (weights), as the Whoosh backend matches it.
    """
    words = _tsquery_words(leaf.text)
    if not words:
        return None
    expression = f"{words[0]}:*" if isinstance(leaf, ql.Prefix) else " <-> ".join(words)
    text_query = (f"to_tsquery('{TEXT_CONFIG}', %s)", [expression])
    text_expression = names_expression = expression
    if len(words) > 1 and not isinstance(leaf, ql.Prefix):
        text_expression = " | ".join(
            "(" + " <-> ".join(f"{word}:{weight}" for word in words) + ")"
            for weight in (FIELD_WEIGHTS["headline"], FIELD_WEIGHTS["text"])
        )
        names_expression = " <-> ".join(f"{word}:{FIELD_WEIGHTS['speaker']}" for word in words)
    tsquery = (
        f"(to_tsquery('{TEXT_CONFIG}', %s) || to_tsquery('{NAMES_CONFIG}', %s))",
        [text_expression, names_expression],
    )
    return _Sql(f"{vector} @@ {tsquery[0]}", tsquery[1], [text_query])


def compile_tree(node, vector="quote_vector"):
    """
    A querylang tree as an SQL condition on the documents table (None: no
    condition), for documents of the kind whose vector column is ``vector``.
    """
    if node is None:
        return None
    if isinstance(node, ql.LEAVES):
        if node.field is None:
            return _default_leaf(node, vector)
        return _leaf(node.field, node, vector)
    if isinstance(node, ql.Not):
        child = compile_tree(node.child, vector)
        return _Sql(f"NOT ({child.sql})", child.params) if child else None
    parts = [
        part
        for part in (compile_tree(child, vector) for child in node.children)
        if part is not None
    ]
    if not parts:
        return None
    joiner = " OR " if isinstance(node, ql.Or) else " AND "
    return _Sql(
        "(" + joiner.join(part.sql for part in parts) + ")",
        [param for part in parts for param in part.params],
        [rank for part in parts for rank in part.rank],
    )


# Rebuilding beside the live tables -----------------------------------------------------


def _order_built_documents(cursor):
    """
    Rewrite the built documents table in the order searches walk it: each
    kind together, newest first. A search of a common word walks the date
    index until it has counted EXACT_COUNT_LIMIT + 1 matches; in this order
    the rows it reads lie on consecutive pages (a third of the pages read
    when they lie in the order the articles were written, at 250,000
    documents), and so do a day's or a year's matches. Documents written
    after a rebuild are appended: the newest, where the walk starts.
    """
    built, ordered = f"{TABLE}{BUILD}", f"{TABLE}{BUILD}_ordered"
    cursor.execute(f"DROP TABLE IF EXISTS {ordered}")
    cursor.execute(f"CREATE TABLE {ordered} (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING STORAGE)")
    cursor.execute(f"SET LOCAL work_mem = '{BUILD_MEMORY}'")
    cursor.execute(f"INSERT INTO {ordered} SELECT * FROM {built} ORDER BY kind, {NEWEST_FIRST}")
    cursor.execute(f"DROP TABLE {built}")
    cursor.execute(f"ALTER TABLE {ordered} RENAME TO {built}")


_INDEX_DEFINITION = re.compile(r"^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:\S+\.)?)(\S+)( .*)$")


def _index_built_table(cursor, table):
    """
    Give ``table + BUILD`` the indexes ``table`` has (built now, over the
    loaded rows: faster than keeping them up to date row by row) and fresh
    planner statistics. Returns the swap: a function that drops ``table`` and
    puts the built one, its indexes and primary key in its place under the
    same names (migrations find them by name).
    """
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes "
        "WHERE schemaname = current_schema() AND tablename = %s",
        [table],
    )
    indexes = cursor.fetchall()
    cursor.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'p'",
        [table],
    )
    primary_key = cursor.fetchone()
    for name, definition in indexes:
        match = _INDEX_DEFINITION.match(definition)
        cursor.execute(f"{match[1]}{name}{BUILD}{match[3]}{table}{BUILD}{match[5]}")
    cursor.execute(f"ANALYZE {table}{BUILD}")

    def swap():
        cursor.execute(f"DROP TABLE {table}")
        cursor.execute(f"ALTER TABLE {table}{BUILD} RENAME TO {table}")
        for name, _definition in indexes:
            cursor.execute(f"ALTER INDEX {name}{BUILD} RENAME TO {name}")
        if primary_key:
            cursor.execute(
                f"ALTER TABLE {table} ADD CONSTRAINT {primary_key[0]} "
                f"PRIMARY KEY USING INDEX {primary_key[0]}"
            )

    return swap


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
        conditions, params = ["kind = %s"], [query.kind]
        if query.source_slug:
            conditions.append("source_slug = %s")
            params.append(query.source_slug)
        if query.speaker_slug:
            conditions.append("speaker_slug = %s")
            params.append(query.speaker_slug)
        if query.speaker_slugs is not None:
            conditions.append("speaker_slug = ANY(%s)")
            params.append(list(query.speaker_slugs))
        if query.date_from:
            conditions.append("published_at >= %s")
            params.append(query.date_from)
        if query.date_to:
            conditions.append("published_at < %s")
            params.append(query.date_to)
        compiled = compile_tree(query.tree, VECTOR_COLUMNS[query.kind])
        rank_sql, rank_params = None, []
        if compiled is not None:
            conditions.append(compiled.sql)
            params.extend(compiled.params)
            if compiled.rank:
                rank_sql = (
                    "ts_rank_cd(rank_vector, "
                    + " || ".join(sql for sql, _ in compiled.rank)
                    + ", 1)"
                )
                rank_params = [p for _, ps in compiled.rank for p in ps]
        where = " AND ".join(conditions)
        dated = OLDEST_FIRST if query.sort == OLDEST else NEWEST_FIRST
        ranked = rank_sql is not None and query.sort not in (NEWEST, OLDEST)
        with connection.cursor() as cursor:
            if not query.count:
                order, order_params = (
                    (f"{rank_sql} DESC, {NEWEST_FIRST}", rank_params) if ranked else (dated, [])
                )
                cursor.execute(
                    f"SELECT kind, object_id FROM {TABLE} WHERE {where} "
                    f"ORDER BY {order} LIMIT %s OFFSET %s",
                    [*params, *order_params, query.limit, query.offset],
                )
                keys = cursor.fetchall()
                return Hits(keys=keys, total=len(keys), total_is_lower_bound=True)
            if ranked and not rank_window():
                return self._rank_every_match(cursor, query, where, params, rank_sql, rank_params)
            return self._counted_page(
                cursor, query, where, params, dated, rank_sql if ranked else None, rank_params
            )

    def _counted_page(self, cursor, query, where, params, dated, rank_sql, rank_params):
        """
        The page, the count (to EXACT_COUNT_LIMIT + 1) and the facets in one
        statement. Best matches: the first EXACT_COUNT_LIMIT + 1 matches in date
        order are counted, give the facets and hold the page, ranked among the
        first EXACT_COUNT_LIMIT; with fewer matches every one is ranked, as
        without the window, with more the page holds the best of the newest
        (``Hits.ranked_newest``), and the work is bounded by the cap however
        common the words. Newest or oldest first: the page is read in date
        order, the count and facets from the first matches found.
        """
        if rank_sql is None:
            # In date order the page is the first matches the date index walks to; the
            # count and facets take any EXACT_COUNT_LIMIT + 1 matches, the first the
            # text index gives (no vector is read, no order kept).
            matched_sql = f"SELECT source_slug, speaker_slug FROM {TABLE} WHERE {where} LIMIT %s"
            matched_params = [*params, EXACT_COUNT_LIMIT + 1]
            page_sql = (
                f"SELECT kind, object_id FROM {TABLE} WHERE {where} "
                f"ORDER BY {dated} LIMIT %s OFFSET %s"
            )
            page_params = [*params, query.limit, query.offset]
        elif query.kind == "article":
            # An article's rank vector (its headline and lead) is three times a quote's:
            # ten thousand of them carried through the date sort spill it to disk. The
            # sort carries each row's address instead, and the rank vectors of the rows
            # kept are read back by it.
            matched_sql = (
                f"SELECT newest.*, {rank_sql} AS rank FROM ("
                f"SELECT *, row_number() OVER () AS nth FROM ("
                f"SELECT ctid AS address, kind, object_id, key, published_at, source_slug, "
                f"speaker_slug FROM {TABLE} WHERE {where} ORDER BY {dated} LIMIT %s"
                f") AS dated) AS newest JOIN {TABLE} AS ranked ON ranked.ctid = newest.address"
            )
        else:
            # Ranked as they are read (the row is at hand), and numbered in date order
            # (they arrive in it).
            matched_sql = (
                f"SELECT kind, object_id, key, published_at, source_slug, speaker_slug, "
                f"{rank_sql} AS rank, row_number() OVER (ORDER BY {dated}) AS nth "
                f"FROM {TABLE} WHERE {where} ORDER BY {dated} LIMIT %s"
            )
        if rank_sql is not None:
            matched_params = [*rank_params, *params, EXACT_COUNT_LIMIT + 1]
            # The page is the best of the first EXACT_COUNT_LIMIT.
            page_sql = (
                f"SELECT kind, object_id FROM matched WHERE nth <= %s "
                f"ORDER BY rank DESC, {NEWEST_FIRST} LIMIT %s OFFSET %s"
            )
            page_params = [EXACT_COUNT_LIMIT, query.limit, query.offset]
        facets_sql, facets_params = _facets_sql("matched", query.facet_limit)
        sql, sql_params = _resolve_tsqueries(
            cursor,
            f"WITH matched AS MATERIALIZED ({matched_sql}), "
            f"page AS (SELECT kind, object_id, row_number() OVER () AS place FROM ({page_sql}) AS p) "
            f"SELECT 0 AS part, place, kind, object_id, NULL, NULL, NULL, NULL, NULL, NULL FROM page "
            f"UNION ALL SELECT 1, 0, NULL, NULL, "
            f"EXISTS (SELECT 1 FROM {IndexState._meta.db_table} WHERE backend = %s), counted.* "
            f"FROM ({facets_sql}) AS counted ORDER BY 1, 2",
            [*matched_params, *page_params, self.name, *facets_params],
        )
        cursor.execute(sql, sql_params)
        rows = cursor.fetchall()
        keys = [(kind, pk) for part, _place, kind, pk, *_ in rows if part == 0]
        built, total, facets = _read_facets([row[4:] for row in rows if row[0] == 1])
        if not built:
            raise IndexUnavailable("the search index has not been built yet")
        return Hits(
            keys=keys,
            total=min(total, EXACT_COUNT_LIMIT),
            facets=facets,
            total_is_lower_bound=total > EXACT_COUNT_LIMIT,
            ranked_newest=rank_sql is not None and total > EXACT_COUNT_LIMIT,
        )

    def _rank_every_match(self, cursor, query, where, params, rank_sql, rank_params):
        """
        Best-match order over every match (``SEARCH_POSTGRES_RANK_WINDOW`` off):
        counted first (no further than EXACT_COUNT_LIMIT + 1), with whether the
        index has been built, then every match is ranked for the page.
        """
        facets_sql, facets_params = _facets_sql(
            f"(SELECT source_slug, speaker_slug FROM {TABLE} WHERE {where} LIMIT %s) AS matched",
            query.facet_limit,
        )
        cursor.execute(
            f"SELECT EXISTS (SELECT 1 FROM {IndexState._meta.db_table} WHERE backend = %s), "
            f"counted.* FROM ({facets_sql}) AS counted",
            [self.name, *params, EXACT_COUNT_LIMIT + 1, *facets_params],
        )
        built, total, facets = _read_facets(cursor.fetchall())
        if not built:
            raise IndexUnavailable("the search index has not been built yet")
        cursor.execute(
            f"SELECT kind, object_id FROM {TABLE} WHERE {where} "
            f"ORDER BY {rank_sql} DESC, {NEWEST_FIRST} LIMIT %s OFFSET %s",
            [*params, *rank_params, query.limit, query.offset],
        )
        return Hits(
            keys=cursor.fetchall(),
            total=min(total, EXACT_COUNT_LIMIT),
            facets=facets,
            total_is_lower_bound=total > EXACT_COUNT_LIMIT,
        )

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
            # One transaction: new tables are filled and indexed beside the live ones, which
            # searches keep reading; the swap at the end only holds them for a moment.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
                for table in INDEX_TABLES:
                    cursor.execute(f"DROP TABLE IF EXISTS {table}{BUILD}")
                    cursor.execute(
                        f"CREATE TABLE {table}{BUILD} (LIKE {table} INCLUDING DEFAULTS INCLUDING STORAGE)"
                    )
                # Batches of one kind: a table page then holds quotes or articles, so a
                # search of quotes reads few pages of articles.
                batches = {kind: [] for kind in VECTOR_COLUMNS}
                for document in documents:
                    batch = batches[document.kind]
                    batch.append(_row(document))
                    counts[document.kind] += 1
                    if len(batch) >= 1000:
                        _insert(cursor, batch, TABLE + BUILD)
                        batch.clear()
                for batch in batches.values():
                    _insert(cursor, batch, TABLE + BUILD)
                cursor.execute(
                    f"INSERT INTO {WORDS}{BUILD} (word, documents) "
                    f"SELECT word, ndoc FROM ts_stat('SELECT {ANY_VECTOR} FROM {TABLE}{BUILD}') "
                    f"WHERE length(word) <= 100"
                )
                cursor.execute(
                    f"INSERT INTO {SPEAKER_WORDS}{BUILD} (word) SELECT word FROM ts_stat(%s) "
                    f"WHERE length(word) <= 100",
                    [f"SELECT {SPEAKER_LEXEMES} FROM {TABLE}{BUILD} WHERE kind = 'quote'"],
                )
                _order_built_documents(cursor)
                swaps = [_index_built_table(cursor, table) for table in INDEX_TABLES]
                cursor.execute(f"SET LOCAL lock_timeout = '{SWAP_LOCK_TIMEOUT}'")
                for swap in swaps:
                    swap()
                IndexState.objects.update_or_create(
                    backend=self.name,
                    defaults={"built_at": datetime.now(UTC), "documents": sum(counts.values())},
                )
            if on_swapped is not None:
                on_swapped()
        finally:
            self._unlock()
        with connection.cursor() as cursor:
            if not connection.in_atomic_block:
                # Once, now, what the first searches of the new rows would otherwise do
                # (hint bits, the visibility map).
                for table in INDEX_TABLES:
                    cursor.execute(f"VACUUM (ANALYZE) {table}")
            cursor.execute(
                "SELECT " + " + ".join(f"pg_total_relation_size('{t}')" for t in INDEX_TABLES)
            )
            size = cursor.fetchone()[0]
        return {
            "documents": counts,
            "seconds": time.perf_counter() - started,
            "bytes": size,
            "path": TABLE,
        }

    def rebuild_lock(self):
        return _AdvisoryRebuildLock()

    # Health

    def status(self):
        try:
            state = IndexState.objects.filter(backend=self.name).first()
        except Exception as error:  # tables missing: migrations not run
            return {
                "ok": False,
                "detail": f"The search tables cannot be read: {error.__class__.__name__}.",
                "documents": {},
            }
        if state is None:
            return {
                "ok": False,
                "detail": "The search index has not been built yet.",
                "documents": {},
            }
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
                        _insert(cursor, rows)
                        cursor.execute(
                            f"INSERT INTO {WORDS} (word, documents) "
                            f"SELECT DISTINCT unnest(tsvector_to_array({ANY_VECTOR})), 1 FROM {TABLE} "
                            f"WHERE article_id = ANY(%s) ON CONFLICT (word) DO NOTHING",
                            [ids],
                        )
                        cursor.execute(
                            f"INSERT INTO {SPEAKER_WORDS} (word) "
                            f"SELECT DISTINCT unnest(tsvector_to_array({SPEAKER_LEXEMES})) FROM {TABLE} "
                            f"WHERE article_id = ANY(%s) AND kind = 'quote' ON CONFLICT (word) DO NOTHING",
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
