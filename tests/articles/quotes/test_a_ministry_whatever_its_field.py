"""A body whose name is headed by a ministry or department ("Ministry of
Pharmaceutical Industry") is a public body whatever its field names, and a labour
inspection body is the government's."""

from articles.quotes.sides import infer_side


def test_a_ministry_named_for_an_industry_is_government():
    assert infer_side("Ministry of Pharmaceutical Industry", "organization", "") == "government"


def test_a_labour_inspection_body_is_government():
    assert infer_side("Health and Labour Inspection Body", "organization", "") == "government"


def test_an_industry_association_stays_the_employers():
    assert infer_side("Pharmaceutical Industry Association", "organization", "") == "employer"


def test_the_ministry_that_employs_the_strikers_stays_the_employer():
    assert (
        infer_side(
            "Ministry of Justice", "organization", "", employer_names=("Ministry of Justice",)
        )
        == "employer"
    )


def test_a_council_of_employers_stays_the_employers():
    assert infer_side("Council of Hospital Employers", "organization", "") == "employer"
