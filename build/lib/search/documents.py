"""
What the index holds, read from the database (the source of truth).

An article's documents are the article itself and each of its quotes; they
are always written together, so the article is the unit of every index
update. Only ``published()`` rows become documents: a draft, a scheduled or a
deleted article has none. Rows are read with ``values()`` rather than as model
instances: a rebuild reads hundreds of thousands of them.
"""

from dataclasses import dataclass
from datetime import datetime

from articles.models import Article, Person, Quote, Source

ARTICLE = "article"
QUOTE = "quote"
KINDS = (QUOTE, ARTICLE)


@dataclass(frozen=True)
class Document:
    """One searchable unit, the same for every backend."""

    kind: str
    pk: int
    article_id: int
    headline: str
    text: str
    source: str  # the outlet's name and aliases
    source_slug: str
    byline: str
    published_at: datetime | None
    speaker: str = ""  # the speaker's name, aliases and how the text named them
    speaker_slug: str = ""

    @property
    def key(self):
        return f"{self.kind}:{self.pk}"


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "one"}


def _is_name(mention):
    """How the text named a speaker, when that is a name ("Soroken") rather than "she"."""
    return bool(mention) and mention[:1].isupper() and mention.casefold() not in _PRONOUNS


def _names(name, aliases):
    return "\n".join(dict.fromkeys(n for n in [name, *(aliases or [])] if n))


class Lookups:
    """Sources and people by id, loaded once per batch."""

    def __init__(self):
        self.sources = {}
        self.people = {}

    def source(self, pk):
        # An article whose outlet is not known has no outlet to search or filter by.
        return self.sources.get(pk, ("", ""))

    def load_sources(self, pks):
        missing = set(pks) - self.sources.keys()
        for row in Source.objects.filter(pk__in=missing).values("pk", "name", "slug", "aliases"):
            self.sources[row["pk"]] = (_names(row["name"], row["aliases"]), row["slug"])

    def load_people(self, pks):
        missing = {pk for pk in pks if pk is not None} - self.people.keys()
        for row in Person.objects.filter(pk__in=missing).values("pk", "name", "slug", "aliases"):
            self.people[row["pk"]] = (_names(row["name"], row["aliases"]), row["slug"])


_ARTICLE_FIELDS = ("pk", "headline", "paragraphs", "byline", "published_at", "source_id")
_QUOTE_FIELDS = ("pk", "article_id", "text", "speaker_id", "speaker_mention")


def documents_for_articles(article_ids, lookups=None):
    """
    {article_id: [Document, ...]} for the given articles; a published article
    always has at least its own document, an unpublished or deleted one has
    an empty list (its documents must leave the index).
    """
    article_ids = list(article_ids)
    found = {article_id: [] for article_id in article_ids}
    articles = list(Article.objects.published().filter(pk__in=article_ids).values(*_ARTICLE_FIELDS))
    quotes = list(
        Quote.objects.published()
        .filter(article_id__in=[a["pk"] for a in articles])
        .order_by("article_id", "paragraph", "start")
        .values(*_QUOTE_FIELDS)
    )
    for article_id, documents in _build(articles, quotes, lookups or Lookups()):
        found[article_id] = documents
    return found


def iter_all_documents(batch_size=500):
    """Every document of every published article, in batches (for rebuilds)."""
    lookups = Lookups()
    ids = list(Article.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = documents_for_articles(ids[start : start + batch_size], lookups)
        for documents in batch.values():
            yield from documents


def count_published():
    """{kind: number of documents the index should hold}."""
    return {
        ARTICLE: Article.objects.published().count(),
        QUOTE: Quote.objects.published().count(),
    }


def _build(articles, quotes, lookups):
    lookups.load_sources(a["source_id"] for a in articles)
    lookups.load_people(q["speaker_id"] for q in quotes)
    by_article = {}
    for quote in quotes:
        by_article.setdefault(quote["article_id"], []).append(quote)
    for article in articles:
        source, source_slug = lookups.source(article["source_id"])
        common = {
            "article_id": article["pk"],
            "headline": article["headline"],
            "source": source,
            "source_slug": source_slug,
            "byline": article["byline"],
            "published_at": article["published_at"],
        }
        documents = [
            Document(
                kind=ARTICLE, pk=article["pk"], text="\n\n".join(article["paragraphs"]), **common
            )
        ]
        for quote in by_article.get(article["pk"], ()):
            names, slug = lookups.people.get(quote["speaker_id"], ("", ""))
            mention = quote["speaker_mention"]
            if _is_name(mention) and mention.casefold() not in names.casefold():
                names = f"{names}\n{mention}" if names else mention
            documents.append(
                Document(
                    kind=QUOTE,
                    pk=quote["pk"],
                    text=quote["text"],
                    speaker=names,
                    speaker_slug=slug,
                    **common,
                )
            )
        yield article["pk"], documents
