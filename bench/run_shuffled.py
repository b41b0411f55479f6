"""The whole pipeline with its batches in a shuffled order, as the DAGs may run them: the feeds stored in
another order (article ids), the extraction batches coded in another order (mention ids), the story
batches placed in another order (story ids); then the event linking. Compare the result with an ordinary
`marsad run` of the same input with bench/compare_runs.py: the events must be the same.

    python bench/run_shuffled.py --replay ../shared/data/ant_multisource/middleEast_2018.jsonl.gz \\
        --db sqlite:////tmp/shuffled.db --seed 7
    python bench/compare_runs.py sqlite:////tmp/shuffled.db sqlite:////tmp/plain.db
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replay", type=Path, required=True, help="articles JSONL or directory of feeds")
    parser.add_argument("--db", required=True, help="events database URL (a fresh one)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the shuffles")
    args = parser.parse_args()

    from etl.dedup.config import current
    from etl.dedup.linking import link_pending
    from etl.dedup.stories import assign_batch, pending_article_batches
    from etl.extract_articles import BATCH, Extractor, pending_articles, process_batch
    from etl.feeds.registry import load_registry
    from etl.ingest import run_ingest
    from etl.load.db import upgrade

    shuffle = random.Random(args.seed).shuffle
    started = time.perf_counter()
    upgrade(args.db)
    registry = load_registry()
    sources = [s.id for s in registry.sources]
    shuffle(sources)
    for source in sources:  # one ingest per feed, in shuffled order: the article ids differ
        run_ingest(args.db, registry, [source], str(args.replay))
    extractor = Extractor.for_database(args.db)
    pending = pending_articles(args.db, extractor.coder.version, extractor.geocoder.gazetteer.version)
    batches = [pending[i:i + BATCH] for i in range(0, len(pending), BATCH)]
    shuffle(batches)
    for batch in batches:  # the extraction DAG's mapped batches, in another order: the mention ids differ
        process_batch(args.db, batch, extractor)
    cfg = current()
    story_batches = pending_article_batches(args.db, cfg)
    shuffle(story_batches)
    for batch in story_batches:
        assign_batch(args.db, batch, cfg)
    result = link_pending(args.db, cfg)
    print(f"feeds {sources}; {len(batches)} extraction batches and {len(story_batches)} story batches shuffled "
          f"(seed {args.seed}); {result.events_created} events; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
