from django.contrib import admin

from .models import Article, Correction, Person, Quote, Redirect, Source, Strike


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "homepage_url"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Strike)
class StrikeAdmin(admin.ModelAdmin):
    list_display = ["name", "employer", "union", "location", "start_date", "end_date"]
    list_filter = ["start_date"]
    search_fields = ["name", "employer", "union", "location"]
    prepopulated_fields = {"slug": ["name"]}


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0
    fields = ["paragraph", "text", "speaker", "cue", "is_fragment", "confidence", "edited_by_editor"]
    autocomplete_fields = ["speaker"]


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "source", "published_at", "status", "strike"]
    list_filter = ["status", "source", "strike", "published_at"]
    search_fields = ["headline", "byline", "slug"]
    date_hierarchy = "published_at"
    list_select_related = ["source", "strike"]
    autocomplete_fields = ["source", "strike"]
    inlines = [QuoteInline, CorrectionInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "side", "description"]
    list_filter = ["kind", "side"]
    search_fields = ["name", "aliases", "description"]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "article", "paragraph", "is_fragment", "edited_by_editor"]
    list_filter = ["is_fragment", "edited_by_editor", "article__source"]
    search_fields = ["text", "speaker__name", "article__headline"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["speaker", "article"]


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
