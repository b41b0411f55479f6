"""Where a fetch may connect and for how long, enforced at the socket, below httpx.

httpx's timeouts bound each read, not the fetch: a server that sends a byte within every read timeout
keeps a fetch alive for ever. And httpx connects wherever a name resolves: a feed item linking to
http://127.0.0.1:5432, or a redirect into the intranet, would be fetched and stored. So the fetcher's
connection pool runs on `GuardedBackend`, an httpcore network backend that

- resolves the host itself, refuses loopback, private, link-local, multicast, reserved and unspecified
  addresses (unless allowed), and connects to the very address it checked, so a second DNS answer
  (rebinding) cannot slip past; every redirect hop is a new request and is checked again;
- clamps every connect / read / write timeout to the time left before the current fetch's deadline.

The deadline and the per-request allowance live in a context variable set by the fetcher around one
attempt (`limits`), because a pooled connection outlives the request that opened it.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import urlsplit

import httpcore
import httpx

_KEEPALIVE = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class BlockedDestination(Exception):
    """A request to a scheme or an address that fetching is not allowed to reach."""


def parse_host_entry(entry: str) -> tuple[str, int | None]:
    """'host' or 'host:port' (an IPv6 address in brackets) -> (normalised host, port or None)."""
    parts = urlsplit("//" + entry.strip())
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"{entry!r}: bad port") from exc
    if not parts.hostname or parts.path or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValueError(f"{entry!r} is not a host or host:port")
    try:
        host = str(ipaddress.ip_address(parts.hostname))
    except ValueError:
        host = parts.hostname.rstrip(".")
        if not all(label and len(label) < 64 and label.replace("-", "").isalnum() for label in host.split(".")):
            raise ValueError(f"{entry!r}: {host!r} is not a host name or an IP address") from None
    return host, port


def format_host_entry(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return shown if port is None else f"{shown}:{port}"


class Allowance:
    """Hosts (any port) and host:port pairs that may be reached even on a non-public address.

    An entry matches the URL's host name or the address it resolved to."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self.entries = frozenset(parse_host_entry(e) for e in entries)

    def __or__(self, other: "Allowance") -> "Allowance":
        joined = Allowance()
        joined.entries = self.entries | other.entries
        return joined

    def permits(self, host: str, port: int, address: str) -> bool:
        names = {host.lower().rstrip("."), address}
        return any(h in names and p in (None, port) for h, p in self.entries)


def address_problem(address: str) -> str | None:
    """Why fetching must not connect to this IP address, or None for a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if ip.version == 6:  # IPv6 forms that carry an IPv4 address are judged by that address
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            problem = address_problem(str(embedded))
            return problem and f"{problem} (inside {ip})"
    for kind in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"{kind.replace('_', '-')} address {ip}"
    if not ip.is_global:  # e.g. 100.64.0.0/10, shared address space of carrier-grade NAT
        return f"non-public address {ip}"
    return None


@dataclass(frozen=True)
class Limits:
    ends_at: float  # time.monotonic() at which the attempt must be over
    what: str  # names the limit in errors, e.g. "the 60.0 s deadline of a fetch attempt"
    allow: Allowance

    def timeout(self, requested: float | None, expired: type[Exception]) -> tuple[float, bool]:
        """The timeout to use for one socket operation, and whether the deadline (not the request) set it."""
        left = self.ends_at - time.monotonic()
        if left <= 0:
            raise expired(self.message)
        if left < (float("inf") if requested is None else requested):
            return left, True
        return requested, False

    @property
    def message(self) -> str:
        return f"{self.what} passed (connecting, response headers and body all count)"


_NO_LIMITS = Limits(ends_at=float("inf"), what="", allow=Allowance())
_current: ContextVar[Limits] = ContextVar("marsad_fetch_limits", default=_NO_LIMITS)


@contextmanager
def limits(seconds: float, what: str, allow: Allowance) -> Iterator[None]:
    token = _current.set(Limits(time.monotonic() + seconds, what, allow))
    try:
        yield
    finally:
        _current.reset(token)


def _clamped(call, requested: float | None, expired: type[Exception]):
    """Run call(timeout) with the timeout clamped to the deadline; a timeout due to it says so."""
    current = _current.get()
    timeout, by_deadline = current.timeout(requested, expired)
    try:
        return call(timeout)
    except expired as exc:
        if by_deadline:
            raise expired(current.message) from exc
        raise


class GuardedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, backend: "GuardedBackend", host: str, port: int,
                 address: str, problem: str | None) -> None:
        self.inner, self.backend = inner, backend
        self.host, self.port, self.address, self.problem = host, port, address, problem

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return _clamped(lambda t: self.inner.read(max_bytes, t), timeout, httpcore.ReadTimeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # a pooled connection to an allowed private address may only serve requests that allow it too
        if self.problem:
            self.backend.check(self.host, self.port, self.address, self.problem)
        _clamped(lambda t: self.inner.write(buffer, t), timeout, httpcore.WriteTimeout)

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        inner = _clamped(lambda t: self.inner.start_tls(ssl_context, server_hostname, t), timeout,
                         httpcore.ConnectTimeout)
        return GuardedStream(inner, self.backend, self.host, self.port, self.address, self.problem)

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    def __init__(self, allow: Allowance) -> None:
        self.allow = allow  # the fetcher's own allowance, joined to each request's
        self.plain = httpcore.SyncBackend()

    def check(self, host: str, port: int, address: str, problem: str) -> None:
        if not (self.allow | _current.get().allow).permits(host, port, address):
            raise BlockedDestination(
                f"refused to connect to {format_host_entry(host, port)}: {problem} "
                "(a registry entry's allow_private_hosts can allow it)")

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        problems = {a: address_problem(a) for a in addresses}
        for address, problem in problems.items():  # one bad address refuses the name: no picking around it
            if problem:
                self.check(host, port, address, problem)
        error: Exception | None = None
        for address in addresses:  # connect to what was checked, never to the name again
            try:
                inner = _clamped(lambda t: self.plain.connect_tcp(address, port, t, local_address, socket_options),
                                 timeout, httpcore.ConnectTimeout)
                return GuardedStream(inner, self, host, port, address, problems[address])
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise BlockedDestination("fetching does not use Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's HTTP transport over a connection pool whose sockets go through `GuardedBackend`.

    httpx 0.28's HTTPTransport cannot be given a network backend, so the pool is built here (TLS
    verification as httpx's default). No proxy: the destination check must see the address it connects to.
    """

    def __init__(self, allow: Allowance) -> None:
        # not super().__init__(): it would build a pool of its own, unused
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=GuardedBackend(allow),
            max_connections=_KEEPALIVE.max_connections, keepalive_expiry=_KEEPALIVE.keepalive_expiry,
            max_keepalive_connections=_KEEPALIVE.max_keepalive_connections)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme not in ("http", "https"):
            raise BlockedDestination(f"{request.url}: only http and https URLs are fetched")
        try:
            return super().handle_request(request)
        except BlockedDestination as exc:  # name the hop: it may be a redirect the caller never saw
            raise BlockedDestination(f"{request.url}: {exc}") from None
