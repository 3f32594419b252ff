"""
Ends a gunicorn worker one of whose requests has run past the hard limit,
so that the arbiter replaces it with a fresh one.

gunicorn's own ``timeout`` watches a worker's main loop: a sync worker stuck
in a request stops its heartbeat and the arbiter kills it. A thread worker
(gthread, whenever ``GUNICORN_THREADS`` > 1) runs requests in a pool while
its main loop, and so its heartbeat, carries on: the arbiter never notices a
stuck request thread, and once every thread is stuck the worker still
accepts connections it will never answer.

``WorkerWatchdog`` is given each request's start and end by the
``pre_request`` and ``post_request`` hooks (``strikewatch/gunicorn.conf.py``).
A daemon thread looks every second; when a request has run longer than the
limit it logs one line and ends the process with ``os._exit``: a normal exit
would wait for the stuck thread for ever. Its other requests are cut off with
it; the arbiter sees the worker gone and starts another.

Database waits are bounded well before this (``strikewatch.db_watchdog``):
the limit here catches whatever else can hang.
"""

import os
import sys
import threading
import time

EXIT_CODE = 70  # EX_SOFTWARE; not gunicorn's 3 or 4, which would halt the arbiter


class WorkerWatchdog:
    def __init__(self, limit, log, interval=1.0, exit=os._exit):
        self.limit = limit
        self.log = log
        self.interval = interval
        self.exit = exit
        self._started = {}  # thread ident -> time.monotonic() the request began

    def request_started(self):
        self._started[threading.get_ident()] = time.monotonic()

    def request_finished(self):
        self._started.pop(threading.get_ident(), None)

    def start(self):
        threading.Thread(target=self._run, name="worker-watchdog", daemon=True).start()
        return self

    def overrun(self, now=None):
        """Seconds the oldest request in progress has run, if past the limit; else None."""
        now = time.monotonic() if now is None else now
        oldest = min(self._started.values(), default=now)
        return now - oldest if now - oldest > self.limit else None

    def _run(self):
        while True:
            time.sleep(self.interval)
            seconds = self.overrun()
            if seconds is not None:
                self.log.critical(
                    "worker %s: a request has run %.0f s (limit %s s); exiting to be replaced",
                    os.getpid(),
                    seconds,
                    self.limit,
                )
                for stream in (sys.stdout, sys.stderr):
                    stream.flush()
                self.exit(EXIT_CODE)
                return
