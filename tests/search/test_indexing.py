"""Index updates follow saves and deletes, after the transaction commits, on both backends."""

import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connections, transaction
from django.utils import timezone

from articles.models import Article, Quote
from search import indexing
from search.models import IndexQueue
from search.service import SearchParams, run_search


def found(q, type="quotes"):
    return [result.object.pk for result in run_search(SearchParams(q=q, type=type)).results]


def test_a_new_article_is_indexed_once_the_transaction_commits(
    indexed, corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        article = corpus.article(
            "Teachers walk out in Oakland", ["Oakland teachers walked out on Friday."]
        )
        quote = corpus.quote(article, "Oakland teachers walked out")
        corpus.quote(article, "on Friday")
        indexing._last_due_check = time.monotonic()  # (searches drain due rows now and then)
        assert found("oakland", "articles") == []  # nothing reaches the index before the commit
    assert IndexQueue.objects.filter(article_id=article.pk, claimed_at__isnull=True).count() == 1
    for callback in callbacks:
        callback()
    assert IndexQueue.objects.filter(article_id=article.pk, done_at__isnull=True).count() == 0
    assert found("oakland", "articles") == [article.pk]
    assert quote.pk in found("oakland")


def test_rewriting_many_quotes_in_one_transaction_queues_the_article_once(
    indexed, django_capture_on_commit_callbacks
):
    article = indexed["articles"]["hiring"]
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            article.quotes.all().delete()
            for n in range(12):
                Quote.objects.create(
                    article=article,
                    paragraph=1,
                    start=n,
                    end_paragraph=1,
                    end=n + 5,
                    text=f"hire{n} therapists",
                )
            assert (
                IndexQueue.objects.filter(article_id=article.pk, claimed_at__isnull=True).count()
                == 1
            )
    assert (
        IndexQueue.objects.filter(claimed_at__isnull=True, due_at__lte=timezone.now()).count() == 0
    )
    assert len(found("hire7")) == 1
    assert found("premiums") == []  # the deleted quotes left the index


def test_an_article_turning_draft_leaves_the_index_with_its_quotes(
    indexed, django_capture_on_commit_callbacks
):
    article = indexed["articles"]["hiring"]
    assert found("premiums") and found("cafe", "articles")
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.DRAFT
        article.save()
    assert found("premiums") == []
    assert found("cafe", "articles") == []
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.PUBLISHED
        article.save()
    assert found("premiums") == [indexed["quotes"]["premiums"].pk]


def test_deletes_leave_the_index(indexed, django_capture_on_commit_callbacks):
    quotes = indexed["quotes"]
    with django_capture_on_commit_callbacks(execute=True):
        quotes["premiums"].delete()
    assert found("premiums") == []
    assert found("busting") == [quotes["busting"].pk]
    with django_capture_on_commit_callbacks(execute=True):
        indexed["articles"]["hiring"].delete()
    assert found("busting") == []
    assert found("cafe", "articles") == []


def test_editing_an_article_updates_its_quotes_documents(
    indexed, django_capture_on_commit_callbacks
):
    article = indexed["articles"]["strike"]
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Kaiser mental health walkout enters ninth week"
        article.save()
    assert sorted(found("headline:ninth")) == sorted(
        [indexed["quotes"]["life"].pk, indexed["quotes"]["solidarity"].pk]
    )
    assert found("headline:reject") == []


def test_a_new_alias_reaches_the_speakers_quotes(indexed, django_capture_on_commit_callbacks):
    person = indexed["people"]["soroken"]
    assert found("speaker:Sorokinova") == []
    with django_capture_on_commit_callbacks(execute=True):
        person.add_aliases(["Sorokinova"])
        person.save()
    assert found("speaker:Sorokinova") == [indexed["quotes"]["life"].pk]


def test_deleting_a_person_unattributes_their_quotes_in_the_index(
    indexed, django_capture_on_commit_callbacks
):
    person = indexed["people"]["soroken"]
    with django_capture_on_commit_callbacks(execute=True):
        person.delete()
    assert found("speaker:Soroken") == [
        indexed["quotes"]["life"].pk
    ]  # still named as the text named her
    assert found("speaker:Sarah") == []


def test_renaming_an_outlet_reaches_its_documents(indexed, django_capture_on_commit_callbacks):
    source = indexed["sources"]["kcra"]
    with django_capture_on_commit_callbacks(execute=True):
        source.name = "Channel Three News"
        source.save()
    assert found("source:channel", "articles") == [indexed["articles"]["strike"].pk]
    assert found("source:kcra", "articles") == []


def test_a_rolled_back_change_queues_nothing(indexed, corpus):
    before = IndexQueue.objects.count()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            corpus.article("Never happened", ["This article was rolled back."])
            raise RuntimeError("editor cancelled")
    assert IndexQueue.objects.count() == before


def test_a_scheduled_article_becomes_searchable_when_its_time_comes(
    indexed, corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = corpus.article(
            "Dockworkers vote tonight",
            ["Dockworkers will vote tonight."],
            published_at=timezone.now() + timedelta(seconds=1),
        )
    assert found("dockworkers", "articles") == []
    assert IndexQueue.objects.filter(
        article_id=article.pk, due_at=article.published_at, claimed_at__isnull=True
    ).exists()
    time.sleep(1.2)
    indexing._last_due_check = float("-inf")
    assert found("dockworkers", "articles") == [article.pk]  # the search drained the due row itself


@contextmanager
def write_lock_held_elsewhere(backend):
    """The index's write lock, held the way another process would hold it."""
    if backend.name == "whoosh":
        writer = backend.writer()  # an flock on its own file descriptor: exclusive even in-process
        try:
            yield
        finally:
            writer.__exit__(None, None, None)
    else:
        from search.backends.postgres import LOCK_KEY

        other = connections.create_connection("default")  # a second session, like another worker's
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
            yield
            # Released explicitly: closing the session releases it only when the server
            # has processed the disconnection, which a loaded machine can delay past
            # the next statement.
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        finally:
            other.close()


def test_a_busy_index_leaves_work_queued_for_the_lock_holder(
    indexed, corpus, backend, django_capture_on_commit_callbacks
):
    with write_lock_held_elsewhere(backend):
        with django_capture_on_commit_callbacks(execute=True):
            article = corpus.article(
                "Bakers strike in Leeds", ["Bakers in Leeds struck."]
            )  # must not fail
        assert IndexQueue.objects.filter(article_id=article.pk, claimed_at__isnull=True).exists()
        assert indexing.drain(backend) == 0
    assert indexing.drain(backend) == 1
    assert found("leeds", "articles") == [article.pk]


def test_work_queued_while_the_index_is_missing_is_applied_by_the_rebuild(
    backend, newsroom, corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = corpus.article("Porters picket the station", ["Porters picketed."])
    assert IndexQueue.objects.filter(article_id=article.pk, done_at__isnull=True).exists()
    indexing.rebuild(backend)
    assert found("porters", "articles") == [article.pk]
    assert not IndexQueue.objects.filter(
        claimed_at__isnull=True, due_at__lte=timezone.now()
    ).exists()
