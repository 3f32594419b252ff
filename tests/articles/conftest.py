"""Fixtures shared by the tests of the articles app."""

import pytest

from articles.models import Quote


@pytest.fixture
def add_quote(db):
    """A quote on ``words`` where they first appear in ``article``'s ``paragraph`` (from 1)."""

    def add(article, words, *, paragraph=1, speaker=None, **fields):
        start = article.paragraphs[paragraph - 1].index(words)
        return Quote.objects.create(
            article=article,
            paragraph=paragraph,
            start=start,
            end_paragraph=paragraph,
            end=start + len(words),
            text=words,
            speaker=speaker,
            **fields,
        )

    return add


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
