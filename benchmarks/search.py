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
the same corpus left (latency only); ``--pg-rank-window`` turns on the
PostgreSQL backend's option of ranking only the newest 10,000 matches of
larger result sets (``SEARCH_POSTGRES_RANK_WINDOW``). PostgreSQL stops
counting at 10,000 matches, so its "median matches" reads at most 10,000.

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


def load_corpus(articles_iter, fingerprint, marker):
    """Replace the benchmark database's articles with the corpus (bulk inserts, no signals)."""
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
    items = list(articles_iter)
    # Outlets and speakers first, in bulk: bulk inserts send no signals (no page-cache or
    # search-queue work per row), which is what a benchmark load wants.
    sources = {}
    for item in items:
        if item["source"] not in sources:
            sources[item["source"]] = Source(
                name=item["source"], slug=f"{slugify(item['source'])[:80]}-{len(sources)}"
            )
    Source.objects.bulk_create(sources.values())
    people = {}
    for item in items:
        for _, _, speaker in item["quotes"]:
            if speaker and speaker["name"] not in people:
                people[speaker["name"]] = Person(
                    name=speaker["name"],
                    aliases=speaker["aliases"],
                    slug=f"{slugify(speaker['name'])[:90]}-{len(people)}",
                )
    Person.objects.bulk_create(people.values(), batch_size=2000)
    with transaction.atomic():
        for start in range(0, len(items), 1000):
            chunk = items[start : start + 1000]
            articles = []
            for n, item in enumerate(chunk, start):
                try:
                    day = date.fromisoformat(item["date"])
                    published = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
                except ValueError:
                    published = None
                articles.append(
                    Article(
                        source=sources[item["source"]],
                        headline=item["title"],
                        slug=f"bench-{n}",
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
            print(f"  loaded {start + len(chunk)} articles", end="\r", flush=True)
    n = len(items)
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
    sample = list(
        Article.objects.order_by("pk").values_list("headline", "paragraphs")[
            :: max(1, Article.objects.count() // 400)
        ]
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


# Running -------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def bench_backend(name, queries, processes, rounds, reuse_index=False):
    from django.conf import settings

    from search import indexing
    from search.backends import get_backend
    from search.service import run_search

    settings.SEARCH_BACKEND = name
    backend = get_backend(name)
    print(f"\n== {name} ==")
    if reuse_index and indexing.is_healthy(backend):
        # Latency only: the index of an earlier run (of this corpus) is searched as it is.
        counts = backend.status()["documents"]
        stats = {"documents": counts, "seconds": float("nan"), "bytes": 0}
        documents, rate = sum(counts.values()), float("nan")
        print(
            f"build: skipped (--reuse-index): {counts['article']} articles + {counts['quote']} quotes"
        )
    else:
        stats = indexing.rebuild(backend, processes=processes)
        documents = sum(stats["documents"].values())
        rate = documents / stats["seconds"]
        print(
            f"build: {stats['documents']['article']} articles + {stats['documents']['quote']} quotes = "
            f"{documents} documents in {stats['seconds']:.1f} s -> {rate:.0f} documents/s "
            f"({stats['documents']['article'] / stats['seconds']:.0f} articles/s)"
        )
        print(f"index size: {stats['bytes'] / 1_048_576:.1f} MiB")
    prepared = [params_for(query) for query in queries]
    for params in prepared[:20]:  # warm caches: searchers, stemmer, connection
        run_search(params)
    timings, totals = [], []
    for _ in range(rounds):
        for params in prepared:
            started = time.perf_counter()
            outcome = run_search(params)
            timings.append((time.perf_counter() - started) * 1000)
            totals.append(outcome.total)
    p50, p95, p99 = (percentile(timings, f) for f in (0.50, 0.95, 0.99))
    for number in range(rounds):
        part = timings[number * len(prepared) : (number + 1) * len(prepared)]
        label = "first (caches cold)" if number == 0 else f"round {number + 1}"
        print(f"  {label}: p50 {percentile(part, 0.5):.1f} ms, p95 {percentile(part, 0.95):.1f} ms")
    print(
        f"queries: {len(timings)} through search.service.run_search, "
        f"median {statistics.median(totals):.0f} matches; "
        f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms, max {max(timings):.1f} ms"
    )
    slowest = sorted(
        zip(timings, [q for _ in range(rounds) for q in queries], strict=True), key=lambda t: -t[0]
    )[:5]
    for ms, query in slowest:
        print(f"  slow: {ms:7.1f} ms  {json.dumps(query, ensure_ascii=False)}")
    built_fast_enough = rate >= TARGETS["docs_per_second"] or (reuse_index and math.isnan(rate))
    met = built_fast_enough and p50 <= TARGETS["p50_ms"] and p95 <= TARGETS["p95_ms"]
    print(
        f"targets (>= {TARGETS['docs_per_second']} docs/s, p50 <= {TARGETS['p50_ms']} ms, "
        f"p95 <= {TARGETS['p95_ms']} ms): {'met' if met else 'MISSED'}"
    )
    return {
        "backend": name,
        "articles": stats["documents"]["article"],
        "quotes": stats["documents"]["quote"],
        "build_seconds": None if math.isnan(stats["seconds"]) else round(stats["seconds"], 1),
        "build_docs_per_s": None if math.isnan(rate) else round(rate),
        "index_mib": round(stats["bytes"] / 1_048_576, 1) if stats["bytes"] else None,
        "queries": len(timings),
        "p50_ms": round(p50, 1),
        "p95_ms": round(p95, 1),
        "p99_ms": round(p99, 1),
        "targets_met": met,
    }


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
        "--database", default="strikewatch_bench", help="PostgreSQL database for the corpus"
    )
    parser.add_argument("--index-dir", type=Path, default=ROOT / "var" / "bench-index")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="Whoosh indexing processes"
    )
    parser.add_argument("--rounds", type=int, default=2, help="times each query runs")
    parser.add_argument(
        "--pg-rank-window",
        action="store_true",
        help="PostgreSQL: rank only the newest 10,000 matches of larger result sets "
        "(settings.SEARCH_POSTGRES_RANK_WINDOW; off by default)",
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
    use_database(args.database)
    from django.conf import settings

    settings.STRIKEWATCH_INDEX_DIR = args.index_dir
    settings.SEARCH_POSTGRES_RANK_WINDOW = args.pg_rank_window

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
    results = [
        bench_backend(name, queries, args.processes, args.rounds, args.reuse_index)
        for name in backends
    ]
    summary = {
        "corpus": fingerprint,
        "pg_rank_window": args.pg_rank_window,
        "cpus": os.cpu_count(),
        "targets": TARGETS,
        "results": results,
        "digest": hashlib.sha1(json.dumps(queries, sort_keys=True).encode()).hexdigest()[:12],
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
