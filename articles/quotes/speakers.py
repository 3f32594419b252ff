"""Who is who in one article: entities, their mentions, and speaker resolution.

A single pass over the reporter's words (quotes masked) collects every
capitalised name run as a mention, links short forms to the entity introduced
earlier (a person by surname, "Soroken" -> "Sarah Soroken"; an organisation by
its first word or acronym, "Kaiser" -> "Kaiser Permanente", "USMX"), merges
spelling variants of a surname used without a first name (McAleigh / McAlevey /
McAlevy), and gathers the evidence that decides person vs organisation, gender
and the description (appositive, "X is a ...", role words before the name).

Canonical name among spelling variants: the form with the most tokens (the full
introduction, e.g. "Jane McAleigh"); ties go to the form seen first. The other
spellings become aliases. Short forms (a bare surname or first word) are not
listed as aliases, acronyms are.

Resolution never guesses: a pronoun goes to the most recent entity of a fitting
kind and gender, "the union"/"the company"/"the statement" to the most recent
fitting organisation or statement owner, and anything generic ("one performer",
"the crowd", "a person familiar with the talks") stays unattributed.

Further rules (from the independent challenge set): a bare surname shared by two
people goes to the one mentioned last; "Davis Gates" links to "Stacy Davis
Gates"; "Rosa and Miguel Lopez" gives Rosa the surname, and first names then
link to the full names; a short organisation form links to the full one
("Apartment Association" -> "... of Orange County", "Allegheny Coke" -> "...
Co."); a surname used before the full name (live blogs, newest first) is merged
into it; a run after "in"/"near" ("in San Jose") is a place and never speaks;
social platforms and countries are never what "it", "the post" or "a
spokesman" stand for; "they" after "the crowd" in the same sentence is the
crowd; "the unions"/"the companies" are several organisations (unattributed).
A description with "the" ("the Ohio Democrat", "the 6-foot-9 forward", "The
German", "the spokeswoman") goes to the person whose party label ("D-Ohio") or
title/description fits it, else to the person named last in that paragraph or
the one before; "the elder/younger Russo" picks between relatives.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from .lexicon import (
    DOCUMENT_NOUNS,
    EMPLOYER_NOUNS,
    EPITHET_GENDER,
    EPITHET_NOUNS,
    FIRST_NAMES_ALL,
    GENERIC_PEOPLE,
    HONORIFICS,
    OFFICIAL_NOUNS,
    COUNTRIES,
    PLATFORMS,
    PRONOUNS,
    ROLE_TITLES,
    SAY_VERBS,
    STOP_CAPS,
    UNION_NOUNS,
)
from .names import (
    ACRONYM_AFTER_RE,
    RUN_RE,
    clean_tokens,
    gender_of_first,
    initials,
    is_acronym,
    is_facility,
    is_org_word,
    is_union_name,
    looks_personal,
    norm,
    split_run,
    strip_possessive,
)

_APPOS_RE = re.compile(
    r"^,\s+(?:\d{1,3},\s+)?(?P<d>(?:a|an|the)\s+[^,;.\x1f]{2,120}?|[a-z][^,;.\x1f]{2,120}?)(?=,|\.\s|\.$|$|;)"
)
_COPULA_RE = re.compile(r"^\s+(?:is|was|has been)\s+(?P<d>(?:a|an|the)\s+[^,;.\x1f]{2,100})")
_PRONOUN_RE = re.compile(r"\b(he|his|him|she|her|hers)\b", re.I)
_DOC_KEYS = ("statement", "mail", "letter", "memo", "release", "post", "message", "notice", "announcement", "lawsuit", "complaint", "filing", "report")
_ORG_FOLLOW_RE = re.compile(
    r"^(?:’s|'s)?\s+(?:workers|employees|leaders|officials|executives|members|stores|"
    r"hospitals|plants|facilities|therapists|nurses|staff|management|spokesperson|"
    r"spokesman|spokeswoman|locations|shareholders|board|negotiators|headquarters)\b"
)
_DOC_INTRO_RE = re.compile(
    r"\b(?:in|issued|released|sent|provided|put out|emailed|posted|published)\s+"
    r"(?:a|an|its|their|the|his|her)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|email|e-mail|letter|memo|release|post|message|notice|announcement|lawsuit|complaint|"
    r"filing|court\s+filing|report)\b",
    re.I,
)
_BAD_DESC_START = ("who ", "which ", "whose ", "that ", "where ", "when ", "of ", "from ", "in ", "said", "says", "however", "though", "too", "also")
_PERSON_ROLE_RE = re.compile(
    r"\b(?:professor|nurse|worker|president|director|spokes\w+|analyst|economist|"
    r"psychologist|therapist|teacher|housekeeper|barista|member|veteran|lawyer|attorney|"
    r"chair\w*|leader|organi[sz]er|fellow|specialist|supervisor|picker|cashier|engineer|"
    r"inspector|executive|negotiator|strategist|secretary|chief|commuter|parent|mother|"
    r"father|wife|husband|son|daughter|student|doctor|physician|officer|manager|owner|"
    r"researcher|historian|scholar|consultant|driver|cook|dishwasher|janitor|miner|"
    r"machinist|pilot|clerk|employee|resident|founder|candidate|mayor|senator|governor|"
    r"psychiatrist|counselor|social worker|he|she|who)\b",
    re.I,
)


@dataclass(slots=True)
class Entity:
    name: str
    tokens: tuple[str, ...]
    first_pos: int
    forms: list[str] = field(default_factory=list)  # full spellings seen, in order
    variants: list[str] = field(default_factory=list)  # fuzzy-merged spellings
    acronym: str = ""
    description: str = ""
    title: str = ""
    gender: str = ""
    person: int = 0
    org: int = 0
    kind: str = ""
    union: bool = False
    facility: bool = False
    place: int = 0  # "in San Jose", "near Maple Grove": evidence for a place
    party: str = ""  # "D" / "R" / "I" from "Name, D-Ohio," or "Name (R-Texas)"
    state: str = ""  # the state of that party label ("Ohio", "Minn.")

    kin: str = ""  # "his son, Michael Russo" -> "son"

    def decide(self) -> None:
        if self.place > self.person and self.place > self.org:
            self.kind = "place"  # never a speaker
        elif self.person > self.org:
            self.kind = "person"
        elif self.org > self.person:
            self.kind = "organization"
        else:
            self.kind = "person" if len(self.tokens) >= 2 else "organization"

    @property
    def aliases(self) -> tuple[str, ...]:
        out = []
        for v in self.forms + self.variants + ([self.acronym] if self.acronym else []):
            if v != self.name and v not in out:
                out.append(v)
        return tuple(out)


@dataclass(slots=True)
class Mention:
    pos: int  # global offset
    end: int
    para: int
    entity: Entity
    sentence_initial: bool
    possessive: bool


@dataclass(slots=True)
class Phrase:
    """A parsed speaker phrase from a cue."""

    kind: str  # pronoun | name | definite | document | official | generic | none
    text: str  # the mention as written (name without titles, pronoun, "the union")
    head: str = ""  # head noun for definite/document/official phrases
    modifier: str = ""  # organisation named inside an official/document phrase
    description: str = ""


def _clean_desc(d: str) -> str:
    d = d.strip(" ,.;:—–-\x1f")
    d = re.sub(r"^\d{1,3},\s*", "", d)  # an age before the role: "38, a welder"
    for art in ("a ", "an ", "the "):
        if d.lower().startswith(art):
            d = d[len(art) :]
            break
    low = d.lower()
    if not d or low.startswith(_BAD_DESC_START) or re.fullmatch(r"\d{1,3}", d) or len(d.split()) > 18:
        return ""
    if "\x1f" in d:
        return ""
    return d


class Registry:
    """Entities and mentions of one article, in document order."""

    def __init__(self, masked: list[str], bases: list[int], starts: list[list[int]]):
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self._by_form: dict[str, Entity] = {}
        self._doc_owners: list[tuple[int, Entity]] = []
        self._last_by_surname: dict[str, Entity] = {}  # surname -> person mentioned last
        self._by_last: dict[str, list[Entity]] = {}  # last / first token -> multi-word entities
        self._by_first: dict[str, list[Entity]] = {}
        self.masked = masked
        self.bases = bases
        for pi, mp in enumerate(masked):
            self._scan(pi, mp, bases[pi], set(starts[pi]))
        self._forward_surnames()
        for e in self.entities:
            e.decide()
        self._genders(starts)
        self._positions = [m.pos for m in self.mentions]

    # -- building ---------------------------------------------------------------
    def _scan(self, pi: int, mp: str, base: int, sstarts: set[int]) -> None:
        low = mp.lower()
        self._docs_here = (
            [m.start() for m in _DOC_INTRO_RE.finditer(mp)] if any(k in low for k in _DOC_KEYS) else []
        )
        for run in RUN_RE.finditer(mp):
            text = run.group()
            if text in STOP_CAPS:
                continue
            rs = run.start()
            pieces = split_run(text)
            last = len(pieces) - 1
            for k, (a, b) in enumerate(pieces):
                s, e = rs + a, rs + b
                surname = ""
                if k < last:
                    # "Rosa and Miguel Lopez": Rosa shares the surname.
                    na, nb = pieces[k + 1]
                    nxt = text[na:nb].split()
                    if (
                        text[b:na].strip() == "and"
                        and " " not in text[a:b]
                        and len(nxt) == 2
                        and text[a:b].lower() in FIRST_NAMES_ALL
                        and nxt[0].lower() in FIRST_NAMES_ALL
                    ):
                        surname = nxt[-1]
                self._add_run(pi, mp, base, s, e, s in sstarts or _after_open(mp, s, sstarts), surname)

    def _add_run(self, pi: int, mp: str, base: int, s: int, e: int, initial: bool, surname: str = "") -> None:
        surface = mp[s:e]
        titles, toks = clean_tokens(surface)
        if not toks:
            return
        if surname:
            toks = [*toks, surname]
        if len(toks) == 1 and toks[0].lower() in EPITHET_NOUNS and mp[max(0, s - 4) : s].lower() == "the ":
            return  # "The German, who was appointed ...": a description, not a name
        if len(toks) == 1 and initial and toks[0] in STOP_CAPS:
            return
        if all(t in STOP_CAPS for t in toks) or not any(t[:1].isupper() for t in toks):
            return
        if all(t.isupper() and t.isalpha() for t in toks) and (len(toks) > 1 or len(toks[0]) > 5):
            return  # a dateline ("DETROIT (AP) —", "LOS ANGELES"), not a name
        after = mp[e : e + 160]
        poss = after.startswith(("’s", "'s")) or surface.endswith(("’s", "'s"))
        ent = self._link(toks, base + s, initial, after)
        if ent is None:
            return
        m = Mention(base + s, base + e, pi, ent, initial, poss)
        self.mentions.append(m)
        if len(ent.tokens) >= 2:
            self._last_by_surname[ent.tokens[-1]] = ent
        # Evidence.
        if titles:
            t0 = titles[-1].lower().rstrip(".")
            if t0 in HONORIFICS or t0 in ROLE_TITLES:
                ent.person += 4
                if not ent.title:
                    ent.title = " ".join(titles)
                if t0 in ("mr",):
                    ent.gender = ent.gender or "m"
                elif t0 in ("mrs", "ms", "miss"):
                    ent.gender = ent.gender or "f"
        if _ORG_FOLLOW_RE.match(after):
            ent.org += 2
        if after.startswith(_IT_SAID_START) and _IT_SAID_RE.match(after):
            ent.org += 3  # "Southern California Edison said it had shut off power"
        if not poss and mp.endswith(_PLACE_BEFORE, max(0, s - 12), s):
            ent.place += 2
        pm = _PARTY_RE.match(after) if after[:1] in ",(" or after[:2] == " (" else None
        if pm and not ent.party:
            ent.party, ent.state = pm.group("p"), pm.group("st")
            ent.person += 3
        ac = ACRONYM_AFTER_RE.match(after) if "(" in after[:3] else None
        if ac and len(toks) >= 2 and not ent.acronym:
            ent.acronym = ac.group("a")
            ent.org += 3
        d = ""
        am = _APPOS_RE.match(after) if after[:1] == "," else None
        if am and am.group("d")[:1].islower() and not am.group("d").startswith(("a ", "an ", "the ")):
            w0 = am.group("d").split()[0].lower()
            if w0 in SAY_VERBS or w0.endswith("ed") or w0 in _ROLE_STOP:
                am = None
        if am:
            d = _clean_desc(am.group("d"))
            if am.group("d").lstrip().lower().startswith(("a ", "an ")) or (d and _PERSON_ROLE_RE.search(d)):
                ent.person += 2
        elif after[:4] in (" is ", " was", " has"):
            cm = _COPULA_RE.match(after)
            if cm:
                d = _clean_desc(cm.group("d"))
        km = _KIN_BEFORE_RE.search(mp, max(0, s - 30), s) if "," in mp[max(0, s - 3) : s] else None
        if km:
            ent.person += 3
            kin = km.group(1).lower()
            ent.kin = ent.kin or kin
            if not ent.gender and kin in _KIN_GENDER:
                ent.gender = _KIN_GENDER[kin]
        rel = after.lstrip(", ")[:6].lower()
        if rel == "which ":
            ent.org += 2
        elif rel[:4] == "who ":
            ent.person += 2
        if not d and s > 0 and mp[s - 1] == " " and mp[s - 2 : s - 1].isalpha():
            words = mp[max(0, s - 60) : s].split()[-4:]
            if words:
                keep: list[str] = []
                for w in reversed(words):
                    lw = w.lower().strip(",")
                    if w.endswith(",") or lw in _ROLE_STOP or lw in SAY_VERBS or not w.replace("-", "").replace("’", "").replace("'", "").isalpha():
                        break
                    keep.append(w)
                keep.reverse()
                if keep and _is_role_word(keep[-1]):
                    d = " ".join(keep)
                    ent.person += 2
        if d and not ent.description:
            ent.description = d
        if self._docs_here and (
            any(e <= d < e + 80 for d in self._docs_here)
            # "In a lawsuit filed in Delaware, Harvest said ...": the owner follows.
            or (any(d < s <= d + 120 for d in self._docs_here) and _speech_after(after))
        ):
            self._doc_owners.append((base + s, ent))

    def _forward_surnames(self) -> None:
        """A surname used before the full name (live blogs put the newest entry
        first: "Okonkwo joked ..." above "Democrat Maya Okonkwo has won ..."):
        merge the bare surname into the person introduced later."""
        singles = [e for e in self.entities if len(e.tokens) == 1 and e.org <= 1 and not e.acronym]
        if not singles:
            return
        full: dict[str, Entity] = {}
        for e in self.entities:
            if len(e.tokens) >= 2 and e.tokens[0].lower() in FIRST_NAMES_ALL:
                full.setdefault(e.tokens[-1], e)
        merged: dict[int, Entity] = {}
        for e in singles:
            f = full.get(e.tokens[0])
            if f is not None and f.first_pos > e.first_pos:
                f.person += e.person + 1
                merged[id(e)] = f
        if not merged:
            return
        for m in self.mentions:
            f = merged.get(id(m.entity))
            if f is not None:
                m.entity = f
        for k, e in list(self._by_form.items()):
            f = merged.get(id(e))
            if f is not None:
                self._by_form[k] = f
        self._doc_owners = [(pos, merged.get(id(e), e)) for pos, e in self._doc_owners]
        self.entities = [e for e in self.entities if id(e) not in merged]
        for k, v in list(self._last_by_surname.items()):
            if id(v) in merged:
                self._last_by_surname[k] = merged[id(v)]

    def _new(self, toks: list[str], pos: int) -> Entity:
        name = " ".join(toks)
        ent = Entity(name=name, tokens=tuple(toks), first_pos=pos, forms=[name])
        first = toks[0].lower()
        if len(toks) >= 2 and first in FIRST_NAMES_ALL:
            ent.person += 3
            ent.gender = gender_of_first(toks[0])
        if any(is_org_word(t) for t in toks) or "&" in toks:
            ent.org += 4
        if len(toks) == 1 and is_acronym(toks[0]):
            ent.org += 3
        if len(toks) == 1 and first not in FIRST_NAMES_ALL:
            ent.org += 1
        if len(toks) == 1 and first in FIRST_NAMES_ALL:
            ent.person += 2
            ent.gender = gender_of_first(toks[0])
        if any(t[0].isdigit() for t in toks):
            ent.org += 2
        ent.union = is_union_name(toks)
        # "on Facebook": where a post is, not who wrote it (never "it"/"the post").
        ent.facility = is_facility(toks) or (len(toks) == 1 and (toks[0] in PLATFORMS or toks[0] in COUNTRIES))
        if len(toks) >= 2:
            ent.acronym = ""
        self.entities.append(ent)
        self._by_form[norm(name)] = ent
        if len(toks) >= 2:
            self._by_last.setdefault(toks[-1], []).append(ent)
            self._by_first.setdefault(toks[0], []).append(ent)
        return ent

    def _link(self, toks: list[str], pos: int, initial: bool, after: str) -> Entity | None:
        key = norm(" ".join(toks))
        ent = self._by_form.get(key)
        if ent is not None:
            return ent
        if len(toks) >= 2:
            n = len(toks)
            tt = tuple(toks)
            t0, tl = toks[0], toks[-1]
            other = None
            for e in reversed(self.entities):
                et = e.tokens
                m = len(et)
                if m < 2:
                    continue
                # A longer or shorter full form of a known person: same surname and first token.
                if et[-1] == tl and et[0] == t0:
                    if n > m:
                        e.forms.append(" ".join(toks))
                    self._by_form[key] = e
                    return e
                if other is not None or m <= n:
                    continue
                # A two-word surname on second reference: "Davis Gates" -> "Stacy Davis Gates".
                if et[-1] == tl and et[-n:] == tt and et[0].lower() in FIRST_NAMES_ALL and t0.lower() not in FIRST_NAMES_ALL:
                    other = e
                # An organisation's short form: "Apartment Association" -> "Apartment
                # Association of Orange County", "Allegheny Coke" -> "Allegheny Coke Co.".
                elif et[0] == t0 and et[:n] == tt and (
                    et[n].lower() in ("of", "for") or all(x.lower().rstrip(".,") in _CORP_SUFFIXES for x in et[n:])
                ):
                    self._by_form[key] = e
                    other = e
            if other is not None:
                return other
            return self._new(toks, pos)
        t = toks[0]
        if t.lower() in _COMMON_CAPS:
            return None  # "Union leaders", "Company executives": a common noun, not a name
        # Acronym of an organisation.
        if t[:2].isupper():
            for e in self.entities:
                if e.acronym == t or (len(t) >= 3 and t.isupper() and len(e.tokens) >= 3 and initials(list(e.tokens)) == t):
                    if e.acronym != t:
                        e.acronym = t
                    self._by_form[key] = e
                    e.org += 1
                    return e
        low = t.lower()
        org_hit = None
        # Two people may share a surname: the one mentioned most recently.
        person_hit = self._last_by_surname.get(t)
        if person_hit is None:
            same_last = self._by_last.get(t)
            if same_last:
                person_hit = same_last[-1]
        for e in self._by_first.get(t, ()):
            if not e.facility and (e.tokens[0].lower() not in FIRST_NAMES_ALL or low in FIRST_NAMES_ALL):
                org_hit = e  # the earliest introduced
                break
        if person_hit is not None and (person_hit.tokens[0].lower() in FIRST_NAMES_ALL or org_hit is None):
            person_hit.person += 1
            return person_hit
        if org_hit is not None:
            if org_hit.tokens[0].lower() not in FIRST_NAMES_ALL:
                org_hit.org += 1
            return org_hit
        # A surname written differently from the one introduced (McAleigh / McAlevey).
        speech = _speech_after(after)
        verbish = speech or bool(_VERBISH_AFTER_RE.match(after))
        if not initial or speech or low not in FIRST_NAMES_ALL:
            var = self._variant(t) if (not initial or verbish) else None
            if var is not None:
                if t not in var.variants:
                    var.variants.append(t)
                self._by_form[key] = var
                return var
        if initial and not verbish and not after.startswith(("’s", "'s", ",")):
            return None  # a capitalised sentence opener, probably not a name
        return self._new(toks, pos)

    def _variant(self, t: str) -> Entity | None:
        best = None
        best_score = 0.0
        if len(t) < 4:
            return None
        for e in self.entities:
            if len(e.tokens) < 2 or any(is_org_word(x) for x in e.tokens):
                continue
            for cand in [e.tokens[-1], *e.variants]:
                if cand[:2] != t[:2] or abs(len(cand) - len(t)) > 3:
                    continue
                score = Indel.normalized_similarity(cand.lower(), t.lower())
                prefix = _common_prefix(cand.lower(), t.lower())
                if score >= 0.8 or (prefix >= 4 and score >= 0.6):
                    if score > best_score:
                        best, best_score = e, score
        return best

    def _genders(self, starts: list[list[int]]) -> None:
        """Gender from the first he/she after a person's sentence-subject mention."""
        for i, m in enumerate(self.mentions):
            ent = m.entity
            if ent.gender or ent.kind != "person" or not m.sentence_initial or m.possessive:
                continue
            limit = m.end + 240
            for m2 in self.mentions[i + 1 :]:
                if m2.pos >= limit:
                    break
                if m2.entity.kind == "person" and m2.entity is not ent:
                    limit = m2.pos
                    break
            mp = self.masked[m.para]
            base = self.bases[m.para]
            local_end = m.end - base
            sent_end = next((s for s in starts[m.para] if s > local_end), len(mp))
            seg = mp[local_end : min(sent_end, max(local_end, limit - base))]
            pm = _PRONOUN_RE.search(seg)
            if pm:
                ent.gender = "m" if pm.group(1).lower() in ("he", "his", "him") else "f"

    # -- resolution ------------------------------------------------------------
    def mentions_before(self, pos: int):
        i = bisect.bisect_left(self._positions, pos)
        return reversed(self.mentions[:i])

    def by_name(self, name: str, pos: int) -> Entity | None:
        titles, toks = clean_tokens(name)
        if not toks:
            return None
        key = norm(" ".join(toks))
        ent = self._by_form.get(key)
        if ent is not None:
            return ent
        # Fall back to a mention overlapping pos (linking already happened there).
        i = bisect.bisect_left(self._positions, pos)
        for m in self.mentions[max(0, i - 2) : i + 3]:
            if m.pos <= pos + len(name) and m.end >= pos and norm(m.entity.name).endswith(norm(toks[-1])):
                return m.entity
        ent = self._link(toks, pos, False, "")
        if ent is not None and not ent.kind:
            ent.decide()
        return ent

    def pronoun(self, word: str, pos: int, sentence_start: int) -> Entity | None:
        g = PRONOUNS.get(word.lower(), "")
        if g in ("m", "f"):
            in_sentence = None
            best = None
            unknown = None  # a person of unknown gender seen first
            para = self._para_of(pos)
            for m in self.mentions_before(pos):
                e = m.entity
                if e.kind != "person" or (e.gender and e.gender != g):
                    continue
                if m.pos >= sentence_start:
                    in_sentence = e  # ends on the sentence's first fitting person
                    continue
                if not e.gender and unknown is None:
                    # Keep looking a little further for someone known to fit:
                    # "Gov. Ron Harlan ... Karen Holt, who spoke with Harlan, said
                    # ... she said" is Holt, not the man whose name we don't know.
                    unknown = e
                    continue
                if unknown is not None and (not e.gender or para - m.para > 1):
                    break
                best = e
                break
            best = in_sentence or best or unknown
            if best is not None and not best.gender:
                best.gender = g
            return best
        if g in ("n", "pl"):
            window = 5 if g == "n" else 2
            para = self._para_of(pos)
            if g == "pl":
                # "When Ruiz asked the crowd what they wanted, they shouted back":
                # a group named in the sentence, not an organisation.
                base = self.bases[para]
                if _GROUP_RE.search(self.masked[para], max(0, sentence_start - base), max(0, pos - base)):
                    return None
            for m in self.mentions_before(pos):
                if para - m.para >= window:
                    break
                e = m.entity
                if e.kind == "organization" and not e.facility:
                    return e
                if e.kind == "person" and e.person <= 1 and not e.gender and not e.facility:
                    # A two-word name with no sign of being a person ("Kaiser
                    # Permanente") that the text calls "it"/"they".
                    e.kind = "organization"
                    return e
            return None
        return None

    def _para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.bases, pos) - 1

    def recent_org(self, pos: int, *, union: bool | None = None, head: str = "") -> Entity | None:
        if head:
            for m in self.mentions_before(pos):
                e = m.entity
                if e.kind == "organization" and any(t.lower() == head for t in e.tokens):
                    return e
        for m in self.mentions_before(pos):
            e = m.entity
            if e.kind != "organization" or e.facility:
                continue
            if union is None or e.union == union:
                return e
        return None

    def doc_owner(self, pos: int) -> Entity | None:
        best = None
        for p, e in self._doc_owners:
            if p < pos:
                best = e
        if best is not None and best.kind == "organization":
            return best
        return self.recent_org(pos, union=False) or best

    def epithet(self, head: str, modifier: str, pos: int) -> Entity | None:
        """The person a role description stands for ("the Ohio Democrat", "the
        6-foot-9 forward", "the spokeswoman"): a party label matching it
        ("D-Ohio"), else the latest person whose title or description has the
        role word (within six paragraphs), else the latest fitting person named
        in this paragraph or the one before."""
        para = self._para_of(pos)
        gender = EPITHET_GENDER.get(head, "")
        mod = modifier
        if head in ("democrat", "republican", "independent"):
            party = head[0].upper()
            for m in self.mentions_before(pos):
                if para - m.para > 8:
                    break
                e = m.entity
                if e.kind == "person" and e.party == party and _state_ok(mod, e.state):
                    return e
        role_re = re.compile(rf"\b{re.escape(head[:6])}")
        for m in self.mentions_before(pos):
            if para - m.para > 6:
                break
            e = m.entity
            if e.kind != "person" or (gender and e.gender and e.gender != gender):
                continue
            if role_re.search(f"{e.title} {e.description}".lower()):
                return e
        if head in _SPOKES:
            return None
        for m in self.mentions_before(pos):
            if para - m.para > 1:
                break
            e = m.entity
            if e.kind == "person" and not (gender and e.gender and e.gender != gender):
                return e
        return None

    def resolve(self, ph: Phrase, pos: int, sentence_start: int) -> Entity | None:
        if ph.kind == "pronoun":
            return self.pronoun(ph.text, pos, sentence_start)
        if ph.kind == "epithet":
            return self.epithet(ph.head, ph.modifier, pos)
        if ph.kind == "name":
            if ph.description in ("elder", "older", "younger") and " " not in ph.text:
                e = self._generation(ph.text, ph.description == "younger", pos)
                if e is not None:
                    return e
            return self.by_name(ph.text, pos)
        if ph.kind in ("official", "document"):
            if ph.modifier:
                mod = ph.modifier
                if mod.lower() in PRONOUNS:
                    return self.pronoun(mod, pos, sentence_start)
                low = mod.lower()
                if low.startswith(("the ", "a ", "an ")) or low in UNION_NOUNS or low in EMPLOYER_NOUNS:
                    sub = parse_phrase(mod)
                    if sub.kind == "definite":
                        return self._definite(sub.head, pos)
                    if sub.kind == "name":
                        return self.by_name(sub.text, pos)
                    return None
                e = self.by_name(mod, pos)
                if e is not None and ph.kind == "official" and e.kind == "person":
                    return None
                return e
            if ph.kind == "document":
                return self.doc_owner(pos)
            if ph.head in _SPOKES:
                # "the spokeswoman said" after "spokeswoman Sarah Larsen": her.
                if ph.text.lower().split()[0] == "the":
                    e = self.epithet(ph.head, "", pos)
                    if e is not None:
                        return e
                # "a spokesperson said": the organisation the text is about.
                return self.recent_org(pos)
            return None  # bare "officials said": whose officials is a guess
        if ph.kind == "definite":
            return self._definite(ph.head, pos)
        return None

    def _generation(self, surname: str, younger: bool, pos: int) -> Entity | None:
        """"the elder Russo" / "the younger Russo" among people sharing a surname:
        a son or daughter is the younger; otherwise the first introduced is the elder."""
        fam = [e for e in self.entities if len(e.tokens) >= 2 and e.tokens[-1] == surname and e.first_pos < pos]
        if len(fam) < 2:
            return None
        kids = [e for e in fam if e.kin in ("son", "daughter")]
        if younger:
            return kids[-1] if kids else fam[-1]
        rest = [e for e in fam if e not in kids]
        return rest[0] if rest else fam[0]

    def _definite(self, head: str, pos: int) -> Entity | None:
        if head in UNION_NOUNS:
            return self.recent_org(pos, union=True, head=head if head not in ("union", "unions") else "")
        if head in EMPLOYER_NOUNS or head in ("system", "provider", "hospital"):
            e = self.recent_org(pos, union=False, head=head)
            return e
        for m in self.mentions_before(pos):
            e = m.entity
            if e.kind == "organization" and any(t.lower() == head for t in e.tokens):
                return e
        return None


_COMMON_CAPS = UNION_NOUNS | EMPLOYER_NOUNS | GENERIC_PEOPLE | OFFICIAL_NOUNS | DOCUMENT_NOUNS | frozenset(
    "labor labour economists analysts officials strikers unionized striking hospital health".split()
)
_SPOKES = frozenset("spokesperson spokesman spokeswoman spokespeople spokespersons representative".split())
_GROUP_RE = re.compile(
    r"\b(?:the|a|an)\s+(?:\w+\s+)?(?:crowd|crowds|protesters|demonstrators|marchers|audience|fans|strikers|"
    r"picketers|supporters|residents|students|parents|group|rally|mob|congregation)\b",
    re.I,
)
_CORP_SUFFIXES = frozenset("co inc corp corporation company llc ltd plc group holdings sa ag nv lp llp".split())
_PLACE_BEFORE = (" in ", " near ", " outside ", " across ", " throughout ", " around ", " downtown ")
_PARTY_RE = re.compile(r"^(?:,\s*|\s*\()(?P<p>[DRI])-(?P<st>[A-Z][\w.]*(?:\s?[A-Z][\w.]*)?)[,)]")
_KIN_BEFORE_RE = re.compile(
    r"\b(wife|husband|son|daughter|mother|father|sister|brother|partner|friend|coworker|co-worker|"
    r"colleague|neighbor|neighbour|boss|aunt|uncle|grandmother|grandfather|girlfriend|boyfriend),\s*$",
    re.I,
)
_KIN_GENDER = {
    "wife": "f", "mother": "f", "daughter": "f", "sister": "f", "aunt": "f", "grandmother": "f", "girlfriend": "f",
    "husband": "m", "father": "m", "son": "m", "brother": "m", "uncle": "m", "grandfather": "m", "boyfriend": "m",
}
_ROLE_STOP = frozenset(
    "the a an of at to in on for with by from and or that who which as said says told is was are were has had have "
    "this these those its his her their our my your".split()
)
_ROLE_SUFFIX = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ive", "ee")
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
            if len(cand) == j and ("".join(cand).startswith(st) or "".join(w[0] for w in cand) == st):
                return True
    return False


def _speech_after(after: str) -> bool:
    """True when a speech verb follows (after an optional appositive): 'Smith, 45, said'."""
    s = after
    if s.startswith(","):
        k = s.find(",", 1)
        if 0 < k <= 121:
            s = s[k + 1 :]
    if not s[:1].isspace():
        return False
    words = s.split(None, 2)
    if not words:
        return False
    w = words[0]
    if w.endswith("ly") and len(words) > 1:
        w = words[1]
    return w.strip(".,;:").lower() in SAY_VERBS
_VERBISH_AFTER_RE = re.compile(r"^\s+(?:[a-z]+ed|[a-z]+s|is|was|has|had|will|would|can|could|did|does)\b")


def _is_role_word(w: str) -> bool:
    lw = w.lower().strip(",.")
    if lw in ROLE_TITLES:
        return True
    return len(lw) > 3 and lw.endswith(_ROLE_SUFFIX) and lw not in _ROLE_STOP


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _after_open(mp: str, s: int, sstarts: set[int]) -> bool:
    """True when only quote marks/brackets separate s from a sentence start."""
    k = s
    while k > 0 and mp[k - 1] in "\"“”‘’'([":
        k -= 1
    return k != s and k in sstarts


# -- phrase parsing -----------------------------------------------------------
_LEAD_RE = re.compile(r"^(?:and|but|or|so|then|also|yet|while|though|as|however)\b[\s,]*", re.I)
_PREP_START = frozenset(
    "in on at after before during while when although though as since because if instead "
    "meanwhile still but and unlike like under over into through across amid despite until "
    "outside inside near last earlier later this for with by from to".split()
)
_DETERMINERS = frozenset("the a an one another its their his her our this that these those some".split())
_DOC_INTRO_TAIL_RE = re.compile(
    r"^(?P<subj>.*?)\s*\b(?P<dv>sent|issued|released|provided|put out|posted|shared|emailed|gave|published|released)\s+"
    r"(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){0,2}?(?P<doc>statement|email|e-mail|letter|memo|release|"
    r"post|message|notice|announcement|note|text)\s*(?:that|which)?\s*$",
    re.I,
)
_NAME_TAIL_RE = re.compile(
    r"((?:[A-Z][\w’'\-.&]*)(?:\s+(?:[A-Z][\w’'\-.&]*|de|da|van|von|der|del|la|le|bin|al|di|du|&|(?:of|for|and)(?=\s+[A-Z])))*)$"
)
_NAME_OF_RE = re.compile(r"^(?P<left>.*?[A-Z][\w’'\-]*)\s+(?P<rel>of|at|from|with|in)\s+(?P<right>(?:the\s+)?[A-Z].*)$")
_LED_BY_RE = re.compile(r"\b(?:led|headed)\s+by\s+(?P<name>[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){1,3})$")
_IT_SAID_START = (" said ", " says ", " announced ", " added ", " stated ", " confirmed ")
_IT_SAID_RE = re.compile(r"^\s+(?:said|says|announced|added|stated|confirmed)\s+(?:that\s+)?(?:it|its)\b")
_PAREN_PARTY_RE = re.compile(r"\s*\([DRI]-[A-Z][\w. ]{0,20}\)")
_PLURAL_ORG_NOUNS = frozenset("unions companies automakers studios airlines hospitals employers districts carriers".split())
_QUANTITY_START = frozenset(
    "one another someone some many several hundreds thousands dozens millions scores tens dozen".split()
)
_LINK_WORDS = frozenset("of for and de da van von der den del la le di du &".split())


def doc_intro_split(phrase: str) -> tuple[str, str] | None:
    """'they sent a statement that' -> ('they', 'sent a statement that')."""
    m = _DOC_INTRO_TAIL_RE.match(phrase)
    if not m:
        return None
    return m.group("subj"), phrase[m.start("dv") :].strip()


def _is_name_segment(seg: str) -> bool:
    toks = seg.split()
    if not toks or len(toks) > 7:
        return False
    if toks[0].lower() in _PREP_START:
        return False
    _, clean = clean_tokens(seg)
    if not clean:
        return False
    if not clean[0][:1].isupper():
        return False
    return all(t[:1].isupper() or t[:1].isdigit() or t.lower() in ("of", "and", "the", "for", "de", "van", "von", "la", "le", "da", "del", "&") for t in clean)


def parse_phrase(phrase: str, *, inverted: bool = False) -> Phrase:
    """Parse the speaker phrase of a cue into a Phrase.

    ``inverted`` marks the phrase after the verb in '"...," said Name, title':
    the first comma segment is the speaker, the rest its description.
    """
    raw = phrase.replace("\x1f", " ").strip()
    if "(" in raw:
        raw = _PAREN_PARTY_RE.sub("", raw)  # "Sen. Laura Whitby (D-Va.)"
    if inverted and "," in raw:
        head, _, rest = raw.partition(",")
        ph = _parse_segment(head)
        d = _clean_desc(rest)
        if d and not ph.description:
            ph.description = d
        return ph
    ends_comma = raw.endswith(",")
    raw = raw.strip(" ,;:—–-\"“”")
    raw = _LEAD_RE.sub("", raw).strip()
    if not raw:
        return Phrase("none", "")
    desc = ""
    subj = raw
    if "," in raw:
        segs = [s.strip() for s in raw.split(",") if s.strip()]
        if ends_comma or len(segs) >= 2:
            idx = -1
            for i, sg in enumerate(segs):
                if _is_name_segment(sg):
                    idx = i
                    break
            if ends_comma or (idx >= 0 and idx < len(segs) - 1 and not _is_name_segment(segs[-1]) and segs[-1].split()[0].lower() not in PRONOUNS):
                if idx < 0:
                    idx = next((i for i, sg in enumerate(segs) if sg.split()[0].lower() not in _PREP_START), len(segs) - 1)
                subj = segs[idx]
                after = [s for s in segs[idx + 1 :] if _clean_desc(s)]
                before = [s for s in segs[:idx] if s.split()[0].lower() not in _PREP_START]
                if after:
                    desc = _clean_desc(", ".join(segs[idx + 1 :]))
                elif before:
                    desc = _clean_desc(before[-1])
            else:
                subj = segs[-1]
    ph = _parse_segment(subj)
    if desc and not ph.description:
        ph.description = desc
    return ph


def _parse_segment(seg: str) -> Phrase:
    seg = seg.strip(" ,;:")
    seg = _LEAD_RE.sub("", seg).strip()
    words = seg.split()
    if not words:
        return Phrase("none", "")
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return Phrase("pronoun", low[0])
    if len(words) > 12:
        return Phrase("none", "")
    if low[0] in _QUANTITY_START and len(words) > 1:
        return Phrase("generic", seg)  # "Hundreds of tenants", "Dozens of workers"
    # "the elder Russo": one of two people sharing a surname.
    if low[0] == "the" and len(words) == 3 and low[1] in ("elder", "older", "younger") and words[2][:1].isupper():
        return Phrase("name", words[2], description=low[1])
    # "Morgan Stanley analysts led by Keith Wren": the named lead author.
    lm = _LED_BY_RE.search(seg) if " by " in seg else None
    if lm:
        return Phrase("name", " ".join(clean_tokens(lm.group("name"))[1]))
    # "the Ohio Democrat", "the 6-foot-9 forward": a description standing for a
    # person introduced earlier.
    if low[0] == "the" and 2 <= len(words) <= 5 and low[-1].rstrip(".,") in EPITHET_NOUNS and low[-1] not in OFFICIAL_NOUNS:
        return Phrase("epithet", seg, head=low[-1].rstrip(".,"), modifier=" ".join(words[1:-1]))
    # "Economist Raymond Cole of Temple University"
    m = _NAME_OF_RE.match(seg)
    if m and not any(is_org_word(t) for t in m.group("left").split()[-2:]):
        inner = _parse_segment(m.group("left"))
        if inner.kind == "name":
            if any(is_org_word(t) for t in m.group("right").split()):
                extra = f"{m.group('rel')} {m.group('right')}"
                inner.description = f"{inner.description} {extra}".strip() if inner.description else extra
            return inner
    head_word, _ = strip_possessive(words[-1])
    head = head_word.lower().strip(".")
    # Trailing proper name: "union president Sara Nelson", "Kaiser spokesperson Steve Shivinsky".
    nt = _NAME_TAIL_RE.search(seg)
    if nt and nt.start() > 0 and head not in OFFICIAL_NOUNS | DOCUMENT_NOUNS:
        name_part = nt.group(1)
        prefix = seg[: nt.start()].strip()
        titles, toks = clean_tokens(name_part)
        last_pre = prefix.split()[-1].lower() if prefix.split() else ""
        if toks and looks_personal(toks):
            role = " ".join([prefix, *titles]).strip()
            role = _clean_desc(role) if role else ""
            # Not when the name continues leftwards: "The Association of American Railroads".
            if last_pre and last_pre not in _PREP_START and last_pre not in _LINK_WORDS:
                return Phrase("name", " ".join(toks), description=role)
        elif toks and last_pre == "the" and any(is_org_word(t) for t in toks):
            # "a pay offer the Royal College of Nursing described as ...": an
            # organisation named at the end of the phrase.
            return Phrase("name", " ".join(toks))
    if low[0] == "the" and len(words) > 1 and _is_name_segment(" ".join(words[1:])) and words[-1][:1].isupper():
        titles, toks = clean_tokens(" ".join(words[1:]))
        return Phrase("name", " ".join(toks))
    if _is_name_segment(seg) and not (low[0] in _DETERMINERS):
        titles, toks = clean_tokens(seg)
        desc = " ".join(titles)
        return Phrase("name", " ".join(toks), description=desc if titles and titles[-1].lower().rstrip(".") not in HONORIFICS else "")
    # Documents and officials: "the statement", "Kaiser’s offer", "a Kaiser employee",
    # "a spokesperson for the hospital system", "union officials".
    mod = ""
    # "a spokesperson for the district": the owner follows the head noun; but in
    # "A Department of Health and Social Care spokesperson" the head noun comes
    # last and the "of" belongs to the organisation's name.
    fm = None if head in DOCUMENT_NOUNS or head in OFFICIAL_NOUNS else re.search(r"\b(?:for|of|from|at|with)\s+(.+)$", seg)
    core_words = words
    if fm:
        mod = fm.group(1).strip()
        core_words = seg[: fm.start()].split()
        if core_words:
            hw, _ = strip_possessive(core_words[-1])
            head = hw.lower()
    if head in DOCUMENT_NOUNS or head in OFFICIAL_NOUNS:
        kind = "document" if head in DOCUMENT_NOUNS else "official"
        if not mod:
            pre = [w for w in core_words[:-1] if w.lower() not in _DETERMINERS]
            for i, w in enumerate(core_words[:-1]):
                base, poss = strip_possessive(w)
                if poss:
                    mod = " ".join(core_words[: i + 1])
                    mod = strip_possessive(mod)[0]
                    break
            if not mod:
                caps = [w for w in pre if w[:1].isupper()]
                if any(w.lower() in UNION_NOUNS for w in pre):
                    mod = "the union"
                elif any(w.lower() in EMPLOYER_NOUNS for w in pre):
                    mod = "the " + next(w.lower() for w in pre if w.lower() in EMPLOYER_NOUNS)
                elif caps:
                    first_cap = next(i for i, w in enumerate(pre) if w[:1].isupper())
                    named = pre[first_cap:]
                    mod = " ".join(named) if _is_name_segment(" ".join(named)) else " ".join(caps)
        if mod:
            mlow = mod.lower()
            mwords = mlow.split()
            if mwords and mwords[0] in ("the", "a", "an") and mwords[-1].rstrip("'’s") in GENERIC_PEOPLE | {"companies", "studios", "sides", "parties"}:
                return Phrase("generic", seg)
            if mlow.rstrip("'’") in ("the companies", "the studios", "both sides", "the parties", "officials"):
                return Phrase("generic", seg)
        return Phrase(kind, seg, head=head, modifier=mod)
    if head in GENERIC_PEOPLE or low[0] in _QUANTITY_START:
        return Phrase("generic", seg)
    if low[0] in ("the", "its", "their") and len(words) <= 4:
        if head in _PLURAL_ORG_NOUNS:
            return Phrase("generic", seg)  # "the unions argued": several organisations
        return Phrase("definite", seg, head=head)
    # A possessive owner: "Kaiser’s offer" with a non-document head still names Kaiser.
    for i, w in enumerate(words[:-1]):
        base, poss = strip_possessive(w)
        if poss and base[:1].isupper():
            return Phrase("official", seg, head=head, modifier=" ".join(words[:i] + [base]))
    caps = [w for w in words if w[:1].isupper() and w not in STOP_CAPS]
    if caps and len(caps) == len(words):
        return Phrase("name", " ".join(clean_tokens(seg)[1]))
    return Phrase("generic", seg)
