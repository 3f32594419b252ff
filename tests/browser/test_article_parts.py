"""
A long article read in parts, in real Chromium: a link from elsewhere to a
paragraph on another part (``#p300`` on the article's own address) is sent on
to the part that holds it, anchor kept; the parts navigation moves between
parts.
"""

import re

import pytest

pytestmark = pytest.mark.browser


def test_a_paragraph_link_lands_on_the_part_that_holds_it(seeded_site, site_page):
    article = seeded_site.path("article-part").split("?")[0]
    site_page.goto(f"{seeded_site.url}{article}#p300")
    site_page.wait_for_url(re.compile(r"\?part=2#p300$"))
    assert site_page.locator("#p300").is_visible()
    assert site_page.locator("#p1").count() == 0


def test_the_parts_navigation_moves_between_parts(seeded_site, site_page):
    site_page.goto(f"{seeded_site.url}{seeded_site.path('article-part')}")
    nav = site_page.get_by_role("navigation", name="Parts of this article", exact=True)
    assert nav.get_by_role("link", name="Part 2").get_attribute("aria-current") == "page"
    nav.get_by_role("link", name="Part 3").click()
    site_page.wait_for_url(re.compile(r"\?part=3$"))
    assert site_page.locator("#p301").is_visible()
