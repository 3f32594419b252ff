"""
Per-client request limits kept in Django's cache (plain logic; the middleware
in ``strikewatch.middleware`` applies it to requests).

The window slides: a client's count is this window's requests plus the
previous window's, weighted by how much of it still lies within one period of
now. That avoids the double burst a fixed window allows at its edges, for two
small counters per client.

Counters live in the cache. With Redis or Memcached (``CACHE_URL``) every
gunicorn worker and every web host shares them; the default local-memory
cache is private to each process, so there each worker counts on its own and a
client may make up to (workers x limit) requests.
"""

import ipaddress
import math
import re
import time
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

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
        counts = self.cache.get_many([previous_key, current_key])
        previous, current = counts.get(previous_key, 0), counts.get(current_key, 0)
        if previous * (1 - elapsed / period) + current + 1 > self.rate.limit + _EPSILON:
            # Refused requests are not counted: Retry-After stays true for a client that obeys it.
            return retry_after(previous, current, elapsed, self.rate)
        # Kept for two periods: the next window reads this one as its previous.
        if not self.cache.add(current_key, 1, timeout=2 * period):
            try:
                self.cache.incr(current_key)
            except ValueError:  # expired between add() and incr()
                self.cache.set(current_key, 1, timeout=2 * period)
        return None


def parse_networks(values):
    """IP addresses or networks ("127.0.0.1", "10.0.0.0/8") -> ip_network objects."""
    networks = []
    for value in filter(None, (value.strip() for value in values)):
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ImproperlyConfigured(f"{value!r} is not an IP address or network") from None
    return networks


def client_address(meta, trusted_proxies=0):
    """
    The client's address as our own proxies saw it. With ``trusted_proxies``
    reverse proxies in front (each appending its peer to X-Forwarded-For), the
    entry that many places from the right is the client: entries further left
    are whatever the client sent and cannot be trusted. Without proxies,
    REMOTE_ADDR. Returns an ip_address, or None when there is none.
    """
    candidates = []
    if trusted_proxies > 0:
        forwarded = [
            part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
        ]
        if len(forwarded) >= trusted_proxies:
            candidates.append(forwarded[-trusted_proxies])
    candidates.append(meta.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return ipaddress.ip_address(candidate.strip("[]"))
        except ValueError:
            continue
    return None


def client_key(address):
    """
    What a limit counts by: the address, or for IPv6 its /64 network (one
    subscriber usually holds a whole /64 and could otherwise rotate addresses).
    """
    if address is None:
        return "unknown"
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return f"{ipaddress.ip_network(f'{address}/64', strict=False).network_address}/64"
    return str(address)
