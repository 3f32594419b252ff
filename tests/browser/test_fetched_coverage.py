"""
The quality gates on what coverage added by URL brings to the reading pages:
an article fetched from the local test server (with its "Archived copy"
link and an "Also carried by" list: a wire copy of it is imported too) and
the archived copy itself. axe-core finds no violation, the Nu HTML Checker
no error, and the archived copy loads nothing from elsewhere and runs nothing.
"""

import urllib.request
from pathlib import Path

import pytest
from django.db import connections
from django.test.utils import override_settings

from .axe import describe_violations, run_axe
from .vnu import check_html_files

PAGE = (
    Path(__file__).resolve().parents[1] / "articles" / "fetch" / "pages" / "kaiser_therapists.html"
)


@pytest.fixture(scope="module")
def fetched_pages(seeded_site, django_db_blocker, web_server):
    """Paths of the fetched article's page and of its archived copy."""
    from articles.capture import capture_url
    from articles.importer import import_parsed_article, parse_article_text
    from articles.models import Article

    web_server.clear()
    web_server.no_handler_status_code = 404
    web_server.expect_request("/news/kaiser").respond_with_data(
        PAGE.read_bytes(), headers={"Content-Type": "text/html; charset=utf-8"}
    )
    with override_settings(FETCH_ALLOWED_HOSTS=["127.0.0.1"]), django_db_blocker.unblock():
        capture = capture_url(web_server.url_for("/news/kaiser"), status=Article.Status.PUBLISHED)
        article = capture.article
        copy_text = (
            "Source: Harbor Daily\n\nKaiser therapists back on strike lines\n\n"
            + "\n\n".join(article.paragraphs[:6])
        )
        import_parsed_article(
            parse_article_text(copy_text), key="harbor-daily-copy.txt", content_hash="copy"
        )
        paths = {
            "fetched-article": article.get_absolute_url(),
            "archived-copy": capture.archived_page.get_absolute_url(),
        }
        connections.close_all()
    web_server.clear()
    return paths


@pytest.mark.browser
@pytest.mark.parametrize("name", ["fetched-article", "archived-copy"])
def test_axe_finds_no_violations(name, fetched_pages, new_context, axe_source, transactional_db):
    page = new_context(bypass_csp=True).new_page()
    assert page.goto(fetched_pages[name]).status == 200
    if name == "fetched-article":
        assert page.locator(".also-carried").inner_text().startswith("Also carried by")
        assert page.locator("text=Archived copy (fetched").count() == 1
    violations = run_axe(page, axe_source)
    if violations:
        pytest.fail(describe_violations(violations, f"the {name} page"), pytrace=False)


@pytest.mark.browser
def test_the_archived_copy_loads_from_the_site_alone_and_runs_nothing(
    fetched_pages, site_page, seeded_site, transactional_db
):
    requests, problems = [], []
    site_page.on("request", lambda request: requests.append(request.url))
    site_page.on(
        "console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None
    )
    site_page.on("pageerror", lambda error: problems.append(str(error)))
    site_page.goto(fetched_pages["archived-copy"])
    assert all(url.startswith(seeded_site.url) for url in requests), requests
    assert problems == []
    assert site_page.evaluate("typeof window.dataLayer") == "undefined"


def test_nu_html_checker_finds_no_errors(fetched_pages, seeded_site, tmp_path, transactional_db):
    from . import tools

    command = tools.vnu_command()
    files = []
    for name, path in fetched_pages.items():
        with urllib.request.urlopen(seeded_site.url + path, timeout=30) as response:
            files.append(tmp_path / f"{name}.html")
            files[-1].write_bytes(response.read())
    report = check_html_files(command, files)
    errors = [f"{file.name}: {m}" for file in files for m in report[file.resolve()] if m.is_error]
    assert errors == []
