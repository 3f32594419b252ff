"""People quoted in the coverage: their list, their page, merging duplicates."""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from ..forms import PersonForm
from ..merge import merge_people
from ..models import Person
from .merging import MergeActionMixin


@admin.register(Person)
class PersonAdmin(MergeActionMixin, SimpleHistoryAdmin):
    form = PersonForm
    list_display = ["name", "kind", "side", "description", "quote_total"]
    # Explicit: the counts below group rows, and grouped queries drop the model's default order.
    ordering = ["name"]
    list_filter = ["kind", "side", "side_set_by_editor"]
    search_fields = ["name", "aliases", "description"]
    # Filled from the name as the editor types (also in the pop-up a quote's speaker field
    # opens); left empty, the model makes one.
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["side_evidence", "created_at", "updated_at"]
    actions = ["merge_people"]
    object_history_list_template = "admin/articles/object_history_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_total(self, person):
        return person.quote_count

    def merge_candidates(self, queryset):
        return queryset.annotate(moved_count=Count("quotes")).order_by("-moved_count", "pk")

    @admin.action(description="Merge selected people…", permissions=["merge"])
    def merge_people(self, request, queryset):
        return self.merge_action(request, queryset, merge_people, "quote")

    def save_model(self, request, obj, form, change):
        if "side" in form.changed_data:
            obj.side_set_by_editor = True
        super().save_model(request, obj, form, change)
