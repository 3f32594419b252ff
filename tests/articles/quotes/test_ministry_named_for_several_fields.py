"""A ministry named for several fields ("the Ministry of Agriculture, Water Management
and Forestry") is one body: its name runs past the commas, so neither "Forestry" nor
"Labour and Social Welfare" is taken for a speaker or for the strikers' employer."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = "Forestry workers at Sume Drina walked off the job on Monday over unpaid wages."


@pytest.mark.parametrize(
    "ministry",
    [
        "Ministry of Agriculture, Water Management and Forestry",
        "Ministry of Public Service, Labour and Social Welfare",
        "Department of Labour, Skills, Employment and Industrial Relations",
    ],
)
@pytest.mark.parametrize("verb_first", [False, True])
def test_a_ministry_named_for_several_fields_speaks_under_its_whole_name(ministry, verb_first):
    sentence = (
        f"“We will facilitate dialogue,” said the {ministry}."
        if verb_first
        else f"The cantonal {ministry}, which oversees the company, said it would "
        "“facilitate dialogue.”"
    )
    (f,) = extract_quotes([LEDE, sentence])
    assert (f.speaker_name, f.speaker_kind) == (ministry, "organization")


def test_places_after_a_ministry_are_no_fields_of_it():
    found = extract_quotes(
        [
            LEDE,
            "Officials of the Ministry of Health, Canada and Mexico said they would "
            "“facilitate dialogue.”",
        ]
    )
    f = by_text(found, "facilitate dialogue")
    assert not f.speaker_name.startswith("Ministry of Health,")
