#!/usr/bin/env python
"""
Index faults against a real gunicorn, measured: for each fault, the time from
the fault to the first clean 503 (JSON, Retry-After), the time to recovery
(the first right answer after it), and the requests lost (a 500, a 200 with
the wrong total, no answer within 5 s) among all those sent meanwhile by a few
clients searching without pause.

    .venv/bin/python benchmarks/index_faults.py --articles 3000
    .venv/bin/python benchmarks/index_faults.py --articles 3000 --baseline-code /path/to/old/checkout

Faults: ``segment`` (4 MiB of random bytes written into the middle of the live
generation's largest ``.seg``, as ``dd conv=notrunc``), ``toc`` (the live table
of contents cut to a third), ``kill`` (``rebuild_index`` killed with SIGKILL
half-way through, then run again), ``disk-full`` (the index on a tmpfs of its
own, filled; an edit made; the disk freed; needs root).

The corpus (synthetic, as ``benchmarks/search.py`` makes it) goes into its own
database (``--database``, default ``strikewatch_index_faults``, created if
needed). ``--baseline-code DIR`` also serves another checkout of the project
(the code before a change) on the same database, corpus and faults, so both
sets of figures come from one run. The last line is a JSON summary.
"""

import argparse
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "strikewatch.settings")

from tests.production.servers import Gunicorn, fetch, server_env  # noqa: E402
from tests.search.index_faults import (  # noqa: E402
    fill,
    live_generation,
    overwrite_largest_segment,
    truncate_toc,
)

QUERY_WORD = "strike"
OBSERVE_SECONDS = 120.0


def _search_benchmark():
    """benchmarks/search.py (its corpus and database helpers), loaded under another name."""
    spec = importlib.util.spec_from_file_location("search_benchmark", REPO / "benchmarks/search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Clients:
    """A few threads searching without pause; every answer kept with its time."""

    def __init__(self, url, path, expected, count):
        self.url, self.path, self.count = url, path, count
        self.expected = expected
        self.answers = []  # (seconds since start, verdict, seconds taken)
        self.stopping = threading.Event()
        self.started = time.monotonic()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(count)]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=10)

    def _run(self):
        while not self.stopping.is_set():
            sent = time.monotonic()
            before = self.expected()  # an edit indexed meanwhile may or may not be counted
            try:
                response = fetch(self.url, self.path, timeout=5)
                verdict = self._judge(response, before | self.expected())
            except OSError:
                verdict = "no answer"
            self.answers.append((sent - self.started, verdict, time.monotonic() - sent))

    def _judge(self, response, acceptable):
        if response.status == 503:
            try:
                body = json.loads(response.body)
            except ValueError:
                return "503 not JSON"
            if body.get("error") and response.header("Retry-After"):
                return "503"
            return "503 not JSON"
        if response.status == 200:
            total = json.loads(response.body).get("total")
            return "200" if total in acceptable else f"200 wrong total ({total})"
        return str(response.status)

    def now(self):
        return time.monotonic() - self.started

    def figures(self, fault_at):
        after = [(t - fault_at, v, d) for t, v, d in self.answers if t >= fault_at]
        first_503 = next((t for t, v, _ in after if v == "503"), None)
        recovered = None
        if first_503 is not None:
            recovered = next((t for t, v, _ in after if t > first_503 and v == "200"), None)
        lost = [v for _, v, _ in after if v not in ("200", "503")]
        return {
            "requests": len(after),
            "ok_200": sum(v == "200" for _, v, _ in after),
            "clean_503": sum(v == "503" for _, v, _ in after),
            "lost": len(lost),
            "lost_kinds": sorted(set(lost)),
            "first_503_s": round(first_503, 2) if first_503 is not None else None,
            "recovered_s": round(recovered, 2) if recovered is not None else None,
            "slowest_s": round(max((d for _, _, d in after), default=0), 2),
        }


def wait_until(condition, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def run_fault(fault, code, database, workdir, expected_total, clients, rebuild_seconds):
    """Serve ``code`` from a fresh index, inject ``fault`` under load, return the figures."""
    from django.conf import settings

    from search import indexing
    from search.backends import get_backend

    index = workdir / "index"
    index.mkdir(parents=True)
    mounted = False
    if fault == "disk-full":
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(index)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            return {"skipped": f"cannot mount a tmpfs ({result.stderr.strip() or 'not root'})"}
        mounted = True
    settings.STRIKEWATCH_INDEX_DIR = index
    env = server_env(
        database,
        STRIKEWATCH_INDEX_DIR=index,
        STATIC_ROOT=workdir / "static",
        PAGE_GENERATION_FILE=workdir / "page-generation",
        STRIKEWATCH_ARCHIVE_DIR=workdir,  # nothing written into the checkout served
        WEB_CONCURRENCY=2,
        PYTHONPATH=str(code),
    )
    server = Gunicorn(workdir=workdir / "gunicorn", env=env)
    edits = []
    try:
        indexing.rebuild(get_backend())
        server.start()
        path = f"/api/search?q={QUERY_WORD}&type=articles"
        master = server.process.pid

        def expected():
            """Right totals: an edit not yet indexed may or may not be counted."""
            done = sum(1 for _, applied in edits if applied)
            return {expected_total + done + n for n in range(len(edits) - done + 1)}

        for _ in range(8):
            fetch(server.url, path, timeout=30)  # both workers warm
        with Clients(server.url, path, expected, clients) as load:
            time.sleep(1.0)
            fault_at = load.now()
            extra = {}
            if fault == "segment":
                overwrite_largest_segment(index)
            elif fault == "toc":
                truncate_toc(index)
            elif fault == "kill":
                extra = _kill_rebuild(code, env, index, rebuild_seconds)
            elif fault == "disk-full":
                extra = _fill_and_edit(index, edits)
            if fault in ("segment", "toc"):
                wait_until(
                    lambda: load.figures(fault_at)["recovered_s"] is not None, OBSERVE_SECONDS
                )
                time.sleep(1.0)
            else:
                time.sleep(1.0)
        figures = load.figures(fault_at)
        figures.update(extra)
        log = server.log()
        figures["tracebacks_in_log"] = log.count("Traceback")
        figures["gunicorn_restarted"] = server.process.poll() is not None
        figures["same_master"] = server.process.pid == master
        return figures
    finally:
        server.stop()
        get_backend().forget()
        if mounted:
            subprocess.run(["umount", "-l", str(index)], check=False)


def _manage(code, env, *args):
    return subprocess.Popen(
        [sys.executable, str(Path(code) / "manage.py"), *args],
        cwd=env["STRIKEWATCH_ARCHIVE_DIR"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_rebuild(code, env, index, rebuild_seconds):
    """rebuild_index killed half-way; then run again. What was promoted, kept and lost."""
    good = live_generation(index)
    generations = index / "generations"
    process = _manage(code, env, "rebuild_index", "--processes", "1")
    # Half-way: once its new generation has appeared, a third of a build's time later.
    wait_until(lambda: any(p != good for p in generations.iterdir()), 120, interval=0.01)
    time.sleep(rebuild_seconds / 3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed_at = time.monotonic()
    leftovers = sorted(p.name for p in generations.iterdir() if p != good)
    rerun = _manage(code, env, "rebuild_index", "--processes", "1")
    _, stderr = rerun.communicate(timeout=600)
    finished = time.monotonic()
    kept = sorted(p.name for p in (index / "generations").iterdir())
    live = live_generation(index)
    return {
        "killed_build_left": len(leftovers),
        "second_rebuild_s": round(finished - killed_at, 2),
        "second_rebuild_ok": rerun.returncode == 0,
        "leftovers_promoted_or_kept": len(set(leftovers) & set(kept)),
        "last_good_kept_after_promotion": good.name in kept,
        "live_is_new": live.name not in (good.name, *leftovers),
        "traceback_in_rebuild_output": "Traceback" in (stderr or ""),
    }


def _fill_and_edit(index, edits):
    """Fill the index's disk, make an edit, free the disk, drain: how long until it is searchable."""
    from django.utils import timezone

    from articles.models import Article, Source
    from search import indexing

    filler = fill(index)
    article = Article.objects.create(
        headline=f"Dockers {QUERY_WORD} at the full-disk port",
        paragraphs=[f"Dockers {QUERY_WORD} again."],
        source=Source.objects.first(),
        published_at=timezone.now() - timedelta(days=1),
        status=Article.Status.PUBLISHED,
    )
    edits.append([article.pk, False])  # counted or not until indexed, then counted
    edited_at = time.monotonic()
    time.sleep(2.0)  # searches go on against the full disk
    filler.unlink()
    freed = time.monotonic()
    applied = indexing.drain()
    edits[-1][1] = applied >= 1
    return {
        "edit_applied_after_freeing": applied >= 1,
        "edit_searchable_s_after_freeing": round(time.monotonic() - freed, 2),
        "disk_full_for_s": round(freed - edited_at, 2),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--database", default="strikewatch_index_faults")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--faults", default="segment,toc,kill,disk-full", help="comma-separated, in this order"
    )
    parser.add_argument("--baseline-code", type=Path, help="another checkout to measure as well")
    args = parser.parse_args(argv)

    bench = _search_benchmark()
    bench.use_database(args.database)
    workroot = Path(tempfile.mkdtemp(prefix="index-faults-"))
    bench.load_corpus(
        bench.synthetic_corpus(args.articles),
        f"synthetic-{args.articles}",
        workroot / "corpus-marker",
    )
    from django.conf import settings

    from search import indexing
    from search.backends import get_backend
    from search.service import SearchParams, run_search

    settings.STRIKEWATCH_INDEX_DIR = workroot / "probe"
    started = time.perf_counter()
    stats = indexing.rebuild(get_backend())
    rebuild_seconds = time.perf_counter() - started
    expected = run_search(SearchParams(q=QUERY_WORD, type="articles")).total
    print(
        f"{args.articles} articles, {sum(stats['documents'].values())} documents, index "
        f"{stats['bytes'] / 1_048_576:.1f} MiB built in {rebuild_seconds:.1f} s; "
        f"'{QUERY_WORD}' finds {expected} articles; {args.clients} clients searching without pause."
    )
    variants = [("this code", REPO)]
    if args.baseline_code:
        variants.insert(0, ("baseline", args.baseline_code.resolve()))
    summary = {}
    try:
        for fault in args.faults.split(","):
            for label, code in variants:
                if fault == "disk-full" and label == "baseline":
                    continue  # the edit is drained by this process's code: not a fair baseline
                workdir = workroot / f"{fault}-{label.replace(' ', '-')}"
                figures = run_fault(
                    fault, code, args.database, workdir, expected, args.clients, rebuild_seconds
                )
                summary[f"{fault} / {label}"] = figures
                print(f"{fault:10} {label:10} " + json.dumps(figures))
    finally:
        shutil.rmtree(workroot, ignore_errors=True)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
