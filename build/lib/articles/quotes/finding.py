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
