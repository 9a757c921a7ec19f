"""Fetch a forwarded article link without letting it reach our own network (SSRF-safe).

Every hop (the link and each redirect, followed by hand) must be http(s) on a host whose
addresses are all public. The default transport re-resolves and re-checks the host when it
opens a connection and connects to exactly the address it checked, so a DNS answer that changes
between the check and the connection (rebinding) cannot steer it inward; TLS SNI, certificate
checks and the Host header still use the hostname. Hosts in `allow_hosts` skip the address
checks (tests, a local news mirror). Bodies are streamed and capped at `max_bytes`; a fetch
fails after `timeout` (connect, read) without an answer, or after connect + 3 x read seconds in all.

Errors: RefusedURL (scheme, credentials, address), FetchFailed (DNS, network, timeout, HTTP status,
redirect loop), TooLarge and UnsupportedType (size, media type) and, from `fetch_article`, the
other ReadErrors of `reader.read_bytes`. A `transport` passed in (tests: httpx.MockTransport) is
closed after the fetch and does not pin: only the check before each hop protects it.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

import httpcore
import httpx

from facts.shapes import ArticleText
from ingest import reader
from ingest.errors import FetchFailed, RefusedURL, TooLarge, UnsupportedType

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

DEFAULT_TIMEOUT = (5.0, 10.0)  # connect, read (seconds)
MAX_REDIRECTS = 5
SCHEMES = {"http", "https"}
REDIRECT_CODES = {301, 302, 303, 307, 308}
HEADERS = {
    "User-Agent": "CityLink/0.1 (article fetcher of the CityLink Slack bot)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate",  # zlib only: bounded expansion per chunk
}
# Sent to reader.read_bytes; an empty or octet-stream type lets the reader sniff the bytes.
READABLE_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf"
}  # fmt: skip
SNIFFED_TYPES = {"", "application/octet-stream", "binary/octet-stream"}
MEDIA_NOUNS = {"image": "an image", "video": "a video", "audio": "an audio file", "font": "a font"}
PUBLIC_ONLY = "CityLink only fetches pages on the public internet"
METADATA_HOSTS = frozenset(
    {"metadata", "metadata.google.internal", "metadata.goog", "instance-data",
     "instance-data.ec2.internal", "metadata.azure.internal"}
)  # fmt: skip
METADATA_ADDRESSES = frozenset(
    map(ipaddress.ip_address, ["169.254.169.254", "169.254.170.2", "fd00:ec2::254",
                               "100.100.100.200", "192.0.0.192"])
)  # fmt: skip
NAT64 = ipaddress.ip_network("64:ff9b::/96")


FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "text/html",
})  # fmt: skip


@dataclass(frozen=True)
class FetchedPage:
    """The body of a fetched link, with the link as forwarded and where it ended up; a
    conditional request answered 304 has no body and `not_modified`."""

    url: str
    final_url: str
    content_type: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def fetch_article(
    url: str,
    *,
    allow_hosts: Collection[str] = (),
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int = reader.MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
) -> ArticleText:
    """Fetch a link and read it as an article; its `url` is the final URL after redirects."""
    page = fetch_page(
        url,
        allow_hosts=allow_hosts,
        timeout=timeout,
        max_bytes=max_bytes,
        max_redirects=max_redirects,
        transport=transport,
        resolver=resolver,
    )
    name = PurePosixPath(httpx.URL(page.final_url).path).name or "page"
    article = reader.read_bytes(page.body, name=name, content_type=page.content_type)
    return replace(article, url=page.final_url)


def fetch_page(
    url: str,
    *,
    allow_hosts: Collection[str] = (),
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int = reader.MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
    types: frozenset[str] | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchedPage:
    """Fetch the body of a readable page, checking the scheme and address of every hop.

    `types`: the content types taken (articles' by default); `etag` and `last_modified` make
    the request conditional, and a 304 comes back as `not_modified`.
    """
    allowed = allowed_hosts(allow_hosts)
    resolver = resolver or resolve_host
    transport = transport or PinnedTransport(allowed, resolver=resolver)
    deadline = time.monotonic() + timeout[0] + 3 * timeout[1]
    conditions = {"If-None-Match": etag, "If-Modified-Since": last_modified}
    headers = {name: value for name, value in conditions.items() if value}
    with _client(transport, timeout) as client:
        current = _parse(url)
        for _ in range(max_redirects + 1):
            check_url(current, allowed, resolver)
            with (
                _network_errors(current.host, timeout),
                client.stream("GET", current, headers=headers) as response,
            ):
                target = _redirect_target(response)
                if target is None:
                    return _page(url, str(current), response, max_bytes, deadline, types)
            current = target
    raise FetchFailed(f"the link redirects too many times (more than {max_redirects})")


def _page(url, final, response: httpx.Response, max_bytes: int, deadline: float, types):
    """The answer to the last hop: a 304, or a readable body of one of `types`."""
    validators = {"etag": response.headers.get("etag"),
                  "last_modified": response.headers.get("last-modified")}  # fmt: skip
    if response.status_code == 304:
        return FetchedPage(url, final, None, b"", not_modified=True, **validators)
    _check_status(response)
    body = _read_body(response, max_bytes, deadline, types)
    return FetchedPage(url, final, response.headers.get("content-type"), body, **validators)


def _client(transport: httpx.BaseTransport, timeout: tuple[float, float]) -> httpx.Client:
    """A client that follows nothing by itself and ignores proxy settings of the environment."""
    connect, read = timeout
    return httpx.Client(
        transport=transport,
        headers=HEADERS,
        timeout=httpx.Timeout(connect=connect, read=read, write=read, pool=connect),
        follow_redirects=False,
        trust_env=False,
    )


def _parse(url: str) -> httpx.URL:
    """The forwarded text as a URL, refused when it is not one."""
    try:
        return httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        raise RefusedURL(f"that is not a valid link: {url[:80]}") from None


def check_url(url: httpx.URL, allowed: frozenset[str], resolver: Resolver) -> None:
    """Refuse a URL that is not http(s) on a public host (or an allowed one)."""
    if not url.scheme:
        raise RefusedURL("that is not a web link; it should start with http:// or https://")
    if url.scheme not in SCHEMES:
        raise RefusedURL(f"CityLink only fetches http and https links, not {url.scheme}:")
    if not url.host:
        raise RefusedURL("that link has no host name")
    if url.userinfo:
        raise RefusedURL("links with a user name or password in them are not fetched")
    if host_key(url.host) in allowed:
        return  # no lookup: a transport that connects by itself resolves allowed hosts
    vetted_addresses(
        url.host, url.port or (443 if url.scheme == "https" else 80), allowed, resolver
    )


def allowed_hosts(hosts: Collection[str]) -> frozenset[str]:
    """Host names and literal IPs that may be private, in the form `host_key` gives."""
    return frozenset(host_key(host) for host in hosts if host.strip())


def host_key(host: str) -> str:
    """A host compared case-insensitively, without brackets or a final dot; IPs canonical."""
    host = host.strip().lower().strip("[]").rstrip(".")
    address = _literal_ip(host)
    return str(address) if address else host


def _literal_ip(host: str) -> Address | None:
    """The IP address a host is written as, if it is one."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def vetted_addresses(
    host: str, port: int, allowed: frozenset[str], resolver: Resolver
) -> list[str]:
    """The addresses of a host, all checked public unless the host is allowed."""
    key = host_key(host)
    if key in allowed:
        return _resolve(host, port, resolver)
    if key == "localhost" or key.endswith(".localhost"):
        raise RefusedURL(f"{host} is this machine itself (loopback); {PUBLIC_ONLY}")
    if key in METADATA_HOSTS:
        raise RefusedURL(f"{host} is a cloud metadata service; {PUBLIC_ONLY}")
    addresses = _resolve(host, port, resolver)
    for address in addresses:  # every one: the connection may use any of them
        if problem := address_problem(ipaddress.ip_address(address)):
            where = f"{host} is" if _literal_ip(host) else f"{host} points to {address},"
            raise RefusedURL(f"{where} {problem}; {PUBLIC_ONLY}")
    return addresses


def _resolve(host: str, port: int, resolver: Resolver) -> list[str]:
    """The addresses of a host: a literal IP as is, a name through the resolver."""
    if literal := _literal_ip(host):
        return [str(literal)]
    try:
        addresses = list(dict.fromkeys(resolver(host, port)))
    except (OSError, UnicodeError):
        raise FetchFailed(f"could not find the site {host}") from None
    if not addresses:
        raise FetchFailed(f"could not find the site {host}")
    return addresses


def resolve_host(host: str, port: int) -> list[str]:
    """The IP addresses the system resolver gives for a host name."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def address_problem(address: Address) -> str | None:
    """Why an address is not on the public internet ("a loopback address"), or None."""
    if isinstance(address, ipaddress.IPv6Address) and (embedded := _embedded_ipv4(address)):
        return address_problem(embedded)
    checks = [
        (address in METADATA_ADDRESSES, "a cloud metadata address"),
        (address.is_loopback, "a loopback address"),
        (address.is_unspecified, "an unspecified address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_private, "a private network address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    ]
    return next((problem for failed, problem in checks if failed), None)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, 6to4 or NAT64 IPv6 address."""
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


class PinnedBackend(httpcore.SyncBackend):
    """Connects to a host only at the addresses it has just resolved and checked."""

    def __init__(self, allowed: frozenset[str], resolver: Resolver) -> None:
        self.allowed = allowed
        self.resolver = resolver

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        """Resolve and check `host`, then connect to the first checked address that answers."""
        error: Exception | None = None
        for address in vetted_addresses(host, port, self.allowed, self.resolver):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


class PinnedTransport(httpx.HTTPTransport):
    """An httpx transport whose connections go through `PinnedBackend` (and never a proxy)."""

    def __init__(
        self,
        allow_hosts: Collection[str] = (),
        *,
        resolver: Resolver = resolve_host,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        super().__init__(verify=verify, trust_env=False)
        # httpx has no resolver hook; its pool is httpcore's, which takes a network backend.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            network_backend=PinnedBackend(allowed_hosts(allow_hosts), resolver),
        )


def _redirect_target(response: httpx.Response) -> httpx.URL | None:
    """Where a redirect points (relative to the request), or None for a final answer."""
    if response.status_code not in REDIRECT_CODES:
        return None
    location = response.headers.get("location", "").strip()
    if not location:
        raise FetchFailed(f"{response.url.host} redirected without saying where to")
    try:
        return response.url.join(location)
    except httpx.InvalidURL:
        raise RefusedURL(f"{response.url.host} redirected to an invalid link") from None


def _check_status(response: httpx.Response) -> None:
    """Fail with a readable reason unless the response is a 2xx page."""
    code = response.status_code
    if 200 <= code < 300:
        return
    what = {
        401: "asks for a login",
        403: "refused access",
        404: "has no such page",
        410: "has removed the page",
        429: "is limiting requests; try again later",
    }.get(code) or ("had a server error" if code >= 500 else "did not send the page")
    raise FetchFailed(f"{response.url.host} {what} (HTTP {code})")


def _read_body(response: httpx.Response, max_bytes: int, deadline: float, types=None) -> bytes:
    """The body of a readable page, at most `max_bytes` and within the overall deadline."""
    _check_type(response.headers.get("content-type", ""), types)
    too_large = TooLarge(f"the page is over {_size(max_bytes)}")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes and "content-encoding" not in response.headers:
        raise too_large
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        if time.monotonic() > deadline:
            raise FetchFailed(f"{response.url.host} is sending the page too slowly")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_type(content_type: str, types: frozenset[str] | None = None) -> None:
    """Refuse content types that are not articles (or not `types`): images, video..."""
    mime = content_type.split(";")[0].strip().lower()
    if mime in (READABLE_TYPES if types is None else types) or mime in SNIFFED_TYPES:
        return
    noun = MEDIA_NOUNS.get(mime.split("/")[0], f"a file of type {mime}")
    raise UnsupportedType(f"that link is {noun}, not an article")


def _size(limit: int) -> str:
    """A byte count for people: "5 MB", "64 KB", "100 bytes"."""
    if limit >= 2**20:
        return f"{limit / 2**20:g} MB"
    return f"{limit / 2**10:g} KB" if limit >= 2**10 else f"{limit} bytes"


@contextmanager
def _network_errors(host: str, timeout: tuple[float, float]) -> Iterator[None]:
    """Turn httpx's network errors into FetchFailed with a reason users can read."""
    try:
        yield
    except httpx.ConnectTimeout:
        raise FetchFailed(f"{host} did not accept a connection within {timeout[0]:g} s") from None
    except httpx.TimeoutException:
        raise FetchFailed(f"{host} did not answer within {timeout[1]:g} s") from None
    except httpx.ConnectError as exc:
        secure = "SSL" in str(exc) or "certificate" in str(exc)
        what = "a secure connection" if secure else "a connection"
        raise FetchFailed(f"could not open {what} to {host}") from None
    except httpx.HTTPError:
        raise FetchFailed(f"{host} sent a broken response") from None
