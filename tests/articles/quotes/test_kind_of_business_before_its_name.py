"""A kind of business right before a name ("the cleaning contractor CleanServ
Danmark", "the logistics company Kilat Jaya") makes the name an organisation,
not a person, even with no organisation word in it: "it said" reaches it."""

from articles.quotes import extract_quotes

from .helpers import by_text


def test_contractor_before_a_two_word_name_makes_an_organisation():
    paras = [
        "Around 400 cleaners at three hospitals went on strike on Monday after talks with "
        "the cleaning contractor Brightway Nordic broke down.",
        "In a statement, it said the union's demands were “impossible to meet.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Brightway Nordic"
    assert f.side == "employer"


def test_a_job_before_a_name_still_makes_a_person():
    paras = [
        "Around 400 cleaners at three hospitals went on strike on Monday.",
        "Cleaning supervisor Hanne Lund said the rotas were “simply not humane.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Hanne Lund"


def test_a_determined_company_before_a_name_makes_an_organisation():
    paras = [
        "Around 600 workers of the public forestry company Sume Drina went on strike on "
        "Monday over three months of unpaid salaries.",
        "The company said in a statement that it was facing “serious financial difficulties.”",
    ]
    f = by_text(extract_quotes(paras), "serious financial")
    assert (f.speaker_name, f.speaker_kind) == ("Sume Drina", "organization")


def test_an_office_of_the_company_before_a_name_is_held_by_a_person():
    paras = [
        "Around 600 workers at the Altai cashmere factory went on strike on Monday.",
        "Executive director of the company Tsetseg Bold said: “We must think of survival.”",
    ]
    f = by_text(extract_quotes(paras), "We must think")
    assert (f.speaker_name, f.speaker_kind) == ("Tsetseg Bold", "person")


def test_a_number_opening_a_sentence_is_no_organisation():
    """ "Around 600 workers": no body called "Around 600" for "the company" to be."""
    paras = [
        "Around 600 workers of Sume Drina went on strike on Monday over unpaid salaries.",
        "The company said in a statement that it was facing “serious financial difficulties.”",
    ]
    (f,) = extract_quotes(paras)
    assert not f.speaker_name.startswith("Around")
