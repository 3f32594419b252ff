"""
Search's own tables.

``IndexQueue`` is the outbox every backend is fed from: a change to an article
(or to its quotes, people, outlet) writes a row in the same transaction, so
no committed change can be missed by the index, whichever process drains it.

``SearchDocument``, ``SearchWord`` and ``SpeakerWord`` are the PostgreSQL
backend's index; they stay empty when the Whoosh backend is in use.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Left, Length


class IndexQueue(models.Model):
    """
    One article whose index documents (the article and its quotes) must be
    brought up to date. A drainer claims rows, reads the article's current
    state from the database and rewrites its documents, so the row carries
    no data that could go stale. Rows are kept a day after they are done so
    that a rebuild can replay what was applied to the index it replaces.
    """

    article_id = models.IntegerField(
        help_text="Not a foreign key: deleted articles must leave the index too."
    )
    due_at = models.DateTimeField(
        help_text="Not before: an article scheduled for later is indexed then."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            # Saving an article and its thirty quotes in one transaction queues it once.
            models.UniqueConstraint(
                fields=["article_id", "due_at"],
                condition=Q(claimed_at__isnull=True),
                name="search_queue_one_pending_row",
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=Q(claimed_at__isnull=True),
                name="search_queue_pending_idx",
            ),
            models.Index(
                fields=["claimed_at"],
                condition=Q(done_at__isnull=True),
                name="search_queue_claimed_idx",
            ),
            models.Index(fields=["done_at"], name="search_queue_done_idx"),
        ]

    def __str__(self):
        return f"article {self.article_id} due {self.due_at:%Y-%m-%d %H:%M}"


class SearchDocument(models.Model):
    """
    One searchable document of the PostgreSQL backend: an article or a quote.

    ``quote_vector`` (a quote's) or ``article_vector`` (an article's) holds
    the headline (weight A), the text (B) and the speaker's names (C): a
    query without a field needs no weight check, so the GIN index answers it
    exactly; a field query is a weight restriction. One column per kind gives
    each kind its own planner statistics (see ``search.backends.postgres``).
    ``rank_vector`` is small (the headline and the quote, or the article's
    lead) so ranking thousands of matches does not read whole articles.
    """

    key = models.CharField(max_length=40, primary_key=True)
    kind = models.CharField(max_length=10)
    object_id = models.IntegerField()
    article_id = models.IntegerField()
    source_slug = models.CharField(max_length=100)
    speaker_slug = models.CharField(max_length=100, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    quote_vector = SearchVectorField(null=True)
    article_vector = SearchVectorField(null=True)
    rank_vector = SearchVectorField(null=True)
    source_vector = SearchVectorField(null=True)
    byline_vector = SearchVectorField()

    class Meta:
        indexes = [
            # One index per kind: a search is always for quotes or for articles.
            GinIndex(
                fields=["quote_vector"],
                condition=Q(kind="quote"),
                name="search_doc_quote_vector_gin",
            ),
            GinIndex(
                fields=["article_vector"],
                condition=Q(kind="article"),
                name="search_doc_article_vector_gin",
            ),
            GinIndex(fields=["source_vector"], name="search_doc_source_gin"),
            GinIndex(fields=["byline_vector"], name="search_doc_byline_gin"),
            models.Index(fields=["article_id"], name="search_doc_article_idx"),
            models.Index(
                "kind", F("published_at").desc(nulls_last=True), name="search_doc_kind_date_idx"
            ),
            # Oldest first puts undated documents last too: read backwards, the index
            # above would give them first, so the planner could not walk it.
            models.Index(
                "kind", F("published_at").asc(nulls_last=True), name="search_doc_kind_oldest_idx"
            ),
            models.Index(fields=["kind", "source_slug"], name="search_doc_kind_source_idx"),
            models.Index(fields=["kind", "speaker_slug"], name="search_doc_kind_speaker_idx"),
        ]

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """The words (folded, unstemmed) of the PostgreSQL index: "did you mean" picks among them."""

    word = models.CharField(max_length=100, primary_key=True)
    documents = models.IntegerField(default=1)

    class Meta:
        indexes = [GinIndex(OpClass("word", name="gin_trgm_ops"), name="search_word_trgm")]

    def __str__(self):
        return self.word


class SpeakerWord(models.Model):
    """
    The words of the speaker field of the PostgreSQL index (folded names, as
    indexed): a ``speaker:`` query also finds the words within a small edit
    distance of what was typed, picked from these, as the Whoosh backend
    picks them from its own term list.
    """

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        indexes = [
            # Candidates share the first letter and are of a similar length (see postgres.py).
            models.Index(Left("word", 1), Length("word"), name="search_speakerword_initial"),
        ]

    def __str__(self):
        return self.word


class IndexState(models.Model):
    """When a backend's index was last built in full (its absence means: never)."""

    backend = models.CharField(max_length=20, primary_key=True)
    built_at = models.DateTimeField()
    documents = models.IntegerField(default=0)

    def __str__(self):
        return f"{self.backend} built {self.built_at:%Y-%m-%d %H:%M}"
