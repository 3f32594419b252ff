"""Public reading pages. Everything shown here goes through ``published()``."""

from django.db.models import Prefetch
from django.views.generic import DetailView, TemplateView

from .models import Article, Person, Quote, Source, Strike


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest"] = Article.objects.published().select_related("source")[:20]
        return context


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get_queryset(self):
        quotes = Quote.objects.select_related("speaker").order_by("paragraph", "start")
        return (
            Article.objects.published()
            .select_related("source", "strike")
            .prefetch_related(Prefetch("quotes", queryset=quotes))
        )


class QuoteDetailView(DetailView):
    template_name = "articles/quote_detail.html"

    def get_queryset(self):
        return Quote.objects.published().select_related("article__source", "speaker")


class PersonDetailView(DetailView):
    template_name = "articles/person_detail.html"
    model = Person

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quotes"] = (
            Quote.objects.published()
            .filter(speaker=self.object)
            .select_related("article__source")
            .order_by("-article__published_at", "paragraph")
        )
        return context


class SourceDetailView(DetailView):
    template_name = "articles/source_detail.html"
    model = Source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = Article.objects.published().filter(source=self.object)
        return context


class StrikeDetailView(DetailView):
    template_name = "articles/strike_detail.html"
    model = Strike

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = Article.objects.published().filter(strike=self.object).select_related("source")
        return context
