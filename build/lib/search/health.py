"""
The search index's health, for ``/healthz`` and monitoring.

``index_status()`` says whether search can answer (the index is there and
readable), whether updates are flowing (nothing has waited long in the
queue) and how the index's document counts compare with the database's.
It never raises and never starts a rebuild.
"""

import logging

from . import indexing
from .backends import get_backend
from .documents import count_published

logger = logging.getLogger(__name__)

STALLED_AFTER_SECONDS = 600


def index_status():
    """
    {"ok": bool, "detail": str, "backend": name, "documents": {kind: n},
     "database": {kind: n}, "in_sync": bool, "queue": {...}}.

    ``ok`` is False when the index is missing or unreadable, or when queued
    updates have waited more than ten minutes (no process is applying them).
    """
    try:
        backend = get_backend()
        report = dict(backend.status())
        report["backend"] = backend.name
    except Exception as error:
        logger.exception("The search index status could not be read")
        return {
            "ok": False,
            "detail": f"The search backend failed: {error.__class__.__name__}.",
            "documents": {},
        }
    try:
        queue = indexing.queue_status()
        database = count_published()
    except Exception as error:
        logger.exception("The search queue could not be read")
        report.update(
            ok=False, detail=f"The search queue cannot be read: {error.__class__.__name__}."
        )
        return report
    report["queue"] = queue
    report["database"] = database
    report["in_sync"] = bool(report.get("ok")) and report.get("documents") == database
    if report.get("ok") and queue["oldest_due_seconds"] > STALLED_AFTER_SECONDS:
        report["ok"] = False
        report["detail"] = (
            f"{queue['due']} index updates have waited {queue['oldest_due_seconds']:.0f} s: "
            "run `manage.py process_search_queue` and check the logs."
        )
    elif report.get("ok") and not report["in_sync"] and not queue["due"]:
        report["detail"] += (
            " Its document counts differ from the database's: run `manage.py rebuild_index`."
        )
    return report
