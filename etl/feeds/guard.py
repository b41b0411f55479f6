"""How long a fetch may take, enforced at the socket, below httpx.

httpx's timeouts bound each read, not the fetch: a server that sends a byte within every read timeout
keeps a fetch alive for ever. So the fetcher's connection pool runs on `GuardedBackend`, an httpcore
network backend that clamps every connect / read / write timeout to the time left before the current
fetch's deadline, and fails the operation once none is left.

The deadline lives in a context variable set by the fetcher around one attempt (`limits`), because a
pooled connection outlives the request that opened it.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator

import httpcore
import httpx

_KEEPALIVE = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults


@dataclass(frozen=True)
class Limits:
    ends_at: float  # time.monotonic() at which the attempt must be over
    what: str  # names the limit in errors, e.g. "the 60.0 s deadline of a fetch attempt"

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


_NO_LIMITS = Limits(ends_at=float("inf"), what="")
_current: ContextVar[Limits] = ContextVar("marsad_fetch_limits", default=_NO_LIMITS)


@contextmanager
def limits(seconds: float, what: str) -> Iterator[None]:
    token = _current.set(Limits(time.monotonic() + seconds, what))
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
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return _clamped(lambda t: self.inner.read(max_bytes, t), timeout, httpcore.ReadTimeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        _clamped(lambda t: self.inner.write(buffer, t), timeout, httpcore.WriteTimeout)

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        return GuardedStream(_clamped(lambda t: self.inner.start_tls(ssl_context, server_hostname, t), timeout,
                                      httpcore.ConnectTimeout))

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self.plain = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        return GuardedStream(_clamped(lambda t: self.plain.connect_tcp(host, port, t, local_address, socket_options),
                                      timeout, httpcore.ConnectTimeout))

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise httpcore.ConnectError("fetching does not use Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's HTTP transport over a connection pool whose sockets go through `GuardedBackend`.

    httpx 0.28's HTTPTransport cannot be given a network backend, so the pool is built here (TLS
    verification as httpx's default).
    """

    def __init__(self) -> None:
        # not super().__init__(): it would build a pool of its own, unused
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=GuardedBackend(),
            max_connections=_KEEPALIVE.max_connections, keepalive_expiry=_KEEPALIVE.keepalive_expiry,
            max_keepalive_connections=_KEEPALIVE.max_keepalive_connections)
