"""An organisation quoted in a strike story that is no union, public body or
research body speaks for the employer, whatever its name looks like."""

from articles.quotes import extract_quotes


def test_an_unknown_organisation_answering_the_strikers_is_the_employer():
    paras = [
        "Hundreds of tellers at Brindlewood Bank walked off the job on Monday, the second "
        "strike this year, and the Bank Staff Union said the strike would go on until pay rose.",
        "Brindlewood Trust, which owns the bank, said in a statement: “We regret the "
        "disruption and remain open to talks with our tellers.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Brindlewood Trust"
    assert f.side == "employer"


def test_an_organisation_quoted_outside_a_dispute_is_not_an_employer():
    paras = [
        "The Brindlewood Bank festival opens on Friday with a parade along the river.",
        "Brindlewood Bank said in a statement: “We expect twenty thousand visitors this year.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.side != "employer"


def test_a_body_that_represents_the_workers_speaks_for_labour():
    paras = [
        "Cleaners at the Fenwick Tower offices walked out on Thursday over unpaid overtime, "
        "the third strike this spring.",
        "The Orrin Guild, which represents 900 cleaners in the city, said the walkout was "
        "“the only language the contractors understand.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Orrin Guild"
    assert f.side == "labor"


def test_a_public_body_that_runs_the_workplace_is_the_employer():
    paras = [
        "Porters at four state hospitals walked out on Wednesday over unpaid overtime.",
        "The Provincial Health Department, which runs the four hospitals, said the "
        "overtime would be paid “as soon as the budget allows.”",
    ]
    (f,) = extract_quotes(paras)
    assert f.speaker_name == "Provincial Health Department"
    assert f.side == "employer"


def test_a_union_named_in_the_story_makes_it_a_dispute_without_the_word_strike():
    paras = [
        "Branches of Corvell Savings stayed shut on Sunday as the Corvell Savings Workers’ "
        "Committee stepped up its sanctions over planned job cuts.",
        "Corvell Savings said in a statement that it “deeply regrets the inconvenience to "
        "customers.”",
    ]
    found = extract_quotes(paras)
    (f,) = [q for q in found if "regrets" in q.text]
    assert f.speaker_name == "Corvell Savings"
    assert f.side == "employer"


def test_the_histadrut_is_a_labour_federation():
    paras = [
        "Port workers in Haifa stepped up their strike on Monday, the third strike this year.",
        "The Histadrut said it would “stand with the dockers until the end.”",
    ]
    found = extract_quotes(paras)
    (f,) = [q for q in found if "stand with" in q.text]
    assert f.side == "labor"
