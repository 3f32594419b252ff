"""Which paragraphs of a story are section subheadings (``articles.ingest.subheadings``)."""

from articles.ingest import decode_article_bytes, parse_article
from articles.ingest.subheadings import subheading_numbers
from tests.conftest import BEE_SEED, KCRA_SEED

BODY = "The union said talks would resume on Monday, and pickets stayed out overnight."


def test_the_sacramento_bee_seed_has_two_subheadings():
    parsed = parse_article(decode_article_bytes(BEE_SEED.read_bytes()))
    assert subheading_numbers(parsed.paragraphs) == {8, 13}
    assert parsed.paragraphs[7] == "Delays in Kaiser Mental Health Appointments"
    assert parsed.paragraphs[12] == "A “normal” tactic for US companies in strikes"


def test_the_kcra_seed_has_none():
    parsed = parse_article(decode_article_bytes(KCRA_SEED.read_bytes()))
    assert subheading_numbers(parsed.paragraphs) == set()


def test_a_short_line_between_body_paragraphs_is_a_subheading():
    assert subheading_numbers([BODY, "What the contract offers", BODY]) == {2}


def test_sentences_questions_and_quotations_stay_body_text():
    for line in ("Talks resume Monday.", "What happens next?", "“We are not done,” she said"):
        assert subheading_numbers([BODY, line, BODY]) == set(), line


def test_lists_of_short_lines_first_and_last_paragraphs_stay_body_text():
    assert subheading_numbers(["Wages", "Pensions", "Staffing"]) == set()
    assert subheading_numbers([BODY, "Higher wages", "Better pensions", BODY]) == set()
    assert subheading_numbers(["Strike news", BODY, "More to come"]) == set()


def test_a_long_line_without_a_full_stop_is_not_taken_for_a_heading():
    long_line = " ".join(["word"] * 14).capitalize()
    assert subheading_numbers([BODY, long_line, BODY]) == set()
