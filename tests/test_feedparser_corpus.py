"""Robustness over feedparser's own corpus of broken and odd feeds (../shared/data, skipped when absent).

Every file must end as stored articles or recorded rejections with a reason; nothing may crash and
no entry may vanish.
"""

from __future__ import annotations

import tarfile
from collections import Counter

import feedparser
from sqlalchemy import select

from etl.feeds.parse import parse_feed
from etl.feeds.registry import parse_registry
from etl.load import store
from etl.load.db import session_scope
from etl.load.models import Article, RejectedItem
from tests.conftest import shared

REGISTRY = parse_registry("""
sources:
  - {id: corpus, outlet: feedparser corpus, language: en, country: US, poll_interval_minutes: 60,
     feed_url: "http://example.org/feed.xml"}
""")


def test_every_corpus_file_is_stored_or_rejected(sqlite_url, tmp_path):
    archive = shared("feedparser_corpus/feedparser_tests_data.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(files) > 2000
    source = REGISTRY.get("corpus")
    with session_scope(sqlite_url) as s:
        store.sync_sources(s, REGISTRY)
    outcome, reasons = Counter(), Counter()
    for path in files:
        body = path.read_bytes()
        parsed = parse_feed(body, source, {"Content-Type": "application/xml"})
        with session_scope(sqlite_url) as s:
            existing = store.existing_articles(s, parsed.articles)
            store.upsert_articles(s, parsed.articles, existing, None, None)
            store.store_rejections(s, parsed.rejections, None)
        with session_scope(sqlite_url) as s:  # read back: nothing parsed may be missing from the database
            stored = set(s.scalars(select(Article.canonical_url).where(
                Article.canonical_url.in_([a.canonical_url for a in parsed.articles]))))
            assert stored == {a.canonical_url for a in parsed.articles}, path
            keys = {(r.stage, r.item_key) for r in parsed.rejections}
            found = {(st, k) for st, k in s.execute(select(RejectedItem.stage, RejectedItem.item_key).where(
                RejectedItem.item_key.in_([k for _, k in keys])))}
            assert found == keys, path
        if parsed.status == "error":
            assert len(parsed.rejections) == 1 and parsed.rejections[0].reason, path
            outcome["file rejected"] += 1
        else:
            entries = len(feedparser.parse(body, response_headers={"content-type": "application/xml"}).entries)
            assert len(parsed.articles) + len(parsed.rejections) == entries, path
            outcome["file with entries"] += 1
            outcome["entries stored"] += len(parsed.articles)
        for rejection in parsed.rejections:
            reasons[f"{rejection.stage}:{rejection.reason_code}"] += 1
        outcome["warning"] += parsed.status == "warning"
    print(f"\nfeedparser corpus: {len(files)} files; {dict(outcome)}; rejections {dict(reasons)}")
    assert outcome["file with entries"] + outcome["file rejected"] == len(files)
    assert outcome["entries stored"] > 0 and reasons["entry:no_url"] > 0  # both paths exercised
