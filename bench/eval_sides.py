"""Who did it to whom, sentence by sentence: the coder's actor and recipient against the event-level gold.

`bench/eval_event_table.py` judges each real event's sides on its best row, after the table has voted over
the row's mentions; this script judges the coder itself, one mention at a time, so that a change to the
argument rules shows in seconds and its errors can be read. Every event the coder marks happened, of the
gold's types (ASSAULT, PROTEST, COERCE), whose sentence is a report of a gold event of the same type (same
article and field, the trigger inside the reported sentence) is scored: its actor and its recipient
against the gold event's, by the table evaluation's rule (same country; same sector unless the system
names the state itself, which stands for any of its agents; no side where the gold has none).

A report sentence need not name both sides (the gold codes the event, not the sentence), so the figures
are lower than the table's and only their changes mean much. Misses are counted by kind: missing (the
gold has a side, the mention none), wrong (a side that is not the gold's), extra (a side where the gold
has none).

    .venv/bin/python bench/eval_sides.py [--split tune|validate|all] [--show N] [--role actor|recipient]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_event_table import _side_right, load_gold, read_corpus  # noqa: E402

TYPES = ("ASSAULT", "PROTEST", "COERCE")


def _key(side: dict | None) -> tuple | None:
    if not side:
        return None
    return (side.get("id") or "", side.get("country"), side.get("sector"))


def _kind(system: tuple | None, gold: dict | None) -> str:
    if _side_right(system, gold):
        return "right"
    if system is None:
        return "missing"
    return "extra" if not gold else "wrong"


def score(split: str):
    from etl.extraction.pipeline import make_coder
    from etl.text.dates import parse_date

    articles, gold = load_gold(split)
    docnos = {a["docno"] for a in articles}
    reports: dict[tuple[str, str], list[tuple[int, int, dict]]] = {}
    for event in gold.values():
        for r in event["reports"]:
            reports.setdefault((r["docno"], r.get("field", "text")), []).append(
                (r["sentence_start"], r["sentence_end"], event))
    texts = {docno: record for docno, (_, record) in read_corpus(docnos).items()}
    coder = make_coder(geocode=True)
    scored = []
    for docno in sorted(docnos):
        record = texts[docno]
        published = parse_date(record.get("time"))
        for field_, text in (("title", record.get("title")), ("text", record.get("text"))):
            if not text:
                continue
            for e in coder.code(text, published=published):
                if not e.happened or e.event_type not in TYPES:
                    continue
                at = e.trigger["start"]
                events = [g for lo, hi, g in reports.get((docno, field_), ()) if lo <= at < hi
                          and g["type"] == e.event_type]
                if not events:
                    continue
                g = events[0]
                scored.append({"docno": docno, "gold": g, "event": e,
                               "actor": _kind(_key(e.actor), g.get("actor")),
                               "recipient": _kind(_key(e.recipient), g.get("recipient"))})
    return scored


def _side_text(side: dict | None) -> str:
    if not side:
        return "-"
    return f"{side.get('text') or side.get('name')} [{side.get('country') or ''}/{side.get('sector') or ''}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "validate", "all"), default="tune")
    parser.add_argument("--show", type=int, default=0, help="print this many misses (random, seed 1)")
    parser.add_argument("--role", choices=("actor", "recipient", "both"), default="both")
    args = parser.parse_args()
    scored = score(args.split)
    print(f"split {args.split}: {len(scored)} mentions in gold report sentences "
          f"({len({s['gold']['id'] for s in scored})} real events)")
    for role in ("actor", "recipient"):
        kinds = Counter(s[role] for s in scored)
        print(f"  {role:9s} right {kinds['right'] / max(1, len(scored)):.3f}  "
              + "  ".join(f"{k} {kinds[k]}" for k in ("right", "missing", "wrong", "extra")))
    both = sum(s["actor"] == s["recipient"] == "right" for s in scored)
    print(f"  both      right {both / max(1, len(scored)):.3f}")
    if args.show:
        roles = ("actor", "recipient") if args.role == "both" else (args.role,)
        misses = [s for s in scored if any(s[r] != "right" for r in roles)]
        random.Random(1).shuffle(misses)
        for s in misses[:args.show]:
            e, g = s["event"], s["gold"]
            print(f"\n{g['id']} {s['docno']} {e.event_type}/{e.mode} trigger «{e.trigger['text']}»")
            print("  " + " ".join(e.sentence["text"].split())[:400])
            for r in roles:
                gs = g.get(r) or {}
                print(f"  {r:9s} {s[r]:7s} system {_side_text(getattr(e, r))}   gold {gs.get('name', '-')} "
                      f"[{gs.get('country') or ''}/{gs.get('sector') or ''}]")


if __name__ == "__main__":
    main()
