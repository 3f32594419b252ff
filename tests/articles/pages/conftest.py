"""
Fixtures for the reading pages: the real seeds (from ``tests/conftest.py``),
plus small articles built directly for cases the seeds don't cover.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import caches

from articles.models import Article, Person, Quote, Source

PACIFIC = ZoneInfo("America/Los_Angeles")


@pytest.fixture(autouse=True)
def _no_cached_pages():
    """Each test renders its pages afresh (the page cache outlives a test's rolled-back rows)."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


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
def add_quote(db):
    """A quote on ``words`` where they first appear in ``article``'s ``paragraph`` (from 1)."""

    def add(article, words, *, paragraph=1, speaker=None, **fields):
        start = article.paragraphs[paragraph - 1].index(words)
        return Quote.objects.create(
            article=article,
            paragraph=paragraph,
            start=start,
            end_paragraph=paragraph,
            end=start + len(words),
            text=words,
            speaker=speaker,
            **fields,
        )

    return add


@pytest.fixture
def make_person(db):
    def make(name="Dana Ruiz", **fields):
        return Person.objects.create(name=name, **fields)

    return make
