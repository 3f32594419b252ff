"""
Article text with its quotes marked, as safe HTML.

Takes an article's paragraphs and where its quotes sit (``QuoteSpan``); gives
each paragraph as HTML with every stretch a quote covers wrapped in a link to
that quote (or in ``<mark>``). Built in Python rather than in templates so
that every character of article text passes through ``escape`` exactly once,
and so that quote spans that overlap, touch or run over several paragraphs
still come out as valid, unnested HTML. The article and quote pages use it.
"""

import itertools
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


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
