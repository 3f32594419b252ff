"""
Text a page repeats: a lead that runs the whole article together, pull
quotes, duplicated blocks; refrains and bookends a writer repeats are kept.
"""

import pytest

from articles.ingest import parse_article

from .fixture_articles import LAST, STORY, parse_around


def test_repeated_lead_detected_in_general():
    body = [
        "Nurses at Mercy General walked off the job on Monday morning over staffing.",
        "The union said 900 nurses joined the picket line outside the main entrance.",
        "Hospital managers said patient care would continue with replacement staff.",
        "Talks are scheduled to resume on Thursday, a mediator said.",
    ]
    lead = " ".join(body).replace(". ", ".")
    parsed = parse_article("Nurses strike at Mercy General\n\n" + "\n\n".join([lead, *body]))
    assert parsed.paragraphs == body


def test_paragraph_quoting_two_others_is_not_a_repeat():
    # A summary paragraph that shares a few words with others is not a scraped repeat.
    parsed = parse_article(
        "Headline\n\nWorkers struck on Monday at the plant in Detroit after talks failed.\n\n"
        "The company said it had offered a raise of four percent over three years.\n\n"
        "Union leaders said the offer did not keep up with inflation in the region."
    )
    assert len(parsed.paragraphs) == 3


def test_pull_quote_repeating_a_sentence_is_dropped_and_the_body_paragraph_kept():
    body = (
        "“We are the ones who keep this place running, and they act like we are replaceable,” "
        "Kowalski said. She has worked there 17 years."
    )
    pull = "“We are the ones who keep this place running, and they act like we are replaceable,”"
    parsed = parse_around(pull, before=(STORY, body))
    assert parsed.paragraphs == [STORY, body, LAST]
    assert ("pull quote", pull) in parsed.dropped
    # before the body text too
    parsed = parse_around(body, before=(STORY, pull))
    assert parsed.paragraphs == [STORY, body, LAST]


@pytest.mark.parametrize(
    "short, long",
    [
        (
            "It was not an easy vote.",
            "It was not an easy vote, she said, but in the end 96% of nurses voted yes.",
        ),
        # words shared, but not a sentence of the longer paragraph
        (
            "The union says staffing is the main issue in the talks.",
            "Managers dispute what the union says staffing is the main issue in the talks.",
        ),
    ],
)
def test_short_paragraph_sharing_words_is_not_a_pull_quote(short, long):
    parsed = parse_around(short, before=(STORY,), after=(long, LAST))
    assert short in parsed.paragraphs and long in parsed.paragraphs


def test_pull_quotes_still_go():
    holder = (
        "Replacement nurses are not a long-term answer, hospital administrators say. But they "
        "argue the demands go too far."
    )
    assert parse_around(
        "Replacement nurses are not a long-term answer, hospital administrators say.",
        after=(holder,),
    ).paragraphs == [STORY, holder]
    holder = "“We are the ones who keep this place running, and they act like we are replaceable,” Kowalski said."
    assert parse_around(
        "“We are the ones who keep this place running, and they act like we are replaceable,”",
        after=(LAST, holder),
    ).paragraphs == [STORY, LAST, holder]


def test_pull_quote_a_few_paragraphs_from_its_sentence_still_goes():
    pull = "Replacement nurses are not a long-term answer, hospital administrators say."
    holder = pull + " But they argue the demands go too far."
    parsed = parse_around(
        pull, after=(LAST, "Another paragraph of the story follows here.", holder)
    )
    assert pull not in parsed.paragraphs and holder in parsed.paragraphs
    assert parsed.paragraphs[0] == STORY


# Pull quotes: a whole sentence that opens a longer one, or one from the middle of a
# paragraph further away, is a refrain.
def test_refrain_sentence_is_kept():
    refrain = "They were not going back to work without a contract."
    holder = (
        "That was the line she repeated. They were not going back to work without a contract, and "
        "18 months later they did not."
    )
    assert parse_around(refrain, after=(LAST, holder)).paragraphs == [STORY, refrain, LAST, holder]
    far = "The pickets stood in front of them. They were not going back to work without a contract. Nobody moved."
    assert parse_around(refrain, after=(LAST, far)).paragraphs == [STORY, refrain, LAST, far]


# Pull quotes: a sentence opening a paragraph far away is a bookend, not a pull quote.
def test_bookend_sentence_far_from_its_twin_is_kept():
    bookend = "Nobody in Harlan County remembers who sang it first on the picket line."
    middle = [
        f"Paragraph {n} of the story, about the strike at the Blackjewel mine." for n in range(1, 7)
    ]
    closing = bookend + " Everybody there knows who is singing it now."
    parsed = parse_article("\n\n".join(["Headline", bookend, *middle, closing]))
    assert parsed.paragraphs == [bookend, *middle, closing]


# Exact duplicates: a short refrain stays; a long block twice, or a twin right after, goes.
def test_short_refrain_paragraph_is_kept_twice():
    refrain = "And still the trucks did not move."
    parsed = parse_around(refrain, after=(LAST, refrain))
    assert parsed.paragraphs == [STORY, refrain, LAST, refrain]


def test_duplicated_paragraphs_still_go():
    long = "The union said 900 nurses joined the picket line outside the main entrance of the hospital on Monday."
    assert parse_around(long, after=(LAST, long)).paragraphs == [STORY, long, LAST]
    short = "Workers picket outside the plant on Monday."
    assert parse_around(short, after=(short, LAST)).paragraphs == [STORY, short, LAST]
