"""A legislator speaks as a politician even when visiting the picket line; a
labour inspector is a state official; a former union organiser who now works
elsewhere no longer speaks for labour."""

import pytest

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
