"""Parallel extraction the way the marsad_extract DAG runs it: N worker processes coding alternating batches
of the same pending list at once (two Celery workers on mapped `code` tasks), then, optionally, two full
recodes (`marsad reextract --all`) at the same time. Reports failed batches, articles left uncoded and
articles whose coding failed, so that deadlocks and lost races show as numbers.

    .venv/bin/python bench/parallel_extract.py --db postgresql://postgres@127.0.0.1:5432/marsad_par \
        [--limit 2000] [--workers 2] [--batch 125] [--reextract]

The database is created when missing, migrated, and the ANT corpus (../shared/data) replayed into it
once; later runs reuse it (--reextract recodes everything again, --fresh starts over).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"


def ensure_database(url: str, fresh: bool) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql"):
        return
    admin = f"host={parsed.host or '127.0.0.1'} port={parsed.port or 5432} user={parsed.username or 'postgres'} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", (parsed.database,)).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{parsed.database}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{parsed.database}"')


def load_corpus(url: str, limit: int | None) -> None:
    from sqlalchemy import func, select

    from etl import ingest
    from etl.extract_articles import ensure_gazetteer
    from etl.feeds.registry import load_registry
    from etl.load.db import session_scope, upgrade
    from etl.load.models import Article

    upgrade(url)
    with session_scope(url) as session:
        if session.scalar(select(func.count()).select_from(Article)):
            return
    source = CORPUS
    if limit:
        tmp = Path(tempfile.mkdtemp()) / "corpus.jsonl"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f, tmp.open("w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= limit:
                    break
                out.write(line)
        source = tmp
    summary = ingest.run_ingest(url, load_registry(), replay_path=str(source))
    print(f"replayed {source.name}: {summary['articles_new']} articles")
    ensure_gazetteer(url)


def _worker(url: str, batches: list[list[int]], queue) -> None:
    from etl.extract_articles import Extractor, process_batch

    extractor = Extractor.for_database(url)
    for batch in batches:
        try:
            result = process_batch(url, batch, extractor)
            queue.put(("ok", len(batch), result))
        except Exception as exc:  # noqa: BLE001 - a failed batch is what this script counts
            queue.put(("failed", len(batch), f"{type(exc).__name__}: {str(exc).splitlines()[0]}"))


def run_parallel(url: str, workers: int, batch: int, everything: bool) -> dict:
    """Code the pending articles (`everything`: all of them, each worker the whole list, like concurrent
    `reextract --all`) in `workers` processes on alternating batches."""
    from etl.extract_articles import Extractor, articles_to_code

    extractor = Extractor.for_database(url)
    pending = articles_to_code(url, extractor, everything)
    batches = [pending[i:i + batch] for i in range(0, len(pending), batch)]
    if everything:
        batches = [list(pending) for _ in range(workers)]
    queue = mp.get_context("spawn").Queue()
    procs = [mp.get_context("spawn").Process(target=_worker, args=(url, batches[w::workers], queue))
             for w in range(workers)]
    started = time.perf_counter()
    for p in procs:
        p.start()
    outcomes = [queue.get() for _ in batches]
    for p in procs:
        p.join()
    seconds = time.perf_counter() - started
    failed = [o for o in outcomes if o[0] == "failed"]
    coded = sum(o[2]["articles"] for o in outcomes if o[0] == "ok")
    errors = sum(o[2].get("errors", 0) for o in outcomes if o[0] == "ok")
    return {"articles": len(pending), "batches": len(batches), "failed_batches": len(failed),
            "articles_coded": coded, "article_errors": errors, "seconds": round(seconds, 1),
            "failures": sorted({o[2] for o in failed})[:5]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--limit", type=int, default=2000, help="articles of the corpus (0: all 7,628)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=125)
    parser.add_argument("--reextract", action="store_true", help="then two full recodes at once")
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database first")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent (../shared/data must be beside the project)")
    ensure_database(args.db, args.fresh)
    load_corpus(args.db, args.limit or None)
    first = run_parallel(args.db, args.workers, args.batch, everything=False)
    print(f"{args.workers} workers on alternating batches of {args.batch}: {first}")
    if args.reextract:
        again = run_parallel(args.db, 2, args.batch, everything=True)
        print(f"two full recodes at once: {again}")
    from etl.extract_articles import Extractor, pending_articles

    extractor = Extractor.for_database(args.db)
    left = pending_articles(args.db, extractor.coder.version, extractor.geocoder.gazetteer.version)
    print(f"articles still uncoded afterwards: {len(left)}")


if __name__ == "__main__":
    main()
