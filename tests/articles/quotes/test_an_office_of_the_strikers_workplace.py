"""An office (director, manager) of the kind of workplace the strikers work at ("the
factory's deputy general director" when factory workers strike) is management: the
employer's side."""

from articles.quotes import extract_quotes

STRIKE = (
    "Thousands of workers at a shoe factory in Dong Nai walked out on Monday, and the strike "
    "entered its third day on Wednesday."
)


def test_the_factorys_director_is_the_employer():
    paras = [
        STRIKE,
        "Kevin Cho, the factory's deputy general director, told reporters that orders had "
        "fallen. “We did not lay anyone off this year,” Cho said.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Kevin Cho"
    assert f.side == "employer"


def test_a_doctor_named_by_a_title_at_the_workplace_is_not_its_office():
    paras = [
        "Young doctors at public hospitals went on strike on Monday; the strike closed "
        "outpatient clinics at the hospital.",
        "“We have not been paid in four months,” said Dr Fatima Aslam, a house officer at the "
        "hospital's medicine ward.",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "labor"
