"""
Lists: /articles/ with all coverage, the archive's months and undated coverage,
and the numbered pagination every list shares (first, previous, a window of
pages, next, last); an empty archive month answers the site's own 404 page.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from articles.models import Article

from .conftest import PACIFIC


def get_tree(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return lxml_html.fromstring(response.content)


def pagination(tree):
    """(status line, [(link text, href or None for the current page)]) of a page's pagination."""
    (nav,) = tree.xpath("//nav[p[@class='pagination__status']]")
    items = []
    for li in nav.xpath(".//li"):
        (child,) = li.xpath("./*")
        items.append((" ".join(child.text_content().split()), child.get("href")))
    return nav.xpath("string(.//p[@class='pagination__status'])"), items


@pytest.fixture
def many_articles(make_article):
    """95 dated articles, one a day, newest last."""
    from datetime import datetime

    first = datetime(2024, 1, 1, 9, 0, tzinfo=PACIFIC)
    return [
        make_article(f"Picket day {n}", published_at=first + timedelta(days=n))
        for n in range(1, 96)
    ]


def test_articles_lists_all_coverage_newest_first_undated_last(client, seeded):
    kcra, bee = seeded  # the Bee is dated, KCRA 3's story is not
    tree = get_tree(client, reverse("articles:article_list"))
    assert reverse("articles:article_list") == "/articles/"
    assert [a.text for a in tree.xpath("//ul[@class='teaser-list']//h2/a")] == [
        bee.headline,
        kcra.headline,
    ]
    assert tree.xpath("string(//h1)") == "All coverage"


def test_articles_leaves_out_drafts(client, make_article):
    make_article("Draft story", status=Article.Status.DRAFT)
    make_article("Public story")
    tree = get_tree(client, "/articles/")
    assert [a.text for a in tree.xpath("//ul[@class='teaser-list']//h2/a")] == ["Public story"]


def test_the_pagination_shows_first_previous_a_window_next_and_last(client, many_articles):
    status, items = pagination(get_tree(client, "/articles/?page=2"))  # 30 a page: 4 pages
    assert status == "Page 2 of 4"
    assert items == [
        ("First page", "/articles/"),  # page 1 is the list's own address
        ("Previous page", "/articles/"),
        ("Page 1", "/articles/"),
        ("Page 2", None),
        ("Page 3", "/articles/?page=3"),
        ("Page 4", "/articles/?page=4"),
        ("Next page", "/articles/?page=3"),
        ("Last page", "/articles/?page=4"),
    ]
    _status, first = pagination(get_tree(client, "/articles/"))
    assert [text for text, _href in first][:1] == ["Page 1"]  # nothing before the first page
    _status, last = pagination(get_tree(client, "/articles/?page=4"))
    assert [text for text, _href in last][-1] == "Page 4"  # nothing after the last


def test_the_window_keeps_five_pages_around_the_current_one(client, make_article):
    from datetime import datetime

    for n in range(1, 52):  # 51 quotes' worth of articles: the month page has 50 a page
        make_article(f"Story {n}", published_at=datetime(2024, 5, 1, 8, tzinfo=PACIFIC))
    for n in range(1, 250):
        make_article(f"Extra {n}", published_at=datetime(2023, 5, 1, 8, tzinfo=PACIFIC))
    # /articles/: 300 articles, 30 a page, 10 pages.
    status, items = pagination(get_tree(client, "/articles/?page=6"))
    assert status == "Page 6 of 10"
    assert [text for text, _ in items if text.startswith("Page")] == [
        f"Page {n}" for n in (4, 5, 6, 7, 8)
    ]
    _status, items = pagination(get_tree(client, "/articles/?page=10"))
    assert [text for text, _ in items if text.startswith("Page")] == [
        f"Page {n}" for n in (6, 7, 8, 9, 10)
    ]


def test_pagination_keeps_the_lists_filters(client, make_article, add_quote, make_person):
    person = make_person("Dana Ruiz", side="labor")
    article = make_article("Long day", [f"“Words {n},” she said." for n in range(1, 56)])
    for n in range(1, 56):
        add_quote(article, f"Words {n},", paragraph=n, speaker=person)
    _status, items = pagination(get_tree(client, "/quotes/?side=labor"))
    assert ("Next page", "/quotes/?side=labor&page=2") in items
    _status, items = pagination(get_tree(client, "/quotes/?side=labor&page=2"))
    assert ("First page", "/quotes/?side=labor") in items


def test_a_list_of_one_page_has_no_pagination(client, seeded):
    tree = get_tree(client, "/quotes/")
    assert tree.xpath("//nav[contains(@class, 'pagination')]") == []


def test_the_archive_lists_months_with_counts_and_pages_through_undated_coverage(
    client, make_article
):
    from datetime import datetime

    make_article("August story", published_at=datetime(2022, 8, 26, 5, 25, tzinfo=PACIFIC))
    for n in range(1, 36):
        make_article(f"Undated {n}", published_at=None)
    tree = get_tree(client, "/archive/")
    months = tree.xpath("//dl[@class='archive-years']//dd//li")
    assert [" ".join(li.text_content().split()) for li in months] == ["August (1)"]
    undated = tree.xpath("//section[@aria-labelledby='undated-heading']//h3/a")
    assert len(undated) == 30  # a page of them, not all 35 at once
    status, _items = pagination(tree)
    assert status == "Page 1 of 2"
    tree = get_tree(client, "/archive/?page=2")
    assert len(tree.xpath("//section[@aria-labelledby='undated-heading']//h3/a")) == 5


def test_a_month_page_is_paginated(client, make_article):
    from datetime import datetime

    for n in range(1, 56):
        make_article(f"March story {n}", published_at=datetime(2024, 3, 1, 8, tzinfo=PACIFIC))
    status, _items = pagination(get_tree(client, "/archive/2024/03/"))
    assert status == "Page 1 of 2"


@pytest.mark.parametrize("debug", [False, True])
def test_an_empty_month_answers_the_sites_own_404_page(client, seeded, settings, debug):
    settings.DEBUG = debug  # Django's debug page would show instead, listing the URL patterns
    for url in ("/archive/2022/09/", "/archive/1999/", "/archive/2022/08/?page=9"):
        tree = get_tree(client, url, status=404)
        assert tree.xpath("string(//h1)") == "We can’t find that page", url
        assert tree.xpath("//nav[@aria-label='Main']"), (
            url
        )  # the site's own page, navigation and all


def test_the_main_navigation_has_articles_and_search(client, seeded):
    tree = get_tree(client, "/")
    nav = {a.text: a.get("href") for a in tree.xpath("//nav[@aria-label='Main']//a")}
    assert nav["Articles"] == "/articles/"
    assert nav["Search"] == reverse("search:search")
    tree = get_tree(client, "/articles/")
    (current,) = tree.xpath("//nav[@aria-label='Main']//a[@aria-current='page']")
    assert current.text == "Articles"
