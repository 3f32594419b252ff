"""A retired worker of a trade other than the strikers' ("a retired teacher" queuing
in a supermarket strike) no longer works: one of the public; a retired worker of
the strikers' own trade stays with them."""

from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description

CASHIERS = Dispute(about_a_dispute=True, strike_paras=("cashiers went on strike on friday",))


def test_a_retired_teacher_is_community():
    assert classify_description("a retired teacher", CASHIERS) == "community"


def test_a_retired_cashier_in_a_cashiers_strike_is_labour():
    assert classify_description("a retired cashier", CASHIERS) == "labor"
