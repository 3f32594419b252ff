"""
``/healthz``: what a load balancer asks before sending a host traffic
(``HealthCheckMiddleware`` answers it before anything else looks at the request).

200 while the database answers, 503 (with ``Retry-After``) when it does not,
or not within 1.5 s: without the database no page but those already cached
can be served, so the host should be taken out of rotation.

A missing, stale or rebuilding search index is reported as ``degraded`` but
still answers 200. Every page but search works from the database alone, and
after a deploy or ``rebuild_index`` all hosts may be rebuilding at once: a
balancer pulling them would turn a search outage into a whole-site outage.
Monitoring should alert on ``"status": "degraded"``; the balancer only on
the status code.

Errors are logged, not shown: the endpoint is public and its body must not
reveal host names or credentials.
"""

import logging

from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from .database_faults import RETRY_AFTER_SECONDS, check_database
from .db_watchdog import watchdog

logger = logging.getLogger(__name__)

# /healthz answers within 2 s whatever the database does: it waits this long for it.
DATABASE_WAIT_SECONDS = 1.5


def database_status():
    """
    Asked in a background thread (``database_faults.check_database``) and
    waited for ``DATABASE_WAIT_SECONDS`` at most: a database that does not
    answer, even one frozen mid-connection, cannot hold up the answer.
    """
    return check_database(DATABASE_WAIT_SECONDS)


def search_status():
    """The search index's own report (``search.health.index_status()``), as a dict with "ok"."""
    try:
        from search.health import index_status
    except ImportError:
        return {"ok": None, "detail": "the search backend does not report its state"}
    try:
        report = index_status()
    except Exception:
        logger.exception("health check: the search index status failed")
        return {"ok": False, "detail": "the search index could not be checked"}
    if isinstance(report, dict):
        return {**report, "ok": bool(report.get("ok"))}
    return {"ok": bool(report)}


@require_safe
def healthz(request):
    database = database_status()
    if database["ok"]:
        # The index's report reads the database too: bounded like the probe.
        with watchdog.watching(DATABASE_WAIT_SECONDS):
            search = search_status()
    else:
        search = {"ok": None, "detail": "not checked: no database"}
    if not database["ok"]:
        status = "down"
    elif search["ok"] is False:
        status = "degraded"
    else:
        status = "ok"
    response = JsonResponse(
        {"status": status, "database": database, "search": search},
        status=503 if status == "down" else 200,
    )
    if status == "down":
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        # The outage is logged once (strikewatch.database_faults), not at each probe.
        response._has_been_logged = True
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """
    Answers ``/healthz`` before the Host header is checked against
    ALLOWED_HOSTS: load balancers probe each host by its own address, which
    is not a name the site answers to. Nothing in the answer is built from
    the Host header, so there is nothing to poison.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.path = reverse("healthz")

    def __call__(self, request):
        if request.path_info == self.path:
            return healthz(request)
        return self.get_response(request)
