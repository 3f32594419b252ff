"""A legislator speaks as a politician even when visiting the picket line; a
labour inspector is a state official; a former union organiser who now works
elsewhere no longer speaks for labour."""

import pytest

from articles.quotes import extract_quotes
from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description

STRIKE = Dispute(about_a_dispute=True)


@pytest.mark.parametrize(
    ("description", "side"),
    [
        (
            "The Member of Parliament for Riverside North, who joined the striking workers",
            "government",
        ),
        ("Knesset member who sits on the Labor Committee", "government"),
        ("the district labour inspector", "government"),
        ("former union organiser who now runs a small consultancy", "expert"),
    ],
)
def test_office_decides_over_labour_words(description, side):
    assert classify_description(description, STRIKE) == side


@pytest.mark.parametrize(
    ("description", "side"),
    [
        ("sister of a bus driver who was arrested at the depot", "community"),
        ("whose wife is a nurse at the county hospital", "community"),
    ],
)
def test_a_workers_relative_is_one_of_the_public(description, side):
    assert classify_description(description, STRIKE) == side


def test_a_mother_of_three_may_still_be_the_striker():
    assert classify_description("mother of three and a striking nurse", STRIKE) == "labor"


def test_a_strikers_wife_speaks_for_the_public_in_the_story():
    paras = [
        "Firefighters across the city called in sick for a third day on Monday, the third "
        "strike by the brigade this year.",
        "Mara Quist, whose husband is a firefighter at the Dock Road station, said the "
        "families were “tired of being ignored.”",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.side) == ("Mara Quist", "community")


def test_someone_who_runs_a_business_the_strike_touches_is_one_of_the_public():
    paras = [
        "Stagehands at the Corran Theatre walked out on Friday, the first strike in the "
        "theatre's history.",
        "Ruth Amsel, who owns a catering company that feeds the crew, said she had lost "
        "“a month of bookings in a week.”",
    ]
    (f,) = extract_quotes(paras)
    assert (f.speaker_name, f.side) == ("Ruth Amsel", "community")
