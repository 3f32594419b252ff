"""
Optimistic locking: two editors saving the same row never overwrite each
other unknowingly.

Every locked row (articles, quotes) carries a ``version``. A form remembers
the version it was loaded at; saving first locks the row (``current_row``:
SELECT ... FOR UPDATE, held until the admin's transaction ends) and compares
versions, and a save based on an out-of-date copy is refused with a
``Conflict`` that tells the editor who saved what meanwhile. ``claim_version``
then bumps the version with a conditional UPDATE, so that of two simultaneous
saves only one can win even without the lock. The forms
(``articles.forms.VersionedModelForm``) and the admin use these.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .ingest.diff import DiffRow


class StaleVersionError(Exception):
    """A save lost the race for a row's version (see ``claim_version``)."""


@dataclass
class Conflict:
    """What another editor saved since a form was loaded, for the change form to show."""

    verbose_name: str
    current_version: int
    saved_by: str
    saved_at: datetime | None
    text_diff: list[DiffRow]
    other_changes: list[tuple[str, str, str]]  # (field label, saved value, your value)
    unchanged_paragraphs: int = 0

    def message(self):
        when = f" at {timezone.localtime(self.saved_at):%H:%M on %Y-%m-%d}" if self.saved_at else ""
        return (
            f"{self.saved_by} saved this {self.verbose_name}{when}, after you opened it. "
            "Your changes were not saved. Compare them with the saved version; "
            "saving again will replace the saved version with yours."
        )


def current_row(instance):
    """The row as saved now, locked until the transaction ends (if there is one); None if deleted."""
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    if transaction.get_connection().in_atomic_block:
        rows = rows.select_for_update()
    return rows.first()


def last_saved(row):
    """(who, when) saved ``row`` last, from its history; ("another editor", None) if unknown."""
    history = getattr(row, "history", None)
    latest = (
        history.order_by("-history_date").select_related("history_user").first()
        if history
        else None
    )
    if latest is None:
        return "another editor", None
    user = latest.history_user
    return (user.get_username() if user is not None else "another editor"), latest.history_date


def claim_version(instance, loaded):
    """
    UPDATE ... SET version = version + 1 WHERE version = ``loaded``; raises
    StaleVersionError if another save got there first.
    """
    model = type(instance)
    claimed = model._default_manager.filter(pk=instance.pk, version=loaded).update(
        version=F("version") + 1
    )
    if not claimed:
        raise StaleVersionError(f"{model._meta.verbose_name} {instance.pk} changed while saving")
    instance.version = loaded + 1


def display(value):
    """A field's value as the conflict table shows it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z")
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)
