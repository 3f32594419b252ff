"""Quote extraction for StrikeWatch: plain Python, no Django.

``extract_quotes(paragraphs, *, employers=(), unions=(), outlet="")`` finds
each direct quotation of an article once, repairs scraping damage in its
marks, attributes it to a person or an organisation (or leaves it
unattributed) with the rule that decided it and a confidence, and places the
speaker on a side of the dispute with the evidence for it. ``infer_side``
classifies a name and description alone; ``combine_sides`` merges one
speaker's sides across articles (for the archive's person pages).

The pipeline (``extract``) runs these stages, each a module whose docstring
says what it takes and gives:

* ``marks`` (quotation marks, repair, multi-paragraph joins) and
  ``sentences`` (the narrative masked, split into sentences, lowercased);
* 1 ``mentions``: name runs with their evidence (titles, appositives, gender
  cues, organisation words); 2 ``entities``: mentions merged into who is who
  (with ``genders``); 3 ``cues`` and ``phrases``: speech verbs and frames,
  reported speech, the speaker phrase; 4 ``attribution``: each quote to an
  entity (through ``coreference``, ``roles``, ``organisations``) and whether
  it is a full quotation, a fragment or no quote (``fragments``); 5
  ``dispute`` and ``sides``: the dispute's parties and each speaker's side.

Data: ``lexicon`` (every word list, once) and ``given_names``; ``names`` (the
one person-name test of the text pipeline, ``looks_like_person``),
``vocabulary`` (whole-word lookups) and ``memo`` (bounded memos) are shared
helpers.

Compiled: ``make compile`` (``scripts/compile_extractor.py``) turns every
module but this one into a C extension with mypyc, which Python loads in
place of the source. This module stays source so that it can refuse, before
anything else is imported, compiled modules older than their sources: an edit
made since the last build would otherwise silently not run.
"""

from pathlib import Path


def stale_compiled_modules(directory: Path) -> list[str]:
    """The sources in ``directory`` changed since their compiled module was built."""
    stale = []
    for compiled in directory.glob("*.so"):
        source = directory / (compiled.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > compiled.stat().st_mtime:
            stale.append(source.name)
    return sorted(stale)


if stale := stale_compiled_modules(Path(__file__).parent):
    raise ImportError(
        f"articles/quotes was compiled before {', '.join(stale)} changed: run `make compile` "
        "to rebuild it, or `.venv/bin/python scripts/compile_extractor.py --clean` to run the sources"
    )

from .extract import extract_quotes  # noqa: E402
from .finding import QuoteFinding  # noqa: E402
from .sides import SIDES, UNKNOWN, classify_description, combine_sides, infer_side  # noqa: E402

__all__ = [
    "SIDES",
    "UNKNOWN",
    "QuoteFinding",
    "classify_description",
    "combine_sides",
    "extract_quotes",
    "infer_side",
]
