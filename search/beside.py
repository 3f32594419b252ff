"""
Draining the search queue in a process of its own, beside a long run of
writes (an import), so that the index takes the run's articles while the run
goes on writing the next ones, rather than the run stopping for each index
commit.

Takes what the child needs to find the same database and index (the
database's name, the backend's settings); gives a started ``Drainer``
(``start``), whose process drains the queue again as soon as its last drain
ends, looks again every IDLE_SECONDS when there was nothing to do, and ends
after one last drain once told to (``stop``) or once the run's process is
gone. One process for the whole run: starting one (Django set up, the index
opened) costs about a second of CPU, as much as indexing a hundred articles.
The run joins it before its own last drain (``search.indexing.release_drains``):
what the child did not finish stays queued and is done then. The child is
started with ``forkserver``, not ``fork``: it inherits no connection, lock or
index writer of the importing process.
"""

import multiprocessing

# How long the child waits, when the queue was empty, before it looks again.
IDLE_SECONDS = 0.5


class Drainer:
    """The child process draining beside a run, and the flag that tells it to end."""

    def __init__(self, process, finish):
        self.process = process
        self.finish = finish

    def is_alive(self):
        return self.process.is_alive()

    @property
    def exitcode(self):
        return self.process.exitcode

    def stop(self):
        """Drain once more, then end (``join`` waits for it)."""
        self.finish.set()

    def join(self, timeout=None):
        self.process.join(timeout)


def start(database_name, backend_name, index_dir):
    """Start a process that drains the search queue until stopped; returns its Drainer."""
    context = multiprocessing.get_context("forkserver")
    finish = context.Event()
    process = context.Process(
        target=drain_until_stopped,
        args=(database_name, backend_name, str(index_dir), finish),
        name="search-drain",
        daemon=True,
    )
    process.start()
    return Drainer(process, finish)


def drain_until_stopped(database_name, backend_name, index_dir, finish):
    """The child: Django set up on the parent's database and index, drains until told to end."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connections

    connections["default"].settings_dict["NAME"] = database_name
    settings.SEARCH_BACKEND = backend_name
    settings.STRIKEWATCH_INDEX_DIR = index_dir
    from search import indexing

    parent = multiprocessing.parent_process()
    try:
        while True:
            ending = finish.is_set() or (parent is not None and not parent.is_alive())
            applied = indexing.drain()
            if ending:
                break
            if not applied:
                finish.wait(IDLE_SECONDS)
    finally:
        connections.close_all()
