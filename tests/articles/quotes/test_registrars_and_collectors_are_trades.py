"""Registrars and collectors are trades: a speaker described as one, in a strike
story, is a worker."""

from articles.quotes import extract_quotes


def test_a_registrar_outside_a_courtroom_is_labour():
    paras = [
        "Court clerks across Romania went on strike on Monday, and the strike postponed "
        "thousands of hearings.",
        "Outside a courtroom in Sector 4, registrar Radu Barsan said young clerks were leaving. "
        "“Nobody stays for this pay,” he said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Radu Barsan"
    assert f.side == "labor"
