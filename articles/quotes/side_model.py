"""A learned second opinion on a speaker's side where the rules' evidence is
weak: the features the sides stage reads, and a multinomial logistic
regression over them.

Takes what ``sides`` has for one speaking entity (the entity, its quotes and
mentions, the article's cast, the dispute, and the rules' own side and
evidence); gives, through ``revise`` (the hook ``sides.speaker_sides`` calls),
the speaker's side: the rules' side when their evidence is a description or a
known body, the model's most probable side when the rules found nothing, only
the speaker's own words or an organisation read by default
(``WEAK_READINGS``). Held out set by set on the nine side-labelled gold sets,
the model beats the rules' recorded first runs on every set, and the rules
with this gate beat the rules alone (``benchmarks/sides_model.py`` prints the
figures); the gate keeps the cost to the few speakers it reads.

The weights are one data file, ``data/side_weights.json``, written by
``benchmarks/sides_model.py --write`` from the nine sets and read once, on
first use. Features, all strings (a feature is present or not):

* the rules' side and the kind of evidence that decided it ("described as",
  "speaks for", an organisation's reading: "a union or labour body", "the
  employer in this dispute", ...), and the side each description alone gives;
* the descriptions' words and word pairs, with the dispute's employer and
  unions written as "ORG_EMPLOYER" and "ORG_LABOR", so that "Kaiser" in one
  article and "Aceros" in another are the same word;
* which of the lexicon's lists the descriptions' words are in (management,
  government, worker, ...), the speaker's kind, and facts about the dispute
  (a public or private employer, the employer or a union named);
* for an organisation, the words of its name and how the reporter describes it;
* the speaker's own words: "our members", "our employees" and a few pronouns.

Plain Python: no Django and no numeric library.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Final

from . import sides  # the sides stage's readings; it does not import this module

if TYPE_CHECKING:
    from .attribution import Attribution
    from .dispute import Dispute
    from .entities import Cast, Entity
    from .mentions import Mention

# Found through the package, not ``__file__``: compiled (scripts/compile_extractor.py),
# this module's ``__file__`` names its extension file, not where the data lies.
WEIGHTS: Final = Path(str(files("articles.quotes"))) / "data" / "side_weights.json"

_WORD_RE: Final = re.compile(r"[a-z][a-z’'\-]*|org_[a-z]+|\d+")
# The speaker's own words that say whom they speak for.
_SPEECH_WORDS: Final = frozenset(
    "we our us i my they their members union workers employees staff company management "
    "customers patients students government ministry city".split()
)


# The rules' readings the model may overrule: none at all, the speaker's own
# words, and an organisation read by default (a company that speaks in a
# dispute taken for the employer, any other group for the community). A
# description or a known body outweighs the model; and reading the features
# for every speaker would slow the pipeline by half.
WEAK_READINGS: Final = frozenset(
    {
        "none",
        "own words",
        "organisation",
        "organisation: a company",
        "organisation: speaking for management in a dispute",
    }
)


def reading(rule: tuple[str, tuple[str, ...]], name: str) -> str:
    """What kind of evidence decided the rules' side: "none", "described as",
    "speaks for", "own words", or "organisation: " and how the organisation
    was read ("organisation: a union or labour body"; "organisation" alone for
    the default reading)."""
    if rule[0] == "unknown" or not rule[1]:
        return "none"
    head, _, rest = rule[1][0].partition(":")
    if head != "organisation":
        return head
    tail = rest.strip()
    if tail.startswith(name):
        tail = tail[len(name) :].strip(" ,")
    return f"organisation: {tail}" if tail else "organisation"


def _evidence_kind(evidence: tuple[str, ...], name: str) -> list[str]:
    """The kind of each piece of the rules' evidence: "described as", "speaks
    for", an organisation's reading without its name ("a union or labour body")."""
    out = []
    for ev in evidence:
        head, _, rest = ev.partition(":")
        out.append(f"ev={head}")
        if head == "organisation":
            tail = rest.strip()
            if tail.startswith(name):
                tail = tail[len(name) :]
            out.append(f"orgev={tail.strip(' ,')}")
    return out


def _sided(text: str, dispute: Dispute) -> str:
    """``text`` with the names of the dispute's employer and unions written as
    "ORG_EMPLOYER" and "ORG_LABOR"."""
    for names, side in ((dispute.employers, "EMPLOYER"), (dispute.unions, "LABOR")):
        for form in names:
            if form and form in text:
                text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", f" ORG_{side} ", text)
    return text


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _bag(prefix: str, words: list[str], out: set[str]) -> None:
    for i, w in enumerate(words):
        out.add(f"{prefix}w:{w}")
        if i:
            out.add(f"{prefix}b:{words[i - 1]}_{w}")


def features(
    e: Entity,
    quotes: list[Attribution],
    mentions: list[Mention],
    cast: Cast,
    dispute: Dispute,
    rule: tuple[str, tuple[str, ...]],
) -> list[str]:
    """The features of one speaking entity (sorted, each once)."""
    return _read(e, quotes, mentions, cast, dispute, rule)[0]


def _read(
    e: Entity,
    quotes: list[Attribution],
    mentions: list[Mention],
    cast: Cast,
    dispute: Dispute,
    rule: tuple[str, tuple[str, ...]],
) -> tuple[list[str], list[str]]:
    """(features, the descriptions they were read from)."""
    out: set[str] = {f"kind={e.kind}", f"rule={rule[0]}"}
    kinds = _evidence_kind(rule[1], e.canonical)
    out.update(kinds)
    out.update(f"{k}|rule={rule[0]}" for k in kinds)
    if not rule[1]:
        out.add("ev=none")
    if dispute.public_employer:
        out.add("dispute=public")
    if dispute.private_employer:
        out.add("dispute=private")
    if not dispute.about_a_dispute:
        out.add("dispute=none")
    if e.kind == "organization":
        _bag("n", _words(e.canonical), out)
        body = sides.described_body(cast, e)
        if body:
            out.add(f"body={body}")
        descs = [e.description] if e.description else []
        descs += list(sides._contexts(mentions, cast))
    else:
        descs = list(sides._descriptions(e, quotes, mentions))
        descs += list(sides._contexts(mentions, cast))
        if e.title:
            out.add("has=title")
        if e.description:
            out.add("has=description")
    if not descs:
        out.add("descs=0")
    for k, desc in enumerate(descs):
        found = sides._classify(desc, dispute)
        if found:
            out.add(f"desc={found[0]}{'' if found[1] else '~'}")
            if k == 0:
                out.add(f"desc0={found[0]}")
        low = " ".join(desc.lower().replace("\x1f", " ").split())
        words, tags = sides._tagged(low, dispute)
        for tag in tags:
            out.add(f"tag={tag}")
        if dispute.named_in("employer", words):
            out.add("names=employer")
        if dispute.named_in("unions", words):
            out.add("names=union")
        _bag("", _words(_sided(desc, dispute)), out)
    said = " ".join(w.text for w in quotes)
    if sides._LABOR_SPEECH_RE.search(said):
        out.add("said=labor")
    if sides._EMPLOYER_SPEECH_RE.search(said):
        out.add("said=employer")
    out.update(f"q:{w}" for w in _SPEECH_WORDS.intersection(_words(said)))
    return sorted(out), descs


def choose(
    rule: tuple[str, tuple[str, ...]], name: str, feats: list[str], probs: dict[str, float]
) -> str:
    """The side ``revise`` gives from the rules' side, the speaker's features
    and the model's probabilities: the model's most probable side where the
    rules' evidence is weak, the article covers a dispute (the model learned
    on strike stories only) and it says something of the speaker (a person
    with no description is left to the rules: there is nothing to learn
    from), else the rules'."""
    if (
        reading(rule, name) not in WEAK_READINGS
        or "dispute=none" in feats
        or ("descs=0" in feats and "kind=person" in feats)
    ):
        return rule[0]
    return max(probs, key=probs.__getitem__)


def revise(
    rule: tuple[str, tuple[str, ...]],
    e: Entity,
    quotes: list[Attribution],
    mentions: list[Mention],
    cast: Cast,
    dispute: Dispute,
) -> tuple[str, tuple[str, ...]]:
    """The speaker's side: the rules' when their evidence is not among
    ``WEAK_READINGS`` or the article covers no dispute, else ``choose``'s
    (with the rules' evidence when they agree; when not, evidence saying the
    side was learned, and from which description)."""
    if reading(rule, e.canonical) not in WEAK_READINGS or not dispute.about_a_dispute:
        return rule
    feats, descs = _read(e, quotes, mentions, cast, dispute, rule)
    probs = load().probabilities(feats)
    side = choose(rule, e.canonical, feats, probs)
    if side == rule[0]:
        return rule
    evidence = [f"learned: {probs[side]:.0%} likely from how the article describes them"]
    if descs:
        evidence.append(f"described as: {sides._shorten(descs[0])}")
    return side, tuple(evidence)


class SideModel:
    """A multinomial logistic regression: a weight per (feature, side) and a
    bias per side; the probability of a side is the softmax of the sums."""

    def __init__(self, sides: Iterable[str], bias: list[float], weights: dict[str, list[float]]):
        self.sides = tuple(sides)
        self.bias = bias
        self.weights = weights

    @classmethod
    def from_json(cls, data: dict) -> SideModel:
        return cls(data["sides"], data["bias"], data["weights"])

    def scores(self, feats: Iterable[str]) -> list[float]:
        total = list(self.bias)
        weights = self.weights
        n = len(total)
        for f in feats:
            w = weights.get(f)
            if w is not None:
                for k in range(n):
                    total[k] += w[k]
        return total

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        s = self.scores(feats)
        top = max(s)
        exp = [math.exp(x - top) for x in s]
        z = sum(exp)
        return {side: v / z for side, v in zip(self.sides, exp, strict=True)}


@lru_cache(maxsize=1)
def load() -> SideModel:
    """The model of ``WEIGHTS`` (read once)."""
    return SideModel.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))
