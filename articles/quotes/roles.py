"""Coreference for role descriptions: the person "the spokeswoman", "the Ohio
Democrat", "the 34-year-old", "the mother of six" or "the union's president"
stands for.

Takes a ``entities.Cast`` and a role (head noun, modifier words) at an offset;
gives the entity or None. A description resolves to the most recent person
(within ten paragraphs) introduced with that role, in a title, an appositive,
a role given later ("He is a ...") or the words just before the name,
preferring one whose introduction also has the description's other words
("the Atlas executive" only to an executive introduced with Atlas); a few
synonyms count ("the union leader" -> "union president Hernán Soto"). Party
and nationality epithets ("the Ohio Democrat", "the Uruguayan") fall back to
the subject of the latest sentence naming a person. "the elder/younger Russo"
picks between relatives; "the official" after "A state official ..., who spoke
on condition of anonymity," is that unnamed source.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .genders import WORDS_RE, has_finite_verb
from .lexicon import (
    ADVERBIAL_OPENERS,
    EPITHET_GENDER,
    EPITHET_NOUNS,
    OFFICIAL_NOUNS,
    PARTY_NOUNS,
    ROLE_FILLER,
    ROLE_SYNONYMS,
    ROLE_TITLES,
    SPOKES_NOUNS,
    UNION_ACRONYMS,
    UNION_NOUNS,
)
from .names import strip_possessive

if TYPE_CHECKING:
    from .entities import Cast, Entity

AGE_RE = re.compile(r"(\d{1,3})-year-old")
# How the reporter says a source is unnamed.
ANONYMOUS = (
    r"(?:anonymity|anonymously|not\s+authori[sz]ed|asked\s+not\s+to\s+be\s+(?:named|identified)|"
    r"declined\s+to\s+be\s+(?:named|identified)|on\s+condition\s+that\s+(?:he|she|they)\s+not\s+be|"
    r"asked\s+that\s+(?:his|her|their)\s+(?:full\s+)?name\s+not\s+be|did\s+not\s+(?:wish|want)\s+to\s+be\s+(?:named|identified)|"
    r"(?:declined|refused|would\s+not|did\s+not)\s+(?:to\s+)?give\s+(?:his|her|their)\s+(?:full\s+|last\s+)?name)"
)
_CTX_CUT_RE = re.compile(
    r"\b(?:said|says|told|added|wrote|asked|say|tells|writes|adds|spoke|speaks)\b|[.;:!?\x1f]"
)
_ANONYMOUS_RE = re.compile(ANONYMOUS)
_ROLE_APPOS_RE = re.compile(
    r"(?:^|[.!?]\s+|\b(?:and|while|but)\s+)(?:The|the|Another|another|A|a|An|an|One|one|Her|her|His|his|Their|their)\s+(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*,\s+$"
)


def epithet(cast: Cast, head: str, modifier: str, pos: int) -> Entity | None:
    """The person a role description stands for; for a role with no party,
    age or spokesperson sense, the subject of the sentence just before (same
    paragraph) when the person the role search found is not named in this
    paragraph and the subject has no role of their own ("Qureshi-Baig, asked
    about ..., grinned. “...,” the captain said")."""
    e = _epithet(cast, head, modifier, pos)
    if head in SPOKES_NOUNS or head in PARTY_NOUNS or AGE_RE.fullmatch(head):
        return e
    para = cast.para_of(pos)
    i = bisect.bisect_left(cast.positions, pos)
    if i == 0 or cast.mentions[i - 1].para != para:
        return e
    j = i - 1
    base = cast.bases[para]
    between = cast.masked[para][cast.mentions[j].end - base : pos - base]
    if len(re.findall("\x1f+", between)) != 1:
        return e
    subj = sentence_subject(cast, j, EPITHET_GENDER.get(head, ""))
    if subj is None or subj is e or e is None:
        return e
    if any(m.entity is e for m in cast.mentions[:i] if m.para == para):
        return e
    role_words = set(WORDS_RE.findall(f"{subj.title} {subj.description}".lower()))
    if role_words & (EPITHET_NOUNS | ROLE_TITLES | OFFICIAL_NOUNS):
        return e
    return subj


def _epithet(cast: Cast, head: str, modifier: str, pos: int) -> Entity | None:
    """A party label matching the description ("D-Ohio"), else the latest person
    whose title or description has the role word (within six paragraphs), else
    the latest fitting person named in this paragraph or the one before."""
    para = cast.para_of(pos)
    gender = EPITHET_GENDER.get(head, "")
    if head in PARTY_NOUNS:
        party = head[0].upper()
        for m in cast.mentions_before(pos):
            if para - m.para > 8:
                break
            e = m.entity
            if e.kind == "person" and e.party == party and _state_ok(modifier, e.state):
                return e
    role_re = _role_word_re(head[:6])
    mentions = cast.mentions
    i = bisect.bisect_left(cast.positions, pos)
    while i > 0:  # the mentions before ``pos``, nearest first
        i -= 1
        m = mentions[i]
        if para - m.para > 6:
            break
        e = m.entity
        if e.kind != "person" or (gender and e.gender and e.gender != gender):
            continue
        if role_re.search(f"{e.title} {e.description}".lower()):
            return e
        offset = m.pos - cast.bases[m.para]
        before_name = cast.masked[m.para][max(0, offset - 40) : offset]
        if _ROLE_APPOS_RE.search(before_name) and role_re.search(before_name.lower()):
            # "The other nurse, Berit Lunde, disagreed": the role in an
            # appositive just before the name.
            return e
    e = by_role(cast, modifier + " " + head, head, pos, gender)
    if e is not None:
        return e
    if head in SPOKES_NOUNS:
        return None
    i = bisect.bisect_left(cast.positions, pos)
    for j in range(i - 1, -1, -1):
        m = cast.mentions[j]
        if para - m.para > 1:
            break
        e = m.entity
        if e.kind == "person" and not (gender and e.gender and e.gender != gender):
            # "Okoye finished with 27 points ... after Boston’s Hart missed. '...,'
            # the 24-year-old guard said": that sentence's subject, not its last name.
            subj = sentence_subject(cast, j, gender)
            return subj if subj is not None else e
    return None


@lru_cache(maxsize=256)
def _role_word_re(stem: str) -> re.Pattern[str]:
    """A role word starting with ``stem``, not a possessive owner ("the
    captain's mother"); compiled once per stem."""
    return re.compile(rf"\b{re.escape(stem)}(?![\w\-]*(?:’s|'s)\b)")


def sentence_subject(cast: Cast, j: int, gender: str) -> Entity | None:
    """The first fitting person of mention ``j``'s sentence when it is named
    before any verb and not after a preposition (the sentence's subject)."""
    m = cast.mentions[j]
    st = cast.starts[m.para]
    base = cast.bases[m.para]
    k = bisect.bisect_right(st, m.pos - base) - 1
    a = st[k] if k >= 0 else 0
    mp = cast.masked[m.para]
    i = j
    while i > 0 and cast.mentions[i - 1].para == m.para and cast.mentions[i - 1].pos - base >= a:
        i -= 1
    for x in cast.mentions[i : j + 1]:
        e = x.entity
        pre = mp[a : x.pos - base]
        if "\x1f" in pre or has_finite_verb(pre.lower()):
            return None
        if x.possessive or e.kind != "person" or (gender and e.gender and e.gender != gender):
            continue
        pw = pre.split()
        if pw and pw[-1].lower() in ADVERBIAL_OPENERS:
            continue
        return e
    return None


def _context(cast: Cast, i: int) -> str:
    """The reporter's words around mention ``i`` that describe the person: the
    sentence text since the previous name ("over cornerback Marcus Tate") and
    the appositive or relative clause after it up to the next name or speech
    verb ("Tamika Hurst, 34, a cell assembly operator and mother of two who
    ..."), lowercased."""
    c = cast.context_cache.get(i)
    if c is not None:
        return c
    m = cast.mentions[i]
    mp = cast.masked[m.para]
    base = cast.bases[m.para]
    s, e = m.pos - base, m.end - base
    lo, hi = cast.sentence_of(m)
    if i > 0 and cast.mentions[i - 1].para == m.para:
        lo = max(lo, cast.mentions[i - 1].end - base)
    if i + 1 < len(cast.mentions) and cast.mentions[i + 1].para == m.para:
        hi = min(hi, cast.mentions[i + 1].pos - base)
    before = mp[max(lo, s - 60) : s]
    after = mp[e : min(hi, e + 140)]
    cut = _CTX_CUT_RE.search(after)
    if cut:
        after = after[: cut.start()]
    c = f"{before} | {after}".lower().replace("\x1f", " ")
    cast.context_cache[i] = c
    return c


def by_role(
    cast: Cast, text: str, head: str, pos: int, gender: str = "", require_all: bool = False
) -> Entity | None:
    """The person a role description stands for ("the mother of six", "the
    cornerback", "the 34-year-old", "the union's president", "the executive"):
    the most recent person (within ten paragraphs) introduced with that role
    word (in a title, an appositive or the words before the name), preferring
    one whose introduction also has the description's other words. None when
    nobody was introduced that way."""
    words = [strip_possessive(w)[0].lower().strip(".,") for w in text.split()]
    words = [w for w in words if w and w not in ROLE_FILLER]
    head = head.lower()
    if not head:
        return None
    pat = _role_context_re(head)
    g = gender or EPITHET_GENDER.get(head, "")
    para = cast.para_of(pos)
    i = bisect.bisect_left(cast.positions, pos)
    best, best_score = None, 0
    seen: set[int] = set()
    for j in range(i - 1, -1, -1):
        m = cast.mentions[j]
        if para - m.para > 10:
            break
        e = m.entity
        if e.kind != "person" or (g and e.gender and e.gender != g):
            continue
        ctx = _context(cast, j)
        if id(e) not in seen:
            seen.add(id(e))
            ctx = f"{e.title} {e.description} {e.roles} | {ctx}".lower()
        if not pat.search(ctx):
            continue
        score = 1 + sum(1 for w in words if w != head and w in ctx)
        if require_all and score < len([w for w in words if w != head]) + 1:
            continue
        if score > best_score:
            best, best_score = e, score
    return best


@lru_cache(maxsize=256)
def _role_context_re(head: str) -> re.Pattern[str]:
    """What introduces somebody with the (lowercase) role ``head`` in their
    context (``by_role``); compiled once per role."""
    age = AGE_RE.fullmatch(head)
    if age:
        return re.compile(rf"(?:^|\|\s*,\s*){age.group(1)}\b|\b{age.group(1)}-year-old\b")
    stem = head[:-1] if head.endswith("s") and len(head) > 4 else head
    alts = "|".join(re.escape(x) for x in (stem, *ROLE_SYNONYMS.get(stem, ())))
    # "Nasreen Qureshi, the captain's mother": a role word as a possessive
    # owner describes somebody else.
    return re.compile(rf"\b(?:{alts})(?![\w\-]*(?:’s|'s)\b)")


def generation(cast: Cast, surname: str, younger: bool, pos: int) -> Entity | None:
    """ "the elder Russo" / "the younger Russo" among people sharing a surname:
    a son or daughter is the younger; otherwise the first introduced is the elder."""
    fam = [
        e
        for e in cast.entities
        if len(e.tokens) >= 2 and e.tokens[-1] == surname and e.first_pos < pos
    ]
    if len(fam) < 2:
        return None
    kids = [e for e in fam if e.kin in ("son", "daughter")]
    if younger:
        return kids[-1] if kids else fam[-1]
    rest = [e for e in fam if e not in kids]
    return rest[0] if rest else fam[0]


def anonymous(cast: Cast, head: str, pos: int) -> bool:
    """ "A state official ..., who spoke on condition of anonymity, said ...
    “...,” the official said": "the official" is that unnamed source."""
    for _, text in cast.texts_before(pos):
        # The introduction has the role word itself and a way of saying the
        # source is unnamed: the quick tests before the full pattern.
        if head in text and _ANONYMOUS_RE.search(text) and _unnamed_role_re(head).search(text):
            return True
    return False


@lru_cache(maxsize=256)
def _unnamed_role_re(head: str) -> re.Pattern[str]:
    """ "A state official ..., who spoke on condition of anonymity": a source
    with the role ``head`` introduced as unnamed; compiled once per role."""
    return re.compile(
        rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){{0,4}}?{re.escape(head)}\b[^.\x1f]*?{ANONYMOUS}"
    )


def union_tied(cast: Cast, e: Entity) -> bool:
    """The person's title or description names a union."""
    words = f"{e.title} {e.description}".replace(",", " ").split()
    unions = {
        t.lower()
        for u in cast.entities
        if u.kind == "organization" and u.union
        for t in u.tokens
        if t[:1].isupper()
    }
    for w in words:
        lw = strip_possessive(w)[0].lower()
        if (
            lw in UNION_NOUNS
            or lw in unions
            or lw.upper() in UNION_ACRONYMS
            or lw in UNION_ACRONYMS
        ):
            return True
    return False


def kin_of(cast: Cast, kin: str, pos: int) -> Entity | None:
    """ "her husband said": the person introduced as that relative ("Anja
    Hoffmann and her husband, Klaus,") in the last few paragraphs."""
    para = cast.para_of(pos)
    for m in cast.mentions_before(pos):
        if m.para < para - 3:
            break
        if m.entity.kin == kin and m.entity.kind == "person":
            return m.entity
    return None


def _state_ok(mod: str, state: str) -> bool:
    """Does a description's place word ("Ohio", "New York") fit a party label's
    state ("Ohio", "N.Y.", "Minn.")? True when the description names no place."""
    st = state.lower().replace(".", "").replace(" ", "")
    words = [w.lower() for w in mod.split() if w[:1].isupper() and w.isalpha()]
    if not st or not words:
        return True
    for i in range(len(words)):
        for j in (1, 2):
            cand = words[i : i + j]
            if len(cand) == j and (
                "".join(cand).startswith(st) or "".join(w[0] for w in cand) == st
            ):
                return True
    return False
