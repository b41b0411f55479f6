"""The `events` table against the hand-coded event-level gold (bench/event_gold/): does each real event
become one row, current, with its own toll, the right sides and place?

Runs the whole pipeline (ingest by replay, geocode and code, stories, event linking) on the gold's articles
of one split in a fresh SQLite database, then matches the table's events to the gold's events by their
evidence: a row's linked mentions are sentences of articles; a gold event lists the sentences of each
article that report it. A mention hits a gold event when it lies in one of those sentences (same article
and field, overlapping offsets) and the types agree; a row goes with the gold event most of its mentions
hit (ties: the earliest gold id), and is a false row when none hits.

Printed: rows in scope (ASSAULT, PROTEST, COERCE arrests / repression), event precision (rows that match a
real event) and recall (real events matched by a row), rows per matched real event, the ratio of the
rows' fatality total to the real one, and per-field accuracy over the matched real events (each judged
on its best row: the one with most hits): ACLED event type, date, admin1, place within 25 km, actor,
recipient, fatalities; and the share of matched events with every field right.

    .venv/bin/python bench/eval_event_table.py [--split tune|validate|all] [--keep DB] [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "bench" / "event_gold"
CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"
IN_SCOPE_COERCE = {"arrest", "repress"}
FIELDS = ("type", "date", "admin1", "place_25km", "actor", "recipient", "fatalities")


# ------------------------------------------------------------------------------------------ gold

def load_gold(split: str) -> tuple[list[dict], dict[str, dict]]:
    articles = yaml.safe_load((GOLD / "articles.yaml").read_text(encoding="utf-8"))["articles"]
    events = yaml.safe_load((GOLD / "events.yaml").read_text(encoding="utf-8"))["events"]
    chosen = [a for a in articles if split == "all" or a["split"] == split]
    docnos = {a["docno"] for a in chosen}
    wanted = {e["id"]: e for e in events if any(r["docno"] in docnos for r in e["reports"])}
    return chosen, wanted


def read_corpus(docnos: set[str]) -> dict[str, tuple[str, dict]]:
    """The gold's articles from the corpus, in corpus order: docno -> (the line as stored, the record)."""
    found = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            if record.get("docno") in docnos:
                found[record["docno"]] = (line, record)
    missing = docnos - set(found)
    if missing:
        sys.exit(f"articles of the gold not in the corpus: {sorted(missing)[:5]}")
    return found


def write_corpus(docnos: set[str], path: Path) -> dict[str, dict]:
    found = read_corpus(docnos)
    path.write_text("".join(line for line, _ in found.values()), encoding="utf-8")
    return {docno: record for docno, (_, record) in found.items()}


# ------------------------------------------------------------------------------------------ the pipeline

def run_pipeline(url: str, corpus: Path) -> None:
    from etl.dedup import run_dedup
    from etl.extract_articles import Extractor, process_pending
    from etl.feeds.registry import load_registry
    from etl.ingest import run_ingest
    from etl.load.db import upgrade

    upgrade(url)
    run_ingest(url, load_registry(), replay_path=str(corpus))
    process_pending(url, Extractor.for_database(url))
    run_dedup(url)


@dataclass
class Row:
    event_id: int
    event_type: str
    mode: str | None
    acled_type: str | None
    date: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    actor: tuple | None  # (key, country, sector)
    recipient: tuple | None
    fatalities: int | None
    mentions: list[tuple] = field(default_factory=list)  # (docno, field, sentence_start, sentence_end)


def read_rows(url: str, docno_of_url: dict[str, str], texts: dict[str, dict]) -> list[Row]:
    from sqlalchemy import select
    from sqlalchemy.orm import aliased

    from etl.extraction.dictionaries import load_dictionaries
    from etl.load.db import session_scope
    from etl.load.models import ActorRow, Article, EventLink, EventMention, EventRow

    taxonomy = load_dictionaries().modes
    act, rec = aliased(ActorRow), aliased(ActorRow)
    rows: dict[int, Row] = {}
    with session_scope(url) as s:
        for e, a_key, r_key in s.execute(select(EventRow, act.actor_key, rec.actor_key)
                                         .outerjoin(act, act.id == EventRow.actor_id)
                                         .outerjoin(rec, rec.id == EventRow.recipient_id)):
            if e.event_type not in ("ASSAULT", "PROTEST") and not (e.event_type == "COERCE" and e.mode in IN_SCOPE_COERCE):
                continue
            mode = taxonomy.get((e.event_type, e.mode or "")) or taxonomy.get((e.event_type, ""))
            rows[e.id] = Row(e.id, e.event_type, e.mode, mode.acled[0] if mode and mode.acled else None,
                             e.event_date.isoformat() if e.event_date else None, e.admin1, e.country_code,
                             e.latitude, e.longitude,
                             (a_key, e.actor_country, e.actor_sector) if e.actor_id else None,
                             (r_key, e.recipient_country, e.recipient_sector) if e.recipient_id else None,
                             e.fatalities_best)
        for event_id, article_url, field_, start, end, title, content in s.execute(
                select(EventLink.event_id, Article.canonical_url, EventMention.field, EventMention.sentence_start,
                       EventMention.sentence_end, Article.title, Article.content)
                .join(EventMention, EventMention.id == EventLink.mention_id)
                .join(Article, Article.id == EventMention.article_id)):
            if event_id not in rows:
                continue
            docno = docno_of_url[article_url]
            stored = title if field_ == "title" else content
            original = texts[docno]["title" if field_ == "title" else "text"] or ""
            shift = 0
            if stored != original:  # offsets are into the stored text: move them into the corpus text
                at = original.find((stored or "")[start:end][:40])
                shift = at - start if at >= 0 else 0
            rows[event_id].mentions.append((docno, field_, start + shift, end + shift))
    return list(rows.values())


# ------------------------------------------------------------------------------------------ matching

def _reports(gold: dict[str, dict]) -> dict[tuple[str, str], list[tuple[int, int, str]]]:
    by_article: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for event in gold.values():
        for r in event["reports"]:
            by_article[(r["docno"], r.get("field", "text"))].append((r["sentence_start"], r["sentence_end"], event["id"]))
    return by_article


def match(rows: list[Row], gold: dict[str, dict]) -> dict[int, tuple[str | None, int]]:
    """Row id -> (gold id it reports, how many of its mentions hit it)."""
    reports = _reports(gold)
    result = {}
    for row in rows:
        hits: Counter = Counter()
        for docno, field_, start, end in row.mentions:
            key = (docno, "title" if field_ == "title" else "text")
            for g_start, g_end, gid in reports.get(key, ()):
                if start < g_end and g_start < end and gold[gid]["type"] == row.event_type:
                    hits[gid] += 1
        if hits:
            # among the real events its sentences tell equally often (one sentence may tell protests in two
            # cities), the one nearest the row's place
            def far(g: str) -> float:
                e = gold[g]
                if None in (row.latitude, row.longitude, e.get("latitude"), e.get("longitude")):
                    return 0.0
                return _km(row.latitude, row.longitude, e["latitude"], e["longitude"])
            best = min(hits, key=lambda g: (-hits[g], far(g), g))
            result[row.event_id] = (best, hits[best])
        else:
            result[row.event_id] = (None, 0)
    return result


# ------------------------------------------------------------------------------------------ fields

def _fold(name: str | None) -> str:
    name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    name = re.sub(r"\b(governorate|province|muhafazat|district|region|of|the)\b", " ", name)
    name = re.sub(r"\b(al|el|ad|ar|as|ash|an|az)[- ]", "", name)
    return re.sub(r"[^a-z]", "", name)


def _km(a_lat, a_lon, b_lat, b_lon) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _side_right(system: tuple | None, gold: dict | None) -> bool:
    if not gold:
        return system is None
    if system is None:
        return False
    key, country, sector = system
    if (country or None) != (gold.get("country") or None):
        return False
    state = key.startswith("country:") and key.count(":") == 1  # the state itself stands for any of its agents
    return state or not gold.get("sector") or (sector or None) == gold.get("sector")


def judge(row: Row, event: dict) -> dict[str, bool]:
    fatalities = (event.get("fatalities") or {}).get("best")
    return {
        "type": row.acled_type == event.get("acled_event_type"),
        "date": row.date == event.get("date"),
        "admin1": bool(row.admin1) and _fold(row.admin1) == _fold(event.get("admin1")),
        "place_25km": None not in (row.latitude, row.longitude, event.get("latitude"), event.get("longitude"))
                      and _km(row.latitude, row.longitude, event["latitude"], event["longitude"]) <= 25,
        "actor": _side_right(row.actor, event.get("actor")),
        "recipient": _side_right(row.recipient, event.get("recipient")),
        "fatalities": (row.fatalities or None) == (fatalities or None),
    }


# ------------------------------------------------------------------------------------------ report

def evaluate(rows: list[Row], gold: dict[str, dict], show: int = 0) -> dict:
    matched = match(rows, gold)
    by_gold: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        gid = matched[row.event_id][0]
        if gid:
            by_gold[gid].append(row)
    true_rows = sum(len(v) for v in by_gold.values())
    system_dead = sum(r.fatalities or 0 for r in rows)
    real_dead = sum((e.get("fatalities") or {}).get("best") or 0 for e in gold.values())
    fields: Counter = Counter()
    all_right = 0
    judged = {}
    for gid, candidates in by_gold.items():
        best = max(candidates, key=lambda r: (matched[r.event_id][1], -r.event_id))
        verdict = judge(best, gold[gid])
        judged[gid] = (best, verdict)
        fields.update(k for k, v in verdict.items() if v)
        all_right += all(verdict.values())
    n = len(by_gold)
    report = {
        "rows": len(rows), "real_events": len(gold), "rows_matched": true_rows, "real_matched": n,
        "precision": round(true_rows / len(rows), 3) if rows else None,
        "recall": round(n / len(gold), 3) if gold else None,
        "rows_per_real_event": round(true_rows / n, 2) if n else None,
        "fatalities_system": system_dead, "fatalities_real": real_dead,
        "fatality_ratio": round(system_dead / real_dead, 2) if real_dead else None,
        "field_accuracy": {f: round(fields[f] / n, 3) if n else None for f in FIELDS},
        "every_field_right": round(all_right / n, 3) if n else None,
    }
    if show:
        print("\nfalse rows (no real event):")
        for row in [r for r in rows if matched[r.event_id][0] is None][:show]:
            print(f"  #{row.event_id} {row.event_type}/{row.mode} {row.date} {row.admin1} dead={row.fatalities} "
                  f"actor={row.actor and row.actor[0]} rec={row.recipient and row.recipient[0]} {row.mentions[:2]}")
        print("\nreal events missed:")
        for gid in [g for g in gold if g not in by_gold][:show]:
            e = gold[gid]
            print(f"  {gid} {e['type']}/{e.get('mode')} {e['date']} {e.get('admin1')} {e['place']['name']} "
                  f"dead={(e.get('fatalities') or {}).get('best')}")
        print("\nreal events split over several rows:")
        for gid, candidates in [(g, c) for g, c in by_gold.items() if len(c) > 1][:show]:
            print(f"  {gid} {gold[gid]['date']} {gold[gid]['place']['name']}: " + "; ".join(
                f"#{r.event_id} {r.event_type}/{r.mode} {r.date} {r.admin1} dead={r.fatalities} "
                f"{sorted({m[0] for m in r.mentions})}" for r in candidates))
        print("\nmatched events with a wrong field:")
        for gid, (row, verdict) in list(judged.items())[:show]:
            wrong = [f for f, ok in verdict.items() if not ok]
            if wrong:
                e = gold[gid]
                print(f"  {gid} wrong {wrong}: gold {e['date']} {e.get('admin1')} dead={(e.get('fatalities') or {}).get('best')} "
                      f"actor={(e.get('actor') or {}).get('country')}/{(e.get('actor') or {}).get('sector')} "
                      f"rec={(e.get('recipient') or {}).get('country')}/{(e.get('recipient') or {}).get('sector')}; "
                      f"row {row.date} {row.admin1} dead={row.fatalities} actor={row.actor} rec={row.recipient}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "validate", "all"), default="tune")
    parser.add_argument("--keep", help="SQLite file to build (and keep) instead of a temporary one")
    parser.add_argument("--show", type=int, default=0, help="print this many false rows, misses and wrong fields")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent (../shared/data must be beside the project)")
    from etl.feeds.urls import canonical_url

    articles, gold = load_gold(args.split)
    work = Path(tempfile.mkdtemp(prefix="marsad-eval-"))
    texts = write_corpus({a["docno"] for a in articles}, work / "gold.jsonl")
    db = Path(args.keep) if args.keep else work / "events.db"
    if db.exists():
        db.unlink()
    url = f"sqlite:///{db}"
    run_pipeline(url, work / "gold.jsonl")
    docno_of_url = {canonical_url(r["url"]): d for d, r in texts.items()}
    rows = read_rows(url, docno_of_url, texts)
    report = evaluate(rows, gold, args.show)
    print(f"\nsplit {args.split}: {len(articles)} articles, {len(gold)} real events "
          f"(events.yaml; rules in bench/event_gold/README.md); database {db}")
    for key, value in report.items():
        print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
