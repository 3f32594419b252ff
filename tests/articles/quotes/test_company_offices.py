"""Offices of a company are the employer's side ("HR director", "director of
operations", "mill director"), and a company whose name has a public body's
word in it ("Lakeland Board Oyj") is still a company: the town's mayor
commenting on its strike is government, not the employer."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = (
    "Workers at Lakeland Board Oyj's Porvik mill walked off the job on Monday in a strike "
    "over job cuts."
)


@pytest.mark.parametrize(
    "office", ["HR director", "director of operations", "mill director", "operations director"]
)
def test_a_company_office_is_the_employers_side(office):
    found = extract_quotes(
        [LEDE, f"Lakeland Board's {office}, Ilona Sarre, said the strike was “unlawful.”"]
    )
    f = by_text(found, "unlawful")
    assert (f.speaker_name, f.side) == ("Ilona Sarre", "employer")


def test_the_mayor_is_government_when_a_company_with_board_in_its_name_is_struck():
    found = extract_quotes(
        [LEDE, "Mayor of Porvik Henrik Salo said the town would do “whatever it can.”"]
    )
    f = by_text(found, "whatever it can")
    assert (f.speaker_name, f.side) == ("Henrik Salo", "government")


def test_a_mayor_of_the_town_a_company_is_named_for_is_government():
    found = extract_quotes(
        [
            "Call centre agents at Corrib Bay Services Inc. walked off the job on Monday.",
            "“We cannot afford a reputation for trouble,” said Corrib Bay Mayor Ena Kilbride.",
        ]
    )
    f = by_text(found, "We cannot afford")
    assert (f.speaker_name, f.side) == ("Ena Kilbride", "government")
