"""Idempotent writes: sources from the registry, fetch attempts, articles, rejections, runs.

Articles are upserted with INSERT … ON CONFLICT (canonical_url) on both SQLite and PostgreSQL. An
existing row is rewritten only when its content hash changed, so re-running an ingest leaves the
articles untouched. Callers run each batch inside one transaction (etl.load.db.session_scope).
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable, Sequence

from sqlalchemy import or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from etl.feeds.records import ArticleRecord, Rejection
from etl.feeds.registry import Registry
from etl.load.models import Article, FeedFetch, PipelineRun, RejectedItem, Source, utcnow
from etl.text.arabic import storable

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
        # error messages and headers echo what a server sent: keep them storable
        attempt = {k: storable(v) if isinstance(v, str) else v for k, v in attempt.items()}
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


_UPDATABLE = ("url", "title", "summary", "content", "content_source", "content_error", "author", "language",
              "arabic_share", "published_at", "published_raw", "content_hash", "word_count", "updated_at",
              "fetch_id")


def upsert_articles(session: Session, records: Sequence[ArticleRecord], existing: dict[str, Existing],
                    run_id: str | None, fetch_id: int | None) -> UpsertCounts:
    """Insert new articles, rewrite changed ones, leave identical ones alone.

    The counts are what the database did, not what `existing` (read earlier) predicted: a row another
    ingest inserted or rewrote meanwhile is not counted again here, so two concurrent runs together report
    each new article once.
    """
    counts = UpsertCounts()
    seen: set[str] = set()
    inserts: list[dict] = []
    updates: list[tuple[Existing | None, dict]] = []
    now = utcnow()
    for record in records:
        record.finalize()
        match = match_existing(record, existing)
        if match is not None:
            record.canonical_url = match.canonical_url  # identity follows the stored row (guid or URL)
        if record.canonical_url in seen or f"{record.source_id}\x1f{record.guid}" in seen:
            counts.repeated += 1
            continue
        seen.update((record.canonical_url, f"{record.source_id}\x1f{record.guid}"))
        if match is not None and match.content_hash == record.content_hash:
            counts.unchanged += 1
            continue
        row = {
            "source_id": record.source_id, "guid": record.guid if match is None else match.guid,
            "url": record.url, "canonical_url": record.canonical_url, "title": record.title,
            "summary": record.summary, "content": record.content, "content_source": record.content_source,
            "content_error": record.content_error, "author": record.author, "language": record.language,
            "arabic_share": record.arabic_share, "published_at": record.published_at,
            "published_raw": record.published_raw, "content_hash": record.content_hash,
            "word_count": record.word_count, "first_seen_at": now, "updated_at": now,
            "first_run_id": run_id, "fetch_id": fetch_id,
        }
        if match is None:
            inserts.append(row)
        else:
            updates.append((match, row))
    for chunk in _chunks(inserts):
        stmt = _insert(session, Article).values(list(chunk)).on_conflict_do_nothing().returning(Article.canonical_url)
        inserted = set(session.scalars(stmt))
        counts.new += len(inserted)
        # a row that was not inserted was stored by a concurrent ingest since `existing` was read
        updates.extend((None, row) for row in chunk if row["canonical_url"] not in inserted)
    for match, row in updates:
        if match is not None:
            target = Article.id == match.id
        else:
            target = or_(Article.canonical_url == row["canonical_url"],
                         (Article.source_id == row["source_id"]) & (Article.guid == row["guid"]))
        changed = session.execute(update(Article).where(target, Article.content_hash != row["content_hash"])
                                  .values({c: row[c] for c in _UPDATABLE}).returning(Article.id)).first()
        if changed is None:
            counts.unchanged += 1
        else:
            counts.updated += 1
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


# A run that has not reported progress for this long is dead wherever it ran (every fetched document moves
# its heartbeat; a fetch has a deadline of minutes, and Airflow's ingest DAG times out before this).
STALE_RUN = timedelta(hours=2)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def abort_dead_runs(session: Session, now: datetime | None = None) -> list[str]:
    """Mark `aborted` the runs left `running` by a process that is gone: on this host, a pid that no longer
    exists; anywhere, a heartbeat older than STALE_RUN. Returns their ids."""
    now = now or utcnow()
    host = socket.gethostname()
    dead = []
    for run in session.scalars(select(PipelineRun).where(PipelineRun.status == "running")):
        beat = run.heartbeat_at or run.started_at
        if (run.host == host and run.pid is not None and not _process_alive(run.pid)) or now - beat > STALE_RUN:
            dead.append(run.id)
    for run_id in dead:
        session.execute(update(PipelineRun).where(PipelineRun.id == run_id, PipelineRun.status == "running")
                        .values(status="aborted", finished_at=now,
                                error="the process running it ended without finishing it (killed, or its "
                                      "machine stopped); marked aborted when the next run started"))
    return dead


def start_run(session: Session, run_id: str, owner_pid: int | None = None, **values) -> PipelineRun:
    """Create the run row, or return it when this run id already exists (an Airflow task retry). Runs left
    `running` by dead processes are marked aborted first. `owner_pid` is the process that will run it to the
    end (None under Airflow, where each task is its own process)."""
    abort_dead_runs(session)
    run = session.get(PipelineRun, run_id)
    if run is None:
        now = utcnow()
        run = PipelineRun(id=run_id, status="running", started_at=now, heartbeat_at=now,
                          host=socket.gethostname(), pid=owner_pid, **values)
        session.add(run)
        session.flush()
    return run


def heartbeat(session: Session, run_id: str | None) -> None:
    """The run is alive: it has just done a piece of work."""
    if run_id:
        session.execute(update(PipelineRun).where(PipelineRun.id == run_id).values(heartbeat_at=utcnow()))


RUN_COUNTERS = ("sources_count", "fetches_count", "fetch_errors", "items_seen", "articles_new",
                "articles_updated", "articles_unchanged", "rejections")


def finish_run(session: Session, run_id: str, counts: dict[str, int], status: str, error: str | None = None) -> None:
    values = {k: int(counts.get(k, 0)) for k in RUN_COUNTERS}
    session.execute(update(PipelineRun).where(PipelineRun.id == run_id)
                    .values(status=status, finished_at=utcnow(), heartbeat_at=utcnow(), error=error, **values))
