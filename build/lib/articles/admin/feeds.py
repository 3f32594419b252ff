"""
Outlets' feeds that ``watch_feeds`` polls, and the entries it kept: which
matched, what became of them (filed as a draft, already archived, waiting,
failed) and the article each one became; and the pages the archive fetched.
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from ..models import ArchivedPage, Feed, FeedEntry
from ..tasks import poll_feeds


class ArticleLinkMixin:
    @admin.display(description="Article")
    def article_link(self, record):
        """The article a feed entry or a fetched page became, linked, with its status."""
        if record.article is None:
            return "—"
        article = record.article
        url = reverse("admin:articles_article_change", args=[article.pk])
        return format_html(
            '<a href="{}">{}</a> ({})', url, article.headline, article.get_status_display()
        )


class FeedEntryInline(ArticleLinkMixin, admin.TabularInline):
    model = FeedEntry
    extra = 0
    can_delete = False
    show_change_link = False
    fields = ["title", "state", "matched", "article_link", "message", "seen_at"]
    readonly_fields = fields
    ordering = ["-seen_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "source", "active", "last_fetched_at", "last_result"]
    list_filter = ["active", "source"]
    search_fields = ["url", "source__name"]
    autocomplete_fields = ["source"]
    fields = ["source", "url", "active", "last_fetched_at", "last_result", "etag", "last_modified"]
    readonly_fields = ["last_fetched_at", "last_result", "etag", "last_modified"]
    inlines = [FeedEntryInline]
    actions = ["poll_now"]

    @admin.action(description="Poll selected feeds now", permissions=["change"])
    def poll_now(self, request, queryset):
        result = poll_feeds.enqueue(list(queryset.values_list("pk", flat=True)))
        if result.is_finished:
            self.message_user(request, result.return_value["message"], messages.SUCCESS)
        else:
            self.message_user(
                request,
                "The selected feeds will be polled in the background; their entries appear "
                "below each feed, and drafts under Articles (“From feeds, to review”).",
                messages.SUCCESS,
            )


class FoundRecordAdmin(ArticleLinkMixin, admin.ModelAdmin):
    """What the archive found by itself (feed entries, fetched pages): to look at, never to change."""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields] + ["article_link"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FeedEntry)
class FeedEntryAdmin(FoundRecordAdmin):
    list_display = ["title", "feed", "state", "article_link", "seen_at"]
    list_filter = ["state", "feed__source"]
    search_fields = ["title", "url"]


@admin.register(ArchivedPage)
class ArchivedPageAdmin(FoundRecordAdmin):
    list_display = ["final_url", "article_link", "fetched_at", "size", "copy_link"]
    search_fields = ["url", "final_url", "sha256"]
    date_hierarchy = "fetched_at"

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "copy_link"]

    @admin.display(description="Archived copy")
    def copy_link(self, page):
        if page.article is None or page.article.status != page.article.Status.PUBLISHED:
            return "—"
        return format_html('<a href="{}">view</a>', page.get_absolute_url())
