"""A chamber or confederation is an organisation by its head word, so its name
runs through "of" ("Zambia Chamber of Mines", "Confederation of Norwegian
Enterprise") and is named whole as the speaker."""

from articles.quotes import extract_quotes


def test_chamber_of_a_trade_is_named_whole():
    paras = [
        "Miners at Copperbelt Ridge walked out on Monday over pay.",
        "The Kafue Chamber of Mines said the strike would “set the industry back years.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Kafue Chamber of Mines"


def test_confederation_of_employers_is_named_whole_and_on_the_employer_side():
    paras = [
        "Technicians at Fjordnet walked out on Monday over pay.",
        "The Confederation of Coastal Enterprise, which negotiates on behalf of Fjordnet, "
        "called the strike “irresponsible.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Confederation of Coastal Enterprise"
    assert f.side == "employer"
