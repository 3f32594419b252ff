"""
The interface every search backend implements, and the plain values that
cross it. Views and the indexing machinery only ever talk to this.
"""

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime

RELEVANCE, NEWEST, OLDEST = "relevance", "newest", "oldest"
SORTS = (RELEVANCE, NEWEST, OLDEST)


class IndexUnavailable(Exception):
    """The index is missing or unreadable: search must say so, the rest of the site carries on."""


class IndexBusy(Exception):
    """Another process holds the index's write lock (it will drain the queue after it)."""


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query plus the filters and the slice of results wanted."""

    tree: object  # a querylang tree, or None for "everything" (within the filters)
    kind: str
    source_slug: str | None = None
    speaker_slug: str | None = None
    date_from: datetime | None = None  # inclusive
    date_to: datetime | None = None  # exclusive
    sort: str = RELEVANCE
    offset: int = 0
    limit: int = 20


@dataclass
class Hits:
    """One page of matches: (kind, pk) pairs in order, the total and per-facet counts."""

    keys: list
    total: int
    facets: dict = field(default_factory=dict)  # {"source": {slug: n}, "speaker": {slug: n}}


class IndexWriter(AbstractContextManager):
    """Holds the write lock; ``replace`` rewrites an article's documents; leaving commits."""

    def replace(self, article_id, documents):
        raise NotImplementedError


class SearchBackend:
    name = "base"

    def search(self, query: SearchQuery) -> Hits:
        raise NotImplementedError

    def correction(self, word) -> str | None:
        """A word of the index close to ``word`` when ``word`` itself is not in it."""
        raise NotImplementedError

    def writer(self) -> IndexWriter:
        """Take the write lock without waiting (raises IndexBusy) and return a writer."""
        raise NotImplementedError

    def rebuild(self, documents, *, processes=1, on_swapped=None) -> dict:
        """
        Build a complete new index from ``documents`` beside the live one and
        swap it in atomically; ``on_swapped`` runs once it is live, while
        writers are still held off. Returns figures about the build.
        """
        raise NotImplementedError

    def exists(self) -> bool:
        raise NotImplementedError

    def status(self) -> dict:
        """{"ok", "detail", "documents": {kind: n}, ...} for health checks."""
        raise NotImplementedError
