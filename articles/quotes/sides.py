"""Stage 5: each speaker's side in the dispute the article covers, with the evidence.

Takes the attributed quotes, the article's ``entities.Cast`` and the dispute's
parties (``find_dispute``: the employer and union given by the caller, or
inferred from the text); gives each speaking entity a side — labor, employer,
government, expert, community or unknown — and the evidence for it in words a
person page can show ("described as: a Kaiser therapist and union member").

Evidence, in this order (the first that decides wins):

1. the article's description of the speaker: titles ("UAW President",
   "Councillor"), appositives ("a striking nurse", "the company's chief
   executive"), the words around every mention ("has been on the picket lines
   for seven weeks", "who studies the hotel industry at the University of
   Hawaii") and the description in the cue ('said Name, a shift lead');
   within a description an affiliation decides before an occupation: a union
   (or striking, picketing, a steward) -> labor; the employer -> employer for
   a manager or spokesperson, labor for a worker ("a nurse at Gosford
   Private"); then management -> employer, elected office, agencies, courts,
   police, mediators -> government, scholars and analysts -> expert, the
   striking occupation -> labor, patients, parents, residents, customers ->
   community; a public employer's offices speak for the employer (the mayor
   or council leader when the city's or council's workers strike, the
   minister over a public service when no company and no school board,
   council or university employs its strikers: "NSW Health Minister" in a
   public hospitals' strike); a scholar stays an expert whatever office they
   hold at a university or consultancy; an owner of another business, or of
   the employer's product ("a Volta owner"), is community; a worker of a
   trade other than the strikers' whom the reporter introduces among the
   public ("Shoppers were mostly sympathetic ... a pharmacist", "At the bus
   stop, nurse ...") is community; a person described by a clause about
   their work ("who irons finished jackets", "who works at a store" when the
   strikers work at stores) is labour, one given only an age is community;
2. the organisation the speaker is: the dispute's employer -> employer; a
   union, labour council or federation -> labor; an employers' association ->
   employer; a government body -> government; a university, institute or
   analysts' firm -> expert; another company or group -> community;
3. the speaker's own words ("our members", "we're on strike" -> labor; "our
   employees", "our offer" -> employer).

A speaker's quotes share one side (the other quotes' evidence counts for all).
"unknown" only when none of this says anything. Where the evidence is that
weak (none, own words, an organisation read by default) the caller's
``revise`` (``side_model.revise``, a learned model) may decide instead.
``combine_sides`` merges a person's sides across articles for the archive;
``infer_side`` classifies a name and description alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Final

from .dispute import (
    EXPERT_BODY,
    Dispute,
    _search_at_word,
    government_name,
    is_union,
)
from .entities import Entity
from .lexicon import (
    AGENT_WORDS,
    ASSOCIATION_HEADS,
    CHILD_WORDS,
    CLAUSE_CONJUNCTIONS,
    CLERGY_WORDS,
    COMMUNITY_WORDS,
    COMPANY_HEADS,
    EMPLOYER_BODY_WORDS,
    EMPLOYER_FEDERATION_NAMES,
    EXPERT_BODY_WORDS,
    EXPERT_WORDS,
    FACILITY_WORDS,
    FINITE_WORDS,
    GENERIC_WORKER_WORDS,
    GOVERNMENT_WORDS,
    KIN_GENDER,
    KIN_WORDS,
    LABOR_WORDS,
    MANAGEMENT_WORDS,
    MINISTRY_HEADS,
    NOT_TRADES,
    OBJECT_DETERMINERS,
    OBJECT_LEAD_WORDS,
    OBJECT_PREPOSITIONS,
    OWNER_VERBS,
    OWNER_WORDS,
    PARTY_OFFICES,
    PEOPLE_NOUNS,
    PICKET_PLACE_WORDS,
    POLITICAL_PARTIES,
    PORTFOLIO_TRADES,
    PORTFOLIOS,
    PRIVATE_LIFE_PARTICIPLES,
    PRIVATE_LIFE_VERBS,
    PUBLIC_EMPLOYER_WORDS,
    PUBLIC_OWNER_BODIES,
    PUBLIC_SERVICE_BODY_WORDS,
    PUBLIC_STAFF_EMPLOYERS,
    RANK_WORDS,
    RESEARCH_FIRM_WORDS,
    RETIRED_WORDS,
    SAY_VERBS,
    SCHOOL_YEARS,
    SPOKES_NOUNS,
    STRIKE_WORDS,
    TENURE_VERBS,
    TRADE_SYNONYMS,
    UNION_ACRONYMS,
    UNION_NAMES,
    UNION_SUBDIVISION_OFFICES,
    UNION_SUBDIVISIONS,
    UNION_WORDS,
    VEHICLE_WORDS,
    WORK_GROUP_NOUNS,
    WORKER_WORDS,
    WORKPLACE_NOUNS,
    alternation,
)
from .names import has_org_word, is_company, is_union_name
from .organisations import analyst_firm, described_body
from .vocabulary import Tagger, WordList, Words, holds_any, may_hold, word_char, words_of

if TYPE_CHECKING:
    from .attribution import Attribution
    from .entities import Cast
    from .mentions import Mention

# A second opinion on a speaker's side: (the rules' side and evidence, the
# entity, its quotes, its mentions, the cast, the dispute) -> side and evidence.
Revise = Callable[..., tuple[str, tuple[str, ...]]]

SIDES: Final = ("labor", "employer", "government", "expert", "community", "unknown")
UNKNOWN: Final = "unknown"

# How strongly each kind of evidence speaks, for ``combine_sides``.
EVIDENCE_STRENGTH: Final = {
    "described as": 3,
    "speaks for": 3,
    "organisation": 3,
    "learned": 2,
    "own words": 1,
}


_EXPERTS: Final = WordList(EXPERT_WORDS)
_EMPLOYER_FEDERATIONS: Final = WordList(EMPLOYER_FEDERATION_NAMES)
# The lists a description is read against, in one pass over its words.
_TAGGER: Final = Tagger(
    {
        "labor": LABOR_WORDS | UNION_ACRONYMS | UNION_NAMES,
        "management": MANAGEMENT_WORDS,
        "agent": AGENT_WORDS,
        "spokes": SPOKES_NOUNS - {"representative"},
        "government": GOVERNMENT_WORDS,
        "expert": EXPERT_WORDS,
        "expert_body": EXPERT_BODY_WORDS,
        "employer_body": EMPLOYER_BODY_WORDS,
        "community": COMMUNITY_WORDS,
        "worker": WORKER_WORDS,
        "trade": TRADE_SYNONYMS,
    }
)
_LOCAL_RE: Final = re.compile(
    r"\blocal \d+\b|\b(?:represents|representing)\b[^.;]{0,50}\b(?:workers|employees|members|"
    rf"{alternation(w for w in WORKER_WORDS if w.endswith('s'))})\b"
)
# Party politicians: "Labour leader", "NDP education critic", "Tory MP".
_PARTY_RE: Final = re.compile(
    rf"\b(?:{alternation(POLITICAL_PARTIES)})(?:’s|'s)?\s+(?:[a-z]+\s+)?"
    rf"(?:{alternation(PARTY_OFFICES)})\b"
)
# A relative of a worker, said so outright ("brother of a young doctor", "whose
# husband is a firefighter"): the worker is the relative, not the speaker.
# (The second, "whose ...", is written without its leading ``\b``: ``_search_at_word``.)
_RELATIVE_OF_START_RE: Final = re.compile(
    rf"(?:the |an? )?(?:[\w\-]+ )?(?:{alternation(KIN_GENDER)}) of (?:an?|the|one)\b"
)
_WHOSE_RELATIVE_RE: Final = re.compile(
    rf"whose (?:[\w\-]+ )?(?:{alternation(KIN_GENDER)}) (?:is|was|works|worked)\b"
)
# Running a business of one's own: "who owns a catering company that feeds the
# crew", "teacher who runs a small guesthouse": a business the strike affects.
_OWN_BUSINESS_RE: Final = re.compile(
    r"\bwho (?:owns|runs) an? (?:[\w\-]+ ){0,3}(?:company|business|shop|restaurant|"
    r"guesthouse|cafe|café|store|bakery|firm|hotel|bar|stall)\b"
)
# A supplier or customer of the struck workplace ("a fisherman who sells inshore
# catches to the factory", "who owns a showroom and buys from the factory"): one of
# the public the strike reaches, whatever their own trade.
_TRADING_STEMS: Final = ("sell", "sold", "suppl", "deliver", "buy", "bought")
_TRADES_WITH_WORKPLACE_RE: Final = re.compile(
    r"\b(?:(?:sells?|sold|selling|supplies|supplied|supplying|delivers?|delivered|buys?|bought"
    r"|buying)\b(?: [\w\-]+){0,4}? (?:to|from)|supplies|supplied|supplying)"
    r" (?:the|its|their|his|her) "
    rf"(?:[\w\-]+ )?(?:{alternation(WORKPLACE_NOUNS | FACILITY_WORDS | {'company', 'firm', 'estate'})})\b"
)
# An officer of the labour administration ("the provincial director of labour",
# "labour officer", "Labor Commissioner"): government, wherever posted; not a
# company's "director of labour relations" or a union's "labour council".
_LABOUR_ADMINISTRATION_RE: Final = re.compile(
    r"\b(?:director|officer|commissioner|inspector|secretary|department|directorate|office)"
    r"(?: general)? of labou?r\b(?! relations| union| council| federation| party| studies| law| organi)"
    r"|\blabou?r (?:officer|director|commissioner|department|directorate|inspector|inspectorate"
    r"|office|ministry|minister)\b"
)
# A body the workers form, named for them ("the drivers' committee", "the workers'
# council", "the porters' association"): its officers speak for the strikers.
_WORKERS_BODY_RE: Final = re.compile(
    r"\b([a-z\-]+)(?:s'|s’) (?:strike |action )?(?:committee|council|assembly|association|"
    r"delegation|representatives)\b"
)
# A seat held for voters ("who represents the district in the National Assembly"):
# a legislator, whatever else the description says.
_REPRESENTS_VOTERS_RE: Final = re.compile(
    r"\brepresents? (?:the |a |[\w\-]+ )?(?:[\w\-]+ ){0,3}in (?:the )?(?:national |state |"
    r"provincial |regional )?(?:assembly|parliament|congress|senate|legislature|house of)\b"
)
# A description that opens with a legislator's seat ("The Member of Parliament
# for Tema East", "Knesset member"): whatever they did at the picket line, they
# speak as a politician.
_LEGISLATOR_STEMS: Final = (
    "member",
    "mp",
    "mla",
    "mna",
    "lawmaker",
    "legislator",
    "senator",
    "congress",
)
_LEGISLATOR_FIRST_RE: Final = re.compile(
    r"^(?:the |an? )?(?:[a-z\-]+ )?(?:member of (?:parliament|the [a-z ]{0,30}assembly|congress)"
    r"|(?:knesset|parliament|assembly|congress) member|mp|mpa|mla|mna|lawmaker|legislator"
    r"|senator|congressman|congresswoman)\b"
)
# A spokesperson for a portfolio, written in lowercase as an office: "Greens
# health spokeswoman", "Opposition corrective services spokesman".
_PORTFOLIO_SPOKES_RE: Final = re.compile(
    rf"\b(?:{alternation(PORTFOLIOS)}) spokes(?:man|woman|person)\b"
)
_FORMER_SPAN_RE: Final = re.compile(r"\b[Ff]ormer(?:\s+[^\s,;]+){1,3}")
_FORMER_RE: Final = re.compile(r"\b(?:former|retired|ex-)\s*(?:[a-z\-]+\s+){0,3}$")
_ELECTED_RE: Final = re.compile(
    r"\b(?:mayor|councillor|councilor|council member|city manager|reeve)\b"
)
# The offices of a public employer ("Mayor" in a city workers' strike, the
# council's leader and councillors in a council workers' strike).
_EMPLOYER_OFFICE_STEMS: Final = (
    "mayor",
    "city",
    "human resources",
    "hr director",
    "reeve",
    "council",
    "cllr",
)
_EMPLOYER_OFFICE_RE: Final = re.compile(
    r"\b(?:mayor|city manager|city administrator|human resources|hr director|reeve|"
    r"council leader|leader of the council|councillor|councilor|cllr)\b"
)
# An office-holder whose public body owns, runs or pays for the employer
# ("whose administration owns MPK", "whose ministry oversees the state-owned
# company", "whose ministry funds the centres"): the employer, not a bystander;
# not one whose body oversees a field ("whose ministry oversees tourism").
_PUBLIC_OWNER_RE: Final = re.compile(
    rf"\bwhose (?i:(?:{alternation(PUBLIC_OWNER_BODIES)}) (?:also )?(?:{alternation(OWNER_VERBS)}))"
    r" (?:(?i:the|its|their|an?) |[A-Z0-9])",
)
# An office in a part of a union: "president of the Halifax unit", "the
# branch's vice president", "secretary general of the federation's maritime branch".
_SUBDIVISION: Final = alternation(UNION_SUBDIVISIONS)
_SUBDIVISION_OFFICE: Final = (
    rf"(?:vice[- ])?(?:{alternation(UNION_SUBDIVISION_OFFICES)})(?: general)?"
)
_SUBDIVISION_STEMS: Final = tuple(sorted(UNION_SUBDIVISIONS))
_UNION_SUBDIVISION_OFFICE_RE: Final = re.compile(
    rf"\b{_SUBDIVISION_OFFICE} of (?:the|its|their) (?:[\w’'\-]+ ){{0,3}}(?:{_SUBDIVISION})\b"
    r"(?! (?:manager|office|of the company))"
    rf"|\b(?:{_SUBDIVISION})['’]s {_SUBDIVISION_OFFICE}\b"
    rf"|\b{_SUBDIVISION_OFFICE} of (?:the )?(?:union|federation|confederation)['’]s "
    rf"(?:[\w\-]+ ){{0,2}}(?:{_SUBDIVISION})\b"
)
# "the company's chief negotiator": an office of the employer named by its head
# noun, not a place of it ("outside the chain's headquarters").
_COMPANY_POSSESSIVE_RE: Final = re.compile(
    rf"\b(?:{alternation(COMPANY_HEADS | {'management'})})(?:'s|’s|s'|s’)\s"
    rf"(?:[\w\-]+\s){{0,3}}?(?:{alternation(AGENT_WORDS | SPOKES_NOUNS)})\b"
)
# "whose city has no role in the talks", "is not a party to the dispute".
_NO_PART_RE: Final = re.compile(
    r"\b(?:no (?:role|part|say|stake)|not (?:a )?part(?:y)?|does not (?:run|fund|employ)|"
    r"doesn't (?:run|fund|employ))\b"
)
# A body named for employing the state's staff, or an office of it: "Ministry of
# Public Administration", "Treasury Board president"; not a shadow or
# opposition office over that field, nor a ministry that is also the labour
# administration ("Ministry of Public Service, Labour and Social Welfare"), which
# mediates.
_PUBLIC_STAFF_EMPLOYER_RE: Final = re.compile(rf"\b(?:{alternation(PUBLIC_STAFF_EMPLOYERS)})\b")
_OPPOSITION_RE: Final = re.compile(r"\b(?:shadow|opposition)\b")
_NOT_THE_STAFFS_EMPLOYER_RE: Final = re.compile(r"\b(?:shadow|opposition|critic|labou?r)\b")
# "the local's president": the union local, named by the word alone.
_THE_LOCAL_RE: Final = re.compile(r"\bthe local(?:'s|’s)\s")
# A minister or ministry over a public service ("Health Minister", "Minister of
# State for Health", "Education Ministry"): the employer when that service's
# workers strike for the state (PORTFOLIO_TRADES).
_PORTFOLIO_RE: Final = re.compile(
    rf"\b(?:{alternation(PORTFOLIO_TRADES)})\b[^,;]{{0,20}}\b(?:minister|ministry|secretary|department)\b"
    rf"|\b(?:minister|ministry|secretary|department)\b[^,;]{{0,25}}\b(?:for|of)\s+(?:{alternation(PORTFOLIO_TRADES)})\b"
)
_CAPS_RUN_RE: Final = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*|of|and|&))*"
)
# A word every union name has one of (the test before reading capitalised names).
_UNION_NAME_WORDS: Final = UNION_WORDS | {a.lower() for a in UNION_ACRONYMS} | {"association"}
_COMMUNITY_GROUP_RE: Final = re.compile(r"\bcommunity (?:organi[sz]er|group)")
# The first words of party names (the quick test before _PARTY_RE).
_PARTY_FIRST_WORDS: Final = frozenset(p.split()[0].lower() for p in POLITICAL_PARTIES)
_MANAGEMENT_TITLE_RE: Final = re.compile(
    r"\bchief\s+(?:[a-z]+\s+){0,2}officer\b|\bchief of\b|\bhead of\b"
)
# A parent ("whose two children attend Fruitvale Elementary").
_PARENT_RE: Final = re.compile(
    rf"\b(?:whose|her|his|their)\s+(?:\w+\s+)?(?:{alternation(CHILD_WORDS)})\b"
)
# A member of the public, described by a home town or a clause about their own
# life rather than a role: "Gloria Jenkins, of St. Paul", "said Dennis Kaur,
# who was flying to Chicago".
_PRIVATE_PERSON_RE: Final = re.compile(r"(?:^|…\s*,\s+)(?:\d{1,3},\s+)?(?:of|from|who|whose)\s+\w")
# "justice" as an office, not a cause ("social justice", "justice for Luis").
_CAUSE_JUSTICE_RE: Final = re.compile(
    r"\b(?:social|racial|economic|climate|environmental|reproductive|criminal|restorative)\s+justice\b"
    r"|\bjustice\s+(?:for|system|reform|movement)\b"
)
# How many years, in words, as a description counts them.
_COUNT_IN_WORDS: Final = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|\w+teen|twenty|thirty"
    r"|forty"
)
# Working at the workplace for a while: "has cleaned rooms here for 17 years".
_TENURE_RE: Final = re.compile(
    rf"\b(?:{alternation(TENURE_VERBS)})\b[^.;\x1f]{{0,60}}?"
    rf"\b(?:here|there|for \d+ (?:years|months)|for (?:{_COUNT_IN_WORDS}) years|since \d{{4}}"
    r"|\w+ years ago)\b"
)
# A clause of work done for a while, whatever the work's verb: "who has welded
# hulls at the yard for 14 years", "who has refereed in the league for six
# seasons"; a clause of one's own life ("who has lived here for 14 years") is no job.
_HAS_DONE_FOR_YEARS_RE: Final = re.compile(
    r"\bwho (?:has|have|had) ([a-z]+)\b[^.;\x1f]{0,60}?"
    rf"\bfor (?:\d+|{_COUNT_IN_WORDS}) (?:years|months|seasons)\b"
)
# A job held for a while, with no verb: "a teller at a branch in Haifa for 14
# years", "tester for three years" (a "who" clause has a verb, read above).
_SPANS: Final = (" years", " months")
_YEARS_IN_THE_JOB_RE: Final = re.compile(
    rf"^(?!who\b)(?:an? )?[\w’'\-]+(?: [\w’'\-]+){{0,6}}? for (?:\d+|{_COUNT_IN_WORDS})"
    r" (?:years|months)\b"
)
# Working in a part of the workplace: "who works in the cloakroom", "who worked on
# the night shift".
_WORKS_IN_RE: Final = re.compile(r"\bwho (?:works|worked|has worked|had worked) (?:in|at|on) the\b")
_LABOR_SPEECH_RE: Final = re.compile(
    r"\b(?:our|my) (?:union|members|local|picket line|strike|brothers and sisters)\b|"
    r"\bwe(?:'re|’re| are) (?:on strike|striking|out here)\b|\bon the picket line\b",
    re.I,
)
_EMPLOYER_SPEECH_RE: Final = re.compile(
    r"\bour (?:employees|associates|team members|workforce|company|offer|customers|guests|"
    r"shareholders|patients and staff)\b",
    re.I,
)


# -- descriptions ------------------------------------------------------------------
def _affiliated(found: list[tuple[str, int]] | None, words: list[str]) -> bool:
    """A word found that is not the object of a preposition ("president of the
    union" but not "talks with the union")."""
    return _any_not_object_of(found or (), words, OBJECT_PREPOSITIONS)


def _kin_or_parent(found: list[tuple[str, int]]) -> bool:
    return any(w in KIN_WORDS or w in ("parent", "parents") for w, _ in found)


def _subject_words(found: list[tuple[str, int]], words: list[str]) -> bool:
    """A word found that is not the object of a speech verb or a preposition
    ("told analysts", "a note to analysts")."""
    return _any_not_object_of(found, words, _OBJECT_LEADS)


_OBJECT_LEADS: Final = OBJECT_PREPOSITIONS | OBJECT_LEAD_WORDS


def _any_not_object_of(found: Sequence[tuple[str, int]], words: list[str], leads) -> bool:
    """Whether a word found (at its index in ``words``) is not the object of one of
    ``leads``, a determiner or none between them."""
    for _, i in found:
        k = i - 1
        if k >= 0 and words[k] in OBJECT_DETERMINERS:
            k -= 1
        if k < 0 or words[k] not in leads:
            return True
    return False


def _first(tags: dict, name: str) -> tuple[str, int] | None:
    found = tags.get(name)
    return found[0] if found else None


def classify_description(text: str, dispute: Dispute | None = None) -> str | None:
    """The side a description of a person places them on, or None.

    "director of research at the union" -> labor; "a nurse at Gosford
    Private" (the employer) -> labor; "Kaiser spokesperson" -> employer;
    "Los Angeles Mayor" -> government; "labor professor at the University of
    California" -> expert; "parent at Fruitvale Elementary" -> community.
    """
    found = _classify(text, dispute or Dispute())
    return found[0] if found else None


def _classify(text: str, d: Dispute, public: bool | None = False) -> tuple[str, bool] | None:
    """(side, strong) for a description: weak evidence (a relative of someone,
    a worker of another trade than the strikers') decides only when nothing
    strong does. ``public``: the reporter introduces the speaker among the
    public (``_among_the_public``), where a worker of another trade is one of them;
    None: not yet known, when ``PUBLIC_MATTERS`` says that it decides. Read once
    for each description and setting of the article (kept on the dispute, which
    alone it depends on besides them)."""
    key = (text, public)
    readings = d.readings
    if key in readings:
        return readings[key]
    unknown = (text, None)
    if public is not None and unknown in readings:
        found = readings[unknown]
        if found is None or found[0] != PUBLIC_MATTERS[0]:
            return found  # a reading that did not ask
    found = _read_description(text, d, public)
    readings[key] = found
    return found


# What ``_classify`` gives, when not told whether the speaker is among the public,
# for a description whose side that decides.
PUBLIC_MATTERS: Final = ("public?", False)


def _tagged(low: str, d: Dispute) -> tuple[Words, dict[str, list[tuple[str, int]]]]:
    """The words of a lowercased description and the lexicon's lists they are
    in, read once for the article (kept on the dispute; not to be changed: a
    reader that edits the lists edits a copy)."""
    found = d.tagged.get(low)
    if found is None:
        words = Words(low)
        found = (words, _TAGGER.tag(words.words))
        d.tagged[low] = found
    return found


def _read_description(text: str, d: Dispute, public: bool | None) -> tuple[str, bool] | None:
    low = " ".join(text.lower().replace("\x1f", " ").split())
    if not low:
        return None
    words, tagged = _tagged(low, d)
    present = words.first_at
    tags = dict(tagged)
    if not CLERGY_WORDS.isdisjoint(present) and "union" not in present:
        return "community", True  # "a parish priest in the neighbourhood where strikers live"
    if "expert" in tags and not _subject_words(tags["expert"], words.words):
        del tags["expert"]  # "told analysts on a conference call": whom they spoke to
    if "worker" in tags and not _subject_words(tags["worker"], words.words):
        del tags["worker"]  # "carrying coffee for the educators": whom they helped
    if "management" in tags:
        tags["management"] = [
            (w, i)
            for w, i in tags["management"]
            if not (
                w in RANK_WORDS
                and i + 1 < len(words.words)
                and (words.words[i + 1] in WORKER_WORDS or words.words[i + 1] in TRADE_SYNONYMS)
            )
        ]  # "principal oboist", "senior nurse": a rank in a trade
        if not tags["management"]:
            del tags["management"]
    if "agent" in tags:
        tags["agent"] = [
            (w, i) for w, i in tags["agent"] if not _leads_a_work_group(i, words.words)
        ]
        if not tags["agent"]:
            del tags["agent"]  # "team leader": one of the workers
    labor = tags.get("labor")
    if labor and all(w in PICKET_PLACE_WORDS for w, _ in labor):
        # "a father of two who stood at the picket line with coffee", "the local
        # MP, who joined the picket line": a supporter, not a striker
        if tags.get("community") and (not tags.get("worker") or _kin_or_parent(tags["community"])):
            del tags["labor"]
        elif (tags.get("government") or tags.get("expert")) and not tags.get("worker"):
            del tags["labor"]
    if "fellow" in present and not tags.get("expert") and not tags.get("community"):
        i = present["fellow"]
        if (
            i + 1 < len(words.words)
            and words.words[i - 1 : i] in (["a"], ["another"], ["his"], ["her"], ["their"])
            and "expert_body" not in tags
        ):
            return "labor", True  # "a fellow agent", "a fellow striker": a co-worker
    if not _PARTY_FIRST_WORDS.isdisjoint(present) and _PARTY_RE.search(text):
        return "government", True  # "Québec solidaire MNA", "Labour MP": a party politician
    if (holds_any(low, _LEGISLATOR_STEMS) and _LEGISLATOR_FIRST_RE.match(low)) or (
        "represent" in low and _REPRESENTS_VOTERS_RE.search(low)
    ):
        return "government", True
    if "spokes" in tags and _PORTFOLIO_SPOKES_RE.search(text):
        return "government", True  # "Greens health spokeswoman": a politician's portfolio
    if "union" not in present and "striking" not in present:
        if (" of " in low and _RELATIVE_OF_START_RE.match(low)) or (
            "whose " in low and _search_at_word(_WHOSE_RELATIVE_RE, low)
        ):
            return "community", True
        if holds_any(low, _TRADING_STEMS) and _TRADES_WITH_WORKPLACE_RE.search(low):
            return "community", True
        if "labo" in low and "company" not in present and _LABOUR_ADMINISTRATION_RE.search(low):
            return "government", True
    if (
        ("who owns" in low or "who runs" in low)
        and _OWN_BUSINESS_RE.search(low)
        and "union" not in present
        and not d.named_in("employer", words)
    ):
        return "community", True
    if "former" in present and tags.get("labor"):
        # "former union organizer who now advises companies": no longer labour
        formers = [i for i, w in enumerate(words.words) if w == "former"]
        tags["labor"] = [
            (w, i) for w, i in tags["labor"] if not any(0 < i - j <= 3 for j in formers)
        ]
        if not tags["labor"]:
            del tags["labor"]
    if len(words.words) == 1 and "government" in tags and words.words[0].upper() in UNION_ACRONYMS:
        return "government", True  # a bare title, "MNA": the office, not a union's acronym
    # the union a "former" office was held at is no affiliation now: "former
    # IATSE business agent who now runs a production consultancy"
    text_u, words_u = (
        (t := _FORMER_SPAN_RE.sub(" ", text), Words(t.lower()))
        if "former" in present
        else (text, words)
    )
    if (
        _affiliated(tags.get("labor"), words.words)
        or (
            ("local" in present or "represents" in present or "representing" in present)
            and _LOCAL_RE.search(low)
        )
        or ("local" in low and _THE_LOCAL_RE.search(low))
        or _affiliated(d.named_in("unions", words_u), words_u.words)
        or _union_head(words_u, d)
        or _workers_body(low, d)
        or (not _UNION_NAME_WORDS.isdisjoint(words_u.first_at) and _names_a_union(text_u))
    ):
        if "community" not in present or not _COMMUNITY_GROUP_RE.search(low):
            return "labor", True
    management = _first(tags, "management") or (
        ("chief" in present or "head" in present) and _MANAGEMENT_TITLE_RE.search(low)
    )
    if management and _FORMER_RE.search(low[: low.find(_first_word(management))]):
        return "expert", True  # "a former airline executive" commenting
    tenure = bool(
        not TENURE_VERBS.isdisjoint(present)
        and (_TENURE_RE.search(low) or _WORKS_IN_RE.search(low))
        or (" for " in low and holds_any(low, _SPANS) and _YEARS_IN_THE_JOB_RE.search(low))
    )
    if not tenure and "who" in present:
        done = _HAS_DONE_FOR_YEARS_RE.search(low)
        tenure = done is not None and done.group(1) not in PRIVATE_LIFE_PARTICIPLES
    worker = tags.get("worker")
    community = tags.get("community")
    at_employer = [
        hit
        for hit in d.named_in("employer", words)
        if not _inside_another_name(hit[1], words.words)
    ]
    if holds_any(low, _SUBDIVISION_STEMS) and _UNION_SUBDIVISION_OFFICE_RE.search(low):
        return "labor", True  # an officer of the union's branch, not of the firm
    if _affiliated(at_employer, words.words):
        if management and _owns_its_product(tags, at_employer):
            return "community", True  # "Volta owner Anders Holm": a customer
        if management or "agent" in tags or (_ELECTED_RE.search(low) and d.public_employer):
            return "employer", True
        if _ELECTED_RE.search(low) and "government" in tags:
            return "government", True  # "Cebu City Mayor": the town, not the company named for it
        if worker or tenure or _occupation(tags, d):
            return "labor", True
        if community:
            return "community", True
        return "employer", True
    if (
        ("agent" in tags or "spokes" in tags)
        and ("'" in low or "’" in low)
        and _COMPANY_POSSESSIVE_RE.search(low)
    ):
        return "employer", True  # "the company's chief negotiator"
    if (
        "agent" in tags
        and not (
            "expert_body" in tags or "government" in tags or "worker" in tags or "trade" in tags
        )
        and _heads_the_workplace(low, d)
    ):
        return "employer", True  # "the factory's deputy general director"
    if (
        holds_any(low, _EMPLOYER_OFFICE_STEMS)
        and d.public_employer
        and _EMPLOYER_OFFICE_RE.search(low)
        and not _NO_PART_RE.search(low)
        and not _public_service_body_employs(d)
    ):
        return "employer", True  # the mayor in a city workers' strike
    if (
        "government" in tags
        and (_runs_the_service(low, d) or _heads_the_employer(low, d))
        and not _OPPOSITION_RE.search(low)
    ):
        # the health minister in a public hospitals' strike; not the shadow
        # minister, who runs nothing
        return "employer", True
    if (
        d.about_a_dispute
        and "government" in tags
        and _PUBLIC_STAFF_EMPLOYER_RE.search(low)
        and not _NOT_THE_STAFFS_EMPLOYER_RE.search(low)
    ):
        return "employer", True  # the minister of public administration in a civil servants' strike
    if (
        community
        and worker
        and 0 < worker[-1][1] - community[-1][1] <= 2
        and f"{community[-1][0]}," not in low
        and community[-1][0] not in RETIRED_WORDS
    ):
        community = (
            None  # "guest room attendant": the compound's last noun, a worker, is what they are
        )
    community_word = community[0][0] if community else None
    if not community_word and not CHILD_WORDS.isdisjoint(present) and _PARENT_RE.search(low):
        community_word = "parent"
    if community_word and community_word.endswith(" owner"):
        return "community", True
    government = "government" in tags and not (
        "justice" in present and _CAUSE_JUSTICE_RE.search(low)
    )
    if (
        "expert_body" in tags
        and (management or "expert" in tags)
        or ("expert" in tags and management)
    ):
        # "analyst, managing director at AeroDynamic Advisory", "public health
        # professor at the University of Edinburgh": the scholar's work, not an office
        return "expert", True
    if "employer_body" in tags and not ASSOCIATION_HEADS.isdisjoint(present):
        return "employer", True  # "president of the French oil industry association"
    if management and _owner_of_something_else(tags, low):
        return "community", True  # "owner Lisa Tran" of the diner down the road
    if management or "spokes" in tags:
        if government and not management:
            return "government", True  # "a police spokesperson", "a spokesman for the ministry"
        if "expert_body" in tags and not management:
            return "expert", True
        return "employer", True
    if (
        worker
        and (government or "expert_body" in tags)
        and "expert" not in tags
        and _works_at_a_body(worker, tags, words.words)
        and (not d.occupations or not _another_trade(worker, d))
    ):
        # "clerk at the Cluj Court of Appeal", "cleaner at the College of
        # Engineering": a worker whose workplace is a public or learned body,
        # of the strikers' trade when it is known (not "an inspector at the
        # labour inspectorate" in a cleaners' strike)
        return "labor", True
    if government:
        return "government", True
    if "expert" in tags:
        return "expert", True
    if (
        _occupation(tags, d)
        or (d.about_a_dispute and tenure and not community_word)
        or _named_trade(words.words, d)
    ):
        return "labor", True
    if community_word:
        return "community", community_word not in KIN_WORDS
    if "expert_body" in tags:
        return "expert", True
    if worker:
        if _at_the_workplace(low, d):
            return "labor", True  # "a crane operator with 19 years at the plant"
        if _drives_for_the_public(low, d):
            return "community", True  # "a lorry driver who had waited since Sunday"
        if public is not False and d.occupations and _another_trade(worker, d):
            if public is None:
                return PUBLIC_MATTERS
            # "Shoppers were mostly sympathetic. ..., said Ketevan Lomidze, a
            # pharmacist": a worker of another trade among the public, unless
            # another description ties them to the strike ("has worked for the
            # chain for 31 years")
            return "community", False
        # a worker of some kind; of another trade than the strikers' only weakly
        return "labor", not d.occupations
    if "delegate" in present and _at_the_workplace(low, d):
        return "labor", True  # "the union's delegate at the plant": the shop delegate
    job = _job_clause(low, d)
    if job is not None:
        return job
    if low.isdigit() and d.about_a_dispute:
        # "Fatiha Ouali, 61, said": an age and nothing else, as copy gives the
        # public; a striker or an official is given a trade or a title
        return "community", False
    if _PRIVATE_PERSON_RE.match(low) or ("…" in low and _PRIVATE_PERSON_RE.search(low)):
        return "community", True
    return None


# An office of a workplace: "the factory's deputy general director", "director
# of the Sofia emergency medical centre".
_WORKPLACE_OFFICE_RE: Final = re.compile(
    r"\b(?:the )?([a-z]+)(?:'s|’s) (?:[a-z\-]+ ){0,3}\w+$"
    r"|\bof (?:the|its) (?:[\w\-]+ ){0,4}?([a-z]+)$"
)


def _heads_the_workplace(low: str, d: Dispute) -> bool:
    """An office (director, manager) of the kind of workplace the strike's
    sentences name: the management of the strikers' workplace."""
    m = _WORKPLACE_OFFICE_RE.search(low)
    if not m:
        return False
    place = m.group(1) or m.group(2)
    return (place in WORKPLACE_NOUNS or place in FACILITY_WORDS) and d.works_at(place)


_AT_THE_RE: Final = re.compile(r"\b(?:at|in) the ([a-z]+)\b")


def _at_the_workplace(low: str, d: Dispute) -> bool:
    """ "at the plant", "in the warehouse": the kind of workplace the strike's
    sentences name, with "the" — the strikers' own."""
    return any(
        (w in WORKPLACE_NOUNS or w in FACILITY_WORDS) and d.works_at(w)
        for w in _AT_THE_RE.findall(low)
    )


# A clause that says what someone does, in the present: "who irons finished
# jackets", "23, who works at a store in the Saburtalo district".
_JOB_CLAUSE_RE: Final = re.compile(
    r"(?:^|…\s*,\s+)(?:\d{1,3},\s+)?who (?:still )?([a-z]+s)\b(?: (?:at|in|on|for) (?:an? |the )?"
    r"([\w\-]+(?: [a-z]+)?))?"
)


def _job_clause(low: str, d: Dispute) -> tuple[str, bool] | None:
    """In a strike story, a person described only by the work they do ("who
    prepares orders for hospitals", "who cuts wings on the evisceration line")
    is one of the workers; one who works at some other place ("who works at a
    bank on the square") or whose clause is about their own life ("who runs a
    grocery", "who lives near the mine") is not decided here."""
    if not d.about_a_dispute or "who" not in low:
        return None
    m = _JOB_CLAUSE_RE.search(low)
    if (
        not m
        or m.group(1) in PRIVATE_LIFE_VERBS
        or m.group(1) in FINITE_WORDS
        or m.group(1).endswith("ss")
    ):
        return None
    if m.group(1) in TENURE_VERBS:
        # "who works at a store": one of the strikers where they work
        for place in (m.group(2) or "").split():
            if (place in WORKPLACE_NOUNS or place in FACILITY_WORDS) and d.works_at(place):
                return "labor", True
        return None
    return "labor", True


_VEHICLE_DRIVER_RE: Final = re.compile(rf"\b(?:{alternation(VEHICLE_WORDS)}) driver\b")


def _drives_for_the_public(low: str, d: Dispute) -> bool:
    """A driver of a vehicle ("taxi driver", "truck driver hauling garments")
    in copy whose reporter never speaks of drivers: the strikers are of another
    trade, and the driver one of the public the action holds up."""
    return _VEHICLE_DRIVER_RE.search(low) is not None and not d.speaks_of("drivers")


def _works_at_a_body(worker: list[tuple[str, int]], tags: dict, words: list[str]) -> bool:
    """A trade word, then "at" or "in" and, within a few words, a government or
    learned body's word: the body is where the worker works."""
    bodies = [i for name in ("government", "expert_body") for _, i in tags.get(name, ())]
    for w, i in worker:
        if w.split()[-1] in GENERIC_WORKER_WORDS:
            continue
        k = i + len(w.split())
        if k < len(words) and words[k] in ("at", "in") and any(k < j <= k + 6 for j in bodies):
            return True
    return False


def _leads_a_work_group(i: int, words: list[str]) -> bool:
    """ "team leader", "shift manager": the office of word ``i`` is over a
    group of workers, among whom it works."""
    return i > 0 and words[i - 1] in WORK_GROUP_NOUNS


def _public_service_body_employs(d: Dispute) -> bool:
    """A school district, board, trust or university employs the strikers, not
    a city, county or council: the mayor is not their employer."""
    for name in d.employers:
        words = set(name.lower().split())
        if not PUBLIC_SERVICE_BODY_WORDS.isdisjoint(words) and PUBLIC_EMPLOYER_WORDS.isdisjoint(
            words
        ):
            return True
    return False


def _runs_the_service(low: str, d: Dispute) -> bool:
    """A minister or ministry over the service the strikers work in, when no
    company and no other public body (a school board, a council) employs them
    ("NSW Health Minister" in a public hospitals' strike)."""
    if not d.occupations or d.private_employer or d.public_body_employs:
        return False
    m = _PORTFOLIO_RE.search(low)
    if not m:
        return False
    portfolio = next(p for p in PORTFOLIO_TRADES if p in m.group())
    return not d.occupations.isdisjoint(PORTFOLIO_TRADES[portfolio])


# "Justice Minister", "Minister of Justice", "minister for health": the portfolio.
_PORTFOLIO_OF_RE: Final = re.compile(
    r"\b(?:([a-z]+) (?:minister|secretary|commissioner)|(?:minister|secretary|commissioner)"
    r" (?:of|for) (?:the )?([a-z]+))\b"
)


def _heads_the_employer(low: str, d: Dispute) -> bool:
    """A minister whose ministry or public service employs the strikers ("Justice
    Minister" when the "Ministry of Justice" pays the court clerks)."""
    m = _PORTFOLIO_OF_RE.search(low) if d.employers else None
    if not m:
        return False
    field = m.group(1) or m.group(2)
    return any(
        field in name.lower().split() and government_name(name.lower()) for name in d.employers
    )


def _inside_another_name(i: int, words: list[str]) -> bool:
    """The employer's name as the end of a research body's ("the University of
    Edinburgh" when the employer is read as "Edinburgh")."""
    return i >= 2 and words[i - 1] == "of" and words[i - 2] in EXPERT_BODY_WORDS


def _owns_its_product(tags: dict, at_employer: list[tuple[str, int]]) -> bool:
    """ "a Volta owner": the employer's name right before "owner" is the make
    of something the person owns."""
    owners = [(w, i) for w, i in tags.get("management", ())]
    if not owners or any(w not in OWNER_WORDS for w, _ in owners):
        return False
    return any(i == j + len(name.split()) for name, j in at_employer for _, i in owners)


def _owner_of_something_else(tags: dict, low: str) -> bool:
    """An owner, and no other management word, of a business the description
    does not tie to the employer (checked before: "the company's owner" is)."""
    words = {w for w, _ in tags.get("management", ())}
    return bool(words) and words <= OWNER_WORDS and not _FIRM_RE.search(low)


_FIRM_RE: Final = re.compile(r"\b(?:company|company's|firm|firm's|group|chain|employer)\b")


def _first_word(match) -> str:
    return match[0] if isinstance(match, tuple) else match.group()


def _names_a_union(text: str) -> bool:
    """A capitalised name in the text that is a union's ("Cedar Valley Education
    Association President")."""
    return any(is_union_name(m.group().split()) for m in _CAPS_RUN_RE.finditer(text))


def _union_head(words: Words, d: Dispute) -> bool:
    """The union named by its head noun: "association president" when the
    dispute's union is the "... Nurses Association"."""
    for head in d.union_heads:
        i = words.first_at.get(head)
        if (
            i is not None
            and (
                i + 1 >= len(words.words)
                or (words.words[i + 1] != "of" and words.words[i + 1] not in GOVERNMENT_WORDS)
            )
            and (i == 0 or words.words[i - 1] not in EMPLOYER_BODY_WORDS)
        ):
            # not "the Ohio Hospital Association": the employers' one; nor
            # "Transport Minister" when the union is the "Federation of Transport"
            return True
    return False


# The body that runs a strike ("head of the strike committee", "a member of the
# action committee"): the strikers' own, whoever else the speaker is.
_STRIKE_COMMITTEE_RE: Final = re.compile(r"\b(?:strike|action|picket) (?:committee|council)\b")


def _workers_body(low: str, d: Dispute) -> bool:
    """The description names a body of workers ("head of the drivers' committee",
    "the workers' council", "the strike committee"), not of employers, owners or
    parents."""
    if "committee" in low and _STRIKE_COMMITTEE_RE.search(low):
        return True
    if "’ " not in low and "' " not in low:
        return False
    return any(
        m.group(1) in ("striker", "member")
        or m.group(1) in d.occupations
        or m.group(1) in WORKER_WORDS
        for m in _WORKERS_BODY_RE.finditer(low)
    )


def _named_trade(words: list[str], d: Dispute) -> bool:
    """A trade the strike's sentences name (by a phrase, "delivery riders", or
    as the strikers, "refuse collectors ... stopped work") used of the speaker
    ("a rider", "Agent", "a collector for 12 years")."""
    trades = d.occupations
    if not trades:
        return False
    hits = [(w, i) for i, w in enumerate(words) if w in trades or w[:-1] in trades]
    return bool(hits) and _subject_words(hits, words)  # not "coffee for the educators"


def _another_trade(worker: list[tuple[str, int]], d: Dispute) -> bool:
    """Every worker's word of a description names a trade, none of them the
    strikers' ("pharmacist" in a shop assistants' strike); not a word for any
    worker ("employee", "colleague")."""
    for w, _ in worker:
        w = w.split()[-1]
        if (
            w in NOT_TRADES
            or w in GENERIC_WORKER_WORDS
            or (w[:-1] if w.endswith("s") else w) in d.occupations
        ):
            return False
    return True


def _occupation(tags: dict[str, list[tuple[str, int]]], d: Dispute) -> bool:
    """The description names the striking workers' trade ("a nurse" in a nurses'
    strike, "a medical officer" in a doctors' strike)."""
    worker, other = tags.get("worker"), tags.get("trade")
    if not (worker or other) or not d.occupations:
        return False
    for w, _ in worker or ():
        w = w.split()[-1]
        if (w[:-1] if w.endswith("s") else w) in d.occupations:
            return True
    return any(TRADE_SYNONYMS[w] in d.occupations for w, _ in other or ())


def classify_organisation(
    e: Entity, dispute: Dispute, cast: Cast | None = None, *, speaking: bool = False
) -> tuple[str, str]:
    """(side, evidence) of an organisation (``speaking``: one quoted)."""
    name = e.canonical
    low = name.lower()
    words = Words(low)
    union = id(e) in dispute.union_ids or is_union(e)
    if id(e) in dispute.employer_ids or (
        not union
        and (
            dispute.names("employer").first(words)
            or any(n.lower().startswith(low + " ") for n in dispute.employers)
        )
    ):
        return "employer", f"organisation: {name}, the employer in this dispute"
    body = described_body(cast, e) if cast is not None else ""
    if union or body == "union":
        return "labor", f"organisation: {name}, a union or labour body"
    if body == "employers":
        return "employer", f"organisation: {name}, an employers' body"
    if body == "employer":
        return "employer", f"organisation: {name}, which runs the workplace"
    if _EMPLOYER_FEDERATIONS.first(words) is not None:
        return "employer", f"organisation: {name}, an employers' body"
    if (
        dispute.about_a_dispute
        and _PUBLIC_STAFF_EMPLOYER_RE.search(low)
        and not _NOT_THE_STAFFS_EMPLOYER_RE.search(low)
    ):
        return "employer", f"organisation: {name}, which employs the state's staff"
    headed = _headed_by_government(words.words)
    if (
        (headed or government_name(low))
        and _runs_the_service(low, dispute)
        and not any(has_org_word(tuple(n.split())) for n in dispute.employers)
    ):
        # "Ministry of Health" when public ambulance crews strike and no body
        # named as one (a hospital, a company) employs them: it pays them
        return "employer", f"organisation: {name}, over the strikers' public service"
    if headed:
        # "Ministry of Pharmaceutical Industry": a ministry, whatever its field
        return "government", f"organisation: {name}, a public body"
    if EMPLOYER_BODY_WORDS.intersection(words.words) and (
        has_org_word(e.tokens) or ASSOCIATION_HEADS.intersection(words.words)
    ):
        if ASSOCIATION_HEADS.intersection(words.words):
            return "employer", f"organisation: {name}, an employers' body"
        return "employer", f"organisation: {name}, an employer"
    if government_name(low):
        return "government", f"organisation: {name}, a public body"
    if (
        EXPERT_BODY.first(words)
        or _EXPERTS.first(words)
        or RESEARCH_FIRM_WORDS.intersection(words.words)
        or _analysts_of(e, cast)
    ):
        return "expert", f"organisation: {name}, a research or analysis body"
    read = classify_description(e.description, dispute) if e.description else None
    desc = read
    if desc == "labor" and not _named_like_a_person(e):
        desc = None  # "an airport operator": a business, whatever its trade word
    if desc:
        return desc, f"described as: {e.description}"
    if is_company(e.tokens) and not dispute.employers:
        return "employer", f"organisation: {name}, a company"
    if speaking and dispute.about_a_dispute and read is None and not _named_like_a_person(e):
        # In a strike story an organisation that speaks and is no union, public
        # or research body is, as a rule, the employer answering the strikers.
        return "employer", f"organisation: {name}, speaking for management in a dispute"
    return "community", f"organisation: {name}"


def _headed_by_government(words: list[str]) -> bool:
    """A name whose head, before "of" or "for", is a government body's
    ("Ministry of Pharmaceutical Industry", "Department for Business")."""
    return len(words) > 2 and words[1] in ("of", "for") and words[0] in MINISTRY_HEADS


def _named_like_a_person(e: Entity) -> bool:
    """ "Hasan Kaya" read as an organisation: two capitalised words, no word
    of an organisation's name, no acronym, not a place of work."""
    return (
        len(e.tokens) == 2
        and all(t[:1].isupper() and t[1:].islower() and t.isalpha() for t in e.tokens)
        and not has_org_word(e.tokens)
        and not e.acronym
        and not e.facility
    )


def _analysts_of(e: Entity, cast: Cast | None) -> bool:
    return cast is not None and analyst_firm(cast, e, cast.bases[-1] + len(cast.masked[-1]) + 1)


# -- speakers ----------------------------------------------------------------------
def speaker_sides(
    works: Iterable[Attribution], cast: Cast, dispute: Dispute, revise: Revise | None = None
) -> dict[int, tuple[str, tuple[str, ...]]]:
    """id(entity) -> (side, evidence) for every entity that speaks; ``revise``
    (``side_model.revise``, the learned model) may change what the rules say."""
    quotes: dict[int, list[Attribution]] = {}
    ents: dict[int, Entity] = {}
    for w in works:
        if w.status != "drop" and w.entity is not None:
            quotes.setdefault(id(w.entity), []).append(w)
            ents[id(w.entity)] = w.entity
    mentions: dict[int, list[Mention]] = {}
    for m in cast.mentions:
        if id(m.entity) in ents:
            mentions.setdefault(id(m.entity), []).append(m)
    out = {}
    bodies = _Bodies(cast, dispute)
    for key, e in ents.items():
        ms = mentions.get(key, [])
        found = _side_of(e, quotes[key], ms, cast, dispute, bodies)
        out[key] = revise(found, e, quotes[key], ms, cast, dispute) if revise else found
    return out


class _Bodies:
    """The article's organisations that are on a side (unions, employers and
    their bodies, public bodies, research bodies), by the names the article
    gives them; read when a person's description first needs them."""

    def __init__(self, cast: Cast, dispute: Dispute):
        self._cast = cast
        self.dispute = dispute
        self._named: list[tuple[str, str, str]] | None = None

    def named(self) -> list[tuple[str, str, str]]:
        """(name or acronym, side, canonical name), longest names first."""
        if self._named is None:
            named = []
            for e in self._cast.entities:
                if e.kind != "organization" or e.facility:
                    continue
                side, _ = classify_organisation(e, self.dispute, self._cast)
                if side in ("community", UNKNOWN) or (side != "labor" and e.tokens[-1].isdigit()):
                    continue  # "District 70", "Local 4": a union's numbered branch, if anything
                for form in {e.canonical, *e.forms, *e.aliases}:
                    if len(form) > 2:
                        named.append((form, side, e.canonical))
            self._named = sorted(named, key=lambda n: -len(n[0]))
        return self._named


_NAME_END_RE: Final = re.compile(r"(?:['’]s)?\b")


def _affiliation(desc: str, bodies: _Bodies) -> tuple[str, str] | None:
    """(side, organisation) when a description gives an office at one of the
    article's organisations ("Offshore Norge's director of negotiations",
    "DOLE Regional Director", "general secretary of Kristal-İş"): the office
    holder speaks for it."""
    tags = _tagged(" ".join(desc.lower().split()), bodies.dispute)[1]
    if not ("agent" in tags or "management" in tags or "spokes" in tags):
        return None
    for form, side, canonical in bodies.named():
        at = desc.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not word_char(desc[at - 1])) and (
                end == len(desc) or not word_char(desc[end])
            ):
                before = desc[:at].split()
                if not before or before[-1].lower() not in OBJECT_PREPOSITIONS:
                    return side, canonical
            at = desc.find(form, at + 1)
    return None


def _side_of(
    e: Entity,
    quotes: list[Attribution],
    mentions: list[Mention],
    cast: Cast,
    dispute: Dispute,
    bodies: _Bodies,
) -> tuple[str, tuple[str, ...]]:
    if e.kind == "organization":
        side, ev = classify_organisation(e, dispute, cast, speaking=True)
        return side, (ev,)
    weak: list[tuple[str, str]] = []
    unread: list[str] = []
    owner = _its_office(mentions, cast, bodies)
    if owner:
        return owner[0], (f"speaks for: {owner[1]}",)
    if not e.title and not e.description and _workplace(mentions, cast):
        # "workers at the Aceros del Nervion steel plant": a company read as a person
        return "employer", ("organisation: where the strikers work",)
    descs = list(chain(_descriptions(e, quotes, mentions), _contexts(mentions, cast)))
    for desc in descs:
        if "whose" in desc and _PUBLIC_OWNER_RE.search(desc):
            # "whose administration owns MPK", "whose ministry funds the centres"
            return "employer", (f"described as: {_shorten(desc)}",)
    # whether the speaker is among the public, read only for a description it decides
    public: bool | None = None
    for desc in descs:
        found = _classify(desc, dispute, public)
        if found is not None and found[0] == PUBLIC_MATTERS[0]:
            public = _among_the_public(mentions, cast)
            found = _classify(desc, dispute, public)
        if found and found[1]:
            return found[0], (f"described as: {_shorten(desc)}",)
        if found:
            weak.append((found[0], desc))
        else:
            unread.append(desc)
    for desc in unread:
        office = _affiliation(desc, bodies)
        if office:
            return office[0], (f"described as: {_shorten(desc)}", f"speaks for: {office[1]}")
    if weak:
        # a relative of someone before a worker of another trade
        side, desc = next((w for w in weak if w[0] == "community"), weak[0])
        return side, (f"described as: {_shorten(desc)}",)
    said = " ".join(w.text for w in quotes)
    m = _LABOR_SPEECH_RE.search(said)
    if m:
        return "labor", (f"own words: “{m.group()}”",)
    m = _EMPLOYER_SPEECH_RE.search(said)
    if m:
        return "employer", (f"own words: “{m.group()}”",)
    return UNKNOWN, ()


# "workers at the", "a strike against": what comes before a workplace's name.
_WORKPLACE_BEFORE_RE: Final = re.compile(
    rf"\b(?:{alternation(w for w in WORKER_WORDS | STRIKE_WORDS if ' ' not in w)})"
    r"\s+(?:at|against)\s+(?:the\s+)?$",
    re.I,
)


# "X's main plant", "X's three mills", "the X a.s. plant": a name owning a workplace.
_WORKPLACE_AFTER_RE: Final = re.compile(
    rf"(?:(?:'s|’s)\s+(?:[a-z]+\s+)?|\s+(?:[a-z]{{1,3}}\.(?:[a-z]{{1,3}}\.)*\s+)?)"
    rf"(?:{alternation(WORKPLACE_NOUNS)})\b"
)


# "and its president, Farid Hassan, warned": an office of the organisation named before.
_ITS_OFFICE_RE: Final = re.compile(
    rf"\b(?:its|their)\s+(?:[\w\-]+\s+){{0,2}}(?:{alternation(AGENT_WORDS | MANAGEMENT_WORDS)})"
    r"\s*,?\s*$",
    re.I,
)


def _its_office(mentions: list[Mention], cast: Cast, bodies: _Bodies) -> tuple[str, str] | None:
    """(side, organisation) for a person introduced as "its president" / "its
    chief executive" of the organisation the paragraph opens with ("X, which
    is owned by Y, said ... Its managing director, Name, said"), when that
    organisation is on a side."""
    for m in mentions:
        base = cast.bases[m.para]
        mp = cast.masked[m.para]
        before = mp[max(0, m.pos - base - 60) : m.pos - base]
        if not (may_hold(before, ("its", "their")) and _ITS_OFFICE_RE.search(before)):
            continue
        first = None  # the paragraph's first organisation: its subject, as a rule
        for prev in cast.mentions_before(m.pos):
            if prev.para != m.para:
                break
            if prev.entity.kind == "organization":
                first = prev.entity
        if first is not None:
            side = next((sd for _, sd, c in bodies.named() if c == first.canonical), None)
            return (side, first.canonical) if side else None
    return None


# The public, in the plural: "Residents of Plaine Verte said", "Shoppers were
# mostly sympathetic", "The protest angered some commuters".
_PUBLIC_NOUNS: Final = frozenset(w for w in COMMUNITY_WORDS if w.endswith("s") and " " not in w)


def _among_the_public(mentions: list[Mention], cast: Cast) -> bool:
    """Does the reporter, in the paragraph that introduces a speaker and
    before the name, speak of the public ("Parents lined up outside the
    centre ... Megan Sokolowski, a nurse at Health Sciences Centre, said") or
    set a scene away from the picket ("At the bus stop on the Navan Road, nurse
    Orla Brennan"; not "At the gate")?"""
    if not mentions:
        return False
    m = mentions[0]
    before = cast.masked[m.para][: m.pos - cast.bases[m.para]]
    if _SCENE_RE.match(before) and "," in before:
        scene = words_of(before[: before.index(",")])
        return not any(w in PICKET_PLACE_WORDS or w == "gate" for w in scene)
    return not _PUBLIC_NOUNS.isdisjoint(words_of(before))


# A paragraph that opens on a scene: "At the Hobujaama stop, ...", "At a service
# station in Rouen where three of eight pumps were dry, ...".
_SCENE_RE: Final = re.compile(r"\s*At (?:the|a|an) ")


def _ends_at_or_against(before: str) -> bool:
    """Can ``before`` end as _WORKPLACE_BEFORE_RE needs ("... at ", "... against
    the ")? Under IGNORECASE "i" and "s" also match "ı", "İ" and "ſ", which
    lowercase to other letters: text with them always needs the pattern."""
    tail = before.rstrip()[-7:].lower()
    return (
        tail.endswith("at")
        or tail.endswith("the")
        or tail.endswith("against")
        or "ı" in before
        or "İ" in before
        or "ſ" in before
    )


def _workplace(mentions: list[Mention], cast: Cast) -> bool:
    """Is a name (read as a person's) where the strikers work, by the words
    before it ("workers at the X steel plant", "a strike against X") or a
    workplace it owns ("X's main plant")?"""
    for m in mentions:
        if m.titles:
            return False
        base = cast.bases[m.para]
        mp = cast.masked[m.para]
        before = mp[max(0, m.pos - base - 60) : m.pos - base]
        if (_ends_at_or_against(before) and _WORKPLACE_BEFORE_RE.search(before)) or (
            _WORKPLACE_AFTER_RE.match(mp[m.end - base : m.end - base + 40])
        ):
            return True
    return False


def _shorten(text: str, words: int = 24) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _descriptions(e: Entity, quotes: list[Attribution], mentions: list[Mention]) -> list[str]:
    """The article's descriptions of a person, fullest first: the title with
    the description ("UAW President", "a Kaiser therapist"), a people noun
    before the name ("Sophomore", "Pensioner"), the descriptions in the cues,
    a role given later."""
    out = []
    title = e.title
    if e.description.lower().startswith("whose "):
        # "the company's trade union, whose president": the office, without the body
        # it belongs to, which the context before the name gives
        description = ""
    else:
        description = e.description
    if title and description:
        out.append(f"{title}, {description}")
    elif title or description:
        out.append(title or description)
    for m in mentions:
        if len(m.titles) == 1 and m.titles[0].lower() in PEOPLE_NOUNS:
            out.append(_PEOPLE_NOUN_SIDES.get(m.titles[0].lower(), m.titles[0]))
            break
    for w in quotes:
        if w.description and w.description not in out:
            out.append(w.description)
    if e.roles:
        out.append(e.roles)
    return out


# People nouns opening a sentence before a name, as a description ("Sophomore
# Maya Castellanos" is a student).
_PEOPLE_NOUN_SIDES: Final = {y: f"{y} (student)" for y in SCHOOL_YEARS}


# Where the words after a name stop: a speech verb or a sentence's mark (the first
# of either); the verb written without its leading ``\b`` (``_cut_after``).
_SPEECH_VERB_RE: Final = re.compile(
    r"(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|according)\b"
)
_SPEECH_MARK_RE: Final = re.compile(r"[.;:!?\x1f\"“”]")
# What each of the verbs starts with.
_SPEECH_VERB_STEMS: Final = ("sa", "told", "tell", "add", "wrote", "writ", "ask", "according")


def _cut_after(after: str, pos: int) -> tuple[int, int]:
    """(start, end) of the first speech verb (as a whole word) or sentence mark
    in ``after`` from ``pos``, or (-1, -1)."""
    mark = _SPEECH_MARK_RE.search(after, pos)
    limit = mark.start() if mark is not None else len(after)
    # a verb, all letters, ends before the mark if it starts before it, and
    # starts no sooner than the first of the verbs' first letters
    first = limit
    for stem in _SPEECH_VERB_STEMS:
        at = after.find(stem, pos, first)
        if at >= 0:
            first = at
    verb = _SPEECH_VERB_RE.search(after, first, limit) if first < limit else None
    while verb is not None:
        at = verb.start()
        if at == 0 or not word_char(after[at - 1]):
            return at, verb.end()
        verb = _SPEECH_VERB_RE.search(after, at + 1, limit)
    if mark is not None:
        return mark.start(), mark.end()
    return -1, -1


# What ends a clause before a name: a mark, or a conjunction right before it.
_CLAUSE_MARKS: Final = ',;:\x1f"“”'


def _clause_before(before: str) -> str:
    """The words of ``before`` (the sentence up to a name) after the last
    clause break; a role before a comma right before the name stays ("the
    resort's general manager, Dana Whitford"), and so does a description
    opening the sentence before the role ("A customer waiting outside,
    designer Ana Ruiz")."""
    stripped = before.rstrip()
    if stripped[stripped.rfind(" ") + 1 :].lower() in SAY_VERBS:
        return ""  # '," said Omar Haddad': the cue's verb, no description
    if len(stripped) < len(before):
        for w in CLAUSE_CONJUNCTIONS:
            if stripped.endswith(w) and (
                len(stripped) == len(w) or not word_char(stripped[-len(w) - 1])
            ):
                return ""
    cut = _after_last_mark(before, len(before))
    if cut and before[cut - 1] == "," and before[cut:].lstrip().lower().startswith("whose "):
        return f"{_body_before(before[: cut - 1])},{before[cut:]}"
    if cut and not before[cut:].strip() and before[cut - 1] == ",":
        cut = _after_last_mark(before, cut - 1)
    elif cut and before[cut - 1] == "," and _after_last_mark(before, cut - 1) == 0:
        lead = before[: cut - 1].split()
        if 1 < len(lead) <= 9 and lead[0].lower() in ("a", "an", "another", "one"):
            return before  # "Another parent, nurse Chantal Roy": both say who she is
    return before[cut:]


def _body_before(clause: str) -> str:
    """The noun phrase ending ``clause`` (what a following "whose president" belongs
    to): its last words after the last preposition ("announced last week by the
    company's trade union" -> "the company's trade union")."""
    words = clause[_after_last_mark(clause, len(clause)) :].split()[-6:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in OBJECT_PREPOSITIONS:
            return " ".join(words[i + 1 :])
    return " ".join(words)


def _after_last_mark(text: str, end: int) -> int:
    last = -1
    for c in _CLAUSE_MARKS:
        at = text.rfind(c, 0, end)
        if at > last:
            last = at
    return last + 1


def _contexts(mentions: list[Mention], cast: Cast) -> list[str]:
    """The reporter's words around each of the person's mentions: the words
    before the name in its clause ("Forklift driver", "Gosford Private
    midwife") and after it up to a speech verb or the sentence end ("has been
    on the picket lines for seven weeks now", ", who teaches labour relations
    at the University of Calgary,")."""
    out: list[str] = []
    seen: set[str] = set()
    for m in mentions:
        mp = cast.masked[m.para]
        base = cast.bases[m.para]
        s, t = m.pos - base, m.end - base
        before = _clause_before(mp[cast.sentence_of(m)[0] : s])
        after = mp[t : t + 240]
        start, end = _cut_after(after, 0)
        while start >= 0 and after[:start].rstrip().endswith(" who"):
            # ", 71, who said she had shopped there for 40 years": a clause about them
            start, end = _cut_after(after, end)
        if start >= 0:
            after = after[:start]
            # "has been on the picket lines for seven weeks now and said": not the "and"
            head, _, last = after.rstrip().rpartition(" ")
            if last in CLAUSE_CONJUNCTIONS:
                after = head
        text = " ".join(f"{before} {' '.join(m.titles)} … {after}".split()).strip(" …,")
        if text and text != "…" and text not in seen:
            seen.add(text)
            out.append(text)
    return out


# -- without the article -------------------------------------------------------------
def infer_side(
    name: str,
    kind: str,
    description: str,
    *,
    employer_names: tuple[str, ...] = (),
    union_names: tuple[str, ...] = (),
) -> str:
    """The side a speaker's name and description alone give ("unknown" when
    they give none): the rules of ``classify_description`` and, for an
    organisation, of ``classify_organisation`` by its name."""
    name = name or ""
    desc = description or ""
    if not name.strip() and not desc.strip():
        return UNKNOWN
    dispute = Dispute(
        employers=tuple(employer_names), unions=tuple(union_names), about_a_dispute=False
    )
    if kind == "organization":
        tokens = tuple(name.split())
        e = Entity(name=name, tokens=tokens, first_pos=0, forms=[name], kind=kind, description=desc)
        return classify_organisation(e, dispute)[0]
    if employer_names and dispute.names("employer").first(Words(name)):
        return "employer"
    return classify_description(desc, dispute) or UNKNOWN


def combine_sides(sides: Iterable[tuple[str, Sequence[str]]]) -> tuple[str, tuple[str, ...]]:
    """One side for a speaker from the sides of their quotes (across articles):
    each (side, evidence) counts by the strength of its evidence (a description
    or an organisation outweighs the speaker's own words; "unknown" counts for
    nothing); the heaviest side wins, ties going to the one seen first. The
    evidence returned is that side's, most common first."""
    weight: Counter[str] = Counter()
    evidence: dict[str, Counter[str]] = {}
    order: dict[str, int] = {}
    for side, ev in sides:
        if not side or side == UNKNOWN:
            continue
        order.setdefault(side, len(order))
        strength = max((EVIDENCE_STRENGTH.get(x.split(":", 1)[0], 1) for x in ev), default=1)
        weight[side] += strength
        evidence.setdefault(side, Counter()).update(ev)
    if not weight:
        return UNKNOWN, ()
    best = max(weight, key=lambda s: (weight[s], -order[s]))
    return best, tuple(x for x, _ in evidence[best].most_common())
