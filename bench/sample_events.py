"""A reproducible random sample of coded events from the ANT corpus, printed for reading by hand.

There is no gold standard for the corpus the pipeline really runs on; reading a random sample is how its
precision is checked (docs/EVALUATION.md reports such readings with the arguments used). The articles and
the events are drawn with fixed seeds, so the same arguments print the same sample for the same coder.

    .venv/bin/python bench/sample_events.py [--type ASSAULT|ALL] [--articles 600] [--n 30] [--seed 11]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--type", default="ASSAULT", help="PLOVER event type, or ALL for every type")
    parser.add_argument("--articles", type=int, default=600, help="random articles to code")
    parser.add_argument("--n", type=int, default=30, help="events to print")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data} not found (../shared/data must be beside the project)")
    from etl.extraction.pipeline import make_coder
    from etl.text.dates import parse_date

    coder = make_coder(geocode=True)
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    random.Random(args.seed).shuffle(articles)
    events = []
    for article in articles[:args.articles]:
        for event in coder.code(article.get("text") or "", title=article.get("title"),
                                published=parse_date(article.get("time"))):
            # what reaches the events table: happened, the sentence's main event, of the news's own time
            if args.type in ("ALL", event.event_type) and event.happened and event.salience == "main" and \
                    event.timing == "current":
                events.append((article["docno"], event))
    print(f"coder {coder.version}: {len(events)} main, current {args.type} events that happened in {args.articles} "
          f"random articles (seed {args.seed}); {min(args.n, len(events))} of them:")
    for k, (docno, e) in enumerate(random.Random(args.seed + 1).sample(events, min(args.n, len(events))), 1):
        place = e.locations[0].get("name_en") if e.locations else None
        who = (e.actor or {}).get("name")
        whom = (e.recipient or {}).get("name")
        print(f"\n{k}. {docno} {e.event_type} [{e.mode or '-'}] trigger «{e.trigger['text']}» actor={who} recipient={whom} "
              f"place={place} ({e.locations[0].get('text') if e.locations else '-'}) date={e.date} "
              f"killed={(e.fatalities or {}).get('best')} injured={(e.injured or {}).get('best')}")
        print("   ", " ".join(e.sentence["text"].split())[:300])


if __name__ == "__main__":
    main()
