"""
Merging duplicate people and outlets.

The same speaker arrives under two spellings and the same outlet under two
names. An editor keeps one record (the survivor) and folds the others into it:
everything that pointed at the others moves to the survivor, their names
become its aliases (so the next import recognises them), and their public
pages answer with a 301 to the survivor's. All or nothing, in one transaction.

Rows are moved with ``save()``, not ``QuerySet.update()``, so history records
who moved what, and the search index and page cache hear about it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.urls import NoReverseMatch, reverse

from .models import Article, Feed, Person, Quote, Redirect, Source

# Public URLs of a person or outlet besides its page, by URL name ("articles:person_feed"...).
FEED_URL_SUFFIXES = ("feed", "atom")


class MergeError(ValueError):
    """A merge that cannot be done; the message says why, for the editor."""


@dataclass
class MergeResult:
    survivor: Person | Source
    merged_names: list[str]
    moved: int  # quotes (people) or articles (sources) now pointing at the survivor


def merge_people(survivor, others):
    """Fold ``others`` (people) into ``survivor``; returns a MergeResult."""
    with transaction.atomic():
        survivor, others = _lock(Person, survivor, others)
        reason = _reason(survivor, others)
        moved = _move(Quote.objects.filter(speaker__in=others), "speaker", survivor, reason)
        for other in others:
            survivor.add_aliases([other.name, *other.aliases])
            if not survivor.description and other.description:
                survivor.description = other.description
            if survivor.side == Person.Side.UNKNOWN and other.side != Person.Side.UNKNOWN:
                survivor.side, survivor.side_set_by_editor = other.side, other.side_set_by_editor
        survivor.take_side_from_quotes()  # now from the quotes of all of them
        return _finish(survivor, others, reason, moved)


def merge_sources(survivor, others):
    """Fold ``others`` (outlets) into ``survivor``; returns a MergeResult."""
    with transaction.atomic():
        survivor, others = _lock(Source, survivor, others)
        reason = _reason(survivor, others)
        moved = _move(Article.objects.filter(source__in=others), "source", survivor, reason)
        Feed.objects.filter(source__in=others).update(source=survivor)  # their feeds too
        for other in others:
            survivor.add_aliases([other.name, *other.aliases])
            if not survivor.homepage_url and other.homepage_url:
                survivor.homepage_url = other.homepage_url
            if survivor.kind == Source.Kind.OTHER and other.kind != Source.Kind.OTHER:
                survivor.kind = other.kind
            if survivor.timezone == "UTC" and other.timezone != "UTC":
                survivor.timezone = other.timezone
        return _finish(survivor, others, reason, moved)


def _move(rows, field, survivor, reason):
    """Point ``rows`` at the survivor one save at a time, so history, search and caches hear of it."""
    # Editors with one of these rows open must reload rather than put the old value back.
    rows.update(version=F("version") + 1)
    moved = 0
    for row in rows.order_by("pk"):
        setattr(row, field, survivor)
        row._change_reason = reason
        row.save(update_fields=[field, "updated_at"])
        moved += 1
    return moved


def _lock(model, survivor, others):
    survivor = model.objects.select_for_update().get(pk=survivor.pk)
    ids = {o.pk for o in others} - {survivor.pk}
    others = list(model.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if not others:
        raise MergeError(
            f"Choose at least one other {model._meta.verbose_name} to merge into “{survivor}”."
        )
    return survivor, others


def _reason(survivor, others):
    return f"Merged {', '.join(f'“{o.name}”' for o in others)} into “{survivor.name}”"[:100]


def _finish(survivor, others, reason, moved):
    survivor._change_reason = reason
    survivor.save()
    names = []
    for other in others:
        # The old page and its feeds answer 301 to the survivor's, not 404.
        for old_path, new_path in zip(public_paths(other), public_paths(survivor), strict=True):
            Redirect.point(old_path, new_path)
        names.append(other.name)
        other._change_reason = reason
        other.delete()
    return MergeResult(survivor=survivor, merged_names=names, moved=moved)


def public_paths(record):
    """The public paths of a person or outlet: its page, then its feeds (those the site routes)."""
    paths = [record.get_absolute_url()]
    for suffix in FEED_URL_SUFFIXES:
        try:
            paths.append(
                reverse(
                    f"articles:{record._meta.model_name}_{suffix}", kwargs={"slug": record.slug}
                )
            )
        except NoReverseMatch:
            pass
    return paths
