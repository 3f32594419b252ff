"""In a public service's strike the minister over that service employs the
strikers: the justice minister in a prison officers' strike, the health
minister in a doctors' boycott of public hospitals."""

from articles.quotes import extract_quotes


def test_the_justice_minister_employs_striking_prison_officers():
    paras = [
        "Prison officers at eleven jails walked out on Monday over understaffing, leaving "
        "inmates locked in their cells.",
        "Justice Minister Arno Pelt said the walkout was “understandable but not acceptable.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Arno Pelt"
    assert f.side == "employer"


def test_a_doctors_boycott_is_a_dispute_with_the_health_minister():
    paras = [
        "Young doctors continued their boycott of outpatient clinics at public hospitals on "
        "Thursday, the fourth day of the boycott over unpaid stipends.",
        "Provincial Health Minister Nadia Rauf said her office was “ready to pay every rupee "
        "owed.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Nadia Rauf"
    assert f.side == "employer"
