"""An office in a part of the union ("president of the Moncton unit", "the
branch's vice president", "secretary general of the federation's rail
branch") makes its holder a union officer, not management; a hospital
unit's head stays with the employer."""

from articles.quotes import extract_quotes


def test_president_of_a_unit_speaks_for_labour():
    paras = [
        "Software testers at Bluefin Data walked out on Thursday over remote-work rules.",
        "“Nobody here wanted this,” said Corin Alvey, a senior support analyst and "
        "president of the Moncton unit.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Corin Alvey"
    assert f.side == "labor"


def test_branch_vice_president_speaks_for_labour():
    paras = [
        "Workers at the Tarnow boiler plant struck on Monday over three months of unpaid wages.",
        "“We were promised the money in June,” said Pavel Rusek, the branch's vice president.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"


def test_secretary_general_of_the_federations_branch_speaks_for_labour():
    paras = [
        "Train crews across the north stopped work on Tuesday over a new rota.",
        "“The rota was drawn up without us,” said Karim Haddad, secretary general of the "
        "federation's rail branch.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"


def test_head_of_a_hospital_unit_is_no_union_officer():
    paras = [
        "Nurses at Pinecrest General walked out on Monday over staffing levels.",
        "“Every patient is being cared for,” said Dr. Mara Lind, head of the hospital's "
        "intensive care unit.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side != "labor"
