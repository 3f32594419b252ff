"""
PostgreSQL stopped under a serving gunicorn (``pg_ctl stop -m fast``, as a
restart or failover does) and started again: pages and the API answer 503
with Retry-After at once, /healthz within 2 s; once it is back the same
workers serve again with nothing lost, and the log holds no traceback.
"""

import pytest

from .answers import (
    assert_database_unavailable,
    assert_served,
    log_since,
    tracebacks,
    wait_for,
    workers,
)

pytestmark = pytest.mark.slow


def test_a_stopped_database_answers_503_and_the_site_recovers_when_it_starts(cluster, site, host):
    written_url = site.write_article("Written before the stop")
    assert wait_for(host, written_url, 200) >= 0  # the workers hold live connections
    before, log_offset = workers(host), len(host.log())

    cluster.stop()
    try:
        assert_database_unavailable(host, site.seeded_url)
    finally:
        cluster.start()

    wait_for(host, "/healthz", 200)
    assert_served(host, site.seeded_url, written_url)
    assert workers(host) == before
    log = log_since(host, log_offset)
    assert not tracebacks(log), log
    assert 1 <= log.count("database unavailable") <= len(before), log
