""" "It said" after a company described by its owners' nationality stands for
the company, never for the nationality word."""

from articles.quotes import extract_quotes


def test_it_is_the_company_not_its_owners_nationality():
    paras = [
        "Packers at the Rivamar cannery walked out on Monday, the first strike at the "
        "plant in a decade.",
        "Rivamar Conservas, owned by Spanish and Danish investors, said its offer was fair. "
        "It said the strike was “hurting everyone in the valley.”",
    ]
    found = extract_quotes(paras)
    (f,) = [q for q in found if "hurting everyone" in q.text]
    assert f.speaker_name == "Rivamar Conservas"
