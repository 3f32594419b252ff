"""
Where a quotation's words stand in its article.

Takes a quotation's text (paragraphs separated by blank lines, as a quote
running over several paragraphs is stored) and an article's paragraphs; gives
its place as ``(paragraph, start, end_paragraph, end)``: paragraphs counted
from 1, as the page's ``#p1`` anchors are, offsets in characters, ``end``
exclusive. Used when an editor adds or edits a quote, and when an article's
text changes under the quotes an editor checked.
"""

from .paragraphs import split_paragraphs


def locate_quote(text, paragraphs, *, near=None):
    """
    Where ``text`` stands in ``paragraphs``, or None when the words are not
    there. Of several places, the one nearest ``near`` (a paragraph number)
    wins, then the first.
    """
    parts = split_paragraphs(text)
    if not parts:
        return None
    found = []
    for index, paragraph in enumerate(paragraphs):
        last = index + len(parts) - 1
        if last >= len(paragraphs):
            break
        # Later parts may open after a quotation mark, so they are found, not assumed at 0.
        if len(parts) > 1 and not all(
            parts[k] in paragraphs[index + k] for k in range(1, len(parts) - 1)
        ):
            continue
        last_start = paragraphs[last].find(parts[-1]) if len(parts) > 1 else None
        if last_start is not None and last_start < 0:
            continue
        position = paragraph.find(parts[0])
        while position >= 0:
            if len(parts) == 1:
                found.append((index + 1, position, index + 1, position + len(parts[0])))
            else:
                found.append((index + 1, position, last + 1, last_start + len(parts[-1])))
            position = paragraph.find(parts[0], position + 1)
    if not found:
        return None
    return min(found, key=lambda span: (abs(span[0] - near) if near else 0, span[0], span[1]))


def is_still_at(text, paragraphs, paragraph, start):
    """Whether ``text`` still opens at ``start`` in paragraph ``paragraph`` (from 1)."""
    parts = split_paragraphs(text)
    index = paragraph - 1
    return (
        bool(parts)
        and 0 <= index < len(paragraphs)
        and paragraphs[index].startswith(parts[0], start)
    )
