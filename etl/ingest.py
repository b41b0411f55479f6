"""The ingest half of the pipeline: registry -> fetch (live or replay) -> parse -> store.

The same functions serve the CLI (`marsad ingest`, `marsad run`) and the Airflow DAG, whose tasks are
thin wrappers over them. Steps exchange small JSON-able dicts; a fetched body goes through the spool
(content-addressed files under the data directory) rather than through Airflow's XCom.

Accounting: every item of every fetched document ends as an article row or as a `rejected_items`
row with its stage and reason; every fetch attempt is a `feed_fetches` row; every run a
`pipeline_runs` row with its counts.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from etl import config
from etl.feeds.fetch import PAGE_ACCEPT, Attempt, Fetcher
from etl.feeds.html_text import extract_main_text
from etl.feeds.parse import parse_feed
from etl.feeds.records import ArticleRecord, Rejection
from etl.feeds.registry import Registry, load_registry
from etl.feeds.replay import is_jsonl, replay, replay_jsonl, replay_pages
from etl.load import store
from etl.load.db import item_fault, retrying, session_scope
from etl.load.models import Source as SourceRow

PAGE_MAX_BYTES = 5 * 1024 * 1024
PAGE_DEADLINE = 30.0  # seconds for one attempt at an article page (a feed gets the fetcher's 60)
PAGE_BUDGET = 60.0  # seconds for one page, its attempts included
PAGES_TIME_LIMIT = 15 * 60.0  # seconds of page fetching per feed document; later pages wait for the next run
log = logging.getLogger(__name__)


def spool_dir() -> Path:
    path = config.data_dir() / "spool"
    path.mkdir(parents=True, exist_ok=True)
    return path


def spool_write(body: bytes) -> tuple[str, str]:
    digest = hashlib.sha256(body).hexdigest()
    path = spool_dir() / f"{digest}.feed"
    if not path.exists():
        tmp = path.with_suffix(f".{uuid.uuid4().hex}.tmp")
        tmp.write_bytes(body)
        tmp.replace(path)  # atomic: a parallel writer of the same body is harmless
    return digest, str(path)


def new_run_id() -> str:
    return str(uuid.uuid4())


def start_run(db_url: str, registry: Registry, run_id: str | None = None, replay_path: str | None = None,
              airflow_dag_id: str | None = None, airflow_run_id: str | None = None,
              owner_pid: int | None = None) -> str:
    """Create the run row and mirror the registry into `sources`; runs left `running` by dead processes
    are marked aborted. `owner_pid`: the process that runs the whole ingest (the CLI's), None under Airflow."""
    run_id = run_id or new_run_id()
    with session_scope(db_url) as session:
        store.sync_sources(session, registry)
        store.start_run(session, run_id, owner_pid=owner_pid, mode="replay" if replay_path else "live",
                        replay_path=replay_path, code_version=config.code_version(), registry_digest=registry.digest,
                        airflow_dag_id=airflow_dag_id, airflow_run_id=airflow_run_id)
    return run_id


def plan(db_url: str, registry: Registry, run_id: str, source_ids: list[str] | None = None,
         replay_path: str | None = None, force: bool = False, deferred: list[dict] | None = None) -> list[dict]:
    """The feed documents to fetch in this run, as small dicts (one Airflow mapped task each).

    Live: active sources whose poll interval has passed and whose server's Retry-After has run out (or all
    selected ones with force); the sources skipped for a Retry-After are logged and added to `deferred`.
    Replay: every document of the replay path; replay-level rejections are stored here.
    """
    wanted = set(source_ids) if source_ids else None
    if wanted:
        for source_id in wanted:
            registry.get(source_id)  # unknown ids are an error, not a silent no-op
    if replay_path:
        replayed = replay(replay_path, registry, wanted)
        with session_scope(db_url) as session:
            store.store_rejections(session, replayed.rejections, run_id)
        return [{"source_id": f.source_id, "replay_path": str(replay_path),
                 "document": None if is_jsonl(Path(replay_path)) else f.origin} for f in replayed.feeds]
    now = datetime.now(timezone.utc)
    with session_scope(db_url) as session:
        state = {row.id: (row.last_fetched_at, row.retry_after_until) for row in session.query(SourceRow)}
    tasks = []
    for source in registry.sources:
        if (wanted and source.id not in wanted) or (not wanted and not source.active):
            continue
        previous, wait_until = state.get(source.id, (None, None))
        if not force and wait_until and now < wait_until:
            log.warning("skipping %s: its server asked (Retry-After) not to be fetched before %s",
                        source.id, wait_until.isoformat(timespec="seconds"))
            if deferred is not None:
                deferred.append({"source_id": source.id, "until": wait_until.isoformat(timespec="seconds"),
                                 "reason": "Retry-After"})
            continue
        if not force and previous and now - previous < timedelta(minutes=source.poll_interval_minutes):
            continue
        tasks.append({"source_id": source.id, "replay_path": None, "document": None})
    return tasks


def _replayed_attempt(origin: str, body: bytes) -> Attempt:
    return Attempt(attempt=1, url=origin, final_url=origin, started_at=datetime.now(timezone.utc),
                   duration_ms=0, status="ok", http_status=None, bytes=len(body))


def fetch(db_url: str, registry: Registry, run_id: str, task: dict, fetcher: Fetcher | None = None) -> dict:
    """Fetch one feed document (HTTP or replay), spool its body, store the attempts."""
    source = registry.get(task["source_id"])
    headers: dict[str, str] = {}
    if task.get("replay_path"):
        if task.get("document"):
            body = Path(task["document"]).read_bytes()
            origin = task["document"]
        else:
            feeds = replay_jsonl(Path(task["replay_path"]), registry, {source.id}).feeds
            body, origin, headers = feeds[0].body, feeds[0].origin, feeds[0].headers
        attempts, base_url, status = [_replayed_attempt(origin, body)], source.feed_url, "ok"
    else:
        with session_scope(db_url) as session:
            row = session.get(SourceRow, source.id)
            etag, modified = (row.etag, row.last_modified) if row else (None, None)
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            result = fetcher.get(source.feed_url, etag=etag, last_modified=modified,
                                 allow=source.allow_private_hosts)
        finally:
            if own:
                fetcher.close()
        attempts, body, headers, status = result.attempts, result.body, result.headers, result.status
        base_url = result.final.final_url or source.feed_url
    digest, spooled = spool_write(body) if status == "ok" and body is not None else (None, None)
    rows = [a.row() for a in attempts]
    if digest:
        rows[-1]["body_sha256"] = digest
    for row in rows:
        row["replayed"] = bool(task.get("replay_path"))
    with session_scope(db_url) as session:
        store.heartbeat(session, run_id)
        fetch_id = store.record_attempts(session, run_id, source.id, rows)
        if not task.get("replay_path"):
            final = attempts[-1]
            store.update_source_state(session, source.id, status, etag=final.etag,
                                      last_modified=final.last_modified,
                                      retry_after_until=result.retry_after_until)
    return {"source_id": source.id, "fetch_id": fetch_id, "status": status, "attempts": len(attempts),
            "body_path": spooled, "headers": headers, "base_url": base_url,
            "replay_path": task.get("replay_path")}


PageSource = Callable[[str], tuple[str | None, str | None, str]]  # url -> (text, error, content_source)


def live_pages(fetcher: Fetcher, allow: tuple[str, ...] = (), time_limit: float = PAGES_TIME_LIMIT) -> PageSource:
    """Article pages over HTTP, for one feed document: `allow` is its source's allow_private_hosts."""
    ends_at = time.monotonic() + time_limit

    def get(url: str):
        if time.monotonic() >= ends_at:  # many slow pages must not hold the feed's task for ever
            return None, f"not fetched: this feed's pages took more than {time_limit:.0f} s", "page"
        result = fetcher.get(url, accept=PAGE_ACCEPT, max_bytes=PAGE_MAX_BYTES, deadline=PAGE_DEADLINE,
                             budget=PAGE_BUDGET, allow=allow)
        if result.status != "ok" or not result.body:
            return None, f"page fetch {result.status}: {result.final.error or result.final.http_status}", "page"
        text = extract_main_text(result.body, url=url)
        return (text, None, "page") if text else (None, "no main text found on the page", "page")
    return get


def replayed_pages(replay_path: str) -> PageSource:
    pages = replay_pages(replay_path)

    def get(url: str):
        text = pages.get(url)
        return (text, None, "replay") if text else (None, "replay has no text for this URL", "replay")
    return get


def _complete_texts(records: list[ArticleRecord], existing: dict[str, store.Existing], pages: PageSource | None) -> None:
    """Give summary-only records their full text: the stored text when we have it, else the page."""
    for record in records:
        if record.content_source != "summary":
            continue
        known = store.match_existing(record, existing)
        if known is not None and known.content_source != "summary":
            record.content, record.content_source = known.content, known.content_source
            continue
        if pages is None:
            continue
        text, error, origin = pages(record.url)
        if text and len(text) > len(record.summary or ""):
            record.content, record.content_source = text, origin
        else:
            record.content_error = error or "page text is not longer than the summary"


def _complete_texts_outside(db_url: str, records: list[ArticleRecord], pages: PageSource | None) -> None:
    """Give summary-only records their full text before the write transaction opens (a slow page server
    must not hold database locks): the stored text of known articles, else the page."""
    with session_scope(db_url) as session:
        existing = store.existing_articles(session, records)
    _complete_texts(records, existing, pages)


def _store_failed(db_url: str, run_id: str, fetched: dict, source_id: str, body: bytes, exc: Exception,
                  counts: dict) -> dict:
    """A document whose articles could not be stored (a bug or a value the database refuses): recorded as a
    rejection of the whole document with the error, on its fetch row too, so that it is not silently lost and
    the run goes on with the other feeds."""
    error = f"{type(exc).__name__}: {exc}"[:2000]
    log.error("feed document of %s could not be stored: %s", source_id, error)
    rejection = Rejection.of_document("store", "store_failed", error, source_id, body)

    def record(session) -> None:
        store.store_rejections(session, [rejection], run_id, fetched["fetch_id"])
        store.record_parse(session, fetched["fetch_id"], "error", error, 0)

    retrying(db_url, record)
    counts.update(fetch_errors=1, rejections=1)
    return counts


def parse_and_store(db_url: str, registry: Registry, run_id: str, fetched: dict,
                    fetch_pages: bool = True, fetcher: Fetcher | None = None) -> dict:
    """Parse a fetched document and store its articles and rejections in one transaction."""
    counts = {"fetches_count": fetched.get("attempts", 1), "fetch_errors": 0, "items_seen": 0,
              "articles_new": 0, "articles_updated": 0, "articles_unchanged": 0, "rejections": 0}
    if fetched["status"] == "not_modified":
        return counts
    if fetched["status"] != "ok" or not fetched.get("body_path"):
        counts["fetch_errors"] = 1
        return counts
    source = registry.get(fetched["source_id"])
    body = Path(fetched["body_path"]).read_bytes()
    parsed = parse_feed(body, source, fetched.get("headers"), base_url=fetched.get("base_url"))
    pages: PageSource | None = None
    own_fetcher = None
    if fetched.get("replay_path"):
        pages = replayed_pages(fetched["replay_path"])
    elif fetch_pages:
        own_fetcher = fetcher or Fetcher()
        pages = live_pages(own_fetcher, source.allow_private_hosts)
    try:
        _complete_texts_outside(db_url, parsed.articles, pages)

        def write(session):
            existing = store.existing_articles(session, parsed.articles)
            upserted = store.upsert_articles(session, parsed.articles, existing, run_id, fetched["fetch_id"])
            store.store_rejections(session, parsed.rejections, run_id, fetched["fetch_id"])
            store.record_parse(session, fetched["fetch_id"], parsed.status, parsed.message, parsed.items_seen)
            store.heartbeat(session, run_id)
            return upserted

        upserted = retrying(db_url, write)
    except Exception as exc:
        if not item_fault(exc):
            raise  # the database is down, not this document: the task fails and is retried
        return _store_failed(db_url, run_id, fetched, source.id, body, exc, counts)
    finally:
        if own_fetcher is not None and fetcher is None:
            own_fetcher.close()
    counts.update(items_seen=parsed.items_seen, articles_new=upserted.new, articles_updated=upserted.updated,
                  articles_unchanged=upserted.unchanged + upserted.repeated, rejections=len(parsed.rejections))
    if parsed.status == "error":
        counts["fetch_errors"] = 1
    return counts


def finish(db_url: str, run_id: str, results: list[dict], sources_count: int,
           status: str = "success", error: str | None = None) -> dict:
    totals = {key: sum(r.get(key, 0) for r in results) for key in store.RUN_COUNTERS if key != "sources_count"}
    totals["sources_count"] = sources_count
    with session_scope(db_url) as session:
        from etl.load.models import RejectedItem
        from sqlalchemy import func, select

        totals["rejections"] += session.scalar(
            select(func.count()).select_from(RejectedItem)
            .where(RejectedItem.run_id == run_id, RejectedItem.stage == "replay")) or 0
        store.finish_run(session, run_id, totals, status, error)
    return {"run_id": run_id, "status": status, **totals}


def run_ingest(db_url: str | None = None, registry: Registry | None = None, source_ids: list[str] | None = None,
               replay_path: str | None = None, force: bool = False, fetch_pages: bool = True,
               fetcher: Fetcher | None = None, progress: Callable[[dict, int], None] | None = None) -> dict:
    """The whole ingest in one process: what `marsad ingest` and `marsad run` call."""
    db_url = db_url or config.db_url()
    registry = registry or load_registry()
    run_id = start_run(db_url, registry, replay_path=replay_path, owner_pid=os.getpid())
    results: list[dict] = []
    deferred: list[dict] = []
    try:
        tasks = plan(db_url, registry, run_id, source_ids, replay_path, force, deferred)
        if progress:
            progress({}, len(tasks))
        for task in tasks:
            fetched = fetch(db_url, registry, run_id, task, fetcher)
            result = parse_and_store(db_url, registry, run_id, fetched, fetch_pages, fetcher)
            result["source_id"] = task["source_id"]
            results.append(result)
            if progress:
                progress(result, len(tasks))
    except BaseException as exc:
        finish(db_url, run_id, results, len({r["source_id"] for r in results}), "failed", f"{type(exc).__name__}: {exc}")
        raise
    return {**finish(db_url, run_id, results, len({t["source_id"] for t in tasks})), "deferred": deferred}
