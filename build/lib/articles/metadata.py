"""
What each reading page tells machines about itself: its canonical URL,
OpenGraph and Twitter cards, the tags citation managers read, and schema.org
JSON-LD. Plain Python: views pass in the records and absolute URLs.

Citation tags follow what Zotero's generic "Embedded Metadata" translator
(zotero/translators, ``Embedded Metadata.js`` with ``RDF.js``) actually does:

* ``citation_title``, one ``citation_author`` per author, ``citation_date`` and
  ``citation_public_url`` become the item's title, authors, date and URL.
* The item type comes from the HighWire tags first: ``citation_journal_title``
  forces a journal article, so it is never emitted; ``citation_title`` alone
  only *guesses* one, and the Dublin Core type overrides a guess. ``DC.type``
  is the Zotero item type ``newspaperArticle``, which RDF.js accepts verbatim.
* For a newspaper article, RDF.js takes the publication from ``og:site_name``
  when nothing else names one, so on article and quote pages ``og:site_name``
  is the outlet.
* Failing a date tag the translator takes the first ``<time datetime>`` on the
  page, so pages about undated articles carry no other ``<time>`` elements.
* An article whose outlet is not known names none (no ``DC.publisher``, the
  site's own ``og:site_name``) and is typed a web page (Zotero's ``webpage``),
  as APA cites a page without a container.

Dates are the outlet's as printed (``Article.published_as_printed``): a date
alone stays a date ("2026-11-29"), a time keeps the offset it was printed
with ("2026-11-30T21:00:00-08:00").
"""

import json
from dataclasses import dataclass
from urllib.parse import quote as urlquote

from .citation import split_byline
from .citation.names import looks_like_person
from .ingest.zones import in_zone

SITE_NAME = "StrikeWatch"
SITE_DESCRIPTION = "An open archive of strike coverage: who said what, where and when."
LANGUAGE = "en"
ZOTERO_ITEM_TYPE = "newspaperArticle"
ZOTERO_ITEM_TYPE_WITHOUT_OUTLET = "webpage"
WAYBACK_LOOKUP = "https://web.archive.org/web/*/"

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def byline_authors(byline):
    """The people (or, failing any, the organisation) a byline credits; the citation styles agree."""
    return split_byline(byline)


def outlet_name(article):
    """The name of the outlet that published ``article``; "" when it is not known."""
    return article.source.name if article.source_id else ""


def wayback_url(url):
    """The Internet Archive's list of saved copies of ``url`` (``#`` and spaces escaped)."""
    return WAYBACK_LOOKUP + urlquote(url.strip(), safe=":/?=&%@+,;~!$*'()[]")


def ld_json(data):
    """JSON for a ``<script type="application/ld+json">`` block: nothing in it can close the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def summary(text, limit=200):
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " ":  # mid-word: drop the partial word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


@dataclass(frozen=True)
class FeedLink:
    title: str
    href: str
    type: str = "application/rss+xml"


@dataclass(frozen=True)
class PageMeta:
    """Everything ``base.html`` puts in ``<head>`` for one page."""

    title: str
    description: str = SITE_DESCRIPTION
    canonical_url: str = ""
    og_type: str = "website"
    site_name: str = SITE_NAME
    tags: tuple = ()  # extra (name, content) pairs, e.g. citation_* and DC.*
    properties: tuple = ()  # extra (property, content) pairs, e.g. article:published_time
    structured_data: dict | None = None
    feeds: tuple = ()
    noindex: bool = False

    @property
    def open_graph(self):
        pairs = [
            ("og:type", self.og_type),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", self.canonical_url),
            ("og:site_name", self.site_name),
            ("og:locale", "en_US"),
            *self.properties,
        ]
        return [(name, value) for name, value in pairs if value]

    @property
    def twitter(self):
        return [
            ("twitter:card", "summary"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
        ]


@dataclass(frozen=True)
class Urls:
    """Absolute URLs a page's metadata points at."""

    page: str
    article: str = ""
    source: str = ""
    strike: str = ""
    speaker: str = ""


def citation_tags(article, *, public_url):
    """
    The ``citation_*`` and Dublin Core tags that make Zotero save ``article``
    as a newspaper article (see the module docstring for why each is there).
    """
    authors = byline_authors(article.byline)
    published = article.published_on
    tags = [("citation_title", article.headline)]
    tags += [("citation_author", name) for name in authors]
    if published:
        tags.append(("citation_date", published.isoformat()))
    tags += [
        ("citation_public_url", public_url),
        ("citation_language", LANGUAGE),
        ("DC.title", article.headline),
    ]
    tags += [("DC.creator", name) for name in authors]
    if published:
        tags.append(("DC.date", published.isoformat()))
    outlet = outlet_name(article)
    tags.append(("DC.type", ZOTERO_ITEM_TYPE if outlet else ZOTERO_ITEM_TYPE_WITHOUT_OUTLET))
    if outlet:
        tags.append(("DC.publisher", outlet))
    tags.append(("DC.language", LANGUAGE))
    return tuple(tags)


def _speaker_ld(person, url):
    if person is None:
        return None
    node = {
        "@type": "Organization" if person.kind == "organization" else "Person",
        "name": person.name,
        "url": url,
    }
    if person.description:
        node["description"] = person.description
    if person.aliases:
        node["alternateName"] = list(person.aliases)
    return node


def _publisher_ld(source, url):
    node = {"@type": "NewsMediaOrganization", "name": source.name, "url": url}
    if source.homepage_url:
        node["sameAs"] = source.homepage_url
    return node


def _strike_ld(strike, url):
    event = {"@type": "Event", "name": strike.name}
    if strike.union:
        event["organizer"] = {"@type": "Organization", "name": strike.union}
    if strike.start_date:
        event["startDate"] = strike.start_date.isoformat()
    if strike.end_date:
        event["endDate"] = strike.end_date.isoformat()
    if strike.location:
        event["location"] = {"@type": "Place", "name": strike.location}
    return {"@type": "CollectionPage", "@id": url, "url": url, "name": strike.name, "about": event}


def news_article_ld(article, urls, *, modified=None):
    """schema.org ``NewsArticle`` for the archive's copy of ``article``."""
    published = article.published_as_printed
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": urls.article,
        "url": urls.article,
        "mainEntityOfPage": urls.article,
        "headline": article.headline,
        "inLanguage": LANGUAGE,
    }
    if article.source_id:
        data["publisher"] = _publisher_ld(article.source, urls.source)
    if published:
        data["datePublished"] = published.isoformat()
    if modified:
        data["dateModified"] = in_zone(modified, article.zone_name).isoformat()
    authors = byline_authors(article.byline)
    if authors:
        data["author"] = [
            {"@type": "Person" if looks_like_person(name) else "Organization", "name": name}
            for name in authors
        ]
    if article.url:
        data["isBasedOn"] = article.url
    if article.strike_id and urls.strike:
        data["isPartOf"] = _strike_ld(article.strike, urls.strike)
        data["about"] = {"@type": "Event", "name": article.strike.name}
    if article.paragraphs:
        data["description"] = summary(article.paragraphs[0])
    return data


def article_meta(article, urls, *, feeds=(), modified=None):
    published = article.published_as_printed
    description = summary(article.paragraphs[0]) if article.paragraphs else SITE_DESCRIPTION
    properties = []
    if published:
        properties.append(("article:published_time", published.isoformat()))
    if modified:
        properties.append(
            ("article:modified_time", in_zone(modified, article.zone_name).isoformat())
        )
    if article.strike_id:
        properties.append(("article:section", article.strike.name))
    return PageMeta(
        title=article.headline,
        description=description,
        canonical_url=urls.page,
        og_type="article",
        site_name=outlet_name(article) or SITE_NAME,
        tags=citation_tags(article, public_url=urls.page),
        properties=tuple(properties),
        structured_data=news_article_ld(article, urls, modified=modified),
        feeds=tuple(feeds),
    )


def quote_meta(quote, urls, *, feeds=()):
    """A quote page: cards about the quote; citation tags for the article that carries it."""
    article = quote.article
    speaker = quote.speaker.name if quote.speaker else "Unattributed"
    title = f"{speaker}: “{summary(quote.text, 90)}”"
    outlet = outlet_name(article)
    description = (
        f"Quoted in “{article.headline}”{f' ({outlet})' if outlet else ''}, "
        f"paragraph {quote.paragraph}."
    )
    anchor_url = f"{urls.article}#p{quote.paragraph}"
    quotation = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "@id": urls.page,
        "url": urls.page,
        "text": quote.text,
        "inLanguage": LANGUAGE,
        "isPartOf": {
            **{k: v for k, v in news_article_ld(article, urls).items() if k != "@context"},
            "@id": urls.article,
        },
        "citation": anchor_url,
    }
    speaker_node = _speaker_ld(quote.speaker, urls.speaker)
    if speaker_node:
        quotation["creator"] = speaker_node
        if speaker_node["@type"] == "Person":
            quotation["spokenByCharacter"] = speaker_node
    return PageMeta(
        title=title,
        description=description,
        canonical_url=urls.page,
        og_type="article",
        site_name=outlet or SITE_NAME,
        tags=citation_tags(article, public_url=anchor_url),
        structured_data=quotation,
        feeds=tuple(feeds),
    )


def person_meta(person, urls, *, feeds=()):
    description = (
        person.description
        or f"Everything {person.name} is quoted saying in the StrikeWatch archive."
    )
    return PageMeta(
        title=person.name,
        description=summary(description),
        canonical_url=urls.page,
        og_type="profile",
        structured_data={
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "url": urls.page,
            "name": person.name,
            "mainEntity": _speaker_ld(person, urls.page),
        },
        feeds=tuple(feeds),
    )


def source_meta(source, urls, *, feeds=()):
    return PageMeta(
        title=f"Coverage from {source.name}",
        description=f"Strike coverage from {source.name} in the StrikeWatch archive.",
        canonical_url=urls.page,
        structured_data={
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "url": urls.page,
            "name": f"Coverage from {source.name}",
            "about": _publisher_ld(source, urls.page),
        },
        feeds=tuple(feeds),
    )


def strike_meta(strike, urls, *, feeds=()):
    return PageMeta(
        title=strike.name,
        description=summary(
            strike.summary or f"Coverage of the {strike.name}: articles and quotes by date."
        ),
        canonical_url=urls.page,
        structured_data={"@context": "https://schema.org", **_strike_ld(strike, urls.page)},
        feeds=tuple(feeds),
    )


def website_meta(urls, *, title=SITE_NAME, description=SITE_DESCRIPTION, search_url="", feeds=()):
    """Home and index pages; the home page also tells search engines where the search box goes."""
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": urls.page,
    }
    if search_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        }
    return PageMeta(
        title=title,
        description=description,
        canonical_url=urls.page,
        structured_data=data,
        feeds=tuple(feeds),
    )


def listing_meta(urls, *, title, description=SITE_DESCRIPTION, feeds=(), noindex=False):
    return PageMeta(
        title=title,
        description=description,
        canonical_url=urls.page,
        feeds=tuple(feeds),
        noindex=noindex,
    )
