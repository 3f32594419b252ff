"""Stage 3: cues, the reporter's words that say who is speaking.

Takes a masked paragraph and the place of a quotation in it; gives a ``Cue``
(where it is, its speech verb, the raw speaker phrase) or None.

Looked for in the masked paragraph (quotation text hidden), in this order of
strength:

* after the closing mark: '," Name said.' / '," said Name, title.' /
  '," according to the statement.' (the tail runs to the next opening mark or
  sentence end; after a quote that ends with a full stop the cue must close
  the sentence, so '“...today.” Smith said the deal ...' is not a cue);
* just before the opening mark: 'Name said, “', 'Name said: “', 'it said, “',
  'According to Name, “', 'they sent a statement that read in part:' — a colon
  may also end the previous paragraph;
* embedded: a speech verb earlier in the same sentence governs a quoted
  fragment: 'Smith called the offer “insulting”' (not when the verb takes a
  to-infinitive object, 'urged the union to accept a “...” plan', or when a
  later 'and <verb>' starts another predicate).

After a quote that ends a sentence (. ! ?), the next sentence is not its cue
when it carries a clause of its own ('“... stunt.” Press secretary Nina Alvarez
said President Whitmer would veto it') or ends with a colon that introduces the
next quote. A colon or participle cue's subject skips a dateline and common
nouns ("LOS ANGELES — Hundreds of tenants", "Immigration advocates"), takes the
holder of a role ("Council member Priya Natarajan", "RideNow's chief executive,
Marcus Feld,") and, for 'X ... and chanted "..."', the sentence's subject.

In reported speech, a second predicate takes the first speech verb's subject ('Jennings
said the union had ... and called it “...”', 'He said he was 'disappointed' by
the result and urged ...'); a fragment inside reported speech belongs to the
reporting verb's subject ('Adeyemi said the office had shared “...”', 'He said
he had been asked to ..., and that studios treated voices as “...”'); the noun
phrase after a clause word is the verb's subject ('rejected what the company
called its “...”'), and otherwise any clause after said/told/wrote leaves the
fragment with that verb's subject ('The authority said it had asked the utility
to “...”'), unless the inner verb is a speech verb itself; auxiliaries are not
part of the subject ('the company had called'); a passive participle is not a cue ('would be announced 'within
weeks''); '..., according to a statement from the hospital, which said ...'
stops at the relative clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    ABBREVIATIONS,
    ADVERBIAL_OPENERS,
    APPEAL_VERBS,
    CLAUSE_WORDS,
    GOVERNING_VERBS,
    INVERTED_VERBS,
    NOUN_MARKERS,
    OFFICIAL_NOUNS,
    POSSESSIVE_DETERMINERS,
    REPORTING_VERBS,
    ROLE_MODIFIERS,
    ROLE_TITLES,
    SAY_VERBS,
    TO_INFINITIVE_VERBS,
    VERB_PRECEDERS,
    alternation,
)
from .names import is_role_word
from .phrases import doc_intro_split
from .vocabulary import holds_any

_INV = "|".join(sorted(INVERTED_VERBS, key=len, reverse=True))
_NOQ = r"[^\x1f\"“”]"

TAIL_INV_RE = re.compile(rf"^[\s,—–\-]*(?P<verb>{_INV})\s+(?P<subj>{_NOQ}+?)[\s.,;:]*$")
TAIL_ACC_RE = re.compile(
    rf"^[\s,—–\-]*(?P<verb>according\s+to)\s+(?P<subj>{_NOQ}+?)[\s.,;:]*$", re.I
)
_HEAD_MOD_RE = re.compile(r"(?:\s+[^\x1f\"“”,:;]{1,60}?)?\s*[,:—]\s*$")
_PUT_IT_RE = re.compile(r"\bputs?\s+it\b")
_INNER_SUBJ_RE = re.compile(
    r"\b(?:said|says|told|tells|added|adds|recalled|recalls)\s+(?:that\s+)?"
    r"(?P<s>he|she|[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*){0,2})\s*$"
)
# "Mr Whitlock last night said ...": a time phrase between subject and verb.
_TIME_TAIL_RE = re.compile(
    r"\s+(?:last\s+(?:night|week|month|year|weekend)|yesterday|today|tonight|"
    r"this\s+(?:morning|afternoon|evening|week)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*$"
)
HEAD_ACC_RE = re.compile(r"\baccording\s+to\s+(?P<subj>[^,\x1f\"“”]+),\s*$", re.I)
# "according to co-author Prof. Rajesh Iyer, the rate ...": an abbreviation's
# full stop does not end the source.
ACC_ANY_RE = re.compile(
    r"\baccording\s+to\s+(?P<subj>(?:[^,\x1f\"“”.]|"
    r"(?:(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z]{2})|(?<=\b[A-Z][a-z]{3}))\.(?=\s+[A-Z]))+)",
    re.I,
)
_REST_OK_RE = re.compile(
    r"^\s*(?:(?:in|on|at|to|through|during|via|from|before|after|outside|inside|with|while|of|about|"
    r"last|this|earlier|later|recently|reporters|[A-Z][\w.]*)\b[^\x1f]{0,60})?[\s.]*$"
)
# "would be announced 'within weeks'": a passive participle is not the speaker's verb.
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:be|been|being|was|were|is|are)\s+(?:\w+ly\s+)?$", re.I)


def is_passive(text: str, v: tuple[int, int]) -> bool:
    """'would be announced', 'was told': a passive participle, not the subject's speech."""
    if text[v[1] - 3 : v[1]].lower() == "ing":
        return False
    lo = max(0, v[0] - 60)
    # The auxiliary ends the last word before the verb, or the one before
    # that (then an adverb in -ly between): the search starts there.
    last_words = text[lo : v[0]].rsplit(None, 2)
    if len(last_words) == 3:
        lo += len(last_words[0])
    return bool(_PASSIVE_BEFORE_RE.search(text, lo, v[0]))


_REPORTED_CLAUSE_RE = re.compile(
    r"\b(?P<v>said|says|told|tells|added|adds|wrote|writes)\s+(?:that\s+)?(?:the|a|an|his|her|its|their|[A-Z])[^\x1f\"“”,;:]{0,60}?"
    r"\s(?:had|has|have|was|were|is|are|would|will)\s*$"
)
# ... and, when no clause word or named subject decides it, any clause after the
# reporting verb: "The authority said it had asked the utility to “...”", "The
# union said in a communiqué that it would not call off the strike “...”",
# "Director Ana Reyes said any employee who called in sick could face “...”".
_REPORTED_ANY_RE = re.compile(
    r"\b(?P<v>said|says|told|tells|added|adds|wrote|writes)\s+[^\x1f\"“”,;:]{1,120}$"
)
_INNER_SPEECH_VERBS = frozenset(
    "said says told tells added adds wrote writes recalled recalls answered replied responded".split()
)
_CLAUSE_NP = (
    r"(?P<np>(?:the|its|their)\s+[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*)?|"
    r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*){0,3}|he|she|they|it|we)\s*$"
)
# "rejected what the company called its “...”", and a reduced relative clause:
# ", a step the district called “...”", "a move the union described as “...”".
_LAST_CLAUSE_RE = re.compile(
    r"\s\b(?:what|which|whom|after|when|because|while|than)\s+"
    + _CLAUSE_NP
    + r"|(?:^|,\s+|\s)(?:a|an)\s+[a-z][\w\-]*\s+(?=(?:the|its|their)\s|[A-ZÀ-ÖØ-ÞĀ-ſ])"
    + _CLAUSE_NP.replace("np", "np2")
)
# A relative clause open up to the quote: "Priya Sandhu, who has called the
# formula “broken,” said ...": what follows the closing comma is the main clause.
OPEN_RELATIVE_RE = re.compile(r",\s+(?:who|whose)\s+[^,;\x1f]*$")
_REL_CLAUSE_RE = re.compile(r",\s+(?:which|who|whose|where|that)\b")
_FIRST_PRED_RE = re.compile(
    r"\s(?:[a-z]+ed|declined|refused|did|does|was|is|has|had|would|will|could|could|went|made|took|gave|sent|met)\b"
)
# "X said ... and urged regulators to enforce “...”": an active verb
# coordinated with an earlier predicate governs the quote.
_AND_PRED_RE = re.compile(r"\b(?:and|but)\s+$")
_TO_VERB_END_RE = re.compile(r"\bto\s+[a-z]+\s*$")
_AND_VERB_RE = re.compile(r"\b(?:and|but)\s+(?:then\s+)?([a-z]+(?:ed|es|s))\b")
_SUBJ_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-&]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-&]*|of|and|the|de|van|von))*|he|she|they|it|we|I)\b"
    # "the board found ..., writing that": a definite description.
    r"|^(?:the|its|their)\s+[a-z][\w’'\-]*\b"
)


_NOUN_AFTER_CAP_RE = re.compile(r"^(\s+[a-z][a-z\-]+)\s+([a-z]+)\b")
# After a capitalised subject: lowercase role words then a name ("member Priya Natarajan").
_ROLE_NAME_RE = re.compile(
    r"^\s+((?:[a-z][\w\-]*\s+){1,3})[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-]*){0,3}"
)
_ROLE_LOWER = ROLE_TITLES | OFFICIAL_NOUNS | ROLE_MODIFIERS
# "Kaiser's chief executive" / "The union's president": an owner and a role, no name.
_OWNER_ROLE_RE = re.compile(
    r"^(?:(?:[Tt]he\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-&]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-&]*)*"
    r"|[Tt]he\s+[a-z]+)(?:’s|'s)\s+[a-z][\w\- ]*$"
)
_APPOS_NAME_RE = re.compile(r"^\s*[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'.\-]*){1,3}\s*$")
_CLAUSE_RE = re.compile(
    r"\b(?:that|would|will|had|has|have|was|were|is|are|could|should|can|did|does|do|must|might|may|"
    r"he|she|they|it|we)\b"
)
_LEAD_CONJ_RE = re.compile(r"^(?:and|but|or|then|also|so)\b\s*", re.I)

# Words a pattern cannot match without (all case-sensitive, like the patterns):
# the quick tests before searching. "yesterday", "today" and the weekdays end in "day".
_TIME_TAIL_WORDS = ("day", "last", "this", "tonight")
_INNER_SUBJ_WORDS = ("said", "says", "told", "tells", "add", "recall")
_REPORTED_WORDS = ("said", "says", "told", "tells", "add", "wrote", "writes")


def _after_last(text: str, chars: str) -> int:
    """Index of the last of ``chars`` in ``text`` (0 when none): where a
    pattern that holds none of them, or only at its first character, must
    start."""
    k = 0
    for c in chars:
        k = max(k, text.rfind(c))
    return k


def _is_space(text: str, i: int) -> bool:
    """``text[i].isspace()``, without a method call for ASCII."""
    c = ord(text[i])
    if c < 128:
        return c == 32 or 9 <= c <= 13 or 28 <= c <= 31
    return text[i].isspace()


def _is_alpha(text: str, i: int) -> bool:
    """``text[i].isalpha()``, without a method call for ASCII."""
    c = ord(text[i])
    if c < 128:
        return 97 <= c <= 122 or 65 <= c <= 90
    return text[i].isalpha()


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word ending before ``start`` (lowercased) and where it starts."""
    k = start - 1
    while k >= 0 and ord(text[k]) == 32:
        k -= 1
    j = k
    while j >= 0 and not _is_space(text, j):
        j -= 1
    return text[j + 1 : k + 1].lower(), j + 1


def _is_owner(word: str) -> bool:
    return word in NOUN_MARKERS or word.endswith(("'s", "’s", "s'", "s’"))


def _noun_use(text: str, start: int) -> bool:
    """True when the words before ``start`` make the verb form a noun: "its
    demands", and for a form in -s a modifier between the form and an owner
    ("the union's wage demands", "their contract offers"; but "the company
    calls")."""
    prev, at = _word_before(text, start)
    if _is_owner(prev):
        return True
    if not prev.isalpha() or not prev.islower() or prev in VERB_PRECEDERS or prev.endswith("ly"):
        return False
    end = start
    n = len(text)
    while end < n and _is_alpha(text, end):
        end += 1
    if not text[start:end].endswith("s"):
        return False
    owner = _word_before(text, at)[0]
    return owner in POSSESSIVE_DETERMINERS or owner.endswith(("'s", "’s", "s'", "s’"))


# Speech verbs are found by scanning words (runs of ASCII letters) and looking
# them up in a set, which is much faster than a regex alternation of a few
# hundred verbs, or than a regex finding the words.


def _word_start(text: str, i: int, n: int) -> int:
    """Where the first word at or after ``i`` starts (``n`` when none)."""
    while i < n:
        c = ord(text[i])
        if 97 <= c <= 122 or 65 <= c <= 90:
            return i
        i += 1
    return n


def _word_end(text: str, i: int, n: int) -> int:
    """Where the word going on at ``i`` ends."""
    while i < n:
        c = ord(text[i])
        if not (97 <= c <= 122 or 65 <= c <= 90):
            return i
        i += 1
    return n


@lru_cache(maxsize=32)
def _vocab_index(vocab: frozenset[str]) -> tuple[int, int, list[bool]]:
    """The shortest and longest word of a vocabulary (a word of another length
    is not in it), and which pairs of first letters its words of two or more
    lowercase ASCII letters open with, indexed by ``_pair_key``: a word of
    ASCII letters opening with another pair lowercases to none of them."""
    lengths = [len(w) for w in vocab]
    pairs = [False] * 676
    for w in vocab:
        if len(w) >= 2 and 97 <= ord(w[0]) <= 122 and 97 <= ord(w[1]) <= 122:
            pairs[_pair_key(w, 0)] = True
    return ((min(lengths), max(lengths)) if lengths else (1, 0)) + (pairs,)


def _pair_key(text: str, i: int) -> int:
    """Index of the (lowercased) ASCII letters ``text[i]`` and ``text[i + 1]``."""
    return ((ord(text[i]) | 32) - 97) * 26 + (ord(text[i + 1]) | 32) - 97


def verbs_in(vocab: frozenset[str], text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of words from ``vocab`` used as verbs, not nouns ("the union's demands")."""
    found: list[tuple[int, int]] = []
    shortest, longest, pairs = _vocab_index(vocab)
    n = len(text)
    i = start
    while i < n:
        c = ord(text[i])
        if not (97 <= c <= 122 or 65 <= c <= 90):
            i += 1
            continue
        pos = i
        upper = c <= 90
        i += 1
        while i < n:
            c = ord(text[i])
            if 97 <= c <= 122:
                i += 1
            elif 65 <= c <= 90:
                upper = True
                i += 1
            else:
                break
        length = i - pos
        if (
            length < shortest
            or length > longest
            or (length >= 2 and not pairs[_pair_key(text, pos)])
        ):
            continue
        word = text[pos:i]
        if upper:
            word = word.lower()
        if (
            word in vocab
            # "so-called", "self-described": part of a compound, not a verb.
            and not (pos > 0 and text[pos - 1] == "-")
            and not _noun_use(text, pos)
        ):
            found.append((pos, i))
    return found


def _tail_sv(tail: str) -> tuple[str, int, int, str] | None:
    """'," Name, title, said in a statement.' -> (subject, subject start, verb end, rest)."""
    lead = len(tail) - len(tail.lstrip(" \t,—–-"))
    n = len(tail)
    at = _word_start(tail, lead, n)
    # No speech verb among the first 31 words: no cue.
    for _ in range(31):
        if at >= n:
            return None
        vend = _word_end(tail, at + 1, n)
        if at > lead and tail[at:vend].lower() in SAY_VERBS and not _noun_use(tail, at):
            subj = tail[lead:at]
            if any(c in subj for c in '\x1f"“”;:!?'):
                return None
            words = subj.split()
            while words and (
                words[-1].lower() in VERB_PRECEDERS
                or (words[-1].islower() and words[-1].endswith("ly"))
            ):
                words.pop()
            if not words:
                return None
            return " ".join(words), lead, vend, tail[vend:]
        at = _word_start(tail, vend, n)
    return None


def _head_end(local: str) -> tuple[int, int] | None:
    """A speech verb ending the text before an opening mark: 'said,', 'told reporters:', 'chanted'."""
    # (start, end, a speech verb that must not be passive): the passive test
    # only for a candidate that ends the text.
    cands = [(s, e, True) for s, e in verbs_in(SAY_VERBS, local)]
    if "put" in local:
        cands += [(m.start(), m.end(), False) for m in _PUT_IT_RE.finditer(local)]
        cands.sort()
    for s, e, verb in cands:
        rest = local[e:]
        if not rest.strip():
            if not (verb and is_passive(local, (s, e))):
                return s, e
        elif (
            len(rest.strip()) <= 62
            # _HEAD_MOD_RE: a comma, colon or dash before the trailing whitespace
            and rest.rstrip()[-1:] in (",", ":", "—")
            and _HEAD_MOD_RE.match(rest)
        ):
            if not (verb and is_passive(local, (s, e))):
                return s, e + len(rest.rstrip().rstrip(",:—").rstrip())
    return None


@dataclass(slots=True)
class Cue:
    kind: str  # after | before | colon | embedded
    phrase: str  # raw speaker phrase (may hold an appositive)
    pos: int  # paragraph offset of the phrase
    cue: str  # the attribution as written
    adjacent: bool
    inherit: bool = False  # subject elided ("... and added that"): take the previous speaker
    inverted: bool = False  # '"...," said Name, description': the name comes first


_SENT_IN_RE = re.compile(r"[.!?]\s+[A-Z]")
_ENDS_WITH_NAME_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]+\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]+$")
_ADVERBIAL_AFTER_NAME_RE = re.compile(
    r"(?<=[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ])\s+(?:at|outside|inside|during|after|before|near|while|on|in|via)\s+"
    r"(?:the|a|an|his|her|their|its|[a-z0-9])"
)
_OF_ORG_RE = re.compile(r"\s+(?:of|for|with|from|at)\s+(?=(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ])")
_ABBR_DOT_RE = re.compile(
    rf"\b(?:[A-Z]|{alternation(w.capitalize() for w in ABBREVIATIONS if '.' not in w)})\.\s"
)
_TO_INF_RE = re.compile(r"\bto\s+[a-z]+")
# "appealed to both sides to “...”": the first "to" names who was appealed to.
_APPEAL_TO_RE = re.compile(r"^\s*to\s+")
_AND_THAT_RE = re.compile(r"\b(?:and|but)\s+that\b")


def _subject_ok(subj: str) -> bool:
    s = subj.strip(" ,")
    if not s:
        return False
    words = s.split()
    if "," in s:
        if len(words) > 25:
            return False
        first = s.split(",")[0].split()
    else:
        # "Mining and Energy Union district vice-president Shane Tully said":
        # a long role is fine when a name ends it.
        if len(words) > 7 and not (len(words) <= 12 and _ENDS_WITH_NAME_RE.search(s)):
            return False
        first = words
    # ("IF Metall chair ...": an acronym, not the conjunction)
    if any(w.lower() in CLAUSE_WORDS and not w.isupper() for w in first):
        return False
    if first and first[0].endswith("ing") and first[0].islower():
        return False  # "..., pointing to a deal agreed last month": a participle, not a subject
    if _SENT_IN_RE.search(s) and not _ABBR_DOT_RE.search(s):
        return False
    return True


# The inverted speech verbs by their first letter.
_INVERTED_BY_LETTER: dict[str, tuple[str, ...]] = {
    c: tuple(v for v in INVERTED_VERBS if v[0] == c) for c in {v[0] for v in INVERTED_VERBS}
}


def _inverted_verb_first(tail: str) -> bool:
    """After the spaces, commas and dashes that open it, ``tail`` starts with an
    inverted speech verb (all lowercase letters): what TAIL_INV_RE needs there."""
    i = 0
    n = len(tail)
    while i < n and (_is_space(tail, i) or tail[i] in ",—–-"):
        i += 1
    verbs = _INVERTED_BY_LETTER.get(tail[i : i + 1])
    return verbs is not None and tail.startswith(verbs, i)


def after_cue(mp: str, start: int, limit: int, inner_last: str) -> Cue | None:
    """A cue right after a closing mark; ``start`` is where the text after it begins."""
    tail = mp[start:limit]
    if not tail.strip(" ,.—–-"):
        return None
    if inner_last in ".!?…" and tail.rstrip().endswith(":"):
        return None  # '“... throughout.” A spokesperson said in an email: “...”': introduces the next one
    m = TAIL_INV_RE.match(tail) if _inverted_verb_first(tail) else None
    if m:
        subj = m.group("subj")
        name = subj.split(",")[0].strip()
        adverbial = _ADVERBIAL_AFTER_NAME_RE.search(name)
        if adverbial:
            # "said Local 1187 president Terry Baptiste at the picket line outside
            # ...": the adverbial is not part of the speaker.
            subj = name = name[: adverbial.start()]
        # "said Malcolm Ardito of the Federal Mediation and Conciliation Service":
        # the organisation after the name does not count against its length.
        core = _OF_ORG_RE.split(name, 1)[0]
        # "said Name", "said the union", "said driver Denise Carter" (role before the name).
        if (
            name
            and len(core.split()) <= 8
            and (
                name[0].isupper()
                or name.split()[0].lower()
                in ("the", "a", "an", "one", "another", "his", "her", "its", "their")
                or any(w[:1].isupper() for w in name.split()[1:])
            )
        ):
            return Cue(
                "after",
                subj,
                start + m.start("subj"),
                f"{m.group('verb')} {name}".strip(),
                True,
                inverted=True,
            )
    m = TAIL_ACC_RE.match(tail)
    if m:
        subj = m.group("subj")
        # "according to a statement from the hospital, which said it had ...": the
        # relative clause describes the source, it is not part of it.
        rel = _REL_CLAUSE_RE.search(subj)
        if rel:
            subj = subj[: rel.start()]
        return Cue(
            "after",
            subj,
            start + m.start("subj"),
            f"according to {subj.split(',')[0].strip()}",
            True,
        )
    sv = _tail_sv(tail)
    if sv:
        subj, lead, vend, rest = sv
        if not _subject_ok(subj) or _LEAD_CONJ_RE.match(subj):
            return None  # '"...," and a judge agreed': a new clause, not a cue
        if inner_last == "." and not _REST_OK_RE.match(rest):
            return None
        if inner_last in ".!?" and _CLAUSE_RE.search(rest.split(",", 1)[0]):
            # '“...stunt.” Press secretary Nina Alvarez said President Whitmer would
            # veto it': a new sentence of indirect speech, not this quote's cue.
            return None
        return Cue("after", subj, start + lead, tail[lead:vend].strip(), True)
    return None


_SUBORDINATE_SUBJ_RE = re.compile(
    r"(?:^|[\s,])(?:as|while|whereas|although|though|because)\s+"
    r"(?P<s>(?:the|its|their|[A-ZÀ-ÖØ-ÞĀ-ſ])[^,;:\x1f]*)$"
)


def _clause_start(sent_head: str, end: int) -> int:
    """Index after the last quotation (mask or mark) before ``end``."""
    k = max(
        sent_head.rfind("\x1f", 0, end),
        sent_head.rfind('"', 0, end),
        sent_head.rfind("“", 0, end),
        sent_head.rfind("”", 0, end),
    )
    return k + 1 if k >= 0 else 0


def cue_from_verb(
    mp: str, sbase: int, sent_head: str, vs: int, ve: int, kind: str, adjacent: bool
) -> Cue:
    verb_word = sent_head[vs:ve].split()[0].lower() if sent_head[vs:ve].split() else ""
    if verb_word.endswith("ing"):
        # "X urged ..., saying in a letter that": the participle's subject is the sentence's.
        sc = subject_cue(sbase, sent_head[:vs], kind)
        if sc is not None:
            sc.adjacent = adjacent
            sc.cue = f"{sc.cue} ... {sent_head[vs:ve]}" if sc.cue else sent_head[vs:ve]
            return sc
    cs = _clause_start(sent_head, vs)
    phrase = sent_head[cs:vs]
    raw_phrase = phrase
    tm = (
        _TIME_TAIL_RE.search(phrase)
        if len(phrase) < 400 and holds_any(phrase, _TIME_TAIL_WORDS)
        else None
    )
    if tm and phrase[: tm.start()].strip():
        phrase = phrase[: tm.start()] + " "
    pw = phrase.rstrip().rsplit(None, 1)
    while len(pw) == 2 and pw[1].lower() in VERB_PRECEDERS:
        # "the company had called ...": the auxiliary is not part of the subject.
        phrase = pw[0] + " "
        pw = phrase.rstrip().rsplit(None, 1)
    sm = None
    if " " in phrase.strip():
        sub = phrase.rstrip()
        # The clause holds no semicolon or colon, and a comma only first.
        sm = _SUBORDINATE_SUBJ_RE.search(sub, _after_last(sub, ",;:"))
    if sm and len(sm.group("s").split()) <= 6:
        # "..., rallying outside Parliament as the union accused ...": the
        # subordinate clause's subject speaks, not the words before it.
        phrase = sm.group("s") + " "
    im = (
        _INNER_SUBJ_RE.search(phrase)
        if kind == "embedded" and holds_any(phrase, _INNER_SUBJ_WORDS)
        else None
    )
    if im:
        # "He said she had once told him that a strike was “...”": the
        # quoted words are the inner speech verb's subject's, not the reporter's source's.
        phrase = im.group("s") + " "
    lead = phrase.rstrip()
    split = doc_intro_split(lead)
    verb_text = sent_head[vs:ve].strip()
    if split is not None:
        subj, intro = split
        return Cue(
            kind,
            subj,
            sbase + vs,
            f"{intro} {verb_text}".strip(),
            adjacent,
            inherit=not subj.strip(" ,"),
        )
    stripped = phrase.strip(" ,")
    if kind == "embedded" and stripped.endswith((" and", " but", "'and", "’and")):
        # "Jennings said the union had ... and called it “...”", "He said he was
        # 'disappointed' by the result and urged ...": the second predicate's
        # subject is the first speech verb's.
        first = verbs_in(SAY_VERBS, sent_head[:vs])
        if first:
            f0, f1 = first[0]
            lead_words = sent_head[_clause_start(sent_head, f0) : f0].split()
            lead = sent_head[_clause_start(sent_head, f0) : f0]
            if (
                lead_words
                # "In a statement, Coastline said ... and said ...": an opening
                # phrase closed by a comma before the subject.
                and (lead_words[0].lower() not in ADVERBIAL_OPENERS or "," in lead)
                and not _AND_VERB_RE.search(sent_head[:f0])
            ):
                inner = cue_from_verb(mp, sbase, sent_head, f0, f1, kind, adjacent)
                if inner is not None and inner.phrase.strip(" ,"):
                    inner.cue = f"{inner.cue} ... {verb_text}"
                    return inner
    if (
        kind == "embedded"
        and stripped.endswith((" and", " but"))
        and not verbs_in(SAY_VERBS, sent_head[:vs])
    ):
        # "A spokesman for X declined to comment ... but said the company
        # “...”", "Judge Y admonished the gallery and reminded jurors to ...": the
        # subject is the words before the first predicate.
        pm = _FIRST_PRED_RE.search(phrase)
        if pm and pm.start() > 0 and phrase[: pm.start()].strip(" ,"):
            phrase = phrase[: pm.start()] + " "
            stripped = phrase.strip(" ,")
    stripped = stripped.strip(" ,'‘’")
    if not stripped or stripped.lower() in ("and", "but", "also", "and also", "then", "and then"):
        if cs > 0:
            # 'Workers carried signs reading "..." and chanted "...!"': the verb's
            # subject is the sentence's, not whoever spoke the quote before.
            sc = subject_cue(sbase, sent_head[: _first_quote(sent_head)], kind)
            if sc is not None:
                sc.adjacent = adjacent
                sc.cue = f"{sc.cue} ... {verb_text}"
                return sc
        return Cue(kind, "", sbase + vs, verb_text, adjacent, inherit=True)
    if kind == "embedded":
        reported = holds_any(raw_phrase, _REPORTED_WORDS)
        rm = _REPORTED_CLAUSE_RE.search(raw_phrase) if reported else None
        if rm and not _noun_use(raw_phrase, rm.start("v")):
            # "Paul Adeyemi said the office had shared “...”": words quoted inside
            # reported speech are the reporter's source's, the subject of "said".
            r0 = cs + rm.start("v")
            return cue_from_verb(mp, sbase, sent_head, r0, r0 + len(rm.group("v")), kind, adjacent)
        # "after union members rejected what the company called its “...”": the
        # verb's subject is the noun phrase after the last clause word.
        # Only the comma of ", a step the district called" can be in it, first.
        cm = _LAST_CLAUSE_RE.search(phrase, _after_last(phrase, ",;:"))
        if cm:
            g = "np" if cm.group("np") else "np2"
            np = cm.group(g)
            return Cue(kind, np, sbase + cs + cm.start(g), f"{np} {verb_text}".strip(), adjacent)
        rm = (
            _REPORTED_ANY_RE.search(raw_phrase)
            if reported
            and verb_word not in _INNER_SPEECH_VERBS  # "He said she had once told him ..."
            else None
        )
        if rm and rm.start() > 0 and not _noun_use(raw_phrase, rm.start("v")):
            r0 = cs + rm.start("v")
            return cue_from_verb(mp, sbase, sent_head, r0, r0 + len(rm.group("v")), kind, adjacent)
    # cue text: the subject segment (with its appositive when the phrase ends in a comma).
    if phrase.rstrip().endswith(","):
        segs = phrase.split(",")
        first_np = next(
            (
                i
                for i, s in enumerate(segs)
                if s.strip() and s.split()[0].lower() not in ADVERBIAL_OPENERS
            ),
            0,
        )
        cue_subj = ",".join(segs[first_np:]).strip()
    else:
        cue_subj = phrase.split(",")[-1].strip()
    return Cue(kind, phrase, sbase + vs, f"{cue_subj} {verb_text}".strip(), adjacent)


def head_cue(mp: str, sbase: int, sent_head: str, local_from: int) -> Cue | None:
    """An adjacent cue before an opening mark (colon, 'said,', 'According to X,')."""
    local = sent_head[local_from:]
    stripped = local.rstrip()
    if not stripped:
        return None
    m = HEAD_ACC_RE.search(local) if "ccording" in local else None
    if m:
        subj = m.group("subj")
        return Cue(
            "before",
            subj,
            sbase + local_from + m.start("subj"),
            f"According to {subj.strip()}",
            True,
        )
    he = _head_end(local)
    if he:
        vs, ve = local_from + he[0], local_from + he[1]
        return cue_from_verb(
            mp, sbase, sent_head, vs, ve, "colon" if stripped.endswith(":") else "before", True
        )
    if stripped.endswith(":"):
        # A colon without a speech verb next to it: the last speech verb of the
        # sentence, else the sentence's subject ('Albert sent an email ...:').
        verbs = verbs_in(SAY_VERBS, sent_head)
        if verbs:
            vs, ve = verbs[-1]
            return cue_from_verb(mp, sbase, sent_head, vs, ve, "colon", True)
        return subject_cue(sbase, sent_head, "colon")
    return None


def _first_quote(sent_head: str) -> int:
    ks = [k for k in (sent_head.find(c) for c in '\x1f"“”') if k >= 0]
    return min(ks) if ks else len(sent_head)


_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z.'’\- ]+(?:,\s*[A-Z][\w.' ]+)?\s*(?:\([^)]{1,40}\)\s*)?[—–-]+\s*"
)


def subject_cue(sbase: int, sent_head: str, kind: str) -> Cue | None:
    """The sentence's grammatical subject as the speaker (colon introductions)."""
    cs = _clause_start(sent_head, len(sent_head))
    dm = _DATELINE_RE.match(sent_head, cs)
    if dm:
        cs = dm.end()  # "LOS ANGELES (AP) — Hundreds of ...": not the subject
    text = sent_head[cs:]
    pos = cs
    segs = text.split(",")
    for si, seg in enumerate(segs):
        s = seg.strip()
        if not s:
            pos += len(seg) + 1
            continue
        if s.split()[0].lower() in ADVERBIAL_OPENERS:
            pos += len(seg) + 1
            continue
        m = _SUBJ_RE.match(s)
        if not m or not m.group().strip():
            return None
        lead = len(seg) - len(seg.lstrip())
        cue_end = s.find(",")
        cue = s[: cue_end if cue_end > 0 else len(s)].rstrip(" :")
        words = cue.split()
        subj = m.group()
        rest = s[m.end() :]
        nm = _NOUN_AFTER_CAP_RE.match(rest)
        if nm and nm.group(1).strip() in VERB_PRECEDERS or nm and nm.group(1).endswith("ly"):
            nm = None  # "Calloway Brandt later issued ...": an adverb, not a noun
        if nm and (
            nm.group(2) in SAY_VERBS or nm.group(2).endswith("ed") or nm.group(2) in VERB_PRECEDERS
        ):
            # "Immigration advocates rallied ...": the capital is a modifier of a common noun.
            subj = subj + rest[: nm.end(1)]
            rest = rest[nm.end(1) :]
        if rest.strip() and rest[:1] == " ":
            rm = _ROLE_NAME_RE.match(rest)
            role = rm.group(1).split() if rm else []
            if (
                rm
                and role
                and (
                    all(w in _ROLE_LOWER for w in role)
                    or (role[-1] in _ROLE_LOWER or is_role_word(role[-1]))
                )
            ):
                # "Council member Priya Natarajan": the role's holder, not "Council".
                subj = s[: m.end() + rm.end()]
            elif (
                si + 1 < len(segs)
                and _APPOS_NAME_RE.match(segs[si + 1])
                and _OWNER_ROLE_RE.match(s)
            ):
                # "RideNow's chief executive, Marcus Feld, ...": the appositive name.
                nxt = segs[si + 1]
                npos = pos + len(seg) + 1
                nlead = len(nxt) - len(nxt.lstrip())
                return Cue(kind, nxt.strip(), sbase + npos + nlead, " ".join(words[:8]), True)
        return Cue(kind, subj, sbase + pos + lead, " ".join(words[:8]), True)
    return None


# Passive speech verbs and their agent: 'was described by Ruiz as “...”' (the
# agent before the quote), 'was called “a disgrace” by Ruiz' (after it).
_PASSIVE_PARTICIPLES = alternation(w for w in GOVERNING_VERBS if w.endswith("ed"))
_AGENT_BEFORE_RE = re.compile(
    rf"\b(?P<v>{_PASSIVE_PARTICIPLES})\s+by\s+(?P<subj>[^,;:\x1f\"“”]{{1,80}}?)(?:\s+as)?\s*$"
)
_PASSIVE_END_RE = re.compile(
    rf"(?:,\s*|\b(?:be|been|being|was|were|is|are)\s+(?:\w+ly\s+)?)(?P<v>{_PASSIVE_PARTICIPLES})\s*$"
)
_AGENT_AFTER_RE = re.compile(r"[\s,]*by\s+(?P<subj>[^,.;:!?\x1f\"“”]{1,80}?)\s*(?:[,.;:!?]|$)")


def agent_after(sent_head: str, tail: str, tail_pos: int) -> Cue | None:
    """The agent after a quote that a passive speech verb introduces ('The
    offer was called “a disgrace” by Ruiz.'); ``tail`` is the text after the
    closing mark, at ``tail_pos``."""
    vm = _PASSIVE_END_RE.search(sent_head) if " by" in tail[:12] else None
    am = _AGENT_AFTER_RE.match(tail) if vm else None
    if am is None or vm is None:
        return None
    subj = _without_time(am.group("subj"))
    return Cue("embedded", subj, tail_pos + am.start("subj"), f"{vm.group('v')} by {subj}", False)


def _without_time(phrase: str) -> str:
    """ "Ruiz on Monday" -> "Ruiz"."""
    tm = _TIME_TAIL_RE.search(phrase) if holds_any(phrase, _TIME_TAIL_WORDS) else None
    return phrase[: tm.start()] if tm and phrase[: tm.start()].strip() else phrase


def embedded_cue(mp: str, sbase: int, sent_head: str) -> Cue | None:
    """A governing speech verb earlier in the sentence (fragments)."""
    pm = _AGENT_BEFORE_RE.search(sent_head) if " by " in sent_head else None
    if pm is not None:
        subj = _without_time(pm.group("subj"))
        return Cue("embedded", subj, sbase + pm.start("subj"), f"{pm.group('v')} by {subj}", False)
    acc = None
    for m in ACC_ANY_RE.finditer(sent_head) if "ccording" in sent_head else ():
        acc = m
    # The last governing verb that is not passive (found[last]).
    found = verbs_in(GOVERNING_VERBS, sent_head)
    last = len(found) - 1
    while last >= 0 and is_passive(sent_head, found[last]):
        last -= 1
    v = found[last] if last >= 0 else None
    if acc is not None and (v is None or acc.start() > v[0]):
        subj = acc.group("subj")
        return Cue(
            "embedded", subj, sbase + acc.start("subj"), f"according to {subj.strip()}", False
        )
    if v is None:
        return None
    vs, ve = v
    between = sent_head[ve:]
    vword = sent_head[vs:ve].lower()
    if vword in TO_INFINITIVE_VERBS and _TO_INF_RE.search(
        _APPEAL_TO_RE.sub(" ", between, count=1) if vword in APPEAL_VERBS else between
    ):
        # "He said he had been asked ... to sign ..., and that studios treated
        # voices as “...”": a reporting verb earlier in the sentence governs it.
        earlier = [
            u
            for u in found[:last]
            if sent_head[u[0] : u[1]].lower() in REPORTING_VERBS and not is_passive(sent_head, u)
        ]
        if (
            earlier
            and "that" in between
            and ("and" in between or "but" in between)
            and _AND_THAT_RE.search(between)
        ):
            vs, ve = earlier[-1]
            between = sent_head[ve:]
        elif not (_AND_PRED_RE.search(sent_head[:vs]) and _TO_VERB_END_RE.search(between)):
            return None
    that = (
        list(_AND_THAT_RE.finditer(between))
        if "that" in between and ("and" in between or "but" in between)
        else []
    )
    if that:
        # "said clinics would stay open with managers and contracted clinicians
        # ... and that patients in crisis “will be seen”": the quote is in a
        # second that-clause of the reporting verb; only what follows it counts.
        between = between[that[-1].end() :]
    if "and" in between or "but" in between:
        for am in _AND_VERB_RE.finditer(between):
            w = am.group(1)
            if w not in GOVERNING_VERBS and w not in ("was", "is", "has", "does", "were"):
                return None
    return cue_from_verb(mp, sbase, sent_head, vs, ve, "embedded", False)
