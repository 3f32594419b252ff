"""
The editors' admin: adding coverage (paste or upload), reviewing the quotes
found in it, correcting articles without losing anyone's work, merging
duplicate people and outlets.

Every change an editor makes is recorded (django-simple-history: who, when,
what); two editors saving the same article cannot overwrite each other
(optimistic locking, see ``articles.forms.VersionedModelForm``); what editors
fix survives re-imports (``Article.locked_fields``) and re-extraction
(``Quote.edited_by_editor``, ``Article.suppressed_quotes``).
"""

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation, helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.db import transaction
from django.db.models import Count, F, Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from .extraction import sync_quotes
from .forms import (
    ArticleAddForm,
    ArticleChangeForm,
    MergeForm,
    PersonForm,
    QuoteForm,
    QuoteInlineForm,
    SourceForm,
    StaleVersionError,
    StrikeForm,
    split_paragraphs,
)
from .importer import import_article_text
from .merge import MergeError, merge_people, merge_sources
from .models import Article, Correction, Person, Quote, Redirect, Source, Strike, quote_fingerprint

# A machine-found quote below this confidence is flagged for review.
LOW_CONFIDENCE = 0.7
DEFAULT_CORRECTION_NOTE = "The text of this article was corrected."
BOTH_LOCATIONS = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


# Shared pieces ------------------------------------------------------------------


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


def counted(number, noun, plural=None):
    """ "1 quote", "3 quotes"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def needs_review_q(prefix=""):
    return Q(**{f"{prefix}speaker__isnull": True}) | Q(
        **{f"{prefix}confidence__lt": LOW_CONFIDENCE, f"{prefix}edited_by_editor": False}
    )


class MergeActionMixin:
    """An admin action that folds selected rows into one the editor picks (see articles.merge)."""

    merge_template = "admin/articles/merge_confirmation.html"

    def has_merge_permission(self, request):
        # Merging edits the survivor and deletes the others.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def merge_action(self, request, queryset, merge, moved_noun):
        candidates = list(self.merge_candidates(queryset))
        if len(candidates) < 2:
            self.message_user(
                request,
                f"Select two or more {self.opts.verbose_name_plural} to merge.",
                messages.WARNING,
            )
            return None
        form = MergeForm(
            request.POST if "confirm_merge" in request.POST else None,
            queryset=queryset,
            initial={"survivor": candidates[0]},
        )
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            try:
                result = merge(survivor, [c for c in candidates if c.pk != survivor.pk])
            except MergeError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            names = ", ".join(f"“{name}”" for name in result.merged_names)
            self.log_change(
                request, result.survivor, f"Merged {names} into this {self.opts.verbose_name}."
            )
            self.message_user(
                request,
                format_html(
                    'Merged {} into <a href="{}">{}</a>: {} moved; the old pages now redirect to {}.',
                    names,
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[survivor.pk],
                    ),
                    result.survivor,
                    counted(result.moved, moved_noun),
                    result.survivor.get_absolute_url(),
                ),
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "form": form,
            "candidates": candidates,
            "moved_noun": moved_noun,
            "action_name": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, self.merge_template, context)


# Articles and quotes --------------------------------------------------------------


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

    @admin.display(description="Review")
    def review(self, quote):
        return review_flag(quote)

    @admin.display(description="Paragraph")
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


class ReviewFilter(admin.SimpleListFilter):
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
            return queryset.filter(speaker__isnull=True)
        if self.value() == "low":
            return queryset.filter(confidence__lt=LOW_CONFIDENCE, edited_by_editor=False)
        if self.value() == "checked":
            return queryset.filter(edited_by_editor=True)
        return queryset


class ArticleNeedsReviewFilter(admin.SimpleListFilter):
    title = "quotes to review"
    parameter_name = "quotes_to_review"

    def lookups(self, request, model_admin):
        return [("yes", "Some"), ("no", "None")]

    def queryset(self, request, queryset):
        flagged = Quote.objects.filter(needs_review_q()).values("article")
        if self.value() == "yes":
            return queryset.filter(pk__in=flagged)
        if self.value() == "no":
            return queryset.exclude(pk__in=flagged)
        return queryset


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = [
        "headline",
        "source",
        "published_at",
        "status",
        "strike",
        "quote_total",
        "to_review",
    ]
    ordering = [F("published_at").desc(nulls_last=True), "-created_at"]
    list_filter = ["status", ArticleNeedsReviewFilter, "source", "strike"]
    search_fields = ["headline", "byline", "slug", "url"]
    date_hierarchy = "published_at"
    list_select_related = ["source", "strike"]
    autocomplete_fields = ["source", "strike"]
    readonly_fields = ["import_key", "first_published_at", "created_at", "updated_at"]
    actions = ["reextract_quotes", "publish", "make_draft"]
    save_on_top = True
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
        return (
            super()
            .get_queryset(request)
            .annotate(
                quote_count=Count("quotes", distinct=True),
                review_count=Count("quotes", filter=needs_review_q("quotes__"), distinct=True),
            )
        )

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_total(self, article):
        return article.quote_count

    @admin.display(description="To review", ordering="review_count")
    def to_review(self, article):
        return article.review_count or "—"

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
        counts = article.quotes.aggregate(
            total=Count("pk"),
            unattributed=Count("pk", filter=Q(speaker__isnull=True)),
            low=Count(
                "pk",
                filter=Q(
                    speaker__isnull=False, confidence__lt=LOW_CONFIDENCE, edited_by_editor=False
                ),
            ),
            checked=Count("pk", filter=Q(edited_by_editor=True)),
        )
        counts["to_review"] = counts["unattributed"] + counts["low"]
        counts["threshold"] = LOW_CONFIDENCE
        return counts

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersionError:
            # Only reachable if a save bypassed the row lock; the transaction was rolled back.
            self.message_user(
                request,
                "Another editor saved this article at the same moment; nothing you sent was saved. "
                "The page now shows their version: make your changes again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            result = import_article_text(
                form.article_text,
                key=form.import_key,
                content_hash=form.content_hash,
                overrides=form.overrides,
            )
            obj.pk = result.article.pk
            obj._state.adding = False
            obj.refresh_from_db()
            return
        was_published = obj.first_published_at is not None  # before this save publishes it
        changed = set(form.changed_data)
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
        article = form.instance
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
        if deleted:
            suppressed = set(article.suppressed_quotes)
            suppressed |= {quote.fingerprint or quote_fingerprint(quote.text) for quote in deleted}
            article.suppressed_quotes = sorted(suppressed - {""})
            Article.objects.filter(pk=article.pk).update(
                suppressed_quotes=article.suppressed_quotes
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "paragraphs" in form.changed_data:
            created, kept = sync_quotes(form.instance)
            lost = [
                quote
                for quote in form.instance.quotes.filter(edited_by_editor=True)
                if not quote_matches_text(quote, form.instance.paragraphs)
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
        self.message_user(
            request,
            f"Added “{obj.headline}” ({obj.get_status_display().lower()}): "
            f"{counted(summary['total'], 'quote')} found{review}. Check them below.",
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


def quote_matches_text(quote, paragraphs):
    """Whether a quote's recorded position still holds its words."""
    parts = split_paragraphs(quote.text)
    index = quote.paragraph - 1
    return (
        0 <= index < len(paragraphs)
        and bool(parts)
        and paragraphs[index].startswith(parts[0], quote.start)
    )


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    form = QuoteForm
    list_display = ["__str__", "review", "speaker", "article", "paragraph", "is_fragment"]
    list_filter = [ReviewFilter, "is_fragment", "article__source", "article__strike"]
    search_fields = ["text", "speaker__name", "speaker__aliases", "article__headline"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["speaker", "article"]
    readonly_fields = ["position", "confidence", "created_at", "updated_at"]
    fields = [
        "loaded_version",
        "article",
        "text",
        "speaker",
        "speaker_mention",
        "cue",
        "is_fragment",
        "edited_by_editor",
        "position",
        "confidence",
        "created_at",
        "updated_at",
    ]
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

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersionError:
            self.message_user(
                request,
                "Another editor saved this quote at the same moment; nothing was saved.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

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


def suppress_quotes(quotes):
    """Remember deleted quotes on their articles so that re-extraction does not bring them back."""
    by_article = {}
    for quote in quotes:
        by_article.setdefault(quote.article_id, set()).add(
            quote.fingerprint or quote_fingerprint(quote.text)
        )
    for article_id, fingerprints in by_article.items():
        article = Article.objects.select_for_update().get(pk=article_id)
        suppressed = sorted((set(article.suppressed_quotes) | fingerprints) - {""})
        Article.objects.filter(pk=article_id).update(suppressed_quotes=suppressed)


# People, outlets, strikes ---------------------------------------------------------


@admin.register(Person)
class PersonAdmin(MergeActionMixin, SimpleHistoryAdmin):
    form = PersonForm
    list_display = ["name", "kind", "side", "description", "quote_total"]
    # Explicit: the counts below group rows, and grouped queries drop the model's default order.
    ordering = ["name"]
    list_filter = ["kind", "side", "side_set_by_editor"]
    search_fields = ["name", "aliases", "description"]
    readonly_fields = ["created_at", "updated_at"]
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


@admin.register(Strike)
class StrikeAdmin(SimpleHistoryAdmin):
    form = StrikeForm
    list_display = ["name", "employer", "union", "location", "start_date", "end_date"]
    list_filter = ["start_date"]
    search_fields = ["name", "employer", "union", "location"]
    prepopulated_fields = {"slug": ["name"]}
    object_history_list_template = "admin/articles/object_history_list.html"


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
