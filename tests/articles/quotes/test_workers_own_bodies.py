"""A body the workers form, named for them ("the drivers' committee", "the workers'
council"), speaks for the strikers: its head is labour, not management, though
"head" and "committee" are words a company's officers carry too."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = "More than 300 truck drivers at Sandline Haulage have staged a sit-in since Saturday."


@pytest.mark.parametrize(
    "body", ["the drivers' committee", "the workers’ council", "the porters' association"]
)
def test_the_head_of_a_body_named_for_workers_is_labour(body):
    found = extract_quotes([LEDE, f"“We will not move,” said Rami Haddad, head of {body}."])
    f = by_text(found, "We will not move")
    assert (f.speaker_name, f.side) == ("Rami Haddad", "labor")


def test_the_head_of_the_owners_association_is_not_labour():
    found = extract_quotes(
        [LEDE, "“The rates are fair,” said Rami Haddad, head of the truck owners' association."]
    )
    f = by_text(found, "The rates are fair")
    assert f.speaker_name == "Rami Haddad"
    assert f.side != "labor"
