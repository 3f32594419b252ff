"""Whole-word lookups of the lexicon's word lists in a piece of text.

Takes a word list (single words and phrases of a few words) and a text; gives
the first word or phrase of the list the text contains, as whole words. The
sides stage asks a dozen lists about every description, so the text is split
into words once (``Words``) and each list answers with set lookups instead of a
regular expression alternation of hundreds of words.
"""

from __future__ import annotations

from collections.abc import Iterable

# Punctuation around a word; a word is what whitespace separates.
_AROUND = ".,;:!?\"“”()[]'’‘—–-…/\x1f"
_POSSESSIVE = ("'s", "’s")
LONGEST_PHRASE = 4


def words_of(text: str) -> list[str]:
    """The words of ``text``, lowercased, punctuation and possessives dropped
    ("Teachers'" -> "teachers", "union's" -> "union")."""
    words = [w.strip(_AROUND) for w in text.lower().split()]
    return [w[:-2] if w.endswith(_POSSESSIVE) else w for w in words if w]


class Words:
    """The words of a text, lowercased, and where each first appears."""

    __slots__ = ("first_at", "words")

    def __init__(self, text: str):
        self.words = words = words_of(text)
        self.first_at: dict[str, int] = {words[i]: i for i in range(len(words) - 1, -1, -1)}

    def phrase_at(self, i: int, length: int) -> str:
        return " ".join(self.words[i : i + length])


class WordList:
    """A word list that answers whole-word lookups in ``Words``."""

    __slots__ = ("phrase_starts", "phrases", "singles", "words")

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(" ".join(words_of(w)) for w in words)
        self.singles = frozenset(w for w in self.words if " " not in w)
        self.phrases = frozenset(w for w in self.words if " " in w)
        self.phrase_starts = frozenset(w.split()[0] for w in self.phrases)

    def _phrases(self, text: Words) -> list[tuple[str, int]]:
        found = []
        starts = self.phrase_starts.intersection(text.first_at)
        if starts:
            for i, w in enumerate(text.words):
                if w in starts:
                    for length in range(LONGEST_PHRASE, 1, -1):
                        phrase = text.phrase_at(i, length)
                        if phrase in self.phrases:
                            found.append((phrase, i))
                            break
        return found

    def all(self, text: Words) -> list[tuple[str, int]]:
        """Every (word or phrase, first word index) of the list in the text, in order."""
        at = text.first_at
        found = [(w, at[w]) for w in self.singles.intersection(at)] + self._phrases(text)
        found.sort(key=lambda x: (x[1], -len(x[0])))
        return found

    def first(self, text: Words) -> tuple[str, int] | None:
        """The earliest (word or phrase, word index) of the list in the text,
        the longest of those starting at the same word."""
        at = text.first_at
        hits = self.singles.intersection(at)
        best = min(((w, at[w]) for w in hits), key=lambda x: x[1]) if hits else None
        for phrase, i in self._phrases(text) if self.phrases else ():
            if best is None or i <= best[1]:
                best = (phrase, i)
                break
        return best

    def __contains__(self, word: str) -> bool:
        return word in self.words
