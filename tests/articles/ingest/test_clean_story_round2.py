"""
The parser on the second set of clean stories (tests/articles/ingest/clean_story_round2/):
furniture-free articles in styles the first set did not use (a 46-paragraph feature with
subheads, briefs, datelines, quote leads, lists, box scores written as prose, label words
used as sentences, social posts and text messages, paragraphs over 1,000 characters,
accents, em dashes and ellipses). Every paragraph must be kept, unchanged
(checked in test_fixture_articles); here: no metadata is invented for them, and one
group per rule narrowed for them: the story sentence is kept, the furniture still goes.
"""

import pytest

from articles.ingest import parse_article

from .fixture_articles import LAST, STORY, fixture_files, kept, load, parse_around

CLEAN = fixture_files("clean_story_round2")


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_no_metadata_invented(path):
    # No header, no self-reference, no publication note: nothing to infer.
    parsed, _ = load(path)
    assert parsed.outlet is None and parsed.published_at is None and parsed.byline == ""


# Label rules ("Related:", "More:", "Watch:", "Photos:", "Topics:"): a sentence of the
# story after the label is kept; a linked headline, caption, credit or tag list still goes.
@pytest.mark.parametrize(
    "line",
    [
        "More: a section at the end of each issue lists smaller items, from lost gloves at the picket line "
        "to a trivia night.",
        "Related: a similar newsletter at Columbia during the 2021 graduate strike there ran to 90 issues "
        "before it ended.",
        "Watch: Fontaine's reply the same night was one word and a link to a recording of the bargaining "
        "session in question, which the union had posted with the university's consent.",
        "Photos: dozens of them, pinned to a corkboard in the union hall in Cumberland, show the 1931 "
        "strikers in their Sunday clothes.",
        "Topics: the missing paychecks, the bankruptcy judge in Charleston and the price of gas, in "
        "roughly that order.",
    ],
)
def test_label_rules_keep_a_sentence_after_the_label(line):
    assert kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "RELATED: Oregon nurses authorize strike at three Portland hospitals",
        "READ MORE: Union calls off strike at the last minute after a deal with the city.",
        "MORE: Oakland schools prepare for possible strike",
        "Watch: Striking nurses rally outside St. Luke's on Monday morning.",
        "Photo: Nurses picket outside St. Luke's hospital in Duluth on Monday, March 4, 2024, the first "
        "day of a three-day strike by about 1,300 nurses.",
        "Photo: courtesy of Local 11 and the Service Employees International Union.",
        "Tags: strike, labor, hotels, Unite Here",
        "Topics: strike, nurses, health care, Duluth, Minnesota Nurses Association, St. Luke's.",
    ],
)
def test_label_rules_still_drop_furniture(line):
    assert not kept(line)


# "This story was ... published": a date, a time or a name must follow.
def test_publication_note_keeps_a_sentence_about_a_story_published_long_ago():
    line = (
        "This story was first published in a mimeographed union bulletin in 1932, and it has been "
        "retold in every coal strike since."
    )
    assert kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "This story was originally published August 26, 2022 5:25 am.",
        "This story was originally published by CalMatters.",
        "This article was originally published on The Conversation. Read the original article.",
        "This story was first published in The Texas Tribune.",
        "This story was originally published.",
    ],
)
def test_publication_note_still_drops_notes(line):
    assert not kept(line)


def test_publication_note_still_gives_the_date():
    parsed = parse_around("This story was originally published August 26, 2022 5:25 am.", after=())
    assert (
        parsed.published_at is not None and parsed.published_at.date().isoformat() == "2022-08-26"
    )


# Byline at the top: a tail with a verb is a clause ("By Labor Day, it was over.").
def test_byline_rule_keeps_a_short_lead_with_a_verb():
    assert kept("By Labor Day, it was over.", before=())


@pytest.mark.parametrize(
    "line",
    [
        "By Dana Whitcombe, Staff Writer",
        "By Jane Roe, special to The Times",
        "By Priya Nair, HuffPost",
    ],
)
def test_byline_rule_still_drops_bylines(line):
    parsed = parse_around(line, before=())
    assert line not in parsed.paragraphs and parsed.byline


# Pull quotes: a sentence opening a paragraph far away is a bookend, not a pull quote.
def test_bookend_sentence_far_from_its_twin_is_kept():
    bookend = "Nobody in Harlan County remembers who sang it first on the picket line."
    middle = [
        f"Paragraph {n} of the story, about the strike at the Blackjewel mine." for n in range(1, 7)
    ]
    closing = bookend + " Everybody there knows who is singing it now."
    parsed = parse_article("\n\n".join(["Headline", bookend, *middle, closing]))
    assert parsed.paragraphs == [bookend, *middle, closing]


def test_pull_quote_a_few_paragraphs_from_its_sentence_still_goes():
    pull = "Replacement nurses are not a long-term answer, hospital administrators say."
    holder = pull + " But they argue the demands go too far."
    parsed = parse_around(
        pull, after=(LAST, "Another paragraph of the story follows here.", holder)
    )
    assert pull not in parsed.paragraphs and holder in parsed.paragraphs
    assert parsed.paragraphs[0] == STORY
