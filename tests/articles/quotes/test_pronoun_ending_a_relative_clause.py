"""Quoted words inside a relative clause whose subject is a pronoun ("a rise
she described as “...”") are the words of the person the pronoun stands for."""

from articles.quotes import extract_quotes


def test_a_rise_she_described_as():
    paras = [
        "Bus drivers across Port Harlow went on strike on Monday over pay.",
        "Ngozi Okafor, secretary of the drivers' union, addressed the picket at dawn.",
        "Okafor said the company had offered a 1 per cent rise and more unpaid overtime, "
        "a rise she described as “an insult to every driver.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ngozi Okafor"
    assert f.side == "labor"
