"""
What stays the same between two versions of a story (articles.ingest.identity):
keys for headlines and URLs, shared text, and which quote continues which.
"""

import pytest

from articles.ingest.identity import (
    QuoteVersion,
    headline_key,
    pair_quotes,
    shared_text,
    successor,
    url_key,
    url_variants,
)
from tests.conftest import BEE_SEED, KCRA_SEED


def paragraphs_of(path):
    return path.read_text().split("\n\n")[1:]


def test_headlines_differing_in_case_accents_and_punctuation_share_a_key():
    assert headline_key("“Grève” at the port — day 3!") == headline_key("grève at the Port: Day 3")
    assert headline_key("Greve at the port, day 3") == headline_key("Grève at the port day 3")
    assert headline_key("Nurses strike") != headline_key("Nurses strike again")


@pytest.mark.parametrize(
    "one, other",
    [
        ("https://www.kcra.com/article/x/41300000", "http://kcra.com/article/x/41300000/"),
        ("https://kcra.com/a?id=3&utm_source=tw#comments", "https://kcra.com/a?id=3"),
        ("https://kcra.com/a?b=2&a=1", "https://kcra.com/a?a=1&b=2"),
    ],
)
def test_one_page_written_several_ways_has_one_url_key(one, other):
    assert url_key(one) == url_key(other)


def test_different_pages_have_different_url_keys():
    assert url_key("https://kcra.com/a?id=3") != url_key("https://kcra.com/a?id=4")
    assert url_key("https://kcra.com/a") != url_key("https://kcra.org/a")
    assert url_key("") == ""


def test_the_stored_spelling_of_a_url_is_among_its_variants():
    assert "http://www.kcra.com/article/x" in url_variants("https://kcra.com/article/x/")


def test_a_corrected_story_shares_most_of_its_text_and_another_story_little():
    kcra = paragraphs_of(KCRA_SEED)
    corrected = [p.replace("156 access complaints", "165 access complaints") for p in kcra]
    assert shared_text(kcra, corrected) > 0.95
    # Two stories on the same strike share phrases, not runs of sentences.
    assert shared_text(kcra, paragraphs_of(BEE_SEED)) < 0.1
    assert shared_text([], kcra) == 0.0


def test_the_same_words_continue_a_quote_wherever_they_move_and_whoever_is_credited():
    old = [QuoteVersion("We are not going anywhere", 4, speaker=1)]
    new = [QuoteVersion("Another quote entirely, from someone else", 4, 2)]
    new.append(QuoteVersion("We are not going anywhere.", 12, speaker=None))
    assert pair_quotes(old, new) == [(0, 1)]


def test_nearly_the_same_words_continue_a_quote_from_the_same_speaker_nearby():
    old = [QuoteVersion("We have 156 complaints on file and more every week", 7, speaker=1)]
    corrected = [QuoteVersion("We have 165 complaints on file and more every week", 8, speaker=1)]
    assert pair_quotes(old, corrected) == [(0, 0)]
    other_speaker = [QuoteVersion(corrected[0].text, 8, speaker=2)]
    assert pair_quotes(old, other_speaker) == []
    far_away = [QuoteVersion(corrected[0].text, 20, speaker=1)]
    assert pair_quotes(old, far_away) == []


def test_each_quote_continues_at_most_one_and_the_likeliest_wins():
    old = [QuoteVersion("We will stay out until they listen", 3, 1)]
    new = [
        QuoteVersion("We will stay out until they listen to us", 3, 1),
        QuoteVersion("We will stay out until they listen", 5, 1),
    ]
    assert pair_quotes(old, new) == [(0, 1)]


def test_a_split_or_merged_quote_names_the_one_its_words_went_into():
    whole = QuoteVersion("We are tired of waiting. We want a contract and we want it now", 3, 1)
    parts = [
        QuoteVersion("We are tired of waiting", 3, 1),
        QuoteVersion("We want a contract and we want it now", 4, 1),
    ]
    assert successor(whole, parts) == 1  # the part with more of its words
    assert successor(parts[0], [whole]) == 0  # merged into the whole
    assert successor(QuoteVersion("Something else entirely was said here", 3), parts) is None
