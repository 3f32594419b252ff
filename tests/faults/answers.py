"""
What the site answers while its database is faulty and after: each answer
timed, checked for the right status and form, and the log for tracebacks.
"""

import json
import re
import time
from pathlib import Path

import pytest

from tests.production.servers import fetch

from .cluster import children

# The database bounds the fault tests' site runs with, shorter than the
# defaults so the suite stays quick (benchmarks/database_faults.py measures those).
STATEMENT_TIMEOUT = 2
CONNECT_TIMEOUT = 2
# What a request may take while the database does not answer: the statement
# bound, the watchdog's second and its quarter-second look, and a loaded
# machine's slack, three seconds (a connect is bounded sooner, by CONNECT_TIMEOUT): a
# hung request would wait for the client's 30 s.
ANSWER_WITHIN = max(STATEMENT_TIMEOUT + 1, CONNECT_TIMEOUT) + 3
HEALTH_WITHIN = 2.0
RECOVERY_WITHIN = 15


def workers(server):
    """The pids of a gunicorn master's workers."""
    return sorted(children(server.process.pid))


def timed_fetch(server, path, timeout=30):
    started = time.monotonic()
    response = fetch(server.url, path, timeout=timeout)
    return response, time.monotonic() - started


def wait_for(server, path, status, within=RECOVERY_WITHIN):
    """Seconds until ``path`` answers ``status`` (asked every 0.1 s); fails the test past ``within``."""
    started = time.monotonic()
    while time.monotonic() - started < within:
        try:
            if fetch(server.url, path, timeout=within).status == status:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{path} did not answer {status} within {within} s")


def tracebacks(log):
    return re.findall(r"Traceback \(most recent call last\)", log)


def assert_database_unavailable(server, article_url):
    """
    Health first (the worst case: no worker knows yet), then a page, an
    article, the API and health again: each a prompt, honest 503.
    """
    health, seconds = timed_fetch(server, "/healthz")
    assert health.status == 503, health.text
    assert seconds < HEALTH_WITHIN, seconds
    body = json.loads(health.body)
    assert body["status"] == "down"
    assert body["database"]["ok"] is False
    assert health.header("Retry-After")

    for path in ("/", article_url, "/api/search?q=kaiser", "/healthz"):
        response, seconds = timed_fetch(server, path)
        limit = HEALTH_WITHIN if path == "/healthz" else ANSWER_WITHIN
        assert seconds < limit, (path, seconds)
        assert response.status == 503, (path, response.status, response.text[:300])
        assert int(response.header("Retry-After")) > 0, path
        assert "no-store" in response.header("Cache-Control") or path == "/healthz"
        if path.startswith(("/api/", "/healthz")):
            assert response.header("Content-Type") == "application/json", path
            json.loads(response.body)
        else:
            assert response.header("Content-Type").startswith("text/html"), path
            assert "briefly unavailable" in response.text
            assert "Traceback" not in response.text


def assert_served(server, article_url, written_url):
    """
    The site serves again: home, the seeded article, the one written before
    the fault, search. Each worker finds the database back by itself (its
    probe asks once a second), so first every path must answer 200 several
    times running, whichever worker takes it.
    """
    paths = ("/", article_url, written_url, "/api/search?q=kaiser")
    started = time.monotonic()
    while True:
        statuses = [fetch(server.url, path).status for _ in range(4) for path in paths]
        if set(statuses) == {200}:
            break
        assert time.monotonic() - started < RECOVERY_WITHIN, statuses
        time.sleep(0.2)
    assert json.loads(fetch(server.url, "/api/search?q=kaiser").body)["results"]


def log_since(server, offset):
    return Path(server.log_path).read_text(errors="replace")[offset:]
