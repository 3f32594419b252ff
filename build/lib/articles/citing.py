"""
From the archive's records to what ``articles.citation`` cites: the
``CitedArticle`` for an article (or a quote in it), with a citation key that
is unique across the archive.

A key is made from the first author's family name, the year and the title's
first distinctive word ("anderson2022kaiser"), so two articles can share one.
Among the articles that share it, the one that entered the archive first keeps
it bare; the others add their rank ("anderson2022kaiser-2", "-3", ...), which
a later article cannot change. A quote's key is its article's plus the quote's
own number, as in its URL ("anderson2022kaiser-q12").
"""

from dataclasses import replace

from django.db.models import Q
from django.utils import timezone

from .citation import CitedArticle, citation_key, citation_key_words
from .citation.names import split_byline
from .models import Article, Person


def _cited(article, url, **quote_fields):
    return CitedArticle(
        headline=article.headline,
        authors=split_byline(article.byline),
        publication=article.source.name if article.source_id else "",
        published=article.published_as_printed,
        url=url,
        original_url=article.url or "",
        accessed=timezone.localdate(),
        **quote_fields,
    )


def article_key(article, item):
    """``item``'s key made unique across the archive (see the module's docstring)."""
    key = citation_key(item)
    who, year, topic = citation_key_words(item)
    # Only articles whose words could make the same key: same year, same names, same topic.
    candidates = Article.objects.filter(
        Q(published_on__year=int(year)) if year else Q(published_on__isnull=True),
        headline__icontains=topic,
    )
    candidates = candidates.filter(
        Q(byline__icontains=who) if item.authors else Q(source__name__icontains=who)
    )
    sharing = [
        other.pk
        # A key needs no text: a long story's paragraphs are not read here.
        for other in candidates.select_related("source").defer("paragraphs").order_by("pk")
        if other.pk == article.pk or citation_key(_cited(other, "")) == key
    ]
    rank = sharing.index(article.pk) + 1 if article.pk in sharing else 1
    return key if rank == 1 else f"{key}-{rank}"


def cited_article(article, url, *, quote=None, quote_url=""):
    """
    What ``articles.citation`` needs to cite ``article`` (``url``: its absolute
    permanent URL), or, given ``quote`` (and ``quote_url``, the quote's own page),
    that quote at its paragraph.
    """
    if quote is None:
        item = _cited(article, url)
        return replace(item, key=article_key(article, item))
    speaker = quote.speaker
    item = _cited(
        article,
        url,
        paragraph=quote.paragraph,
        quote_text=quote.text,
        speaker=speaker.name if speaker else "",
        speaker_is_organization=bool(speaker) and speaker.kind == Person.Kind.ORGANIZATION,
        quote_url=quote_url,
    )
    return replace(item, key=f"{article_key(article, _cited(article, url))}-q{quote.pk}")
