"""
Fetching web pages and feeds for the archive, and keeping what was fetched,
without Django (the ``plain-pipeline`` import contract holds it to that).

``Fetcher`` (``client``) gets a URL the careful way: only http(s), only
public addresses, checked after resolution and on every redirect hop and
connected to exactly as checked (``addresses``), robots.txt obeyed
(``robots``), a size cap, timeouts, a User-Agent naming the site, a delay
between requests to one host. ``warc`` writes what was fetched as WARC
records and reads them back; ``feeds`` reads RSS and Atom feeds and picks the
entries worth fetching.
"""

from .addresses import AllowedHosts
from .client import (
    FEED_TYPES,
    HTML_TYPES,
    Exchange,
    FetchedResource,
    Fetcher,
    FetchPolicy,
)
from .errors import FetchError, FetchRefused

__all__ = [
    "FEED_TYPES",
    "HTML_TYPES",
    "AllowedHosts",
    "Exchange",
    "FetchError",
    "FetchPolicy",
    "FetchRefused",
    "FetchedResource",
    "Fetcher",
]
