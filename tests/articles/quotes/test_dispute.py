"""The dispute an article covers: its employer, unions and striking trade, read
from the reporter's words (or given by the caller)."""

from articles.quotes.dispute import find_dispute
from articles.quotes.entities import Cast
from articles.quotes.mentions import scan_mentions
from articles.quotes.sentences import Lowered, sentence_starts


def dispute_of(paragraphs: list[str], **context):
    """The stage's input for quote-free paragraphs (nothing to mask), then the stage."""
    bases, total = [], 0
    for p in paragraphs:
        bases.append(total)
        total += len(p) + 2
    starts = [sentence_starts(p) for p in paragraphs]
    lowered = Lowered(paragraphs)
    cast = Cast(
        paragraphs, bases, starts, scan_mentions(paragraphs, bases, starts, lowered), lowered
    )
    return find_dispute(cast, **context)


def test_the_employer_is_the_organisation_tied_to_the_strikers_not_the_outlet():
    d = dispute_of(
        [
            "LOS ANGELES (AP) — Thousands of nurses at Cedar Ridge Medical Center walked off "
            "the job on Monday in a strike over staffing.",
            "The California Nurses Association said talks with Cedar Ridge had stalled, "
            "according to a statement given to The Associated Press.",
        ]
    )
    assert d.employers[0] == "Cedar Ridge Medical Center"
    assert "California Nurses Association" in d.unions
    assert d.about_a_dispute
    assert d.occupations == {"nurse"}
    assert not any("Associated Press" in e for e in d.employers)


def test_a_city_whose_workers_strike_is_a_public_employer():
    d = dispute_of(
        [
            "Brantwood's outside workers went on strike on Monday, and garbage piled up as "
            "pickets went up outside city hall.",
            "CUPE Local 2204 represents about 400 city workers.",
        ]
    )
    assert d.public_employer
    assert "CUPE Local 2204" in d.unions


def test_no_strike_no_inferred_employer():
    d = dispute_of(["Harbor Foods opened a new store in Tacoma on Friday."])
    assert not d.about_a_dispute
    assert d.employers == ()


def test_the_callers_parties_come_first():
    d = dispute_of(
        ["Drivers stayed off the buses again on Tuesday."],
        employers=["Metro Transit"],
        unions=["ATU Local 1001"],
        outlet="Riverside Gazette",
    )
    assert (d.employers, d.unions, d.outlet) == (
        ("Metro Transit",),
        ("ATU Local 1001",),
        "Riverside Gazette",
    )
    assert d.about_a_dispute
