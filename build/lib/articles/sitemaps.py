"""
``sitemap.xml`` sections (Django's sitemaps, served through an index so each
section paginates on its own). Only what the public can open is listed.
No sites framework: the views fall back to the request's host.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article, Person, Quote, Source, Strike, published_q


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class QuoteSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Quote.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Person.objects.quoted().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class SourceSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return (
            Source.objects.with_published_coverage()
            .annotate(latest=Max("articles__updated_at", filter=published_q("articles__")))
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.latest


class StrikeSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return Strike.objects.order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(Sitemap):
    """The home page and the indexes."""

    changefreq = "daily"
    priority = 0.4

    def items(self):
        return [
            "articles:home",
            "articles:archive",
            "articles:strike_list",
            "articles:source_list",
            "articles:person_list",
            "articles:quote_list",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "quotes": QuoteSitemap,
    "people": PersonSitemap,
    "sources": SourceSitemap,
    "strikes": StrikeSitemap,
}
