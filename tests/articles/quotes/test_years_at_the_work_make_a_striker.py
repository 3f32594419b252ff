"""A person described by a clause saying they have done the work for years
("who has welded hulls at the yard for 12 years") in a strike story is one of
the strikers, whatever the verb; one who has lived or shopped somewhere for
years is not."""

from articles.quotes import extract_quotes


def test_years_of_work_by_any_verb_make_a_striker():
    paras = [
        "Welders at the Corran shipyard went on strike on Monday over a two-year pay "
        "freeze, the yard's first strike since 1998.",
        "“Nobody here has had a raise since the new owners came,” said Moira Tulloch, who "
        "has welded hulls at the yard for 14 years.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Moira Tulloch"
    assert f.side == "labor"


def test_years_counted_in_words_make_a_striker():
    paras = [
        "Packers at the Orvel tea estate went on strike on Thursday over unpaid bonuses, "
        "the estate's second strike this year.",
        "“We were promised the money in March,” said Sunita Rai, who has graded leaf for "
        "eleven years.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Sunita Rai"
    assert f.side == "labor"


def test_years_of_living_nearby_make_no_striker():
    paras = [
        "Welders at the Corran shipyard went on strike on Monday over a two-year pay "
        "freeze, the yard's first strike since 1998.",
        "“The whole town depends on that yard,” said Moira Tulloch, who has lived on the "
        "harbour road for 14 years.",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Moira Tulloch"
    assert f.side != "labor"
