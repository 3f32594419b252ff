"""
Copies of one story (``SyndicatedCopy``) are one search result, "and N other
outlets" linking the others; ``copies=all`` lists each; totals say what they count.
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from articles.models import Source, SyndicatedCopy
from search import indexing
from search.service import SearchParams, run_search

from .conftest import at

WIRE = "“The picket line at the refinery holds firm,” said Dana Okafor, a steward."


@pytest.fixture
def wire(backend, newsroom, corpus):
    """One wire story in three outlets (linked as copies), and an unrelated story."""
    ap, _ = Source.objects.get_or_create(name="Associated Press", defaults={"slug": "ap"})
    okafor = corpus.person("Dana Okafor")
    copies = []
    for n, source in enumerate([corpus.bee, corpus.kcra, ap]):
        article = corpus.article(
            ["Refinery strike holds", "Refinery picket holds firm", "Strike at refinery"][n],
            [WIRE, "Talks resume on Monday at the refinery."],
            source=source,
            published_at=at(2023, 3, 1 + n),
        )
        corpus.quote(article, "The picket line at the refinery holds firm", okafor)
        copies.append(article)
    other = corpus.article(
        "Refinery neighbours complain",
        ["Neighbours of the refinery complained about the noise of the picket."],
        published_at=at(2023, 3, 9),
    )
    for low, high in [(copies[0], copies[1]), (copies[1], copies[2])]:
        SyndicatedCopy.objects.create(article=low, other=high, similarity=0.95)
    indexing.rebuild(backend)
    return {"copies": copies, "other": other}


def test_copies_are_one_result_with_the_other_outlets(wire):
    outcome = run_search(SearchParams(q="refinery", type="articles", sort="newest"))
    assert outcome.total == 2 and outcome.copies_counted == 4
    newest, story = outcome.results
    assert newest.object == wire["other"] and newest.copies == []
    assert story.object == wire["copies"][2]  # the newest copy leads (linked via the middle one)
    assert [copy.object for copy in story.copies] == [wire["copies"][1], wire["copies"][0]]


def test_quotes_with_the_same_words_in_copies_are_one_result(wire):
    outcome = run_search(SearchParams(q="picket refinery"))
    assert outcome.total == 1 and outcome.copies_counted == 3
    assert len(outcome.results[0].copies) == 2


def test_copies_all_lists_each(wire):
    outcome = run_search(SearchParams(q="refinery", type="articles", copies="all"))
    assert outcome.total == 4 and outcome.copies_counted is None
    assert all(result.copies == [] for result in outcome.results)


def test_the_page_says_and_n_other_outlets_and_what_totals_count(client, wire):
    html = client.get(
        reverse("search:search"), {"q": "refinery", "type": "articles", "sort": "newest"}
    ).content.decode()
    assert "2 articles for “refinery”" in html
    assert "Each story counted once: 4 articles counting every outlet’s copy." in html
    kcra, bee = wire["copies"][1], wire["copies"][0]
    assert (
        f'and 2 other outlets: <a href="{kcra.get_absolute_url()}">KCRA 3</a>, '
        f'<a href="{bee.get_absolute_url()}">The Sacramento Bee</a>'
    ) in html
    expand_links = [
        parse_qs(urlsplit(unescape(href)).query)
        for href in re.findall(r'href="(/search/\?[^"]*copies=all[^"]*)"', html)
    ]
    assert {"q": ["refinery"], "type": ["articles"], "sort": ["newest"], "copies": ["all"]} in (
        expand_links
    )
    expanded = client.get(
        reverse("search:search"), {"q": "refinery", "type": "articles", "copies": "all"}
    ).content.decode()
    assert "4 articles for “refinery”" in expanded and "other outlets:" not in expanded
    assert "Show copies of one story together" in expanded
    assert '<input type="hidden" name="copies" value="all">' in expanded  # a new query keeps it


def test_the_csv_link_counts_every_copy(client, wire):
    html = client.get(reverse("search:search"), {"q": "picket refinery"}).content.decode()
    assert "1 quote for “picket refinery”" in html
    assert "Download these 3 quotes (every outlet’s copy) as CSV" in html
    csv_text = client.get(reverse("search:export"), {"q": "picket refinery"}).content.decode()
    assert csv_text.count("The picket line at the refinery holds firm") == 3


def test_the_api_groups_copies_and_counts_both(client, wire):
    payload = client.get(reverse("search:api"), {"q": "refinery", "type": "articles"}).json()
    assert payload["total"] == 2 and payload["total_with_copies"] == 4
    assert payload["copies"] == "together"
    grouped = next(item for item in payload["results"] if item["copies"])
    assert sorted(copy["source"] for copy in grouped["copies"]) == sorted(
        {"The Sacramento Bee", "KCRA 3", "Associated Press"} - {grouped["source"]["name"]}
    )
    every = client.get(
        reverse("search:api"), {"q": "refinery", "type": "articles", "copies": "all"}
    ).json()
    assert every["total"] == 4 and every["copies"] == "all"


def test_paging_counts_stories(wire, corpus, backend):
    for n in range(25):
        corpus.article(f"Refinery note {n}", ["A refinery note."], published_at=at(2022, 1, 1))
    indexing.rebuild(backend)
    first = run_search(SearchParams(q="refinery", type="articles", sort="newest"))
    assert first.total == 27 and first.pages == 2 and len(first.results) == 20
    second = run_search(SearchParams(q="refinery", type="articles", sort="newest", page=2))
    assert len(second.results) == 7
    shown = {r.object.pk for r in first.results + second.results}
    assert len(shown) == 27 and wire["copies"][0].pk not in shown


def test_a_bad_copies_value_is_a_400_in_the_api(client, wire):
    response = client.get(reverse("search:api"), {"q": "refinery", "copies": "some"})
    assert response.status_code == 400
    assert "copies=all" in response.content.decode()


def test_past_the_grouping_limit_each_copy_is_a_result_and_the_page_says_so(wire, monkeypatch):
    from search import service

    monkeypatch.setattr(service, "COLLAPSE_LIMIT", 2)
    params = SearchParams(q="refinery", type="articles", sort="newest")
    first = run_search(params, per_page=1)
    assert first.total == 4 and first.pages == 4 and first.copies_counted is None
    assert "shown together up to 2 results; here each is a result of its own." in " ".join(
        first.notices
    )
    assert [r.object for r in first.results] == [wire["other"]]
    third = run_search(
        SearchParams(q="refinery", type="articles", sort="newest", page=3), per_page=1
    )
    assert [r.object for r in third.results] == [wire["copies"][1]]  # past the fetched matches
