"""The fetcher against hostile servers on 127.0.0.1: real sockets, no mocked HTTP."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from etl.feeds.fetch import Fetcher, FetchPolicy
from tests.loopback import RawServer


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


def trickle(head: bytes, every: float, stop: threading.Event, give_up: float = 20.0):
    """A handler that sends `head` at once, then one byte every `every` seconds, for up to `give_up` s."""
    def handler(conn: socket.socket) -> None:
        _read_request(conn)
        conn.sendall(head)
        end = time.monotonic() + give_up
        while not stop.is_set() and time.monotonic() < end:
            conn.sendall(b"x")
            stop.wait(every)
    return handler


@pytest.fixture
def stop():
    event = threading.Event()
    yield event
    event.set()


def _fetcher(sleeps: list, **policy) -> Fetcher:
    settings = dict(read_timeout=1.0, connect_timeout=0.5, attempts=1, host_interval=0.0)
    return Fetcher(FetchPolicy(**{**settings, **policy}), sleep=sleeps.append)


def test_headers_trickled_byte_by_byte_end_at_the_deadline(stop):
    # each byte comes well within the read timeout, so only an overall deadline can end the fetch
    with RawServer(trickle(b"", 0.2, stop)) as server, _fetcher([], deadline=1.5) as fetcher:
        began = time.monotonic()
        result = fetcher.get(server.base + "/feed")
        took = time.monotonic() - began
    assert result.status == "timeout" and len(result.attempts) == 1
    assert "deadline" in result.final.error and "1.5 s" in result.final.error
    assert 1.4 < took < 3.0
    assert result.final.http_status is None  # the headers never completed


def test_body_trickled_byte_by_byte_ends_at_the_deadline(stop):
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n<rss>"
    with RawServer(trickle(head, 0.2, stop)) as server, _fetcher([], deadline=1.5) as fetcher:
        began = time.monotonic()
        result = fetcher.get(server.base + "/feed")
        took = time.monotonic() - began
    assert result.status == "timeout" and result.final.http_status == 200 and result.body is None
    assert "deadline" in result.final.error
    assert 1.4 < took < 3.0


def test_retries_stop_when_the_budget_of_the_fetch_is_spent(stop):
    sleeps: list[float] = []
    with RawServer(trickle(b"", 0.2, stop)) as server, \
            _fetcher(sleeps, deadline=1.0, budget=1.6, attempts=3, backoff_base=0.01) as fetcher:
        began = time.monotonic()
        result = fetcher.get(server.base + "/feed")
        took = time.monotonic() - began
    # the first attempt gets its whole deadline, the retry what is left of the budget, a third none
    assert [a.status for a in result.attempts] == ["timeout", "timeout"]
    assert "1.0 s deadline" in result.attempts[0].error and "budget" in result.attempts[1].error
    assert len(sleeps) == 1 and server.connections == 2
    assert 1.5 < took < 2.5
