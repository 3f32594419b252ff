"""Test helpers: load a seed article as the importer would hand it to extract_quotes,
and pick findings out of what it returns.

The importer drops the headline, the KCRA seed's run-together copy of the whole
article (its first body paragraph) and page furniture before calling
extract_quotes; this helper does the same by the paragraphs' text.
"""

from __future__ import annotations

import re
from pathlib import Path

from articles.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[3]
SEED_DIRS = (ROOT / "seeds", Path("/work/shared/seeds"))
GOLD = ROOT / "benchmarks" / "gold" / "quotes"
KCRA = "000_f0e1a9b0e19c2c0c.txt"
BEE = "004_9100fbcd64272816.txt"
FURNITURE = (
    "| Video Below |",
    "Related Stories from",
    "Profile photo of",
    "Leave a Reply",
    "Your email address will not be published",
    "This story was originally published",
    "covers healthcare for The Bee",
)


def split_article(raw: str) -> list[str]:
    """Body paragraphs (headline dropped) of a seed-format article."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    return blocks[1:]


def load_seed(filename: str) -> list[str]:
    for d in SEED_DIRS:
        path = d / filename
        if path.exists():
            body = split_article(path.read_text(encoding="utf-8"))
            if body and len(body[0]) > 2000:
                body = body[1:]  # the run-together copy of the whole article
            return [p for p in body if not any(f in p for f in FURNITURE)]
    # Fall back to the cleaned copies kept with the benchmark's gold set.
    gold = {KCRA: "seed_kcra.txt", BEE: "seed_bee.txt"}[filename]
    return split_article((GOLD / gold).read_text(encoding="utf-8"))


def by_text(findings, prefix: str):
    """The one finding whose text starts with prefix."""
    hits = [f for f in findings if f.text.startswith(prefix)]
    assert len(hits) == 1, (prefix, [f.text[:40] for f in findings])
    return hits[0]


def speakers(paragraphs):
    """(text, speaker's name) of every quote ``extract_quotes`` finds, in order."""
    return [(f.text, f.speaker_name) for f in extract_quotes(paragraphs)]


def only(paragraphs):
    """The one quote ``extract_quotes`` finds (the test fails if it finds more or none)."""
    (finding,) = extract_quotes(paragraphs)
    return finding


def quote_by(paragraphs, prefix):
    """The one quote found whose text starts with ``prefix``."""
    return by_text(extract_quotes(paragraphs), prefix)


def speaker_of(paragraphs, prefix):
    """The speaker's name of the first quote found whose text starts with ``prefix``."""
    for finding in extract_quotes(paragraphs):
        if finding.text.startswith(prefix):
            return finding.speaker_name
    raise AssertionError(f"no quote starting {prefix!r}")
