"""
How text becomes search terms, and how matches are marked in snippets.

Plain Python (Whoosh's analysis pipeline, no Django): the Whoosh index, the
query compilers of both backends and the snippet highlighter all use these
functions, so "what counts as the same word" is decided in one place.

Words are case- and accent-folded ("Améric" == "americ") and, for running
text, stemmed with the Snowball English stemmer (the same algorithm as
PostgreSQL's ``english_stem``), so "therapists" finds "therapist". Names are
folded but not stemmed: "Wells" must not become "well".
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.support.charset import accent_map

# Whoosh's default token pattern: words, keeping dotted abbreviations ("U.S.") together.
TOKEN_PATTERN = r"\w+(\.?\w+)*"

TEXT_ANALYZER = (
    RegexTokenizer(TOKEN_PATTERN)
    | LowercaseFilter()
    | CharsetFilter(accent_map)
    | StemFilter(lang="en", cachesize=100_000)
)
NAME_ANALYZER = RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)

# One character in, one character out: keeps offsets valid while folding for highlighting.
_FOLD_ONE_TO_ONE = {code: target for code, target in accent_map.items() if len(target) == 1}
_WORD = re.compile(r"\w+")


def fold(text):
    """Lower-case ``text`` and strip accents, keeping its length (so offsets still point into it)."""
    if text.isascii():
        return text.lower()
    folded = text.lower().translate(_FOLD_ONE_TO_ONE)
    if len(folded) != len(text):  # a few letters lower-case to two ("İ"): go letter by letter
        folded = "".join(
            lowered if len(lowered := char.lower()) == 1 else char for char in text
        ).translate(_FOLD_ONE_TO_ONE)
    return folded


def text_terms(text):
    """The stemmed, folded terms running text is indexed under."""
    return [token.text for token in TEXT_ANALYZER(text)]


def name_terms(text):
    """The folded (unstemmed) terms a name is indexed under."""
    return [token.text for token in NAME_ANALYZER(text)]


@lru_cache(maxsize=50_000)
def stem_word(word):
    """The indexed form of one word (cached: highlighting asks for the same words often)."""
    terms = text_terms(word)
    return terms[0] if len(terms) == 1 else None


# A ``speaker:`` word also finds the names spelled within a few edits of it, the
# first letter kept: "McAlevy" finds "McAlevey", "Petrvo" finds "Petrov". Both
# backends apply this rule (``similar_names``), so they find the same quotes.
SPEAKER_MIN_FUZZY_CHARS = 4
MAX_EXPANSION = 300  # terms a prefix or a fuzzy name may stand for


def speaker_edit_distance(term):
    """How many edits a ``speaker:`` word may be from a name it finds (0: exact only)."""
    if len(term) < SPEAKER_MIN_FUZZY_CHARS:
        return 0
    return 1 if len(term) < 7 else 2


def within_edits(word, other, limit):
    """
    Whether ``other`` is at most ``limit`` edits from ``word``: a letter
    added, dropped or changed, or two neighbouring letters swapped (the
    optimal-string-alignment Damerau-Levenshtein distance, which is what
    Whoosh's ``terms_within`` finds).
    """
    if abs(len(word) - len(other)) > limit:
        return False
    before, previous = None, list(range(len(other) + 1))
    for i in range(1, len(word) + 1):
        current = [i] + [0] * len(other)
        for j in range(1, len(other) + 1):
            cost = word[i - 1] != other[j - 1]
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and word[i - 1] == other[j - 2] and word[i - 2] == other[j - 1]:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return False
        before, previous = previous, current
    return previous[-1] <= limit


def similar_names(word, candidates):
    """
    The ``candidates`` (a speaker field's words) that a ``speaker:`` word also
    finds: the same first letter, within ``speaker_edit_distance(word)``
    edits, ``word`` itself left out; at most ``MAX_EXPANSION``, in order.
    """
    limit = speaker_edit_distance(word)
    if not limit:
        return []
    found = sorted(
        {c for c in candidates if c[:1] == word[:1] and c != word and within_edits(word, c, limit)}
    )
    return found[:MAX_EXPANSION]


def plain_words(text):
    """The words of ``text`` with every operator and punctuation mark dropped."""
    return _WORD.findall(text)


# Snippets ------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A piece of a snippet; ``mark`` says whether it matched the query."""

    text: str
    mark: bool = False


@dataclass(frozen=True)
class Highlighter:
    """
    Marks the words of a text that the query matched: words whose stem is one
    of ``stems``, or that start with one of ``prefixes`` (both already folded).

    Snippets are lists of ``Part`` so templates escape every piece themselves;
    nothing here produces HTML.
    """

    stems: frozenset = frozenset()
    prefixes: tuple = ()

    @property
    def _candidates(self):
        # Stems are (nearly) prefixes of the words they come from: "therapi" <- "therapy".
        heads = {stem[: max(3, len(stem) - 1)] for stem in self.stems if stem}
        heads.update(p for p in self.prefixes if p)
        if not heads:
            return None
        alternatives = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
        return re.compile(rf"\b(?:{alternatives})\w*")

    def spans(self, text):
        """(start, end) of every matching word in ``text``."""
        pattern = self._candidates
        if pattern is None:
            return []
        folded = fold(text)
        found = []
        for match in pattern.finditer(folded):
            word = match.group()
            if word.startswith(self.prefixes) if self.prefixes else False:
                found.append(match.span())
            elif stem_word(word) in self.stems:
                found.append(match.span())
        return found

    def parts(self, text, *, max_chars=None):
        """
        ``text`` split into marked and unmarked parts. With ``max_chars``, the
        window of that size holding the most matches, cut at word boundaries,
        with an ellipsis where text was left out.
        """
        spans = self.spans(text)
        start, end = 0, len(text)
        if max_chars and len(text) > max_chars:
            start, end = _best_window(text, spans, max_chars)
        parts = []
        if start > 0:
            parts.append(Part("… "))
        position = start
        for span_start, span_end in spans:
            if span_end <= start or span_start >= end:
                continue
            span_start, span_end = max(span_start, start), min(span_end, end)
            if span_start > position:
                parts.append(Part(text[position:span_start]))
            parts.append(Part(text[span_start:span_end], mark=True))
            position = span_end
        if position < end:
            parts.append(Part(text[position:end]))
        if end < len(text):
            parts.append(Part(" …"))
        return parts


def _best_window(text, spans, size):
    """The [start, end) of about ``size`` characters with the most matches, on word boundaries."""
    best_start, best_count = 0, -1
    for index, (span_start, _end) in enumerate(spans):
        count = sum(1 for other_start, other_end in spans[index:] if other_end <= span_start + size)
        if count > best_count:
            best_start, best_count = span_start, count
    if best_count > 0:
        # Some context before the first match, but start on a word.
        best_start = max(0, best_start - size // 4)
    else:
        best_start = 0
    end = min(len(text), best_start + size)
    if best_start > 0:
        space = text.find(" ", best_start)
        if space != -1 and space < best_start + 30:
            best_start = space + 1
    if end < len(text):
        space = text.rfind(" ", best_start, end)
        if space > best_start + size // 2:
            end = space
    return best_start, end


def parts_text(parts):
    """A snippet as plain text (for CSV and JSON)."""
    return "".join(part.text for part in parts)


def strip_control_characters(text):
    """``text`` with control and format characters (NUL, BiDi overrides...) turned into spaces."""
    return "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co"} or char == "\ufffd" else char
        for char in text
    )
