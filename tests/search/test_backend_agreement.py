"""
The two backends count the same matches for the same query: speaker names
typed exactly, misspelt (a letter changed, dropped, added, two swapped) or
too far off, and phrases whose words sit in different fields. Each case is
searched on both indexes of one archive and checked against the answer.
"""

import pytest

from search import indexing
from search.analysis import similar_names, speaker_edit_distance, within_edits
from search.backends import get_backend
from search.service import SearchParams, run_search

from .conftest import at


@pytest.fixture
def both_indexed(settings, corpus):
    """People whose names lie a few edits apart, quoted in articles; both indexes built."""
    people = {
        name: corpus.person(name)
        for name in (
            "Olga Petrov",
            "Ivan Petrova",
            "Rosa Rossi300",
            "Tom Rossi330",
            "Ana Rossi1000",
        )
    }
    for n, (name, person) in enumerate(people.items()):
        article = corpus.article(
            f"Picket report {n}",
            [f"“The picket holds on day {n},” {name.split()[-1]} said."],
            published_at=at(2022, 5, 1 + n),
        )
        corpus.quote(article, f"The picket holds on day {n}", person)
    # The headline ends with "staff", the quote starts with "Hospital": a phrase must not
    # match across the two fields.
    across = corpus.article(
        "Walkout grows among staff", ["“Hospital managers stayed away,” she said."]
    )
    corpus.quote(across, "Hospital managers stayed away", people["Olga Petrov"])
    for name in ("whoosh", "postgres"):
        indexing.rebuild(get_backend(name))
    return people


def totals(q):
    found = {}
    for name in ("whoosh", "postgres"):
        outcome = run_search(SearchParams(q=q), backend=get_backend(name))
        found[name] = outcome.total
    return found


@pytest.mark.parametrize(
    "q, expected",
    [
        ("speaker:Petrov", 3),  # exact (two quotes), plus Petrova one letter away
        ("speaker:Petrvo", 2),  # two letters swapped: one edit (Petrova is two away)
        ("speaker:Petrxy", 0),  # two edits, but a six-letter word is allowed one
        ("speaker:Petrova", 3),  # seven letters: two edits allowed, finds Petrov too
        ("speaker:Rsosi300", 2),  # a swap and nothing else: Rossi300, and Rossi330 (two edits)
        ("speaker:Rossi300", 3),  # Rossi330 (one edit) and Rossi1000 (two edits)
        ("speaker:Qossi300", 0),  # the first letter must match
        ("speaker:Pet", 0),  # under four letters: exact only
        ('"staff hospital"', 0),  # the headline ends with one word, the quote starts with the other
        ('"hospital managers"', 1),  # both in the quote
    ],
)
def test_both_backends_count_the_same(both_indexed, q, expected):
    assert totals(q) == {"whoosh": expected, "postgres": expected}


def test_close_spellings_follow_one_rule():
    assert speaker_edit_distance("pet") == 0
    assert speaker_edit_distance("petrov") == 1
    assert speaker_edit_distance("petrova") == 2
    assert within_edits("petrvo", "petrov", 1)  # swapped neighbours: one edit
    assert not within_edits("petrxy", "petrov", 1)  # two letters changed
    assert within_edits("rsosi300", "rossi100", 2)
    assert not within_edits("rsosi300", "rossi1000", 2)
    candidates = ["petrov", "petrova", "petrvo", "qetrov", "petr"]
    assert similar_names("petrvo", candidates) == ["petrov"]
    assert similar_names("petrova", candidates) == ["petrov", "petrvo"]
