"""
Template helpers for the reading pages: dates in the outlet's own time zone,
bylines, sides, Internet Archive links and JSON-LD blocks. (Article text with
its quotes marked comes from ``articles.marking``, through the views.)
"""

from django import template
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import metadata
from articles.ingest.zones import in_zone
from articles.models import Person

register = template.Library()

DATE_FORMATS = {
    "date": "N j, Y",  # Aug. 26, 2022
    "datetime": "N j, Y, P T",  # Aug. 26, 2022, 5:25 a.m. PDT
    "month": "F Y",
}
UNDATED = "Date not given"


@register.simple_tag
def dateline(value, tzname="", style="date", plain=False):
    """
    ``<time datetime="...">Aug. 26, 2022</time>`` in the outlet's zone, or
    "Date not given". ``plain`` leaves out the ``<time>`` element: a page about
    an undated article must not offer citation tools some other date.
    """
    if value is None:
        return format_html('<span class="undated">{}</span>', UNDATED)
    moment = in_zone(value, tzname)
    text = dateformat.format(moment, DATE_FORMATS.get(style, DATE_FORMATS["date"]))
    if plain:
        return format_html("<span>{}</span>", text)
    return format_html('<time datetime="{}">{}</time>', moment.isoformat(), text)


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
