"""Coreference for organisations: what "the company", "the union", "the
hospital", "it" or "the statement" stands for.

Takes a ``entities.Cast`` and an offset; gives the organisation entity or
None. "the hotel" / "the hospital" / "the agency" go to the latest
organisation of that type ("Bayshore Grand Hotel", "... Medical Center", "The
Federal Trade Commission"); "the company" to the latest organisation that is
not a public body ("Kansas City", "the Labor Department"), not a union, not an
outlet only ever named as the one told ("told DW"), and not a firm named only
as the employer of analysts ("Analysts at Ferris Rowe & Co said"), or to a
speaking name of two or more words never shown to be a person's ("Tabacalera
Cibao Real said"); a lone capitalised word with no sign of being an
organisation ("the Denver metro area") is passed over. "the union" is also a
body described as one ("Their union, X,", "the federation of ... unions"), and
"the confederation" the union last described so. A statement's author is the organisation named with
the statement ("In a statement, Harvest said"), else the latest organisation.
What an organisation is, by the reporter's description of it ("La Bancaria,
the union that represents ...", "Offshore Norge, the employers' organisation
...", "..., which represents private care home owners, said"):
``described_body``.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from .lexicon import (
    ANALYST_NOUNS,
    ASSOCIATION_HEADS,
    BUSINESS_MEMBER_NOUNS,
    COMPANY_HEADS,
    EMPLOYER_NOUNS,
    EMPLOYING_VERBS,
    GOVERNING_VERBS,
    MEDIA_WORDS,
    ORG_TYPE_WORDS,
    PUBLIC_BODY_WORDS,
    SAY_VERBS,
    UNION_NOUNS,
    WORKER_WORDS,
    alternation,
)
from .names import is_facility
from .vocabulary import holds_any, may_hold

if TYPE_CHECKING:
    from .entities import Cast, Entity

_PLURAL_WORKERS: Final = frozenset(w for w in WORKER_WORDS if w.endswith("s") and " " not in w)
_ANALYST_BEFORE_RE: Final = re.compile(
    rf"\b(?:{alternation(ANALYST_NOUNS)})\s+(?:at|with|from)\s+(?:the\s+)?$", re.I
)
_ANALYST_AFTER_RE: Final = re.compile(rf"(?:’s|'s)?\s+(?:{alternation(ANALYST_NOUNS)})\b")


def recent_org(cast: Cast, pos: int, *, union: bool | None = None, head: str = "") -> Entity | None:
    """The organisation "the <head>" stands for at ``pos`` (``union``: only a
    union, or only not one)."""
    if head:
        kinds = ORG_TYPE_WORDS.get(head, (head,))
        for m in cast.mentions_before(pos):
            e = m.entity
            # "the hotel" -> "Bayshore Grand Hotel", "the hospital" -> "... Medical Center"
            if (
                e.kind == "organization"
                and (head in ASSOCIATION_HEADS or e.tokens[-1].lower() not in ASSOCIATION_HEADS)
                and any(t.lower().rstrip("’'s") in kinds or t.lower() in kinds for t in e.tokens)
            ):
                return e
    weak = None
    company = head in COMPANY_HEADS
    for m in cast.mentions_before(pos):
        e = m.entity
        if company and _speaks_like_a_business(e):
            # "Tabacalera Cibao Real said in a statement ... The company said": a
            # name the text never shows to be a person's, which speaks.
            e.kind = "organization"
            return e
        if e.kind != "organization" or e.facility:
            continue
        if e.addressed and (
            e.addressed >= e.plain_uses + e.modifier_uses or (not e.speaks and _is_outlet(e))
        ):
            # an outlet named as the one told ("told DW", "in a written response
            # to The Japan Times") that never speaks is not "the airline".
            continue
        if company and any(t.lower() in PUBLIC_BODY_WORDS for t in e.tokens):
            continue  # "the company" is not "Kansas City" or "the Labor Department"
        if company and not e.speaks and _is_outlet(e):
            continue  # "a statement sent to Morocco World News. The company said": not the outlet
        if company and analyst_firm(cast, e, pos):
            weak = weak or e
            continue
        if union is None or (e.union or described_body(cast, e) == "union") == union:
            if len(e.tokens) == 1 and (
                (e.org <= 1 and not e.acronym) or (e.modifier_uses and not e.plain_uses)
            ):
                # "the Denver metro area", "from Taishan": a lone capitalised word
                # with no sign of being an organisation; keep looking.
                weak = weak or e
                continue
            return e
    if weak is None and union and cast.para_of(pos) <= 1:
        # "after rejecting what their union called '...'" in the opening lines,
        # the union named just after: "Members of Unite ... voted".
        return _next_union(cast, pos)
    return weak


def _speaks_like_a_business(e: Entity) -> bool:
    """A name of two or more words read as a person's for want of evidence
    either way (no person evidence, no gender) that speaks."""
    return (
        e.kind == "person"
        and e.person <= 0
        and not e.gender
        and not e.facility
        and e.speaks > 0
        and len(e.tokens) >= 2
    )


def _next_union(cast: Cast, pos: int) -> Entity | None:
    para = cast.para_of(pos)
    for m in cast.mentions[bisect.bisect_right(cast.positions, pos) :]:
        if m.para > para + 1:
            break
        if m.entity.kind == "organization" and m.entity.union:
            return m.entity
    return None


def _is_outlet(e: Entity) -> bool:
    return any(t.lower() in MEDIA_WORDS for t in e.tokens)


def doc_owner(cast: Cast, pos: int) -> Entity | None:
    """Who wrote "the statement" / "the letter" at ``pos``."""
    best = None
    for p, e in cast.doc_owners:
        if p < pos:
            best = e
    if best is not None and best.kind == "organization":
        return best
    return recent_org(cast, pos, union=False) or best


def definite(cast: Cast, head: str, pos: int) -> Entity | None:
    """ "the union", "the hospital", "the district", or an organisation one of
    whose words is ``head`` ("the Board")."""
    if head in UNION_NOUNS:
        return recent_org(
            cast, pos, union=True, head=head if head not in ("union", "unions") else ""
        )
    if head in EMPLOYER_NOUNS:
        return recent_org(cast, pos, union=False, head=head)
    for m in cast.mentions_before(pos):
        e = m.entity
        if e.kind == "organization" and any(t.lower() == head for t in e.tokens):
            return e
    if head == "confederation":
        # "the Sloga trade union confederation ... The confederation said": a
        # confederation not so named is the union it was described as.
        return recent_org(cast, pos, union=True)
    return None


def analyst_firm(cast: Cast, e: Entity, pos: int) -> bool:
    """Every mention of ``e`` before ``pos`` names the employer of analysts
    ("analysts at X", "X analyst Jane Doe")."""
    seen = False
    for m in cast.mentions_before(pos):
        if m.entity is not e:
            continue
        base = cast.bases[m.para]
        mp = cast.masked[m.para]
        before = mp[max(0, m.pos - base - 40) : m.pos - base]
        after = mp[m.end - base : m.end - base + 16]
        if not (_ANALYST_BEFORE_RE.search(before) or _ANALYST_AFTER_RE.match(after)):
            return False
        seen = True
    return seen


def speaking_facility(e: Entity) -> bool:
    """A hospital or plant with strong evidence of acting as an organisation
    ("Eastbrook Regional Medical Center says it has brought in ...") may be
    what "it" stands for; a platform or country never is."""
    return len(e.tokens) >= 2 and e.org >= 6 and e.person == 0 and is_facility(list(e.tokens))


# "the union that represents ...", "the Basque union", "a teachers' union".
_UNION_DESCRIPTION_RE: Final = re.compile(
    r"^(?:the |a |an )?(?:[\w’'\-]+ ){0,2}(?:union|unions|trade union|labou?r federation)\b(?![’'])"
    # "the federation of municipal workers' unions": a body of unions
    r"|^(?:the |a |an )?(?:[\w\-]+ ){0,2}(?:federation|confederation) of (?:[\w’'\-]+ ){0,3}unions\b"
    # "the agricultural workers' federation", "the dockers' association": a body of workers
    rf"|^(?:the |a |an )?(?:[\w\-]+ ){{0,2}}(?:{alternation(_PLURAL_WORKERS)})['’] "
    r"(?:federation|confederation|association|syndicate|guild|council)\b"
)
# "the employers' organisation", "the industry group", "one of the chambers that
# negotiates with the union", "which represents large growers", "on behalf of
# oil companies".
_EMPLOYERS_BODY_DESCRIPTION_RE: Final = re.compile(
    r"\bemployers['’]? (?:[\w\-]+ )?(?:organi[sz]ation|association|federation|confederation|"
    r"body|group|council|forum|lobby)\b"
    r"|\b(?:industry|trade|business) (?:group|association|body|lobby|organi[sz]ation)\b"
    r"|\bchambers? (?:that|which) (?:negotiates?|bargains?)\b"
    rf"|\b(?:represents|representing|on behalf of) (?:the )?(?:[\w’'\-]+ ){{0,3}}"
    rf"(?:{alternation(BUSINESS_MEMBER_NOUNS)})\b"
)


# "which represents nurses at the hospitals", "representing 4,000 dockers": a
# body that speaks for workers.
_WORKERS_BODY_DESCRIPTION_RE: Final = re.compile(
    r"\b(?:represents|representing|on behalf of) (?:the )?(?:[\w’'\-,]+ ){0,3}"
    rf"(?:{alternation(w for w in WORKER_WORDS if ' ' not in w)})\b"
)


# "which runs the teaching hospitals", "that employs the guards": the employer.
_EMPLOYS_DESCRIPTION_RE: Final = re.compile(
    rf"^(?:which|that|who) (?:(?:{alternation(EMPLOYING_VERBS)}) |[\w\-]+ and )?"
    rf"(?:{alternation(EMPLOYING_VERBS)}) (?:the|its|their|all|most)\b"
    # "which pays the clerks' salaries", "that pays the drivers' wages": whoever
    # pays the workers is their employer
    r"|^(?:which|that) (?:pays|funds) (?:the |its |their )?(?:[\w\-]+['’]?s?['’]? ){0,2}"
    r"(?:salaries|wages|pay)\b"
)


# The words one of which _UNION_DESCRIPTION_RE needs (its quick test).
_UNION_DESCRIPTION_STEMS: Final = (
    "union",
    "federation",
    "association",
    "syndicate",
    "guild",
    "council",
)
# How the clauses _EMPLOYS_DESCRIPTION_RE reads open.
_EMPLOYS_OPENINGS: Final = ("which ", "that ", "who ")


# The words one of which _EMPLOYERS_BODY_DESCRIPTION_RE needs (its quick test).
_EMPLOYERS_BODY_STEMS: Final = (
    "employer",
    "industr",
    "trade",
    "business",
    "chamber",
    "represent",
    "behalf",
)

# A union's name right after the word "union": "the Basque union ELA".
# ... or set off by a comma after the workers' own union: "Their union, Together Care, said".
_UNION_BEFORE_RE: Final = re.compile(
    r"\b(?:(?:the|a|an|[a-z]+) (?:trade )?union|(?:their|its) union,)\s+$", re.I
)
# A body of workers named by its kind: "the mineworkers' union Sutramines", "the
# hotel workers' federations of SEK and PEO" (before the name); "the Sloga trade
# union confederation", "the Vasas metalworkers' federation" (after it).
_WORKERS_BODY_KIND: Final = (
    rf"(?:\w*workers|{alternation(_PLURAL_WORKERS)})['’] "
    r"(?:unions?|federations?|confederations?|syndicates?)"
)
# The words one of which _WORKERS_BODY_BEFORE_RE needs (its quick test).
_WORKERS_BODY_STEMS: Final = ("union", "federation", "syndicate")
_WORKERS_BODY_BEFORE_RE: Final = re.compile(rf"\b{_WORKERS_BODY_KIND}(?: of)?\s+$", re.I)
_WORKERS_BODY_AFTER_RE: Final = re.compile(
    rf"^\s+(?:trade union (?:confederation|federation)\b|{_WORKERS_BODY_KIND}\b)", re.I
)
# A body of employers' name right after its kind: "the employers' organisation DI Service".
_EMPLOYERS_BEFORE_RE: Final = re.compile(
    rf"\b(?:the|an?) (?:{_EMPLOYERS_BODY_DESCRIPTION_RE.pattern})\s+$", re.I
)


def _workers_body_after(after: str) -> bool:
    return ("'" in after or "’" in after or may_hold(after, ("trade union",))) and bool(
        _WORKERS_BODY_AFTER_RE.match(after)
    )


def described_body(cast: Cast, e: Entity) -> str:
    """ "union" or "employers" when the reporter describes the organisation as
    a union or as a body of employers, in its description or in the appositive
    after one of its mentions ("X, which represents large growers, said");
    "employer" when it runs the workplace or employs the workers ("X, which
    runs the teaching hospitals, said"); else "". Read once for each
    organisation (and description) of the article, kept on the cast."""
    key = (id(e), e.description)
    found = cast.body_cache.get(key)
    if found is None:
        found = cast.body_cache[key] = _described_body(cast, e)
    return found


def _described_body(cast: Cast, e: Entity) -> str:
    # Each pattern below runs only where its quick test finds the words it needs.
    texts = [e.description.lower()] if e.description else []
    for m in cast.mentions_of(e):
        base = cast.bases[m.para]
        mp = cast.masked[m.para]
        before = mp[max(0, m.pos - base - 50) : m.pos - base]
        near = before[-30:]
        if may_hold(near, ("union",)) and _UNION_BEFORE_RE.search(near):
            return "union"  # "the Basque union ELA", "the transport union Filt"
        if (
            ("'" in before or "’" in before)
            and may_hold(before, _WORKERS_BODY_STEMS)
            and _WORKERS_BODY_BEFORE_RE.search(before)
        ) or _workers_body_after(mp[m.end - base : m.end - base + 50]):
            return "union"
        if may_hold(before, _EMPLOYERS_BODY_STEMS) and _EMPLOYERS_BEFORE_RE.search(before):
            return "employers"
        after = mp[m.end - base : m.end - base + 160]
        if after.startswith(", "):
            appositive = after[2:].split(",")[0].lower()
            words = appositive.split()
            if (
                words
                and words[0] not in GOVERNING_VERBS
                and words[-1].strip(".;:!?") not in SAY_VERBS
            ):
                # not '..., said the union had ...' nor 'operator X, the union said'
                texts.append(appositive)
    for text in texts:
        if holds_any(text, _UNION_DESCRIPTION_STEMS) and _UNION_DESCRIPTION_RE.search(text):
            return "union"
        represents = "represent" in text or "behalf" in text
        employers = (
            _EMPLOYERS_BODY_DESCRIPTION_RE.search(text)
            if represents or holds_any(text, _EMPLOYERS_BODY_STEMS)
            else None
        )
        if employers and WORKER_WORDS.isdisjoint(employers.group().split()[:-1]):
            return "employers"  # not "which represents nurses at hospitals"
        if represents and _WORKERS_BODY_DESCRIPTION_RE.search(text):
            return "union"
        if text.startswith(_EMPLOYS_OPENINGS) and _EMPLOYS_DESCRIPTION_RE.match(text):
            return "employer"
    return ""
