"""The parser on the two real seed articles: what it keeps, drops and reads from them."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import decode_article_bytes, parse_article
from tests.conftest import BEE_SEED, KCRA_SEED


def parse_seed(path):
    return parse_article(decode_article_bytes(path.read_bytes()))


@pytest.fixture(scope="module")
def kcra():
    return parse_seed(KCRA_SEED)


@pytest.fixture(scope="module")
def bee():
    return parse_seed(BEE_SEED)


def test_kcra_headline_and_paragraphs(kcra):
    assert kcra.headline == "Kaiser Permanente therapists continue strike, reject contract"
    assert len(kcra.paragraphs) == 17
    assert kcra.paragraphs[0].startswith(
        "Kaiser Permanente mental health workers in California are nearing"
    )
    assert kcra.paragraphs[-1].startswith("Kaiser Permanente created a line for members")


def test_kcra_run_together_lead_is_dropped(kcra):
    # The scraped lead repeats the article; no kept paragraph may contain another's text.
    assert all(len(p) < 600 for p in kcra.paragraphs)
    opening = "Kaiser Permanente mental health workers in California are nearing their eighth week"
    assert sum(p.startswith(opening) for p in kcra.paragraphs) == 1
    assert [reason for reason, _ in kcra.dropped].count("repeats the rest of the article") == 1


def test_kcra_furniture_is_dropped(kcra):
    assert not any("Video Below" in p for p in kcra.paragraphs)


def test_kcra_metadata(kcra):
    assert kcra.outlet.name == "KCRA 3"
    assert kcra.outlet.kind == "tv"
    assert kcra.published_at is None  # the text does not say when
    assert kcra.byline == ""


def test_bee_headline_and_paragraphs(bee):
    assert (
        bee.headline
        == "A 3-month strike in Kaiser? The insurance company is preparing for the worst in California"
    )
    assert len(bee.paragraphs) == 18
    assert bee.paragraphs[-1].startswith("They noted that 20% of Kaiser therapists")


@pytest.mark.parametrize(
    "furniture",
    [
        "This story was originally published",
        "Related Stories from",
        "Profile photo of",
        "Kathy Anderson covers healthcare",
        "Leave a Reply",
        "Your email address will not be published",
    ],
)
def test_bee_furniture_is_dropped(bee, furniture):
    assert not any(furniture in p for p in bee.paragraphs)
    assert any(furniture in text for _, text in bee.dropped)


def test_bee_metadata(bee):
    assert bee.outlet.name == "The Sacramento Bee"
    assert bee.outlet.kind == "newspaper"
    assert bee.published_at == datetime(2022, 8, 26, 5, 25, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert bee.published_at.utcoffset().total_seconds() == -7 * 3600  # PDT
    assert bee.byline == "Kathy Anderson"


def test_subheadings_are_kept_as_paragraphs(bee):
    assert "Delays in Kaiser Mental Health Appointments" in bee.paragraphs
