"""Stage 1 of attribution: mentions of names, with the evidence around them.

Takes the masked paragraphs (quotation text hidden, see ``sentences.mask``),
their global offsets and sentence starts; gives every capitalised name run of
the reporter's words as a ``Mention`` in document order, with what the words
around it say about it, read once and weighed here:

* titles and honorifics before the name ("Gov.", "Mr.", "UAW President"),
  party labels ("Name, D-Ohio,"), ages ("Pettiford, 47,"), appositives ("Name,
  a bus driver," / "Name, a joint venture between ..."), "X is a ...", role
  words before the name ("striking nurse Name"), kin words ("his son, Name"),
  relative clauses ("Name, who ..." / "Name, which ...");
* organisation signs: "X's chief executive", "X workers", "X said it ...",
  an acronym in brackets ("(Cosla)"), a union head noun after the name;
* places ("in San Jose"), modifier uses ("a VIP package"), the one spoken to
  ("told DW"), a statement's owner ("In a statement, Harvest said").

A run takes in a legal form it stopped before ("Tatra Voda a.s.", "Arctic
Prawn A/S", "X (Private) Limited"), reads past the name written again in its
own script ("Lin Mei-ling (林美玲), president of ...") and leaves a region
before an officer's role to the role ("RMT Scottish organiser Ann Ross").

Which entity a mention belongs to is the next stage's business
(``entities``); nothing here depends on other mentions. Pronouns and role
descriptions ("she", "the spokeswoman") are not runs: they are read from the
cues (``phrases``) and resolved by ``coreference``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from .lexicon import (
    ADDRESSEE_NOUNS,
    APPOSITIVE_HEAD_END,
    COMPANY_HEADS,
    DEMONYM_ENDINGS,
    DEMONYMS,
    DOCUMENT_INTRO_VERBS,
    EPITHET_NOUNS,
    FACILITY_WORDS,
    FIRST_NAMES_ALL,
    HONORIFIC_GENDER,
    HONORIFICS,
    ISSUED_DOCUMENTS,
    IT_SAID_VERBS,
    KIN_GENDER,
    KIN_WORDS,
    NAME_LINK_WORDS,
    ORG_FOLLOWERS,
    ORG_HEADS,
    ORG_POSSESSIONS,
    PERSON_NOUNS,
    PLACE_PREPOSITIONS,
    PLURAL_ORG_NOUNS,
    ROLE_STOP,
    ROLE_TITLES,
    SAY_VERBS,
    STOP_CAPS,
    UNION_NOUNS,
    WORKER_WORDS,
    WORKPLACE_NOUNS,
    alternation,
)
from .names import (
    ACRONYM_AFTER_RE,
    MINISTRY_OF_RE,
    NATIVE_SCRIPT_AFTER_RE,
    RUN_RE,
    clean_description,
    clean_token_tuples,
    initials,
    is_demonym,
    is_org_word,
    is_role_word,
    is_title,
    legal_form_after,
    ministry_fields_after,
    named_for_its_field,
    romance_name_after,
    split_run,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from .entities import Entity
    from .sentences import Lowered


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sign of what a name stands for, and how much it counts.

    ``kind`` is what it argues for ("person", "organization" or "place"); an
    entity's kind is the one with the most weight (``Entity.decide``).
    """

    kind: str
    weight: int
    example: str


# Evidence read around one mention (the entity's own name is weighed in ``entities``).
TITLE = Evidence("person", 4, "Gov. Jane Doe, Mr. Chen, Secretary-General Hezron Mwaniki")
GIVEN_NAME_ONLY = Evidence("person", 4, "One farmer, who gave his name only as Balasaheb")
PARTY_LABEL = Evidence("person", 3, "Sen. Laura Whitby, D-Va.,")
AGE = Evidence("person", 3, "Pettiford, 47, a bus operator")
KIN = Evidence("person", 3, "his son, Michael Russo")
PERSON_APPOSITIVE = Evidence("person", 2, "Name, a nurse at the hospital")
ROLE_BEFORE_COMMA = Evidence("person", 2, "His campaign manager, Ines Morales,")
ROLE_BEFORE = Evidence("person", 2, "striking nurse Maria Lopez")
BODY_KIND_BEFORE = Evidence("organization", 3, "the cleaning contractor CleanServ Danmark")
WHO_CLAUSE = Evidence("person", 2, "Name, who has worked there since 2004")
ACRONYM = Evidence("organization", 3, "the Convention of Scottish Local Authorities (Cosla)")
ORG_APPOSITIVE = Evidence("organization", 3, "Voltera Cells, a joint venture between ...")
SAID_IT = Evidence("organization", 3, "Southern California Edison said it had shut off power")
ORG_FOLLOWER = Evidence("organization", 2, "Kaiser workers, RideNow's chief executive")
WHICH_CLAUSE = Evidence("organization", 2, "Thanh Phat, which is majority owned by ...")
NAME_AFTER_THE = Evidence("organization", 2, "reviewed by the Ledger (a person is not 'the Smith')")
PLACE_PREPOSITION = Evidence("place", 2, "in San Jose, near Maple Grove")
ROLE_MODIFIER = Evidence("organization", 2, "Gosford Private midwife Tegan Hollis")
WORKPLACE = Evidence("organization", 2, "miners at Bafokeng Ridge Platinum's shafts")


class Mention:
    """One capitalised name run in the reporter's words and what surrounds it.

    ``pos``/``end`` are global offsets (paragraph base + offset in the
    paragraph); ``after`` is the text right after the name (160 characters).
    ``entity`` is filled in by ``entities.Cast``. (A plain class: the evidence
    fields keep their class defaults until a mention has them, which is what
    makes scanning a long article quick.)
    """

    title = ""  # the titles, when they make the name a person's ("Gov.", "UAW President")
    gender = ""  # "m"/"f" from a courtesy title, "his name", a kin word, "who ... her"
    party = ""  # "D" / "R" / "I" from "Name, D-Ohio," or "Name (R-Texas)"
    state = ""  # the state of that party label ("Ohio", "Minn.")
    acronym = ""  # "(Cosla)" after the name
    description = ""  # appositive, "is a ..." or role words before the name
    kin = ""  # "his son, Michael Russo" -> "son"
    after_the = False  # a bare word after "the" ("the Ledger")
    modifier_use = False  # "a VIP package": the name only modifies a noun
    addressed = False  # "told DW", "in a response to The Japan Times"
    union_head = False  # "The Vereinigung Cockpit (VC) pilots' union"
    document_owner = False  # "In a statement, Harvest said"
    entity: Entity  # set by entities.Cast before anything reads it

    def __init__(
        self,
        pos: int,
        end: int,
        para: int,
        tokens: tuple[str, ...],
        titles: tuple[str, ...],
        sentence_initial: bool,
        possessive: bool,
        after: str,
    ):
        self.pos = pos
        self.end = end
        self.para = para
        self.tokens = tokens
        self.titles = titles
        self.sentence_initial = sentence_initial
        self.possessive = possessive
        self.after = after
        self.evidence: list[Evidence] = []

    def __repr__(self) -> str:
        return f"Mention({' '.join(self.tokens)!r} at {self.pos})"

    @property
    def said_pronoun(self) -> str:
        """ "Matsumoto said he would": "m" (the pronoun right after the speech verb)."""
        if self.titles or len(self.tokens) != 1 or self.after[:1] not in " ,(":
            return ""
        pm = SAID_PRONOUN_RE.match(self.after)
        return ("m" if pm.group(1) == "he" else "f") if pm else ""

    @property
    def honorific_gender(self) -> str:
        """The gender a courtesy title gives ("Mr." -> "m"), else ""."""
        return HONORIFIC_GENDER.get(self.titles[-1].lower().rstrip("."), "") if self.titles else ""


# -- what surrounds a name ----------------------------------------------------
_AGE_APPOS_RE: Final = re.compile(r"^,\s+\d{1,3},\s")
_COPULA_RE: Final = re.compile(r"^\s+(?:is|was|has been)\s+(?P<d>(?:a|an|the)\s+[^,;.\x1f]{2,100})")
_ALL_DOCUMENT_STEMS = {w.split("-")[-1] for w in ISSUED_DOCUMENTS}
# The stems that find the paragraphs naming a document; one that holds another
# ("email", "mail") finds no paragraph the other does not.
_DOCUMENT_STEMS = tuple(
    sorted(
        st
        for st in _ALL_DOCUMENT_STEMS
        if not any(o != st and o in st for o in _ALL_DOCUMENT_STEMS)
    )
)


def _initial_branches(words: list[str]) -> str:
    """``\\b(?:{alternation(words)})`` for words that start with a lowercase
    ASCII letter, written as one branch per first letter that checks the word
    boundary after reading it ("s(?<!\\w.)(?:ent|hared)"): the regex engine
    then skips ahead to a letter some word starts with instead of trying the
    pattern at every position. At one position only one branch can match, and
    inside a branch the words keep ``alternation``'s longest-first order, so
    the matches are the same."""
    branches: dict[str, list[str]] = {}
    for w in words:
        assert "a" <= w[0] <= "z" and len(w) > 1, w
        branches.setdefault(w[0], []).append(w[1:])
    return (
        "(?:"
        + "|".join(rf"{c}(?<!\w.)(?:{alternation(rests)})" for c, rests in sorted(branches.items()))
        + ")"
    )


_DOC_INTRO_TAIL = (
    r"\s+(?:a|an|its|their|the|his|her)\s+"
    rf"(?:[\w\-]+\s+){{0,2}}?(?:{alternation(ISSUED_DOCUMENTS)})\b"
)
_DOC_INTRO_RE: Final = re.compile(
    rf"\b(?:in|{alternation(DOCUMENT_INTRO_VERBS)}){_DOC_INTRO_TAIL}", re.I
)
# On the lowercased paragraph the case-sensitive pattern finds the same
# phrases several times faster; not when the paragraph holds a letter that
# only matches an ASCII one case-insensitively (or lowercases to two letters).
# ("in" first, then the verbs longest first, is longest first: no verb starts with "in".)
assert not any(v.startswith("in") for v in DOCUMENT_INTRO_VERBS)
_DOC_INTRO_LOWER_RE: Final = re.compile(
    _initial_branches(["in", *DOCUMENT_INTRO_VERBS]) + _DOC_INTRO_TAIL
)
ORG_FOLLOW_RE: Final = re.compile(rf"^(?:’s|'s)?\s+(?:{alternation(ORG_FOLLOWERS)})\b")
_ORG_POSS_RE: Final = re.compile(rf"^(?:’s|'s)\s+(?:{alternation(ORG_POSSESSIONS)})\b")
_PERSON_ROLE_RE: Final = re.compile(rf"\b(?:{alternation(PERSON_NOUNS)})\b", re.I)
_PERSON_ROLE_LOWER_RE: Final = re.compile(rf"{_initial_branches(sorted(PERSON_NOUNS))}\b")
# "In South Philadelphia, Maria DiNardo said": a sentence opening on a place.
_PLACE_OPENER_RE: Final = re.compile(r"(?:^|[.!?”\"]\s*)In $")
# Workers at a name: the name is where they work ("8,000 miners at Bafokeng Ridge").
_WORKPLACE_BEFORE_RE: Final = re.compile(
    rf"\b(?i:{alternation(w for w in WORKER_WORDS if w.endswith('s'))}|strike|walkout)"
    r"\s+(?:at|for|against)\s+(?:the\s+)?$"
)
_FACILITY_AFTER_RE: Final = re.compile(
    rf"^(?:’s|'s)?\s+(?:[a-z\-]+\s+)?(?:{alternation(FACILITY_WORDS | WORKPLACE_NOUNS)})\b"
)
# "The Finnish Paper Workers' Union, Paperiliitto, which says ...": one word
# set off by commas after an organisation's name, then a relative clause or a
# speech verb, is the short name it goes by.
_ALIAS_APPOSITIVE_RE: Final = re.compile(
    rf"^,\s+(?P<a>[A-Z][\w\-]{{2,}}),\s+(?:which|that|(?:{alternation(SAY_VERBS)}))\b"
)
_IT_SAID_START = tuple(f" {v} " for v in IT_SAID_VERBS)  # the quick test
_IT_SAID_RE: Final = re.compile(
    rf"^\s+(?:{alternation(IT_SAID_VERBS)})\s+"
    # "Voltera said in a statement that it was ...", "said Tuesday that it"
    rf"(?:(?:in|on)\s+(?:a|an|its)\s+(?:[\w\-]+\s+){{0,2}}?(?:{alternation(ISSUED_DOCUMENTS)})\s+|\w+day\s+)?"
    r"(?:that\s+)?(?:it|its)\b"
)
_PARTY_RE: Final = re.compile(
    r"^(?:,\s*|\s*\()(?P<p>[DRI])-(?P<st>[A-Z][\w.]*(?:\s?[A-Z][\w.]*)?)[,)]"
)
_KIN_ENDINGS = tuple(KIN_WORDS)
_KIN_BEFORE_RE: Final = re.compile(rf"\b({alternation(KIN_WORDS)}),\s*$", re.I)
ROLE_COMMA_RE: Final = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w’']*(?:’s|'s))\s+(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*),\s*$"
)
_ADDRESSEE_BEFORE_RE: Final = re.compile(
    rf"(?:\b(?:told|tells|tell|telling)|\b(?:{alternation(ADDRESSEE_NOUNS)})\s+to|\b(?:viewed|seen|obtained|reviewed)\s+by)\s+(?:[Tt]he\s+)?$"
)
_WHO_POSS_RE: Final = re.compile(r"\b(his|her|himself|herself)\b")
_UNION_HEAD_AFTER_RE: Final = re.compile(
    r"(?:\s*\([A-Z][A-Za-z]{1,9}\))?\s+(?:[a-z]+(?:s['’]|['’]s)\s+)?union\b"
)
# Kinds of business or union that can stand right before the body's name.
_BODY_KINDS = (COMPANY_HEADS | UNION_NOUNS) - WORKER_WORDS
# What follows a wire service's name in a dateline: "(AFP) - ", "(Reuters) — ".
_WIRE_CREDIT_AFTER_RE: Final = re.compile(r"\)\s*[-–—]+\s")
_MOD_BEFORE_RE: Final = re.compile(r"\b(?:a|an|A|An)\s$")
_MOD_AFTER_RE: Final = re.compile(r"^\s+[a-z][a-z\-]+\b(?!\s+(?:said|says|told|wrote))")
NAME_ONLY_BEFORE_RE: Final = re.compile(
    r"\b(?:(?:gave|give|gives|giving|provided|offered)\s+(?:only\s+)?(?P<g>his|her|their)\s+(?:first\s+)?name,?\s+"
    r"(?:only\s+)?(?:as\s+)?|identified\s+(?P<g2>himself|herself)\s+(?:only\s+)?as\s+)$"
)
_REL_OPEN_RE: Final = re.compile(r",\s+(?:which|who|whose)\s+[^,]*$")
_GOV_ADJ_RE: Final = re.compile(r"(?:(?:The|A|An)\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
# "the first-term Democrat"
_THE_MOD_RE: Final = re.compile(r"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){1,2}$")
SAID_PRONOUN_RE: Final = re.compile(
    r"(?:\s*\([^)\x1f]{1,20}\))?(?:,[^,\x1f\"“”]{1,80},)?\s+(?:said|says|told\s+(?:reporters|the\s+[A-Z]\w+(?:\s+[A-Z]\w+)?))"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|later|earlier))?"
    r"\s+(?:that\s+)?(he|she)\s+(?!and\b|or\b)"
)


def scan_mentions(
    masked: list[str], bases: list[int], starts: list[list[int]], lowered: Lowered
) -> list[Mention]:
    """Every name run of the reporter's words as a Mention, in document order."""
    all_text: list[str] = []  # filled on first use: the whole masked article

    def used_as_acronym(acr: str) -> bool:
        if not all_text:
            all_text.append("\n".join(masked))
        return acr in all_text[0] and bool(re.search(rf"\b{acr}\b", all_text[0]))

    out: list[Mention] = []
    with_documents = set(lowered.paragraphs_with(_DOCUMENT_STEMS))
    for pi, mp in enumerate(masked):
        docs_here = _document_intros(mp, lowered.paragraph(pi)) if pi in with_documents else []
        _scan_paragraph(pi, mp, bases[pi], starts[pi], used_as_acronym, docs_here, out)
    return out


def _lowers_alike(text: str, low: str) -> bool:
    """Does a case-sensitive lowercase pattern on ``low`` (``text`` lowercased)
    match where the case-insensitive one matches on ``text``? Not when a letter
    lowercases to two ("İ") or is one of those that match an ASCII letter case
    insensitively ("ı", "ſ", the Kelvin sign)."""
    return len(low) == len(text) and "ı" not in text and "ſ" not in text and "\u212a" not in text


def _document_intros(mp: str, low: str) -> list[int]:
    """Where the paragraph introduces a document ("in a statement", "released a
    report"); ``low`` is the paragraph lowercased."""
    if _lowers_alike(mp, low):
        return [m.start() for m in _DOC_INTRO_LOWER_RE.finditer(low)]
    return [m.start() for m in _DOC_INTRO_RE.finditer(mp)]


def _names_a_person_role(d: str) -> bool:
    """A person's role word in a description ("a nurse at the hospital")."""
    low = d.lower()
    if _lowers_alike(d, low):
        return _PERSON_ROLE_LOWER_RE.search(low) is not None
    return _PERSON_ROLE_RE.search(d) is not None


def _joined(text: str, pieces: tuple[tuple[int, int], ...]) -> bool:
    """Only "and"/"of"/"for"/"&" between the pieces of a split run."""
    return all(
        text[pieces[k][1] : pieces[k + 1][0]].strip() in NAME_LINK_WORDS
        for k in range(len(pieces) - 1)
    )


def _scan_paragraph(
    pi: int,
    mp: str,
    base: int,
    sstarts: list[int],
    used_as_acronym: Callable[[str], bool],
    docs_here: list[int],
    out: list[Mention],
) -> None:
    joined_to = 0
    for run in RUN_RE.finditer(mp):
        rs, run_end = run.span()
        if rs < joined_to:
            continue  # the fields of a ministry's name, read with it
        text = mp[rs:run_end]
        if text in STOP_CAPS:
            continue
        next_char = mp[run_end : run_end + 1]
        fields_end = (
            ministry_fields_after(mp, run_end)
            if next_char == "," and " of " in text and MINISTRY_OF_RE.search(text)
            else 0
        )
        if fields_end:
            # "Ministry of Agriculture, Water Management and Forestry": one name
            joined_to = fields_end
            text = mp[rs:joined_to]
            ministry = MINISTRY_OF_RE.search(text)
            pieces: tuple[tuple[int, int], ...] = (
                (ministry.start() if ministry else 0, len(text)),
            )
        else:
            legal_end = (
                legal_form_after(mp, run_end) or romance_name_after(mp, run_end, text)
                if next_char == " " or next_char == "/"
                else 0
            )
            if legal_end:
                # "Tatra Voda a.s.": the legal form is the name's; so is the rest
                # of "Conseil du patronat du Québec"
                text = mp[rs:legal_end]
            pieces = split_run(text)
        if len(pieces) > 1:
            a0, b1 = pieces[0][0], pieces[-1][1]
            acr = _initials_of(text[a0:b1])
            if len(acr) >= 3 and used_as_acronym(acr) and _joined(text, pieces):
                # "Food and Drug Administration" stays one name when the article
                # also calls it "FDA".
                pieces = ((a0, b1),)
            if len(pieces) > 1 and mp[run_end : run_end + 2] == " (":
                # "The Convention of Scottish Local Authorities (Cosla)": a short
                # form in brackets right after the run names all of it.
                am = ACRONYM_AFTER_RE.match(mp, run_end)
                if am and am.group("a")[0] == text[a0] and _joined(text, pieces):
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
            if k == last and mp[e : e + 11] == " government" and _GOV_ADJ_RE.fullmatch(mp[s:e]):
                # "the Welsh government", "the Ontario government": a name in
                # British/Canadian style with a lowercase head noun.
                e += len(" government")
            if k == last and " " in mp[s:e]:
                e = _before_regional_role(mp, s, e)
            initial = s in sstarts or _after_open(mp, s, sstarts)
            m = _mention(pi, mp, base, s, e, initial, surname, docs_here)
            if m is not None:
                out.append(m)


_WORD_AFTER_RE: Final = re.compile(r"\s+([a-z][a-z\-]+)\b")


def _before_regional_role(mp: str, s: int, e: int) -> int:
    """The end of a name whose last word is the region of the role after it
    ("RMT Scottish organiser Ann Ross": the body is "RMT"), else ``e``."""
    last = mp.rfind(" ", s, e)
    word = mp[last + 1 : e]
    low = word.lower()
    if not (
        (low in DEMONYMS or (len(word) > 5 and low.endswith(DEMONYM_ENDINGS))) and is_demonym(word)
    ):
        return e
    wm = _WORD_AFTER_RE.match(mp, e)
    if wm and is_role_word(wm.group(1)) and not is_org_word(wm.group(1)):
        return last
    return e


def _mention(
    pi: int, mp: str, base: int, s: int, e: int, initial: bool, surname: str, docs_here: list[int]
) -> Mention | None:
    surface = mp[s:e]
    titles, toks, epithet, skip = _run_info(surface, surname)
    if skip and not _acronym_in_a_sentence(toks, mp, s):
        return None
    lo4 = s - 4 if s > 4 else 0
    lo40 = s - 40 if s > 40 else 0
    before4 = mp[lo4:s]
    if epithet and (before4.lower() == "the " or _THE_MOD_RE.search(mp, lo40, s)):
        return None  # "The German, who ...", "The Kansas Republican cut her off": a description
    single = len(toks) == 1
    if single and initial and toks[0] in STOP_CAPS:
        return None
    after = mp[e : e + 160]
    if after.startswith(" ("):
        nm = NATIVE_SCRIPT_AFTER_RE.match(mp, e)
        if nm:
            after = mp[nm.end() : nm.end() + 160]  # "Lin Mei-ling (林美玲), president of"
    a0 = after[:1]
    poss = after.startswith(("’s", "'s")) or surface.endswith(("’s", "'s"))
    m = Mention(base + s, base + e, pi, toks, titles, initial, poss, after)
    # Each check below starts with a quick test of the characters around the
    # name; the fields keep their class defaults unless a check holds.
    if single and not titles and before4 == "the ":
        m.after_the = True
    if (
        single
        and before4[-2:-1] in ("a", "n", "A")
        and _MOD_BEFORE_RE.search(mp, lo4, s)
        and _MOD_AFTER_RE.match(after)
    ):
        m.modifier_use = True
    window = mp[lo40:s]
    if (
        ("told" in window or "tell" in window or " to " in window or " by " in window)
        and _ends_with_word(window, _ADDRESSEE_LAST_WORDS, ("the", "The"))
        and _ADDRESSEE_BEFORE_RE.search(window)
    ):
        m.addressed = True
    elif a0 == ")" and mp[s - 1 : s] == "(" and _WIRE_CREDIT_AFTER_RE.match(after):
        m.addressed = True  # a dateline's wire credit, "ABIDJAN (AFP) -": the outlet
    if after.find(" union", 0, 40) >= 0 and _UNION_HEAD_AFTER_RE.match(after):
        m.union_head = True
    genders: list[str] = []
    if titles:
        _read_titles(m, genders)
    ev = m.evidence
    if (
        (a0.isspace() or a0 in ("’", "'"))
        and _may_follow_as_org(after)
        and ORG_FOLLOW_RE.match(after)
    ) or (poss and _ORG_POSS_RE.match(after)):
        ev.append(ORG_FOLLOWER)
    if after.startswith(_IT_SAID_START) and "it" in after and _IT_SAID_RE.match(after):
        ev.append(SAID_IT)
    before12 = mp[max(0, s - 12) : s]
    if not poss and (
        before12.endswith(PLACE_PREPOSITIONS)
        or (surface.startswith("In ") and _PLACE_OPENER_RE.search(mp, max(0, s - 3), s + 3))
    ):
        ev.append(PLACE_PREPOSITION)
    if (
        before4 in (" at ", "for ", "the ")
        and _ends_with_word(window, ("at", "for", "against"), ("the",), _WORKPLACE_LAST_LETTERS)
        and _WORKPLACE_BEFORE_RE.search(mp, lo40, s)
        and not _FACILITY_AFTER_RE.match(after)
    ):
        # "strikers at the Scioto Valley Zoo"; not "workers at the Carrick Creek
        # mine", where the name is the site's, not its owner's
        ev.append(WORKPLACE)
    if a0 == " " and after[1:2].islower() and _capital_in(after, 2, 60) and _role_then_name(after):
        ev.append(ROLE_MODIFIER)
    if (a0 == "," or a0 == "(" or after.startswith(" (")) and _may_be_party_label(after):
        pm = _PARTY_RE.match(after)
        if pm:
            m.party, m.state = pm.group("p"), pm.group("st")
    if len(toks) >= 2 and after.find("(", 0, 3) >= 0:
        ac = ACRONYM_AFTER_RE.match(after)
        if ac:
            m.acronym = ac.group("a")
    elif len(toks) >= 2 and a0 == "," and is_org_word(toks[-1]):
        ac = _ALIAS_APPOSITIVE_RE.match(after)
        if ac and ac.group("a").lower() not in FIRST_NAMES_ALL and not is_demonym(ac.group("a")):
            m.acronym = ac.group("a")
    d = _appositive(m, after) if a0 == "," or after.startswith((" is ", " was", " has")) else ""
    if " as " in before4 or "name" in before12:
        nm = NAME_ONLY_BEFORE_RE.search(mp, max(0, s - 60), s)
        if nm:
            ev.append(GIVEN_NAME_ONLY)
            gw = nm.group("g") or nm.group("g2")
            if gw and gw.lower() != "their":
                genders.append("m" if gw.lower() in ("his", "himself") else "f")
    if mp.find(",", max(0, s - 3), s) >= 0:
        km = (
            _KIN_BEFORE_RE.search(mp, max(0, s - 30), s)
            if _kin_before(mp[max(0, s - 30) : s])
            else None
        )
        if km:
            ev.append(KIN)
            m.kin = km.group(1).lower()
            genders.append(KIN_GENDER.get(m.kin, ""))
        elif len(toks) >= 2:
            rm = ROLE_COMMA_RE.search(mp, lo40, s)
            if rm and is_role_word(rm.group(1)) and not is_org_word(rm.group(1)):
                ev.append(ROLE_BEFORE_COMMA)
    rel = after.lstrip(", ")[:6].lower()
    if rel == "which ":
        ev.append(WHICH_CLAUSE)
    elif rel[:4] == "who ":
        ev.append(WHO_CLAUSE)
        if after[:2] == ", ":
            # "Ngaire Tuhiwai, who milks 600 cows with her partner, Rangi, said":
            # a single his/her inside the person's own relative clause.
            clause = after[2:].split(",", 1)[0]
            hm = _WHO_POSS_RE.search(clause) if "his" in clause or "her" in clause else None
            if hm and not _WHO_POSS_RE.search(clause, hm.end()):
                genders.append("f" if hm.group(1).startswith("her") else "m")
    if not d and s > 1 and mp[s - 1] == " " and mp[s - 2].isalpha():
        word = _word_before(mp, s)
        d = _role_words_before(mp, s) if is_role_word(word) else ""
        if d:
            kind = d.split()[-1].lower()
            # "the cleaning contractor CleanServ Danmark": the kind of business, then its name
            ev.append(BODY_KIND_BEFORE if kind in _BODY_KINDS else ROLE_BEFORE)
        elif word.lower() in _BODY_KINDS and _kind_of_body_before(mp, s):
            ev.append(BODY_KIND_BEFORE)  # "the public forestry company Šume Podrinja"
    if d:
        m.description = d
    for g in genders:
        if g:
            m.gender = g
            break
    if (
        docs_here
        and not _in_relative(mp, s)
        and (
            any(e <= x < e + 80 for x in docs_here)
            # "In a lawsuit filed in Delaware, Harvest said ...": the owner follows.
            or (any(x < s <= x + 120 for x in docs_here) and speech_after(after))
        )
    ):
        m.document_owner = True
    return m


def _acronym_in_a_sentence(toks: tuple[str, ...], mp: str, s: int) -> bool:
    """ "The union NUPENG said": one long word in capitals after the
    paragraph's first words is a body's acronym, not a dateline ("DETROIT —")."""
    return (
        len(toks) == 1
        and toks[0].isupper()
        and toks[0] not in STOP_CAPS
        and s > 0
        and bool(mp[:s].strip())
        and not mp[:s].rstrip().endswith(("—", "–", "-"))
    )


def _kin_before(window: str) -> bool:
    """Does the window end in a kin word and a comma (the quick test before _KIN_BEFORE_RE)?"""
    t = window.rstrip()
    return t.endswith(",") and t[:-1].lower().endswith(_KIN_ENDINGS)


def _read_titles(m: Mention, genders: list[str]) -> None:
    """A title or honorific before the name makes a person ("Secretary of State
    Andrea Kowal": the office's first word when the last is not a title)."""
    titles = m.titles
    if not titles:
        return
    t0 = titles[-1].lower().rstrip(".")
    if (
        t0 not in HONORIFICS
        and t0 not in ROLE_TITLES
        and titles[0].lower().rstrip(".") in ROLE_TITLES
    ):
        t0 = titles[0].lower().rstrip(".")
    if t0 in HONORIFICS or t0 in ROLE_TITLES or ("-" in t0 and is_title(t0)):
        m.evidence.append(TITLE)
        m.title = " ".join(titles)
        genders.append(HONORIFIC_GENDER.get(t0, ""))


def _appositive(m: Mention, after: str) -> str:
    """The description an appositive or "is a ..." gives, weighing the appositive:
    an age makes a person ("Pettiford, 47, a bus operator"), an organisation head
    noun an organisation ("a joint venture between ..."), "a/an ..." or a role
    word a person."""
    appos = appositive_text(after) if after[:1] == "," else None
    appos_words: list[str] = appos.split() if appos else []  # never empty: it starts a-z
    if appos and not appos.startswith(("a ", "an ", "the ")):
        w0 = appos_words[0].lower()
        if w0 in SAY_VERBS or w0.endswith("ed") or w0 in ROLE_STOP:
            appos = None
    if appos and appos_words[-1].lower().strip(".,") in SAY_VERBS:
        appos = None  # "from operator Andes Copper Corp, the union said": a new clause
    if not appos and _age_after(after):
        # "her son Aiden, 8, to the gate": an age with no description after it
        m.evidence.append(AGE)
        return ""
    if appos:
        d = clean_description(appos)
        if _age_after(after):
            m.evidence.append(AGE)
        elif org_appositive(appos):
            m.evidence.append(ORG_APPOSITIVE)
        elif appos.lstrip().lower().startswith(("a ", "an ")) or (d and _names_a_person_role(d)):
            m.evidence.append(PERSON_APPOSITIVE)
        return d
    if after.startswith((" is ", " was", " has")):
        cm = _COPULA_RE.match(after)
        if cm:
            return clean_description(cm.group("d"))
    return ""


def _capital_in(text: str, start: int, end: int) -> bool:
    """Is there a capital (A-Z, À-Ö, Ø-Þ or Ā-ſ, as in ``names.RUN_RE``)
    between ``start`` and ``end`` in ``text``?"""
    for i in range(start, min(end, len(text))):
        c = ord(text[i])
        if 65 <= c <= 90 or 192 <= c <= 214 or 216 <= c <= 222 or 256 <= c <= 383:
            return True
    return False


def _role_then_name(after: str) -> bool:
    """After a name: up to three lowercase words ending in a role, then another
    name ("Kaiser spokesperson Steve Shivinsky", "Gosford Private midwife Tegan Hollis")."""
    words = after[:80].split(None, 5)
    for k in range(min(3, len(words) - 2)):
        w = words[k]
        if not ("a" <= w[0] <= "z" and w.replace("-", "").isalnum()):
            return False
        nxt, then = words[k + 1], words[k + 2]
        if (
            nxt[0].isupper()
            and len(nxt) > 1
            and nxt.replace("-", "").replace("’", "").replace("'", "").isalnum()
            and then[0].isupper()
        ):
            return is_role_word(w)
    return False


def appositive_text(after: str) -> str | None:
    """The appositive right after a name (``after`` starts with its comma): ",
    47, a bus operator for 19 years," -> "a bus operator for 19 years"; it
    starts with a lowercase word, runs to the next comma, semicolon or full
    stop and has 3 to about 120 characters; None when there is none."""
    n = len(after)
    j = 1
    while j < n and after[j].isspace():
        j += 1
    if j == 1:
        return None
    age = _AGE_APPOS_RE.match(after) if after[j : j + 1].isdigit() else None
    if age:
        j = age.end()
        while j < n and after[j].isspace():
            j += 1
    if j >= n or not ("a" <= after[j] <= "z"):
        return None
    stop = n  # the first comma, semicolon, full stop or mask from j
    for c in (",", ";", ".", "\x1f"):
        k = after.find(c, j, stop)
        if k >= 0:
            stop = k
    if stop < n:
        c = after[stop]
        if c == "\x1f" or (c == "." and stop + 1 < n and not after[stop + 1].isspace()):
            return None
    article_end = _article_end(after, j)
    longest = 121 + (article_end - j - 1 if article_end >= 0 else 0)
    if not 3 <= stop - j <= longest:
        return None
    return after[j:stop]


def _article_end(text: str, j: int) -> int:
    """Where "a", "an" or "the" and the whitespace after it, read at ``j`` in
    ``text``, end; -1 when ``text`` has no such article at ``j``."""
    n = len(text)
    for w in ("a", "an", "the"):
        k = j + len(w)
        if text[j:k] == w:
            if k < n and text[k].isspace():
                k += 1
                while k < n and text[k].isspace():
                    k += 1
                return k
    return -1


# The last words of what _ADDRESSEE_BEFORE_RE finds before a name ("told",
# "in a response to", "obtained by"), and the last letters (under IGNORECASE)
# of the words _WORKPLACE_BEFORE_RE wants before "at"/"for"/"against".
_ADDRESSEE_LAST_WORDS = ("told", "tells", "tell", "telling", "to", "by")
_WORKPLACE_LAST_LETTERS = ("s", "S", "ſ", "e", "E", "t", "T")


def _ends_with_word(
    window: str,
    words: tuple[str, ...],
    articles: tuple[str, ...],
    last_letters: tuple[str, ...] = (),
) -> bool:
    """The quick test before a pattern anchored at the end of ``window`` that
    ends in one of ``words``, spaces and optionally one of ``articles`` (three
    letters) and spaces: does the window end so? With ``last_letters``, the
    word before that one must also end in one of them."""
    u = window.rstrip()
    for k in range(2):
        for w in words:
            if u.endswith(w):
                if not last_letters:
                    return True
                return u[: len(u) - len(w)].rstrip()[-1:] in last_letters
        if k or not u.endswith(articles):
            return False
        u = u[:-3].rstrip()
    return False


def _age_after(after: str) -> bool:
    """ "Pettiford, 47, a bus operator": an age set off by commas right after
    the name (``_AGE_APPOS_RE``, tried only when a digit follows the comma)."""
    if after[:1] != ",":
        return False
    n = len(after)
    k = 1
    while k < n and after[k].isspace():
        k += 1
    return k > 1 and after[k : k + 1].isdigit() and _AGE_APPOS_RE.match(after) is not None


# ORG_FOLLOWERS by their first letter.
_ORG_FOLLOWERS_BY_INITIAL: dict[str, tuple[str, ...]] = {
    c: tuple(sorted(w for w in ORG_FOLLOWERS if w[0] == c)) for c in {w[0] for w in ORG_FOLLOWERS}
}
_ORG_FOLLOWER_LONGEST = max(len(w) for w in ORG_FOLLOWERS)


def _may_follow_as_org(after: str) -> bool:
    """The quick test before ``ORG_FOLLOW_RE``: after an optional possessive
    and the spaces, one of ``ORG_FOLLOWERS``."""
    n = len(after)
    k = 2 if after.startswith("’s") or after.startswith("'s") else 0
    if not (k < n and after[k].isspace()):
        return False
    while k < n and after[k].isspace():
        k += 1
    if k >= n:
        return False
    words = _ORG_FOLLOWERS_BY_INITIAL.get(after[k])
    return words is not None and after[k : k + _ORG_FOLLOWER_LONGEST].startswith(words)


def _may_be_party_label(after: str) -> bool:
    """The quick test before ``_PARTY_RE``: ", D-" or " (R-" (spaces allowed)."""
    n = len(after)
    comma = after[:1] == ","
    k = 1 if comma else 0
    while k < n and after[k].isspace():
        k += 1
    if not comma:
        if after[k : k + 1] != "(":
            return False
        k += 1
    return after[k : k + 1] in ("D", "R", "I") and after[k + 1 : k + 2] == "-"


def _word_before(mp: str, s: int) -> str:
    """The word before the space before ``s`` (``mp[s - 1]`` is a space and
    ``mp[s - 2]`` no space), at most 59 characters back: the last word of the
    window that ``_role_words_before`` and ``_kind_of_body_before`` read."""
    lo = s - 60 if s > 60 else 0
    k = s - 2
    while k > lo and not mp[k - 1].isspace():
        k -= 1
    return mp[k : s - 1]


def _kind_of_body_before(mp: str, s: int) -> bool:
    """A determined kind of body right before the name ("the forestry company",
    "a state-owned firm", "the union"): what follows is that body's name, unless
    an office of it comes first ("Executive director of the company Tserendorj
    Erdene": the name is the office-holder's)."""
    words = mp[max(0, s - 60) : s].lower().split()[-5:]
    if len(words) < 2 or words[-1] not in _BODY_KINDS:
        return False
    for i in range(len(words) - 2, -1, -1):
        if words[i] in ("the", "a", "an"):
            return not (i >= 2 and words[i - 1] == "of" and is_role_word(words[i - 2]))
    return False


def _role_words_before(mp: str, s: int) -> str:
    """Lowercase role words right before the name ("striking nurse"), ending in a role noun."""
    words = mp[max(0, s - 60) : s].rsplit(None, 4)[-4:]
    if not words or not is_role_word(words[-1]):
        return ""  # the word next to the name is no role noun
    keep: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip(",")
        if (
            w.endswith(",")
            or lw in ROLE_STOP
            or lw in SAY_VERBS
            or not w.replace("-", "").replace("’", "").replace("'", "").isalpha()
        ):
            break
        keep.append(w)
    keep.reverse()
    if keep and is_role_word(keep[-1]):
        return " ".join(keep)
    return ""


def _in_relative(mp: str, s: int) -> bool:
    """Is offset s inside a relative clause opened after a comma and not yet
    closed ("Thanh Phat, which is majority owned by Everstride Holdings, said
    in a statement": Everstride is not the statement's owner)?"""
    lo = max(0, s - 160)
    k = max(mp.rfind(". ", lo, s), lo)
    return bool(_REL_OPEN_RE.search(mp[k:s]))


@lru_cache(maxsize=8192)
def _run_info(surface: str, surname: str) -> tuple[tuple[str, ...], tuple[str, ...], bool, bool]:
    """(titles, name tokens, could be a description like "Kansas Republican",
    never a name) for one capitalised run; the part that needs no context."""
    titles, toks = clean_token_tuples(surface)
    if not toks:
        return (), (), False, True
    if surname:
        toks = (*toks, surname)
    epithet = (
        len(toks) <= 3
        and (toks[-1].lower() in EPITHET_NOUNS or (len(toks) == 1 and is_demonym(toks[0])))
        # "The Ministry of Justice": an organisation named for its field, not "the Justice"
        and not named_for_its_field(toks)
    )
    skip = (
        all(t in STOP_CAPS for t in toks)
        or not any(t[:1].isupper() for t in toks)
        # a dateline ("DETROIT (AP) —", "LOS ANGELES"), not a name
        or (all(t.isupper() and t.isalpha() for t in toks) and (len(toks) > 1 or len(toks[0]) > 5))
        # an office in capitals ("the company's Plant Manager, Mr Kofi Mensah"), not a name
        or (
            len(toks) >= 2
            and is_title(toks[-1])
            and all(is_title(t) or t.lower() in WORKPLACE_NOUNS for t in toks[:-1])
        )
    )
    return titles, toks, epithet, skip


@lru_cache(maxsize=4096)
def _initials_of(text: str) -> str:
    return initials(text.split())


def org_appositive(d: str) -> bool:
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
        return words[3].lower().strip(",") in PLURAL_ORG_NOUNS
    if not words or words[0].lower() not in ("a", "an", "the"):
        return False
    head = ""
    for w in words[1:8]:
        lw = w.lower().strip(",.;")
        if lw in APPOSITIVE_HEAD_END:
            break
        head = lw
        if w.endswith((",", ";")):
            break
    return head in ORG_HEADS


def speech_after(after: str) -> bool:
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


def speaks_after(after: str) -> bool:
    """speech_after, also when the comma closing an appositive comes first
    ("Unison's head of ..., Mhairi Baird, told ...")."""
    return speech_after(after) or (after.startswith(",") and speech_after(after[1:]))


def _after_open(mp: str, s: int, sstarts: list[int]) -> bool:
    """True when only quote marks/brackets separate s from a sentence start."""
    k = s
    while k > 0 and mp[k - 1] in "\"“”‘’'([":
        k -= 1
    return k != s and k in sstarts
