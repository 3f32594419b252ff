"""The pipeline: marks -> masked narrative -> entities -> cues -> findings.

Each stage lives in its own module; this one only wires them together and
applies the carry-over rules for quotes without a cue of their own:

* a later quote in the same paragraph ('"A," she said. "B."') keeps the
  speaker of the quote before it;
* a paragraph that is nothing but a quote keeps the speaker of the previous
  paragraph's last quote (news convention for a speaker's continued remarks);
* a quote opening a paragraph after one that ends with a colon takes its cue
  from that paragraph ('... sent a statement that read in part:').

Two kinds of text get special handling before that: a nickname in marks between
a given name and a surname ('Andre “Bones” Whitaker') is not a quotation and is
blanked so the name reads whole; and in a Q&A interview (two or more "Q:" and
"A:" paragraphs) each "A:" paragraph is a quotation of the interviewee, the
person the reporter's words name most often (marks inside an answer are nested
in it).

A quote that a speech verb runs into without a comma or colon and that starts
in lowercase ('said the administration had shared “every number ...”') is a
fragment of the reporting verb's subject; a chant whose subject is not a person
('Soldier Field ... was chanting “M-V-P!”') is a crowd's, unattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import (
    Cue,
    _cue_from_verb,
    _passive,
    after_cue,
    embedded_cue,
    head_cue,
    subject_cue,
    verbs_in,
)
from .finding import QuoteFinding
from .fragments import classify, is_sign_text, is_work_title
from .lexicon import DOCUMENT_NOUNS, SAY_VERBS, STOP_CAPS
from .marks import RawQuote, find_quotes, qa_answers, quote_text, single_style
from .sentences import mask, sentence_start_before, sentence_starts
from .speakers import Entity, Phrase, Registry, parse_phrase

_CHANT_RE = re.compile(r"\b(?:chant(?:ed|ing|s)?|sang|sing(?:ing|s)?|roared|booed)\b", re.I)
_ACC_RECORD_RE = re.compile(
    r"^according\s+to\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:transcript|recording|video|documents?|records?|filings?|"
    r"court\s+(?:papers|documents|records)|minutes)\b",
    re.I,
)
_QUOTE_ONLY_RE = re.compile(r"^[\s\x1f\"“”„‟«»'‘’.,!?…—–-]*$")


_ASKED_OPEN_RE = re.compile(r"\s*(?:Asked|Pressed|Told)\s[^,\x1f]{3,80},\s+")
_LABEL_RE = re.compile(
    r"(?:[A-Z][a-z’']*(?:,?\s+[a-z’']+){0,4}:|[A-Z][A-Z’' ,&]{2,50}[A-Z]\s+[—–]+)\s+(?=[A-Z\x1f\"“])"
)
_LABEL_STOP = (
    SAY_VERBS
    | DOCUMENT_NOUNS
    | frozenset(
        (
            "read reads responded response message reply answer verdict ruling put puts had has "
            "have was is were did does gave gives kept keeps"
        ).split()
    )
)
_LABEL_PRONOUNS = frozenset("he she they it we i you her his their its our my".split())


def _lead_label(mp: str) -> int:
    """Length of a newsletter lead-in label opening the paragraph ("Why it
    matters: ", "Between the lines: ", "DRIVING THE DAY — "), else 0."""
    m = _LABEL_RE.match(mp)
    if not m:
        return 0
    label = m.group()
    words = re.findall(r"[a-z’']+", label.lower())
    cue_like = (words and words[0] in _LABEL_PRONOUNS) or any(
        w in _LABEL_STOP or w.endswith(("’s", "'s", "ed", "ly")) for w in words
    )
    if cue_like and not (
        label[:1].isupper() and label[1:2].isupper()
    ):  # all caps: "WHAT THEY'RE SAYING —"
        return 0
    if label[1:2].isupper() and "," in label:
        return 0  # a dateline ("EL PASO, Texas —") is left to the dateline rules
    return m.end()


@dataclass(slots=True)
class _Work:
    raw: RawQuote
    text: str
    status: str = "full"  # full | fragment | drop
    cue: Cue | None = None
    entity: Entity | None = None
    mention: str = ""
    cue_text: str = ""
    description: str = ""
    confidence: float = 0.5
    inherited: bool = False


def _canonical(e: Entity) -> str:
    return max(e.forms, key=lambda f: len(f.split())) if e.forms else e.name


def extract_quotes(paragraphs: list[str]) -> list[QuoteFinding]:
    """Find every direct quotation in an article's body paragraphs, in order."""
    paras = [p if isinstance(p, str) else str(p) for p in paragraphs]
    if not paras:
        return []
    single = single_style(paras)
    raws = find_quotes(paras, single)
    answers = qa_answers(paras)
    if answers:
        # Marks inside an answer are nested in it (the answer is the quotation).
        in_answer = {a.first.para for a in answers}
        raws = [q for q in raws if q.first.para not in in_answer]
        raws = sorted(raws + answers, key=lambda q: (q.first.para, q.first.span.start))
    if not raws:
        return []
    raws, nicknames = _split_nicknames(paras, raws)
    if not raws:
        return []
    by_para: dict[int, list] = {}
    for q in raws:
        for pt in q.parts:
            by_para.setdefault(pt.para, []).append(pt.span)
    masked = [mask(p, [(s.start, s.end) for s in by_para.get(i, [])]) for i, p in enumerate(paras)]
    for pi, a, b in nicknames:
        # 'Andre “Bones” Whitaker': blanked so the name reads "Andre Whitaker".
        masked[pi] = masked[pi][:a] + " " * (b - a) + masked[pi][b:]
    for pi, mp in enumerate(masked):
        lb = _lead_label(mp)
        if lb:
            # Round 7: "Why it matters:", "The other side:", "WHAT DEMOCRATS ARE
            # SAYING —": a newsletter's lead-in label, not part of the sentence.
            masked[pi] = " " * lb + mp[lb:]
    bases = []
    total = 0
    for p in paras:
        bases.append(total)
        total += len(p) + 2
    starts = [sentence_starts(m) for m in masked]
    reg = Registry(masked, bases, starts)

    works: list[_Work] = []
    interviewee = _interviewee(reg) if answers else None
    for q in raws:
        if q.qa:
            works.append(_answer(q, paras, interviewee))
        else:
            works.append(_analyse(q, paras, masked, starts, by_para, bases, reg, works))

    out: list[QuoteFinding] = []
    for w in works:
        if w.status == "drop" or not w.text:
            continue
        e = w.entity
        if e is not None and e.kind not in ("person", "organization"):
            e = None  # a place ("in San Jose") never speaks
        first, last = w.raw.first, w.raw.last
        name = _canonical(e) if e else ""
        aliases = tuple(a for a in e.aliases if a != name) if e else ()
        desc = ""
        if e:
            desc = e.description or w.description or (e.title if e.kind == "person" else "")
            if not e.description and w.description:
                e.description = w.description
        conf = w.confidence
        if w.raw.repaired:
            conf -= 0.1
        if w.status == "fragment":
            conf *= 0.9
        out.append(
            QuoteFinding(
                text=w.text,
                paragraph=first.para,
                start=first.span.start,
                end_paragraph=last.para,
                end=last.span.end,
                speaker_mention=w.mention,
                speaker_name=name,
                speaker_kind=e.kind if e else "",
                speaker_description=desc,
                speaker_aliases=aliases,
                cue=w.cue_text,
                is_fragment=w.status == "fragment",
                confidence=round(max(0.05, min(1.0, conf)), 2),
            )
        )
    return out


_CLAUSE_AUX_RE = re.compile(
    r"\b(?:is|are|was|were|had|has|have|would|will|could|can|should|might|must|does|did)\b"
)


_CLAUSE_NOT_START = frozenset(
    "in on at during after before while when as via through to from outside inside at by with "
    "later earlier afterward afterwards again then".split()
)


def _reported_clause_before(cue) -> bool:
    """Round 9: 'A spokesperson said scheduling decisions are based on store
    traffic, “not on union status.”': a reported clause (with its own finite
    verb) between the speech verb and the comma, then a lowercase quote, is the
    reporter's sentence running on into a fragment, not 'said Tuesday, “...”'."""
    rest = cue.cue[len(cue.phrase.strip()) :].split()
    if len(rest) < 4 or rest[1].lower() in _CLAUSE_NOT_START:
        # 'said in a statement after the vote was counted, “we ...”': an
        # adverbial, not a reported clause.
        return False
    return bool(_CLAUSE_AUX_RE.search(" ".join(rest[1:])))


def _analyse(q, paras, masked, starts, by_para, bases, reg: Registry, done: list[_Work]) -> _Work:
    w = _Work(q, quote_text(paras, q))
    first, last = q.first, q.last
    pi, sp = first.para, first.span
    mp = masked[pi]
    spans = by_para[pi]
    idx = next(i for i, s in enumerate(spans) if s is sp)
    prev = spans[idx - 1] if idx > 0 else None

    # Head: the reporter's words before the opening mark in the same sentence.
    if sp.open_mark >= 0:
        sstart = sentence_start_before(starts[pi], sp.open_mark)
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

    # Tail: the words after the closing mark up to the next quote / sentence end.
    lp, lsp = last.para, last.span
    lmp = masked[lp]
    acue = None
    if lsp.after >= 0:
        lspans = by_para[lp]
        li = next(i for i, s in enumerate(lspans) if s is lsp)
        limit = len(lmp)
        if li + 1 < len(lspans):
            nx = lspans[li + 1]
            limit = nx.open_mark if nx.open_mark >= 0 else nx.start
        for s in starts[lp]:
            if s > lsp.after and s <= limit and lmp[lsp.after : s].strip():
                limit = s
                break
        # A nested quote closing with the outer one ("... saying ‘shared sacrifice,’”):
        # the punctuation that decides the cue is the one before the inner mark.
        inner = paras[lp][lsp.start : lsp.end].rstrip().rstrip("'’‘\"”“ ")
        inner_last = inner[-1] if inner else ""
        tail = lmp[lsp.after : limit]
        if inner_last in ",?!—–-….;:" or tail.lstrip().startswith((",", "—", "–")):
            acue = after_cue(lmp, lsp.after, limit, inner_last)
            if acue is not None:
                acue.pos += bases[lp]

    hcue = None
    if sent_head.strip():
        hcue = head_cue(mp, sstart, sent_head, local_from)
    cue: Cue | None
    cue_sentence = bases[pi] + sstart
    if hcue is not None and hcue.kind == "colon":
        cue = hcue
        cue.pos += bases[pi]
    elif acue is not None:
        cue = acue
        cue_sentence = bases[lp] + sentence_start_before(starts[lp], lsp.after)
    elif hcue is not None:
        cue = hcue
        cue.pos += bases[pi]
    else:
        cue = None
    record_governed = False
    if cue is not None and cue is acue and sent_head.strip() and _ACC_RECORD_RE.match(cue.cue):
        # Round 5: "X told analysts that the group was “...,” according to a
        # transcript": the record only sources the words; the speech verb before
        # the quote names the speaker.
        ph0 = parse_phrase(cue.phrase)
        if ph0.kind in ("generic", "document", "none") and not ph0.modifier:
            ec = embedded_cue(mp, sstart, sent_head)
            if ec is not None and not ec.inherit:
                ec.pos += bases[pi]
                cue, cue_sentence = ec, bases[pi] + sstart
                record_governed = True
    adjacent = cue is not None and cue.kind != "embedded"
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
            ec.pos += bases[pi]
            cue = ec
    else:
        governed_head = False
    # A colon closing the previous paragraph introduces a quote that opens this one.
    if cue is None and not sent_head.strip() and pi > 0 and prev is None:
        pm = masked[pi - 1].rstrip()
        if pm.endswith(":"):
            ps = sentence_start_before(starts[pi - 1], len(pm) - 1)
            c = head_cue(pm, ps, pm[ps:], 0)
            if c is not None:
                c.pos += bases[pi - 1]
                cue, adjacent = c, True
                cue_sentence = bases[pi - 1] + ps
    governed = governed_head or record_governed
    if cue is None and sent_head.strip():
        c = embedded_cue(mp, sstart, sent_head)
        if c is not None:
            c.pos += bases[pi]
            cue, governed = c, True

    if sp.open_mark >= 0 and len(q.parts) == 1:
        prev_sent = ""
        if sstart > 0:
            ps = sentence_start_before(starts[pi], sstart - 1)
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
        ph = parse_phrase(cue.phrase, inverted=cue.inverted)
        w.cue_text = cue.cue
        w.mention = _mention_text(ph)
        w.description = ph.description
        if ph.kind not in ("none", "generic") or (
            ph.kind == "generic" and ph.text[:4].lower() in ("her ", "his ")
        ):
            # Round 8: "her husband said" resolves to the relative named earlier.
            w.entity = reg.resolve(ph, cue.pos, cue_sentence)
            if ph.kind == "document" and not ph.modifier and ph.text.lower().startswith("the "):
                # Round 4: "In a statement, he said the district ... “...,” the
                # statement said": the statement is the one just quoted from, so
                # its author is that quote's speaker.
                src = next(
                    (
                        d
                        for d in reversed(done)
                        if d.status != "drop"
                        and d.entity is not None
                        and d.raw.last.para in (pi, pi - 1)
                        and ph.head in masked[d.raw.first.para].lower()
                    ),
                    None,
                )
                if src is not None:
                    w.entity = src.entity
            if (
                w.entity is not None
                and (w.entity.kind != "person" or w.entity.facility)
                and _CHANT_RE.search(cue.cue)
            ):
                # "Soldier Field ... was chanting “M-V-P!”": a crowd, not a speaker.
                w.entity = None
        w.confidence = _confidence(cue, ph)
        return w
    kept = [d for d in done if d.status != "drop"]
    if cue is not None and cue.inherit:
        w.cue_text = cue.cue
        src = next((d for d in reversed(kept) if d.raw.last.para in (pi, pi - 1)), None)
        if src is not None:
            _inherit(w, src, keep_cue=True)
            w.confidence = 0.75
        return w
    # No cue: carry the speaker over from the quote before.
    src = None
    same = [d for d in kept if d.raw.last.para == pi]
    if same:
        src = same[-1]
    elif pi > 0 and _QUOTE_ONLY_RE.match(mp) and len(by_para[pi]) >= 1:
        before = [d for d in kept if d.raw.last.para == pi - 1]
        if before and not masked[pi - 1].rstrip().endswith(":"):
            src = before[-1]
    if src is not None and src.entity is not None:
        _inherit(w, src)
        w.confidence = 0.75
    else:
        w.confidence = 0.5
        if src is None and prev is None and not sent_head.strip():
            _narrative_speaker(w, pi, sstart, masked, starts, by_para, bases, reg, kept)
    return w


def _narrative_speaker(
    w: _Work, pi: int, sstart: int, masked, starts, by_para, bases, reg: Registry, kept=()
) -> None:
    _narrative_speaker_1(w, pi, sstart, masked, starts, by_para, bases, reg)
    if w.entity is not None or sstart > 0 or pi < 2 or not _QUOTE_ONLY_RE.match(masked[pi]):
        return
    prev = masked[pi - 1]
    if by_para.get(pi - 1) or not prev.strip():
        return
    ps = sentence_start_before(starts[pi - 1], max(0, len(prev.rstrip()) - 1))
    sent = prev[ps:]
    # Round 7: an interview feature's quote-only paragraph after a sentence of
    # the reporter's: the sentence's subject when a person ("She lost that first
    # campaign by 11 votes." / "“I cried in my car ...”"); or, when that
    # paragraph names nobody at all ("I asked what has changed since then.",
    # "What was the hardest campaign?"), the speaker of the quote just before it.
    am = _ASKED_OPEN_RE.match(sent)
    if am:
        ps += am.end()  # "Asked what she plans to do next, Okwuosa laughs."
        sent = prev[ps:]
    if "\x1f" not in sent:
        sc = subject_cue(bases[pi - 1] + ps, sent, "before")
        if sc is not None:
            ph = parse_phrase(sc.phrase)
            if ph.kind in ("pronoun", "name") and ph.text.lower() not in ("i", "we", "they", "it"):
                e = reg.resolve(ph, sc.pos, bases[pi - 1] + ps)
                if e is not None and e.kind == "person":
                    w.entity, w.mention, w.cue_text, w.confidence = (
                        e,
                        _mention_text(ph),
                        sc.cue,
                        0.55,
                    )
                    return
    if len(prev) > 240 or reg.has_mention_in(pi - 1):
        return
    src = next((d for d in reversed(kept) if d.raw.last.para == pi - 2), None)
    if src is not None and src.entity is not None and src.entity.kind == "person":
        _inherit(w, src)
        w.confidence = 0.5


def _narrative_speaker_1(
    w: _Work, pi: int, sstart: int, masked, starts, by_para, bases, reg: Registry
) -> None:
    """Round 4: a quote with no cue of its own that follows the reporter's
    sentence about its speaker: 'Kowalczyk said she had never been on strike
    before. “My mom was a nurse here.”', 'She laughed when told of his comments.
    “...”' (same paragraph: the sentence's subject, a person), or a paragraph
    that is only a quote after one ending in indirect speech ('... Yolanda Birch
    told the crowd that ...' / “I taught fourth grade ...”)."""
    if sstart > 0:
        pp = pi
        ps = sentence_start_before(starts[pi], sstart - 1)
        sent = masked[pi][ps:sstart]
        same = True
    elif (
        pi > 0
        and _QUOTE_ONLY_RE.match(masked[pi])
        and not by_para.get(pi - 1)
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
    sbase = bases[pp] + ps
    verbs = [u for u in verbs_in(SAY_VERBS, sent) if not _passive(sent, u)]
    if same:
        sc = subject_cue(sbase, sent, "before")
        if sc is not None:
            ph = parse_phrase(sc.phrase)
            if ph.kind in ("pronoun", "name"):
                e = reg.resolve(ph, sc.pos, sbase)
                if e is not None and e.kind == "person":
                    w.entity, w.mention, w.cue_text, w.confidence = (
                        e,
                        _mention_text(ph),
                        sc.cue,
                        0.6,
                    )
                    return
    if not verbs:
        return
    vs, ve = verbs[0]
    c = _cue_from_verb(masked[pp], sbase, sent, vs, ve, "before", False)
    if c is None or c.inherit:
        return
    ph = parse_phrase(c.phrase)
    if ph.kind in ("none", "generic"):
        return
    e = reg.resolve(ph, c.pos, sbase)
    if (
        e is not None
        and e.kind in ("person", "organization")
        and not (e.facility and e.kind != "person")
    ):
        w.entity, w.mention, w.cue_text, w.confidence = e, _mention_text(ph), c.cue, 0.6


_NICK_BEFORE_RE = re.compile(r"(?:^|[\s(])([A-Z][a-z][\w’'\-.]*)\s$")
_NICK_AFTER_RE = re.compile(r"^\s(?:[A-Z][a-z]|Mc|O’|O')")
_NICK_TEXT_RE = re.compile(r"^(?:The\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,2}$")


def _split_nicknames(
    paras: list[str], raws: list[RawQuote]
) -> tuple[list[RawQuote], list[tuple[int, int, int]]]:
    """Separate nicknames ('Andre “Bones” Whitaker', 'Dwayne "The Rock" Johnson')
    from quotations: one to three capitalised words in marks between a given
    name and a surname. Returns the quotes left and (paragraph, start, end) of
    each nickname with its marks."""
    kept, nicks = [], []
    for q in raws:
        if len(q.parts) == 1 and not q.qa:
            pi, sp = q.first.para, q.first.span
            p = paras[pi]
            short = 0 <= sp.open_mark and 0 <= sp.close_mark and sp.end - sp.start <= 30
            if short and _NICK_TEXT_RE.match(p[sp.start : sp.end]):
                m = _NICK_BEFORE_RE.search(p, max(0, sp.open_mark - 30), sp.open_mark)
                after = p[sp.close_mark + 1 : sp.close_mark + 5]
                if m and m.group(1) not in STOP_CAPS and _NICK_AFTER_RE.match(after):
                    nicks.append((pi, sp.open_mark, sp.close_mark + 1))
                    continue
        kept.append(q)
    return kept, nicks


def _interviewee(reg: Registry) -> Entity | None:
    """The person a Q&A interviews: the one the reporter's words name most often
    (at least twice, and more often than anyone else)."""
    counts: dict[int, int] = {}
    ents: dict[int, Entity] = {}
    for m in reg.mentions:
        if m.entity.kind == "person":
            counts[id(m.entity)] = counts.get(id(m.entity), 0) + 1
            ents[id(m.entity)] = m.entity
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ents[ranked[0][0]]


def _answer(q: RawQuote, paras: list[str], interviewee: Entity | None) -> _Work:
    w = _Work(q, quote_text(paras, q))
    w.cue_text = "A:"
    w.entity = interviewee
    w.mention = interviewee.tokens[-1] if interviewee else ""
    w.confidence = 0.7 if interviewee else 0.5
    return w


def _inherit(w: _Work, src: _Work, keep_cue: bool = False) -> None:
    w.entity = src.entity
    w.mention = src.mention
    if not keep_cue:
        w.cue_text = src.cue_text
    w.description = src.description
    w.inherited = True


def _mention_text(ph: Phrase) -> str:
    if ph.kind in ("none",):
        return ""
    return ph.text.strip(" ,")


def _confidence(cue: Cue, ph: Phrase) -> float:
    base = {"after": 0.95, "before": 0.9, "colon": 0.85, "embedded": 0.7}.get(cue.kind, 0.6)
    if ph.kind == "pronoun":
        base -= 0.1
    elif ph.kind in ("definite", "document", "official"):
        base -= 0.1
    elif ph.kind in ("generic", "none"):
        base -= 0.2
    return base
