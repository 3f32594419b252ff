"""A kind of business right before a name ("the cleaning contractor CleanServ
Danmark", "the logistics company Kilat Jaya") makes the name an organisation,
not a person, even with no organisation word in it: "it said" reaches it."""

from articles.quotes import extract_quotes


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
