"""
How a long article is read in parts, so that one page renders a bounded amount
of it however long the story is (a 12 MB transcript as quickly as a news
item): a part holds at most ``PART_PARAGRAPHS`` paragraphs and, unless one
paragraph is longer on its own, at most ``PART_CHARACTERS`` characters.
Ordinary articles fit in one part and read exactly as before.

Plain Python. Takes the paragraphs' texts; gives the number (from 1) of each
part's first paragraph (``part_starts``), the part a paragraph is on
(``part_of``) and the paragraphs a part holds (``part_range``). Parts count
from 1, as paragraphs do.
"""

from bisect import bisect_right

PART_PARAGRAPHS = 150
PART_CHARACTERS = 120_000


def part_starts(paragraphs):
    """The number of each part's first paragraph: ``[1]`` for an article that fits in one."""
    starts = [1]
    count = size = 0
    for number, text in enumerate(paragraphs, 1):
        if count and (count >= PART_PARAGRAPHS or size + len(text) > PART_CHARACTERS):
            starts.append(number)
            count = size = 0
        count += 1
        size += len(text)
    return starts


def part_of(starts, number):
    """The part paragraph ``number`` is on (the last part for a number past the end)."""
    return max(1, bisect_right(starts, number))


def part_range(starts, part, total):
    """``(first, last)`` paragraph numbers of ``part`` in an article of ``total`` paragraphs."""
    first = starts[part - 1]
    last = starts[part] - 1 if part < len(starts) else total
    return first, last
