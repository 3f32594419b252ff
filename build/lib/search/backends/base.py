"""
The interface every search backend implements, and the plain values that
cross it. Views and the indexing machinery only ever talk to this.
"""

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime

RELEVANCE, NEWEST, OLDEST = "relevance", "newest", "oldest"
SORTS = (RELEVANCE, NEWEST, OLDEST)

# A backend for which counting every match is costly (PostgreSQL visits each
# matching row to count it) may stop at this many, and say so
# (``Hits.total_is_lower_bound``). Paging never goes that deep (see
# ``search.service.MAX_PAGE``), so only the shown total and facet counts change.
EXACT_COUNT_LIMIT = 10_000


class IndexUnavailable(Exception):
    """The index is missing or unreadable: search must say so, the rest of the site carries on."""


class IndexDamaged(IndexUnavailable):
    """The index's files are not what was written: search says it is being repaired while a rebuild runs."""


class IndexBusy(Exception):
    """Another process holds the index's write lock (it will drain the queue after it)."""


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query plus the filters and the slice of results wanted."""

    tree: object  # a querylang tree, or None for "everything" (within the filters)
    kind: str
    source_slug: str | None = None
    speaker_slug: str | None = None
    # Any of these speakers (a side's people, read from the database); None: anyone.
    speaker_slugs: tuple | None = None
    date_from: datetime | None = None  # inclusive
    date_to: datetime | None = None  # exclusive
    sort: str = RELEVANCE
    offset: int = 0
    limit: int = 20
    # Facet values wanted per facet: the most frequent this many (and any tied
    # with the last of them); None for all.
    facet_limit: int | None = None
    # False when only the page of keys is wanted: a backend may then skip counting
    # (Hits.total is then only known to be at least len(keys), facets may be empty).
    count: bool = True


@dataclass
class Hits:
    """
    One page of matches: (kind, pk) pairs in order, the total and per-facet
    counts. With ``total_is_lower_bound``, counting stopped at
    ``EXACT_COUNT_LIMIT``: there are more matches than ``total``, and the
    facet counts are those of the matches counted.
    """

    keys: list
    total: int
    facets: dict = field(default_factory=dict)  # {"source": {slug: n}, "speaker": {slug: n}}
    total_is_lower_bound: bool = False
    # Best-match order ranked only the newest EXACT_COUNT_LIMIT matches (an option of
    # the PostgreSQL backend, see search.backends.postgres.rank_window).
    ranked_newest: bool = False


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
