"""Which side of a dispute a speaker is on, from what the text says about them.

Affiliation wins over occupation: "director of research at the union" is
labour even though "research" sounds like an expert. The order is: the
speaker is or works for one of the employers -> employer; a union or a
striking worker -> labor; a government body or office -> government; a
university, think tank or scholarly role -> expert; a member of the public
(parent, patient, resident, commuter ...) -> community. Anything else is
"unknown" rather than a guess.
"""

from __future__ import annotations

import re

from .names import is_union_name

_UNION_RE = re.compile(
    r"\b(?:union|unions|guild|brotherhood|teamsters|local \d+|afl-cio|seiu|uaw|workers united|"
    r"federation of [\w ]*(?:workers|employees|teachers|nurses)|nurses association|"
    r"education association|shop steward|steward|organi[sz]er|striking|strikers?|picket\w*|"
    r"bargaining (?:team|committee)|negotiating committee|rank[- ]and[- ]file)\b",
    re.I,
)
_GOV_RE = re.compile(
    r"\b(?:department|dept\.?|agency|authority|commission|ministry|administration|"
    r"white house|congress|senate|senator|sen\.|rep\.|representative|assembly\w*|"
    r"legislat\w+|lawmaker|governor|gov\.|mayor|council\w*|city of|county|state of|"
    r"secretary|minister|government|federal|mediator|mediation service|nlrb|"
    r"national labor relations board|labor board|attorney general|superior court|"
    r"judge|regulator\w*|public health|health officer|city hall|prime minister|president of the united states)\b",
    re.I,
)
_EXPERT_RE = re.compile(
    r"\b(?:professor|economist|analyst|researcher|research fellow|policy fellow|fellow|"
    r"scholar|historian|lecturer|academic|expert|think tank|institute|university|"
    r"college|school of|center for|centre for|policy center|studies|consultant|sociologist)\b",
    re.I,
)
_COMMUNITY_RE = re.compile(
    r"\b(?:parent|mother|father|patient|resident|neighbor|neighbour|commuter|passenger|"
    r"shopper|customer|student|rider|voter|activist|pastor|community|local business owner|"
    r"small business owner|diner|guest|visitor|fan)s?\b",
    re.I,
)
_EMPLOYER_ROLE_RE = re.compile(
    r"\b(?:spokes(?:person|man|woman)|chief executive|ceo|cfo|coo|executive|management|"
    r"human resources|general manager|superintendent|hospital system|health system|"
    r"the company|company's|employer|owner|management's)\b",
    re.I,
)


def _mentions(text: str, names: tuple[str, ...]) -> bool:
    low = text.lower()
    for n in names:
        n = n.strip().lower()
        if not n:
            continue
        if re.search(r"\b" + re.escape(n) + r"\b", low):
            return True
        first = n.split()[0]
        if len(first) >= 4 and re.search(r"\b" + re.escape(first) + r"\b", low):
            return True
    return False


def infer_side(
    name: str, kind: str, description: str, *, employer_names: tuple[str, ...] = ()
) -> str:
    """Return "labor", "employer", "government", "expert", "community" or "unknown"."""
    name = name or ""
    desc = description or ""
    both = f"{name} {desc}".strip()
    if not both:
        return "unknown"
    if employer_names and (
        _mentions(name, employer_names)
        or (_mentions(desc, employer_names) and not _UNION_RE.search(desc))
    ):
        return "employer"
    if kind == "organization":
        if is_union_name(name.split()) or _UNION_RE.search(name):
            return "labor"
        if _GOV_RE.search(name):
            return "government"
        if _EXPERT_RE.search(name):
            return "expert"
        if _UNION_RE.search(desc):
            return "labor"
        if _GOV_RE.search(desc):
            return "government"
        return "unknown"
    # People: the organisation they belong to decides, then their role.
    if _UNION_RE.search(desc):
        return "labor"
    if _GOV_RE.search(desc):
        return "government"
    if _EXPERT_RE.search(desc):
        return "expert"
    if _EMPLOYER_ROLE_RE.search(desc):
        return "employer"
    if _COMMUNITY_RE.search(desc):
        return "community"
    return "unknown"
