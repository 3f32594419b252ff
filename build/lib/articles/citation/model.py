"""
What a citation is made from (``CitedArticle``) and what it becomes
(``Formatted``), plus the small rich-text builder the styles share so that
the plain-text and HTML forms of one citation can never drift apart.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class CitedArticle:
    """One article (or one quote in it) as the citation styles need it: no Django, no ORM."""

    headline: str
    authors: tuple[str, ...]  # people named in the byline, e.g. ("Kathy Anderson",); () when none
    publication: str  # outlet, e.g. "The Sacramento Bee", "KCRA 3"; "" when not known
    # On the outlet's clock (timezone-aware), or a date alone when the outlet gave no time;
    # None when the coverage gives no date.
    published: datetime | date | None
    url: str  # absolute URL of the article's permanent page on StrikeWatch
    original_url: str = ""  # the outlet's own URL when known
    accessed: date | None = (
        None  # retrieval date (MLA/Chicago use it when there is no publication date)
    )
    paragraph: int | None = None  # set when citing a quote: the paragraph it is in ("para. 5")
    quote_text: str = ""  # set when citing a quote
    speaker: str = ""  # the quote's speaker ("" when unattributed)
    speaker_is_organization: bool = False
    quote_url: str = ""  # set when citing a quote: the absolute URL of its own permanent page
    key: str = ""  # the archive's citation key, unique across it; derived when empty

    def __post_init__(self):
        # Callers hand over model values: lists for tuples, stray spaces, None for "".
        authors = tuple(
            " ".join(str(a).split()) for a in (self.authors or ()) if a and str(a).strip()
        )
        object.__setattr__(self, "authors", authors)
        for name in (
            "headline",
            "publication",
            "url",
            "original_url",
            "quote_text",
            "speaker",
            "quote_url",
            "key",
        ):
            value = getattr(self, name) or ""
            object.__setattr__(self, name, " ".join(str(value).split()))
        if self.paragraph is not None and (
            not isinstance(self.paragraph, int) or self.paragraph < 1
        ):
            raise ValueError(f"paragraph numbers start at 1, got {self.paragraph!r}")
        if not self.headline:
            raise ValueError("a citation needs the article's headline")

    @property
    def is_quote(self) -> bool:
        return self.paragraph is not None or bool(self.quote_text)

    @property
    def cited_url(self) -> str:
        """The outlet's URL when known (where readers look first), else our permanent page."""
        return self.original_url or self.url

    @property
    def archive_url(self) -> str:
        """Our permanent copy, worth recording separately when the citation points elsewhere."""
        return self.url if self.original_url and self.url != self.original_url else ""

    @property
    def paragraph_url(self) -> str:
        """A quote's paragraph in StrikeWatch's copy of the article (``…/articles/<slug>/#p5``)."""
        if self.paragraph is None:
            return ""
        return f"{self.url.partition('#')[0]}#p{self.paragraph}"

    @property
    def published_date(self) -> date | None:
        # The datetime's own local date: an article dated 11 pm in California is cited
        # with that Californian date, not the next day in UTC.
        if self.published is None:
            return None
        return self.published.date() if isinstance(self.published, datetime) else self.published


@dataclass(frozen=True)
class Formatted:
    text: str  # plain text
    html: str  # HTML-escaped, italics as <i>...</i>


@dataclass
class Rich:
    """A citation under construction: runs of text, some italic."""

    runs: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, text: str, italic: bool = False) -> Rich:
        if text:
            self.runs.append((text, italic))
        return self

    def italic(self, text: str) -> Rich:
        return self.add(text, italic=True)

    def extend(self, other: Rich) -> Rich:
        self.runs.extend(other.runs)
        return self

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    @property
    def html(self) -> str:
        return "".join(
            f"<i>{html.escape(text)}</i>" if italic else html.escape(text)
            for text, italic in self.runs
        )

    def formatted(self) -> Formatted:
        return Formatted(text=self.text, html=self.html)


def join_lines(*lines: Rich) -> Formatted:
    """Several citations shown together (a reference entry and its in-text form)."""
    present = [line for line in lines if line.runs]
    return Formatted(
        text="\n".join(line.text for line in present),
        html="<br>\n".join(line.html for line in present),
    )
