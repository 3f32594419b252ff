"""
Template helpers for the reading pages: dates as their outlet printed them,
bylines, sides, Internet Archive links and JSON-LD blocks. (Article text with
its quotes marked comes from ``articles.marking``, through the views.)
"""

from datetime import datetime

from django import template
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import metadata
from articles.ingest.zones import clock_label, in_zone
from articles.models import Person

register = template.Library()

DATE_FORMATS = {
    "date": "N j, Y",  # Aug. 26, 2022
    "datetime": "N j, Y, P",  # Aug. 26, 2022, 5:25 a.m. (then the clock: PDT)
    "month": "F Y",
}
UNDATED = "Date not given"


@register.simple_tag
def printed_date(value, style="date", plain=False):
    """
    A publication date as its outlet printed it (``Article.published_as_printed``):
    ``<time datetime="...">Aug. 26, 2022</time>``, with the time and its clock
    ("5:25 a.m. PDT", "9 p.m. -08:00") in the "datetime" style when the outlet
    gave a time; a date alone stays a date. "Date not given" for None.
    ``plain`` leaves out the ``<time>`` element: a page about an undated
    article must not offer citation tools some other date.
    """
    if value is None:
        return format_html('<span class="undated">{}</span>', UNDATED)
    has_time = isinstance(value, datetime)
    if style == "datetime" and not has_time:
        style = "date"
    text = dateformat.format(value, DATE_FORMATS.get(style, DATE_FORMATS["date"]))
    if style == "datetime":
        text = f"{text} {clock_label(value)}"
    if plain:
        return format_html("<span>{}</span>", text)
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


@register.simple_tag
def dateline(value, tzname="", style="date", plain=False):
    """A moment of the archive's own (a correction's date) on the clock called ``tzname``."""
    return printed_date(in_zone(value, tzname), style, plain)


@register.filter
def wayback_url(url):
    """The Internet Archive's list of saved copies of ``url``."""
    return metadata.wayback_url(url) if url else ""


@register.simple_tag
def json_ld(data):
    """A JSON-LD data block, safe to embed (``<``, ``>`` and ``&`` are \\u-escaped)."""
    if not data:
        return ""
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(metadata.ld_json(data))
    )


@register.filter
def byline(text):
    """ "By Kathy Anderson" from "Kathy Anderson" or "By Kathy Anderson"; "" for no byline."""
    text = (text or "").strip()
    if not text:
        return ""
    return text if text.lower().startswith("by ") else f"By {text}"


@register.filter
def side_label(value):
    """A ``Person.Side`` value as words ("labor" → "Workers or union")."""
    try:
        return Person.Side(value).label
    except ValueError:
        return ""
