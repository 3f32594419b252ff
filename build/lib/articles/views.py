"""
Public reading pages. Every query here starts from ``published()`` (or
``published_q`` through a relation), so drafts and scheduled articles, and
anything reachable only through them, answer 404 everywhere.

Views stay thin: the questions they ask are QuerySet methods
(``articles.models``), page metadata is built by ``articles.metadata``, quote
marking by ``articles.marking``, citations by ``articles.citation``.
"""

from datetime import date, timedelta
from itertools import groupby

from django.conf import settings
from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.utils.http import content_disposition_header
from django.views import View
from django.views.decorators.csp import csp_override
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.dates import MonthArchiveView, YearArchiveView
from django.views.generic.detail import SingleObjectMixin

from . import metadata, parts
from .citation import EXPORT_FORMATS, export_citation, format_citations
from .citing import cited_article
from .fetch.replay import render_archived_page
from .fetch.warc import read_response
from .ingest.html import decode_html_bytes
from .ingest.subheadings import subheading_numbers
from .marking import QuoteSpan, mark_paragraphs
from .models import QUIET_AFTER_DAYS, ArchivedPage, Article, Person, Quote, Source, Strike

EXPORT_LABELS = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"}
# The cite block's styles, in order: (key in ``format_citations``, slug on the page, label).
CITATION_STYLES = (
    ("apa", "apa", "APA (7th edition)"),
    ("mla", "mla", "MLA (9th edition)"),
    ("chicago_note", "chicago-note", "Chicago, note"),
    ("chicago_bibliography", "chicago-bibliography", "Chicago, bibliography"),
)
RELATED_LIMIT = 8
MORE_FROM_SPEAKER = 5
MOST_QUOTED_DAYS = 30


# --- helpers -----------------------------------------------------------------


def absolute(request, path):
    return request.build_absolute_uri(path)


def canonical(request, path=None):
    """This page's absolute URL: later pages of a list keep their number, filters are dropped."""
    path = path or request.path
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        path = f"{path}?page={int(page)}"
    return request.build_absolute_uri(path)


def search_url():
    """The site search page, or "" while the search app is not installed."""
    try:
        return reverse("search:search")
    except NoReverseMatch:
        return ""


def feed_links(request, title, rss_name, atom_name, **kwargs):
    return (
        metadata.FeedLink(f"{title} (RSS)", absolute(request, reverse(rss_name, kwargs=kwargs))),
        metadata.FeedLink(
            f"{title} (Atom)",
            absolute(request, reverse(atom_name, kwargs=kwargs)),
            "application/atom+xml",
        ),
    )


def article_urls(request, article):
    return metadata.Urls(
        page=absolute(request, article.get_absolute_url()),
        article=absolute(request, article.get_absolute_url()),
        source=absolute(request, article.source.get_absolute_url()) if article.source_id else "",
        strike=absolute(request, article.strike.get_absolute_url()) if article.strike_id else "",
    )


def cite_context(item, download_name, **url_kwargs):
    """The cite block: formatted styles plus one download link per export format."""
    citations = format_citations(item)
    return {
        "citations": citations,
        "citation_styles": [
            {"slug": slug, "label": label, "html": citations[key].html}
            for key, slug, label in CITATION_STYLES
        ],
        "downloads": [
            (EXPORT_LABELS.get(fmt, fmt), reverse(download_name, kwargs={**url_kwargs, "fmt": fmt}))
            for fmt in EXPORT_FORMATS
        ],
    }


def citation_download(item, fmt, filename):
    if fmt not in EXPORT_FORMATS:
        raise Http404(f"No citation format “{fmt}”.")
    content, content_type, extension = export_citation(item, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{extension}")
    return response


class SideFilterMixin:
    """
    Lists that can be narrowed to speakers on one side of the story
    (``?side=labor``). An unknown side is answered with a 400 page that says
    which sides exist, rather than an empty list.
    """

    side_choices = Person.Side.choices

    def dispatch(self, request, *args, **kwargs):
        self.side = request.GET.get("side", "")
        if self.side and self.side not in Person.Side.values:
            meta = metadata.listing_meta(
                metadata.Urls(page=absolute(request, request.path)),
                title="Unknown side",
                noindex=True,
            )
            context = {"value": self.side, "choices": self.side_choices, "meta": meta}
            return render(request, "articles/bad_filter.html", context, status=400)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["side"] = self.side
        context["side_label"] = Person.Side(self.side).label if self.side else ""
        context["side_choices"] = self.side_choices
        return context


# --- home and indexes ----------------------------------------------------------


def most_quoted(limit=8, days=MOST_QUOTED_DAYS):
    """
    People most quoted in coverage published in the last ``days`` days, and
    "month"; or, when that is empty, most quoted of all time, and "all".
    """
    recent = list(Person.objects.most_quoted(since=timezone.now() - timedelta(days=days))[:limit])
    if recent:
        return recent, "month"
    return list(Person.objects.most_quoted()[:limit]), "all"


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people, period = most_quoted()
        search = search_url()
        context.update(
            latest=Article.objects.published().select_related("source", "strike")[:12],
            active_strikes=Strike.objects.active().with_activity().with_coverage_count(),
            quiet_strikes=Strike.objects.without_recent_coverage()
            .with_activity()
            .with_coverage_count(),
            most_quoted=people,
            most_quoted_period=period,
            most_quoted_days=MOST_QUOTED_DAYS,
            quiet_after_days=QUIET_AFTER_DAYS,
            meta=metadata.website_meta(
                metadata.Urls(page=absolute(self.request, reverse("articles:home"))),
                title="Who said what about strikes, where and when",
                search_url=absolute(self.request, search) if search else "",
            ),
        )
        return context


class PageMetaMixin:
    """Index pages: a title, their canonical URL, and the site-wide feeds."""

    page_title = ""
    page_description = metadata.SITE_DESCRIPTION

    def get_page_title(self):
        return self.page_title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meta"] = metadata.listing_meta(
            metadata.Urls(page=canonical(self.request)),
            title=self.get_page_title(),
            description=self.page_description,
        )
        return context


class StrikeListView(PageMetaMixin, ListView):
    template_name = "articles/strike_list.html"
    context_object_name = "strikes"
    page_title = "Strikes"
    page_description = "Every strike in the StrikeWatch archive, with its coverage."

    def get_queryset(self):
        return Strike.objects.with_activity().with_coverage_count()


class SourceListView(PageMetaMixin, ListView):
    template_name = "articles/source_list.html"
    context_object_name = "sources"
    page_title = "Outlets"
    page_description = (
        "The newspapers, stations and sites whose strike coverage StrikeWatch archives."
    )

    def get_queryset(self):
        return Source.objects.with_coverage_count().filter(article_count__gt=0).order_by("name")


class ArticleListView(PageMetaMixin, ListView):
    """All published coverage, newest first (undated coverage last)."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 30
    page_title = "All coverage"
    page_description = "Every published article in the StrikeWatch archive, newest first."

    def get_queryset(self):
        return Article.objects.published().select_related("source", "strike").newest_first()


class PersonListView(SideFilterMixin, PageMetaMixin, ListView):
    template_name = "articles/person_list.html"
    context_object_name = "people"
    paginate_by = 100
    page_description = "Everyone quoted in the StrikeWatch archive, by their side in the story."

    def get_page_title(self):
        return f"People quoted: {Person.Side(self.side).label}" if self.side else "People quoted"

    def get_queryset(self):
        people = Person.objects.quoted_with_counts()
        if self.side:
            people = people.on_side(self.side)
        return people.order_by("name", "pk")


def newest_quotes():
    return Quote.objects.published().select_related("article__source", "speaker").newest_first()


class QuoteListView(SideFilterMixin, PageMetaMixin, ListView):
    template_name = "articles/quote_list.html"
    context_object_name = "quotes"
    paginate_by = 50
    page_description = "Every quotation in the archive, newest coverage first."

    def get_page_title(self):
        return f"Quotes: {Person.Side(self.side).label}" if self.side else "Quotes"

    def get_queryset(self):
        quotes = newest_quotes()
        return quotes.from_side(self.side) if self.side else quotes


# --- archive by date -----------------------------------------------------------


class ArchiveMixin:
    """
    Dates are the outlets' own (``published_on``: the date on the outlet's
    clock, as the page shows it); undated coverage is listed on the index.
    A year or month without coverage answers the site's own 404 page, in
    development too (Django's debug page would otherwise list the URL patterns
    to a reader who followed a link to an empty month).
    """

    date_field = "published_on"
    allow_future = False

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            return render(request, "404.html", status=404)

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("source", "strike")
            .order_by(*self.get_ordering())
        )

    def get_ordering(self):
        return self.ordering or [F("published_at").desc(), "-pk"]


def month_counts(articles):
    """{(year, month): number of ``articles``} on their outlets' calendars (``published_on``)."""
    rows = (
        articles.filter(published_on__isnull=False)
        .order_by()  # (an ordering would join the GROUP BY: one row per article)
        .annotate(month=TruncMonth("published_on"))
        .values("month")
        .annotate(n=Count("pk"))
    )
    return {(row["month"].year, row["month"].month): row["n"] for row in rows}


class ArchiveView(PageMetaMixin, ListView):
    """
    The archive's front page: every month with coverage (and how much), newest
    first, then the coverage whose outlet gave no date, paginated.
    """

    template_name = "articles/archive_index.html"
    context_object_name = "undated"
    paginate_by = 30
    page_title = "Archive"
    page_description = "Strike coverage by month."

    def get_queryset(self):
        return (
            Article.objects.published()
            .undated()
            .select_related("source", "strike")
            .order_by("-first_published_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published()
        counts = month_counts(published)
        context["months"] = [
            (month, counts.get((month.year, month.month), 0))
            for month in published.dates("published_on", "month", order="DESC")
        ]
        return context


class YearView(ArchiveMixin, PageMetaMixin, YearArchiveView):
    template_name = "articles/archive_year.html"

    def get_page_title(self):
        return f"Coverage in {self.get_year()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_month = month_counts(self.get_queryset().filter(published_on__year=int(self.get_year())))
        context["months"] = [
            (month, by_month.get((month.year, month.month), 0)) for month in context["date_list"]
        ]
        return context


class MonthView(ArchiveMixin, PageMetaMixin, MonthArchiveView):
    template_name = "articles/archive_month.html"
    month_format = "%m"
    paginate_by = 50
    ordering = (F("published_at").asc(), "pk")

    def get_page_title(self):
        return f"Coverage in {date(int(self.get_year()), int(self.get_month()), 1):%B %Y}"


# --- articles and quotes -------------------------------------------------------


class ArticleDetailView(DetailView):
    """
    An article: its paragraphs anchored ``#p1``... with quotes marked, its
    quotes, corrections, related coverage and a cite block. The query count
    does not grow with the number of quotes (see the tests).

    A long article is read in parts (``articles.parts``; ``?part=2``...), so
    one page renders a bounded share of it: the part's paragraphs and the
    quotes in them. A part past the end (the text was shortened) leads to the
    article's own address.
    """

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        quotes = Quote.objects.select_related("speaker").in_text_order()
        newest_copy = ArchivedPage.objects.filter(article=OuterRef("pk")).newest_first()
        return (
            Article.objects.published()
            .select_related("source", "strike")
            .prefetch_related(Prefetch("quotes", queryset=quotes), "corrections")
            .annotate(
                archived_page_id=Subquery(newest_copy.values("pk")[:1]),
                archived_at=Subquery(newest_copy.values("fetched_at")[:1]),
            )
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        part = request.GET.get("part", "1")
        if not part.isdigit() or int(part) < 1:
            raise Http404("No such part of this article.")
        self.part = int(part)
        if self.part > len(self.object.part_starts()):
            return redirect(self.object)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        starts = article.part_starts()
        first, last = parts.part_range(starts, self.part, len(article.paragraphs))
        all_quotes = list(article.quotes.all())
        quotes = [q for q in all_quotes if q.paragraph <= last and q.end_paragraph >= first]
        related = list(
            Article.objects.published().related_to(article).select_related("source")[:RELATED_LIMIT]
        )
        urls = article_urls(self.request, article)
        feeds = ()
        if article.source_id:
            feeds += feed_links(
                self.request,
                f"Coverage from {article.source.name}",
                "articles:source_feed",
                "articles:source_atom",
                slug=article.source.slug,
            )
        if article.strike_id:
            feeds += feed_links(
                self.request,
                f"Coverage of the {article.strike.name}",
                "articles:strike_feed",
                "articles:strike_atom",
                slug=article.strike.slug,
            )
        # Subheadings are read from the part and one neighbour on either side.
        before = max(first - 1, 1)
        headings = {
            before - 1 + number
            for number in subheading_numbers(article.paragraphs[before - 1 : last + 1])
        }
        marked = mark_paragraphs(
            article.paragraphs, [QuoteSpan.of(quote) for quote in quotes], first=first, last=last
        )
        context.update(
            paragraphs=[(number, html, number in headings) for number, html in marked],
            quotes=quotes,
            quote_count=len(all_quotes),
            part=self.part,
            parts=[
                (number, start, parts.part_range(starts, number, len(article.paragraphs))[1])
                for number, start in enumerate(starts, 1)
            ]
            if len(starts) > 1
            else [],
            part_starts=",".join(map(str, starts)),
            corrections=list(article.corrections.all()),
            related=related,
            copies=list(
                Article.objects.published()
                .copies_of(article)
                .select_related("source")
                .order_by("source__name", "pk")
            ),
            plain_dates=article.published_at is None,
            wayback=metadata.wayback_url(article.url) if article.url else "",
            meta=metadata.article_meta(article, urls, feeds=feeds, modified=article.updated_at),
            **cite_context(
                cited_article(article, urls.page), "articles:article_cite", slug=article.slug
            ),
        )
        return context


# The archived copy runs nothing and loads nothing, whatever the page it renders held.
ARCHIVED_COPY_CSP = {
    **settings.SECURE_CSP,
    "script-src": [CSP.NONE],
    "img-src": [CSP.SELF],
    "frame-src": [CSP.NONE],
    "media-src": [CSP.NONE],
}


@method_decorator(csp_override(ARCHIVED_COPY_CSP), name="dispatch")
class ArchivedCopyView(DetailView):
    """
    The page an article was fetched from, as the archive kept it (its WARC
    record), rendered static and inert (``articles.fetch.replay``) under a
    banner that says it is an archived copy, with the original URL and the
    Internet Archive's saved copies. A stored file that cannot be read
    answers 503 saying so.
    """

    template_name = "articles/archived_copy.html"
    context_object_name = "archived"

    def get_queryset(self):
        return (
            ArchivedPage.objects.of_published_articles()
            .filter(article__slug=self.kwargs["slug"])
            .select_related("article__source")
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            kept = read_response(self.object.warc_path)
            html = decode_html_bytes(
                kept.content,
                max_bytes=len(kept.content) + 1,
                charset=_charset(kept.header("content-type")),
            )
        except (OSError, ValueError):  # a missing or damaged file; IngestError is a ValueError
            context = self.get_context_data(object=self.object, unreadable=True)
            response = self.render_to_response(context, status=503)
            response["Retry-After"] = "3600"
            return response
        rendering = render_archived_page(html, base_url=self.object.final_url, heading_offset=1)
        return self.render_to_response(self.get_context_data(object=self.object, page=rendering))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object.article
        context.update(
            article=article,
            wayback=metadata.wayback_url(self.object.final_url),
            meta=metadata.listing_meta(
                metadata.Urls(page=canonical(self.request)),
                title=f"Archived copy: {article.headline}",
                noindex=True,
            ),
        )
        return context


def _charset(content_type):
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


class ArticleCitationView(View):
    """The article's citation as a file: BibTeX, RIS or CSL-JSON."""

    def get(self, request, slug, fmt):
        article = get_object_or_404(Article.objects.published().select_related("source"), slug=slug)
        item = cited_article(article, absolute(request, article.get_absolute_url()))
        return citation_download(item, fmt, article.slug)


def published_quotes():
    return Quote.objects.published().select_related("article__source", "article__strike", "speaker")


class QuoteDetailView(DetailView):
    """
    A quote: its text and speaker, the paragraph(s) around it with the quote
    marked, the article (linked at ``#p<n>``), a cite block, and the other
    published articles that carry the same words.
    """

    template_name = "articles/quote_detail.html"
    context_object_name = "quote"

    def get_queryset(self):
        return published_quotes()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quote = self.object
        article = quote.article
        also_carried, seen = [], {article.pk}
        for other in published_quotes().carrying_the_words_of(quote):
            if other.article_id not in seen:
                seen.add(other.article_id)
                also_carried.append(other)
        urls = article_urls(self.request, article)
        urls = metadata.Urls(
            page=absolute(self.request, quote.get_absolute_url()),
            article=urls.article,
            source=urls.source,
            strike=urls.strike,
            speaker=absolute(self.request, quote.speaker.get_absolute_url())
            if quote.speaker
            else "",
        )
        feeds = ()
        if quote.speaker:
            feeds = feed_links(
                self.request,
                f"Quotes from {quote.speaker.name}",
                "articles:person_feed",
                "articles:person_atom",
                slug=quote.speaker.slug,
            )
        more_from_speaker, strikes = [], []
        if quote.speaker:
            more_from_speaker = list(
                newest_quotes()
                .filter(speaker=quote.speaker)
                .exclude(pk=quote.pk)[:MORE_FROM_SPEAKER]
            )
            strikes = list(Strike.objects.quoting(quote.speaker))
        speaker = quote.speaker.name if quote.speaker else "unattributed"
        attributed_quote = f"“{' '.join(quote.text.split())}” — {speaker}"
        if article.source_id:
            attributed_quote += f", quoted by {article.source.name}"
        context.update(
            article=article,
            attributed_quote=attributed_quote,
            more_from_speaker=more_from_speaker,
            speaker_strikes=strikes,
            paragraphs=mark_paragraphs(
                article.paragraphs,
                [QuoteSpan.of(quote, link=False)],
                link=False,
                first=quote.paragraph,
                last=quote.end_paragraph,
            ),
            also_carried=also_carried,
            plain_dates=article.published_at is None,
            meta=metadata.quote_meta(quote, urls, feeds=feeds),
            **cite_context(
                cited_article(article, urls.article, quote=quote, quote_url=urls.page),
                "articles:quote_cite",
                pk=quote.pk,
            ),
        )
        return context


class QuoteCitationView(View):
    """A quote's citation as a file: the article, at the quote's paragraph."""

    def get(self, request, pk, fmt):
        quote = get_object_or_404(published_quotes(), pk=pk)
        article = quote.article
        item = cited_article(
            article,
            absolute(request, article.get_absolute_url()),
            quote=quote,
            quote_url=absolute(request, quote.get_absolute_url()),
        )
        return citation_download(item, fmt, f"quote-{quote.pk}")


# --- people, outlets, strikes --------------------------------------------------


class PersonDetailView(SingleObjectMixin, ListView):
    """A speaker and every published quote of theirs, newest first. Nobody unquoted has a page."""

    template_name = "articles/person_detail.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Person.objects.quoted())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return newest_quotes().filter(speaker=self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        urls = metadata.Urls(page=canonical(self.request, person.get_absolute_url()))
        feeds = feed_links(
            self.request,
            f"Quotes from {person.name}",
            "articles:person_feed",
            "articles:person_atom",
            slug=person.slug,
        )
        context.update(
            person=person,
            quotes=context["object_list"],
            outlets=Source.objects.quoting(person).values_list("name", flat=True),
            strikes=Strike.objects.quoting(person),
            meta=metadata.person_meta(person, urls, feeds=feeds),
        )
        return context


class SourceDetailView(SingleObjectMixin, ListView):
    """An outlet's published coverage, newest first."""

    template_name = "articles/source_detail.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Source.objects.with_published_coverage())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return (
            Article.objects.published()
            .filter(source=self.object)
            .select_related("source", "strike")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.object
        urls = metadata.Urls(page=canonical(self.request, source.get_absolute_url()))
        feeds = feed_links(
            self.request,
            f"Coverage from {source.name}",
            "articles:source_feed",
            "articles:source_atom",
            slug=source.slug,
        )
        context.update(
            source=source,
            articles=context["object_list"],
            meta=metadata.source_meta(source, urls, feeds=feeds),
        )
        return context


class StrikeDetailView(SideFilterMixin, SingleObjectMixin, ListView):
    """
    One strike: its facts as the coverage states them, then a timeline of its
    published articles by date (in each outlet's time zone), each with its
    quotes; ``?side=`` keeps only quotes from speakers on that side.
    """

    template_name = "articles/strike_detail.html"
    paginate_by = 30

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Strike.objects.with_activity())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        quotes = Quote.objects.select_related("speaker").in_text_order()
        articles = Article.objects.published().filter(strike=self.object)
        if self.side:
            quotes = quotes.from_side(self.side)
            articles = articles.filter(pk__in=Quote.objects.from_side(self.side).values("article"))
        return (
            articles.select_related("source")
            .prefetch_related(Prefetch("quotes", queryset=quotes))
            .order_by(F("published_on").asc(nulls_last=True), "published_at", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        strike = self.object
        # Each story on the day its outlet printed (``published_on``).
        timeline = [
            (day, list(articles))
            for day, articles in groupby(
                context["object_list"], key=lambda article: article.published_on
            )
        ]
        urls = metadata.Urls(page=canonical(self.request, strike.get_absolute_url()))
        feeds = feed_links(
            self.request,
            f"Coverage of the {strike.name}",
            "articles:strike_feed",
            "articles:strike_atom",
            slug=strike.slug,
        )
        context.update(
            strike=strike,
            timeline=timeline,
            coverage_count=Article.objects.published().filter(strike=strike).count(),
            meta=metadata.strike_meta(strike, urls, feeds=feeds),
        )
        return context


# --- crawling ------------------------------------------------------------------


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = absolute(self.request, reverse("sitemap"))
        context["search_path"] = search_url()
        context["admin_path"] = reverse("admin:index")
        return context
