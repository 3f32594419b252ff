"""
Reading article files in bulk: the part of an import that needs no database,
so that it can run in worker processes while the importing process writes.

Takes the bytes of files (``parse_files`` a list of them); gives, for each
and in the same order, its ``ParsedArticle`` or the ``IngestError`` that says
why it cannot be one (``decode_article_bytes``, then ``parse_article``): one
bad file never stops the others.

``file_parser(count)`` chooses where: in this process for a few files, in a
pool of worker processes (``PARSE_WORKERS``) for many, where parsing a file
(a few milliseconds of pure Python) would otherwise hold up the database
writes; its ``task`` may do more with each file than parse it (the importer
also extracts quotes and signs the text there). The pool is started with
``forkserver``, not ``fork``: a worker inherits no database connection or
lock of the importing process.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from .decode import decode_article_bytes
from .errors import IngestError
from .parse import parse_article

# Worker processes for many files (the machine's cores, at most this many), and from how
# many files they pay for their start (about a quarter of a second).
PARSE_WORKERS = 2
PARALLEL_FROM = 100


def parse_file_bytes(data):
    """One file's bytes as a ParsedArticle, or the IngestError saying why not (returned, not raised)."""
    try:
        return parse_article(decode_article_bytes(data))
    except IngestError as error:
        return error


def parse_files(datas):
    """``parse_file_bytes`` of each, in order (one task for a worker process)."""
    return [parse_file_bytes(data) for data in datas]


class _InProcess:
    """Parses in the calling process; the same ``submit`` as the pool's."""

    def __init__(self, task):
        self.task = task

    def submit(self, datas):
        return _Done(self.task(datas))


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _Pool:
    """Parses in worker processes: a list of bytes is split among them, results kept in order."""

    def __init__(self, executor, workers, task):
        self.executor = executor
        self.workers = workers
        self.task = task

    def submit(self, datas):
        size = max(1, -(-len(datas) // self.workers))
        parts = [
            self.executor.submit(self.task, datas[start : start + size])
            for start in range(0, len(datas), size)
        ]
        return _Joined(parts)


class _Joined:
    def __init__(self, parts):
        self.parts = parts

    def result(self):
        return [parsed for part in self.parts for parsed in part.result()]


@contextmanager
def file_parser(count, *, workers=None, task=parse_files):
    """
    Something to ``submit(list of bytes)`` to, whose ``result()`` is
    ``task`` of them (``parse_files``, or another module-level function that
    takes a list of bytes and gives a list of the same length): worker
    processes for ``count`` >= PARALLEL_FROM files, else this process.
    """
    workers = workers or min(PARSE_WORKERS, multiprocessing.cpu_count())
    if count < PARALLEL_FROM or workers < 2:
        yield _InProcess(task)
        return
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as executor:
        yield _Pool(executor, workers, task)
