"""
Rules the second round of scraped articles (tests/articles/ingest/scraped_round2/:
live blogs, pull quotes, social embeds, video transcripts, paywalls, bullet lists,
corrections, galleries, Spanish-language copy, a union email newsletter, pages split
at every sentence, invisible characters and Windows line endings) called for, one
group each. The files themselves are checked in test_fixture_articles.
"""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import parse_article
from articles.ingest.parse import parse_datetime_text

from .fixture_articles import LAST, STORY, assert_dropped, assert_kept, parse_around


@pytest.mark.parametrize(
    "line, reason",
    [
        ("LIVE", "live blog"),
        ("Pinned", "live blog"),
        ("Key Event", "live blog"),
        ("Show key events only", "live blog"),
        ("Load more updates", "live blog"),
        ("Loading...", "live blog"),
        ("Something went wrong. Please try again.", "live blog"),
        ("Please turn on JavaScript in your browser to receive live updates.", "live blog"),
        ("— Starbucks Workers United (@SBWorkersUnited) November 16, 2023", "embedded post"),
        ("View this post on Instagram", "embedded post"),
        ("A post shared by Starbucks Workers United (@sbworkersunited)", "embedded post"),
        ("0:00 / 2:14", "video player"),
        ("[MUSIC]", "video player"),
        ("[ NO AUDIO ]", "video player"),
        ("1 of 12", "photo gallery"),
        ("Next slide", "photo gallery"),
        ("Enlarge this image", "photo gallery"),
        ("Hide caption", "photo gallery"),
        (
            "Item 1 of 3 Members of the union rally outside the plant. REUTERS/Kim Hong-Ji",
            "photo caption",
        ),
        (
            "[1/3] Members of the union rally outside the plant. REUTERS/Kim Hong-Ji",
            "photo caption",
        ),
        ("Photographs by Marcus Bell", "photo caption"),
        ("Acquire Licensing Rights", "photo caption"),
        ("Subscribe to continue reading", "paywall"),
        ("This article is for subscribers only.", "paywall"),
        ("Already a subscriber? Sign in", "paywall"),
        ("Get unlimited digital access for $1 a week.", "paywall"),
        ("Cancel anytime.", "paywall"),
        ("View this email in your browser", "email newsletter"),
        ("Forward to a friend", "email newsletter"),
        (
            "You are receiving this email because you are a member of UFCW Local 770.",
            "email newsletter",
        ),
        (
            "Our mailing address is: UFCW Local 770 630 Shatto Place Los Angeles, CA 90005",
            "email newsletter",
        ),
        ("DONATE TO THE STRIKE FUND", "donation button"),
        ("ABOUT THE AUTHOR", "author box heading"),
        ("With files from The Canadian Press", "wire credit"),
        ("Social Sharing", "sharing links"),
        ("Compartir", "sharing links"),
        (
            "Get a look at the day ahead with the Morning Bid newsletter. Sign up here.",
            "newsletter prompt",
        ),
        ("Lea también: Campesinos de California exigen aumento salarial", "related link"),
        (
            "Suscríbete a nuestro boletín para recibir las noticias más importantes.",
            "newsletter prompt",
        ),
        ("Síguenos en Facebook e Instagram", "follow prompt"),
        ("Publicado el 3 de marzo de 2024 a las 10:15 a.m.", "timestamp"),
        ("This article tagged under:", "tag list"),
        ("Copyright NBC Universal, Inc. All rights reserved.", "copyright line"),
    ],
)
def test_round2_furniture_is_dropped_anywhere(line, reason):
    assert_dropped(line, reason)


@pytest.mark.parametrize(
    "paragraph",
    [
        # Story paragraphs that start like, or quote, the new furniture.
        "Live music played as strikers marched past the studio gates on Tuesday.",
        "Pinned to the union hall's door was a list of picket shifts.",
        "A video shared by the union on Tuesday showed managers loading trucks.",
        "Subscribe to continue reading, the paywall says, and the strikers want readers to do so.",
        "Donate to the strike fund, the union urged members, before the Friday deadline.",
        "“Already a subscriber? Most of us can't afford it anymore,” one reader wrote.",
        "Correction: An earlier version of this story misstated the vote count. It was 1,412 to 203.",
        "Editor’s note: This story was updated Friday evening with the results of the ratification vote.",
        "Transcripts of the bargaining sessions were released by the union on Monday.",
        "1 of 12 locals voted against the deal.",
        "Next, the union plans to picket the company's headquarters.",
        "«No pedimos nada extraordinario, solo lo justo», dijo Juana Martínez.",
        "—Estamos cansados de que nos traten como desechables —dijo Roberto Castillo.",
        "Dear members,",
        "9:58 a.m.",  # a timeline heading: only a live blog's bare times are furniture
    ],
)
def test_round2_story_paragraphs_like_furniture_are_kept(paragraph):
    assert_kept(paragraph)


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


def test_continued_quotation_paragraphs_are_not_joined():
    first = "“We did not take this decision lightly. Nobody wants to strike."
    second = "“But we are doing this for our students,” said Angela Bonilla."
    parsed = parse_around(second, before=(STORY, first))
    assert first in parsed.paragraphs and second in parsed.paragraphs


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


def test_date_from_a_byline_line_with_a_posted_stamp():
    parsed = parse_around(
        "Rachel Ward · CBC News · Posted: Nov 15, 2024 4:00 AM EST | Last Updated: November 15",
        before=(),
        after=(STORY,),
    )
    assert parsed.published_at == datetime(2024, 11, 15, 4, 0, tzinfo=ZoneInfo("America/New_York"))


def test_author_box_block_is_dropped():
    block = "Heekyong Yang\nThomson Reuters\nCovers South Korea's technology industry."
    parsed = parse_around(block, before=(STORY, LAST), after=())
    assert parsed.paragraphs == [STORY, LAST]
    assert parsed.dropped[0][0] == "author box"


def test_tags_under_a_tagged_under_heading_are_dropped():
    parsed = parse_around(
        "Muni\nSan Francisco\nStrikes", before=(STORY, LAST, "This article tagged under:"), after=()
    )
    assert parsed.paragraphs == [STORY, LAST]


def test_bio_with_lower_case_the_before_the_outlet():
    bio = "Anna Lindqvist is a staff writer for the Duluth Tribune. Reach her at alindqvist@example.com."
    parsed = parse_around(bio, before=(STORY, LAST), after=())
    assert parsed.paragraphs == [STORY, LAST]


@pytest.mark.parametrize(
    "value, expected",
    [
        (
            "Publicado el 3 de marzo de 2024 a las 10:15 a.m.",
            datetime(2024, 3, 3, 10, 15, tzinfo=ZoneInfo("UTC")),
        ),
        (
            "Actualizado el 3 de marzo de 2024 a las 2:30 p.m.",
            datetime(2024, 3, 3, 14, 30, tzinfo=ZoneInfo("UTC")),
        ),
        (
            "July 8, 2024 4:21 AM GMT+1",
            datetime(2024, 7, 8, 4, 21, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "Mar 3, 2024 1:00 PM GMT-0530",
            datetime(2024, 3, 3, 13, 0, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
        ),
    ],
)
def test_spanish_dates_and_gmt_offsets(value, expected):
    assert parse_datetime_text(value) == expected


@pytest.mark.parametrize(
    "headline, outlet, rest",
    [
        ("Kaiser workers strike | KABC-TV", "KABC", "Kaiser workers strike"),
        (
            "Muni operators vote to authorize strike - NBC Bay Area",
            "NBC Bay Area",
            "Muni operators vote to authorize strike",
        ),
        ("Hotel workers strike | fox5sandiego.com", "fox5sandiego.com", "Hotel workers strike"),
        ("Huelga en Salinas | Noticias Telemundo", "Noticias Telemundo", "Huelga en Salinas"),
        ("Union rejects two-tier offer - a first", None, "Union rejects two-tier offer - a first"),
    ],
)
def test_headline_site_suffixes(headline, outlet, rest):
    parsed = parse_article(f"{headline}\n\nWorkers walked out.")
    assert parsed.headline == rest
    assert (parsed.outlet.name if parsed.outlet else None) == outlet
