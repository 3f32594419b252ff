"""Quote-mark scanning and repair.

Scraped news text mixes curly and straight marks and loses or duplicates them,
so marks are classified by what surrounds them (a mark after a space and before a
letter can open, a mark after a letter and before a space or punctuation can
close) and paired with a small state machine rather than by their glyph. The
damage handled here:

* a closing glyph used as an opener (``read in part:”Our``) and run-together
  text (``provider.”Currently``): ambiguous marks take the role the state needs;
* a missing opening mark before text that ends in ``,” said Name``: the quote
  starts at the paragraph start (or after the previous quote's sentence);
* a stray opening mark inside an open quote (``as “Ordinary “union-busting``):
  dropped from the text, unless it pairs with a later closer (nested quote) or
  the text before it ends with a cue (``..., she said. “``: a missing closer);
* a paragraph that opens a quote without closing it continues into the next
  paragraph that opens with a mark (news convention) — see ``find_quotes``.

Single quotes count only as nested marks inside double quotes, except in a
British-style article (see ``single_style``: no double marks at all, or double
marks only nested inside single-quoted quotations, 'told us to "be
reasonable", but ...'), where apostrophes (don't, Kaiser’s, ’90s, workers’
rights) are filtered out first. A lowercase single-quoted fragment that never
closes in its paragraph was closed by what looked like a plural possessive
(``would mean 'tens of thousands' of cancelled operations``): it closes there.
"""

from __future__ import annotations

import re

from .lexicon import INVERTED_VERBS, ORG_WORDS, SAY_VERBS, alternation

DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‹›"
DOUBLE_RE = re.compile(f"[{DOUBLE_MARKS}]")
SINGLE_RE = re.compile(f"[{SINGLE_MARKS}]")
OPEN_HINT = frozenset("“„‟«‘‚‹")
CLOSE_HINT = frozenset("”»’›")
_OPEN_PREV = frozenset("([{—–-:;/")
_CLOSE_NEXT = frozenset(".,;:!?)]}—–-…/")
_END_PUNCT = frozenset(".!?…,;")
_MARKS = frozenset("\"“”„‟«»'‘’‚‹›")
_ELISIONS = re.compile(r"(?:em|til|cause|n|tis|twas)\b", re.I)

_VERBS = "|".join(sorted(SAY_VERBS, key=len, reverse=True))
_INV = "|".join(sorted(INVERTED_VERBS, key=len, reverse=True))
_NAME = r"[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,4}"
_SUBJ = rf"(?:he|she|they|it|we|I|{_NAME}|(?:the|a|an|one|another)\s+[\w’'\-]+(?:\s+[\w’'\-]+)?)"
# A cue right after a closing mark: '," Smith said' / '," said Smith'.
CUE_AFTER_RE = re.compile(
    rf"\s*[,—–\-]?\s*(?:(?:{_INV})\s+{_SUBJ}|{_SUBJ}(?:,[^,.;]{{1,100}},)?\s+(?:\w+ly\s+)?(?:{_VERBS}))\b"
)
# Text inside an open quote that ends with a cue, so the closer went missing:
# '“First part, she said. “Second part.”'
MISSING_CLOSE_RE = re.compile(
    rf"([,?!])\s+(?:{_SUBJ}\s+(?:{_VERBS})|(?:{_INV})\s+{_SUBJ})\b[^.!?“”\"]{{0,80}}[.,:]\s*$"
)
_SENT_END_RE = re.compile(r"[.!?…][\"”’')\]]*\s+")
# A named subject reporting speech indirectly: "Keisha Monroe said she woke up".
_NARRATIVE_RE = re.compile(
    r"[A-Z][a-z]+\s+(?:said|says|told|added|recalled|explained)\s+(?:that\s+)?(?:he|she|they|the|his|her|their|it)\b"
)
# Quotations opening with a capital after a space, colon or dash (or at the start).
_SINGLE_OPEN_RE = re.compile(r"['‘][A-Z]")
_DOUBLE_OPEN_RE = re.compile(r"[\"“][A-Z]")
_OPENER_PREV = frozenset(" \n\t(:—–")


def _count_openers(regex: re.Pattern, text: str) -> int:
    return sum(
        1 for m in regex.finditer(text) if m.start() == 0 or text[m.start() - 1] in _OPENER_PREV
    )


def single_style(paragraphs: list[str]) -> bool:
    """True for a British-style article: quotations delimited by single marks.

    Either the article has no double marks at all (and some single ones), or
    single-mark quotations outnumber double-mark ones and every double mark lies
    inside a single-mark quotation (a nested quote: 'Ministers keep telling us
    to "be reasonable", but ...').
    """
    if not any(DOUBLE_RE.search(p) for p in paragraphs):
        return any(SINGLE_RE.search(p) for p in paragraphs)
    # Cheap screen: British copy opens a paragraph, or follows a colon, with a single mark.
    if not any(p[:1] in "'‘" or ": '" in p or ": ‘" in p for p in paragraphs):
        return False
    joined = "\n".join(paragraphs)
    n_single = _count_openers(_SINGLE_OPEN_RE, joined)
    if n_single < 2 or n_single <= _count_openers(_DOUBLE_OPEN_RE, joined):
        return False
    for p in paragraphs:
        doubles = char_offsets(p, DOUBLE_MARKS)
        if not doubles:
            continue
        spans = scan(p, single=True)
        if not all(any(sp.start <= d < sp.end for sp in spans) for d in doubles):
            return False
    return True


class Span:
    """One quote's extent inside one paragraph (content offsets, mark offsets).

    A plain class rather than a dataclass: mypyc compiles its ``__init__``
    (a dataclass's is generated at run time, and spans are made for every quote).
    Compares and prints as the dataclass would.
    """

    start: int
    end: int
    open_mark: int  # -1 when the opening mark is missing (repaired)
    close_mark: int  # -1 when the closing mark is missing
    strays: tuple[int, ...]
    after: int  # where the text after the quote begins; -1: runs to paragraph end

    def __init__(
        self,
        start: int,
        end: int,
        open_mark: int,
        close_mark: int,
        strays: tuple[int, ...] = (),
        after: int = -1,
    ) -> None:
        self.start = start
        self.end = end
        self.open_mark = open_mark
        self.close_mark = close_mark
        self.strays = strays
        self.after = close_mark + 1 if after < 0 and close_mark >= 0 else after

    def _fields(self) -> tuple[int, int, int, int, tuple[int, ...], int]:
        return (self.start, self.end, self.open_mark, self.close_mark, self.strays, self.after)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._fields() == other._fields()

    def __repr__(self) -> str:
        return (
            f"Span(start={self.start!r}, end={self.end!r}, open_mark={self.open_mark!r}, "
            f"close_mark={self.close_mark!r}, strays={self.strays!r}, after={self.after!r})"
        )


class Part:
    """One paragraph's span of a quotation (a plain class, like ``Span``)."""

    para: int
    span: Span

    def __init__(self, para: int, span: Span) -> None:
        self.para = para
        self.span = span

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Part):
            return NotImplemented
        return self.para == other.para and self.span == other.span

    def __repr__(self) -> str:
        return f"Part(para={self.para!r}, span={self.span!r})"


class RawQuote:
    """A quotation as marks delimit it, possibly over several paragraphs.

    ``qa`` marks an interview answer ("A: ...") that has no marks at all.
    (A plain class, like ``Span``.)
    """

    parts: list[Part]
    qa: bool

    def __init__(self, parts: list[Part] | None = None, qa: bool = False) -> None:
        self.parts = [] if parts is None else parts
        self.qa = qa

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawQuote):
            return NotImplemented
        return self.parts == other.parts and self.qa == other.qa

    def __repr__(self) -> str:
        return f"RawQuote(parts={self.parts!r}, qa={self.qa!r})"

    @property
    def first(self) -> Part:
        return self.parts[0]

    @property
    def last(self) -> Part:
        return self.parts[-1]

    @property
    def repaired(self) -> bool:
        return any(p.span.open_mark < 0 or p.span.strays for p in self.parts)


def _is_apostrophe(p: str, i: int, n: int) -> bool:
    prev = p[i - 1] if i else ""
    nxt = p[i + 1] if i + 1 < n else ""
    if prev.isalnum() and nxt.isalnum():
        return True  # don't, Kaiser’s
    if (not prev or prev.isspace()) and nxt.isdigit():
        return True  # ’90s
    if (not prev or prev.isspace()) and _ELISIONS.match(p, i + 1):
        return True  # 'em, 'til
    if prev in "sS" and nxt.isspace() and i + 2 < n and p[i + 2].islower():
        return True  # workers’ rights
    if prev in "sS" and nxt == " " and _ORG_NAME_POSSESSIVE_RE.match(p, i + 1):
        # "West Midlands Engineering Employers' Forum", "Alberta Teachers'
        # Association": a plural possessive inside an organisation's name.
        start = p.rfind(" ", 0, i) + 1
        if p[start : start + 1].isupper():
            return True
    # "'... chosen to target families' Easter getaways. ... open.'": a
    # plural possessive before a name inside a quote that closes later.
    return (
        prev in "sS"
        and nxt.isspace()
        and i + 2 < n
        and p[i + 2].isupper()
        and _open_single_before(p, i)
        and not _SAY_NEXT_RE.match(p, i + 1)
        and bool(_SINGLE_CLOSE_LATER_RE.search(p, i + 1))
    )


_ORG_NAME_POSSESSIVE_RE = re.compile(rf" (?:{alternation(w.title() for w in ORG_WORDS)})\b")
_SAY_NEXT_RE = re.compile(r"\s+(?:[A-Z][\w’'\-.]*\s+){1,3}(?:said|says|told|added|wrote)\b")
_SINGLE_CLOSE_LATER_RE = re.compile(r"[\w.,!?][’'](?=[\s.,;:!?)—–-]|$)")


def _open_single_before(p: str, i: int) -> bool:
    """True when the nearest single mark before ``i`` that is not inside a word
    opens a quotation (after a space or colon, before a letter)."""
    j = i - 1
    while j >= 0:
        c = p[j]
        if c in "'‘’":
            before = p[j - 1] if j else " "
            after = p[j + 1] if j + 1 < len(p) else " "
            if before.isalnum() and after.isalnum():
                j -= 1
                continue  # don't
            return (before.isspace() or before in ":(—–") and after.isalnum()
        j -= 1
    return False


def _classify(p: str, i: int, n: int) -> tuple[bool, bool]:
    prev = p[i - 1] if i else ""
    nxt = p[i + 1] if i + 1 < n else ""
    prev_space = not prev or prev.isspace()
    next_space = not nxt or nxt.isspace()
    can_open = (
        not next_space
        and nxt not in ".,;:!?)"
        and (
            prev_space
            or prev in _OPEN_PREV
            or prev in _MARKS
            or (prev in _END_PUNCT and (nxt.isalnum() or nxt in _MARKS or nxt == "("))
        )
    )
    can_close = not prev_space and (
        next_space
        or nxt in _CLOSE_NEXT
        or nxt in _MARKS
        or (prev in _END_PUNCT and (nxt.isalnum() or nxt == "("))
    )
    if not can_open and not can_close:
        ch = p[i]
        if ch in OPEN_HINT:
            can_open = True
        elif ch in CLOSE_HINT:
            can_close = True
        else:
            can_open = can_close = True
    return can_open, can_close


def char_offsets(p: str, chars: str) -> list[int]:
    """Where any of ``chars`` occurs in ``p``, in order (a few ``str.find``
    scans cost less than the regex engine testing a class at every character)."""
    found: list[int] = []
    for ch in chars:
        i = p.find(ch)
        while i >= 0:
            found.append(i)
            i = p.find(ch, i + 1)
    found.sort()
    return found


def _marks(p: str, single: bool) -> list[tuple[int, bool, bool]]:
    n = len(p)
    out: list[tuple[int, bool, bool]] = []
    for i in char_offsets(p, SINGLE_MARKS if single else DOUBLE_MARKS):
        if single and _is_apostrophe(p, i, n):
            continue
        o, c = _classify(p, i, n)
        out.append((i, o, c))
    return out


def _trim(p: str, start: int, end: int) -> tuple[int, int]:
    while start < end and p[start].isspace():
        start += 1
    while end > start and p[end - 1].isspace():
        end -= 1
    return start, end


def scan(p: str, *, single: bool = False, continuing: bool = False) -> list[Span]:
    """Return the quote spans of one paragraph in order.

    ``continuing`` says the previous paragraph ended inside an open quote, so a
    closing mark with no opener before it closes a continuation that began at
    this paragraph's start.
    """
    marks = _marks(p, single)
    if not marks:
        return []
    spans: list[Span] = []
    n = len(marks)
    open_at = -1
    strays: list[int] = []
    skip = 0
    for k, (i, can_open, can_close) in enumerate(marks):
        if skip:
            skip -= 1
            continue
        if open_at < 0:
            if can_open:
                open_at, strays = i, []
                continue
            # A closer with no opener: a missing opening mark.
            if spans:
                prev_end = spans[-1].close_mark + 1
                ends = list(_SENT_END_RE.finditer(p, prev_end, i))
                if not ends or not CUE_AFTER_RE.match(p, i + 1):
                    continue
                start = ends[0].end()
            else:
                if not (continuing or CUE_AFTER_RE.match(p, i + 1)):
                    continue
                start = 0
                if not continuing:
                    # 'Resident Keisha Monroe said she woke up ... We just ran,” Monroe
                    # said.': the quote starts after the reporter's own sentence.
                    for m in _SENT_END_RE.finditer(p, 0, i):
                        if _NARRATIVE_RE.search(p, start, m.start()):
                            start = m.end()
            s, e = _trim(p, start, i)
            if e > s:
                spans.append(Span(s, e, -1, i))
            continue
        # Inside an open quote.
        if can_close:
            s, e = _trim(p, open_at + 1, i)
            if e > s:
                spans.append(Span(s, e, open_at, i, tuple(strays)))
            open_at = -1
            continue
        between = p[open_at + 1 : i]
        miss = MISSING_CLOSE_RE.search(between)
        if miss:
            cut = open_at + 1 + miss.start(1) + 1
            s, e = _trim(p, open_at + 1, cut)
            if e > s:
                spans.append(Span(s, e, open_at, -1, tuple(strays), cut))
            open_at, strays = i, []
            continue
        # Nested pair (opener, closer, and a closer still to come) or stray mark.
        if k + 2 < n and marks[k + 1][2] and marks[k + 2][2]:
            skip = 1
            continue
        strays.append(i)
    if open_at >= 0:
        if single and p[open_at + 1 : open_at + 2].islower():
            # British copy: "... would mean 'tens of thousands' of cancelled
            # operations" -- a fragment that never closes was closed by what looked
            # like a plural possessive (workers' rights).
            pm = _POSS_CLOSE_RE.search(p, open_at + 1)
            if pm:
                i = pm.start() + 1
                s, e = _trim(p, open_at + 1, i)
                spans.append(Span(s, e, open_at, i, tuple(x for x in strays if x < i)))
                for sp in scan(p[i + 1 :], single=True):
                    k = i + 1
                    spans.append(
                        Span(
                            sp.start + k,
                            sp.end + k,
                            sp.open_mark + k if sp.open_mark >= 0 else -1,
                            sp.close_mark + k if sp.close_mark >= 0 else -1,
                            tuple(x + k for x in sp.strays),
                            sp.after + k if sp.after >= 0 else -1,
                        )
                    )
                return spans
        # '“This is when they'll listen, she said.' -- the closer went
        # missing before a cue that ends the paragraph: the quote ends there.
        miss = MISSING_CLOSE_RE.search(p, open_at + 1) if len(p) - open_at < 2000 else None
        if miss and not any(x > miss.start() for x in strays):
            cut = miss.start(1) + 1
            s, e = _trim(p, open_at + 1, cut)
            if e > s:
                spans.append(Span(s, e, open_at, -1, tuple(strays), cut))
                return spans
        s, e = _trim(p, open_at + 1, len(p))
        if e > s:
            spans.append(Span(s, e, open_at, -1, tuple(strays)))
    return spans


_POSS_CLOSE_RE = re.compile(r"[sS]['’](?=\s+[a-z])")


_Q_LABEL_RE = re.compile(r"^\s*(?:Q|Question)\s*[:.]\s+\S")
_A_LABEL_RE = re.compile(r"^\s*(?:A|Answer)\s*[:.]\s+(?=\S)")


def qa_answers(paragraphs: list[str]) -> list[RawQuote]:
    """Answers of a Q&A interview: paragraphs labelled "A:" in an article with
    at least two "Q:" and two "A:" paragraphs (an "A." initial alone is not
    enough). Each answer is one quotation without marks, running from after the
    label to the paragraph end."""
    if not any(p[:1] == "Q" or p[:2].strip() == "Q" for p in paragraphs):
        return []
    if sum(1 for p in paragraphs if _Q_LABEL_RE.match(p)) < 2:
        return []
    out = []
    for pi, p in enumerate(paragraphs):
        m = _A_LABEL_RE.match(p)
        if m:
            s, e = _trim(p, m.end(), len(p))
            if e > s:
                out.append(RawQuote([Part(pi, Span(s, e, -1, -1))], qa=True))
    return out if len(out) >= 2 else []


def opens_paragraph(p: str, span: Span) -> bool:
    """True when the span's opening mark (or repaired start) begins the paragraph."""
    if span.open_mark < 0:
        return not p[: span.start].strip()
    return not p[: span.open_mark].strip()


def find_quotes(paragraphs: list[str], single: bool) -> list[RawQuote]:
    """Scan every paragraph and join multi-paragraph quotes."""
    quotes: list[RawQuote] = []
    pending: RawQuote | None = None
    for pi, p in enumerate(paragraphs):
        spans = scan(p, single=single, continuing=pending is not None)
        nxt: RawQuote | None = None
        for k, sp in enumerate(spans):
            part = Part(pi, sp)
            if k == 0 and pending is not None and opens_paragraph(p, sp):
                pending.parts.append(part)
                q = pending
            else:
                q = RawQuote([part])
                quotes.append(q)
            nxt = q if (k == len(spans) - 1 and sp.after < 0) else None
        pending = nxt
    return quotes


_SPACES_RE = re.compile(r"  +")


def part_text(p: str, span: Span) -> str:
    """The span's text with stray marks removed and spacing repaired."""
    if not span.strays:
        return p[span.start : span.end]
    pieces = []
    pos = span.start
    for s in span.strays:
        pieces.append(p[pos:s])
        pos = s + 1
    pieces.append(p[pos : span.end])
    text = "".join(pieces)
    return _SPACES_RE.sub(" ", text)


def quote_text(paragraphs: list[str], q: RawQuote) -> str:
    """Repaired text: stray marks dropped, trailing comma/space trimmed, parts joined."""
    texts = [part_text(paragraphs[pt.para], pt.span).strip() for pt in q.parts]
    text = "\n\n".join(t for t in texts if t)
    return text.rstrip(" ,;:\u00a0")
