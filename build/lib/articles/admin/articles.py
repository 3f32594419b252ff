"""
Articles in the admin: adding one (paste or upload: the form reads and
parses, the admin stores what it parsed), correcting it with its quotes
inline, and re-extracting, publishing or unpublishing several at once.
"""

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.admin.options import IS_POPUP_VAR
from django.db import transaction
from django.db.models import F
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from ..forms import ArticleAddForm, ArticleChangeForm, QuoteInlineForm
from ..importer import import_parsed_article
from ..ingest.anchoring import is_still_at
from ..models import LOW_CONFIDENCE, Article, Correction, Quote
from ..quote_sync import suppress_quotes, sync_quotes
from ..syndication import link_copies
from ..templatetags.coverage import printed_date
from .by_url import AddByUrlMixin
from .messages import counted
from .races import LostRaceMixin
from .review import ArticleNeedsReviewFilter, FromFeedsFilter, review_flag

DEFAULT_CORRECTION_NOTE = "The text of this article was corrected."
# The review page's one-click "Save and publish" (templates/admin/articles/article/submit_line.html).
PUBLISH_BUTTON = "_publish"
BOTH_LOCATIONS = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


class QuoteInlineFormSet(BaseInlineFormSet):
    """
    Gives each quote form the article being saved, with its text as submitted
    on the same page. Rows whose quote was removed meanwhile (re-extraction
    deletes machine quotes) are left out with a note, instead of failing on
    their hidden id.
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.article = self.instance
        if self.is_bound and i < self.initial_form_count() and form.instance.pk is None:
            form.gone = True
        return form

    def _should_delete_form(self, form):
        return form.gone or super()._should_delete_form(form)


class QuoteInline(admin.TabularInline):
    model = Quote
    form = QuoteInlineForm
    formset = QuoteInlineFormSet
    extra = 0
    fields = [
        "review",
        "where",
        "text",
        "speaker",
        "cue",
        "is_fragment",
        "edited_by_editor",
        "loaded_version",
    ]
    readonly_fields = ["review", "where", "cue"]
    autocomplete_fields = ["speaker"]
    show_change_link = True
    classes = ["quote-review"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "speaker" and field is not None:
            # In the review table a speaker is chosen or added ("+"); editing, deleting or
            # viewing the person happens on their own page. Three fewer icons per row keep
            # the table within a 1280-pixel screen.
            widget = field.widget
            widget.can_change_related = widget.can_delete_related = False
            widget.can_view_related = False
        return field

    @admin.display(description="Review")
    def review(self, quote):
        return review_flag(quote)

    @admin.display(description="Para.")
    def where(self, quote):
        if quote is None or quote.pk is None:
            return ""
        if quote.end_paragraph != quote.paragraph:
            return f"{quote.paragraph}–{quote.end_paragraph}"
        return str(quote.paragraph)


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ["created_at", "note"]


@admin.register(Article)
class ArticleAdmin(AddByUrlMixin, LostRaceMixin, SimpleHistoryAdmin):
    list_display = [
        "headline",
        "source",
        "published",
        "status",
        "strike",
        "quote_total",
        "to_review",
    ]
    ordering = [F("published_at").desc(nulls_last=True), "-created_at"]
    list_filter = ["status", ArticleNeedsReviewFilter, FromFeedsFilter, "source", "strike"]
    search_fields = ["headline", "byline", "slug", "url"]
    date_hierarchy = "published_at"
    list_select_related = ["source", "strike"]
    autocomplete_fields = ["source", "strike"]
    readonly_fields = [
        "import_key",
        "arrived_from",
        "first_published_at",
        "created_at",
        "updated_at",
    ]
    actions = ["reextract_quotes", "publish", "make_draft"]
    save_on_top = True
    lost_race_message = (
        "Another editor saved this article at the same moment; nothing you sent was saved. "
        "The page now shows their version: make your changes again."
    )
    object_history_list_template = "admin/articles/object_history_list.html"

    add_fieldsets = [
        (None, {"fields": ["text", "upload"]}),
        (
            "What you know better than the text",
            {
                "description": "Optional. What you set here wins over what is found in the text, "
                "and is kept when the same file is imported again.",
                "fields": [
                    "headline",
                    ("source", "strike"),
                    "published_at",
                    "byline",
                    "url",
                    "status",
                ],
            },
        ),
    ]
    change_fieldsets = [
        (None, {"fields": ["loaded_version", "headline", "slug", "status", ("source", "strike")]}),
        ("As published", {"fields": ["byline", "published_at", "url"]}),
        ("Text", {"fields": ["paragraphs", "correction_note"]}),
        (
            "Import",
            {
                "classes": ["collapse"],
                "fields": [
                    "locked_fields",
                    "import_key",
                    "arrived_from",
                    "first_published_at",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]

    class Media:
        css = {"all": ["admin-extra/editors.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).with_quote_counts()

    @admin.display(description="Published", ordering="published_at", empty_value="—")
    def published(self, article):
        """As the outlet printed it: a date alone, or the time on its clock."""
        if article.published_at is None:
            return None
        return printed_date(article.published_as_printed, "datetime", plain=True)

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_total(self, article):
        return article.quote_count

    @admin.display(description="To review", ordering="review_count")
    def to_review(self, article):
        return article.review_count or "—"

    @admin.display(description="Arrived from")
    def arrived_from(self, article):
        """The feed entries (“needs review”) and fetched pages the article came from."""
        entries = format_html_join(
            "",
            "<li>Feed entry “{}” in {} (matched: {})</li>",
            (
                (entry.title or entry.url, entry.feed.url, ", ".join(entry.matched))
                for entry in article.feed_entries.select_related("feed")
            ),
        )
        pages = format_html_join(
            "",
            '<li><a href="{}">{}</a>, fetched {} UTC</li>',
            (
                (page.url, page.url, f"{page.fetched_at:%Y-%m-%d %H:%M}")
                for page in article.archived_pages.newest_first()
            ),
        )
        return format_html("<ul>{}{}</ul>", entries, pages) if entries or pages else "—"

    def get_fieldsets(self, request, obj=None):
        return self.change_fieldsets if obj is not None else self.add_fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ArticleChangeForm if obj is not None else ArticleAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_inlines(self, request, obj):
        return [QuoteInline, CorrectionInline] if obj is not None else []

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["quote_review"] = self.review_summary(obj)
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )

    @staticmethod
    def review_summary(article):
        return {**article.quotes.review_counts(), "threshold": LOW_CONFIDENCE}

    def save_model(self, request, obj, form, change):
        if not change:
            # What the form read and parsed, stored as it is: the text is not parsed again.
            result = import_parsed_article(
                form.parsed,
                key=form.submission.import_key,
                content_hash=form.submission.content_hash,
                overrides=form.overrides,
            )
            obj.pk = result.article.pk
            obj._state.adding = False
            obj.refresh_from_db()
            if result.note:
                self.message_user(request, f"{result.note[:1].upper()}{result.note[1:]}.")
            return
        was_published = obj.first_published_at is not None  # before this save publishes it
        changed = set(form.changed_data)
        if PUBLISH_BUTTON in request.POST and obj.status != Article.Status.PUBLISHED:
            obj.status = Article.Status.PUBLISHED
            changed.add("status")
        lockable = Article.LOCKABLE_FIELDS
        locked = set(form.cleaned_data.get("locked_fields") or ()) | (changed & set(lockable))
        obj.locked_fields = [name for name in lockable if name in locked]
        form.claim_version()
        super().save_model(request, obj, form, change)
        if "paragraphs" in changed and was_published:
            Correction.objects.create(
                article=obj,
                note=form.cleaned_data.get("correction_note") or DEFAULT_CORRECTION_NOTE,
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is not Quote:
            return super().save_formset(request, form, formset, change)
        gone = [f for f in formset.forms if f.gone]
        if gone:
            self.message_user(
                request,
                f"{counted(len(gone), 'quote row')} on your page had been removed meanwhile "
                "(by re-extraction or another editor) and left out.",
                messages.WARNING,
            )
        deleted = [f.instance for f in formset.deleted_forms if f.instance.pk]
        for quote_form in formset.forms:
            if (
                quote_form.gone
                or quote_form in formset.deleted_forms
                or not quote_form.has_changed()
            ):
                continue
            if quote_form.instance.pk:
                quote_form.claim_version()
            only_unchecked = (
                quote_form.changed_data == ["edited_by_editor"]
                and not quote_form.instance.edited_by_editor
            )
            if not only_unchecked:
                quote_form.instance.edited_by_editor = True
        formset.save()
        suppress_quotes(deleted)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "paragraphs" in form.changed_data:
            created, kept = sync_quotes(form.instance)
            link_copies(form.instance)
            lost = [
                quote
                for quote in form.instance.quotes.checked()
                if not is_still_at(
                    quote.text, form.instance.paragraphs, quote.paragraph, quote.start
                )
            ]
            self.message_user(
                request,
                f"The text changed, so quotes were extracted again: {created} found, {kept} checked by editors kept.",
                messages.INFO,
            )
            if lost:
                self.message_user(
                    request,
                    format_html(
                        "{} checked quote(s) are no longer in the text; fix or delete them: {}",
                        len(lost),
                        format_html_join(", ", "“{}”", ((q.text[:60],) for q in lost)),
                    ),
                    messages.WARNING,
                )

    def response_change(self, request, obj):
        if PUBLISH_BUTTON not in request.POST:
            return super().response_change(request, obj)
        self.message_user(
            request,
            format_html(
                'Published “{}”: it is now on the site at <a href="{}">{}</a>.',
                obj.headline,
                obj.get_absolute_url(),
                obj.get_absolute_url(),
            ),
            messages.SUCCESS,
        )
        url = reverse(
            "admin:articles_article_change", args=[obj.pk], current_app=self.admin_site.name
        )
        return HttpResponseRedirect(url)

    def response_add(self, request, obj, post_url_continue=None):
        if IS_POPUP_VAR in request.POST or "_addanother" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        summary = self.review_summary(obj)
        details = []
        if summary["unattributed"]:
            details.append(f"{summary['unattributed']} without a speaker")
        if summary["low"]:
            details.append(f"{summary['low']} of low confidence")
        review = f"; {summary['to_review']} to review ({', '.join(details)})" if details else ""
        then = (
            " and publish the article with “Save and publish”"
            if obj.status == Article.Status.DRAFT
            else ""
        )
        self.message_user(
            request,
            f"Added “{obj.headline}” ({obj.get_status_display().lower()}): "
            f"{counted(summary['total'], 'quote')} found{review}. Check them below{then}.",
            messages.SUCCESS,
        )
        url = reverse(
            "admin:articles_article_change", args=[obj.pk], current_app=self.admin_site.name
        )
        return HttpResponseRedirect(f"{url}#quotes-group")

    @admin.action(
        description="Re-extract quotes",
        description_plural="Re-extract quotes of selected articles",
        permissions=["change"],
        location=BOTH_LOCATIONS,
    )
    def reextract_quotes(self, request, queryset):
        found = kept = 0
        articles = list(queryset.order_by("pk"))
        for article in articles:
            with transaction.atomic():
                locked = Article.objects.select_for_update().get(pk=article.pk)
                # Forms opened before this are out of date: their quote rows are gone.
                Article.objects.filter(pk=locked.pk).update(version=locked.version + 1)
                created, unchanged = sync_quotes(locked)
            found += created
            kept += unchanged
        self.message_user(
            request,
            f"Re-extracted the quotes of {counted(len(articles), 'article')}: {found} found by the "
            f"extractor; {kept} checked by editors kept as they were.",
            messages.SUCCESS,
        )

    @admin.action(description="Publish selected articles", permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Article.Status.PUBLISHED)

    @admin.action(description="Make selected articles drafts", permissions=["change"])
    def make_draft(self, request, queryset):
        self._set_status(request, queryset, Article.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        changed = 0
        # The list's queryset is annotated (GROUP BY), which FOR UPDATE refuses.
        ids = list(queryset.values_list("pk", flat=True))
        with transaction.atomic():
            for article in Article.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
                if article.status == status:
                    continue
                article.status = status
                if "status" not in article.locked_fields:
                    article.locked_fields = [*article.locked_fields, "status"]
                article.version += 1
                article._history_user = request.user
                article.save()
                self.log_change(
                    request, article, f"Status set to {article.get_status_display().lower()}."
                )
                changed += 1
        label = Article.Status(status).label.lower()
        self.message_user(request, f"{counted(changed, 'article')} now {label}.", messages.SUCCESS)
