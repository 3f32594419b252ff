"""
Dates as articles state them: "2022-08-26T05:25:00-07:00", "August 26, 2022
5:25 am", "Wed 21 Jun 2023 07.00 BST", "3 de marzo de 2024 a las 10:15".

Takes the text and the outlet's time zone (for a time the text gives without
one); gives a ``Dated`` (``read_date``: the moment, whether the text gave a
time at all, and the clock it stated, if any) or just the aware datetime
(``parse_datetime_text``), or None when nothing date-like is there. Used by
the parser for header dates, publication notes and page timestamps, and by
the saved-page reader for a page's metadata.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from .zones import zone as zone_named

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
} | {
    name: number
    for number, names in enumerate(
        (
            ("enero", "ene"),
            ("febrero",),
            ("marzo",),
            ("abril",),
            ("mayo",),
            ("junio",),
            ("julio",),
            ("agosto",),
            ("septiembre", "setiembre"),
            ("octubre",),
            ("noviembre",),
            ("diciembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
TZ_ABBREVIATIONS = {
    "pt": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "mt": "America/Denver",
    "mdt": "America/Denver",
    "mst": "America/Denver",
    "ct": "America/Chicago",
    "cdt": "America/Chicago",
    "cst": "America/Chicago",
    "et": "America/New_York",
    "edt": "America/New_York",
    "est": "America/New_York",
    "utc": "UTC",
    "gmt": "UTC",
    "bst": "Europe/London",
}
# "Aug. 26, 2022" and "26 August 2022" (weekday and ordinal allowed), with a clock
# time after ("5:25 am", "at 4:10 p.m. ET", "07.00 BST") or before ("6:02 a.m. ET Sept. 15, 2023").
_DATES = (
    re.compile(
        r"\b(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2})(?:st|nd|rd|th)?,? (?P<year>\d{4})\b"
    ),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)? (?P<month>[A-Za-z]{3,9})\.?,? (?P<year>\d{4})\b"
    ),
    # "3 de marzo de 2024"
    re.compile(r"\b(?P<day>\d{1,2}) de (?P<month>[A-Za-z]{3,10}) (?:de |del )?(?P<year>\d{4})\b"),
)
_CLOCK = (
    r"(?P<hour>\d{1,2})(?::|\.(?=\d\d\s*(?:[AaPp]\.?[Mm]\b|[A-Z]{2,4}\b)))(?P<minute>\d\d)"
    r"(?:\s*(?P<ampm>[AaPp])\.?[Mm]\b\.?)?(?:,?\s+(?P<tz>[A-Z]{2,4})\b(?P<offset>[+-]\d{1,2}(?::?\d\d)?\b)?)?"
)
_CLOCK_AFTER = re.compile(r"^(?:,?\s+(?:at\s+|a las\s+|a la\s+)?|\s*/\s*)" + _CLOCK)
_CLOCK_BEFORE = re.compile(_CLOCK + r"\s*,?\s*$")
MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
MONTH_WORD = r"(?:" + MONTH_NAMES + r")\b\.?"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Dated:
    """
    A publication date as a text gave it: the moment (a day alone is its
    midnight, on the outlet's clock), whether the text gave a time of day,
    and the clock it stated: the UTC offset it printed ("-08:00", "GMT+1") or
    the zone it named ("PDT": ``stated_zone`` and that zone's offset then).
    """

    moment: datetime
    has_time: bool = True
    stated_offset: timedelta | None = None
    stated_zone: str = ""


def parse_datetime_text(value, tz_name="UTC"):
    """
    A datetime from "2022-08-26T05:25:00-07:00", "2022-08-26" or
    "August 26, 2022 5:25 am" (local to ``tz_name`` unless the text says).
    None if nothing date-like is found. ``read_date`` says more about it.
    """
    dated = read_date(value, tz_name)
    return dated.moment if dated else None


def read_date(value, tz_name="UTC"):
    """``parse_datetime_text``'s date as a ``Dated``: with what the text said of its time and clock."""
    value = value.strip()
    zone = zone_named(tz_name)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        if parsed.tzinfo:
            return Dated(parsed, stated_offset=parsed.utcoffset())
        return Dated(parsed.replace(tzinfo=zone), has_time=not _ISO_DAY.match(value))
    candidates = sorted(
        (m for pattern in _DATES for m in pattern.finditer(value) if m["month"].lower() in _MONTHS),
        key=lambda m: m.start(),
    )
    if not candidates:
        return None
    match = candidates[0]
    try:
        day = date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        return None
    stated_zone = ""
    found = _CLOCK_AFTER.match(value[match.end() :]) or _CLOCK_BEFORE.search(value[: match.start()])
    if not found:
        return Dated(datetime.combine(day, time(0, 0), tzinfo=zone), has_time=False)
    hour, minute = int(found["hour"]), int(found["minute"])
    if found["ampm"]:
        valid = 1 <= hour <= 12
        hour = hour % 12 + (12 if found["ampm"].lower() == "p" else 0)
    else:
        valid = hour < 24
    if not valid or minute > 59:
        return None
    clock = time(hour, minute)
    if found["tz"] and found["tz"].lower() in TZ_ABBREVIATIONS:
        stated_zone = TZ_ABBREVIATIONS[found["tz"].lower()]
        zone = zone_named(stated_zone)
        if found["offset"] and found["tz"].lower() in ("gmt", "utc"):  # "4:21 AM GMT+1"
            sign = -1 if found["offset"][0] == "-" else 1
            digits = found["offset"][1:].replace(":", "")
            hours, minutes = (
                (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
            )
            if hours <= 14 and minutes < 60:
                zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
                stated_zone = ""
    moment = datetime.combine(day, clock, tzinfo=zone)
    stated = found["tz"] and found["tz"].lower() in TZ_ABBREVIATIONS
    return Dated(
        moment,
        stated_offset=moment.utcoffset() if stated else None,
        stated_zone=stated_zone,
    )
