"""
Bad input on the way in gives a clear answer and loses nothing: header values
too long for their columns, two imports of the same files at once, paths with
a NUL byte, an editor's redirect to another host.
"""

import logging
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse

from articles.importer import import_article_bytes
from articles.ingest import IngestError
from articles.models import Article, Person, Quote, Redirect, Source
from tests.conftest import BEE_SEED, KCRA_SEED
from tests.search.test_concurrency import database_url

ROOT = Path(__file__).resolve().parents[2]
STORY = "Nurses walk out at Valley Health\n\n“We are short-staffed every night,” said Dana Ortiz.\n"


@pytest.mark.parametrize(
    "header, message",
    [
        ("Source: " + "V" * 300, "the Source header is 300 characters long; at most 200 fit"),
        (
            "URL: https://valley.example/" + "a" * 2477,
            "the URL header is 2,500 characters long; at most 2,000 fit",
        ),
        (f"Byline: {'Dana Ortiz and ' * 30}", "the Byline header is"),
    ],
)
def test_an_over_long_header_is_one_line_for_that_file_and_the_rest_is_imported(
    tmp_path, db, header, message
):
    (tmp_path / "good.txt").write_bytes(KCRA_SEED.read_bytes())
    (tmp_path / "long.txt").write_text(f"{header}\n\n{STORY}")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_articles", str(tmp_path), stdout=out, stderr=err)
    assert raised.value.returncode == 1
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"skipped {tmp_path / 'long.txt'}: {message}")
    assert len(lines[0]) < 200
    assert "1 created" in out.getvalue()
    assert Article.objects.count() == 1


def test_an_over_long_value_is_refused_before_anything_is_written(db):
    with pytest.raises(IngestError, match="the Source header is 250 characters long"):
        import_article_bytes(f"Source: {'x' * 250}\n\n{STORY}".encode(), key="x.txt")
    assert not Article.objects.exists() and not Source.objects.exists()


@pytest.mark.parametrize("path", ["/foo%00bar/", "/articles/%00/", "/quotes/1%00/", "/foo%00bar"])
def test_a_path_with_a_nul_byte_is_a_plain_404(client, db, caplog, path):
    with caplog.at_level(logging.WARNING):
        response = client.get(path)
    assert response.status_code == 404
    assert not [record for record in caplog.records if record.exc_info]
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/articles/",
        "/\\evil.example/",
        "http:/evil.example",
        "articles/x/",
        "/articles/x/\n",
    ],
)
def test_a_redirect_may_only_point_to_a_path_on_this_site(db, target):
    redirect = Redirect(old_path="/articles/old/", new_path=target)
    with pytest.raises(ValidationError):
        redirect.full_clean()
    if target.startswith(("https:", "//", "/\\", "articles")):
        with pytest.raises(IntegrityError), transaction.atomic():
            Redirect.objects.create(old_path="/articles/old/", new_path=target)


def test_the_admin_refuses_a_redirect_to_another_host(admin_client, db):
    add_url = reverse("admin:articles_redirect_add")
    response = admin_client.post(
        add_url, {"old_path": "/articles/old/", "new_path": "https://evil.example/"}
    )
    assert response.status_code == 200
    assert "not a web address on another host" in response.content.decode()
    assert not Redirect.objects.exists()
    response = admin_client.post(
        add_url, {"old_path": "/articles/old/", "new_path": "/articles/new/"}
    )
    assert response.status_code == 302
    assert Redirect.objects.get().new_path == "/articles/new/"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_files_at_once_both_finish_without_duplicates(tmp_path, strikes):
    """Two real processes over the same folder: no IntegrityError, no duplicate, nothing lost."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for seed in (KCRA_SEED, BEE_SEED):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for n in range(8):  # the same headline eight times: slugs collide
        (folder / f"walkout-{n}.txt").write_text(
            f"Source: Valley Ledger {n}\n\nNurses walk out\n\n"
            f"Nurses at hospital number {n} walked out on Monday over staffing.\n\n"
            f"“We are short-staffed every night,” said Dana Ortiz{n}, a charge nurse.\n"
        )
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "tests.settings"}
    command = [sys.executable, str(ROOT / "manage.py"), "import_articles", str(folder)]
    runs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for returncode, _out, err in results:
        assert returncode == 0, err.decode()
        assert b"IntegrityError" not in err and b"Traceback" not in err
    summaries = sorted(out.decode().strip().splitlines()[-1] for _code, out, _err in results)
    # Each file imported once, by one run or the other; the other found it unchanged.
    created = sum(int(summary.split(" created")[0]) for summary in summaries)
    assert created == 10
    assert Article.objects.count() == 10
    assert not Article.objects.values("slug").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert len(set(Article.objects.values_list("import_key", flat=True))) == 10
    assert Article.objects.filter(headline="Nurses walk out").count() == 8
    assert Source.objects.filter(name__startswith="Valley Ledger").count() == 8
    assert not Person.objects.values("name").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert Quote.objects.filter(article__import_key__startswith="walkout-").count() == 8
    assert Article.objects.get(import_key=KCRA_SEED.name).quotes.exists()
