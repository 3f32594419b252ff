"""
The two real seed articles as the citation formatter receives them, read with
the real (Django-free) ingest parser so the expected strings follow the seeds.
"""

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from articles.citation import CitedArticle, split_byline
from articles.ingest import decode_article_bytes, parse_article

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
ACCESSED = date(2026, 11, 24)
KCRA_URL = (
    "https://strikewatch.example/articles/"
    "kaiser-permanente-therapists-continue-strike-reject-contract/"
)
BEE_URL = "https://strikewatch.example/articles/a-3-month-strike-in-kaiser/"


def cited_parse(parsed, url):
    """An article as the importer's parser read it, cited as the site cites it."""
    return CitedArticle(
        headline=parsed.headline,
        authors=split_byline(parsed.byline),
        publication=parsed.outlet.name,
        published=parsed.published_at,
        url=url,
        original_url=parsed.url,
        accessed=ACCESSED,
    )


def cited_seed(filename, url):
    parsed = parse_article(decode_article_bytes((SEEDS / filename).read_bytes()))
    return cited_parse(parsed, url), parsed.paragraphs


@pytest.fixture
def kcra():
    """KCRA 3: no byline, no date, no original URL in the seed."""
    return cited_seed("000_f0e1a9b0e19c2c0c.txt", KCRA_URL)[0]


@pytest.fixture
def bee():
    """The Sacramento Bee: Kathy Anderson, 26 August 2022 5:25 am Pacific."""
    return cited_seed("004_9100fbcd64272816.txt", BEE_URL)[0]


def quote_in(filename, url, *, starts_with, speaker, organization=False):
    """The seed cited as the quote whose paragraph opens with ``starts_with``."""
    item, paragraphs = cited_seed(filename, url)
    number = next(i for i, text in enumerate(paragraphs, 1) if text.startswith(starts_with))
    text = paragraphs[number - 1]
    words = text[text.index("“") + 1 : text.index("”")]
    return dataclasses.replace(
        item,
        paragraph=number,
        quote_text=words,
        speaker=speaker,
        speaker_is_organization=organization,
    )


@pytest.fixture
def soroken_quote():
    """A person quoted by KCRA 3: Sarah Soroken, paragraph 6."""
    return quote_in(
        "000_f0e1a9b0e19c2c0c.txt",
        KCRA_URL,
        starts_with="“Currently our patients",
        speaker="Sarah Soroken",
    )


@pytest.fixture
def kaiser_quote():
    """An organisation quoted by KCRA 3: Kaiser Permanente's statement, paragraph 9."""
    return quote_in(
        "000_f0e1a9b0e19c2c0c.txt",
        KCRA_URL,
        starts_with="“Our primary care doctors",
        speaker="Kaiser Permanente",
        organization=True,
    )


@pytest.fixture
def bee_kaiser_quote():
    """An organisation quoted in an article with an author and a date: The Bee, paragraph 7."""
    return quote_in(
        "004_9100fbcd64272816.txt",
        BEE_URL,
        starts_with="“We are on track",
        speaker="Kaiser Permanente",
        organization=True,
    )
