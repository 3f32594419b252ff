"""The labour administration's officers ("the provincial director of labour", "Regional
Labour Officer", "Labor Commissioner") speak for the government, wherever posted, even
when they talk to the employer and the union about the strike."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = "Workers at the Kestrel cement plant walked off the job on Monday over unpaid wages."


@pytest.mark.parametrize(
    "introduction",
    [
        "The provincial director of labour, Ana Lobo,",
        "Regional Labour Officer Ana Lobo",
        "State Labor Commissioner Ana Lobo",
        "Ana Lobo, an inspector of labour in the district,",
    ],
)
def test_an_officer_of_the_labour_administration_is_government(introduction):
    found = extract_quotes(
        [LEDE, f"{introduction} said she had met both parties. “Wages must be paid,” she said."]
    )
    f = by_text(found, "Wages must be paid")
    assert (f.speaker_name, f.side) == ("Ana Lobo", "government")


def test_the_unions_labour_council_is_no_labour_administration():
    found = extract_quotes(
        [
            LEDE,
            "Ana Lobo, secretary of the Kestrel district labour council, said the strikers "
            "“will not go back.”",
        ]
    )
    f = by_text(found, "will not go back")
    assert (f.speaker_name, f.side) == ("Ana Lobo", "labor")


def test_a_companys_director_of_labour_relations_is_no_labour_administration():
    found = extract_quotes(
        [
            LEDE,
            "Ana Lobo, the company's director of labour relations, said the plant would "
            "“stay open.”",
        ]
    )
    f = by_text(found, "stay open")
    assert (f.speaker_name, f.side) == ("Ana Lobo", "employer")
