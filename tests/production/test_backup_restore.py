"""
The README's backup and restore procedure, run for real: a database with the
seeds is dumped with pg_dump, restored with pg_restore into a fresh database
(as on a new machine), the search index is rebuilt there, and both serve the
same pages and the same search results.
"""

import json
import re
import shutil
import subprocess

import pytest
from django.db import connection

from .servers import REPO, fetch, manage, server_env

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}


def pg(tool, *args):
    binary = shutil.which(tool)
    if binary is None:
        pytest.fail(f"{tool} is not installed (PostgreSQL client tools)")
    result = subprocess.run(
        [binary, "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"{tool} {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def databases():
    """Two throwaway databases named after this run's test database; dropped afterwards."""
    base = connection.settings_dict["NAME"]
    names = {"original": f"{base}_backup", "restored": f"{base}_restored"}
    for name in names.values():
        pg("dropdb", "--if-exists", "--force", name)
    yield names
    for name in names.values():
        pg("dropdb", "--if-exists", "--force", name)


def normalise(html):
    """What may differ between two hosts: CSRF tokens and CSP nonces (if a page had any)."""
    html = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1TOKEN", html)
    return re.sub(r'nonce="[^"]+"', 'nonce="NONCE"', html)


PUBLIC_URLS = """
from articles.models import Article, Person, Quote, Source, Strike
urls = ["/"]
urls += [a.get_absolute_url() for a in Article.objects.published()]
urls += [q.get_absolute_url() for q in Quote.objects.published()]
urls += [p.get_absolute_url() for p in Person.objects.quoted()]
published = Article.objects.published()
urls += [s.get_absolute_url() for s in Source.objects.filter(articles__in=published).distinct()]
urls += [s.get_absolute_url() for s in Strike.objects.all()]
print("\\n".join(urls))
"""

COUNTS = """
import json
from django.apps import apps
print(json.dumps({m._meta.label: m._default_manager.count() for m in apps.get_models()
                  if m._meta.app_label in ("articles", "search", "auth")}))
"""


def search_paths():
    from django.urls import NoReverseMatch, reverse

    paths = []
    for name in ("search:search", "search:api"):
        try:
            base = reverse(name)
        except NoReverseMatch:
            continue
        paths += [
            f"{base}?q={q}" for q in ("Soroken", "therapists", "%22mental+health%22", "Kaiser")
        ]
    return paths


def test_a_restored_dump_plus_rebuild_index_serves_the_same_site(
    databases, tmp_path, static_root, gunicorn_host
):
    def env_for(name, index):
        return server_env(
            databases[name],
            STATIC_ROOT=static_root,
            STRIKEWATCH_INDEX_DIR=tmp_path / index,
            ALLOWED_HOSTS="127.0.0.1,strikewatch.localhost",
            PAGE_GENERATION_FILE=tmp_path / f"{name}-generation",
            RATE_LIMIT_EXEMPT="127.0.0.1",
        )

    original, restored = (
        env_for("original", "index-original"),
        env_for("restored", "index-restored"),
    )

    # A site with the seeds, set up as `make setup` does.
    pg("createdb", databases["original"])
    manage(original, "migrate", "--noinput")
    manage(original, "import_strikes", str(REPO / "seeds" / "strikes.json"))
    manage(original, "import_articles", str(REPO / "seeds"))
    manage(original, "rebuild_index")

    # Back up, restore into a fresh database, rebuild the index there (README: "Backups").
    dump = tmp_path / "strikewatch.dump"
    pg(
        "pg_dump",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        "--file",
        str(dump),
        databases["original"],
    )
    assert dump.stat().st_size > 10_000
    pg("createdb", databases["restored"])
    pg(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--dbname",
        databases["restored"],
        str(dump),
    )
    migrate = manage(restored, "migrate", "--noinput")
    assert "No migrations to apply" in migrate.stdout
    manage(restored, "rebuild_index")

    counts = manage(original, "shell", "--no-imports", "-c", COUNTS).stdout
    assert json.loads(counts)["articles.Article"] == 2
    assert json.loads(counts)["articles.Quote"] > 5
    assert manage(restored, "shell", "--no-imports", "-c", COUNTS).stdout == counts

    urls = manage(original, "shell", "--no-imports", "-c", PUBLIC_URLS).stdout.split()
    assert len(urls) > 10
    assert manage(restored, "shell", "--no-imports", "-c", PUBLIC_URLS).stdout.split() == urls

    hosts = {
        "original": gunicorn_host(original, "original"),
        "restored": gunicorn_host(restored, "restored"),
    }
    compared = 0
    for path in urls + search_paths():
        # One public name for both, as behind a load balancer: absolute links must match.
        pages = {
            name: fetch(host.url, path, headers={"Host": "strikewatch.localhost"})
            for name, host in hosts.items()
        }
        assert pages["original"].status == 200, path
        assert pages["restored"].status == 200, path
        assert normalise(pages["restored"].text) == normalise(pages["original"].text), path
        compared += 1
    assert compared == len(urls) + len(search_paths())
    # Search really answered (the same results, not the same "unavailable" page).
    found = fetch(
        hosts["restored"].url, search_paths()[0], headers={"Host": "strikewatch.localhost"}
    )
    assert "/quotes/" in found.text
