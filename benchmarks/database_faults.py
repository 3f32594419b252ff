"""
What clients see when the database freezes or stops under a serving gunicorn.

Run: .venv/bin/python benchmarks/database_faults.py [--fault-seconds 10] [--clients 4]

Starts a PostgreSQL cluster of its own under a temporary directory (initdb,
as the ``postgres`` user when run as root; never the shared cluster), a site
on it (migrated, the seeds imported, indexed) and gunicorn with the project's
configuration (2 workers of 2 threads). ``--clients`` threads ask
``/api/search`` (never page-cached, so every answer needs the database) in a
loop, each request with a 60 s client timeout. Then, for each fault:

- freeze: SIGSTOP every process of the cluster, ``--fault-seconds`` later SIGCONT;
- stop: ``pg_ctl stop -m fast``, ``--fault-seconds`` later ``pg_ctl start``;

and prints the time from the fault to the first 503, the slowest answer
during the fault, the time from the database's return to the first 200 and to
the last answer that was not a 200, and the requests lost (no HTTP answer, or
an answer other than 200 or a 503 with Retry-After).

Baselines, in the same run: the same faults with the site's database bounds
off (``DB_STATEMENT_TIMEOUT=0``, ``DB_CONNECT_TIMEOUT=60``; the rest of this
code, outage and hard limit included, stays); and with ``--baseline-ref REF``,
the site as the git commit REF had it (its code and gunicorn configuration,
extracted with ``git archive``), e.g. the commit before these bounds existed.
"""

import argparse
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.faults.cluster import Cluster, missing_reason  # noqa: E402
from tests.production import servers  # noqa: E402
from tests.production.servers import Gunicorn, fetch, manage, server_env  # noqa: E402

PATHS = ("/api/search?q=kaiser", "/api/search?q=strike")


class Load:
    """Client threads asking PATHS in turn; every request's start, end and outcome kept."""

    def __init__(self, url, clients):
        self.url, self.clients = url, clients
        self.records = []  # (start, end, status or "error", retry_after)
        self._stop = threading.Event()
        self._threads = []

    def _client(self, number):
        turn = number
        while not self._stop.is_set():
            path = PATHS[turn % len(PATHS)]
            turn += 1
            started = time.monotonic()
            try:
                response = fetch(self.url, path, timeout=60)
                outcome, retry_after = response.status, response.header("Retry-After")
            except OSError:
                outcome, retry_after = "error", None
            self.records.append((started, time.monotonic(), outcome, retry_after))
            if outcome != 200:
                time.sleep(0.05)  # a client that got no page waits a little, as a browser would

    def start(self):
        for number in range(self.clients):
            thread = threading.Thread(target=self._client, args=(number,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=70)


def measure(cluster, host, fault, clients, fault_seconds):
    load = Load(host.url, clients)
    load.start()
    time.sleep(2)  # steady state first
    faulted = time.monotonic()
    (cluster.freeze if fault == "freeze" else cluster.stop)()
    in_force = time.monotonic()  # freezing lists processes, stopping waits for the shutdown
    time.sleep(fault_seconds)
    (cluster.thaw if fault == "freeze" else cluster.start)()
    restored = time.monotonic()
    time.sleep(15)
    load.stop()

    records = [r for r in load.records if r[1] > faulted]
    first_503 = min((end - faulted for _, end, status, _ in records if status == 503), default=None)
    during = [end - start for start, end, _, _ in records if start < restored]
    after = [(end, status) for start, end, status, _ in records if end > restored]
    first_200 = min((end - restored for end, status in after if status == 200), default=None)
    last_bad = max((end - restored for end, status in after if status != 200), default=0.0)
    lost = sum(
        1
        for _, _, status, retry_after in records
        if status == "error" or status not in (200, 503) or (status == 503 and not retry_after)
    )
    # A request that began after the fault and got a page before the database
    # was back: only a cached page could (or a fault that did not take).
    served_in_fault = sum(
        1
        for start, end, status, _ in records
        if start > in_force and end < restored and status == 200
    )
    return {
        "requests": len(records),
        "200s within fault": served_in_fault,
        "503s": sum(1 for r in records if r[2] == 503),
        "first 503 (s)": first_503,
        "slowest during fault (s)": max(during, default=None),
        "first 200 after restore (s)": first_200,
        "last non-200 after restore (s)": last_bad,
        "lost": lost,
    }


def prepare_site(cluster, work):
    env = server_env(
        "unused",
        STATIC_ROOT=work / "static",
        STRIKEWATCH_INDEX_DIR=work / "index",
        PAGE_GENERATION_FILE=work / "page-generation",
        SEARCH_AUTO_REBUILD="0",
    )
    env["DATABASE_URL"] = cluster.create_database("strikewatch")
    manage(env, "migrate", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "import_strikes", str(ROOT / "seeds" / "strikes.json"), "--verbosity", "0")
    manage(env, "import_articles", str(ROOT / "seeds"), "--verbosity", "0")
    manage(env, "rebuild_index", "--verbosity", "0")
    return env


def extract(ref, work):
    """The tree of git commit ``ref``, extracted under ``work``."""
    tree = work / "baseline-tree"
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def show(value):
    if value is None:
        return "never"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fault-seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--baseline-ref", help="also run the site as this git commit had it")
    args = parser.parse_args()
    reason = missing_reason()
    if reason:
        raise SystemExit(reason)

    # Stopped by a signal, still stop the cluster and gunicorn (the finally blocks below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    work = Path(tempfile.mkdtemp(prefix="strikewatch-faults-bench-"))
    cluster = Cluster().init().start()
    try:
        env = prepare_site(cluster, work)
        variants = [
            ("this site (defaults)", ROOT, {}),
            ("no database bounds", ROOT, {"DB_STATEMENT_TIMEOUT": "0", "DB_CONNECT_TIMEOUT": "60"}),
        ]
        if args.baseline_ref:
            variants.append((f"as of {args.baseline_ref}", extract(args.baseline_ref, work), {}))
        rows = []
        for name, tree, overrides in variants:
            for fault in ("freeze", "stop"):
                servers.GUNICORN_CONF = tree / "strikewatch" / "gunicorn.conf.py"
                host = Gunicorn(
                    workdir=work / f"{fault}-{len(rows)}",
                    env={**env, **overrides, "PYTHONPATH": str(tree)},
                )
                host.start()
                try:
                    figures = measure(cluster, host, fault, args.clients, args.fault_seconds)
                    log = host.log()
                    figures["tracebacks in log"] = log.count("Traceback (most recent call last)")
                    if figures["tracebacks in log"]:
                        first = log.index("Traceback (most recent call last)")
                        print(log[max(0, first - 300) : first + 3000], flush=True)
                finally:
                    host.stop()
                rows.append((name, fault, figures))
                print(
                    f"{name:32} {fault:6} "
                    + ", ".join(f"{k}: {show(v)}" for k, v in figures.items()),
                    flush=True,
                )
    finally:
        cluster.destroy()
        subprocess.run(["rm", "-rf", str(work)], check=False)

    print(
        f"\n{args.clients} clients on /api/search; fault held {args.fault_seconds:g} s; "
        "times from the fault, or from the database's return"
    )
    columns = {
        "first 503 (s)": "first 503",
        "slowest during fault (s)": "slowest in fault",
        "200s within fault": "200s in fault",
        "first 200 after restore (s)": "first 200",
        "last non-200 after restore (s)": "last non-200",
        "lost": "lost",
        "503s": "503s",
        "requests": "requests",
        "tracebacks in log": "tracebacks",
    }
    print(" | ".join(("site", "fault", *columns.values())))
    for name, fault, figures in rows:
        print(" | ".join(show(v) for v in (name, fault, *(figures[k] for k in columns))))


if __name__ == "__main__":
    main()
