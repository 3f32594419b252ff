"""
Bylines read from the top of the page and from author bios, and bios dropped
from the story; a lead or a last paragraph about someone in the story is kept.
"""

import pytest

from articles.ingest import parse_article

from .fixture_articles import LAST, STORY, assert_kept, kept, parse_around


def test_byline_line_at_top_becomes_byline():
    parsed = parse_article("Headline\n\nBy Maria Lopez\n\nWorkers walked out on Monday.")
    assert parsed.byline == "Maria Lopez"
    assert parsed.paragraphs == ["Workers walked out on Monday."]


@pytest.mark.parametrize(
    "top, byline",
    [
        ("By Maria Lopez", "Maria Lopez"),
        ("Sam Ortiz", "Sam Ortiz"),
        ("By DANA MORALES and KEVIN PARK Associated Press", "DANA MORALES and KEVIN PARK"),
    ],
)
def test_top_matter_bylines(top, byline):
    parsed = parse_around(top, before=("Sept. 24, 2024",), after=(STORY, LAST))
    assert parsed.paragraphs == [STORY, LAST]
    assert parsed.byline == byline


@pytest.mark.parametrize(
    "top, byline",
    [
        ("By Josh Feldman | jfeldman@midlandcourier.com", "Josh Feldman"),
        ("by: Kelly Tran", "Kelly Tran"),
        ("Por María Fernanda López", "María Fernanda López"),
        ("By Julia Silverman (The Oregonian/OregonLive)", "Julia Silverman"),
        ("Rachel Ward · CBC News · Posted: Nov 15, 2024 4:00 AM EST", "Rachel Ward"),
    ],
)
def test_more_byline_forms(top, byline):
    parsed = parse_around(top, before=(), after=(STORY, LAST))
    assert parsed.paragraphs == [STORY, LAST]
    assert parsed.byline == byline


def test_bare_title_case_heading_is_not_a_byline():
    parsed = parse_around("Breaking News", before=(), after=(STORY, LAST))
    assert parsed.byline == ""


@pytest.mark.parametrize("top", ["San Francisco", "Labor Day"])
def test_place_or_heading_on_top_is_not_a_byline(top):
    parsed = parse_around(top, before=(), after=(STORY, LAST))
    assert parsed.byline == ""
    assert top in parsed.paragraphs


# Byline at the top: the words after "By NAME," are an outlet or a title, not a sentence.
def test_byline_rule_keeps_a_lead_starting_with_by_and_a_holiday():
    lead = "By Labor Day, the standoff at the nation's ports had cost shippers an estimated $5 billion."
    assert kept(lead, before=())


@pytest.mark.parametrize(
    "line",
    [
        "By Kathy Anderson, The Sacramento Bee",
        "By Jane Roe, special to The Times",
        "By Josh Feldman | jfeldman@midlandcourier.com",
    ],
)
def test_byline_rule_still_drops_bylines(line):
    assert not kept(line, before=())


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
def test_byline_rule_still_drops_bylines_with_a_verbless_tail(line):
    parsed = parse_around(line, before=())
    assert line not in parsed.paragraphs and parsed.byline


def test_last_paragraph_describing_a_journalist_in_the_story_is_kept():
    text = "Headline\n\nThe guild struck on Monday.\n\nAdam Marsh is a television writer and guild captain."
    assert (
        parse_article(text).paragraphs[-1] == "Adam Marsh is a television writer and guild captain."
    )


# Author bio as the last paragraph: not a person the story already named.
def test_last_paragraph_about_a_person_in_the_story_is_kept():
    last = "Ana Ruiz has covered City Hall for the Tribune for 14 years and is among the guild members on strike."
    parsed = parse_around(
        last,
        before=(STORY, "Follow Ana Ruiz on X and you get the picket line every morning."),
        after=(),
    )
    assert parsed.paragraphs[-1] == last


def test_bio_naming_its_outlet_is_dropped_even_as_last_paragraph():
    text = "Headline\n\nThe guild struck on Monday.\n\nMaria Lopez covers labor for The Fresno Bee."
    parsed = parse_article(text)
    assert parsed.paragraphs == ["The guild struck on Monday."]
    assert parsed.byline == "Maria Lopez"


def test_bio_is_last_story_paragraph_when_only_furniture_follows():
    bio = "Priya Raman is a business reporter for The Times, covering trade and ports."
    parsed = parse_around(bio, before=(STORY, LAST), after=("Most Read", "Comments"))
    assert parsed.paragraphs == [STORY, LAST]
    # but not if story text follows it
    assert_kept(bio)


def test_bio_with_lower_case_the_before_the_outlet():
    bio = "Anna Lindqvist is a staff writer for the Duluth Tribune. Reach her at alindqvist@example.com."
    parsed = parse_around(bio, before=(STORY, LAST), after=())
    assert parsed.paragraphs == [STORY, LAST]


def test_author_bio_as_last_paragraph_still_goes():
    parsed = parse_around("Kathy Anderson covers healthcare for The Sacramento Bee.", after=())
    assert parsed.paragraphs == [STORY]


def test_author_box_block_is_dropped():
    block = "Heekyong Yang\nThomson Reuters\nCovers South Korea's technology industry."
    parsed = parse_around(block, before=(STORY, LAST), after=())
    assert parsed.paragraphs == [STORY, LAST]
    assert parsed.dropped[0][0] == "author box"
