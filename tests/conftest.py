"""
Shared fixtures: the real seed articles imported into the test database, and
a real headless Chromium for browser tests.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

# Property tests draw the same examples on every run, so CI's verdict is repeatable;
# HYPOTHESIS_PROFILE=explore draws fresh ones when hunting for bugs.
hypothesis_settings.register_profile("repeatable", derandomize=True, deadline=None)
hypothesis_settings.register_profile("explore", deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
KCRA_SEED = SEEDS_DIR / "000_f0e1a9b0e19c2c0c.txt"
BEE_SEED = SEEDS_DIR / "004_9100fbcd64272816.txt"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# CI sets this so that a missing browser fails the run instead of skipping tests.
REQUIRE_BROWSER = os.environ.get("STRIKEWATCH_REQUIRE_BROWSER") == "1"


@pytest.fixture
def fresh_caches():
    """Pages render afresh: the page cache outlives a test's rolled-back rows."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_shared_counts():
    """Rate-limit and sign-in counts start at zero in every test, as the rows they count do."""
    from django.core.cache import caches

    caches["counts"].clear()


@pytest.fixture
def strikes(db):
    call_command("import_strikes", SEEDS_DIR / "strikes.json", verbosity=0)
    from articles.models import Strike

    return Strike.objects.get(slug="kaiser-permanente-mental-health-strike-2022")


@pytest.fixture
def seeded(strikes):
    """Both seed articles imported as ``import_articles seeds/`` would: returns (kcra, bee)."""
    from articles.importer import import_article_file

    kcra = import_article_file(KCRA_SEED).article
    bee = import_article_file(BEE_SEED).article
    return kcra, bee


def _chromium_missing_reason():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        return f"Chromium not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    reason = _chromium_missing_reason()
    if reason:
        if REQUIRE_BROWSER:
            pytest.fail(f"browser tests must run here: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API refuses to start inside a running event loop; Django's
    # async-unsafe checks would then trip on the ORM in the same thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def web_server():
    """
    A real HTTP server on 127.0.0.1 for everything the archive fetches
    (pytest-httpserver; threaded, so a slow answer holds up no other).
    Paths nobody set up answer 404, as robots.txt does on most sites.
    """
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def web(web_server):
    web_server.clear()
    web_server.no_handler_status_code = 404
    yield web_server
    web_server.clear()


@pytest.fixture
def fetch_settings(settings):
    """The site's fetching rules with the test server's address allowed, and short timeouts."""
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.FETCH_TIMEOUT = 2.0
    return settings
