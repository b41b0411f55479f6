"""The fetcher against hostile servers on 127.0.0.1: real sockets, no mocked HTTP."""

from __future__ import annotations

import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from etl.feeds import guard
from etl.feeds.fetch import Fetcher, FetchPolicy
from etl.feeds.registry import RegistryError, parse_registry
from tests.loopback import LoopbackServer, RawServer

LOOPBACK = ("127.0.0.1",)  # the test servers are on loopback: allowed explicitly, as a registry entry would


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
    settings = dict(read_timeout=1.0, connect_timeout=0.5, attempts=1, host_interval=0.0,
                    allow_private_hosts=LOOPBACK)
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
            _fetcher(sleeps, deadline=1.0, budget=1.8, attempts=3, backoff_base=0.01) as fetcher:
        began = time.monotonic()
        result = fetcher.get(server.base + "/feed")
        took = time.monotonic() - began
    # the first attempt gets its whole deadline, the retry what is left of the budget, a third none
    assert [a.status for a in result.attempts] == ["timeout", "timeout"]
    assert "1.0 s deadline" in result.attempts[0].error and "budget" in result.attempts[1].error
    assert len(sleeps) == 1 and server.connections == 2
    assert 1.7 < took < 2.7


# --- destinations: only public addresses over http(s), unless allowed -------------------------------------

@pytest.mark.parametrize("address", [
    "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "127.0.0.1", "127.8.9.10",
    "0.0.0.0", "100.64.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fe80::1%lo", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::", "64:ff9b::a00:1",
])
def test_non_public_addresses_are_refused(address):
    assert guard.address_problem(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111",
                                     "::ffff:8.8.8.8", "64:ff9b::808:808"])
def test_public_addresses_pass(address):
    assert guard.address_problem(address) is None


@pytest.fixture
def server():
    with LoopbackServer() as srv:
        srv.routes["/page"] = lambda req: (200, {"Content-Type": "text/plain"}, b"secret")
        yield srv


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/"])
def test_only_http_and_https_are_fetched(url):
    with Fetcher(FetchPolicy(host_interval=0.0, allow_private_hosts=LOOPBACK)) as fetcher:
        result = fetcher.get(url)
    assert result.status == "blocked_destination" and len(result.attempts) == 1
    assert "only http and https" in result.final.error


def test_loopback_is_refused_by_default_however_spelled(server):
    # the check is on the address resolved, not on how the URL writes the host
    spellings = ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "[::ffff:127.0.0.1]"]
    with Fetcher(FetchPolicy(host_interval=0.0)) as fetcher:
        results = [fetcher.get(f"http://{host}:{server.port}/page") for host in spellings]
    assert [r.status for r in results] == ["blocked_destination"] * len(spellings)
    assert all("loopback address 127.0.0.1" in r.final.error for r in results)
    assert "allow_private_hosts" in results[0].final.error
    assert len(results[0].attempts) == 1 and server.hits("/page") == 0


def test_every_redirect_hop_is_checked(server):
    with LoopbackServer() as other:
        other.routes["/secret"] = lambda req: (200, {"Content-Type": "text/plain"}, b"secret")
        server.routes["/away"] = lambda req: (302, {"Location": other.url("/secret")}, b"")
        server.routes["/file"] = lambda req: (302, {"Location": "file:///etc/passwd"}, b"")
        with Fetcher(FetchPolicy(host_interval=0.0)) as fetcher:
            allowed = (f"127.0.0.1:{server.port}",)
            assert fetcher.get(server.url("/page"), allow=allowed).body == b"secret"
            away = fetcher.get(server.url("/away"), allow=allowed)
            into_file = fetcher.get(server.url("/file"), allow=allowed)
        assert away.status == "blocked_destination" and other.url("/secret") in away.final.error
        assert other.hits("/secret") == 0
        assert into_file.status == "blocked_destination" and "only http and https" in into_file.final.error


def test_a_pooled_connection_does_not_carry_an_allowance_to_the_next_request(server):
    with Fetcher(FetchPolicy(host_interval=0.0)) as fetcher:
        assert fetcher.get(server.url("/page"), allow=("127.0.0.1",)).status == "ok"  # kept alive in the pool
        again = fetcher.get(server.url("/page"))
    assert again.status == "blocked_destination" and server.hits("/page") == 1


def test_the_address_checked_is_the_address_connected(monkeypatch):
    """DNS rebinding: a name that first resolves to an allowed address, then to another one."""
    with LoopbackServer() as good, LoopbackServer("127.0.0.2", good.port) as bad:
        good.routes["/"] = lambda req: (200, {}, b"good")
        bad.routes["/"] = lambda req: (200, {}, b"bad")
        real = socket.getaddrinfo
        answers = iter(["127.0.0.1"] + ["127.0.0.2"] * 10)

        def rebinding(host, *args, **kwargs):
            return real(next(answers) if host == "rebind.test" else host, *args, **kwargs)
        monkeypatch.setattr(socket, "getaddrinfo", rebinding)
        with Fetcher(FetchPolicy(host_interval=0.0, allow_private_hosts=(f"127.0.0.1:{good.port}",))) as fetcher:
            result = fetcher.get(f"http://rebind.test:{good.port}/")
        assert result.body == b"good" and bad.hits("/") == 0


def test_registry_validates_allow_private_hosts():
    entry = "{id: src, outlet: S, language: ar, country: IQ, poll_interval_minutes: 5, feed_url: 'http://x.example/'"
    source = parse_registry(f"sources: [{entry}, allow_private_hosts: [Intranet.Example, '127.0.0.1:8765', '[::1]:80']}}]")
    assert source.get("src").allow_private_hosts == ("intranet.example", "127.0.0.1:8765", "[::1]:80")
    for bad in ("'http://127.0.0.1/'", "'127.0.0.1:99999'", "'a b'", "'user@host'"):
        with pytest.raises(RegistryError, match="allow_private_hosts"):
            parse_registry(f"sources: [{entry}, allow_private_hosts: [{bad}]}}]")


# --- Retry-After beyond the backoff cap ends the fetch and says until when ------------------------------

@pytest.mark.parametrize("status", [429, 503])
def test_a_long_retry_after_ends_the_fetch_at_once(server, status):
    sleeps: list[float] = []
    later = format_datetime(datetime.now(timezone.utc) + timedelta(hours=2), usegmt=True)
    server.routes["/seconds"] = lambda req: (status, {"Retry-After": "3600"}, b"")
    server.routes["/date"] = lambda req: (status, {"Retry-After": later}, b"")
    server.routes["/years"] = lambda req: (status, {"Retry-After": "999999999"}, b"")
    with _fetcher(sleeps, attempts=3) as fetcher:
        now = datetime.now(timezone.utc)
        seconds, date, years = (fetcher.get(server.url(p)) for p in ("/seconds", "/date", "/years"))
    assert sleeps == [] and server.hits("/seconds") == server.hits("/date") == 1
    assert [len(r.attempts) for r in (seconds, date, years)] == [1, 1, 1]
    assert seconds.status == "http_error" and "Retry-After 3600 s" in seconds.final.error
    assert abs(seconds.retry_after_until - now - timedelta(hours=1)) < timedelta(seconds=30)
    assert abs(date.retry_after_until - now - timedelta(hours=2)) < timedelta(seconds=30)
    assert abs(years.retry_after_until - now - timedelta(hours=24)) < timedelta(seconds=30)  # capped


def test_a_short_retry_after_is_waited_for(server):
    sleeps: list[float] = []
    calls = iter([(503, {"Retry-After": "2"}, b""), (200, {}, b"<rss/>")])
    server.routes["/feed"] = lambda req: next(calls)
    with _fetcher(sleeps, attempts=3) as fetcher:
        result = fetcher.get(server.url("/feed"))
    assert result.status == "ok" and sleeps == [2.0] and result.retry_after_until is None
