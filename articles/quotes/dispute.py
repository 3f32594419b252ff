"""Stage 5, first part: the dispute an article covers (its employer, its
unions, the striking workers' trade), for the sides stage.

Takes the article's ``entities.Cast`` and, when the caller knows them, the
strike's employer and union names and the outlet; gives a ``Dispute``. The
text decides what the caller does not give: every union is a union; the
employer is the organisation most often tied to the strikers ("workers at X",
"teachers in the X district", "X nurses", "X's offer", "a strike against X";
a company before a public body, and never an outlet: "(KNWT)", "told The
Associated Press"; a lone place word, "workers at one of Algeria's largest
distributors", gives way to a named company), else the most mentioned company;
an acronym of a union's initials ("CITUB") is that union. A city whose workers
strike ("Brantwood's outside workers"), that makes the offer ("the city's
offer") or owns the employer ("the city-owned transport company") is a public
employer, and the city or council the article names is the employer when no
other is. The striking trade is the workers named in the sentences about the
strike ("Hundreds of nurses and midwives ... walked off the job"), and what
such a sentence calls its subject ("Refuse collectors employed by a contractor
stopped work").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from .lexicon import (
    ACTION_NOUNS,
    ACTION_VERBS,
    AGENT_NOUN_ENDINGS,
    CLAUSE_CONJUNCTIONS,
    COMMUNITY_WORDS,
    DEMONYMS,
    EXPERT_BODY_WORDS,
    GOVERNMENT_BODY_HEADS,
    GOVERNMENT_WORDS,
    LABOR_WORDS,
    LOCAL_GOVERNMENT_WORDS,
    MEDIA_WORDS,
    NOT_TRADES,
    ORG_FOLLOWERS,
    PUBLIC_EMPLOYER_WORDS,
    PUBLIC_SERVICE_BODY_WORDS,
    PUBLIC_WORKFORCE_NOUNS,
    STRIKE_STEMS,
    STRIKE_WORDS,
    TALKS_WORDS,
    TIE_NOUNS,
    TIE_PREPOSITIONS,
    TRADE_PHRASES,
    UNION_ACRONYMS,
    UNION_BODY_HEADS,
    UNION_NAMES,
    WALKOUT_PHRASES,
    WORKER_WORDS,
    alternation,
)
from .names import has_org_word, is_company, is_union_name, norm
from .organisations import described_body
from .vocabulary import WordList, Words, word_char

if TYPE_CHECKING:
    from .entities import Cast, Entity


LABOR: Final = WordList(LABOR_WORDS | UNION_ACRONYMS | UNION_NAMES)
GOVERNMENT: Final = WordList(GOVERNMENT_WORDS)
EXPERT_BODY: Final = WordList(EXPERT_BODY_WORDS)
WORKERS: Final = WordList(WORKER_WORDS)
# Trades in the plural whose singular is a trade too ("nurses", "drivers").
_PLURAL_TRADES: Final = frozenset(
    w
    for w in WORKER_WORDS
    if w.endswith("s")
    and w[:-1] in WORKER_WORDS
    and " " not in w
    and w not in ("workers", "employees", "members", "staffers")
)
# Words before "at"/"in"/"against" X that tie X to the strikers.
_TIE_WORDS: Final = (
    frozenset(w for w in STRIKE_WORDS | WORKER_WORDS if " " not in w) - {"teaches", "taught"}
) | {"members"}
# What follows an organisation tied to the strikers: "X nurses", "X's offer".
_TIE_AFTER: Final = WordList(WORKER_WORDS | ORG_FOLLOWERS | TIE_NOUNS)
_GOVERNMENT_BODY_RE: Final = re.compile(rf"\b(?:{alternation(GOVERNMENT_BODY_HEADS)})\b")
# Ties of an organisation to the strikers: "nurses at four X hospitals", "a
# strike against X", "talks with X": a preposition (and up to two words) before it.
_PUNCTUATION: Final = ".,;:!?\"“”()'’—–"


def _tied(before: str, after: str) -> bool:
    """Is an organisation named between these words tied to the strikers?"""
    tail = before[-60:].lower().split()
    # the preposition: the last word, or one or two words before the name
    k = 0
    for j in range(1, min(3, len(tail)) + 1):
        if tail[-j] in TIE_PREPOSITIONS:
            k = j
            break
    if k and all(w.replace("-", "").isalnum() for w in tail[len(tail) - k + 1 :]):
        word = tail[-k]
        lead = {w.strip(_PUNCTUATION) for w in tail[max(0, len(tail) - k - 8) : len(tail) - k]}
        if word in ("with", "from", "of") and not TALKS_WORDS.isdisjoint(lead):
            return True  # "talks with X", "an offer from operator X"
        if word != "with" and (
            not _TIE_WORDS.isdisjoint(lead) or any(w.endswith("workers") for w in lead)
        ):
            return True  # "nurses at X", "a strike against X"
    for poss in ("’s", "'s"):
        if after.startswith(poss):
            after = after[len(poss) :]
    if not after[:1].isspace():
        return False
    head = after[:40].split()[:2]
    if not head:
        return False
    # "X nurses", "X's latest offer": the follower, perhaps after one lowercase word.
    if head[0].strip(",.") in _TIE_AFTER:
        return True
    return (
        len(head) == 2
        and head[0].isalpha()
        and head[0].islower()
        and head[1].strip(",.") in _TIE_AFTER
    )


class Dispute:
    """The parties of the dispute an article covers, as the article names them.

    The striking trades and whether the employer is a public body are read
    from the article's text when first asked for.
    """

    __slots__ = (
        "_employer_names",
        "_occupations",
        "_places",
        "_public",
        "_spoken",
        "_union_names",
        "_text",
        "_strike_paras",
        "about_a_dispute",
        "employer_ids",
        "employers",
        "outlet",
        "private_employer",
        "public_body_employs",
        "readings",
        "tagged",
        "union_ids",
        "unions",
    )

    def __init__(
        self,
        employers: Sequence[str] = (),
        unions: Sequence[str] = (),
        outlet: str = "",
        *,
        about_a_dispute: bool = False,
        employer_ids: frozenset[int] = frozenset(),
        union_ids: frozenset[int] = frozenset(),
        text: str = "",
        strike_paras: Sequence[str] = (),
        public_body: bool = False,
        private_employer: bool = False,
    ):
        self.employers = tuple(employers)
        self.unions = tuple(unions)
        self.outlet = outlet
        self.about_a_dispute = about_a_dispute
        self.employer_ids = employer_ids  # the entities standing for the employer
        self.union_ids = union_ids
        self._text = text  # the article's reporter's words, lowercased
        self._strike_paras = strike_paras  # those of them about the strike
        self._occupations: frozenset[str] | None = None
        self._spoken: dict[str, bool] = {}  # speaks_of's answers
        self._employer_names: WordList | None = None  # names("employer"), once asked
        self._union_names: WordList | None = None
        self._places: dict[str, bool] = {}  # works_at's answers
        # the sides stage's readings of the article's descriptions, by (text, setting)
        self.readings: dict[tuple[str, bool | None], tuple[str, bool] | None] = {}
        # their words and the lexicon's lists those are in, by lowercased text
        self.tagged: dict[str, tuple[Words, dict[str, list[tuple[str, int]]]]] = {}
        self._public = True if public_body else None
        self.private_employer = private_employer  # a company employs the strikers
        # a public body other than a ministry employs them (a school board, a council)
        self.public_body_employs = any(
            not PUBLIC_SERVICE_BODY_WORDS.isdisjoint(n.lower().split()) for n in self.employers
        ) or (
            public_body
            and not any(
                "ministry" in n.lower() or "department" in n.lower() for n in self.employers
            )
        )

    @property
    def occupations(self) -> frozenset[str]:
        """What the striking workers are: "nurse", "driver"."""
        if self._occupations is None:
            self._occupations = frozenset(_trades(self._strike_paras))
        return self._occupations

    def speaks_of(self, word: str) -> bool:
        """Does the reporter use this (lowercased) word anywhere ("drivers")?"""
        found = self._spoken.get(word)
        if found is None:
            found = word in self._text and (
                re.search(rf"\b{re.escape(word)}\b", self._text) is not None
            )
            self._spoken[word] = found
        return found

    def works_at(self, place: str) -> bool:
        """Do the paragraphs about the strike name this kind of workplace
        ("store" when "sales assistants at a chain of fashion stores" strike)?"""
        found = self._places.get(place)
        if found is None:
            found = False
            for para in self._strike_paras:
                if place in para and re.search(rf"\b{re.escape(place)}(?:s|es)?\b", para):
                    found = True
                    break
            self._places[place] = found
        return found

    @property
    def public_employer(self) -> bool:
        """The employer is a city, district or other public body ("city workers")."""
        if self._public is None:
            self._public = _public_workforce(self._text)
        return self._public

    def names(self, which: str) -> WordList:
        """The employer's (``"employer"``) or the unions' names, for lookups."""
        if which == "employer":
            if self._employer_names is None:
                self._employer_names = _names_list(self.employers)
            return self._employer_names
        if self._union_names is None:
            self._union_names = _names_list(self.unions)
        return self._union_names

    @property
    def union_heads(self) -> tuple[str, ...]:
        """The last words of the unions' names that can stand for them ("association")."""
        return _union_heads(self.unions)

    def named_in(self, which: str, words: Words) -> list[tuple[str, int]]:
        """Where the employer's or the unions' names occur in ``words``."""
        return self.names(which).hits(words)


@lru_cache(maxsize=256)
def _names_list(names: tuple[str, ...]) -> WordList:
    return WordList(names)


@lru_cache(maxsize=256)
def _union_heads(names: tuple[str, ...]) -> tuple[str, ...]:
    # not the place or field after "of" ("Confederation of Trade Unions of
    # Armenia", "American Federation of State"): no word the union goes by; the
    # body's noun before it is ("the association" of the "Professors'
    # Association of the Lebanese University")
    heads = [
        name.split()[-1].lower()
        for name in names
        if len(name.split()) == 1 or name.split()[-2].lower() != "of"
    ]
    for name in names:
        words = name.lower().split()
        if "of" in words[1:]:
            before = words[words.index("of", 1) - 1]
            if before in UNION_BODY_HEADS and before not in heads:
                heads.append(before)
    return tuple(h for h in heads if len(h) > 4 and h not in ("workers", "employees"))


def find_dispute(
    cast: Cast, *, employers: Sequence[str] = (), unions: Sequence[str] = (), outlet: str = ""
) -> Dispute:
    """The dispute's parties: those given (the strike's employer and union), and
    those the text names — the organisation the strikers work for (the one
    most often tied to them: "workers at X", "X nurses", "X's offer", "a strike
    against X") and every union."""
    lowered = cast.lowered
    strike_paras = [lowered.paragraph(i) for i in lowered.paragraphs_with(STRIKE_STEMS)]
    about = bool(employers or unions) or _about_a_strike(strike_paras)
    outlet_low = outlet.lower()
    employer_ents: set[int] = set()
    union_ents: set[int] = set()
    names_e = [n for n in employers if n]
    names_u = [n for n in unions if n]
    given_e = {norm(n) for n in names_e}
    given_u = {norm(n) for n in names_u}
    ties: dict[int, int] = {}
    uses: dict[int, int] = {}
    by_id: dict[int, Entity] = {}
    given_firsts = {g.split()[0] for g in given_e}
    # id(entity) -> "union" | "employer" | "outlet" | "other" (never the
    # employer: a place, a news outlet) | "" (perhaps the employer)
    role: dict[int, str] = {}
    for m in cast.mentions:
        e = m.entity
        if e.kind not in ("organization", "place"):
            continue
        key = id(e)
        r = role.get(key)
        if r is None:
            by_id[key] = e
            forms = (
                {norm(f) for f in (e.name, *e.forms, *e.variants, e.acronym) if f}
                if given_e or given_u
                else set()
            )
            body = described_body(cast, e) if e.kind == "organization" else ""
            if e.kind == "organization" and (forms & given_u or is_union(e) or body == "union"):
                r = "union"
                union_ents.add(key)
            elif (
                forms & given_e
                or (e.tokens and norm(e.tokens[0]) in given_firsts)
                # "The Ministry of Justice, which pays the clerks' salaries": the
                # reporter says it employs them
                or (body == "employer" and not given_e)
            ):
                r = "employer"
                employer_ents.add(key)
            elif (outlet_low and norm(e.name) == norm(outlet)) or (
                e.addressed and e.addressed >= e.plain_uses
            ):
                r = "outlet"
            elif e.kind == "place" or _is_outlet(e) or _not_an_organisation(e.tokens):
                r = "other"
            else:
                r = ""
            role[key] = r
        if r or m.addressed:
            continue
        para, base = m.para, cast.bases[m.para]
        mp = cast.masked[para]
        before = mp[max(0, m.pos - base - 80) : m.pos - base]
        after = mp[m.end - base : m.end - base + 40]
        if before.endswith("(") and after.startswith(")"):
            continue  # "(KNWT)", "(AP)": the outlet's credit
        uses[key] = uses.get(key, 0) + 1
        if _tied(before, after):
            ties[key] = ties.get(key, 0) + 1
    # "CITUB" beside the "Confederation of Independent Trade Unions (in
    # Bulgaria)": the union's initials, so the union, never its employer
    initials = [_initials(by_id[k].tokens) for k in union_ents if k in by_id]
    for k in list(uses):
        if _acronym_of_one(by_id[k], initials):
            union_ents.add(k)
            del uses[k]
    # a union that speaks or is named makes the story one about a dispute, even
    # when its action is "sanctions" or a "go-slow" rather than a strike
    about = about or bool(union_ents)
    if not employer_ents and about:
        # The organisation most tied to the strikers, a company before a public
        # body, place or outlet; else the most mentioned company-like one.
        company = any(is_company(by_id[k].tokens) and not not_an_employer(by_id[k]) for k in uses)

        def score(k: int) -> tuple[tuple[bool, bool, int], int]:
            e = by_id[k]
            tied = ties.get(k, 0)
            # a facility ("Cedar Valley High School") is a workplace, its owner the employer
            weight = 3 * tied + 2 * is_company(e.tokens) + uses.get(k, 0) - 2 * e.facility
            # a lone place-like word ("workers at one of Algeria's largest
            # distributors") is tied to them only as where they work, when a
            # company is named
            placed = company and _place_like(e)
            return (tied > 0 and not placed, not not_an_employer(e), weight), -e.first_pos

        best = max(uses, key=score, default=None)
        if (best is None or not_an_employer(by_id[best])) and _public_workforce(lowered.text):
            # "city workers", "the council's offer": the strikers' employer is
            # the city or council the article names ("City of Springfield")
            local = [k for k in uses if _local_government(by_id[k])]
            if local:
                best = max(local, key=lambda k: (ties.get(k, 0), uses[k], -by_id[k].first_pos))
                ties.setdefault(best, 0)
        if best is not None and (best in ties or not not_an_employer(by_id[best])):
            employer_ents.add(best)
    names_e += [by_id[k].canonical for k in employer_ents if k in by_id]
    names_e += [a for k in employer_ents if k in by_id for a in by_id[k].aliases]
    names_u += [by_id[k].canonical for k in union_ents if k in by_id]
    names_u += [a for k in union_ents if k in by_id for a in by_id[k].aliases]
    return Dispute(
        employers=tuple(dict.fromkeys(names_e)),
        unions=tuple(dict.fromkeys(names_u)),
        outlet=outlet,
        about_a_dispute=about,
        employer_ids=frozenset(employer_ents),
        union_ids=frozenset(union_ents),
        text=lowered.text,
        strike_paras=strike_paras,
        public_body=any(
            government_name(by_id[k].canonical.lower()) and not is_company(by_id[k].tokens)
            for k in employer_ents
            if k in by_id
        ),
        private_employer=any(is_company(tuple(n.split())) for n in names_e)
        or any(
            is_company(by_id[k].tokens) and not not_an_employer(by_id[k])
            for k in employer_ents
            if k in by_id
        ),
    )


def _initials(tokens: Sequence[str]) -> str:
    """ "Confederation of Independent Trade Unions" -> "CITU"."""
    return "".join(t[0] for t in tokens if t[:1].isupper())


def _acronym_of_one(e: Entity, initials: list[str]) -> bool:
    """An all-capitals name that opens with the initials of one of ``initials``'
    names (three letters at least)."""
    if len(e.tokens) != 1 or not e.tokens[0].isupper() or len(e.tokens[0]) < 3:
        return False
    word = e.tokens[0]
    return any(len(i) >= 3 and word.startswith(i) for i in initials)


def _local_government(e: Entity) -> bool:
    """A city's, county's or council's name ("City of Springfield", "Riga City
    Council")."""
    return (
        e.kind == "organization"
        and not LOCAL_GOVERNMENT_WORDS.isdisjoint(t.lower() for t in e.tokens)
        and government_name(e.canonical.lower())
    )


def _place_like(e: Entity) -> bool:
    """A place, or one capitalised word the article never treats as an
    organisation ("Algeria", "TUNIS"): where the strikers work, not for whom."""
    return e.kind == "place" or (len(e.tokens) == 1 and e.org <= 1 and not e.acronym)


def _about_a_strike(strike_paras: Sequence[str]) -> bool:
    """Do the paragraphs about the strike speak of it at least twice?"""
    return len(strike_paras) >= 2 or (
        len(strike_paras) == 1 and sum(map(strike_paras[0].count, STRIKE_STEMS)) >= 2
    )


def _trades(strike_paras: Sequence[str]) -> set[str]:
    """The trades named in the (lowercased) paragraphs about the strike
    ("Hundreds of nurses and midwives ... walked off the job", "striking bus
    drivers")."""
    text = " ".join(strike_paras).replace(",", " ").replace(".", " ").replace(";", " ")
    trades = {w[:-1] for w in _PLURAL_TRADES.intersection(text.split())}
    trades.update(t for phrase, t in TRADE_PHRASES.items() if phrase in text)
    for para in strike_paras:
        trades.update(_strikers_named(para))
    return trades


# A sentence's predicate saying its subject struck ("walked off the job",
# "held a one-day strike"), and the breaks before that subject's clause.
# Its two kinds, each written without the leading ``\b`` (``_search_at_word``
# tests it): a pattern opening with a set of letters lets the regex engine skip
# to where one of them is, where one opening with ``\b`` is tried at every character.
_WALKOUT_PHRASES: Final = tuple(sorted(WALKOUT_PHRASES))
_ACTION_VERBS: Final = tuple(sorted(ACTION_VERBS))
_ACTION_NOUNS: Final = tuple(sorted(ACTION_NOUNS))
_WALKOUT_PHRASE_RE: Final = re.compile(rf"(?:{alternation(WALKOUT_PHRASES)})\b")
_WALKOUT_ACTION_RE: Final = re.compile(
    rf"(?:{alternation(ACTION_VERBS)}) (?:an? |their |on )?(?:[\w\-]+ ){{0,3}}(?:{alternation(ACTION_NOUNS)})\b"
)
_CLAUSE_BREAK_RE: Final = re.compile(
    rf"[,;:(]|\s[-—–]\s|\b(?:{alternation(CLAUSE_CONJUNCTIONS | {'because', 'since', 'where'})})\s"
)
# What ends the strikers' noun phrase: "collectors employed by", "cooks at".
_SUBJECT_END: Final = frozenset(
    "at in of from for on across near around outside inside with by who which that employed "
    "working".split()
)


def _search_at_word(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """The first match of ``pattern`` (which opens with a word character) from
    ``pos`` that starts a word: what ``\\b`` before the pattern would find."""
    m = pattern.search(text, pos)
    while m is not None:
        at = m.start()
        if at == 0 or not word_char(text[at - 1]):
            return m
        m = pattern.search(text, at + 1)
    return None


def _first_of(text: str, words: tuple[str, ...], pos: int) -> int:
    """Where the first of ``words`` is in ``text`` from ``pos`` (``len(text)`` if none)."""
    first = len(text)
    for w in words:
        at = text.find(w, pos, first + len(w))
        if 0 <= at < first:
            first = at
    return first


def _walkout_starts(para: str) -> list[int]:
    """Where each predicate of striking starts, as the matches of
    ``\\b(?:<walkout phrase>|<action verb> ... <action noun>)`` follow one
    another: at one place the phrase before the verb's reading."""
    starts: list[int] = []
    # each kind is read only from where the first of its words is
    n = len(para)
    phrases = _first_of(para, _WALKOUT_PHRASES, 0)
    actions = _first_of(para, _ACTION_VERBS, 0) if _first_of(para, _ACTION_NOUNS, 0) < n else n
    pos = 0
    while (phrases < n or actions < n) and pos <= n:
        phrase = (
            _search_at_word(_WALKOUT_PHRASE_RE, para, max(pos, phrases)) if phrases < n else None
        )
        action = (
            _search_at_word(_WALKOUT_ACTION_RE, para, max(pos, actions)) if actions < n else None
        )
        if phrase is None:
            m = action
        elif action is None or phrase.start() <= action.start():
            m = phrase
        else:
            m = action
        if m is None:
            break
        starts.append(m.start())
        pos = m.end()
    return starts


def _strikers_named(para: str) -> set[str]:
    """The trades the (lowercased) paragraph names as the subject of a strike
    ("refuse collectors employed by a private contractor stopped work" ->
    "collector", "librarians held a one-day warning strike" -> "librarian"):
    agent nouns in the plural before the subject's first preposition."""
    out: set[str] = set()
    for at in _walkout_starts(para):
        start = para.rfind(". ", 0, at) + 1
        clause = para[start:at]
        breaks = list(_CLAUSE_BREAK_RE.finditer(clause))
        if breaks:
            clause = clause[breaks[-1].end() :]
        for w in clause.split():
            w = w.strip(".,;:!?\"“”()'’")
            if w in _SUBJECT_END:
                break
            if (
                len(w) > 3
                and w.endswith("s")
                and not w.endswith("ss")
                and w.isalpha()
                and w not in NOT_TRADES
                and w not in COMMUNITY_WORDS
            ):
                if w in WORKER_WORDS:
                    out.update(s for s in (w[:-1], w[:-3] + "fe") if s in WORKER_WORDS)
                elif w[:-1].endswith(AGENT_NOUN_ENDINGS):
                    out.add(w[:-1])
    return out


# Written without their leading ``\b`` (``_search_at_word``), so that the regex
# engine looks for their first words as a whole.
_EMPLOYED_BY_PUBLIC_RE: Final = re.compile(
    rf"employed by (?:the )?(?:{alternation(PUBLIC_EMPLOYER_WORDS)})\b"
)


# A local government making the offer the strikers turned down: "the city's
# offer of 4 percent", "the council's latest proposal".
_PUBLIC_OFFER_RE: Final = re.compile(
    rf"the (?:{alternation(LOCAL_GOVERNMENT_WORDS)})(?:'s|’s) (?:[a-z]+ )?(?:{alternation(TALKS_WORDS)})\b"
)


# "drivers of the city-owned transport company Linnaliin": a local government's
# company, whose city answers for it.
_CITY_OWNED_RE: Final = re.compile(
    rf"\b(?:{alternation(LOCAL_GOVERNMENT_WORDS | {'municipally'})})-owned\b"
)


def _public_workforce(text: str) -> bool:
    """ "city workers", "outside workers", "employees of the county", "employed
    by the City of Edinburgh Council", "the city's offer" in the (lowercased) text."""
    if "employed by" in text and _search_at_word(_EMPLOYED_BY_PUBLIC_RE, text):
        return True
    if "’s " in text or "'s " in text:
        if _search_at_word(_PUBLIC_OFFER_RE, text):
            return True
    if "-owned" in text and _CITY_OWNED_RE.search(text):
        return True
    for noun in PUBLIC_WORKFORCE_NOUNS:
        at = text.find(noun)
        while at >= 0:
            before = text[max(0, at - 20) : at].split()
            after = text[at + len(noun) : at + len(noun) + 30].split()
            if before and before[-1] in PUBLIC_EMPLOYER_WORDS:
                return True
            if (
                after[:2] in (["for", "the"], ["of", "the"])
                and after[2:3]
                and (after[2].strip(".,;") in PUBLIC_EMPLOYER_WORDS)
            ):
                return True
            at = text.find(noun, at + 1)
    return False


@lru_cache(maxsize=4096)
def _not_an_organisation(tokens: tuple[str, ...]) -> bool:
    """A nationality ("Swedish service centers") or a numbered thing ("Year 13",
    "Number 2 shaft") read as a capitalised name."""
    if not tokens:
        return False
    if len(tokens) == 1 and tokens[0].lower() in DEMONYMS:
        return True
    return tokens[-1].isdigit() and not has_org_word(tokens) and not is_union_name(list(tokens))


def is_union(e: Entity) -> bool:
    """A union, labour council or federation (by its name or its acronym)."""
    return e.union or _union_named(e.tokens, e.acronym)


@lru_cache(maxsize=4096)
def _union_named(tokens: tuple[str, ...], acronym: str) -> bool:
    return (
        is_union_name(list(tokens))
        or LABOR.first(Words(" ".join(tokens))) is not None
        or acronym.upper() in UNION_ACRONYMS
    )


def _is_outlet(e: Entity) -> bool:
    return _outlet_name(e.tokens)


@lru_cache(maxsize=4096)
def _outlet_name(tokens: tuple[str, ...]) -> bool:
    return any(t.lower() in MEDIA_WORDS for t in tokens)


def not_an_employer(e: Entity) -> bool:
    """A public body, research body, outlet, facility named for a place, or a
    lone capitalised word with no sign of being an organisation ("east of
    Calgary")."""
    if e.kind == "place" or (len(e.tokens) == 1 and e.org <= 1 and not e.acronym):
        return True
    if _not_an_organisation(e.tokens):
        return True
    low = e.canonical.lower()
    return (
        government_name(low)
        or research_name(low)
        or _is_outlet(e)
        or (e.facility and not has_org_word(e.tokens))
    )


@lru_cache(maxsize=4096)
def government_name(low: str) -> bool:
    """A government body's name (lowercase): a ministry, council, agency, court ..."""
    words = Words(low)
    return (GOVERNMENT.first(words) is not None or bool(_GOVERNMENT_BODY_RE.search(low))) and (
        LABOR.first(words) is None
    )


@lru_cache(maxsize=4096)
def research_name(low: str) -> bool:
    """A university's, institute's or think tank's name (lowercase)."""
    return EXPERT_BODY.first(Words(low)) is not None
