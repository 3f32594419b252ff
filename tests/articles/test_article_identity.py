"""
Articles are who they are, not what their file is called: the original URL,
or the outlet with the headline and date, or the text, decide
(``articles.importer.find_same_story``); a file's name is only a hint.
"""

import pytest
from django.core.management import call_command

from articles.importer import Outcome, find_same_story, import_article_bytes, import_article_file
from articles.ingest import parse_article
from articles.models import Article, Quote, Source
from tests.conftest import KCRA_SEED

pytestmark = pytest.mark.django_db

DOCKS = (
    "Source: Oakland Ledger\nPublished: 2026-11-30T21:00:00-08:00\n\n"
    "Dockworkers walk out at the Port of Oakland\n\n"
    "Hundreds of dockworkers walked off the job at the Port of Oakland on Monday evening "
    "after talks over automation broke down.\n\n"
    "“We are not going to be replaced by machines,” said Luis Ortega, a crane operator "
    "who has worked at the port for nineteen years.\n\n"
    "The port authority said it expected cargo to move again within days.\n"
)
WIRE = (
    "Source: {outlet}\nURL: {url}\n\nTeachers strike for a second day in Portland\n\n"
    "PORTLAND, Ore. (AP) — Teachers in Portland stayed off the job for a second day on "
    "Thursday as negotiators for the district and the union met again without a deal.\n\n"
    "“We are asking for what our students need, nothing more,” said Angela Bonilla, "
    "president of the Portland Association of Teachers.\n\n"
    "The district said it had offered raises of 10.9% over three years.\n"
)


def test_a_different_story_under_a_known_file_name_is_a_new_article_and_says_so(seeded, tmp_path):
    kcra, _ = seeded
    quotes = set(kcra.quotes.values_list("pk", "text"))
    other = tmp_path / "elsewhere" / KCRA_SEED.name
    other.parent.mkdir()
    other.write_text(DOCKS)

    result = import_article_file(other)

    assert result.outcome == Outcome.CREATED
    assert result.article.pk != kcra.pk
    assert result.note.startswith("a different story from “Kaiser Permanente therapists")
    assert kcra.get_absolute_url() in result.note
    kcra.refresh_from_db()
    assert kcra.headline == "Kaiser Permanente therapists continue strike, reject contract"
    assert set(kcra.quotes.values_list("pk", "text")) == quotes
    # Both files can now change, each updating its own story.
    changed = KCRA_SEED.read_bytes().replace(b"156 access complaints", b"165 access complaints")
    assert import_article_bytes(changed, key=KCRA_SEED.name).article == kcra
    docks = other.read_bytes().replace(b"within days", b"within a week")
    assert import_article_bytes(docks, key=KCRA_SEED.name).article == result.article


def test_the_same_story_under_another_name_adds_nothing_and_names_the_article(seeded, tmp_path):
    kcra, _ = seeded
    before = (Article.objects.count(), Quote.objects.count(), Source.objects.count())
    copy = tmp_path / "kcra-saved-again.txt"
    copy.write_bytes(KCRA_SEED.read_bytes())

    result = import_article_file(copy)

    assert result.outcome == Outcome.SAME_STORY
    assert result.article == kcra
    assert "the same story as “Kaiser Permanente therapists" in result.note
    assert kcra.get_absolute_url() in result.note
    assert (Article.objects.count(), Quote.objects.count(), Source.objects.count()) == before
    # Not only the same bytes: the same outlet and headline, the text lightly edited.
    edited = KCRA_SEED.read_bytes().replace(b"seven weeks", b"eight weeks")
    again = import_article_bytes(edited, key="kcra-edited.txt")
    assert again.outcome == Outcome.SAME_STORY
    assert again.note.endswith("the same outlet and headline; nothing imported")


def test_the_command_says_each_in_one_line(seeded, tmp_path, capsys):
    other = tmp_path / "b" / KCRA_SEED.name
    other.parent.mkdir()
    other.write_text(DOCKS)
    (tmp_path / "b" / "kcra-copy.txt").write_bytes(KCRA_SEED.read_bytes())
    call_command("import_articles", str(tmp_path / "b"))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"created {other}: 'Dockworkers walk out at the Port of Oakland'")
    assert "a different story from “Kaiser Permanente therapists" in lines[0]
    assert lines[1].startswith(f"same story {tmp_path / 'b' / 'kcra-copy.txt'}: the same story as")
    assert lines[2] == "1 created, 0 updated, 0 unchanged, 1 same story, 0 skipped"


def test_the_same_original_url_is_the_same_article_whatever_the_file(db):
    url = "https://www.kcra.com/article/teachers-portland/45000000"
    first = import_article_bytes(WIRE.format(outlet="KCRA 3", url=url).encode(), key="a.txt")
    written_otherwise = "http://kcra.com/article/teachers-portland/45000000/?utm_source=feed"
    second = import_article_bytes(
        WIRE.format(outlet="KCRA 3", url=written_otherwise)
        .replace("second day", "2nd day")
        .encode(),
        key="b.txt",
    )
    assert second.outcome == Outcome.SAME_STORY
    assert second.article == first.article
    assert "the same original URL" in second.note


def test_a_syndicated_copy_from_another_outlet_is_its_own_article(db):
    ap = import_article_bytes(
        WIRE.format(
            outlet="The Associated Press", url="https://apnews.com/article/portland-1"
        ).encode(),
        key="ap.txt",
    )
    copy = import_article_bytes(
        WIRE.format(outlet="KOIN 6", url="https://www.koin.com/news/portland-teachers/").encode(),
        key="ap.txt",  # even under the same file name
    )
    assert copy.outcome == Outcome.CREATED
    assert copy.article != ap.article
    assert copy.article.source.name == "KOIN 6"
    assert ap.article.paragraphs == copy.article.paragraphs


def test_the_same_headline_on_another_day_from_the_same_outlet_is_another_story(db):
    tuesday = (
        "Source: Oakland Ledger\nPublished: 2026-12-01T20:15:00-08:00\n\n"
        "Dockworkers walk out at the Port of Oakland\n\n"
        "A second shift of longshore workers joined the walkout on Tuesday, leaving "
        "three terminals idle and dozens of ships waiting in the bay.\n\n"
        "“Nobody here wants to stay out longer than we have to,” said Marisol Vega, "
        "a clerk at the Howard Terminal.\n"
    )
    first = import_article_bytes(DOCKS.encode(), key="monday.txt")
    second = import_article_bytes(tuesday.encode(), key="tuesday.txt")
    assert second.outcome == Outcome.CREATED
    assert first.article != second.article
    assert second.article.source == first.article.source


def test_find_same_story_is_one_rule_other_code_can_call(seeded):
    kcra, _ = seeded
    parsed = parse_article(KCRA_SEED.read_text())
    match = find_same_story(parsed, source=kcra.source)
    assert match.article == kcra
    assert match.because == "the same outlet and headline"
    unrelated = parse_article(DOCKS)
    assert find_same_story(unrelated, source=None) is None


def test_a_changed_file_that_is_still_its_story_updates_it_keeping_editors_work(seeded):
    kcra, _ = seeded
    kcra.headline = "Kaiser therapists stay on strike"
    kcra.locked_fields = ["headline"]
    kcra.save()
    changed = KCRA_SEED.read_bytes().replace(b"seven weeks", b"eight weeks")
    result = import_article_bytes(changed, key=KCRA_SEED.name)
    assert result.outcome == Outcome.UPDATED
    assert result.article == kcra
    kcra.refresh_from_db()
    assert kcra.headline == "Kaiser therapists stay on strike"
    assert any("eight weeks" in paragraph for paragraph in kcra.paragraphs)
