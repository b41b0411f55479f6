"""How `marsad export` scales: time and peak memory of each table and format for growing selections of the same
events database (a quarter, half and all of its events by date), each export in a fresh process so that the
peak resident memory (ru_maxrss) is the export's own. Streaming shows as a peak that stays flat while the rows
grow.

    .venv/bin/python bench/bench_export.py [--db sqlite:///data/marsad.db]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
from etl.publish.export import export
from etl.publish.filters import EventFilter
url, table, fmt, until, out = sys.argv[1:]
import pyarrow  # loaded in every run, so that the baseline is the same
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
result = export(url, table, fmt, Path(out), EventFilter(end=date.fromisoformat(until)))
print(json.dumps({"rows": result.rows, "mentions": result.mentions, "seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "base_mb": base / 1024, "bytes": Path(out).stat().st_size}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=f"sqlite:///{Path(__file__).resolve().parents[1] / 'data' / 'marsad.db'}")
    args = parser.parse_args()
    from sqlalchemy import text

    from etl.load.db import engine_for

    with engine_for(args.db).connect() as conn:
        days = [str(d)[:10] for (d,) in conn.execute(text(
            "SELECT event_date FROM events WHERE event_date IS NOT NULL ORDER BY event_date"))]
    cuts = [days[len(days) // 4 - 1], days[len(days) // 2 - 1], days[-1]]
    print(f"database {args.db}: {len(days)} dated events; selections end on {', '.join(cuts)}")
    print(f"{'table':9} {'format':8} {'rows':>7} {'mentions':>9} {'seconds':>8} {'rows/s':>8} {'peak MB':>8} "
          f"{'over base':>9} {'MB out':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for table, fmt in (("acled", "csv"), ("events", "csv"), ("events", "parquet"), ("events", "geojson"),
                           ("mentions", "csv")):
            for until in cuts:
                out = Path(tmp) / f"out.{fmt}"
                run = subprocess.run([sys.executable, "-c", CHILD, args.db, table, fmt, until, str(out)],
                                     capture_output=True, text=True, check=True)
                r = json.loads(run.stdout)
                print(f"{table:9} {fmt:8} {r['rows']:7d} {r['mentions']:9d} {r['seconds']:8.2f} "
                      f"{r['rows'] / max(r['seconds'], 1e-9):8.0f} {r['peak_mb']:8.0f} {r['peak_mb'] - r['base_mb']:9.0f} "
                      f"{r['bytes'] / 1e6:7.1f}")


if __name__ == "__main__":
    main()
