"""Coreference: the entity a cue's speaker phrase stands for.

Takes a ``phrases.Phrase`` (a name, a pronoun, a role description, "the
union", "the statement", "a spokesperson for X", "which" ...) with its offset
and the start of its sentence, and the article's ``entities.Cast``; gives the
entity it stands for, or None. Resolution never guesses:

* a name is the entity linked to it (``Cast.by_name``);
* he/she: the most recent person of that gender (a person of unknown gender
  counts when nobody known fits nearby); with nobody fitting in its own
  sentence, the subject of the sentence before: the same pronoun opening it, a
  role description opening it ("The spokeswoman said ... She said ..."), a
  person named there before any verb, or nobody when that subject is an
  unnamed source ("One carer, who asked not to be named, said ...", "A
  barista in Tacoma said ...": a place inside the description names nobody);
  a name with no sign of being a person's after a preposition of place in the
  pronoun's own sentence is passed over ("at the Civil Secretariat, he said");
* it/they: the most recent organisation within a few paragraphs (never a
  platform or country; "they" after "the crowd" in the same sentence is the
  crowd, unattributed);
* role descriptions: ``roles``; "the company"/"the union"/"the statement":
  ``organisations``;
* anything generic ("one performer", "the crowd", "a person familiar with the
  talks", "the unions") stays unattributed.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .entities import Entity
from .genders import has_finite_verb
from .lexicon import (
    ADVERBIAL_OPENERS,
    DEMONYMS,
    EMPLOYER_NOUNS,
    EPITHET_GENDER,
    FIRST_NAMES_ALL,
    GENERATION_WORDS,
    GROUP_NOUNS,
    KIN_GENDER,
    NOT_GENERIC_HEADS,
    PLACE_MODIFIER_PREPOSITIONS,
    PLURAL_OFFICIALS,
    PRONOUNS,
    SAY_VERBS,
    SPOKES_NOUNS,
    UNION_NOUNS,
    alternation,
)
from .mentions import NAME_ONLY_BEFORE_RE, ROLE_COMMA_RE, Mention, speaks_after
from .names import is_org_word, is_role_word, norm, strip_possessive
from .organisations import definite, doc_owner, recent_org, speaking_facility
from .phrases import Phrase, parse_phrase
from .roles import AGE_RE, ANONYMOUS, anonymous, by_role, epithet, generation, kin_of, union_tied

if TYPE_CHECKING:
    from .entities import Cast

# Somebody unnamed: resolution stops there rather than going on to an earlier person.
GENERIC = Entity(name="", tokens=(), first_pos=-1, kind="generic")

_GENERIC_SUBJ_RE = re.compile(
    r"^(?:One|Another|A|An)\s+(?:[a-z][\w\-]*\s+){0,3}?(?P<n>[a-z][\w\-]+)(?=[\s,])"
)
# "A Lone Star manager flown in from Dallas, who asked not to be named": a noun
# after a name used as a modifier, then a relative clause withholding the name.
_ANON_SUBJ_RE = re.compile(
    rf"(?:One|Another|A|An)\s+(?:[A-Z][\w’'\-]*\s+){{1,3}}(?P<n>[a-z][\w\-]+)\b[^,.\x1f]{{0,80}},\s+(?:who|whose)\s+[^.\x1f]*?{ANONYMOUS}"
)
# What ends the words before a name that places an unnamed subject rather than
# naming it: "A striking barista in Tacoma", "a technician at a Vancouver store",
# "A linesman at the company's Ginnery Corner depot".
_PLACED_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(PLACE_MODIFIER_PREPOSITIONS)})\s+(?:(?:the|a|an)\s+)?(?:[\w\-]+(?:’s|'s)\s+)?$",
    re.I,
)
_DESC_SUBJ_RE = re.compile(
    r"(?P<np>[Tt]he\s+(?:[\w’'\-]+\s+){0,3}?[a-z][\w’'\-]*)\s+(?:said|says|told|added|declined|wrote|"
    r"noted|insisted|argued|acknowledged|called|described|has|had|was|is|would|will|did|does|\w+ed)\b"
)
_OWNER_ROLE_SUBJ_RE = re.compile(
    r"(?P<owner>[A-Z][\w\-]+)(?:’s|'s)\s+(?P<role>[a-z][\w\-]+)\s+(?:[a-z]+ed|met|spoke|told|said|wrote|sat|went|took|gave|made)\b"
)
_GROUP_RE = re.compile(rf"\b(?:the|a|an)\s+(?:\w+\s+)?(?:{alternation(GROUP_NOUNS)})\b", re.I)
_WHICH_GAP_RE = re.compile(r"(?:’s|'s)?\s*(?:\([^)]{1,12}\)\s*)?,\s*(?:which\s*)?")
_SAY_WORD_RE = re.compile(r"[a-z]+")


def first_speech_verb(text: str) -> int | None:
    """Offset of the first speech verb of ``text``, or None."""
    for m in _SAY_WORD_RE.finditer(text):
        if m.group() in SAY_VERBS:
            return m.start()
    return None


def resolve(cast: Cast, ph: Phrase, pos: int, sentence_start: int) -> Entity | None:
    """The entity the phrase stands for, or None."""
    if ph.kind == "pronoun":
        return pronoun(cast, ph.text, pos, sentence_start)
    if ph.kind == "relative":
        return _relative(cast, pos, sentence_start)
    if ph.kind == "epithet":
        return _epithet_phrase(cast, ph, pos, sentence_start)
    if ph.kind == "name":
        if ph.description in GENERATION_WORDS and " " not in ph.text:
            e = generation(cast, ph.text, ph.description == "younger", pos)
            if e is not None:
                return e
        return cast.by_name(ph.text, pos)
    if ph.kind in ("official", "document"):
        return _official(cast, ph, pos, sentence_start)
    if ph.kind == "definite":
        return _definite_phrase(cast, ph, pos)
    if ph.kind == "generic" and ph.text[:4].lower() in ("her ", "his "):
        words = ph.text.lower().split()
        if len(words) == 2 and words[1] in KIN_GENDER:
            return kin_of(cast, words[1], pos)
    if ph.kind == "generic" and ph.text[:4] == "The " and " " in ph.text[4:]:
        # "The Conseil du patronat du Québec": a name with lowercase words the
        # text has already read whole as an organisation's.
        e = cast.by_form.get(norm(ph.text[4:]))
        if e is not None and e.kind == "organization":
            return e
    return None


def _relative(cast: Cast, pos: int, sentence_start: int) -> Entity | None:
    """ "... the National Labor Relations Board, which said in a statement that
    it ...": the organisation the clause hangs on."""
    for m in cast.mentions_before(pos):
        if m.pos < sentence_start:
            break
        para = cast.para_of(m.pos)
        between = cast.masked[para][m.end - cast.bases[para] : pos - cast.bases[para]]
        if m.entity.kind == "organization" and _WHICH_GAP_RE.fullmatch(between):
            return m.entity
        break
    return None


def _epithet_phrase(cast: Cast, ph: Phrase, pos: int, sentence_start: int) -> Entity | None:
    if not ph.modifier and anonymous(cast, ph.head, pos):
        # "Another nurse ..., who asked that her name not be used" then "the
        # nurse said": that unnamed source.
        return None
    e = epithet(cast, ph.head, ph.modifier, pos)
    g = EPITHET_GENDER.get(ph.head, "")
    if e is None and g in ("m", "f") and not ph.modifier:
        # "the mother said" with nobody introduced as a mother: the woman a
        # "she" would stand for here.
        e = pronoun(cast, "she" if g == "f" else "he", pos, sentence_start)
    return e


def _official(cast: Cast, ph: Phrase, pos: int, sentence_start: int) -> Entity | None:
    """ "a spokesperson for the district", "the Atlas executive", "Kaiser's
    offer", "the statement", "officials" (whose officials is a guess: None)."""
    the = ph.text.lower().startswith("the ")
    if ph.kind == "official" and the and not ph.modifier and ph.head not in SPOKES_NOUNS:
        if anonymous(cast, ph.head, pos):
            return None
    if ph.kind == "official" and the and ph.modifier and ph.head not in PLURAL_OFFICIALS:
        # "the Atlas executive said": the executive introduced earlier, at Atlas.
        e = by_role(cast, ph.text, ph.head, pos, require_all=True)
        if e is not None:
            return e
        if ph.modifier.lower() in ("the union", "union") and ph.head not in SPOKES_NOUNS:
            # "the union official said" after "Unite regional officer Jody
            # Marsland": a person introduced with that role at a union.
            e = by_role(cast, ph.head, ph.head, pos)
            if e is not None and union_tied(cast, e):
                return e
    if ph.modifier:
        return _owner(cast, ph, pos, sentence_start)
    if ph.kind == "document":
        if the:
            author = _document_author(cast, ph.head, pos)
            if author is not None:
                return author
        return doc_owner(cast, pos)
    if the and ph.head not in SPOKES_NOUNS and ph.head not in PLURAL_OFFICIALS:
        # "the executive said": the person introduced with that role.
        e = by_role(cast, ph.text, ph.head, pos)
        if e is not None:
            return e
    if ph.head in SPOKES_NOUNS:
        # "the spokeswoman said" after "spokeswoman Sarah Larsen": her.
        if ph.text.lower().split()[0] == "the":
            e = epithet(cast, ph.head, "", pos)
            if e is not None:
                return e
            # "A council spokesman said ... '...,' the spokesman said": the
            # organisation the unnamed spokesperson was introduced with.
            owner = _spokesperson_owner(cast, pos)
            if owner is not None:
                return owner
        # "a spokesperson said": the organisation the text is about.
        return recent_org(cast, pos)
    return None


_SUBJECT = (
    r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+[a-z][\w\-]*|[A-Z][\w’'&.\-]*(?:\s+(?:[A-Z][\w’'&.\-]*|of|&))*"
)
_SAID_IN_DOCUMENT_RE = re.compile(
    rf"(?P<subj>{_SUBJECT})\s+(?:said|says|wrote|writes|added|announced)\s+"
    r"(?:\w+day\s+)?in\s+(?:a|an|its|their)\s+(?:[\w\-]+\s+){0,2}?(?P<doc>[a-z\-]+)\b"
    rf"|\b[Ii]n\s+(?:a|an|its|their)\s+(?:[\w\-]+\s+){{0,2}}?(?P<doc2>[a-z\-]+)\b[^,.;\x1f]{{0,60}},\s+(?P<subj2>{_SUBJECT})\s+(?:said|says|wrote|added)\b"
)


def _document_author(cast: Cast, head: str, pos: int) -> Entity | None:
    """Who wrote "the statement" that speaks at ``pos``: the subject of the
    latest "X said in a statement" / "In a statement, X said" in this paragraph
    or the one before ("The union said in a statement Monday night that ...
    '...,' the statement said")."""
    for pp, text in cast.texts_before(pos):
        found = [
            m
            for m in _SAID_IN_DOCUMENT_RE.finditer(text)
            if (m.group("doc") or m.group("doc2") or "").rstrip("s") == head.rstrip("s")
        ]
        if not found:
            continue
        m = found[-1]
        subj = m.group("subj") or m.group("subj2")
        at = cast.bases[pp] + (m.start("subj") if m.group("subj") else m.start("subj2"))
        e = resolve(cast, parse_phrase(subj), at, cast.bases[pp])
        return e if e is not None and e.kind in ("person", "organization") else None
    return None


_SPOKES_INTRO_RE = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?P<owner>(?:[\w’'&\-]+\s+){1,4}?)spokes(?:person|man|woman)\b"
    r"|\bspokes(?:person|man|woman)\s+for\s+(?P<owner2>(?:the\s+)?[\w’'&\-]+(?:\s+(?:[A-Z][\w’'&\-.]*|&))*)"
)


def _spokesperson_owner(cast: Cast, pos: int) -> Entity | None:
    """The organisation of the latest unnamed spokesperson introduced in this
    paragraph or the one before ("A council spokesman", "a spokeswoman for
    Harvest Markets")."""
    for pp, text in cast.texts_before(pos):
        found = list(_SPOKES_INTRO_RE.finditer(text))
        if not found:
            continue
        m = found[-1]
        owner = (m.group("owner") or m.group("owner2") or "").strip()
        at = cast.bases[pp] + m.start()
        if owner[:1].islower():
            ph = parse_phrase(owner if owner.startswith("the ") else f"the {owner}")
            return definite(cast, ph.head, at) if ph.kind == "definite" else None
        e = cast.by_name(strip_possessive(owner)[0], at)
        return e if e is not None and e.kind == "organization" else None
    return None


def _owner(cast: Cast, ph: Phrase, pos: int, sentence_start: int) -> Entity | None:
    """The organisation named in an official's or document's phrase ("a
    spokesperson for the district", "Kaiser's statement", "its statement")."""
    mod = ph.modifier
    if mod.lower() in PRONOUNS:
        return pronoun(cast, mod, pos, sentence_start)
    low = mod.lower()
    if low.startswith(("the ", "a ", "an ")) or low in UNION_NOUNS or low in EMPLOYER_NOUNS:
        sub = parse_phrase(mod)
        if sub.kind == "definite":
            return definite(cast, sub.head, pos)
        if sub.kind == "name":
            return cast.by_name(sub.text, pos)
        return None
    e = cast.by_name(mod, pos)
    if e is not None and ph.kind == "official" and e.kind == "person":
        return None
    return e


def _definite_phrase(cast: Cast, ph: Phrase, pos: int) -> Entity | None:
    words = ph.text.split()
    if len(words) >= 3 and words[1][:1].isupper():
        # "The Scottish government said": the one of that name.
        e = cast.by_form.get(norm(" ".join(words[1:])))
        if e is not None and e.kind == "organization":
            return e
        # "The PIT-CNT confederation said": the body named before its kind.
        e = cast.by_form.get(norm(" ".join(words[1:-1])))
        if e is not None and e.kind == "organization":
            return e
    e = definite(cast, ph.head, pos)
    if (
        e is None
        and ph.head not in UNION_NOUNS
        and ph.head not in EMPLOYER_NOUNS
        and not is_org_word(ph.head)
    ):
        # "the mother of six", "the cornerback", "the 34-year-old"
        e = by_role(cast, ph.text, ph.head, pos)
    if e is None and AGE_RE.fullmatch(ph.head):
        # "the 47-year-old said" when the age is given only here: the person
        # just named (this paragraph or the one before).
        e = epithet(cast, ph.head, "", pos)
    return e


def pronoun(cast: Cast, word: str, pos: int, sentence_start: int, depth: int = 0) -> Entity | None:
    """The entity a pronoun stands for (see the module docstring)."""
    g = PRONOUNS.get(word.lower(), "")
    if g in ("m", "f"):
        return _personal(cast, g, word, pos, sentence_start, depth)
    if g in ("n", "pl"):
        return _it_or_they(cast, g, pos, sentence_start)
    return None


def _personal(
    cast: Cast, g: str, word: str, pos: int, sentence_start: int, depth: int
) -> Entity | None:
    in_sentence = None
    best = None
    unknown = None  # a person of unknown gender seen first
    unknown_para = -1
    weak = None
    para = cast.para_of(pos)
    mentions = cast.mentions
    i = bisect.bisect_left(cast.positions, pos)
    while i > 0:  # the mentions before ``pos``, nearest first
        i -= 1
        m = mentions[i]
        e = m.entity
        if e.kind != "person" or (e.gender and e.gender != g):
            continue
        if m.pos >= sentence_start:
            if not (e.gender or e.person > 0) and _placed(cast, m):
                continue  # "Speaking to reporters at the Civil Secretariat, he said"
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
                # a two-word name with no evidence either way that opens a
                # sentence ("Oghenekaro Bassey met Yusra Tanveer. Tanveer said
                # she ... '...,' he said"): the last resort.
                weak = e
            continue  # "at the Westin Book Cadillac": no sign of being a person
        if not e.gender and unknown is None:
            # Keep looking a little further for someone known to fit: "Gov. Ron
            # Harlan ... Karen Holt, who spoke with Harlan, said ... she said" is
            # Holt, not the man whose name we don't know.
            unknown, unknown_para = e, m.para
            continue
        if unknown is not None and (
            not e.gender or para - m.para > 1 or (unknown_para == para and m.para < para)
        ):
            # ... but not past the paragraph: one named in the pronoun's own
            # paragraph ("Minister Valerio Pace has responded. ... he said") is
            # nearer than one of the paragraph before
            break
        best = e
        break
    if in_sentence is None and depth < 3:
        prev = _subject_before(cast, word, g, sentence_start, depth)
        if prev is GENERIC:
            return None
        if prev is not None:
            best, unknown = prev, None
    best = in_sentence or best or unknown or weak
    if best is not None and not best.gender:
        best.gender = g
    return best


def _placed(cast: Cast, m: Mention) -> bool:
    """The mention follows a preposition of place ("at the Civil Secretariat")."""
    base = cast.bases[m.para]
    lo = m.pos - base
    return bool(_PLACED_BEFORE_RE.search(cast.masked[m.para], max(0, lo - 40), lo))


def _it_or_they(cast: Cast, g: str, pos: int, sentence_start: int) -> Entity | None:
    window = 5 if g == "n" else 2
    para = cast.para_of(pos)
    if g == "pl":
        # "When Ruiz asked the crowd what they wanted, they shouted back": a
        # group named in the sentence, not an organisation.
        base = cast.bases[para]
        if _GROUP_RE.search(cast.masked[para], max(0, sentence_start - base), max(0, pos - base)):
            return None
    if g == "n" and pos - sentence_start <= 30:
        # "Viti Cane Milling said the dispute had been referred to the Employment
        # Relations Tribunal. It said ...": the subject of the sentence before,
        # not the body named last inside it.
        before = _subject_of_sentence_before(cast, para, sentence_start)
        if before is not None:
            return before
    subject = _body_opening_the_paragraph(cast, para, pos) if g == "n" else None
    mentions = cast.mentions
    i = bisect.bisect_left(cast.positions, pos)
    while i > 0:  # the mentions before ``pos``, nearest first
        i -= 1
        m = mentions[i]
        if subject is not None and m.pos < subject[0]:
            # "The zoo has brought in managers. In a statement, it said": the
            # body the paragraph opens on, when no other is named since.
            return subject[1]
        if para - m.para >= window:
            break
        e = m.entity
        if len(e.tokens) == 1 and e.tokens[0].lower() in DEMONYMS:
            continue  # "owned by Chilean and Norwegian investors. It said": not the investors
        if e.kind == "organization" and (not e.facility or speaking_facility(e)):
            return e
        if e.kind == "person" and e.person <= 1 and not e.gender and not e.facility:
            # A two-word name with no sign of being a person ("Kaiser
            # Permanente") that the text calls "it"/"they".
            e.kind = "organization"
            return e
    return None


def _subject_of_sentence_before(cast: Cast, para: int, sentence_start: int) -> Entity | None:
    """The organisation that opens the sentence before (in the same paragraph)
    and speaks in it ("The Ministry of Finance said ...")."""
    base = cast.bases[para]
    rel = sentence_start - base
    starts = [x for x in cast.starts[para] if x < rel]
    if not starts:
        return None
    lo = starts[-1]
    for m in cast.mentions_before(sentence_start):
        if m.para != para or m.pos - base < lo:
            break
        if m.pos - base > lo + 4:
            continue  # only a name opening the sentence ("X said", "The X said")
        e = m.entity
        if e.kind == "organization" and not e.facility and speaks_after(m.after):
            return e
    return None


# A paragraph opening on "The <noun>" as its subject ("The zoo has ...").
_THE_BODY_OPENING_RE = re.compile(r"\s*The ([a-z]+)\b(?!['’])")


def _body_opening_the_paragraph(cast: Cast, para: int, pos: int) -> tuple[int, Entity] | None:
    """(offset, organisation) of "The zoo" / "The company" opening the
    paragraph before ``pos``, when it stands for an organisation named earlier."""
    m = _THE_BODY_OPENING_RE.match(cast.masked[para])
    base = cast.bases[para]
    if not m or base + m.end() >= pos:
        return None
    head = m.group(1)
    if not (is_org_word(head) or head in EMPLOYER_NOUNS or head in UNION_NOUNS):
        return None
    e = definite(cast, head, base + m.start(1))
    if e is None or e.kind != "organization":
        return None
    return base + m.start(1), e


def _subject_before(
    cast: Cast, word: str, g: str, sentence_start: int, depth: int
) -> Entity | None:
    """The subject of the sentence before a he/she: the same pronoun opening
    it ("She did not mention her opponent, Dale Rourke, by name. '...,' she
    said": the earlier "She"), or a fitting person named before any verb of
    that sentence ("His campaign manager, Teresa Villanueva, told reporters
    that Ortega had called Whitcomb ... she said": Villanueva, not Whitcomb).
    GENERIC when that subject is an unnamed source."""
    para = cast.para_of(sentence_start)
    if para < 0:
        return None
    local = sentence_start - cast.bases[para]
    st = cast.starts[para]
    k = bisect.bisect_right(st, local) - 1
    if k > 0:
        pp, a, b = para, st[k - 1], local
    elif para > 0 and cast.starts[para - 1]:
        pp, a, b = para - 1, cast.starts[para - 1][-1], len(cast.masked[para - 1])
    else:
        return None
    text = cast.masked[pp][a:b]
    lead = text.lstrip(" \"“”‘’'")
    base = cast.bases[pp]
    if lead[: len(word) + 1].lower() == word.lower() + " ":
        return pronoun(cast, word, base + a, base + a, depth + 1)
    lw = lead.split(None, 1)
    if lw and lw[0].lower() in ADVERBIAL_OPENERS:
        # "In her last interview, with a union newsletter in 2021, she was asked
        # ...": the same pronoun as the subject after an opening phrase, with
        # nobody named before it.
        pm = re.search(rf",\s+{word.lower()}\s", text, re.I) if "," in text else None
        if pm is not None:
            i0 = bisect.bisect_left(cast.positions, base + a)
            named = i0 < len(cast.mentions) and cast.mentions[i0].pos < base + a + pm.start()
            if not named:
                return pronoun(cast, word, base + a + pm.end() - 1, base + a, depth + 1)
    if _unnamed_subject(cast, lead, text, base + a):
        return GENERIC
    # _DESC_SUBJ_RE opens on "The"/"the", _OWNER_ROLE_SUBJ_RE on an ASCII capital.
    dm = _DESC_SUBJ_RE.match(lead) if lead[:3] == "The" or lead[:3] == "the" else None
    if dm:
        # "The spokeswoman said the company had offered ... She said ...": a
        # role description as the subject stands for the person it describes.
        ph = parse_phrase(dm.group("np"))
        if ph.kind in ("epithet", "definite", "official") and ph.head not in PLURAL_OFFICIALS:
            npos = base + a + (len(text) - len(lead))
            e = resolve(cast, ph, npos, base + a)
            if e is not None and e.kind == "person" and not (e.gender and e.gender != g):
                return e
            return None
    om = _OWNER_ROLE_SUBJ_RE.match(lead) if "A" <= lead[:1] <= "Z" else None
    if om and is_role_word(om.group("role")) and not is_org_word(om.group("role")):
        # "Dragomir's attorney met with prosecutors. '...,' she said": the person
        # introduced with that role ("His attorney, Wren Halloway-Sutch").
        npos = base + a + (len(text) - len(lead))
        e = by_role(cast, om.group("role"), om.group("role"), npos, gender=g)
        if (
            e is not None
            and e.kind == "person"
            and not (e.gender and e.gender != g)
            and norm(e.tokens[-1]) != norm(om.group("owner"))
        ):
            return e
    return _named_subject(cast, pp, a, b, g)


def _unnamed_subject(cast: Cast, lead: str, text: str, start: int) -> bool:
    """The sentence's subject is an unnamed source: "One carer, who ... asked
    not to be named, said she drove ...", "A Silverpine manager, who declined
    to give his name, said" (the employer named before the noun), "A woman who
    had travelled from Aberystwyth said" (a place named inside the subject
    does not name it), or such a subject after an opening phrase ("At the
    terminal in Bari, a woman travelling alone said")."""
    # Both patterns open on "One", "Another", "A" or "An".
    opens_one_or_a = lead[:1] == "O" or lead[:1] == "A"
    gm = _GENERIC_SUBJ_RE.match(lead) if opens_one_or_a else None
    offset = len(text) - len(lead)
    if gm is None:
        am = _ANON_SUBJ_RE.match(lead) if opens_one_or_a else None
        if am:
            return (
                am.group("n").lower() not in NOT_GENERIC_HEADS
                and first_speech_verb(text) is not None
            )
        lw = lead.split(None, 1)
        comma = lead.find(", ")
        if not lw or lw[0].lower() not in ADVERBIAL_OPENERS or comma < 0:
            return False
        rest = lead[comma + 2 :]
        gm = _GENERIC_SUBJ_RE.match(rest[:1].upper() + rest[1:])
        if gm is None:
            return False
        offset += comma + 2
    if gm.group("n").lower() in NOT_GENERIC_HEADS:
        return False
    v = first_speech_verb(text[offset:])
    if v is None:
        return False
    i = bisect.bisect_left(cast.positions, start + offset)
    while i < len(cast.mentions) and cast.mentions[i].pos < start + offset + v:
        if not _PLACED_BEFORE_RE.search(text, offset, cast.mentions[i].pos - start):
            return False  # "One nurse, Ana Ruiz, said": named after all
        i += 1
    return True


def _named_subject(cast: Cast, pp: int, a: int, b: int, g: str) -> Entity | None:
    """A fitting person named in sentence [a, b) of paragraph ``pp`` before any verb."""
    base = cast.bases[pp]
    i = bisect.bisect_left(cast.positions, base + a)
    while i < len(cast.mentions) and cast.mentions[i].pos < base + b:
        m = cast.mentions[i]
        i += 1
        e = m.entity
        if m.possessive or e.kind != "person" or (e.gender and e.gender != g):
            continue
        pre = cast.masked[pp][a : m.pos - base]
        pw = pre.split()
        if pw and pw[-1].lower() == "the":
            pw.pop()
        if pw and pw[-1].lower() in ADVERBIAL_OPENERS and not NAME_ONLY_BEFORE_RE.search(pre):
            continue  # "At the Royal Infirmary of Edinburgh, staff nurse ...": not the subject
        if (
            not e.gender
            and e.tokens[0].lower() not in FIRST_NAMES_ALL
            and not ROLE_COMMA_RE.search(pre)
            # a two-word name the name list does not know that opens the sentence
            # or speaks ("Llinos Howells, whose father ..., said").
            and not (
                len(e.tokens) >= 2
                and (cast.masked[pp][m.pos - base : m.end - base].split() or [""])[0].lower()
                not in ADVERBIAL_OPENERS
                and (
                    not pre.strip(" \"“”‘’'")
                    or speaks_after(cast.masked[pp][m.end - base : m.end - base + 160])
                )
            )
        ):
            continue  # unknown name, unless "His campaign manager, Ines Morales,"
        if "\x1f" in pre or has_finite_verb(pre.lower()):
            return None
        return e
    return None
