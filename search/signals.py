"""
Keeps the search index, and the outlet and speaker names search shows, in
step with the database.

``articles`` knows nothing of search; these receivers queue the affected
articles whenever an article, a quote, a person or an outlet is saved or
deleted (admin, imports, re-extraction). The queue row is written in the same
transaction as the change and drained after it commits (``search.indexing``).

Bulk ``QuerySet.update()`` and ``bulk_create()`` send no model signals: code
in ``articles`` that uses them sends ``articles_written`` with the articles'
ids; other code calls ``search.indexing.enqueue`` itself, or runs
``manage.py rebuild_index``. Around a run of many writes (an import,
``articles.signals.writing_in_batch``) drains are held back and done
together (``search.indexing.hold_drains``); within one transaction of many
writes (``articles.signals.writing_together``) the articles are queued in
one statement (``search.indexing.hold_enqueues``).
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from articles.models import Article, Person, Quote, Source
from articles.signals import (
    articles_written,
    batch_finished,
    batch_started,
    content_changed,
    writes_held,
    writes_released,
)

from . import copies, indexing, labels, names

# Names of outlets and speakers kept for facets are dropped when the content changes.
content_changed.connect(labels.forget, dispatch_uid="search.labels")
content_changed.connect(names.forget, dispatch_uid="search.names")
content_changed.connect(copies.forget, dispatch_uid="search.copies")


@receiver(post_save, sender=Article, dispatch_uid="search.article_saved")
def article_saved(sender, instance, **kwargs):
    indexing.enqueue([instance.pk])
    if (
        instance.status == Article.Status.PUBLISHED
        and instance.published_at is not None
        and instance.published_at > timezone.now()
    ):
        # Scheduled: it becomes searchable when it becomes public.
        indexing.enqueue([instance.pk], due_at=instance.published_at)


@receiver(post_delete, sender=Article, dispatch_uid="search.article_deleted")
def article_deleted(sender, instance, **kwargs):
    indexing.enqueue([instance.pk])


@receiver(post_save, sender=Quote, dispatch_uid="search.quote_saved")
@receiver(post_delete, sender=Quote, dispatch_uid="search.quote_deleted")
def quote_changed(sender, instance, **kwargs):
    indexing.enqueue([instance.article_id])


# What the index keeps of a person, in each of their quotes' documents.
PERSON_INDEXED_FIELDS = frozenset({"name", "aliases", "slug"})


@receiver(post_save, sender=Person, dispatch_uid="search.person_saved")
def person_saved(sender, instance, created, update_fields=None, **kwargs):
    # Their name and aliases are part of their quotes' documents; a save of other fields
    # only (a side taken from their quotes, a description) leaves those documents as they are.
    if created or (update_fields is not None and not PERSON_INDEXED_FIELDS & set(update_fields)):
        return
    indexing.enqueue_articles_quoting(instance.pk)


@receiver(pre_delete, sender=Person, dispatch_uid="search.person_deleting")
def person_deleting(sender, instance, **kwargs):
    # Before the delete sets their quotes' speaker to NULL and the link is lost.
    indexing.enqueue_articles_quoting(instance.pk)


@receiver(post_save, sender=Source, dispatch_uid="search.source_saved")
def source_saved(sender, instance, created, **kwargs):
    if not created:
        indexing.enqueue_articles_from(instance.pk)


@receiver(articles_written, dispatch_uid="search.articles_written")
def articles_bulk_written(sender, article_ids, **kwargs):
    indexing.enqueue(article_ids)


@receiver(batch_started, dispatch_uid="search.batch_started")
def batch_begins(sender, **kwargs):
    indexing.hold_drains()


@receiver(batch_finished, dispatch_uid="search.batch_finished")
def batch_ends(sender, **kwargs):
    indexing.release_drains()


@receiver(writes_held, dispatch_uid="search.writes_held")
def writes_begin(sender, **kwargs):
    indexing.hold_enqueues()


@receiver(writes_released, dispatch_uid="search.writes_released")
def writes_end(sender, succeeded, **kwargs):
    indexing.release_enqueues(succeeded)
