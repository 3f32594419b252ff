"""Live blogs, video pages and photo galleries: their controls and transcripts go, the story stays."""

import pytest

from articles.ingest import parse_article

from .fixture_articles import LAST, STORY, assert_kept, kept, parse_around


def test_bare_clock_times_are_dropped_in_a_live_blog_only():
    parsed = parse_around("10:42 a.m. PT", before=("LIVE", STORY))
    assert parsed.paragraphs == [STORY, LAST]
    assert ("live blog", "10:42 a.m. PT") in parsed.dropped
    parsed = parse_around("2h ago", before=(STORY,), after=("9:58 a.m.", LAST))
    assert parsed.paragraphs == [STORY, LAST]
    assert_kept("10:42 a.m. PT")


def test_video_transcript_section_below_the_story_is_dropped():
    parsed = parse_around(
        "Video transcript",
        before=(STORY, LAST),
        after=(">> HUNDREDS ON THE LINE.", "[MUSIC]", "I HAVE PATIENTS I SEE EVERY EIGHT WEEKS."),
    )
    assert parsed.paragraphs == [STORY, LAST]
    assert ("video transcript", "I HAVE PATIENTS I SEE EVERY EIGHT WEEKS.") in parsed.dropped


def test_transcript_heading_above_the_story_is_not_a_section():
    text = "Headline\n\nTranscript\n\n" + STORY
    assert STORY in parse_article(text).paragraphs


# Transcript heading: only what looks like a video's transcript goes.
def test_q_and_a_under_a_transcript_heading_is_kept():
    qa = [
        "Transcript",
        "Q: How did this strike start?",
        "A: With heat. Two workers fainted in the fields.",
    ]
    assert parse_around(qa[0], after=qa[1:]).paragraphs == [STORY, *qa]


def test_video_transcript_still_goes():
    parsed = parse_around(
        "Video transcript",
        after=("[MUSIC]", ">> HUNDREDS OF WORKERS ON THE PICKET LINE THIS MORNING."),
    )
    assert parsed.paragraphs == [STORY]


# Gallery buttons: a one-word sentence with a full stop is story text.
def test_one_word_sentence_close_is_kept():
    assert kept("Close.")


@pytest.mark.parametrize("line", ["Close", "Expand", "Next slide", "1 of 12"])
def test_gallery_buttons_still_go(line):
    assert not kept(line)
