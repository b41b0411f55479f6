"""The httpx fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from etl.feeds.fetch import Fetcher, FetchPolicy, HostThrottle
from etl.feeds.parse import parse_feed
from etl.feeds.registry import parse_registry
from tests.loopback import LoopbackServer

FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        '<item><title>انفجار في سوق شعبي وسط المدينة</title><link>https://news.example/1</link>'
        '<description>أسفر انفجار في سوق شعبي عن سقوط جرحى.</description></item></channel></rss>')


@pytest.fixture
def server():
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def fetcher(sleeps):
    # the test servers are on loopback, which fetching refuses unless allowed
    policy = FetchPolicy(read_timeout=0.5, connect_timeout=0.5, max_bytes=1_000_000, max_redirects=3,
                         attempts=3, host_interval=0.0, allow_private_hosts=("127.0.0.1",))
    with Fetcher(policy, sleep=sleeps.append) as f:
        yield f


def test_200_with_validators_then_304(server, fetcher):
    def feed(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"v1"',
                     "Last-Modified": "Wed, 24 Jan 2024 09:00:00 GMT"}, FEED.encode()
    server.routes["/feed"] = feed
    first = fetcher.get(server.url("/feed"))
    assert first.status == "ok" and first.body == FEED.encode()
    assert first.final.http_status == 200 and first.final.bytes == len(FEED.encode())
    assert first.final.etag == '"v1"' and first.final.last_modified.startswith("Wed, 24 Jan 2024")
    assert first.final.duration_ms >= 0 and len(first.attempts) == 1
    second = fetcher.get(server.url("/feed"), etag=first.final.etag, last_modified=first.final.last_modified)
    assert second.status == "not_modified" and second.body is None and second.final.http_status == 304
    _, headers = server.requests[-1]
    assert headers["If-None-Match"] == '"v1"' and "If-Modified-Since" in headers
    assert headers["User-Agent"].startswith("Marsad/")


def test_timeout_is_retried_then_reported(server, fetcher, sleeps):
    def slow(req):
        time.sleep(1.5)
        return 200, {}, FEED.encode()
    server.routes["/slow"] = slow
    result = fetcher.get(server.url("/slow"))
    assert result.status == "timeout"
    assert [a.status for a in result.attempts] == ["timeout"] * 3
    assert len(sleeps) == 2 and sleeps[1] > sleeps[0]  # exponential backoff between attempts


def test_5xx_retried_until_success(server, fetcher, sleeps):
    calls = {"n": 0}

    def flaky(req):
        calls["n"] += 1
        return (503, {}, b"busy") if calls["n"] < 3 else (200, {"Content-Type": "text/xml"}, FEED.encode())
    server.routes["/flaky"] = flaky
    result = fetcher.get(server.url("/flaky"))
    assert result.status == "ok"
    assert [(a.status, a.http_status) for a in result.attempts] == [("http_error", 503), ("http_error", 503), ("ok", 200)]
    assert result.attempts[0].error.startswith("HTTP 503")


def test_5xx_exhausted_and_4xx_not_retried(server, fetcher):
    server.routes["/down"] = lambda req: (500, {}, b"boom")
    down = fetcher.get(server.url("/down"))
    assert down.status == "http_error" and len(down.attempts) == 3 and server.hits("/down") == 3
    gone = fetcher.get(server.url("/missing"))
    assert gone.status == "http_error" and gone.final.http_status == 404 and len(gone.attempts) == 1


def test_retry_after_is_honoured(server, fetcher, sleeps):
    calls = {"n": 0}

    def limited(req):
        calls["n"] += 1
        return (429, {"Retry-After": "7"}, b"") if calls["n"] == 1 else (200, {}, FEED.encode())
    server.routes["/limited"] = limited
    assert fetcher.get(server.url("/limited")).status == "ok"
    assert sleeps == [7.0]


def test_oversized_bodies_are_refused(server, fetcher):
    server.routes["/big"] = lambda req: (200, {"Content-Type": "text/xml"}, b"x" * 2_000_000)

    def chunked(req):  # no Content-Length: the limit must hold while streaming
        req.send_response(200)
        req.send_header("Transfer-Encoding", "chunked")
        req.end_headers()
        chunk = b"y" * 100_000
        try:
            for _ in range(30):
                req.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            req.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        return -1, {}, b""
    server.routes["/stream"] = chunked
    declared = fetcher.get(server.url("/big"))
    assert declared.status == "too_large" and "Content-Length" in declared.final.error and declared.body is None
    streamed = fetcher.get(server.url("/stream"))
    assert streamed.status == "too_large" and "exceeds" in streamed.final.error
    assert len(streamed.attempts) == 1  # not retried


def test_redirects_followed_and_loops_stopped(server, fetcher):
    server.routes["/old"] = lambda req: (301, {"Location": "/feed"}, b"")
    server.routes["/feed"] = lambda req: (200, {"Content-Type": "text/xml"}, FEED.encode())
    moved = fetcher.get(server.url("/old"))
    assert moved.status == "ok" and moved.final.final_url == server.url("/feed")
    server.routes["/a"] = lambda req: (302, {"Location": "/b"}, b"")
    server.routes["/b"] = lambda req: (302, {"Location": "/a"}, b"")
    loop = fetcher.get(server.url("/a"))
    assert loop.status == "too_many_redirects" and len(loop.attempts) == 1
    assert server.hits("/a") + server.hits("/b") == 4  # the first request plus max_redirects=3


def test_connection_refused_is_a_network_error(fetcher):
    result = fetcher.get("http://127.0.0.1:9/feed")  # discard port: nothing listens
    assert result.status == "network_error" and result.final.error and len(result.attempts) == 3


def test_windows_1256_served_without_charset_parses_as_arabic(server, fetcher):
    body = FEED.encode("cp1256")
    server.routes["/cp1256"] = lambda req: (200, {"Content-Type": "text/xml"}, body)
    result = fetcher.get(server.url("/cp1256"))
    assert result.status == "ok" and result.headers["content-type"] == "text/xml"
    source = parse_registry(f"""sources: [{{id: src, outlet: S, language: ar, country: IQ, poll_interval_minutes: 5,
                                feed_url: "{server.url('/cp1256')}"}}]""").get("src")
    parsed = parse_feed(result.body, source, result.headers)
    assert parsed.articles[0].title == "انفجار في سوق شعبي وسط المدينة"


def test_host_throttle_spaces_requests_per_host():
    now = {"t": 100.0}
    slept = []

    def sleep(seconds):
        slept.append(round(seconds, 3))
        now["t"] += seconds
    throttle = HostThrottle(2.0, clock=lambda: now["t"], sleep=sleep)
    throttle.wait("https://a.example/1")
    throttle.wait("https://a.example/2")
    throttle.wait("https://b.example/1")  # another host: no wait
    throttle.wait("https://A.example/3")
    assert slept == [2.0, 2.0]
