"""
What a public path answers once its page has moved or gone: a 404 becomes a
301 to where the page lives now (``Redirect``) or a 410 Gone showing what
the page showed and when it was withdrawn (``Withdrawal``). A path that can
name no page (a NUL byte in it) stays a plain 404, without asking the
database.
"""

from django.http import HttpResponsePermanentRedirect
from django.template.response import TemplateResponse

from . import metadata
from .models import Redirect, Withdrawal, is_site_path


class RedirectFallbackMiddleware:
    """Answers a 404 with a 301 when the path moved, a 410 when its page was withdrawn."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or "\x00" in request.path:
            return response
        new_path = (
            Redirect.objects.filter(old_path=request.path)
            .values_list("new_path", flat=True)
            .first()
        )
        if new_path is not None and is_site_path(new_path):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
        withdrawal = Withdrawal.objects.filter(path=request.path).first()
        if withdrawal is None:
            return response
        return gone(request, withdrawal)


def gone(request, withdrawal):
    """410 Gone: the withdrawn page's record as it was, when it went, and where to go on."""
    meta = metadata.listing_meta(
        metadata.Urls(page=""),
        title=f"Withdrawn: {withdrawal.title}" if withdrawal.title else "Withdrawn",
        description=withdrawal.reason,
        noindex=True,
    )
    response = TemplateResponse(
        request,
        "articles/withdrawn.html",
        {"withdrawal": withdrawal, "meta": meta},
        status=410,
    )
    return response.render()
