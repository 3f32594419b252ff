"""A name after "a strike at the" or "keepers at the" is the strikers'
workplace, an organisation (a zoo is one), so "it said" reaches it; a name
that only modifies a site ("the Carrick Creek mine") is not weighed so."""

from articles.quotes import extract_quotes


def test_strike_at_the_zoo_makes_the_zoo_the_speaker_of_it_said():
    paras = [
        "Two weeks into the first strike at the Marlow Hills Zoo, the people who feed the "
        "giraffes are on a picket line.",
        "The zoo has brought in temporary staff. In a statement, it said the animals were "
        "“healthy and well cared for.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Marlow Hills Zoo"
    assert f.side == "employer"


def test_the_company_owning_a_named_mine_stays_the_employer():
    paras = [
        "Workers at the Ridgeback Creek mine walked off the job on Thursday, the first "
        "strike at the site.",
        "Members of the Mining Union at Tallon Resources' Ridgeback Creek mine want fixed rosters.",
        "A Tallon Resources spokeswoman said the company would “respect the umpire.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.side == "employer"
