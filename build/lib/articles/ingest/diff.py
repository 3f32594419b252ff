"""
What differs between two versions of an article's paragraphs.

Takes the saved paragraphs ("theirs") and an editor's ("yours"); gives one
``DiffRow`` per paragraph that differs, with the changed words marked inside
changed paragraphs, for the change form to show an editor whose save lost the
race to another editor's (see ``articles.locking``).
"""

import difflib
import re
from dataclasses import dataclass, field

# Words, runs of spaces and single punctuation marks: what a changed word is made of.
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class DiffRow:
    """One paragraph of a difference: its words, each marked "same", "del" or "ins"."""

    kind: str  # "changed", "theirs" (only in the saved text), "yours" (only in the editor's)
    theirs_number: int | None
    yours_number: int | None
    theirs: list[tuple[str, str]] = field(default_factory=list)
    yours: list[tuple[str, str]] = field(default_factory=list)


def paragraph_diff(theirs, yours):
    """
    The difference between two lists of paragraphs, paragraph by paragraph.
    Returns (rows, number of unchanged paragraphs left out).
    """
    rows, unchanged = [], 0
    matcher = difflib.SequenceMatcher(None, theirs, yours, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            unchanged += a1 - a0
            continue
        pairs = min(a1 - a0, b1 - b0) if op == "replace" else 0
        for offset in range(pairs):
            old, new = word_diff(theirs[a0 + offset], yours[b0 + offset])
            rows.append(DiffRow("changed", a0 + offset + 1, b0 + offset + 1, old, new))
        for index in range(a0 + pairs, a1):
            rows.append(DiffRow("theirs", index + 1, None, theirs=[("del", theirs[index])]))
        for index in range(b0 + pairs, b1):
            rows.append(DiffRow("yours", None, index + 1, yours=[("ins", yours[index])]))
    return rows, unchanged


def word_diff(old, new):
    """Two versions of a paragraph as (old parts, new parts), each part (mark, text)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    old_parts, new_parts = [], []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            old_parts.append(("same", "".join(a[a0:a1])))
            new_parts.append(("same", "".join(b[b0:b1])))
            continue
        if a1 > a0:
            old_parts.append(("del", "".join(a[a0:a1])))
        if b1 > b0:
            new_parts.append(("ins", "".join(b[b0:b1])))
    return old_parts, new_parts
