"""Ingest throughput: replay the 7,628-article ANT corpus into SQLite and into PostgreSQL.

Measures the whole ingest path minus the network: building the four outlets' feeds from the JSONL,
feedparser parsing, canonical URLs, dates, language check, the replayed article text, and the
idempotent upserts, in one process (one core). Each back end runs in a fresh child process so that
its peak memory (max RSS, imports included) is its own. A second pass over the same data measures a
re-run, where every article is found unchanged.

    .venv/bin/python bench/ingest.py [--backend sqlite|postgresql|both] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"
PG = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def child(backend: str, corpus: str) -> dict:
    sys.path.insert(0, str(ROOT))
    workdir = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    os.environ["MARSAD_DATA_DIR"] = str(workdir)
    from etl.ingest import run_ingest
    from etl.load.db import engine_for, upgrade

    name = None
    if backend == "sqlite":
        url = f"sqlite:///{workdir / 'bench.db'}"
    else:
        import psycopg

        name = f"marsad_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        upgrade(url)
        started = time.perf_counter()
        first = run_ingest(url, replay_path=corpus)
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        second = run_ingest(url, replay_path=corpus)
        second_s = time.perf_counter() - started
    finally:
        if name:
            engine_for(url).dispose()
            import psycopg

            with psycopg.connect(PG, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return {
        "backend": backend, "articles": first["articles_new"], "items": first["items_seen"],
        "first_s": round(first_s, 2), "first_rate": round(first["items_seen"] / first_s),
        "rerun_s": round(second_s, 2), "rerun_rate": round(second["items_seen"] / second_s),
        "rerun_unchanged": second["articles_unchanged"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus)))
        return
    if not Path(args.corpus).exists():
        sys.exit(f"corpus {args.corpus} not found (../shared/data must be beside the project)")
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    print(f"ingest benchmark: replay of {args.corpus}\n"
          f"one process per back end, {os.cpu_count()} CPUs on the machine, Python {sys.version.split()[0]}")
    print(f"{'backend':<11} {'articles':>8} {'first run':>10} {'art/s':>7} {'re-run':>8} {'art/s':>7} {'peak RSS':>9}")
    for backend in backends:
        out = subprocess.run([sys.executable, __file__, "--child", backend, "--corpus", args.corpus],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['backend']:<11} {r['articles']:>8} {r['first_s']:>9}s {r['first_rate']:>7} "
              f"{r['rerun_s']:>7}s {r['rerun_rate']:>7} {r['peak_rss_mb']:>6} MB")


if __name__ == "__main__":
    main()
