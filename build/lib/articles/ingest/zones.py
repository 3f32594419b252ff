"""
Time zones by the names outlets date their stories in.

Takes an IANA name ("America/Los_Angeles"), which may be empty or unknown;
gives a clock (``zone``) or a moment read on it (``in_zone``). Unknown names
fall back to UTC: an outlet's clock is a detail of its dates, never a reason
to refuse its article. A story that printed its UTC offset is read on that
offset (``on_printed_clock``), and an outlet first met through such a story
gets the zone that offset names (``zone_for_offset``). The one definition
for the parser (plain Python, so it lives here) and for the site's models,
forms and pages.
"""

from datetime import timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

FALLBACK = "UTC"

# The zone an offset most likely names, first match wins (the offset is compared at the
# story's moment, so -07:00 is Los Angeles in summer and Denver in winter). Where outlets
# are most numerous first; whole-hour offsets not listed become "Etc/GMT+8"-style zones.
ZONES_BY_LIKELIHOOD = (
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Denver",
    "America/Phoenix",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Halifax",
    "America/St_Johns",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Mexico_City",
    "Europe/London",
    "Europe/Paris",
    "Europe/Athens",
    "Europe/Moscow",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Singapore",
    "Asia/Seoul",
    "Australia/Darwin",
    "Australia/Adelaide",
    "Australia/Sydney",
    "Australia/Brisbane",
    "Pacific/Auckland",
)


@lru_cache(maxsize=128)
def zone(name):
    """The clock called ``name``; UTC when the name is empty or no known zone."""
    try:
        return ZoneInfo(name or FALLBACK)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(FALLBACK)


def is_zone_name(name):
    """Whether ``name`` names a time zone (rather than falling back to UTC)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return False
    return True


def in_zone(moment, name):
    """``moment`` on the clock called ``name``, to the second (as coverage states it); None stays None."""
    return moment.astimezone(zone(name)).replace(microsecond=0) if moment else None


def zone_for_offset(offset, moment):
    """
    The IANA name of a zone whose clock was ``offset`` from UTC at ``moment``
    (an aware datetime): the likeliest (``ZONES_BY_LIKELIHOOD``), else a fixed
    "Etc/GMT+8" for a whole hour, else the first zone in the database that
    fits; "" when none does.
    """
    for name in ZONES_BY_LIKELIHOOD:
        if moment.astimezone(zone(name)).utcoffset() == offset:
            return name
    minutes = offset.total_seconds() / 60
    if minutes % 60 == 0 and -12 <= minutes / 60 <= 14:
        hours = int(minutes // 60)
        # The Etc zones' signs are POSIX's, the reverse of ISO 8601's: Etc/GMT+8 is UTC-08:00.
        return "Etc/UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"
    for name in sorted(available_timezones()):
        if moment.astimezone(zone(name)).utcoffset() == offset:
            return name
    return ""


def on_printed_clock(moment, offset_minutes, zone_name):
    """
    ``moment`` on the clock its story was dated by: the outlet's zone, unless
    the story printed another offset (``offset_minutes``, east of UTC), which
    then wins, so that "21:00-08:00" stays 9 pm on 30 November whatever the
    outlet's zone. None stays None.
    """
    if moment is None:
        return None
    local = in_zone(moment, zone_name)
    if offset_minutes is None or local.utcoffset() == timedelta(minutes=offset_minutes):
        return local
    return local.astimezone(timezone(timedelta(minutes=offset_minutes)))


def clock_label(moment):
    """
    What to call the clock ``moment`` is read on: its zone's abbreviation
    ("PST", "BST"), or the offset itself ("-08:00") for a clock that has no
    name, never "UTC-08:00".
    """
    name = moment.tzname() or ""
    if name[:1].isalpha() and not name.startswith(("UTC+", "UTC-", "GMT+", "GMT-")):
        return name
    offset = moment.utcoffset()
    if not offset:
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    hours, rest = divmod(abs(int(offset.total_seconds())) // 60, 60)
    return f"{sign}{hours:02d}:{rest:02d}"
