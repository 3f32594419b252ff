"""
A damaged Whoosh index (a segment overwritten, the table of contents cut
short, an unreadable generation) answers 503 "being repaired", never 200 with
results from it; the health report says so; a background rebuild replaces it
and nothing edited meanwhile is lost.
"""

import logging
import os

import pytest
from django.db import connections
from django.urls import reverse

from search import indexing, integrity
from search.backends import IndexDamaged, get_backend
from search.health import index_status

from .conftest import Corpus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def served(settings):
    """Twelve articles on one word, indexed and searched once (the searcher is open)."""
    settings.SEARCH_BACKEND = "whoosh"
    corpus = Corpus()
    articles = [
        corpus.article(f"Dockers strike at port {n}", [f"Dockers at port {n} walked out."])
        for n in range(12)
    ]
    backend = get_backend()
    indexing.rebuild(backend)
    yield {"backend": backend, "articles": articles, "corpus": corpus}
    thread = indexing.background_rebuild_thread()
    if thread is not None:
        thread.join(timeout=60)
    connections.close_all()


def api(client, q="dockers"):
    return client.get(reverse("search:api"), {"q": q, "type": "articles"})


def largest_segment(backend):
    return max(backend.live_path().glob("*.seg"), key=lambda path: path.stat().st_size)


def overwrite(path, offset, length=4 << 20):
    """What ``dd if=/dev/urandom of=path bs=1M count=4 seek=… conv=notrunc`` does."""
    with open(path, "r+b") as file:
        file.seek(offset)
        file.write(os.urandom(length))


def assert_repairing(client):
    response = api(client)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.json()
    assert body["error"] == "index_unavailable" and body["repairing"] is True
    assert "being repaired" in body["detail"]
    page = client.get(reverse("search:search"), {"q": "dockers"})
    assert page.status_code == 503 and "Search is being repaired" in page.content.decode()


def rebuilt_in_background(client):
    """Let the rebuild the failing searches started finish; the next search is answered."""
    thread = indexing.background_rebuild_thread()
    assert thread is not None
    thread.join(timeout=60)
    assert not thread.is_alive()
    return api(client)


@pytest.mark.parametrize("where", ["middle", "start"])
def test_an_overwritten_segment_answers_503_and_is_rebuilt(client, settings, served, where):
    backend = served["backend"]
    assert api(client).json()["total"] == 12
    damaged = backend.live_path()
    segment = largest_segment(backend)
    overwrite(segment, segment.stat().st_size // 2 if where == "middle" else 0)

    assert_repairing(client)
    status = index_status()
    assert status["ok"] is False and status["damaged"] is True
    assert "changed after it was written" in status["detail"]
    assert integrity.damage(damaged)  # every process sees it

    settings.SEARCH_AUTO_REBUILD = True
    api(client)
    response = rebuilt_in_background(client)
    assert response.status_code == 200 and response.json()["total"] == 12
    assert backend.live_path() != damaged
    assert not damaged.exists()  # a damaged generation is not kept as the previous one
    assert index_status()["ok"] is True


def test_a_truncated_table_of_contents_answers_503_and_is_rebuilt(client, settings, served):
    backend = served["backend"]
    assert api(client).json()["total"] == 12
    (toc,) = backend.live_path().glob("*.toc")
    os.truncate(toc, toc.stat().st_size // 3)

    assert_repairing(client)
    settings.SEARCH_AUTO_REBUILD = True
    api(client)
    response = rebuilt_in_background(client)
    assert response.status_code == 200 and response.json()["total"] == 12


def test_edits_made_while_damaged_are_indexed_by_the_rebuild(client, settings, served):
    backend = served["backend"]
    overwrite(largest_segment(backend), 0, 4096)
    assert_repairing(client)
    late = served["corpus"].article("Dockers strike at port 99", ["Dockers at port 99 too."])
    served["articles"][0].delete()
    settings.SEARCH_AUTO_REBUILD = True
    api(client)
    response = rebuilt_in_background(client)
    assert response.status_code == 200 and response.json()["total"] == 12
    found = {result["url"] for result in response.json()["results"]}
    assert any(late.get_absolute_url() in url for url in found)
    assert index_status()["queue"]["due"] == 0


def test_a_read_error_without_checksums_marks_the_index_damaged(served, caplog):
    """An index from before checksums: a reading error that persists is damage too."""
    backend = served["backend"]
    live = backend.live_path()
    (live / integrity.MANIFEST).unlink()
    backend.forget()
    backend._checked_in_full.clear()
    for path in live.glob("*.seg"):
        overwrite(path, 0, 64)
    from search.service import SearchParams, run_search

    with caplog.at_level(logging.WARNING):
        outcome = run_search(SearchParams(q="dockers", type="articles"))
        assert outcome.unavailable and outcome.repairing
        with pytest.raises(IndexDamaged):
            backend.counts()
    assert integrity.damage(live)
    assert not [record for record in caplog.records if record.exc_info]  # no traceback


def test_a_file_touched_but_unchanged_is_not_damage(client, served):
    backend = served["backend"]
    segment = largest_segment(backend)
    os.utime(segment, ns=(1, 1))
    response = api(client)
    assert response.status_code == 200 and response.json()["total"] == 12
    assert not integrity.damage(backend.live_path())


def test_updates_to_a_healthy_index_keep_its_checksums_current(client, served):
    """Each commit records its new files: the index stays verifiable after edits."""
    backend = served["backend"]
    before = set(integrity.read_manifest(backend.live_path()))
    served["corpus"].article("Dockers strike at port 77", ["Dockers at port 77."])
    after = integrity.read_manifest(backend.live_path())
    assert set(after) != before
    assert set(after) == {
        path.name for path in backend.live_path().iterdir() if path.suffix in (".seg", ".toc")
    }
    integrity.check(backend.live_path(), thorough=True)
    assert api(client).json()["total"] == 13


def test_an_update_that_fails_to_read_the_index_stays_queued_without_a_traceback(
    served, monkeypatch, caplog
):
    """A codec error while rewriting an article's documents: the update waits in the queue."""
    import zlib

    from whoosh.writing import SegmentWriter

    from search.models import IndexQueue

    def unreadable(self, fieldname, text, searcher=None):
        raise zlib.error("Error -3 while decompressing data: invalid block type")

    monkeypatch.setattr(SegmentWriter, "delete_by_term", unreadable)
    with caplog.at_level(logging.WARNING):
        late = served["corpus"].article("Dockers strike at port 55", ["Dockers at port 55."])
    assert IndexQueue.objects.filter(article_id=late.pk, done_at__isnull=True).exists()
    assert any("writing to the search index failed" in r.getMessage() for r in caplog.records)
    assert not [record for record in caplog.records if record.exc_info]
    monkeypatch.undo()
    assert indexing.drain(served["backend"]) == 1
    assert served["backend"].counts()["article"] == 13
