#!/usr/bin/env python
"""
Search benchmark: index build speed, index size and query latency, for each
backend, through the search page's own code path.

    .venv/bin/python benchmarks/search.py --articles 50000
    .venv/bin/python benchmarks/search.py --corpus news.jsonl.gz --queries queries.json
    .venv/bin/python benchmarks/search.py --articles 2000 --backend whoosh
    .venv/bin/python benchmarks/search.py --articles 50000 --backend postgres --reuse-index

The corpus goes into its own PostgreSQL database (``--database``, default
``strikewatch_bench``, created if needed, reused while the corpus is the
same), because the database is what every index is built from. Then, per
backend: ``search.indexing.rebuild`` (what ``manage.py rebuild_index`` runs)
is timed, and every query goes through ``search.service.run_search`` (what
the search page, the API and the CSV export call), so latencies include
query parsing, the index, the ``published()`` check of each hit in
PostgreSQL, snippets and facets. The last line is a JSON summary.

``--articles N`` makes a deterministic synthetic corpus: articles of ~450
words in a Zipf-distributed vocabulary, three to five quotes each by a pool
of named speakers (some with aliases), forty outlets, ten years of dates.
``--corpus FILE.jsonl[.gz]`` reads lines with ``title``, ``body``,
``source`` and ``date`` (quotes are the body's “quoted” passages).
``--queries FILE`` is a JSON list of ``{"q": ..., "type": ..., "sort": ...}``
objects or plain text with one query a line; by default a mixed set is
derived from the corpus: words rare and common, phrases, AND/OR/NOT,
prefixes, speakers (also misspelt), misspellings, filters and sorts.

``--reuse-index`` skips the builds and searches the indexes an earlier run of
the same corpus left (latency only); ``--pg-rank-all`` makes the
PostgreSQL backend rank every match of larger result sets rather than the
newest 10,000 it counts (``SEARCH_POSTGRES_RANK_WINDOW=0``). PostgreSQL
stops counting at 10,000 matches, so its "median matches" reads at most
10,000.

Targets (50,000 articles, this 2-core machine): build >= 400 documents/s,
p50 <= 20 ms, p95 <= 100 ms.
"""

import argparse
import gzip
import hashlib
import json
import math
import os
import random
import re
import shutil
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"docs_per_second": 400, "p50_ms": 20, "p95_ms": 100}

# A newsroom's words first (they make realistic queries), then made-up ones for a
# realistic dictionary size.
NEWS_WORDS = """
strike strikes striking strikers union unions workers worker wages wage pay contract contracts
negotiations bargaining picket pickets picketing line lines walkout walkouts employer employers
management hospital hospitals nurses nurse teachers teacher therapists therapist mental health care
patients patient staffing staff shortage shortages safety conditions overtime pension pensions benefits
healthcare insurance premiums raise raises percent increase offer offers proposal proposals vote votes
voted ratify ratified agreement tentative deal deals members membership leaders leader president
spokesperson statement said says told according company companies district city state county
federal labor board national federation local chapter week weeks month months day days year years
morning afternoon evening night monday tuesday wednesday thursday friday saturday sunday school schools
students parents families community communities support solidarity rally rallies march marched
protest protests demand demands fair respect dignity safe ratios appointments waiting times access
replacement replacements scab scabs lockout locked arbitration mediator mediation federal court
injunction legal illegal law laws legislation governor mayor council officials public private
transit drivers bus buses rail railway dockworkers port ports warehouse warehouses delivery
factory plant plants autoworkers auto steel mine miners mining construction janitors hotel hotels
housekeepers cooks restaurant restaurants baristas coffee retail store stores grocery cashiers
professors graduate academic university universities campus researchers scientists engineers
actors writers studio studios streaming residuals artificial intelligence technology technologies
the a an and or but of to in on at for with from by about as into over after before during
between against without within under their they them we our us you your he she his her it its
this that these those there here who what when where why how not no all any some more most
""".split()
SYLLABLES = (
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu "
    "ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu"
).split()
FIRST_NAMES = (
    "Sarah Jane Maria Luis Ahmed Chen Fatima Olga Priya Kwame Ana John Mike Rosa Elena Tom "
    "Grace Omar Lena Raj Ines Paul Nadia Yusuf Carmen Ivan Mei Sofia Dev Amara"
).split()
LAST_NAMES = (
    "Soroken McAlevey Sako Hansen Albert Seyfe Garcia Nguyen Okafor Kowalski Rossi Haddad Silva "
    "Tanaka Novak Murphy Schmidt Dubois Ivanova Mensah Patel Romero Lindqvist Costa Bauer "
    "Moreau Yilmaz Kaur Petrov Ortega"
).split()


# Corpus --------------------------------------------------------------------------------


def _vocabulary(rng, size=30_000):
    made_up = set()
    while len(made_up) < size:
        made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    words = NEWS_WORDS + sorted(made_up)
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]  # Zipf
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return words, cumulative


def _speakers(rng, count):
    people = []
    for n in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}" if n < len(LAST_NAMES) * 3 else f"{first} {last}{n}"
        aliases = []
        if rng.random() < 0.3:  # the coverage spells some names several ways
            stem = name.split()[-1]
            aliases = [stem[:-1] + rng.choice("aeiouy"), stem + rng.choice("ehs")]
        people.append({"name": name, "aliases": aliases})
    return people


def synthetic_corpus(articles, seed=4):
    """
    Deterministic articles: {"title", "paragraphs", "source", "date", "byline",
    "quotes": [(paragraph, text, speaker)]}.
    """
    rng = random.Random(seed)
    words, cumulative = _vocabulary(rng)
    sources = [
        f"{rng.choice(['The', 'Daily', 'Metro', 'County'])} {rng.choice(LAST_NAMES)} {kind}"
        for kind in ["Times", "Herald", "Bee", "Post", "Courier", "Tribune", "Gazette", "Record"]
        for _ in range(5)
    ]
    speakers = _speakers(rng, 2_000)
    start = date(2015, 1, 1)

    def sentence(low=8, high=20):
        chosen = rng.choices(words, cum_weights=cumulative, k=rng.randint(low, high))
        return " ".join(chosen).capitalize() + "."

    for n in range(articles):
        paragraphs = [
            " ".join(sentence() for _ in range(rng.randint(2, 3)))
            for _ in range(rng.randint(6, 10))
        ]
        quotes = []
        for _ in range(rng.randint(3, 5)):
            speaker = rng.choice(speakers)
            text = sentence(6, 24)
            index = rng.randrange(len(paragraphs))
            paragraphs[index] += f" “{text}” said {speaker['name'].split()[-1]}."
            quotes.append((index + 1, text, speaker))
        yield {
            "title": sentence(5, 11).rstrip("."),
            "paragraphs": paragraphs,
            "source": sources[n % len(sources)],
            "date": (start + timedelta(days=rng.randrange(3650))).isoformat(),
            "byline": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "quotes": quotes,
        }


_QUOTED = re.compile(r"[“\"]([^”\"]{12,400})[”\"]")


def file_corpus(path):
    """Articles from a JSONL file (gzip if it ends in .gz); quotes are the body's quoted passages."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            paragraphs = [
                p.strip() for p in re.split(r"\n\s*\n|\n", row.get("body") or "") if p.strip()
            ]
            quotes = [
                (index + 1, match.group(1), None)
                for index, paragraph in enumerate(paragraphs)
                for match in _QUOTED.finditer(paragraph)
            ]
            yield {
                "title": (row.get("title") or "Untitled")[:500],
                "paragraphs": paragraphs or ["(empty)"],
                "source": (row.get("source") or "Unknown outlet")[:200],
                "date": str(row.get("date") or "")[:10],
                "byline": row.get("byline") or "",
                "quotes": quotes,
            }


# Database ------------------------------------------------------------------------------


def use_database(name):
    """Point Django at the benchmark database (created if missing) and migrate it."""
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/strikewatch")
    parts = urlsplit(base)
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def load_corpus(articles_iter, fingerprint, marker, chunk_size=1000):
    """
    Replace the benchmark database's articles with the corpus (bulk inserts, no
    signals), a thousand articles at a time: half a million articles never sit in
    memory at once.
    """
    from django.db import connection, transaction
    from django.utils.text import slugify

    from articles.models import Article, Person, Quote, Source, quote_fingerprint

    if marker.exists() and marker.read_text() == fingerprint:
        return False
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for table in (
            "search_indexqueue",
            "articles_quote",
            "articles_correction",
            "articles_article",
            "articles_person",
            "articles_source",
            "articles_redirect",
        ):
            cursor.execute(f"TRUNCATE {table} RESTART IDENTITY CASCADE")
    # Bulk inserts send no signals (no page-cache or search-queue work per row), which
    # is what a benchmark load wants. Outlets and speakers are created as they first appear.
    sources, people, n = {}, {}, 0
    with transaction.atomic():
        for chunk in _chunks(articles_iter, chunk_size):
            new_sources = []
            for item in chunk:
                if item["source"] not in sources:
                    sources[item["source"]] = Source(
                        name=item["source"], slug=f"{slugify(item['source'])[:80]}-{len(sources)}"
                    )
                    new_sources.append(sources[item["source"]])
            Source.objects.bulk_create(new_sources)
            new_people = []
            for item in chunk:
                for _, _, speaker in item["quotes"]:
                    if speaker and speaker["name"] not in people:
                        people[speaker["name"]] = Person(
                            name=speaker["name"],
                            aliases=speaker["aliases"],
                            slug=f"{slugify(speaker['name'])[:90]}-{len(people)}",
                        )
                        new_people.append(people[speaker["name"]])
            Person.objects.bulk_create(new_people, batch_size=2000)
            articles = []
            for number, item in enumerate(chunk, n):
                try:
                    day = date.fromisoformat(item["date"])
                    published = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
                except ValueError:
                    published = None
                articles.append(
                    Article(
                        source=sources[item["source"]],
                        headline=item["title"],
                        slug=f"bench-{number}",
                        byline=item["byline"][:300],
                        published_at=published,
                        first_published_at=published,
                        published_on=sources[item["source"]].local_date(published),
                        paragraphs=item["paragraphs"],
                        status=Article.Status.PUBLISHED,
                    )
                )
            Article.objects.bulk_create(articles)
            quotes = [
                Quote(
                    article=article,
                    paragraph=paragraph,
                    start=0,
                    end_paragraph=paragraph,
                    end=max(1, len(text)),
                    text=text,
                    speaker=people[speaker["name"]] if speaker else None,
                    speaker_mention=speaker["name"].split()[-1] if speaker else "",
                    fingerprint=quote_fingerprint(text),
                )
                for article, item in zip(articles, chunk, strict=True)
                for paragraph, text, speaker in item["quotes"]
            ]
            Quote.objects.bulk_create(quotes, batch_size=2000)
            n += len(chunk)
            print(f"  loaded {n} articles", end="\r", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(fingerprint)
    print(f"  loaded {n} articles in {time.perf_counter() - started:.0f} s")
    return True


# Queries -------------------------------------------------------------------------------


def default_queries(seed=7, count=300):
    """A mixed, deterministic set of queries drawn from the database's own text."""
    from articles.models import Article, Person, Quote, Source

    rng = random.Random(seed)
    # Every n-th article by primary key, about 400 of them (only those rows are read).
    pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    sample = list(
        Article.objects.filter(pk__in=pks[:: max(1, len(pks) // 400)])
        .order_by("pk")
        .values_list("headline", "paragraphs")
    )
    texts = [h + " " + " ".join(p) for h, p in sample]
    words = [w for text in texts for w in re.findall(r"[a-z]{4,}", text.lower())]
    common = [w for w in NEWS_WORDS if len(w) > 3][:150]
    rare = [w for w in words if w not in NEWS_WORDS]
    people = list(Person.objects.order_by("pk").values_list("name", flat=True)[:500]) or ["Soroken"]
    sources = list(Source.objects.values_list("slug", flat=True)) or [""]
    quote_texts = list(Quote.objects.order_by("pk").values_list("text", flat=True)[:2000:5]) or [
        "strike"
    ]

    def phrase():
        tokens = rng.choice(quote_texts).split()
        start = rng.randrange(max(1, len(tokens) - 3))
        return '"' + " ".join(tokens[start : start + rng.randint(2, 3)]).strip('.,“”"') + '"'

    def misspelt(word):
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    makers = [
        lambda: {"q": rng.choice(common)},
        lambda: {"q": rng.choice(rare)},
        lambda: {"q": f"{rng.choice(common)} {rng.choice(common)}"},
        lambda: {"q": f"{rng.choice(common)} {rng.choice(rare)}"},
        lambda: {"q": phrase()},
        lambda: {"q": f"{rng.choice(common)} OR {rng.choice(rare)}"},
        lambda: {"q": f"{rng.choice(common)} NOT {rng.choice(common)}"},
        lambda: {"q": rng.choice(common)[:5] + "*"},
        lambda: {"q": f"speaker:{rng.choice(people).split()[-1]}"},
        lambda: {"q": f"speaker:{misspelt(rng.choice(people).split()[-1])}"},
        lambda: {"q": misspelt(rng.choice([w for w in common if len(w) > 6] or common))},
        lambda: {"q": rng.choice(common), "type": "articles"},
        lambda: {
            "q": f"{rng.choice(common)} {rng.choice(common)}",
            "type": "articles",
            "sort": "newest",
        },
        lambda: {"q": rng.choice(common), "source": rng.choice(sources)},
        lambda: {
            "q": rng.choice(common),
            "from": "2019-01-01",
            "to": "2020-12-31",
            "sort": "oldest",
        },
        lambda: {"q": f"headline:{rng.choice(common)}", "type": "articles"},
        lambda: {"q": rng.choice(common), "page": str(rng.randint(2, 5))},
    ]
    return [makers[n % len(makers)]() for n in range(count)]


def file_queries(path):
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return [{"q": line.strip()} for line in text.splitlines() if line.strip()]
    return [item if isinstance(item, dict) else {"q": str(item)} for item in data]


def params_for(query):
    """The query's parameters read exactly as the search page reads them."""
    from django.http import QueryDict

    from search.forms import SearchForm

    data = QueryDict(mutable=True)
    for key, value in query.items():
        data[key] = str(value)
    return SearchForm(data).params()


# What is measured: the product's backends and the raw baselines ----------------------


class Product:
    """A StrikeWatch backend, searched through ``search.service.run_search`` as every page is."""

    def __init__(self, name):
        from search.backends import get_backend

        self.name = name
        self.backend = get_backend(name)

    def ready(self, fingerprint):
        from search import indexing

        return indexing.is_healthy(self.backend)

    def build(self, processes, fingerprint):
        from search import indexing

        return indexing.rebuild(self.backend, processes=processes)

    def size(self):
        return storage_bytes(self.name)

    def search(self, params):
        """(total, whether the total is a lower bound)."""
        from search.service import run_search

        outcome = run_search(params, backend=self.backend)
        return outcome.total, outcome.total_is_lower_bound


def storage_bytes(backend_name):
    """What a backend's index occupies now: its tables (with TOAST and indexes), or its directory."""
    from django.conf import settings
    from django.db import connection

    if backend_name == "postgres":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                "WHERE c.relkind = 'r' AND c.relname LIKE 'search\\_search%%'"
            )
            return int(cursor.fetchone()[0] or 0)
    directory = Path(settings.STRIKEWATCH_INDEX_DIR)
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file() and not f.is_symlink())


RAW_TABLE = "bench_raw_fts"
RAW_WEIGHTS = {"headline": "A", "text": "B", "speaker": "C", "source": "D", "byline": "D"}
RAW_NAME_FIELDS = {"speaker", "source", "byline"}


class RawPostgres:
    """
    PostgreSQL full-text search as its manual describes it, over the same
    documents: one table, one tsvector column (headline A, text B, speaker C,
    outlet and byline D, made with StrikeWatch's own text search
    configurations so both index the same words), one GIN index. A query is
    one tsquery (the product's parser reads the query, so both search for the
    same words), ranked with ``ts_rank``, counted up to the same 10,000 the
    product counts to, filtered with plain WHERE clauses. No facets, no
    spelling tolerance, no check against the articles' own tables, no
    snippets: what any application using PostgreSQL's search would at least do.
    """

    name = "raw-postgres"

    def ready(self, fingerprint):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT obj_description(to_regclass(%s), 'pg_class')", [RAW_TABLE])
            return cursor.fetchone()[0] == fingerprint

    def build(self, processes, fingerprint):
        from django.db import connection, transaction

        from search.backends.postgres import NAMES_CONFIG, TEXT_CONFIG
        from search.documents import iter_all_documents

        started = time.perf_counter()
        counts = {"article": 0, "quote": 0}
        insert = (
            f"INSERT INTO {RAW_TABLE} (kind, object_id, source_slug, speaker_slug, published_at, vector) "
            f"VALUES (%s, %s, %s, %s, %s, "
            f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'A') || "
            f"setweight(to_tsvector('{TEXT_CONFIG}', %s), 'B') || "
            f"setweight(to_tsvector('{NAMES_CONFIG}', %s), 'C') || "
            f"setweight(to_tsvector('{NAMES_CONFIG}', %s), 'D'))"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {RAW_TABLE}")
            cursor.execute(
                f"CREATE TABLE {RAW_TABLE} (id bigserial PRIMARY KEY, kind text NOT NULL, "
                f"object_id integer NOT NULL, source_slug text, speaker_slug text, "
                f"published_at timestamptz, vector tsvector NOT NULL)"
            )
            batch = []
            for document in iter_all_documents():
                counts[document.kind] += 1
                batch.append(
                    (
                        document.kind,
                        document.pk,
                        document.source_slug,
                        document.speaker_slug,
                        document.published_at,
                        document.headline,
                        document.text,
                        document.speaker,
                        f"{document.source}\n{document.byline}",
                    )
                )
                if len(batch) >= 1000:
                    cursor.executemany(insert, batch)
                    batch.clear()
            if batch:
                cursor.executemany(insert, batch)
            cursor.execute(f"CREATE INDEX {RAW_TABLE}_vector ON {RAW_TABLE} USING gin (vector)")
            cursor.execute(f"COMMENT ON TABLE {RAW_TABLE} IS %s", [fingerprint])
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {RAW_TABLE}")
        return {"documents": counts, "seconds": time.perf_counter() - started}

    def size(self):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_total_relation_size(%s)", [RAW_TABLE])
            return cursor.fetchone()[0]

    def search(self, params):
        from django.db import connection

        from search.querylang import parse_query
        from search.service import PER_PAGE

        compiled = raw_tsquery(parse_query(params.q).tree)
        conditions, values = ["kind = %s"], [params.kind]
        if params.source:
            conditions.append("source_slug = %s")
            values.append(params.source)
        if params.date_from:
            conditions.append("published_at >= %s")
            values.append(datetime.combine(params.date_from, datetime.min.time(), UTC))
        if params.date_to:
            conditions.append("published_at < %s")
            values.append(
                datetime.combine(params.date_to + timedelta(days=1), datetime.min.time(), UTC)
            )
        tables, query_values, rank = RAW_TABLE, [], None
        if compiled is not None:
            tables = f"{RAW_TABLE}, (SELECT {compiled[0]} AS query) AS compiled"
            query_values = compiled[1]
            conditions.append("vector @@ query")
            rank = "ts_rank(vector, query) DESC"
        where = " AND ".join(conditions)
        order = {
            "newest": "published_at DESC NULLS LAST",
            "oldest": "published_at ASC NULLS LAST",
        }.get(params.sort, rank or "published_at DESC NULLS LAST")
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {tables} WHERE {where} LIMIT %s) AS counted",
                [*query_values, *values, 10_001],
            )
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT kind, object_id FROM {tables} WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",
                [*query_values, *values, PER_PAGE, (params.page - 1) * PER_PAGE],
            )
            cursor.fetchall()
        return min(total, 10_000), total > 10_000


def raw_tsquery(node):
    """A querylang tree as one tsquery expression (SQL, params), or None when it has no words."""
    from search import querylang as ql
    from search.analysis import fold
    from search.backends.postgres import NAMES_CONFIG, TEXT_CONFIG

    if node is None:
        return None
    if isinstance(node, ql.LEAVES):
        words = [w for w in ql.plain_words(fold(node.text)) if re.fullmatch(r"[^\W_]+", w)]
        if not words:
            return None
        weight = RAW_WEIGHTS.get(node.field, "")
        if isinstance(node, ql.Prefix):
            expression = f"{words[0]}:*{weight}"
        else:
            expression = " <-> ".join(f"{w}:{weight}" if weight else w for w in words)
        config = NAMES_CONFIG if node.field in RAW_NAME_FIELDS else TEXT_CONFIG
        return f"to_tsquery('{config}', %s)", [expression]
    if isinstance(node, ql.Not):
        child = raw_tsquery(node.child)
        return (f"(!! {child[0]})", child[1]) if child else None
    parts = [part for part in map(raw_tsquery, node.children) if part is not None]
    if not parts:
        return None
    joiner = " || " if isinstance(node, ql.Or) else " && "
    return "(" + joiner.join(sql for sql, _ in parts) + ")", [v for _, vs in parts for v in vs]


class RawWhoosh:
    """
    Whoosh as its documentation describes it, over the same documents: a
    schema of stemmed text fields (no stop words, as StrikeWatch's), the
    query parsed by Whoosh's own ``MultifieldParser``, ``search_page`` with
    the kind, outlet and dates as a filter, BM25F scoring.
    """

    name = "raw-whoosh"

    def __init__(self, directory):
        self.directory = Path(directory)
        self._searcher = None

    def _schema(self):
        from whoosh.analysis import StemmingAnalyzer
        from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

        text = StemmingAnalyzer(stoplist=None)
        return Schema(
            key=STORED,
            kind=ID,
            source_slug=ID,
            headline=TEXT(analyzer=text, field_boost=2.0),
            text=TEXT(analyzer=text),
            speaker=TEXT,
            source=TEXT,
            byline=TEXT,
            newest=NUMERIC(bits=64, sortable=True),
        )

    def ready(self, fingerprint):
        marker = self.directory / "corpus"
        return marker.exists() and marker.read_text() == fingerprint

    def build(self, processes, fingerprint):
        from whoosh import index

        from search.documents import iter_all_documents

        started = time.perf_counter()
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True)
        ix = index.create_in(str(self.directory), self._schema())
        writer = ix.writer(procs=processes, limitmb=256, multisegment=processes > 1)
        counts = {"article": 0, "quote": 0}
        for document in iter_all_documents():
            counts[document.kind] += 1
            writer.add_document(
                key=document.key,
                kind=document.kind,
                source_slug=document.source_slug,
                headline=document.headline,
                text=document.text,
                speaker=document.speaker,
                source=document.source,
                byline=document.byline,
                newest=int(document.published_at.timestamp()) if document.published_at else 0,
            )
        writer.commit()
        (self.directory / "corpus").write_text(fingerprint)
        self._searcher = None
        return {"documents": counts, "seconds": time.perf_counter() - started}

    def size(self):
        return sum(f.stat().st_size for f in self.directory.iterdir() if f.is_file())

    def search(self, params):
        from whoosh import index
        from whoosh import query as wq
        from whoosh.qparser import MultifieldParser

        from search.service import PER_PAGE

        if self._searcher is None:
            ix = index.open_dir(str(self.directory))
            self._searcher = ix.searcher()
            self._parser = MultifieldParser(["headline", "text", "speaker"], ix.schema)
        filters = [wq.Term("kind", params.kind)]
        if params.source:
            filters.append(wq.Term("source_slug", params.source))
        if params.date_from or params.date_to:
            low = params.date_from and int(
                datetime.combine(params.date_from, datetime.min.time(), UTC).timestamp()
            )
            high = params.date_to and int(
                datetime.combine(
                    params.date_to + timedelta(days=1), datetime.min.time(), UTC
                ).timestamp()
            )
            filters.append(wq.NumericRange("newest", low, high, endexcl=True))
        sortedby = {"newest": "newest", "oldest": "newest"}.get(params.sort)
        page = self._searcher.search_page(
            self._parser.parse(params.q),
            params.page,
            pagelen=PER_PAGE,
            filter=wq.And(filters),
            sortedby=sortedby,
            reverse=params.sort == "newest",
        )
        return page.total, False


# Running -------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def prepare(runner, processes, fingerprint, reuse_index):
    """Build a runner's index (timed), unless --reuse-index finds one of this corpus."""
    print(f"\n== {runner.name} ==")
    if reuse_index and runner.ready(fingerprint):
        print("build: skipped (--reuse-index)")
        return {"build_seconds": None, "index_mib": round(runner.size() / 1_048_576, 1)}
    stats = runner.build(processes, fingerprint)
    documents = sum(stats["documents"].values())
    print(
        f"build: {stats['documents']['article']} articles + {stats['documents']['quote']} quotes = "
        f"{documents} documents in {stats['seconds']:.1f} s -> {documents / stats['seconds']:.0f} "
        f"documents/s ({stats['documents']['article'] / stats['seconds']:.0f} articles/s)"
    )
    size = runner.size()
    print(f"index size: {size / 1_048_576:.1f} MiB")
    return {
        "build_seconds": round(stats["seconds"], 1),
        "build_docs_per_s": round(documents / stats["seconds"]),
        "index_mib": round(size / 1_048_576, 1),
    }


def measure(runners, prepared, rounds):
    """
    Every query through every runner, interleaved: query by query, the runners
    take turns going first, so whatever else the machine does falls on all of
    them alike. Returns {name: (timings in ms, [(total, lower bound)] of the first round)}.
    """
    for runner in runners:  # warm caches: searchers, stemmer, connections
        for params in prepared[:20]:
            runner.search(params)
    timings = {runner.name: [] for runner in runners}
    totals = {runner.name: [] for runner in runners}
    for round_number in range(rounds):
        for index, params in enumerate(prepared):
            turn = index % len(runners)
            for runner in runners[turn:] + runners[:turn]:
                started = time.perf_counter()
                result = runner.search(params)
                timings[runner.name].append((time.perf_counter() - started) * 1000)
                if round_number == 0:
                    totals[runner.name].append(result)
    return {name: (timings[name], totals[name]) for name in timings}


def report_latency(name, timings, totals, queries, rounds):
    p50, p95, p99 = (percentile(timings, f) for f in (0.50, 0.95, 0.99))
    print(f"\n-- {name}")
    for number in range(rounds):
        part = timings[number * len(queries) : (number + 1) * len(queries)]
        label = "first (caches cold)" if number == 0 else f"round {number + 1}"
        print(f"  {label}: p50 {percentile(part, 0.5):.1f} ms, p95 {percentile(part, 0.95):.1f} ms")
    print(
        f"  queries: {len(timings)}, median {statistics.median(t for t, _ in totals):.0f} matches; "
        f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms, max {max(timings):.1f} ms"
    )
    slowest = sorted(
        zip(timings, [q for _ in range(rounds) for q in queries], strict=True), key=lambda t: -t[0]
    )[:5]
    for ms, query in slowest:
        print(f"  slow: {ms:7.1f} ms  {json.dumps(query, ensure_ascii=False)}")
    return {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "p99_ms": round(p99, 1)}


def totals_agree(whoosh, postgres):
    """Whoosh counts every match; PostgreSQL stops at 10,000 and says so."""
    (w_total, _), (p_total, p_lower_bound) = whoosh, postgres
    if p_lower_bound:
        return w_total >= p_total
    return w_total == p_total


def report_disagreements(totals, queries, listing):
    """How many queries the two backends count differently (listed with --disagreements)."""
    differ = [
        (query, whoosh, postgres)
        for query, whoosh, postgres in zip(
            queries, totals["whoosh"], totals["postgres"], strict=True
        )
        if not totals_agree(whoosh, postgres)
    ]
    print(f"\ntotals: the backends disagree on {len(differ)} of {len(queries)} queries")
    if listing:
        for query, (w_total, _), (p_total, lower) in differ:
            print(
                f"  whoosh {w_total:>6}  postgres {p_total:>6}{'+' if lower else ' '}  "
                f"{json.dumps(query, ensure_ascii=False)}"
            )
    return len(differ)


def report_rebuilds(runner, count, processes, fingerprint):
    """Storage after each of ``count`` consecutive rebuilds (it must not grow)."""
    sizes = []
    for number in range(count):
        stats = runner.build(processes, fingerprint)
        sizes.append(runner.size())
        print(
            f"  rebuild {number + 1}: {stats['seconds']:.1f} s, storage {sizes[-1] / 1_048_576:.1f} MiB"
        )
    return [round(size / 1_048_576, 1) for size in sizes]


# Serving: gunicorn and wrk against /api/search, then the workers' memory -----------------


def serve_and_load(backend_name, queries, args):
    """
    gunicorn (strikewatch/gunicorn.conf.py, DEBUG off) over the benchmark
    database and index, wrk with ``--http-connections`` connections for
    ``--http`` seconds rotating through the benchmark's queries on
    /api/search, then each worker's RSS and PSS (/proc/<pid>/smaps_rollup).
    """
    import socket
    import subprocess
    import tempfile
    import urllib.request
    from urllib.parse import urlencode

    sys.path.insert(0, str(ROOT / "benchmarks" / "load"))
    import memory
    import report

    work = Path(tempfile.mkdtemp(prefix="strikewatch-bench-http-"))
    with socket.socket() as probe:
        # A port just served (by the other backend's run) may still hold closed connections.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", args.http_port))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = dict(
        os.environ,
        SEARCH_BACKEND=backend_name,
        SEARCH_AUTO_REBUILD="0",
        ALLOWED_HOSTS="127.0.0.1",
        RATE_LIMIT_EXEMPT="127.0.0.1",
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESS_LOG="",
        PAGE_GENERATION_FILE=str(work / "page-generation"),
        PORT=str(port),
        HOST="127.0.0.1",
    )
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    paths = [f"/api/search?{urlencode(query)}" for query in queries]
    script = work / "api.lua"
    script.write_text(
        "local paths = {" + ", ".join(json.dumps(p) for p in paths) + "}\n"
        "local i = 0\n"
        'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end\n'
    )
    log = open(work / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "--config",
            "strikewatch/gunicorn.conf.py",
            "strikewatch.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit((work / "gunicorn.log").read_text()) from None
                time.sleep(0.2)

        def wrk(seconds, *options):
            command = ["wrk", "-t2", f"-c{args.http_connections}", f"-d{seconds}s", *options]
            return subprocess.run(
                [*command, "-s", str(script), base + paths[0]],
                check=True,
                capture_output=True,
                text=True,
            )

        wrk(5)  # every worker loads its index before the clock starts (not measured)
        run = wrk(args.http, "--timeout", "2s", "--latency")
        figures = report.parse(run.stdout)
        print(
            f"\n/api/search ({backend_name}), {args.http_connections} connections, {args.http} s: "
            f"{figures['rps']:.1f} requests/s, p50 {figures['p50']:.1f} ms, p99 {figures['p99']:.1f} ms, "
            f"{figures['requests']} requests, {figures['non_2xx']} non-2xx, "
            f"{figures['socket_errors']} socket errors (time-outs at 2 s included)"
        )
        used = memory.gunicorn_memory(server.pid)
        print(f"memory after the run ({backend_name}, /proc/<pid>/smaps_rollup):")
        memory.print_table(used)
        return {**figures, "memory": memory.summary(used)}
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--articles", type=int, default=5_000, help="synthetic corpus size (default 5000)"
    )
    source.add_argument(
        "--corpus", type=Path, help="a JSONL(.gz) corpus: title, body, source, date per line"
    )
    parser.add_argument(
        "--queries", type=Path, help="JSON list of {q, type, ...} or one query per line"
    )
    parser.add_argument("--backend", choices=["whoosh", "postgres", "both"], default="both")
    parser.add_argument(
        "--baseline",
        action="append",
        choices=["raw-postgres", "raw-whoosh"],
        default=[],
        help="also run a raw baseline on the same documents and queries, interleaved with the "
        "product (repeatable); the ratios product/baseline are printed",
    )
    parser.add_argument(
        "--disagreements",
        action="store_true",
        help="list every query whose total differs between the two backends",
    )
    parser.add_argument(
        "--rebuilds",
        type=int,
        default=0,
        help="rebuild each backend's index this many more times and print its storage after each",
    )
    parser.add_argument(
        "--http",
        type=int,
        default=0,
        metavar="SECONDS",
        help="serve each backend with gunicorn and run wrk against /api/search for this long, "
        "then print each worker's RSS and PSS",
    )
    parser.add_argument("--http-connections", type=int, default=16)
    parser.add_argument(
        "--http-port", type=int, default=0, help="port gunicorn listens on (default: any free one)"
    )
    parser.add_argument("--workers", type=int, help="gunicorn workers for --http (WEB_CONCURRENCY)")
    parser.add_argument(
        "--database", default="strikewatch_bench", help="PostgreSQL database for the corpus"
    )
    parser.add_argument("--index-dir", type=Path, default=ROOT / "var" / "bench-index")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="Whoosh indexing processes"
    )
    parser.add_argument("--rounds", type=int, default=2, help="times each query runs")
    parser.add_argument(
        "--pg-rank-all",
        action="store_true",
        help="PostgreSQL: rank every match, not only the newest 10,000 of larger result sets "
        "(SEARCH_POSTGRES_RANK_WINDOW=0)",
    )
    parser.add_argument(
        "--reuse-index",
        action="store_true",
        help="search the indexes an earlier run left (same corpus) instead of rebuilding them: "
        "latency only, no build figures",
    )
    args = parser.parse_args(argv)
    if "bench" not in args.database:
        parser.error(
            "--database must name a benchmark database (its name must contain 'bench'): it is emptied"
        )

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")
    os.environ["STRIKEWATCH_INDEX_DIR"] = str(args.index_dir)
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ["SEARCH_AUTO_REBUILD"] = "0"
    if args.pg_rank_all:
        os.environ["SEARCH_POSTGRES_RANK_WINDOW"] = "0"
    use_database(args.database)
    from django.conf import settings

    settings.STRIKEWATCH_INDEX_DIR = args.index_dir
    settings.SEARCH_POSTGRES_RANK_WINDOW = not args.pg_rank_all

    if args.corpus:
        corpus, fingerprint = (
            file_corpus(args.corpus),
            f"file:{args.corpus.resolve()}:{args.corpus.stat().st_mtime}",
        )
    else:
        corpus, fingerprint = synthetic_corpus(args.articles), f"synthetic:v1:{args.articles}"
    marker = ROOT / "var" / f"bench-{args.database}.corpus"
    print(f"corpus: {fingerprint} in database {args.database}")
    if load_corpus(corpus, fingerprint, marker):
        args.reuse_index = False  # a new corpus: the old indexes do not match it
    else:
        print("  (already loaded)")
    queries = file_queries(args.queries) if args.queries else default_queries()
    print(
        f"queries: {len(queries)} ({'from ' + str(args.queries) if args.queries else 'derived from the corpus'})"
    )
    backends = ["whoosh", "postgres"] if args.backend == "both" else [args.backend]
    if "whoosh" in backends and not args.reuse_index:
        shutil.rmtree(args.index_dir, ignore_errors=True)  # the build is timed from nothing
    runners = [Product(name) for name in backends]
    runners += [
        RawPostgres()
        if name == "raw-postgres"
        else RawWhoosh(args.index_dir.with_name(args.index_dir.name + "-raw-whoosh"))
        for name in dict.fromkeys(args.baseline)
    ]
    builds = {
        runner.name: prepare(runner, args.processes, fingerprint, args.reuse_index)
        for runner in runners
    }
    prepared = [params_for(query) for query in queries]
    print(f"\n== latency: {len(queries)} queries x {args.rounds} rounds, runners interleaved")
    measured = measure(runners, prepared, args.rounds)
    results = {}
    for runner in runners:
        timings, totals = measured[runner.name]
        results[runner.name] = {
            **builds[runner.name],
            **report_latency(runner.name, timings, totals, queries, args.rounds),
        }
    for product, baseline in (("postgres", "raw-postgres"), ("whoosh", "raw-whoosh")):
        if product in results and baseline in results:
            ratios = {
                f"{p}_ratio": round(results[product][f"{p}_ms"] / results[baseline][f"{p}_ms"], 2)
                for p in ("p50", "p95", "p99")
            }
            results[product][f"vs_{baseline}"] = ratios
            print(
                f"\n{product} / {baseline} (same run, interleaved): "
                + ", ".join(f"{k.split('_')[0]} {v:.2f}x" for k, v in ratios.items())
            )
    if {"whoosh", "postgres"} <= results.keys():
        results["postgres"]["totals_disagreements"] = report_disagreements(
            {name: measured[name][1] for name in ("whoosh", "postgres")},
            queries,
            args.disagreements,
        )
    for product in backends:
        met = (
            results[product]["p50_ms"] <= TARGETS["p50_ms"]
            and results[product]["p95_ms"] <= TARGETS["p95_ms"]
            and (results[product].get("build_docs_per_s") or math.inf) >= TARGETS["docs_per_second"]
        )
        results[product]["targets_met"] = met
        print(
            f"targets for {product} (>= {TARGETS['docs_per_second']} docs/s, p50 <= {TARGETS['p50_ms']} ms, "
            f"p95 <= {TARGETS['p95_ms']} ms): {'met' if met else 'MISSED'}"
        )
    if args.rebuilds:
        for runner in runners[: len(backends)]:
            print(f"\n== {args.rebuilds} consecutive rebuilds: {runner.name}")
            results[runner.name]["rebuild_mib"] = report_rebuilds(
                runner, args.rebuilds, args.processes, fingerprint
            )
    if args.http:
        from django.db import connections

        connections.close_all()
        for name in backends:
            results[name]["http"] = serve_and_load(name, queries, args)
    summary = {
        "corpus": fingerprint,
        "pg_rank_window": not args.pg_rank_all,
        "cpus": os.cpu_count(),
        "targets": TARGETS,
        "results": results,
        "digest": hashlib.sha1(json.dumps(queries, sort_keys=True).encode()).hexdigest()[:12],
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
