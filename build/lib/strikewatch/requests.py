"""
What the site-wide middleware reads from a request: which view it will reach
(``view_name``) and which client sent it (``client_address``, ``client_key``).
Rate limits, the page cache and the sign-in throttle pick requests and count
clients the same way through these.
"""

import ipaddress

from django.core.exceptions import ImproperlyConfigured
from django.urls import Resolver404, resolve


def view_name(request):
    """The URL name of the view a request will reach, or None (resolved once per request)."""
    if not hasattr(request, "_strikewatch_view_name"):
        try:
            request._strikewatch_view_name = resolve(request.path_info).view_name
        except Resolver404:
            request._strikewatch_view_name = None
    return request._strikewatch_view_name


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
