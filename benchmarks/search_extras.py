#!/usr/bin/env python
"""
What the search page's people block and copies-together cost: every query
through ``search.service.run_search`` twice, interleaved, on the same corpus
and index: once as the page runs it (the people the query names, copies of
one story grouped) and once without either (``people=False``,
``copies=all``), which is the baseline of the same run.

    .venv/bin/python benchmarks/search_extras.py --articles 2000 --database strikewatch_bench
    .venv/bin/python benchmarks/search_extras.py --backend postgres --copies-every 5

The corpus is ``benchmarks/search.py``'s synthetic one (its database, its
loader, its queries), plus queries naming the corpus's speakers as plain
words, misspelt or not. One article in ``--copies-every`` is linked as a
syndicated copy of the next (``SyndicatedCopy`` rows, replaced each run).
Prints p50/p95 per backend for both ways and the difference; the last line
is a JSON summary.
"""

import argparse
import importlib.util
import json
import os
import random
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("search_bench", ROOT / "benchmarks" / "search.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def link_copies(every):
    """Link one article in ``every`` to the next as syndicated copies; returns the pairs made."""
    from articles.models import Article, SyndicatedCopy

    SyndicatedCopy.objects.all().delete()
    pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    pairs = [
        SyndicatedCopy(article_id=pks[i], other_id=pks[i + 1], similarity=0.9)
        for i in range(0, len(pks) - 1, every)
    ]
    SyndicatedCopy.objects.bulk_create(pairs, batch_size=1000)
    return len(pairs)


def name_queries(count, seed=11):
    """Speakers' surnames as a reader types them: as spelt, lower-case, or with a letter changed."""
    from articles.models import Person

    rng = random.Random(seed)
    surnames = [n.split()[-1] for n in Person.objects.values_list("name", flat=True)[:500]]
    queries = []
    for n in range(count):
        word = rng.choice(surnames)
        if n % 3 == 1:
            word = word.lower()
        elif n % 3 == 2 and len(word) > 4:
            i = rng.randrange(1, len(word) - 1)
            word = word[:i] + ("e" if word[i] != "e" else "a") + word[i + 1 :]
        queries.append({"q": word})
    return queries


def measure(backend, prepared, rounds):
    from search.service import run_search

    ways = {
        "page (people, copies together)": lambda p: run_search(p, backend=backend),
        "baseline (neither)": lambda p: run_search(
            replace(p, copies="all"), backend=backend, people=False
        ),
    }
    for run in ways.values():  # warm: searchers, names, connections
        for params in prepared[:20]:
            run(params)
    timings = {name: [] for name in ways}
    names = list(ways)
    for _ in range(rounds):
        for index, params in enumerate(prepared):
            turn = index % len(names)
            for name in names[turn:] + names[:turn]:
                started = time.perf_counter()
                ways[name](params)
                timings[name].append((time.perf_counter() - started) * 1000)
    return timings


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--backend", choices=["whoosh", "postgres", "both"], default="both")
    parser.add_argument("--database", default="strikewatch_bench")
    parser.add_argument("--index-dir", type=Path, default=ROOT / "var" / "bench-extras-index")
    parser.add_argument("--copies-every", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    if "bench" not in args.database:
        parser.error("--database must name a benchmark database (its name must contain 'bench')")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")
    os.environ["STRIKEWATCH_INDEX_DIR"] = str(args.index_dir)
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ["SEARCH_AUTO_REBUILD"] = "0"
    bench.use_database(args.database)
    from django.conf import settings

    from search import indexing
    from search.backends import get_backend

    settings.STRIKEWATCH_INDEX_DIR = args.index_dir
    fingerprint = f"synthetic:v1:{args.articles}"
    marker = ROOT / "var" / f"bench-{args.database}.corpus"
    print(f"corpus: {fingerprint} in database {args.database}")
    if not bench.load_corpus(bench.synthetic_corpus(args.articles), fingerprint, marker):
        print("  (already loaded)")
    print(f"syndicated copies linked: {link_copies(args.copies_every)} pairs")
    queries = bench.default_queries(count=240) + name_queries(60)
    prepared = [bench.params_for(query) for query in queries]
    print(f"queries: {len(queries)} (240 of benchmarks/search.py's mix, 60 naming speakers)")

    summary = {}
    for name in ["whoosh", "postgres"] if args.backend == "both" else [args.backend]:
        settings.SEARCH_BACKEND = name
        backend = get_backend(name)
        if name == "whoosh":
            shutil.rmtree(args.index_dir, ignore_errors=True)
        indexing.rebuild(backend)
        timings = measure(backend, prepared, args.rounds)
        print(f"\n-- {name}: {len(prepared)} queries x {args.rounds} rounds, interleaved")
        figures = {}
        for way, values in timings.items():
            p50, p95 = (bench.percentile(values, f) for f in (0.5, 0.95))
            figures[way] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
            print(f"  {way}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        page, base = figures.values()
        print(
            f"  difference: p50 {page['p50_ms'] - base['p50_ms']:+.1f} ms, "
            f"p95 {page['p95_ms'] - base['p95_ms']:+.1f} ms"
        )
        summary[name] = figures
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
