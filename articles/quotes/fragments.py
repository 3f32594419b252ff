"""Deciding whether a quoted span is a quotation, a fragment, or neither.

Rules (documented thresholds):

* A quote with an adjacent cue (after or before it, colon introduction), a quote
  that begins its sentence, and any multi-paragraph quote are full quotations;
  but a sentence-initial quote with no cue that reads as a title (title case,
  at most 6 words, no closing punctuation: '“Iron Season” opens Friday') is
  dropped.
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
* Whatever the cue, the text of a sign, placard, banner or T-shirt is not a
  quotation ('held a sign reading "Essential Then, Essential Now."', 'Many held
  signs. One read "..."'; see ``is_sign_text``), and neither is the title of a
  work introduced as one ('In her book "Ghost Bosses," the historian ...
  writes', 'the 2021 hit "Hollow Crown"'; see ``is_work_title``).
"""

from __future__ import annotations

import re

from .lexicon import (
    NAMING_WORDS,
    SIGN_NOUNS,
    SIGN_VERBS,
    SIGN_WORDING_NOUNS,
    TITLE_SMALL_WORDS,
    WORK_NOUNS,
    alternation,
)

MIN_UNGOVERNED_WORDS = 4
_WORD_RE = re.compile(r"[A-Za-z0-9][\w’'\-]*")
_SO_CALLED_RE = re.compile(rf"(?:{alternation(NAMING_WORDS)})\s*$", re.I)
# A naming word is matched letter for letter and ends where the trailing
# whitespace begins: _SO_CALLED_RE needs searching only from that many letters before it.
_NAMING_LONGEST = max(len(w) for w in NAMING_WORDS)
_SIGN_NOUNS = rf"(?:(?:{alternation(SIGN_NOUNS)})s?)"
_SIGN_HEAD_RE = re.compile(
    rf"\b{_SIGN_NOUNS}\b(?:(?!\b(?:and|but)\b)[^.!?\x1f\"“”]){{0,80}}?"
    rf"\b(?:{alternation(SIGN_VERBS)}|that\s+read|proclaim\w*|declar\w*|"
    rf"with\s+the\s+(?:{alternation(SIGN_WORDING_NOUNS)})|emblazoned\s+with)\s*[:,]?\s*$",
    re.I,
)
# How _SIGN_HEAD_RE's last word ends (the quick test before it).
_SIGN_ENDINGS = tuple(SIGN_VERBS | SIGN_WORDING_NOUNS | {"with"})
_SIGN_ANAPHOR_RE = re.compile(
    r"^\s*(?:one|another|others|some|many|several|a\s+few|most)\b[^.!?\x1f]{0,30}?"
    r"\b(?:read|reads|said)\s*[:,]?\s*$",
    re.I,
)
_SIGN_WORD_RE = re.compile(rf"\b{_SIGN_NOUNS}\b", re.I)
_WORK_HEAD_RE = re.compile(rf"\b(?:{alternation(WORK_NOUNS)})\s*,?\s*$", re.I)


def is_sign_text(head: str, previous: str = "") -> bool:
    """True when the reporter's words before the mark say it is written on a sign.

    ``head``: the sentence up to the opening mark; ``previous``: the sentence
    before it in the paragraph ("Many held signs. One read ...").
    """
    low = head.lower()
    tail = low.rstrip().rstrip(":,").rstrip()
    last = tail[tail.rfind(" ") + 1 :]
    if (
        (last.endswith(_SIGN_ENDINGS) or "proclaim" in last or "declar" in last)
        and any(map(low.__contains__, SIGN_NOUNS))
        and _SIGN_HEAD_RE.search(head)
    ):
        return True
    return bool(previous and _SIGN_ANAPHOR_RE.match(head) and _SIGN_WORD_RE.search(previous))


def is_work_title(text: str, head: str) -> bool:
    """A title-case quote right after "book", "film", "album" ...: a work's title."""
    tail = head.rstrip(" ,")
    last = tail[tail.rfind(" ") + 1 :].lower()
    return last in WORK_NOUNS and bool(_WORK_HEAD_RE.search(head)) and is_title(text)


def _in_word(text: str, i: int) -> bool:
    """``text[i]`` continues a word of ``_WORD_RE``: ``[\\w’'\\-]``."""
    c = ord(text[i])
    if c < 128:
        return 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or c == 95 or c == 39 or c == 45
    return c == 0x2019 or text[i].isalnum()


def _first_words(text: str, most: int) -> list[str]:
    """The words of ``_WORD_RE`` in ``text``, at most ``most`` of them."""
    words: list[str] = []
    n = len(text)
    i = 0
    while i < n and len(words) < most:
        c = ord(text[i])
        if 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122:
            j = i + 1
            while j < n and _in_word(text, j):
                j += 1
            words.append(text[i:j])
            i = j
        else:
            i += 1
    return words


def is_title(text: str) -> bool:
    words = _first_words(text, 11)
    if not words or len(words) > 10:
        return False
    sig = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(sig) and all(w[0].isupper() or w[0].isdigit() for w in sig)


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def classify(
    text: str, *, adjacent: bool, sentence_initial: bool, multi: bool, governed: bool, before: str
) -> str:
    """Return "full", "fragment" or "drop"."""
    if multi or adjacent:
        return "full"
    if sentence_initial:
        # '“Iron Season” opens in theaters Friday.': a title, not a quotation.
        if is_title(text) and text.rstrip()[-1:] not in ".!?…" and word_count(text) <= 6:
            return "drop"
        return "full"
    so_called = before[-24:]
    if is_title(text) or _SO_CALLED_RE.search(
        so_called, max(0, len(so_called.rstrip()) - _NAMING_LONGEST)
    ):
        return "drop"
    if governed:
        return "fragment"
    if word_count(text) >= MIN_UNGOVERNED_WORDS:
        return "fragment"
    return "drop"
