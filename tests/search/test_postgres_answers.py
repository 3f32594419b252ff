"""
The PostgreSQL backend answers a repeated search from what it kept, with one
indexed read of the index's version, and never gives a kept answer once the
index has changed: an index write, a rebuild.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import indexing
from search.backends import get_backend
from search.backends.base import SearchQuery
from search.querylang import parse_query
from search.service import SearchParams, run_search


@pytest.fixture
def postgres(settings, newsroom):
    settings.SEARCH_BACKEND = "postgres"
    backend = get_backend()
    indexing.rebuild(backend)
    return backend


def search(q, type="quotes"):
    return run_search(SearchParams(q=q, type=type))


def backend_queries(backend, q):
    """The SQL the backend runs for one search of ``q``."""
    with CaptureQueriesContext(connection) as captured:
        hits = backend.search(SearchQuery(tree=parse_query(q).tree, kind="quote"))
    return hits, [query["sql"] for query in captured.captured_queries]


def test_a_repeated_search_reads_only_the_index_version(postgres):
    first, first_sql = backend_queries(postgres, "strike OR picket")
    again, again_sql = backend_queries(postgres, "strike OR picket")
    assert len(first_sql) > 1
    assert len(again_sql) == 1
    assert "search_indexstate" in again_sql[0]
    assert (again.keys, again.total, again.facets) == (first.keys, first.total, first.facets)


def test_an_answer_handed_out_cannot_change_the_kept_one(postgres):
    first, _ = backend_queries(postgres, "strike")
    first.keys.clear()
    first.facets.clear()
    again, _ = backend_queries(postgres, "strike")
    assert again.keys and again.total


def test_an_index_write_is_seen_by_the_next_search(postgres, corpus):
    assert search("lockout").total == 0
    article = corpus.article("Port lockout enters second week", ["The lockout continues."])
    corpus.quote(article, "The lockout continues")
    indexing.drain(postgres)
    assert search("lockout").total == 1
    assert search("lockout", "articles").total == 1


def test_a_rebuild_is_seen_by_the_next_search(postgres, corpus):
    before = search("therapists", "articles").total
    corpus.article("Therapists vote again", ["Therapists voted on Monday."])
    indexing.rebuild(postgres)
    assert search("therapists", "articles").total == before + 1
