"""
Rate limits and the admin sign-in throttle count in one place for every
gunicorn worker: a client gets the limit once, not once per worker. Real
gunicorn with several workers, the default (local-memory) cache, so the counts
live in the database's shared table.
"""

import json
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest

from strikewatch.shared_counts import COUNTS_TABLE, DatabaseCache, count, uncount

from .servers import REPO, fetch, server_env

EDITOR_PASSWORD = "quote-desk-Correct-7"


@pytest.fixture
def table():
    """The counts table every host on the (test) database shares, emptied."""
    store = DatabaseCache(COUNTS_TABLE, {})
    store.clear()
    yield store
    store.clear()


def test_a_host_with_the_per_process_cache_counts_in_the_database_table():
    assert (
        server_settings("CACHES")["counts"]["BACKEND"] == "strikewatch.shared_counts.DatabaseCache"
    )
    assert server_settings("CACHES", CACHE_URL="redis://127.0.0.1:6379/0")["counts"][
        "BACKEND"
    ].endswith("RedisCache")


def test_counting_in_many_threads_at_once_loses_no_count(transactional_db, table):
    from django.db import connections

    def hit(_):
        try:
            return count("shared-counts:test", 60, cache=table)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(8) as pool:
        seen = sorted(pool.map(hit, range(80)))
    assert seen == list(range(1, 81))  # every count handed out once
    uncount("shared-counts:test", cache=table)
    assert table.get("shared-counts:test") == 79


def test_an_expired_count_starts_again(transactional_db, table):
    assert count("shared-counts:short", 1, cache=table) == 1
    assert count("shared-counts:short", 1, cache=table) == 2
    time.sleep(1.1)
    assert count("shared-counts:short", 1, cache=table) == 1


def test_three_workers_allow_one_client_the_limit_once(
    search_index, host_env, gunicorn_host, table
):
    env = {
        **host_env,
        "WEB_CONCURRENCY": "3",
        "RATE_LIMIT_API": "30/m",
        "RATE_LIMIT_EXEMPT": "",
        "SEARCH_AUTO_REBUILD": "0",
    }
    host = gunicorn_host(env)
    path = f"/api/search?{urlencode({'q': 'nurses'})}"
    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda _: fetch(host.url, path).status, range(90)))
    assert set(statuses) <= {200, 429}
    # Per-worker counting let 88 of 90 through; a window sliding over a minute's edge
    # may allow a request or two more than 30.
    assert 28 <= statuses.count(200) <= 32, statuses
    assert "Traceback" not in host.log()


def server_settings(name, **overrides):
    """A setting as a host started with ``overrides`` in its environment reads it."""
    code = f"import json; from django.conf import settings; print(json.dumps(settings.{name}))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=server_env("unused", **overrides),
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def _csrf(host):
    page = fetch(host.url, "/admin/login/")
    cookie = next(v for v in page.all("Set-Cookie") if v.startswith("csrftoken="))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return cookie.split(";", 1)[0], token


def _sign_in(host, cookie, token, password):
    body = urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": "editor",
            "password": password,
            "next": "/admin/",
        }
    )
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    return fetch(host.url, "/admin/login/", method="POST", headers=headers, body=body).status


def test_five_workers_close_sign_in_at_the_documented_attempt(
    host_env, gunicorn_host, table, settings, django_user_model
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    django_user_model.objects.create_superuser("editor", "editor@example.org", EDITOR_PASSWORD)
    host = gunicorn_host({**host_env, "WEB_CONCURRENCY": "5"})
    cookie, token = _csrf(host)
    # LOGIN_FAILURES_PER_USER (5) failures are allowed; the sixth attempt is refused,
    # whichever of the five workers answers it, even with the right password.
    statuses = [_sign_in(host, cookie, token, "wrong-password") for _ in range(5)]
    assert statuses == [200] * 5
    assert _sign_in(host, cookie, token, EDITOR_PASSWORD) == 429
    assert [_sign_in(host, cookie, token, "wrong-password") for _ in range(3)] == [429] * 3
