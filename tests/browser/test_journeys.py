"""
The browser journeys, in headless Chromium against the live site with
the seeds imported: a journalist searches for a speaker, opens a quote, opens
its cite block and downloads its BibTeX; a keyboard user reaches the search
box and a result with Tab and Enter alone, always seeing where focus is; the
skip link and paragraph anchors work.
"""

import re
from urllib.parse import urlparse

import bibtexparser
import pytest

from .pages import MAIN_PAGES, PHONE, SPEAKER, VIEWPORTS

pytestmark = pytest.mark.browser

QUOTE_PATH = re.compile(r"^/quotes/(\d+)/$")
ON_QUOTE_PAGE = re.compile(r"/quotes/\d+/$")
MAX_TABS = 80  # a keyboard user would give up long before this

# What the focused element is, and whether a sighted keyboard user can see it.
FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    type: el.getAttribute("type") || "",
    href: el.getAttribute("href"),
    label: (el.getAttribute("aria-label") || el.innerText || el.value || "").trim().slice(0, 80),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
    inMain: Boolean(el.closest("main")),
  };
}
"""


def focused(page):
    return page.evaluate(FOCUSED)


def assert_focus_visible(element, where):
    """WCAG 2.4.7 and 2.4.11: the focused element is on screen, drawn with an outline or a ring."""
    assert element is not None, f"{where}: focus fell on the page itself"
    assert element["onScreen"], (
        f"{where}: the focused {element['tag']} {element['label']!r} is off screen"
    )
    assert element["outline"] or element["shadow"], (
        f"{where}: the focused {element['tag']} {element['label']!r} "
        f"({element['href'] or element['id']}) "
        "has no visible focus indicator (no outline, no box-shadow)"
    )


def tab_until(page, wanted, where, limit=MAX_TABS):
    """Presses Tab until the focused element satisfies ``wanted``; every stop must show focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert_focus_visible(element, f"{where}, Tab stop {len(seen) + 1}")
        seen.append(element["label"] or element["href"] or element["tag"])
        if wanted(element):
            return element
    pytest.fail(
        f"{where}: not reached in {limit} Tab presses; focus went through {seen}", pytrace=False
    )


def quote_id(href):
    match = QUOTE_PATH.match(urlparse(href or "").path)
    return int(match.group(1)) if match else None


def unbraced(value):
    return " ".join(re.sub(r"[{}\\]", "", value).split())


def test_search_a_speaker_open_a_quote_and_download_its_bibtex(seeded_site, site_page, tmp_path):
    from articles.models import Quote

    page = site_page
    page.goto("/")
    search = page.get_by_role("search").get_by_role("searchbox")
    search.fill(SPEAKER)
    search.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=" + SPEAKER))

    results = page.locator("main a[href]")
    hrefs = results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    found = [href for href in hrefs if quote_id(href)]
    assert found, f"the search for {SPEAKER!r} links to no quote page; links in main: {hrefs}"
    page.locator(f'main a[href="{found[0]}"]').first.click()
    page.wait_for_url(ON_QUOTE_PAGE)

    quote = Quote.objects.select_related("speaker", "article__source").get(pk=quote_id(page.url))
    assert SPEAKER in quote.speaker.name, (
        f"the first quote result is {quote.speaker}'s, not {SPEAKER}'s"
    )
    assert page.get_by_role("heading", level=1).inner_text().startswith(quote.speaker.name)

    cite = page.get_by_role("region", name=re.compile(r"^Cite", re.I))
    bibtex_link = cite.get_by_role("link", name="BibTeX")
    # On a quote's page the cite block starts open (citing is what the page is for); it folds.
    assert bibtex_link.is_visible()
    cite.locator("summary").click()
    assert not bibtex_link.is_visible()
    cite.locator("summary").click()
    assert bibtex_link.is_visible()
    apa = cite.locator("[data-style=apa]").inner_text()
    assert quote.article.headline in apa and quote.speaker.name in apa, apa

    with page.expect_download() as download_info:
        bibtex_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".bib"), download.suggested_filename
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    library = bibtexparser.parse_file(str(saved))
    assert library.failed_blocks == [], [block.error for block in library.failed_blocks]
    assert len(library.entries) == 1, library.entries
    entry = library.entries[0]
    assert entry.entry_type == "article"
    assert unbraced(entry["title"]) == " ".join(quote.article.headline.split())
    assert unbraced(entry["journal"]) == quote.article.source.name
    assert quote.speaker.name in unbraced(entry["note"])
    assert f"paragraph {quote.paragraph}" in unbraced(entry["note"])


def test_keyboard_alone_reaches_the_search_box_and_a_result(seeded_site, site_page):
    from articles.models import Quote

    page = site_page
    page.goto("/")
    tab_until(
        page,
        lambda el: el["tag"] == "input" and el["type"] == "search",
        "home page, looking for search",
    )
    page.keyboard.type(SPEAKER)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=" + SPEAKER))

    result = tab_until(
        page,
        lambda el: el["inMain"] and quote_id(el["href"]) is not None,
        "search results, looking for a quote",
    )
    page.keyboard.press("Enter")
    page.wait_for_url(ON_QUOTE_PAGE)
    assert quote_id(page.url) == quote_id(result["href"])
    assert SPEAKER in Quote.objects.get(pk=quote_id(page.url)).speaker.name


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_skip_link_moves_to_the_main_content(viewport, seeded_site, new_context):
    page = new_context(viewport=VIEWPORTS[viewport]).new_page()
    page.goto(seeded_site.path("article"))

    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main", f"the first Tab stop should be the skip link, got {skip}"
    assert_focus_visible(skip, "skip link")
    page.keyboard.press("Enter")
    # Following an in-page link updates the location after the key event returns.
    page.wait_for_function("location.hash === '#main'")
    assert urlparse(page.url).fragment == "main"

    page.keyboard.press("Tab")
    after = focused(page)
    assert after is not None and after["inMain"], (
        f"after the skip link, Tab went to {after}, outside <main>"
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_paragraph_anchor_scrolls_to_its_paragraph(viewport, seeded_site, new_context):
    kcra = seeded_site.kcra
    assert len(kcra.paragraphs) > 5
    page = new_context(viewport=VIEWPORTS[viewport]).new_page()
    page.goto(f"{seeded_site.path('article')}#p5")

    position = page.evaluate(
        """() => {
          const p = document.getElementById("p5");
          return {target: document.querySelector(":target")?.id, top: p.getBoundingClientRect().top,
                  scrolled: window.scrollY, height: window.innerHeight, text: p.innerText};
        }"""
    )
    assert position["target"] == "p5"
    assert position["scrolled"] > 0, "the page did not scroll"
    # At the top of the window, give or take a scroll margin.
    assert 0 <= position["top"] <= position["height"] / 4, position
    assert " ".join(kcra.paragraphs[4].split()) in " ".join(position["text"].split())


def test_phone_layout_does_not_scroll_sideways(seeded_site, new_context):
    """On a phone-sized screen no reading page is wider than the screen."""
    page = new_context(viewport=PHONE).new_page()
    too_wide = {}
    for name in MAIN_PAGES:
        page.goto(seeded_site.path(name))
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
    assert too_wide == {}, f"pages wider than a {PHONE['width']}px phone screen: {too_wide}"
