"""
What a request gets while the database is unavailable: at once, a 503 with
``Retry-After`` (the site's own page; JSON on ``/api/``), never a hang, a 500
or a traceback; and the site comes back by itself when the database does.

An *outage* starts at the first database fault a request meets: the
connection refused or timed out, or closed under it by
``strikewatch.db_watchdog`` because the server stopped answering. While it
lasts, requests that would reach the database (``DatabaseFaultMiddleware``
sits below the page cache, so cached pages are still served) answer 503
without trying it, requests already under way get no new connection
(``strikewatch.database_backend``), and a background thread asks the
database ``SELECT 1`` once a second. The first answer ends the outage. The
log gets one warning when an outage starts and one when it ends, not one per
request.

A statement cancelled by ``statement_timeout`` on a live server answers 503
too, but starts no outage: the database is slow for that query, not down.

``check_database(wait)`` is the same probe for ``/healthz``: it waits for the
answer ``wait`` seconds at most.
"""

import json
import logging
import sys
import threading
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views import defaults
from psycopg import errors as psycopg_errors

from .db_watchdog import watchdog

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
PROBE_INTERVAL_SECONDS = 1.0
FAULTS = (OperationalError, InterfaceError)


class DatabaseOutage:
    """This process's view of whether the database answers, and the probe that finds out."""

    def __init__(self):
        self._lock = threading.Lock()
        self.since = None  # time.monotonic() when the outage began, or None
        self._probe_done = None  # threading.Event of the running probe
        self._probe_result = None

    @property
    def active(self):
        return self.since is not None

    def begin(self, reason):
        with self._lock:
            if self.since is not None:
                return
            self.since = time.monotonic()
        logger.warning("database unavailable (%s): answering 503 until it answers again", reason)
        threading.Thread(target=self._probe_until_back, name="database-outage", daemon=True).start()

    def _probe_until_back(self):
        """Probes once a second while the outage lasts, so a worker recovers without traffic too."""
        while self.since is not None:
            self.probe().wait()
            if self.since is None:
                return
            time.sleep(PROBE_INTERVAL_SECONDS)

    def end(self):
        with self._lock:
            if self.since is None:
                return
            lasted, self.since = time.monotonic() - self.since, None
        logger.warning("database answers again after %.1f s", lasted)

    def refuses_connections(self):
        """
        True during an outage, except in the probe's thread: a request already
        under way when the outage began gets its error at once instead of
        waiting out ``connect_timeout`` (``strikewatch.database_backend``).
        """
        return self.since is not None and not getattr(_probing, "active", False)

    def allows_requests(self):
        return self.since is None

    def probe(self):
        """Starts a check unless one is running; returns the Event set when it has finished."""
        with self._lock:
            if self._probe_done is not None and not self._probe_done.is_set():
                return self._probe_done
            done = self._probe_done = threading.Event()
        threading.Thread(
            target=self._check, args=(done,), name="database-probe", daemon=True
        ).start()
        return done

    def _check(self, done):
        _probing.active = True
        started = time.perf_counter()
        # Bounded like a request: connecting is bounded by connect_timeout, the query here.
        limit = settings.STRIKEWATCH_DB_STATEMENT_TIMEOUT or RETRY_AFTER_SECONDS
        try:
            with watchdog.watching(limit, patient=True), connections["default"].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except Exception as error:  # a probe reports; whatever failed, the answer is "down"
            self._probe_result = {"ok": False, "detail": "the database does not answer"}
            self.begin(_reason(error))
        else:
            latency = round((time.perf_counter() - started) * 1000, 1)
            self._probe_result = {"ok": True, "latency_ms": latency}
            self.end()
        finally:
            connections.close_all()  # this thread's connection: a probe keeps none
            done.set()

    def check(self, wait):
        """
        {"ok": True, "latency_ms": n} once the database answers ``SELECT 1``,
        {"ok": False, "detail": ...} when it refuses or has not answered
        within ``wait`` seconds (which starts an outage).
        """
        if self.probe().wait(wait):
            return dict(self._probe_result)
        self.begin(f"no answer within {wait:g} s")
        return {"ok": False, "detail": "the database does not answer"}


_probing = threading.local()
outage = DatabaseOutage()
# A connection the watchdog cut means the database stopped answering.
watchdog.when_cut(lambda: outage.begin("no answer in time"))
# During an outage a request still waiting on the database gets its 503 now.
watchdog.cut_at_once = lambda: outage.active


def check_database(wait):
    return outage.check(wait)


def _reason(error):
    """One line naming the fault, without connection details (they may hold host names)."""
    cause = error.__cause__ or error
    return cause.__class__.__name__


def is_database_fault(error):
    return isinstance(error, FAULTS)


def record_fault(error):
    """
    Closes the thread's broken connection (Django would otherwise try it again
    at the next request) and starts an outage unless the server itself
    cancelled a slow statement.
    """
    for database in connections.all(initialized_only=True):
        try:
            database.close()
        except DatabaseError:
            database.connection = None
    if isinstance(error.__cause__, psycopg_errors.QueryCanceled):
        logger.warning("a statement ran past statement_timeout and was cancelled")
    else:
        outage.begin(_reason(error))


def unavailable(request):
    """The 503 a request gets while the database is unavailable: JSON on /api/, else the site's page."""
    if request.path_info.startswith("/api/"):
        body = {
            "error": "database_unavailable",
            "detail": f"The archive's database is not answering; retry in {RETRY_AFTER_SECONDS} s.",
            "retry_after": RETRY_AFTER_SECONDS,
        }
        response = HttpResponse(json.dumps(body), status=503, content_type="application/json")
    else:
        page = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    # Django logs every 5xx as an error; the outage has already been logged once.
    response._has_been_logged = True
    return response


class DatabaseFaultMiddleware:
    """503 at once during an outage; a view's database fault becomes a 503, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not outage.allows_requests():
            return unavailable(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_fault(exception):
            return None
        record_fault(exception)
        return unavailable(request)


def server_error(request):
    """
    ``handler500``: a database fault raised outside a view (in a middleware
    below ``DatabaseFaultMiddleware``) gets the same 503; anything else the
    usual 500 page.
    """
    error = sys.exc_info()[1]
    if error is not None and is_database_fault(error):
        record_fault(error)
        return unavailable(request)
    return defaults.server_error(request)
