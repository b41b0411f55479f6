"""What analysts touch, on both databases: the code lists and the data dictionary (every column and every stored
code has an entry), the ACLED-shaped and GDELT-like views, `marsad export` in its three formats, PostGIS on
events, and the command line's clear errors."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from typer.testing import CliRunner

from etl.cli import app
from etl.dedup import run_dedup
from etl.load.code_lists import CodeListError, all_code_lists, codes_of, parse_code_lists
from etl.load.db import engine_for, session_scope
from etl.load.models import CodeList, DataDictionaryEntry, EventLink, EventRow
from etl.publish.export import export
from etl.publish.filters import EventFilter
from tests.test_dedup_events import NEXT_DAY
from tests.test_dedup_stories import OTHER, REPRINT_B, WIRE, WIRE_TITLE
from tests.test_dedup_support import D0, add_article

ROOT = Path(__file__).resolve().parents[1]
PROTEST = ("البصرة - تظاهر آلاف العراقيين في مدينة البصرة يوم الاثنين احتجاجا على انقطاع الكهرباء ونقص المياه، "
           "وأغلق المحتجون الطريق المؤدي إلى ميناء أم قصر.")
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                 "civilian_targeting", "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
                 "source", "source_scale", "notes", "fatalities", "timestamp"]


@pytest.fixture
def coded(db_url):
    """Real articles coded by the real coder over a small gazetteer, then deduplicated."""
    from etl.extract_articles import Extractor, process_article
    from etl.extraction.pipeline import make_coder
    from etl.load.places import write_gazetteer
    from tests.geo_fixture import ROWS

    with session_scope(db_url) as s:
        write_gazetteer(s, [dict(row) for row, _ in ROWS], {row["place_key"]: list(n) for row, n in ROWS})
    extractor = Extractor(make_coder(geocode=True, db_url=db_url))
    ids = [add_article(db_url, "wire-a", WIRE_TITLE, WIRE),
           add_article(db_url, "daily-b", "خمسة قتلى بتفجير سيارة مفخخة في سوق ببغداد", REPRINT_B, D0 + timedelta(hours=2)),
           add_article(db_url, "tv-c", "ارتفاع حصيلة تفجير الكرادة", NEXT_DAY, D0 + timedelta(days=1)),
           add_article(db_url, "site-d", "الأردن يستضيف مؤتمرا", OTHER),
           add_article(db_url, "site-d", "مظاهرات في البصرة", PROTEST, D0 - timedelta(days=1))]
    for aid in ids:
        process_article(db_url, aid, extractor)
    run_dedup(db_url)
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(EventRow)) >= 2  # a bombing and a protest at least
    return db_url


# ------------------------------------------------------------------------------------------ code lists

def test_code_lists_cover_what_the_coder_and_the_dictionaries_can_write():
    from etl.extraction.dictionaries import SECTORS, load_dictionaries
    from etl.extraction.passes import mentions, protests

    assert codes_of("sector") == SECTORS
    assert codes_of("modality") >= mentions.HAPPENED
    pairs = {m.acled for m in load_dictionaries().modes.values() if m.acled}
    pairs |= {t.acled for t in load_dictionaries().triggers.triggers.values() if t.acled}
    pairs |= {protests._VIOLENT_DEMONSTRATION, protests._EXCESSIVE_FORCE}
    _, codes = all_code_lists()
    sub_parent = {c.code: c.parent for c in codes if c.list_name == "acled_sub_event_type"}
    for event_type, sub in pairs:
        assert sub_parent.get(sub) == event_type, (event_type, sub)
    modes = codes_of("plover_mode")
    assert all(f"{m.type}.{m.mode}" in modes for m in load_dictionaries().modes.values())


@pytest.mark.parametrize("raw, message", [
    ({"x": {"codes": {"a": "A"}}}, "needs a description"),
    ({"x": {"description": "d", "codes": {"a": {"label": ""}}}}, "x.a: needs a label"),
    ({"x": {"description": "d", "codes": {"a": {"label": "A", "colour": "red"}}}}, "unknown fields"),
    ({"acled_event_type": {"description": "d", "codes": {"Battles": "Battles"}},
      "acled_sub_event_type": {"description": "d", "codes": {"Riot": {"label": "Riot", "parent": "Riots"}}}},
     "is no acled_event_type"),
])
def test_a_bad_code_list_names_the_entry(raw, message):
    with pytest.raises(CodeListError, match=message):
        parse_code_lists(raw)


def test_the_database_holds_the_code_lists_and_the_dictionary(db_url):
    with session_scope(db_url) as s:
        label = s.scalar(select(CodeList.label).where(CodeList.list_name == "sector", CodeList.code == "CVL"))
        entries = s.scalar(select(func.count()).select_from(DataDictionaryEntry))
        lists = set(s.scalars(select(CodeList.code).where(CodeList.list_name == "code_list")))
    assert label == "civilians" and entries > 200
    assert lists == set(all_code_lists()[0])
    # a second upgrade leaves them as they are (and a stale code is removed)
    from etl.load.db import upgrade

    with session_scope(db_url) as s:
        s.add(CodeList(list_name="sector", code="OLD", label="gone"))
    upgrade(db_url)
    with session_scope(db_url) as s:
        assert s.get(CodeList, ("sector", "OLD")) is None
        assert s.scalar(select(func.count()).select_from(DataDictionaryEntry)) == entries


# ------------------------------------------------------------------------------------------ the data dictionary

def test_every_column_and_every_stored_code_has_an_entry(coded):
    from etl.load.data_dictionary import uncoded_values, undocumented

    assert undocumented(engine_for(coded)) == {}
    with session_scope(coded) as s:
        assert uncoded_values(s) == []


def test_a_column_without_an_entry_is_found(sqlite_url):
    from etl.load.data_dictionary import undocumented

    with engine_for(sqlite_url).begin() as conn:
        conn.execute(text("ALTER TABLE events ADD COLUMN mystery INTEGER"))
    assert undocumented(engine_for(sqlite_url)) == {"no entry": ["events.mystery"]}


def test_a_stored_code_outside_its_list_is_found(coded):
    from etl.load.data_dictionary import uncoded_values

    with session_scope(coded) as s:
        s.execute(text("UPDATE event_mentions SET modality = 'rumoured' WHERE id = (SELECT min(id) FROM event_mentions)"))
        assert uncoded_values(s) == ["event_mentions.modality=rumoured"]


def test_the_document_is_the_generated_one():
    from etl.load.data_dictionary import render_markdown

    assert (ROOT / "docs" / "DATA_DICTIONARY.md").read_text(encoding="utf-8") == render_markdown(), \
        "docs/DATA_DICTIONARY.md is stale: run `marsad dictionary -o docs/DATA_DICTIONARY.md`"


# ------------------------------------------------------------------------------------------ the views

def test_acled_view_has_acleds_columns_and_one_row_per_acled_event(coded):
    with engine_for(coded).connect() as conn:
        result = conn.execute(text("SELECT * FROM v_acled_events ORDER BY event_id"))
        rows = [dict(r._mapping) for r in result]
        acled_events = conn.execute(text("SELECT count(*) FROM events WHERE acled_event_type IS NOT NULL")).scalar()
        links = dict(conn.execute(text("SELECT event_id, count(DISTINCT a.source_id) FROM event_links l "
                                       "JOIN articles a ON a.id = l.article_id GROUP BY event_id")).all())
    assert list(rows[0])[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert len(rows) == acled_events > 0
    for row in rows:
        assert row["disorder_type"] in ("Political violence", "Demonstrations", "Political violence; Demonstrations",
                                        "Strategic developments")
        assert row["year"] == row["event_date"].year if isinstance(row["event_date"], date) else \
            row["year"] == int(str(row["event_date"])[:4])
        assert row["source"].count("; ") == links[row["event_id"]] - 1  # one outlet each, joined
        assert row["fatalities"] >= 0 and isinstance(row["timestamp"], int)
        if row["event_type"] == "Protests":
            assert row["actor1"].startswith("Protesters (") and row["inter1"] == 6
        if row["inter1"] and row["inter2"]:
            low, high = sorted((row["inter1"], row["inter2"]))
            assert row["interaction"] == low * 10 + high
        if row["country"] == "Iraq":
            assert row["iso"] == 368 and row["event_id_cnty"].startswith("IRQ-")
            assert row["source_scale"] == "National"  # the test outlets are Iraqi
    assert {r["event_type"] for r in rows} >= {"Protests"}


def test_gdelt_views_pair_events_and_mentions(coded):
    with engine_for(coded).connect() as conn:
        events = [dict(r._mapping) for r in conn.execute(text("SELECT * FROM v_gdelt_events"))]
        mentions = conn.execute(text("SELECT globaleventid, count(*) FROM v_gdelt_mentions GROUP BY globaleventid")).all()
    assert len(events) == len({e["globaleventid"] for e in events}) > 0
    counts = dict(mentions)
    for e in events:
        assert counts[e["globaleventid"]] == e["nummentions"]
        assert 19000101 < e["sqldate"] < 21000101 and e["eventrootcode"] == e["eventcode"][:2]
        assert e["quadclass"] in (1, 2, 3, 4)


def test_events_have_a_postgis_point_with_a_gist_index(coded):
    if not coded.startswith("postgresql"):
        pytest.skip("PostGIS is PostgreSQL's: SQLite's events have latitude and longitude only")
    with engine_for(coded).connect() as conn:
        index = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_geom'")).scalar()
        near = conn.execute(text(
            "SELECT count(*) FROM events WHERE ST_DWithin(geom::geography, "
            "ST_SetSRID(ST_MakePoint(44.40, 33.34), 4326)::geography, 50000)")).scalar()
        placed = conn.execute(text("SELECT count(*) FROM events WHERE latitude BETWEEN 33.0 AND 33.7 "
                                   "AND longitude BETWEEN 44.0 AND 44.8")).scalar()
    assert "gist" in index and near == placed > 0  # the Baghdad bombing, within 50 km of Baghdad


# ------------------------------------------------------------------------------------------ export

def _acled_count(url: str, selection: EventFilter) -> int:
    with session_scope(url) as s:
        return s.scalar(select(func.count()).select_from(
            selection.apply(select(EventRow.id).where(EventRow.acled_event_type.is_not(None))).subquery()))


def test_export_writes_the_same_rows_in_every_format(coded, tmp_path):
    import pyarrow.parquet as pq

    with session_scope(coded) as s:
        events = s.scalar(select(func.count()).select_from(EventRow))
        links = s.scalar(select(func.count()).select_from(EventLink))
    result = export(coded, "acled", "csv", tmp_path / "acled.csv")
    with (tmp_path / "acled.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert result.rows == len(rows) == _acled_count(coded, EventFilter())
    assert list(rows[0])[:len(ACLED_COLUMNS)] == ACLED_COLUMNS

    result = export(coded, "events", "parquet", tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert result.rows == table.num_rows == events and result.mentions == links
    assert sum(len(m) for m in table.column("mentions").to_pylist()) == links
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("first_seen").type) == "timestamp[us, tz=UTC]"

    result = export(coded, "events", "geojson", tmp_path / "events.geojson")
    collection = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == events
    placed = [f for f in collection["features"] if f["geometry"]]
    assert placed and all(f["geometry"]["coordinates"] == [f["properties"]["longitude"], f["properties"]["latitude"]]
                          for f in placed)

    result = export(coded, "mentions", "csv", tmp_path / "mentions.csv")
    assert result.rows == links


def test_export_filters(coded, tmp_path):
    everything = export(coded, "events", "csv", tmp_path / "all.csv").rows
    iraq = export(coded, "events", "csv", tmp_path / "iq.csv", EventFilter(countries=("IQ",))).rows
    protests = export(coded, "events", "csv", tmp_path / "p.csv", EventFilter(types=("Protests",))).rows
    site_d = export(coded, "events", "csv", tmp_path / "d.csv", EventFilter(sources=("site-d",))).rows
    nothing = export(coded, "events", "csv", tmp_path / "none.csv", EventFilter(start=date(2030, 1, 1))).rows
    with session_scope(coded) as s:
        in_iraq = s.scalar(select(func.count()).select_from(EventRow).where(EventRow.country_code == "IQ"))
    assert 0 < iraq == in_iraq <= everything and 0 < protests < everything and 0 < site_d < everything
    assert nothing == 0 and (tmp_path / "none.csv").read_text().count("\n") == 1  # the header alone


def test_export_command(coded, tmp_path):
    out = tmp_path / "syria.parquet"
    result = CliRunner().invoke(app, ["export", "acled", "-o", str(out), "--country", "iq", "--db", coded])
    assert result.exit_code == 0, result.output
    assert f"wrote {_acled_count(coded, EventFilter(countries=('IQ',)))} rows" in result.output and out.exists()
    bad = CliRunner().invoke(app, ["export", "acled", "-o", str(tmp_path / "x.xlsx"), "--db", coded])
    assert bad.exit_code == 2 and "--format" in bad.output
    bad = CliRunner().invoke(app, ["export", "acled", "-o", str(out), "--since", "2018-13-01", "--db", coded])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


# ------------------------------------------------------------------------------------------ clear errors

def test_a_missing_sqlite_file_is_reported_and_not_created(tmp_path):
    missing = tmp_path / "nothing.db"
    for command in (["stats"], ["dedup"], ["reextract"], ["export", "acled", "-o", str(tmp_path / "a.csv")]):
        result = CliRunner().invoke(app, [*command, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 2 and "there is no events database" in result.output, command
    assert not missing.exists()


def test_an_unreachable_postgresql_is_one_line_not_a_traceback(tmp_path):
    url = "postgresql://nobody@127.0.0.1:1/none"  # nothing listens on port 1
    for command in (["stats", "--db", url], ["db", "upgrade", "--db", url]):
        run = subprocess.run([sys.executable, "-c", "from etl.cli import main; main()", *command],
                             capture_output=True, text=True, timeout=120)
        output = run.stdout + run.stderr
        assert run.returncode == 2 and "Traceback" not in output, output
        assert "error:" in output and len(output.strip().splitlines()) <= 3, output
