"""An office introduced as "whose president" belongs to the body named before it
("the company's trade union, whose president Edin Vuk said"): the speaker's side is
that body's, read from the words before the name, not from the bare office."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = "Forestry workers at Sume Drina walked off the job on Monday over unpaid wages."


@pytest.mark.parametrize(
    "body, side",
    [
        ("by the company's trade union", "labor"),
        ("by the workers' union", "labor"),
        ("by the Ministry of Forestry", "government"),
    ],
)
def test_the_office_of_a_body_named_before_whose_takes_that_bodys_side(body, side):
    found = extract_quotes(
        [
            LEDE,
            f"The deadline was announced last week {body}, whose president Edin Vuk said "
            "the workers had been “patient for too long.”",
        ]
    )
    f = by_text(found, "patient for too long")
    assert (f.speaker_name, f.side) == ("Edin Vuk", side)
