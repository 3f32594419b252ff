"""A name ending in "Milling" or "Terminals" is a company's, whatever the words
around it, so "it said" after it reaches it."""

from articles.quotes import extract_quotes


def test_it_said_reaches_a_milling_company():
    paras = [
        "Cane crushing at the Lautoka mill stopped yesterday after about 400 mill "
        "workers went on strike over a wage claim.",
        "Nadi Sugar Milling said in a statement that the strike was unlawful because "
        "the dispute had been referred to the Labour Tribunal. It said it would “make "
        "every effort” to resume crushing.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Nadi Sugar Milling"


def test_which_it_said_reaches_a_terminals_company():
    paras = [
        "Crane drivers at the port went on strike on Monday over rosters.",
        "In a statement, Shannon Bay Terminals said it was disappointed by the action, "
        "which it said was “wholly unnecessary.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Shannon Bay Terminals"
