"""Gender and later-given roles of the people in a Cast, from the sentences after their names.

Takes a ``entities.Cast`` whose entities have their kinds decided; fills in
``Entity.gender`` for people the name and title did not settle, and
``Entity.roles`` from a role given in the next sentence. Each pass reads only
what follows a person's own mention, before anyone else is named:

* the first he/his/him/she/her after a person who opens a sentence;
* the he/she right after the person's own speech verb ("Sen. Marian
  Oyelaran-Pike (D-Wash.) said Wednesday she would ...");
* a sentence's subject whose next sentence opens with he/she, perhaps after
  an opening phrase ("During cross-examination, he asked ...");
* a name the first-name list does not know that speaks ("Llinos Howells ...
  said families were anxious"): the he/she of the next speech cue ('"...,"
  she said.') in this or the next paragraph;
* roles: "Wendell Ashgrove grew up above a bakery. He is a historian at
  Rutgers University." records "a historian at Rutgers University".
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from .lexicon import FINITE_WORDS
from .mentions import SAID_PRONOUN_RE, speaks_after

if TYPE_CHECKING:
    from .entities import Cast

# A whole word he/his/him/she/her/hers in any case: ``\b(he|his|him|she|her|hers)\b``
# with re.I, spelt with the letters re.I takes for each (ſ for s, İ and ı for i) so
# that the search can skip to an h or s: "(?<!\w.)" after the first letter is the
# word boundary before it.
_PRONOUN_RE: Final = re.compile(
    "([HhSs\u017f](?<!\\w.)"
    "(?:(?<=[Hh])(?:[Ee](?:[Rr][Ss\u017f]?)?|[Ii\u0130\u0131][Ss\u017fMm])|(?<=[Ss\u017f])[Hh][Ee]))"
    "\\b"
)
_PRONOUN_CUE_RE: Final = re.compile(
    r"(?:[\x1f\"”’'],?\s*|(?:^|[.!?]\s+|\n))([Hh]e|[Ss]he)\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|wrote|writes|explained|recalled|replied)\b"
)
# The pronoun and verb alone, a quick test before _PRONOUN_CUE_RE ("she" ends in "he").
_PRONOUN_VERB_RE: Final = re.compile(
    r"[Hh]e\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|wrote|writes|explained|recalled|replied)\b"
)
_SUBJ_PRE_RE: Final = re.compile(r"\s*(?:[A-Z][\w’'\-.]*\s+)?(?:[a-z][\w\-]*\s+){0,3}")
_NEXT_PRONOUN_RE: Final = re.compile(
    r"\s*(?:[^,.\x1f\"“”]{0,60},\s+)?([Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?[a-z]+"
)
_PRONOUN_ROLE_RE: Final = re.compile(
    r"(He|She)\s+(?:is|was|has\s+been|works\s+as|worked\s+as)\s+(?P<d>(?:a|an)\s+[a-z][^,;.\x1f]{2,80})"
)
WORDS_RE: Final = re.compile(r"[a-z]+")


def _gender(word: str) -> str:
    return "m" if word.lower() in ("he", "his", "him") else "f"


def has_finite_verb(text: str) -> bool:
    """A finite verb (or a past form) in lowercased ``text``: it is past the subject."""
    words: list[str] = WORDS_RE.findall(text)
    for w in words:
        if w in FINITE_WORDS or (len(w) > 4 and w.endswith("ed")):
            return True
    return False


def infer_genders(cast: Cast) -> None:
    _after_sentence_subject(cast)
    _after_own_speech_verb(cast)
    _next_sentence_pronoun(cast)
    _next_speech_cue(cast)


def _after_sentence_subject(cast: Cast) -> None:
    """The first he/she after a person who opens a sentence, before anyone else is named."""
    mentions = cast.mentions
    for i, m in enumerate(mentions):
        ent = m.entity
        if ent.gender or ent.kind != "person" or not m.sentence_initial or m.possessive:
            continue
        limit = m.end + 240
        for j in range(i + 1, len(mentions)):
            m2 = mentions[j]
            if m2.pos >= limit:
                break
            if m2.entity.kind == "person" and m2.entity is not ent:
                limit = m2.pos
                break
        mp = cast.masked[m.para]
        base = cast.bases[m.para]
        local_end = m.end - base
        sent_end = len(mp)
        for s in cast.starts[m.para]:
            if s > local_end:
                sent_end = s
                break
        seg = mp[local_end : min(sent_end, max(local_end, limit - base))]
        pm = _PRONOUN_RE.search(seg)
        if pm:
            ent.gender = _gender(pm.group(1))


def _after_own_speech_verb(cast: Cast) -> None:
    """'Sen. Marian Oyelaran-Pike (D-Wash.) said Wednesday she would ...'."""
    for m in cast.mentions:
        ent = m.entity
        if ent.gender or ent.kind != "person" or m.possessive:
            continue
        pm = SAID_PRONOUN_RE.match(cast.masked[m.para], m.end - cast.bases[m.para])
        if pm:
            ent.gender = _gender(pm.group(1))


def _next_sentence_pronoun(cast: Cast) -> None:
    """The subject of a sentence ("Defense attorney Tomasz Zielinski sought to
    ...") whose next sentence opens with he/she, perhaps after an opening
    phrase, with nobody else named in between."""
    mentions = cast.mentions
    for i, m in enumerate(mentions):
        ent = m.entity
        if ent.gender or ent.kind != "person" or m.possessive:
            continue
        mp = cast.masked[m.para]
        base = cast.bases[m.para]
        local = m.pos - base
        st = cast.starts[m.para]
        k = bisect.bisect_right(st, local) - 1
        if k + 1 >= len(st):
            continue  # no next sentence in the paragraph
        a = st[k] if k >= 0 else 0
        if not m.sentence_initial and not _SUBJ_PRE_RE.fullmatch(mp[a:local]):
            continue
        b = st[k + 1]
        if "\x1f" in mp[m.end - base : b]:
            continue
        pm = _NEXT_PRONOUN_RE.match(mp, b)
        if not pm:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and nxt.para == m.para
            and nxt.pos - base < pm.start(1)
            and nxt.entity is not ent
        ):
            continue
        ent.gender = _gender(pm.group(1))


def _next_speech_cue(cast: Cast) -> None:
    """A name the first-name list does not know ("Llinos Howells", "letter
    carrier Sylvie Gagnon") that speaks takes the gender of the he/she of the
    next speech cue when nobody else is named before it (this or the next
    paragraph)."""
    mentions = cast.mentions
    masked = cast.masked
    for i, m in enumerate(mentions):
        ent = m.entity
        if ent.gender or ent.kind != "person" or m.possessive or len(ent.tokens) < 2:
            continue
        mp = masked[m.para]
        base = cast.bases[m.para]
        if not speaks_after(mp[m.end - base : m.end - base + 160]):
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        seg = mp[m.end - base :]
        if nxt is not None and nxt.para == m.para:
            seg = mp[m.end - base : nxt.pos - base]
        elif m.para + 1 < len(masked) and (
            nxt is None or nxt.para > m.para + 1 or nxt.para == m.para + 1
        ):
            follow = masked[m.para + 1]
            if nxt is not None and nxt.para == m.para + 1:
                follow = follow[: nxt.pos - cast.bases[m.para + 1]]
            seg = seg + "\n" + follow[:200]
        gender = _pronoun_cue_gender(seg)
        if gender:
            ent.gender = gender


def _pronoun_cue_gender(seg: str) -> str:
    """The gender of the pronoun of ``_PRONOUN_CUE_RE.search(seg)`` ("" when it
    finds none), found without running that pattern over the whole text: its
    opening (a mark, an optional comma and spaces) would be retried at every
    character of a masked quotation (U+001F is whitespace to ``\\s``), which
    costs the square of the quotation's length.

    Every match is a he/she that ``_PRONOUN_VERB_RE`` finds, whose opening
    lies in the run of whitespace before the pronoun and the two characters
    before that run. The pronouns are tried in order, the pattern searching
    only that stretch, up to where the verb ends."""
    at = 0
    while True:
        vm = _PRONOUN_VERB_RE.search(seg, at)
        if vm is None:
            return ""
        h: int = vm.start()
        pronoun = h - 1 if h > 0 and (seg[h - 1] == "S" or seg[h - 1] == "s") else h
        k = pronoun
        opening = -1
        while k > 0 and seg[k - 1].isspace():
            k -= 1
            if seg[k] == "\x1f":
                opening = k  # a mark: the opening may start here, the rest is whitespace
                break
        if opening < 0:
            opening = max(0, k - 2)
        cm = _PRONOUN_CUE_RE.search(seg, opening, vm.end())
        if cm is not None and cm.start(1) == pronoun:
            return _gender(cm.group(1))
        at = h + 1


def roles_from_next_sentence(cast: Cast) -> None:
    """A role given in the next sentence ("Wendell Ashgrove grew up above a
    bakery. He is a historian at Rutgers University.") is recorded on the
    person who is the subject of the sentence before."""
    mentions = cast.mentions
    for pi, mp in enumerate(cast.masked):
        base = cast.bases[pi]
        st = cast.starts[pi]
        has_verb = -1  # whether " is ", " was " or " works " is in the paragraph, once asked
        for k, a in enumerate(st):
            if not (mp.startswith("He", a) or mp.startswith("She", a)):
                continue  # what _PRONOUN_ROLE_RE opens with
            if has_verb < 0:
                has_verb = int(" is " in mp or " was " in mp or " works " in mp)
            if not has_verb:
                break
            cm = _PRONOUN_ROLE_RE.match(mp, a)
            if not cm:
                continue
            g = "m" if cm.group(1) == "He" else "f"
            if k > 0:
                lo, hi = base + st[k - 1], base + a
            elif pi > 0 and cast.starts[pi - 1]:
                lo, hi = (
                    cast.bases[pi - 1] + cast.starts[pi - 1][-1],
                    cast.bases[pi - 1] + len(cast.masked[pi - 1]),
                )
            else:
                continue
            i = bisect.bisect_left(cast.positions, lo)
            if i >= len(mentions) or mentions[i].pos >= hi:
                continue
            m = mentions[i]
            e = m.entity
            if m.possessive or e.kind != "person" or (e.gender and e.gender != g):
                continue
            if not m.sentence_initial:
                # "Her co-author, Anselm Varga-Lindholm, spent ...": still the
                # subject when no verb comes before the name.
                pp = cast.para_of(m.pos)
                pre = cast.masked[pp][lo - cast.bases[pp] : m.pos - cast.bases[pp]].lower()
                if "\x1f" in pre or has_finite_verb(pre):
                    continue
            if any(
                x.entity is not e and x.entity.kind == "person"
                for x in mentions[i + 1 :]
                if x.pos < hi
            ):
                continue  # somebody else named in that sentence too
            e.roles = f"{e.roles} {cm.group('d')}".strip()
