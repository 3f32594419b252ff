"""Stage 4: each quote to its speaker, with the rule that decided it and a confidence.

Takes one quotation (``marks.RawQuote``), the article's ``Reading`` (paragraphs,
masked text, sentence starts, the ``entities.Cast``) and the quotes attributed
before it; gives an ``Attribution``: full quotation, fragment or not a
quotation (``status``), the cue, the speaker entity and how it was found.

The cue is looked for in this order (``cues``): a colon introduction before
the quote; the words after the closing mark ('," Name said'); the words before
the opening mark ('Name said, "'); a colon ending the previous paragraph; a
speech verb earlier in the sentence governing quoted words inside reported
speech ('X called it "a mistake"', 'X said the plan would "hurt families"',
'according to X, the offer was "insulting"'), which makes the quote a
fragment of that verb's subject. A speech verb running into the mark without
a comma or colon ('said the administration had shared “every number ...”')
governs a fragment too.

A quote without a cue of its own keeps the speaker of the quote before it in
the same paragraph ('"A," she said. "B."'), or of the previous paragraph's
last quote when the paragraph is nothing but a quote (a speaker's continued
remarks); or it belongs to the subject of the reporter's sentence just before
it ('Kowalczyk said she had never been on strike before. “My mom was a nurse
here.”'). In a Q&A interview each "A:" paragraph is the interviewee's.

``rule`` names what decided the speaker (``RULES``), in words an editor can
read; the confidence falls for pronouns, role descriptions and generic
phrases, for inherited speakers, for repaired marks and for fragments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .coreference import resolve
from .cues import (
    OPEN_RELATIVE_RE,
    Cue,
    after_cue,
    agent_after,
    cue_from_verb,
    embedded_cue,
    head_cue,
    is_passive,
    subject_cue,
    verbs_in,
)
from .entities import Cast, Entity
from .fragments import classify, is_sign_text, is_work_title
from .lexicon import ADVERBIALS_AFTER_VERB, CLAUSE_AUXILIARIES, SAY_VERBS, alternation
from .marks import RawQuote, Span, quote_text
from .phrases import Phrase, parse_phrase
from .roles import ANONYMOUS
from .sentences import sentence_start_before

# What decided a quote's speaker (``Attribution.rule``).
RULE_AFTER = "speech verb after the quote"
RULE_BEFORE = "speech verb before the quote"
RULE_COLON = "introduced with a colon"
RULE_PREVIOUS_COLON = "introduced by the previous paragraph's colon"
RULE_REPORTED = "quoted words in reported speech"
RULE_SECOND_PREDICATE = "second predicate of the speaker's sentence"
RULE_STATEMENT = "author of the statement quoted before"
RULE_SAME_PARAGRAPH = "earlier quote in the paragraph"
RULE_CONTINUED = "continues the previous paragraph's quote"
RULE_NARRATIVE = "subject of the reporter's sentence before"
RULE_INTERVIEW = "answer in a Q&A interview"
RULES = (
    RULE_AFTER,
    RULE_BEFORE,
    RULE_COLON,
    RULE_PREVIOUS_COLON,
    RULE_REPORTED,
    RULE_SECOND_PREDICATE,
    RULE_STATEMENT,
    RULE_SAME_PARAGRAPH,
    RULE_CONTINUED,
    RULE_NARRATIVE,
    RULE_INTERVIEW,
)
_CUE_RULES = {
    "after": RULE_AFTER,
    "before": RULE_BEFORE,
    "colon": RULE_COLON,
    "embedded": RULE_REPORTED,
}

# Confidence of a speaker found through each kind of cue, before the phrase's deductions.
CUE_CONFIDENCE = {"after": 0.95, "before": 0.9, "colon": 0.85, "embedded": 0.7}
INDIRECT_PHRASE_PENALTY = 0.1  # a pronoun, role description, document or official
GENERIC_PHRASE_PENALTY = 0.2
INHERITED_CONFIDENCE = 0.75
NARRATIVE_CONFIDENCE = 0.6
FEATURE_SUBJECT_CONFIDENCE = 0.55  # a quote-only paragraph after the reporter's sentence
INTERVIEW_CONFIDENCE = 0.7
NO_SPEAKER_CONFIDENCE = 0.5

_CHANT_RE = re.compile(r"\b(?:chant(?:ed|ing|s)?|sang|sing(?:ing|s)?|roared|booed)\b", re.I)
_ACC_RECORD_RE = re.compile(
    r"^according\s+to\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:transcript|recording|video|documents?|records?|filings?|"
    r"court\s+(?:papers|documents|records)|minutes)\b",
    re.I,
)
QUOTE_ONLY_RE = re.compile(r"^[\s\x1f\"“”„‟«»'‘’.,!?…—–-]*$")
_ASKED_OPEN_RE = re.compile(r"\s*(?:Asked|Pressed|Told)\s[^,\x1f]{3,80},\s+")
_ANONYMOUS_RE = re.compile(ANONYMOUS)
_UNNAMED_SOURCE_RE = re.compile(
    r"\s*(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*\b"
)
_CLAUSE_AUX_RE = re.compile(rf"\b(?:{alternation(CLAUSE_AUXILIARIES)})\b")


@dataclass(slots=True)
class Reading:
    """An article as the attribution stage reads it."""

    paras: list[str]
    masked: list[str]
    starts: list[list[int]]
    bases: list[int]
    by_para: dict[int, list[Span]]
    cast: Cast


@dataclass(slots=True)
class Attribution:
    raw: RawQuote
    text: str
    status: str = "full"  # full | fragment | drop
    entity: Entity | None = None
    mention: str = ""
    cue_text: str = ""
    description: str = ""
    confidence: float = NO_SPEAKER_CONFIDENCE
    rule: str = ""
    inherited: bool = False


def _index_of(spans: list[Span], span: Span) -> int:
    for i, s in enumerate(spans):
        if s is span:
            return i
    raise ValueError("span not in its paragraph")


def attribute(q: RawQuote, r: Reading, done: list[Attribution]) -> Attribution:
    """Attribute one quotation (see the module docstring)."""
    w = Attribution(q, quote_text(r.paras, q))
    first = q.first
    pi, sp = first.para, first.span
    mp = r.masked[pi]
    spans = r.by_para[pi]
    idx = _index_of(spans, sp)
    prev = spans[idx - 1] if idx > 0 else None

    # Head: the reporter's words before the opening mark in the same sentence.
    if sp.open_mark >= 0:
        sstart = sentence_start_before(r.starts[pi], sp.open_mark)
        sent_head = mp[sstart : sp.open_mark]
        if sent_head.rstrip().endswith((".", "!", "?", "…")):
            # A sentence end the splitter missed (run-together text): the quote starts a sentence.
            sstart, sent_head = sp.open_mark, ""
    else:
        sstart, sent_head = sp.start, ""
    local_from = (
        prev.after - sstart if (prev is not None and sstart < prev.after <= sp.open_mark) else 0
    )
    local_head = sent_head[local_from:]
    sentence_initial = not sent_head.strip(" \t—–-")

    acue, acue_sentence = _tail_cue(q, r)
    if acue is not None and "who" in sent_head and OPEN_RELATIVE_RE.search(sent_head):
        # "Name, who has called the formula “broken,” said ...": the quote is in
        # the relative clause; the verb after its closing comma is the main clause's.
        acue = None
    if (
        acue is not None
        and w.text.rstrip()[-1:] in ".!?"
        and sent_head.strip()
        and embedded_cue(mp, sstart, sent_head) is not None
    ):
        # 'X told analysts that costs were “... pay.” On Tuesday a spokesman,
        # Y, said ...': words that end a reported sentence belong to its
        # speaker, not to the next sentence's.
        acue = None
    hcue = head_cue(mp, sstart, sent_head, local_from) if sent_head.strip() else None
    cue: Cue | None
    cue_sentence = r.bases[pi] + sstart
    if hcue is not None and hcue.kind == "colon":
        cue = hcue
        cue.pos += r.bases[pi]
    elif acue is not None:
        cue, cue_sentence = acue, acue_sentence
    elif hcue is not None:
        cue = hcue
        cue.pos += r.bases[pi]
    else:
        cue = None
    record_governed = False
    if cue is not None and cue is acue and sent_head.strip() and _ACC_RECORD_RE.match(cue.cue):
        # "X told analysts that the group was “...,” according to a transcript":
        # the record only sources the words; the speech verb before the quote
        # names the speaker.
        ph0 = parse_phrase(cue.phrase)
        if ph0.kind in ("generic", "document", "none") and not ph0.modifier:
            ec = embedded_cue(mp, sstart, sent_head)
            if ec is not None and not ec.inherit:
                ec.pos += r.bases[pi]
                cue, cue_sentence = ec, r.bases[pi] + sstart
                record_governed = True
    adjacent = cue is not None and cue.kind != "embedded"
    governed_head = False
    if (
        cue is not None
        and cue is hcue
        and cue.kind == "before"
        and w.text[:1].islower()
        and (
            not local_head.rstrip().endswith((",", ":", "—", "–", "-"))
            or (local_head.rstrip().endswith(",") and _reported_clause_before(cue))
        )
    ):
        # 'said the administration had shared “every number ...”': a verb running
        # into the mark without a comma or colon governs a fragment.
        adjacent, governed_head = False, True
        ec = embedded_cue(mp, sstart, sent_head)
        if ec is not None:
            ec.pos += r.bases[pi]
            cue = ec
    rule = _CUE_RULES[cue.kind] if cue is not None else ""
    # A colon closing the previous paragraph introduces a quote that opens this one.
    if cue is None and not sent_head.strip() and pi > 0 and prev is None:
        pm = r.masked[pi - 1].rstrip()
        if pm.endswith(":"):
            ps = sentence_start_before(r.starts[pi - 1], len(pm) - 1)
            c = head_cue(pm, ps, pm[ps:], 0)
            if c is not None:
                c.pos += r.bases[pi - 1]
                cue, adjacent, rule = c, True, RULE_PREVIOUS_COLON
                cue_sentence = r.bases[pi - 1] + ps
    governed = governed_head or record_governed
    if cue is None and sent_head.strip():
        c = embedded_cue(mp, sstart, sent_head)
        if c is not None:
            c.pos += r.bases[pi]
            cue, governed, rule = c, True, RULE_REPORTED
        elif q.last.span.after >= 0:
            lp, after = q.last.para, q.last.span.after
            c = agent_after(sent_head, r.masked[lp][after : after + 120], r.bases[lp] + after)
            if c is not None:
                cue, governed, rule = c, True, RULE_REPORTED

    if sp.open_mark >= 0 and len(q.parts) == 1:
        prev_sent = ""
        if sstart > 0:
            ps = sentence_start_before(r.starts[pi], sstart - 1)
            prev_sent = mp[ps:sstart]
        if is_sign_text(sent_head, prev_sent) or is_work_title(w.text, sent_head):
            w.status = "drop"
            return w
    w.status = classify(
        w.text,
        adjacent=adjacent,
        sentence_initial=sentence_initial,
        multi=len(q.parts) > 1,
        governed=governed,
        before=local_head,
    )
    if w.status == "drop":
        return w
    if cue is not None and not cue.inherit:
        _from_cue(w, cue, cue_sentence, rule, r, done)
        return w
    kept = [d for d in done if d.status != "drop"]
    if cue is not None and cue.inherit:
        w.cue_text = cue.cue
        src = next((d for d in reversed(kept) if d.raw.last.para in (pi, pi - 1)), None)
        if src is not None:
            _inherit(w, src, RULE_SECOND_PREDICATE, keep_cue=True)
        return w
    # No cue: carry the speaker over from the quote before.
    src, src_rule = None, ""
    same = [d for d in kept if d.raw.last.para == pi]
    if same:
        src, src_rule = same[-1], RULE_SAME_PARAGRAPH
    elif pi > 0 and QUOTE_ONLY_RE.match(mp) and len(r.by_para[pi]) >= 1:
        before = [d for d in kept if d.raw.last.para == pi - 1]
        if before and not r.masked[pi - 1].rstrip().endswith(":"):
            src, src_rule = before[-1], RULE_CONTINUED
    if src is not None and src.entity is not None:
        _inherit(w, src, src_rule)
    elif src is None and prev is None and not sent_head.strip():
        narrative_speaker(w, pi, sstart, r, kept)
    return w


def _tail_cue(q: RawQuote, r: Reading) -> tuple[Cue | None, int]:
    """A cue in the words after the closing mark, up to the next quote or
    sentence end, and the offset of its sentence."""
    lp, lsp = q.last.para, q.last.span
    if lsp.after < 0:
        return None, 0
    lmp = r.masked[lp]
    lspans = r.by_para[lp]
    li = _index_of(lspans, lsp)
    limit = len(lmp)
    if li + 1 < len(lspans):
        nx = lspans[li + 1]
        limit = nx.open_mark if nx.open_mark >= 0 else nx.start
    for s in r.starts[lp]:
        if s > lsp.after and s <= limit and lmp[lsp.after : s].strip():
            limit = s
            break
    # A nested quote closing with the outer one ("... saying ‘shared sacrifice,’”):
    # the punctuation that decides the cue is the one before the inner mark.
    inner = r.paras[lp][lsp.start : lsp.end].rstrip().rstrip("'’‘\"”“ ")
    inner_last = inner[-1] if inner else ""
    tail = lmp[lsp.after : limit]
    if inner_last in ",?!—–-….;:" or tail.lstrip().startswith((",", "—", "–")):
        acue = after_cue(lmp, lsp.after, limit, inner_last)
        if acue is not None:
            acue.pos += r.bases[lp]
            return acue, r.bases[lp] + sentence_start_before(r.starts[lp], lsp.after)
    return None, 0


def _from_cue(
    w: Attribution, cue: Cue, cue_sentence: int, rule: str, r: Reading, done: list[Attribution]
) -> None:
    """The speaker the cue's phrase names, resolved in the article's cast."""
    pi = w.raw.first.para
    ph = parse_phrase(cue.phrase, inverted=cue.inverted)
    w.cue_text = cue.cue
    w.mention = mention_text(ph)
    w.description = ph.description
    w.rule = rule
    if (
        cue.phrase.lstrip()[:1] in ("A", "a", "O", "o")  # what _UNNAMED_SOURCE_RE starts with
        and _UNNAMED_SOURCE_RE.match(cue.phrase)
        and _ANONYMOUS_RE.search(cue.phrase)
    ):
        # "An official of the State Disaster Management Authority, who did not
        # wish to be named, said": an anonymous source, not the organisation.
        w.confidence = _confidence(cue, ph)
        return
    if ph.kind not in ("none", "generic") or (
        ph.kind == "generic" and ph.text[:4] in ("her ", "his ", "Her ", "His ", "The ")
    ):
        w.entity = resolve(r.cast, ph, cue.pos, cue_sentence)
        if ph.kind == "document" and not ph.modifier and ph.text.lower().startswith("the "):
            # "In a statement, he said the district ... “...,” the statement said":
            # the statement is the one just quoted from, so its author is that
            # quote's speaker.
            src = next(
                (
                    d
                    for d in reversed(done)
                    if d.status != "drop"
                    and d.entity is not None
                    and d.raw.last.para in (pi, pi - 1)
                    and ph.head in r.masked[d.raw.first.para].lower()
                ),
                None,
            )
            if src is not None:
                w.entity, w.rule = src.entity, RULE_STATEMENT
        if (
            w.entity is not None
            and (w.entity.kind != "person" or w.entity.facility)
            and _CHANT_RE.search(cue.cue)
        ):
            # "Soldier Field ... was chanting “M-V-P!”": a crowd, not a speaker.
            w.entity = None
    w.confidence = _confidence(cue, ph)


def _reported_clause_before(cue: Cue) -> bool:
    """'A spokesperson said scheduling decisions are based on store traffic,
    “not on union status.”': a reported clause (with its own finite verb)
    between the speech verb and the comma, then a lowercase quote, is the
    reporter's sentence running on into a fragment, not 'said Tuesday, “...”'."""
    rest = cue.cue[len(cue.phrase.strip()) :].split()
    if len(rest) < 4 or rest[1].lower() in ADVERBIALS_AFTER_VERB:
        # 'said in a statement after the vote was counted, “we ...”': an
        # adverbial, not a reported clause.
        return False
    return bool(_CLAUSE_AUX_RE.search(" ".join(rest[1:])))


def narrative_speaker(w: Attribution, pi: int, sstart: int, r: Reading, kept=()) -> None:
    """A quote with no cue of its own whose speaker the reporter's previous
    sentence names (see ``_subject_of_sentence_before``); in an interview
    feature, a quote-only paragraph after a sentence of the reporter's: that
    sentence's subject when a person ("She lost that first campaign by 11
    votes." / "“I cried in my car ...”"), or, when that paragraph names nobody
    at all ("I asked what has changed since then.", "What was the hardest
    campaign?"), the speaker of the quote just before it."""
    masked, starts, bases, cast = r.masked, r.starts, r.bases, r.cast
    _subject_of_sentence_before(w, pi, sstart, r)
    if w.entity is not None or sstart > 0 or pi < 2 or not QUOTE_ONLY_RE.match(masked[pi]):
        return
    prev = masked[pi - 1]
    if r.by_para.get(pi - 1) or not prev.strip():
        return
    ps = sentence_start_before(starts[pi - 1], max(0, len(prev.rstrip()) - 1))
    sent = prev[ps:]
    am = _ASKED_OPEN_RE.match(sent)
    if am:
        ps += am.end()  # "Asked what she plans to do next, Okwuosa laughs."
        sent = prev[ps:]
    if "\x1f" not in sent:
        sc = subject_cue(bases[pi - 1] + ps, sent, "before")
        if sc is not None:
            ph = parse_phrase(sc.phrase)
            if ph.kind in ("pronoun", "name") and ph.text.lower() not in ("i", "we", "they", "it"):
                e = resolve(cast, ph, sc.pos, bases[pi - 1] + ps)
                if e is not None and e.kind == "person":
                    _set(w, e, ph, sc.cue, FEATURE_SUBJECT_CONFIDENCE, RULE_NARRATIVE)
                    return
    if len(prev) > 240 or cast.has_mention_in(pi - 1):
        return
    src = next((d for d in reversed(kept) if d.raw.last.para == pi - 2), None)
    if src is not None and src.entity is not None and src.entity.kind == "person":
        _inherit(w, src, RULE_CONTINUED)
        w.confidence = NO_SPEAKER_CONFIDENCE


def _subject_of_sentence_before(w: Attribution, pi: int, sstart: int, r: Reading) -> None:
    """A quote with no cue of its own that follows the reporter's sentence
    about its speaker: 'Kowalczyk said she had never been on strike before.
    “My mom was a nurse here.”', 'She laughed when told of his comments. “...”'
    (same paragraph: the sentence's subject, a person), or a paragraph that is
    only a quote after one ending in indirect speech ('... Yolanda Birch told
    the crowd that ...' / “I taught fourth grade ...”)."""
    masked, starts = r.masked, r.starts
    if sstart > 0:
        pp = pi
        ps = sentence_start_before(starts[pi], sstart - 1)
        sent = masked[pi][ps:sstart]
        same = True
    elif (
        pi > 0
        and QUOTE_ONLY_RE.match(masked[pi])
        and not r.by_para.get(pi - 1)
        and masked[pi - 1].strip()
    ):
        pp = pi - 1
        prev_text = masked[pp].rstrip()
        ps = sentence_start_before(starts[pp], max(0, len(prev_text) - 1))
        sent = masked[pp][ps:]
        same = False
    else:
        return
    if "\x1f" in sent or not sent.strip():
        return
    sbase = r.bases[pp] + ps
    verbs = [u for u in verbs_in(SAY_VERBS, sent) if not is_passive(sent, u)]
    if same:
        sc = subject_cue(sbase, sent, "before")
        if sc is not None:
            ph = parse_phrase(sc.phrase)
            if ph.kind in ("pronoun", "name"):
                e = resolve(r.cast, ph, sc.pos, sbase)
                if e is not None and e.kind == "person":
                    _set(w, e, ph, sc.cue, NARRATIVE_CONFIDENCE, RULE_NARRATIVE)
                    return
    if not verbs:
        return
    vs, ve = verbs[0]
    c = cue_from_verb(masked[pp], sbase, sent, vs, ve, "before", False)
    if c is None or c.inherit:
        return
    ph = parse_phrase(c.phrase)
    if ph.kind in ("none", "generic"):
        return
    e = resolve(r.cast, ph, c.pos, sbase)
    if (
        e is not None
        and e.kind in ("person", "organization")
        and not (e.facility and e.kind != "person")
    ):
        _set(w, e, ph, c.cue, NARRATIVE_CONFIDENCE, RULE_NARRATIVE)


def interviewee(cast: Cast) -> Entity | None:
    """The person a Q&A interviews: the one the reporter's words name most often
    (at least twice, and more often than anyone else)."""
    counts: dict[int, int] = {}
    ents: dict[int, Entity] = {}
    for m in cast.mentions:
        if m.entity.kind == "person":
            counts[id(m.entity)] = counts.get(id(m.entity), 0) + 1
            ents[id(m.entity)] = m.entity
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ents[ranked[0][0]]


def answer(q: RawQuote, paras: list[str], person: Entity | None) -> Attribution:
    """An "A:" paragraph of a Q&A interview: the interviewee's."""
    w = Attribution(q, quote_text(paras, q))
    w.cue_text = "A:"
    w.entity = person
    w.mention = person.tokens[-1] if person else ""
    w.confidence = INTERVIEW_CONFIDENCE if person else NO_SPEAKER_CONFIDENCE
    w.rule = RULE_INTERVIEW if person else ""
    return w


def _set(
    w: Attribution, e: Entity, ph: Phrase, cue_text: str, confidence: float, rule: str
) -> None:
    w.entity, w.mention, w.cue_text, w.confidence, w.rule = (
        e,
        mention_text(ph),
        cue_text,
        confidence,
        rule,
    )


def _inherit(w: Attribution, src: Attribution, rule: str, keep_cue: bool = False) -> None:
    w.entity = src.entity
    w.mention = src.mention
    if not keep_cue:
        w.cue_text = src.cue_text
    w.description = src.description
    w.inherited = True
    w.confidence = INHERITED_CONFIDENCE
    w.rule = rule


def mention_text(ph: Phrase) -> str:
    if ph.kind in ("none",):
        return ""
    return ph.text.strip(" ,")


def _confidence(cue: Cue, ph: Phrase) -> float:
    base = CUE_CONFIDENCE.get(cue.kind, 0.6)
    if ph.kind in ("pronoun", "definite", "document", "official"):
        base -= INDIRECT_PHRASE_PENALTY
    elif ph.kind in ("generic", "none"):
        base -= GENERIC_PHRASE_PENALTY
    return base
