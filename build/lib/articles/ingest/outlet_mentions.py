"""
The outlet a text names when it refers to itself: a headline suffix ("... |
KCRA 3"), a wire dateline ("OAKLAND, Calif. (AP) —"), "KCRA 3 reached out",
"Related Stories from Sacramento Bee", a copyright line.

Takes the raw paragraphs (and a headline suffix); gives an ``Outlet`` from the
known table (``outlets``) or one guessed from the name, or None.
"""

import re
from collections import Counter

from .outlets import CALL_SIGN, guess_outlet, looks_like_outlet, lookup_outlet

# How the outlet names itself. Each: (weight, pattern with a "name" group).
# A dateline's city in capitals, accented ones included: "OAKLAND", "SÃO PAULO", "ZÜRICH".
_CAPITAL = r"[^\W\d_a-z]"
_DATELINE_CITY = _CAPITAL + r"(?:" + _CAPITAL + r"|[ .'-])+"
_OUTLET_NAME = r"(?:The )?[A-Z][\w&.'’-]*(?: (?:[A-Z0-9][\w&.'’-]*|of|de|la)){0,5}"
_SELF_REFERENCES = tuple(
    (weight, re.compile(pattern))
    for weight, pattern in (
        (3, r"^(?:Related|More) [Ss]tories from (?P<name>" + _OUTLET_NAME + r")\s*$"),
        (
            3,
            r"\b(?:covers|reports on|writes about) [\w ,&-]{1,60}? for (?P<name>"
            + _OUTLET_NAME
            + r")",
        ),
        (
            3,
            # "Our reporter at Fiumicino" is where the outlet's own reporter stood.
            r"\b(?<![Oo]ur )(?:reporter|writer|correspondent|columnist|editor) (?:for|at|with) (?P<name>"
            + _OUTLET_NAME
            + r")",
        ),
        (3, r"^(?:Copyright|©) (?:\d{4} )?(?:by )?(?P<name>" + _OUTLET_NAME + r")"),
        # "OAKLAND, Calif. (AP) —", "SÃO PAULO (AP) —", "DENVER (KDVR) —", "(Reuters) -"
        (
            3,
            r"^(?:"
            + _DATELINE_CITY
            + r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*)?\((?P<name>AP|Reuters|AFP|UPI|"
            + CALL_SIGN
            + r")\)\s*[—–-]",
        ),
        (
            2,
            r"\b(?P<name>" + CALL_SIGN + r"|The " + _OUTLET_NAME + r") (?:has |had )?"
            r"(?:reached out|contacted|asked|obtained|spoke|learned|reported|confirmed|"
            r"requested|reviewed|was told|received|interviewed)\b",
        ),
        (
            2,
            r"\b(?:told|(?:a |in a |written )?statements? to|in an interview with) (?P<name>"
            + CALL_SIGN
            + r"|The "
            + _OUTLET_NAME
            + r")\b",
        ),
        (1, r"\bjoined (?P<name>The " + _OUTLET_NAME + r") in \d{4}"),
    )
)
# "Copyright 2023 Scripps Media, Inc.": the owner, not the outlet; it counts for little.
_PARENT_COMPANY = re.compile(
    r"^(?:[^,]*\b(?:Media|Group|Holdings|Company|Corporation|Communications|Broadcasting|Enterprises|Networks))?"
    r",? (?:Inc|LLC|Ltd|Corp|Co|PLC|L\.P)\b\.?|\b(?:Media|Group|Holdings|Company|Corporation|Communications|"
    r"Broadcasting|Enterprises)$"
)
_HEADLINE_SUFFIX = re.compile(
    r"\s+[|–—-]\s+(?P<name>(?:[^|–—\s-]|\s(?![|–—-]\s)|(?<=\w)-(?=\w)){2,60})$"
)
_HEADLINE_SECTION = re.compile(r"\s+\|\s+[A-Za-z][\w&'’-]*(?: [\w&'’-]+){0,2}$")


def strip_headline_suffix(headline):
    """'Kaiser workers strike | KCRA 3' -> ('KCRA 3', 'Kaiser workers strike')."""
    match = _HEADLINE_SUFFIX.search(headline)
    if match and looks_like_outlet(match["name"].strip()):
        rest = headline[: match.start()].strip()
        # "Dock strike: offer rejected | Liverpool | The Guardian": section names before the outlet.
        while (section := _HEADLINE_SECTION.search(rest)) and section.start() > 0:
            rest = rest[: section.start()].strip()
        return match["name"].strip(), rest
    return None, headline


def infer_outlet(paragraphs, headline_outlet):
    scores = Counter()
    names = {}
    if headline_outlet:
        key = _canonical_outlet_name(headline_outlet)
        scores[key] += 2
        names.setdefault(key, headline_outlet)
    for paragraph in paragraphs:
        for weight, pattern in _SELF_REFERENCES:
            for match in pattern.finditer(paragraph):
                # "The Associated Press. All rights reserved." ends at the sentence.
                name = re.split(r"\.\s", match["name"])[0].strip(" .,'’")
                if weight < 3 and not looks_like_outlet(name):
                    continue
                counts = weight
                if paragraph.startswith(("Copyright", "©")) and (
                    _PARENT_COMPANY.search(name)
                    or _PARENT_COMPANY.match(paragraph[match.end("name") :])
                ):
                    counts = 1
                key = _canonical_outlet_name(name)
                scores[key] += counts
                names.setdefault(key, name)
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -list(names).index(k)))
    name = names[best]
    if not lookup_outlet(name) and re.fullmatch(
        CALL_SIGN, name
    ):  # "KABC-TV" in a headline, "KABC" in the text
        name = re.match(r"[KW][A-Z]{2,3}", name)[0]
    return guess_outlet(name)


def _canonical_outlet_name(name):
    known = lookup_outlet(name)
    if known:
        return known.name
    if re.fullmatch(CALL_SIGN, name):  # "WBNS" and "WBNS-TV" are one station
        return re.match(r"[KW][A-Z]{2,3}", name)[0].casefold()
    return name.casefold()


def without_outlet(name):
    """ "DANA MORALES and KEVIN PARK Associated Press" -> "DANA MORALES and KEVIN PARK"."""
    words = name.split()
    for size in (3, 2, 1):
        if len(words) - size >= 2:
            tail = " ".join(words[-size:])
            if lookup_outlet(tail) or (size > 1 and looks_like_outlet(tail) and tail.istitle()):
                return " ".join(words[:-size])
    return name
