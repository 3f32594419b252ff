"""Outlets: their list, their page, merging duplicates."""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from ..forms import SourceForm
from ..merge import merge_sources
from ..models import Source
from .merging import MergeActionMixin


@admin.register(Source)
class SourceAdmin(MergeActionMixin, SimpleHistoryAdmin):
    form = SourceForm
    list_display = ["name", "kind", "homepage_url", "timezone", "article_total"]
    ordering = ["name"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    actions = ["merge_sources"]
    object_history_list_template = "admin/articles/object_history_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles", ordering="article_count")
    def article_total(self, source):
        return source.article_count

    def merge_candidates(self, queryset):
        return queryset.annotate(moved_count=Count("articles")).order_by("-moved_count", "pk")

    @admin.action(description="Merge selected sources…", permissions=["merge"])
    def merge_sources(self, request, queryset):
        return self.merge_action(request, queryset, merge_sources, "article")
