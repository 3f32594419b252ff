"""
What stays the same between two versions of a story: whether two texts are
one story, and which quote of a new version continues which quote of the old.

Takes headlines, URLs, paragraphs and quotes as plain values; gives keys to
compare them by (``headline_key``, ``url_key``), how much text two versions
share (``shared_text``) and the pairs of quotes that are one quote
(``pair_quotes``) or where an old quote's words went (``successor``). The
importer decides with these whether a file is an article already in the
archive (``articles.importer.find_same_story``); quote sync with these keeps
a quote's id, and so its URL, through corrections and re-extraction.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from rapidfuzz import fuzz

# Two versions share "most of their text" from this share of word runs on (a corrected
# number or name leaves far more); "little" below the second (different stories on one
# strike share phrases such as "the union said", never whole runs of sentences).
MOST_OF_THE_TEXT = 0.6
LITTLE_OF_THE_TEXT = 0.3
SHINGLE_WORDS = 4
# A quote continues an old one when its words are nearly the same (rapidfuzz ratio, 0-100),
# from the same speaker and in a paragraph near the old one; the very same words may move
# anywhere and change speaker (an edit elsewhere can change who the text credits).
NEARLY_THE_SAME_WORDS = 85
NEARBY_PARAGRAPHS = 3
# An old quote's words within a new quote (merged) or a new quote's within the old (split).
SUCCESSOR_OVERLAP = 90
SUCCESSOR_MIN_CHARS = 20
# Query parameters that track a reader, not name a page.
TRACKING_PARAMETERS = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_[ce]id|cmpid|ref|taid|smid)$")


# Every combining mark is at U+0300 or beyond: only those characters are looked up.
_BEYOND_MARKS = re.compile("[\u0300-\U0010ffff]")


def _unmarked(match):
    return "" if unicodedata.combining(match.group()) else match.group()


def _words(text):
    folded = unicodedata.normalize("NFKD", text or "").casefold()
    return re.findall(r"[^\W_]+", _BEYOND_MARKS.sub(_unmarked, folded))


def headline_key(headline):
    """Headlines that differ only in case, accents, punctuation or spacing share a key."""
    return " ".join(_words(headline))


def url_key(url):
    """
    One key for the addresses of one page: scheme, "www.", a trailing slash,
    the fragment and tracking parameters do not matter. "" for no URL.
    """
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = urlencode(
        sorted(
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING_PARAMETERS.match(key)
        )
    )
    return f"{host}{path}" + (f"?{query}" if query else "")


def url_variants(url):
    """
    The ways one page's address is commonly written (http or https, with or
    without "www." and a trailing slash, with or without tracking parameters),
    for looking it up by equality; ``url_key`` decides.
    """
    parts = urlsplit((url or "").strip())
    host = (parts.netloc or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    queries = {parts.query, url_key(url).partition("?")[2]}
    return sorted(
        f"{scheme}://{prefix}{host}{path}{slash}" + (f"?{query}" if query else "")
        for scheme in ("https", "http")
        for prefix in ("", "www.")
        for slash in ("", "/")
        for query in queries
    )


def _shingles(paragraphs):
    return _text_shingles(tuple(paragraphs))


# A story is compared with many (a batch's files with the same candidates): each text's
# shingles are made once.
@functools.lru_cache(maxsize=2048)
def _text_shingles(paragraphs):
    words = _words(" ".join(paragraphs))
    if len(words) < SHINGLE_WORDS:
        return frozenset({tuple(words)} if words else ())
    return frozenset(
        tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def shared_text(paragraphs, other_paragraphs):
    """
    How much of the shorter text the longer one also has, from 0 to 1: the
    share of its runs of four words found in the other.
    """
    mine, theirs = _shingles(paragraphs), _shingles(other_paragraphs)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / min(len(mine), len(theirs))


@dataclass(frozen=True)
class QuoteVersion:
    """A quote as matching needs it: its words, paragraph (from 1) and speaker (any key, or None)."""

    text: str
    paragraph: int
    speaker: object = None


def _likeness(old, new):
    old_words, new_words = " ".join(_words(old.text)), " ".join(_words(new.text))
    if old_words == new_words:
        return 100.0
    if old.speaker is not None and new.speaker is not None and old.speaker != new.speaker:
        return 0.0
    if abs(old.paragraph - new.paragraph) > NEARBY_PARAGRAPHS:
        return 0.0
    return fuzz.ratio(old_words, new_words)


def pair_quotes(old, new):
    """
    Which new quote continues which old one: a list of (old index, new index),
    each quote in at most one pair. Likeliest first: the same words, then the
    nearest in wording, the same speaker and the nearest paragraph.
    """
    candidates = []
    for i, before in enumerate(old):
        for j, after in enumerate(new):
            score = _likeness(before, after)
            if score >= NEARLY_THE_SAME_WORDS:
                same_speaker = before.speaker == after.speaker
                distance = abs(before.paragraph - after.paragraph)
                candidates.append((-score, not same_speaker, distance, i, j))
    pairs, taken_old, taken_new = [], set(), set()
    for *_, i, j in sorted(candidates):
        if i not in taken_old and j not in taken_new:
            pairs.append((i, j))
            taken_old.add(i)
            taken_new.add(j)
    return sorted(pairs)


def successor(old, new):
    """
    The index of the quote in ``new`` an old quote went into when it was split
    or merged (one holds the other's words), or None: the one sharing most.
    """
    old_words = " ".join(_words(old.text))
    best, best_share = None, 0
    for j, after in enumerate(new):
        new_words = " ".join(_words(after.text))
        shorter = min(old_words, new_words, key=len)
        if len(shorter) < SUCCESSOR_MIN_CHARS:
            continue
        if (
            fuzz.partial_ratio(old_words, new_words) >= SUCCESSOR_OVERLAP
            and len(shorter) > best_share
        ):
            best, best_share = j, len(shorter)
    return best
