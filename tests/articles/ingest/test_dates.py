"""
Publication dates read from the text: header dates, publication notes and
page timestamps, on the outlet's clock unless the text names a zone.
"""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from articles.ingest.dates import parse_datetime_text, read_date

from .fixture_articles import STORY, kept, parse_around


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
    "value, expected",
    [
        (
            "Updated: 5:42 PM PDT Mar 14, 2023",
            datetime(2023, 3, 14, 17, 42, tzinfo=ZoneInfo("America/Los_Angeles")),
        ),
        (
            "Published 6:02 a.m. ET Sept. 15, 2023 | Updated 8:15 a.m. ET Sept. 15, 2023",
            datetime(2023, 9, 15, 6, 2, tzinfo=ZoneInfo("America/New_York")),
        ),
        (
            "Posted at 6:15 PM, Mar 03, 2023 and last updated 7:02 PM, Mar 03, 2023",
            datetime(2023, 3, 3, 18, 15, tzinfo=ZoneInfo("UTC")),
        ),
        (
            "Published: 14:32 BST, 3 October 2023",
            datetime(2023, 10, 3, 14, 32, tzinfo=ZoneInfo("Europe/London")),
        ),
        (
            "Wed 21 Jun 2023 07.00 BST",
            datetime(2023, 6, 21, 7, 0, tzinfo=ZoneInfo("Europe/London")),
        ),
        ("Sep 15, 2023 4:10 PM", datetime(2023, 9, 15, 16, 10, tzinfo=ZoneInfo("UTC"))),
        ("21st June 2023", datetime(2023, 6, 21, tzinfo=ZoneInfo("UTC"))),
        ("Sep 15, 2023 13:10 PM", None),
        ("Published 15 January", None),
    ],
)
def test_page_timestamps(value, expected):
    assert parse_datetime_text(value) == expected


def test_time_after_a_slash():
    assert parse_datetime_text("Posted: Mar 12, 2026 / 05:47 PM CDT") == datetime(
        2026, 3, 12, 17, 47, tzinfo=ZoneInfo("America/Chicago")
    )


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


def test_date_comes_from_first_timestamp_line():
    parsed = parse_around(
        STORY,
        before=("Updated: 5:42 PM PDT Mar 14, 2023",),
        after=("Updated 8:15 a.m. ET Mar 16, 2023",),
    )
    assert parsed.published_at == datetime(
        2023, 3, 14, 17, 42, tzinfo=ZoneInfo("America/Los_Angeles")
    )


def test_date_from_a_byline_line_with_a_posted_stamp():
    parsed = parse_around(
        "Rachel Ward · CBC News · Posted: Nov 15, 2024 4:00 AM EST | Last Updated: November 15",
        before=(),
        after=(STORY,),
    )
    assert parsed.published_at == datetime(2024, 11, 15, 4, 0, tzinfo=ZoneInfo("America/New_York"))


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


# "Published DATE": a stamp only when nothing but times and labels follow the date.
def test_published_date_sentence_is_kept():
    assert kept(
        "Published June 1, 2023, the audit found the district had overspent by $12 million."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Posted Sep 15, 2023 4:10 PM",
        "Published March 20, 2024 • Updated on March 20, 2024 at 8:01 pm",
        "Posted: Jul 4, 2023 / 11:05 AM PDT",
    ],
)
def test_publication_stamp_still_goes(line):
    assert not kept(line)


@pytest.mark.parametrize(
    "value, has_time, offset, zone_name",
    [
        ("2026-11-30T21:00:00-08:00", True, timedelta(hours=-8), ""),
        ("2026-11-29", False, None, ""),
        ("November 29, 2026", False, None, ""),
        ("2026-11-30 21:00", True, None, ""),
        ("Nov. 30, 2026 9:00 p.m. PST", True, timedelta(hours=-8), "America/Los_Angeles"),
        ("Published 4:21 AM GMT+1, 3 October 2023", True, timedelta(hours=1), ""),
    ],
)
def test_read_date_says_whether_a_time_and_a_clock_were_given(value, has_time, offset, zone_name):
    dated = read_date(value, "America/New_York")
    assert dated.has_time is has_time
    assert dated.stated_offset == offset
    assert dated.stated_zone == zone_name


def test_a_date_without_a_time_is_its_midnight_on_the_outlets_clock():
    dated = read_date("2026-11-29", "America/Los_Angeles")
    assert dated.moment == datetime(2026, 11, 29, tzinfo=ZoneInfo("America/Los_Angeles"))


def test_an_offset_is_kept_as_printed():
    moment = read_date("2026-11-30T21:00:00-08:00", "America/New_York").moment
    assert moment.isoformat() == "2026-11-30T21:00:00-08:00"
    assert moment.date().isoformat() == "2026-11-30"
