"""Stage 2 of attribution: who is who in one article.

Takes the mentions of ``mentions.scan_mentions`` (in document order) and
gives the article's ``Cast``: each mention linked to an ``Entity`` (a person,
an organisation or a place) whose kind, gender, title, description and party
come from the evidence of all its mentions.

Linking, mention by mention:

* a full name seen before is that entity; a longer or shorter full form with
  the same first and last token is too ("Jane McAleigh" / "Jane M. McAleigh"),
  but organisations whose middle words differ are not ("Korean Nurses
  Association" / "Korean Intern Resident Association");
* a two-word surname on second reference ("Davis Gates" -> "Stacy Davis
  Gates"); an organisation's short form ("Apartment Association" -> "...
  of Orange County", "Allegheny Coke" -> "... Co.", "Lone Star" -> "... Freight
  Lines");
* one word: an acronym of an organisation ("USMX", "(Cosla)"), the surname of
  the person mentioned last with it (a courtesy title or a pronoun right after
  the speech verb picks between relatives: "Mr. Chen", "Matsumoto said he"),
  a surname once used alone keeps meaning that person, the first word of an
  organisation ("Kaiser" -> "Kaiser Permanente", not "Providence" -> the
  facility "Providence St. Vincent Medical Center"), a spelling variant of a
  surname (McAleigh / McAlevey / McAlevy), else a new entity; a capitalised
  sentence opener that nothing else marks as a name is dropped;
* a surname used before the full name (live blogs, newest first) is merged
  into the person introduced later (a given name the lists do not know will
  do when the surname speaks, is shown to be a person's or comes back after
  the full name), and an organisation's short form into the one longer
  organisation name that adds a word to it ("Golden Harbour" -> "... Cinemas",
  never "... Union").

Canonical name among spellings: the form with the most tokens; the others are
aliases (short forms are not listed as aliases, acronyms are). Gender comes
from the mentions' cues and from the pronouns that follow them (``genders``).
"""

from __future__ import annotations

import bisect
import re
from operator import attrgetter
from typing import Final

from rapidfuzz.distance import Indel

from .genders import infer_genders, roles_from_next_sentence
from .lexicon import (
    ASSOCIATION_HEADS,
    COMMON_CAPS,
    COUNTRIES,
    FIRST_NAMES_ALL,
    HONORIFIC_GENDER,
    HONORIFICS,
    NAME_PARTICLES,
    PLATFORMS,
    ROLE_TITLES,
    WORKER_WORDS,
)
from .memo import Memo
from .mentions import (
    ACRONYM,
    NAME_AFTER_THE,
    ORG_FOLLOW_RE,
    PARTY_LABEL,
    Evidence,
    Mention,
    speech_after,
)
from .names import (
    clean_tokens,
    gender_of_first,
    has_org_word,
    initials,
    is_acronym,
    is_company,
    is_corporate_suffix,
    is_facility,
    is_org_word,
    is_union_name,
    norm,
)
from .sentences import Lowered

# Evidence in the name itself, and in how the article refers back to it.
KNOWN_GIVEN_NAME: Final = Evidence("person", 3, "Sarah Soroken (a given name the lexicon knows)")
LONE_GIVEN_NAME: Final = Evidence("person", 2, "Karen")
SURNAME_REFERENCE: Final = Evidence("person", 1, "Soroken, after Sarah Soroken")
ORG_WORD_IN_NAME: Final = Evidence(
    "organization", 4, "California Nurses Association, Ferrante & Sons"
)
LONE_ACRONYM: Final = Evidence("organization", 3, "USMX")
DIGIT_IN_NAME: Final = Evidence("organization", 2, "KCRA 3, 7-Eleven")
ACRONYM_IN_NAME: Final = Evidence("organization", 3, "ILWU Canada, NHS England")
ESTABLISHMENT: Final = Evidence("organization", 2, "Bayshore Grand Hotel")
LONE_WORD: Final = Evidence("organization", 1, "Kaiser (a single word that is no given name)")
ACRONYM_REFERENCE: Final = Evidence("organization", 1, "FDA, after Food and Drug Administration")
SHORT_FORM_REFERENCE: Final = Evidence("organization", 1, "Kaiser, after Kaiser Permanente")
POSSESSIVE_IN_NAME: Final = Evidence("organization", 2, "King's Pantry, Children's Hospital")


class Entity:
    """A person, organisation or place of the article, with the evidence weighed so far.

    (A plain class: most fields keep their class defaults, which keeps making
    the entities of a long article quick.)
    """

    acronym = ""
    description = ""
    title = ""
    gender = ""
    person = 0  # evidence weights, see ``weigh``
    org = 0
    place = 0
    kind = ""
    union = False
    facility = False
    party = ""
    state = ""
    roles = ""  # a role given in a later sentence ("He is an endocrinologist at ...")
    kin = ""  # "his son, Michael Russo" -> "son"
    seq = 0  # creation order
    modifier_uses = 0  # "a VIP package": the name only modifies a noun
    plain_uses = 0
    addressed = 0  # "told DW", "in a response to The Japan Times"
    speaks = 0  # mentions followed by a speech verb ("Kaiser said")

    def __init__(
        self,
        name: str,
        tokens: tuple[str, ...],
        first_pos: int,
        forms: list[str] | None = None,
        **fields,
    ):
        self.name = name
        self.tokens = tokens
        self.first_pos = first_pos
        self.forms: list[str] = forms if forms is not None else []  # full spellings seen
        self.variants: list[str] = []  # fuzzy-merged spellings
        for key, value in fields.items():
            setattr(self, key, value)

    def __repr__(self) -> str:
        return f"Entity({self.name!r}, {self.kind or '?'})"

    def weigh(self, ev: Evidence) -> None:
        if ev.kind == "person":
            self.person += ev.weight
        elif ev.kind == "organization":
            self.org += ev.weight
        else:
            self.place += ev.weight

    def decide(self) -> None:
        """The kind with the most weight; a tie is a person for a name of two or
        more words with no organisation word ("Savannah Ledger" is an organisation)."""
        if self.place > self.person and self.place > self.org:
            self.kind = "place"  # never a speaker
        elif self.person > self.org or self._described_as_a_person():
            self.kind = "person"
        elif self.org > self.person:
            self.kind = "organization"
        else:
            self.kind = (
                "person"
                if len(self.tokens) >= 2 and not has_org_word(self.tokens)
                else "organization"
            )

    def _described_as_a_person(self) -> bool:
        """ "Satu Korhonen, a machine operator who has worked at the mill":
        a name of two or more words with no organisation word whose
        description opens with a job is a person's."""
        if (
            len(self.tokens) < 2
            or not self.description
            or has_org_word(self.tokens)
            or is_company(tuple(self.tokens))
        ):
            return False
        head = self.description.lower().split(" who ")[0].split(",")[0].split()[:3]
        # ("member": a company can be one, of a federation)
        return any(
            (w in WORKER_WORDS or w in ROLE_TITLES) and w != "member" for w in head
        ) and not any(w.endswith(("’s", "'s")) for w in head)

    @property
    def aliases(self) -> tuple[str, ...]:
        out = []
        for v in self.forms + self.variants + ([self.acronym] if self.acronym else []):
            if v != self.name and v not in out:
                out.append(v)
        return tuple(out)

    @property
    def canonical(self) -> str:
        """The fullest spelling seen (most tokens; the first of equals)."""
        forms = self.forms
        if len(forms) == 1:
            return forms[0]
        return max(forms, key=_word_count) if forms else self.name


_SEQ: Final = attrgetter("seq")
# A given name of two syllables joined by a hyphen ("Wai-man", "Mei-ling"),
# written after the family name.
_HYPHENATED_GIVEN_RE: Final = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,6}")


def _word_count(form: str) -> int:
    return len(form.split())


def _opens_in_capitals(t: str) -> bool:
    """``t[:2].isupper()``, answered without the method call for the usual
    "Smith" (a capital A-Z, then a small letter a-z: not upper)."""
    if len(t) >= 2 and "A" <= t[0] <= "Z" and "a" <= t[1] <= "z":
        return False
    return t[:2].isupper()


def _index(index: dict[str, list[Entity]], word: str, ent: Entity) -> None:
    """Append ``ent`` to ``index[word]``."""
    found = index.get(word)
    if found is None:
        index[word] = [ent]
    else:
        found.append(ent)


_norm_keys: Final = Memo[str, str](16384)


def _norm_key(name: str) -> str:
    """``names.norm(name)``, remembered for the names seen last."""
    key = _norm_keys.get(name)
    if key is None:
        key = _norm_keys.keep(name, norm(name))
    return key


_ACRONYM_TOKEN_RE: Final = re.compile(
    r"(?!(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$)(?:[A-Z]{3,}|[A-Z]{2,}(?:-[A-Z]{2,})+)"  # "AFL-CIO"
)
_VERBISH_AFTER_RE: Final = re.compile(
    r"^\s+(?:[a-z]+ed|[a-z]+s|is|was|has|had|will|would|can|could|did|does)\b"
)


class NameTraits:
    """What a name's own words say, before any context. (A plain class, which
    mypyc makes native: quick to build and to read.)"""

    def __init__(
        self,
        evidence: tuple[Evidence, ...],
        gender: str,
        union: bool,
        facility: bool,
        middle_surname: bool,
    ) -> None:
        self.evidence = evidence
        self.gender = gender  # of a known given name
        self.union = union
        self.facility = facility
        self.middle_surname = middle_surname  # "Edgar Tzul Ajanel": "Tzul" may stand for him alone


_name_traits_seen: Final = Memo[tuple[str, ...], NameTraits](8192)


def _name_traits(toks: tuple[str, ...]) -> NameTraits:
    """``_read_name_traits`` remembered for the names seen last."""
    traits = _name_traits_seen.get(toks)
    if traits is None:
        traits = _name_traits_seen.keep(toks, _read_name_traits(toks))
    return traits


def _is_acronym_token(t: str) -> bool:
    """``_ACRONYM_TOKEN_RE`` matches all of ``t`` (which needs two capitals A-Z first)."""
    return (
        len(t) >= 3
        and "A" <= t[0] <= "Z"
        and "A" <= t[1] <= "Z"
        and _ACRONYM_TOKEN_RE.fullmatch(t) is not None
    )


def _read_name_traits(toks: tuple[str, ...]) -> NameTraits:
    evidence: list[Evidence] = []
    given = toks[0].lower() in FIRST_NAMES_ALL
    if len(toks) >= 2 and given:
        evidence.append(KNOWN_GIVEN_NAME)
    org_word = has_org_word(toks)
    if org_word or "&" in toks:
        evidence.append(ORG_WORD_IN_NAME)
    if len(toks) >= 2 and any(t.endswith(("'s", "’s")) for t in toks[:-1]):
        evidence.append(POSSESSIVE_IN_NAME)
    if len(toks) == 1:
        if is_acronym(toks[0]):
            evidence.append(LONE_ACRONYM)
        evidence.append(LONE_GIVEN_NAME if given else LONE_WORD)
    if any(t[0].isdigit() for t in toks):
        evidence.append(DIGIT_IN_NAME)
    if len(toks) >= 2 and any(_is_acronym_token(t) for t in toks):
        evidence.append(ACRONYM_IN_NAME)
    facility = is_facility(list(toks))
    if len(toks) >= 2 and not given and facility and toks[-1].lower() not in ("park", "field"):
        evidence.append(ESTABLISHMENT)
    return NameTraits(
        evidence=tuple(evidence),
        gender=gender_of_first(toks[0]) if given else "",
        union=is_union_name(list(toks)),
        # "on Facebook": where a post is, not who wrote it (never "it"/"the post").
        facility=facility or (len(toks) == 1 and (toks[0] in PLATFORMS or toks[0] in COUNTRIES)),
        middle_surname=(
            len(toks) == 3
            and toks[1][:1].isupper()
            and toks[1][1:2].islower()
            and toks[1].lower() not in FIRST_NAMES_ALL
            and toks[1].lower() not in NAME_PARTICLES
            and not org_word
        ),
    )


class Cast:
    """The entities and mentions of one article, in document order, and the
    text they were read from (masked paragraphs, their offsets, sentence starts)."""

    def __init__(
        self,
        masked: list[str],
        bases: list[int],
        starts: list[list[int]],
        found: list[Mention],
        lowered: Lowered | None = None,
    ):
        self.masked = masked
        self.lowered = lowered or Lowered(masked)
        self.bases = bases
        self.starts = starts
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self.by_form: dict[str, Entity] = {}
        self.doc_owners: list[tuple[int, Entity]] = []  # (offset, owner of a statement there)
        self.context_cache: dict[int, str] = {}
        self.body_cache: dict[tuple[int, str], str] = {}  # organisations.described_body
        self._of_entity: dict[int, list[Mention]] | None = None
        self._last_by_surname: dict[str, Entity] = {}  # surname -> person mentioned last
        self._bare_holder: dict[str, Entity] = {}  # surname -> person it was last used alone for
        self._full_pos: dict[int, int] = {}  # id(entity) -> offset of its latest full-name mention
        self._by_last: dict[str, list[Entity]] = {}  # last / first token -> multi-word entities
        self._by_first: dict[str, list[Entity]] = {}
        self._by_mid: dict[str, Entity] = {}  # "Edgar Tzul Ajanel" -> "Tzul"
        for m in found:
            self._add(m)
        self._forward_surnames()
        self._forward_org_forms()
        for e in self.entities:
            e.decide()
        self.positions = [m.pos for m in self.mentions]
        infer_genders(self)
        roles_from_next_sentence(self)

    # -- looking things up --------------------------------------------------------
    def mentions_before(self, pos: int):
        """Mentions starting before ``pos``, nearest first."""
        i = bisect.bisect_left(self.positions, pos)
        return reversed(self.mentions[:i])

    def mentions_of(self, e: Entity) -> list[Mention]:
        """The mentions linked to ``e``, in document order."""
        if self._of_entity is None:
            index: dict[int, list[Mention]] = {}
            for m in self.mentions:
                key = id(m.entity)
                found = index.get(key)
                if found is None:
                    index[key] = [m]
                else:
                    found.append(m)
            self._of_entity = index
        return self._of_entity.get(id(e), [])

    def has_mention_in(self, para: int) -> bool:
        i = bisect.bisect_left(self.positions, self.bases[para])
        return i < len(self.mentions) and self.mentions[i].para == para

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.bases, pos) - 1

    def texts_before(self, pos: int):
        """(paragraph, masked text) of this paragraph up to ``pos``, then of the
        whole paragraph before: where an introduction of a source is looked for."""
        para = self.para_of(pos)
        yield para, self.masked[para][: pos - self.bases[para]]
        if para > 0:
            yield para - 1, self.masked[para - 1]

    def sentence_of(self, m: Mention) -> tuple[int, int]:
        """(start, end) in its paragraph of the sentence a mention is in."""
        st = self.starts[m.para]
        k = bisect.bisect_right(st, m.pos - self.bases[m.para]) - 1
        lo = st[k] if k >= 0 else 0
        hi = st[k + 1] if k + 1 < len(st) else len(self.masked[m.para])
        return lo, hi

    def by_name(self, name: str, pos: int) -> Entity | None:
        """The entity a name written in a cue stands for (linking it if new)."""
        titles, toks = clean_tokens(name)
        if not toks:
            return None
        key = _norm_key(" ".join(toks))
        ent = self.by_form.get(key)
        if ent is not None:
            return ent
        # Fall back to a mention overlapping pos (linking already happened there).
        i = bisect.bisect_left(self.positions, pos)
        for m in self.mentions[max(0, i - 2) : i + 3]:
            if (
                m.pos <= pos + len(name)
                and m.end >= pos
                and _norm_key(m.entity.name).endswith(_norm_key(toks[-1]))
            ):
                return m.entity
        ent = self._link(toks, pos, False, "", False)
        if ent is not None and not ent.kind:
            ent.decide()
        return ent

    def same_surname(self, surname: str) -> list[Entity]:
        """Entities of two or more words ending in ``surname``, in creation order."""
        return self._by_last.get(surname, [])

    # -- building -----------------------------------------------------------------
    def _add(self, m: Mention) -> None:
        toks = list(m.tokens)
        speech = speech_after(m.after)
        ent = self._link(toks, m.pos, m.sentence_initial, m.after, speech, m.titles)
        if ent is None:
            return
        ent = self._pick_relative(m, ent)
        m.entity = ent
        self.mentions.append(m)
        if m.after_the and len(ent.tokens) >= 2 and ent.tokens[-1] == toks[0]:
            ent.weigh(NAME_AFTER_THE)
        if m.modifier_use:
            ent.modifier_uses += 1
        else:
            ent.plain_uses += 1
        ent.addressed += m.addressed
        ent.speaks += speech
        if m.union_head:
            ent.union = True
        if len(ent.tokens) >= 2:
            self._last_by_surname[ent.tokens[-1]] = ent
            if len(toks) >= 2:
                self._full_pos[id(ent)] = m.pos
        for ev in m.evidence:
            ent.weigh(ev)
        if m.title and not ent.title:
            ent.title = m.title
        if m.gender and not ent.gender:
            ent.gender = m.gender
        if m.party and not ent.party:
            ent.party, ent.state = m.party, m.state
            ent.weigh(PARTY_LABEL)
        if m.acronym and not ent.acronym:
            ent.acronym = m.acronym
            ent.weigh(ACRONYM)
            if not m.acronym[:2].isupper():
                # a short name that is a word ("Paperiliitto"): later uses are this body
                self.by_form.setdefault(norm(m.acronym), ent)
        if m.kin and not ent.kin:
            ent.kin = m.kin
        if m.description and not ent.description:
            ent.description = m.description
        if m.document_owner:
            self.doc_owners.append((m.pos, ent))

    def _pick_relative(self, m: Mention, ent: Entity) -> Entity:
        """Between relatives sharing a surname, the one a courtesy title ("Mr.
        Chen") or the pronoun after the speech verb ("Matsumoto said he would")
        names."""
        if len(m.tokens) != 1 or not ent.gender:
            return ent
        surname = m.tokens[0]
        hg = m.honorific_gender
        if m.titles and hg and ent.gender != hg:
            alt = [x for x in self._by_last.get(surname, ()) if x.gender == hg]
            if not alt:
                # or the relative whose gender is not known yet ("Anselmo Ferrante
                # ... His daughter, Giuliana Ferrante ... Mr. Ferrante said").
                alt = [
                    x
                    for x in self._by_last.get(surname, ())
                    if not x.gender and x.kind != "organization" and x.org <= x.person
                ]
            if alt:
                return alt[-1]
        elif not m.titles and len(self._by_last.get(surname, ())) > 1:
            said = m.said_pronoun
            if not said or said == ent.gender:
                return ent
            alt = [
                x
                for x in self._by_last.get(surname, ())
                if x.gender == said and x.kind != "organization"
            ]
            if len(alt) == 1:
                return alt[0]
        return ent

    def _forward_surnames(self) -> None:
        """A surname used before the full name (live blogs put the newest entry
        first: "Okonkwo joked ..." above "Democrat Maya Okonkwo has won ..."):
        merge the bare surname into the person introduced later."""
        singles = [e for e in self.entities if len(e.tokens) == 1 and e.org <= 1 and not e.acronym]
        if not singles:
            return
        full: dict[str, Entity] = {}
        unknown: dict[str, list[Entity]] = {}  # names the given-name list does not know
        for e in self.entities:
            if len(e.tokens) >= 2 and e.tokens[0].lower() in FIRST_NAMES_ALL:
                if e.tokens[-1] not in full:
                    full[e.tokens[-1]] = e
            elif (
                len(e.tokens) == 2
                and "-" in e.tokens[1]
                and _HYPHENATED_GIVEN_RE.fullmatch(e.tokens[1])
            ):
                if e.tokens[0] not in full:
                    full[e.tokens[0]] = e  # "Cheung Wai-man": the family name first
            elif 2 <= len(e.tokens) <= 3 and e.org <= 0 and not has_org_word(e.tokens):
                _index(unknown, e.tokens[-1], e)
        merged: dict[int, Entity] = {}
        for e in singles:
            f = full.get(e.tokens[0])
            if (
                f is None
                and len(unknown.get(e.tokens[0], ())) == 1
                and (e.person > 0 or e.speaks or self._used_after(e, unknown[e.tokens[0]][0]))
            ):
                # "Health Minister Radev says ..." above "Minister Stoyan Radev
                # has told reporters": a surname that speaks, is shown to be a
                # person's or is used again after the full name, with one full
                # name ending in it, whatever its given name.
                f = unknown[e.tokens[0]][0]
            if f is not None and f.first_pos > e.first_pos:
                f.person += e.person
                f.weigh(SURNAME_REFERENCE)
                merged[id(e)] = f
        self._merge(merged)

    def _forward_org_forms(self) -> None:
        """An organisation's short form used before its full name (a live blog's
        newest entry first: "Golden Quay has issued a statement" above "staff
        at Golden Quay Cinemas have stopped work"): merge the short form into
        the one longer name that adds a word to it, when nothing shows the
        short form to be a person's."""
        longer: dict[tuple[str, ...], list[Entity]] = {}
        for f in self.entities:
            # ("Jamaica Fire Brigade Union" is not the brigade)
            if (
                len(f.tokens) >= 3
                and f.org > f.person
                and f.tokens[-1].lower() not in ASSOCIATION_HEADS
            ):
                longer.setdefault(f.tokens[:-1], []).append(f)
        if not longer:
            return
        merged: dict[int, Entity] = {}
        for e in self.entities:
            fs = longer.get(e.tokens)
            if (
                fs is not None
                and len(fs) == 1
                and fs[0].first_pos > e.first_pos
                and e.person <= 0
                and not e.gender
                and e.tokens[0].lower() not in FIRST_NAMES_ALL
            ):
                fs[0].org += e.org
                merged[id(e)] = fs[0]
        self._merge(merged)

    def _merge(self, merged: dict[int, Entity]) -> None:
        """Relink every mention, form and statement owner of the entities in
        ``merged`` (id -> the entity they are) and drop them."""
        if not merged:
            return
        for m in self.mentions:
            f = merged.get(id(m.entity))
            if f is not None:
                m.entity = f
        for k, e in list(self.by_form.items()):
            f = merged.get(id(e))
            if f is not None:
                self.by_form[k] = f
        self.doc_owners = [(pos, merged.get(id(e), e)) for pos, e in self.doc_owners]
        self.entities = [e for e in self.entities if id(e) not in merged]
        for k, v in list(self._last_by_surname.items()):
            if id(v) in merged:
                self._last_by_surname[k] = merged[id(v)]

    def _used_after(self, e: Entity, f: Entity) -> bool:
        """A mention of ``e`` comes after the first of ``f``."""
        return any(m.entity is e and m.pos > f.first_pos for m in reversed(self.mentions))

    def _new(self, toks: list[str], key: str, pos: int) -> Entity:
        """A new entity named ``toks``; ``key`` is their joined ``norm``."""
        name = " ".join(toks)
        tokens = tuple(toks)
        ent = Entity(name=name, tokens=tokens, first_pos=pos, forms=[name])
        ent.seq = len(self.entities)
        traits = _name_traits(tokens)
        for ev in traits.evidence:
            ent.weigh(ev)
        if traits.gender:
            ent.gender = traits.gender
        ent.union = traits.union
        ent.facility = traits.facility
        self.entities.append(ent)
        self.by_form[key] = ent
        if len(toks) >= 2:
            _index(self._by_last, toks[-1], ent)
            _index(self._by_first, toks[0], ent)
            if traits.middle_surname and toks[1] not in self._by_mid:
                self._by_mid[toks[1]] = ent
        return ent

    def _link(
        self,
        toks: list[str],
        pos: int,
        initial: bool,
        after: str,
        speech: bool,
        titles: tuple[str, ...] = (),
    ) -> Entity | None:
        """The entity the name ``toks`` at ``pos`` stands for, linking it (``after``:
        the text after it; ``speech``: ``speech_after(after)``)."""
        key = _norm_key(" ".join(toks))
        ent = self.by_form.get(key)
        if ent is not None:
            return ent
        if len(toks) >= 2:
            return self._link_full_name(toks, key, pos)
        return self._link_word(toks[0], key, pos, initial, after, speech, titles)

    def _link_full_name(self, toks: list[str], key: str, pos: int) -> Entity:
        n = len(toks)
        tt = tuple(toks)
        t0, tl = toks[0], toks[-1]
        other = None
        # Every rule below needs the same first or last token: look only there.
        cands = self._by_last.get(tl, []) + self._by_first.get(t0, [])
        if not cands:
            return self._new(toks, key, pos)
        if _ACRONYM_TOKEN_RE.fullmatch(t0):
            # "ILWU Canada" after "International Longshore and Warehouse Union Canada".
            for e in self._by_last.get(tl, []):
                k = len(e.tokens) - (n - 1)
                if k > 1 and e.tokens[k:] == tt[1:] and initials(list(e.tokens[:k])) == t0:
                    if " ".join(toks) not in e.variants:
                        e.variants.append(" ".join(toks))
                    self.by_form[key] = e
                    return e
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
                    is_org_word(tl)
                    and not (set(et[1:-1]) <= set(tt[1:-1]) or set(tt[1:-1]) <= set(et[1:-1]))
                )
            ):
                if n > m:
                    e.forms.append(" ".join(toks))
                self.by_form[key] = e
                return e
            if n == 2 and m > 2 and t0.lower() in NAME_PARTICLES and et[-2] == t0.lower():
                # "De Vries said" after "Erik de Vries": the surname, capitalised
                self.by_form[key] = e
                return e
            if other is not None or m <= n:
                continue
            if _second_surname(et, tt, e):
                other = e
            elif _trailing_org_form(et, tt, e):
                self.by_form[key] = e
                other = e
            elif _short_org_form(et, tt, e):
                self.by_form[key] = e
                other = e
        if other is not None:
            return other
        return self._new(toks, key, pos)

    def _link_word(
        self,
        t: str,
        key: str,
        pos: int,
        initial: bool,
        after: str,
        speech: bool,
        titles: tuple[str, ...],
    ) -> Entity | None:
        if t.lower() in COMMON_CAPS:
            return None  # "Union leaders", "Company executives": a common noun, not a name
        if _opens_in_capitals(t):
            acr = self._acronym_of(t, key)
            if acr is not None:
                return acr
        low = t.lower()
        person_hit = self._surname_holder(t, pos, titles)
        org_hit = self._first_word_of(t, low, after)
        if person_hit is not None and (
            person_hit.tokens[0].lower() in FIRST_NAMES_ALL
            or org_hit is None
            # a courtesy title makes a person ("Ms. Ferrante" next to the family
            # firm "Ferrante & Sons").
            or (
                titles
                and titles[-1].lower().rstrip(".") in HONORIFIC_GENDER
                and person_hit.org <= person_hit.person
            )
        ):
            person_hit.weigh(SURNAME_REFERENCE)
            self._bare_holder[t] = person_hit
            return person_hit
        if org_hit is not None:
            if org_hit.tokens[0].lower() not in FIRST_NAMES_ALL:
                org_hit.weigh(SHORT_FORM_REFERENCE)
            return org_hit
        # A surname written differently from the one introduced (McAleigh / McAlevey).
        verbish = speech or bool(_VERBISH_AFTER_RE.match(after))
        if (
            len(t) > 4
            and t.endswith("s")
            and t[:-1] in self._by_last
            and (after[:1] != "’" and after[:1] != "'")
        ):
            return None  # "The Ferrantes have declined": the family, not one of them
        if not initial or speech or low not in FIRST_NAMES_ALL:
            var = self._variant(t) if (not initial or verbish) else None
            if var is not None:
                if t not in var.variants:
                    var.variants.append(t)
                self.by_form[key] = var
                return var
        if initial and not verbish and not after.startswith(("’s", "'s", ",")):
            return None  # a capitalised sentence opener, probably not a name
        return self._new([t], key, pos)

    def _acronym_of(self, t: str, key: str) -> Entity | None:
        """The organisation an acronym stands for (given in brackets, or its initials)."""
        for e in self.entities:
            if e.acronym == t or (
                len(t) >= 3 and t.isupper() and len(e.tokens) >= 3 and initials(list(e.tokens)) == t
            ):
                if e.acronym != t:
                    e.acronym = t
                self.by_form[key] = e
                e.weigh(ACRONYM_REFERENCE)
                return e
        return None

    def _surname_holder(self, t: str, pos: int, titles: tuple[str, ...]) -> Entity | None:
        """The person a bare surname stands for: the one mentioned last with it, a
        double surname's first part ("Edgar Tzul Ajanel ... Tzul said"), or the
        one it was last used alone for ("Vance, 63, started ... Walt Vance died in
        2009 ... Vance was one of the last 40 workers")."""
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
            person_hit = self._by_mid[t]
        held = self._bare_holder.get(t)
        if (
            held is not None
            and person_hit is not None
            and held is not person_hit
            and person_hit not in self._bare_holder.values()
            # not when the other one was just named in full in this paragraph
            and self.para_of(self._full_pos.get(id(person_hit), -1)) != self.para_of(pos)
            # not when the courtesy title differs from the one the holder goes by
            # ("Dr Castellaw" ... "Dr Castellaw's mother, Philippa Castellaw" ...
            # "Mrs Castellaw said").
            and not _other_honorific(held, titles)
        ):
            person_hit = held
        return person_hit

    def _first_word_of(self, t: str, low: str, after: str) -> Entity | None:
        """The earliest organisation named with ``t`` as its first word; not a
        facility named for someone or something else ("Providence" next to
        "Providence St. Vincent Medical Center", "five other Providence
        hospitals" name the parent system), but "Brookdale" is "Brookdale
        Presbyterian Medical Center"."""
        for e in self._by_first.get(t, ()):
            if e.facility and (
                e.person > e.org
                or ORG_FOLLOW_RE.match(after)
                or e.tokens[0].lower() in FIRST_NAMES_ALL
                or any(
                    x.rstrip(".").lower() in ("st", "saint") or x.lower() in FIRST_NAMES_ALL
                    for x in e.tokens[1:]
                )
            ):
                continue
            if e.tokens[0].lower() not in FIRST_NAMES_ALL or low in FIRST_NAMES_ALL:
                return e
        return None

    def _variant(self, t: str) -> Entity | None:
        best = None
        best_score = 0.0
        if len(t) < 4:
            return None
        t2, low = t[:2], t.lower()
        for e in self.entities:
            surname = e.tokens[-1]
            if len(e.tokens) < 2 or (surname[:2] != t2 and not e.variants):
                continue  # no spelling of it starts like t
            if has_org_word(e.tokens):
                continue
            for cand in (surname, *e.variants):
                if cand[:2] != t2 or abs(len(cand) - len(t)) > 3:
                    continue
                score = Indel.normalized_similarity(cand.lower(), low)
                prefix = _common_prefix(cand.lower(), low)
                if score >= 0.8 or (prefix >= 4 and score >= 0.6):
                    if score > best_score:
                        best, best_score = e, score
        return best


def _second_surname(et: tuple[str, ...], tt: tuple[str, ...], e: Entity) -> bool:
    """A two-word surname on second reference: "Davis Gates" -> "Stacy Davis
    Gates"; "Dela Cruz" -> "Maricel Dela Cruz" (a given name the list does not
    know) when nothing marks an organisation."""
    n = len(tt)
    return (
        et[-1] == tt[-1]
        and et[-n:] == tt
        and tt[0].lower() not in FIRST_NAMES_ALL
        and (et[0].lower() in FIRST_NAMES_ALL or (e.person > e.org and not has_org_word(et)))
    )


def _trailing_org_form(et: tuple[str, ...], tt: tuple[str, ...], e: Entity) -> bool:
    """The end of a known organisation's name: "Local 135" after "Teamsters
    Local 135" (a number or an organisation word in it)."""
    n = len(tt)
    return (
        et[-n:] == tt
        and e.org > e.person
        and any(t[:1].isdigit() or is_org_word(t) for t in tt)
        and tt[0].lower() not in FIRST_NAMES_ALL
    )


def _short_org_form(et: tuple[str, ...], tt: tuple[str, ...], e: Entity) -> bool:
    """An organisation's short form: "Apartment Association" -> "Apartment
    Association of Orange County", "Allegheny Coke" -> "Allegheny Coke Co.",
    "Grand Street Realty" -> "... Partners", "Lone Star" -> "... Freight Lines",
    "Thanh Phat" -> "Thanh Phat Footwear Co Ltd", "Bafokeng Ridge" -> "Bafokeng
    Ridge Platinum" when that is an organisation with no sign of a person; "Caju do
    Norte" -> "Caju do Norte, Lda" (the comma before the legal form aside)."""
    n = len(tt)
    t0 = tt[0]
    if len(et) > n and et[n - 1].endswith(","):
        et = (*et[: n - 1], et[n - 1].rstrip(","), *et[n:])
    return (
        et[0] == t0
        and et[:n] == tt
        and (
            et[n].lower() in ("of", "for")
            or all(is_corporate_suffix(x) for x in et[n:])
            or (
                e.org > e.person
                and t0.lower() not in FIRST_NAMES_ALL
                and all(is_org_word(x) for x in et[n:])
            )
            or (e.org > e.person and is_corporate_suffix(et[-1]) and not has_org_word(tt))
            # "Bafokeng Ridge" -> "Bafokeng Ridge Platinum" (where miners work):
            # an organisation with no sign of a person, no given name in front
            or (
                e.org > e.person == 0
                and t0.lower() not in FIRST_NAMES_ALL
                and len(et) == n + 1
                and et[n][:1].isupper()
            )
        )
    )


def _other_honorific(held: Entity, titles: tuple[str, ...]) -> bool:
    """True when ``titles`` ends in a courtesy title other than the one ``held`` goes by."""
    if not titles or not held.title:
        return False
    mine = held.title.split()[-1].lower().rstrip(".")
    theirs = titles[-1].lower().rstrip(".")
    return mine in HONORIFICS and theirs in HONORIFICS and mine != theirs


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
