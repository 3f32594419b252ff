"""
Keeping an article's quotes in step with its text (``articles.quote_sync``):
an editor's checked quote follows its own words when the text changes.
"""

import pytest

from articles.models import Article, Source
from articles.quote_sync import reanchor, sync_quotes

pytestmark = pytest.mark.django_db

WORDS = "We will not back down,"
PARAGRAPHS = [
    "Nurses walked out at Valley Health on Monday.",
    "“We will not back down,” said Ana Ruiz, a charge nurse.",
    "The hospital did not answer requests for comment.",
    "At the evening rally she said it again: “We will not back down,” Ruiz told the crowd.",
]


@pytest.fixture
def checked_quote(add_quote):
    """An editor's quote on ``WORDS`` in paragraph ``number`` of an article of ``paragraphs``."""

    def make(paragraphs, number):
        source = Source.objects.create(name="The Valley Ledger")
        article = Article.objects.create(
            source=source, headline="Nurses walk out at Valley Health", paragraphs=paragraphs
        )
        return add_quote(article, WORDS, paragraph=number, edited_by_editor=True)

    return make


def test_a_checked_quote_said_twice_stays_with_its_own_occurrence_when_a_paragraph_goes(
    checked_quote,
):
    quote = checked_quote(PARAGRAPHS, 4)
    article = quote.article
    article.paragraphs = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3]]  # the third is cut
    article.save()
    sync_quotes(article)
    quote.refresh_from_db()
    # The rally's words, now in paragraph 3: not the first time Ruiz said them (paragraph 2).
    assert (quote.paragraph, quote.start) == (3, PARAGRAPHS[3].index(WORDS))
    assert quote.end == quote.start + len(WORDS)


def test_a_checked_quote_whose_words_are_gone_keeps_its_place_for_the_editor(checked_quote):
    quote = checked_quote(PARAGRAPHS, 2)
    remaining = [PARAGRAPHS[0], PARAGRAPHS[2]]
    assert reanchor(quote, remaining) is False
    assert quote.paragraph == 2


def test_a_checked_quote_still_in_place_is_left_there(checked_quote):
    quote = checked_quote(PARAGRAPHS, 2)
    assert reanchor(quote, [*PARAGRAPHS, "A new last paragraph."]) is True
    assert (quote.paragraph, quote.start) == (2, 1)
