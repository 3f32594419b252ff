"""A union named inside a former office ("former IATSE business agent who now runs a
production consultancy") is no affiliation now: the speaker is no longer labour."""

from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description

D = Dispute(unions=("IATSE Local 479", "IATSE"), about_a_dispute=True)


def test_a_former_business_agent_of_the_union_is_not_labour():
    desc = "former IATSE business agent who now runs a production consultancy"
    assert classify_description(desc, D) != "labor"


def test_a_business_agent_of_the_union_is_labour():
    assert classify_description("IATSE business agent", D) == "labor"
