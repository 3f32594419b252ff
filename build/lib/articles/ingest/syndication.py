"""
Recognising one story carried by several outlets (wire copy under another
headline, with its ending trimmed or a local paragraph added).

Takes an article's paragraphs (never its headline: copies retitle); gives

- ``shingles``: the set of its five-word sequences, words folded (case,
  accents, punctuation), so layout and typography do not matter;
- ``signature``: a MinHash of those shingles (datasketch) and its LSH band
  keys: two texts whose shingle sets overlap enough share a band key with
  high probability, so candidate copies are found with one indexed query
  instead of a comparison with every article;
- ``containment``: the share of the shorter text's shingles found in the
  other, computed exactly on a candidate. A trimmed copy is wholly contained
  in the full story (Jaccard similarity would count the trimmed ending
  against it); a follow-up that reuses a background paragraph or two, or
  another outlet's own story with the same quotes, is not.

The threshold was measured on ``benchmarks/gold/syndication`` (written
before this code) and the quote gold articles: ``benchmarks/syndication.py``
prints precision and recall at each threshold.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS, ROWS = 64, 2  # 128 = 64 × 2: a pair with Jaccard 0.2 shares a band with p ≈ 0.93
SEED = 20221215  # fixed: signatures stored in the database must stay comparable
# Shorter texts (a headline and a sentence) are not compared: too little to tell a copy.
MIN_SHINGLES = 20
# A candidate whose shorter text has at least this share of its shingles in the other
# is the same story (benchmarks/gold/syndication/README.md has the measurement).
SAME_STORY = 0.6

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    shingles: int  # how many distinct shingles the text has
    minhash: list  # PERMUTATIONS integers
    bands: list  # BANDS signed 64-bit keys


def words(paragraphs):
    folded = unicodedata.normalize("NFKD", "\n".join(paragraphs)).casefold()
    return [w for w in _WORD.findall(folded) if not unicodedata.combining(w[0])]


def shingles(paragraphs):
    tokens = words(paragraphs)
    return {
        " ".join(tokens[i : i + SHINGLE_WORDS]).encode()
        for i in range(max(len(tokens) - SHINGLE_WORDS + 1, 0))
    }


def signature(paragraphs):
    """The text's Signature, or None when it is too short to compare."""
    found = shingles(paragraphs)
    if len(found) < MIN_SHINGLES:
        return None
    # Imported here, not at the top: datasketch's package loads SciPy (for its LSH
    # classes, unused here), over a second that every web worker would pay at start.
    from datasketch import MinHash

    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update_batch(sorted(found))
    values = [int(v) for v in minhash.hashvalues]
    return Signature(len(found), values, band_keys(values))


def band_keys(values):
    keys = []
    for band in range(BANDS):
        rows = values[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(
            repr((band, rows)).encode(), digest_size=8, person=b"sw-lsh"
        ).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def containment(a, b):
    """Share of the smaller shingle set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def is_same_story(score):
    return score >= SAME_STORY
