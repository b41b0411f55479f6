"""Validate the event-level gold standard (bench/event_gold/{articles,events}.yaml) and print its counts.

Checks: every event id is unique and every id an article lists exists; the events an article lists are
exactly the events with a report from that article; fields have allowed values (type, mode, ACLED types,
date and precision, country, coordinates, actors, fatality ranges); report offsets lie inside the
article's text (or title) and start/end on a sentence-like boundary; each reported span contains a word
of the event's type family (a warning, not an error, since some reports are elliptic); every article
matches the corpus (url, src, time), has a split, and articles that share an event share the split.

    .venv/bin/python bench/event_gold/check.py [--data PATH] [--quiet]

Exit status 1 when an error is found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"

MODES = {
    "ASSAULT": {"aerial", "drone", "artillery", "explosives", "suicide", "firearms", "kill", "assassinate",
                "abduct", "beat", "torture", "primitive", "wmd", "sexual", ""},
    "PROTEST": {"demo", "strike", "obstruct", "riot", "hunger", ""},
    "COERCE": {"arrest", "repress"},
}
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Chemical weapon", "Grenade"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Arrests", "Looting/property destruction", "Other"},
}
SECTORS = {"GOV", "MIL", "COP", "REB", "CVL", "JUD", "OPP", "REL", "MED", "HLH", "LAB", "EDU", "SPY",
           "BUS", "UAF", "IGO", "ETH", "LEG", "PTY", "REF", "CRM"}
PRECISION = {"day", "week", "month"}
SPLITS = {"tune", "validate"}
# words of each type family, searched in a normalised form of the reported span (soft check)
CUES = {
    "ASSAULT": r"قتل|قتيل|قتلى|مقتل|مصرع|قصف|غار|ضرب|هجوم|هجمات|يهاجم|هاجم|انفجار|تفجير|انتحاري|اشتباك|مواجه|"
               r"صاروخ|صواريخ|قذيف|قذائف|رصاص|نار|جرح|جريح|اصاب|اصابة|استهدف|استهداف|اختطاف|خطف|اعدام|"
               r"كيماوي|كيميائي|اختناق|دهس|ضحايا|وفاة|موت|تصفية|عبوة|ناسفة|معارك|قتال|يقتل|تقتل|مجزرة|"
               r"عدوان|دمر|تدمير|شظايا|اعترض|العنف|عنف|دام|دموي|حاف|اختف|غارة|طائر|مقاتلات|ستورم|قصفت",
    "PROTEST": r"احتج|محتج|تظاهر|متظاهر|مظاهر|اعتصام|معتصم|اضراب|مسير|حشود|احتشد|تجمع|شغب|غضب|يهتف|هتف|"
               r"اقتحام|اقتحم|احرق|حرق|اغلق|قطع|النزول|الشارع|شوارع|يطالب|طالب|الاف|مئات|حراك|تدفق|السياج|مواجه|اشتباك|"
               r"فرار|فر |الحجارة|شغب|انتفض|المعتقلين",
    "COERCE": r"اعتقال|اعتقل|معتقل|القبض|قبض|توقيف|موقوف|اوقف|توقف|احتجاز|محتجز|احتجز|سجن|تفريق|فرق|"
              r"الغاز|المسيل|الهراوات|قمع|يقمع|مداهم|داهم|فض|اطلاق سراح|الافراج|افرج|تحقيق|متهم|المحتجز|"
              r"حملة|قوات الامن|الشرطة|مكافحة الشغب|ملاحق|اخفاء|مشتبه|عتقل|قنابل|تصدت|مواد قابلة",
}


def norm(s: str) -> str:
    s = re.sub(r"[\u064B-\u0652\u0640]", "", s)
    return s.translate(str.maketrans("أإآىة", "اااىة"))


def load_corpus(path: Path) -> dict[str, dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {r["docno"]: r for r in map(json.loads, f)}


def boundary_ok(text: str, start: int, end: int) -> bool:
    left = start == 0 or text[start - 1].isspace() or text[start - 1] in "\"'«(-،.؟!:"
    right = end == len(text) or text[end - 1] in ".؟!\"'»:)" or text[end].isspace() or text[end] in "\"'»)،.؟!"
    return left and right


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quiet", action="store_true", help="do not list the soft warnings")
    args = ap.parse_args()

    events = yaml.safe_load((HERE / "events.yaml").read_text(encoding="utf-8"))["events"]
    articles = yaml.safe_load((HERE / "articles.yaml").read_text(encoding="utf-8"))["articles"]
    corpus = load_corpus(args.data)
    errors: list[str] = []
    warnings: list[str] = []

    def err(msg: str) -> None:
        errors.append(msg)

    art_by = {}
    for a in articles:
        d = a.get("docno")
        if d in art_by:
            err(f"article {d} listed twice")
        art_by[d] = a
        r = corpus.get(d)
        if r is None:
            err(f"article {d} not in the corpus")
            continue
        for k in ("url", "src", "time"):
            if a.get(k) != r[k]:
                err(f"article {d}: {k} differs from the corpus")
        try:
            dt.date.fromisoformat(str(a.get("published")))
        except ValueError:
            err(f"article {d}: published date does not parse")
        if a.get("split") not in SPLITS:
            err(f"article {d}: split {a.get('split')!r} not in {sorted(SPLITS)}")
        for h in a.get("history") or []:
            if not (isinstance(h, dict) and h.get("what") and h.get("date")):
                err(f"article {d}: history item without what/date: {h}")
        if not a.get("selection"):
            err(f"article {d}: no selection")

    ev_by = {}
    reported_by: dict[str, set[str]] = defaultdict(set)
    for e in events:
        i = e.get("id")
        where = f"event {i}"
        if i in ev_by:
            err(f"{where} defined twice")
        ev_by[i] = e
        t = e.get("type")
        if t not in MODES:
            err(f"{where}: type {t!r}")
            continue
        if e.get("mode") not in MODES[t]:
            err(f"{where}: mode {e.get('mode')!r} not a {t} mode")
        et, st = e.get("acled_event_type"), e.get("acled_sub_event_type")
        if et not in ACLED or st not in ACLED[et]:
            err(f"{where}: ACLED {et!r}/{st!r}")
        try:
            day = dt.date.fromisoformat(str(e.get("date")))
        except ValueError:
            err(f"{where}: date {e.get('date')!r} does not parse")
            day = None
        if e.get("date_precision") not in PRECISION:
            err(f"{where}: date_precision {e.get('date_precision')!r}")
        if not re.fullmatch(r"[A-Z]{2}", str(e.get("country"))):
            err(f"{where}: country {e.get('country')!r}")
        if not e.get("admin1") and e.get("geo_precision") != 4:
            err(f"{where}: no admin1 (only country-level events, geo_precision 4, may have none)")
        pl = e.get("place") or {}
        if not (pl.get("name") and pl.get("arabic")):
            err(f"{where}: place needs name and arabic")
        lat, lon = e.get("latitude"), e.get("longitude")
        if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and -90 <= lat <= 90
                and -180 <= lon <= 180):
            err(f"{where}: coordinates {lat!r}, {lon!r}")
        if e.get("geo_precision") not in (1, 2, 3, 4):
            err(f"{where}: geo_precision {e.get('geo_precision')!r}")
        for side in ("actor", "recipient"):
            v = e.get(side, "missing")
            if v == "missing":
                err(f"{where}: no {side} key")
            elif v is not None:
                if not (v.get("name") and re.fullmatch(r"[A-Z]{3}", str(v.get("country")))
                        and v.get("sector") in SECTORS):
                    err(f"{where}: {side} {v}")
        for k in ("fatalities", "injured"):
            v = e.get(k, "missing")
            if v == "missing":
                err(f"{where}: no {k} key")
            elif v is not None:
                lo, be, hi = v.get("low"), v.get("best"), v.get("high")
                if not all(isinstance(x, int) for x in (lo, be, hi)) or not lo <= be <= hi:
                    err(f"{where}: {k} {v}")
                la = v.get("latest")
                if la is not None and not (isinstance(la, int) and lo <= la <= hi):
                    err(f"{where}: {k} latest {la} outside [low, high]")
        reps = e.get("reports") or []
        if not reps:
            err(f"{where}: no reports")
        for rp in reps:
            d = rp.get("docno")
            reported_by[i].add(d)
            if d not in art_by:
                err(f"{where}: report from {d}, not in articles.yaml")
            r = corpus.get(d)
            if r is None:
                continue
            field = rp.get("field", "text")
            text = r.get(field) if field in ("text", "title") else None
            s, t2 = rp.get("sentence_start"), rp.get("sentence_end")
            if text is None or not (isinstance(s, int) and isinstance(t2, int) and 0 <= s < t2 <= len(text)):
                err(f"{where}: report {d} {field} [{s}:{t2}] outside the {field} ({len(text or '')})")
                continue
            if not boundary_ok(text, s, t2):
                err(f"{where}: report {d} {field} [{s}:{t2}] does not start/end on a sentence boundary")
            if rp.get("salience") not in ("main", "background"):
                err(f"{where}: report {d} salience {rp.get('salience')!r}")
            if not re.search(CUES[t], norm(text[s:t2])):
                warnings.append(f"{where} ({t}): no {t} word in {d} {field} [{s}:{t2}]")
        if day is not None:
            for d in reported_by[i]:
                a = art_by.get(d)
                if a:
                    pub = dt.date.fromisoformat(str(a["published"]))
                    if day > pub:
                        err(f"{where}: date {day} after {d}'s publication {pub}")
                    elif (pub - day).days > 7 and e.get("date_precision") == "day":
                        warnings.append(f"{where}: {(pub - day).days} days before {d}'s publication (history?)")

    for d, a in art_by.items():
        listed = set(a.get("events") or [])
        for i in listed - set(ev_by):
            err(f"article {d}: event {i} does not exist")
        has = {i for i, ds in reported_by.items() if d in ds}
        if listed != has:
            err(f"article {d}: events listed {sorted(listed)} but reported {sorted(has)}")

    # history items that name a coded event: the event exists, and lies in the article's split
    for d, a in art_by.items():
        for h in a.get("history") or []:
            i = h.get("event") if isinstance(h, dict) else None
            if i is None:
                continue
            if i not in ev_by:
                err(f"article {d}: history names event {i}, which does not exist")
            elif any(art_by[x].get("split") != a.get("split") for x in reported_by[i] if x in art_by):
                err(f"article {d}: history names event {i}, reported in the other split")
    for d, a in art_by.items():
        for t in a.get("totals") or []:
            for i in (t.get("events") or []) if isinstance(t, dict) else []:
                if i not in ev_by:
                    err(f"article {d}: a total names event {i}, which does not exist")

    # articles sharing an event share a split
    for i, ds in reported_by.items():
        splits = {art_by[d].get("split") for d in ds if d in art_by}
        if len(splits) > 1:
            err(f"event {i}: reported by articles of several splits {sorted(map(str, splits))}")

    # counts
    print(f"articles: {len(articles)}")
    print("  by outlet: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(a['src'] for a in articles).items())))
    print("  by month: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(str(a['published'])[:7] for a in articles).items())))
    print("  by selection: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter('random' if a['selection'] == 'random' else 'cluster' for a in articles).items())))
    print("  by split: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(str(a.get('split')) for a in articles).items())))
    print(f"  with no event: {sum(1 for a in articles if not a.get('events'))}")
    print(f"events: {len(events)}")
    print("  by type: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(e['type'] for e in events).items())))
    print("  by type/mode: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(e['type'] + '/' + (e['mode'] or '-') for e in events).items())))
    print("  by ACLED type: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(e['acled_event_type'] for e in events).items())))
    print("  by country: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(e['country'] for e in events).items())))
    print("  by date precision: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(e['date_precision'] for e in events).items())))
    ev_split = Counter()
    for e in events:
        ds = reported_by[e["id"]]
        sp = {art_by[d].get("split") for d in ds if d in art_by}
        ev_split[next(iter(sp)) if len(sp) == 1 else "mixed"] += 1
    print("  by split: " + ", ".join(f"{k} {v}" for k, v in sorted(ev_split.items(), key=lambda kv: str(kv[0]))))
    multi_art = sum(1 for i in ev_by if len(reported_by[i]) >= 2)
    multi_src = sum(1 for i in ev_by if len({corpus[d]['src'] for d in reported_by[i] if d in corpus}) >= 2)
    print(f"  reported by 2+ articles: {multi_art}; by 2+ outlets: {multi_src}")
    print(f"  with fatalities given: {sum(1 for e in events if e.get('fatalities'))}; "
          f"in an episode: {sum(1 for e in events if e.get('episode'))}")
    print(f"reports (event, sentence): {sum(len(e['reports']) for e in events)}")
    print(f"history items: {sum(len(a.get('history') or []) for a in articles)}; "
          f"totals: {sum(len(a.get('totals') or []) for a in articles)}")
    if warnings and not args.quiet:
        print(f"\n{len(warnings)} warnings:")
        for w in warnings:
            print("  " + w)
    if errors:
        print(f"\n{len(errors)} ERRORS:")
        for m in errors:
            print("  " + m)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
