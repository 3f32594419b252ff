"""The seed parser on the real seeds, and on the general cases the seeds stand for."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.ingest import IngestError, decode_article_bytes, parse_article
from articles.ingest.parse import parse_datetime_text
from tests.conftest import BEE_SEED, KCRA_SEED


def parse_seed(path):
    return parse_article(decode_article_bytes(path.read_bytes()))


@pytest.fixture(scope="module")
def kcra():
    return parse_seed(KCRA_SEED)


@pytest.fixture(scope="module")
def bee():
    return parse_seed(BEE_SEED)


def test_kcra_headline_and_paragraphs(kcra):
    assert kcra.headline == "Kaiser Permanente therapists continue strike, reject contract"
    assert len(kcra.paragraphs) == 17
    assert kcra.paragraphs[0].startswith(
        "Kaiser Permanente mental health workers in California are nearing"
    )
    assert kcra.paragraphs[-1].startswith("Kaiser Permanente created a line for members")


def test_kcra_run_together_lead_is_dropped(kcra):
    # The scraped lead repeats the article; no kept paragraph may contain another's text.
    assert all(len(p) < 600 for p in kcra.paragraphs)
    opening = "Kaiser Permanente mental health workers in California are nearing their eighth week"
    assert sum(p.startswith(opening) for p in kcra.paragraphs) == 1
    assert [reason for reason, _ in kcra.dropped].count("repeats the rest of the article") == 1


def test_kcra_furniture_is_dropped(kcra):
    assert not any("Video Below" in p for p in kcra.paragraphs)


def test_kcra_metadata(kcra):
    assert kcra.outlet.name == "KCRA 3"
    assert kcra.outlet.kind == "tv"
    assert kcra.published_at is None  # the text does not say when
    assert kcra.byline == ""


def test_bee_headline_and_paragraphs(bee):
    assert (
        bee.headline
        == "A 3-month strike in Kaiser? The insurance company is preparing for the worst in California"
    )
    assert len(bee.paragraphs) == 18
    assert bee.paragraphs[-1].startswith("They noted that 20% of Kaiser therapists")


@pytest.mark.parametrize(
    "furniture",
    [
        "This story was originally published",
        "Related Stories from",
        "Profile photo of",
        "Kathy Anderson covers healthcare",
        "Leave a Reply",
        "Your email address will not be published",
    ],
)
def test_bee_furniture_is_dropped(bee, furniture):
    assert not any(furniture in p for p in bee.paragraphs)
    assert any(furniture in text for _, text in bee.dropped)


def test_bee_metadata(bee):
    assert bee.outlet.name == "The Sacramento Bee"
    assert bee.outlet.kind == "newspaper"
    assert bee.published_at == datetime(2022, 8, 26, 5, 25, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert bee.published_at.utcoffset().total_seconds() == -7 * 3600  # PDT
    assert bee.byline == "Kathy Anderson"


def test_subheadings_are_kept_as_paragraphs(bee):
    assert "Delays in Kaiser Mental Health Appointments" in bee.paragraphs


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


def test_header_block_overrides_inference():
    text = (
        "Source: The Sacramento Bee\nPublished: 2022-09-01T08:00:00-07:00\n"
        "URL: https://www.sacbee.com/news/article1.html\nByline: Jane Reporter\n\n"
        "Headline here\n\nKCRA 3 reached out to the company.\n"
    )
    parsed = parse_article(text)
    assert parsed.outlet.name == "The Sacramento Bee"
    assert parsed.published_at.isoformat() == "2022-09-01T08:00:00-07:00"
    assert parsed.url == "https://www.sacbee.com/news/article1.html"
    assert parsed.byline == "Jane Reporter"
    assert parsed.headline == "Headline here"
    assert parsed.from_header == {"source", "published", "url", "byline"}


def test_header_without_timezone_uses_outlet_zone():
    parsed = parse_article("Source: KCRA 3\nPublished: 2022-09-01 08:00\n\nHeadline\n\nText.")
    assert parsed.published_at.utcoffset().total_seconds() == -7 * 3600


def test_headline_looking_like_a_header_is_a_headline():
    parsed = parse_article("Breaking: nurses walk out\n\nNurses walked out on Monday.")
    assert parsed.headline == "Breaking: nurses walk out"


@pytest.mark.parametrize(
    "text, message",
    [
        ("Source: KCRA 3\n\n", "no headline"),
        ("x" * 400 + "\n\nMore text.", "no headline"),
        ("Just a headline\n", "no article text"),
        ("Published: someday\n\nHeadline\n\nText.", "Published header is not a date"),
        ("URL: not a url\n\nHeadline\n\nText.", "URL header is not a web address"),
    ],
)
def test_unusable_text_is_refused_with_a_reason(text, message):
    with pytest.raises(IngestError, match=message):
        parse_article(text)


def test_soft_wrapped_lines_join_into_one_paragraph():
    parsed = parse_article("Headline\n\nWorkers walked\nout on Monday.\n\nSecond paragraph.")
    assert parsed.paragraphs == ["Workers walked out on Monday.", "Second paragraph."]


def test_byline_line_at_top_becomes_byline():
    parsed = parse_article("Headline\n\nBy Maria Lopez\n\nWorkers walked out on Monday.")
    assert parsed.byline == "Maria Lopez"
    assert parsed.paragraphs == ["Workers walked out on Monday."]


def test_wire_dateline_gives_outlet():
    parsed = parse_article("Headline\n\nDETROIT (AP) — Auto workers walked out on Friday.")
    assert parsed.outlet.name == "The Associated Press"


def test_headline_suffix_names_outlet():
    parsed = parse_article("Teachers strike enters day 3 | KCRA 3\n\nTeachers stayed out.")
    assert parsed.headline == "Teachers strike enters day 3"
    assert parsed.outlet.name == "KCRA 3"


def test_unknown_self_reference_is_not_an_outlet():
    # "Kaiser Permanente reached out" is the employer acting, not the outlet naming itself.
    parsed = parse_article("Headline\n\nKaiser Permanente reached out to her three times.")
    assert parsed.outlet is None


@pytest.mark.parametrize(
    "value, expected",
    [
        (
            "August 26, 2022 5:25 am.",
            datetime(2022, 8, 26, 5, 25, tzinfo=ZoneInfo("America/Los_Angeles")),
        ),
        (
            "Sept. 3, 2022 at 4:10 p.m. ET",
            datetime(2022, 9, 3, 16, 10, tzinfo=ZoneInfo("America/New_York")),
        ),
        ("Aug. 15, 2022", datetime(2022, 8, 15, tzinfo=ZoneInfo("America/Los_Angeles"))),
        ("2022-08-26T12:25:00Z", datetime(2022, 8, 26, 12, 25, tzinfo=ZoneInfo("UTC"))),
        ("February 30, 2022", None),
        ("soon", None),
    ],
)
def test_parse_datetime_text(value, expected):
    assert parse_datetime_text(value, "America/Los_Angeles") == expected


@pytest.mark.parametrize(
    "story_paragraph",
    [
        "Copyright law is at the heart of the dispute, said Ana Ruiz, a guild negotiator.",
        "More news from the bargaining table is expected on Friday, when talks resume.",
        "Dana Cole is a freelance journalist who has walked the picket line since May.",
        "Related concerns about pensions came up at the meeting, members said.",
    ],
)
def test_story_paragraphs_that_start_like_furniture_are_kept(story_paragraph):
    text = "\n\n".join(
        [
            "Writers strike enters fourth month",
            "RELATED: Writers and studios return to the table",
            "Writers walked the picket lines again on Tuesday.",
            story_paragraph,
            "Talks resume next week.",
        ]
    )
    parsed = parse_article(text)
    assert story_paragraph in parsed.paragraphs
    assert "RELATED: Writers and studios return to the table" not in parsed.paragraphs


def test_last_paragraph_describing_a_journalist_in_the_story_is_kept():
    text = "Headline\n\nThe guild struck on Monday.\n\nAdam Marsh is a television writer and guild captain."
    assert (
        parse_article(text).paragraphs[-1] == "Adam Marsh is a television writer and guild captain."
    )


def test_bio_naming_its_outlet_is_dropped_even_as_last_paragraph():
    text = "Headline\n\nThe guild struck on Monday.\n\nMaria Lopez covers labor for The Fresno Bee."
    parsed = parse_article(text)
    assert parsed.paragraphs == ["The guild struck on Monday."]
    assert parsed.byline == "Maria Lopez"


@pytest.mark.parametrize(
    "line",
    [
        "Copyright 2022 The Sacramento Bee",
        "© 2023 KCRA 3. All rights reserved.",
        "Copyright (c) 2021 Reuters",
    ],
)
def test_copyright_lines_are_dropped(line):
    parsed = parse_article(f"Headline\n\nThe guild struck on Monday.\n\n{line}")
    assert parsed.paragraphs == ["The guild struck on Monday."]
