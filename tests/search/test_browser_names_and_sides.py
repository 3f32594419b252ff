"""
The search page's people, sides and copies in headless Chromium: a misspelt
name finds the person, the side filter narrows the page, the API and the CSV,
and the page with all its new blocks passes axe-core and the Nu HTML Checker.
"""

import csv
import io
import json
import urllib.request

import pytest
from django.db import connections

from articles.models import Person, Source, SyndicatedCopy
from search import indexing

from .conftest import at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A page showing every new block: people named, a suggestion, side badges, a side
# filter, copies shown together and numbered pages.
BUSIEST = "/search/?q=Sorokin"
BLOCKS = "/search/?q=Soroken+OR+refinery&side=labor"


@pytest.fixture
def site(live_server, settings, newsroom, corpus):
    settings.SEARCH_BACKEND = "whoosh"
    settings.STRIKEWATCH_RATE_LIMITS = {"search": "off", "api": "off"}
    people = newsroom["people"]
    Person.objects.filter(pk=people["soroken"].pk).update(side=Person.Side.LABOR)
    Person.objects.filter(pk=people["mcalevey"].pk).update(side=Person.Side.EXPERT)
    ap, _ = Source.objects.get_or_create(name="Associated Press", defaults={"slug": "ap"})
    steward = corpus.person("Dana Okafor", side=Person.Side.LABOR)
    copies = []
    for n, source in enumerate([corpus.bee, corpus.kcra, ap]):
        article = corpus.article(
            f"Refinery picket holds, edition {n}",
            ["“The refinery picket holds firm,” said Dana Okafor."],
            source=source,
            published_at=at(2023, 3, 1 + n),
        )
        corpus.quote(article, "The refinery picket holds firm", steward)
        copies.append(article)
    SyndicatedCopy.objects.create(article=copies[0], other=copies[1], similarity=0.9)
    SyndicatedCopy.objects.create(article=copies[1], other=copies[2], similarity=0.9)
    for n in range(25):
        article = corpus.article(f"Refinery diary {n}", [f"“Refinery day {n},” Soroken said."])
        corpus.quote(article, f"Refinery day {n}", people["soroken"])
    indexing.rebuild()
    yield live_server.url
    connections.close_all()


@pytest.fixture
def reader(browser):
    """A reader's browser: JavaScript off (the page must not need it), CSP enforced."""
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    yield context.new_page()
    context.close()


def test_a_misspelt_name_finds_the_person(site, reader, newsroom):
    reader.goto(f"{site}/search/")
    reader.get_by_label("Search quotes and articles").fill("Sorokin")
    reader.get_by_role("button", name="Search").click()
    people = reader.get_by_role("region", name="People")
    people.get_by_role("link", name="Sarah Soroken").click()
    assert reader.url == f"{site}{newsroom['people']['soroken'].get_absolute_url()}"
    assert reader.get_by_role("heading", level=1).inner_text() == "Sarah Soroken"

    reader.go_back()
    reader.get_by_role("link", name="Soroken", exact=True).click()  # "Did you mean Soroken?"
    assert "q=Soroken" in reader.url
    assert reader.locator(".search-hits > li").count() > 0


def _csv_sides(reader, page_url):
    reader.goto(page_url)
    with reader.expect_download() as download:
        reader.locator(".search-export a").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    return rows


def test_the_side_filter_narrows_the_page_the_api_and_the_csv(site, reader):
    reader.goto(f"{site}/search/?q=premiums+OR+care+OR+refinery")
    everything = reader.locator(".search-hits > li").count()
    reader.get_by_label("Speaker’s side").select_option("expert")
    reader.get_by_role("button", name="Search").click()
    assert "side=expert" in reader.url
    assert reader.locator(".search-hits > li").count() == 1 < everything
    assert [t.lower() for t in reader.locator(".search-hits .side").all_inner_texts()] == ["expert"]

    api = reader.request.get(f"{site}/api/search?q=premiums+OR+care+OR+refinery&side=labor")
    payload = api.json()
    assert payload["total"] > 0
    assert {item["speaker"]["side"] for item in payload["results"]} == {"labor"}
    unfiltered = reader.request.get(f"{site}/api/search?q=premiums+OR+care+OR+refinery").json()
    assert payload["total_with_copies"] < unfiltered["total_with_copies"]

    rows = _csv_sides(reader, f"{site}/search/?q=premiums+OR+care+OR+refinery&side=labor")
    assert rows and {row["speaker_side"] for row in rows} == {"labor"}
    assert len(rows) == payload["total_with_copies"]

    refused = reader.request.get(f"{site}/api/search?q=care&side=workers")
    assert refused.status == 400
    assert "There is no side called “workers”" in refused.text()


def test_copies_are_one_result_linking_the_other_outlets(site, reader):
    reader.goto(f"{site}/search/?q=%22refinery+picket%22")
    hits = reader.locator(".search-hits > li")
    assert hits.count() == 1
    copies = hits.first.locator(".search-copies")
    assert copies.inner_text().startswith("and 2 other outlets:")
    assert copies.get_by_role("link").count() == 2
    reader.get_by_role("link", name="Show each outlet’s copy").click()
    assert reader.locator(".search-hits > li").count() == 3


@pytest.mark.parametrize("path", [BUSIEST, BLOCKS, BLOCKS + "&page=2", BLOCKS + "&copies=all"])
def test_axe_finds_no_violations(site, browser, path):
    from tests.browser.axe import describe_violations, run_axe
    from tests.browser.tools import axe_source

    source = axe_source()
    context = browser.new_context(bypass_csp=True)  # only to inject axe itself
    page = context.new_page()
    page.goto(f"{site}{path}")
    assert page.locator(".search-people, .search-copies").count() > 0
    violations = run_axe(page, source)
    context.close()
    assert not violations, describe_violations(violations, path)


def test_nu_html_checker_finds_no_errors(site, tmp_path):
    from tests.browser.tools import vnu_command
    from tests.browser.vnu import check_html_files

    command = vnu_command()
    files = []
    for n, path in enumerate([BUSIEST, BLOCKS, BLOCKS + "&page=2"]):
        with urllib.request.urlopen(f"{site}{path}", timeout=30) as response:
            body = response.read()
        file = tmp_path / f"search-{n}.html"
        file.write_bytes(body)
        files.append(file)
    report = check_html_files(command, files)
    errors = {
        str(file): [str(m) for m in messages if m.is_error] for file, messages in report.items()
    }
    assert not any(errors.values()), json.dumps(errors, indent=1, ensure_ascii=False)
