"""
The search page's result items, written in Python.

A page lists twenty results; through the template engine each cost about as
much as the search behind the whole page (variable lookups, ``with`` blocks,
date filters, an include per snippet). Here each is one f-string. The markup
is the quote and teaser lists' markup used across the site. Every value is
escaped here as the template engine would (``html.escape``, which is what
Django's ``escape`` does); snippets come escaped from
``search.service.snippet_html``.
"""

from html import escape

from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.safestring import mark_safe


def _time(value, separator):
    """``<time>`` as the templates write it: ``|date:'c'`` and ``|date:"j M Y"``, in the current time zone."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    shown = f"{value.day} {MONTHS_3[value.month].title()} {value.year:04d}"
    return f'{separator}<time datetime="{escape(value.isoformat())}">{escape(shown)}</time>'


def quote_item(result):
    quote, article = result.object, result.object.article
    if quote.speaker is not None:
        speaker = f'<a href="{escape(result.speaker_url)}">{escape(quote.speaker.name)}</a>'
    else:
        speaker = escape(quote.speaker_mention or "Unattributed")
    url = escape(result.url)
    return mark_safe(f"""
      <li class="search-hit">
        <figure class="quote-item">
          <blockquote class="quote-item__text"><p><a href="{url}">“{result.snippet_html}”</a></p></blockquote>
          <figcaption class="quote-item__meta">
            {speaker}
            · <cite><a href="{escape(result.article_url)}#{escape(quote.anchor)}">{escape(article.headline)}</a></cite>,
            <a href="{escape(result.source_url)}">{escape(article.source.name)}</a>{_time(article.published_at, ",\n            ")}
            · <a href="{url}">Permalink<span class="visually-hidden"> to this quote</span></a>
          </figcaption>
        </figure>
      </li>""")


def article_item(result):
    article = result.object
    byline = f" · {escape(article.byline)}" if article.byline else ""
    return mark_safe(f"""
      <li class="search-hit">
        <h3 class="teaser__title"><a href="{escape(result.url)}">{result.headline_html}</a></h3>
        <p class="teaser__meta"><a href="{escape(result.source_url)}">{escape(article.source.name)}</a>{_time(article.published_at, ", ")}{byline}</p>
        <p class="search-snippet">{result.snippet_html}</p>
      </li>""")
