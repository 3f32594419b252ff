"""The results page reads as the rest of the site: headings, counts, dates, pages and the search button."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from search import indexing
from search.querylang import quote_for_heading

from .conftest import at


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ('"life or death"', "“life or death”"),
        ("“life or death”", "“life or death”"),
        ("therapists", "“therapists”"),
        ('therapists "life or death"', "“therapists ‘life or death’”"),
    ],
)
def test_query_in_the_heading_is_quoted_once(typed, shown):
    assert quote_for_heading(typed) == shown


def test_phrase_heading_does_not_double_the_marks(client, indexed):
    html = client.get(reverse("search:search"), {"q": '"life or death"'}).content.decode()
    assert "1 quote for “life or death”" in html
    assert "“&quot;" not in html and '“"' not in html


def test_csv_link_reads_right_for_one_and_many(client, indexed):
    one = client.get(reverse("search:search"), {"q": "premiums"}).content.decode()
    assert "Download this quote as CSV" in one
    many = client.get(reverse("search:search"), {"q": "speaker:McAlevey"}).content.decode()
    assert "Download these 2 quotes as CSV" in many
    assert "these 1 quote" not in one


def test_dates_in_the_sites_style(client, indexed):
    quotes = client.get(reverse("search:search"), {"q": "premiums"}).content.decode()
    assert '<time datetime="2022-08-26T12:00:00+00:00">Aug. 26, 2022</time>' in quotes
    articles = client.get(
        reverse("search:search"), {"q": "sutter", "type": "articles"}
    ).content.decode()
    assert ">Jan. 10, 2023</time>" in articles
    dated = client.get(
        reverse("search:search"), {"q": "therapists", "from": "2022-09-01", "to": "2022-12-31"}
    ).content.decode()
    heading = re.sub(r"<[^>]+>", "", dated.split('class="search-summary"', 1)[1].split("</h2>")[0])
    assert "from Sept. 1, 2022 to Dec. 31, 2022" in heading
    assert not re.search(r"\d+ [A-Z][a-z]{2} 20\d\d", articles + quotes)  # no "26 Aug 2022"


def test_numbered_pages_with_first_and_last(client, corpus, backend):
    for n in range(65):
        corpus.article(f"Rally {n}", ["Strikers quadrilled outside."], published_at=at(2021, 3, 1))
    indexing.rebuild(backend)
    url = reverse("search:search")
    html = client.get(url, {"q": "quadrilled", "type": "articles", "page": 2}).content.decode()
    nav = html.split('aria-label="Search results pages">', 1)[1].split("</nav>", 1)[0]
    assert "Page 2 of 4" in nav
    assert 'href="/search/?q=quadrilled&amp;type=articles">First' in nav
    assert 'href="/search/?q=quadrilled&amp;type=articles&amp;page=4">Last' in nav
    assert re.findall(r"</span>(\d)</(?:a|span)>", nav) == ["1", "2", "3", "4"]


def test_search_button_is_styled_like_the_site():
    with open(finders.find("css/search.css")) as css:
        rule = css.read().split(".search-form__row button {", 1)[1].split("}", 1)[0]
    assert "background: var(--accent)" in rule and "color: var(--accent-ink)" in rule
