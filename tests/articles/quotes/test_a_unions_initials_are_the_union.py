"""An acronym made of a union's initials ("CITUB" beside the "Confederation of
Independent Trade Unions in Bulgaria") is that union, never the strikers' employer."""

from articles.quotes import extract_quotes


def test_the_unions_acronym_speaks_for_labour():
    paras = [
        "Ambulance crews across the country went on strike on Monday; the strike was called by "
        "CITUB and the Podkrepa union.",
        "Nadezhda Petrova, head of the emergency care section of the Confederation of "
        "Independent Trade Unions in Bulgaria, said crews were exhausted.",
        "CITUB said the government had “run out of excuses.”",
    ]
    found = [f for f in extract_quotes(paras) if f.speaker_name == "CITUB"]
    assert found
    assert found[0].side == "labor"
