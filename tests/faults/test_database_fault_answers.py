"""
What a request gets from a database fault, in process: the site's own 503
page or JSON on /api/, with Retry-After and never stored; an outage that
answers the next requests at once and ends when the database answers; a
statement the server cancelled answers 503 without starting an outage.
"""

import json
import logging
import threading
import time

import psycopg
import pytest
from django.db import OperationalError, connections
from django.test import RequestFactory

from strikewatch import database_faults
from strikewatch.db_watchdog import watchdog


@pytest.fixture(autouse=True)
def no_outage(settings):
    settings.ROOT_URLCONF = "tests.faults.urls"
    database_faults.outage.end()
    yield
    database_faults.outage.end()


def test_a_page_meeting_a_database_fault_gets_the_sites_503_page(client):
    response = client.get("/stand-in/database-fault/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(database_faults.RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert "The archive is briefly unavailable" in text
    assert "Connection refused" not in text and "Traceback" not in text


def test_the_api_gets_json(client):
    response = client.get("/api/stand-in/database-fault/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["error"] == "database_unavailable"
    assert body["retry_after"] == int(response["Retry-After"])


def test_during_an_outage_requests_answer_503_without_reaching_a_view(client, monkeypatch):
    reached = []
    # No probe here: it would end the outage as soon as the (working) test database answers.
    monkeypatch.setattr(database_faults.outage, "_probe_until_back", lambda: None)
    monkeypatch.setattr("articles.views.RobotsView.get", lambda *args, **kwargs: reached.append(1))
    client.get("/stand-in/database-fault/")
    assert database_faults.outage.active
    assert database_faults.outage.refuses_connections()
    response = client.get("/robots.txt")
    assert response.status_code == 503
    assert reached == []
    database_faults.outage.end()
    assert not database_faults.outage.refuses_connections()


@pytest.mark.django_db
def test_during_an_outage_pages_the_page_cache_holds_are_still_served(
    client, monkeypatch, settings, tmp_path
):
    from django.core.cache import cache

    from strikewatch import page_cache

    settings.STRIKEWATCH_PAGE_GENERATION_FILE = tmp_path / "page-generation"
    cache.clear()
    page_cache.forget_pages()
    monkeypatch.setattr(database_faults.outage, "_probe_until_back", lambda: None)
    assert client.get("/").status_code == 200  # rendered, and kept
    database_faults.outage.begin("a test")
    assert client.get("/").status_code == 200
    assert client.get("/strikes/").status_code == 503  # never rendered: needs the database


def test_a_statement_the_server_cancelled_starts_no_outage():
    """statement_timeout on a live server: that query was slow, the database is not down."""
    request = RequestFactory().get("/anything/")
    try:
        raise psycopg.errors.QueryCanceled("canceling statement due to statement timeout")
    except psycopg.Error as cause:
        error = OperationalError(str(cause))
        error.__cause__ = cause
    middleware = database_faults.DatabaseFaultMiddleware(lambda request: None)
    response = middleware.process_exception(request, error)
    assert response.status_code == 503
    assert not database_faults.outage.active


@pytest.mark.django_db(transaction=True)
def test_the_watchdog_cuts_a_connection_the_server_does_not_answer_in_time(caplog):
    """A server that never answers looks, to the client, like one that is slow: pg_sleep stands in."""
    caplog.set_level(logging.WARNING, logger=database_faults.__name__)
    outcome = {}

    def waiting_thread():
        started = time.monotonic()
        try:
            with watchdog.watching(0.5), connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_sleep(5)")
        except OperationalError as error:
            outcome["error"] = error
        finally:
            outcome["seconds"] = time.monotonic() - started
            connections.close_all()

    thread = threading.Thread(target=waiting_thread)
    thread.start()
    thread.join(timeout=15)
    assert isinstance(outcome.get("error"), OperationalError)
    assert outcome["seconds"] < 4
    # A cut connection means the database stopped answering: an outage begins (and,
    # as this database does answer, the outage's probe may already have ended it).
    # The watchdog's thread starts it just after the cut the waiting thread has
    # already seen, so the record may come a moment later.
    deadline = time.monotonic() + 5
    while not any(r.getMessage().startswith("database unavailable") for r in caplog.records):
        assert time.monotonic() < deadline, "no outage began after the cut"
        time.sleep(0.01)


@pytest.mark.django_db(transaction=True)
def test_time_outside_the_database_does_not_count():
    """A request busy elsewhere (rendering a long page) past the bound keeps its connection."""
    outcome = {}

    def busy_thread():
        try:
            with watchdog.watching(0.3), connections["default"].cursor() as cursor:
                cursor.execute("SELECT 1")
                time.sleep(1.0)  # not in the database
                cursor.execute("SELECT 2")
                outcome["answer"] = cursor.fetchone()[0]
        except OperationalError as error:
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=busy_thread)
    thread.start()
    thread.join(timeout=15)
    assert outcome == {"answer": 2}
    assert not database_faults.outage.active


def test_a_search_queue_drain_that_meets_a_database_fault_logs_one_line(monkeypatch, caplog):
    """Searches drain the queue now and then: with the database down that is a warning, no traceback."""
    from search import indexing

    def refused():
        raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr(indexing, "drain", refused)
    monkeypatch.setattr(indexing, "_last_due_check", 0.0)
    with caplog.at_level("WARNING", logger="search.indexing"):
        assert indexing.drain_if_due(min_interval=0) == 0
    (record,) = [r for r in caplog.records if r.name == "search.indexing"]
    assert record.levelname == "WARNING" and record.exc_info is None
    assert "OperationalError" in record.getMessage()


@pytest.mark.django_db
def test_during_an_outage_search_answers_503_and_logs_no_traceback(
    client, monkeypatch, caplog, settings, tmp_path
):
    """The page cache asks the database whether results may be kept; an outage is no error of its."""
    settings.STRIKEWATCH_PAGE_GENERATION_FILE = tmp_path / "page-generation"
    monkeypatch.setattr(database_faults.outage, "_probe_until_back", lambda: None)
    database_faults.outage.begin("a test")

    def database_down():  # this test's own connection stays open; a worker's would not
        raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr("search.indexing.is_caught_up", database_down)
    caplog.set_level(logging.WARNING)
    for path in ("/search/?q=strike", "/api/search?q=strike", "/search/quotes.csv?q=strike"):
        response = client.get(path)
        assert response.status_code == 503, path
    assert [record for record in caplog.records if record.exc_info] == []
