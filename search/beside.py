"""
Draining the search queue in a process of its own, beside a long run of
writes (an import), so that the index takes the run's articles while the run
goes on writing the next ones, rather than the run stopping for each index
commit.

Takes what the child needs to find the same database and index (the
database's name, the backend's settings); gives a started process
(``start``), which drains once and exits. The run joins it before its own
last drain (``search.indexing.release_drains``): what the child did not
finish stays queued and is done then. The child is started with
``forkserver``, not ``fork``: it inherits no connection, lock or index
writer of the importing process.
"""

import multiprocessing


def start(database_name, backend_name, index_dir):
    """Start a process that drains the search queue once; returns it."""
    context = multiprocessing.get_context("forkserver")
    process = context.Process(
        target=drain_once,
        args=(database_name, backend_name, str(index_dir)),
        name="search-drain",
        daemon=True,
    )
    process.start()
    return process


def drain_once(database_name, backend_name, index_dir):
    """The child: Django set up on the parent's database and index, one drain, then exit."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connections

    connections["default"].settings_dict["NAME"] = database_name
    settings.SEARCH_BACKEND = backend_name
    settings.STRIKEWATCH_INDEX_DIR = index_dir
    from search import indexing

    try:
        indexing.drain()
    finally:
        connections.close_all()
