#!/usr/bin/env python
"""
CPU per search request, as the load test's uncached searches cost it, in one
process: steadier than a wrk rate on a shared machine.

    LOAD_DATABASE_URL=postgres://.../bench_x LOAD_INDEX_DIR=var/load/index-whoosh \\
        .venv/bin/python benchmarks/search_cpu.py [--rounds 10] [--kind search api]
    ... benchmarks/search_cpu.py --profile var/search.prof   # and print its top entries
    ... benchmarks/search_cpu.py --capture var/before        # write every answer to compare

Sends the load test's searches (``benchmarks/load/targets.py``) through the
WSGI application gunicorn serves (every middleware, DEBUG off, the same
environment as ``benchmarks/load.sh``) with the session cookie that keeps the
page cache out of it, and prints the CPU time per request of this process
(``time.process_time``) and of its PostgreSQL server process (read from
/proc when the server runs on this machine), over ``--rounds`` passes after
one warm-up pass. The database must hold the load test's dataset and the
index directory its index (run ``benchmarks/load.sh`` once to make them).

``--capture DIR`` instead writes each answer's body (page and API, for the
load test's searches and ``benchmarks/search.py``'s default queries, both
types) with its CSRF token and CSP nonce blanked, so two runs can be diffed.
"""

import argparse
import cProfile
import importlib.util
import io
import os
import pstats
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

os.environ["DATABASE_URL"] = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/strikewatch_load"
)
os.environ["SEARCH_BACKEND"] = os.environ.get("SEARCH_BACKEND", "whoosh")
os.environ["STRIKEWATCH_INDEX_DIR"] = os.environ.get(
    "LOAD_INDEX_DIR", str(REPO / "var" / "load" / f"index-{os.environ['SEARCH_BACKEND']}")
)
os.environ["PAGE_GENERATION_FILE"] = str(REPO / "var" / "load" / "page-generation")
os.environ["STATIC_ROOT"] = str(REPO / "var" / "load" / "static")
os.environ.update(
    DJANGO_SETTINGS_MODULE="strikewatch.settings",
    DEBUG="0",
    SECRET_KEY="load-test-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    ALLOWED_HOSTS="127.0.0.1,localhost",
    RATE_LIMIT_EXEMPT="127.0.0.1",
    LOG_LEVEL="WARNING",
)

HOST = "127.0.0.1:8000"
COOKIE = "sessionid=load-test-no-page-cache"  # what load.sh's search-nocache sends


def load_searches():
    spec = importlib.util.spec_from_file_location(
        "load_targets", REPO / "benchmarks" / "load" / "targets.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SEARCHES


def environ_for(path):
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": HOST,
        "HTTP_COOKIE": COOKIE,
        "HTTP_ACCEPT": "*/*",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def request(application, path):
    """(status, body) of one GET through the WSGI application."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status

    chunks = application(environ_for(path), start_response)
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    return answer["status"], body


def server_cpu_seconds():
    """CPU seconds of this process's PostgreSQL server process so far, or None."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(application, paths, rounds):
    for path in paths:  # warm-up: index loaded, templates compiled, connection open
        status, _ = request(application, path)
        if not status.startswith("200"):
            sys.exit(f"{path} answered {status}")
    server_before = server_cpu_seconds()
    wall_before = time.perf_counter()
    passes = []
    for _ in range(rounds):
        cpu_before = time.process_time()
        for path in paths:
            request(application, path)
        passes.append((time.process_time() - cpu_before) / len(paths))
    wall = time.perf_counter() - wall_before
    server_after = server_cpu_seconds()
    count = rounds * len(paths)
    server = (
        f", PostgreSQL {1000 * (server_after - server_before) / count:.2f} ms"
        if server_before is not None and server_after is not None
        else ""
    )
    # The quickest pass is the least disturbed by other processes on a busy machine.
    return (
        f"{count} requests: {1000 * sum(passes) / rounds:.2f} ms CPU each, "
        f"{1000 * min(passes):.2f} in the quickest pass{server} (wall {1000 * wall / count:.2f} ms)"
    )


def wide_queries():
    spec = importlib.util.spec_from_file_location("search_bench", REPO / "benchmarks" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for seed in range(7, 30):
        try:  # a short surname makes its misspelling fail for some seeds
            drawn = module.default_queries(seed=seed)
            break
        except ValueError:
            continue
    queries = []
    for query in drawn:
        for kind in ("quotes", "articles"):
            queries.append({**query, "type": query.get("type", kind)})
    return queries


_VOLATILE = [
    (
        re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'),
        b'name="csrfmiddlewaretoken" value=""',
    ),
    (re.compile(rb'nonce="[^"]*"'), b'nonce=""'),
]


def capture(application, searches, directory):
    from django.urls import reverse

    directory.mkdir(parents=True, exist_ok=True)
    queries = [{"q": q} for q in searches] + [{"q": q, "type": "articles"} for q in searches]
    queries += wide_queries()
    seen = set()
    written = 0
    for n, query in enumerate(queries):
        encoded = urlencode(sorted(query.items()))
        if encoded in seen:
            continue
        seen.add(encoded)
        for name in ("search:search", "search:api"):
            status, body = request(application, f"{reverse(name)}?{encoded}")
            for pattern, blank in _VOLATILE:
                body = pattern.sub(blank, body)
            kind = name.split(":")[1]
            (directory / f"{n:04d}-{kind}.txt").write_bytes(
                f"{encoded}\n{status}\n".encode() + body
            )
            written += 1
    print(f"{written} answers written to {directory}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=10, help="passes over the searches (10)")
    parser.add_argument("--kind", nargs="+", choices=["search", "api"], default=["search", "api"])
    parser.add_argument("--profile", type=Path, help="profile the passes into this file")
    parser.add_argument("--capture", type=Path, help="write every answer into this folder")
    args = parser.parse_args(argv)

    searches = load_searches()  # sets Django up
    from django.core.management import call_command

    if not (Path(os.environ["STATIC_ROOT"]) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    from django.urls import reverse

    from strikewatch.wsgi import application

    if args.capture:
        capture(application, searches, args.capture)
        return
    for kind in args.kind:
        paths = [f"{reverse(f'search:{kind}')}?{urlencode({'q': q})}" for q in searches]
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
        print(f"{kind}: {measure(application, paths, args.rounds)}")
        if args.profile:
            profiler.disable()
            path = args.profile.with_suffix(f".{kind}.prof")
            profiler.dump_stats(path)
            stats = pstats.Stats(str(path))
            stats.sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
