"""Every place mention the geocoder finds in the ANT corpus, one line each, for comparing two builds of it.

The title and the text of each article are geocoded as the coder does (whole texts, the packaged
gazetteer); a line is the article, the field and every field of the mention. Lines are sorted, so two
dumps of the same behaviour are byte-identical (`cmp`) and `diff` shows what a change moved.

    .venv/bin/python bench/dump_places.py --output /tmp/places-before.tsv [--limit N]
    ... change the geocoder ...
    .venv/bin/python bench/dump_places.py --output /tmp/places-after.tsv
    cmp /tmp/places-before.tsv /tmp/places-after.tsv
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"


def rows(data: Path, limit: int | None):
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.geo.geocoder import Geocoder

    geocoder = Geocoder(packaged_gazetteer())
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for number, line in enumerate(f):
            if limit is not None and number >= limit:
                break
            article = json.loads(line)
            for field in ("title", "text"):
                for m in geocoder.geocode(article.get(field) or ""):
                    yield (article["docno"], field, f"{m.start:06d}", *(repr(v) for v in m.as_dict().values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, help="write the dump here (default: standard output)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data} not found (../shared/data must be beside the project)")
    lines = sorted("\t".join(row) for row in rows(args.data, args.limit))
    text = "\n".join(lines) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"{len(lines)} place mentions written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
