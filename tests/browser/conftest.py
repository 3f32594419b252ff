"""
Fixtures for tests that drive the running site in headless Chromium.

The site is pytest-django's session-wide ``live_server``, backed by the test
database with both real seed articles (and their strike) imported and a real
Whoosh index built by ``rebuild_index`` in a temporary directory.

Seeding once per module: these tests only read, and importing the seeds,
extracting quotes and indexing them is the slow part, so each module imports
them once, shares them across its tests, and empties the database again when
it finishes. That is why ``transactional_db`` is overridden here: pytest-django
gives a test that uses ``live_server`` a ``transactional_db``, which flushes
every table after each test; the override only opens database access (the
live server's threads need it while a test runs) and leaves the cleanup to
``seeded_site``.
"""

import io

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connections
from django.test.utils import override_settings

from tests.conftest import BEE_SEED, KCRA_SEED, SEEDS_DIR

from . import tools
from .pages import DESK, PAGE_NAMES, SPEAKER, STRIKE_SLUG, SeededSite, gate_pages

TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def seeded_site(django_db_setup, django_db_blocker, live_server, tmp_path_factory):
    """Imports the seeds and builds the search index once per module; empties the database after."""
    index_settings = override_settings(
        STRIKEWATCH_INDEX_DIR=tmp_path_factory.mktemp("search-index")
    )
    index_settings.enable()
    try:
        with django_db_blocker.unblock():
            from articles.importer import import_article_file
            from articles.models import Quote, Strike

            caches["default"].clear()
            call_command("import_strikes", SEEDS_DIR / "strikes.json", verbosity=0)
            kcra = import_article_file(KCRA_SEED).article
            bee = import_article_file(BEE_SEED).article
            broken = {}
            try:
                # One process: forking Whoosh writers beside the server's threads risks deadlock.
                call_command("rebuild_index", processes=1, stdout=io.StringIO())
            except CommandError as exc:
                # The search app's command: without it the search page fails, other gates run.
                broken["search"] = f"`manage.py rebuild_index` failed: {exc}"
            quote = (
                Quote.objects.published()
                .filter(speaker__name__icontains=SPEAKER, article=kcra)
                .select_related("speaker", "article")
                .order_by("paragraph", "start")
                .first()
            )
            assert quote is not None, f"the KCRA 3 seed should yield a published quote by {SPEAKER}"
            strike = Strike.objects.get(slug=STRIKE_SLUG)
            pages = gate_pages(kcra, bee, quote, strike)
            if "archive-month" not in pages:
                broken["archive-month"] = "neither seed article has a publication date"
            if "search" not in pages:
                broken.setdefault(
                    "search", "the URL `search:search` is not routed (is the search app installed?)"
                )
            assert set(pages) | set(broken) == set(PAGE_NAMES)
            site = SeededSite(live_server.url, kcra, bee, quote, pages, broken)
            connections.close_all()
        yield site
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
            caches["default"].clear()
            connections.close_all()
        index_settings.disable()


@pytest.fixture
def transactional_db(seeded_site, django_db_blocker):
    """Database access for a test of the live site; ``seeded_site`` owns the data (see above)."""
    with django_db_blocker.unblock():
        yield
        # Playwright's event loop gives test code its own context, and with it its own
        # connection (Django keeps one per context): close it, or the test database
        # cannot be dropped at the end of the run.
        connections.close_all()


@pytest.fixture(scope="session")
def axe_source():
    return tools.axe_source()


@pytest.fixture
def new_context(browser, seeded_site):
    """Makes browser contexts aimed at the live site (relative ``goto`` works); closes them."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESK)
        context = browser.new_context(base_url=seeded_site.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def site_page(new_context):
    """A page of the live site as a reader's browser sees it: CSP enforced, downloads accepted."""
    return new_context(accept_downloads=True).new_page()
