"""Name strings: finding capitalised runs, stripping titles, splitting role prefixes.

News text writes a person as "UAW President Shawn Fain", "Dr. Corrine McIntosh
Sako", "Economist Raymond Cole of Temple University" and an organisation as
"Alliance of Motion Picture and Television Producers"; these helpers turn such
runs into a (name, role) pair. Pure string work, no article state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .lexicon import (
    ABBREVIATIONS,
    AGENT_NOUN_ENDINGS,
    ASSOCIATION_HEADS,
    CORPORATE_SUFFIXES,
    COUNTRIES,
    CREDIT_ROLES,
    DEMONYM_ENDINGS,
    DEMONYMS,
    DOTTED_WORDS,
    EMPLOYER_BODY_WORDS,
    EXPERT_WORDS,
    FACILITY_WORDS,
    FEMALE_NAMES,
    FIRST_NAMES_ALL,
    HONORIFICS,
    JOINED_PLACES,
    LEGAL_FORM_ABBREVIATIONS,
    MALE_NAMES,
    NAME_LINK_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_DEMONYMS,
    NOT_DESCRIPTION_STARTS,
    ORG_WORDS,
    PEOPLE_NOUNS,
    PLACE_ADJECTIVE_ENDINGS,
    POST_NOMINALS,
    ROLE_STOP,
    ROLE_SUFFIXES,
    ROLE_TITLES,
    ROMANCE_BODY_HEADS,
    SOCIETY_HEADS,
    STATE_ABBREVS,
    STOP_CAPS,
    UNION_ACRONYMS,
    UNION_MEMBER_WORDS,
    UNION_OCCUPATIONS,
    UNION_WORDS,
    UNISEX_NAMES,
    WORKER_WORDS,
    alternation,
)

_TOKEN = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-&.]*"
_LINK = rf"(?:{alternation(NAME_PARTICLES | NAME_LINK_WORDS | {'the'})})"
RUN_RE = re.compile(
    # a year in brackets before a company ending stays in the name
    # ("Kowloon Motor Bus (1933) Ltd", "Hang Seng (1960) Holdings").
    # The leading capital comes before the look-behind so the engine can skip ahead fast.
    # Nothing after the repeats can fail, so they never give back what they took:
    # possessive ("*+"), they match the same and keep no state to backtrack to.
    rf"[A-ZÀ-ÖØ-ÞĀ-ſ](?<![\w’'\-.][A-ZÀ-ÖØ-ÞĀ-ſ])[\w’'\-&.]*+(?:[ \t]+(?:{_TOKEN}|\d+\b"
    rf"|\(\d{{4}}\)(?=[ \t]+(?i:{alternation(CORPORATE_SUFFIXES)})\b)"
    rf"|{_LINK}(?=[ \t]+(?:the[ \t]+)?[A-ZÀ-ÖØ-ÞĀ-ſ]))"
    # a legal form after a comma stays in the name ("Thai Air Catering Co., Ltd.",
    # "Caju do Norte, Lda")
    rf"|,[ \t]+(?:{alternation(s.capitalize() for s in CORPORATE_SUFFIXES)}"
    rf"|LLC|PLC|GmbH|S\.A|N\.V|B\.V)\b\.?)*+"
)
# A ministry named for several fields: the first ends its name run ("the Ministry
# of Agriculture"), the others follow a comma ("..., Water Management and Forestry").
MINISTRY_OF_RE = re.compile(r"\b(?:Ministry|Department|Secretariat|Minister) of [A-Z]")
_FIELD = r"[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,3}"
_MINISTRY_FIELDS_AFTER_RE = re.compile(
    rf",[ \t]+(?:{_FIELD},[ \t]+){{0,3}}{_FIELD},?[ \t]+and[ \t]+{_FIELD}\b"
)


def ministry_fields_after(text: str, pos: int) -> int:
    """The end of a ministry's further fields at ``pos`` in ``text`` (", Water
    Management and Forestry"), or 0: none, or places ("..., Kenya and Uganda")."""
    m = _MINISTRY_FIELDS_AFTER_RE.match(text, pos)
    if m is None or any(w.strip(",") in COUNTRIES for w in m.group().split()):
        return 0
    return m.end()


# A legal form the name run leaves out: lowercase with full stops ("Tatra Voda
# a.s.", "Gorske Lifts d.o.o.", "Nordfiskur hf."), with a slash ("Arctic Prawn
# A/S") or after a bracketed word ("Harare Leaf Auctions (Private) Limited").
_LEGAL_FORM_AFTER_RE = re.compile(
    r"[ \t]+(?:(?P<dotted>[a-z]{1,3}\.(?:[a-z]{1,3}\.)*)|A/S\b|"
    r"\((?:Private|Pvt|Pte)\)[ \t]+(?:Limited|Ltd)\b\.?)"
    r"|(?<=[ \t]A)/S\b"  # the run stopped at the slash
)


# After a Romance body's head: lowercase words and particles up to a particle and a
# capitalised word ("Conseil du patronat du Québec", "Association québécoise des CPE").
_ROMANCE_REST_RE = re.compile(
    r"(?:[ \t]+(?:du|des|de|del|della|do|da|dos|das|la|le|les))?(?:[ \t]+[a-zà-ÿ][\w\-]+){1,2}"
    r"[ \t]+(?:du|des|de|del|della|do|da|dos|das|la|le|les)[ \t]+[A-ZÀ-Þ][\w\-]*"
)


_ROMANCE_HEAD_ENDINGS = frozenset(w[-1] for w in ROMANCE_BODY_HEADS)


def romance_name_after(text: str, pos: int, run: str) -> int:
    """The end of a Romance body's name that the run ending at ``pos`` stopped
    short of (its last word a head: "Conseil", "Association"), or 0."""
    if (
        run[-1:] not in _ROMANCE_HEAD_ENDINGS
        or run[run.rfind(" ") + 1 :].lower() not in ROMANCE_BODY_HEADS
    ):
        return 0
    m = _ROMANCE_REST_RE.match(text, pos)
    return m.end() if m else 0


def legal_form_after(text: str, pos: int) -> int:
    """The end of a legal form written at ``pos`` right after a name run that
    left it out, or 0."""
    nxt = text[pos + 1 : pos + 2]
    at_slash = pos + 1 if nxt == "A" else pos
    if not (
        nxt == "("
        or ("." in text[pos + 2 : pos + 5] and nxt.islower())
        or text[at_slash : at_slash + 3] == "A/S"
        or text[at_slash : at_slash + 2] == "/S"
    ):
        return 0  # the quick test: a bracket, a short lowercase word with a full stop, a slash
    m = _LEGAL_FORM_AFTER_RE.match(text, pos)
    if m is None:
        return 0
    dotted = m.group("dotted")
    if dotted and dotted.replace(".", "") not in LEGAL_FORM_ABBREVIATIONS:
        return 0
    return m.end()


# A name written again in its own script after the Latin one, in brackets:
# "Lin Mei-ling (林美玲)", "Ivan Petrov (Иван Петров)". No Latin letter or digit inside.
NATIVE_SCRIPT_AFTER_RE = re.compile(r"[ \t]*\((?=[^)]*[^\x00-\x7f])[^A-Za-z0-9()\x1f]{1,40}\)")


ACRONYM_AFTER_RE = re.compile(r"\s*\((?P<a>[A-Z][A-Za-z0-9\-&]{1,9})\)")
_PLACE_ADJ_RE = re.compile(rf"^[A-Z][\w.]*-(?:{alternation(PLACE_ADJECTIVE_ENDINGS)})$")
_SMALL = NAME_PARTICLES | NAME_LINK_WORDS | {"the"}


def strip_possessive(tok: str) -> tuple[str, bool]:
    """("Kaiser", True) for "Kaiser's", "Kaiser’s", "Teachers'" (a possessive
    at the end, or before a final newline as a regex's ``$`` reads it); the word
    and False otherwise."""
    n = len(tok)
    if n <= 2:
        return tok, False
    end = n - 1 if tok[n - 1] == "\n" else n
    last = tok[end - 1]
    if last == "s":
        before = tok[end - 2]
        if before == "’" or before == "'":
            return tok[: end - 2], True
    elif last == "’" or last == "'":
        return tok[: end - 1], True
    return tok, False


@lru_cache(maxsize=16384)
def is_org_word(tok: str) -> bool:
    return tok.lower().strip(".") in ORG_WORDS or is_corporate_suffix(tok)


def named_for_its_field(toks: Sequence[str]) -> bool:
    """ "Ministry of Justice", "Court of Justice": an organisation named for
    the field it serves, whose last word is no epithet ("the Justice said")."""
    return (
        len(toks) >= 3
        and toks[-2] in ("of", "for")
        and is_org_word(toks[-3])
        and toks[-1][:1].isupper()
    )


def is_acronym(tok: str) -> bool:
    core = tok.replace("-", "").replace("&", "")
    return len(core) >= 2 and core.isupper() and core.isalpha()


def is_title(tok: str) -> bool:
    t = tok.lower().rstrip(".")
    return (
        t in HONORIFICS
        or t in ROLE_TITLES
        or (
            # "Hydrologist Ifeoma Chukwu", "Epidemiologist ...": a profession
            len(t) > 7 and t.endswith(("ologist", "ician", "ographer")) and t not in FIRST_NAMES_ALL
        )
        or (
            # a hyphenated title made of titles ("Secretary-General",
            # "Vice-Chancellor", "Deputy-Director").
            "-" in t and t not in FIRST_NAMES_ALL and all(p in ROLE_TITLES for p in t.split("-"))
        )
    )


def looks_like_person(name: str | Sequence[str], *, min_words: int = 1) -> bool:
    """Does a name read as a person's? The text pipeline's one person-name test
    (the quote extractor's names and the citation styles' bylines).

    ``name`` is a string or its words. A person's name has ``min_words`` to
    five words (name suffixes such as "Jr." not counted), each capitalised
    except name particles ("Vincent de la Cruz"), no digit, no organisation
    word ("California Nurses Association", "NPR News"), no credit role ("Staff
    Writer"), does not start with an article ("The Associated Press") and is no
    acronym or call sign ("KCRA", "NPR", "USMX").
    """
    words = name.replace(",", " ").split() if isinstance(name, str) else list(name)
    words = [w for w in words if w.casefold() not in NAME_SUFFIXES]
    if not min_words <= len(words) <= 5 or not words:
        return False
    if words[0].casefold() in ("the", "a", "an"):
        return False
    for w in words:
        folded = w.casefold().strip(".")
        if is_org_word(w) or folded in CREDIT_ROLES or any(ch.isdigit() for ch in w):
            return False
        if folded in NAME_PARTICLES:
            continue
        if not w[:1].isupper():
            return False
        if (len(w) > 3 or len(words) == 1) and is_acronym(w):
            return False
    return True


@lru_cache(maxsize=4096)
def split_run(text: str) -> tuple[tuple[int, int], ...]:
    """Split one capitalised run (text) into name pieces, as (start, end) offsets.

    Cuts at a sentence-ending full stop, before linking words that join two
    separate names ("Kaiser and Sutter", "Raymond Cole of Temple University"),
    and after a possessive unless an organisation word follows it
    ("International Longshoremen's Association"); a body named for several
    fields keeps its "and", the possessive inside it and "of the"/"for the"
    after its head ("Croatian Tourism and Services Union", "Council for the
    Prison System").
    """
    toks: list[tuple[int, int]] = []
    at = 0
    for word in text.split():
        at = text.find(word, at)
        toks.append((at, at + len(word)))
        at += len(word)
    pieces: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    n = len(toks)
    for k, (s, e) in enumerate(toks):
        tok = text[s:e]
        low = tok.lower()
        if low in ("and", "of", "for", "the") and cur:
            left = [text[a:b] for a, b in cur]
            if low == "of" and len(left) == 1 and left[0].lower() in WORKER_WORDS:
                # "Workers of Gobi Cashmere LLC went on strike": the workers, then the firm
                _flush(text, cur, pieces)
                continue
            nxt = text[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < n else ""
            if nxt == "the" or (low == "the" and left[-1] in ("of", "for")):
                # a link before "the" ("Office for the ...", "Friends of the
                # ...", "Council for the Prison System") joins only an office, a
                # society or a body of several; elsewhere it ends the name.
                core = left[1:] if left[0] == "The" and len(left) > 1 else left
                head = left[-1] if low != "the" else left[-2] if len(left) > 1 else ""
                if (
                    "Office" in left
                    or (
                        core[0] in SOCIETY_HEADS
                        and (core[1:] == ["of"] if low == "the" else low == "of" and len(core) == 1)
                    )
                    or (low in ("of", "for", "the") and head.lower() in ASSOCIATION_HEADS)
                ):
                    cur.append((s, e))
                else:
                    _flush(text, cur, pieces)
                continue
            if (
                low == "and"
                and left[-1] in JOINED_PLACES
                and nxt in JOINED_PLACES
                and all(t.lower() == "the" for t in left[:-1])
            ):
                cur.append((s, e))  # "England and Wales Cricket Board"
                continue
            if low == "and" and is_corporate_suffix(left[-1]):
                # "Harvest Basket Inc and FreshLane Markets": two companies
                _flush(text, cur, pieces)
                continue
            if low == "and" and _body_head_after(text, toks, k + 1):
                cur.append((s, e))  # "Croatian Tourism and Services Union": one body
                continue
            if (
                any(is_org_word(t) for t in left)
                or (low != "and" and is_org_word(nxt))
                or (
                    low in ("of", "for")
                    and len(left) == 1
                    and is_title(left[0])
                    and nxt[:1].isupper()
                )
                or (
                    # "U.S. Attorney's Office for the Southern District of Ohio",
                    # "Office of the Nevada Labor Commissioner", "Friends of the Rouge
                    # River": an office or a society named for what it serves.
                    low != "and"
                    and (
                        "Office" in left
                        or (
                            (left[1:] if left[0] == "The" and len(left) > 1 else left)[0]
                            in SOCIETY_HEADS
                            and low == "of"
                            and len(left) - (left[0] == "The") == 1
                        )
                    )
                    and (nxt == "the" or (nxt[:1].isupper() and nxt.lower() not in FIRST_NAMES_ALL))
                )
            ):  # "Secretary of Labor Renata Osei": an office, then its holder
                cur.append((s, e))
                continue
            _flush(text, cur, pieces)
            continue
        cur.append((s, e))
        base, poss = strip_possessive(tok)
        if poss:
            nxt = text[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < n else ""
            if not is_org_word(nxt) and not _body_head_after(text, toks, k + 1):
                # ("Road Workers' Trade Union": the possessive inside a body's name)
                cur[-1] = (s, s + len(base))
                # "Kestrel Motors and South Korea’s Hanjin": the possessor after a
                # joining "and" is a name of its own, not the end of the first.
                ands = [i for i, (a, b) in enumerate(cur) if text[a:b] == "and"]
                if ands and not any(is_org_word(text[a:b]) for a, b in cur[ands[-1] + 1 :]):
                    right = cur[ands[-1] + 1 :]
                    del cur[ands[-1] :]
                    _flush(text, cur, pieces)
                    cur.extend(right)
                _flush(text, cur, pieces)
                continue
        if k == 0 and tok.endswith(".") and low.rstrip(".") in STATE_ABBREVS and n > 1:
            # "Homestead, Fla. Esteban Morales": the state closes the place
            _flush(text, cur, pieces)
            continue
        if tok.endswith(".") and len(tok) > 2:
            bare = low.rstrip(".")
            if not (
                bare in DOTTED_WORDS
                or bare in HONORIFICS
                or bare in ROLE_TITLES
                or bare in ABBREVIATIONS
                or "." in bare
                or (bare in LEGAL_FORM_ABBREVIATIONS and tok.islower())  # "Nordfiskur hf."
            ):
                cur[-1] = (s, e - 1)
                _flush(text, cur, pieces)
    _flush(text, cur, pieces)
    return tuple(pieces)


_LINK_OR_THE = NAME_LINK_WORDS | {"the"}


def _flush(text: str, cur: list[tuple[int, int]], pieces: list[tuple[int, int]]) -> None:
    """End the piece of ``split_run`` gathered in ``cur`` (its tokens' offsets):
    add it to ``pieces`` without the link words at either end, and empty ``cur``."""
    while cur and text[cur[-1][0] : cur[-1][1]].lower() in _SMALL:
        cur.pop()
    while (
        cur
        and text[cur[0][0] : cur[0][1]].lower() in _SMALL
        and (
            # a capitalised particle opening a name stays ("Le Van Thang",
            # "De Souza"); "The", "And", "Of", "For" do not.
            not text[cur[0][0]].isupper()
            or text[cur[0][0] : cur[0][1]].lower() in _LINK_OR_THE
            or len(cur) == 1
        )
    ):
        cur.pop(0)
    if cur:
        pieces.append((cur[0][0], cur[-1][1]))
    cur.clear()


def _body_head_after(text: str, toks: list[tuple[int, int]], k: int) -> bool:
    """The words from token ``k`` up to the run's end or its next link word end
    on the head noun of a body ("... and Services Union", "... and Business
    Process Association of ..."): what came before the "and" is the first of the
    fields that body is named for."""
    last = ""
    for a, b in toks[k:]:
        tok = text[a:b]
        if tok.lower() in _SMALL:
            break
        if not tok[:1].isupper():
            return False
        last = tok
        if strip_possessive(tok)[1] and not tok.endswith(("s'", "s’")):
            break  # "... and Midwifery Federation's Tasmanian branch": the name ends here
    return strip_possessive(last.rstrip("."))[0].lower() in ASSOCIATION_HEADS


def clean_tokens(text: str) -> tuple[list[str], list[str]]:
    titles, toks = _clean_tokens(text)
    return list(titles), list(toks)


def clean_token_tuples(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``clean_tokens`` as tuples (shared by its cache: do not change them)."""
    return _clean_tokens(text)


def _given_name_not_month(toks: list[str]) -> bool:
    """ "Jan Simmons", "June Okafor": a word that can be a month (or its short
    form) is a given name when it has no full stop and a surname follows."""
    return (
        len(toks) >= 2
        and toks[0].lower() in FIRST_NAMES_ALL
        and not toks[0].endswith(".")
        and toks[1][:1].isupper()
        and looks_like_person(tuple(toks[1:]))
    )


@lru_cache(maxsize=4096)
def _clean_tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a name run into (titles, name tokens); titles are leading honorifics/roles.

    "UAW President Shawn Fain" -> (["UAW", "President"], ["Shawn", "Fain"]) when
    what follows the last title reads as a person's name.
    """
    # Only the last word's possessive belongs to the sentence ("Kaiser's offer");
    # inside a name it is part of it ("Sheriff's Office", "Children's Hospital").
    parts = text.split()
    toks = parts[:-1] + [strip_possessive(parts[-1])[0]] if parts else []
    toks = [t for t in toks if t]
    if len(toks) >= 3 and toks[-1].rstrip(".,") in POST_NOMINALS and looks_like_person(toks[:-1]):
        # "Declan Moorhouse SC", "Ann Lee KC": a post-nominal is not the name.
        toks = toks[:-1]
    while toks and (
        (
            (toks[0] in STOP_CAPS or toks[0].rstrip(".") in STOP_CAPS)
            and not is_title(toks[0])
            and not _given_name_not_month(toks)
            and not (len(toks) >= 2 and len(toks[0]) == 2 and toks[0][1] == ".")
        )
        or ("-" in toks[0] and _PLACE_ADJ_RE.match(toks[0]))
    ):
        toks.pop(0)
    if (
        len(toks) >= 3
        and toks[0].lower() not in FIRST_NAMES_ALL
        and toks[0][1:].islower()
        and (
            (
                (toks[1].lower() in FIRST_NAMES_ALL or toks[0].lower() in WORKER_WORDS)
                and (
                    toks[0].lower().endswith(AGENT_NOUN_ENDINGS)
                    or toks[0].lower() in PEOPLE_NOUNS
                    or toks[0].lower() in WORKER_WORDS  # "Guard Muhammad Hafiz"
                )
            )
            or (
                len(toks) == 3 and toks[0].lower() in EXPERT_WORDS and not has_org_word(tuple(toks))
            )
        )
        and not is_title(toks[0])
    ):
        # "Headliner Marisol Echeverría", "Sophomore Maya Castellanos": a
        # capitalised common noun for a role (sentence-initial), then a given
        # name the list knows; "Academic Chan Wai-man": an expert's word, then
        # two names whatever they are.
        after_role = toks[1:]
        if looks_like_person(after_role) and not any(is_title(t) for t in after_role):
            return (toks[0],), tuple(after_role)
    if (
        len(toks) >= 3
        and toks[0].lower() in DEMONYMS
        and looks_like_person(toks[1:])
        and toks[1].lower() not in DEMONYMS
    ):
        # "Belgian Wout Vandersteen", "Kenyan Faith Chepkoech": a
        # nationality before a person's name is a description, not the name;
        # so is an office after it ("German Transport Minister Volker Wiese").
        office, person = _clean_tokens(" ".join(toks[1:]))
        return (toks[0], *office), tuple(person)
    last_title = -1
    for i, t in enumerate(toks[:-1]):
        if is_title(t):
            last_title = i
    if last_title >= 0:
        rest = toks[last_title + 1 :]
        first = rest[0].lower()
        if (
            first not in ("of", "for")
            and looks_like_person(rest)
            and (
                first in FIRST_NAMES_ALL
                or len(rest) >= 2
                or toks[last_title].lower().rstrip(".") in HONORIFICS
                or last_title == len(toks) - 2
            )
        ):
            return tuple(toks[: last_title + 1]), tuple(rest)
        # An office with "of"/"for": "Secretary of State Andrea Kowal", "Minister of
        # Health Ana Ruiz": the holder is the trailing given name + surname.
        if first in ("of", "for"):
            of_i = last_title + 1
            j = len(toks) - 2  # given name + surname, or three names when the first is known
            if j - 1 > of_i + 1 and toks[j - 1].lower() in FIRST_NAMES_ALL:
                j -= 1
            if j > of_i + 1 and looks_like_person(toks[j:]) and toks[j][:1].isupper():
                return tuple(toks[:j]), tuple(toks[j:])
    return (), tuple(toks)


def initials(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t.lower() not in _SMALL and t[:1].isupper())


def gender_of_first(tok: str) -> str:
    low = tok.lower()
    if low in UNISEX_NAMES:
        return ""
    if low in FEMALE_NAMES:
        return "f"
    if low in MALE_NAMES:
        return "m"
    return ""


def is_facility(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[-1].lower() in FACILITY_WORDS


@lru_cache(maxsize=8192)
def has_org_word(tokens: tuple[str, ...]) -> bool:
    """Any of the name's words is an organisation word ("Association", "Inc.")."""
    for tok in tokens:
        if is_org_word(tok):
            return True
    return False


def is_corporate_suffix(token: str) -> bool:
    """A company ending ("Inc.", "Ltd", "GmbH"), also written with full stops inside
    it ("S.A.", "N.V.", "S.A.C.", "d.o.o."); another country's legal form only when
    so written or in capitals ("SAC", not the surname "Sac")."""
    low = token.lower().rstrip(",")
    if low.rstrip(".") in CORPORATE_SUFFIXES:
        return True
    if "." not in low.rstrip(".") and not token.isupper():
        return False
    compact = low.replace(".", "")
    return compact in CORPORATE_SUFFIXES or compact in LEGAL_FORM_ABBREVIATIONS


@lru_cache(maxsize=4096)
def is_company(tokens: tuple[str, ...]) -> bool:
    """A name with a company ending ("Inc.", "Ltd", "Corp.", "S.A.")."""
    return any(is_corporate_suffix(t) for t in tokens)


def is_union_name(tokens: list[str]) -> bool:
    return _is_union_name(tuple(tokens))


@lru_cache(maxsize=4096)
def _is_union_name(tokens: tuple[str, ...]) -> bool:
    for tok in tokens:
        if tok.upper() in UNION_ACRONYMS:
            return True
    lows: list[str] = [tok.lower().rstrip("'’") for tok in tokens]
    n = len(lows)
    for i in range(n):
        t = lows[i]
        # "Local 4" is a union's; "Local Government Association" is not
        if t in UNION_WORDS and (t != "local" or (i + 1 < n and tokens[i + 1][:1].isdigit())):
            # "Forest Industries Federation", "Private Enterprise Federation": a
            # federation of businesses, unless a union or workers' word says otherwise
            return not (
                EMPLOYER_BODY_WORDS.intersection(lows) and UNION_MEMBER_WORDS.isdisjoint(lows)
            )
    for i in range(n - 1):
        a, b = lows[i], lows[i + 1]
        if (a == "labour" or a == "labor") and b in ASSOCIATION_HEADS and b != "council":
            return True  # "Cambodian Labour Confederation"; not "Labour Relations Council"
    if "association" in lows:
        for t in lows:
            if t.split("-")[0] in UNION_OCCUPATIONS:
                return True
    return False


@lru_cache(maxsize=16384)
def norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def is_role_word(w: str) -> bool:
    """A role noun: a title the lexicon knows, or a word with a role ending ("organizer")."""
    lw = w.lower().strip(",.")
    if lw in ROLE_TITLES:
        return True
    return (
        len(lw) > 3
        and lw.endswith(ROLE_SUFFIXES)
        and not lw.endswith("ment")
        and lw not in ROLE_STOP
    )


@lru_cache(maxsize=4096)
def is_demonym(w: str) -> bool:
    """'Uruguayan', 'Nigerian', 'Pakistani', 'Japanese': a nationality standing
    for a person ("the Uruguayan said"), not a name."""
    low = w.lower()
    if low in DEMONYMS:
        return True
    return (
        len(w) > 5
        and w[:1].isupper()
        and w[1:].islower()
        and low.endswith(DEMONYM_ENDINGS)
        and low not in NOT_DEMONYMS
        and low not in FIRST_NAMES_ALL
        and not is_org_word(w)
    )


_AGE_LEAD_RE = re.compile(r"^\d{1,3},\s*")
_NUM_RE = re.compile(r"\d{1,3}")


def clean_description(d: str) -> str:
    """An appositive or role phrase as a description: no age, article or
    punctuation around it ("38, a welder," -> "welder"); "" for what is no
    description ("who ...", "said ...", a number, more than 18 words)."""
    d = d.strip(" ,.;:—–-\x1f")
    if d[:1].isdigit():
        d = _AGE_LEAD_RE.sub("", d)  # an age before the role: "38, a welder"
    low = d.lower()
    for art in ("a ", "an ", "the "):
        if low.startswith(art):
            d = d[len(art) :]
            low = d.lower()
            break
    if (
        not d
        or low.startswith(NOT_DESCRIPTION_STARTS)
        or (len(d) <= 3 and _NUM_RE.fullmatch(d))
        or len(d.split()) > 18
    ):
        return ""
    if "\x1f" in d:
        return ""
    return d
