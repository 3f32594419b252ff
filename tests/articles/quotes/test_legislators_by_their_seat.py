"""Someone who "represents the district in the National Assembly" holds a seat:
government (a legislator), even when the description says nothing else about them
and goes on to what they said about the company."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = "Banana workers at Frutera Norte walked off the job on Monday over pensions."


@pytest.mark.parametrize(
    "seat",
    [
        "who represents the district in the National Assembly",
        "who represents Bocas del Toro in parliament",
        "who represents the province in the state legislature",
    ],
)
def test_a_speaker_who_holds_a_seat_is_government(seat):
    found = extract_quotes([LEDE, f"Deputy Ana Ríos, {seat}, said the company had been “unfair.”"])
    f = by_text(found, "unfair")
    assert (f.speaker_name, f.side) == ("Ana Ríos", "government")


def test_a_lawyer_who_represents_workers_in_court_is_no_legislator():
    found = extract_quotes(
        [LEDE, "Ana Ríos, a lawyer who represents the workers in court, said it was “unfair.”"]
    )
    f = by_text(found, "unfair")
    assert f.side != "government"
