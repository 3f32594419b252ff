"""
Getting one web resource, carefully.

``Fetcher(policy).fetch(url)`` takes an http(s) URL and gives a
``FetchedResource``: every request/response exchange on the way (redirect
hops first, the answer last), with the bytes exactly as the server sent them
and the body decoded, or raises ``FetchError`` / ``FetchRefused`` with a
message for the editor who asked. On each hop, in this order:

1. the URL's scheme must be http or https;
2. robots.txt of the hop's origin must allow the User-Agent (read once per
   origin and fetcher, itself fetched by these rules);
3. the connection goes to an address of the host checked after resolution
   (``addresses.checked_addresses``), and only there: the transport resolves
   and connects itself (``GuardedBackend``), so nothing re-resolves the name;
4. requests to one host are spaced by the policy's delay (or robots.txt's
   Crawl-delay, when longer);
5. the body may not exceed the size cap (the declared length is checked
   first; the stream is cut as soon as it passes the cap), nor the whole
   exchange the time limit;
6. redirects are followed by hand, at most ``max_redirects``; the last
   answer must be 200 (or 304 to a conditional request) with one of the
   accepted content types.
"""

import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .addresses import AllowedHosts, checked_addresses
from .errors import FetchError, FetchRefused
from .robots import RobotsRules

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+xml",
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: crawlers must read at least 500 KiB
MAX_CRAWL_DELAY = 30.0  # seconds: a robots.txt asking for more is not waited on longer


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str
    robots_token: str  # the product token robots.txt groups are matched against
    timeout: float = 20.0  # seconds for a whole exchange (connect, headers, body)
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    host_delay: float = 0.0  # seconds between two requests to one host
    allowed: AllowedHosts = AllowedHosts()


@dataclass
class Exchange:
    """One request and its response, as they went over the wire (headers in order)."""

    url: str
    request_headers: list  # [(name, value)] as sent
    status: int
    reason: str
    http_version: str
    response_headers: list  # [(name, value)] as received
    body: bytes  # as received (still compressed if the server compressed it)
    started_at: datetime
    address: str = ""  # the server address the connection went to

    def header(self, name):
        name = name.lower()
        for key, value in self.response_headers:
            if key.lower() == name:
                return value
        return None


@dataclass
class FetchedResource:
    """What ``Fetcher.fetch`` gives: the exchanges, then the final answer decoded."""

    url: str  # as asked for
    exchanges: list = field(default_factory=list)
    content: bytes = b""  # the final body, content-encoding undone
    content_type: str = ""
    charset: str = ""

    @property
    def final(self):
        return self.exchanges[-1]

    @property
    def final_url(self):
        return self.final.url

    @property
    def fetched_at(self):
        return self.final.started_at

    @property
    def not_modified(self):
        return self.final.status == 304


class GuardedBackend(httpcore.SyncBackend):
    """
    Opens connections only to checked addresses: resolves the host itself,
    refuses it if any address is off limits, then connects to those very
    addresses (never handing the name to the operating system again).
    """

    def __init__(self, allowed):
        self.allowed = allowed

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        if isinstance(host, bytes):
            host = host.decode("ascii")
        last_error = None
        for address in checked_addresses(host, port, self.allowed):
            try:
                # An address literal: the operating system resolves nothing.
                return super().connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as error:
                last_error = error
        raise last_error


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, its connection pool opening connections through ``GuardedBackend``."""

    def __init__(self, allowed):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=GuardedBackend(allowed),
            max_connections=10,
            keepalive_expiry=5.0,
        )


class Fetcher:
    """Fetches with one policy; keeps robots.txt rules and per-host timing while it lives."""

    def __init__(self, policy, *, clock=time.monotonic, sleep=time.sleep):
        self.policy = policy
        self._clock, self._sleep = clock, sleep
        self._robots = {}  # origin -> RobotsRules
        self._crawl_delays = {}  # host -> seconds robots.txt asks for between requests
        self._last_request = {}  # host -> clock time of the last request
        self._client = httpx.Client(
            transport=GuardedTransport(policy.allowed),
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(policy.timeout),
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        self._client.close()

    def fetch(self, url, *, accept=HTML_TYPES, etag="", last_modified=""):
        """
        ``url``, following redirects, as an accepted content type. With
        ``etag`` or ``last_modified`` the first request is conditional, and a
        304 answer comes back as it is (``FetchedResource.not_modified``).
        """
        resource = FetchedResource(url=url)
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current = url
        while True:
            origin = _checked_origin(current)
            if not self._robots_rules(origin).allows(current):
                raise FetchRefused(f"robots.txt of {origin} does not allow fetching {current}")
            exchange = self._exchange(current, headers={"Accept": _accept(accept), **conditional})
            resource.exchanges.append(exchange)
            location = exchange.header("location")
            if exchange.status not in REDIRECT_STATUSES or not location:
                break
            if len(resource.exchanges) > self.policy.max_redirects:
                raise FetchError(
                    f"{url} redirects more than {self.policy.max_redirects} times; not followed"
                )
            current = urljoin(current, location.strip())
        final = resource.final
        if final.status == 304 and conditional:
            return resource
        if final.status != 200:
            raise FetchError(f"{final.url} answered {final.status} {final.reason}".rstrip())
        content_type, charset = _content_type(final.header("content-type"))
        if content_type not in accept:
            shown = content_type or "no content type"
            raise FetchRefused(f"{final.url} is {shown}, not {_kind(accept)}")
        resource.content = _decoded(final, self.policy.max_bytes)
        resource.content_type, resource.charset = content_type, charset
        return resource

    # Robots.txt --------------------------------------------------------------------

    def _robots_rules(self, origin):
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._read_robots(origin)
            if rules.crawl_delay:
                host = urlsplit(origin).hostname
                self._crawl_delays[host] = min(rules.crawl_delay, MAX_CRAWL_DELAY)
        return rules

    def _read_robots(self, origin):
        """RFC 9309: 4xx means no rules; 5xx or no answer means fetch nothing from there now."""
        url = f"{origin}/robots.txt"
        try:
            for _hop in range(self.policy.max_redirects + 1):
                _checked_origin(url)
                exchange = self._exchange(
                    url, headers={"Accept": "text/plain"}, cap=ROBOTS_MAX_BYTES, truncate=True
                )
                location = exchange.header("location")
                if exchange.status in REDIRECT_STATUSES and location:
                    url = urljoin(url, location.strip())
                    continue
                break
        except FetchRefused:
            raise
        except FetchError as error:
            raise FetchError(
                f"robots.txt of {origin} could not be read ({error}); try later"
            ) from None
        if 400 <= exchange.status < 500 or exchange.status in REDIRECT_STATUSES:
            return RobotsRules.allow_all(self.policy.robots_token)
        if exchange.status != 200:
            raise FetchError(
                f"robots.txt of {origin} answered {exchange.status}: not fetching from there now"
            )
        text = _decoded(exchange, ROBOTS_MAX_BYTES, truncate=True).decode("utf-8", "replace")
        return RobotsRules.parse(text, self.policy.robots_token)

    # One exchange --------------------------------------------------------------------

    def _pace(self, host):
        delay = max(self.policy.host_delay, self._crawl_delays.get(host, 0.0))
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _exchange(self, url, *, headers, cap=None, truncate=False):
        """
        One GET of ``url``, not following redirects; the body read up to the
        size cap (a longer one refused, or with ``truncate`` cut at the cap).
        """
        cap = cap or self.policy.max_bytes
        self._pace(urlsplit(url).hostname)
        deadline = self._clock() + self.policy.timeout
        started_at = datetime.now(UTC)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                address = _server_address(response)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap and not truncate:
                    raise FetchRefused(_too_large(url, int(declared), cap))
                body = bytearray()
                for chunk in response.iter_raw():
                    body += chunk
                    if len(body) > cap:
                        if truncate:
                            break
                        raise FetchRefused(_too_large(url, None, cap))
                    if self._clock() > deadline:
                        raise FetchError(
                            f"{url} took longer than {self.policy.timeout:g} s to arrive; gave up"
                        )
                return Exchange(
                    url=str(response.request.url),
                    request_headers=_text_pairs(response.request.headers.raw),
                    status=response.status_code,
                    reason=response.reason_phrase,
                    http_version=response.http_version,
                    response_headers=_text_pairs(response.headers.raw),
                    body=bytes(body),
                    started_at=started_at,
                    address=address,
                )
        except httpx.TimeoutException:
            raise FetchError(
                f"{url} did not answer within {self.policy.timeout:g} s; gave up"
            ) from None
        except httpx.HTTPError as error:
            raise FetchError(
                f"{url} could not be fetched ({error or type(error).__name__})"
            ) from None


def _server_address(response):
    """The address the connection went to (for the WARC record's WARC-IP-Address)."""
    stream = response.extensions.get("network_stream")
    try:
        peer = stream.get_extra_info("server_addr") if stream else None
    except OSError:
        return ""
    return peer[0] if peer else ""


def _checked_origin(url):
    """The URL's origin ("https://host:port"), or FetchRefused for what the archive never fetches."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchRefused(f"{url} is not a valid address ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}: addresses" if scheme else "addresses without http:// or https://"
        raise FetchRefused(f"{url}: {shown} are not fetched; only http and https")
    if not parts.hostname:
        raise FetchRefused(f"{url} names no host")
    if parts.username or parts.password:
        raise FetchRefused(f"{url} carries a user name or password; not fetched")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{scheme}://{host}" + (f":{port}" if port else "")


def _accept(types):
    return ", ".join(types) + ";q=1.0, */*;q=0.1"


def _kind(types):
    return (
        "an HTML page"
        if types == HTML_TYPES
        else "a feed"
        if types == FEED_TYPES
        else "what was asked for"
    )


def _content_type(header):
    if not header:
        return "", ""
    message = Message()
    message["content-type"] = header
    return message.get_content_type(), message.get_param("charset") or ""


def _too_large(url, declared, cap):
    limit = f"the limit is {cap / 1024 / 1024:g} MB"
    if declared is None:
        return f"{url} is larger than {cap / 1024 / 1024:g} MB ({limit}); not fetched"
    return f"{url} is too large ({declared / 1024 / 1024:.1f} MB; {limit}); not fetched"


def _decoded(exchange, cap, *, truncate=False):
    """The body with its content-encoding undone, no longer than ``cap`` once decoded."""
    encoding = (exchange.header("content-encoding") or "identity").strip().lower()
    if encoding in ("identity", ""):
        return exchange.body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(
            f"{exchange.url} is compressed as {encoding}, which the archive cannot read"
        )
    # wbits 47: gzip or zlib header, detected; deflate without a header is tried after.
    for wbits in (47, -15):
        decompressor = zlib.decompressobj(wbits)
        try:
            content = decompressor.decompress(exchange.body, cap + 1)
        except zlib.error:
            continue
        if len(content) > cap and not truncate:
            raise FetchRefused(_too_large(exchange.url, None, cap))
        return content[:cap]
    raise FetchError(f"{exchange.url} sent a body that does not decompress as {encoding}")


def _text_pairs(raw):
    return [(name.decode("latin-1"), value.decode("latin-1")) for name, value in raw]
