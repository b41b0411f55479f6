"""Scaling of deduplication: the story step and the event-linking step on 1x, 2x and 4x the ANT corpus.

Copy k of the corpus (k = 0 is the corpus itself) is replayed through the ordinary ingest with its URLs
moved under /marsad-copy-k/ and its dates shifted by k x 728 days (104 whole weeks, so weekday names in the
texts stay right). The copies' event mentions are the coder's output on the corpus (one real extraction
of 1x, cached in the work directory), copied with the same date shift: recoding identical texts would give
the same mentions and only the dedup steps are timed. Each size is timed twice on one database:
- incremental: copies 0..k-2 already deduplicated, copy k-1 arrives, `run_dedup` places it;
- from scratch: stories and events forgotten, `run_dedup` over all k copies.
Linear growth means a constant time per 1,000 articles from scratch, and a constant incremental time.

    .venv/bin/python bench/bench_dedup.py                      # SQLite, sizes 1 2 4
    .venv/bin/python bench/bench_dedup.py --backend postgresql
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import uuid
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_dedup import ANT, extract, ingest  # noqa: E402
from etl.dedup import run_dedup  # noqa: E402
from etl.dedup.config import current  # noqa: E402
from etl.load.db import engine_for, session_scope, upgrade  # noqa: E402
from etl.load.models import (  # noqa: E402
    ActorRow, Article, EventMention, EventMentionActor, EventMentionPlace, EventRow, Place, Story,
)

SHIFT_DAYS = 728  # 104 weeks: weekday names in the texts stay right, copies never overlap in time
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def moved(url: str, copy: int) -> str:
    if copy == 0 or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    return f"{scheme}://{host}/marsad-copy-{copy}/{path}"


def write_copy(corpus: Path, copy: int, out: Path) -> Path:
    """The corpus with its URLs moved and its dates shifted by copy x SHIFT_DAYS days."""
    if copy == 0:
        return corpus
    path = out / f"copy-{copy}.jsonl.gz"
    if path.exists():
        return path
    with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            record["url"] = moved(record["url"], copy)
            record["docno"] = f"{record.get('docno')}-copy{copy}"
            try:
                when = parsedate_to_datetime(record["time"]) + timedelta(days=copy * SHIFT_DAYS)
                record["time"] = format_datetime(when, usegmt=True)
            except (KeyError, TypeError, ValueError):
                pass  # an unreadable date stays unreadable
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def base_database(work: Path, corpus: Path) -> str:
    """1x with the real coder's event mentions (built once)."""
    url = f"sqlite:///{work / 'base-1x.db'}"
    ingest(url, corpus)
    with session_scope(url) as s:
        coded = s.scalar(select(func.count()).select_from(EventMention))
    if not coded:  # any coder version will do: only the dedup steps are timed
        done = extract(url, None)
        print(f"base: extracted {done['articles']} articles into {done['events']} mentions in {done['seconds']} s")
    return url


def base_mentions(base: str) -> dict:
    """Everything needed to copy the base's mentions: by (source, guid) of their article."""
    with session_scope(base) as s:
        mentions = s.execute(select(EventMention, Article.source_id, Article.guid)
                             .join(Article, Article.id == EventMention.article_id)).all()
        actors = {a.id: a for a in s.scalars(select(ActorRow))}
        roles = s.scalars(select(EventMentionActor)).all()
        places = s.scalars(select(EventMentionPlace)).all()
        place_keys = dict(s.execute(select(Place.id, Place.place_key)).all())
        for obj in [m for m, _, _ in mentions] + list(actors.values()) + list(roles) + list(places):
            s.expunge(obj)
    return {"mentions": mentions, "actors": actors, "roles": roles, "places": places, "place_keys": place_keys}


def copy_mentions(url: str, base: dict, copy: int) -> int:
    """Insert the base's mentions for copy k: mapped articles, shifted dates, same actors and places."""
    from etl.extract_articles import ensure_gazetteer

    ensure_gazetteer(url)
    shift = timedelta(days=copy * SHIFT_DAYS)
    skip = ("id", "article_id", "event_date")
    columns = [c.key for c in EventMention.__table__.columns if c.key not in skip]
    with session_scope(url) as s:
        articles = {(src, guid): aid for aid, src, guid in s.execute(select(Article.id, Article.source_id, Article.guid))}
        places = {key: pid for pid, key in s.execute(select(Place.id, Place.place_key))}
        known = set(s.scalars(select(ActorRow.actor_key)))
        s.add_all(ActorRow(**{c.key: getattr(a, c.key) for c in ActorRow.__table__.columns if c.key != "id"})
                  for a in base["actors"].values() if a.actor_key not in known)
        s.flush()
        actor_ids = {key: aid for aid, key in s.execute(select(ActorRow.id, ActorRow.actor_key))}
        rows, natural = [], {}
        for m, source_id, guid in base["mentions"]:
            article = articles.get((source_id, moved(guid, copy)))
            if article is not None:
                rows.append({**{c: getattr(m, c) for c in columns}, "article_id": article,
                             "event_date": m.event_date + shift if m.event_date else None})
                natural[(article, m.field, m.trigger_start, m.event_type)] = m.id
        for i in range(0, len(rows), 2000):
            s.execute(EventMention.__table__.insert(), rows[i:i + 2000])
        new_ids = {}
        for mid, aid, field, start, type_ in s.execute(select(EventMention.id, EventMention.article_id, EventMention.field,
                                                              EventMention.trigger_start, EventMention.event_type)):
            old = natural.get((aid, field, start, type_))
            if old is not None:
                new_ids[old] = mid
        roles = [{**{c.key: getattr(r, c.key) for c in EventMentionActor.__table__.columns if c.key != "id"},
                  "mention_id": new_ids[r.mention_id], "actor_id": actor_ids[base["actors"][r.actor_id].actor_key]}
                 for r in base["roles"] if r.mention_id in new_ids]
        where = [{**{c.key: getattr(r, c.key) for c in EventMentionPlace.__table__.columns if c.key != "id"},
                  "mention_id": new_ids[r.mention_id],
                  "place_id": places.get(base["place_keys"].get(r.place_id)) if r.place_id else None}
                 for r in base["places"] if r.mention_id in new_ids]
        for table, values in ((EventMentionActor.__table__, roles), (EventMentionPlace.__table__, where)):
            for i in range(0, len(values), 2000):
                s.execute(table.insert(), values[i:i + 2000])
    return len(new_ids)


def add_copy(url: str, corpus: Path, work: Path, base: dict, copy: int) -> tuple[int, int]:
    from etl.feeds.registry import load_registry
    from etl.ingest import run_ingest

    articles = run_ingest(url, load_registry(), replay_path=str(write_copy(corpus, copy, work)))["articles_new"]
    return articles, copy_mentions(url, base, copy)


def database(backend: str, work: Path, name: str) -> str:
    if backend == "sqlite":
        path = work / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    db = f"marsad_bench_{name}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{db}"


def drop(url: str) -> None:
    if url.startswith("postgresql"):
        import psycopg

        engine_for(url).dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def measure(backend: str, size: int, corpus: Path, work: Path, base: dict, keep: bool) -> dict:
    from etl.dedup import linking, stories

    cfg = current()
    url = database(backend, work, f"x{size}")
    upgrade(url)
    mentions = articles = 0
    for copy in range(size - 1):
        a, m = add_copy(url, corpus, work, base, copy)
        articles, mentions = articles + a, mentions + m
    run_dedup(url, cfg)
    a, m = add_copy(url, corpus, work, base, size - 1)
    articles, mentions = articles + a, mentions + m
    started = time.perf_counter()
    incremental = run_dedup(url, cfg)
    incremental_seconds = time.perf_counter() - started
    stories.rebuild(url)
    linking.rebuild(url)
    started = time.perf_counter()
    full = run_dedup(url, cfg)
    full_seconds = time.perf_counter() - started
    with session_scope(url) as s:
        counts = (s.scalar(select(func.count()).select_from(Story)), s.scalar(select(func.count()).select_from(EventRow)))
    if not keep:
        drop(url)
    return {"backend": backend, "size": size, "articles": articles, "mentions": mentions, "stories": counts[0],
            "events": counts[1], "full": full, "full_seconds": full_seconds, "incremental": incremental,
            "incremental_seconds": incremental_seconds, "new_articles": a}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--corpus", type=Path, default=ANT)
    parser.add_argument("--work", type=Path, default=Path("/tmp/marsad-bench-dedup"))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL databases")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is absent (../shared/data beside the project)")
    args.work.mkdir(parents=True, exist_ok=True)
    base = base_mentions(base_database(args.work, args.corpus))
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    results = []
    for backend in backends:
        for size in args.sizes:
            r = measure(backend, size, args.corpus, args.work, base, args.keep)
            results.append(r)
            print(f"  {backend} {size}x done: {r['full_seconds']:.1f} s from scratch", file=sys.stderr)
    print(f"{'backend':10} {'size':>4} {'articles':>8} {'mentions':>8} {'stories':>7} {'events':>7} "
          f"{'stories s':>9} {'link s':>7} {'total s':>7} {'s/1k art':>8} {'vs 1x':>6} {'incr. s':>7} {'incr s/1k':>9}")
    first: dict[str, float] = {}
    for r in results:
        per_k = 1000 * r["full_seconds"] / r["articles"]
        first.setdefault(r["backend"], per_k)
        incr_k = 1000 * r["incremental_seconds"] / r["new_articles"]
        print(f"{r['backend']:10} {r['size']:>3}x {r['articles']:>8} {r['mentions']:>8} {r['stories']:>7} "
              f"{r['events']:>7} {r['full']['stories']['seconds']:>9.1f} {r['full']['events']['seconds']:>7.1f} "
              f"{r['full_seconds']:>7.1f} {per_k:>8.2f} {per_k / first[r['backend']]:>6.2f} "
              f"{r['incremental_seconds']:>7.1f} {incr_k:>9.2f}")


if __name__ == "__main__":
    main()
