"""
An import run reaches the search index in a few commits rather than one per
article, made by one process beside it for the whole run, every article of
the run searchable when it ends; and the Whoosh index merges its segments by
tiers, not at every commit.
"""

import io

import pytest
from django.core.management import call_command
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from articles.importer import import_article_file, import_article_files
from articles.signals import writing_in_batch
from search import beside, indexing
from search.backends import get_backend
from search.backends.whoosh_index import SEGMENT_TIER, build_schema, merge_tiers, open_index
from search.service import SearchParams, run_search


def write_stories(folder, count):
    for n in range(count):
        (folder / f"story-{n}.txt").write_text(
            f"Source: The Sacramento Bee\nPublished: 2022-09-{n + 1:02d}\n\n"
            f"Nurses strike at hospital {n}\n\n"
            f"Nurses at hospital number {n} went on strike on Monday.\n\n"
            f"“We want safe staffing now, number {n},” said Maria Lopez, a nurse.\n",
            encoding="utf-8",
        )


@pytest.mark.django_db(transaction=True)
def test_an_import_run_reaches_the_index_in_one_commit(settings, tmp_path):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    generation = open_index(backend.live_path()).latest_generation()
    folder = tmp_path / "stories"
    folder.mkdir()
    write_stories(folder, 6)

    call_command("import_articles", str(folder), verbosity=0)

    assert open_index(backend.live_path()).latest_generation() == generation + 1
    backend.forget()
    assert run_search(SearchParams(q="nurses", type="articles")).total == 6
    assert run_search(SearchParams(q="staffing", type="quotes")).total == 6


@pytest.mark.django_db(transaction=True)
def test_saves_outside_an_import_run_still_reach_the_index_at_each_commit(settings, tmp_path):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    folder = tmp_path / "stories"
    folder.mkdir()
    write_stories(folder, 1)

    import_article_file(folder / "story-0.txt")

    backend.forget()
    assert run_search(SearchParams(q="nurses", type="articles")).total == 1


@pytest.fixture
def drainers_started(monkeypatch):
    """The processes ``search.beside`` starts beside an import run, as they start."""
    started, start_process = [], beside.start

    def start(*args):
        started.append(start_process(*args))
        return started[-1]

    monkeypatch.setattr(beside, "start", start)
    return started


@pytest.mark.django_db(transaction=True)
def test_a_long_import_run_is_indexed_by_a_process_beside_it(settings, tmp_path, drainers_started):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    started = drainers_started
    folder = tmp_path / "stories"
    folder.mkdir()
    write_stories(folder, 6)
    applied_here = indexing.counters["applied"]

    call_command("import_articles", str(folder), verbosity=0)

    assert [process.exitcode for process in started] == [0]
    assert indexing.counters["applied"] == applied_here  # the child indexed them all
    assert indexing.is_caught_up()
    backend.forget()
    assert run_search(SearchParams(q="nurses", type="articles")).total == 6
    assert run_search(SearchParams(q="staffing", type="quotes")).total == 6


@pytest.mark.django_db(transaction=True)
def test_one_process_beside_a_run_drains_all_its_batches(settings, tmp_path, drainers_started):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    started = drainers_started
    folder = tmp_path / "stories"
    folder.mkdir()
    write_stories(folder, 6)

    with writing_in_batch():
        results = list(import_article_files(sorted(folder.glob("*.txt")), batch_size=2))
        assert len(started) == 1 and started[0].is_alive()  # still draining, between batches

    assert len(results) == 6
    assert [drainer.exitcode for drainer in started] == [0]
    assert indexing.is_caught_up()
    backend.forget()
    assert run_search(SearchParams(q="nurses", type="articles")).total == 6


def _commit_one(ix, n, merge=merge_tiers):
    writer = ix.writer()
    writer.add_document(key=f"quote:{n}", article_id=str(n), text=f"picket line {n}")
    writer.commit(mergetype=merge)


def test_segments_of_one_size_are_merged_once_a_tier_has_gathered(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    counts = []
    for n in range(SEGMENT_TIER + 1):
        _commit_one(ix, n)
        counts.append(len(ix.refresh().reader().leaf_readers()))
    assert counts == [*range(1, SEGMENT_TIER + 1), 1]
    with ix.searcher() as searcher:
        assert searcher.doc_count() == SEGMENT_TIER + 1


def test_a_segment_mostly_deleted_is_rewritten(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    writer = ix.writer()
    for n in range(4):
        writer.add_document(key=f"quote:{n}", article_id=str(n), text="picket")
    writer.commit()
    writer = ix.writer()
    for n in range(3):
        writer.delete_by_term("article_id", str(n))
    writer.add_document(key="quote:9", article_id="9", text="picket")
    writer.commit(mergetype=merge_tiers)
    ix = FileStorage(str(tmp_path)).open_index()
    segments = ix._segments()
    assert len(segments) == 1
    assert segments[0].deleted_count() == 0
    assert ix.doc_count() == 2


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_rebuild_on_a_terminal_shows_its_progress(db, newsroom, settings):
    settings.SEARCH_BACKEND = "whoosh"
    terminal, captured = Terminal(), io.StringIO()
    call_command("rebuild_index", stdout=io.StringIO(), stderr=terminal)
    call_command("rebuild_index", stdout=io.StringIO(), stderr=captured)
    assert "documents/s" in terminal.getvalue()
    assert captured.getvalue() == ""
