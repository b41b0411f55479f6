"""Live ingest against hostile feeds and servers on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from etl import ingest
from etl.feeds.fetch import Fetcher, FetchPolicy
from etl.feeds.registry import parse_registry
from etl.load.db import session_scope
from etl.load.models import Article, FeedFetch, Source
from tests.loopback import LoopbackServer
from tests.test_ingest_live import page

SUMMARY = "ملخص قصير للخبر."


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>خبر رقم {n}</title><link>{link}</link><guid isPermaLink='false'>g{n}</guid>"
                    f"<description>{SUMMARY}</description></item>" for n, link in enumerate(links))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()


def registry_for(feed_url: str, allow: list[str] | None = None, source_id: str = "hostile"):
    allowed = f", allow_private_hosts: {allow}" if allow is not None else ""
    return parse_registry(f"""
sources:
  - {{id: {source_id}, outlet: Hostile, language: ar, country: IQ, poll_interval_minutes: 30,
      feed_url: "{feed_url}"{allowed}}}
""")


@pytest.fixture
def fetcher():
    # no allowance of its own: what may be reached is the registry entry's business
    with Fetcher(FetchPolicy(attempts=1, host_interval=0.0, backoff_base=0.01)) as f:
        yield f


def test_feed_links_into_private_addresses_store_no_page_text(db_url, fetcher):
    with LoopbackServer() as feed_host, LoopbackServer() as internal:
        internal.routes["/secret"] = lambda req: (200, {"Content-Type": "text/html"}, page("سر داخلي لا ينشر"))
        feed_host.routes["/news/ok"] = lambda req: (200, {"Content-Type": "text/html"}, page("خبر عادي"))
        feed_host.routes["/bounce"] = lambda req: (302, {"Location": internal.url("/secret")}, b"")
        links = [feed_host.url("/news/ok"), internal.url("/secret"), feed_host.url("/bounce")]
        feed_host.routes["/rss"] = lambda req: (200, {"Content-Type": "application/rss+xml"}, rss(links))
        registry = registry_for(feed_host.url("/rss"), [f"127.0.0.1:{feed_host.port}"])
        summary = ingest.run_ingest(db_url, registry, fetcher=fetcher)
        assert summary["articles_new"] == 3 and summary["fetch_errors"] == 0
        assert internal.hits("/secret") == 0
    with session_scope(db_url) as s:
        rows = {a.canonical_url: a for a in s.scalars(select(Article))}
    allowed, direct, bounced = (rows[link] for link in links)
    assert allowed.content_source == "page" and "التحقيقات مستمرة" in allowed.content  # the allowance works
    for refused in (direct, bounced):
        assert refused.content_source == "summary" and "سر داخلي" not in (refused.content or "")
        assert refused.content_error.startswith("page fetch blocked_destination")
        assert f"127.0.0.1:{internal.port}" in refused.content_error and "loopback" in refused.content_error


def test_page_fetching_of_one_document_is_time_limited(fetcher):
    with LoopbackServer() as site:
        site.routes["/news"] = lambda req: (200, {"Content-Type": "text/html"}, page("خبر"))
        allow = (f"127.0.0.1:{site.port}",)
        assert ingest.live_pages(fetcher, allow)(site.url("/news"))[0]
        text, error, _ = ingest.live_pages(fetcher, allow, time_limit=0)(site.url("/news"))
        assert text is None and "took more than 0 s" in error and site.hits("/news") == 1


def test_a_feed_on_a_private_address_needs_an_allowance(db_url, fetcher):
    with LoopbackServer() as feed_host:
        feed_host.routes["/rss"] = lambda req: (200, {"Content-Type": "application/rss+xml"}, rss([]))
        summary = ingest.run_ingest(db_url, registry_for(feed_host.url("/rss")), fetcher=fetcher)
        assert feed_host.hits("/rss") == 0
    assert summary["fetch_errors"] == 1
    with session_scope(db_url) as s:
        [row] = s.scalars(select(FeedFetch)).all()
        assert row.status == "blocked_destination" and "allow_private_hosts" in row.error
        assert s.get(Source, "hostile").last_status == "blocked_destination"


def test_a_long_retry_after_is_respected_across_runs(db_url, fetcher):
    with LoopbackServer() as busy:
        answers = {"status": 429}
        busy.routes["/rss"] = lambda req: ((429, {"Retry-After": "3600"}, b"") if answers["status"] == 429
                                           else (200, {"Content-Type": "application/rss+xml"}, rss([])))
        registry = registry_for(busy.url("/rss"), ["127.0.0.1"])
        first = ingest.run_ingest(db_url, registry, fetcher=fetcher)
        assert busy.hits("/rss") == 1 and first["fetches_count"] == 1 and first["deferred"] == []
        with session_scope(db_url) as s:
            until = s.get(Source, "hostile").retry_after_until
            assert abs(until - datetime.now(timezone.utc) - timedelta(hours=1)) < timedelta(minutes=1)
            # the poll interval has passed: only the Retry-After holds the next run back
            s.execute(update(Source).values(last_fetched_at=datetime.now(timezone.utc) - timedelta(hours=2)))

        second = ingest.run_ingest(db_url, registry, fetcher=fetcher)
        assert busy.hits("/rss") == 1 and second["fetches_count"] == 0
        assert second["deferred"] == [{"source_id": "hostile", "until": until.isoformat(timespec="seconds"),
                                       "reason": "Retry-After"}]

        answers["status"] = 200  # forced, the source is fetched; a normal answer lifts the wait
        ingest.run_ingest(db_url, registry, force=True, fetcher=fetcher)
        assert busy.hits("/rss") == 2
        with session_scope(db_url) as s:
            assert s.get(Source, "hostile").retry_after_until is None
