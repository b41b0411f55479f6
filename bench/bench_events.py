"""Event coder speed on real Arabic news (../shared/data/ant_multisource, 7,628 articles), one process.

1. coder: the articles' texts coded in memory, geocoding included (the packaged gazetteer), reported as
   sentences per second (sentences as the coder's splitter cuts them) and articles per second;
2. pipeline (unless --no-pipeline): the corpus replayed into a fresh SQLite events database, the
   gazetteer built into it, and the extraction step (geocode + code + store, one transaction per
   article) run over every article: articles per second and the events stored, by PLOVER type.

    .venv/bin/python bench/bench_events.py [--limit N] [--no-pipeline]

Python runs the coder on one core; the machine has two.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"


def load(limit: int | None) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return records[:limit] if limit else records


def bench_coder(records: list[dict]) -> None:
    from etl.extraction.pipeline import make_coder
    from etl.text.sentences import split_sentences

    started = time.perf_counter()
    coder = make_coder(geocode=True)
    ready = time.perf_counter() - started
    texts = [r.get("text") or "" for r in records]
    sentences = sum(len(split_sentences(t)) for t in texts)
    types: Counter = Counter()
    started = time.perf_counter()
    for record, text in zip(records, texts):
        for event in coder.code(text, title=record.get("title")):
            if event.happened:
                types[event.event_type] += 1
    seconds = time.perf_counter() - started
    print(f"coder {coder.version} ready in {ready:.2f} s (dictionaries + packaged gazetteer)")
    print(f"coded {len(records)} articles, {sentences} sentences in {seconds:.1f} s: "
          f"{sentences / seconds:.0f} sentences/s, {len(records) / seconds:.1f} articles/s (geocoding included)")
    print(f"events that happened: {sum(types.values())}  " + ", ".join(f"{k} {v}" for k, v in types.most_common()))


def bench_pipeline(limit: int | None) -> None:
    from sqlalchemy import func, select

    from etl.extract_articles import Extractor, ensure_gazetteer, process_pending
    from etl.feeds.registry import load_registry
    from etl.ingest import run_ingest
    from etl.load.db import session_scope, upgrade
    from etl.load.models import EventMention

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        corpus = CORPUS
        if limit:
            corpus = Path(tmp) / "corpus.jsonl.gz"
            with gzip.open(CORPUS, "rt", encoding="utf-8") as src, gzip.open(corpus, "wt", encoding="utf-8") as dst:
                for n, line in enumerate(src):
                    if n >= limit:
                        break
                    dst.write(line)
        run_ingest(url, load_registry(ROOT / "config" / "feeds.yaml"), replay_path=str(corpus))
        started = time.perf_counter()
        ensure_gazetteer(url)
        built = time.perf_counter() - started
        extractor = Extractor.for_database(url)
        started = time.perf_counter()
        totals = process_pending(url, extractor)
        seconds = time.perf_counter() - started
        with session_scope(url) as s:
            rows = s.execute(select(EventMention.event_type, func.count()).where(EventMention.happened.is_(True))
                             .group_by(EventMention.event_type).order_by(func.count().desc())).all()
        print(f"pipeline (SQLite): gazetteer built in {built:.1f} s; extraction of {totals['articles']} articles in "
              f"{seconds:.1f} s = {totals['articles'] / seconds:.1f} articles/s; {totals['places']} place mentions, "
              f"{totals['events']} event mentions stored")
        print("  happened, by type: " + ", ".join(f"{t} {n}" for t, n in rows))
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--no-pipeline", action="store_true", help="skip the database run")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found (../shared/data must be beside the project)")
    bench_coder(load(args.limit))
    if not args.no_pipeline:
        bench_pipeline(args.limit)


if __name__ == "__main__":
    main()
