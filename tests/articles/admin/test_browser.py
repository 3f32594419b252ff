"""
The editors' flows in the real admin, in headless Chromium against the live
server: signing in through the login form, adding an article by pasting it,
reviewing its quotes (speaker autocomplete, delete, re-extract), merging two
people. Every page must run under the site's Content-Security-Policy without
a single violation.
"""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Person, Quote

from .conftest import EDITOR_PASSWORD
from .test_add import NURSES_TEXT

pytestmark = [
    pytest.mark.browser,
    # The live server answers in its own thread: data must be committed to be seen.
    pytest.mark.django_db(transaction=True),
]

TIMEOUT_MS = 15_000
KAISER_PAGE = Path(__file__).resolve().parent.parent / "fetch" / "pages" / "kaiser_therapists.html"


@pytest.fixture
def editor_page(browser, live_server, make_editor):
    """A Chromium page signed in as an editor through the real login form; collects CSP violations."""
    make_editor("amira")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    violations = []

    def watch(new_page):  # every page of the context, pop-up windows included
        new_page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                or "Content-Security-Policy" in message.text
                else None
            ),
        )
        new_page.on("pageerror", lambda error: violations.append(f"script error: {error}"))

    context.on("page", watch)
    page = context.new_page()
    page.csp_violations = violations
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "amira")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def row_prefix(page, quote):
    """The inline form prefix ("quotes-3") of a quote's row on the article's change page."""
    name = page.locator(f"input[name^='quotes-'][name$='-id'][value='{quote.pk}']").get_attribute(
        "name"
    )
    return name.removesuffix("-id")


def messages(page):
    return page.locator("ul.messagelist li").all_inner_texts()


def test_add_an_article_by_pasting_it_and_land_on_its_quotes(editor_page, strikes):
    """Paste the text, create its outlet on the way, save: the editor lands on the quotes found."""
    page = editor_page
    page.goto("/admin/articles/article/add/")
    page.fill("textarea[name=text]", NURSES_TEXT)
    # The outlet is new: create it with the "+" button's pop-up window, as editors do.
    with page.expect_popup() as popup_info:
        page.click("#add_id_source")
    popup = popup_info.value
    popup.locator("#id_name").press_sequentially("Valley Public Radio")
    assert (
        popup.input_value("#id_slug") == "valley-public-radio"
    )  # prepopulated by the admin's script
    popup.select_option("#id_kind", "radio")
    popup.fill("#id_timezone", "America/Los_Angeles")
    popup.click("input[name=_save]")
    popup.wait_for_event("close")
    assert page.locator("#id_source option:checked").inner_text() == "Valley Public Radio"
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/#quotes-group$"))

    article = Article.objects.get()
    assert article.source.name == "Valley Public Radio"
    assert "source" in article.locked_fields
    quotes = article.quotes.count()
    assert quotes > 0
    assert messages(page)[0].startswith(
        f"Added “{article.headline}” (draft): {quotes} quotes found"
    )
    assert page.locator("tr[id^='quotes-']:not(#quotes-empty)").count() == quotes
    unattributed = article.quotes.filter(speaker__isnull=True).count()
    assert page.locator(".quote-flag--unattributed", has_text="No speaker").count() == unattributed
    assert page.locator(".quote-review-summary").inner_text().startswith(f"{quotes} quote")
    assert page.csp_violations == []


def test_add_a_story_by_its_url_and_read_its_archived_copy(
    editor_page, strikes, web, fetch_settings
):
    """
    Add by URL from the articles list: the page is fetched by the background
    worker (django-tasks-db's, run here for the tasks waiting), the status page
    reloads itself onto the article's quotes, and the published article offers
    its archived copy, which runs under the CSP without a violation.
    """
    page = editor_page
    story = KAISER_PAGE.read_bytes()
    web.expect_request("/news/kaiser").respond_with_data(
        story, headers={"Content-Type": "text/html; charset=utf-8"}
    )
    page.goto("/admin/articles/article/")
    page.click("text=Add by URL")
    page.fill("input[name=url]", web.url_for("/news/kaiser"))
    page.select_option("select[name=status]", "published")
    page.click("input[name=_fetch]")
    page.wait_for_url("**/admin/articles/article/add-by-url/*/")
    assert "Fetching" in page.locator("#content-main h2").inner_text()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/#quotes-group$"))
    article = Article.objects.get()
    assert messages(page)[0].startswith(f"Added “{article.headline}” (published, ")
    assert (
        page.locator("tr[id^='quotes-']:not(#quotes-empty)").count() == article.quotes.count() > 0
    )

    page.goto(article.get_absolute_url())
    page.click("text=Archived copy (fetched")
    banner = page.locator(".archived-banner").inner_text()
    assert "This is StrikeWatch’s copy of" in banner
    assert (
        "Mental health therapists at Kaiser Permanente"
        in page.locator(".archived-page").inner_text()
    )
    assert page.csp_violations == []


def test_review_fix_a_speaker_delete_a_quote_and_reextract(editor_page, seeded):
    page = editor_page
    kcra, _bee = seeded
    speaker = Person.objects.create(name="Fiona Reviewer-Checked")
    fixed, false_quote, *_ = kcra.quotes.filter(edited_by_editor=False).order_by(
        "paragraph", "start"
    )
    page.goto(f"/admin/articles/article/{kcra.pk}/change/")

    # Speaker by autocomplete: open the row's select2 box, type, pick.
    row = page.locator(f"#{row_prefix(page, fixed)}")
    row.locator(".field-speaker .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Reviewer")
    page.locator(".select2-results__option", has_text="Fiona Reviewer-Checked").click()
    assert (
        row.locator(".field-speaker .select2-selection__rendered")
        .inner_text()
        .endswith("Fiona Reviewer-Checked")
    )
    page.check(f"input[name='{row_prefix(page, false_quote)}-DELETE']")
    page.click("input[name=_continue]")
    page.wait_for_url(f"**/admin/articles/article/{kcra.pk}/change/")
    assert any(
        m.startswith("The article") and "was changed successfully" in m for m in messages(page)
    ), messages(page)

    fixed_now = Quote.objects.get(pk=fixed.pk)
    assert (fixed_now.speaker, fixed_now.edited_by_editor) == (speaker, True)
    assert not Quote.objects.filter(pk=false_quote.pk).exists()
    row = page.locator(f"#{row_prefix(page, fixed_now)}")
    assert row.locator(".quote-flag--checked").inner_text() == "Checked"

    # Re-extract from the change page's action bar.
    page.select_option("select[name='CHANGE_FORM-action']", "reextract_quotes")
    page.click("div.actions button[name=index]")
    page.wait_for_url(f"**/admin/articles/article/{kcra.pk}/change/")
    assert messages(page)[0].startswith("Re-extracted the quotes of 1 article:")
    fixed_now = Quote.objects.get(pk=fixed.pk)
    assert (fixed_now.speaker, fixed_now.edited_by_editor) == (speaker, True)
    assert not kcra.quotes.filter(text=false_quote.text).exists()
    assert page.locator(f"input[name$='-id'][value='{fixed.pk}']").count() == 1
    assert page.csp_violations == []


def test_merge_two_people_and_the_old_page_answers_301(editor_page, seeded):
    page = editor_page
    kcra, _bee = seeded
    survivor = Person.objects.create(name="Sarah Soroken-Merge")
    duplicate = Person.objects.create(name="Sara Soroken-Merge", aliases=["S. Soroken"])
    first, second = kcra.quotes.order_by("paragraph")[:2]
    Quote.objects.filter(pk=first.pk).update(speaker=survivor)
    Quote.objects.filter(pk=second.pk).update(speaker=duplicate)
    old_url = duplicate.get_absolute_url()

    page.goto("/admin/articles/person/?q=Soroken-Merge")
    page.check(f"input[name=_selected_action][value='{survivor.pk}']")
    page.check(f"input[name=_selected_action][value='{duplicate.pk}']")
    page.select_option("select[name=action]", "merge_people")
    page.click("div.actions button[name=index]")
    page.wait_for_selector("form#merge-form")
    page.check(f"#survivor-{survivor.pk}")
    page.click("form#merge-form input[type=submit]")
    page.wait_for_url("**/admin/articles/person/**")
    assert messages(page)[0].startswith(
        "Merged “Sara Soroken-Merge” into Sarah Soroken-Merge: 1 quote moved"
    )

    survivor.refresh_from_db()
    assert {"Sara Soroken-Merge", "S. Soroken"} <= set(survivor.aliases)
    assert Quote.objects.get(pk=second.pk).speaker == survivor
    response = page.request.get(old_url, max_redirects=0)
    assert response.status == 301
    assert response.headers["location"] == survivor.get_absolute_url()
    page.goto(old_url)
    assert page.url.endswith(survivor.get_absolute_url())
    assert page.csp_violations == []


def test_every_admin_page_of_the_flows_runs_under_the_csp(editor_page, seeded):
    page = editor_page
    kcra, _bee = seeded
    quote = kcra.quotes.first()
    for path in (
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{kcra.pk}/change/",
        f"/admin/articles/article/{kcra.pk}/history/",
        "/admin/articles/quote/?review=unattributed",
        f"/admin/articles/quote/{quote.pk}/change/",
        "/admin/articles/person/",
        "/admin/articles/source/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.csp_violations == []


def test_the_quote_review_table_fits_a_1280_pixel_screen(editor_page, seeded):
    """Every column of the review table, "Delete?" included, is on screen without scrolling."""
    page = editor_page
    page.set_viewport_size({"width": 1280, "height": 800})
    kcra, _bee = seeded
    page.goto(f"/admin/articles/article/{kcra.pk}/change/")
    table = page.locator("#quotes-group table")
    headers = table.locator("thead th").evaluate_all(
        "ths => ths.map(th => [th.innerText.trim(), th.getBoundingClientRect().right])"
    )
    off_screen = [(name, right) for name, right in headers if right > 1280]
    assert off_screen == [], f"columns beyond 1280 px: {off_screen}"
    labels = [name for name, _right in headers]
    for column in ("Is fragment", "Checked", "Delete?"):
        assert any(label.lower().startswith(column.lower()) for label in labels), labels
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280


def test_adding_a_person_from_a_quotes_speaker_field_fills_the_slug(editor_page, seeded):
    page = editor_page
    kcra, _bee = seeded
    page.goto(f"/admin/articles/article/{kcra.pk}/change/")
    with page.expect_popup() as popup_info:
        page.click("#add_id_quotes-0-speaker")
    popup = popup_info.value
    popup.locator("#id_name").press_sequentially("Maria Lopez")
    assert popup.input_value("#id_slug") == "maria-lopez"  # filled as the editor types
    with popup.expect_event("close"):
        popup.click("input[name=_save]")
    assert page.locator("#id_quotes-0-speaker option:checked").inner_text() == "Maria Lopez"
    assert Person.objects.get(name="Maria Lopez").slug == "maria-lopez"
    assert page.csp_violations == []
