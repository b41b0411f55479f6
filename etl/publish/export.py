"""`marsad export`: the analysts' views to CSV, Parquet or GeoJSON, streamed in batches so that memory stays flat
however large the database is.

- acled     v_acled_events: one row per event ACLED would code, with ACLED's column names
- events    v_events: one row per event; in Parquet and GeoJSON each event carries its mentions (the evidence
            of v_event_evidence) as a nested list
- mentions  v_event_evidence: one row per linked mention (the flat form of the evidence, for CSV)
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from itertools import groupby
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, column, inspect, select, table

from etl.load.db import engine_for
from etl.load.dedup import chunked
from etl.load.models import EventRow
from etl.publish.filters import EventFilter

TABLES = {"acled": "v_acled_events", "events": "v_events", "mentions": "v_event_evidence"}
FORMATS = ("csv", "parquet", "geojson")
BATCH = 2000


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    mentions: int  # nested mentions written (events to Parquet or GeoJSON), else 0


# ------------------------------------------------------------------------------------------ column types
# Views lose their columns' types on SQLite (dates come back as text), so each column's type is decided
# by its name, the same for both databases, and every value is brought to it.

_INTS = {"year", "iso", "inter1", "inter2", "interaction", "timestamp", "fatalities", "time_precision",
         "geo_precision", "acled_geo_precision", "acled_time_precision", "part", "story_id"}
_STRINGS = {"source_id", "event_id_cnty"}
_FLOATS = {"latitude", "longitude", "score", "confidence"}
_TIMES = {"published_at", "first_seen", "last_seen", "updated_at"}


def column_kind(name: str) -> str:
    """int, float, date, timestamp, bool or string: the type of an exported column, by its name."""
    if name in _STRINGS:
        return "string"
    if name in _FLOATS:
        return "float"
    if name in _TIMES:
        return "timestamp"
    if name == "event_date":
        return "date"
    if name == "happened":
        return "bool"
    if name in _INTS or name.endswith(("_id", "_low", "_best", "_high")) or name.startswith("num_"):
        return "int"
    return "string"


def _value(kind: str, value):
    if value is None:
        return None
    if kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if kind == "timestamp":
        if not isinstance(value, datetime):
            value = datetime.fromisoformat(str(value))
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    return str(value)


def _arrow_type(kind: str):
    import pyarrow as pa

    return {"date": pa.date32(), "timestamp": pa.timestamp("us", tz="UTC"), "int": pa.int64(), "float": pa.float64(),
            "bool": pa.bool_(), "string": pa.string()}[kind]


def _plain(value):
    """A value as JSON and CSV write it."""
    return value.isoformat() if isinstance(value, (date, datetime)) else value


# ------------------------------------------------------------------------------------------ reading

def _rows(conn: Connection, view: str, selection: EventFilter) -> tuple[list[str], Iterator[dict]]:
    """The view's rows for the selected events, ordered by event, read in batches."""
    columns = [c["name"] for c in inspect(conn).get_columns(view)]
    v = table(view, *(column(c) for c in columns))
    query = select(v).where(v.c.event_id.in_(selection.apply(select(EventRow.id)))).order_by(v.c.event_id)
    if "mention_id" in columns:
        query = query.order_by(v.c.mention_id)
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
    kinds = [column_kind(c) for c in columns]

    def rows() -> Iterator[dict]:
        for row in result:
            yield {c: _value(k, x) for c, k, x in zip(columns, kinds, row)}

    return columns, rows()


def _with_mentions(events: Iterator[dict], mentions: Iterator[dict]) -> Iterator[dict]:
    """Each event with its mentions: both streams are ordered by event id, so they are merged in one pass."""
    grouped = groupby(mentions, key=lambda m: m["event_id"])
    pending = next(grouped, None)
    for event in events:
        while pending is not None and pending[0] < event["event_id"]:
            pending = next(grouped, None)
        found = []
        if pending is not None and pending[0] == event["event_id"]:
            found = [{k: v for k, v in m.items() if k != "event_id"} for m in pending[1]]
            pending = next(grouped, None)
        yield {**event, "mentions": found}


# ------------------------------------------------------------------------------------------ writing

def _write_csv(path: Path, columns: list[str], rows: Iterator[dict]) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row[c] is None else _plain(row[c]) for c in columns])
            count += 1
    return count


def _arrow_schema(columns: list[str], mention_columns: list[str] | None):
    import pyarrow as pa

    fields = [pa.field(c, _arrow_type(column_kind(c))) for c in columns]
    if mention_columns is not None:
        nested = pa.struct([pa.field(c, _arrow_type(column_kind(c))) for c in mention_columns if c != "event_id"])
        fields.append(pa.field("mentions", pa.list_(nested)))
    return pa.schema(fields)


def _write_parquet(path: Path, schema, rows: Iterator[dict]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in chunked(rows, BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _write_geojson(path: Path, rows: Iterator[dict], lat: str, lon: str) -> int:
    """A FeatureCollection written feature by feature; an event with no coordinates has a null geometry."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            geometry = None
            if row.get(lat) is not None and row.get(lon) is not None:
                geometry = {"type": "Point", "coordinates": [row[lon], row[lat]]}
            properties = {k: _plain(v) if k != "mentions" else [{mk: _plain(mv) for mk, mv in m.items()} for m in v]
                          for k, v in row.items()}
            feature = {"type": "Feature", "id": row.get("event_id"), "geometry": geometry, "properties": properties}
            handle.write(("" if count == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
            count += 1
        handle.write("\n]}\n")
    return count


def export(db_url: str, table: str, fmt: str, path: Path, selection: EventFilter = EventFilter()) -> ExportResult:
    """Write `table` (acled | events | mentions) for the selected events to `path` as `fmt`."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "geojson" and table == "mentions":
        raise ValueError("mentions have no place of their own: export events (which nest their mentions) as GeoJSON")
    path.parent.mkdir(parents=True, exist_ok=True)
    nested = table == "events" and fmt != "csv"
    engine = engine_for(db_url)
    # two connections: the events and their mentions are read side by side, each in batches
    with engine.connect() as conn, engine.connect() as mentions_conn:
        columns, rows = _rows(conn, TABLES[table], selection)
        mention_columns = None
        if nested:
            mention_columns, mentions = _rows(mentions_conn, TABLES["mentions"], selection)
            rows = _with_mentions(rows, mentions)
        counted = _Counter(rows)
        if fmt == "csv":
            written = _write_csv(path, columns, counted)
        elif fmt == "parquet":
            written = _write_parquet(path, _arrow_schema(columns, mention_columns), counted)
        else:
            written = _write_geojson(path, counted, "latitude", "longitude")
    return ExportResult(path, written, counted.mentions)


class _Counter:
    """Passes rows through, counting the nested mentions."""

    def __init__(self, rows: Iterator[dict]):
        self.rows, self.mentions = rows, 0

    def __iter__(self) -> Iterator[dict]:
        for row in self.rows:
            self.mentions += len(row.get("mentions", ()))
            yield row
