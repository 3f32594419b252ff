"""An office-holder whose public body owns, runs or pays for the struck
employer ("whose administration owns the transit company", "whose ministry
funds the clinics") is the employer's side; one whose body does not ("whose
council does not run the depots") is government."""

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = (
    "Drivers at Vellmar Transit walked off the job on Friday, stranding commuters across the city."
)


def test_the_head_of_a_public_owner_is_the_employer():
    found = extract_quotes(
        [
            LEDE,
            "The mayor, Agnes Wolt, whose administration owns Vellmar Transit, said the offer "
            "was “the most the budget allows.”",
        ]
    )
    f = by_text(found, "the most the budget")
    assert (f.speaker_name, f.side) == ("Agnes Wolt", "employer")


def test_a_minister_whose_ministry_funds_the_employer_is_the_employer_despite_the_title():
    found = extract_quotes(
        [
            LEDE,
            "Transport Minister Carel Dunmore, whose ministry funds the company, called the "
            "strike “unnecessary.”",
        ]
    )
    f = by_text(found, "unnecessary")
    assert (f.speaker_name, f.side) == ("Carel Dunmore", "employer")


def test_an_office_holder_whose_body_does_not_run_the_employer_is_government():
    found = extract_quotes(
        [
            LEDE,
            "Councillor Mira Haas, whose council does not run the depots, urged both sides to "
            "“talk tonight.”",
        ]
    )
    f = by_text(found, "talk tonight")
    assert (f.speaker_name, f.side) == ("Mira Haas", "government")


def test_the_mayor_is_government_when_a_school_district_employs_the_strikers():
    found = extract_quotes(
        [
            "Teachers in the Elmbrook Unified School District went on strike Monday, closing "
            "30 schools.",
            "Mayor Hal Brandt, whose city has no role in the negotiations, urged both sides to "
            "“put the children first.”",
            "Eighth-grader Mia Torvald said she missed her friends. “It is boring,” she said.",
        ]
    )
    assert by_text(found, "put the children first").side == "government"
    assert by_text(found, "It is boring").side == "community"


def test_an_office_holder_whose_ministry_oversees_a_field_is_government():
    paras = [
        "Cable car operators at a private ski resort went on strike on Saturday, and the strike "
        "closed every lift on the mountain.",
        "Economy state secretary Nina Potocnik, whose ministry oversees tourism, urged both sides "
        "to “find a solution before the holidays.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "government"
