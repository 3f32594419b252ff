"""The ministry over a public service whose workers strike, when no company and no
other public body employs them ("the Ministry of Health" in a strike of public
ambulance crews), speaks for the employer, as its minister does."""

from articles.quotes import extract_quotes


def test_the_ministry_of_health_employs_striking_paramedics():
    paras = [
        "Paramedics and ambulance drivers went on strike across the country on Monday, and the "
        "strike left rural areas waiting an hour for help.",
        "The Ministry of Health said it was “open to dialogue with all unions.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ministry of Health"
    assert f.side == "employer"


def test_the_ministry_of_health_is_government_when_a_company_employs_them():
    paras = [
        "Paramedics at Rapid Care Ltd went on strike on Monday, and the strike left rural areas "
        "waiting an hour for help.",
        "The Ministry of Health said it was “monitoring the situation.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "government"
