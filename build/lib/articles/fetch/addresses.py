"""
Which network addresses the archive may connect to.

Takes a host name (or address literal) and port; gives the addresses it
resolves to, each checked, or raises ``FetchRefused`` naming the kind of
address that is off limits: loopback, private, link-local, cloud metadata,
multicast, reserved or otherwise not on the public internet. The check is
made on every address the name resolves to, after resolution, so a name that
points inward is refused however it is spelt; the caller then connects to an
address from this list (``client.GuardedBackend``), never resolving the name
again, so a DNS answer that changes between check and connection (DNS
rebinding) cannot slip through.

``AllowedHosts`` lists what development and tests may reach anyway (the
``FETCH_ALLOWED_HOSTS`` setting): host names, or addresses.
"""

import ipaddress
import socket
from dataclasses import dataclass

from .errors import FetchRefused

# Addresses cloud providers answer instance metadata (and credentials) on. Most are
# link-local or private anyway; Azure's wire server is a public address.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, Oracle, DigitalOcean
        "169.254.170.2",  # AWS ECS task metadata
        "168.63.129.16",  # Azure wire server
        "100.100.100.200",  # Alibaba Cloud
        "fd00:ec2::254",  # AWS over IPv6
    )
)


def refusal_reason(address):
    """Why ``address`` (an ``ipaddress`` address) must not be fetched from, or None."""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return "a private address"
    if address.is_reserved or not address.is_global:
        return "an address not on the public internet"
    return None


@dataclass(frozen=True)
class AllowedHosts:
    """
    Hosts fetched from whatever they resolve to (development, tests): a URL
    whose host is one of these names, or one of these addresses written as
    the host. Another name that resolves to a listed address is still refused.
    """

    names: frozenset = frozenset()
    addresses: frozenset = frozenset()

    @classmethod
    def parse(cls, entries):
        names, addresses = set(), set()
        for entry in entries:
            entry = entry.strip().strip("[]").lower()
            if not entry:
                continue
            try:
                addresses.add(ipaddress.ip_address(entry))
            except ValueError:
                names.add(entry.rstrip("."))
        return cls(frozenset(names), frozenset(addresses))

    def allows(self, host):
        host = host.strip("[]").lower().rstrip(".")
        try:
            return ipaddress.ip_address(host) in self.addresses
        except ValueError:
            return host in self.names


def resolve(host, port):
    """Every address ``host`` resolves to (a literal address resolves to itself)."""
    host = host.strip("[]")
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchRefused(f"the host {host} could not be found ({error})") from None
    seen = {}
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        seen.setdefault(address, None)
    return list(seen)


def checked_addresses(host, port, allowed=AllowedHosts()):
    """
    The addresses of ``host`` the archive may connect to: all of them, or
    FetchRefused if any one is off limits (a name with one inward address is
    refused whole: which address a connection gets is not the caller's choice).
    """
    addresses = resolve(host, port)
    if allowed.allows(host):
        return addresses
    for address in addresses:
        reason = refusal_reason(address)
        if reason:
            shown = host if host.strip("[]") == str(address) else f"{host} ({address})"
            raise FetchRefused(f"{shown} is {reason}; the archive fetches only public web pages")
    return addresses
