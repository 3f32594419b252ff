"""
Index faults while a real gunicorn serves (two workers, the project's
configuration, this test's database): a segment overwritten, the table of
contents truncated, ``rebuild_index`` killed, the index's disk full. Each
asserts answers within the time limit, the right status (503 with JSON and
Retry-After while repairing, never 500 nor 200 with wrong totals), /healthz
degraded, recovery without restarting gunicorn, no traceback in its log and
nothing edited meanwhile lost.
"""

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from whoosh.filedb.filestore import FileStorage

from search import indexing, integrity
from search.backends import get_backend
from tests.production.servers import REPO, Gunicorn, fetch, server_env

from .conftest import Corpus
from .index_faults import Watch, fill, live_generation, overwrite_largest_segment, truncate_toc

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLES = 30


@contextmanager
def serving(settings, tmp_path):
    """ARTICLES articles on one word, indexed, served by gunicorn from the test's index directory."""
    settings.SEARCH_BACKEND = "whoosh"
    corpus = Corpus()
    for n in range(ARTICLES):
        corpus.article(f"Dockers strike at port {n}", [f"Dockers at port {n} walked out."] * 3)
    index_dir = settings.STRIKEWATCH_INDEX_DIR
    indexing.rebuild(get_backend())
    env = server_env(
        connection.settings_dict["NAME"],
        STRIKEWATCH_INDEX_DIR=index_dir,
        STATIC_ROOT=tmp_path / "static",
        PAGE_GENERATION_FILE=tmp_path / "page-generation",
        WEB_CONCURRENCY=2,
    )
    server = Gunicorn(workdir=tmp_path / "gunicorn", env=env)
    try:
        server.start()
        yield {"server": server, "env": env, "index": index_dir, "corpus": corpus}
    finally:
        server.stop()
        get_backend().forget()
        connections.close_all()


@pytest.fixture
def site(settings, tmp_path):
    with serving(settings, tmp_path) as served:
        yield served


def health(server):
    response = fetch(server.url, "/healthz", timeout=2)
    assert response.status == 200
    return json.loads(response.body)


def assert_clean_log(server):
    log = server.log()
    assert "Traceback" not in log, log
    assert server.process.poll() is None  # never restarted: the same master serves throughout


def settle(server, expected):
    """Both workers answer the right total (their searchers are open)."""
    watch = Watch(server.url, expected)
    for _ in range(6):
        assert not watch.ask().problem, watch.answers[-1]


@pytest.mark.parametrize("fault", [overwrite_largest_segment, truncate_toc], ids=["segment", "toc"])
def test_a_damaged_index_answers_503_then_is_rebuilt_in_the_background(site, fault):
    server, backend = site["server"], get_backend()
    settle(server, ARTICLES)
    damaged = live_generation(site["index"])
    rebuild_lock = backend.rebuild_lock()
    assert rebuild_lock.acquire(blocking=False)  # hold the rebuild back to look at the damage
    try:
        fault(site["index"])
        watch = Watch(server.url, ARTICLES)
        for _ in range(8):
            watch.ask()
        assert [a.status for a in watch.answers] == [503] * 8, watch.answers
        assert not watch.wrong
        report = health(server)
        assert report["status"] == "degraded"
        assert report["search"]["damaged"] is True and report["search"]["rebuilding"] is True
        # An edit meanwhile: its index update waits in the queue.
        late = site["corpus"].article("Dockers strike at port 99", ["Dockers at port 99."])
    finally:
        rebuild_lock.release()

    watch.expected_total = ARTICLES + 1
    assert watch.until_recovered(timeout=40) is not None, watch.answers
    assert not watch.wrong, watch.wrong
    assert live_generation(site["index"]) != damaged
    response = fetch(server.url, "/api/search?q=%22port+99%22&type=articles", timeout=5)
    assert response.status == 200 and json.loads(response.body)["total"] == 1
    assert late.get_absolute_url() in response.text
    assert health(server)["status"] == "ok"
    assert_clean_log(server)
    log = server.log()
    assert 1 <= log.count("is damaged") <= 2, log  # once per worker, not once per search
    assert "Search is unavailable" not in log


def test_a_killed_rebuild_leaves_the_good_index_serving_and_is_never_promoted(site):
    server, index = site["server"], site["index"]
    settle(server, ARTICLES)
    good = live_generation(index)
    generations = index / "generations"

    def start_rebuild():
        return subprocess.Popen(
            [sys.executable, str(REPO / "manage.py"), "rebuild_index", "--processes", "1"],
            cwd=REPO,
            env=site["env"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def new_generation(complete, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for path in generations.iterdir():
                if path != good and (not complete or integrity.is_complete(path)):
                    return path
            time.sleep(0.005)
        raise AssertionError("the rebuild wrote no new generation")

    # Killed while writing.
    rebuild = start_rebuild()
    partial = new_generation(complete=False)
    rebuild.send_signal(signal.SIGKILL)
    rebuild.wait()
    # Killed once built, while it waits for the live index's writers to let go.
    writers = FileStorage(str(good)).lock("MAIN_WRITELOCK")
    assert writers.acquire(blocking=False)
    try:
        rebuild = start_rebuild()
        unpromoted = new_generation(complete=True)
        rebuild.send_signal(signal.SIGKILL)
        rebuild.wait()
    finally:
        writers.release()

    assert live_generation(index) == good
    settle(server, ARTICLES)  # the good generation serves meanwhile
    assert unpromoted.exists()

    indexing.rebuild(get_backend())  # what the next `rebuild_index` does, in this process
    new = live_generation(index)
    assert new not in (good, partial, unpromoted)
    assert not partial.exists() and not unpromoted.exists()
    assert sorted(p.name for p in generations.iterdir()) == sorted([good.name, new.name])
    settle(server, ARTICLES)
    assert health(server)["search"]["generation"] == new.name
    assert_clean_log(server)


def test_a_full_index_disk_keeps_the_live_index_answering(settings, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root: disk-full behaviour not exercised")
    mountpoint = tmp_path / "index"
    mountpoint.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mountpoint)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()})")
    settings.STRIKEWATCH_INDEX_DIR = mountpoint
    try:
        _full_disk(settings, tmp_path, mountpoint)
    finally:
        get_backend().forget()
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def _full_disk(settings, tmp_path, mountpoint):
    with serving(settings, tmp_path) as served:
        server = served["server"]
        settle(server, ARTICLES)
        live = live_generation(mountpoint)
        filler = fill(mountpoint)
        late = served["corpus"].article("Dockers strike at port 99", ["Dockers at port 99."])
        settle(server, ARTICLES)  # the live index answers, as it was
        report = health(server)
        assert report["status"] == "degraded" and "disk is full" in report["search"]["detail"]
        with pytest.raises(CommandError, match="no space left"):  # one line, no traceback
            call_command("rebuild_index", stdout=StringIO())
        assert live_generation(mountpoint) == live
        integrity.check(live, thorough=True)

        filler.unlink()
        call_command("process_search_queue", stdout=StringIO())
        settle(server, ARTICLES + 1)
        response = fetch(server.url, "/api/search?q=%22port+99%22&type=articles", timeout=5)
        assert late.get_absolute_url() in response.text
        report = health(server)
        assert report["status"] == "ok", report
        assert_clean_log(server)
