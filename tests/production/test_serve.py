"""
What `make run` serves with: scripts/serve starts gunicorn and, beside it,
django-tasks-db's worker, which runs the tasks the site enqueues (here: an
article added by URL, fetched from the local test server); stopping the
script stops both.
"""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from articles.models import Article
from articles.tasks import add_article_by_url

from .servers import REPO, VENV_BIN, fetch, free_port

PAGE = REPO / "tests" / "articles" / "fetch" / "pages" / "kaiser_therapists.html"


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def served(host_env, web, tmp_path):
    port = free_port()
    env = {
        **host_env,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "VENV": str(VENV_BIN.parent),
        "FETCH_ALLOWED_HOSTS": "127.0.0.1",
        "STRIKEWATCH_ARCHIVE_DIR": str(tmp_path / "archive"),
    }
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(REPO / "scripts" / "serve")],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(url, "/healthz", timeout=5).status == 200:
                break
        except OSError:
            time.sleep(0.2)
    yield process, url, tmp_path / "serve.log"
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_the_worker_beside_gunicorn_runs_what_the_site_enqueues(served, web):
    process, url, log = served
    web.expect_request("/news/kaiser").respond_with_data(
        PAGE.read_bytes(), headers={"Content-Type": "text/html; charset=utf-8"}
    )
    assert fetch(url, "/healthz").status == 200
    result = add_article_by_url.enqueue(url=web.url_for("/news/kaiser"))
    deadline = time.monotonic() + 60
    while not result.is_finished and time.monotonic() < deadline:
        time.sleep(0.5)
        result.refresh()
    assert result.is_finished, Path(log).read_text(errors="replace")
    assert result.return_value["ok"], result.return_value
    assert Article.objects.get(pk=result.return_value["article"]).archived_pages.count() == 1


def test_stopping_the_script_stops_gunicorn_and_the_worker(served):
    process, url, _log = served
    assert fetch(url, "/healthz").status == 200
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=40)
    deadline = time.monotonic() + 10
    while group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not group_alive(process.pid)  # no gunicorn worker, no task worker left behind
    with pytest.raises(OSError):
        fetch(url, "/healthz", timeout=2)
