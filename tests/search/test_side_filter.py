"""``side=`` narrows quotes to one side of the story (page, API, CSV); each quote shows its side."""

import csv
import io

import pytest
from django.urls import reverse

from articles.models import Person
from search import indexing

# Matches the four attributed quotes of the newsroom (two labor, two expert).
WORDS = "care OR solidarity OR premiums OR union"


@pytest.fixture
def sided(backend, newsroom):
    people = newsroom["people"]
    Person.objects.filter(pk=people["soroken"].pk).update(side=Person.Side.LABOR)
    Person.objects.filter(pk=people["sako"].pk).update(side=Person.Side.LABOR)
    Person.objects.filter(pk=people["mcalevey"].pk).update(side=Person.Side.EXPERT)
    indexing.rebuild(backend)
    return newsroom


def _csv_quotes(response):
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return {row["quote"] for row in rows}, rows


def test_side_narrows_the_api(client, sided):
    labor = client.get(reverse("search:api"), {"q": WORDS, "side": "labor"})
    assert labor.status_code == 200
    payload = labor.json()
    assert payload["side"] == "labor"
    assert {item["id"] for item in payload["results"]} == {
        sided["quotes"]["life"].pk,
        sided["quotes"]["solidarity"].pk,
    }
    assert {item["speaker"]["side"] for item in payload["results"]} == {"labor"}


def test_side_without_a_query_lists_that_sides_quotes(client, sided):
    payload = client.get(reverse("search:api"), {"side": "expert"}).json()
    assert payload["total"] == 2
    assert {item["speaker"]["name"] for item in payload["results"]} == {"Jane McAlevey"}


def test_side_narrows_the_csv(client, sided):
    all_quotes, _ = _csv_quotes(client.get(reverse("search:export"), {"q": WORDS}))
    expert, rows = _csv_quotes(client.get(reverse("search:export"), {"q": WORDS, "side": "expert"}))
    assert expert == {
        sided["quotes"]["premiums"].text,
        sided["quotes"]["busting"].text,
    }
    assert expert < all_quotes
    assert {row["speaker_side"] for row in rows} == {"expert"}


def test_side_narrows_the_page_and_has_a_control(client, sided):
    html = client.get(reverse("search:search"), {"q": WORDS, "side": "labor"}).content.decode()
    assert '<select id="search-side" name="side">' in html
    assert '<option value="labor" selected>Workers or union</option>' in html
    assert (
        "2 quotes for “care OR solidarity OR premiums OR union” from speakers on the side “Workers or union”"
        in html
    )
    assert "Remove side: Workers or union" in html
    assert "outrageous" not in html


def test_each_quote_shows_its_speakers_side(client, sided):
    html = client.get(reverse("search:search"), {"q": "premiums"}).content.decode()
    assert '<span class="side side--expert">Expert</span>' in html
    unattributed = client.get(reverse("search:search"), {"q": "exhausted"}).content.decode()
    assert "Unattributed" in unattributed and "side--" not in unattributed.split("search-hits")[1]


@pytest.mark.parametrize("url_name", ["search:api", "search:export"])
def test_an_unknown_side_is_a_400_naming_the_sides(client, sided, url_name):
    response = client.get(reverse(url_name), {"q": WORDS, "side": "workers"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is no side called “workers”" in text
    assert "labor, employer, government, expert, community, unknown" in text


def test_an_unknown_side_is_explained_on_the_page(client, sided):
    response = client.get(reverse("search:search"), {"q": "premiums", "side": "workers"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Speaker’s side: There is no side called “workers”" in html
    assert "1 quote for “premiums”" in html


def test_side_on_articles_says_it_narrows_quotes_only(client, sided):
    html = client.get(
        reverse("search:search"), {"q": "therapists", "type": "articles", "side": "labor"}
    ).content.decode()
    assert "the side filter narrows quotes, not articles" in html
    assert "2 articles for “therapists”" in html
