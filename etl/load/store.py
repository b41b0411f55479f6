"""Idempotent writes: sources from the registry, fetch attempts, articles, rejections, runs.

Articles are upserted with INSERT … ON CONFLICT (canonical_url) on both SQLite and PostgreSQL. An
existing row is rewritten only when its content hash changed, so re-running an ingest leaves the
articles untouched. Callers run each batch inside one transaction (etl.load.db.session_scope).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Sequence

from sqlalchemy import or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from etl.feeds.records import ArticleRecord, Rejection
from etl.feeds.registry import Registry
from etl.load.models import Article, FeedFetch, PipelineRun, RejectedItem, Source, utcnow

CHUNK = 500  # rows per statement: well under SQLite's bound-parameter limit


def _insert(session: Session, model):
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(model)
    if dialect == "sqlite":
        return sqlite.insert(model)
    raise NotImplementedError(f"upserts are implemented for SQLite and PostgreSQL, not {dialect}")


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def sync_sources(session: Session, registry: Registry) -> int:
    """Mirror the registry into `sources`; fetch state (ETag, Last-Modified) is kept."""
    rows = [
        {"id": s.id, "outlet": s.outlet, "outlet_ar": s.outlet_ar, "language": s.language,
         "country": s.country, "feed_url": s.feed_url, "active": s.active,
         "poll_interval_minutes": s.poll_interval_minutes, "created_at": utcnow(), "updated_at": utcnow()}
        for s in registry.sources
    ]
    if not rows:
        return 0
    stmt = _insert(session, Source)
    described = ("outlet", "outlet_ar", "language", "country", "feed_url", "active", "poll_interval_minutes")
    changed = or_(*[getattr(Source, c).is_distinct_from(stmt.excluded[c]) for c in described])
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["id"],
            set_={**{c: stmt.excluded[c] for c in described}, "updated_at": stmt.excluded.updated_at},
            where=changed,
        ),
        rows,
    )
    return len(rows)


def record_attempts(session: Session, run_id: str | None, source_id: str, attempts: Sequence[dict]) -> int | None:
    """Store every fetch attempt; return the id of the last one (the one the parse outcome goes on)."""
    last_id = None
    for attempt in attempts:
        row = FeedFetch(run_id=run_id, source_id=source_id, **attempt)
        session.add(row)
        session.flush()
        last_id = row.id
    return last_id


def update_source_state(session: Session, source_id: str, status: str, etag: str | None = None,
                        last_modified: str | None = None, keep_validators: bool = True,
                        retry_after_until: datetime | None = None) -> None:
    """After a live fetch; `retry_after_until` is the latest fetch's (None lifts an earlier one)."""
    values: dict = {"last_fetched_at": utcnow(), "last_status": status, "retry_after_until": retry_after_until}
    if etag or not keep_validators:
        values["etag"] = etag
    if last_modified or not keep_validators:
        values["last_modified"] = last_modified
    session.execute(update(Source).where(Source.id == source_id).values(**values))


def record_parse(session: Session, fetch_id: int | None, status: str, message: str | None, entries: int) -> None:
    if fetch_id is None:
        return
    session.execute(update(FeedFetch).where(FeedFetch.id == fetch_id)
                    .values(parse_status=status, parse_message=message, entries_count=entries))


@dataclass(slots=True)
class Existing:
    id: int
    source_id: str
    guid: str
    canonical_url: str
    content_hash: str
    content_source: str
    content: str | None


def existing_articles(session: Session, records: Sequence[ArticleRecord]) -> dict[str, Existing]:
    """Stored articles that the records match by canonical URL or by (source, guid), keyed both ways."""
    found: dict[str, Existing] = {}
    columns = (Article.id, Article.source_id, Article.guid, Article.canonical_url, Article.content_hash,
               Article.content_source, Article.content)
    for chunk in _chunks(records):
        urls = [r.canonical_url for r in chunk]
        keys = [(r.source_id, r.guid) for r in chunk]
        stmt = select(*columns).where(or_(Article.canonical_url.in_(urls),
                                          tuple_(Article.source_id, Article.guid).in_(keys)))
        for row in session.execute(stmt):
            existing = Existing(*row)
            found[existing.canonical_url] = existing
            found[f"{existing.source_id}\x1f{existing.guid}"] = existing
    return found


def match_existing(record: ArticleRecord, existing: dict[str, Existing]) -> Existing | None:
    return existing.get(f"{record.source_id}\x1f{record.guid}") or existing.get(record.canonical_url)


@dataclass(slots=True)
class UpsertCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0  # the same item twice in one batch: one row
    new_ids: list[int] = field(default_factory=list)


_UPDATABLE = ("url", "title", "summary", "content", "content_source", "content_error", "author", "language",
              "arabic_share", "published_at", "published_raw", "content_hash", "word_count", "updated_at",
              "fetch_id")


def upsert_articles(session: Session, records: Sequence[ArticleRecord], existing: dict[str, Existing],
                    run_id: str | None, fetch_id: int | None) -> UpsertCounts:
    """Insert new articles, rewrite changed ones, leave identical ones alone."""
    counts = UpsertCounts()
    seen: set[str] = set()
    rows = []
    now = utcnow()
    for record in records:
        match = match_existing(record, existing)
        if match is not None:
            record.canonical_url = match.canonical_url  # identity follows the stored row (guid or URL)
        if record.canonical_url in seen or f"{record.source_id}\x1f{record.guid}" in seen:
            counts.repeated += 1
            continue
        seen.update((record.canonical_url, f"{record.source_id}\x1f{record.guid}"))
        if not record.content_hash:
            record.finalize()
        if match is None:
            counts.new += 1
        elif match.content_hash != record.content_hash:
            counts.updated += 1
        else:
            counts.unchanged += 1
            continue
        rows.append({
            "source_id": record.source_id, "guid": record.guid if match is None else match.guid,
            "url": record.url, "canonical_url": record.canonical_url, "title": record.title,
            "summary": record.summary, "content": record.content, "content_source": record.content_source,
            "content_error": record.content_error, "author": record.author, "language": record.language,
            "arabic_share": record.arabic_share, "published_at": record.published_at,
            "published_raw": record.published_raw, "content_hash": record.content_hash,
            "word_count": record.word_count, "first_seen_at": now, "updated_at": now,
            "first_run_id": run_id, "fetch_id": fetch_id,
        })
    for chunk in _chunks(rows):
        stmt = _insert(session, Article)
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["canonical_url"],
                set_={c: stmt.excluded[c] for c in _UPDATABLE},
                where=Article.content_hash != stmt.excluded.content_hash,
            ),
            list(chunk),
        )
    return counts


def store_rejections(session: Session, rejections: Sequence[Rejection], run_id: str | None,
                     fetch_id: int | None = None) -> int:
    """Record rejections once each (same stage and item key: kept as first seen). Returns how many were given."""
    rows = [
        {"source_id": r.source_id, "stage": r.stage, "reason_code": r.reason_code, "reason": r.reason,
         "item_key": r.item_key, "guid": r.guid, "url": r.url, "payload_excerpt": r.payload,
         "first_seen_at": utcnow(), "run_id": run_id, "fetch_id": fetch_id}
        for r in rejections
    ]
    for chunk in _chunks(rows):
        stmt = _insert(session, RejectedItem)
        session.execute(stmt.on_conflict_do_nothing(index_elements=["stage", "item_key"]), list(chunk))
    return len(rows)


def start_run(session: Session, run_id: str, **values) -> PipelineRun:
    """Create the run row, or return it when this run id already exists (an Airflow task retry)."""
    run = session.get(PipelineRun, run_id)
    if run is None:
        run = PipelineRun(id=run_id, status="running", started_at=utcnow(), **values)
        session.add(run)
        session.flush()
    return run


RUN_COUNTERS = ("sources_count", "fetches_count", "fetch_errors", "items_seen", "articles_new",
                "articles_updated", "articles_unchanged", "rejections")


def finish_run(session: Session, run_id: str, counts: dict[str, int], status: str, error: str | None = None) -> None:
    values = {k: int(counts.get(k, 0)) for k in RUN_COUNTERS}
    session.execute(update(PipelineRun).where(PipelineRun.id == run_id)
                    .values(status=status, finished_at=utcnow(), error=error, **values))
