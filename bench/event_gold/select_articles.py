"""Reproduce the article selection of the event-level gold standard (bench/event_gold).

Two parts:

* CLUSTERS: stories that several articles (mostly of different outlets) report. For each cluster the
  search that found its candidates is recorded (publication-date window, UTC, from the feed's pubDate,
  and regular expressions that must all match title + text); the articles coded are the ones listed in
  `picked`, chosen by hand among the candidates (the ones reporting the event itself, preferring
  different outlets and shorter texts). The script checks that every picked article matches its search.
* RANDOM: single articles drawn at random (random.Random(SEED)) among the articles that are in no
  cluster, whose text is at most MAX_CHARS characters long and which contain violence / protest / arrest
  words (KEYWORDS: in the title, or at least MIN_TEXT_HITS matches in the text); PER_SOURCE articles of
  each of the four outlets.

    .venv/bin/python bench/event_gold/select_articles.py [--data PATH] [--show]

prints the docnos of the selection (cluster, docno, src, date, title length only; no article text).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from email.utils import parsedate_to_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"

SEED = 20180214
PER_SOURCE = 7
MAX_CHARS = 4000
MIN_TEXT_HITS = 3
KEYWORDS = re.compile(
    r"قتل|قتيل|قتلى|مقتل|هجوم|هجمات|غارة|غارات|قصف|تفجير|انفجار|انتحاري|اشتباك|مسلح|اغتيال|اختطاف|خطف"
    r"|احتجاج|مظاهرة|مظاهرات|تظاهر|متظاهر|محتج|اعتصام|إضراب|اعتقال|اعتقل|توقيف|القبض|احتجاز|معتقل|جرحى"
)

CLUSTERS = [
    {"id": "C01", "name": "Eastern Ghouta bombardment, 18-21 Feb 2018",
     "window": ("2018-02-18", "2018-02-22"), "terms": ["الغوطة"],
     "picked": ["FR-middleEast-24-20180219", "CN-middleEast-32-20180220", "BB-middleEast-66-20180221"]},
    {"id": "C02", "name": "Gonabadi dervishes clash with police, Tehran, 19-20 Feb 2018",
     "window": ("2018-02-18", "2018-02-25"), "terms": ["دراويش|الدراويش|صوفي"],
     "picked": ["BB-middleEast-55-20180220", "CN-middleEast-50-20180221"]},
    {"id": "C03", "name": "Turkish strikes on Afrin (hospital), 16 Mar 2018",
     "window": ("2018-03-16", "2018-03-17"), "terms": ["عفرين", "مستشفى"],
     "picked": ["SK-middleEast-343-20180316", "FR-middleEast-164-20180316"]},
    {"id": "C04", "name": "Houthi missiles on Riyadh and other Saudi cities, 25 Mar 2018",
     "window": ("2018-03-25", "2018-03-27"), "terms": ["صاروخ|صواريخ", "الرياض"],
     "picked": ["BB-middleEast-249-20180325", "CN-middleEast-373-20180325", "SK-middleEast-557-20180325"]},
    {"id": "C05", "name": "Gaza, Land Day / first March of Return, 30 Mar 2018",
     "window": ("2018-03-30", "2018-03-31"), "terms": ["غزة", "قتل|قتيل|شهيد|استشهاد"],
     "picked": ["BB-middleEast-265-20180330", "SK-middleEast-661-20180330", "CN-middleEast-428-20180330",
                "BB-middleEast-271-20180331"]},
    {"id": "C06", "name": "Chemical attack on Douma, 7 Apr 2018",
     "window": ("2018-04-07", "2018-04-08"), "terms": ["دوما", "كيم|كيماوي|كيميائي|غاز"],
     "picked": ["SK-middleEast-832-20180407", "BB-middleEast-308-20180408", "CN-middleEast-510-20180408",
                "FR-middleEast-224-20180408"]},
    {"id": "C07", "name": "Missile strike on T4 (Tiyas) airbase, 9 Apr 2018",
     "window": ("2018-04-09", "2018-04-09"), "terms": ["التيفور|تيفور|T-4"],
     "picked": ["BB-middleEast-315-20180409", "SK-middleEast-851-20180409", "CN-middleEast-534-20180409"]},
    {"id": "C08", "name": "US/UK/French strikes on Syria, 14 Apr 2018",
     "window": ("2018-04-14", "2018-04-14"), "terms": ["ضرب|ضربات|غارات|صواريخ|تقصف", "سوري"],
     "picked": ["BB-middleEast-345-20180414", "CN-middleEast-607-20180414", "SK-middleEast-1021-20180414",
                "FR-middleEast-278-20180414"]},
    {"id": "C09", "name": "Gaza border protests on the US embassy's opening, 14 May 2018",
     "window": ("2018-05-14", "2018-05-15"), "terms": ["غزة", "قتل|قتيل|شهيد|استشهاد|مواجهات"],
     "picked": ["FR-middleEast-463-20180514", "SK-middleEast-1690-20180514", "BB-middleEast-500-20180514",
                "CN-middleEast-921-20180514"]},
    {"id": "C10", "name": "Arrests of Saudi women's-rights activists, May 2018",
     "window": ("2018-05-15", "2018-06-10"), "terms": ["السعودي", "ناشط|ناشطات", "اعتقال|توقيف|القبض|احتجاز|تعتقل"],
     "picked": ["BB-middleEast-516-20180519", "CN-middleEast-991-20180521", "FR-middleEast-531-20180525"]},
    {"id": "C11", "name": "Jordan: general strike and protests against the income-tax bill, 30 May - 2 Jun 2018",
     "window": ("2018-05-30", "2018-06-08"), "terms": ["الأردن|عمان|عمّان", "احتجاج|متظاهر|مظاهر|محتج|إضراب|اعتصام"],
     "picked": ["SK-middleEast-2044-20180530", "CN-middleEast-1053-20180530", "BB-middleEast-568-20180602"]},
    {"id": "C12", "name": "Basra / southern Iraq protests, 13-15 Jul 2018",
     "window": ("2018-07-08", "2018-09-10"), "terms": ["البصرة", "احتجاج|متظاهر|مظاهر|محتج"],
     "picked": ["BB-middleEast-736-20180715", "SK-middleEast-2903-20180715", "FR-middleEast-768-20180715"]},
    {"id": "C13", "name": "Islamic State attacks on Suwayda, 25 Jul 2018",
     "window": ("2018-07-25", "2018-07-27"), "terms": ["السويداء"],
     "picked": ["SK-middleEast-3103-20180725", "FR-middleEast-826-20180725", "BB-middleEast-785-20180725"]},
    {"id": "C14", "name": "Coalition air strike on a bus in Dahyan, Saada, 9 Aug 2018",
     "window": ("2018-08-09", "2018-08-11"), "terms": ["ضحيان|صعدة|حافلة"],
     "picked": ["BB-middleEast-863-20180809", "FR-middleEast-900-20180809", "SK-middleEast-3299-20180809",
                "CN-middleEast-1167-20180810"]},
    {"id": "C15", "name": "Jordan: bomb on a gendarmerie vehicle at Fuheis and the Salt raid, 10-11 Aug 2018",
     "window": ("2018-08-11", "2018-08-11"), "terms": ["الأردن|الأردني", "الفحيص|السلط"],
     "picked": ["SK-middleEast-3338-20180811", "CN-middleEast-1176-20180811", "SK-middleEast-3344-20180811"]},
    {"id": "C16", "name": "Tripoli militia clashes, prison break, 2 Sep 2018",
     "window": ("2018-08-26", "2018-09-05"), "terms": ["طرابلس", "اشتباك|قتال|صاروخ|قذائف|سجن|معتقل"],
     "picked": ["BB-middleEast-909-20180903", "SK-middleEast-3492-20180902", "SK-middleEast-3494-20180902"]},
    {"id": "C17", "name": "Basra protesters burn the Iranian consulate, 7 Sep 2018",
     "window": ("2018-09-07", "2018-09-07"), "terms": ["البصرة", "القنصلية"],
     "picked": ["BB-middleEast-975-20180907", "CN-middleEast-1307-20180907", "SK-middleEast-3547-20180907"]},
    {"id": "C18", "name": "Attack on the military parade in Ahvaz, 22 Sep 2018, and arrests",
     "window": ("2018-09-22", "2018-09-25"), "terms": ["الأهواز"],
     "picked": ["BB-middleEast-1040-20180922", "BB-middleEast-1034-20180924"]},
    {"id": "C19", "name": "Killing of Jamal Khashoggi (Istanbul, 2 Oct 2018): Saudi announcement and arrests, 19-20 Oct",
     "window": ("2018-10-19", "2018-10-21"), "terms": ["خاشقجي"],
     "picked": ["CN-middleEast-1631-20181019", "BB-middleEast-1130-20181019", "SK-middleEast-3969-20181020"]},
]


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for r in rows:
        r["_date"] = parsedate_to_datetime(r["time"]).strftime("%Y-%m-%d")
    return rows


def keyword_hit(r: dict) -> bool:
    return bool(KEYWORDS.search(r["title"])) or len(KEYWORDS.findall(r["text"])) >= MIN_TEXT_HITS


def select(rows: list[dict]) -> list[tuple[str, dict]]:
    by = {r["docno"]: r for r in rows}
    out: list[tuple[str, dict]] = []
    for c in CLUSTERS:
        lo, hi = c["window"]
        for d in c["picked"]:
            r = by[d]
            text = r["title"] + " " + r["text"]
            assert lo <= r["_date"] <= hi, (c["id"], d, r["_date"])
            assert all(re.search(t, text) for t in c["terms"]), (c["id"], d)
            out.append((c["id"], r))
    taken = {r["docno"] for _, r in out}
    rng = random.Random(SEED)
    for src in ("BBC", "CNN", "france24", "skynews"):
        pool = sorted(
            (r for r in rows if r["src"] == src and r["docno"] not in taken
             and len(r["text"]) <= MAX_CHARS and keyword_hit(r)),
            key=lambda r: r["docno"],
        )
        for r in rng.sample(pool, PER_SOURCE):
            out.append(("random", r))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    sel = select(load(args.data))
    for group, r in sel:
        print(f"{group}\t{r['docno']}\t{r['src']}\t{r['_date']}\t{len(r['text'])}")
    print(f"# {len(sel)} articles: {sum(g != 'random' for g, _ in sel)} in {len(CLUSTERS)} clusters, "
          f"{sum(g == 'random' for g, _ in sel)} random (seed {SEED})")


if __name__ == "__main__":
    main()
