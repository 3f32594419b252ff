"""
Middleware for serving the archive on the open internet: health checks for
load balancers, per-client rate limits on search, and a page cache for the
public reading pages.

They sit near the top of ``MIDDLEWARE`` (after the security headers) so that
a probe, a refused search or a cached page costs no session, CSRF or auth
work. Rate limits and the page cache pick the requests they act on by URL
name, so views need no decorators.
"""

import hashlib
import json
import logging

from django.conf import settings
from django.http import HttpResponse
from django.template import engines
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_cache_control, set_response_etag

from articles import caching

from .health import healthz
from .ratelimit import SlidingWindowLimiter, client_address, client_key, parse_networks, parse_rate

logger = logging.getLogger(__name__)

# Which URL names each limit covers: views in one scope share a client's count.
# A scope whose responses are JSON answers a refusal in JSON.
RATE_LIMIT_SCOPES = {
    "search": {"views": {"search:search", "search:export"}, "json": False},
    "api": {"views": {"search:api"}, "json": True},
}


def _view_name(request):
    """The URL name of the view a request will reach, or None (resolved once per request)."""
    if not hasattr(request, "_strikewatch_view_name"):
        try:
            request._strikewatch_view_name = resolve(request.path_info).view_name
        except Resolver404:
            request._strikewatch_view_name = None
    return request._strikewatch_view_name


_TOO_MANY_TEMPLATE = """{% extends "base.html" %}
{% block title %}Too many requests · StrikeWatch{% endblock %}
{% block content %}
<h1>Too many searches</h1>
<p>You have searched more often than the archive allows from one address
({{ rate }}). Please wait {{ retry_after }} second{{ retry_after|pluralize }} and try again.</p>
<p><a href="{% url 'articles:home' %}">Browse the latest coverage</a> in the meantime.</p>
{% endblock %}
"""


def too_many_requests(request, retry_after, rate, as_json):
    """The 429 a refused client gets: says how long to wait, in the body and in Retry-After."""
    if as_json:
        body = {
            "error": "rate_limited",
            "detail": f"Too many requests from your address (limit {rate.limit} per "
            f"{rate.period} s); retry in {retry_after} s.",
            "retry_after": retry_after,
        }
        response = HttpResponse(json.dumps(body), status=429, content_type="application/json")
    else:
        template = engines["django"].from_string(_TOO_MANY_TEMPLATE)
        context = {
            "retry_after": retry_after,
            "rate": f"{rate.limit} per {_period_text(rate.period)}",
        }
        response = HttpResponse(template.render(context, request), status=429)
    response["Retry-After"] = str(retry_after)
    patch_cache_control(response, no_store=True)
    return response


def _period_text(seconds):
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            count = seconds // size
            return unit if count == 1 else f"{count} {unit}s"
    return "second" if seconds == 1 else f"{seconds} seconds"


class HealthCheckMiddleware:
    """
    Answers ``/healthz`` before the Host header is checked against
    ALLOWED_HOSTS: load balancers probe each host by its own address, which
    is not a name the site answers to. Nothing in the answer is built from
    the Host header, so there is nothing to poison.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.path = reverse("healthz")

    def __call__(self, request):
        if request.path_info == self.path:
            return healthz(request)
        return self.get_response(request)


class RateLimitMiddleware:
    """Limits how often one client may use search and the search API (429 + Retry-After beyond)."""

    def __init__(self, get_response):
        self.get_response = get_response
        rates = getattr(settings, "STRIKEWATCH_RATE_LIMITS", {})
        self.exempt = parse_networks(getattr(settings, "STRIKEWATCH_RATE_LIMIT_EXEMPT", []))
        self.trusted_proxies = getattr(settings, "STRIKEWATCH_TRUSTED_PROXIES", 0)
        self.scopes = {}
        for scope, spec in RATE_LIMIT_SCOPES.items():
            rate = parse_rate(rates.get(scope, ""))
            if rate is None:
                continue
            for view_name in spec["views"]:
                self.scopes[view_name] = (scope, rate, spec["json"])

    def __call__(self, request):
        if self.scopes:
            limited = self.scopes.get(_view_name(request))
            if limited is not None:
                refusal = self._check(request, *limited)
                if refusal is not None:
                    return refusal
        return self.get_response(request)

    def _check(self, request, scope, rate, as_json):
        address = client_address(request.META, self.trusted_proxies)
        if address is not None and any(address in network for network in self.exempt):
            return None
        limiter = SlidingWindowLimiter(caching.shared_cache(), scope, rate)
        client = client_key(address)
        try:
            wait = limiter.hit(client)
        except Exception:
            # A cache outage must not take search down with it: let the request through.
            logger.exception("rate limit check failed; allowing the request")
            return None
        if wait is None:
            return None
        logger.info("rate limit: %s refused on %s for %s s", client, scope, wait)
        return too_many_requests(request, wait, rate, as_json)


class PageCacheMiddleware:
    """
    Serves the public reading pages (``articles.caching.CACHED_VIEWS``) from
    Django's cache to readers who are not signed in, while their content
    generation stands (see ``articles.caching``).

    A request with a session or messages cookie (an editor, or anyone the site
    has told something) is never served from, or stored in, the cache; nor is
    a response that sets a cookie, uses a CSRF token or a CSP nonce, or asks
    not to be stored. With DEBUG on, nothing is cached. Stored responses carry
    an ETag, so the conditional-GET middleware above answers revalidations
    with 304.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            response = self.get_response(request)
            if _view_name(request) in caching.CACHED_VIEWS:
                # Personalised (signed-in) copies of public pages must not land in shared caches.
                patch_cache_control(response, private=True)
            return response
        try:
            generation = caching.current_generation()
            cached = caching.page_store().get(key)
        except Exception:
            logger.exception("page cache unavailable; rendering the page")
            return self.get_response(request)
        # A copy from an earlier generation is stale: render afresh, and replace it.
        if cached is not None and cached[0] == generation:
            return cached[1]
        response = self.get_response(request)
        if request.method == "GET" and self._storable(request, response):
            set_response_etag(response)
            try:
                caching.page_store().set(key, (generation, response), caching.page_timeout())
            except Exception:
                logger.exception("page cache write failed")
        return response

    def _key(self, request):
        # While developing (DEBUG), a template edit must show on the next reload.
        if settings.DEBUG or request.method not in ("GET", "HEAD"):
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return None
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        if _view_name(request) not in caching.CACHED_VIEWS:
            return None
        # build_absolute_uri() validates the Host header against ALLOWED_HOSTS (400 otherwise).
        url = request.build_absolute_uri()
        return f"strikewatch:page:{hashlib.sha256(url.encode()).hexdigest()}"

    @staticmethod
    def _storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        if "*" in response.get("Vary", ""):
            return False
        # A page that used its CSP nonce must not hand the same nonce to everyone.
        if getattr(request, "_csp_nonce", None) or "nonce-" in response.get(
            "Content-Security-Policy", ""
        ):
            return False
        return True
