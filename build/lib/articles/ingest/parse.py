"""
The seed format: an optional header block, the headline on its own line,
then paragraphs separated by blank lines.

    Source: The Sacramento Bee          <- optional header lines, then a blank line
    Published: 2022-08-26T05:25-07:00

    Headline

    First paragraph ...

``parse_article`` takes such a text and gives a ``ParsedArticle``: headline,
story paragraphs, what was dropped and why, and the outlet, date and byline
(the header's, or inferred from the text). Scraped text carries damage the
parser repairs or removes, in stages a reader can follow, each in its module:

1. split into blocks (``paragraphs``), soft-wrapped lines joined, bullet lists
   one item a paragraph, screen-reader notes removed (here);
2. page furniture dropped (``furniture``: comment forms, author bios,
   advertisement slots, sharing buttons, prompts, captions, timestamps, wire
   and press-release credits, live-blog, gallery and video-player controls);
3. paragraphs the page broke mid-sentence or inside a quotation rejoined (here);
4. a lead that repeats the whole article run together, duplicates and pull
   quotes dropped (``repeats``);
5. the outlet inferred from how the text refers to itself (``outlet_mentions``),
   the byline from the author's bio and the date from a publication note or a
   timestamp (``furniture``, ``dates``), then the header applied over them.

Rules that could match a story's own words are bounded by length and never
drop a paragraph that quotes or attributes speech: when in doubt a paragraph
is kept.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from .dates import Dated, read_date
from .errors import IngestError, shown
from .furniture import AD_LINE, block_reason, drop_furniture, infer_byline, infer_published
from .outlet_mentions import infer_outlet, strip_headline_suffix
from .outlets import Outlet, guess_outlet
from .paragraphs import BLANK_LINE, SPACES, normalise
from .repeats import drop_pull_quotes, drop_repeats

MAX_HEADLINE_CHARS = 300
HEADER_KEYS = ("source", "published", "url", "byline", "strike", "status")

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+):[ \t]*(?P<value>.*?)\s*$")
# Screen-reader text scraped with a link: "Samsung Electronics (005930.KS), opens new tab".
_LINK_NOTE = re.compile(r",? opens (?:in )?(?:a )?new (?:tab|window)\b", re.IGNORECASE)
# A bullet at the start of a line: "• ", "▪ ", and in a list of several lines "- ", "* ".
_BULLET_LINE = re.compile(r"^(?:[•▪●◦‣]|[-*])\s+(?=\S)")
_BULLET_GLYPH = re.compile(r"^[•▪●◦‣]\s+(?=\S)")
# A title that never ends a sentence: "Dr.", "Sen.", "Gov.".
_TITLE_END = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Lt|Sgt|Capt|Cmdr|Col|Prof|Rev|Hon|Atty|Supt|Insp|Det)\.$"
)
_SPLIT_END = re.compile(r"(?:\b[a-z][a-z'’-]*|,)$")
_SPLIT_START = re.compile(r"^[a-z]+(?=[\s,;:'’-]|$)")


@dataclass
class ParsedArticle:
    headline: str
    paragraphs: list[str]
    outlet: Outlet | None = None
    published: Dated | None = None  # the date as the text gave it (time given? clock stated?)
    byline: str = ""
    url: str = ""
    strike: str = ""
    status: str = ""
    from_header: frozenset[str] = frozenset()
    dropped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def published_at(self) -> datetime | None:
        return self.published.moment if self.published else None


def parse_article(text: str, *, default_timezone: str = "UTC") -> ParsedArticle:
    text = normalise(text)
    header, rest = _split_header(text)
    first_line, _, body = rest.strip().partition("\n")
    headline = SPACES.sub(" ", first_line).strip()
    if not headline:
        raise IngestError("no headline: the file has a header but no article")
    if len(headline) > MAX_HEADLINE_CHARS:
        raise IngestError(
            "no headline: the first line is a paragraph "
            f"({len(headline)} characters); put the headline on its own first line"
        )
    raw, block_reasons, ad_lines, bullet_items = _read_blocks(body)
    if not raw:
        raise IngestError("no article text after the headline")

    outlet_name, headline = strip_headline_suffix(headline)
    parsed = ParsedArticle(headline=headline, paragraphs=[])
    kept, dropped = drop_furniture(raw, block_reasons)
    dropped = ad_lines + dropped
    kept = _rejoin_split_sentences(kept, bullet_items)
    kept, repeated = drop_repeats(kept)
    dropped += repeated
    kept, pulled = drop_pull_quotes(kept)
    dropped += pulled
    if not kept:
        raise IngestError("no article text after the headline once page furniture is removed")
    parsed.paragraphs = kept
    parsed.dropped = dropped

    parsed.outlet = infer_outlet(raw, outlet_name)
    parsed.byline = infer_byline(dropped)
    tz_name = (
        parsed.outlet.timezone
        if parsed.outlet and parsed.outlet.timezone != "UTC"
        else default_timezone
    )
    parsed.published = infer_published(raw, dropped, tz_name)
    _apply_header(parsed, header, tz_name)
    return parsed


def _read_blocks(body):
    """
    Stage 1: the body's blocks as raw paragraphs. Returns (paragraphs, what
    each block looked like, advertisement lines removed, bullet items).
    """
    # Soft-wrapped lines within a block belong to one paragraph, unless the
    # block is a list of sharing buttons or other stories' headlines.
    raw, block_reasons, ad_lines, bullet_items = [], [], [], set()
    for block in BLANK_LINE.split(body):
        lines = [_LINK_NOTE.sub("", SPACES.sub(" ", line)).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        # "Key points:" with one bullet a line: each bullet is a paragraph of the story.
        items = _bullet_items(lines)
        if items:
            raw.extend(items)
            bullet_items.update(items[1:] if not _BULLET_LINE.match(lines[0]) else items)
            block_reasons.extend([None] * len(items))
            continue
        if len(lines) > 1:
            # "Advertisement" on a line of its own inside a paragraph: the ad slot, not text.
            dropped_lines = [line for line in lines if AD_LINE.match(line)]
            if len(dropped_lines) < len(lines):
                lines = [line for line in lines if not AD_LINE.match(line)]
                ad_lines.extend(("advertisement", line) for line in dropped_lines)
        if lines:
            previous = raw[-1] if raw else ""
            raw.append(_BULLET_GLYPH.sub("", " ".join(lines)))
            block_reasons.append(block_reason(lines, previous))
    return raw, block_reasons, ad_lines, bullet_items


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
        parsed.published = read_date(header["published"], tz_name)
        if parsed.published is None:
            raise IngestError(f"the Published header is not a date: {shown(header['published'])}")
    if header.get("url"):
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", header["url"]):
            raise IngestError(f"the URL header is not a web address: {shown(header['url'])}")
        parsed.url = header["url"]
    if header.get("byline"):
        parsed.byline = header["byline"]
    if header.get("strike"):
        parsed.strike = header["strike"].strip()
    if header.get("status"):
        status = header["status"].strip().lower()
        if status not in ("draft", "published"):
            raise IngestError(
                f"the Status header must be draft or published, not {shown(header['status'])}"
            )
        parsed.status = status
    parsed.from_header = frozenset(k for k, v in header.items() if v)


def _bullet_items(lines):
    """
    The items of a bulleted list written one bullet a line ("• ...", "- ..."), with
    any lead-in line ("Key points:") as a paragraph of its own; None if the block
    is not such a list. A line without a bullet continues the item above it.
    """
    starts = [i for i, line in enumerate(lines) if _BULLET_LINE.match(line)]
    if len(starts) < 2 or (starts[0] > 1):
        return None
    items = [" ".join(lines[: starts[0]])] if starts[0] else []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        items.append(" ".join([_BULLET_LINE.sub("", lines[start]), *lines[start + 1 : end]]))
    return [item for item in items if item]


def _rejoin_split_sentences(paragraphs, bullet_items=frozenset()):
    """
    A paragraph the page broke mid-sentence ("... who's going to" / "run the
    building?” he said.") is joined again, so that a quotation is not cut in two:
    the first part stops without punctuation after a lower-case word, and is a
    sentence (long, or with a quotation left open) rather than a subheading; the
    second starts with a lower-case word.
    """
    joined = []
    for paragraph in paragraphs:
        # Items of a list written one bullet a line are whole: "a base wage of $30 an
        # hour ... this year" / "an end to mandatory overtime" is not a broken sentence.
        if paragraph in bullet_items or (joined and joined[-1] in bullet_items):
            joined.append(paragraph)
            continue
        if joined and _SPLIT_START.match(paragraph) and _SPLIT_END.search(joined[-1]):
            previous = joined[-1]
            if len(previous) > 80 or previous.count("“") > previous.count("”"):
                joined[-1] = previous + " " + paragraph
                continue
        if joined and _split_at_a_sentence(joined[-1], paragraph):
            joined[-1] = joined[-1] + " " + paragraph
            continue
        joined.append(paragraph)
    return joined


def _split_at_a_sentence(previous, paragraph):
    """
    A page split at every sentence may cut a quotation ("“We did not take this
    lightly." / "We are doing this for our students,” said ...") or a name
    after its title ("... superintendent, Dr." / "Guadalupe Guerrero said ...").
    A paragraph that continues a quotation the paragraph before opened starts
    with a quotation mark of its own, so a paragraph that only closes one is the
    rest of the cut sentence.
    """
    if _TITLE_END.search(previous) and paragraph[:1].isupper():
        return True
    return (
        previous.count("“") > previous.count("”")
        and not paragraph.startswith(("“", "‘", '"'))
        and paragraph.count("”") > paragraph.count("“")
    )
