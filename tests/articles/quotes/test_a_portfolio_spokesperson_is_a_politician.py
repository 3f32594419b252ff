"""A spokesperson for a field of government ("Greens health spokeswoman", "shadow
transport spokesman") speaks for a party or a ministry, not for the employer; a
company's spokesperson has no portfolio."""

from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description

D = Dispute(employers=("Department of Health",), about_a_dispute=True)


def test_a_party_health_spokeswoman_is_government():
    assert classify_description("Greens health spokeswoman", D) == "government"


def test_a_shadow_transport_spokesman_is_government():
    assert classify_description("shadow transport spokesman", Dispute()) == "government"


def test_a_company_spokeswoman_is_the_employer():
    assert classify_description("a Carrick Resources spokeswoman", Dispute()) == "employer"
