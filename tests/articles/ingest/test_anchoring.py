"""Finding a quotation's words in its article: one paragraph or several, nearest place first."""

from articles.ingest.anchoring import is_still_at, locate_quote

PARAGRAPHS = [
    "“We will not back down,” said Ana Ruiz.",
    "The hospital said its doors stayed open.",
    "“We will not back down,” Ruiz repeated. “Not this week,",
    "not next week.”",
]


def test_a_quote_is_found_in_its_paragraph_counted_from_one():
    assert locate_quote("The hospital said", PARAGRAPHS) == (2, 0, 2, 17)


def test_of_several_places_the_nearest_to_the_old_one_wins():
    assert locate_quote("We will not back down,", PARAGRAPHS) == (1, 1, 1, 23)
    assert locate_quote("We will not back down,", PARAGRAPHS, near=4) == (3, 1, 3, 23)


def test_a_quote_over_two_paragraphs_ends_in_the_second():
    text = "Not this week,\n\nnot next week."
    start = PARAGRAPHS[2].index("Not this week,")
    assert locate_quote(text, PARAGRAPHS) == (3, start, 4, len("not next week."))


def test_words_not_in_the_article_are_not_found():
    assert locate_quote("We will back down", PARAGRAPHS) is None
    assert locate_quote("  \n\n ", PARAGRAPHS) is None


def test_a_quote_is_still_at_its_place_only_if_its_words_open_there():
    assert is_still_at("We will not back down,", PARAGRAPHS, 3, 1)
    assert not is_still_at("We will not back down,", PARAGRAPHS, 3, 0)
    assert not is_still_at("We will not back down,", PARAGRAPHS, 9, 1)
