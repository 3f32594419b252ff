"""
The signal the articles app sends when the archive's public content changes.

``content_changed`` is sent whenever a source, strike, article, correction,
person, quote or redirect is saved or deleted, and by writes that bypass model
signals (``Article.objects.redate()``'s bulk update; any other code that
writes with ``QuerySet.update()`` or ``bulk_update()`` calls
``announce_content_change()``). It is sent twice: at the write, so that state
read later in the same transaction is fresh, and again once the transaction
commits, so that state another connection rebuilt in between from the
uncommitted database is dropped too (outside a transaction the two come
together). Receivers get ``sender`` (the model written) and ``using`` (the
database alias).

Who listens lives elsewhere and is not named here: the site's page cache
(``strikewatch``) and search's outlet and speaker names (``search.labels``).

``batch_started`` and ``batch_finished`` are sent around a run of many
writes (``writing_in_batch``: an import of a folder), so that listeners may
do together, every so often and at the end, work they would otherwise do
after every commit (search re-indexes the run's articles in a few index
commits instead of one per article). ``articles_written`` is sent, with the
ids of the articles concerned, by writes that send no model signals
(``bulk_create``), so that listeners keeping copies of articles (the search
index) know which to refresh.

``writing_together`` wraps many writes in one transaction (a batch of an
import): ``content_changed`` is then sent once per model written when it
ends, rather than at every row, and ``writes_held``/``writes_released`` let
listeners hold back their own per-row work (search queues the batch's
articles in one statement); ``writes_released`` says whether the writes
succeeded.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

content_changed = Signal()
batch_started = Signal()
batch_finished = Signal()
articles_written = Signal()
writes_held = Signal()
writes_released = Signal()

_local = threading.local()


@contextmanager
def writing_in_batch():
    """Announce a run of many writes (``batch_started``, then ``batch_finished``)."""
    batch_started.send(sender=None)
    try:
        yield
    finally:
        batch_finished.send(sender=None)


@contextmanager
def writing_together():
    """
    Many writes announced as one: ``content_changed`` once per model written,
    when the block ends (and again at the commit), and ``writes_held`` then
    ``writes_released(succeeded=...)`` around it. Nested blocks are one block.
    """
    if getattr(_local, "changed", None) is not None:
        yield
        return
    _local.changed = {}
    writes_held.send(sender=None)
    succeeded = False
    try:
        yield
        succeeded = True
    finally:
        changed, _local.changed = _local.changed, None
        writes_released.send(sender=None, succeeded=succeeded)
        if succeeded:
            for sender, using in changed:
                announce_content_change(sender, using)


def announce_content_change(sender=None, using=None):
    """Send ``content_changed`` now and again when the current transaction commits."""
    changed = getattr(_local, "changed", None)
    if changed is not None:  # inside ``writing_together``: once, at its end
        changed[sender, using] = True
        return
    content_changed.send(sender=sender, using=using)
    transaction.on_commit(
        lambda: content_changed.send(sender=sender, using=using), using=using, robust=True
    )


def _on_model_write(sender, using=None, **kwargs):
    announce_content_change(sender, using)


def announce_writes_to(models):
    """Connect saves and deletes of ``models`` to ``content_changed`` (from ``ready()``)."""
    for model in models:
        uid = f"content-changed-{model._meta.label_lower}"
        post_save.connect(_on_model_write, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_model_write, sender=model, dispatch_uid=f"{uid}-delete")
