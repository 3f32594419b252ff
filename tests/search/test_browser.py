"""
The search page in headless Chromium: works without JavaScript, breaks no
Content-Security-Policy rule, and passes axe-core in its busiest states.
"""

import pytest
from django.db import connections

from search import indexing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, settings, newsroom, corpus):
    settings.SEARCH_BACKEND = "whoosh"
    settings.STRIKEWATCH_RATE_LIMITS = {"search": "off", "api": "off"}
    for n in range(30):
        corpus.article(
            f"Therapists picket, day {n}",
            ["Therapists picketed again."],
            source=newsroom["sources"]["bee"],
        )
    indexing.rebuild()
    yield live_server.url
    connections.close_all()


@pytest.fixture
def reader(browser):
    """A reader's browser: JavaScript off (the page must not need it), CSP enforced."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_search_narrow_and_page_without_javascript(site, reader):
    reader.goto(f"{site}/search/")
    reader.get_by_label("Search quotes and articles").fill("therapists")
    reader.get_by_role("radio", name="Articles").check()
    reader.get_by_role("button", name="Search").click()
    heading = reader.get_by_role("heading", level=2).first
    assert heading.inner_text().startswith("32 articles for “therapists”")
    assert reader.locator(".search-hits mark").first.inner_text().lower().startswith("therapist")

    nav = reader.get_by_role("navigation", name="Search results pages")
    nav.get_by_role("link", name="Next page").click()
    assert "page=2" in reader.url
    assert reader.locator(".search-hits").get_attribute("start") == "21"

    reader.get_by_role("complementary").get_by_role("link", name="KCRA 3").click()
    assert (
        reader.get_by_role("heading", level=2)
        .first.inner_text()
        .startswith("1 article for “therapists” in KCRA 3")
    )
    reader.get_by_role("link", name="Remove outlet: KCRA 3").click()
    assert reader.get_by_role("heading", level=2).first.inner_text().startswith("32 articles")


def test_no_content_security_policy_violations(site, browser):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    response = page.goto(f"{site}/search/?q=speaker%3AMcAleigh")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert page.locator(".search-hits > li").count() == 2
    assert problems == []
    context.close()


@pytest.mark.parametrize(
    "query",
    [
        "?q=therapists&type=articles&page=2&source=sacramento-bee",  # facets selected, pages, filters
        "?q=theraptists&type=articles",  # did you mean
        "?q=%22unbalanced+(AND&from=2022-99-99&sort=sideways",  # notices and ignored parameters
        "?q=speaker%3AMcAleigh",  # quotes with highlights
    ],
)
def test_axe_finds_no_violations(site, browser, query):
    from tests.browser.axe import describe_violations, run_axe
    from tests.browser.tools import axe_source

    source = axe_source()  # skips, or fails under STRIKEWATCH_REQUIRE_BROWSER=1, without npm ci
    context = browser.new_context(bypass_csp=True)  # only to inject axe itself
    page = context.new_page()
    page.goto(f"{site}/search/{query}")
    violations = run_axe(page, source)
    context.close()
    assert not violations, describe_violations(violations, f"/search/{query}")
