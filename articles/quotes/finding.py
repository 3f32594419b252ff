"""The public result type, kept free of any framework so the Django layer can map it."""

from __future__ import annotations

from typing import NamedTuple


class QuoteFinding(NamedTuple):
    """One direct quotation and who said it (an immutable record: fields by
    name, ``_replace`` for a changed copy; a named tuple because an article
    gives many and they are made quickly).

    ``end`` is the offset of the closing mark (content end, trailing whitespace
    excluded) in ``end_paragraph``; ``text`` is that span with the repairs
    applied (stray marks removed, trailing comma trimmed, parts of a
    multi-paragraph quote joined by a blank line).
    """

    text: str
    paragraph: int
    start: int
    end_paragraph: int
    end: int
    speaker_mention: str
    speaker_name: str
    speaker_kind: str  # "person" | "organization" | ""
    speaker_description: str
    speaker_aliases: tuple[str, ...]
    cue: str
    is_fragment: bool
    confidence: float
    rule: str = ""  # what decided the speaker (attribution.RULES), "" when unattributed
    side: str = ""  # labor | employer | government | expert | community | unknown; "" unattributed
    side_evidence: tuple[str, ...] = ()  # why, in words a person page can show


def make_finding(
    text: str,
    paragraph: int,
    start: int,
    end_paragraph: int,
    end: int,
    speaker_mention: str,
    speaker_name: str,
    speaker_kind: str,
    speaker_description: str,
    speaker_aliases: tuple[str, ...],
    cue: str,
    is_fragment: bool,
    confidence: float,
    rule: str,
    side: str,
    side_evidence: tuple[str, ...],
) -> QuoteFinding:
    """``QuoteFinding(...)`` built directly as the tuple it is: the named
    tuple's own ``__new__`` is Python code, slow to call with keywords from
    compiled code."""
    return tuple.__new__(
        QuoteFinding,
        (
            text,
            paragraph,
            start,
            end_paragraph,
            end,
            speaker_mention,
            speaker_name,
            speaker_kind,
            speaker_description,
            speaker_aliases,
            cue,
            is_fragment,
            confidence,
            rule,
            side,
            side_evidence,
        ),
    )
