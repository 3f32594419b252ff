"""
What the admin flags for an editor's review in extracted quotes: the rule is
``Quote.objects.needs_review()`` (``articles.models``); here are its labels
and the list filters built on it.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..models import LOW_CONFIDENCE


def review_flag(quote):
    """What an editor should look at in a quote, as a label (with a class for colour, never colour alone)."""
    if quote is None or quote.pk is None:
        return ""
    if quote.speaker_id is None:
        return mark_safe('<span class="quote-flag quote-flag--unattributed">No speaker</span>')
    if quote.confidence < LOW_CONFIDENCE and not quote.edited_by_editor:
        return format_html(
            '<span class="quote-flag quote-flag--low">Low confidence ({})</span>',
            f"{quote.confidence:.2f}",
        )
    if quote.edited_by_editor:
        return mark_safe('<span class="quote-flag quote-flag--checked">Checked</span>')
    return ""


class ReviewFilter(admin.SimpleListFilter):
    """Quotes by what they need: a speaker, a check of a low-confidence find, or nothing."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("unattributed", "No speaker"),
            ("low", f"Low confidence (below {LOW_CONFIDENCE})"),
            ("checked", "Checked by an editor"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "unattributed":
            return queryset.unattributed()
        if self.value() == "low":
            return queryset.low_confidence()
        if self.value() == "checked":
            return queryset.checked()
        return queryset


class ArticleNeedsReviewFilter(admin.SimpleListFilter):
    """Articles with (or without) quotes an editor should look at."""

    title = "quotes to review"
    parameter_name = "quotes_to_review"

    def lookups(self, request, model_admin):
        return [("yes", "Some"), ("no", "None")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.with_quotes_to_review()
        if self.value() == "no":
            return queryset.without_quotes_to_review()
        return queryset


class FromFeedsFilter(admin.SimpleListFilter):
    """Drafts that ``watch_feeds`` filed and no editor has published yet: they need review."""

    title = "from feeds"
    parameter_name = "from_feeds"

    def lookups(self, request, model_admin):
        return [("to_review", "From feeds, to review")]

    def queryset(self, request, queryset):
        if self.value() == "to_review":
            return queryset.filed_from_feeds()
        return queryset
