"""Do two events databases hold the same results? A dump of what the pipeline decided, free of row ids,
timestamps and database, and a diff of two such dumps.

Everything is keyed by natural keys, never by row ids (ids depend on the order rows were written in):
an article by its canonical URL, a place by its gazetteer `place_key`, an actor by its `actor_key`, a
mention by (article URL, field, trigger_start, event_type), an event by the sorted natural keys of its
linked mentions, a story by the sorted URLs of its articles. Floats are rounded to 6 decimals and times
written in UTC, so a SQLite and a PostgreSQL database of the same results dump to the same lines.

    python bench/compare_runs.py sqlite:////tmp/a.db postgresql://postgres@127.0.0.1/b   # diff two databases
    python bench/compare_runs.py --dump /tmp/a.jsonl sqlite:////tmp/a.db                 # write one dump
    python bench/compare_runs.py /tmp/a.jsonl /tmp/b.jsonl                                # diff two dumps

Exit status 0 when the two are identical, 1 when they differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECTIONS = ("article_places", "mentions", "events", "stories")


def _value(v):
    if isinstance(v, float):
        return round(v, 6)
    if isinstance(v, datetime):
        return (v if v.tzinfo else v.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v


def _row(values) -> list:
    return [_value(v) for v in values]


def dump(url: str) -> dict[str, dict[str, list]]:
    """section -> canonical key (a JSON string) -> canonical values."""
    from sqlalchemy import select

    from etl.load.db import session_scope
    from etl.load.models import (
        ActorRow, Article, ArticlePlace, EventLink, EventMention, EventMentionActor, EventMentionPlace, EventRow,
        Place, StoryArticle,
    )

    out: dict[str, dict[str, list]] = {name: {} for name in SECTIONS}
    with session_scope(url) as session:
        url_of = dict(session.execute(select(Article.id, Article.canonical_url)).all())
        place_key = dict(session.execute(select(Place.id, Place.place_key)).all())
        actor_key = dict(session.execute(select(ActorRow.id, ActorRow.actor_key)).all())
        place_key[None] = actor_key[None] = None

        ap = ArticlePlace
        for row in session.execute(select(ap.article_id, ap.field, ap.start_char, ap.end_char, ap.place_id, ap.mention,
                                          ap.latitude, ap.longitude, ap.precision, ap.confidence)):
            key = json.dumps([url_of[row[0]], row[1], row[2], row[3]], ensure_ascii=False)
            out["article_places"][key] = _row([place_key[row[4]], *row[5:]])

        m = EventMention
        natural: dict[int, list] = {}  # mention id -> its natural key
        mentions: dict[int, list] = {}
        columns = (m.mode, m.cameo, m.acled_event_type, m.acled_sub_event_type, m.modality, m.salience, m.happened,
                   m.confidence, m.event_date, m.date_precision, m.date_source, m.fatalities_low, m.fatalities_best,
                   m.fatalities_high, m.injured_low, m.injured_best, m.injured_high, m.arrested_best,
                   m.abducted_best, m.trigger_text, m.trigger_end, m.trigger_id, m.sentence_text, m.sentence_start,
                   m.sentence_end, m.timing)
        for mid, aid, field, start, type_, part, *rest in session.execute(
                select(m.id, m.article_id, m.field, m.trigger_start, m.event_type, m.part, *columns)):
            natural[mid] = [url_of[aid], field, start, type_] + ([part] if part else [])
            mentions[mid] = _row(rest) + [[], []]
        a = EventMentionActor
        for mid, role, aid, text, start, end, country, sector in session.execute(
                select(a.mention_id, a.role, a.actor_id, a.text, a.start_char, a.end_char, a.country, a.sector)):
            mentions[mid][-2].append(_row([role, actor_key[aid], text, start, end, country, sector]))
        p = EventMentionPlace
        for mid, rank, pid, *rest in session.execute(
                select(p.mention_id, p.rank, p.place_id, p.text, p.start_char, p.end_char, p.name_en, p.latitude,
                       p.longitude, p.country_code, p.admin1, p.feature_code, p.precision, p.inherited)):
            mentions[mid][-1].append(_row([rank, place_key[pid], *rest]))
        for mid, values in mentions.items():
            values[-2].sort()
            values[-1].sort()
            out["mentions"][json.dumps(natural[mid], ensure_ascii=False)] = values

        members: dict[int, list] = defaultdict(list)
        for event_id, mid in session.execute(select(EventLink.event_id, EventLink.mention_id)):
            members[event_id].append(natural[mid] if mid is not None else ["(orphaned link)"])
        e = EventRow
        for row in session.execute(select(
                e.id, e.event_key, e.event_type, e.mode, e.event_date, e.date_precision, e.date_source, e.actor_id,
                e.actor_country, e.actor_sector, e.recipient_id, e.recipient_country, e.recipient_sector, e.place_id,
                e.place_name, e.latitude, e.longitude, e.country_code, e.admin1, e.geo_precision, e.fatalities_low,
                e.fatalities_best, e.fatalities_high, e.injured_low, e.injured_best, e.injured_high, e.num_mentions,
                e.num_articles, e.num_sources, e.num_stories, e.first_seen, e.last_seen, e.acled_event_type,
                e.acled_sub_event_type, e.cameo, e.country_name, e.admin1_code, e.acled_time_precision,
                e.acled_geo_precision, e.evidence)):
            event_id, event_key, rest = row[0], row[1], list(row[2:])
            rest[5], rest[8], rest[11] = actor_key[rest[5]], actor_key[rest[8]], place_key[rest[11]]
            # the event key is the founding mention's key, article:field:trigger_start:type[~n]: the URL for the id
            article, _, tail = event_key.partition(":")
            founder = f"{url_of.get(int(article), article) if article.isdigit() else article}:{tail}"
            key = json.dumps(sorted(members.get(event_id, [])), ensure_ascii=False)
            out["events"][key] = [founder, *_row(rest)]

        stories: dict[int, list] = defaultdict(list)
        for aid, story_id in session.execute(select(StoryArticle.article_id, StoryArticle.story_id)):
            stories[story_id].append(url_of[aid])
        for urls in stories.values():
            out["stories"][json.dumps(sorted(urls), ensure_ascii=False)] = [len(urls)]
    return out


def write_dump(data: dict, path: Path) -> None:
    with path.open("w", encoding="utf-8") as sink:
        for section in SECTIONS:
            for key in sorted(data[section]):
                sink.write(json.dumps([section, json.loads(key), data[section][key]], ensure_ascii=False) + "\n")


def read_dump(path: Path) -> dict:
    data: dict = {name: {} for name in SECTIONS}
    with path.open(encoding="utf-8") as source:
        for line in source:
            section, key, values = json.loads(line)
            data[section][json.dumps(key, ensure_ascii=False)] = values
    return data


def load(spec: str) -> dict:
    return read_dump(Path(spec)) if "://" not in spec else dump(spec)


def compare(a: dict, b: dict, examples: int = 3) -> int:
    """Print, per section, the rows only in A, only in B and those that differ; returns the total."""
    total = 0
    for section in SECTIONS:
        left, right = a[section], b[section]
        only_a = sorted(set(left) - set(right))
        only_b = sorted(set(right) - set(left))
        changed = sorted(k for k in set(left) & set(right) if left[k] != right[k])
        total += len(only_a) + len(only_b) + len(changed)
        print(f"{section}: {len(left)} vs {len(right)} rows; {len(only_a)} only in A, {len(only_b)} only in B, "
              f"{len(changed)} differ")
        for label, keys, rows in (("only in A", only_a, left), ("only in B", only_b, right)):
            for key in keys[:examples]:
                print(f"  {label}: {key} -> {json.dumps(rows[key], ensure_ascii=False)}")
        for key in changed[:examples]:
            print(f"  differs: {key}\n    A: {json.dumps(left[key], ensure_ascii=False)}\n"
                  f"    B: {json.dumps(right[key], ensure_ascii=False)}")
    print(f"differences: {total}")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", help="database URL or dump file")
    parser.add_argument("second", nargs="?", help="database URL or dump file to compare with")
    parser.add_argument("--dump", type=Path, help="write the first one's dump to this file")
    parser.add_argument("--examples", type=int, default=3, help="examples printed per kind of difference")
    args = parser.parse_args()
    first = load(args.first)
    if args.dump:
        write_dump(first, args.dump)
        print(f"{args.dump}: " + ", ".join(f"{len(first[s])} {s}" for s in SECTIONS))
    if args.second is None:
        return 0
    return 1 if compare(first, load(args.second), args.examples) else 0


if __name__ == "__main__":
    sys.exit(main())
