"""
Frees a thread that waits on a database which does not answer.

PostgreSQL's ``statement_timeout`` ends a slow statement, but only while the
server runs. A server stopped with SIGSTOP (a frozen VM, a hung storage
layer) never answers, while the kernel still acknowledges every packet, so
TCP never fails either: psycopg would wait on the socket for ever, and so
would every request thread that reaches the database.

``watchdog.watching(seconds)`` bounds each database call of the calling
thread. One daemon thread per process looks four times a second at what
each watched thread is doing (``sys._current_frames()``); a thread that has
been inside the same psycopg call for ``seconds`` has that connection's
socket shut down. Only time in the database counts: a request rendering a
long page keeps its connection. While the database is known to be down
(``cut_at_once``), a thread found waiting on it is cut at the next look: it
may have come to the database late, after waiting on a lock another stuck
thread held. psycopg waits on the socket in 0.1 s slices,
sees it closed, and raises ``OperationalError``, which
``strikewatch.database_faults`` turns into a 503. The socket is shut down
through a duplicate of its file descriptor: ``shutdown()`` ends the
connection for both descriptors, and psycopg still closes its own, so no
descriptor number is freed under it and reused.

``bounded(application, seconds)`` wraps the WSGI application (web processes
only, see ``strikewatch.wsgi``): each request is watched. Management
commands never are.
"""

import logging
import os
import socket
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from django.db import connections

logger = logging.getLogger(__name__)

_PSYCOPG_DIR = str(Path(psycopg.__file__).parent) + os.sep


@dataclass
class _Watch:
    limit: float  # seconds one database wait may last
    databases: list = field(default_factory=list)  # the thread's Django connection wrappers
    waiting: object = None  # the outermost psycopg frame of the wait in progress
    since: float = 0.0  # when that wait was first seen
    cut: object = None  # the wait whose connection was cut
    patient: bool = False  # keeps its limit even when waits are to be cut at once


class DatabaseWatchdog:
    """Bounds on threads' database waits; a thread waiting too long gets its connection closed."""

    def __init__(self, interval=0.25):
        self.interval = interval
        self._watches = {}  # thread ident -> _Watch
        self._lock = threading.Lock()
        self._thread = None
        self._on_cut = []
        # While this says so (the database is known to be down), waits are cut at once.
        self.cut_at_once = lambda: False

    def when_cut(self, callback):
        """Calls ``callback()`` (in the watchdog's thread) each time it cuts a connection."""
        self._on_cut.append(callback)

    @contextmanager
    def watching(self, seconds, patient=False):
        """
        Within the block, a database call of the calling thread that has
        waited ``seconds`` has its connection cut (at once while
        ``cut_at_once()``, unless ``patient``). Nested blocks may only
        shorten the bound.
        """
        ident = threading.get_ident()
        with self._lock:
            outer = self._watches.get(ident)
            if outer is None or seconds < outer.limit:
                databases = [connections[alias] for alias in connections]
                self._watches[ident] = _Watch(seconds, databases, patient=patient)
            self._start()
        try:
            yield
        finally:
            with self._lock:
                if outer is None:
                    self._watches.pop(ident, None)
                else:
                    self._watches[ident] = outer

    def _start(self):
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="database-watchdog", daemon=True)
            self._thread.start()

    def _run(self):
        while True:
            time.sleep(self.interval)
            for watch in self._overdue():
                closed = [_shut_down(database) for database in watch.databases]
                if any(closed):
                    logger.warning(
                        "the database did not answer in time: a waiting connection was closed"
                    )
                    for callback in self._on_cut:
                        callback()

    def _overdue(self):
        """
        The watches whose thread has been inside one psycopg call longer than
        its limit. Only time spent in the database counts: a request busy
        rendering for long keeps its connection.
        """
        now, frames, overdue = time.monotonic(), sys._current_frames(), []
        at_once = self.cut_at_once()
        with self._lock:
            for ident, watch in self._watches.items():
                waiting = _psycopg_call(frames.get(ident))
                if waiting is not watch.waiting:
                    watch.waiting, watch.since = waiting, now
                if waiting is not None and watch.cut is not waiting:
                    limit = 0 if at_once and not watch.patient else watch.limit
                    if now - watch.since >= limit:
                        watch.cut = waiting
                        overdue.append(watch)
        return overdue


def _psycopg_call(frame):
    """The outermost psycopg frame on a thread's stack (one per call into psycopg), or None."""
    found = None
    while frame is not None:
        if _PSYCOPG_DIR in frame.f_code.co_filename:
            found = frame
        frame = frame.f_back
    return found


def _shut_down(database):
    """Shuts down the socket of a Django connection wrapper's open connection; True if it had one."""
    connection = database.connection
    if connection is None or getattr(connection, "closed", True):
        return False
    try:
        duplicate = os.dup(connection.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    try:
        with socket.socket(fileno=duplicate) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        return False
    return True


watchdog = DatabaseWatchdog()


def bounded(application, seconds):
    """The WSGI ``application``, whose requests may wait on one database call ``seconds`` at most."""
    if not seconds:
        return application

    def bounded_application(environ, start_response):
        with watchdog.watching(seconds):
            return application(environ, start_response)

    return bounded_application
