"""
RSS 2.0 and Atom feeds (Django's syndication framework): all coverage, one
outlet's, one strike's, and one person's quotes. Each Atom feed is its RSS
feed with another ``feed_type``; items come only from ``published()``.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import metadata
from .models import Article, Person, Quote, Source, Strike

FEED_LENGTH = 50


def newest_first(articles):
    return articles.select_related("source", "strike").newest_first()[:FEED_LENGTH]


class CoverageFeed(Feed):
    """Articles, newest first. Subclasses narrow ``items``."""

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
        return metadata.summary(item.paragraphs[0], 400) if item.paragraphs else ""

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        # An undated article still entered the archive at a known time.
        return item.published_at or item.first_published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(metadata.byline_authors(item.byline)) or item.source.name

    def item_categories(self, item):
        return [
            name for name in (item.source.name, item.strike.name if item.strike_id else "") if name
        ]


class CoverageAtomFeed(CoverageFeed):
    feed_type = Atom1Feed
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
    feed_type = Atom1Feed

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
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)


class PersonFeed(Feed):
    """A speaker's quotes, newest coverage first; each item links to the quote's page."""

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
        return (
            f"“{item.text}” Quoted in “{article.headline}” ({article.source.name}), "
            f"paragraph {item.paragraph}."
        )

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        article = item.article
        return article.published_at or article.first_published_at or item.created_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.article.updated_at)

    def item_author_name(self, item):
        return item.speaker.name

    def item_categories(self, item):
        return [item.article.source.name]


class PersonAtomFeed(PersonFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
