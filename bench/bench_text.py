"""Speed of the text layer the event coder runs on every sentence, over the ANT corpus, on one core.

    .venv/bin/python bench/bench_text.py [--articles N]

Prints sentences per second of: the sentence splitter; tokenizing; the casualty reader and the
event-date reader, each given the article's tokens (as the coder does) and on the sentence alone
(tokenizing included). Also what they found, as a sanity check. The coder's budget is 1,000
sentences/s for everything, so each of these should be a small share of a millisecond per sentence.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.extraction.casualties import extract_casualties  # noqa: E402
from etl.extraction.when import event_date  # noqa: E402
from etl.text.dates import parse_date  # noqa: E402
from etl.text.sentences import split_sentences  # noqa: E402
from etl.text.tokens import tokenize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"


def timed(label: str, count: int, fn) -> object:
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:7.2f} s  {count / seconds:10,.0f} sentences/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent (../shared/data is not beside the project)")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    articles = articles[: args.articles] if args.articles else articles
    texts = [a["text"] for a in articles]
    published = [parse_date(a["time"]) for a in articles]
    # warm the dictionaries' caches so that loading them is not timed
    extract_casualties("مقتل 3 أشخاص")
    event_date("أمس", published[0])

    sentences = [split_sentences(t) for t in texts]
    n = sum(len(s) for s in sentences)
    print(f"{len(articles)} articles, {n} sentences, {sum(map(len, texts)) / 1e6:.1f} M characters, one core\n")
    timed("split_sentences", n, lambda: [split_sentences(t) for t in texts])
    tokens = timed("tokenize (whole articles)", n, lambda: [tokenize(t) for t in texts])

    def tolls(shared_tokens: bool):
        return [extract_casualties(t, s.start, s.end, toks if shared_tokens else None)
                for t, ss, toks in zip(texts, sentences, tokens) for s in ss]

    def dates(shared_tokens: bool):
        return [event_date(t, p, s.start, s.end, tokens=toks if shared_tokens else None)
                for t, p, ss, toks in zip(texts, published, sentences, tokens) for s in ss]

    found = timed("extract_casualties (article tokens given)", n, lambda: tolls(True))
    timed("extract_casualties (sentence alone)", n, lambda: tolls(False))
    when = timed("event_date (article tokens given)", n, lambda: dates(True))
    timed("event_date (sentence alone)", n, lambda: dates(False))

    with_toll = [t for t in found if t is not None]
    killed = [t.killed for t in with_toll if t.killed]
    print(f"\nsentences with a toll: {len(with_toll)} (killed {len(killed)}, injured "
          f"{sum(1 for t in with_toll if t.injured)}, arrested {sum(1 for t in with_toll if t.arrested)}, "
          f"abducted {sum(1 for t in with_toll if t.abducted)}); killed, sum of best: "
          f"{sum(f.best for f in killed):,}")
    from_text = [d for d in when if d.source == "text"]
    by_precision = {p: sum(1 for d in from_text if d.precision == p) for p in ("day", "week", "month", "year")}
    print(f"sentences dated by their own text: {len(from_text)} {by_precision}")


if __name__ == "__main__":
    main()
