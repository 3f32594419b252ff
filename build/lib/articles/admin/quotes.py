"""Quotes on their own admin pages: review flags, corrections, deletions that stay deleted."""

from django.contrib import admin
from django.db import transaction
from simple_history.admin import SimpleHistoryAdmin

from ..forms import QuoteForm
from ..models import Quote
from ..quote_sync import suppress_quotes
from .races import LostRaceMixin
from .review import ReviewFilter, review_flag


@admin.register(Quote)
class QuoteAdmin(LostRaceMixin, SimpleHistoryAdmin):
    form = QuoteForm
    list_display = ["__str__", "review", "speaker", "article", "paragraph", "is_fragment"]
    list_filter = [ReviewFilter, "is_fragment", "article__source", "article__strike"]
    search_fields = ["text", "speaker__name", "speaker__aliases", "article__headline"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["speaker", "article"]
    readonly_fields = ["position", "confidence", "side_evidence", "created_at", "updated_at"]
    fields = ["loaded_version", *QuoteForm.Meta.fields, *readonly_fields]
    lost_race_message = "Another editor saved this quote at the same moment; nothing was saved."
    object_history_list_template = "admin/articles/object_history_list.html"

    class Media:
        css = {"all": ["admin-extra/editors.css"]}

    @admin.display(description="Review")
    def review(self, quote):
        return review_flag(quote)

    @admin.display(description="Position")
    def position(self, quote):
        if quote.pk is None:
            return "Found in the article's text when you save."
        return f"Paragraph {quote.paragraph}, characters {quote.start}–{quote.end}" + (
            f" (to paragraph {quote.end_paragraph})"
            if quote.end_paragraph != quote.paragraph
            else ""
        )

    def save_model(self, request, obj, form, change):
        if change:
            form.claim_version()
        only_unchecked = form.changed_data == ["edited_by_editor"] and not obj.edited_by_editor
        if not only_unchecked:
            obj.edited_by_editor = True
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        with transaction.atomic():
            suppress_quotes([obj])
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # The "delete selected" action runs outside the admin's own transactions.
        with transaction.atomic():
            suppress_quotes(list(queryset))
            super().delete_queryset(request, queryset)
