"""Cost of one long text: does the time grow with the text's length, or faster?

Nothing caps an article's length, so one text may hold a whole site's archive. Long texts are built by
concatenating the title and text of the ANT articles (../shared/data/ant_multisource/middleEast_2018.jsonl.gz,
7,628 real Arabic news articles, in file order, an empty line between articles) and cutting at exactly
each size; with --one-line every line break becomes a space (one paragraph, as some sites write). At each
size, on one core (the process pinned with sched_setaffinity), the fastest of --repeat runs (a single
run when it takes over 10 s):

  (a) geocoder: `Geocoder(packaged gazetteer).geocode(text)` (tokenizing included);
  (b) coder: `make_coder(geocode=True).code(text, title=..., published=...)` (the first article's title
      and date), geocoding included;
  (c) text layer alone: `split_sentences(text)` and `tokenize(text)`.

Each line gives seconds and characters per second; "x cost/char" is the cost per character relative
to the smallest size (1.0 everywhere when the cost is linear). The digests (SHA-1 of the mentions and
of the events) let two builds be compared on the same long texts: equal digests, equal output.

    .venv/bin/python bench/bench_long_text.py [--sizes 16384,65536,262144,1048576] [--repeat 3]
                                              [--skip-coder] [--one-line]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"
SIZES = (16_384, 65_536, 262_144, 1_048_576)
LINE_BREAKS_TO_SPACES = str.maketrans(dict.fromkeys("\n\r\u2028\u2029\x0b\x0c\x85", " "))  # (the splitter's)


def load() -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def long_text(articles: list[dict], size: int, one_line: bool = False) -> str:
    parts, length = [], 0
    for article in articles:
        part = f"{article.get('title') or ''}\n{article.get('text') or ''}"
        parts.append(part)
        length += len(part) + 2
        if length >= size:
            break
    text = "\n\n".join(parts)
    if len(text) < size:
        sys.exit(f"the corpus has only {len(text):,} characters")
    return text[:size].translate(LINE_BREAKS_TO_SPACES) if one_line else text[:size]


def best_of(repeat: int, run):
    """(fastest wall time, result of the last run); a run of over 10 s is not repeated."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
        if best > 10:
            break
    return best, result


def digest(rows) -> str:
    return hashlib.sha1("\n".join(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str)
                                  for r in rows).encode()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="characters, comma-separated")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per measurement, the fastest reported (one only when it takes over 10 s)")
    parser.add_argument("--skip-coder", action="store_true", help="time the geocoder and the text layer only")
    parser.add_argument("--one-line", action="store_true",
                        help="line breaks replaced by spaces: the whole text is one line (one paragraph)")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found (../shared/data must be beside the project)")
    sizes = sorted(int(s) for s in args.sizes.split(","))

    from etl.extraction.pipeline import make_coder
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.geo.geocoder import Geocoder
    from etl.text.dates import parse_date
    from etl.text.sentences import split_sentences
    from etl.text.tokens import tokenize

    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        pinned = f"pinned to CPU {core}"
    else:
        pinned = "not pinned"
    articles = load()
    longest = max(len(a.get("text") or "") for a in articles)
    title, published = articles[0].get("title"), parse_date(articles[0].get("time"))
    geocoder = Geocoder(packaged_gazetteer())
    coder = None if args.skip_coder else make_coder(geocode=True)
    warmup = long_text(articles, 8_000)  # caches and lazy imports, so that the smallest size is not penalised
    geocoder.geocode(warmup)
    if coder is not None:
        coder.code(warmup, title=title, published=published)

    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, one core ({pinned}); "
          f"best of {args.repeat} run(s)")
    print(f"texts: the ANT articles ({CORPUS.name}) concatenated, title and text, cut at each size"
          f"{', on one line' if args.one_line else ''}; the longest article's text is {longest:,} characters")
    print(f"{'step':<16} {'characters':>10} {'seconds':>9} {'characters/s':>13} {'x cost/char':>11}  output")
    base: dict[str, float] = {}

    def report(step: str, size: int, seconds: float, output: str) -> None:
        per_char = seconds / size
        base.setdefault(step, per_char)
        print(f"{step:<16} {size:>10,} {seconds:>9.3f} {size / seconds:>13,.0f} {per_char / base[step]:>11.1f}  "
              f"{output}", flush=True)

    for size in sizes:
        text = long_text(articles, size, args.one_line)
        seconds, sentences = best_of(args.repeat, lambda: split_sentences(text))
        report("split_sentences", size, seconds, f"{len(sentences):,} sentences")
        seconds, tokens = best_of(args.repeat, lambda: tokenize(text))
        report("tokenize", size, seconds, f"{len(tokens):,} tokens")
        seconds, mentions = best_of(args.repeat, lambda: geocoder.geocode(text))
        report("geocoder", size, seconds,
               f"{len(mentions):,} place mentions, digest {digest(m.as_dict() for m in mentions)}")
        if coder is not None:
            seconds, events = best_of(args.repeat, lambda: coder.code(text, title=title, published=published))
            report("coder", size, seconds, f"{len(events):,} events, digest {digest(e.as_dict() for e in events)}")


if __name__ == "__main__":
    main()
