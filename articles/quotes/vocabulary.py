"""Whole-word lookups of the lexicon's word lists in a piece of text.

Takes a word list (single words and phrases of a few words) and a text; gives
the first word or phrase of the list the text contains, as whole words. The
sides stage asks a dozen lists about every description, so the text is split
into words once (``Words``) and each list answers with set lookups instead of a
regular expression alternation of hundreds of words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

# Punctuation around a word; a word is what whitespace separates.
_AROUND: Final = ".,;:!?\"“”()[]'’‘—–-…/\x1f"
LONGEST_PHRASE: Final = 4


def holds_any(text: str, stems: tuple[str, ...]) -> bool:
    """Does ``text`` hold one of ``stems``, as written? (The quick test before a
    case-sensitive pattern that needs one of them.)"""
    for stem in stems:
        if stem in text:
            return True
    return False


def word_char(c: str) -> bool:
    """A character ``\\w`` matches (what ``\\b`` tells from others)."""
    return c.isalnum() or c == "_"


def may_hold(text: str, stems: tuple[str, ...]) -> bool:
    """The quick test before a case-insensitive pattern that needs one of
    ``stems`` (lowercase): False only when no stem can be in ``text``. Under
    IGNORECASE "i" also matches "ı" and "İ", and "s" matches "ſ", which
    lowercase to other letters: text with them always needs the pattern."""
    return holds_any(text.lower(), stems) or "ı" in text or "İ" in text or "ſ" in text


def words_of(text: str) -> list[str]:
    """The words of ``text``, lowercased, punctuation and possessives dropped
    ("Teachers'" -> "teachers", "union's" -> "union")."""
    words: list[str] = []
    for w in text.lower().split():
        w = w.strip(_AROUND)
        if w:
            # ends with "'s" or "’s"
            if w[-1] == "s" and len(w) >= 2 and (w[-2] == "'" or w[-2] == "’"):
                w = w[:-2]
            words.append(w)
    return words


class Words:
    """The words of a text, lowercased, and where each word and each pair of
    neighbouring words first appears."""

    __slots__ = ("_pairs", "first_at", "words")

    def __init__(self, text: str):
        self.words = words = words_of(text)
        self.first_at: dict[str, int] = {words[i]: i for i in range(len(words) - 1, -1, -1)}
        self._pairs: dict[str, int] | None = None

    @property
    def pair_at(self) -> dict[str, int]:
        if self._pairs is None:
            w = self.words
            self._pairs = {f"{w[i]} {w[i + 1]}": i for i in range(len(w) - 2, -1, -1)}
        return self._pairs

    def phrase_at(self, i: int, length: int) -> str:
        return " ".join(self.words[i : i + length])


class WordList:
    """A word list that answers whole-word lookups in ``Words``."""

    __slots__ = ("firsts", "long_starts", "longer", "pairs", "singles", "words")

    def __init__(self, words: Iterable[str]):
        singles: set[str] = set()
        pairs: set[str] = set()
        longer: set[str] = set()
        for w in words:
            ws = words_of(w)
            (singles if len(ws) <= 1 else pairs if len(ws) == 2 else longer).add(" ".join(ws))
        self.singles = frozenset(singles)
        self.pairs = frozenset(pairs)
        self.longer = frozenset(longer)
        self.words = self.singles | self.pairs | self.longer
        self.long_starts = frozenset(" ".join(w.split()[:2]) for w in longer)
        self.firsts = frozenset(w.split()[0] for w in pairs | longer)  # of the phrases

    def hits(self, text: Words) -> list[tuple[str, int]]:
        """The (word or phrase, first word index) of the list in the text, unordered."""
        singles = self.singles
        firsts = self.firsts
        found: list[tuple[str, int]] = []
        phrase_may_start = False
        for w, i in text.first_at.items():
            if w in singles:
                found.append((w, i))
            if not phrase_may_start and w in firsts:
                phrase_may_start = True
        if phrase_may_start:
            own_pairs = self.pairs
            long_starts = self.long_starts
            longer = self.longer
            for pair, j in text.pair_at.items():
                if pair in own_pairs:
                    found.append((pair, j))
                if pair in long_starts:
                    for length in range(LONGEST_PHRASE, 2, -1):
                        phrase = text.phrase_at(j, length)
                        if phrase in longer:
                            found.append((phrase, j))
                            break
        return found

    def first(self, text: Words) -> tuple[str, int] | None:
        """The earliest (word or phrase, word index) of the list in the text,
        the longest of those starting at the same word."""
        found = self.hits(text)
        if not found:
            return None
        return min(found, key=lambda x: (x[1], -len(x[0]))) if len(found) > 1 else found[0]

    def __contains__(self, word: str) -> bool:
        return word in self.words


class Tagger:
    """Several word lists at once: one pass over a text's words gives, for each
    list, where its words and phrases occur (in order; at the same word the
    longer phrase first)."""

    __slots__ = ("index", "longest", "starts")

    def __init__(self, lists: dict[str, Iterable[str]]):
        self.index: dict[str, list[str]] = {}
        for tag, words in lists.items():
            for w in words:
                tags = self.index.setdefault(" ".join(words_of(w)), [])
                if tag not in tags:
                    tags.append(tag)
        phrases = [k for k in self.index if " " in k]
        self.starts = frozenset(k.split()[0] for k in phrases)
        self.longest = max((k.count(" ") + 1 for k in phrases), default=1)

    def tag(self, words: list[str]) -> dict[str, list[tuple[str, int]]]:
        """list name -> [(word or phrase, word index), ...] for the lists found."""
        found: dict[str, list[tuple[str, int]]] = {}
        index = self.index
        starts = self.starts
        longest = self.longest
        n = len(words)
        for i in range(n):
            w = words[i]
            if w in starts:
                for length in range(min(longest, n - i), 1, -1):
                    phrase = " ".join(words[i : i + length])
                    tags = index.get(phrase)
                    if tags:
                        for t in tags:
                            _add(found, t, (phrase, i))
                        break
            tags = index.get(w)
            if tags:
                for t in tags:
                    _add(found, t, (w, i))
        return found


def _add(found: dict[str, list[tuple[str, int]]], tag: str, hit: tuple[str, int]) -> None:
    """Append ``hit`` to the list of ``tag`` in ``found``, starting it when new."""
    hits = found.get(tag)
    if hits is None:
        found[tag] = [hit]
    else:
        hits.append(hit)
