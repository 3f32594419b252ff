"""Deciding whether a quoted span is a quotation, a fragment, or neither.

Rules (documented thresholds):

* A quote with an adjacent cue (after or before it, colon introduction), a quote
  that begins its sentence, and any multi-paragraph quote are full quotations.
* A quote inside the reporter's sentence with no adjacent cue is *embedded*:
  - titles and names are not quotations: every significant word capitalised and
    at most 10 words ("Abbott Elementary", "Red Cup Rebellion"), or preceded by
    "so-called";
  - governed by a speech verb earlier in the sentence ("said", "called",
    "described ... as", "promised", "according to", ...) -> fragment, attributed
    to that verb's subject;
  - otherwise kept as an unattributed fragment only with at least
    ``MIN_UNGOVERNED_WORDS`` (4) words; shorter ones are scare quotes
    ('A "normal" tactic') and are dropped.
"""

from __future__ import annotations

import re

MIN_UNGOVERNED_WORDS = 4
_WORD_RE = re.compile(r"[A-Za-z0-9][\w’'\-]*")
_SMALL = frozenset("a an the of and or for to in on at by with from as vs".split())
_SO_CALLED_RE = re.compile(r"(?:so-called|so called|dubbed|titled|entitled|named|hashtag)\s*$", re.I)


def is_title(text: str) -> bool:
    words = _WORD_RE.findall(text)
    if not words or len(words) > 10:
        return False
    sig = [w for w in words if w.lower() not in _SMALL]
    return bool(sig) and all(w[0].isupper() or w[0].isdigit() for w in sig)


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def classify(text: str, *, adjacent: bool, sentence_initial: bool, multi: bool, governed: bool, before: str) -> str:
    """Return "full", "fragment" or "drop"."""
    if multi or adjacent or sentence_initial:
        return "full"
    if is_title(text) or _SO_CALLED_RE.search(before):
        return "drop"
    if governed:
        return "fragment"
    if word_count(text) >= MIN_UNGOVERNED_WORDS:
        return "fragment"
    return "drop"
