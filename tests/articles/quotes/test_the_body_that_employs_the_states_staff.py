"""A body of government named for employing the state's own staff ("Ministry of
Public Administration", "Treasury Board") and its minister are the employer in
a strike of public staff; a ministry that is also the labour administration,
and an opposition spokesperson on the portfolio, are not."""

from articles.quotes import extract_quotes

STRIKE = (
    "Civil servants across Valdoria went on strike on Monday over a pay freeze, the "
    "second strike by state staff this year, closing tax and land offices."
)


def test_a_ministry_of_public_administration_is_the_employer():
    paras = [
        STRIKE,
        "The Ministry of Public Administration said in a statement that the freeze "
        "“cannot be lifted before the budget review.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ministry of Public Administration"
    assert f.side == "employer"


def test_the_minister_of_the_civil_service_is_the_employer():
    paras = [
        STRIKE,
        "“The door to talks is open,” said Petra Almeda, the Minister of Civil Service.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Petra Almeda"
    assert f.side == "employer"


def test_a_ministry_of_public_service_and_labour_is_not_the_employer():
    paras = [
        STRIKE,
        "The Ministry of Public Service and Labour said it would “call both sides to "
        "conciliation.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.side != "employer"


def test_an_opposition_critic_for_the_public_service_is_not_the_employer():
    paras = [
        STRIKE,
        "“The government has let this fester,” said Ivo Renz, the opposition critic "
        "for the public service.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Ivo Renz"
    assert f.side == "government"
