"""A leader of a team or shift ("team leader", "shift manager") works among the
workers: at the employer, one of them, not management."""

from articles.quotes.dispute import Dispute
from articles.quotes.sides import classify_description


def test_a_team_leader_at_the_employer_is_labour():
    d = Dispute(employers=("Visayan Contact Solutions Inc.", "VCSI"), about_a_dispute=True)
    assert classify_description("team leader who has worked at VCSI for six years", d) == "labor"


def test_the_employers_country_manager_is_still_management():
    d = Dispute(employers=("Visayan Contact Solutions Inc.", "VCSI"), about_a_dispute=True)
    assert classify_description("VCSI's country manager", d) == "employer"
