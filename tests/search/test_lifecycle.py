"""rebuild_index, atomic swaps, missing and corrupt indexes, and the health report."""

import os
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from search import indexing
from search.backends import get_backend
from search.documents import iter_all_documents
from search.health import index_status
from search.models import IndexQueue, IndexState
from search.service import SearchParams, run_search


def found(q, type="quotes"):
    return [result.object.pk for result in run_search(SearchParams(q=q, type=type)).results]


def test_rebuild_index_command_builds_and_if_missing_skips(backend, newsroom):
    out = StringIO()
    call_command("rebuild_index", stdout=out)
    assert "3 articles and 5 quotes" in out.getvalue()
    assert found("premiums") == [newsroom["quotes"]["premiums"].pk]
    before = _identity(backend)
    out = StringIO()
    call_command("rebuild_index", "--if-missing", stdout=out)
    assert "already there; nothing to do" in out.getvalue()
    assert _identity(backend) == before


def _identity(backend):
    if backend.name == "whoosh":
        return backend.live_path()
    return IndexState.objects.get(backend="postgres").built_at


def test_rebuild_index_for_the_other_backend(settings, newsroom):
    settings.SEARCH_BACKEND = "whoosh"
    out = StringIO()
    call_command("rebuild_index", "--backend", "postgres", stdout=out)
    assert "Built the postgres search index" in out.getvalue()
    assert get_backend("postgres").status()["documents"] == {"article": 3, "quote": 5}
    assert not get_backend("whoosh").exists()


def test_rebuild_with_several_processes(settings, newsroom):
    settings.SEARCH_BACKEND = "whoosh"
    stats = indexing.rebuild(processes=2)
    assert stats["documents"] == {"article": 3, "quote": 5}
    assert found("speaker:McAleigh") and found('"life or death"')


def test_postgres_rebuilds_replace_the_tables_and_keep_their_size(settings, newsroom):
    """Each rebuild fills new tables and drops the old ones: no dead rows pile up."""
    from django.db import connection

    from search.backends.postgres import INDEX_TABLES

    settings.SEARCH_BACKEND = "postgres"

    def indexes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tablename, indexname FROM pg_indexes WHERE tablename = ANY(%s) ORDER BY 1, 2",
                [list(INDEX_TABLES)],
            )
            return cursor.fetchall()

    before = indexes()
    sizes = [indexing.rebuild()["bytes"] for _ in range(3)]
    assert sizes[0] == sizes[1] == sizes[2]
    assert indexes() == before  # the same indexes, under the names migrations know
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%%\\_build'")
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'search_searchdocument'::regclass "
            "AND contype = 'p'"
        )
        assert cursor.fetchone()[0] == 1
    assert found("speaker:McAleigh") and found('"life or death"')


def test_the_live_index_keeps_serving_while_a_new_one_is_built(settings, newsroom, corpus):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    old = backend.live_path()
    seen_during_build = []

    def documents():
        for n, document in enumerate(iter_all_documents()):
            if n == 2:
                seen_during_build.append((backend.live_path(), found("premiums")))
            yield document

    backend.rebuild(documents())
    assert seen_during_build == [(old, [newsroom["quotes"]["premiums"].pk])]
    assert backend.live_path() != old
    assert os.readlink(backend.current_link) == f"generations/{backend.live_path().name}"
    assert found("premiums") == [newsroom["quotes"]["premiums"].pk]


def test_updates_applied_to_the_old_index_during_a_build_reach_the_new_one(
    backend, newsroom, corpus, django_capture_on_commit_callbacks
):
    indexing.rebuild(backend)
    late = {}

    def documents():
        for n, document in enumerate(iter_all_documents()):
            if n == 1:
                with django_capture_on_commit_callbacks(
                    execute=True
                ):  # another editor saves meanwhile
                    late["article"] = corpus.article(
                        "Porters walk out at Euston", ["Porters walked out."]
                    )
                    late["headline"] = newsroom["articles"]["nurses"]
                    late["headline"].headline = "Nurses win safe staffing at Sutter"
                    late["headline"].save()
            yield document

    _rebuild_with(backend, documents())
    assert found("porters", "articles") == [late["article"].pk]
    assert found("headline:win", "articles") == [late["headline"].pk]


def _rebuild_with(backend, documents):
    """indexing.rebuild, with the documents supplied (to act in the middle of the build)."""
    started = indexing._database_clock()
    backend.rebuild(documents, on_swapped=lambda: indexing._replay_claimed_since(started))
    indexing.drain(backend)


def test_old_generations_are_removed(settings, newsroom):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    for _ in range(4):
        indexing.rebuild(backend)
    generations = sorted(p.name for p in (backend.directory / "generations").iterdir())
    assert len(generations) == 2
    assert backend.live_path().name == generations[-1]


def test_a_missing_index_keeps_the_site_up_and_says_so(client, backend, newsroom):
    response = client.get(reverse("search:search"), {"q": "premiums"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Search is being rebuilt" in html and 'role="alert"' in html
    api = client.get(reverse("search:api"), {"q": "premiums"})
    assert api.status_code == 503 and api.json()["error"] == "index_unavailable"
    assert client.get(reverse("articles:home")).status_code == 200
    assert client.get(newsroom["quotes"]["premiums"].get_absolute_url()).status_code == 200
    status = index_status()
    assert status["ok"] is False
    assert "not been built" in status["detail"]


def test_a_corrupt_index_says_so_and_rebuild_if_missing_repairs_it(client, settings, newsroom):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    backend.forget()
    for path in backend.live_path().iterdir():
        if path.suffix in {".toc", ".seg"} or path.name.endswith(".trm"):
            path.write_bytes(b"\x00garbage" * 10)
    response = client.get(reverse("search:search"), {"q": "premiums"})
    assert response.status_code == 503
    assert "Search is being repaired" in response.content.decode()
    assert index_status()["ok"] is False
    out = StringIO()
    call_command("rebuild_index", "--if-missing", stdout=out)
    assert "Built the whoosh search index" in out.getvalue()
    assert index_status()["ok"] is True
    assert found("premiums") == [newsroom["quotes"]["premiums"].pk]


def test_a_deleted_index_directory(client, settings, newsroom):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    assert found("premiums")
    import shutil

    shutil.rmtree(backend.directory)
    assert client.get(reverse("search:search"), {"q": "premiums"}).status_code == 503


def test_health_report(backend, indexed):
    status = index_status()
    assert status["ok"] is True
    assert status["backend"] == backend.name
    assert status["documents"] == {"article": 3, "quote": 5} == status["database"]
    assert status["in_sync"] is True
    assert status["queue"]["due"] == 0
    assert status["queue"]["scheduled"] == 1  # the embargoed article


def test_health_reports_stalled_updates(backend, indexed):
    IndexQueue.objects.create(
        article_id=indexed["articles"]["nurses"].pk, due_at=timezone.now() - timedelta(minutes=30)
    )
    status = index_status()
    assert status["ok"] is False
    assert "have waited" in status["detail"] and "process_search_queue" in status["detail"]
    call_command("process_search_queue", stdout=StringIO())
    assert index_status()["ok"] is True


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend_name", ["whoosh", "postgres"])
def test_a_missing_index_is_rebuilt_in_the_background(client, settings, backend_name):
    from .conftest import Corpus

    settings.SEARCH_BACKEND = backend_name
    settings.SEARCH_AUTO_REBUILD = True
    corpus = Corpus()
    article = corpus.article("Tram drivers strike in Manchester", ["Tram drivers struck."])
    response = client.get(reverse("search:search"), {"q": "tram", "type": "articles"})
    assert response.status_code == 503
    thread = indexing.background_rebuild_thread()
    assert thread is not None
    thread.join(timeout=60)
    assert not thread.is_alive()
    response = client.get(reverse("search:search"), {"q": "tram", "type": "articles"})
    assert response.status_code == 200
    assert f'href="{article.get_absolute_url()}"' in response.content.decode()
    connections.close_all()
