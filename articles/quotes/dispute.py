"""The dispute an article covers: its employer, its unions and the striking workers' trade.

Takes the article's ``entities.Cast`` and, when the caller knows them, the
strike's employer and union names and the outlet; gives a ``Dispute``. The
text decides what the caller does not give: every union is a union; the
employer is the organisation most often tied to the strikers ("workers at X",
"teachers in the X district", "X nurses", "X's offer", "a strike against X";
a company before a public body, and never an outlet: "(KNWT)", "told The
Associated Press"), else the most mentioned company; a city whose workers
strike ("Brantwood's outside workers") is a public employer. The striking
trade is the workers named in the sentences about the strike ("Hundreds of
nurses and midwives ... walked off the job").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import (
    CORPORATE_SUFFIXES,
    EXPERT_BODY_WORDS,
    GOVERNMENT_WORDS,
    LABOR_WORDS,
    MEDIA_WORDS,
    ORG_FOLLOWERS,
    UNION_ACRONYMS,
    UNION_NAMES,
    WORKER_WORDS,
    alternation,
)
from .names import is_org_word, is_union_name, norm

if TYPE_CHECKING:
    from .entities import Cast, Entity


def words_re(words) -> re.Pattern:
    """Whole words or phrases of ``words`` (lowercase text)."""
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])")


LABOR_RE = words_re(LABOR_WORDS | {w.lower() for w in UNION_ACRONYMS} | UNION_NAMES)
GOVERNMENT_RE = words_re(GOVERNMENT_WORDS)
EXPERT_BODY_RE = words_re(EXPERT_BODY_WORDS)
WORKER_RE = words_re(WORKER_WORDS)
# Strikers who work for a public body: "city workers", "Brantwood's outside workers".
_PUBLIC_WORKFORCE_RE = re.compile(
    r"\b(?:city|municipal|council|county|town|state|public[- ]sector|civil[- ]service|federal|"
    r"outside|inside)\s+(?:workers|employees|staff)\b|\b(?:workers|employees|staff)\s+(?:for|of)\s+"
    r"the\s+(?:city|county|council|state|town|municipality)\b",
    re.I,
)
_PUBLIC_BODY_RE = re.compile(
    r"\b(?:department|ministry|agency|council|commission|authority|board|office|"
    r"administration|bureau|service|city of|county|state of|district|police|court)\b"
)

_STRIKE_RE = re.compile(
    r"\b(?:strik(?:e|es|ing|ers?)|struck|walk(?:ed)? ?out|walk(?:ed)? off|picket\w*|lockout|"
    r"locked out|industrial action|work stoppage|union)\b",
    re.I,
)
# Ties of an organisation to the strikers: "nurses at four X hospitals", "a
# strike against X", "X workers", "X's offer".
_TALKS_WITH_RE = re.compile(
    r"\b(?:contract|negotiations|talks|offer|bargaining|dispute)\b[^.;\x1f]{0,30}\b(?:with|from|of)\s+"
    r"(?:[\w\-]+\s+){0,2}$",
    re.I,
)
_TIE_BEFORE_RE = re.compile(
    rf"\b(?:strike|strikes|striking|walkout|picket\w*|lockout|members|\w*workers|"
    rf"{alternation(WORKER_WORDS)})\b"
    r"[^.;\x1f]{0,40}\b(?:at|in|against|for|by|of|from)\s+(?:[\w\-]+\s+){0,2}$",
    re.I,
)
_TIE_AFTER_RE = re.compile(
    rf"^(?:’s|'s)?\s+(?:[a-z\-]+\s+)?(?:{alternation(WORKER_WORDS | ORG_FOLLOWERS)}|"
    r"offer|proposal|contract|negotiators|hospitals|hotels|stores|plants|sites|depots|mines)\b"
)
_NOT_OCCUPATIONS = frozenset(
    "thousands hundreds dozens members others those workers employees unions talks plans "
    "threats days weeks months years times calls votes".split()
)


@dataclass(frozen=True, slots=True)
class Dispute:
    """The parties of the dispute an article covers, as the article names them."""

    employers: tuple[str, ...] = ()
    unions: tuple[str, ...] = ()
    outlet: str = ""
    occupations: frozenset[str] = frozenset()  # what the striking workers are: "nurse", "driver"
    about_a_dispute: bool = False
    public_employer: bool = False  # the employer is a city, district or other public body
    employer_ids: frozenset[int] = frozenset()  # the entities standing for the employer
    union_ids: frozenset[int] = frozenset()
    _names_re: dict = field(default_factory=dict, compare=False)

    def names_re(self, which: str) -> re.Pattern | None:
        """A pattern for the employer's or the union's names (lowercase text)."""
        if which not in self._names_re:
            names = {
                n.lower() for n in (self.employers if which == "employer" else self.unions) if n
            }
            self._names_re[which] = words_re(names) if names else None
        return self._names_re[which]


def find_dispute(
    cast: Cast, *, employers: Sequence[str] = (), unions: Sequence[str] = (), outlet: str = ""
) -> Dispute:
    """The dispute's parties: those given (the strike's employer and union), and
    those the text names — the organisation the strikers work for (the one
    most often tied to them: "workers at X", "X nurses", "X's offer", "a strike
    against X") and every union."""
    text = "\n".join(cast.masked)
    about = len(_STRIKE_RE.findall(text)) >= 2 or bool(employers or unions)
    occupations = _striking_occupations(text)
    outlet_low = outlet.lower()
    employer_ents: set[int] = set()
    union_ents: set[int] = set()
    names_e = [n for n in employers if n]
    names_u = [n for n in unions if n]
    given_e = {norm(n) for n in names_e}
    given_u = {norm(n) for n in names_u}
    ties: Counter[int] = Counter()
    uses: Counter[int] = Counter()
    by_id: dict[int, Entity] = {}
    for m in cast.mentions:
        e = m.entity
        if e.kind not in ("organization", "place"):
            continue
        by_id[id(e)] = e
        forms = {norm(f) for f in (e.name, *e.forms, *e.variants, e.acronym) if f}
        first = norm(e.tokens[0]) if e.tokens else ""
        if e.kind == "organization" and (forms & given_u or is_union(e)):
            union_ents.add(id(e))
            continue
        if forms & given_e or (first and first in {g.split()[0] for g in given_e}):
            employer_ents.add(id(e))
            continue
        if (outlet_low and norm(e.name) == norm(outlet)) or (
            e.addressed and e.addressed >= e.plain_uses
        ):
            continue
        para, base = m.para, cast.bases[m.para]
        mp = cast.masked[para]
        before = mp[max(0, m.pos - base - 80) : m.pos - base]
        after = mp[m.end - base : m.end - base + 40]
        if (before.endswith("(") and after.startswith(")")) or m.addressed:
            continue  # "(KNWT)", "(AP)", "told KNWT": the outlet
        uses[id(e)] += e.kind == "organization"
        if (
            _TIE_BEFORE_RE.search(before)
            or _TALKS_WITH_RE.search(before)
            or _TIE_AFTER_RE.match(after)
        ):
            ties[id(e)] += 1
    if not employer_ents and about:
        # The organisation most tied to the strikers, a company before a public
        # body, place or outlet; else the most mentioned company-like one.
        def score(k: int) -> tuple[int, int, int]:
            e = by_id[k]
            company = any(t.lower().rstrip(".,") in CORPORATE_SUFFIXES for t in e.tokens)
            # a facility ("Cedar Valley High School") is a workplace, its owner the employer
            weight = 3 * ties[k] + 2 * company + uses[k] - 2 * e.facility
            return (ties[k] > 0, not not_an_employer(e), weight)

        candidates = [
            k
            for k in by_id
            if (uses[k] or ties[k]) and by_id[k].kind == "organization" and not _is_outlet(by_id[k])
        ]
        ranked = sorted(candidates, key=lambda k: (score(k), -by_id[k].first_pos), reverse=True)
        if ranked and (ties[ranked[0]] or not not_an_employer(by_id[ranked[0]])):
            employer_ents.add(ranked[0])
    names_e += [by_id[k].canonical for k in employer_ents if k in by_id]
    names_e += [a for k in employer_ents if k in by_id for a in by_id[k].aliases]
    names_u += [by_id[k].canonical for k in union_ents if k in by_id]
    names_u += [a for k in union_ents if k in by_id for a in by_id[k].aliases]
    public = bool(_PUBLIC_WORKFORCE_RE.search(text)) or any(
        government_name(by_id[k].canonical.lower()) for k in employer_ents if k in by_id
    )
    return Dispute(
        public_employer=public,
        employers=tuple(dict.fromkeys(names_e)),
        unions=tuple(dict.fromkeys(names_u)),
        outlet=outlet,
        occupations=frozenset(occupations),
        about_a_dispute=about,
        employer_ids=frozenset(employer_ents),
        union_ids=frozenset(union_ents),
    )


def _striking_occupations(text: str) -> set[str]:
    """The occupations named in sentences about the strike ("Hundreds of
    nurses and midwives ... walked off the job", "striking bus drivers")."""
    out = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if not _STRIKE_RE.search(sentence):
            continue
        for m in WORKER_RE.finditer(sentence.lower()):
            word = m.group().split()[-1]
            if word.endswith("s") and word[:-1] in WORKER_WORDS and word not in _NOT_OCCUPATIONS:
                out.add(word[:-1])
    return out


def is_union(e: Entity) -> bool:
    """A union, labour council or federation (by its name or its acronym)."""
    low = e.canonical.lower()
    return (
        e.union
        or is_union_name(list(e.tokens))
        or bool(LABOR_RE.search(low))
        or e.acronym.upper() in UNION_ACRONYMS
    )


def _is_outlet(e: Entity) -> bool:
    return any(t.lower() in MEDIA_WORDS for t in e.tokens)


def not_an_employer(e: Entity) -> bool:
    """A public body, research body, outlet, facility named for a place, or a
    lone capitalised word with no sign of being an organisation ("east of
    Calgary")."""
    low = e.canonical.lower()
    if e.kind == "place" or (len(e.tokens) == 1 and e.org <= 1 and not e.acronym):
        return True
    return (
        government_name(low)
        or bool(EXPERT_BODY_RE.search(low))
        or _is_outlet(e)
        or (e.facility and not any(is_org_word(t) for t in e.tokens))
    )


def government_name(low: str) -> bool:
    """A government body's name (lowercase): a ministry, council, agency, court ..."""
    return (bool(GOVERNMENT_RE.search(low)) or bool(_PUBLIC_BODY_RE.search(low))) and not (
        LABOR_RE.search(low)
    )
