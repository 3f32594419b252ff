"""
A query that names someone: the "People" block, and misspelt names corrected
to the archive's own spelling (never to a common word), on both backends.
"""

import pytest
from django.urls import reverse

from articles.models import Person, Strike
from search import indexing, names
from search.service import SearchParams, run_search

from .conftest import at


@pytest.fixture
def named(backend, newsroom, corpus):
    """The newsroom, plus Fred Seyfe (near the common word "saying") and the Kaiser strike."""
    seyfe = corpus.person("Fred Seyfe", description="nurse", side=Person.Side.LABOR)
    article = corpus.article(
        "Nurses keep saying no",
        [
            "Nurses kept saying the staffing plan was unsafe.",
            "“We will not be silent,” said Seyfe.",
        ],
        published_at=at(2022, 11, 2),
    )
    corpus.quote(article, "We will not be silent", seyfe, paragraph=2)
    Strike.objects.create(
        name="Kaiser mental health strike",
        slug="kaiser-mental-health-strike",
        employer="Kaiser Permanente",
        union="National Union of Healthcare Workers",
    )
    indexing.rebuild(backend)
    return {**newsroom, "seyfe": seyfe}


def _search(q, **params):
    return run_search(SearchParams(q=q, **params))


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Sorokin", "Soroken"),
        ("Seyfi", "Seyfe"),
        ("Sayfe", "Seyfe"),
        ("kaiser permanante", "Kaiser Permanente"),
        ("permanante therapists", "Permanente therapists"),
    ],
)
def test_misspelt_names_are_suggested_as_the_archive_spells_them(named, typed, suggested):
    outcome = _search(typed)
    assert outcome.total == 0
    assert outcome.suggestion == suggested
    assert _search(outcome.suggestion).total > 0


def test_a_name_never_becomes_a_common_word(named, corpus, backend):
    Person.objects.filter(pk=named["seyfe"].pk).delete()
    names.forget()
    indexing.rebuild(backend)
    # "saying" is in the articles; typed capitalised, Sayfe is a name: not corrected to it.
    assert _search("sayfe", type="articles").suggestion == "saying"
    assert _search("Sayfe", type="articles").suggestion is None


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("Sorokin", "soroken"),
        ("Soroken", "soroken"),
        ("sarah soroken strike", "soroken"),
        ("speaker:McAleigh", "mcalevey"),
        ("Mcalevy premiums", "mcalevey"),
        ("Sako", "sako"),
    ],
)
def test_the_people_a_query_names(named, typed, person):
    assert [p.pk for p in _search(typed).people] == [named["people"][person].pk]


def test_an_organisation_is_named_by_its_own_words(named, corpus):
    union = corpus.person(
        "National Union of Healthcare Workers", aliases=["NUHW"], kind=Person.Kind.ORGANIZATION
    )
    article = named["articles"]["strike"]
    corpus.quote(article, "Even with that benefit", union, paragraph=3)
    names.forget()
    assert _search("workers").people == []
    assert [p.pk for p in _search("national union healthcare workrs").people] == [union.pk]
    assert [p.pk for p in _search("NUHW").people] == [union.pk]
    kaiser = corpus.person("Kaiser Permanente", kind=Person.Kind.ORGANIZATION)
    corpus.quote(article, "Even with that benefit", kaiser, paragraph=3)
    names.forget()
    assert [p.pk for p in _search("Permanante").people] == [kaiser.pk]


def test_misspelt_surname_finds_the_person(named):
    assert [p.name for p in _search("Seyfi").people] == ["Fred Seyfe"]


@pytest.mark.parametrize("typed", ["therapists", "Sarah", "strike AND kaiser", "-Soroken care"])
def test_a_query_naming_nobody_has_no_people(named, typed):
    assert _search(typed).people == []


def test_people_block_above_the_results_links_to_the_person(client, named):
    html = client.get(reverse("search:search"), {"q": "Sorokin"}).content.decode()
    people = html.split('<section class="search-people"', 1)[1].split("</section>", 1)[0]
    assert '<h2 id="people-heading">People</h2>' in people
    soroken = named["people"]["soroken"]
    assert f'<a class="speaker" href="{soroken.get_absolute_url()}">Sarah Soroken</a>' in people
    assert html.index("search-people") < html.index('id="results-heading"')
    assert 'Did you mean <a href="/search/?q=Soroken">Soroken</a>?' in html


def test_the_api_lists_the_people_named(client, named):
    payload = client.get(reverse("search:api"), {"q": "Seyfi"}).json()
    assert [person["name"] for person in payload["people"]] == ["Fred Seyfe"]
    assert payload["people"][0]["url"].endswith(named["seyfe"].get_absolute_url())
    assert payload["people"][0]["side"] == "labor"
    assert payload["suggestion"] == "Seyfe"


def test_a_person_not_quoted_in_published_coverage_is_not_offered(named, corpus):
    corpus.person("Sarah Sorokina")  # no quotes: no public page
    draft_only = corpus.person("Rita Sorokinova")
    corpus.quote(named["articles"]["draft"], "zanzibarian walkout", draft_only)
    names.forget()
    offered = [p.name for p in _search("Sorokina Sorokinova").people]
    assert "Sarah Sorokina" not in offered and "Rita Sorokinova" not in offered
