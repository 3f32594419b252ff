"""Test helpers: load a seed article as the importer hands it to extract_quotes,
and pick findings out of what it returns.

Seeds are read from the project's ``seeds/`` folder and parsed by the project's
own parser (``articles.ingest.parse_article``), which drops the headline, page
furniture and the KCRA seed's run-together copy of the whole article, exactly
as an import does.
"""

from __future__ import annotations

from pathlib import Path

from articles.ingest import parse_article
from articles.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
KCRA = "000_f0e1a9b0e19c2c0c.txt"
BEE = "004_9100fbcd64272816.txt"


def load_seed(filename: str) -> list[str]:
    """The body paragraphs of a seed article, as the importer parses them."""
    return parse_article((SEEDS / filename).read_text(encoding="utf-8")).paragraphs


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
