"""Paragraphs split one way everywhere: the parser, the admin's text box and quote locating."""

import pytest

from articles.ingest import parse_article
from articles.ingest.paragraphs import join_paragraphs, split_paragraphs

SCRAPED = (
    "Kai\u200bser thera\u00adpists strike\r\n"
    "\r\n"
    "Kai\u200bser Permanente\u00a0 mental\u2003health workers\n"
    "walked out on Monday.\n"
    " \u00a0\t\n"
    "\ufeffThe strike is in its   eighth week.\n"
)


def test_the_admin_splits_text_exactly_as_the_parser_does():
    parsed = parse_article(SCRAPED)
    body = SCRAPED.split("\n", 2)[2]  # what follows the headline
    assert (
        split_paragraphs(body)
        == parsed.paragraphs
        == [
            "Kaiser Permanente mental health workers walked out on Monday.",
            "The strike is in its eighth week.",
        ]
    )


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("", []),
        ("\n \n\t\n", []),
        ("One.\nStill one.\n\nTwo.", ["One. Still one.", "Two."]),
        ("One.\r\n\r\nTwo.\rStill two.", ["One.", "Two. Still two."]),
        ("zero\u200bwidth and soft\u00adhyphen", ["zerowidth and softhyphen"]),
    ],
)
def test_blank_lines_separate_paragraphs_and_invisible_characters_go(text, paragraphs):
    assert split_paragraphs(text) == paragraphs


def test_joining_and_splitting_again_gives_the_same_paragraphs():
    paragraphs = ["“We are exhausted,” she said.", "The hospital did not comment."]
    assert split_paragraphs(join_paragraphs(paragraphs)) == paragraphs
