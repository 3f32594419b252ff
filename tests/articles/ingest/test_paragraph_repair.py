"""
Paragraphs repaired: soft-wrapped lines joined, a paragraph the page broke
mid-sentence or mid-quotation rejoined, bullet lists one item a paragraph,
invisible characters and screen-reader notes removed.
"""

import pytest

from articles.ingest import parse_article

from .fixture_articles import LAST, STORY, parse_around


def test_soft_wrapped_lines_join_into_one_paragraph():
    parsed = parse_article("Headline\n\nWorkers walked\nout on Monday.\n\nSecond paragraph.")
    assert parsed.paragraphs == ["Workers walked out on Monday.", "Second paragraph."]


def test_paragraph_split_mid_quotation_is_joined_again():
    first = (
        "Reese said he was not worried about being fired. “If they fire all of us, who’s going to"
    )
    second = "run the building?” he said."
    parsed = parse_around(second, before=(STORY, first, "ADVERTISEMENT"))
    assert f"{first} {second}" in parsed.paragraphs
    assert second not in parsed.paragraphs


def test_long_paragraph_split_mid_sentence_is_joined_again():
    first = "Housekeeper Dolores Pina said her workload had doubled since the pandemic, and that the rooms are"
    parsed = parse_around("bigger now than they were.", before=(STORY, first))
    assert f"{first} bigger now than they were." in parsed.paragraphs


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "“We did not take this decision lightly.",
            "We are doing this for our students,” said Angela Bonilla.",
        ),
        (
            "The district's superintendent, Dr.",
            "Guadalupe Guerrero, said the district could not afford it.",
        ),
        ("Also on the line was Sen.", "Maria Cantwell, who spoke briefly."),
    ],
)
def test_paragraphs_split_inside_a_quotation_or_after_a_title_are_joined(first, second):
    parsed = parse_around(second, before=(STORY, first))
    assert f"{first} {second}" in parsed.paragraphs


def test_a_paragraph_broken_mid_sentence_is_still_joined():
    first = "The union's negotiators said they had waited outside the conference room for most of the afternoon for"
    parsed = parse_around(first, after=("a response that never came.", LAST))
    assert first + " a response that never came." in parsed.paragraphs


@pytest.mark.parametrize(
    "previous, paragraph",
    [
        ("Delays in mental health appointments", "eBay workers said they would join the strike."),
        (
            "What comes next",
            "union leaders said they would meet on Friday.",
        ),  # a heading, not a broken sentence
        (STORY, "iPhone assembly lines were idle, the company said."),
    ],
)
def test_paragraphs_are_not_joined_across_headings_or_finished_sentences(previous, paragraph):
    parsed = parse_around(paragraph, before=(STORY, previous))
    assert paragraph in parsed.paragraphs


def test_continued_quotation_paragraphs_are_not_joined():
    first = "“We did not take this decision lightly. Nobody wants to strike."
    second = "“But we are doing this for our students,” said Angela Bonilla."
    parsed = parse_around(second, before=(STORY, first))
    assert first in parsed.paragraphs and second in parsed.paragraphs


@pytest.mark.parametrize(
    "block, items",
    [
        ("• First point.\n• Second point.", ["First point.", "Second point."]),
        (
            "Key points:\n• First point.\n• Second point\ncontinued on a line.",
            ["Key points:", "First point.", "Second point continued on a line."],
        ),
        (
            "Their demands:\n- a raise\n- fewer split shifts",
            ["Their demands:", "a raise", "fewer split shifts"],
        ),
    ],
)
def test_bullet_lists_become_one_paragraph_a_bullet(block, items):
    parsed = parse_around(block)
    assert parsed.paragraphs == [STORY, *items, LAST]


def test_single_bullet_glyph_is_stripped_and_dashes_in_prose_are_left():
    assert (
        parse_around("• Mail will not be delivered.").paragraphs[1] == "Mail will not be delivered."
    )
    block = "The strike - the first since 1997 - began\n- or so the union says - on Monday."
    assert (
        "The strike - the first since 1997 - began - or so the union says - on Monday."
        in parse_around(block).paragraphs
    )


# Bullet items are whole: never joined as a broken sentence.
def test_long_lower_case_bullets_are_not_joined():
    items = [
        "a base wage of $30 an hour for every worker at the hub, including those hired through agencies "
        "this year",
        "an end to the practice of mandatory overtime during peak season without two weeks of notice",
        "safe staffing on the ramp",
    ]
    parsed = parse_around("The workers are asking for:\n" + "\n".join("• " + i for i in items))
    assert parsed.paragraphs[2:5] == items


def test_invisible_characters_are_removed_not_spaced():
    text = (
        "Muni\u00a0operators\u200b vote\r\n\r\nSFMTA spokes\u200bperson said nego\u00adtiations "
        "can\u2060not stall.\u200b\r\n\u00a0\u200b\r\n\ufeffMore."
    )
    parsed = parse_article(text)
    assert parsed.headline == "Muni operators vote"
    assert parsed.paragraphs == ["SFMTA spokesperson said negotiations cannot stall.", "More."]


def test_link_note_is_removed_from_text():
    parsed = parse_around("Workers at Samsung Electronics (005930.KS), opens new tab walked out.")
    assert "Workers at Samsung Electronics (005930.KS) walked out." in parsed.paragraphs
