"""The largest-toll events of an events database, with the evidence a reader needs to judge each toll:
for the fatalities audit (docs/FATALITIES_AUDIT.md), where each is classified as this event's toll, a
cumulative count, a historical event, a duplicate of another row, or a misread.

    .venv/bin/python bench/audit_tolls.py --db sqlite:///data/marsad.db [--top 100] [--output audit.jsonl]

Prints (or writes as JSON lines) per event: rank, id, type / mode, date, place, country, actor, recipient,
fatalities low / best / high, counts, and each linked mention's outlet, publication day, fatalities and
sentence. Also the database's fatality total over ASSAULT events and the share the top events hold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def top_events(url: str, top: int) -> tuple[list[dict], int]:
    from sqlalchemy import func, select
    from sqlalchemy.orm import aliased

    from etl.load.db import session_scope
    from etl.load.models import ActorRow, Article, EventLink, EventMention, EventRow

    act, rec = aliased(ActorRow), aliased(ActorRow)
    with session_scope(url) as s:
        total = s.scalar(select(func.coalesce(func.sum(EventRow.fatalities_best), 0))
                         .where(EventRow.event_type == "ASSAULT")) or 0
        rows = s.execute(select(EventRow, act.name_en, rec.name_en)
                         .outerjoin(act, act.id == EventRow.actor_id).outerjoin(rec, rec.id == EventRow.recipient_id)
                         .where(EventRow.fatalities_best.is_not(None))
                         .order_by(EventRow.fatalities_best.desc(), EventRow.event_key).limit(top)).all()
        out = []
        for rank, (e, actor, recipient) in enumerate(rows, 1):
            evidence = s.execute(
                select(Article.source_id, Article.published_at, EventMention.fatalities_best, EventMention.sentence_text,
                       Article.canonical_url)
                .select_from(EventLink).join(EventMention, EventMention.id == EventLink.mention_id)
                .join(Article, Article.id == EventMention.article_id)
                .where(EventLink.event_id == e.id).order_by(Article.published_at, EventMention.id)).all()
            out.append({
                "rank": rank, "event_id": e.id, "event_key": e.event_key, "type": f"{e.event_type}/{e.mode or ''}",
                "date": e.event_date.isoformat() if e.event_date else None, "place": e.place_name,
                "country": e.country_code, "actor": actor, "recipient": recipient,
                "fatalities": [e.fatalities_low, e.fatalities_best, e.fatalities_high], "num_mentions": e.num_mentions,
                "num_sources": e.num_sources,
                "mentions": [{"source": src, "published": pub.date().isoformat() if pub else None, "fatalities": f,
                              "sentence": sentence, "url": url_} for src, pub, f, sentence, url_ in evidence]})
    return out, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--output", help="write JSON lines here instead of printing")
    args = parser.parse_args()
    events, total = top_events(args.db, args.top)
    held = sum(e["fatalities"][1] or 0 for e in events)
    summary = (f"ASSAULT fatality total (best) {total}; the top {len(events)} events hold {held} "
               f"({held / total:.0%} of it)" if total else "no fatalities")
    if args.output:
        with open(args.output, "w", encoding="utf-8") as sink:
            for event in events:
                sink.write(json.dumps(event, ensure_ascii=False) + "\n")
        print(summary)
        return
    print(summary)
    for e in events:
        print(f"\n#{e['rank']} event {e['event_id']} {e['type']} {e['date']} {e['place']} ({e['country']}) "
              f"dead {e['fatalities']} actor {e['actor']} recipient {e['recipient']} "
              f"({e['num_mentions']} mentions, {e['num_sources']} outlets)")
        for m in e["mentions"][:6]:
            print(f"   [{m['source']} {m['published']} dead={m['fatalities']}] {m['sentence'][:300]}")


if __name__ == "__main__":
    main()
