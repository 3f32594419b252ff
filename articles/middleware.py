from django.http import HttpResponsePermanentRedirect

from .models import Redirect


class RedirectFallbackMiddleware:
    """Answers a 404 with a 301 when the path moved (see ``Redirect``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        new_path = (
            Redirect.objects.filter(old_path=request.path)
            .values_list("new_path", flat=True)
            .first()
        )
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
