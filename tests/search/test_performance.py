"""
What the search page does to stay fast, on both backends: totals counted up
to a bound (and said to be lower bounds beyond it), facets cut to the ones
shown, outlet and speaker names kept per process, one query to load a
page's hits, and the index loaded as a web process starts. None of it may change what a reader sees.
"""

import re

import numpy as np
import pytest
from django.db import connection
from django.template import RequestContext, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Source
from search import indexing, labels
from search.backends import get_backend, postgres, warm_in_background
from search.backends.base import EXACT_COUNT_LIMIT, Hits, SearchQuery
from search.documents import iter_all_documents
from search.querylang import parse_query
from search.service import SearchParams, run_search

from .conftest import at

PAGE_CACHE_QUERIES = (
    "FROM search_indexqueue WHERE done_at IS NULL",
    'MIN("articles_article"."published_at")',
)


@pytest.fixture
def crowded(corpus, backend):
    """Six quotes with one word in common, from outlets and speakers of different sizes."""
    union = Source.objects.create(name="Union Weekly", slug="union-weekly")
    ada, bo, cy = (corpus.person(name) for name in ("Ada Alvarez", "Bo Brennan", "Cy Castillo"))
    plan = [
        (corpus.bee, ada),
        (corpus.bee, ada),
        (corpus.bee, bo),
        (corpus.kcra, bo),
        (corpus.kcra, cy),
        (union, None),
    ]
    for n, (source, speaker) in enumerate(plan):
        article = corpus.article(
            f"Report {n}",
            [f"“Walkout number {n} is on,” they said."],
            source=source,
            published_at=at(2022, 3, 1 + n),
        )
        corpus.quote(
            article, f"Walkout number {n} is on", speaker, mention="" if speaker else "a steward"
        )
    indexing.rebuild(backend)
    return {"bee": corpus.bee, "kcra": corpus.kcra, "union": union, "ada": ada, "bo": bo, "cy": cy}


# Totals beyond the bound ----------------------------------------------------------------


def _lower_bound(search):
    """A backend search whose answers say counting stopped (as PostgreSQL's does past the bound)."""

    def capped(query):
        hits = search(query)
        return Hits(keys=hits.keys, total=hits.total, facets=hits.facets, total_is_lower_bound=True)

    return capped


def test_a_lower_bound_total_reads_as_such_on_the_page(client, crowded, backend, monkeypatch):
    monkeypatch.setattr(backend, "search", _lower_bound(backend.search))
    html = client.get(reverse("search:search"), {"q": "walkout"}).content.decode()
    assert "6+ quotes for “walkout”" in html
    assert re.search(r"The Sacramento Bee <span class=\"count\">\(3\+<span", html)
    assert "Download the first 10,000 of these 6+ quotes as CSV" in html


def test_a_lower_bound_total_is_flagged_in_the_api(client, crowded, backend, monkeypatch):
    data = client.get(reverse("search:api"), {"q": "walkout"}).json()
    assert data["total"] == 6 and data["total_is_lower_bound"] is False
    monkeypatch.setattr(backend, "search", _lower_bound(backend.search))
    data = client.get(reverse("search:api"), {"q": "walkout"}).json()
    assert data["total"] == 6 and data["total_is_lower_bound"] is True


def test_exact_totals_show_no_plus(client, crowded):
    html = client.get(reverse("search:search"), {"q": "walkout"}).content.decode()
    assert "6 quotes for “walkout”" in html
    assert "+<span" not in html and "6+" not in html


def test_postgres_stops_counting_at_the_bound(crowded, backend, settings, monkeypatch):
    if backend.name != "postgres":
        pytest.skip("the Whoosh backend counts every match (its counts are array operations)")
    monkeypatch.setattr(postgres, "EXACT_COUNT_LIMIT", 4)
    for rank_window in (True, False):
        settings.SEARCH_POSTGRES_RANK_WINDOW = rank_window
        outcome = run_search(SearchParams(q="walkout"))
        assert (outcome.total, outcome.total_is_lower_bound) == (4, True)
        # The facets count the matches counted: the first 5.
        assert sum(facet.count for facet in outcome.facets["source"]) == 5
        newest = run_search(SearchParams(q="walkout", sort="newest"))
        assert (newest.total, newest.total_is_lower_bound) == (4, True)
    monkeypatch.setattr(postgres, "EXACT_COUNT_LIMIT", 6)
    outcome = run_search(SearchParams(q="walkout"))
    assert (outcome.total, outcome.total_is_lower_bound) == (6, False)


def test_postgres_capped_count_reads_as_a_lower_bound(client, crowded, backend, monkeypatch):
    """Past the bound the page says "4+", the API flags its total; below it both are exact."""
    if backend.name != "postgres":
        pytest.skip("the Whoosh backend counts every match")
    monkeypatch.setattr(postgres, "EXACT_COUNT_LIMIT", 4)
    html = client.get(reverse("search:search"), {"q": "walkout"}).content.decode()
    assert "4+ quotes for “walkout”" in html
    assert "best matches shown are from the" in html
    data = client.get(reverse("search:api"), {"q": "walkout"}).json()
    assert data["total"] == 4 and data["total_is_lower_bound"] is True
    assert len(data["results"]) == 4  # the best of the newest 4
    monkeypatch.setattr(postgres, "EXACT_COUNT_LIMIT", 6)
    data = client.get(reverse("search:api"), {"q": "walkout"}).json()
    assert data["total"] == 6 and data["total_is_lower_bound"] is False


@pytest.mark.parametrize("type", ["quotes", "articles"])
def test_postgres_ranks_the_newest_matches_it_counts(crowded, backend, settings, monkeypatch, type):
    """Quotes are ranked as the date walk reads them, articles once the newest are kept."""
    if backend.name != "postgres":
        pytest.skip("an option of the PostgreSQL backend")
    monkeypatch.setattr(postgres, "EXACT_COUNT_LIMIT", 4)
    settings.SEARCH_POSTGRES_RANK_WINDOW = False
    every = run_search(SearchParams(q="walkout", type=type))
    assert len(every.results) == 6  # every match ranked, though counting stopped at 4
    assert not any("most recent" in notice for notice in every.notices)
    settings.SEARCH_POSTGRES_RANK_WINDOW = True
    windowed = run_search(SearchParams(q="walkout", type=type))
    newest = sorted(every.results, key=lambda result: result.article.published_at, reverse=True)[:4]
    assert {result.object.pk for result in windowed.results} == {
        result.object.pk for result in newest
    }
    assert any("best matches shown are from the" in notice for notice in windowed.notices)
    # The newest and oldest orders are exact, whether or not the count stopped.
    for sort in ("newest", "oldest"):
        assert [
            r.object.pk for r in run_search(SearchParams(q="walkout", sort=sort, type=type)).results
        ][:4] == [
            r.object.pk
            for r in sorted(
                every.results,
                key=lambda result: result.article.published_at,
                reverse=sort == "newest",
            )
        ][:4]
    monkeypatch.setattr(postgres, "EXACT_COUNT_LIMIT", 6)  # every match counted: ranked as ever
    assert [r.object.pk for r in run_search(SearchParams(q="walkout", type=type)).results] == [
        r.object.pk for r in every.results
    ]


@pytest.mark.parametrize(
    "q, sort, extra",
    [
        ("walkout", "relevance", {}),
        ("walkout number", "relevance", {}),
        ('"number 3" OR "number 4" OR walkout', "relevance", {}),
        ("walkout NOT 2", "oldest", {}),
        ("walkout", "newest", {"source": "sacramento-bee"}),
        ("walkout", "relevance", {"type": "articles"}),
        ("report", "relevance", {"type": "articles", "page": 2}),
    ],
)
def test_postgres_ranking_the_counted_matches_changes_nothing_below_the_bound(
    crowded, backend, settings, q, sort, extra
):
    """Fewer matches than the bound: the one-statement search is the rank-everything one."""
    if backend.name != "postgres":
        pytest.skip("an option of the PostgreSQL backend")

    def answer(rank_window):
        settings.SEARCH_POSTGRES_RANK_WINDOW = rank_window
        outcome = run_search(SearchParams(q=q, sort=sort, **extra))
        return (
            [(result.kind, result.object.pk) for result in outcome.results],
            outcome.total,
            outcome.total_is_lower_bound,
            {name: [(f.value, f.count) for f in values] for name, values in outcome.facets.items()},
            outcome.notices,
        )

    assert answer(True) == answer(False)


def test_postgres_counts_and_pages_in_one_statement(crowded, backend):
    """The words are made a tsquery once, then one statement reads the documents once."""
    if backend.name != "postgres":
        pytest.skip("PostgreSQL only")
    query = SearchQuery(tree=parse_query("walkout").tree, kind="quote", facet_limit=12)
    with CaptureQueriesContext(connection) as captured:
        hits = backend.search(query)
    statements = [query["sql"] for query in captured.captured_queries]
    assert len(statements) == 2
    assert "search_searchdocument" not in statements[0]
    assert "to_tsquery" not in statements[1] and "search_searchdocument" in statements[1]
    assert hits.total == 6 and len(hits.keys) == 6 and hits.facets["source"]["kcra-3"] == 2


def test_postgres_lays_each_kind_out_newest_first(crowded, backend):
    """
    A rebuild stores each kind together, newest first: the order a search of a
    common word walks its matches in, so the rows it reads share pages.
    """
    if backend.name != "postgres":
        pytest.skip("PostgreSQL only")
    # The rebuild alone (indexing.rebuild then replays the queue, which rewrites the
    # fixture's articles as their edits would).
    backend.rebuild(iter_all_documents())
    with connection.cursor() as cursor:
        cursor.execute("SELECT kind, published_at, key FROM search_searchdocument ORDER BY ctid")
        stored = cursor.fetchall()
    assert {kind for kind, _, _ in stored} == {"quote", "article"}
    assert len(stored) == 12  # six articles and their six quotes
    assert stored == sorted(stored, key=lambda row: (row[0], -row[1].timestamp(), row[2]))


def test_postgres_walks_an_index_in_both_date_orders(crowded, backend):
    """
    Newest first and oldest first (undated documents last in both) are each an
    index's order, so a page of a common word's matches in either is read by
    walking it, not by sorting every match.
    """
    if backend.name != "postgres":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")  # a sort only where no index gives the order
        for order, index in (
            (postgres.NEWEST_FIRST, "search_doc_kind_date_idx"),
            (postgres.OLDEST_FIRST, "search_doc_kind_oldest_idx"),
        ):
            cursor.execute(
                f"EXPLAIN SELECT key FROM search_searchdocument WHERE kind = 'quote' "
                f"ORDER BY {order} LIMIT 20"
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert (
                f"Index Scan using {index}" in plan or f"Index Scan Backward using {index}" in plan
            )


def test_a_suggestion_is_checked_without_ranking_every_match(crowded, backend):
    """
    Whether a corrected query finds anything is asked for one match, the
    newest: ranking would read every match of a common word to show none.
    """
    with CaptureQueriesContext(connection) as captured:
        outcome = run_search(SearchParams(q="walkoutt"))
    assert outcome.total == 0 and outcome.suggestion == "walkout"
    if backend.name == "postgres":
        ranked = [query["sql"] for query in captured.captured_queries if "ts_rank" in query["sql"]]
        assert len(ranked) == 1  # the search itself, of the misspelt word


def test_postgres_reports_a_missing_index_from_its_one_statement(crowded, backend):
    if backend.name != "postgres":
        pytest.skip("PostgreSQL only")
    from search.backends import IndexUnavailable
    from search.models import IndexState

    IndexState.objects.filter(backend="postgres").delete()
    with pytest.raises(IndexUnavailable):
        backend.search(SearchQuery(tree=parse_query("nothingmatches").tree, kind="quote"))


def test_whoosh_counts_exactly_past_the_bound(crowded, backend):
    if backend.name != "whoosh":
        pytest.skip("Whoosh only")
    assert EXACT_COUNT_LIMIT >= 5_000  # never below what paging reaches (MAX_PAGE * PER_PAGE)
    outcome = run_search(SearchParams(q="walkout"))
    assert (outcome.total, outcome.total_is_lower_bound) == (6, False)


# Facets -----------------------------------------------------------------------------------


def test_backends_return_the_largest_facets_and_their_ties(crowded, backend):
    query = SearchQuery(tree=parse_query("walkout").tree, kind="quote", facet_limit=1)
    facets = backend.search(query).facets
    assert facets["source"] == {"sacramento-bee": 3}
    assert facets["speaker"] == {crowded["ada"].slug: 2, crowded["bo"].slug: 2}  # tied for first
    everything = backend.search(SearchQuery(tree=parse_query("walkout").tree, kind="quote")).facets
    assert everything["source"] == {"sacramento-bee": 3, "kcra-3": 2, "union-weekly": 1}
    assert everything["speaker"] == {
        crowded["ada"].slug: 2,
        crowded["bo"].slug: 2,
        crowded["cy"].slug: 1,
    }


def test_facet_links_match_the_querystring_tag(client, crowded):
    response = client.get(reverse("search:search"), {"q": "walkout", "page": "1", "sort": "newest"})
    html = response.content.decode()
    expected = Template("{% querystring source='kcra-3' page=None %}").render(
        RequestContext(response.wsgi_request)
    )
    assert f'href="/search/{expected}"' in html
    assert 'href="/search/?q=walkout&amp;sort=newest&amp;source=kcra-3"' in html


def test_facet_labels_follow_renames(client, crowded):
    assert "Union Weekly" in client.get(reverse("search:search"), {"q": "walkout"}).content.decode()
    union = crowded["union"]
    union.name = "The Union Weekly Record"
    union.save()  # starts a new content generation: every process forgets its names
    assert (
        "The Union Weekly Record"
        in client.get(reverse("search:search"), {"q": "walkout"}).content.decode()
    )


def test_labels_are_kept_between_searches(crowded, django_assert_num_queries):
    wanted = {
        "source": ["kcra-3", "union-weekly"],
        "speaker": [crowded["bo"].slug, "nobody-by-that-name"],
    }
    with django_assert_num_queries(1):
        first = labels.names(wanted)
    with django_assert_num_queries(1):  # the unknown slug is asked again; the rest are kept
        assert labels.names(wanted) == first
    assert first == {
        "source": {"kcra-3": "KCRA 3", "union-weekly": "Union Weekly"},
        "speaker": {crowded["bo"].slug: "Bo Brennan"},
    }
    with django_assert_num_queries(0):
        assert labels.name("source", "kcra-3") == "KCRA 3"


def test_labels_follow_a_change_announced_in_another_process(crowded):
    """Names are kept per process; a change another process announces reaches them too."""
    from articles.models import Source
    from strikewatch import page_cache

    assert labels.name("source", "union-weekly") == "Union Weekly"
    Source.objects.filter(slug="union-weekly").update(name="Union Weekly Record")  # no signal here
    assert labels.name("source", "union-weekly") == "Union Weekly"
    page_cache.start_new_generation()  # what another worker's edit does
    assert labels.name("source", "union-weekly") == "Union Weekly Record"


# Fewer queries ----------------------------------------------------------------------------


def test_a_results_page_costs_one_query_for_its_hits(client, crowded, backend):
    client.get(
        reverse("search:search"), {"q": "walkout"}
    )  # names of outlets and speakers now known
    indexing._last_due_check = float(
        "inf"
    )  # (the once-a-minute queue check is not what is measured)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("search:search"), {"q": "walkout", "source": "kcra-3"})
    assert "2 quotes for “walkout” in KCRA 3" in response.content.decode()
    # The page cache, storing this first answer, asks whether the index has caught up
    # and when the next scheduled article goes public; a repeat costs no query at all.
    queries = [query["sql"] for query in captured.captured_queries]
    searching = [sql for sql in queries if not any(mark in sql for mark in PAGE_CACHE_QUERIES)]
    assert len(queries) - len(searching) <= 2
    # Whoosh: the hits' rows. PostgreSQL: its tsquery, then its page and counts as well.
    assert len(searching) <= (1 if backend.name == "whoosh" else 3), searching
    with CaptureQueriesContext(connection) as repeated:
        client.get(reverse("search:search"), {"q": "walkout", "source": "kcra-3"})
    assert repeated.captured_queries == []


def test_result_items_read_as_before(client, crowded):
    html = client.get(reverse("search:search"), {"q": "walkout", "sort": "oldest"}).content.decode()
    assert '<a class="speaker" href="/people/ada-alvarez/">Ada Alvarez</a>' in html
    assert "a steward" in html  # unattributed, named as the text names them
    assert re.search(r'<time datetime="2022-03-01T12:00:00[^"]*">March 1, 2022</time>', html)
    assert re.search(r'<a href="/quotes/\d+/">“<mark>Walkout</mark> number 0 is on”</a>', html)
    articles = client.get(
        reverse("search:search"), {"q": "walkout", "type": "articles"}
    ).content.decode()
    assert re.search(
        r'<h3 class="teaser__title"><a href="/articles/report-\d/">Report \d</a></h3>', articles
    )
    assert '<p class="search-snippet">“<mark>Walkout</mark> number' in articles


def test_unattributed_quotes_say_so(client, corpus, backend):
    article = corpus.article("Quiet picket", ["“Nobody claimed this sentence about zeppelins.”"])
    corpus.quote(article, "Nobody claimed this sentence about zeppelins.")
    indexing.rebuild(backend)
    html = client.get(reverse("search:search"), {"q": "zeppelins"}).content.decode()
    assert '<span class="speaker speaker--unknown">Unattributed</span>' in html


# PostgreSQL: fields checked on the small rank vector --------------------------------------------


def test_headline_and_text_fields_keep_their_meaning(corpus, backend):
    headline = corpus.article("Zanzibar dockers walk out", ["Nothing here names the island."])
    body = corpus.article("Dockers walk out", ["The dockers of Zanzibar walked out at dawn."])
    said = corpus.quote(body, "The dockers of Zanzibar walked out at dawn.")
    indexing.rebuild(backend)

    def found(q, type):
        return sorted(
            result.object.pk for result in run_search(SearchParams(q=q, type=type)).results
        )

    assert found("headline:zanzibar", "articles") == [headline.pk]
    assert found("text:zanzibar", "articles") == [body.pk]
    assert found('headline:"zanzibar dockers"', "articles") == [headline.pk]
    assert found("headline:zanz*", "articles") == [headline.pk]
    assert found("text:zanzibar", "quotes") == [said.pk]
    assert found('text:"dockers of zanzibar"', "quotes") == [said.pk]
    assert found("headline:zanzibar", "quotes") == []


# Loading the Whoosh index ------------------------------------------------------------------------


def test_columns_are_read_as_whoosh_reads_them(indexed, backend):
    if backend.name != "whoosh":
        pytest.skip("Whoosh only")
    from search.backends import whoosh_arrays

    searcher = backend._open().searcher
    for segment, _offset in searcher.reader().leaf_readers():
        columns = whoosh_arrays._SegmentColumns(segment)
        count = segment.doc_count_all()
        kinds = [
            whoosh_arrays.KINDS[v.decode()] for v in segment.column_reader("kind", translate=False)
        ]
        assert columns.kind.tolist() == kinds
        assert columns.newest.tolist() == list(segment.column_reader("newest"))
        assert [whoosh_arrays.SOURCES.text[c] for c in columns.source] == [
            v.decode() for v in segment.column_reader("source_slug", translate=False)
        ]
        assert [whoosh_arrays.SPEAKERS.text[c] for c in columns.speaker] == [
            v.decode() for v in segment.column_reader("speaker_slug", translate=False)
        ]
        for field in whoosh_arrays.TEXT_FIELDS:
            expected = [segment.doc_field_length(d, field, 0) or 0 for d in range(count)]
            assert np.allclose(whoosh_arrays._LENGTHS[columns.lengths[field]], expected)


def test_the_index_can_be_loaded_before_the_first_search(indexed, backend, settings):
    if backend.name != "whoosh":
        assert warm_in_background() is None  # nothing to load: PostgreSQL answers every search
        return
    from search.backends import whoosh_arrays

    whoosh_arrays._SEGMENTS.clear()
    backend.forget()
    thread = warm_in_background()
    thread.join(30)
    assert whoosh_arrays._SEGMENTS  # the columns are there for every thread of the process
    assert (
        getattr(backend._local, "opened", None) is None
    )  # (the loading thread's searcher was closed)
    assert run_search(SearchParams(q="premiums")).total == 1


def test_warming_at_start_is_for_gunicorn_workers(settings, monkeypatch):
    from search.apps import warm_on_start

    monkeypatch.delenv("SERVER_SOFTWARE", raising=False)
    assert not warm_on_start()
    monkeypatch.setenv("SERVER_SOFTWARE", "gunicorn/27.0.1")
    assert warm_on_start()
    settings.SEARCH_WARM_ON_START = False
    assert not warm_on_start()


def test_warming_without_an_index_does_nothing(settings):
    settings.SEARCH_BACKEND = "whoosh"
    get_backend().warm()  # no index built in this test's directory: quietly nothing


def test_threads_share_one_copy_of_the_index_and_a_reload_replaces_it(
    indexed, backend, corpus, django_capture_on_commit_callbacks
):
    if backend.name != "whoosh":
        pytest.skip("Whoosh only")
    import threading

    from search.backends import whoosh_arrays

    first = backend._arrays_of(backend._open())
    other = {}
    thread = threading.Thread(
        target=lambda: other.setdefault("arrays", backend._arrays_of(backend._open()))
    )
    thread.start()
    thread.join(30)
    assert other["arrays"] is not first  # each thread reads through its own searcher...
    assert other["arrays"].kind is first.kind  # ...over the same arrays
    # Files are read, not memory-mapped: whoosh-reloaded copies a mapped segment into memory.
    assert not backend._open().ix.storage.supports_mmap
    states = []
    for n in range(3):  # each edit is a commit: a new state of the index, reloaded
        with django_capture_on_commit_callbacks(execute=True):
            corpus.article(f"Walkout update {n}", ["“We walk out at noon,” she said."])
        assert run_search(SearchParams(q="walkout")).total == 0  # the article has no quote
        assert run_search(SearchParams(q="walkout", type="articles")).total == n + 1
        states.append(backend._arrays_of(backend._open()).kind)
    assert states[0] is not states[1] is not states[2]
    assert len(whoosh_arrays._COLUMNS) <= whoosh_arrays._COLUMNS_KEPT  # old states are let go
