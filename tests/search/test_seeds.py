"""The issue's own examples, on the real seed articles imported the way `make run` imports them."""

import pytest

from articles.models import Quote
from search import indexing
from search.service import SearchParams, run_search


@pytest.fixture
def seeded_index(backend, seeded):
    indexing.rebuild(backend)
    return seeded


def test_phrase_finds_the_kcra_quote(seeded_index):
    kcra, _bee = seeded_index
    outcome = run_search(SearchParams(q='"life or death"'))
    assert [r.object.article_id for r in outcome.results] == [kcra.pk]
    assert "life or death" in outcome.results[0].object.text
    assert [p.text for p in outcome.results[0].parts if p.mark] == ["life", "or", "death"]


def test_speaker_field_and_prefix(seeded_index):
    soroken_quotes = set(
        Quote.objects.filter(speaker__name__icontains="Soroken").values_list("pk", flat=True)
    )
    assert soroken_quotes
    assert {
        r.object.pk for r in run_search(SearchParams(q="speaker:Soroken")).results
    } == soroken_quotes
    articles = run_search(SearchParams(q="therap*", type="articles"))
    assert articles.total == 2


def test_did_you_mean_on_the_seeds(seeded_index):
    outcome = run_search(SearchParams(q="theraptists", type="articles"))
    assert outcome.total == 0
    assert outcome.suggestion == "therapists"


def test_mcaleigh_finds_the_quotes_attributed_to_mcalevey(seeded_index):
    attributed = {
        quote.pk
        for quote in Quote.objects.select_related("speaker").filter(speaker__isnull=False)
        if any("mcalev" in name.lower() for name in [quote.speaker.name, *quote.speaker.aliases])
    }
    assert attributed, "the extractor attributes no seed quote to McAlevey"
    found = {r.object.pk for r in run_search(SearchParams(q="speaker:McAleigh")).results}
    assert found == attributed
