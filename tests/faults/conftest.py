"""
Fault-injection fixtures: a PostgreSQL cluster of the tests' own (never the
shared one), a production-like site on it (migrated, seeded, indexed, static
files collected) and a real gunicorn serving it.

The database bounds are shortened here (``answers.STATEMENT_TIMEOUT``,
``answers.CONNECT_TIMEOUT``) so the suite stays quick.
"""

import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.production.servers import REPO, Gunicorn, manage, server_env

from .answers import CONNECT_TIMEOUT, STATEMENT_TIMEOUT
from .cluster import Cluster, missing_reason

SEEDS = REPO / "seeds"

ARTICLE = """Source: The Valley Ledger
Published: 2024-03-0{day}T08:00:00-08:00
Status: published

{headline}

{headline}: nurses at Valley Health said on Monday they would keep picketing ({words}).

"We are not going anywhere, {words}," said Dana Ortiz, a charge nurse.
"""
# Words that make each written article its own story to the importer's identity checks.
WORDS = "amber birch cedar delta ember fjord garnet harbor indigo juniper kestrel linden".split()


@pytest.fixture(scope="session")
def cluster():
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    cluster = Cluster().init().start()
    yield cluster
    cluster.destroy()


@dataclass
class Site:
    env: dict
    workdir: Path
    seeded_url: str = ""
    written: int = 0

    def write_article(self, headline):
        """
        Imports one new published article through the site's own importer (a
        committed write); returns its page's path.
        """
        self.written += 1
        path = self.workdir / f"written-{self.written}.txt"
        words = " ".join(random.sample(WORDS, 6))
        path.write_text(ARTICLE.format(day=self.written % 9 + 1, headline=headline, words=words))
        return self.run(
            f"call_command('import_articles', {str(path)!r}, verbosity=0); "
            f"print(Article.objects.get(headline={headline!r}).get_absolute_url())"
        )

    def run(self, code):
        """Runs Python in ``manage.py shell`` on the site; returns its last line of output."""
        prelude = (
            "from django.core.management import call_command; from articles.models import Article; "
        )
        result = manage(self.env, "shell", "-c", prelude + code)
        return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def site(cluster, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("site")
    env = server_env(
        "unused",
        STATIC_ROOT=workdir / "static",
        STRIKEWATCH_INDEX_DIR=workdir / "index",
        PAGE_GENERATION_FILE=workdir / "page-generation",
        DB_STATEMENT_TIMEOUT=STATEMENT_TIMEOUT,
        DB_CONNECT_TIMEOUT=CONNECT_TIMEOUT,
        SEARCH_AUTO_REBUILD="0",
    )
    # Static files need no database: collected while the database is prepared.
    collecting = subprocess.Popen(
        [sys.executable, str(REPO / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
        cwd=REPO,
        env=env,
    )
    env["DATABASE_URL"] = cluster.create_database("strikewatch")
    manage(env, "migrate", "--verbosity", "0")
    site = Site(env=env, workdir=workdir)
    site.seeded_url = site.run(
        f"call_command('import_strikes', {str(SEEDS / 'strikes.json')!r}, verbosity=0); "
        f"call_command('import_articles', {str(SEEDS / '000_f0e1a9b0e19c2c0c.txt')!r}, verbosity=0); "
        "call_command('rebuild_index', verbosity=0); "
        "print(Article.objects.get().get_absolute_url())"
    )
    assert collecting.wait(timeout=300) == 0
    return site


@pytest.fixture(scope="session")
def host(site, tmp_path_factory):
    """gunicorn with the project's configuration: 2 workers of 2 threads each."""
    server = Gunicorn(workdir=tmp_path_factory.mktemp("gunicorn"), env=site.env)
    server.start()
    yield server
    server.stop()
