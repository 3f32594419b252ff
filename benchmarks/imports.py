#!/usr/bin/env python
"""
Import benchmark: ``manage.py import_articles`` on fresh seed-format files
into an archive that already holds many articles, with a live search index.

    .venv/bin/python benchmarks/imports.py                      # 2,000 files into 50,000
    .venv/bin/python benchmarks/imports.py --base 50000 --articles 2000 --baseline-tree /tmp/main
    .venv/bin/python benchmarks/imports.py --articles 300 --profile    # cProfile, top functions

The base archive (``--base`` articles with quotes, speakers and outlets) is
loaded with bulk inserts, as ``benchmarks/search.py`` loads its corpus, into
its own database (``--database``, emptied; reused while the base is the
same), and its Whoosh index is built once and kept as a pristine copy. Each
run restores that state (the imported articles, people and outlets removed,
the index copied back), writes ``--articles`` seed-format files (header,
headline, paragraphs, three to five quotes each with named speakers) and
times ``import_articles`` on them: the rate over all files, over the first
500 and over the last 500 (timed from the command's own per-file lines; the
last stretch includes the final index commit).

``--baseline-tree DIR`` runs the same import, from the same state, with the
code of another checkout (``git archive main | tar -x -C DIR``): the
baseline of the same run. The last line is a JSON summary.

Target (issue 17, 2-core machine): >= 200 articles/s, last 500 no slower
than the first 500 by more than 10%.
"""

import argparse
import importlib.util
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATE = 200
STRETCH = 500
IMPORT_PREFIX = "bench-import-"


def corpus_helpers():
    """benchmarks/search.py, loaded under another name (``search`` is the Django app)."""
    spec = importlib.util.spec_from_file_location(
        "benchmark_search", ROOT / "benchmarks" / "search.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Seed-format files ---------------------------------------------------------------------

ROLES = (
    "a nurse at the hospital",
    "a spokesperson for the union",
    "a spokesperson for the company",
    "a striking teacher",
    "president of the local",
    "a professor of labor studies",
)


def seed_files(helpers, count, outlets, directory, seed=11):
    """``count`` deterministic seed-format files in ``directory``: header, headline, paragraphs, quotes."""
    rng = random.Random(seed)
    words, cumulative = helpers._vocabulary(rng)

    def sentence(low=8, high=20):
        chosen = rng.choices(words, cum_weights=cumulative, k=rng.randint(low, high))
        return " ".join(chosen).capitalize()

    start = date(2016, 1, 1)
    for n in range(count):
        paragraphs = [
            f"Workers went on strike on {sentence(3, 6).lower()}. {sentence()}.",
            *(f"{sentence()}. {sentence()}." for _ in range(rng.randint(4, 7))),
        ]
        for _ in range(rng.randint(3, 5)):
            first, last = rng.choice(helpers.FIRST_NAMES), rng.choice(helpers.LAST_NAMES)
            position = rng.randrange(1, len(paragraphs) + 1)
            paragraphs[position:position] = [
                f"{first} {last}, {rng.choice(ROLES)}, joined the picket line.",
                f"“{sentence(6, 18)},” said {last}.",
            ]
        day = start + timedelta(days=rng.randrange(3000))
        text = "\n".join(
            [
                f"Source: {outlets[n % len(outlets)]}",
                f"Published: {day.isoformat()}T{rng.randrange(6, 20):02d}:15:00-07:00",
                f"URL: https://news.example/{day.year}/{n}-{rng.randrange(10**6)}",
                f"Byline: {rng.choice(helpers.FIRST_NAMES)} {rng.choice(helpers.LAST_NAMES)}",
                "",
                f"{sentence(5, 10)} strike continues",
                "",
                "\n\n".join(paragraphs),
                "",
            ]
        )
        (directory / f"{IMPORT_PREFIX}{n:05d}.txt").write_text(text, encoding="utf-8")


# The base archive and its index ---------------------------------------------------------


def prepare_base(helpers, args):
    """Load the base archive (bulk) and build its index once; returns the pristine index copy."""
    from search import indexing

    fingerprint = f"synthetic:v1:{args.base}"  # the corpus of benchmarks/search.py
    marker = ROOT / "var" / f"bench-{args.database}.corpus"
    pristine = args.index_dir.with_name(args.index_dir.name + "-pristine")
    if helpers.load_corpus(helpers.synthetic_corpus(args.base), fingerprint, marker):
        shutil.rmtree(pristine, ignore_errors=True)
    if not (pristine / "current").exists():
        shutil.rmtree(args.index_dir, ignore_errors=True)
        print(f"building the index of {args.base} articles (once)")
        stats = indexing.rebuild(processes=args.processes)
        print(f"  {sum(stats['documents'].values())} documents in {stats['seconds']:.0f} s")
        shutil.rmtree(pristine, ignore_errors=True)
        shutil.copytree(args.index_dir, pristine, symlinks=True)
    return pristine


def restore(args, pristine):
    """Back to the base: imported rows removed, the base's index copied back."""
    from django.db import connection

    # Without an index, the deletions' queued updates wait for the copy's replay below.
    shutil.rmtree(args.index_dir, ignore_errors=True)
    # In SQL, not with the models' deletes: those record a withdrawal and a history row for
    # every article, quote and person (minutes for 2,000 articles), and the base has none.
    gone = "SELECT id FROM articles_article WHERE import_key LIKE %s"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE gone AS {gone}", [IMPORT_PREFIX + "%"])
        for table, column in (
            ("articles_quote", "article_id"),
            ("articles_correction", "article_id"),
            ("articles_textsignature", "article_id"),
            ("articles_syndicatedcopy", "article_id"),
            ("articles_syndicatedcopy", "other_id"),
            ("articles_archivedpage", "article_id"),
            ("articles_feedentry", "article_id"),
            ("articles_article", "id"),
        ):
            cursor.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM gone)")
        cursor.execute("DROP TABLE gone")
        cursor.execute(
            "DELETE FROM articles_person AS p WHERE NOT EXISTS "
            "(SELECT 1 FROM articles_quote AS q WHERE q.speaker_id = p.id)"
        )
        cursor.execute(
            "DELETE FROM articles_source AS s WHERE NOT EXISTS "
            "(SELECT 1 FROM articles_article AS a WHERE a.source_id = s.id) AND NOT EXISTS "
            "(SELECT 1 FROM articles_feed AS f WHERE f.source_id = s.id)"
        )
        cursor.execute("TRUNCATE search_indexqueue")
        cursor.execute("VACUUM ANALYZE")
    shutil.copytree(pristine, args.index_dir, symlinks=True)


class TimedLines(io.StringIO):
    """The command's output, with the moment each line was written."""

    def __init__(self):
        super().__init__()
        self.moments = []

    def write(self, text):
        self.moments.extend(time.perf_counter() for _ in range(text.count("\n") or 1))
        return super().write(text)


def run_import(directory, count):
    """Time ``import_articles`` on the first ``count`` files; rates overall, first and last STRETCH."""
    from django.core.management import call_command

    files = sorted(directory.glob("*.txt"))[:count]
    out = TimedLines()
    started = time.perf_counter()
    call_command("import_articles", *map(str, files), stdout=out, stderr=io.StringIO())
    finished = time.perf_counter()
    created = [
        moment
        for moment, line in zip(out.moments, out.getvalue().splitlines(), strict=False)
        if line.startswith("created ")
    ]
    if len(created) != count:
        raise SystemExit(
            f"expected {count} articles created, the command said:\n{out.getvalue()[-2000:]}"
        )
    stretch = min(STRETCH, count // 2)
    first = stretch / (created[stretch - 1] - started)
    last = stretch / (finished - created[count - stretch - 1])
    return {
        "moments": [round(moment - started, 3) for moment in created],
        "articles": count,
        "seconds": round(finished - started, 2),
        "rate": round(count / (finished - started), 1),
        "first_rate": round(first, 1),
        "last_rate": round(last, 1),
        "stretch": stretch,
    }


def check_index(count):
    """The imported articles are searchable: their documents are in the live index."""
    from articles.models import Article, Quote
    from search.backends import get_backend

    backend = get_backend()
    backend.forget()
    counts = backend.counts()
    articles, quotes = Article.objects.count(), Quote.objects.count()
    return {
        "index_articles": counts.get("article"),
        "db_articles": articles,
        "index_quotes": counts.get("quote"),
        "db_quotes": quotes,
    }


def setup_django(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")
    os.environ["STRIKEWATCH_INDEX_DIR"] = str(args.index_dir)
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ["SEARCH_AUTO_REBUILD"] = "0"
    os.environ["SEARCH_BACKEND"] = "whoosh"
    os.environ["PAGE_GENERATION_FILE"] = str(args.index_dir.with_name("bench-page-generation"))


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", type=int, default=50_000, help="articles already in the archive")
    parser.add_argument("--articles", type=int, default=2_000, help="files imported")
    parser.add_argument("--database", default="strikewatch_bench_imports")
    parser.add_argument("--index-dir", type=Path, default=ROOT / "var" / "bench-import-index")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--baseline-tree", type=Path, help="another checkout whose code is the baseline"
    )
    parser.add_argument(
        "--baseline-articles",
        type=int,
        help="files the baseline imports (default: --articles); this checkout's rate over "
        "the same first files is printed beside it",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the import instead")
    parser.add_argument("--code-root", type=Path, help=argparse.SUPPRESS)  # the baseline's run
    args = parser.parse_args(argv)
    if "bench" not in args.database:
        parser.error("--database must name a benchmark database (its name must contain 'bench')")
    args.index_dir = args.index_dir.resolve()
    args.baseline_articles = min(args.baseline_articles or args.articles, args.articles)

    setup_django(args)
    helpers = corpus_helpers()  # puts this checkout first on sys.path
    if args.code_root:
        sys.path.insert(0, str(args.code_root.resolve()))
    helpers.use_database(args.database)
    import articles

    code = Path(articles.__file__).resolve().parent.parent
    if args.code_root:  # a baseline run: the base and files are ready, import and report
        assert code == args.code_root.resolve(), code
        result = run_import(Path(os.environ["BENCH_IMPORT_FILES"]), args.baseline_articles)
        print(json.dumps(result))
        return

    pristine = prepare_base(helpers, args)
    from articles.models import Source

    outlets = list(Source.objects.order_by("pk").values_list("name", flat=True)[:40])
    files = Path(tempfile.mkdtemp(prefix="strikewatch-bench-import-"))
    results = {}
    try:
        seed_files(helpers, args.articles, outlets, files)
        if args.profile:
            import cProfile
            import pstats

            restore(args, pristine)
            profiler = cProfile.Profile()
            profiler.enable()
            result = run_import(files, args.articles)
            profiler.disable()
            print(result)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
            return
        runs = [("baseline", args.baseline_tree)] if args.baseline_tree else []
        runs.append(("this checkout", None))
        for name, tree in runs:
            restore(args, pristine)
            from django.db import connections

            connections.close_all()
            print(
                f"\n== {name}: import_articles on {args.articles} files into {args.base} articles"
            )
            if tree is None:
                result = run_import(files, args.articles)
                result.update(check_index(args.articles))
            else:
                command = [
                    sys.executable,
                    __file__,
                    "--code-root",
                    str(tree),
                    *map(str, argv or sys.argv[1:]),
                ]
                done = subprocess.run(
                    command,
                    env=dict(os.environ, BENCH_IMPORT_FILES=str(files)),
                    check=True,
                    capture_output=True,
                    text=True,
                )
                result = json.loads(done.stdout.strip().splitlines()[-1])
            moments = result.pop("moments")
            results[name] = result
            if tree is None and "baseline" in results:
                n = results["baseline"]["articles"]
                result["rate_first_baseline_files"] = round(n / moments[n - 1], 1)
            print(
                f"  {result['rate']:.1f} articles/s ({result['seconds']:.1f} s); "
                f"first {result['stretch']}: {result['first_rate']:.1f}/s, "
                f"last {result['stretch']}: {result['last_rate']:.1f}/s"
            )
    finally:
        shutil.rmtree(files, ignore_errors=True)
        restore(args, pristine)  # the base as benchmarks/search.py loads it
    mine = results["this checkout"]
    linear = mine["last_rate"] >= 0.9 * mine["first_rate"]
    met = mine["rate"] >= TARGET_RATE and linear
    if "baseline" in results:
        base = results["baseline"]
        same = mine.get("rate_first_baseline_files", mine["rate"])
        print(
            f"\nover the same first {base['articles']} files: baseline {base['rate']:.1f}/s, "
            f"this checkout {same:.1f}/s ({same / base['rate']:.1f}x)"
        )
    print(
        f"target (>= {TARGET_RATE} articles/s, last {mine['stretch']} within 10% of the first): "
        f"{'met' if met else 'MISSED'}"
    )
    print(json.dumps({"base": args.base, "cpus": os.cpu_count(), "results": results, "met": met}))


if __name__ == "__main__":
    main()
