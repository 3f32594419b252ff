"""
The site as production serves it: gunicorn with strikewatch/gunicorn.conf.py,
DEBUG off, collected static files, on this test's committed data.
"""

import json
import os
import re
import signal
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .servers import fetch, server_env

pytestmark = pytest.mark.slow


def assert_security_headers(response, csp="default-src 'self'"):
    headers = {name.lower(): value for name, value in response.headers}
    assert csp in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert headers["cross-origin-opener-policy"] == "same-origin"


def assert_no_server_software(response):
    assert response.all("Server") == ["StrikeWatch"]
    for name, value in response.headers:
        assert "gunicorn" not in value.lower(), (name, value)
        assert "python" not in value.lower(), (name, value)
        assert "django" not in value.lower(), (name, value)


def stylesheet_path(html):
    return re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)


def test_responses_carry_security_headers_and_name_no_server_software(
    host_env, gunicorn_host, coverage
):
    host = gunicorn_host(host_env)
    article = fetch(host.url, coverage["article"].get_absolute_url())
    assert article.status == 200
    assert "Nurses walk out at Valley Health" in article.text

    css = stylesheet_path(article.text)
    assert re.search(r"\.[0-9a-f]{12}\.css$", css), css  # hashed by collectstatic
    responses = {
        "article": article,
        "static file": fetch(host.url, css),
        "admin": fetch(host.url, "/admin/login/"),
        "404": fetch(host.url, "/no-such-page/"),
        "health": fetch(host.url, "/healthz"),
        "head": fetch(host.url, "/", method="HEAD"),
    }
    assert {name: r.status for name, r in responses.items()} == {
        "article": 200,
        "static file": 200,
        "admin": 200,
        "404": 404,
        "health": 200,
        "head": 200,
    }
    for response in responses.values():
        assert_security_headers(response)
        assert_no_server_software(response)
    assert "max-age=315360000" in responses["static file"].header("Cache-Control")


def test_a_request_gunicorn_rejects_itself_names_no_version(host_env, gunicorn_host):
    host = gunicorn_host(host_env)
    response = fetch(host.url, "/" + "a" * 9000)  # longer than limit_request_line
    assert response.status == 414
    assert_no_server_software(response)
    assert_security_headers(response, csp="default-src 'none'")
    assert response.body == b"414 URI Too Long\n"  # plain text, nothing of the request echoed


def test_a_malformed_request_gets_the_same_headers_and_no_echo(host_env, gunicorn_host):
    host = gunicorn_host(host_env)
    address = urlsplit(host.url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(b"<script>alert(1)</script>\r\n\r\n")
        answer = b""
        while chunk := connection.recv(4096):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert (
        b"X-Content-Type-Options: nosniff" in head
        and b"Content-Security-Policy: default-src 'none'" in head
    )
    assert b"Server: StrikeWatch" in head and b"gunicorn" not in answer.lower()
    assert body == b"400 Bad Request\n"


def test_health_reports_the_database_and_search(host_env, gunicorn_host):
    host = gunicorn_host(host_env)
    response = fetch(host.url, "/healthz")
    assert response.status == 200
    body = json.loads(response.body)
    assert body["database"]["ok"] is True
    assert body["database"]["latency_ms"] >= 0
    assert body["status"] in ("ok", "degraded")
    assert (body["status"] == "degraded") == (body["search"]["ok"] is False)
    assert "no-cache" in response.header("Cache-Control")


def test_health_answers_503_when_the_database_is_down(gunicorn_host, static_root, tmp_path):
    from .servers import free_port

    # Nothing listens on this port: every connection is refused.
    env = server_env(
        "strikewatch", STATIC_ROOT=static_root, STRIKEWATCH_INDEX_DIR=tmp_path / "index"
    )
    env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{free_port()}/strikewatch"
    host = gunicorn_host(env, wait_for="/healthz", expect_status=503)
    response = fetch(host.url, "/healthz")
    assert response.status == 503
    body = json.loads(response.body)
    assert body["status"] == "down"
    assert body["database"] == {"ok": False, "detail": "the database does not answer"}
    assert "127.0.0.1" not in response.text  # no connection details leak


def test_an_edit_reaches_every_worker_with_the_local_memory_cache(
    host_env, gunicorn_host, coverage
):
    """Each worker caches pages in its own memory; the generation file makes all see an edit."""
    host = gunicorn_host({**host_env, "WEB_CONCURRENCY": "3", "GUNICORN_THREADS": "1"})
    url = coverage["article"].get_absolute_url()
    # Enough requests that every worker has cached the page.
    assert {fetch(host.url, url).status for _ in range(30)} == {200}

    article = coverage["article"]
    article.headline = "Nurses strike enters second week"
    article.save()

    pages = [fetch(host.url, url).text for _ in range(30)]
    assert all("Nurses strike enters second week" in page for page in pages)


def test_graceful_reload_drops_no_request(host_env, gunicorn_host, coverage):
    """Readers that never pause, before, across and after a SIGHUP reload, all get 200.

    The test waits for events (requests answered before the reload, workers replaced,
    requests answered by the new workers), never for a number of requests in a time,
    so a slow machine makes it slower, not wrong.
    """
    host = gunicorn_host({**host_env, "WEB_CONCURRENCY": "2"})
    url = coverage["quote"].get_absolute_url()
    answers, stop = [], threading.Event()  # (started, finished, status) per request

    def keep_reading():
        while not stop.is_set():
            started = time.monotonic()
            try:
                status = fetch(host.url, url, timeout=30).status
            except OSError as exc:
                status = repr(exc)
            answers.append((started, time.monotonic(), status))

    def wait_for(condition, what, seconds=90):
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            time.sleep(0.1)

    old_workers = worker_pids(host.process.pid)
    assert len(old_workers) == 2
    readers = [threading.Thread(target=keep_reading) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        wait_for(lambda: len(answers) >= 3, "answers before the reload")
        hup_at = time.monotonic()
        os.kill(host.process.pid, signal.SIGHUP)

        def replaced():
            workers = worker_pids(host.process.pid)
            return len(workers) == 2 and not workers & old_workers

        wait_for(replaced, "every worker to be replaced")
        replaced_at = time.monotonic()
        wait_for(
            lambda: sum(started > replaced_at for started, _, _ in answers) >= 3,
            "answers from the new workers",
        )
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert any(started < replaced_at and finished > hup_at for started, finished, _ in answers)
    assert {status for _, _, status in answers} == {200}


def worker_pids(master_pid):
    """The master's child processes (its workers), from /proc."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            children.add(int(stat.parent.name))
    return children


def test_pages_run_under_the_strict_csp_in_a_real_browser(host_env, gunicorn_host, coverage, page):
    """Chromium reports any inline script or style the policy blocks; there must be none."""
    host = gunicorn_host(host_env)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for key in ("article", "quote", "person", "source", "strike"):
        response = page.goto(host.url + coverage[key].get_absolute_url())
        assert response.status == 200
        page.wait_for_load_state("load")
    page.goto(host.url + "/")
    assert violations == []
    # The stylesheet did load under the policy.
    assert page.evaluate("document.styleSheets.length") >= 1
