"""The company's possessive makes an office of the employer only before the office
("the company's chief negotiator"), not before a place ("a union leader at a news
conference outside the chain's headquarters")."""

from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description

D = Dispute(about_a_dispute=True)


def test_a_leader_outside_the_chains_headquarters_is_not_the_employer():
    desc = "CESP national leader, at a news conference outside the chain's headquarters"
    assert classify_description(desc, D) != "employer"


def test_the_companys_chief_negotiator_is_the_employer():
    assert classify_description("the company's chief negotiator", D) == "employer"
