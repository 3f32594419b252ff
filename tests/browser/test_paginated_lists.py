"""
The lists once they run to several pages: numbered pagination in real
Chromium (first, previous, a window of pages, next, last, by mouse and by
keyboard), and the accessibility and HTML gates on the paginated pages
(axe-core finds nothing, the Nu HTML Checker no error).

The seeds fill one page of each list; this module adds, once, enough
published coverage to page through every list: one article whose 105
paragraphs each quote a different person (people and quotes), 55 dated
articles in March 2023 (all coverage, the month) and 35 undated ones (the
archive). They are bulk-created, so they skip the search index, which these
pages do not use.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from .axe import describe_violations, run_axe
from .test_html_validity import fetch
from .tools import vnu_command
from .vnu import check_html_files

pytestmark = pytest.mark.browser

PAGINATED = {
    "quote-list-page-2": "/quotes/?page=2",
    "person-list-page-2": "/people/?page=2",
    "article-list-page-2": "/articles/?page=2",
    "archive-paginated": "/archive/",
    "archive-page-2": "/archive/?page=2",
    "archive-month-page-2": "/archive/2023/03/?page=2",
}


@pytest.fixture(scope="module")
def many_lists(seeded_site, django_db_blocker):
    """Coverage enough for several pages of every list (emptied with the module's site)."""
    with django_db_blocker.unblock():
        from articles.models import Article, Person, Quote, Source

        outlet = Source.objects.create(
            name="The Pagination Courier", kind=Source.Kind.NEWSPAPER, timezone="America/Chicago"
        )
        chicago = ZoneInfo("America/Chicago")
        march = datetime(2023, 3, 14, 9, 0, tzinfo=chicago)
        now = datetime(2024, 1, 1, tzinfo=chicago)

        def article(n, headline, published_at, paragraphs):
            return Article(
                source=outlet,
                headline=headline,
                slug=f"pagination-{n}",
                published_at=published_at,
                published_on=published_at.date() if published_at else None,
                paragraphs=paragraphs,
                status=Article.Status.PUBLISHED,
                first_published_at=now,
            )

        people = Person.objects.bulk_create(
            Person(name=f"Picket Captain {n:03d}", slug=f"picket-captain-{n:03d}")
            for n in range(1, 106)
        )
        words = [f"We hold line {n:03d}" for n in range(1, 106)]
        (long_story,) = Article.objects.bulk_create(
            [
                article(
                    0,
                    "Every captain speaks",
                    march,
                    [f"“{w},” said Picket Captain {n:03d}." for n, w in enumerate(words, 1)],
                )
            ]
        )
        Quote.objects.bulk_create(
            Quote(
                article=long_story,
                paragraph=n,
                start=1,
                end_paragraph=n,
                end=1 + len(w),
                text=w,
                speaker=person,
            )
            for n, (w, person) in enumerate(zip(words, people, strict=True), 1)
        )
        Article.objects.bulk_create(
            [article(n, f"March picket report {n}", march, ["Pickets held."]) for n in range(1, 55)]
            + [article(100 + n, f"Undated report {n}", None, ["Pickets held."]) for n in range(35)]
        )
    return PAGINATED


def test_paging_through_the_quote_list(many_lists, site_page):
    page = site_page
    page.goto("/quotes/")
    nav = page.get_by_role("navigation", name="Pages")
    assert nav.locator(".pagination__status").inner_text().startswith("Page 1 of ")
    assert nav.get_by_role("link", name="First page").count() == 0  # already on it
    nav.get_by_role("link", name="Next page").click()
    page.wait_for_url("**/quotes/?page=2")
    assert (
        page.get_by_role("navigation", name="Pages")
        .locator("[aria-current=page]")
        .inner_text()
        .endswith("2")
    )
    pages = int(nav.locator(".pagination__status").inner_text().split()[-1])
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Last page").click()
    page.wait_for_url(f"**/quotes/?page={pages}")
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="First page").click()
    page.wait_for_url(lambda url: url.endswith("/quotes/"))
    page.get_by_role("navigation", name="Pages").get_by_role("link", name=f"Page {pages}").click()
    page.wait_for_url(f"**/quotes/?page={pages}")
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Previous page").click()
    page.wait_for_url(f"**/quotes/?page={pages - 1}")


def test_pagination_by_keyboard(many_lists, site_page):
    page = site_page
    page.goto("/people/")
    link = page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next page")
    link.focus()
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/people/?page=2")
    # 100 people a page: the second lists the rest (the seeds' speakers and the captains).
    assert 0 < page.locator("ul.people-list > li").count() < 100


def test_the_month_and_the_archive_page_too(many_lists, site_page):
    page = site_page
    page.goto("/archive/2023/03/")
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next page").click()
    page.wait_for_url("**/archive/2023/03/?page=2")
    page.goto("/archive/")
    nav = page.get_by_role("navigation", name="Pages of coverage without a date")
    nav.get_by_role("link", name="Page 2").click()
    page.wait_for_url("**/archive/?page=2")


@pytest.mark.parametrize("name", PAGINATED)
def test_axe_finds_no_violations_on_paginated_lists(name, many_lists, new_context, axe_source):
    page = new_context(bypass_csp=True).new_page()  # only to inject axe itself
    response = page.goto(many_lists[name])
    assert response.status == 200
    assert page.locator("nav .pagination__status").count() == 1, f"{name} is not paginated"
    violations = run_axe(page, axe_source)
    assert not violations, describe_violations(violations, f"{name} ({many_lists[name]})")


def test_nu_html_checker_finds_no_errors_on_paginated_lists(
    many_lists, seeded_site, django_db_blocker, tmp_path
):
    command = vnu_command()
    files = {}
    with django_db_blocker.unblock():
        for name, path in many_lists.items():
            status, _type, body = fetch(seeded_site.url + path)
            assert status == 200, path
            files[name] = tmp_path / f"{name}.html"
            files[name].write_bytes(body)
    report = check_html_files(command, list(files.values()))
    errors = {
        name: [str(m) for m in report[file.resolve()] if m.is_error] for name, file in files.items()
    }
    assert errors == {name: [] for name in files}
