"""A name whose given name is two syllables joined by a hyphen ("Leung
Siu-fai") puts the family name first, so a bare "Leung" used before the full
name (a live blog, newest entry first) is that person."""

from articles.quotes import extract_quotes


def test_bare_family_name_above_the_full_name_is_the_same_person():
    paras = [
        "4.10pm",
        "“We will be back tomorrow, and the day after,” Leung told the crowd.",
        "11.00am",
        "The walkout has begun. Leung Siu-fai, chairman of the Kowloon Tram Workers "
        "Union, says about 200 drivers have stopped work, the first strike on the trams.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Leung Siu-fai"
    assert f.side == "labor"
