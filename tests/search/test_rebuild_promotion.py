"""
A rebuild promotes a generation only once it is complete and verified; what
an interrupted rebuild left is deleted by the next one, never promoted; the
last good generation serves until a new one is promoted.
"""

import shutil

import pytest

from search import indexing, integrity
from search.backends import IndexUnavailable, get_backend
from search.backends.whoosh_index import IndexArrays
from search.documents import iter_all_documents
from search.service import SearchParams, run_search


@pytest.fixture
def whoosh(settings, newsroom):
    settings.SEARCH_BACKEND = "whoosh"
    backend = get_backend()
    indexing.rebuild(backend)
    return backend


def generations(backend):
    return sorted(path.name for path in (backend.directory / "generations").iterdir())


def found(q="premiums"):
    outcome = run_search(SearchParams(q=q))
    assert not outcome.unavailable
    return [result.object.pk for result in outcome.results]


def test_a_promoted_generation_has_its_checksums(whoosh):
    live = whoosh.live_path()
    assert integrity.is_complete(live)
    integrity.check(live, thorough=True)
    assert whoosh.status()["verified"] is True


def test_a_build_that_fails_half_way_leaves_the_live_index_and_nothing_else(whoosh, newsroom):
    live, before = whoosh.live_path(), generations(whoosh)

    def documents():
        for n, document in enumerate(iter_all_documents()):
            if n == 3:
                raise RuntimeError("the database went away")
            yield document

    with pytest.raises(RuntimeError):
        whoosh.rebuild(documents())
    assert whoosh.live_path() == live and generations(whoosh) == before
    assert found() == [newsroom["quotes"]["premiums"].pk]


def test_a_build_that_fails_verification_is_not_promoted(whoosh, newsroom, monkeypatch):
    live, before = whoosh.live_path(), generations(whoosh)
    monkeypatch.setattr(IndexArrays, "counts", lambda self: {"article": 1, "quote": 0})
    with pytest.raises(IndexUnavailable, match="not promoted"):
        indexing.rebuild(whoosh)
    monkeypatch.undo()
    assert whoosh.live_path() == live and generations(whoosh) == before
    assert found() == [newsroom["quotes"]["premiums"].pk]


def test_leftovers_of_interrupted_builds_are_deleted_never_promoted(whoosh, newsroom):
    live = whoosh.live_path()
    root = whoosh.directory / "generations"
    # A build killed while writing (no checksums), and one killed just before its
    # swap (complete, newer than the live one, never promoted).
    partial = root / "99990101T000000000000-partial"
    unpromoted = root / "99990102T000000000000-unpromoted"
    shutil.copytree(live, partial)
    (partial / integrity.MANIFEST).unlink()
    shutil.copytree(live, unpromoted)
    (whoosh.directory / ".current.deadbeef").symlink_to("generations/" + partial.name)

    assert found() == [newsroom["quotes"]["premiums"].pk]  # the live one serves meanwhile
    indexing.rebuild(whoosh)
    new = whoosh.live_path()
    assert new not in (live, partial, unpromoted)
    assert not partial.exists() and not unpromoted.exists()
    assert not list(whoosh.directory.glob(".current.*"))
    assert generations(whoosh) == sorted([live.name, new.name])  # the last good one is kept


def test_the_previous_good_generation_is_kept_not_a_damaged_one(whoosh):
    first = whoosh.live_path()
    indexing.rebuild(whoosh)
    second = whoosh.live_path()
    integrity.mark_damaged(second, "a test said so")
    indexing.rebuild(whoosh)
    assert generations(whoosh) == sorted([first.name, whoosh.live_path().name])
