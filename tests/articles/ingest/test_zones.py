"""Time zones by the names outlets give: one clock for the parser, the models, forms and pages."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from articles.ingest.zones import in_zone, is_zone_name, zone


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
