"""Storage on both SQLite and the real PostgreSQL: migrations, idempotent upserts, atomic batches."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select, text

from etl import ingest
from etl.feeds.records import ArticleRecord, Rejection
from etl.load import store
from etl.load.db import engine_for, include_object, session_scope
from etl.load.models import Article, Base, FeedFetch, PipelineRun, RejectedItem, Source

TABLES = ("sources", "articles", "rejected_items")


def snapshot(url: str) -> dict[str, list]:
    """Every row of the data tables (runs and fetch logs grow by design on each run)."""
    with engine_for(url).connect() as conn:
        return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}


def count(url: str, model, *where) -> int:
    with session_scope(url) as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_migrations_create_exactly_the_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine_for(db_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_replay_ingest_stores_articles_and_rejections(db_url, registry, samples):
    summary = ingest.run_ingest(db_url, registry, replay_path=str(samples))
    assert summary["status"] == "success" and summary["sources_count"] == 3
    # 9 items in the three sample feeds: 7 stored (one repeated in its feed), 2 rejected
    assert summary["items_seen"] == 9
    assert summary["articles_new"] == 6 and summary["articles_unchanged"] == 1
    assert summary["rejections"] == 2
    assert count(db_url, Article) == 6
    with session_scope(db_url) as s:
        assert set(s.scalars(select(RejectedItem.reason_code))) == {"not_arabic", "no_url"}
        seed = s.scalars(select(Article).where(Article.source_id == "enab-baladi", Article.content_source == "feed")).one()
        assert seed.published_at == datetime(2024, 1, 24, 6, 12, tzinfo=timezone.utc)
        assert "جرف النصر" in seed.content and seed.word_count > 300 and len(seed.content_hash) == 64
        windows = s.scalars(select(Article).where(Article.source_id == "alsumaria").order_by(Article.id)).first()
        assert windows.title.startswith("الأمطار الغزيرة")  # windows-1256 file without declaration
        run = s.get(PipelineRun, summary["run_id"])
        assert run.status == "success" and run.articles_new == 6 and run.code_version and run.finished_at
        assert s.scalar(select(func.count()).select_from(FeedFetch).where(FeedFetch.run_id == run.id)) == 3


def test_rerunning_an_ingest_changes_nothing(db_url, registry, samples):
    ingest.run_ingest(db_url, registry, replay_path=str(samples))
    before = snapshot(db_url)
    again = ingest.run_ingest(db_url, registry, replay_path=str(samples))
    assert again["articles_new"] == 0 and again["articles_updated"] == 0
    assert snapshot(db_url) == before
    assert count(db_url, PipelineRun) == 2


def record(**overrides) -> ArticleRecord:
    values = dict(source_id="enab-baladi", guid="g-1", url="https://www.enabbaladi.net/archives/1",
                  canonical_url="https://www.enabbaladi.net/archives/1", title="عنوان", summary="ملخص الخبر",
                  content=None, content_source="summary", published_at=datetime(2024, 1, 24, tzinfo=timezone.utc),
                  published_raw="x", author=None, language="ar", arabic_share=1.0)
    values.update(overrides)
    return ArticleRecord(**values).finalize()


def upsert(url: str, records: list[ArticleRecord]) -> store.UpsertCounts:
    with session_scope(url) as s:
        return store.upsert_articles(s, records, store.existing_articles(s, records), None, None)


def test_changed_text_updates_and_guid_keeps_identity(db_url, registry):
    with session_scope(db_url) as s:
        store.sync_sources(s, registry)
    assert upsert(db_url, [record()]).new == 1
    assert upsert(db_url, [record()]).unchanged == 1
    changed = upsert(db_url, [record(summary="ملخص محدث للخبر")])
    assert changed.updated == 1
    # the outlet moved the article to a new URL under the same guid: still one row, new url kept
    moved = upsert(db_url, [record(url="https://www.enabbaladi.net/archives/1-new",
                                   canonical_url="https://www.enabbaladi.net/archives/1-new", summary="ملخص ثالث")])
    assert moved.updated == 1 and moved.new == 0
    with session_scope(db_url) as s:
        [row] = s.scalars(select(Article)).all()
        assert row.summary == "ملخص ثالث" and row.url.endswith("1-new")
        assert row.canonical_url == "https://www.enabbaladi.net/archives/1"


def test_rejections_are_recorded_once(db_url, registry):
    with session_scope(db_url) as s:
        store.sync_sources(s, registry)
    rejection = Rejection(stage="entry", reason_code="no_url", reason="no link", source_id="enab-baladi", payload="x")
    for _ in range(2):
        with session_scope(db_url) as s:
            store.store_rejections(s, [rejection], None)
    assert count(db_url, RejectedItem) == 1


def test_a_failing_batch_leaves_nothing_behind(db_url, registry, samples, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(store, "record_parse", explode)  # fails after articles and rejections were written
    with pytest.raises(RuntimeError, match="disk full"):
        ingest.run_ingest(db_url, registry, replay_path=str(samples))
    assert count(db_url, Article) == 0 and count(db_url, RejectedItem) == 0
    with session_scope(db_url) as s:
        run = s.scalars(select(PipelineRun)).one()
        assert run.status == "failed" and "disk full" in run.error
    monkeypatch.undo()
    assert ingest.run_ingest(db_url, registry, replay_path=str(samples))["articles_new"] == 6


def test_timestamps_are_utc_aware(db_url, registry):
    with session_scope(db_url) as s:
        store.sync_sources(s, registry)
    upsert(db_url, [record(published_at=datetime(2024, 1, 24, 12, tzinfo=timezone.utc))])
    with session_scope(db_url) as s:
        row = s.scalars(select(Article)).one()
        assert row.published_at.tzinfo is not None and row.published_at.hour == 12
        assert s.get(Source, "enab-baladi").created_at.tzinfo is not None
    with pytest.raises(Exception, match="naive"):
        upsert(db_url, [record(guid="g-2", canonical_url="https://x.example/2", published_at=datetime(2024, 1, 1))])


def test_postgis_is_available(pg_url):
    """The gazetteer needs PostGIS on the production database; .ci/run installs it when missing."""
    with engine_for(pg_url).begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        distance = conn.execute(text(
            "SELECT ST_DistanceSphere(ST_MakePoint(44.36, 33.31), ST_MakePoint(43.68, 33.42))")).scalar()
    assert 60_000 < distance < 70_000  # Baghdad to Fallujah, about 64 km
