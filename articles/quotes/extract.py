"""The pipeline: quote marks -> masked narrative -> mentions -> entities ->
cues and attribution -> fragments -> sides -> findings.

Takes an article's body paragraphs; gives its ``QuoteFinding`` list. Each
stage lives in its own module (see ``articles.quotes``); this one only wires
them together and prepares the text:

* quotation marks are found and repaired (``marks``); a nickname in marks
  between a given name and a surname ('Andre “Bones” Whitaker') is not a
  quotation and is blanked so the name reads whole; in a Q&A interview (two or
  more "Q:" and "A:" paragraphs) each "A:" paragraph is a quotation;
* the quotations' text is masked so names and cues are read in the
  reporter's words only (``sentences``), and a newsletter's lead-in label
  ("Why it matters:", "WHAT DEMOCRATS ARE SAYING —") is blanked too;
* mentions (``mentions``) are merged into the article's cast (``entities``);
  each quote is attributed (``attribution``) and its speaker's side found
  (``sides``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .attribution import Attribution, Reading, answer, attribute, interviewee
from .dispute import find_dispute
from .entities import Cast
from .finding import QuoteFinding, make_finding
from .lexicon import DOCUMENT_NOUNS, LABEL_PRONOUNS, LABEL_VERBS, SAY_VERBS, STOP_CAPS
from .marks import RawQuote, find_quotes, qa_answers, single_style
from .memo import Memo
from .mentions import scan_mentions
from .sentences import Lowered, mask, sentence_starts
from .side_model import revise as revise_side
from .sides import speaker_sides

REPAIRED_MARKS_PENALTY: Final = 0.1
FRAGMENT_CONFIDENCE_FACTOR: Final = 0.9

_LABEL_RE: Final = re.compile(
    r"(?:[A-Z][a-z’']*(?:,?\s+[a-z’']+){0,4}:|[A-Z][A-Z’' ,&]{2,50}[A-Z]\s+[—–]+)\s+(?=[A-Z\x1f\"“])"
)
_LABEL_CAPS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ’' ,&")
_LABEL_STOP: Final = SAY_VERBS | DOCUMENT_NOUNS | LABEL_VERBS
# A live blog's time stamp opening an entry ("11:20 The authority says", "9.45am ").
_TIME_STAMP_RE: Final = re.compile(
    r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?\s*[—–:-]?\s+(?=[A-Z\x1f\"“])"
)


def _lead_label(mp: str) -> int:
    """Length of a newsletter lead-in label opening the paragraph ("Why it
    matters: ", "Between the lines: ", "DRIVING THE DAY — ") or of a live blog's
    time stamp ("11:20 "), else 0."""
    if mp[:1].isdigit():
        m = _TIME_STAMP_RE.match(mp)
        return m.end() if m else 0
    if not ("A" <= mp[:1] <= "Z") or not (
        ":" in mp or (mp[1:2] in _LABEL_CAPS and ("—" in mp or "–" in mp))
    ):
        return 0  # the quick test: a capital, then a colon or an all-caps run and a dash
    m = _LABEL_RE.match(mp)
    if not m:
        return 0
    label = m.group()
    words = re.findall(r"[a-z’']+", label.lower())
    cue_like = (words and words[0] in LABEL_PRONOUNS) or any(
        w in _LABEL_STOP or w.endswith(("’s", "'s", "ed", "ly")) for w in words
    )
    if cue_like and not (
        label[:1].isupper() and label[1:2].isupper()
    ):  # all caps: "WHAT THEY'RE SAYING —"
        return 0
    if label[1:2].isupper() and "," in label:
        return 0  # a dateline ("EL PASO, Texas —") is left to the dateline rules
    return m.end()


def extract_quotes(
    paragraphs: list[str],
    *,
    employers: Sequence[str] = (),
    unions: Sequence[str] = (),
    outlet: str = "",
) -> list[QuoteFinding]:
    """Find every direct quotation in an article's body paragraphs, in order.

    ``employers`` and ``unions`` (the strike's parties, as the archive records
    them) and ``outlet`` (the publishing outlet's name) help place speakers on
    a side; without them the dispute's parties are inferred from the text.
    """
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
            spans = by_para.get(pt.para)
            if spans is None:
                by_para[pt.para] = [pt.span]
            else:
                spans.append(pt.span)
    masked = [mask(p, [(s.start, s.end) for s in by_para.get(i, [])]) for i, p in enumerate(paras)]
    for pi, a, b in nicknames:
        # 'Andre “Bones” Whitaker': blanked so the name reads "Andre Whitaker".
        masked[pi] = masked[pi][:a] + " " * (b - a) + masked[pi][b:]
    for pi, mp in enumerate(masked):
        lb = _lead_label(mp)
        if lb:
            masked[pi] = " " * lb + mp[lb:]
    bases = []
    total = 0
    for p in paras:
        bases.append(total)
        total += len(p) + 2
    starts = [sentence_starts(m) for m in masked]
    lowered = Lowered(masked)
    cast = Cast(masked, bases, starts, scan_mentions(masked, bases, starts, lowered), lowered)
    reading = Reading(paras, masked, starts, bases, by_para, cast)

    works: list[Attribution] = []
    person = interviewee(cast) if answers else None
    for q in raws:
        if q.qa:
            works.append(answer(q, paras, person))
        else:
            works.append(attribute(q, reading, works))

    dispute = find_dispute(cast, employers=employers, unions=unions, outlet=outlet)
    sides = speaker_sides(works, cast, dispute, revise=revise_side)
    out: list[QuoteFinding] = []
    for w in works:
        if w.status == "drop" or not w.text:
            continue
        e = w.entity
        if e is not None and e.kind not in ("person", "organization"):
            e = None  # a place ("in San Jose") never speaks
        first, last = w.raw.first, w.raw.last
        name = e.canonical if e else ""
        aliases = tuple(a for a in e.aliases if a != name) if e else ()
        desc = ""
        if e:
            desc = e.description or w.description or (e.title if e.kind == "person" else "")
            if not e.description and w.description:
                e.description = w.description
        conf = w.confidence
        if w.raw.repaired:
            conf -= REPAIRED_MARKS_PENALTY
        if w.status == "fragment":
            conf *= FRAGMENT_CONFIDENCE_FACTOR
        out.append(
            make_finding(
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
                confidence=_rounded(max(0.05, min(1.0, conf))),
                rule=w.rule if e else "",
                side=sides[id(w.entity)][0] if e else "",
                side_evidence=sides[id(w.entity)][1] if e else (),
            )
        )
    return out


_rounded_confidences: Final = Memo[float, float](4096)


def _rounded(confidence: float) -> float:
    """``round(confidence, 2)``, remembered: a float rounded to digits goes
    through its decimal string, and an article's confidences repeat."""
    r = _rounded_confidences.get(confidence)
    if r is None:
        r = _rounded_confidences.keep(confidence, round(confidence, 2))
    return r


_NICK_BEFORE_RE: Final = re.compile(r"(?:^|[\s(])([A-Z][a-z][\w’'\-.]*)\s$")
_NICK_AFTER_RE: Final = re.compile(r"^\s(?:[A-Z][a-z]|Mc|O’|O')")
_NICK_TEXT_RE: Final = re.compile(r"^(?:The\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,2}$")


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
