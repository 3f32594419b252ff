"""
PostgreSQL frozen under a serving gunicorn (every process of its cluster
stopped with SIGSTOP: the kernel still acknowledges, nothing answers): pages
and the API answer 503 with Retry-After within the bound and /healthz within
2 s; after SIGCONT the same workers serve again with nothing lost, and the
log holds no traceback.
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


def test_a_frozen_database_answers_503_promptly_and_the_site_recovers_on_thaw(cluster, site, host):
    written_url = site.write_article("Written before the freeze")
    before, log_offset = workers(host), len(host.log())

    cluster.freeze()
    try:
        assert_database_unavailable(host, site.seeded_url)
    finally:
        cluster.thaw()

    wait_for(host, "/healthz", 200)
    assert_served(host, site.seeded_url, written_url)
    assert workers(host) == before  # recovered without restarting anything
    log = log_since(host, log_offset)
    assert not tracebacks(log), log
    # One line per worker when its outage begins, not one per request.
    assert 1 <= log.count("database unavailable") <= len(before), log
