"""Honorifics ("Madam") and assembly members' titles ("MPA") before a name
are not part of the name; "Madam" also tells the speaker is a woman."""

from articles.quotes import extract_quotes


def test_madam_is_an_honorific_not_part_of_the_name():
    paras = [
        "Dockers at Keta port stayed out for a fifth day on Monday.",
        "Madam Efua Boateng, who sells fish by the harbour gate, has had no customers all "
        "week. “Nothing moves, so nothing sells,” she said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Efua Boateng"


def test_a_provincial_assembly_member_title_is_not_part_of_the_name():
    paras = [
        "Junior doctors in the province extended their strike into a second week.",
        "Opposition MPA Zubair Hamid called the arrests “a disgrace to the province.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Zubair Hamid"
