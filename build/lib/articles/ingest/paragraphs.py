"""
Paragraphs as the archive stores them.

Takes text with paragraphs separated by blank lines (a file, a paste, the
admin's text box, a quotation an editor copies); gives its paragraphs, each
on one line with single spaces. The parser, the admin's forms and quote
locating all split with the patterns here, so a paragraph an editor types is
split exactly as an imported one.
"""

import re

# A line with nothing but spaces on it ends a paragraph.
BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# Runs of spaces of any width, collapsed to one.
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters pages carry inside words and on "blank" lines: zero-width
# spaces and joiners, word joiners, byte-order marks, soft hyphens. Deleted, not spaced.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def normalise(text):
    """Unix line ends, invisible characters removed: what every split starts from."""
    return INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_paragraphs(text):
    """Text with paragraphs separated by blank lines -> its paragraphs, single-spaced."""
    blocks = (
        SPACES.sub(" ", " ".join(block.split("\n"))).strip()
        for block in BLANK_LINE.split(normalise(text))
    )
    return [block for block in blocks if block]


def join_paragraphs(paragraphs):
    """The reverse of ``split_paragraphs``: one blank line between paragraphs."""
    return "\n\n".join(paragraphs)
