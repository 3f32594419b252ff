"""
The parser on every folder of fixture articles (see ``fixture_articles``):
scraped pages lose their furniture and keep their story, clean stories keep
every paragraph unchanged, and what a text states about itself is read.
"""

import pytest

from articles.ingest import parse_article

from .fixture_articles import (
    CLEAN_FOLDERS,
    HERE,
    SCRAPED_FOLDERS,
    assert_stated_metadata,
    fixture_files,
    load,
)

ALL = fixture_files(*SCRAPED_FOLDERS, *CLEAN_FOLDERS)
CLEAN = fixture_files(*CLEAN_FOLDERS)


def _id(path):
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("folder", SCRAPED_FOLDERS + CLEAN_FOLDERS)
def test_each_folder_has_enough_articles_with_expected_output(folder):
    files = fixture_files(folder)
    assert len(files) >= 12
    assert all(path.with_suffix(".expected.json").exists() for path in files)
    assert (HERE / folder / "README.md").exists()


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_headline(path):
    parsed, expected = load(path)
    assert parsed.headline == expected["headline"]


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_story_paragraphs_kept_and_furniture_dropped(path):
    parsed, expected = load(path)
    assert parsed.paragraphs == expected["paragraphs"]


@pytest.mark.parametrize("path", CLEAN, ids=_id)
def test_clean_stories_lose_nothing(path):
    parsed, _ = load(path)
    assert parsed.dropped == []


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_stated_metadata(path):
    parsed, expected = load(path)
    assert_stated_metadata(parsed, expected)


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_parsing_the_text_directly_gives_the_same_paragraphs(path):
    # The quote benchmark and other callers may hand over text that never went through decode.
    text = path.read_bytes().decode("utf-8")
    _, expected = load(path)
    assert parse_article(text).paragraphs == expected["paragraphs"]


@pytest.mark.parametrize("path", fixture_files("clean_by_story_shape"), ids=_id)
def test_clean_stories_with_no_self_reference_get_no_invented_metadata(path):
    # No header, no self-reference, no publication note: nothing to infer.
    parsed, _ = load(path)
    assert parsed.outlet is None and parsed.published_at is None and parsed.byline == ""
