"""
Reading an outlet's RSS or Atom feed, and picking the entries worth fetching.

``read_feed(content, base_url)`` takes the feed's bytes as fetched and gives
its entries (``FeedItem``: id, link made absolute, title, summary as text,
publication time); feedparser reads RSS 0.9x–2.0, RSS 1.0 and Atom, and
tolerates the malformed ones outlets publish. ``matching_terms(item, terms,
words)`` says which of a strike's match terms (as the importer matches them:
whole words, as written) or of the site-wide strike words the entry's title
and summary use: an entry with none is not coverage to fetch.
"""

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import feedparser

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FeedItem:
    guid: str
    url: str
    title: str
    summary: str
    published: datetime | None

    @property
    def text(self):
        return f"{self.title}\n{self.summary}"


class FeedUnreadable(ValueError):
    """Bytes that are no feed at all."""


def read_feed(content, *, base_url):
    parsed = feedparser.parse(
        content, response_headers={"content-location": base_url}, sanitize_html=True
    )
    if parsed.bozo and not parsed.entries and not parsed.feed:
        raise FeedUnreadable(f"not a feed ({parsed.bozo_exception})")
    items = []
    for entry in parsed.entries:
        url = (entry.get("link") or "").strip()
        if not url.startswith(("http://", "https://")):
            continue
        items.append(
            FeedItem(
                guid=(entry.get("id") or url).strip()[:2000],
                url=url,
                title=_text(entry.get("title", ""))[:500],
                summary=_text(entry.get("summary", "")),
                published=_moment(entry.get("published_parsed") or entry.get("updated_parsed")),
            )
        )
    return items


def matching_terms(item, terms, words):
    """
    The ``terms`` (strikes' match terms) found in the entry as whole words, as
    written, then what the ``words`` pattern (the site's strike words) finds.
    """
    text = item.text
    found = [term for term in terms if re.search(rf"\b{re.escape(term)}\b", text)]
    found += [match.group(0).lower() for match in words.finditer(text)]
    return list(dict.fromkeys(found))


def _text(markup):
    """Feed titles and summaries may carry markup and entities: plain text for matching."""
    return _SPACES.sub(" ", html.unescape(_TAGS.sub(" ", markup))).strip()


def _moment(struct):
    return datetime(*struct[:6], tzinfo=UTC) if struct else None
