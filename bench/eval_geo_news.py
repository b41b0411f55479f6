"""Place recognition on Arabic newswire: the geocoder against NewsFANE Gold (../shared/data/newsfane).

NewsFANE tags 170K tokens of news (one `token<TAB>tag` a line, BIO, a blank line between sentences) with
fine-grained entity classes. Gold places are the entities of the place classes (`PLACE_CLASSES`: nations,
towns, provinces, districts, clusters of states, continents, seas, regions). Facilities (buildings,
airports, roads) are neither gold nor errors: a predicted place that overlaps one is left out. Every
other predicted place is right when it overlaps a gold place (each gold place matched once) and wrong
otherwise - a common word (المالي، بأنه), a person's name, an organisation or a club named after a city.

Printed: precision, recall and F1, the most frequent wrong places with the entity class they fall in (O for
plain words), and the most frequent missed places. Sentences are split by a hash of their text into a
tune part (70 %) and a validate part (30 %); both are printed with the whole.

    .venv/bin/python bench/eval_geo_news.py [--data FILE] [--errors N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "newsfane" / "NewsFANE_Gold_2014_170K.txt.gz"
PLACE_CLASSES = frozenset({"Nation", "Population-Center", "State-or-Province", "County-or-District", "GPE-Cluster",
                           "Continent", "Water-Body", "Land", "Land-Region-Natural"})
FACILITY_CLASSES = frozenset({"Building-Grounds", "Airport", "Path", "Subarea-Facility"})
_MARKS = "\u200e\u200f\ufeff"  # direction marks and a byte-order mark the corpus carries


def sentences(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, entities) per sentence: the tokens joined by spaces, each entity (start, end, class)."""
    out, words, tags = [], [], []

    def close() -> None:
        if not words:
            return
        text, spans, offset, current = "", [], 0, None
        for word, tag in zip(words, tags):
            start = offset + (1 if text else 0)
            text += (" " if text else "") + word
            offset = len(text)
            kind = tag[2:] if tag[:2] in ("B-", "I-") else None
            if tag.startswith("I-") and current is not None and current[2] == kind:
                current[1] = offset
            elif kind:
                current = [start, offset, kind]
                spans.append(current)
            else:
                current = None
        out.append((text, [tuple(s) for s in spans]))
        words.clear()
        tags.clear()

    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip("\r\n").strip(_MARKS)
            if not line.strip():
                close()
                continue
            word, _, tag = line.partition("\t")
            word = word.strip(_MARKS).strip()
            if word:
                words.append(word)
                tags.append(tag.strip() or "O")
    close()
    return out


def part_of(text: str) -> str:
    return "validate" if hashlib.sha1(text.encode()).digest()[0] % 10 >= 7 else "tune"


def score(geocoder, data) -> dict:
    tp = fp = fn = 0
    wrong, missed = Counter(), Counter()
    for text, entities in data:
        gold = [e for e in entities if e[2] in PLACE_CLASSES]
        facilities = [e for e in entities if e[2] in FACILITY_CLASSES]
        matched = set()
        for p in geocoder.geocode(text):
            hit = next((k for k, g in enumerate(gold) if k not in matched and p.start < g[1] and g[0] < p.end), None)
            if hit is not None:
                matched.add(hit)
                tp += 1
                continue
            if any(hit is None and p.start < f[1] and f[0] < p.end for f in facilities):
                continue
            fp += 1
            kind = next((e[2] for e in entities if p.start < e[1] and e[0] < p.end), "O")
            wrong[(text[p.start:p.end], kind)] += 1
        for k, g in enumerate(gold):
            if k not in matched:
                fn += 1
                missed[text[g[0]:g[1]]] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "wrong": wrong, "missed": missed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=25, help="show the N most frequent wrong and missed places")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data} not found (../shared/data must be beside the project)")
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.geo.geocoder import Geocoder

    geocoder = Geocoder(packaged_gazetteer())
    data = sentences(args.data)
    started = time.perf_counter()
    print(f"NewsFANE: {len(data)} sentences, {sum(len(t.split()) for t, _ in data)} tokens; gold classes "
          f"{', '.join(sorted(PLACE_CLASSES))}")
    whole = None
    for name, rows in (("tune", [d for d in data if part_of(d[0]) == "tune"]),
                       ("validate", [d for d in data if part_of(d[0]) == "validate"]), ("all", data)):
        s = score(geocoder, rows)
        print(f"  {name:8s} {len(rows):5d} sentences: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
              f"(TP {s['tp']}, FP {s['fp']}, FN {s['fn']})")
        whole = s
    print(f"  ({time.perf_counter() - started:.1f} s for the three passes)")
    if args.errors:
        print(f"\nmost frequent wrong places (text, NewsFANE class; O is a plain word), all sentences:")
        for (text, kind), n in whole["wrong"].most_common(args.errors):
            print(f"  {n:4d}  {text}  [{kind}]")
        print(f"\nmost frequent missed places:")
        for text, n in whole["missed"].most_common(args.errors):
            print(f"  {n:4d}  {text}")


if __name__ == "__main__":
    main()
