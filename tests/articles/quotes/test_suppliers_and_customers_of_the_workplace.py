"""Someone who sells to or buys from the struck workplace (a farmer who delivers to
the plant, a shop owner who buys from the factory) is one of the public the strike
reaches: community, whatever their own trade, and even when they own a business."""

import pytest

from articles.quotes import extract_quotes

from .helpers import by_text

LEDE = "Workers at the Harbourview seafood factory walked off the job on Monday over pay."


@pytest.mark.parametrize(
    "description",
    [
        "a fisherman who sells his catch to the factory",
        "a farmer who delivers milk to the plant every morning",
        "who owns a fish shop in the old town and buys from the factory",
        "a trucker who supplies the mill with crates",
    ],
)
def test_a_supplier_or_customer_of_the_workplace_is_community(description):
    found = extract_quotes([LEDE, f"Tomas Varga, {description}, said the strike was “costly.”"])
    f = by_text(found, "costly")
    assert (f.speaker_name, f.side) == ("Tomas Varga", "community")


def test_a_worker_who_sells_nothing_to_it_stays_one_of_the_strikers():
    found = extract_quotes(
        [
            LEDE,
            "Tomas Varga, a packer who has worked at the factory for nine years, said it was “unfair.”",
        ]
    )
    f = by_text(found, "unfair")
    assert (f.speaker_name, f.side) == ("Tomas Varga", "labor")


def test_a_union_officer_who_mentions_sales_stays_labour():
    found = extract_quotes(
        [
            LEDE,
            "Tomas Varga, the union's shop steward, who sold fish to the factory as a boy, "
            "said it was “unfair.”",
        ]
    )
    f = by_text(found, "unfair")
    assert (f.speaker_name, f.side) == ("Tomas Varga", "labor")
