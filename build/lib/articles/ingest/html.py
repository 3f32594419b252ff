"""
Saved web pages to the seed format, so that an uploaded ``.html`` page is
imported exactly as a text file would be (same header rules, same furniture
removal, same quote extraction).

trafilatura finds the article's main text and its metadata (title, author,
site name, canonical URL) in the page itself; htmldate finds the publication
date (the original one, not the last update), and the page's own
``datePublished``/``<time datetime>`` markup gives the time and UTC offset
of that day when htmldate found only the day (``benchmarks/page_dates.py``
measures both on the saved pages under tests/). Neither is given a URL to
fetch: nothing leaves the machine. A page the archive fetched
(``articles.capture``) comes with the URL it was fetched from, which gives the
date and outlet when the page's own metadata does not, and the character set
its server declared.
"""

import codecs
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import htmldate
import trafilatura

from .dates import parse_datetime_text
from .decode import MAX_ARTICLE_BYTES, decode_article_bytes
from .errors import IngestError
from .outlets import KNOWN_OUTLETS
from .parse import MAX_HEADLINE_CHARS

_DECLARED_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_LOOKS_LIKE_HTML = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|main|p|div)\b", re.IGNORECASE
)
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")  # what the seed format's URL header accepts
_SPACES = re.compile(r"\s+")

# Fewer words than this is a page's navigation or a teaser, not an article.
MIN_ARTICLE_WORDS = 15

# htmldate's output format: keep the time and zone when the page gives them.
_DATE_PARAMS = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": False,
}
# Where a page states its publication moment in full: JSON-LD and microdata datePublished,
# the article:published_time property, <time datetime>, an hAtom "published" title.
_STAMPED = re.compile(
    r"""(?:"datePublished"\s*:\s*"|itemprop=["']datePublished["'][^>]*?(?:content|datetime)=["']"""
    r"""|property=["']article:published_time["'][^>]*?content=["']|<time\b[^>]*?datetime=["']"""
    r"""|class=["'][^"']*\bpublished\b[^"']*["'][^>]*?title=["'])"""
    r"""(?P<stamp>\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)""",
    re.IGNORECASE,
)


@dataclass
class ExtractedPage:
    """What trafilatura found in a page, cleaned for the seed format."""

    title: str
    paragraphs: list[str]
    author: str = ""
    published: str = ""  # ISO 8601, as precise as the page was
    site_name: str = ""
    url: str = ""
    outlet_name: str = ""  # a known outlet recognised from the URL's host

    @property
    def byline(self):
        """trafilatura separates authors with ';': "A and B", "A, B and C"."""
        names = [n.strip() for n in self.author.split(";") if n.strip()]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} and {names[-1]}"

    def to_seed_text(self, *, headline=""):
        """The page as an article file: header lines the parser checks, headline, paragraphs."""
        headline = _one_line(headline or self.title)
        if not headline:
            raise IngestError("the page has no title: give the article's headline in the form")
        header = []
        source = self.outlet_name or self.site_name
        if source:
            header.append(f"Source: {_one_line(source)}")
        if self.published:
            header.append(f"Published: {self.published}")
        if self.url:
            header.append(f"URL: {self.url}")
        if self.byline:
            header.append(f"Byline: {_one_line(self.byline)}")
        parts = ["\n".join(header)] if header else []
        parts += [headline, *self.paragraphs]
        return "\n\n".join(parts) + "\n"


def looks_like_html(text):
    return bool(_LOOKS_LIKE_HTML.search(text[:4096]))


def decode_html_bytes(data, *, max_bytes=MAX_ARTICLE_BYTES, charset=""):
    """
    Bytes of a saved page to text. Pages may declare another character set
    than UTF-8 (``<meta charset="windows-1252">``); the declaration is
    honoured (a ``charset`` the server sent with the page wins over it, as in
    browsers), and everything else is checked as for article files.
    """
    if len(data) > max_bytes:
        # decode_article_bytes words the refusal; it reads nothing past the limit.
        decode_article_bytes(data, max_bytes=max_bytes)
    declared = _DECLARED_CHARSET.search(data[:4096])
    if charset or declared:
        name = charset or declared[1].decode("ascii", "replace")
        try:
            codec = codecs.lookup(name)
        except LookupError:
            raise IngestError(
                f"the page declares a character set Python does not know: {name!r}"
            ) from None
        if codec.name != "utf-8":
            try:
                text = data.decode(codec.name)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"the page declares {name} but byte 0x{data[exc.start]:02x} at offset {exc.start} "
                    f"is not valid {name}"
                ) from None
            data = text.encode("utf-8")
            max_bytes = max(max_bytes, len(data))  # the limit applied to the file as uploaded
    return decode_article_bytes(data, max_bytes=max_bytes)


def extract_page(data, *, max_bytes=MAX_ARTICLE_BYTES, url="", charset=""):
    """
    Main text and metadata of a saved page (bytes); ``url`` and ``charset``
    as the page was fetched, if it was. Raises IngestError.
    """
    html = decode_html_bytes(data, max_bytes=max_bytes, charset=charset)
    if not looks_like_html(html):
        raise IngestError(
            "the file does not look like an HTML page; upload it as .txt or paste its text"
        )
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
        url=url or None,
    )
    if document is None or not (document.text or "").strip():
        raise IngestError("no article text found in the page")
    title = _one_line(document.title or "")
    lines = [_one_line(line) for line in document.text.split("\n")]
    paragraphs = [line for line in lines if line]
    # The page's <h1> usually opens the extracted text: it is the headline, not a paragraph.
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    if words < MIN_ARTICLE_WORDS:
        raise IngestError(f"no article text found in the page (only {words} words of text)")
    page = ExtractedPage(
        title=title if len(title) <= MAX_HEADLINE_CHARS else "",
        paragraphs=paragraphs,
        author=_one_line(document.author or ""),
        site_name=_one_line(document.sitename or ""),
    )
    url = (document.url or "").strip()
    if url and _URL.match(url):
        page.url = url
        page.outlet_name = _known_outlet_for(url)
    page.published = page_published(html)
    return page


def page_published(html):
    """
    When the page says it was first published, as ISO 8601 text ("" if it does
    not say): htmldate's original date, with the time and offset the page's
    markup gives for that same day when htmldate kept only the day.
    """
    found = htmldate.find_date(html, **_DATE_PARAMS)
    published = parse_datetime_text(found) if found else None
    if published is None:
        return ""
    day_only = (published.hour, published.minute, published.second) == (0, 0, 0)
    if day_only:
        for match in _STAMPED.finditer(html):
            stamped = parse_datetime_text(match["stamp"])
            if stamped is not None and match["stamp"][:10] == published.date().isoformat():
                return _iso(match["stamp"], stamped)
    return _iso(found, published)


def html_to_article_text(data, *, max_bytes=MAX_ARTICLE_BYTES, headline=""):
    """A saved page (bytes) as text in the seed format, ready for ``parse_article``."""
    return extract_page(data, max_bytes=max_bytes).to_seed_text(headline=headline)


def _one_line(text):
    return _SPACES.sub(" ", text).strip()


def _iso(raw, parsed):
    """
    Keep what the page said: an explicit offset stays; a bare local time or a
    date alone is left for the importer to place in the outlet's time zone.
    """
    if re.search(r"(?:[+-]\d\d:?\d\d|Z)$", raw.strip()):
        return parsed.isoformat()
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0):
        return parsed.date().isoformat()
    return parsed.replace(tzinfo=None).isoformat()


def _known_outlet_for(url):
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for outlet in KNOWN_OUTLETS:
        home = (urlsplit(outlet.homepage_url).hostname or "").removeprefix("www.")
        if home and (host == home or host.endswith("." + home)):
            return outlet.name
    return ""
