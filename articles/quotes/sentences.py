"""Masking quoted text, splitting narrative into sentences, and the narrative lowercased.

Cues and names are looked for only in the reporter's own words, so each
paragraph gets a masked copy, same length, where quotation content is replaced
by ``MASK`` (offsets stay valid; a final . ? ! , inside the quote is kept so that
sentence and cue punctuation still read right). Sentence starts are computed on
the masked copy, so a quote's inner full stops never split a sentence.
``Lowered`` keeps the masked paragraphs lowercased in one string for the
stages' quick word tests ("does any paragraph name a statement?").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from .lexicon import ABBREVIATIONS, STATE_ABBREVS
from .marks import char_offsets

MASK = "\x1f"
_KEEP_LAST = frozenset(".!?…,;:—–-")
# The characters a sentence boundary (``_BOUND_RE``) can start at.
SENTENCE_STOPS = ".!?…"
# "[.!?…][.!?…]*" rather than "[.!?…]+": a pattern that opens on a character
# class lets the regex engine skip to the next full stop without trying a match
# at every character.
_BOUND_RE = re.compile(
    r"[.!?…][.!?…]*(?:[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-ZÀ-ÖØ-ÞĀ-ſ0-9\x1f])|(?=[A-ZÀ-ÖØ-ÞĀ-ſ][a-z]))"
)


class Lowered:
    """The masked paragraphs lowercased and joined by newlines (``text``)."""

    __slots__ = ("ends", "text")

    def __init__(self, paragraphs: list[str]):
        text = "\n".join(paragraphs).lower()
        if len(text) != sum(map(len, paragraphs)) + len(paragraphs) - 1:
            # a character whose lowercase is longer ("İ"): paragraph by paragraph
            paragraphs = [p.lower() for p in paragraphs]
            text = "\n".join(paragraphs)
        self.text = text
        self.ends = list(accumulate(len(p) + 1 for p in paragraphs))  # after each newline

    def paragraph(self, i: int) -> str:
        return self.text[self.ends[i - 1] if i else 0 : self.ends[i] - 1]

    def paragraphs_with(self, stems: Iterable[str]) -> list[int]:
        """The paragraphs (in order) that contain any of ``stems`` (lowercase, no newline)."""
        text, ends = self.text, self.ends
        found: set[int] = set()
        for stem in stems:
            at = text.find(stem)
            while at >= 0:
                k = bisect_right(ends, at)
                found.add(k)
                at = text.find(stem, ends[k])
        return sorted(found)


def mask(p: str, spans: list[tuple[int, int]]) -> str:
    """Replace each (start, end) content range by MASK, keeping its last punctuation."""
    if not spans:
        return p
    out = []
    pos = 0
    for s, e in spans:
        if e <= s:
            continue
        keep = p[e - 1] if p[e - 1] in _KEEP_LAST else ""
        out.append(p[pos:s])
        out.append(MASK * (e - s - len(keep)))
        out.append(keep)
        pos = e
    out.append(p[pos:])
    return "".join(out)


def _is_abbrev(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"“‘'":
        start -= 1
    tok = text[start:dot]
    if not tok:
        return False
    if len(tok) == 1 and tok.isupper():
        return True  # an initial: "J. Smith"
    low = tok.lower()
    if low in STATE_ABBREVS and text[max(0, start - 2) : start] == ", ":
        # "in Fort Scott, Kan. She got in the car": after "Town, " the state
        # ends the sentence when a capitalised word (not a title) follows.
        nxt = text[dot + 1 : dot + 30].split(None, 1)
        word = nxt[0].strip(",.;:") if nxt else ""
        return not (word[:1].isupper() and word.lower().rstrip(".") not in ABBREVIATIONS)
    if low in ABBREVIATIONS:
        return True
    return "." in tok and len(tok) <= 5 and tok.replace(".", "").isalpha()  # U.S., a.m.


def _may_bound(c: str) -> bool:
    """Can a sentence boundary (``_BOUND_RE``) start at a stop followed by
    ``c``? Only before another stop, a closing mark, whitespace or a capital."""
    return c != "" and (
        c in ".!?…\"”’')]"
        or c.isspace()
        or "A" <= c <= "Z"
        or "À" <= c <= "Ö"
        or "Ø" <= c <= "Þ"
        or "Ā" <= c <= "ſ"
    )


def sentence_starts(masked: str) -> list[int]:
    """Offsets where sentences start (always including 0)."""
    starts = [0]
    n = len(masked)
    resume = 0  # where the last boundary ended: the next cannot start before it
    for dot in char_offsets(masked, SENTENCE_STOPS):
        if dot < resume or not _may_bound(masked[dot + 1 : dot + 2]):
            continue
        m = _BOUND_RE.match(masked, dot)
        if m is None:
            continue
        resume = m.end()
        run_together = resume < n and masked[resume].isupper()
        if run_together and not (
            dot >= 2 and masked[dot - 1].islower() and masked[dot - 2].islower()
        ):
            continue
        if _is_abbrev(masked, dot):
            continue
        if run_together:
            word = masked[max(0, dot - 40) : dot].rsplit(None, 1)[-1]
            if word.lower().startswith(("www", "http")) or "." in word or "@" in word:
                continue
        pos = resume
        while pos < n and masked[pos].isspace():
            pos += 1
        if pos < n and pos > starts[-1]:
            starts.append(pos)
    return starts


def sentence_start_before(starts: list[int], pos: int) -> int:
    """The start of the sentence containing ``pos``."""
    best = 0
    for s in starts:
        if s > pos:
            break
        best = s
    return best
