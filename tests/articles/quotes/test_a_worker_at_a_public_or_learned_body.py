"""A trade followed by "at" a public or learned body ("clerk at the Cluj Court of
Appeal", "cleaner at the College of Engineering") names where the worker works:
labour, not the court's government or the college's scholarship."""

from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description

D = Dispute(about_a_dispute=True)


def test_a_clerk_at_a_court_is_labour():
    assert classify_description("clerk at the Cluj Court of Appeal", D) == "labor"


def test_a_cleaner_at_a_college_is_labour():
    desc = "Mr, cleaner at the College of Engineering and Technology for six years"
    assert classify_description(desc, D) == "labor"


def test_a_professor_at_a_university_stays_an_expert():
    desc = "Professor, labour law specialist at the University of Milan"
    assert classify_description(desc, D) == "expert"


def test_a_judge_at_a_court_stays_government():
    assert classify_description("judge at the Cluj Court of Appeal", D) == "government"


def test_another_trade_at_a_public_body_is_not_made_labour():
    cleaners = Dispute(about_a_dispute=True, strike_paras=("cleaners went on strike",))
    desc = "inspector at the State Labour Inspectorate"
    assert classify_description(desc, cleaners) == "government"
