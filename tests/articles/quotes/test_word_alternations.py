"""Word-list alternations (``lexicon.alternation``): written as a trie, they
match exactly what a plain longest-first alternation of the words matches."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.quotes.lexicon import SAY_VERBS, WORKER_WORDS, alternation


def _plain(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))


def test_a_longer_word_is_tried_before_the_word_it_starts_with():
    pattern = re.compile(rf"(?:{alternation({'strike', 'striker', 'strikers'})})")
    assert pattern.match("strikers").group() == "strikers"
    assert pattern.match("striker").group() == "striker"
    assert pattern.match("striked").group() == "strike"


def test_a_shorter_word_matches_when_what_follows_needs_it():
    pattern = re.compile(rf"(?:{alternation({'nurse', 'nurses'})})s\b")
    assert pattern.match("nursess").group() == "nursess"
    assert pattern.match("nurses").group() == "nurses"


def test_words_that_start_alike_only_under_ignorecase_keep_their_order():
    words = {"Colo", "colonel", "MP", "mps"}
    pattern = re.compile(rf"\b(?:{alternation(words)})", re.I)
    plain = re.compile(rf"\b(?:{_plain(words)})", re.I)
    for text in ("colonel Mustard", "COLO.", "MPs", "mp", "Colonels"):
        assert pattern.match(text).group() == plain.match(text).group()


_LISTS = [sorted(SAY_VERBS), sorted(WORKER_WORDS), ["a", "an", "and", "ant", "b.c", "x y"]]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(range(len(_LISTS))),
    st.lists(
        st.sampled_from(["s", "said", "nurse", "and", "an", "x", " ", "y", "ed", "."]), max_size=8
    ),
    st.booleans(),
)
def test_the_trie_finds_what_the_plain_alternation_finds(which, pieces, ignore_case):
    words = _LISTS[which]
    text = "".join(pieces)
    flags = re.I if ignore_case else 0
    ours = re.compile(rf"\b(?:{alternation(words)})(?=\W|$)", flags)
    plain = re.compile(rf"\b(?:{_plain(words)})(?=\W|$)", flags)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in plain.finditer(text)]
