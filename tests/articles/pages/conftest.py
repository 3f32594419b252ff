"""
Fixtures for the reading pages: the real seeds (from ``tests/conftest.py``),
plus small articles built directly for cases the seeds don't cover.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.models import Article, Person, Source

PACIFIC = ZoneInfo("America/Los_Angeles")


@pytest.fixture(autouse=True)
def _no_cached_pages(fresh_caches):
    """Each test renders its pages afresh."""


@pytest.fixture
def outlet(db):
    return Source.objects.create(
        name="The Picket Line Gazette", kind=Source.Kind.NEWSPAPER, timezone="America/Chicago"
    )


@pytest.fixture
def make_article(db, outlet):
    def make(headline="Nurses walk out at Mercy General", paragraphs=None, **fields):
        fields.setdefault("source", outlet)
        fields.setdefault("published_at", datetime(2024, 3, 5, 9, 30, tzinfo=PACIFIC))
        fields.setdefault("status", Article.Status.PUBLISHED)
        return Article.objects.create(
            headline=headline,
            paragraphs=paragraphs if paragraphs is not None else ["Nurses walked out on Tuesday."],
            **fields,
        )

    return make


@pytest.fixture
def make_person(db):
    def make(name="Dana Ruiz", **fields):
        return Person.objects.create(name=name, **fields)

    return make
