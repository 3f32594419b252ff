"""
The seed format: an optional header block, the headline on its own line,
then paragraphs separated by blank lines.

    Source: The Sacramento Bee          <- optional header lines, then a blank line
    Published: 2022-08-26T05:25-07:00

    Headline

    First paragraph ...

Scraped text carries damage the parser repairs or removes: page furniture
("Related Stories from ...", comment forms, author bios), a lead paragraph that
repeats the whole article run together, soft-wrapped lines. What the header
does not give is inferred from the text: the outlet from its references to
itself, the date from "This story was originally published ...", the byline
from the author's bio.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import IngestError
from .outlets import CALL_SIGN, Outlet, guess_outlet, looks_like_outlet, lookup_outlet

MAX_HEADLINE_CHARS = 300
HEADER_KEYS = ("source", "published", "url", "byline", "strike", "status")

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+):[ \t]*(?P<value>.*?)\s*$")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

_NAME = r"[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|van|von|da|del|la|le)){1,3}"

# Paragraphs that belong to the page, not the story. Each entry: (reason,
# pattern, longest paragraph it may match). Page furniture is short; a long
# paragraph that happens to start like it ("Copyright law ...", "More news
# from the bargaining table ...") is story text.
FURNITURE = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), max_chars)
    for reason, pattern, max_chars in (
        ("video or photo caption", r"^\|[^|]{1,40}\|", 300),
        ("related-stories box", r"^(?:related|more) (?:stories|articles|coverage|content|news)(?: from [^.!?]{1,60})?\W*$", 100),
        ("related link", r"^(?:related|read more|see also|more from|recommended|watch)\s*:", 250),
        ("author photo", r"^(?:profile )?photo of (?P<name>" + _NAME + r")\W*$", 100),
        ("comment form", r"^(?:leave a (?:reply|comment)|\d+ comments?|comments|post a comment)\W*$", 40),
        ("comment form", r"^your email address will not be published", 120),
        ("comment form", r"^required fields are marked", 80),
        ("publication note", r"^this (?:story|article) was (?:originally |first )?(?:published|posted)\b", 200),
        ("publication note", r"^(?:originally )?(?:published|posted|updated)(?: on| at)?:? (?:\w+\.? \d{1,2}, \d{4}|\d{4}-\d\d-\d\d)", 120),
        ("advertisement", r"^(?:advertisement|sponsored content|story continues below advertisement)\W*$", 60),
        ("sharing links", r"^(?:share|share this|share on \w+|tweet|email this|print this)(?: (?:story|article))?\s*:?$", 40),
        ("newsletter prompt", r"^(?:sign up|subscribe)(?: now| today)? (?:for|to) (?:our|the) \w+", 200),
        ("copyright line", r"^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})", 200),
        ("copyright line", r"^all rights reserved\W*$", 40),
        ("follow prompt", r"^follow (?:us|" + _NAME + r") on (?:twitter|x|facebook|instagram)\b", 200),
    )
)
_AUTHOR_PHOTO = next(pattern for reason, pattern, _ in FURNITURE if reason == "author photo")
# What only comes after the story: once one is seen, an author bio may follow.
_TAIL_MARKERS = {"related-stories box", "author photo", "comment form", "publication note", "copyright line"}

# "By Kathy Anderson" / "By Kathy Anderson, The Sacramento Bee" near the top.
_BYLINE = re.compile(r"^By (?P<name>" + _NAME + r"(?:(?:,| and) " + _NAME + r")*)(?:[,|—–-] .*)?$")
# "Kathy Anderson covers healthcare for The Bee. ..." names the outlet: a bio even as the last paragraph.
_BIO = re.compile(
    r"^(?P<name>" + _NAME + r") (?:covers|reports on|writes about|has covered) [^.]{0,80}?"
    r"\b(?:for|at) (?P<outlet>(?:The )?[A-Z][\w&.'’-]*(?: [A-Z0-9][\w&.'’-]*){0,4})"
)
# "Jane Roe is a staff reporter ..." is a bio only after the story's end (a tail marker):
# in the body it describes a person in the story.
_TAIL_BIO = re.compile(
    r"^(?P<name>" + _NAME + r") (?:covers|reports on|writes about|has covered|is an? "
    r"(?:[\w-]+ ){0,3}(?:reporter|writer|correspondent|journalist|editor|columnist|producer)\b)"
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_TZ_ABBREVIATIONS = {
    "pt": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pst": "America/Los_Angeles",
    "mt": "America/Denver", "mdt": "America/Denver", "mst": "America/Denver",
    "ct": "America/Chicago", "cdt": "America/Chicago", "cst": "America/Chicago",
    "et": "America/New_York", "edt": "America/New_York", "est": "America/New_York",
    "utc": "UTC", "gmt": "UTC", "bst": "Europe/London",
}
_WRITTEN_DATE = re.compile(
    r"(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>\d{4})"
    r"(?:,? (?:at )?(?P<hour>\d{1,2}):(?P<minute>\d\d)\s*(?P<ampm>[ap])\.?m\.?"
    r"(?: (?P<tz>[A-Z]{2,4})\b)?)?",
)
_PUBLISHED_NOTE = re.compile(
    r"\b(?:originally |first )?(?:published|posted)(?: on| at)?:? ", re.IGNORECASE
)

# How the outlet names itself. Each: (weight, pattern with a "name" group).
_OUTLET_NAME = r"(?:The )?[A-Z][\w&.'’-]*(?: (?:[A-Z0-9][\w&.'’-]*|of|de|la)){0,5}"
_SELF_REFERENCES = tuple(
    (weight, re.compile(pattern))
    for weight, pattern in (
        (3, r"^(?:Related|More) [Ss]tories from (?P<name>" + _OUTLET_NAME + r")\s*$"),
        (3, r"\b(?:covers|reports on|writes about) [\w ,&-]{1,60}? for (?P<name>" + _OUTLET_NAME + r")"),
        (3, r"\b(?:reporter|writer|correspondent|columnist|editor) (?:for|at|with) (?P<name>" + _OUTLET_NAME + r")"),
        (3, r"^(?:Copyright|©) (?:\d{4} )?(?P<name>" + _OUTLET_NAME + r")"),
        (3, r"^[A-Z][A-Z .,'-]+\((?P<name>AP|Reuters|AFP|UPI)\)\s*[—–-]"),
        (
            2,
            r"\b(?P<name>" + CALL_SIGN + r"|The " + _OUTLET_NAME + r") (?:has |had )?"
            r"(?:reached out|contacted|asked|obtained|spoke|learned|reported|confirmed|"
            r"requested|reviewed|was told|received|interviewed)\b",
        ),
        (2, r"\btold (?P<name>" + CALL_SIGN + r"|The " + _OUTLET_NAME + r")\b"),
        (1, r"\bjoined (?P<name>The " + _OUTLET_NAME + r") in \d{4}"),
    )
)
_HEADLINE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<name>[^|–—-]{2,60})$")

_WORD = re.compile(r"\w+")
SHINGLE = 5


@dataclass
class ParsedArticle:
    headline: str
    paragraphs: list[str]
    outlet: Outlet | None = None
    published_at: datetime | None = None
    byline: str = ""
    url: str = ""
    strike: str = ""
    status: str = ""
    from_header: frozenset[str] = frozenset()
    dropped: list[tuple[str, str]] = field(default_factory=list)


def parse_article(text: str, *, default_timezone: str = "UTC") -> ParsedArticle:
    header, rest = _split_header(text)
    first_line, _, body = rest.strip().partition("\n")
    headline = _SPACES.sub(" ", first_line).strip()
    if not headline:
        raise IngestError("no headline: the file has a header but no article")
    if len(headline) > MAX_HEADLINE_CHARS:
        raise IngestError(
            "no headline: the first line is a paragraph "
            f"({len(headline)} characters); put the headline on its own first line"
        )
    # Soft-wrapped lines within a block belong to one paragraph.
    raw = [_SPACES.sub(" ", " ".join(b.split("\n"))).strip() for b in _BLANK_LINE.split(body)]
    raw = [p for p in raw if p]
    if not raw:
        raise IngestError("no article text after the headline")

    outlet_name, headline = _strip_headline_suffix(headline)
    parsed = ParsedArticle(headline=headline, paragraphs=[])
    kept, dropped = _drop_furniture(raw)
    kept, repeated = _drop_repeats(kept)
    dropped += repeated
    if not kept:
        raise IngestError("no article text after the headline once page furniture is removed")
    parsed.paragraphs = kept
    parsed.dropped = dropped

    parsed.outlet = _infer_outlet(raw, outlet_name)
    parsed.byline = _infer_byline(dropped)
    tz_name = parsed.outlet.timezone if parsed.outlet and parsed.outlet.timezone != "UTC" else default_timezone
    parsed.published_at = _infer_published(raw, tz_name)
    _apply_header(parsed, header, tz_name)
    return parsed


def _split_header(text):
    """Header lines before the headline, if every line of the first block is one."""
    stripped = text.lstrip("\n \t")
    first, sep, rest = stripped.partition("\n\n")
    lines = [line for line in first.split("\n") if line.strip()]
    matches = [_HEADER_LINE.match(line.strip()) for line in lines]
    if sep and lines and all(m and m["key"].lower() in HEADER_KEYS for m in matches):
        return {m["key"].lower(): m["value"] for m in matches}, rest
    return {}, stripped


def _apply_header(parsed, header, tz_name):
    if "source" in header and header["source"]:
        parsed.outlet = guess_outlet(header["source"])
        tz_name = parsed.outlet.timezone if parsed.outlet.timezone != "UTC" else tz_name
    if header.get("published"):
        parsed.published_at = parse_datetime_text(header["published"], tz_name)
        if parsed.published_at is None:
            raise IngestError(f"the Published header is not a date: {header['published']!r}")
    if header.get("url"):
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", header["url"]):
            raise IngestError(f"the URL header is not a web address: {header['url']!r}")
        parsed.url = header["url"]
    if header.get("byline"):
        parsed.byline = header["byline"]
    if header.get("strike"):
        parsed.strike = header["strike"].strip()
    if header.get("status"):
        status = header["status"].strip().lower()
        if status not in ("draft", "published"):
            raise IngestError(f"the Status header must be draft or published, not {header['status']!r}")
        parsed.status = status
    parsed.from_header = frozenset(k for k, v in header.items() if v)


def _strip_headline_suffix(headline):
    """'Kaiser workers strike | KCRA 3' -> ('KCRA 3', 'Kaiser workers strike')."""
    match = _HEADLINE_SUFFIX.search(headline)
    if match and looks_like_outlet(match["name"].strip()):
        return match["name"].strip(), headline[: match.start()].strip()
    return None, headline


def furniture_reason(paragraph):
    for reason, pattern, max_chars in FURNITURE:
        if len(paragraph) <= max_chars and pattern.search(paragraph):
            return reason
    return None


def _author_bio(paragraph, *, in_tail, is_last):
    if in_tail and _TAIL_BIO.match(paragraph):
        return True
    match = _BIO.match(paragraph)
    return bool(match and (in_tail or is_last) and looks_like_outlet(match["outlet"]))


def _drop_furniture(paragraphs):
    kept, dropped = [], []
    in_tail = False
    for index, paragraph in enumerate(paragraphs):
        reason = furniture_reason(paragraph)
        if reason is None and index < 2 and _BYLINE.match(paragraph) and len(paragraph) < 120:
            reason = "byline"
        if reason is None and _author_bio(paragraph, in_tail=in_tail, is_last=index == len(paragraphs) - 1):
            reason = "author bio"
        if reason:
            in_tail = in_tail or reason in _TAIL_MARKERS
            dropped.append((reason, paragraph))
        else:
            kept.append(paragraph)
    return kept, dropped


def _shingles(paragraph):
    words = [w.casefold() for w in _WORD.findall(paragraph)]
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _drop_repeats(paragraphs):
    """
    Drop a paragraph that repeats the article: most of its word sequences
    reappear elsewhere and it contains at least two other paragraphs whole.
    Scrapers produce these when a page's summary or lead block runs the story
    together. Exact duplicate paragraphs go too (the first is kept).
    """
    dropped = []
    seen = set()
    unique = []
    for paragraph in paragraphs:
        key = " ".join(w.casefold() for w in _WORD.findall(paragraph))
        if key in seen and len(key.split()) >= 4:
            dropped.append(("repeated paragraph", paragraph))
            continue
        seen.add(key)
        unique.append(paragraph)

    shingles = [_shingles(p) for p in unique]
    removed = set()
    for i in sorted(range(len(unique)), key=lambda i: -len(shingles[i])):
        own = shingles[i]
        if len(own) < 10:
            continue
        others = [shingles[j] for j in range(len(unique)) if j != i and j not in removed]
        if not others:
            continue
        elsewhere = set().union(*others)
        covered = len(own & elsewhere) / len(own)
        contained = sum(1 for s in others if s and len(s & own) / len(s) >= 0.8)
        if covered >= 0.6 and contained >= 2:
            removed.add(i)
            dropped.append(("repeats the rest of the article", unique[i]))
    return [p for i, p in enumerate(unique) if i not in removed], dropped


def _infer_outlet(paragraphs, headline_outlet):
    scores = Counter()
    names = {}
    if headline_outlet:
        key = _canonical_outlet_name(headline_outlet)
        scores[key] += 2
        names.setdefault(key, headline_outlet)
    for paragraph in paragraphs:
        for weight, pattern in _SELF_REFERENCES:
            for match in pattern.finditer(paragraph):
                name = match["name"].strip(" .,'’")
                if weight < 3 and not looks_like_outlet(name):
                    continue
                key = _canonical_outlet_name(name)
                scores[key] += weight
                names.setdefault(key, name)
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -list(names).index(k)))
    return guess_outlet(names[best])


def _canonical_outlet_name(name):
    known = lookup_outlet(name)
    return known.name if known else name.casefold()


def _infer_byline(dropped):
    """The author, from the furniture that named them: a "By" line, a bio, a photo caption."""
    by_reason = {}
    for reason, paragraph in dropped:
        by_reason.setdefault(reason, paragraph)
    for reason, pattern in (
        ("byline", _BYLINE),
        ("author bio", _TAIL_BIO),
        ("author photo", _AUTHOR_PHOTO),
    ):
        match = pattern.match(by_reason.get(reason, ""))
        if match:
            return match["name"]
    return ""


def _infer_published(paragraphs, tz_name):
    for paragraph in paragraphs:
        note = _PUBLISHED_NOTE.search(paragraph)
        if note and furniture_reason(paragraph) == "publication note":
            found = parse_datetime_text(paragraph[note.end() :], tz_name)
            if found:
                return found
    return None


def parse_datetime_text(value, tz_name="UTC"):
    """
    A datetime from "2022-08-26T05:25:00-07:00", "2022-08-26" or
    "August 26, 2022 5:25 am" (local to ``tz_name`` unless the text says).
    None if nothing date-like is found.
    """
    value = value.strip()
    zone = _zone(tz_name)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    match = _WRITTEN_DATE.search(value)
    if not match or match["month"].lower().rstrip(".") not in _MONTHS:
        return None
    try:
        day = date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        return None
    clock = time(0, 0)
    if match["hour"]:
        hour = int(match["hour"]) % 12 + (12 if match["ampm"].lower() == "p" else 0)
        if not 0 <= hour < 24 or int(match["minute"]) > 59:
            return None
        clock = time(hour, int(match["minute"]))
        if match["tz"] and match["tz"].lower() in _TZ_ABBREVIATIONS:
            zone = _zone(_TZ_ABBREVIATIONS[match["tz"].lower()])
    return datetime.combine(day, clock, tzinfo=zone)


def _zone(name):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
