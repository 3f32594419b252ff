"""
Several worker processes write at once (as gunicorn workers do): no update
is lost and no request fails on the index's write lock. Real processes, a
real index, the real database; the test applies nothing itself at the end.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from articles.models import Article, Quote, Source
from search import indexing
from search.backends import get_backend
from search.documents import documents_for_articles
from search.models import IndexQueue

WORKERS = 4
ROUNDS = 15
ROOT = Path(__file__).resolve().parents[2]


def database_url():
    settings = connection.settings_dict
    host = quote(settings["HOST"] or "", safe="")
    credentials = quote(settings["USER"] or "postgres", safe="")
    if settings.get("PASSWORD"):
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    return f"postgres://{credentials}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def index_keys(backend):
    """Every document key in the live index."""
    if backend.name == "whoosh":
        backend.forget()
        searcher = backend._open().searcher
        return sorted(fields["key"] for fields in searcher.all_stored_fields())
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM search_searchdocument")
        return sorted(key for (key,) in cursor.fetchall())


def expected_keys():
    """What the index must hold: the documents of every published article, read afresh from the database."""
    ids = Article.objects.published().values_list("pk", flat=True)
    return sorted(d.key for documents in documents_for_articles(ids).values() for d in documents)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend_name", ["whoosh", "postgres"])
def test_concurrent_writers_lose_nothing_and_never_fail(settings, tmp_path, backend_name):
    settings.SEARCH_BACKEND = backend_name
    Source.objects.create(name="Concurrency Wire", slug="concurrency-wire")
    backend = get_backend()
    indexing.rebuild(backend)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "STRIKEWATCH_INDEX_DIR": str(settings.STRIKEWATCH_INDEX_DIR),
        "SEARCH_BACKEND": backend_name,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }
    start_at = time.time() + 4  # every worker starts writing at the same moment
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.search.concurrent_writer",
                str(n),
                str(ROUNDS),
                str(start_at),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WORKERS)
    ]
    reports = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-3000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert all(report["failures"] == [] for report in reports)

    # The work really was concurrent: some drains found the lock taken and left their rows to the holder.
    assert sum(report["busy"] for report in reports) > 0, reports

    created = Article.objects.filter(source__slug="concurrency-wire")
    deleted_per_worker = len([n for n in range(ROUNDS) if n % 5 == 4])
    assert created.count() == WORKERS * (ROUNDS - deleted_per_worker)
    assert Quote.objects.filter(article__in=created).count() == 3 * created.count()
    assert not IndexQueue.objects.filter(done_at__isnull=True).exists()  # nothing left waiting
    assert index_keys(backend) == expected_keys()  # every create, edit and delete reached the index

    # and the edits are searchable as edited
    corrected = created.filter(headline__startswith="Corrected").count()
    assert corrected == WORKERS * len(
        [n for n in range(ROUNDS) if n % 3 == 1 and (n - 1) not in (2, 7, 12)]
    )
    from search.backends.base import SearchQuery
    from search.querylang import parse_query

    hits = backend.search(
        SearchQuery(tree=parse_query("headline:corrected").tree, kind="article", limit=100)
    )
    assert hits.total == corrected
