"""A minister whose portfolio shares a word with the union's name ("Energy
Minister" when the union is the "Federation of Energy") is the government,
not the union."""

from articles.quotes import extract_quotes


def test_minister_titled_by_a_word_of_the_unions_name_is_government():
    paras = [
        "Workers at the state-owned Valmora Power went on strike on Monday over pay.",
        "The National Federation of Energy called the strike after talks broke down.",
        "“Both sides must put the country first,” said Energy Minister Sela Okafor.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Sela Okafor"
    assert f.side == "government"
