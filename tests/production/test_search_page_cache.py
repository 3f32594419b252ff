"""
Repeated searches are served from the page cache: keyed on the search form's
parameters only, kept apart from the reading pages, new after every edit, and
never kept while the index is still catching up with one.
"""

import pytest
from django.test import Client

from search import indexing
from strikewatch import page_cache

SEARCH = "/search/"


@pytest.fixture
def anonymous():
    # REMOTE_ADDR is this machine: exempt from the rate limits, as in production.
    return Client()


def test_a_repeated_search_is_served_without_searching_or_touching_the_database(
    anonymous, search_index, django_assert_num_queries
):
    first = anonymous.get(SEARCH, {"q": "short-staffed"})
    assert first.status_code == 200
    assert search_index["article"].headline in first.text
    with django_assert_num_queries(0):
        again = anonymous.get(SEARCH, {"q": "short-staffed"})
        # A parameter the search form does not read is the same search.
        tagged = anonymous.get(f"{SEARCH}?q=short-staffed&utm_source=x&x=123")
    assert again.content == first.content == tagged.content
    # The search lives in its own store: the reading pages' store holds none of it.
    assert len(page_cache.result_store()._cache) == 1


def test_every_parameter_of_the_search_form_varies_the_cached_page(anonymous, search_index):
    pages = {
        anonymous.get(SEARCH, params).content
        for params in (
            {"q": "nurses"},
            {"q": "nurses", "type": "quotes"},
            {"q": "nurses", "sort": "newest"},
            {"q": "nurses", "speaker": "Dana Ortiz"},
            {"q": "short-staffed"},
        )
    }
    assert len(pages) == 5
    assert len(page_cache.result_store()._cache) == 5


def test_an_edit_shows_in_the_next_search(
    anonymous, search_index, django_capture_on_commit_callbacks
):
    article = search_index["article"]
    assert "Walkout ends" not in anonymous.get(SEARCH, {"q": "nurses"}).text
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Walkout ends as nurses ratify contract"
        article.save()
    assert "Walkout ends as nurses ratify contract" in anonymous.get(SEARCH, {"q": "nurses"}).text


def test_results_are_not_kept_while_the_index_is_catching_up(
    anonymous, search_index, django_assert_max_num_queries
):
    indexing.enqueue([search_index["article"].pk])  # committed, not yet applied
    assert not indexing.is_caught_up()
    first = anonymous.get(SEARCH, {"q": "nurses"})
    assert first.status_code == 200
    assert len(page_cache.result_store()._cache) == 0
    with django_assert_max_num_queries(50) as queries:
        anonymous.get(SEARCH, {"q": "nurses"})
    assert len(queries) > 0  # searched again


def test_editors_searches_are_never_kept(anonymous, search_index, admin_user):
    anonymous.force_login(admin_user)
    response = anonymous.get(SEARCH, {"q": "nurses"})
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert len(page_cache.result_store()._cache) == 0
