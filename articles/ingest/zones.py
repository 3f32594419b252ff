"""
Time zones by the names outlets date their stories in.

Takes an IANA name ("America/Los_Angeles"), which may be empty or unknown;
gives a clock (``zone``) or a moment read on it (``in_zone``). Unknown names
fall back to UTC: an outlet's clock is a detail of its dates, never a reason
to refuse its article. The one definition for the parser (plain Python, so it
lives here) and for the site's models, forms and pages.
"""

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FALLBACK = "UTC"


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
