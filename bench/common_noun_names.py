"""Which place names of the gazetteer are also common nouns of Arabic news, measured on a corpus.

A name is taken as a common noun when the corpus also writes it with a possessive suffix or a plural ending
(إشارته، إشارات next to إشارة; بلدته، بلدات next to بلدة): place names do not inflect so. For every one-word
name key of the packaged gazetteer, this counts the bare form (with or without the article and a one-letter
proclitic) and the inflected forms in the corpus, and writes the names whose inflected forms are frequent
enough to `etl/geo/data/common_noun_names.tsv` (key, bare count, inflected count), which the geocoder reads:
such a name needs the support a name in cues.yaml `needs_context` needs.

    .venv/bin/python bench/common_noun_names.py [--corpus PATH] [--min-inflected 5] [--min-share 0.05] [--write]
                                                [--show NAME ...]
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
CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"
OUT = ROOT / "etl" / "geo" / "data" / "common_noun_names.tsv"
_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")


def inflections(key: str) -> set[str]:
    """Possessive and sound-plural forms of a folded key (ة is folded to ه: إشارة → اشاره → اشارته، اشارات).
    Not X + ه for a key without ة: folded, that is also the feminine (عسكري → عسكرية), no evidence."""
    if key.endswith("ه"):
        forms = {key[:-1] + "ت" + s for s in _SUFFIXES} | {key[:-1] + "ات"}
    else:
        forms = {key + s for s in _SUFFIXES if s != "ه"} | {key + "ات"}
    return forms - {key}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--min-inflected", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=0.05, help="inflected / bare at least this")
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    parser.add_argument("--show", nargs="*", default=[], help="names (as written) whose counts to print")
    args = parser.parse_args()
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.text.tokens import clitic_bases, strip_article, tokenize

    names = {k for k in packaged_gazetteer().index if len(k) >= 3}
    wanted: dict[str, list[str]] = {}  # inflected form -> the name keys it inflects (اشارات: اشاره and اشار)
    for key in sorted(names):
        for form in sorted(inflections(key)):
            if form not in names:  # (a form that is itself a place name tells nothing)
                wanted.setdefault(form, []).append(key)
    bare, inflected = Counter(), Counter()
    articles = 0
    with gzip.open(args.corpus, "rt", encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            articles += 1
            for token in tokenize(f"{record.get('title') or ''}\n{record.get('text') or ''}"):
                # the word as written first, then with a one- or two-letter proclitic read off (بلاده is بلاد + ه,
                # not ب + لاده)
                readings = [strip_article(token.key)] + [strip_article(b) for n, b in clitic_bases(token.key) if 0 < n <= 2]
                for base in readings:
                    if base in names:
                        bare[base] += 1
                        break
                    if base in wanted:
                        inflected.update(wanted[base])
                        break
    found = sorted((k for k in inflected if inflected[k] >= args.min_inflected and
                    inflected[k] >= args.min_share * max(bare[k], 1)), key=lambda k: -inflected[k])
    print(f"{articles} articles of {args.corpus}; {len(names)} one-word name keys; {len(found)} are common nouns "
          f"(inflected forms >= {args.min_inflected} and >= {args.min_share:.0%} of the bare form)")
    for key in found[:60]:
        print(f"  {key}\tbare {bare[key]}\tinflected {inflected[key]}")
    from etl.text.tokens import name_key
    for name in args.show:
        key = name_key(name)
        print(f"  {name} ({key}): name {key in names}, bare {bare[key]}, inflected {inflected[key]}, listed {key in found}")
    if args.write:
        lines = ["# key\tbare\tinflected  (bench/common_noun_names.py over the ANT corpus of 2018: place names that "
                 "the news also inflects as common nouns)"]
        lines += [f"{k}\t{bare[k]}\t{inflected[k]}" for k in sorted(found)]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
