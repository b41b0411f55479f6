"""Live mode end to end against feeds and article pages served on 127.0.0.1."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from etl import ingest
from etl.feeds.fetch import Fetcher, FetchPolicy
from etl.feeds.registry import parse_registry
from etl.load.db import session_scope
from etl.load.models import Article, FeedFetch, RejectedItem, Source
from tests.loopback import LoopbackServer

PARAGRAPH = "قال مصدر أمني إن قوة مشتركة نفذت عملية تفتيش واسعة في المنطقة بعد الهجوم الذي استهدف نقطة عسكرية ليلاً. "


def page(title: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><nav>الرئيسية | سياسة | اقتصاد</nav>"
            f"<article><h1>{title}</h1><p>{PARAGRAPH * 4}</p><p>وأضاف المصدر أن التحقيقات مستمرة.</p></article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>").encode()


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{base}/news/{n}</link><guid isPermaLink='false'>n{n}</guid>"
        f"<pubDate>Wed, 24 Jan 2024 0{n}:00:00 GMT</pubDate><description>{t} - ملخص قصير.</description></item>"
        for n, t in ((1, "هجوم على نقطة عسكرية"), (2, "عملية تفتيش بعد الهجوم"), (3, "خبر صفحته معطلة")))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()


@pytest.fixture
def site():
    with LoopbackServer() as srv:
        def feed_route(req):
            if req.headers.get("If-None-Match") == '"f1"':
                return 304, {}, b""
            return 200, {"Content-Type": "application/rss+xml", "ETag": '"f1"'}, feed(srv.base)
        srv.routes["/rss"] = feed_route
        srv.routes["/news/1"] = lambda req: (200, {"Content-Type": "text/html; charset=utf-8"}, page("هجوم على نقطة عسكرية"))
        srv.routes["/news/2"] = lambda req: (200, {"Content-Type": "text/html; charset=utf-8"}, page("عملية تفتيش بعد الهجوم"))
        srv.routes["/news/3"] = lambda req: (500, {}, b"error")
        srv.routes["/html"] = lambda req: (200, {"Content-Type": "text/html"}, b"<html><body>moved</body></html>")
        yield srv


def test_live_ingest_fetches_pages_and_then_costs_nothing(db_url, site):
    registry = parse_registry(f"""
defaults: {{language: ar, country: IQ, poll_interval_minutes: 30}}
sources:
  - {{id: local-news, outlet: Local, feed_url: "{site.url('/rss')}"}}
  - {{id: local-html, outlet: Broken, feed_url: "{site.url('/html')}"}}
  - {{id: local-down, outlet: Down, feed_url: "http://127.0.0.1:9/rss"}}
""")
    # every server here is on loopback, which fetching refuses unless allowed
    policy = FetchPolicy(attempts=2, backoff_base=0.01, host_interval=0.0, read_timeout=2,
                         allow_private_hosts=("127.0.0.1",))
    with Fetcher(policy) as fetcher:
        first = ingest.run_ingest(db_url, registry, fetcher=fetcher)
        assert first["articles_new"] == 3 and first["fetch_errors"] == 2
        with session_scope(db_url) as s:
            rows = {a.canonical_url.rsplit("/", 1)[1]: a for a in s.scalars(select(Article))}
            assert rows["1"].content_source == "page" and "التحقيقات مستمرة" in rows["1"].content
            assert "جميع الحقوق" not in rows["1"].content  # boilerplate dropped by trafilatura
            assert rows["3"].content_source == "summary" and "500" in rows["3"].content_error
            assert s.get(Source, "local-news").etag == '"f1"'
            [html_rejection] = s.scalars(select(RejectedItem)).all()
            assert html_rejection.source_id == "local-html" and html_rejection.reason_code == "not_a_feed"
            down = s.scalars(select(FeedFetch).where(FeedFetch.source_id == "local-down")).all()
            assert [f.status for f in down] == ["network_error", "network_error"]

        # within the poll interval nothing is fetched; forced, the feed answers 304 and nothing changes
        assert ingest.run_ingest(db_url, registry, fetcher=fetcher)["fetches_count"] == 0
        pages_before = site.hits("/news/1")
        again = ingest.run_ingest(db_url, registry, source_ids=["local-news"], force=True, fetcher=fetcher)
        assert again["articles_new"] == again["articles_updated"] == 0 and again["fetch_errors"] == 0
        assert site.hits("/news/1") == pages_before
        with session_scope(db_url) as s:
            last = s.scalars(select(FeedFetch).where(FeedFetch.source_id == "local-news").order_by(FeedFetch.id.desc())).first()
            assert last.status == "not_modified" and last.http_status == 304


def test_unknown_source_is_an_error(sqlite_url, registry):
    with pytest.raises(KeyError, match="no source 'nope'"):
        ingest.run_ingest(sqlite_url, registry, source_ids=["nope"])
