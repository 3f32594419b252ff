"""
Template helpers for the reading pages: article text with its quotes marked,
dates in the outlet's own time zone, Internet Archive links and JSON-LD blocks.

Quote marking is built here in Python rather than in templates so that every
character of article text passes through ``escape`` exactly once, and so that
quote spans that overlap, touch or run over several paragraphs still come out
as valid, unnested HTML.
"""

import itertools
from dataclasses import dataclass

from django import template
from django.utils import dateformat
from django.utils.html import escape, format_html
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


@dataclass(frozen=True)
class QuoteSpan:
    """
    Where a quote sits in its article. Paragraphs count from 1, as the page's
    ``#p1`` anchors do; ``start`` is an offset in ``paragraph`` and ``end`` an
    exclusive offset in ``end_paragraph``.
    """

    paragraph: int
    start: int
    end_paragraph: int
    end: int
    href: str = ""
    key: object = None

    @classmethod
    def of(cls, quote, *, link=True):
        return cls(
            paragraph=quote.paragraph,
            start=quote.start,
            end_paragraph=quote.end_paragraph or quote.paragraph,
            end=quote.end,
            href=quote.get_absolute_url() if link else "",
            key=quote.pk,
        )

    def range_in(self, number, length):
        """The ``(start, end)`` this span covers in paragraph ``number`` (``length`` long), or None."""
        if not self.paragraph <= number <= self.end_paragraph:
            return None
        start = self.start if number == self.paragraph else 0
        end = self.end if number == self.end_paragraph else length
        start, end = max(0, min(start, length)), max(0, min(end, length))
        return (start, end) if start < end else None

    @property
    def nesting_key(self):
        """Sorts the innermost of several overlapping spans last: latest start, then earliest end."""
        return (self.paragraph, self.start, -self.end_paragraph, -self.end)


def mark_paragraph(text, number, spans, *, link=True):
    """
    Paragraph ``number``'s text as safe HTML, each stretch covered by a quote
    wrapped in a link to that quote (``link``) or in ``<mark>``. Where quotes
    overlap, the stretch they share links to the innermost one; elements are
    never nested, so the markup stays valid whatever the offsets.
    """
    covered = []
    for span in spans:
        found = span.range_in(number, len(text))
        if found:
            covered.append((found, span))
    if not covered:
        return escape(text)

    cuts = sorted({0, len(text), *(offset for found, _span in covered for offset in found)})
    runs = []  # [start, end, spans covering it], neighbours with the same cover merged
    for start, end in itertools.pairwise(cuts):
        cover = tuple(span for (a, b), span in covered if a <= start and end <= b)
        if runs and runs[-1][2] == cover:
            runs[-1][1] = end
        else:
            runs.append([start, end, cover])

    html = []
    for start, end, cover in runs:
        chunk = text[start:end]
        if not cover:
            html.append(escape(chunk))
            continue
        classes = "quote-mark quote-mark--overlap" if len(cover) > 1 else "quote-mark"
        innermost = max(cover, key=lambda span: span.nesting_key)
        if link and innermost.href:
            html.append(
                format_html('<a class="{}" href="{}">{}</a>', classes, innermost.href, chunk)
            )
        else:
            html.append(format_html('<mark class="{}">{}</mark>', classes, chunk))
    return mark_safe("".join(html))


def mark_paragraphs(paragraphs, spans, *, link=True, first=1, last=None):
    """``[(number, html), ...]`` for paragraphs ``first`` to ``last`` (from 1, inclusive)."""
    spans = list(spans)
    last = len(paragraphs) if last is None else min(last, len(paragraphs))
    return [
        (number, mark_paragraph(paragraphs[number - 1], number, spans, link=link))
        for number in range(max(first, 1), last + 1)
    ]


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
