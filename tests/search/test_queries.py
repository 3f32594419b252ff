"""What the query language finds, on both backends (through run_search, as the page does)."""

from datetime import date

from search.service import SearchParams, run_search


def search(**params):
    return run_search(SearchParams(**params))


def quote_pks(outcome):
    return [result.object.pk for result in outcome.results]


def article_pks(outcome):
    return [result.object.pk for result in outcome.results]


def test_words_are_stemmed_and_matched_in_quotes(indexed):
    outcome = search(q="premium")
    assert quote_pks(outcome) == [indexed["quotes"]["premiums"].pk]
    assert outcome.total == 1


def test_phrase_matches_words_in_order(indexed):
    outcome = search(q='"life or death"')
    assert quote_pks(outcome) == [indexed["quotes"]["life"].pk]
    assert search(q='"death or life"').total == 0


def test_curly_quotes_make_a_phrase_too(indexed):
    assert quote_pks(search(q="“life or death”")) == [indexed["quotes"]["life"].pk]


def test_and_or_not(indexed):
    q = indexed["quotes"]
    assert quote_pks(search(q="premiums AND workers")) == [q["premiums"].pk]
    assert sorted(quote_pks(search(q="premiums OR exhausted"))) == sorted(
        [q["premiums"].pk, q["exhausted"].pk]
    )
    assert search(q="premiums NOT workers").total == 0
    assert search(q="premiums -workers").total == 0


def test_prefix(indexed):
    articles = indexed["articles"]
    outcome = search(q="therap*", type="articles")
    assert sorted(article_pks(outcome)) == sorted([articles["strike"].pk, articles["hiring"].pk])


def test_field_query_for_speaker(indexed):
    outcome = search(q="speaker:Soroken")
    assert quote_pks(outcome) == [indexed["quotes"]["life"].pk]


def test_speaker_names_tolerate_spelling_and_aliases(indexed):
    q = indexed["quotes"]
    expected = sorted([q["premiums"].pk, q["busting"].pk])
    assert sorted(quote_pks(search(q="speaker:McAleigh"))) == expected  # a recorded alias
    assert sorted(quote_pks(search(q="speaker:McAlevee"))) == expected  # a misspelling
    assert (
        sorted(quote_pks(search(speaker="Mcalevy"))) == expected
    )  # the speaker parameter, by name


def test_speaker_parameter_by_slug(indexed):
    mcalevey = indexed["people"]["mcalevey"]
    outcome = search(speaker=mcalevey.slug, q="premiums")
    assert quote_pks(outcome) == [indexed["quotes"]["premiums"].pk]
    assert outcome.speaker_name == "Jane McAlevey"


def test_accents_fold(indexed):
    assert article_pks(search(q="cafe", type="articles")) == [indexed["articles"]["hiring"].pk]
    assert article_pks(search(q="CAFÉ", type="articles")) == [indexed["articles"]["hiring"].pk]


def test_headline_weighs_more_than_body(indexed, corpus, backend):
    from search import indexing

    in_body = corpus.article("Picket line report", ["The walkout at the refinery began at dawn."])
    in_headline = corpus.article("Refinery walkout", ["Workers left their posts on Monday."])
    indexing.rebuild(backend)
    assert article_pks(search(q="refinery", type="articles"))[:2] == [in_headline.pk, in_body.pk]


def test_drafts_and_scheduled_articles_are_not_searchable(indexed):
    assert search(q="zanzibarian").total == 0
    assert search(q="quixotic").total == 0
    assert search(q="embargoed", type="articles").total == 0


def test_source_filter_and_facets(indexed):
    bee, kcra = indexed["sources"]["bee"], indexed["sources"]["kcra"]
    outcome = search(q="therapists", type="articles")
    counts = {facet.value: facet.count for facet in outcome.facets["source"]}
    assert counts == {bee.slug: 1, kcra.slug: 1}
    filtered = search(q="therapists", type="articles", source=kcra.slug)
    assert article_pks(filtered) == [indexed["articles"]["strike"].pk]
    assert [facet.selected for facet in filtered.facets["source"]] == [True]


def test_speaker_facets_count_quotes(indexed):
    outcome = search(q="the OR we OR i")
    counts = {facet.label: facet.count for facet in outcome.facets["speaker"]}
    assert counts["Jane McAlevey"] == 2
    assert "one nurse" not in counts  # unattributed quotes have no speaker facet


def test_dates_filter_and_sort(indexed):
    a = indexed["articles"]
    outcome = search(q="kaiser", type="articles", sort="oldest")
    assert article_pks(outcome) == [a["hiring"].pk, a["strike"].pk]
    assert article_pks(search(q="kaiser", type="articles", sort="newest")) == [
        a["strike"].pk,
        a["hiring"].pk,
    ]
    in_october = search(
        q="kaiser", type="articles", date_from=date(2022, 10, 1), date_to=date(2022, 10, 7)
    )
    assert article_pks(in_october) == [a["strike"].pk]
    assert search(q="kaiser", type="articles", date_to=date(2022, 8, 25)).total == 0


def test_filters_alone_list_everything_newest_first(indexed):
    a = indexed["articles"]
    outcome = search(type="articles", source=indexed["sources"]["bee"].slug)
    assert article_pks(outcome) == [a["nurses"].pk, a["hiring"].pk]


def test_highlights_mark_the_matched_words(indexed):
    outcome = search(q="premiums")
    marked = [part.text for part in outcome.results[0].parts if part.mark]
    assert marked == ["premiums"]
    article = search(q="therapists", type="articles").results[0]
    assert "therapists" in [part.text for part in article.headline_parts if part.mark]


def test_did_you_mean(indexed):
    outcome = search(q="theraptists", type="articles")
    assert outcome.total == 0
    assert outcome.suggestion == "therapists"


def test_pagination(indexed, corpus, backend):
    from search import indexing

    for n in range(25):
        corpus.article(
            f"Picket day {n}", [f"Strikers zigzagged for the {n}th day."], published_at=at_day(n)
        )
    indexing.rebuild(backend)
    first = run_search(SearchParams(q="zigzagged", type="articles", sort="newest"), per_page=10)
    assert (first.total, first.pages, len(first.results)) == (25, 3, 10)
    last = run_search(
        SearchParams(q="zigzagged", type="articles", sort="newest", page=3), per_page=10
    )
    assert len(last.results) == 5
    assert set(article_pks(first)).isdisjoint(article_pks(last))
    beyond = run_search(SearchParams(q="zigzagged", type="articles", page=10**9), per_page=10)
    assert beyond.page == 3 and len(beyond.results) == 5
    assert any("page" in notice for notice in beyond.notices)


def at_day(n):
    from .conftest import at

    return at(2021, 1, 1 + n)
