"""Fixtures shared by the tests of the articles app."""

import pytest

from articles.models import Quote


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
