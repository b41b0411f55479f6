"""HTTP fetching of feeds and article pages with httpx (feedparser's own fetcher has no timeout).

Every attempt is reported (and stored by the caller as a `feed_fetches` row): status, HTTP code,
bytes, duration, error. Limits: connect/read timeouts, a deadline for each attempt and a budget for the
whole fetch (connecting, headers and body: a server trickling bytes cannot hold a fetch open), a maximum
body size checked while streaming, a cap on redirects, retries with exponential backoff on
5xx/429/timeouts/connection errors (honouring a short Retry-After; a longer one ends the fetch and is
reported for the caller to respect), conditional GET with the stored ETag / Last-Modified, and a minimum
interval between two requests to the same host. Only http(s) to public addresses is fetched, unless an
allowance names the host (etl.feeds.guard).
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from etl import __version__
from etl.feeds.guard import Allowance, BlockedDestination, GuardedTransport, limits

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    attempts: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    host_interval: float = 1.0  # seconds between two requests to one host
    deadline: float = 60.0  # one attempt, from connecting to the last byte of the body
    budget: float = 150.0  # one get(): all attempts and the waits between them
    retry_after_max: float = 24 * 3600.0  # a longer Retry-After is taken as this (a server cannot mute a feed)
    allow_private_hosts: tuple[str, ...] = ()  # "host" / "host:port" reachable on non-public addresses
    user_agent: str = f"Marsad/{__version__} (Arabic news event research pipeline; feed reader)"


@dataclass(slots=True)
class Attempt:
    attempt: int
    url: str
    started_at: datetime
    duration_ms: int
    # ok | not_modified | http_error | timeout | network_error | too_large | too_many_redirects
    # | blocked_destination (a scheme or address fetching may not reach; sources.last_status is String(20))
    status: str
    http_status: int | None = None
    bytes: int = 0
    final_url: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None

    def row(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class FetchResult:
    attempts: list[Attempt] = field(default_factory=list)
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    retry_after_until: datetime | None = None  # the server asked not to be fetched again before this

    @property
    def final(self) -> Attempt:
        return self.attempts[-1]

    @property
    def status(self) -> str:
        return self.final.status


class _TooLarge(Exception):
    pass


class HostThrottle:
    """Keeps a minimum interval between requests to the same host, across threads of one process."""

    def __init__(self, interval: float, clock=time.monotonic, sleep=time.sleep) -> None:
        self.interval, self.clock, self.sleep = interval, clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = self.clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.interval
        if start > now:
            self.sleep(start - now)


def _retry_after(response: httpx.Response | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After as seconds or an HTTP date), or None."""
    value = response.headers.get("retry-after") if response is not None else None
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:  # "-0000" dates parse naive; HTTP dates are UTC
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return max(0.0, seconds)


class Fetcher:
    def __init__(self, policy: FetchPolicy | None = None, transport: httpx.BaseTransport | None = None,
                 sleep=time.sleep) -> None:
        self.policy = policy or FetchPolicy()
        self.sleep = sleep
        self.throttle = HostThrottle(self.policy.host_interval, sleep=sleep)
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout),
            follow_redirects=True, max_redirects=self.policy.max_redirects,
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport or GuardedTransport(Allowance(self.policy.allow_private_hosts)),
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: str = FEED_ACCEPT, max_bytes: int | None = None, deadline: float | None = None,
            budget: float | None = None, allow: tuple[str, ...] = ()) -> FetchResult:
        """GET with retries; the result carries every attempt and, on success, the body and headers.

        `deadline` / `budget` may shorten the policy's; `allow` adds hosts reachable on private addresses.
        """
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.policy.max_bytes
        deadline = min(deadline or self.policy.deadline, self.policy.deadline)
        budget = min(budget or self.policy.budget, self.policy.budget)
        ends_at = time.monotonic() + budget
        allowance = Allowance(allow)
        result = FetchResult()
        for number in range(1, self.policy.attempts + 1):
            left = ends_at - time.monotonic()
            what = (f"the {deadline:.1f} s deadline of a fetch attempt" if deadline <= left
                    else f"the {budget:.1f} s budget of the fetch (all attempts)")
            with limits(min(deadline, left), what, allowance):
                attempt, response, body = self._once(number, url, headers, limit)
            result.attempts.append(attempt)
            if attempt.status == "ok":
                result.body = body
                result.headers = {k.lower(): v for k, v in response.headers.items()}
                return result
            retryable = attempt.status in ("timeout", "network_error") or attempt.http_status in RETRY_STATUSES
            if not retryable:
                return result
            delay = _retry_after(response) if attempt.http_status in RETRY_STATUSES else None
            if delay is not None and delay > self.policy.backoff_max:
                # waiting that long inside one run helps nobody: stop, and tell the caller until when
                delay = min(delay, self.policy.retry_after_max)
                result.retry_after_until = datetime.now(timezone.utc) + timedelta(seconds=delay)
                attempt.error = (f"{attempt.error}; Retry-After {delay:.0f} s is beyond the "
                                 f"{self.policy.backoff_max:.0f} s backoff cap: not fetched again before "
                                 f"{result.retry_after_until:%Y-%m-%d %H:%M:%S} UTC")
                return result
            if number == self.policy.attempts:
                return result
            if delay is None:
                delay = min(self.policy.backoff_max, self.policy.backoff_base * 2 ** (number - 1))
                delay *= random.uniform(0.75, 1.25)
            if ends_at - time.monotonic() - delay < self.policy.connect_timeout:
                return result  # the budget leaves no room for another attempt worth making
            self.sleep(delay)
        return result

    def _once(self, number: int, url: str, headers: dict[str, str], limit: int):
        self.throttle.wait(url)
        started = datetime.now(timezone.utc)
        clock = time.perf_counter()
        attempt = Attempt(attempt=number, url=url, started_at=started, duration_ms=0, status="network_error")
        response = None
        body = b""
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                attempt.http_status = response.status_code
                attempt.final_url = str(response.url)
                attempt.content_type = response.headers.get("content-type")
                attempt.etag = response.headers.get("etag")
                attempt.last_modified = response.headers.get("last-modified")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _TooLarge(f"Content-Length {declared} exceeds the {limit}-byte limit")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _TooLarge(f"body exceeds the {limit}-byte limit")
                    chunks.append(chunk)
                body = b"".join(chunks)
                attempt.bytes = len(body)
            if response.status_code == 304:
                attempt.status = "not_modified"
            elif 200 <= response.status_code < 300 and response.status_code != 204:
                attempt.status = "ok"
            else:
                attempt.status = "http_error"
                attempt.error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        except _TooLarge as exc:
            attempt.status, attempt.error = "too_large", str(exc)
        except BlockedDestination as exc:
            attempt.status, attempt.error = "blocked_destination", str(exc)
        except httpx.TooManyRedirects as exc:
            attempt.status, attempt.error = "too_many_redirects", f"more than {self.policy.max_redirects} redirects: {exc}"
        except httpx.TimeoutException as exc:
            attempt.status, attempt.error = "timeout", f"{type(exc).__name__}: {exc}".rstrip(": ")
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            attempt.status, attempt.error = "network_error", f"{type(exc).__name__}: {exc}"
        attempt.duration_ms = round((time.perf_counter() - clock) * 1000)
        return attempt, response, body
