"""The management commands as an operator runs them: import_articles, export_quotes, reextract_quotes."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Quote
from tests.conftest import SEEDS_DIR

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc, out.getvalue(), err.getvalue()
    return None, out.getvalue(), err.getvalue()


def test_import_folder_then_again(strikes):
    error, out, err = run("import_articles", str(SEEDS_DIR))
    assert error is None, err
    assert "2 created, 0 updated, 0 unchanged, 0 same story, 0 skipped" in out
    error, out, err = run("import_articles", str(SEEDS_DIR))
    assert error is None
    assert "0 created, 0 updated, 2 unchanged, 0 same story, 0 skipped" in out
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00", "looks binary"),
        (
            "latin1.txt",
            "Grève générale\n\nLes ouvriers ont cessé le travail.".encode("latin-1"),
            "not UTF-8",
        ),
        ("noheadline.txt", ("word " * 100).encode(), "no headline"),
        ("huge.txt", b"Headline\n\n" + b"a" * (5 * 1024 * 1024), "too large"),
    ],
)
def test_bad_file_is_skipped_with_one_line_and_the_rest_imported(
    tmp_path, strikes, name, content, reason
):
    (tmp_path / "good.txt").write_bytes((SEEDS_DIR / "000_f0e1a9b0e19c2c0c.txt").read_bytes())
    (tmp_path / name).write_bytes(content)
    error, out, err = run("import_articles", str(tmp_path))
    assert isinstance(error, CommandError)
    assert error.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"skipped {tmp_path / name}: ")
    assert reason in lines[0]
    assert "1 created" in out and "1 skipped" in out
    assert Article.objects.count() == 1


def test_missing_path_is_reported(strikes, tmp_path):
    error, _out, err = run("import_articles", str(tmp_path / "nope.txt"))
    assert isinstance(error, CommandError)
    assert "nope.txt: cannot read the file" in err


def test_export_quotes_lists_each_quote_once(seeded):
    kcra, bee = seeded
    error, out, _ = run("export_quotes")
    assert error is None
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == Quote.objects.count() > 0
    assert len({r["id"] for r in records}) == len(records)
    assert len({(r["article"]["url"], r["text"]) for r in records}) == len(records)
    soroken = next(r for r in records if r["text"].startswith("Currently our patients"))
    assert set(soroken) >= {"id", "text", "speaker", "speaker_kind", "paragraph", "url", "article"}
    assert soroken["speaker"] == "Sarah Soroken"
    assert soroken["speaker_kind"] == "person"
    assert soroken["paragraph"] == 6
    assert soroken["url"] == f"/quotes/{soroken['id']}/"
    assert soroken["article"] == {
        "headline": kcra.headline,
        "url": f"/articles/{kcra.slug}/",
        "source": "KCRA 3",
        "published": None,
    }
    seyfe = next(r for r in records if r["speaker"] == "Fred Seyfe")
    # As the outlet printed it, on its clock.
    assert seyfe["article"]["published"] == "2022-08-26T05:25:00-07:00"
    assert seyfe["article"]["source"] == "The Sacramento Bee"


def test_export_leaves_out_drafts(seeded):
    kcra, _ = seeded
    kcra.status = Article.Status.DRAFT
    kcra.save()
    _, out, _ = run("export_quotes")
    assert all(
        json.loads(line)["article"]["url"] != kcra.get_absolute_url() for line in out.splitlines()
    )


def test_reextract_keeps_editor_quotes(seeded):
    kcra, _ = seeded
    quote = kcra.quotes.first()
    quote.text = "Corrected by an editor"
    quote.edited_by_editor = True
    quote.save()
    error, out, _ = run("reextract_quotes", kcra.slug)
    assert error is None
    assert "1 editor quote(s) kept" in out
    quote.refresh_from_db()
    assert quote.text == "Corrected by an editor"


def test_reextract_needs_slugs_or_all(seeded):
    error, _, _ = run("reextract_quotes")
    assert isinstance(error, CommandError)
    error, _, _ = run("reextract_quotes", "no-such-article")
    assert "No article with slug: no-such-article" in str(error)
    error, out, _ = run("reextract_quotes", "--all")
    assert error is None and "2 article(s)" in out
