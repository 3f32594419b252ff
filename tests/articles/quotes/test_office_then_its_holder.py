"""An office of a body or seat set off before a name ("Commissioner of the
Kestrel Fire Brigade, Carlton Spence, told", "The Member of Parliament for
Tema East, Mr Emmanuel Quaye, said") names its holder as the speaker, not the
body or the seat."""

from articles.quotes import extract_quotes


def test_commissioner_of_a_body_then_the_holder_speaks():
    paras = [
        "Firefighters across the island walked out on Monday over pay.",
        "Commissioner of the Kestrel Fire Brigade, Carlton Spence, told reporters the "
        "service “shares the concerns” of its firefighters.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Carlton Spence"


def test_member_of_parliament_for_a_seat_then_the_holder_speaks():
    paras = [
        "Cement workers at the Harbour Works walked out on Monday over pay.",
        "The Member of Parliament for Wexham North, Mr Kofi Asante, said he was “fully "
        "behind the workers.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Kofi Asante"
    assert f.side == "government"
