"""How well the gold standard's own annotators score against its labels: the ceiling of bench/eval_events.py.

The OEDA Arabic gold standard (../shared/data/arabic_event_gsr) labels a sentence `yes` only when every
annotator accepted it; `difficult no` when some, but not all, did (one of three, or two of four after a
tie-break); `easy no` when none did. Its csv files carry the votes (`accept`, `total`). From the votes
alone, with the positives and negatives of bench/eval_events.py (`yes` against `easy no` + `difficult
no`, `ambiguous` left out), this prints the precision, recall and F1 of:

* the panel's majority: a judge who accepts exactly the sentences that at least half of the annotators
  accepted (a tie, two of four, counts as accepted), and one who needs more than half;
* one annotator drawn at random: each sentence accepted with the share of annotators who accepted it.
  The `yes` sentences were accepted by every annotator, this one included, so this is an upper bound on
  what a single annotator scores against labels that count his own vote;
* one annotator against the others: each annotator in turn held out, his vote predicting whether all of
  the others accepted (sentences with three or more votes, `ambiguous` ones included, since their label
  is what the others' votes make it).

Then the same judges on each batch apart: the sentences judged by three annotators and those judged by
four or more, with how often each batch says `yes` (every annotator accepting is rarer among four).

No coder is run: these are properties of the data, the bar any coder is measured against.

    .venv/bin/python bench/gold_agreement.py [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "arabic_event_gsr"
SCORED = {"yes", "easy no", "difficult no"}


def votes(data: Path, event_type: str) -> list[tuple[str, int, int]]:
    """(label, accept, total) of every sentence of the type's csv file."""
    with (data / f"{event_type.lower()}.csv").open(encoding="utf-8") as f:
        return [(row["label"], int(row["accept"]), int(row["total"])) for row in csv.DictReader(f)]


def scores(tp: float, fp: float, fn: float) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": round(tp, 1), "fp": round(fp, 1), "fn": round(fn, 1), "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def majority(rows, strict: bool) -> dict:
    scored = [r for r in rows if r[0] in SCORED]
    accepts = [(label, 2 * k > n if strict else 2 * k >= n) for label, k, n in scored]
    tp = sum(1 for label, a in accepts if a and label == "yes")
    fp = sum(1 for label, a in accepts if a and label != "yes")
    fn = sum(1 for label, a in accepts if not a and label == "yes")
    return scores(tp, fp, fn)


def random_annotator(rows) -> dict:
    tp = fp = fn = 0.0
    for label, k, n in rows:
        if label not in SCORED:
            continue
        if label == "yes":
            tp, fn = tp + k / n, fn + 1 - k / n
        else:
            fp += k / n
    return scores(tp, fp, fn)


def held_out(rows) -> dict:
    tp = fp = fn = 0.0
    for _, k, n in rows:
        if n < 3:
            continue
        # held out one who accepted (k of n times): right when all the other n-1 accepted too
        if k:
            if k == n:
                tp += k / n
            else:
                fp += k / n
        # held out one who rejected: a miss when all the others accepted
        if k == n - 1:
            fn += (n - k) / n
    return scores(tp, fp, fn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data} not found (../shared/data must be beside the project)")
    for event_type in ("ASSAULT", "PROTEST"):
        rows = votes(args.data, event_type)
        ties = sum(1 for label, k, n in rows if label == "difficult no" and 2 * k == n)
        print(f"\n{event_type}: {sum(1 for r in rows if r[0] == 'yes')} yes, "
              f"{sum(1 for r in rows if r[0] == 'difficult no')} difficult no ({ties} of them ties, half the "
              f"annotators accepting), {sum(1 for r in rows if r[0] == 'easy no')} easy no")
        for name, result in (("majority, ties accepted", majority(rows, strict=False)),
                             ("majority, more than half", majority(rows, strict=True)),
                             ("one annotator at random (upper bound)", random_annotator(rows)),
                             ("one annotator against the others", held_out(rows))):
            print(f"  {name:40s} " + "  ".join(f"{k} {v}" for k, v in result.items()))
        for size, batch in (("3", [r for r in rows if r[2] == 3]), ("4+", [r for r in rows if r[2] >= 4])):
            labels = {label: sum(1 for r in batch if r[0] == label) for label in ("yes", "difficult no", "easy no")}
            print(f"  judged by {size} annotators: {len(batch)} sentences, " +
                  ", ".join(f"{n} {label}" for label, n in labels.items()))
            for name, result in (("majority, ties accepted", majority(batch, strict=False)),
                                 ("one annotator at random (upper bound)", random_annotator(batch))):
                print(f"    {name:38s} " + "  ".join(f"{k} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
