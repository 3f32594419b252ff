"""
Template helpers for the reading pages: dates (every date the site shows is
formatted here, in one style: "Aug. 26, 2022"; a publication date as its outlet
printed it, other moments in the outlet's own time zone), bylines, sides,
Internet Archive links and JSON-LD blocks, and the numbered pagination of
lists. (Article text with its quotes marked comes from ``articles.marking``,
through the views.)
"""

import functools
from datetime import datetime

from django import template
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import metadata
from articles.ingest.zones import clock_label, in_zone
from articles.links import url_for
from articles.models import Person

register = template.Library()

# The site's one date style (AP's: abbreviated months, "Sept.", "March" in full), and its
# variants: with the time of day, with the weekday (a timeline's days), a month.
DATE_FORMATS = {
    "date": "N j, Y",  # Aug. 26, 2022
    "datetime": "N j, Y, P",  # Aug. 26, 2022, 5:25 a.m. (then the clock: PDT)
    "weekday": "l, N j, Y",  # Friday, Aug. 26, 2022
    "month": "F Y",  # August 2022
}
UNDATED = "Date not given"


@functools.lru_cache(maxsize=8192)
def _day_text(day, style):
    """
    A calendar day in a style without a time of day: the words depend on the
    day alone, and a list of stories shows the same days over and over.
    """
    return dateformat.format(day, DATE_FORMATS.get(style, DATE_FORMATS["date"]))


def _time_element(text, machine_value, plain):
    if plain:
        return format_html("<span>{}</span>", text)
    return format_html('<time datetime="{}">{}</time>', machine_value, text)


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
    if style == "datetime":
        text = f"{dateformat.format(value, DATE_FORMATS[style])} {clock_label(value)}"
    else:
        text = _day_text(value.date() if has_time else value, style)
    return _time_element(text, value.isoformat(), plain)


@register.simple_tag
def dateline(value, tzname="", style="date", plain=False):
    """A moment of the archive's own (a correction's date) on the clock called ``tzname``."""
    return printed_date(in_zone(value, tzname), style, plain)


@register.simple_tag
def day(value, style="date", plain=False):
    """
    A calendar date (a strike's start or end, a timeline's day) in the site's
    style, ``<time datetime="2022-08-15">Aug. 15, 2022</time>``, or "Date not given".
    """
    if value is None:
        return format_html('<span class="undated">{}</span>', UNDATED)
    text = _day_text(value.date() if isinstance(value, datetime) else value, style)
    machine_value = value.strftime("%Y-%m") if style == "month" else value.isoformat()
    return _time_element(text, machine_value, plain)


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


@register.simple_tag
def link(viewname, **kwargs):
    """
    ``{% url %}`` for the pages every page links to (``articles.links.url_for``:
    reversed once per process). The site mounts each app once, so the current
    app, which ``{% url %}`` also weighs, never changes the address.
    """
    return url_for(viewname, **kwargs)


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


# Numbered pagination: the pages shown either side of the current one.
PAGE_WINDOW_EACH_SIDE = 2


@register.simple_tag
def page_window(page_obj, each_side=PAGE_WINDOW_EACH_SIDE):
    """
    The page numbers a list's pagination links to around the current page: the
    same number of pages wherever the reader is (fewer only when the list has
    fewer), the current one among them.
    """
    last = page_obj.paginator.num_pages
    width = 2 * each_side + 1
    first = max(1, min(page_obj.number - each_side, last - width + 1))
    return range(first, min(last, first + width - 1) + 1)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """
    The current list's address at page ``number``, its other parameters (filters, a
    query) kept: page 1 is the list's own address, without ``?page=``.
    """
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    if int(number) != 1:
        params["page"] = number
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path
