"""Stage 3b: the speaker phrase of a cue, parsed.

Takes the words a cue gives for its speaker ("Kaiser spokesperson Steve
Shivinsky", "she", "the Ohio Democrat", "a spokesperson for the district",
"the statement", "one performer", "UAW President Shawn Fain, who ...") and
gives a ``Phrase``: its kind (pronoun, name, epithet, definite, official,
document, relative, generic, none), the mention as written, the head noun, the
organisation named inside it (``modifier``) and the description it carries
("director of research at the union"). ``coreference`` then finds the entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    ADVERBIAL_OPENERS,
    DETERMINERS,
    DOCUMENT_INTRO_VERBS,
    DOCUMENT_NOUNS,
    EMPLOYER_NOUNS,
    EPITHET_NOUNS,
    FIRST_NAMES_ALL,
    GENERATION_WORDS,
    GENERIC_PEOPLE,
    HONORIFICS,
    ISSUED_DOCUMENTS,
    NAME_LINK_WORDS,
    NAME_PARTICLES,
    OFFICIAL_NOUNS,
    PLURAL_OFFICIALS,
    PLURAL_ORG_NOUNS,
    PRONOUNS,
    QUANTITY_WORDS,
    ROLE_TITLES,
    STATE_ABBREVS,
    STOP_CAPS,
    UNION_NOUNS,
    alternation,
)
from .names import (
    MINISTRY_OF_RE,
    NATIVE_SCRIPT_AFTER_RE,
    clean_description,
    clean_tokens,
    is_demonym,
    is_org_word,
    is_title,
    looks_like_person,
    ministry_fields_after,
    named_for_its_field,
    strip_possessive,
)


@dataclass(slots=True)
class Phrase:
    """A parsed speaker phrase from a cue."""

    kind: (
        str  # pronoun | name | epithet | definite | document | official | relative | generic | none
    )
    text: str  # the mention as written (name without titles, pronoun, "the union")
    head: str = ""  # head noun for definite/document/official phrases
    modifier: str = ""  # organisation named inside an official/document phrase
    description: str = ""


_LEAD_RE = re.compile(r"^(?:and|but|or|so|then|also|yet|while|though|as|however)\b[\s,]*", re.I)


def _without_lead(text: str) -> str:
    """``text`` without the conjunction opening it (``_LEAD_RE``, anchored at the
    start, so at most one match to remove)."""
    m = _LEAD_RE.match(text)
    return text[m.end() :] if m else text


_DOC_INTRO_TAIL_RE = re.compile(
    rf"^(?P<subj>.*?)\s*\b(?P<dv>{alternation(DOCUMENT_INTRO_VERBS)})\s+"
    rf"(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){{0,2}}?(?P<doc>{alternation(ISSUED_DOCUMENTS)})"
    r"\s*(?:that|which)?\s*$",
    re.I,
)
_DOCUMENT_ENDINGS = tuple(ISSUED_DOCUMENTS)
_CAP = "A-ZÀ-ÖØ-ÞĀ-ſ"
# ("A/S": a legal form with a slash stays in the name)
_NAME_TAIL_RE = re.compile(
    rf"((?:[{_CAP}][\w’'\-.&]*)(?:\s+(?:[{_CAP}](?:/[{_CAP}]\b|[\w’'\-.&])*|{alternation(NAME_PARTICLES | {'&'})}"
    rf"|(?:of|for|and)(?=\s+[{_CAP}])))*)$"
)
_NAME_OF_RE = re.compile(
    r"^(?P<left>.*?[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*)\s+(?P<rel>of|at|from|with|in)\s+(?P<right>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ].*)$"
)
_LED_BY_RE = re.compile(
    r"\b(?:led|headed)\s+by\s+(?P<name>[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*){1,3})$"
)
_OWNER_AFTER_RE = re.compile(r"\b(?:for|of|from|at|with)\s+(.+)$")
# "Wexford County Council, Uisce Éireann and the HSE": several organisations.
_SEVERAL_NAMES_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*,?\s+and\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ]")
_PAREN_ACRONYM_RE = re.compile(r"\s*\([A-Z][A-Za-z0-9&]{1,11}\)")
_PAREN_PARTY_RE = re.compile(r"\s*\([DRI]-[A-Z][\w. ]{0,20}\)")
_FIRST_NAME_ONLY_RE = re.compile(
    r"\b(?:(?:gave|give|gives|giving|provided|offered|would\s+(?:only\s+)?give)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name"
    r"(?:\s+only)?|identified\s+(?:himself|herself|themselves)\s+only\s+as),?\s+(?:as\s+)?(?P<n>[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]+)\s*,?\s*$"
)


def doc_intro_split(phrase: str) -> tuple[str, str] | None:
    """'they sent a statement that' -> ('they', 'sent a statement that')."""
    low = phrase.lower().rstrip()
    if low.endswith(("that", "which")):
        low = low[: -4 if low.endswith("that") else -5].rstrip()
    if not low.endswith(_DOCUMENT_ENDINGS):
        return None  # the quick test: it ends with no document's name
    m = _DOC_INTRO_TAIL_RE.match(phrase)
    if not m:
        return None
    return m.group("subj"), phrase[m.start("dv") :].strip()


def _modified_name(words: list[str]) -> str:
    """ "the state Department of Health" -> "Department of Health", "the
    state AFL-CIO" -> "AFL-CIO": a name after "the" and lowercase modifiers."""
    if len(words) < 3 or words[0].lower() != "the" or not words[1][:1].islower():
        return ""
    k = 1
    while k < len(words) and k <= 3 and words[k].isalpha() and words[k].islower():
        k += 1
    rest = " ".join(words[k:])
    if k == 1 or k == len(words) or not words[-1][:1].isupper() or not _is_name_segment(rest):
        return ""
    return " ".join(clean_tokens(rest)[1])


def _is_name_segment(seg: str) -> bool:
    toks = seg.split()
    if not toks or len(toks) > 9:
        return False
    if toks[0].lower() in ADVERBIAL_OPENERS:
        return False
    _, clean = clean_tokens(seg)
    if not clean:
        return False
    if not clean[0][:1].isupper() and not (
        # "Mr. de Silva", "Ms van Dijk": a surname opening on a particle
        len(clean) >= 2 and clean[0].lower() in NAME_PARTICLES and clean[1][:1].isupper()
    ):
        return False
    return all(
        t[:1].isupper()
        or t[:1].isdigit()
        or t.lower() in NAME_PARTICLES
        or t.lower() in NAME_LINK_WORDS
        or t.lower() == "the"
        # "Kowloon Motor Bus (1933) Ltd": a bracketed year inside a company name
        or (t[:2] == "(1" or t[:2] == "(2")
        and len(t) == 6
        and t[1:5].isdigit()
        and t[5] == ")"
        and i < len(clean) - 1
        for i, t in enumerate(clean)
    )


def _is_person_segment(seg: str) -> bool:
    """A person's name, with a title or a given name the lexicon knows."""
    titles, toks = clean_tokens(seg)
    return (
        bool(toks)
        and looks_like_person(toks)
        and (bool(titles) or toks[0].lower() in FIRST_NAMES_ALL)
    )


def _office_holder(words: list[str]) -> Phrase | None:
    """ "Minister of Labour and Social Inclusion Tonje Berg": an office with its
    portfolio in capitals, then the holder's name (its last two words, three
    with a name particle), all one capitalised run."""
    low = [w.lower() for w in words]
    link = next((i for i, w in enumerate(low) if w in ("of", "for")), -1)
    if link < 1 or not any(w.rstrip(".") in ROLE_TITLES for w in low[:link]):
        return None
    k = 3 if len(words) >= 3 and low[-2] in NAME_PARTICLES else 2
    if len(words) - link - 1 < k + 1:
        return None  # no portfolio left before the name
    name = words[-k:]
    if any(w in ROLE_TITLES or w in NAME_LINK_WORDS for w in low[-k:]) or not looks_like_person(
        name
    ):
        return None
    if any(is_org_word(t) for t in name):
        return None
    return Phrase("name", " ".join(name), description=" ".join(words[:-k]))


def _office_of_a_body(seg: str) -> bool:
    """ "Commissioner of the Fire Brigade", "Member of Parliament for Tema East":
    a title, then "of" or "for" and the body or seat it serves."""
    words = seg.split()
    return (
        len(words) >= 3
        and any(w.lower() in ("of", "for") for w in words[1:3])
        and any(w.lower().rstrip(",.") in ROLE_TITLES for w in words[:2])
    )


def _holder_of(office: str, seg: str) -> bool:
    """``seg`` is a person's name (two or three words) right after an office
    named by a title ("Quebec's Family Minister, Sophie Beaulieu")."""
    if not any(w.lower().rstrip(",") in ROLE_TITLES for w in office.split()):
        return False
    titles, toks = clean_tokens(seg)
    return (
        2 <= len(toks) <= 3
        and looks_like_person(toks)
        and not any(t.lower() in ROLE_TITLES for t in toks)
    )


def _is_person_phrase(seg: str) -> bool:
    """A segment ending in a person's name ("local TD Brian Kinsella")."""
    nt = _NAME_TAIL_RE.search(seg)
    if not nt:
        return False
    titles, toks = clean_tokens(nt.group(1))
    return len(toks) >= 2 and looks_like_person(toks) and toks[0].lower() in FIRST_NAMES_ALL


def parse_phrase(phrase: str, *, inverted: bool = False) -> Phrase:
    """Parse the speaker phrase of a cue into a Phrase.

    ``inverted`` marks the phrase after the verb in '"...," said Name, title':
    the first comma segment is the speaker, the rest its description.
    """
    return Phrase(*_parse_cached(phrase, inverted))


@lru_cache(maxsize=4096)
def _parse_cached(phrase: str, inverted: bool) -> tuple[str, str, str, str, str]:
    ph = _parse_phrase(phrase, inverted=inverted)
    return ph.kind, ph.text, ph.head, ph.modifier, ph.description


def _parse_phrase(phrase: str, *, inverted: bool = False) -> Phrase:
    raw = phrase.replace("\x1f", " ").strip()
    fm = _FIRST_NAME_ONLY_RE.search(raw) if "name" in raw or "only as" in raw else None
    if fm:
        # "a man who gave only his first name, Doug": that name, described.
        lead = raw[: fm.start()].strip(" ,")
        lead = lead[: -len("who")].strip(" ,") if lead.lower().endswith("who") else lead
        return Phrase("name", fm.group("n"), description=clean_description(lead) if lead else "")
    if "(" in raw:
        raw = _PAREN_PARTY_RE.sub("", raw)  # "Sen. Laura Whitby (D-Va.)"
        raw = NATIVE_SCRIPT_AFTER_RE.sub("", raw)  # "Lin Mei-ling (林美玲)"
    lead_words = raw.lstrip(" ,").split(None, 1)
    if (
        not inverted
        and lead_words
        and lead_words[0].lower().endswith("s")
        and lead_words[0].lower() in PLURAL_OFFICIALS | GENERIC_PEOPLE
        and raw.rstrip().endswith(",")
        and _SEVERAL_NAMES_RE.search(raw.split(",", 1)[-1])
    ):
        # "Officials at a briefing, attended by staff from X, Y and Z, said":
        # people of several organisations, whatever the description names.
        return Phrase("generic", raw.split(",")[0].strip())
    if inverted and "," in raw:
        head, _, rest = raw.partition(",")
        if MINISTRY_OF_RE.search(head):
            end = ministry_fields_after(raw, len(head))
            if end:
                head, rest = raw[:end], raw[end:].lstrip(",")
        ph = _parse_segment(head)
        nxt = rest.split(",")[0].strip()
        if (
            ph.kind in ("official", "definite", "epithet", "generic")
            and nxt
            and _is_name_segment(nxt)
        ):
            # '"...," said the family's attorney, Malik Abernathy-Grey,
            # after the verdict': the role, then the person holding it.
            titles, toks = clean_tokens(nxt)
            if len(toks) >= 2 and looks_like_person(toks):
                return Phrase("name", " ".join(toks), description=clean_description(head))
        d = clean_description(rest)
        if d and not ph.description:
            ph.description = d
        return ph
    ends_comma = raw.endswith(",")
    raw = raw.strip(' ,;:—–-"“”')
    raw = _without_lead(raw).strip()
    if not raw:
        return Phrase("none", "")
    desc = ""
    subj = raw
    if "," in raw:
        segs = _join_state_abbreviations([s.strip() for s in raw.split(",") if s.strip()])
        if "Minist" in raw or "Department" in raw or "Secretariat" in raw:
            segs = _join_ministry_fields(segs)
        if ends_comma or len(segs) >= 2:
            idx = -1
            office = ""
            for i, sg in enumerate(segs):
                if (
                    i + 1 < len(segs)
                    and _office_of_a_body(sg)
                    and _holder_of(sg, segs[i + 1])
                    and _is_name_segment(segs[i + 1])
                ):
                    # "Commissioner of the Jamaica Fire Brigade, Carlton Spence,",
                    # "The Member of Parliament for Tema East, Mr Emmanuel Quaye,":
                    # the office, then the person holding it.
                    office, idx = sg, i + 1
                    break
                if _is_name_segment(sg):
                    if idx < 0:
                        idx = i
                    if i > idx and _holder_of(segs[idx], sg):
                        office = ", ".join(segs[idx:i])
                    if _is_person_segment(sg) or office:
                        # "The Lord Mayor of Dublin, Cllr Fergal Boyce,", "The
                        # Minister of Social Affairs, Karin Dekker,": the
                        # person holding the office named before.
                        idx = i
                        break
            if ends_comma or (
                idx >= 0
                and idx < len(segs) - 1
                and not _is_name_segment(segs[-1])
                and not _is_person_phrase(segs[-1])
                and segs[-1].split()[0].lower() not in PRONOUNS
            ):
                if idx < 0:
                    idx = next(
                        (
                            i
                            for i, sg in enumerate(segs)
                            if sg.split()[0].lower() not in ADVERBIAL_OPENERS
                        ),
                        len(segs) - 1,
                    )
                subj = segs[idx]
                after = [s for s in segs[idx + 1 :] if clean_description(s)]
                before = [s for s in segs[:idx] if s.split()[0].lower() not in ADVERBIAL_OPENERS]
                if office:
                    desc = clean_description(office)
                elif after:
                    desc = clean_description(", ".join(segs[idx + 1 :]))
                elif before:
                    desc = clean_description(before[-1])
            elif not ends_comma and _is_person_phrase(segs[-1]):
                # "In a letter to the Minister for Housing, Local Government and
                # Heritage, local TD Brian Kinsella urged": the person next to the verb.
                subj = segs[-1]
            elif segs[-1].lower() in ("who", "which") and len(segs) >= 2:
                # "Priya Sandhu, who [has called ...]": the clause's antecedent.
                subj = segs[-2]
            else:
                subj = segs[-1]
    ph = _parse_segment(subj)
    if desc and not ph.description:
        ph.description = desc
    return ph


def _join_ministry_fields(segs: list[str]) -> list[str]:
    """ "the Ministry of Public Service", "Labour and Social Welfare": the fields
    after a ministry's first belong to its name (names.ministry_fields_after)."""
    out: list[str] = []
    i = 0
    while i < len(segs):
        sg = segs[i]
        if MINISTRY_OF_RE.search(sg):
            rest = ", " + ", ".join(segs[i + 1 :])
            end = ministry_fields_after(rest, 0)
            if end:
                fields = rest[:end]
                out.append(sg + fields)
                i += fields.count(",") + 1
                continue
        out.append(sg)
        i += 1
    return out


def _join_state_abbreviations(segs: list[str]) -> list[str]:
    """ "outside Red Deer, Alta.": a state's or province's abbreviation belongs
    to the place before it, not a name of its own."""
    out: list[str] = []
    for sg in segs:
        if out and sg.endswith(".") and sg.rstrip(".").lower() in STATE_ABBREVS:
            out[-1] = f"{out[-1]}, {sg}"
        else:
            out.append(sg)
    return out


def _parse_segment(seg: str) -> Phrase:
    seg = seg.strip(" ,;:")
    if "," in seg:
        mm = MINISTRY_OF_RE.search(seg)
        if mm:
            return Phrase("name", seg[mm.start() :])  # fields joined by _join_ministry_fields
    if "(" in seg:
        # "The National Union of Mineworkers (NUM)": the acronym in
        # brackets is an alias, not part of the phrase.
        seg = _PAREN_ACRONYM_RE.sub("", seg)
    seg = _without_lead(seg).strip()
    words = seg.split()
    if not words:
        return Phrase("none", "")
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return Phrase("pronoun", low[0])
    if len(words) <= 4 and low[-1] in ("he", "she", "it") and low[0] not in PRONOUNS:
        # "an offer she called ...", "something she described as ...", "over an
        # issue it said was ...": a relative clause whose subject is the pronoun
        return Phrase("pronoun", low[-1])
    if len(words) == 1 and low[0] == "which":
        return Phrase("relative", low[0])  # "the Board, which said in a statement"
    if len(words) > 12:
        return Phrase("none", "")
    if low[0] in QUANTITY_WORDS and len(words) > 1:
        return Phrase("generic", seg)  # "Hundreds of tenants", "Dozens of workers"
    # "the elder Russo": one of two people sharing a surname.
    if (
        low[0] == "the"
        and len(words) == 3
        and low[1] in GENERATION_WORDS
        and words[2][:1].isupper()
    ):
        return Phrase("name", words[2], description=low[1])
    if (
        low[0] == "the"
        and len(words) == 4
        and low[1] in GENERATION_WORDS
        and low[2].rstrip(".") in HONORIFICS
        and words[3][:1].isupper()
    ):
        return Phrase("name", words[3], description=low[1])  # "the younger Mr. Chen"
    # "Morgan Stanley analysts led by Keith Wren": the named lead author.
    lm = _LED_BY_RE.search(seg) if " by " in seg else None
    if lm:
        return Phrase("name", " ".join(clean_tokens(lm.group("name"))[1]))
    # "the Ohio Democrat", "the 6-foot-9 forward": a description standing for a
    # person introduced earlier.
    if (
        low[0] == "the"
        and 2 <= len(words) <= 5
        and low[-1].rstrip(".,") in EPITHET_NOUNS
        and low[-1] not in OFFICIAL_NOUNS
        and not named_for_its_field(words[1:])
    ):
        return Phrase("epithet", seg, head=low[-1].rstrip(".,"), modifier=" ".join(words[1:-1]))
    if (
        low[0] == "the"
        and len(words) == 2
        and words[1][:1].isupper()
        and low[1].rstrip(".,") in ROLE_TITLES
        and low[1].rstrip(".,") not in HONORIFICS
        and low[1].rstrip(".,") not in OFFICIAL_NOUNS
    ):
        # "the CFO said", "The Speaker said": a capitalised office after
        # "the" stands for its holder named earlier.
        return Phrase("epithet", seg, head=low[1].rstrip(".,"))
    if low[0] == "the" and len(words) == 2 and is_demonym(words[1].rstrip(".,")):
        return Phrase("epithet", seg, head=low[1].rstrip(".,"))  # "the Uruguayan said"
    # "Economist Raymond Cole of Temple University"
    m = _NAME_OF_RE.match(seg)
    if m and all(is_title(t) or t.lower() in OFFICIAL_NOUNS for t in m.group("left").split()):
        # "Leader of the Opposition Hemalatha Raju", "Analysts at Ferris
        # Rowe & Co": the left part is only a title or an official noun.
        m = None
    if m and not any(is_org_word(t) for t in m.group("left").split()[-2:]):
        inner = _parse_segment(m.group("left"))
        if inner.kind == "name":
            if any(is_org_word(t) for t in m.group("right").split()):
                extra = f"{m.group('rel')} {m.group('right')}"
                inner.description = (
                    f"{inner.description} {extra}".strip() if inner.description else extra
                )
            return inner
    head_word, _ = strip_possessive(words[-1])
    head = head_word.lower().strip(".")
    # Trailing proper name: "union president Sara Nelson", "Kaiser spokesperson Steve Shivinsky".
    nt = _NAME_TAIL_RE.search(seg)
    if nt and nt.start() > 0 and head not in OFFICIAL_NOUNS | DOCUMENT_NOUNS:
        name_part = nt.group(1)
        prefix = seg[: nt.start()].strip()
        titles, toks = clean_tokens(name_part)
        last_pre = prefix.split()[-1].lower() if prefix.split() else ""
        if toks and looks_like_person(toks):
            role = " ".join([prefix, *titles]).strip()
            role = clean_description(role) if role else ""
            # Not when the name continues leftwards: "The Association of American
            # Railroads", "the Council for the Prison Service".
            pre_words = prefix.split()
            if (
                last_pre
                and last_pre not in ADVERBIAL_OPENERS
                and last_pre not in NAME_LINK_WORDS
                and last_pre not in NAME_PARTICLES
                and not (
                    last_pre == "the"
                    and len(pre_words) >= 3
                    and pre_words[-2] in ("of", "for")
                    and is_org_word(pre_words[-3])
                )
            ):
                return Phrase("name", " ".join(toks), description=role)
        elif toks and last_pre == "the" and any(is_org_word(t) for t in toks):
            # "a pay offer the Royal College of Nursing described as ...": an
            # organisation named at the end of the phrase.
            return Phrase("name", " ".join(toks))
        elif (
            toks
            and not titles
            and (last_pre in UNION_NOUNS or last_pre in EMPLOYER_NOUNS)
            and low[0] in DETERMINERS
        ):
            # "The blue-collar union NUPENG", "the employers' organisation DI
            # Service": the kind of body, then its name; the kind describes it.
            return Phrase("name", " ".join(toks), description=clean_description(prefix))
    holder = _office_holder(words) if nt and nt.start() == 0 else None
    if holder:
        return holder
    if (
        low[0] == "the"
        and len(words) > 1
        and _is_name_segment(" ".join(words[1:]))
        and words[-1][:1].isupper()
    ):
        titles, toks = clean_tokens(" ".join(words[1:]))
        return Phrase("name", " ".join(toks))
    if _is_name_segment(seg) and low[0] not in DETERMINERS:
        titles, toks = clean_tokens(seg)
        desc = " ".join(titles)
        return Phrase(
            "name",
            " ".join(toks),
            description=desc if titles and titles[-1].lower().rstrip(".") not in HONORIFICS else "",
        )
    # Documents and officials: "the statement", "Kaiser’s offer", "a Kaiser employee",
    # "a spokesperson for the hospital system", "union officials".
    mod = ""
    # "a spokesperson for the district": the owner follows the head noun; but in
    # "A Department of Health and Social Care spokesperson" the head noun comes
    # last and the "of" belongs to the organisation's name.
    fm = None if head in DOCUMENT_NOUNS or head in OFFICIAL_NOUNS else _OWNER_AFTER_RE.search(seg)
    core_words = words
    if fm:
        mod = fm.group(1).strip()
        core_words = seg[: fm.start()].split()
        if core_words:
            hw, _ = strip_possessive(core_words[-1])
            head = hw.lower()
    if head in DOCUMENT_NOUNS or head in OFFICIAL_NOUNS:
        kind = "document" if head in DOCUMENT_NOUNS else "official"
        if not mod:
            pre = [w for w in core_words[:-1] if w.lower() not in DETERMINERS]
            for i, w in enumerate(core_words[:-1]):
                base, poss = strip_possessive(w)
                if poss:
                    # "a notice posted on the hospital’s website": "the hospital"
                    j = max(
                        (
                            k
                            for k in range(i + 1)
                            if core_words[k].lower() in ("the", "a", "an", "its", "their")
                        ),
                        default=0,
                    )
                    mod = " ".join(core_words[j : i + 1])
                    mod = strip_possessive(mod)[0]
                    break
            if not mod:
                caps = [w for w in pre if w[:1].isupper()]
                if any(w.lower() in UNION_NOUNS for w in pre):
                    mod = "the union"
                elif any(w.lower() in EMPLOYER_NOUNS for w in pre):
                    mod = "the " + next(w.lower() for w in pre if w.lower() in EMPLOYER_NOUNS)
                elif caps:
                    first_cap = next(i for i, w in enumerate(pre) if w[:1].isupper())
                    from_first_cap = " ".join(pre[first_cap:])
                    mod = from_first_cap if _is_name_segment(from_first_cap) else " ".join(caps)
        if mod:
            mlow = mod.lower()
            mwords = mlow.split()
            if (
                mwords
                and mwords[0] in ("the", "a", "an")
                and mwords[-1].rstrip("'’s")
                in GENERIC_PEOPLE | {"companies", "studios", "sides", "parties"}
            ):
                return Phrase("generic", seg)
            if mlow.rstrip("'’") in (
                "the companies",
                "the studios",
                "both sides",
                "the parties",
                "officials",
            ):
                return Phrase("generic", seg)
        return Phrase(kind, seg, head=head, modifier=mod)
    if head in GENERIC_PEOPLE or low[0] in QUANTITY_WORDS:
        return Phrase("generic", seg)
    named = _modified_name(words)
    if named:
        return Phrase("name", named)
    if low[0] in ("the", "its", "their") and len(words) <= 4:
        if head in PLURAL_ORG_NOUNS:
            return Phrase("generic", seg)  # "the unions argued": several organisations
        return Phrase("definite", seg, head=head)
    # A possessive owner: "Kaiser’s offer" with a non-document head still names Kaiser.
    for i, w in enumerate(words[:-1]):
        base, poss = strip_possessive(w)
        if poss and base[:1].isupper():
            return Phrase("official", seg, head=head, modifier=" ".join(words[:i] + [base]))
    caps = [w for w in words if w[:1].isupper() and w not in STOP_CAPS]
    if caps and len(caps) == len(words):
        return Phrase("name", " ".join(clean_tokens(seg)[1]))
    return Phrase("generic", seg)
