"""infer_side: which side of the dispute a speaker is on."""

import pytest

from articles.quotes import infer_side


@pytest.mark.parametrize(
    ("name", "kind", "desc", "side"),
    [
        ("Fred Seyfe", "person", "director of research at the batting union", "labor"),
        ("Fred Seyfe", "person", "director of research at the union", "labor"),
        ("National Union of Healthcare Workers", "organization", "", "labor"),
        ("California Nurses Association", "organization", "", "labor"),
        ("Department of Managed Health Care", "organization", "", "government"),
        ("Karen Bass", "person", "Los Angeles Mayor", "government"),
        ("Harley Shaiken", "person", "labor professor at the University of California", "expert"),
        ("Jane McAleigh", "person", "policy fellow at the University of California", "expert"),
        ("Ana Lopez", "person", "parent at Fruitvale Elementary", "community"),
        ("Corrine McIntosh Sako", "person", "licensed clinical psychologist", "labor"),
        ("", "", "", "unknown"),
    ],
)
def test_sides_from_descriptions(name, kind, desc, side):
    assert infer_side(name, kind, desc) == side


def test_employer_names():
    emp = ("Kaiser Permanente",)
    assert infer_side("Kaiser Permanente", "organization", "", employer_names=emp) == "employer"
    assert (
        infer_side("Steve Shivinsky", "person", "Kaiser spokesperson", employer_names=emp)
        == "employer"
    )
    assert infer_side("Steve Shivinsky", "person", "Kaiser spokesperson") == "employer"
    assert infer_side("Sarah Soroken", "person", "therapist", employer_names=emp) == "labor"
