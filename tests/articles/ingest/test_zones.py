"""Time zones by the names outlets give: one clock for the parser, the models, forms and pages."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from articles.ingest.zones import (
    clock_label,
    in_zone,
    is_zone_name,
    on_printed_clock,
    zone,
    zone_for_offset,
)


def test_times_are_read_on_the_outlets_clock_and_unknown_zones_fall_back_to_utc():
    moment = datetime(2022, 8, 26, 12, 25, 30, 123456, tzinfo=UTC)
    assert in_zone(moment, "America/Los_Angeles").isoformat() == "2022-08-26T05:25:30-07:00"
    assert in_zone(moment, "Not/AZone").isoformat() == "2022-08-26T12:25:30+00:00"
    assert in_zone(None, "UTC") is None


@pytest.mark.parametrize("name", ["", None, "Not/AZone", "../../etc/passwd", "America/"])
def test_an_empty_or_unknown_name_is_utc(name):
    assert zone(name) == ZoneInfo("UTC")
    assert not is_zone_name(name)


def test_a_known_name_is_that_zone():
    assert zone("Europe/London") == ZoneInfo("Europe/London")
    assert is_zone_name("Europe/London")


@pytest.mark.parametrize(
    "offset_hours, moment, expected",
    [
        (-8, datetime(2026, 12, 1, 5, 0, tzinfo=UTC), "America/Los_Angeles"),  # PST
        (-7, datetime(2026, 7, 1, 4, 0, tzinfo=UTC), "America/Los_Angeles"),  # PDT
        (-7, datetime(2026, 12, 1, 4, 0, tzinfo=UTC), "America/Denver"),  # MST
        (-5, datetime(2026, 12, 1, 4, 0, tzinfo=UTC), "America/New_York"),
        (1, datetime(2024, 3, 3, 9, 15, tzinfo=UTC), "Europe/Paris"),
        (5.5, datetime(2024, 3, 3, 9, 15, tzinfo=UTC), "Asia/Kolkata"),
        (-11, datetime(2024, 3, 3, 9, 15, tzinfo=UTC), "Etc/GMT+11"),
    ],
)
def test_an_offset_names_the_likeliest_zone_at_that_moment(offset_hours, moment, expected):
    assert zone_for_offset(timedelta(hours=offset_hours), moment) == expected


def test_a_printed_offset_wins_over_the_outlets_zone():
    moment = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    on_its_clock = on_printed_clock(moment, -480, "America/New_York")
    assert on_its_clock.isoformat() == "2026-11-30T21:00:00-08:00"
    # The outlet's own zone when it agrees with the offset: its name comes with it.
    pacific = on_printed_clock(moment, -480, "America/Los_Angeles")
    assert clock_label(pacific) == "PST"
    assert on_printed_clock(moment, None, "America/New_York").isoformat() == (
        "2026-12-01T00:00:00-05:00"
    )
    assert on_printed_clock(None, -480, "UTC") is None


def test_a_clock_without_a_name_is_labelled_by_its_offset_never_utc_plus():
    moment = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    assert clock_label(on_printed_clock(moment, -480, "UTC")) == "-08:00"
    assert clock_label(on_printed_clock(moment, 330, "UTC")) == "+05:30"
    assert clock_label(in_zone(moment, "Etc/GMT+8")) == "-08:00"
    assert clock_label(in_zone(moment, "Europe/London")) == "GMT"
    assert clock_label(in_zone(moment, "UTC")) == "UTC"
