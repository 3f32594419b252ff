"""
The index's disk runs out of space (a real, small tmpfs): writes fail, the
live generation stays intact and answering, the health report says the disk
is full, the logs say so in one line, and nothing edited meanwhile is lost.
"""

import logging
import os
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search import indexing, integrity
from search.backends import IndexUnavailable, get_backend
from search.health import index_status
from search.models import IndexQueue
from search.service import SearchParams, run_search

from .index_faults import fill

TMPFS_SIZE = "6m"


@pytest.fixture
def small_disk(settings, tmp_path):
    """STRIKEWATCH_INDEX_DIR on its own tmpfs of a few MiB (root only)."""
    mountpoint = tmp_path / "index"
    mountpoint.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root: disk-full behaviour not exercised")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", str(mountpoint)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()})")
    settings.STRIKEWATCH_INDEX_DIR = mountpoint
    yield mountpoint
    get_backend("whoosh").forget()
    subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def found(q, type="articles"):
    outcome = run_search(SearchParams(q=q, type=type))
    assert not outcome.unavailable, outcome.unavailable
    return [result.object.pk for result in outcome.results]


@pytest.fixture
def indexed_on_small_disk(settings, small_disk, newsroom):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    return backend


def test_an_update_on_a_full_disk_keeps_the_live_index_and_the_edit(
    indexed_on_small_disk, small_disk, corpus, caplog, django_capture_on_commit_callbacks
):
    backend = indexed_on_small_disk
    live = backend.live_path()
    before = found("therapists")
    filler = fill(small_disk)
    with caplog.at_level(logging.WARNING):
        with django_capture_on_commit_callbacks(execute=True):
            article = corpus.article("Bakers strike in Leeds", ["Bakers in Leeds struck."])
        assert IndexQueue.objects.filter(article_id=article.pk, done_at__isnull=True).exists()
        assert backend.live_path() == live
        integrity.check(live, thorough=True)  # the live generation is intact
        assert found("therapists") == before and found("leeds") == []
        status = index_status()
    assert status["ok"] is False and "disk is full" in status["detail"]
    assert any("disk is full" in record.getMessage() for record in caplog.records)
    assert not [record for record in caplog.records if record.exc_info]

    filler.unlink()
    indexing.drain(backend)
    assert found("leeds") == [article.pk]
    assert index_status()["ok"] is True


def test_a_rebuild_on_a_full_disk_fails_cleanly(indexed_on_small_disk, small_disk, newsroom):
    backend = indexed_on_small_disk
    live = backend.live_path()
    generations = sorted(p.name for p in (small_disk / "generations").iterdir())
    filler = fill(small_disk)
    with pytest.raises(IndexUnavailable, match="no space left"):
        indexing.rebuild(backend)
    with pytest.raises(CommandError, match="no space left"):
        call_command("rebuild_index", stdout=StringIO())
    assert backend.live_path() == live
    assert sorted(p.name for p in (small_disk / "generations").iterdir()) == generations
    integrity.check(live, thorough=True)
    assert found("premiums", "quotes") == [newsroom["quotes"]["premiums"].pk]

    filler.unlink()
    indexing.rebuild(backend)
    assert backend.live_path() != live
    assert found("premiums", "quotes") == [newsroom["quotes"]["premiums"].pk]
