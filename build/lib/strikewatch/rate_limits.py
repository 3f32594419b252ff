"""
Per-client request limits on search and the search API: a 429 with
Retry-After beyond them. ``RateLimitMiddleware`` picks the requests it limits
by URL name (``RATE_LIMIT_SCOPES``), so views need no decorators; the rates
come from settings (``RATE_LIMIT_SEARCH``, ``RATE_LIMIT_API``,
``RATE_LIMIT_EXEMPT``, ``TRUSTED_PROXY_COUNT``).

The window slides: a client's count is this window's requests plus the
previous window's, weighted by how much of it still lies within one period of
now. That avoids the double burst a fixed window allows at its edges, for two
small counters per client.

Counters live in the shared counts store (``strikewatch.shared_counts``):
Redis or Memcached when ``CACHE_URL`` names one, else a table in the database.
Every gunicorn worker and every web host counts in the same place, so a client
gets the limit once, however many workers answer it.
"""

import json
import logging
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django.http import HttpResponse
from django.template import engines
from django.utils.cache import patch_cache_control

from .requests import client_address, client_key, parse_networks, view_name
from .shared_counts import count, read, store, uncount

logger = logging.getLogger(__name__)

# Which URL names each limit covers: views in one scope share a client's count.
# A scope whose responses are JSON answers a refusal in JSON.
RATE_LIMIT_SCOPES = {
    "search": {"views": {"search:search", "search:export"}, "json": False},
    "api": {"views": {"search:api"}, "json": True},
}

_UNITS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}
_EPSILON = 1e-9
_RATE = re.compile(r"^(\d+)\s*/\s*(\d*)\s*([a-z]*)$")


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    def __str__(self):
        return f"{self.limit}/{self.period}s"


def parse_rate(text):
    """
    "60/m", "100/30s", "1000/hour" -> Rate; "", "0" or "off" -> None (no limit).
    Anything else raises ImproperlyConfigured naming the value.
    """
    text = (text or "").strip().lower()
    if text in ("", "0", "off", "none"):
        return None
    match = _RATE.match(text)
    if match:
        count, number, unit = match.groups()
        if unit not in _UNITS and unit.endswith("s") and unit[:-1] in _UNITS:
            unit = unit[:-1]  # "minutes", "hours", "secs"
        if unit in _UNITS or (unit == "" and number):
            period = int(number or 1) * _UNITS.get(unit, 1)
            if int(count) > 0 and period > 0:
                return Rate(int(count), period)
    raise ImproperlyConfigured(
        f"rate limit {text!r} is not understood: write requests/period, "
        "e.g. 60/m, 100/30s or 1000/h "
        "(or off)"
    )


def retry_after(previous, current, elapsed, rate):
    """
    Whole seconds until a client with ``previous`` and ``current`` counts,
    ``elapsed`` seconds into the current window, may make one more request
    (assuming it makes none meanwhile). At least 1.
    """
    period, limit = rate.period, rate.limit

    def seconds(wait):
        # Whole seconds, ignoring floating-point dust (20.000000000000004 is 20).
        return max(1, math.ceil(max(0.0, wait) - _EPSILON))

    # Still within this window: the previous window's weight has to fall far enough.
    if current + 1 <= limit and previous:
        wait = period * (1 - (limit - current - 1) / previous) - elapsed
        if wait < period - elapsed:
            return seconds(wait)
    # Otherwise in the next window, where this window's count is the one that fades.
    wait = period - elapsed
    if current:
        wait += max(0.0, period * (1 - (limit - 1) / current))
    return seconds(wait)


class SlidingWindowLimiter:
    def __init__(self, cache, scope, rate, clock=time.time):
        self.cache, self.scope, self.rate, self.clock = cache, scope, rate, clock

    def _key(self, client, window):
        return f"ratelimit:{self.scope}:{window}:{client}"

    def hit(self, client):
        """Count one request by ``client``; returns None if allowed, else seconds to wait."""
        now = self.clock()
        period = self.rate.period
        window, elapsed = divmod(now, period)
        window = int(window)
        current_key, previous_key = self._key(client, window), self._key(client, window - 1)
        previous = read([previous_key], self.cache)[previous_key]
        # Counted first, atomically, then checked: two requests at once cannot both
        # take the last place. Kept for two periods: the next window reads it as its previous.
        current = count(current_key, 2 * period, self.cache)
        if previous * (1 - elapsed / period) + current > self.rate.limit + _EPSILON:
            # Refused requests are not counted: Retry-After stays true for a client that obeys it.
            uncount(current_key, self.cache)
            return retry_after(previous, current - 1, elapsed, self.rate)
        return None


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
            for limited_view in spec["views"]:
                self.scopes[limited_view] = (scope, rate, spec["json"])

    def __call__(self, request):
        if self.scopes:
            limited = self.scopes.get(view_name(request))
            if limited is not None:
                refusal = self._check(request, *limited)
                if refusal is not None:
                    return refusal
        return self.get_response(request)

    def _check(self, request, scope, rate, as_json):
        address = client_address(request.META, self.trusted_proxies)
        if address is not None and any(address in network for network in self.exempt):
            return None
        limiter = SlidingWindowLimiter(store(), scope, rate)
        client = client_key(address)
        try:
            wait = limiter.hit(client)
        except DatabaseError:
            # The counts table is in a database that is down: the request goes on
            # to the database fault middleware, which answers 503 and logs the
            # outage once, rather than a traceback here for every request.
            return None
        except Exception:
            # A cache outage must not take search down with it: let the request through.
            logger.exception("rate limit check failed; allowing the request")
            return None
        if wait is None:
            return None
        logger.info("rate limit: %s refused on %s for %s s", client, scope, wait)
        return too_many_requests(request, wait, rate, as_json)
