"""Replay sources: saved feed files and article dumps, played back as if fetched.

Replay is how demos, tests and benchmarks run offline. Two kinds of input:

* a directory of saved feed documents: `<source_id>.xml` (or `.rss`, `.atom`), `<source_id>--<anything>.xml`,
  or `<source_id>/<anything>.xml`; an optional `pages.jsonl` beside them (`{"url", "text"}` per line)
  stands in for the article pages;
* an articles JSONL (optionally gzipped) such as the ANT corpus (`url, src, title, time, author, abstract,
  text`): each outlet's records become that outlet's RSS feed (title, link, pubDate, description = the
  abstract), and the full text plays the part of the article page.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from etl.feeds.records import Rejection
from etl.feeds.registry import Registry

FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}
RSS_HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}


@dataclass(slots=True)
class ReplayFeed:
    source_id: str
    origin: str  # file path or "<jsonl>#<src>", kept as the fetch URL of the replayed fetch
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ReplaySet:
    feeds: list[ReplayFeed]
    rejections: list[Rejection]


def is_jsonl(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def _open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def _rss_item(record: dict) -> str:
    fields = [("title", record.get("title")), ("link", record.get("url")), ("guid", record.get("url")),
              ("pubDate", record.get("time")), ("author", record.get("author")),
              ("description", record.get("abstract"))]
    inner = "".join(f"<{tag}>{escape(str(value))}</{tag}>" for tag, value in fields if value)
    return f"<item>{inner}</item>"


def _rss_document(title: str, items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://replay.invalid/</link>"
        f"<description>replayed feed</description>{''.join(items)}</channel></rss>"
    ).encode("utf-8")


def _read_jsonl(path: Path) -> tuple[list[dict], list[Rejection]]:
    records, rejections = [], []
    with _open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("line is not a JSON object")
            except ValueError as exc:
                rejections.append(Rejection(stage="replay", reason_code="bad_record",
                                            reason=f"{path.name} line {number}: {exc}", payload=line))
                continue
            records.append(record)
    return records, rejections


def replay_jsonl(path: Path, registry: Registry, source_ids: set[str] | None = None) -> ReplaySet:
    records, rejections = _read_jsonl(path)
    sources = registry.by_replay_key()
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        source = sources.get(str(record.get("src")))
        if source is None:
            rejections.append(Rejection(stage="replay", reason_code="unknown_source",
                                        reason=f"no registry source has replay key {record.get('src')!r}",
                                        url=record.get("url"), payload=json.dumps(record, ensure_ascii=False)))
            continue
        if source_ids is None or source.id in source_ids:
            grouped[source.id].append(record)
    feeds = [
        ReplayFeed(source_id=source_id, origin=f"{path}#{source_id}", headers=dict(RSS_HEADERS),
                   body=_rss_document(registry.get(source_id).outlet, [_rss_item(r) for r in items]))
        for source_id, items in sorted(grouped.items())
    ]
    return ReplaySet(feeds=feeds, rejections=rejections)


def _source_of(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    if len(relative.parts) > 1:
        return relative.parts[0]
    return path.stem.split("--", 1)[0]


def replay_directory(root: Path, registry: Registry, source_ids: set[str] | None = None) -> ReplaySet:
    known = {s.id for s in registry.sources}
    feeds, rejections = [], []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in FEED_SUFFIXES):
        source_id = _source_of(path, root)
        if source_id not in known:
            rejections.append(Rejection(stage="replay", reason_code="unknown_source",
                                        reason=f"{path.name}: no registry source {source_id!r}",
                                        payload=path.read_bytes()[:1000].decode("utf-8", "replace")))
            continue
        if source_ids is None or source_id in source_ids:
            feeds.append(ReplayFeed(source_id=source_id, origin=str(path), body=path.read_bytes()))
    return ReplaySet(feeds=feeds, rejections=rejections)


def replay(path: Path | str, registry: Registry, source_ids: set[str] | None = None) -> ReplaySet:
    """All feeds a replay path holds, one ReplayFeed per (source, document)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"replay path {path} does not exist")
    if path.is_dir():
        return replay_directory(path, registry, source_ids)
    if is_jsonl(path):
        return replay_jsonl(path, registry, source_ids)
    raise ValueError(f"replay path {path} is neither a directory nor an articles JSONL")


@lru_cache(maxsize=4)
def _pages(path: str, mtime: float) -> dict[str, str]:
    file = Path(path)
    if file.is_dir():
        file = file / "pages.jsonl"
        if not file.exists():
            return {}
    records, _ = _read_jsonl(file)
    return {r["url"]: r["text"] for r in records if r.get("url") and r.get("text")}


def replay_pages(path: Path | str) -> dict[str, str]:
    """URL -> article text that a replay path provides in place of fetched pages."""
    path = Path(path)
    return _pages(str(path), path.stat().st_mtime)
