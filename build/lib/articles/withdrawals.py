"""
A URL that once answered 200 never answers 404: when a public record stops
being shown, what its page showed is kept as a ``Withdrawal`` and the URL
answers 410 Gone with it (``articles.middleware``).

Takes records as they leave the public archive; gives Withdrawal rows.
Quote sync records the quotes a correction removed (``withdraw_quotes``,
with its own reason); everything else is caught from model signals,
connected by ``connect()`` in the app's ``ready()``:

- a quote deleted from a published article (an editor's delete, a deleted
  article's quotes);
- an article made a draft, scheduled again or deleted, and its quotes;
- a person who is no longer quoted in published coverage, and an outlet with
  no published coverage left (``withdraw_unquoted``, ``withdraw_uncovered``);
- a deleted strike, and a deleted person or outlet that had a page.

A merge or a split leaves a ``Redirect`` from the same path, which answers
first (301).

A quote whose words a correction removed (or an editor deleted) is shown as
it was, with a link to its article. An article the editors withdrew, and the
quotes it carried, are not: their pages say only that they were withdrawn
and when, since withdrawing an article is the editors' decision to stop
showing it.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone

from .models import Article, Person, Quote, Source, Strike, Withdrawal

QUOTE_REMOVED_BY_EDITOR = "An editor removed this quote from the archive."
QUOTE_CORRECTED_AWAY = "The article was corrected and no longer carries these words."
ARTICLE_UNPUBLISHED = "The archive's editors withdrew this article from publication."
ARTICLE_DELETED = "The archive's editors removed this article."
QUOTE_IN_WITHDRAWN_ARTICLE = "The article that carried this quote was withdrawn."
PERSON_UNQUOTED = "No published coverage in the archive quotes this speaker any longer."
SOURCE_UNCOVERED = "The archive no longer publishes coverage from this outlet."
RECORD_DELETED = "The archive's editors removed this page."


def _published_text(article):
    published = article.published_as_printed
    return published.isoformat() if published else ""


def _record(path, kind, title, reason, **snapshot):
    Withdrawal.objects.update_or_create(
        path=path,
        defaults={
            "kind": kind,
            "title": title[:500],
            "reason": reason,
            "withdrawn_at": timezone.now(),
            **snapshot,
        },
    )


def _quote_snapshot(quote, article):
    return {
        "text": quote.text,
        "speaker": quote.speaker.name if quote.speaker_id else "",
        "paragraph": quote.paragraph,
        "article_path": article.get_absolute_url(),
        "article_headline": article.headline[:500],
        "outlet": article.source.name if article.source_id else "",
        "published": _published_text(article),
    }


def withdraw_quotes(quotes, reason):
    """Keep what each quote's page showed, before the quotes are deleted."""
    for quote in quotes:
        _record(
            quote.get_absolute_url(),
            Withdrawal.Kind.QUOTE,
            quote.speaker.name if quote.speaker_id else "Unattributed quote",
            reason,
            **_quote_snapshot(quote, quote.article),
        )
        quote._withdrawn = True


def withdraw_article(article, reason):
    """The article's page and those of its quotes: when and why, not what they showed."""
    _record(article.get_absolute_url(), Withdrawal.Kind.ARTICLE, "", reason)
    for quote in article.quotes.all():
        _record(quote.get_absolute_url(), Withdrawal.Kind.QUOTE, "", QUOTE_IN_WITHDRAWN_ARTICLE)
        quote._withdrawn = True


def withdraw_unquoted(person_ids):
    """People among ``person_ids`` whose page (their published quotes) is now empty."""
    ids = {pk for pk in person_ids if pk is not None}
    if not ids:
        return
    quoted = set(Person.objects.quoted().filter(pk__in=ids).values_list("pk", flat=True))
    for person in Person.objects.filter(pk__in=ids - quoted):
        _record(person.get_absolute_url(), Withdrawal.Kind.PERSON, person.name, PERSON_UNQUOTED)


def withdraw_uncovered(source_ids):
    """Outlets among ``source_ids`` whose page (their published coverage) is now empty."""
    ids = {pk for pk in source_ids if pk is not None}
    if not ids:
        return
    covered = set(Source.objects.with_published_coverage().values_list("pk", flat=True))
    for source in Source.objects.filter(pk__in=ids - covered):
        _record(source.get_absolute_url(), Withdrawal.Kind.SOURCE, source.name, SOURCE_UNCOVERED)


# Signal receivers ---------------------------------------------------------------------


def _quote_deleting(sender, instance, **kwargs):
    instance._was_public = Article.objects.published().filter(pk=instance.article_id).exists()
    if not instance._was_public or getattr(instance, "_withdrawn", False):
        return
    # Quote ids are never reused: a row for this path was written by this same deletion
    # (its article's, with the better reason).
    if not Withdrawal.objects.filter(path=instance.get_absolute_url()).exists():
        withdraw_quotes([instance], QUOTE_REMOVED_BY_EDITOR)


def _quote_deleted(sender, instance, **kwargs):
    if getattr(instance, "_was_public", False):
        withdraw_unquoted([instance.speaker_id])


def _quote_saved(sender, instance, created, **kwargs):
    before = getattr(instance, "_loaded_speaker_id", None)
    if created or before == instance.speaker_id or before is None:
        return
    # Only a page that was public can be withdrawn: a speaker of drafts never had one.
    if Article.objects.published().filter(pk=instance.article_id).exists():
        withdraw_unquoted([before])


def _article_saved(sender, instance, created, **kwargs):
    was_public = getattr(instance, "_loaded_public", False)
    if not was_public:
        return
    if not instance.is_public():
        withdraw_article(instance, ARTICLE_UNPUBLISHED)
        withdraw_unquoted(instance.quotes.values_list("speaker", flat=True))
        withdraw_uncovered([instance.source_id])
    before = getattr(instance, "_loaded_source_id", None)
    if before != instance.source_id:
        withdraw_uncovered([before])


def _article_deleting(sender, instance, **kwargs):
    instance._was_public = instance.is_public()
    if instance._was_public:
        withdraw_article(instance, ARTICLE_DELETED)


def _article_deleted(sender, instance, **kwargs):
    if getattr(instance, "_was_public", False):
        withdraw_uncovered([instance.source_id])


def _page_deleting(sender, instance, **kwargs):
    """A person, outlet or strike deleted while its page was public."""
    kinds = {
        Person: (Withdrawal.Kind.PERSON, lambda: Person.objects.quoted()),
        Source: (Withdrawal.Kind.SOURCE, lambda: Source.objects.with_published_coverage()),
        Strike: (Withdrawal.Kind.STRIKE, lambda: Strike.objects.all()),
    }
    kind, public = kinds[sender]
    if public().filter(pk=instance.pk).exists():
        _record(instance.get_absolute_url(), kind, instance.name, RECORD_DELETED)


def connect():
    """Listen for records leaving the public archive (from ``ArticlesConfig.ready``)."""
    receivers = [
        ("pre-delete", pre_delete, Quote, _quote_deleting),
        ("post-delete", post_delete, Quote, _quote_deleted),
        ("post-save", post_save, Quote, _quote_saved),
        ("post-save", post_save, Article, _article_saved),
        ("pre-delete", pre_delete, Article, _article_deleting),
        ("post-delete", post_delete, Article, _article_deleted),
        ("pre-delete", pre_delete, Person, _page_deleting),
        ("pre-delete", pre_delete, Source, _page_deleting),
        ("pre-delete", pre_delete, Strike, _page_deleting),
    ]
    for name, signal, model, receiver in receivers:
        uid = f"withdrawals-{name}-{model._meta.label_lower}"
        signal.connect(receiver, sender=model, dispatch_uid=uid)
