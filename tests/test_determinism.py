"""The same input gives the same places, mentions and events, whatever the database, the order in which rows
are read or written, the order in which batches of articles are coded and the process's string hashing.

Each test makes one source of order visible on inputs written for it and checks the result by natural
keys, never by row ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from etl.dedup.config import DedupConfig, EventConfig
from etl.dedup.linking import link_pending
from etl.dedup.matching import ActorRef, Mention, PlaceRef, summarize
from etl.geo.gazetteer import Gazetteer
from etl.geo.geocoder import Geocoder
from etl.load.db import session_scope
from etl.load.models import Article, EventLink, EventMention, EventRow
from tests.geo_fixture import place
from tests.test_dedup_support import D0, add_article, event, store_mentions

ROOT = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------------------------------ the gazetteer

# Places spelled alike: two first-level divisions (Egypt's Sharqia, Saudi Arabia's Eastern Province) and two
# quarters (Zeitoun in Cairo, Zeitoun in Gaza). Where nothing in the text tells them apart their scores tie.
TWINS = [
    place("country:EG", "Egypt", ["مصر"], "PCLI", "EG", 26.5, 30.8, 100_000_000),
    place("country:SA", "Saudi Arabia", ["السعودية"], "PCLI", "SA", 24.0, 45.0, 33_000_000),
    place("site:PS:zeitoun-gaza", "Zeitoun (Gaza)", ["حي الزيتون"], "PPLX", "PS", 31.488, 34.455),
    place("adm1:SA-04", "Eastern Province", ["الشرقية", "المنطقة الشرقية"], "ADM1", "SA", 26.43, 50.10, admin1="SA.06"),
    place("gn:281133", "Gaza", ["غزة"], "PPL", "PS", 31.50, 34.47, 410_000, "PS.GZ", 281133),
    place("adm1:EG-SHR", "Sharqia", ["الشرقية"], "ADM1", "EG", 30.59, 31.50, admin1="EG.24"),
    place("site:EG:zeitoun-cairo", "Zeitoun (Cairo)", ["حي الزيتون"], "PPLX", "EG", 30.10, 31.31),
    place("gn:360630", "Cairo", ["القاهرة"], "PPLC", "EG", 30.06, 31.25, 9_600_000, "EG.11", 360630),
]
TIED = "تظاهر مئات المزارعين أمام مبنى محافظة الشرقية احتجاجا على نقص الأسمدة"
# الشرقية here is "eastern" (the eastern border of the Strip): it is a place only if the text vouches for it,
# and the Zeitoun of Cairo, a reading that merely won a tie, must not
BORDER = "قصفت المدفعية الإسرائيلية حي الزيتون في مدينة غزة، وتجمع مئات الفلسطينيين على الحدود الشرقية للقطاع"


def twins(reverse: bool) -> Gazetteer:
    """The twins' gazetteer with its place and name rows in one order or the reverse (as two databases,
    or one database after updates, may return them)."""
    built = Gazetteer.from_rows([row for row, _ in TWINS], {row["place_key"]: names for row, names in TWINS})
    places = list(reversed(built.places)) if reverse else built.places
    rows = [(p.id, key, "ar") for key, found in built.index.items() for p in found]
    return Gazetteer(places, list(reversed(rows)) if reverse else rows, built.article_keys)


def placed(gazetteer: Gazetteer, text: str) -> list[tuple]:
    return [(m.text, m.name_en, m.country) for m in Geocoder(gazetteer).geocode(text)]


def test_tied_places_resolve_the_same_whatever_order_the_gazetteer_rows_come_in():
    forward, backward = placed(twins(False), TIED), placed(twins(True), TIED)
    assert forward == backward
    # the tie goes to the smaller place key (adm1:EG-SHR): a rule over what places are, not row order
    assert forward == [("الشرقية", "Sharqia", "EG")]


def test_a_reading_that_only_won_a_tie_vouches_for_no_name_near_it():
    forward, backward = placed(twins(False), BORDER), placed(twins(True), BORDER)
    assert forward == backward == [("حي الزيتون", "Zeitoun (Gaza)", "PS"), ("غزة", "Gaza", "PS")]


def test_the_gazetteer_read_from_either_database_places_like_the_built_one(db_url):
    from etl.load.places import write_gazetteer

    rows, names = [row for row, _ in TWINS], {row["place_key"]: n for row, n in TWINS}
    with session_scope(db_url) as s:
        write_gazetteer(s, list(reversed(rows)), names)
    stored = Gazetteer.from_db(db_url)
    assert placed(stored, TIED) == placed(Gazetteer.from_rows(rows, names), TIED)
    assert stored.version == Gazetteer.from_rows(rows, names).version


# ------------------------------------------------------------------------------------------ event summaries

def _mention(n: int, *, place: PlaceRef | None = None, actor: ActorRef | None = None, precision: str = "day",
             source: str = "text", day: date = date(2024, 3, 5)) -> Mention:
    return Mention(n, f"{n}:content:0:ASSAULT", n, "wire-a", None, D0 + timedelta(hours=n), "ASSAULT", "aerial", day,
                   precision, source, actor, None, place, (None, None, None), (None, None, None), None)


def test_an_event_summary_does_not_depend_on_the_order_of_its_mentions():
    cfg = EventConfig()
    # "20 km north of Mosul" and "30 km north of Mosul": one gazetteer place, two points, one precision
    north_20 = PlaceRef(7, "Mosul", 36.52, 43.13, 2, "Nineveh", "IQ", False)
    north_30 = PlaceRef(7, "Mosul", 36.61, 43.13, 2, "Nineveh", "IQ", False)
    # one person coded with the post he held on each report's date
    minister = ActorRef(3, "person:q1", "IRQ", "GOV")
    general = ActorRef(3, "person:q1", "IRQ", "MIL")
    # one week, once read from the text and once only the publication week
    members = [_mention(1, place=north_20, actor=minister, precision="week", source="text"),
               _mention(2, place=north_30, actor=general, precision="week", source="published")]
    assert summarize("ASSAULT", members, cfg) == summarize("ASSAULT", list(reversed(members)), cfg)


def test_an_event_summary_does_not_depend_on_place_ids():
    """Two villages of one name, one report each: the event is placed at the earlier report's village, on a
    database whose gazetteer numbered them one way or the other."""
    cfg = EventConfig()

    def members(north_id: int, south_id: int) -> list[Mention]:
        north = PlaceRef(north_id, "Al Qasr", 34.10, 43.80, 1, "Salah ad Din", "IQ", False)
        south = PlaceRef(south_id, "Al Qasr", 33.95, 43.85, 1, "Salah ad Din", "IQ", False)
        return [_mention(1, place=south), _mention(2, place=north)]

    one, other = summarize("ASSAULT", members(5, 9), cfg), summarize("ASSAULT", members(9, 5), cfg)
    assert (one.place.latitude, other.place.latitude) == (33.95, 33.95)


# ------------------------------------------------------------------------------------------ linking

# Three reports of one day: Alpha and Bravo 20 km apart, Bravo and Charlie 20 km apart, Alpha and Charlie
# 40 km apart (places of precision 1 meet within 25 km). Greedy linking joins a chain differently
# depending on which report comes first, so the order must be one of the data, not of row ids.
CHAIN = {"Alpha": 33.00, "Bravo": 33.18, "Charlie": 33.36}


def _report(trigger: int, name: str, day: date) -> dict:
    found = event(trigger, place=None, mode="aerial", day=day, sentence=f"غارة جوية على قرية {name} قتلت مدنيين")
    found["locations"] = [{"place_id": None, "text": name, "start": 0, "end": 5, "name_en": name,
                           "latitude": CHAIN[name], "longitude": 44.0, "country": "IQ", "admin1": None,
                           "feature_code": "PPL", "precision": 1, "inherited": False}]
    return found


def linked_events(url: str) -> set[frozenset]:
    """Each event as the set of its mentions' natural keys (article URL, field, trigger start, type)."""
    with session_scope(url) as s:
        rows = s.execute(select(EventLink.event_id, Article.canonical_url, EventMention.field,
                                EventMention.trigger_start, EventMention.event_type)
                         .join(EventMention, EventMention.id == EventLink.mention_id)
                         .join(Article, Article.id == EventMention.article_id)).all()
    events: dict[int, set] = {}
    for event_id, *key in rows:
        events.setdefault(event_id, set()).add(tuple(key))
    return {frozenset(v) for v in events.values()}


@pytest.mark.parametrize("batch_size", [1, 2000])
def test_linking_does_not_depend_on_the_order_articles_were_coded_in(db_url, batch_size):
    """The same three articles stored and coded in two orders (article and mention ids differ) link into the
    same events, whether linking takes one mention per transaction or all at once."""
    cfg = DedupConfig(events=EventConfig(batch_size=batch_size))
    results = []
    for run, order in enumerate((["Alpha", "Bravo", "Charlie"], ["Charlie", "Bravo", "Alpha"])):
        when = D0 + timedelta(days=60 * run)  # the two runs share one database: months apart, they never meet
        # the articles arrive (ingest: article ids) and are coded (extraction batches: mention ids) in this order
        articles = {name: add_article(db_url, "wire-a", f"غارة على {name}", f"نص الخبر عن {name}", when,
                                      slug=f"run{run}-{name.lower()}") for name in order}
        for name in order:
            store_mentions(db_url, articles[name], [_report(40, name, when.date())])
        link_pending(db_url, cfg)
        results.append({frozenset((url.replace(f"run{run}-", ""), *rest) for url, *rest in e)
                        for e in linked_events(db_url) if any(f"run{run}-" in url for url, *_ in e)})
    assert results[0] == results[1]
    # in link order (the same publication time: by URL) Alpha founds the event and Bravo joins it; Charlie,
    # 40 km from Alpha where the event stays placed, founds its own
    groups = sorted(sorted(url.rsplit("/", 1)[1] for url, *_ in e) for e in results[0])
    assert groups == [["alpha", "bravo"], ["charlie"]]
    with session_scope(db_url) as s:
        assert len(s.scalars(select(EventRow.id)).all()) == 4


# ------------------------------------------------------------------------------------------ a whole run

ARTICLES = [  # (outlet replay key, path, title, text): written for this test; two report one strike, one has
    # the tie of the two Zeitouns (which placed "the eastern border" in Egypt on SQLite only)
    ("BBC", "arabic/det-1", "غارة جوية على الموصل",
     "قتل خمسة مدنيين في غارة جوية استهدفت حيا سكنيا في مدينة الموصل شمال العراق يوم الثلاثاء، بحسب مصادر محلية."),
    ("CNN", "det-2", "مقتل خمسة مدنيين بغارة في الموصل",
     "أفادت مصادر محلية بمقتل خمسة مدنيين في غارة جوية على حي سكني بمدينة الموصل شمال العراق."),
    ("skynews", "det-3", "قصف على غزة",
     "قصفت المدفعية الإسرائيلية حي الزيتون في مدينة غزة، وتجمع مئات الفلسطينيين على الحدود الشرقية للقطاع."),
    ("france24", "det-4", "اشتباكات في درعا",
     "اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحين في ريف درعا جنوب سوريا، وأسفرت عن مقتل ثلاثة مسلحين."),
    ("BBC", "arabic/det-5", "قصف على إدلب",
     "قصفت طائرات حربية بلدة في ريف إدلب الجنوبي صباح الأربعاء، ما أدى إلى مقتل أربعة مدنيين وإصابة عشرة آخرين."),
]
HOSTS = {"BBC": "www.bbc.co.uk", "CNN": "arabic.cnn.com", "skynews": "www.skynewsarabia.com",
         "france24": "www.france24.com"}


def _replay_file(path: Path) -> Path:
    """The articles as an articles JSONL (the ANT corpus's fields), published an hour apart."""
    from email.utils import format_datetime

    with path.open("w", encoding="utf-8") as f:
        for n, (src, where, title, text) in enumerate(ARTICLES):
            published = datetime(2018, 5, 8, 8, tzinfo=timezone.utc) + timedelta(hours=n)
            f.write(json.dumps({"docno": f"det-{n}", "src": src, "url": f"https://{HOSTS[src]}/{where}", "title": title,
                                "time": format_datetime(published, usegmt=True), "author": "", "abstract": title,
                                "text": text}, ensure_ascii=False) + "\n")
    return path


def _run(replay: Path, url: str, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "etl.cli", "run", "--replay", str(replay), "--db", url], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_whole_runs_with_other_string_hashing_and_databases_give_the_same_results(tmp_path, pg_url):
    """`marsad run` in three processes, each with its own PYTHONHASHSEED (set and dict-of-set iteration
    order): twice on SQLite, once on PostgreSQL. The three dumps (bench/compare_runs.py) are identical."""
    sys.path.insert(0, str(ROOT / "bench"))
    from compare_runs import compare, dump

    replay = _replay_file(tmp_path / "articles.jsonl")
    runs = [(f"sqlite:///{tmp_path / 'a.db'}", "0"), (f"sqlite:///{tmp_path / 'b.db'}", "1"), (pg_url, "2")]
    dumps = []
    for url, seed in runs:
        _run(replay, url, seed)
        dumps.append(dump(url))
    assert dumps[0]["mentions"] and dumps[0]["events"] and dumps[0]["article_places"]
    assert compare(dumps[0], dumps[1]) == 0
    assert compare(dumps[0], dumps[2]) == 0
