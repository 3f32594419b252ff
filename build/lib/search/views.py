"""
The search page, its JSON API and the CSV export of quote results.

All three read the same parameters (``search.forms.SearchForm``) and call
``search.service.run_search``; they differ only in how they answer. The page
forgives bad parameters (it says what it ignored); the API refuses them with a
400 naming each one, because a program should not get silently different
results from what it asked for.

Totals: a backend may stop counting at ``EXACT_COUNT_LIMIT`` (10,000) matches
(PostgreSQL does: counting visits every matching row). The page then says
"10,000+ quotes" and marks facet counts with "+"; the API answers
``"total": 10000, "total_is_lower_bound": true`` (the facet counts are then
those of the matches counted). Otherwise ``total_is_lower_bound`` is false and
every count is exact. Paging never reaches that deep (250 pages of 20).
"""

import csv
import io

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import iri_to_uri
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from articles.models import Person

from .documents import QUOTE
from .forms import SearchForm
from .service import EXPORT_LIMIT, run_search

RETRY_AFTER_SECONDS = 30
UNAVAILABLE_MESSAGE = (
    "Search is being rebuilt and will be back in a minute or two. Every other page works as usual."
)
REPAIRING_MESSAGE = (
    "Search is being repaired: its index was found damaged and is being rebuilt. It will be "
    "back in a minute or two. Every other page works as usual."
)


def _unavailable_message(outcome):
    return REPAIRING_MESSAGE if outcome.repairing else UNAVAILABLE_MESSAGE


class HtmlSafeJSONEncoder(DjangoJSONEncoder):
    """JSON whose strings escape <, > and &: an echoed query stays inert wherever it is pasted."""

    def encode(self, o):
        return (
            super()
            .encode(o)
            .replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
        )


def _json(data, status=200):
    return JsonResponse(
        data, status=status, encoder=HtmlSafeJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )


def _private(response):
    # Results change with every edit and say nothing worth caching in shared caches.
    patch_cache_control(response, private=True, max_age=0)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


@require_safe
def search_page(request):
    form = SearchForm(request.GET if request.GET else None)
    params = form.params()
    outcome = run_search(params)
    status = 503 if outcome.unavailable else 200
    context = {
        "form": form,
        "params": params,
        "outcome": outcome,
        "problems": form.messages() if form.is_bound else [],
        "unavailable_message": _unavailable_message(outcome),
        "side_choices": Person.Side.choices,
        "meta": {"noindex": True},
    }
    response = render(request, "search/search.html", context, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return _private(response)


@require_safe
def search_api(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        errors = {
            name: [error["message"] for error in errors]
            for name, errors in form.errors.get_json_data().items()
        }
        return _private(_json({"error": "invalid_parameters", "errors": errors}, status=400))
    outcome = run_search(form.params())
    if outcome.unavailable:
        response = _json(
            {
                "error": "index_unavailable",
                "detail": _unavailable_message(outcome),
                "repairing": outcome.repairing,
            },
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return _private(response)
    response = _json(_api_payload(request, outcome))
    response["Access-Control-Allow-Origin"] = "*"
    return _private(response)


@require_safe
def export_quotes_csv(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _private(
            HttpResponse(
                "\n".join(form.messages()) + "\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        )
    params = form.params()
    # A spreadsheet gets a row for each outlet's copy of a quote.
    params.type, params.page, params.copies = "quotes", 1, "all"
    outcome = run_search(params, per_page=EXPORT_LIMIT, suggest=False, people=False)
    if outcome.unavailable:
        response = HttpResponse(
            _unavailable_message(outcome) + "\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return _private(response)
    absolute = _absolute_maker(request)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "quote",
            "speaker",
            "speaker_as_named",
            "headline",
            "outlet",
            "published",
            "paragraph",
            "quote_url",
            "article_url",
            "speaker_url",
            "speaker_side",
        ]
    )
    for result in outcome.results:
        quote = result.object
        article = quote.article
        writer.writerow(
            [
                _cell(quote.text),
                _cell(quote.speaker.name if quote.speaker else ""),
                _cell(quote.speaker_mention),
                _cell(article.headline),
                _cell(article.source.name if article.source_id else ""),
                # The date the outlet printed, on its clock (not the UTC date).
                article.published_on.isoformat() if article.published_on else "",
                quote.paragraph,
                absolute(result.object.get_absolute_url()),
                absolute(article.get_absolute_url()) + f"#{quote.anchor}",
                absolute(quote.speaker.get_absolute_url()) if quote.speaker else "",
                quote.speaker.side if quote.speaker else "",
            ]
        )
    name = slugify(params.q)[:60] or "all"
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="strikewatch-quotes-{name}.csv"'
    response["X-Total-Count"] = str(outcome.total)
    if outcome.total_is_lower_bound:
        response["X-Total-Is-Lower-Bound"] = "true"
    return _private(response)


def _absolute_maker(request):
    """``request.build_absolute_uri`` for site paths, with the scheme and host worked out once."""
    origin = request.build_absolute_uri("/")[:-1]

    def absolute(path):
        if (
            path.startswith("/")
            and not path.startswith("//")
            and "/./" not in path
            and "/../" not in path
        ):
            return iri_to_uri(origin + path)
        return request.build_absolute_uri(path)

    return absolute


def _cell(value):
    """Text a spreadsheet will not run as a formula (OWASP's advice: prefix with a quote)."""
    value = value or ""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _api_payload(request, outcome):
    absolute = _absolute_maker(request)
    results = []
    for result in outcome.results:
        article = result.article
        source = article.source
        item = {
            "type": result.kind,
            "id": result.object.pk,
            "url": absolute(result.object.get_absolute_url()),
            "snippet": "".join(part.text for part in result.parts),
            "snippet_html": str(result.snippet_html),
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "source": {
                "name": source.name,
                "slug": source.slug,
                "url": absolute(source.get_absolute_url()),
            }
            if source is not None
            else None,
        }
        item["copies"] = [
            {
                "id": copy.object.pk,
                "url": absolute(copy.object.get_absolute_url()),
                "source": copy.article.source.name if copy.article.source_id else None,
            }
            for copy in result.copies
        ]
        if result.kind == QUOTE:
            quote = result.object
            item.update(
                text=quote.text,
                speaker=(
                    {
                        "name": quote.speaker.name,
                        "url": absolute(quote.speaker.get_absolute_url()),
                        "side": quote.speaker.side,
                    }
                    if quote.speaker
                    else None
                ),
                speaker_as_named=quote.speaker_mention,
                paragraph=quote.paragraph,
                article={
                    "id": article.pk,
                    "headline": article.headline,
                    "url": absolute(article.get_absolute_url()),
                },
            )
        else:
            item.update(headline=article.headline, byline=article.byline)
        results.append(item)

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return absolute(f"{reverse('search:api')}?{query.urlencode()}")

    export_query = request.GET.copy()
    export_query.pop("page", None)
    export_query.pop("type", None)
    return {
        "query": outcome.parsed.text,
        "type": outcome.params.type,
        "sort": outcome.params.sort,
        "side": outcome.params.side if outcome.side_filtered else None,
        "total": outcome.total,
        "total_is_lower_bound": outcome.total_is_lower_bound,
        # Copies of one story are one result unless copies=all: ``total`` counts
        # results, this counts every outlet's copy among them.
        "total_with_copies": outcome.every_copy_total,
        "copies": outcome.params.copies or "together",
        "page": outcome.page,
        "pages": outcome.pages,
        "per_page": outcome.per_page,
        "results": results,
        "people": [
            {
                "name": person.name,
                "url": absolute(person.get_absolute_url()),
                "side": person.side,
                "description": person.description,
            }
            for person in outcome.people
        ],
        "facets": {
            name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in values
            ]
            for name, values in outcome.facets.items()
        },
        "notices": outcome.notices
        or (
            []
            if outcome.searched
            else [
                "Nothing was searched: give a query (q) or a filter (source, speaker, side, from, to)."
            ]
        ),
        "suggestion": outcome.suggestion,
        "links": {
            "self": absolute(request.get_full_path()),
            "next": page_url(outcome.page + 1) if outcome.has_next else None,
            "previous": page_url(outcome.page - 1) if outcome.has_previous else None,
            "csv": absolute(f"{reverse('search:export')}?{export_query.urlencode()}"),
        },
    }
