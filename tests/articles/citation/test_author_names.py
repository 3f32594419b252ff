"""Bylines split into authors, and authors into the parts the styles need."""

import pytest

from articles.citation import split_byline
from articles.citation.names import looks_like_person, parse_name


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Doe and John Roe, Staff Writers", ("Jane Doe", "John Roe")),
        ("Kathy Anderson", ("Kathy Anderson",)),
        ("By Kathy Anderson, The Sacramento Bee", ("Kathy Anderson",)),
        ("By Kathy Anderson | The Sacramento Bee", ("Kathy Anderson",)),
        ("Story by Jane Doe — Special to The Bee", ("Jane Doe",)),
        ("By Jane Doe, John Roe, and Mary Ann Poe", ("Jane Doe", "John Roe", "Mary Ann Poe")),
        ("By Jane Doe & John Roe", ("Jane Doe", "John Roe")),
        ("BY JANE DOE AND JOHN ROE", ("Jane Doe", "John Roe")),
        ("By Martin Luther King, Jr.", ("Martin Luther King Jr.",)),
        ("By Vincent de la Cruz; Associated Press", ("Vincent de la Cruz",)),
        ("By The Associated Press", ("The Associated Press",)),
        ("Reuters", ("Reuters",)),
        ("By KCRA 3 Staff", ()),
        ("Staff Writer", ()),
        ("", ()),
        ("   ", ()),
        ("By Jane Doe and Jane Doe", ("Jane Doe",)),
    ],
)
def test_split_byline(byline, authors):
    assert split_byline(byline) == authors


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Kathy Anderson", True),
        ("Dr. Corrine McIntosh Sako", True),
        ("Vincent de la Cruz", True),
        ("Martin Luther King Jr.", True),
        ("The Associated Press", False),
        ("KCRA 3", False),
        ("NPR News", False),
        ("Reuters", False),
        ("California Nurses Association", False),
    ],
)
def test_looks_like_person(name, person):
    assert looks_like_person(name) is person


def test_parse_name_parts():
    name = parse_name("Dr. Corrine McIntosh Sako")
    assert (name.given, name.family, name.suffix, name.literal) == (
        "Corrine McIntosh",
        "Sako",
        "",
        "",
    )
    king = parse_name("Martin Luther King Jr.")
    assert (king.given, king.family, king.suffix, king.natural) == (
        "Martin Luther",
        "King",
        "Jr.",
        "Martin Luther King Jr.",
    )
    assert parse_name("Kaiser Permanente", organization=True).literal == "Kaiser Permanente"
    assert parse_name("The Associated Press").is_organization
