"""
Running a search: the one function the search page, the JSON API, the CSV
export and the benchmark all call (``run_search``).

The backend says which documents match; the database has the last word on
what is shown. Hits are loaded through ``published()``, so an article that
stopped being public a moment ago never appears even if its index update is
still queued, and links, names and snippets always reflect the current rows.
"""

import logging
import math
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property
from html import escape

from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.models import Article, Person, Quote

from . import copies, indexing, labels, names
from . import querylang as ql
from .analysis import Highlighter, fold, text_terms
from .backends import IndexDamaged, IndexUnavailable, get_backend
from .backends.base import EXACT_COUNT_LIMIT, NEWEST, RELEVANCE, SearchQuery
from .documents import ARTICLE, QUOTE

logger = logging.getLogger(__name__)

PER_PAGE = 20
MAX_PAGE = 250  # 5,000 results deep: past that, a narrower query serves better
# Copies of one story are shown together when there are at most this many matches
# (grouping reads every match's key; past that, each copy is a result of its own).
COLLAPSE_LIMIT = 500
EXPORT_LIMIT = 10_000
FACET_LIMIT = 12
ARTICLE_SNIPPET_CHARS = 280
TYPES = {"quotes": QUOTE, "articles": ARTICLE}


@dataclass
class SearchParams:
    """What was asked for, already validated (see search.forms)."""

    q: str = ""
    type: str = "quotes"
    source: str = ""
    speaker: str = ""
    side: str = ""  # a Person.Side value: quotes whose speaker is on that side
    copies: str = ""  # "all": each outlet's copy of a story is a result of its own
    date_from: date | None = None
    date_to: date | None = None
    sort: str = RELEVANCE
    page: int = 1

    @property
    def kind(self):
        return TYPES[self.type]

    @property
    def has_filters(self):
        return bool(self.source or self.speaker or self.side or self.date_from or self.date_to)

    @property
    def side_label(self):
        return Person.Side(self.side).label if self.side else ""


def snippet_html(parts):
    """A snippet as HTML: every piece escaped (as Django's ``escape`` does), matches in <mark>."""
    return mark_safe(
        "".join(
            f"<mark>{escape(part.text)}</mark>" if part.mark else escape(part.text)
            for part in parts
        )
    )


@dataclass
class Result:
    """One hit, with the current database row behind it and its highlighted snippet."""

    kind: str
    object: object  # a Quote or an Article
    parts: list  # search.analysis.Part
    headline_parts: list = field(default_factory=list)
    copies: list = field(default_factory=list)  # other outlets' copies the query found (Result)

    @property
    def article(self):
        return self.object.article if self.kind == QUOTE else self.object

    @cached_property
    def snippet_html(self):
        return snippet_html(self.parts)

    @cached_property
    def headline_html(self):
        return snippet_html(self.headline_parts)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchOutcome:
    params: SearchParams
    parsed: ql.ParsedQuery
    searched: bool = False
    results: list = field(default_factory=list)
    total: int = 0
    # True when the backend stopped counting at EXACT_COUNT_LIMIT: there are at
    # least ``total`` results (and the facet counts, taken from those, are lower
    # bounds too). The page shows "10,000+", the API says so with this flag.
    total_is_lower_bound: bool = False
    page: int = 1
    pages: int = 0
    per_page: int = PER_PAGE
    facets: dict = field(default_factory=dict)  # {"source": [FacetValue], "speaker": [FacetValue]}
    notices: list = field(default_factory=list)
    suggestion: str | None = None
    unavailable: str | None = None
    repairing: bool = False  # the index was found damaged and is being rebuilt
    speaker_name: str | None = None  # the selected speaker's display name
    source_name: str | None = None
    side_filtered: bool = False  # params.side narrowed these results (quotes only)
    people: list = field(default_factory=list)  # the quoted people the query names (Person)
    # With copies shown together: ``total`` counts stories, this counts every copy.
    copies_counted: int | None = None

    @property
    def every_copy_total(self):
        """The matches, each outlet's copy counted (what the CSV export lists)."""
        return self.copies_counted if self.copies_counted is not None else self.total

    @property
    def first_number(self):
        return (self.page - 1) * self.per_page + 1

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.pages

    @property
    def page_obj(self):
        """This page as the site's pagination include reads a Django ``Page``."""
        return ResultsPage(self.page, self.pages)


@dataclass
class _PageCount:
    num_pages: int


class ResultsPage:
    """
    The part of Django's ``Page`` that ``articles/includes/pagination.html`` uses:
    a backend counts and slices the results itself, so there is no object list
    for a ``Paginator`` to page through.
    """

    def __init__(self, number, pages):
        self.number = number
        self.paginator = _PageCount(pages)

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.paginator.num_pages

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def run_search(params, *, per_page=PER_PAGE, backend=None, suggest=True, people=True):
    """
    Search, and gather everything a page of results shows: with ``suggest``, a
    corrected query when nothing matched; with ``people``, the people the query
    names (the CSV export wants neither).
    """
    backend = backend or get_backend()
    parsed = ql.parse_query(params.q)
    outcome = SearchOutcome(
        params=params, parsed=parsed, per_page=per_page, notices=list(parsed.notices)
    )
    if parsed.empty and not params.has_filters:
        if params.q.strip() and not outcome.notices:
            outcome.notices.append("There was nothing to search for in your query.")
        return outcome
    outcome.searched = True
    tree = parsed.tree
    if people:
        outcome.people = names.people_named(name_words(tree))

    # A speaker or outlet is chosen by slug (facet links) or typed as a name.
    speaker_slug = source_slug = None
    if params.speaker or params.source:
        named = labels.names({"speaker": [params.speaker], "source": [params.source]})
    if params.speaker:
        person_name = named["speaker"].get(params.speaker)
        if person_name is not None:
            speaker_slug, outcome.speaker_name = params.speaker, person_name
        else:
            tree = _and(tree, ql.Term(params.speaker, "speaker"))
            outcome.speaker_name = params.speaker
    if params.source:
        source_name = named["source"].get(params.source)
        if source_name is not None:
            source_slug, outcome.source_name = params.source, source_name
        else:
            tree = _and(tree, ql.Term(params.source, "source"))
            outcome.source_name = params.source

    speaker_slugs = None
    if params.side and params.kind == QUOTE:
        speaker_slugs = tuple(Person.objects.on_side(params.side).values_list("slug", flat=True))
        outcome.side_filtered = True
    elif params.side:
        outcome.notices.append(
            "A side belongs to a speaker: the side filter narrows quotes, not articles."
        )

    page = params.page
    if page > MAX_PAGE:
        outcome.notices.append(
            f"Results go up to page {MAX_PAGE}; narrow your search to see further."
        )
        page = MAX_PAGE
    query = SearchQuery(
        tree=tree,
        kind=params.kind,
        source_slug=source_slug,
        speaker_slug=speaker_slug,
        speaker_slugs=speaker_slugs,
        date_from=_day_start(params.date_from) if params.date_from else None,
        date_to=_day_start(params.date_to + timedelta(days=1)) if params.date_to else None,
        sort=params.sort,
        offset=(page - 1) * per_page,
        limit=per_page,
        facet_limit=FACET_LIMIT,
    )
    indexing.drain_if_due()
    try:
        groups = None
        if params.copies != "all" and copies.archive_has_copies():
            # One search for the page and, when there are few enough, every match to group.
            limit = max(COLLAPSE_LIMIT, query.offset + query.limit)
            hits = backend.search(replace(query, offset=0, limit=limit))
            groups = _copy_groups(hits, outcome)
            if groups is None:
                hits = _page_of(backend, query, hits)
        else:
            hits = backend.search(query)
        shown = len(groups) if groups is not None else hits.total
        outcome.pages = min(MAX_PAGE, math.ceil(shown / per_page))
        if shown and page > outcome.pages:
            outcome.notices.append(
                f"There are only {outcome.pages} pages of results; here is the last."
            )
            page = outcome.pages
            if groups is None:
                hits = backend.search(replace(query, offset=(page - 1) * per_page))
        if suggest and hits.total == 0 and tree is not None:
            outcome.suggestion = _suggestion(backend, query)
    except IndexUnavailable as error:
        outcome.repairing = isinstance(error, IndexDamaged)
        # A damaged index was logged once, when it was found: not again for every search.
        logger.log(
            logging.INFO if outcome.repairing else logging.WARNING,
            "Search is unavailable: %s",
            error,
        )
        outcome.unavailable = str(error)
        outcome.searched = False
        indexing.rebuild_in_background()
        return outcome

    outcome.page, outcome.total = page, shown
    outcome.total_is_lower_bound = hits.total_is_lower_bound
    if hits.ranked_newest:
        outcome.notices.append(
            f"More than {EXACT_COUNT_LIMIT:,} results: the best matches shown are from the "
            f"{EXACT_COUNT_LIMIT:,} most recent. Narrow your search to rank them all."
        )
    highlighter = highlighter_for(tree)
    if groups is not None:
        outcome.copies_counted = hits.total
        outcome.results = _grouped_results(
            groups[(page - 1) * per_page : page * per_page], highlighter
        )
    else:
        outcome.results = _load_results(hits.keys, highlighter)
    outcome.facets = _facets(hits.facets, speaker_slug, source_slug)
    return outcome


def _copy_groups(hits, outcome):
    """
    Every match grouped with its copies (``search.copies``), from ``hits`` holding
    the first COLLAPSE_LIMIT matches; None when there are more, or none are copies.
    """
    if hits.total < 2:
        return None
    if hits.total > len(hits.keys) or hits.total_is_lower_bound:
        outcome.notices.append(
            f"Copies of one story in several outlets are shown together up to "
            f"{COLLAPSE_LIMIT:,} results; here each is a result of its own."
        )
        return None
    groups = copies.group(hits.keys)
    return groups if len(groups) < len(hits.keys) else None


def _page_of(backend, query, hits):
    """The page ``query`` asks for, from ``hits`` (the first matches) when it holds it."""
    end = query.offset + query.limit
    if end <= len(hits.keys) or len(hits.keys) >= hits.total:
        return replace(hits, keys=hits.keys[query.offset : end])
    return backend.search(query)


def _grouped_results(groups, highlighter):
    """One Result per group: its best match, with the other matches as its ``copies``."""
    loaded = {
        (result.kind, result.object.pk): result
        for result in _load_results([key for keys in groups for key in keys], highlighter)
    }
    results = []
    for keys in groups:
        found = [loaded[key] for key in keys if key in loaded]
        if found:
            found[0].copies = found[1:]
            results.append(found[0])
    return results


def _and(tree, leaf):
    return leaf if tree is None else ql.And((tree, leaf))


def highlighter_for(tree):
    """Marks what the query's positive words match in running text."""
    stems, prefixes = set(), set()
    for leaf in ql.leaves(tree, positive_only=True):
        if leaf.field not in (None, "headline", "text"):
            continue
        if isinstance(leaf, ql.Prefix):
            prefixes.add(fold("".join(ql.plain_words(leaf.text))))
        else:
            stems.update(text_terms(leaf.text))
    return Highlighter(frozenset(stems), tuple(sorted(prefixes)))


# What a result shows (page, API, CSV): one query loads it all, and no more. The
# rows are model instances, so anything else read from them is still correct
# (Django loads a deferred field when it is first used), only slower.
_SOURCE_FIELDS = ("source__id", "source__name", "source__slug", "source__timezone")
# The date as its outlet printed it: the moment, the clock and whether a time was given.
_ARTICLE_FIELDS = (
    "id",
    "headline",
    "slug",
    "byline",
    *Article.PUBLICATION_FIELDS,
    "published_on",
    "source",
)
QUOTE_FIELDS = (
    "id",
    "article",
    "paragraph",
    "text",
    "speaker",
    "speaker_mention",
    *(f"article__{name}" for name in _ARTICLE_FIELDS + _SOURCE_FIELDS),
    "speaker__id",
    "speaker__name",
    "speaker__slug",
    "speaker__side",
)
ARTICLE_FIELDS = (*_ARTICLE_FIELDS, "paragraphs", *_SOURCE_FIELDS)


def _load_results(keys, highlighter):
    """The hits' rows, through published(), in the backend's order; stale hits are dropped."""
    quote_ids = [pk for kind, pk in keys if kind == QUOTE]
    article_ids = [pk for kind, pk in keys if kind == ARTICLE]
    rows = {}
    if quote_ids:
        quotes = (
            Quote.objects.published()
            .filter(pk__in=quote_ids)
            .select_related("article__source", "speaker")
            .only(*QUOTE_FIELDS)
            .order_by()
        )
        for quote in quotes:
            rows[(QUOTE, quote.pk)] = quote
    if article_ids:
        articles = (
            Article.objects.published()
            .filter(pk__in=article_ids)
            .select_related("source")
            .only(*ARTICLE_FIELDS)
            .order_by()
        )
        for article in articles:
            rows[(ARTICLE, article.pk)] = article
    results = []
    for key in keys:
        row = rows.get(key)
        if row is None:
            continue  # unpublished or deleted since it was indexed: its update is on its way
        if key[0] == QUOTE:
            results.append(Result(QUOTE, row, highlighter.parts(row.text)))
        else:
            results.append(
                Result(
                    ARTICLE,
                    row,
                    highlighter.parts(row.body, max_chars=ARTICLE_SNIPPET_CHARS),
                    highlighter.parts(row.headline),
                )
            )
    return results


def _facets(counts, speaker_slug, source_slug):
    top = {
        name: sorted(counts.get(name, {}).items(), key=lambda item: (-item[1], item[0]))[
            :FACET_LIMIT
        ]
        for name in ("source", "speaker")
    }
    names = labels.names({name: [slug for slug, _ in values] for name, values in top.items()})
    selected = {"source": source_slug, "speaker": speaker_slug}
    return {
        name: [
            FacetValue(slug, names[name][slug], count, slug == selected[name])
            for slug, count in values
            if slug in names[name]
        ]
        for name, values in top.items()
    }


def name_words(tree):
    """The words of the query that may name someone: its positive words, phrases and speakers."""
    return [
        word
        for leaf in ql.leaves(tree, positive_only=True)
        if leaf.field in (None, "speaker") and not isinstance(leaf, ql.Prefix)
        for word in ql.plain_words(leaf.text)
    ]


def _suggestion(backend, query):
    """
    A corrected query that finds something, written as the reader would type it; or None.

    A word close to one of the archive's names is corrected to that name, as
    the archive spells it (``search.names``); other words to the nearest word
    of the index, unless the reader capitalised them: a name must not become
    a common word ("Sayfe" is not "saying").
    """
    words = [
        leaf.text
        for leaf in ql.leaves(query.tree, positive_only=True)
        if isinstance(leaf, ql.Term) and leaf.field in (None, "headline", "text", "speaker")
    ]

    def is_known(word):
        probe = replace(query, tree=ql.Term(word), offset=0, limit=1, count=False, sort=NEWEST)
        return bool(backend.search(probe).keys)

    corrections = names.name_corrections(words, is_known=is_known)
    stems = {}
    for leaf in ql.leaves(query.tree, positive_only=True):
        if isinstance(leaf, ql.Term) and leaf.field in (None, "headline", "text"):
            for word in ql.plain_words(leaf.text):
                if word in corrections or names.looks_like_a_name(word):
                    continue
                better = backend.correction(word)
                if better:
                    stems[word] = better
    if not corrections and not stems:
        return None

    def correct(leaf):
        if isinstance(leaf, ql.Term) and leaf.text in corrections:
            return ql.Term(corrections[leaf.text], leaf.field)
        if isinstance(leaf, ql.Term) and leaf.text in stems:
            return ql.Term(stems[leaf.text], leaf.field)
        return leaf

    corrected = ql.map_leaves(query.tree, correct)
    # Only whether it finds anything, and one match to read its words from: neither
    # counted nor ranked (ranking reads every match of a common word), the newest.
    hits = backend.search(
        replace(query, tree=corrected, offset=0, limit=1, count=False, sort=NEWEST)
    )
    if not hits.keys:
        return None
    # Corrections from the index are its terms (stems): show them as that match writes them.
    surface = _surface_forms(hits.keys[:1], set(stems.values())) if stems else {}

    def written(leaf):
        if isinstance(leaf, ql.Term) and leaf.text in surface and leaf.text in stems.values():
            return ql.Term(surface[leaf.text], leaf.field)
        return leaf

    return ql.to_text(ql.map_leaves(corrected, written))


def _surface_forms(keys, stems):
    """{stem: the word as written} from the text of the given hits."""
    found = {}
    for result in _load_results(keys, Highlighter()):
        text = f"{result.article.headline}\n{result.object.text if result.kind == QUOTE else result.object.body}"
        for stem in stems - found.keys():
            spans = Highlighter(frozenset({stem})).spans(text)
            if spans:
                start, end = spans[0]
                found[stem] = text[start:end].lower()
    return found
