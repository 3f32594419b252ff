"""A union named "<body> of <field or place>" goes by its body noun: "the
association's president" speaks for the "Lecturers' Association of Marrow
University"."""

from articles.quotes import extract_quotes


def test_the_associations_president_is_the_unions():
    paras = [
        "Lecturers at Marrow University went on strike on Monday over unpaid "
        "allowances, the third strike this term.",
        "The strike was called by the lecturers' union, the Lecturers' Association of "
        "Marrow University, which represents 900 staff.",
        "“We are owed eight months,” said Nadia Farrukh, the association's president.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Nadia Farrukh"
    assert f.side == "labor"
