"""Every event the coder finds in the ANT corpus, one line each, for comparing two builds of the coder.

A rule is measured by what it changes on real news: dump the events before and after the change and
read the lines that differ. Lines are sorted and carry no coder version, so two dumps of the same
behaviour are byte-identical (`cmp`), and `diff` shows exactly the events a change added, removed or
recoded (type, mode, modality, salience, actor, recipient, toll, trigger, sentence).

    .venv/bin/python bench/dump_events.py --output /tmp/before.tsv [--limit N]
    ... change the coder ...
    .venv/bin/python bench/dump_events.py --output /tmp/after.tsv
    diff /tmp/before.tsv /tmp/after.tsv | less
    .venv/bin/python bench/dump_events.py --compare /tmp/before.tsv /tmp/after.tsv   # counts by field
    .venv/bin/python bench/dump_events.py --full --output /tmp/full.tsv   # every field: a refactor must keep it
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"
FIELDS = ("docno", "trigger_start", "type", "mode", "modality", "salience", "actor", "recipient", "killed",
          "injured", "place", "trigger", "sentence")


def _side(side: dict | None) -> str:
    if not side:
        return "-"
    return f"{side.get('name')}|{side.get('country') or ''}|{side.get('sector') or ''}"


def _toll(toll: dict | None) -> str:
    return "-" if not toll else f"{toll.get('low')}/{toll.get('best')}/{toll.get('high')}"


def rows(data: Path, limit: int | None, full: bool = False):
    from etl.extraction.pipeline import make_coder
    from etl.text.dates import parse_date

    coder = make_coder(geocode=True)
    with gzip.open(data, "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    for article in articles[:limit] if limit else articles:
        for e in coder.code(article.get("text") or "", title=article.get("title"),
                            published=parse_date(article.get("time"))):
            if full:  # every field the coder sets, for refactors that must change nothing
                yield (article["docno"], f"{e.trigger['start']:06d}",
                       json.dumps(e.as_dict(), ensure_ascii=False, sort_keys=True, default=str))
                continue
            place = e.locations[0].get("name_en") or e.locations[0].get("name") if e.locations else "-"
            yield (article["docno"], f"{e.trigger['start']:06d}", e.event_type, e.mode or "-", e.modality,
                   e.salience, _side(e.actor), _side(e.recipient), _toll(e.fatalities), _toll(e.injured),
                   place or "-", e.trigger["text"], " ".join(e.sentence["text"].split())[:240])


def compare(before: Path, after: Path) -> None:
    """How many events were added or removed, and how many kept events changed in each field."""
    def load(path: Path) -> dict:
        out = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            out[(cells[0], cells[1], cells[2])] = cells
        return out

    old, new = load(before), load(after)
    changed = Counter()
    for key in old.keys() & new.keys():
        for name, a, b in zip(FIELDS, old[key], new[key]):
            if a != b:
                changed[name] += 1
    print(f"events before {len(old)}, after {len(new)}: {len(new.keys() - old.keys())} added, "
          f"{len(old.keys() - new.keys())} removed (keyed by article, trigger offset and type)")
    for name in FIELDS:
        if changed[name]:
            print(f"  {name} changed in {changed[name]} kept events")
    main_before = sum(1 for c in old.values() if c[5] == "main" and c[4] in ("asserted", "reported", "claimed"))
    main_after = sum(1 for c in new.values() if c[5] == "main" and c[4] in ("asserted", "reported", "claimed"))
    print(f"main events that happened: {main_before} -> {main_after}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, help="write the dump here (default: standard output)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--full", action="store_true",
                        help="one JSON line per event with every field (compare two dumps with cmp)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="count what changed between two dumps instead of coding")
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return
    if not args.data.exists():
        sys.exit(f"{args.data} not found (../shared/data must be beside the project)")
    lines = sorted("\t".join(row) for row in rows(args.data, args.limit, args.full))
    text = "\n".join(lines) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"{len(lines)} events written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
