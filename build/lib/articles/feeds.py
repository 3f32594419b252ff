"""
RSS 2.0 and Atom feeds (Django's syndication framework): all coverage, one
outlet's, one strike's, and one person's quotes. Each Atom feed is its RSS
feed with another ``feed_type``; items come only from ``published()``.

Items are dated as their outlets printed them, on the outlet's clock; a story
dated with a day and no time has no ``pubDate``/``published`` (both need a
time, and none is invented) but a Dublin Core ``dc:date`` of that day.

Descriptions carry text, not markup. Readers treat an RSS ``<description>``
and an Atom ``<summary type="html">`` as HTML, so the text is HTML-escaped
here (``as_html_text``) before the XML writer escapes it again: whatever an
article says, angle brackets included, a reader shows as words and never runs
as markup.
"""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from . import metadata
from .models import Article, Person, Quote, Source, Strike

FEED_LENGTH = 50
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class PrintedDateMixin:
    """Writes an item's ``printed_date`` (a day without a time) as ``dc:date``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("printed_date"):
            handler.addQuickElement("dc:date", item["printed_date"], {"xmlns:dc": DUBLIN_CORE})


class RssFeedType(PrintedDateMixin, Rss201rev2Feed):
    pass


class AtomFeedType(PrintedDateMixin, Atom1Feed):
    pass


def as_html_text(text):
    """``text`` as HTML that shows exactly those words: escaped once, no markup of its own."""
    return escape(text)


def newest_first(articles):
    return articles.select_related("source", "strike").newest_first()[:FEED_LENGTH]


def publication_pubdate(article, fallback):
    """
    When the item was published: as its outlet printed it, on the outlet's
    clock; None for a day without a time (see ``publication_extra``); when
    undated, when it entered the archive (``fallback``).
    """
    published = article.published_as_printed
    if isinstance(published, datetime):
        return published
    if published is None:
        return article.first_published_at or fallback
    return None


def publication_extra(article):
    published = article.published_as_printed
    if published is not None and not isinstance(published, datetime):
        return {"printed_date": published.isoformat()}
    return {}


class CoverageFeed(Feed):
    """Articles, newest first. Subclasses narrow ``items``."""

    feed_type = RssFeedType
    title = "StrikeWatch: all coverage"
    description = "The latest strike coverage archived by StrikeWatch."
    language = "en"

    def link(self, obj=None):
        return obj.get_absolute_url() if obj is not None else reverse("articles:home")

    def items(self, obj=None):
        return newest_first(Article.objects.published())

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return as_html_text(metadata.summary(item.paragraphs[0], 400)) if item.paragraphs else ""

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return publication_pubdate(item, item.created_at)

    def item_extra_kwargs(self, item):
        return publication_extra(item)

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(metadata.byline_authors(item.byline)) or metadata.outlet_name(item) or None

    def item_categories(self, item):
        names = (metadata.outlet_name(item), item.strike.name if item.strike_id else "")
        return [name for name in names if name]


class CoverageAtomFeed(CoverageFeed):
    feed_type = AtomFeedType
    subtitle = CoverageFeed.description


class SourceFeed(CoverageFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Source.objects.with_published_coverage(), slug=slug)

    def title(self, obj):
        return f"StrikeWatch: coverage from {obj.name}"

    def description(self, obj):
        return f"Strike coverage from {obj.name}, as archived by StrikeWatch."

    def items(self, obj):
        return newest_first(Article.objects.published().filter(source=obj))


class SourceAtomFeed(SourceFeed):
    feed_type = AtomFeedType

    def subtitle(self, obj):
        return self.description(obj)


class StrikeFeed(CoverageFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Strike, slug=slug)

    def title(self, obj):
        return f"StrikeWatch: {obj.name}"

    def description(self, obj):
        return f"Coverage of the {obj.name}, as archived by StrikeWatch."

    def items(self, obj):
        return newest_first(Article.objects.published().filter(strike=obj))


class StrikeAtomFeed(StrikeFeed):
    feed_type = AtomFeedType

    def subtitle(self, obj):
        return self.description(obj)


class PersonFeed(Feed):
    """A speaker's quotes, newest coverage first; each item links to the quote's page."""

    feed_type = RssFeedType
    language = "en"

    def get_object(self, request, slug):
        return get_object_or_404(Person.objects.quoted(), slug=slug)

    def title(self, obj):
        return f"StrikeWatch: quotes from {obj.name}"

    def description(self, obj):
        return f"Everything {obj.name} is quoted saying in strike coverage archived by StrikeWatch."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return (
            Quote.objects.published()
            .filter(speaker=obj)
            .select_related("article__source", "speaker")
            .newest_first()[:FEED_LENGTH]
        )

    def item_title(self, item):
        return f"{item.speaker.name}: “{metadata.summary(item.text, 120)}”"

    def item_description(self, item):
        article = item.article
        outlet = metadata.outlet_name(article)
        return as_html_text(
            f"“{item.text}” Quoted in “{article.headline}”{f' ({outlet})' if outlet else ''}, "
            f"paragraph {item.paragraph}."
        )

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return publication_pubdate(item.article, item.created_at)

    def item_extra_kwargs(self, item):
        return publication_extra(item.article)

    def item_updateddate(self, item):
        return max(item.updated_at, item.article.updated_at)

    def item_author_name(self, item):
        return item.speaker.name

    def item_categories(self, item):
        outlet = metadata.outlet_name(item.article)
        return [outlet] if outlet else []


class PersonAtomFeed(PersonFeed):
    feed_type = AtomFeedType

    def subtitle(self, obj):
        return self.description(obj)
