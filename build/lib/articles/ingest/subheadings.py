"""
Section subheadings inside a story ("Delays in Kaiser Mental Health
Appointments" between two runs of paragraphs): which of an article's
paragraphs are headings rather than body text.

Takes the article's paragraphs (as stored, numbered from 1 like the page's
``#p`` anchors); gives the numbers of those that read as subheadings. Scraped
text keeps a subheading as a paragraph of its own, so the paragraph numbering
(and every quote's ``#p`` anchor and citation) stays as it is: the page shows
these paragraphs as headings, with their anchors. The rule is deliberately
narrow, as a body paragraph shown as a heading is worse than a heading shown
as a paragraph: a short line of a few capitalised words with no closing
punctuation, between two paragraphs of ordinary sentences.
"""

import re

MAX_WORDS = 12
MAX_CHARS = 90
# Body text ends a sentence or a quotation; a subheading ends on a word.
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’')\]—–-]$")
_STARTS_LIKE_A_HEADING = re.compile(r"^[A-Z0-9“\"‘']")
# A quotation closed by punctuation ("“We are not done,” she said"): reported speech.
_QUOTATION_CLOSED = re.compile(r"[,.!?…][”\"’']")


def _is_body(text):
    """Ordinary running text: a sentence (or quotation) that ends as sentences do."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def _reads_as_heading(text):
    text = text.strip()
    words = text.split()
    return (
        0 < len(words) <= MAX_WORDS
        and len(text) <= MAX_CHARS
        and bool(_STARTS_LIKE_A_HEADING.match(text))
        and not _SENTENCE_END.search(text)
        and not _QUOTATION_CLOSED.search(text)
    )


def subheading_numbers(paragraphs):
    """
    The numbers (from 1) of the paragraphs that are section subheadings: never the
    first or last paragraph, and only one whose neighbours are both body text longer
    than itself (so lists of short lines and addresses are left alone).
    """
    found = set()
    for index in range(1, len(paragraphs) - 1):
        text, before, after = paragraphs[index], paragraphs[index - 1], paragraphs[index + 1]
        if (
            _reads_as_heading(text)
            and _is_body(before)
            and _is_body(after)
            and len(after) > len(text)
            and len(before) > len(text)
        ):
            found.add(index + 1)
    return found
