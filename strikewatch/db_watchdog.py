"""
Frees a thread that waits on a database which does not answer.

PostgreSQL's ``statement_timeout`` ends a slow statement, but only while the
server runs. A server stopped with SIGSTOP (a frozen VM, a hung storage
layer) never answers, while the kernel still acknowledges every packet, so
TCP never fails either: psycopg would wait on the socket for ever, and so
would every request thread that reaches the database.

``watchdog.watching(seconds)`` gives the calling thread a deadline. One
daemon thread per process looks four times a second; when a thread overruns
its deadline, the watchdog shuts down that thread's database socket.
psycopg waits on the socket in 0.1 s slices, sees it closed, and raises
``OperationalError``, which ``strikewatch.database_faults`` turns into a
503. The socket is shut down through a duplicate of its file descriptor:
``shutdown()`` ends the connection for both descriptors, and psycopg still
closes its own, so no descriptor number is freed under it and reused.

``bounded(application, seconds)`` wraps the WSGI application (web processes
only, see ``strikewatch.wsgi``): each request gets a deadline. Management
commands are never watched.
"""

import logging
import os
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connections

logger = logging.getLogger(__name__)


@dataclass
class _Watch:
    deadline: float
    databases: list = field(default_factory=list)  # the thread's Django connection wrappers
    fired: bool = False


class DatabaseWatchdog:
    """Deadlines for threads' database waits; overrunning threads get their connection closed."""

    def __init__(self, interval=0.25):
        self.interval = interval
        self._watches = {}  # thread ident -> _Watch
        self._lock = threading.Lock()
        self._thread = None
        self._on_cut = []

    def when_cut(self, callback):
        """Calls ``callback()`` (in the watchdog's thread) each time it cuts a connection."""
        self._on_cut.append(callback)

    @contextmanager
    def watching(self, seconds):
        """
        Within the block, the calling thread's database connections are cut
        once ``seconds`` have passed. Nested blocks may only shorten the
        deadline. Yields the watch (``fired`` says whether it cut).
        """
        ident = threading.get_ident()
        deadline = time.monotonic() + seconds
        with self._lock:
            outer = self._watches.get(ident)
            if outer is not None and outer.deadline <= deadline:
                watch = outer
            else:
                watch = _Watch(deadline, [connections[alias] for alias in connections])
                self._watches[ident] = watch
            self._start()
        try:
            yield watch
        finally:
            with self._lock:
                if outer is None:
                    self._watches.pop(ident, None)
                else:
                    outer.fired = outer.fired or watch.fired
                    self._watches[ident] = outer

    def _start(self):
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="database-watchdog", daemon=True)
            self._thread.start()

    def _run(self):
        while True:
            time.sleep(self.interval)
            now = time.monotonic()
            with self._lock:
                overdue = [w for w in self._watches.values() if not w.fired and w.deadline <= now]
                for watch in overdue:
                    watch.fired = True
            for watch in overdue:
                closed = [_shut_down(database) for database in watch.databases]
                if any(closed):
                    logger.warning(
                        "the database did not answer in time: a waiting connection was closed"
                    )
                    for callback in self._on_cut:
                        callback()


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
    """The WSGI ``application``, each of whose requests may wait on the database ``seconds`` at most."""
    if not seconds:
        return application

    def bounded_application(environ, start_response):
        with watchdog.watching(seconds):
            return application(environ, start_response)

    return bounded_application
