"""Production test fixtures: a clean cache per test, real gunicorn hosts on the test database."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from .servers import Gunicorn, manage, server_env


@pytest.fixture(autouse=True)
def fresh_page_cache(settings, tmp_path):
    """Each test starts with an empty cache and its own page-generation file."""
    from strikewatch import page_cache

    settings.STRIKEWATCH_PAGE_GENERATION_FILE = tmp_path / "page-generation"
    cache.clear()
    page_cache.forget_pages()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic once, as a deploy would (hashed, compressed files for DEBUG=0)."""
    root = tmp_path_factory.mktemp("static")
    manage(server_env("unused", STATIC_ROOT=root), "collectstatic", "--noinput", "--verbosity", "0")
    return root


@pytest.fixture
def host_env(transactional_db, settings, static_root):
    """
    Environment for a gunicorn host serving this test's (committed) data:
    the test database, the test index directory, the test's generation file.
    """
    from django.db import connection

    return server_env(
        connection.settings_dict["NAME"],
        STATIC_ROOT=static_root,
        STRIKEWATCH_INDEX_DIR=settings.STRIKEWATCH_INDEX_DIR,
        PAGE_GENERATION_FILE=settings.STRIKEWATCH_PAGE_GENERATION_FILE,
    )


@pytest.fixture
def gunicorn_host(tmp_path):
    """Factory: gunicorn_host(env, name="a") starts a host; all are stopped after the test."""
    started = []

    def start(env, name="host", **options):
        server = Gunicorn(workdir=tmp_path / name, env=env)
        started.append(server)
        return server.start(**options)

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def coverage(db):
    """One published article with a quote, its speaker, outlet and strike (made with the ORM)."""
    from articles.models import Article, Person, Quote, Source, Strike

    source = Source.objects.create(name="The Valley Ledger", kind=Source.Kind.NEWSPAPER)
    strike = Strike.objects.create(name="Valley Nurses Strike", employer="Valley Health")
    article = Article.objects.create(
        source=source,
        strike=strike,
        headline="Nurses walk out at Valley Health",
        published_at=timezone.now() - timedelta(days=1),
        paragraphs=[
            "Nurses walked off the job on Monday.",
            "\u201cWe are short-staffed every night,\u201d said Dana Ortiz, a charge nurse.",
        ],
    )
    person = Person.objects.create(name="Dana Ortiz", description="charge nurse")
    quote = Quote.objects.create(
        article=article,
        paragraph=2,
        start=1,
        end_paragraph=2,
        end=31,
        text="We are short-staffed every night,",
        speaker=person,
        cue="said Dana Ortiz",
    )
    return {
        "article": article,
        "quote": quote,
        "person": person,
        "source": source,
        "strike": strike,
    }


@pytest.fixture
def search_index(settings, tmp_path, coverage):
    """The coverage indexed by the configured backend in a fresh directory (as rebuild_index)."""
    from search import indexing
    from search.backends import get_backend

    settings.STRIKEWATCH_INDEX_DIR = tmp_path / "index"
    settings.SEARCH_AUTO_REBUILD = False
    indexing.rebuild(get_backend())
    yield coverage
    get_backend("whoosh").forget()
