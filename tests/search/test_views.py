"""The search page, the JSON API and the CSV export, end to end through Django's test client."""

import csv
import io
import re

import pytest
from django.urls import reverse


@pytest.fixture
def page_url():
    return reverse("search:search")


def test_urls_are_named():
    assert reverse("search:search") == "/search/"
    assert reverse("search:api") == "/api/search"
    assert reverse("search:export") == "/search/quotes.csv"


def test_empty_page_shows_the_form_only(client, backend, page_url):
    response = client.get(page_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="search-q">' in html and 'id="search-q"' in html and 'name="q"' in html
    assert "search-hits" not in html


def test_quote_results_page(client, indexed, page_url):
    response = client.get(page_url, {"q": "premiums"})
    assert response.status_code == 200
    html = response.content.decode()
    quote = indexed["quotes"]["premiums"]
    assert "1 quote for “premiums”" in html
    assert "<mark>premiums</mark>" in html
    assert f'href="{quote.get_absolute_url()}"' in html
    assert f'href="{quote.article.get_absolute_url()}#p2"' in html
    assert re.search(r'<ol class="quote-list search-hits" start="1">', html)
    assert 'rel="stylesheet" href="/static/css/search.css"' in html
    assert "<script" not in html.split("</header>", 1)[1]  # no inline scripts in the page body
    assert " style=" not in html
    assert (
        response["Cache-Control"].startswith("max-age=0") or "private" in response["Cache-Control"]
    )


def test_facets_are_links_that_narrow(client, indexed, page_url):
    kcra = indexed["sources"]["kcra"]
    html = client.get(page_url, {"q": "therapists", "type": "articles"}).content.decode()
    assert 'aria-labelledby="facets-heading"' in html
    link = (
        re.search(r'href="(/search/\?[^"]*source=kcra-3[^"]*)"', html)
        .group(1)
        .replace("&amp;", "&")
    )
    narrowed = client.get(link).content.decode()
    assert "1 article for “therapists” in KCRA 3" in narrowed
    assert 'aria-current="true"' in narrowed
    assert kcra.name in narrowed


def test_pagination_nav(client, indexed, corpus, backend, page_url):
    from search import indexing

    from .conftest import at

    for n in range(45):
        corpus.article(
            f"Rally {n}", ["Strikers quadrilled outside."], published_at=at(2021, 2, 1 + n % 28)
        )
    indexing.rebuild(backend)
    html = client.get(page_url, {"q": "quadrilled", "type": "articles", "page": 2}).content.decode()
    assert '<nav class="pagination search-pagination" aria-label="Search results pages">' in html
    assert re.search(r'aria-current="page"><span class="visually-hidden">Page </span>2<', html)
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert 'start="21"' in html


def test_did_you_mean_link(client, indexed, page_url):
    html = client.get(page_url, {"q": "theraptists", "type": "articles"}).content.decode()
    assert "Did you mean" in html
    assert re.search(r'href="/search/\?q=therapists&amp;type=articles">therapists</a>', html)


def test_api_returns_results_with_permanent_urls(client, indexed):
    response = client.get(reverse("search:api"), {"q": "speaker:McAleigh", "sort": "newest"})
    assert response.status_code == 200
    data = response.json()
    quotes = indexed["quotes"]
    assert data["total"] == 2
    assert {item["id"] for item in data["results"]} == {quotes["premiums"].pk, quotes["busting"].pk}
    item = next(item for item in data["results"] if item["id"] == quotes["premiums"].pk)
    assert item["url"] == f"http://testserver/quotes/{quotes['premiums'].pk}/"
    assert item["speaker"]["name"] == "Jane McAlevey"
    assert (
        item["article"]["url"]
        == f"http://testserver{quotes['premiums'].article.get_absolute_url()}"
    )
    assert item["source"]["slug"] == indexed["sources"]["bee"].slug
    assert data["facets"]["speaker"] == [
        {
            "value": indexed["people"]["mcalevey"].slug,
            "label": "Jane McAlevey",
            "count": 2,
            "selected": False,
        }
    ]
    assert data["links"]["csv"].startswith("http://testserver/search/quotes.csv?")


def test_api_snippet_html_is_escaped(client, corpus, backend):
    from search import indexing

    article = corpus.article(
        "Picket report", ["She said: “<script>alert(1)</script> we want fair pay”."]
    )
    corpus.quote(article, "<script>alert(1)</script> we want fair pay")
    indexing.rebuild(backend)
    data = client.get(reverse("search:api"), {"q": "fair pay"}).json()
    assert (
        data["results"][0]["snippet_html"]
        == "&lt;script&gt;alert(1)&lt;/script&gt; we want <mark>fair</mark> <mark>pay</mark>"
    )
    html = client.get(reverse("search:search"), {"q": "fair pay"}).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_api_articles(client, indexed):
    data = client.get(
        reverse("search:api"), {"q": "therap*", "type": "articles", "sort": "oldest"}
    ).json()
    assert [item["headline"] for item in data["results"]] == [
        indexed["articles"]["hiring"].headline,
        indexed["articles"]["strike"].headline,
    ]
    assert data["results"][0]["type"] == "article"


def test_csv_export_of_quote_results(client, indexed):
    response = client.get(reverse("search:export"), {"q": "speaker:McAlevey", "sort": "oldest"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="strikewatch-quotes-speakermcalevey.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    premiums = indexed["quotes"]["premiums"]
    assert {row["quote"] for row in rows} == {premiums.text, indexed["quotes"]["busting"].text}
    row = next(row for row in rows if row["quote"] == premiums.text)
    assert row["speaker"] == "Jane McAlevey"
    assert row["outlet"] == "The Sacramento Bee"
    assert row["published"] == "2022-08-26"
    assert row["quote_url"] == f"http://testserver/quotes/{premiums.pk}/"
    assert row["paragraph"] == "2"


def test_csv_cells_cannot_become_formulas(client, corpus, backend):
    from search import indexing

    article = corpus.article("Formula", ['=HYPERLINK("http://evil") said the sign'])
    corpus.quote(article, '=HYPERLINK("http://evil") said the sign')
    indexing.rebuild(backend)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("search:export"), {"q": "hyperlink"})
                .content.decode()
                .lstrip("\ufeff")
            )
        )
    )
    assert rows[1][0] == '\'=HYPERLINK("http://evil") said the sign'
