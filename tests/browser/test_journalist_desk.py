"""
The journalist's desk in headless Chromium: copy buttons put exactly the
text shown on the clipboard (and the page works without JavaScript), numbered
pagination pages through the lists, "More from this speaker" leads to the
speaker's other quotes.
"""

import re

import pytest

from articles.citation import format_citations

pytestmark = pytest.mark.browser

CLIPBOARD = ["clipboard-read", "clipboard-write"]
COPY_TARGETS = ["quote", "apa", "mla", "chicago-note", "chicago-bibliography"]


def read_clipboard(page):
    return page.evaluate("() => navigator.clipboard.readText()")


@pytest.fixture
def clipboard_page(new_context):
    context = new_context()
    context.grant_permissions(CLIPBOARD)
    return context.new_page()


def test_copy_buttons_put_exactly_the_text_shown_on_the_clipboard(seeded_site, clipboard_page):
    page = clipboard_page
    quote = seeded_site.quote
    page.goto(quote.get_absolute_url())
    cite = page.get_by_role("region", name=re.compile(r"^Cite this quote"))
    for target in COPY_TARGETS:
        shown = cite.locator(f"#copy-{target}")
        button = cite.locator(f"button[data-copy='copy-{target}']")
        assert button.is_visible(), f"the {target} copy button is not shown"
        button.click()
        status = button.locator("xpath=following-sibling::*[@role='status'][1]")
        status.wait_for(state="visible")
        assert status.inner_text() == "Copied"
        assert read_clipboard(page) == shown.inner_text().strip(), target

    page.locator("button[data-copy='copy-quote']").click()
    assert read_clipboard(page) == (
        f"“{' '.join(quote.text.split())}” — {quote.speaker.name}, "
        f"quoted by {quote.article.source.name}"
    )


def test_copied_citations_are_the_formatters_text(seeded_site, clipboard_page):
    """The APA of a quote is two lines (reference, then in-text): both, line break included."""
    from articles.citing import cited_article

    page = clipboard_page
    quote = seeded_site.quote
    page.goto(quote.get_absolute_url())
    item = cited_article(
        quote.article,
        seeded_site.url + quote.article.get_absolute_url(),
        quote=quote,
        quote_url=seeded_site.url + quote.get_absolute_url(),
    )
    expected = format_citations(item)
    for target, key in (("apa", "apa"), ("mla", "mla"), ("chicago-note", "chicago_note")):
        page.locator(f"button[data-copy='copy-{target}']").click()
        page.wait_for_function(
            "(text) => navigator.clipboard.readText().then(t => t === text)", arg=expected[key].text
        )
        assert read_clipboard(page) == expected[key].text
    assert "\n" in expected["apa"].text


def test_copy_buttons_on_an_article_page(seeded_site, clipboard_page):
    page = clipboard_page
    page.goto(seeded_site.bee.get_absolute_url())
    cite = page.get_by_role("region", name=re.compile(r"^Cite this article"))
    cite.locator("summary").click()
    cite.locator("button[data-copy='copy-mla']").click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)")
    assert read_clipboard(page) == cite.locator("#copy-mla").inner_text().strip()
    assert seeded_site.bee.headline in read_clipboard(page)


def test_without_javascript_there_are_no_buttons_and_the_text_is_there(seeded_site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(seeded_site.quote.get_absolute_url())
    assert page.locator("button.copy-button").count() == 5
    assert page.locator("button.copy-button:visible").count() == 0  # hidden until the script runs
    assert seeded_site.quote.speaker.name in page.locator("#copy-quote").inner_text()
    assert page.locator("#copy-apa").inner_text().strip()


def test_more_from_this_speaker_leads_to_their_other_quotes(seeded_site, site_page):
    from articles.models import Person, Quote

    page = site_page
    speaker = Person.objects.most_quoted().first()  # quoted more than once in the seeds
    published = Quote.objects.published().filter(speaker=speaker).newest_first()
    quote = published.last()
    others = list(published.exclude(pk=quote.pk)[:5])
    assert others, "the seeds quote someone more than once"
    page.goto(quote.get_absolute_url())
    more = page.get_by_role("region", name=f"More from {speaker.name}")
    links = more.locator("blockquote a")
    assert links.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        other.get_absolute_url() for other in others
    ]
    links.first.click()
    page.wait_for_url(f"**{others[0].get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text().startswith(speaker.name)
    # The strikes they were quoted about are links too.
    page.go_back()
    strike = quote.article.strike
    more.get_by_role("link", name=strike.name).click()
    page.wait_for_url(f"**{strike.get_absolute_url()}")
