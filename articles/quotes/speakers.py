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

Round-3 rules (benchmarks/gold/quotes_round3, tests/articles/quotes/test_round3.py):

* role descriptions resolve to the most recent person (within ten paragraphs)
  introduced with that role, in a title, an appositive or the words just before
  the name (``by_role``): "the mother of six" -> "Miriam Friesen, a mother of six";
  "the cornerback" -> "cornerback Marcus Tate"; "the 34-year-old" -> "Tamika
  Hurst, 34,"; "the executive" -> "Chief Executive Officer Priya Raman"; "the
  Atlas executive" only to an executive introduced with Atlas; a few role
  synonyms ("the union leader" -> "union president Hernán Soto"). Nobody
  introduced that way: unattributed, except for the party/demonym epithets
  above, whose fallback is the subject of the latest sentence naming a person
  ("Okoye finished ... after Boston’s Hart missed" -> Okoye);
* "the hotel" / "the hospital" / "the company" go to the latest organisation of
  that type ("Bayshore Grand Hotel", "... Medical Center"; "the company" skips
  cities, agencies and unions), and a lone capitalised word with no sign of
  being an organisation ("the Denver metro area") is passed over;
* "Mr." / "Ms." pick, among people sharing a surname, the one of that gender;
* a he/she with nobody fitting in its own sentence takes the subject of the
  sentence before: the same pronoun opening it (recursively), a role description
  opening it ("The spokeswoman said ... She said ..."), or a person named there
  before any verb ("His campaign manager, Teresa Villanueva, told reporters that
  Ortega had called Whitcomb ..." -> Villanueva); a capitalised run with no sign
  of being a person ("the Westin Book Cadillac") is never a he/she;
* organisation evidence: an appositive whose head noun is an organisation ("a
  joint venture between ...", "one of the companies that ..."), "X said in a
  statement that it ...", "X's chief executive", a facility name ("... Grand
  Hotel"); a short form links to a longer name that only adds organisation words
  ("Lone Star" -> "Lone Star Freight Lines") or a facility named after it
  ("Brookdale" -> "Brookdale Presbyterian Medical Center", but not
  "Providence" -> "Providence St. Vincent Medical Center"); a name joined by
  "and"/"of" is kept whole when the article uses its acronym ("Food and Drug
  Administration" / "FDA");
* descriptions are not names: "The Kansas Republican cut her off", "the
  first-term Democrat", "the Uruguayan" create no entity.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from rapidfuzz.distance import Indel

from .lexicon import (
    COUNTRIES,
    DEMONYMS,
    DOCUMENT_NOUNS,
    EMPLOYER_NOUNS,
    EPITHET_GENDER,
    EPITHET_NOUNS,
    FIRST_NAMES_ALL,
    GENERIC_PEOPLE,
    HONORIFICS,
    NAME_PARTICLES,
    OFFICIAL_NOUNS,
    PLATFORMS,
    PRONOUNS,
    ROLE_TITLES,
    SAY_VERBS,
    STOP_CAPS,
    UNION_ACRONYMS,
    UNION_NOUNS,
)
from .names import (
    ACRONYM_AFTER_RE,
    RUN_RE,
    _is_title,
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
_PRONOUN_CUE_RE = re.compile(
    r"(?:[\x1f\"”’'],?\s*|(?:^|[.!?]\s+|\n))([Hh]e|[Ss]he)\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|wrote|writes|explained|recalled|replied)\b"
)
_DOC_KEYS_RE = re.compile(
    "statement|mail|letter|memo|release|post|message|notice|announcement|lawsuit|complaint|filing|report"
)
_ORG_FOLLOW_RE = re.compile(
    r"^(?:’s|'s)?\s+(?:workers|employees|leaders|officials|executives|members|stores|"
    r"hospitals|plants|facilities|therapists|nurses|staff|management|spokesperson|"
    r"spokesman|spokeswoman|locations|shareholders|board|negotiators|headquarters)\b"
)
# "RideNow's chief executive", "Kestrel's shares": only an organisation has these.
_ORG_POSS_RE = re.compile(
    r"^(?:’s|'s)\s+(?:chief\s+executive|president|ceo|chairman|chairwoman|shares|stock|revenue|profits?|"
    r"drivers|customers|app|website|annual|quarterly|earnings)\b"
)
_DOC_INTRO_RE = re.compile(
    r"\b(?:in|issued|released|sent|provided|put out|emailed|posted|published)\s+"
    r"(?:a|an|its|their|the|his|her)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|email|e-mail|letter|memo|release|post|message|notice|announcement|lawsuit|complaint|"
    r"filing|court\s+filing|report)\b",
    re.I,
)
_BAD_DESC_START = (
    "who ",
    "which ",
    "whose ",
    "that ",
    "where ",
    "when ",
    "of ",
    "from ",
    "in ",
    "said",
    "says",
    "however",
    "though",
    "too",
    "also",
)
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

    roles: str = ""  # Round 7: "He is an endocrinologist at ...", a later sentence
    kin: str = ""  # "his son, Michael Russo" -> "son"
    seq: int = 0  # creation order
    modifier_uses: int = 0  # "a VIP package": the name only modifies a noun
    plain_uses: int = 0
    addressed: int = 0  # Round 8: "told DW", "in a response to The Japan Times"

    def decide(self) -> None:
        if self.place > self.person and self.place > self.org:
            self.kind = "place"  # never a speaker
        elif self.person > self.org:
            self.kind = "person"
        elif self.org > self.person:
            self.kind = "organization"
        else:
            # Round 5: a tie with an organisation word in the name ("Savannah Ledger")
            # is an organisation.
            self.kind = (
                "person"
                if len(self.tokens) >= 2 and not any(is_org_word(t) for t in self.tokens)
                else "organization"
            )

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


_AGE_LEAD_RE = re.compile(r"^\d{1,3},\s*")
_AGE_APPOS_RE = re.compile(r"^,\s+\d{1,3},\s")
_NUM_RE = re.compile(r"\d{1,3}")
_OWNER_AFTER_RE = re.compile(r"\b(?:for|of|from|at|with)\s+(.+)$")


def _clean_desc(d: str) -> str:
    d = d.strip(" ,.;:—–-\x1f")
    d = _AGE_LEAD_RE.sub("", d)  # an age before the role: "38, a welder"
    for art in ("a ", "an ", "the "):
        if d.lower().startswith(art):
            d = d[len(art) :]
            break
    low = d.lower()
    if not d or low.startswith(_BAD_DESC_START) or _NUM_RE.fullmatch(d) or len(d.split()) > 18:
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
        self._bare_holder: dict[str, Entity] = {}  # surname -> person it was last used alone for
        self._full_pos: dict[int, int] = {}  # id(entity) -> offset of its latest full-name mention
        self._by_last: dict[str, list[Entity]] = {}  # last / first token -> multi-word entities
        self._by_first: dict[str, list[Entity]] = {}
        self._by_mid: dict[str, Entity] = {}  # Round 7: "Edgar Tzul Ajanel" -> "Tzul"
        self.masked = masked
        self.bases = bases
        # Acronyms used anywhere: "Food and Drug Administration" stays one name
        # when the article also calls it "FDA".
        self._all_text: str | None = None
        for pi, mp in enumerate(masked):
            self._scan(pi, mp, bases[pi], set(starts[pi]))
        self._forward_surnames()
        for e in self.entities:
            e.decide()
        self._genders(starts)
        self._positions = [m.pos for m in self.mentions]
        self._copula_roles(starts)
        self._starts = starts
        self._ctx: dict[int, str] = {}

    # -- building ---------------------------------------------------------------
    def _scan(self, pi: int, mp: str, base: int, sstarts: set[int]) -> None:
        low = mp.lower()
        self._docs_here = (
            [m.start() for m in _DOC_INTRO_RE.finditer(mp)] if _DOC_KEYS_RE.search(low) else []
        )
        for run in RUN_RE.finditer(mp):
            text = run.group()
            if text in STOP_CAPS:
                continue
            rs = run.start()
            pieces = split_run(text)
            if len(pieces) > 1:
                a0, b1 = pieces[0][0], pieces[-1][1]
                acr = _initials_of(text[a0:b1])
                if len(acr) >= 3:
                    if self._all_text is None:
                        self._all_text = "\n".join(self.masked)
                    if (
                        acr in self._all_text
                        and re.search(rf"\b{acr}\b", self._all_text)
                        and all(
                            text[pieces[k][1] : pieces[k + 1][0]].strip() in _JOIN_WORDS
                            for k in range(len(pieces) - 1)
                        )
                    ):
                        pieces = ((a0, b1),)
                if len(pieces) > 1 and mp.startswith(" (", run.end()):
                    # Round 4: "The Convention of Scottish Local Authorities (Cosla)":
                    # a short form in brackets right after the run names all of it.
                    am = ACRONYM_AFTER_RE.match(mp, run.end())
                    if (
                        am
                        and am.group("a")[0] == text[a0]
                        and all(
                            text[pieces[k][1] : pieces[k + 1][0]].strip() in _JOIN_WORDS
                            for k in range(len(pieces) - 1)
                        )
                    ):
                        pieces = ((a0, b1),)
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
                if k == last and mp.startswith(" government", e) and _GOV_ADJ_RE.fullmatch(mp[s:e]):
                    # Round 4: "the Welsh government", "the Ontario government": a
                    # name in British/Canadian style with a lowercase head noun.
                    e += len(" government")
                self._add_run(
                    pi, mp, base, s, e, s in sstarts or _after_open(mp, s, sstarts), surname
                )

    def _add_run(
        self, pi: int, mp: str, base: int, s: int, e: int, initial: bool, surname: str = ""
    ) -> None:
        surface = mp[s:e]
        titles, toks, epithet, skip = _run_info(surface, surname)
        if skip:
            return
        if epithet and (
            mp[max(0, s - 4) : s].lower() == "the " or _THE_MOD_RE.search(mp, max(0, s - 40), s)
        ):
            return  # "The German, who ...", "The Kansas Republican cut her off": a description
        if len(toks) == 1 and initial and toks[0] in STOP_CAPS:
            return
        toks = list(toks)
        after = mp[e : e + 160]
        poss = after.startswith(("’s", "'s")) or surface.endswith(("’s", "'s"))
        ent = self._link(toks, base + s, initial, after, titles)
        if ent is None:
            return
        if titles and len(toks) == 1 and ent.gender:
            # "Mr. Chen" / "Ms. Becker" when a man and a woman share the surname:
            # the courtesy title picks the one of that gender.
            hg = _HONORIFIC_GENDER.get(titles[-1].lower().rstrip("."), "")
            if hg and ent.gender != hg:
                alt = [x for x in self._by_last.get(toks[0], ()) if x.gender == hg]
                if not alt:
                    # Round 7: or the relative whose gender is not known yet
                    # ("Anselmo Ferrante ... His daughter, Giuliana Ferrante ...
                    # Mr. Ferrante said").
                    alt = [
                        x
                        for x in self._by_last.get(toks[0], ())
                        if not x.gender and x.kind != "organization" and x.org <= x.person
                    ]
                if alt:
                    ent = alt[-1]
        elif (
            not titles
            and len(toks) == 1
            and ent.gender
            and len(self._by_last.get(toks[0], ())) > 1
            and after[:1] in " ,("
        ):
            # Round 8: "Matsumoto said he would ..." when a husband and wife share
            # the surname: the pronoun right after the speech verb picks the one.
            pm = _SAID_PRONOUN_RE.match(after)
            pg = ("m" if pm.group(1) == "he" else "f") if pm else ""
            if pg and ent.gender != pg:
                alt = [
                    x
                    for x in self._by_last.get(toks[0], ())
                    if x.gender == pg and x.kind != "organization"
                ]
                if len(alt) == 1:
                    ent = alt[0]
        m = Mention(base + s, base + e, pi, ent, initial, poss)
        self.mentions.append(m)
        if (
            len(toks) == 1
            and not titles
            and mp[max(0, s - 4) : s] == "the "
            and len(ent.tokens) >= 2
            and ent.tokens[-1] == toks[0]
        ):
            ent.org += 2  # Round 5: "reviewed by the Ledger": a person is not "the Smith"
        if (
            len(toks) == 1
            and _MOD_BEFORE_RE.search(mp, max(0, s - 4), s)
            and _MOD_AFTER_RE.match(after)
        ):
            ent.modifier_uses += 1
        else:
            ent.plain_uses += 1
        if _ADDRESSEE_BEFORE_RE.search(mp, max(0, s - 40), s):
            ent.addressed += 1
        if not ent.union and " union" in after[:40] and _UNION_HEAD_AFTER_RE.match(after):
            # Round 8: "The Vereinigung Cockpit (VC) pilots' union called ...": a
            # name without a union word, used as a union's name.
            ent.union = True
        if len(ent.tokens) >= 2:
            self._last_by_surname[ent.tokens[-1]] = ent
            if len(toks) >= 2:
                self._full_pos[id(ent)] = base + s
        # Evidence.
        if titles:
            t0 = titles[-1].lower().rstrip(".")
            if (
                t0 not in HONORIFICS
                and t0 not in ROLE_TITLES
                and titles[0].lower().rstrip(".") in ROLE_TITLES
            ):
                t0 = titles[0].lower().rstrip(".")  # "Secretary of State Andrea Kowal"
            if t0 in HONORIFICS or t0 in ROLE_TITLES or ("-" in t0 and _is_title(t0)):
                # Round 8: a hyphenated title ("Secretary-General") counts too.
                ent.person += 4
                if not ent.title:
                    ent.title = " ".join(titles)
                if t0 in ("mr",):
                    ent.gender = ent.gender or "m"
                elif t0 in ("mrs", "ms", "miss"):
                    ent.gender = ent.gender or "f"
        if _ORG_FOLLOW_RE.match(after) or (poss and _ORG_POSS_RE.match(after)):
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
        if (
            am
            and am.group("d")[:1].islower()
            and not am.group("d").startswith(("a ", "an ", "the "))
        ):
            w0 = am.group("d").split()[0].lower()
            if w0 in SAY_VERBS or w0.endswith("ed") or w0 in _ROLE_STOP:
                am = None
        if am:
            d = _clean_desc(am.group("d"))
            if _AGE_APPOS_RE.match(after):
                # Round 4: "Pettiford, 47, a bus operator for 19 years,": an age
                # makes a person, whatever the role noun ("operator").
                ent.person += 3
            elif _org_appositive(am.group("d")):
                ent.org += 3  # "Voltera Cells, a joint venture between ...": an organisation
            elif am.group("d").lstrip().lower().startswith(("a ", "an ")) or (
                d and _PERSON_ROLE_RE.search(d)
            ):
                ent.person += 2
        elif after[:4] in (" is ", " was", " has"):
            cm = _COPULA_RE.match(after)
            if cm:
                d = _clean_desc(cm.group("d"))
        nm = (
            _NAME_ONLY_BEFORE_RE.search(mp, max(0, s - 60), s)
            if " as " in mp[max(0, s - 4) : s] or "name" in mp[max(0, s - 12) : s]
            else None
        )
        if nm:
            # Round 5: "One farmer, who gave his name only as Balasaheb, said": a person.
            ent.person += 4
            gw = nm.group("g") or nm.group("g2")
            if not ent.gender and gw and gw.lower() != "their":
                ent.gender = "m" if gw.lower() in ("his", "himself") else "f"
        km = _KIN_BEFORE_RE.search(mp, max(0, s - 30), s) if "," in mp[max(0, s - 3) : s] else None
        if km:
            ent.person += 3
            kin = km.group(1).lower()
            ent.kin = ent.kin or kin
            if not ent.gender and kin in _KIN_GENDER:
                ent.gender = _KIN_GENDER[kin]
        elif "," in mp[max(0, s - 3) : s] and len(toks) >= 2:
            # "His campaign manager, Ines Morales,": a role, then the person holding it.
            rm = _ROLE_COMMA_RE.search(mp, max(0, s - 40), s)
            if rm and _is_role_word(rm.group(1)) and not is_org_word(rm.group(1)):
                ent.person += 2
        rel = after.lstrip(", ")[:6].lower()
        if rel == "which ":
            ent.org += 2
        elif rel[:4] == "who ":
            ent.person += 2
            if not ent.gender and after[:2] == ", ":
                # Round 8: "Ngaire Tuhiwai, who milks 600 cows with her partner,
                # Rangi, said": a his/her inside the person's own relative clause.
                clause = after[2:].split(",", 1)[0]
                hm = _WHO_POSS_RE.search(clause)
                if hm and not _WHO_POSS_RE.search(clause, hm.end()):
                    ent.gender = "f" if hm.group(1).startswith("her") else "m"
        if not d and s > 0 and mp[s - 1] == " " and mp[s - 2 : s - 1].isalpha():
            words = mp[max(0, s - 60) : s].split()[-4:]
            if words:
                keep: list[str] = []
                for w in reversed(words):
                    lw = w.lower().strip(",")
                    if (
                        w.endswith(",")
                        or lw in _ROLE_STOP
                        or lw in SAY_VERBS
                        or not w.replace("-", "").replace("’", "").replace("'", "").isalpha()
                    ):
                        break
                    keep.append(w)
                keep.reverse()
                if keep and _is_role_word(keep[-1]):
                    d = " ".join(keep)
                    ent.person += 2
        if d and not ent.description:
            ent.description = d
        if (
            self._docs_here
            and not _in_relative(mp, s)
            and (
                any(e <= d < e + 80 for d in self._docs_here)
                # "In a lawsuit filed in Delaware, Harvest said ...": the owner follows.
                or (any(d < s <= d + 120 for d in self._docs_here) and _speech_after(after))
            )
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
        ent = Entity(
            name=name, tokens=tuple(toks), first_pos=pos, forms=[name], seq=len(self.entities)
        )
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
        ent.facility = is_facility(toks) or (
            len(toks) == 1 and (toks[0] in PLATFORMS or toks[0] in COUNTRIES)
        )
        if (
            len(toks) >= 2
            and first not in FIRST_NAMES_ALL
            and is_facility(toks)
            and toks[-1].lower() not in ("park", "field")
        ):
            ent.org += 2  # "Bayshore Grand Hotel": an establishment, not a person
        if len(toks) >= 2:
            ent.acronym = ""
        self.entities.append(ent)
        self._by_form[norm(name)] = ent
        if len(toks) >= 2:
            self._by_last.setdefault(toks[-1], []).append(ent)
            self._by_first.setdefault(toks[0], []).append(ent)
            if (
                len(toks) == 3
                and toks[1][:1].isupper()
                and toks[1][1:2].islower()
                and toks[1].lower() not in FIRST_NAMES_ALL
                and toks[1].lower() not in NAME_PARTICLES
                and not any(is_org_word(t) for t in toks)
            ):
                self._by_mid.setdefault(toks[1], ent)
        return ent

    def _link(
        self, toks: list[str], pos: int, initial: bool, after: str, titles: tuple[str, ...] = ()
    ) -> Entity | None:
        key = norm(" ".join(toks))
        ent = self._by_form.get(key)
        if ent is not None:
            return ent
        if len(toks) >= 2:
            n = len(toks)
            tt = tuple(toks)
            t0, tl = toks[0], toks[-1]
            other = None
            # Every rule below needs the same first or last token: look only there.
            cands = self._by_last.get(tl, []) + self._by_first.get(t0, [])
            if not cands:
                return self._new(toks, pos)
            if len(cands) > 1:
                cands = sorted({x.seq: x for x in cands}.values(), key=_SEQ)
            for e in reversed(cands):
                et = e.tokens
                m = len(et)
                # A longer or shorter full form of a known person: same surname and first token.
                if (
                    et[-1] == tl
                    and et[0] == t0
                    and not (
                        # Round 8: "Korean Nurses Association" is not "Korean Intern
                        # Resident Association": organisations whose middle words differ.
                        is_org_word(tl)
                        and not (set(et[1:-1]) <= set(tt[1:-1]) or set(tt[1:-1]) <= set(et[1:-1]))
                    )
                ):
                    if n > m:
                        e.forms.append(" ".join(toks))
                    self._by_form[key] = e
                    return e
                if other is not None or m <= n:
                    continue
                # A two-word surname on second reference: "Davis Gates" -> "Stacy Davis Gates".
                if (
                    et[-1] == tl
                    and et[-n:] == tt
                    and t0.lower() not in FIRST_NAMES_ALL
                    and (
                        et[0].lower() in FIRST_NAMES_ALL
                        # Round 5: "Dela Cruz" -> "Maricel Dela Cruz", a given name the
                        # list does not know, when nothing marks an organisation.
                        or (e.person > e.org and not any(is_org_word(x) for x in et))
                    )
                ):
                    other = e
                # An organisation's short form: "Apartment Association" -> "Apartment
                # Association of Orange County", "Allegheny Coke" -> "Allegheny Coke Co.".
                elif (
                    et[0] == t0
                    and et[:n] == tt
                    and (
                        et[n].lower() in ("of", "for")
                        or all(x.lower().rstrip(".,") in _CORP_SUFFIXES for x in et[n:])
                        # "Grand Street Realty" -> "... Partners", "Lone Star" -> "... Freight Lines"
                        or (
                            e.org > e.person
                            and t0.lower() not in FIRST_NAMES_ALL
                            and all(is_org_word(x) for x in et[n:])
                        )
                        # Round 5: a company name ending in a corporate suffix ("Thanh Phat
                        # Footwear Co Ltd"): its first words are its short form.
                        or (
                            e.org > e.person
                            and et[-1].lower().rstrip(".,") in _CORP_SUFFIXES
                            and not any(is_org_word(x) for x in tt)
                        )
                    )
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
                if e.acronym == t or (
                    len(t) >= 3
                    and t.isupper()
                    and len(e.tokens) >= 3
                    and initials(list(e.tokens)) == t
                ):
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
        if (
            person_hit is None
            and t in self._by_mid
            and t not in self._by_first
            and self._by_mid[t].person >= self._by_mid[t].org
        ):
            # Round 7: a Spanish-style double surname, the first one used on second
            # reference ("Edgar Tzul Ajanel, 34, ... Tzul said").
            person_hit = self._by_mid[t]
        held = self._bare_holder.get(t)
        if (
            held is not None
            and person_hit is not None
            and held is not person_hit
            and person_hit not in self._bare_holder.values()
            # not when the other one was just named in full in this paragraph
            and self._para_of(self._full_pos.get(id(person_hit), -1)) != self._para_of(pos)
            # Round 7: not when the courtesy title differs from the one the holder
            # goes by ("Dr Castellaw" ... "Dr Castellaw's mother, Philippa
            # Castellaw" ... "Mrs Castellaw said").
            and not (
                titles
                and held.title
                and held.title.split()[-1].lower().rstrip(".") in HONORIFICS
                and titles[-1].lower().rstrip(".") in HONORIFICS
                and held.title.split()[-1].lower().rstrip(".") != titles[-1].lower().rstrip(".")
            )
        ):
            # Round 4: a surname already used alone for one person keeps meaning
            # her after a relative is named in full ("Vance, 63, started ... Walt
            # Vance died in 2009 ... Vance was one of the last 40 workers").
            person_hit = held
        for e in self._by_first.get(t, ()):
            if e.facility and (
                e.person > e.org
                or _ORG_FOLLOW_RE.match(after)
                or e.tokens[0].lower() in FIRST_NAMES_ALL
                or any(
                    x.rstrip(".").lower() in ("st", "saint") or x.lower() in FIRST_NAMES_ALL
                    for x in e.tokens[1:]
                )
            ):
                # "Providence" next to "Providence St. Vincent Medical Center" (a
                # facility named for someone else) or "five other Providence
                # hospitals" names the parent system, not the facility; but
                # "Brookdale" is "Brookdale Presbyterian Medical Center".
                continue
            if e.tokens[0].lower() not in FIRST_NAMES_ALL or low in FIRST_NAMES_ALL:
                org_hit = e  # the earliest introduced
                break
        if person_hit is not None and (
            person_hit.tokens[0].lower() in FIRST_NAMES_ALL
            or org_hit is None
            # Round 7: a courtesy title makes a person ("Ms. Ferrante" next to the
            # family firm "Ferrante & Sons").
            or (
                titles
                and titles[-1].lower().rstrip(".") in _HONORIFIC_GENDER
                and person_hit.org <= person_hit.person
            )
        ):
            person_hit.person += 1
            self._bare_holder[t] = person_hit
            return person_hit
        if org_hit is not None:
            if org_hit.tokens[0].lower() not in FIRST_NAMES_ALL:
                org_hit.org += 1
            return org_hit
        # A surname written differently from the one introduced (McAleigh / McAlevey).
        speech = _speech_after(after)
        verbish = speech or bool(_VERBISH_AFTER_RE.match(after))
        if (
            len(t) > 4
            and t.endswith("s")
            and t[:-1] in self._by_last
            and (after[:1] != "’" and after[:1] != "'")
        ):
            return None  # Round 7: "The Ferrantes have declined": the family, not one of them
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
        # Round 7: "Sen. Marian Oyelaran-Pike (D-Wash.) said Wednesday she would
        # ...": the he/she right after the person's own speech verb is them.
        for m in self.mentions:
            ent = m.entity
            if ent.gender or ent.kind != "person" or m.possessive:
                continue
            mp = self.masked[m.para]
            pm = _SAID_PRONOUN_RE.match(mp, m.end - self.bases[m.para])
            if pm:
                ent.gender = "m" if pm.group(1) == "he" else "f"
        # Round 5: the subject of a sentence ("Defense attorney Tomasz Zielinski
        # sought to ...") whose next sentence opens with he/she, perhaps after an
        # opening phrase ("During cross-examination, he asked ..."), with nobody
        # else named in between, takes that pronoun's gender.
        for i, m in enumerate(self.mentions):
            ent = m.entity
            if ent.gender or ent.kind != "person" or m.possessive:
                continue
            mp = self.masked[m.para]
            base = self.bases[m.para]
            local = m.pos - base
            st = starts[m.para]
            k = bisect.bisect_right(st, local) - 1
            a = st[k] if k >= 0 else 0
            pre = mp[a:local]
            if not m.sentence_initial and not _SUBJ_PRE_RE.fullmatch(pre):
                continue
            if k + 1 >= len(st):
                continue
            b = st[k + 1]
            if "\x1f" in mp[m.end - base : b]:
                continue
            pm = _NEXT_PRONOUN_RE.match(mp, b)
            if not pm:
                continue
            nxt = self.mentions[i + 1] if i + 1 < len(self.mentions) else None
            if (
                nxt is not None
                and nxt.para == m.para
                and nxt.pos - base < pm.start(1)
                and nxt.entity is not ent
            ):
                continue
            ent.gender = "m" if pm.group(1).lower() == "he" else "f"
        # Round 4: a name the first-name list does not know ("Llinos Howells",
        # "letter carrier Sylvie Gagnon") that speaks ("..., said families were
        # anxious") takes the gender of the he/she of the next speech cue
        # ('"...," she said.') when nobody else is named before it (this or the
        # next paragraph).
        for i, m in enumerate(self.mentions):
            ent = m.entity
            if ent.gender or ent.kind != "person" or m.possessive or len(ent.tokens) < 2:
                continue
            mp = self.masked[m.para]
            base = self.bases[m.para]
            if not _speaks_after(mp[m.end - base : m.end - base + 160]):
                continue
            nxt = self.mentions[i + 1] if i + 1 < len(self.mentions) else None
            seg = mp[m.end - base :]
            if nxt is not None and nxt.para == m.para:
                seg = mp[m.end - base : nxt.pos - base]
            elif m.para + 1 < len(self.masked) and (
                nxt is None or nxt.para > m.para + 1 or nxt.para == m.para + 1
            ):
                follow = self.masked[m.para + 1]
                if nxt is not None and nxt.para == m.para + 1:
                    follow = follow[: nxt.pos - self.bases[m.para + 1]]
                seg = seg + "\n" + follow[:200]
            pm = _PRONOUN_CUE_RE.search(seg)
            if pm:
                ent.gender = "m" if pm.group(1).lower() == "he" else "f"

    def _copula_roles(self, starts: list[list[int]]) -> None:
        """Round 7: a role given in the next sentence ("Wendell Ashgrove grew up
        above a bakery. He is a historian at Rutgers University.") is recorded on
        the person who is the subject of the sentence before."""
        for pi, mp in enumerate(self.masked):
            if " is " not in mp and " was " not in mp and " works " not in mp:
                continue
            base = self.bases[pi]
            st = starts[pi]
            for k, a in enumerate(st):
                cm = _PRONOUN_ROLE_RE.match(mp, a)
                if not cm:
                    continue
                g = "m" if cm.group(1) == "He" else "f"
                if k > 0:
                    lo, hi = base + st[k - 1], base + a
                elif pi > 0 and starts[pi - 1]:
                    lo, hi = (
                        self.bases[pi - 1] + starts[pi - 1][-1],
                        self.bases[pi - 1] + len(self.masked[pi - 1]),
                    )
                else:
                    continue
                i = bisect.bisect_left(self._positions, lo)
                if i >= len(self.mentions) or self.mentions[i].pos >= hi:
                    continue
                m = self.mentions[i]
                e = m.entity
                if m.possessive or e.kind != "person" or (e.gender and e.gender != g):
                    continue
                if not m.sentence_initial:
                    # "Her co-author, Anselm Varga-Lindholm, spent ...": still the
                    # subject when no verb comes before the name.
                    pp_ = self._para_of(m.pos)
                    pre = self.masked[pp_][lo - self.bases[pp_] : m.pos - self.bases[pp_]].lower()
                    if "\x1f" in pre or any(
                        w in _FINITE or (len(w) > 4 and w.endswith("ed"))
                        for w in _WORDS_RE.findall(pre)
                    ):
                        continue
                if any(
                    x.entity is not e and x.entity.kind == "person"
                    for x in self.mentions[i + 1 :]
                    if x.pos < hi
                ):
                    continue  # somebody else named in that sentence too
                e.roles = f"{e.roles} {cm.group('d')}".strip()

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
            if (
                m.pos <= pos + len(name)
                and m.end >= pos
                and norm(m.entity.name).endswith(norm(toks[-1]))
            ):
                return m.entity
        ent = self._link(toks, pos, False, "")
        if ent is not None and not ent.kind:
            ent.decide()
        return ent

    def _subject_before(self, word: str, g: str, sentence_start: int, depth: int) -> Entity | None:
        """The subject of the sentence before a he/she: the same pronoun opening
        it ("She did not mention her opponent, Dale Rourke, by name. '...,' she
        said": the earlier "She"), or a fitting person named before any verb of
        that sentence ("His campaign manager, Teresa Villanueva, told reporters
        that Ortega had called Whitcomb ... she said": Villanueva, not Whitcomb)."""
        para = self._para_of(sentence_start)
        if para < 0:
            return None
        local = sentence_start - self.bases[para]
        st = self._starts[para]
        k = bisect.bisect_right(st, local) - 1
        if k > 0:
            pp, a, b = para, st[k - 1], local
        elif para > 0 and self._starts[para - 1]:
            pp, a, b = para - 1, self._starts[para - 1][-1], len(self.masked[para - 1])
        else:
            return None
        text = self.masked[pp][a:b]
        lead = text.lstrip(" \"“”‘’'")
        base = self.bases[pp]
        if lead[: len(word) + 1].lower() == word.lower() + " ":
            return self.pronoun(word, base + a, base + a, depth + 1)
        lw = lead.split(None, 1)
        if lw and lw[0].lower() in _PREP_START:
            # Round 4: "In her last interview, with a union newsletter in 2021, she
            # was asked ...": the same pronoun as the subject after an opening
            # phrase, with nobody named before it.
            pm = re.search(rf",\s+{word.lower()}\s", text, re.I) if "," in text else None
            if pm is not None:
                i0 = bisect.bisect_left(self._positions, base + a)
                named = i0 < len(self.mentions) and self.mentions[i0].pos < base + a + pm.start()
                if not named:
                    return self.pronoun(word, base + a + pm.end() - 1, base + a, depth + 1)
        gm = _GENERIC_SUBJ_RE.match(lead)
        if gm is None and _ANON_SUBJ_RE.match(lead):
            # Round 7: "A Silverpine manager, who declined to give his name, said":
            # an unnamed source even with the employer named before the noun.
            np_ = _ANON_SUBJ_RE.match(lead).group("np").split()
            am = _GENERIC_SUBJ_RE.match(" ".join([np_[0], *np_[2:]]))
            if (
                am
                and am.group("n").lower() not in _NOT_GENERIC_HEADS
                and verbs_in_say(text) is not None
            ):
                return GENERIC
        if gm and gm.group("n").lower() not in _NOT_GENERIC_HEADS:
            # Round 4: "One carer, who ... asked not to be named, said she drove ...
            # '...,' she said": an unnamed speaker, not whoever was named before.
            v = verbs_in_say(text)
            if v is not None:
                i0 = bisect.bisect_left(self._positions, base + a)
                if not (i0 < len(self.mentions) and self.mentions[i0].pos < base + a + v):
                    return GENERIC
        dm = _DESC_SUBJ_RE.match(lead)
        if dm:
            # "The spokeswoman said the company had offered ... She said ...": a
            # role description as the subject stands for the person it describes.
            ph = parse_phrase(dm.group("np"))
            if ph.kind in ("epithet", "definite", "official") and ph.head not in _PLURAL_OFFICIALS:
                npos = base + a + (len(text) - len(lead))
                e = self.resolve(ph, npos, base + a)
                if e is not None and e.kind == "person" and not (e.gender and e.gender != g):
                    return e
                return None
        om = _OWNER_ROLE_SUBJ_RE.match(lead)
        if om and _is_role_word(om.group("role")) and not is_org_word(om.group("role")):
            # Round 7: "Dragomir's attorney met with prosecutors. '...,' she said":
            # the person introduced with that role ("His attorney, Wren Halloway-Sutch").
            npos = base + a + (len(text) - len(lead))
            e = self.by_role(om.group("role"), om.group("role"), npos, gender=g)
            if (
                e is not None
                and e.kind == "person"
                and not (e.gender and e.gender != g)
                and norm(e.tokens[-1]) != norm(om.group("owner"))
            ):
                return e
        i = bisect.bisect_left(self._positions, base + a)
        while i < len(self.mentions) and self.mentions[i].pos < base + b:
            m = self.mentions[i]
            i += 1
            e = m.entity
            if m.possessive or e.kind != "person" or (e.gender and e.gender != g):
                continue
            pre = self.masked[pp][a : m.pos - base]
            pw = pre.split()
            if pw and pw[-1].lower() == "the":
                pw.pop()
            if pw and pw[-1].lower() in _PREP_START and not _NAME_ONLY_BEFORE_RE.search(pre):
                continue  # "At the Royal Infirmary of Edinburgh, staff nurse ...": not the subject
            if (
                not e.gender
                and e.tokens[0].lower() not in FIRST_NAMES_ALL
                and not _ROLE_COMMA_RE.search(pre)
                # Round 4: a two-word name the name list does not know that opens the
                # sentence or speaks ("Llinos Howells, whose father ..., said").
                and not (
                    len(e.tokens) >= 2
                    and (self.masked[pp][m.pos - base : m.end - base].split() or [""])[0].lower()
                    not in _PREP_START
                    and (
                        not pre.strip(" \"“”‘’'")
                        or _speaks_after(self.masked[pp][m.end - base : m.end - base + 160])
                    )
                )
            ):
                continue  # unknown name, unless "His campaign manager, Ines Morales,"
            if "\x1f" in pre or any(
                w in _FINITE or (len(w) > 4 and w.endswith("ed"))
                for w in _WORDS_RE.findall(pre.lower())
            ):
                return None
            return e
        return None

    def pronoun(self, word: str, pos: int, sentence_start: int, _depth: int = 0) -> Entity | None:
        g = PRONOUNS.get(word.lower(), "")
        if g in ("m", "f"):
            in_sentence = None
            best = None
            unknown = None  # a person of unknown gender seen first
            weak = None
            para = self._para_of(pos)
            for m in self.mentions_before(pos):
                e = m.entity
                if e.kind != "person" or (e.gender and e.gender != g):
                    continue
                if m.pos >= sentence_start:
                    in_sentence = e  # ends on the sentence's first fitting person
                    continue
                if not e.gender and e.person <= 0 and e.tokens[0].lower() not in FIRST_NAMES_ALL:
                    if (
                        weak is None
                        and len(e.tokens) >= 2
                        and not e.facility
                        and e.org <= 0
                        and para - m.para <= 1
                        and m.sentence_initial
                        and not m.possessive
                    ):
                        # Round 7: a two-word name with no evidence either way that
                        # opens a sentence ("Oghenekaro Bassey met Yusra Tanveer.
                        # Tanveer said she ... '...,' he said"): the last resort.
                        weak = e
                    continue  # "at the Westin Book Cadillac": no sign of being a person
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
            if in_sentence is None and _depth < 3:
                prev = self._subject_before(word, g, sentence_start, _depth)
                if prev is GENERIC:
                    return None
                if prev is not None:
                    best, unknown = prev, None
            best = in_sentence or best or unknown or weak
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
                if _GROUP_RE.search(
                    self.masked[para], max(0, sentence_start - base), max(0, pos - base)
                ):
                    return None
            for m in self.mentions_before(pos):
                if para - m.para >= window:
                    break
                e = m.entity
                if e.kind == "organization" and (not e.facility or _speaking_facility(e)):
                    return e
                if e.kind == "person" and e.person <= 1 and not e.gender and not e.facility:
                    # A two-word name with no sign of being a person ("Kaiser
                    # Permanente") that the text calls "it"/"they".
                    e.kind = "organization"
                    return e
            return None
        return None

    def has_mention_in(self, para: int) -> bool:
        i = bisect.bisect_left(self._positions, self.bases[para])
        return i < len(self.mentions) and self.mentions[i].para == para

    def _para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.bases, pos) - 1

    def recent_org(self, pos: int, *, union: bool | None = None, head: str = "") -> Entity | None:
        if head:
            kinds = _TYPE_WORDS.get(head, (head,))
            for m in self.mentions_before(pos):
                e = m.entity
                # "the hotel" -> "Bayshore Grand Hotel", "the hospital" -> "... Medical Center"
                if e.kind == "organization" and any(
                    t.lower().rstrip("’'s") in kinds or t.lower() in kinds for t in e.tokens
                ):
                    return e
        weak = None
        company = head in _COMPANY_HEADS
        for m in self.mentions_before(pos):
            e = m.entity
            if e.kind != "organization" or e.facility:
                continue
            if e.addressed and e.addressed >= e.plain_uses + e.modifier_uses:
                # Round 8: an outlet only ever named as the one told ("told DW",
                # "in a written response to The Japan Times") is not "the airline".
                continue
            if company and any(t.lower() in _PUBLIC_BODY_WORDS for t in e.tokens):
                continue  # "the company" is not "Kansas City" or "the Labor Department"
            if company and self._analyst_firm(e, pos):
                # Round 6: "Analysts at Ferris Rowe & Co said ...": a firm named only
                # as the analysts' employer is not "the company" the story is about.
                weak = weak or e
                continue
            if union is None or e.union == union:
                if len(e.tokens) == 1 and (
                    (e.org <= 1 and not e.acronym) or (e.modifier_uses and not e.plain_uses)
                ):
                    # "the Denver metro area", "from Taishan": a lone capitalised word
                    # with no sign of being an organisation; keep looking.
                    weak = weak or e
                    continue
                return e
        return weak

    def doc_owner(self, pos: int) -> Entity | None:
        best = None
        for p, e in self._doc_owners:
            if p < pos:
                best = e
        if best is not None and best.kind == "organization":
            return best
        return self.recent_org(pos, union=False) or best

    def epithet(self, head: str, modifier: str, pos: int) -> Entity | None:
        e = self._epithet(head, modifier, pos)
        if (
            head in _SPOKES
            or head in ("democrat", "republican", "independent")
            or _AGE_RE.fullmatch(head)
        ):
            return e
        # Round 6: "Qureshi-Baig, asked about ..., grinned. “...,” the captain said":
        # the subject of the sentence just before, in the same paragraph, when the
        # person the role search found is not named in this paragraph and the
        # subject has no other role of their own.
        para = self._para_of(pos)
        i = bisect.bisect_left(self._positions, pos)
        if i == 0 or self.mentions[i - 1].para != para:
            return e
        j = i - 1
        base = self.bases[para]
        between = self.masked[para][self.mentions[j].end - base : pos - base]
        if len(re.findall("\x1f+", between)) != 1:
            return e
        subj = self._sentence_subject(j, EPITHET_GENDER.get(head, ""))
        if subj is None or subj is e or e is None:
            return e
        if any(m.entity is e for m in self.mentions[:i] if m.para == para):
            return e
        role_words = set(_WORDS_RE.findall(f"{subj.title} {subj.description}".lower()))
        if role_words & (EPITHET_NOUNS | ROLE_TITLES | OFFICIAL_NOUNS):
            return e
        return subj

    def _epithet(self, head: str, modifier: str, pos: int) -> Entity | None:
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
        role_re = re.compile(
            rf"\b{re.escape(head[:6])}(?![\w\-]*(?:’s|'s)\b)"
        )  # not "the captain's mother"
        for m in self.mentions_before(pos):
            if para - m.para > 6:
                break
            e = m.entity
            if e.kind != "person" or (gender and e.gender and e.gender != gender):
                continue
            if role_re.search(f"{e.title} {e.description}".lower()):
                return e
            offset = m.pos - self.bases[m.para]
            before_name = self.masked[m.para][max(0, offset - 40) : offset]
            if _ROLE_APPOS_RE.search(before_name) and role_re.search(before_name.lower()):
                # Round 6: "The other nurse, Berit Lunde, disagreed": the role in an
                # appositive just before the name.
                return e
        e = self.by_role(modifier + " " + head, head, pos, gender)
        if e is not None:
            return e
        if head in _SPOKES:
            return None
        i = bisect.bisect_left(self._positions, pos)
        for j in range(i - 1, -1, -1):
            m = self.mentions[j]
            if para - m.para > 1:
                break
            e = m.entity
            if e.kind == "person" and not (gender and e.gender and e.gender != gender):
                # "Okoye finished with 27 points ... after Boston’s Hart missed. '...,'
                # the 24-year-old guard said": that sentence's subject, not its last name.
                subj = self._sentence_subject(j, gender)
                return subj if subj is not None else e
        return None

    def _sentence_subject(self, j: int, gender: str) -> Entity | None:
        """The first fitting person of mention ``j``'s sentence when it is named
        before any verb and not after a preposition (the sentence's subject)."""
        m = self.mentions[j]
        st = self._starts[m.para]
        base = self.bases[m.para]
        k = bisect.bisect_right(st, m.pos - base) - 1
        a = st[k] if k >= 0 else 0
        mp = self.masked[m.para]
        i = j
        while (
            i > 0 and self.mentions[i - 1].para == m.para and self.mentions[i - 1].pos - base >= a
        ):
            i -= 1
        for x in self.mentions[i : j + 1]:
            e = x.entity
            pre = mp[a : x.pos - base]
            if "\x1f" in pre or any(
                w in _FINITE or (len(w) > 4 and w.endswith("ed"))
                for w in _WORDS_RE.findall(pre.lower())
            ):
                return None
            if x.possessive or e.kind != "person" or (gender and e.gender and e.gender != gender):
                continue
            pw = pre.split()
            if pw and pw[-1].lower() in _PREP_START:
                continue
            return e
        return None

    def _context(self, i: int) -> str:
        """The reporter's words around mention ``i`` that describe the person: the
        sentence text since the previous name ("over cornerback Marcus Tate") and
        the appositive or relative clause after it up to the next name or speech
        verb ("Tamika Hurst, 34, a cell assembly operator and mother of two who
        ..."), lowercased."""
        c = self._ctx.get(i)
        if c is not None:
            return c
        m = self.mentions[i]
        mp = self.masked[m.para]
        base = self.bases[m.para]
        s, e = m.pos - base, m.end - base
        st = self._starts[m.para]
        k = bisect.bisect_right(st, s) - 1
        lo = st[k] if k >= 0 else 0
        hi = st[k + 1] if k + 1 < len(st) else len(mp)
        if i > 0 and self.mentions[i - 1].para == m.para:
            lo = max(lo, self.mentions[i - 1].end - base)
        if i + 1 < len(self.mentions) and self.mentions[i + 1].para == m.para:
            hi = min(hi, self.mentions[i + 1].pos - base)
        before = mp[max(lo, s - 60) : s]
        after = mp[e : min(hi, e + 140)]
        cut = _CTX_CUT_RE.search(after)
        if cut:
            after = after[: cut.start()]
        c = f"{before} | {after}".lower().replace("\x1f", " ")
        self._ctx[i] = c
        return c

    def by_role(
        self, text: str, head: str, pos: int, gender: str = "", require_all: bool = False
    ) -> Entity | None:
        """The person a role description stands for ("the mother of six", "the
        cornerback", "the 34-year-old", "the union's president", "the executive"):
        the most recent person (within ten paragraphs) introduced with that role
        word (in a title, an appositive or the words before the name), preferring
        one whose introduction also has the description's other words. None when
        nobody was introduced that way."""
        words = [strip_possessive(w)[0].lower().strip(".,") for w in text.split()]
        words = [w for w in words if w and w not in _ROLE_FILLER]
        head = head.lower()
        if not head:
            return None
        age = _AGE_RE.fullmatch(head)
        if age:
            pat = re.compile(rf"(?:^|\|\s*,\s*){age.group(1)}\b|\b{age.group(1)}-year-old\b")
        else:
            stem = head[:-1] if head.endswith("s") and len(head) > 4 else head
            alts = "|".join(re.escape(x) for x in (stem, *_ROLE_SYNONYMS.get(stem, ())))
            # Round 5: "Nasreen Qureshi, the captain's mother": a role word as a
            # possessive owner describes somebody else.
            pat = re.compile(rf"\b(?:{alts})(?![\w\-]*(?:’s|'s)\b)")
        g = gender or EPITHET_GENDER.get(head, "")
        para = self._para_of(pos)
        i = bisect.bisect_left(self._positions, pos)
        best, best_score = None, 0
        seen: set[int] = set()
        for j in range(i - 1, -1, -1):
            m = self.mentions[j]
            if para - m.para > 10:
                break
            e = m.entity
            if e.kind != "person" or (g and e.gender and e.gender != g):
                continue
            ctx = self._context(j)
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

    def resolve(self, ph: Phrase, pos: int, sentence_start: int) -> Entity | None:
        if ph.kind == "pronoun":
            return self.pronoun(ph.text, pos, sentence_start)
        if ph.kind == "relative":
            # Round 7: "... the National Labor Relations Board, which said in a
            # statement that it ...": the organisation the clause hangs on.
            for m in self.mentions_before(pos):
                if m.pos < sentence_start:
                    break
                para = self._para_of(m.pos)
                between = self.masked[para][m.end - self.bases[para] : pos - self.bases[para]]
                if m.entity.kind == "organization" and _WHICH_GAP_RE.fullmatch(between):
                    return m.entity
                break
            return None
        if ph.kind == "epithet":
            if not ph.modifier and self._anonymous(ph.head, pos):
                # Round 6: "Another nurse ..., who asked that her name not be used"
                # then "the nurse said": that unnamed source.
                return None
            e = self.epithet(ph.head, ph.modifier, pos)
            g = EPITHET_GENDER.get(ph.head, "")
            if e is None and g in ("m", "f") and not ph.modifier:
                # Round 6: "the mother said" with nobody introduced as a mother: the
                # woman a "she" would stand for here.
                e = self.pronoun("she" if g == "f" else "he", pos, sentence_start)
            return e
        if ph.kind == "name":
            if ph.description in ("elder", "older", "younger") and " " not in ph.text:
                e = self._generation(ph.text, ph.description == "younger", pos)
                if e is not None:
                    return e
            return self.by_name(ph.text, pos)
        if ph.kind in ("official", "document"):
            if (
                ph.kind == "official"
                and ph.text.lower().startswith("the ")
                and not ph.modifier
                and ph.head not in _SPOKES
                and self._anonymous(ph.head, pos)
            ):
                return None
            if (
                ph.kind == "official"
                and ph.text.lower().startswith("the ")
                and ph.modifier
                and ph.head not in _PLURAL_OFFICIALS
            ):
                # "the Atlas executive said": the executive introduced earlier, at Atlas.
                e = self.by_role(ph.text, ph.head, pos, require_all=True)
                if e is not None:
                    return e
                if ph.modifier.lower() in ("the union", "union") and ph.head not in _SPOKES:
                    # Round 6: "the union official said" after "Unite regional officer
                    # Jody Marsland": a person introduced with that role at a union.
                    e = self.by_role(ph.head, ph.head, pos)
                    if e is not None and self._union_tied(e):
                        return e
            if ph.modifier:
                mod = ph.modifier
                if mod.lower() in PRONOUNS:
                    return self.pronoun(mod, pos, sentence_start)
                low = mod.lower()
                if (
                    low.startswith(("the ", "a ", "an "))
                    or low in UNION_NOUNS
                    or low in EMPLOYER_NOUNS
                ):
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
            if (
                ph.text.lower().startswith("the ")
                and ph.head not in _SPOKES
                and ph.head not in _PLURAL_OFFICIALS
            ):
                # "the executive said": the person introduced with that role.
                e = self.by_role(ph.text, ph.head, pos)
                if e is not None:
                    return e
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
            words = ph.text.split()
            if len(words) >= 3 and words[1][:1].isupper():
                # Round 4: "The Scottish government said": the one of that name.
                e = self._by_form.get(norm(" ".join(words[1:])))
                if e is not None and e.kind == "organization":
                    return e
            e = self._definite(ph.head, pos)
            if (
                e is None
                and ph.head not in UNION_NOUNS
                and ph.head not in EMPLOYER_NOUNS
                and not is_org_word(ph.head)
            ):
                # "the mother of six", "the cornerback", "the 34-year-old"
                e = self.by_role(ph.text, ph.head, pos)
            if e is None and _AGE_RE.fullmatch(ph.head):
                # Round 6: "the 47-year-old said" when the age is given only here:
                # the person just named (this paragraph or the one before).
                e = self.epithet(ph.head, "", pos)
            return e
        if ph.kind == "generic" and ph.text[:4].lower() in ("her ", "his "):
            # Round 8: "Anja Hoffmann and her husband, Klaus, ..." then "her husband
            # said": the person introduced as that relative, in the last few paragraphs.
            words = ph.text.lower().split()
            if len(words) == 2 and words[1] in _KIN_GENDER:
                para = self._para_of(pos)
                for m in self.mentions_before(pos):
                    if m.para < para - 3:
                        break
                    if m.entity.kin == words[1] and m.entity.kind == "person":
                        return m.entity
        return None

    def _analyst_firm(self, e: Entity, pos: int) -> bool:
        """Round 6: every mention of ``e`` before ``pos`` names the employer of
        analysts ("analysts at X", "X analyst Jane Doe")."""
        seen = False
        for m in self.mentions_before(pos):
            if m.entity is not e:
                continue
            base = self.bases[m.para]
            mp = self.masked[m.para]
            before = mp[max(0, m.pos - base - 40) : m.pos - base]
            after = mp[m.end - base : m.end - base + 16]
            if not (_ANALYST_BEFORE_RE.search(before) or _ANALYST_AFTER_RE.match(after)):
                return False
            seen = True
        return seen

    def _union_tied(self, e: Entity) -> bool:
        """Round 6: the person's title or description names a union."""
        words = f"{e.title} {e.description}".replace(",", " ").split()
        unions = {
            t.lower()
            for u in self.entities
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

    def _anonymous(self, head: str, pos: int) -> bool:
        """Round 5: "A state official ..., who spoke on condition of anonymity, said
        ... “...,” the official said": "the official" is that unnamed source."""
        para = self._para_of(pos)
        rx = re.compile(
            rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){{0,4}}?{re.escape(head)}\b[^.\x1f]*?{_ANON}"
        )
        for pp in (para, para - 1):
            if pp < 0:
                continue
            text = self.masked[pp]
            if pp == para:
                text = text[: pos - self.bases[pp]]
            if rx.search(text):
                return True
        return False

    def _generation(self, surname: str, younger: bool, pos: int) -> Entity | None:
        """ "the elder Russo" / "the younger Russo" among people sharing a surname:
        a son or daughter is the younger; otherwise the first introduced is the elder."""
        fam = [
            e
            for e in self.entities
            if len(e.tokens) >= 2 and e.tokens[-1] == surname and e.first_pos < pos
        ]
        if len(fam) < 2:
            return None
        kids = [e for e in fam if e.kin in ("son", "daughter")]
        if younger:
            return kids[-1] if kids else fam[-1]
        rest = [e for e in fam if e not in kids]
        return rest[0] if rest else fam[0]

    def _definite(self, head: str, pos: int) -> Entity | None:
        if head in UNION_NOUNS:
            return self.recent_org(
                pos, union=True, head=head if head not in ("union", "unions") else ""
            )
        if head in EMPLOYER_NOUNS or head in ("system", "provider", "hospital"):
            e = self.recent_org(pos, union=False, head=head)
            return e
        for m in self.mentions_before(pos):
            e = m.entity
            if e.kind == "organization" and any(t.lower() == head for t in e.tokens):
                return e
        return None


# Round 8: the run is the one spoken to, not a speaker ("told DW", "in a written
# response to The Japan Times", "a memo viewed by The Verge").
_ADDRESSEE_BEFORE_RE = re.compile(
    r"(?:\btold|\b(?:response|reply|statement|comments?|e-?mail|interview|remarks)\s+to|\b(?:viewed|seen|obtained|reviewed)\s+by)\s+(?:[Tt]he\s+)?$"
)


_WHO_POSS_RE = re.compile(r"\b(his|her|himself|herself)\b")
_UNION_HEAD_AFTER_RE = re.compile(
    r"(?:\s*\([A-Z][A-Za-z]{1,9}\))?\s+(?:[a-z]+(?:s['’]|['’]s)\s+)?union\b"
)


# Round 4: an unnamed speaker opening the sentence before a he/she ("One carer,
# who ..., said she ..."); GENERIC stands for "somebody unnamed".
_GENERIC_SUBJ_RE = re.compile(
    r"^(?:One|Another|A|An)\s+(?:[a-z][\w\-]*\s+){0,3}?(?P<n>[a-z][\w\-]+)(?=[\s,])"
)
_NOT_GENERIC_HEADS = frozenset(
    "spokesperson spokesman spokeswoman representative statement email letter post release memo filing "
    "lawsuit complaint notice message report spokespeople "
    # Round 5: "A week after the accident, he said, ...": a time phrase, not a person.
    "week day month year hour minute moment decade night morning evening afternoon while time few lot "
    "number couple bit total series".split()
)
GENERIC = Entity(name="", tokens=(), first_pos=-1, kind="generic")


def verbs_in_say(text: str) -> int | None:
    """Offset of the first speech verb of ``text`` used as a verb, or None."""
    for m in _WORDS_RE.finditer(text):
        if m.group() in SAY_VERBS:
            return m.start()
    return None


_COMMON_CAPS = (
    UNION_NOUNS
    | EMPLOYER_NOUNS
    | GENERIC_PEOPLE
    | OFFICIAL_NOUNS
    | DOCUMENT_NOUNS
    | frozenset(
        "labor labour economists analysts officials strikers unionized striking hospital health".split()
    )
)
_PLURAL_OFFICIALS = frozenset(
    "officials executives leaders representatives employees lawyers attorneys negotiators managers staff "
    "leadership "
    "management reviewers economists analysts scientists researchers strategists regulators inspectors "
    "investigators auditors "
    "spokespeople spokespersons".split()
)
_SPOKES = frozenset(
    "spokesperson spokesman spokeswoman spokespeople spokespersons representative".split()
)
_GROUP_RE = re.compile(
    r"\b(?:the|a|an)\s+(?:\w+\s+)?(?:crowd|crowds|protesters|demonstrators|marchers|audience|fans|strikers|"
    r"picketers|supporters|residents|students|parents|group|rally|mob|congregation)\b",
    re.I,
)
_CORP_SUFFIXES = frozenset(
    "co inc corp corporation company llc ltd plc group holdings sa ag nv lp llp".split()
)
_PLACE_BEFORE = (
    " in ",
    " near ",
    " outside ",
    " across ",
    " throughout ",
    " around ",
    " downtown ",
)
_PARTY_RE = re.compile(r"^(?:,\s*|\s*\()(?P<p>[DRI])-(?P<st>[A-Z][\w.]*(?:\s?[A-Z][\w.]*)?)[,)]")
_KIN_BEFORE_RE = re.compile(
    r"\b(wife|husband|son|daughter|mother|father|sister|brother|partner|friend|coworker|co-worker|"
    r"colleague|neighbor|neighbour|boss|aunt|uncle|grandmother|grandfather|girlfriend|boyfriend),\s*$",
    re.I,
)
# Role words a description may use for a title given earlier ("the union leader"
# for "union president Hernán Soto").
_ROLE_SYNONYMS = {
    "leader": ("president", "chair", "head", "secretary", "chief"),
    "boss": ("chief executive", "ceo", "president", "manager", "coach", "head"),
    "executive": ("ceo", "chief", "president"),
    "cfo": ("chief financial officer", "finance chief", "finance director"),
    "ceo": ("chief executive",),
    "coo": ("chief operating officer",),
    "chief": ("ceo", "chief executive", "president", "head"),
    "official": ("officer", "director", "secretary", "commissioner", "administrator"),
    "lawmaker": (
        "senator",
        "rep",
        "representative",
        "assembly",
        "congress",
        "legislator",
        "council",
    ),
    "legislator": ("senator", "rep", "representative", "assembly", "lawmaker"),
    "prosecutor": ("attorney", "prosecut"),
    "lawyer": ("attorney", "counsel"),
    "attorney": ("lawyer", "counsel"),
    # Round 7: the abbreviated rank or office before a name ("Lt. Name" ... "the
    # lieutenant said").
    "lieutenant": ("lt",),
    "sergeant": ("sgt",),
    "captain": ("capt",),
    "detective": ("det",),
    "commander": ("cmdr",),
    "corporal": ("cpl",),
    "governor": ("gov",),
    "senator": ("sen",),
}
_CTX_CUT_RE = re.compile(
    r"\b(?:said|says|told|added|wrote|asked|say|tells|writes|adds|spoke|speaks)\b|[.;:!?\x1f]"
)
_WORDS_RE = re.compile(r"[a-z]+")
_DESC_SUBJ_RE = re.compile(
    r"(?P<np>[Tt]he\s+(?:[\w’'\-]+\s+){0,3}?[a-z][\w’'\-]*)\s+(?:said|says|told|added|declined|wrote|"
    r"noted|insisted|argued|acknowledged|called|described|has|had|was|is|would|will|did|\w+ed)\b"
)
_FINITE = SAY_VERBS | frozenset(
    "is was were are has had have will would did does do can could should may might must "
    "wants wanted asked agreed".split()
)
_AGE_RE = re.compile(r"(\d{1,3})-year-old")
_ROLE_FILLER = frozenset("the a an of and in at for".split())
_COMPANY_HEADS = frozenset(
    "company firm corporation retailer chain carrier automaker carmaker manufacturer employer lender insurer "
    "grocer chipmaker drugmaker planemaker airline operator maker producer contractor startup".split()
)
_PUBLIC_BODY_WORDS = frozenset(
    "city county state department ministry government council university college court police party senate "
    "house assembly commission committee union unions federation guild association agency administration "
    "office bureau district school schools".split()
)
_TYPE_WORDS = {
    "hospital": ("hospital", "medical", "infirmary"),
    "hotel": ("hotel", "resort", "inn"),
    "district": ("district",),
    "airline": ("airlines", "airways", "airline"),
    "carrier": ("airlines", "airways", "airline"),
    "railroad": ("railroad", "railway", "rail"),
    "university": ("university", "college"),
    # Round 5: "the agency said" after "The Federal Trade Commission sued ...".
    "agency": (
        "agency",
        "commission",
        "administration",
        "bureau",
        "authority",
        "department",
        "office",
        "board",
        "service",
    ),
}
_SEQ = attrgetter("seq")
_SUBJ_PRE_RE = re.compile(r"\s*(?:[A-Z][\w’'\-.]*\s+)?(?:[a-z][\w\-]*\s+){0,3}")
_NEXT_PRONOUN_RE = re.compile(
    r"\s*(?:[^,.\x1f\"“”]{0,60},\s+)?([Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?[a-z]+"
)
_MOD_BEFORE_RE = re.compile(r"\b(?:a|an|A|An)\s$")
_MOD_AFTER_RE = re.compile(r"^\s+[a-z][a-z\-]+\b(?!\s+(?:said|says|told|wrote))")
_NAME_ONLY_BEFORE_RE = re.compile(
    r"\b(?:(?:gave|give|gives|giving|provided|offered)\s+(?:only\s+)?(?P<g>his|her|their)\s+(?:first\s+)?name\s+"
    r"(?:only\s+)?(?:as\s+)?|identified\s+(?P<g2>himself|herself)\s+(?:only\s+)?as\s+)$"
)
_ANON = (
    r"(?:anonymity|anonymously|not\s+authori[sz]ed|asked\s+not\s+to\s+be\s+(?:named|identified)|"
    r"declined\s+to\s+be\s+(?:named|identified)|on\s+condition\s+that\s+(?:he|she|they)\s+not\s+be|"
    r"asked\s+that\s+(?:his|her|their)\s+(?:full\s+)?name\s+not\s+be|did\s+not\s+(?:wish|want)\s+to\s+be\s+(?:named|identified)|"
    r"(?:declined|refused|would\s+not|did\s+not)\s+(?:to\s+)?give\s+(?:his|her|their)\s+(?:full\s+|last\s+)?name)"
)
_ANON_SUBJ_RE = re.compile(
    rf"(?P<np>(?:One|Another|A|An)\s+[A-Z][\w’'\-]*\s+(?:[a-z][\w\-]+\s+){{0,2}}[a-z][\w\-]+,)\s+(?:who|whose)\s+[^.\x1f]*?{_ANON}"
)
_REL_OPEN_RE = re.compile(r",\s+(?:which|who|whose)\s+[^,]*$")


def _in_relative(mp: str, s: int) -> bool:
    """Round 5: is offset s inside a relative clause opened after a comma and not
    yet closed ("Thanh Phat, which is majority owned by Everstride Holdings, said
    in a statement": Everstride is not the statement's owner)?"""
    lo = max(0, s - 160)
    k = max(mp.rfind(". ", lo, s), lo)
    return bool(_REL_OPEN_RE.search(mp[k:s]))


@lru_cache(maxsize=8192)
def _run_info(surface: str, surname: str) -> tuple[tuple[str, ...], tuple[str, ...], bool, bool]:
    """(titles, name tokens, could be a description like "Kansas Republican",
    never a name) for one capitalised run; the context-free part of _add_run."""
    titles, toks = clean_tokens(surface)
    if not toks:
        return (), (), False, True
    if surname:
        toks = [*toks, surname]
    epithet = len(toks) <= 3 and (
        toks[-1].lower() in EPITHET_NOUNS or (len(toks) == 1 and _is_demonym(toks[0]))
    )
    skip = (
        all(t in STOP_CAPS for t in toks)
        or not any(t[:1].isupper() for t in toks)
        # a dateline ("DETROIT (AP) —", "LOS ANGELES"), not a name
        or (all(t.isupper() and t.isalpha() for t in toks) and (len(toks) > 1 or len(toks[0]) > 5))
    )
    return tuple(titles), tuple(toks), epithet, skip


@lru_cache(maxsize=4096)
def _initials_of(text: str) -> str:
    return initials(text.split())


_GOV_ADJ_RE = re.compile(r"(?:(?:The|A|An)\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_JOIN_WORDS = frozenset(("and", "of", "for", "&"))
_THE_MOD_RE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){1,2}$")  # "the first-term Democrat"
_ROLE_COMMA_RE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w’']*(?:’s|'s))\s+(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*),\s*$"
)
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_KIN_GENDER = {
    "wife": "f",
    "mother": "f",
    "daughter": "f",
    "sister": "f",
    "aunt": "f",
    "grandmother": "f",
    "girlfriend": "f",
    "husband": "m",
    "father": "m",
    "son": "m",
    "brother": "m",
    "uncle": "m",
    "grandfather": "m",
    "boyfriend": "m",
}
_ROLE_STOP = frozenset(
    "the a an of at to in on for with by from and or that who which as said says told is was are were has "
    "had have "
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
            if len(cand) == j and (
                "".join(cand).startswith(st) or "".join(w[0] for w in cand) == st
            ):
                return True
    return False


_ORG_HEADS = (
    EMPLOYER_NOUNS
    | UNION_NOUNS
    | frozenset(
        "venture subsidiary unit startup start-up firm nonprofit conglomerate supplier division affiliate "
        "maker owner-operator operator consortium cooperative co-op trade chain".split()
    )
)
_APPOS_HEAD_END = frozenset(
    "of at for between with in that which who whose based from and on by to".split()
)


_DEMONYM_ENDS = ("ian", "ean", "ese", "an", "ish", "i")
_NOT_DEMONYMS = frozenset(
    "guardian australian christian librarian veteran partisan vatican smithsonian caribbean mediterranean "
    "european olympian".split()
)


@lru_cache(maxsize=4096)
def _is_demonym(w: str) -> bool:
    """'Uruguayan', 'Nigerian', 'Pakistani', 'Japanese': a nationality standing
    for a person ("the Uruguayan said"), not a name."""
    low = w.lower()
    if low in DEMONYMS:
        return True
    return (
        len(w) > 5
        and w[:1].isupper()
        and w[1:].islower()
        and low.endswith(_DEMONYM_ENDS)
        and low not in _NOT_DEMONYMS
        and low not in FIRST_NAMES_ALL
        and not is_org_word(w)
    )


def _org_appositive(d: str) -> bool:
    """'a joint venture between ...', 'a maker of ...', 'the company that ...': the
    appositive's head noun (the last word before a preposition or clause) names
    an organisation, not a person ('a company spokesperson' is a person)."""
    words = d.strip().split()
    if (
        len(words) >= 4
        and words[0].lower() == "one"
        and words[1] == "of"
        and words[2].lower() in ("the", "its", "several")
    ):
        # "RideLink, one of the companies that lobbied ...": one of several organisations
        return words[3].lower().strip(",") in _PLURAL_ORG_NOUNS or words[3].lower().strip(",") in (
            "firms",
            "groups",
            "chains",
            "carriers",
            "operators",
            "makers",
            "platforms",
            "apps",
        )
    if not words or words[0].lower() not in ("a", "an", "the"):
        return False
    head = ""
    for w in words[1:8]:
        lw = w.lower().strip(",.;")
        if lw in _APPOS_HEAD_END:
            break
        head = lw
        if w.endswith((",", ";")):
            break
    return head in _ORG_HEADS


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


def _speaking_facility(e: Entity) -> bool:
    """Round 4: a hospital or plant with strong evidence of acting as an
    organisation ("Eastbrook Regional Medical Center says it has brought in
    ...") may be what "it" stands for; a platform or country never is."""
    return len(e.tokens) >= 2 and e.org >= 6 and e.person == 0 and is_facility(list(e.tokens))


def _speaks_after(after: str) -> bool:
    """_speech_after, also when the comma closing an appositive comes first
    ("Unison's head of ..., Mhairi Baird, told ...")."""
    return _speech_after(after) or (after.startswith(",") and _speech_after(after[1:]))


_VERBISH_AFTER_RE = re.compile(
    r"^\s+(?:[a-z]+ed|[a-z]+s|is|was|has|had|will|would|can|could|did|does)\b"
)


def _is_role_word(w: str) -> bool:
    lw = w.lower().strip(",.")
    if lw in ROLE_TITLES:
        return True
    return len(lw) > 3 and lw.endswith(_ROLE_SUFFIX) and lw not in _ROLE_STOP


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
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
_DETERMINERS = frozenset(
    "the a an one another its their his her our this that these those some".split()
)
_DOC_INTRO_TAIL_RE = re.compile(
    r"^(?P<subj>.*?)\s*\b(?P<dv>sent|issued|released|provided|put "
    r"out|posted|shared|emailed|gave|published|released)\s+"
    r"(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){0,2}?(?P<doc>statement|email|e-mail|letter|memo|release|"
    r"post|message|notice|announcement|note|text)\s*(?:that|which)?\s*$",
    re.I,
)
_NAME_TAIL_RE = re.compile(
    r"((?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.&]*)(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.&]*|de|da|van|von|der|del|la|le|bin|al|di|du|&|(?:of|for|and)(?=\s+[A-ZÀ-ÖØ-ÞĀ-ſ])))*)$"
)
_NAME_OF_RE = re.compile(
    r"^(?P<left>.*?[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*)\s+(?P<rel>of|at|from|with|in)\s+(?P<right>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ].*)$"
)
_LED_BY_RE = re.compile(
    r"\b(?:led|headed)\s+by\s+(?P<name>[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*){1,3})$"
)
_IT_SAID_START = (" said ", " says ", " announced ", " added ", " stated ", " confirmed ")
_IT_SAID_RE = re.compile(
    r"^\s+(?:said|says|announced|added|stated|confirmed)\s+"
    # "Voltera said in a statement that it was ...", "said Tuesday that it"
    r"(?:(?:in|on)\s+(?:a|an|its)\s+(?:[\w\-]+\s+){0,2}?(?:statement|release|post|filing|email|letter|notice)\s+|\w+day\s+)?"
    r"(?:that\s+)?(?:it|its)\b"
)
_PAREN_PARTY_RE = re.compile(r"\s*\([DRI]-[A-Z][\w. ]{0,20}\)")
_PLURAL_ORG_NOUNS = frozenset(
    "unions companies automakers studios airlines hospitals employers districts carriers".split()
)
_QUANTITY_START = frozenset(
    "one another someone some many several hundreds thousands dozens millions scores tens dozen".split()
)
_LINK_WORDS = frozenset("of for and de da van von der den del la le di du &".split())


_FIRST_NAME_ONLY_RE = re.compile(
    r"\b(?:(?:gave|give|gives|giving|provided|offered|would\s+(?:only\s+)?give)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name"
    r"(?:\s+only)?|identified\s+(?:himself|herself|themselves)\s+only\s+as),?\s+(?:as\s+)?(?P<n>[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]+)\s*$"
)


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
    return all(
        t[:1].isupper()
        or t[:1].isdigit()
        or t.lower()
        in ("of", "and", "the", "for", "de", "van", "von", "la", "le", "da", "del", "&")
        # Round 8: "Kowloon Motor Bus (1933) Ltd": a bracketed year inside a company name
        or (t[:2] == "(1" or t[:2] == "(2")
        and len(t) == 6
        and t[1:5].isdigit()
        and t[5] == ")"
        and i < len(clean) - 1
        for i, t in enumerate(clean)
    )


def parse_phrase(phrase: str, *, inverted: bool = False) -> Phrase:
    """Parse the speaker phrase of a cue into a Phrase.

    ``inverted`` marks the phrase after the verb in '"...," said Name, title':
    the first comma segment is the speaker, the rest its description.
    """
    return Phrase(*_parse_cached(phrase, inverted))


@lru_cache(maxsize=4096)
def _parse_cached(phrase: str, inverted: bool) -> tuple[str, str, str, str, str]:
    ph = _parse_phrase(phrase, inverted=inverted)
    return ph.kind, ph.text, ph.head, ph.modifier, ph.description


def _parse_phrase(phrase: str, *, inverted: bool = False) -> Phrase:
    raw = phrase.replace("\x1f", " ").strip()
    fm = _FIRST_NAME_ONLY_RE.search(raw) if "name" in raw or "only as" in raw else None
    if fm:
        # Round 4: "a man who gave only his first name, Doug": that name.
        return Phrase("name", fm.group("n"))
    if "(" in raw:
        raw = _PAREN_PARTY_RE.sub("", raw)  # "Sen. Laura Whitby (D-Va.)"
    if inverted and "," in raw:
        head, _, rest = raw.partition(",")
        ph = _parse_segment(head)
        nxt = rest.split(",")[0].strip()
        if (
            ph.kind in ("official", "definite", "epithet", "generic")
            and nxt
            and _is_name_segment(nxt)
        ):
            # Round 5: '"...," said the family's attorney, Malik Abernathy-Grey,
            # after the verdict': the role, then the person holding it.
            titles, toks = clean_tokens(nxt)
            if len(toks) >= 2 and looks_personal(toks):
                return Phrase("name", " ".join(toks), description=_clean_desc(head))
        d = _clean_desc(rest)
        if d and not ph.description:
            ph.description = d
        return ph
    ends_comma = raw.endswith(",")
    raw = raw.strip(' ,;:—–-"“”')
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
            if ends_comma or (
                idx >= 0
                and idx < len(segs) - 1
                and not _is_name_segment(segs[-1])
                and segs[-1].split()[0].lower() not in PRONOUNS
            ):
                if idx < 0:
                    idx = next(
                        (
                            i
                            for i, sg in enumerate(segs)
                            if sg.split()[0].lower() not in _PREP_START
                        ),
                        len(segs) - 1,
                    )
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


_ANALYST_BEFORE_RE = re.compile(
    r"\b(?:analysts?|economists?|strategists?)\s+(?:at|with|from)\s+(?:the\s+)?$", re.I
)
_ANALYST_AFTER_RE = re.compile(r"(?:’s|'s)?\s+(?:analysts?|economists?|strategists?)\b")
_ROLE_APPOS_RE = re.compile(
    r"(?:^|[.!?]\s+|\b(?:and|while|but)\s+)(?:The|the|Another|another|A|a|An|an|One|one|Her|her|His|his|Their|their)\s+(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*,\s+$"
)
_SAID_PRONOUN_RE = re.compile(
    r"(?:\s*\([^)\x1f]{1,20}\))?(?:,[^,\x1f\"“”]{1,80},)?\s+(?:said|says|told\s+(?:reporters|the\s+[A-Z]\w+(?:\s+[A-Z]\w+)?))"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|later|earlier))?"
    r"\s+(?:that\s+)?(he|she)\s+(?!and\b|or\b)"
)
_PRONOUN_ROLE_RE = re.compile(
    r"(He|She)\s+(?:is|was|has\s+been|works\s+as|worked\s+as)\s+(?P<d>(?:a|an)\s+[a-z][^,;.\x1f]{2,80})"
)
_OWNER_ROLE_SUBJ_RE = re.compile(
    r"(?P<owner>[A-Z][\w\-]+)(?:’s|'s)\s+(?P<role>[a-z][\w\-]+)\s+(?:[a-z]+ed|met|spoke|told|said|wrote|sat|went|took|gave|made)\b"
)
_WHICH_GAP_RE = re.compile(r"(?:’s|'s)?\s*(?:\([^)]{1,12}\)\s*)?,\s*(?:which\s*)?")
_PAREN_ACRONYM_RE = re.compile(r"\s*\([A-Z][A-Z0-9&]{1,9}\)")


def _parse_segment(seg: str) -> Phrase:
    seg = seg.strip(" ,;:")
    if "(" in seg:
        # Round 6: "The National Union of Mineworkers (NUM)": the acronym in
        # brackets is an alias, not part of the phrase.
        seg = _PAREN_ACRONYM_RE.sub("", seg)
    seg = _LEAD_RE.sub("", seg).strip()
    words = seg.split()
    if not words:
        return Phrase("none", "")
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return Phrase("pronoun", low[0])
    if len(words) == 1 and low[0] == "which":
        return Phrase("relative", low[0])  # Round 7: "the Board, which said in a statement"
    if len(words) > 12:
        return Phrase("none", "")
    if low[0] in _QUANTITY_START and len(words) > 1:
        return Phrase("generic", seg)  # "Hundreds of tenants", "Dozens of workers"
    # "the elder Russo": one of two people sharing a surname.
    if (
        low[0] == "the"
        and len(words) == 3
        and low[1] in ("elder", "older", "younger")
        and words[2][:1].isupper()
    ):
        return Phrase("name", words[2], description=low[1])
    if (
        low[0] == "the"
        and len(words) == 4
        and low[1] in ("elder", "older", "younger")
        and low[2].rstrip(".") in HONORIFICS
        and words[3][:1].isupper()
    ):
        return Phrase("name", words[3], description=low[1])  # "the younger Mr. Chen"
    # "Morgan Stanley analysts led by Keith Wren": the named lead author.
    lm = _LED_BY_RE.search(seg) if " by " in seg else None
    if lm:
        return Phrase("name", " ".join(clean_tokens(lm.group("name"))[1]))
    # "the Ohio Democrat", "the 6-foot-9 forward": a description standing for a
    # person introduced earlier.
    if (
        low[0] == "the"
        and 2 <= len(words) <= 5
        and low[-1].rstrip(".,") in EPITHET_NOUNS
        and low[-1] not in OFFICIAL_NOUNS
    ):
        return Phrase("epithet", seg, head=low[-1].rstrip(".,"), modifier=" ".join(words[1:-1]))
    if (
        low[0] == "the"
        and len(words) == 2
        and words[1][:1].isupper()
        and low[1].rstrip(".,") in ROLE_TITLES
        and low[1].rstrip(".,") not in HONORIFICS
        and low[1].rstrip(".,") not in OFFICIAL_NOUNS
    ):
        # Round 6: "the CFO said", "The Speaker said": a capitalised office after
        # "the" stands for its holder named earlier.
        return Phrase("epithet", seg, head=low[1].rstrip(".,"))
    if low[0] == "the" and len(words) == 2 and _is_demonym(words[1].rstrip(".,")):
        return Phrase("epithet", seg, head=low[1].rstrip(".,"))  # "the Uruguayan said"
    # "Economist Raymond Cole of Temple University"
    m = _NAME_OF_RE.match(seg)
    if m and all(_is_title(t) or t.lower() in OFFICIAL_NOUNS for t in m.group("left").split()):
        # Round 6: "Leader of the Opposition Hemalatha Raju", "Analysts at Ferris
        # Rowe & Co": the left part is only a title or an official noun.
        m = None
    if m and not any(is_org_word(t) for t in m.group("left").split()[-2:]):
        inner = _parse_segment(m.group("left"))
        if inner.kind == "name":
            if any(is_org_word(t) for t in m.group("right").split()):
                extra = f"{m.group('rel')} {m.group('right')}"
                inner.description = (
                    f"{inner.description} {extra}".strip() if inner.description else extra
                )
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
    if (
        low[0] == "the"
        and len(words) > 1
        and _is_name_segment(" ".join(words[1:]))
        and words[-1][:1].isupper()
    ):
        titles, toks = clean_tokens(" ".join(words[1:]))
        return Phrase("name", " ".join(toks))
    if _is_name_segment(seg) and low[0] not in _DETERMINERS:
        titles, toks = clean_tokens(seg)
        desc = " ".join(titles)
        return Phrase(
            "name",
            " ".join(toks),
            description=desc if titles and titles[-1].lower().rstrip(".") not in HONORIFICS else "",
        )
    # Documents and officials: "the statement", "Kaiser’s offer", "a Kaiser employee",
    # "a spokesperson for the hospital system", "union officials".
    mod = ""
    # "a spokesperson for the district": the owner follows the head noun; but in
    # "A Department of Health and Social Care spokesperson" the head noun comes
    # last and the "of" belongs to the organisation's name.
    fm = None if head in DOCUMENT_NOUNS or head in OFFICIAL_NOUNS else _OWNER_AFTER_RE.search(seg)
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
                    # "a notice posted on the hospital’s website": "the hospital"
                    j = max(
                        (
                            k
                            for k in range(i + 1)
                            if core_words[k].lower() in ("the", "a", "an", "its", "their")
                        ),
                        default=0,
                    )
                    mod = " ".join(core_words[j : i + 1])
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
            if (
                mwords
                and mwords[0] in ("the", "a", "an")
                and mwords[-1].rstrip("'’s")
                in GENERIC_PEOPLE | {"companies", "studios", "sides", "parties"}
            ):
                return Phrase("generic", seg)
            if mlow.rstrip("'’") in (
                "the companies",
                "the studios",
                "both sides",
                "the parties",
                "officials",
            ):
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
