"""
A gunicorn thread worker whose request hangs past the hard limit
(``GUNICORN_TIMEOUT``) is ended and replaced, though its main loop, and so
gunicorn's own heartbeat, carries on. The hang is made real: the database
frozen, with every database bound of the site turned off.
"""

import time

import pytest

from tests.production.servers import Gunicorn, fetch

from .answers import log_since, tracebacks, wait_for, workers

pytestmark = pytest.mark.slow

HARD_LIMIT = 3


def test_a_thread_worker_stuck_past_the_hard_limit_is_replaced(cluster, site, tmp_path):
    env = {
        **site.env,
        "GUNICORN_TIMEOUT": HARD_LIMIT,
        "GUNICORN_THREADS": 2,
        "WEB_CONCURRENCY": 1,
        "DB_STATEMENT_TIMEOUT": 0,  # no statement bound, no watchdog on the connection
        "DB_CONNECT_TIMEOUT": 60,
    }
    host = Gunicorn(workdir=tmp_path / "gunicorn", env={k: str(v) for k, v in env.items()})
    host.start()
    try:
        (stuck,) = workers(host)
        log_offset = len(host.log())
        cluster.freeze()
        try:
            started = time.monotonic()
            with pytest.raises(OSError):  # the worker went away without answering
                fetch(host.url, site.seeded_url, timeout=30)
            assert time.monotonic() - started < HARD_LIMIT + 4
        finally:
            cluster.thaw()
        wait_for(host, "/healthz", 200)
        assert fetch(host.url, site.seeded_url).status == 200
        (replacement,) = workers(host)
        assert replacement != stuck
        log = log_since(host, log_offset)
        assert "exiting to be replaced" in log
        assert not tracebacks(log), log
    finally:
        host.stop()
