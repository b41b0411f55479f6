"""The data dictionary (schema/dictionary.yaml): what every column of every table and view holds, its unit and
its code list. Written into the table `data_dictionary` by `marsad db upgrade`, rendered as
docs/DATA_DICTIONARY.md by `marsad dictionary`, and checked against the database by the tests."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml
from sqlalchemy import Engine, delete, inspect, select
from sqlalchemy.orm import Session

from etl import config
from etl.load.code_lists import all_code_lists
from etl.load.models import DataDictionaryEntry

KINDS = {"tables": "table", "views": "view"}
_FIELDS = {"description", "unit", "codes", "postgresql_only"}


class DictionaryFileError(ValueError):
    pass


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    kind: str  # table | view
    description: str
    unit: str | None
    codes: str | None
    postgresql_only: bool


@dataclass(frozen=True)
class Relation:
    name: str
    kind: str
    description: str
    columns: tuple[Column, ...]


def parse_dictionary(raw, code_lists: set[str]) -> tuple[Relation, ...]:
    if not isinstance(raw, dict) or set(raw) - set(KINDS):
        raise DictionaryFileError("dictionary.yaml: expected `tables` and `views`")
    relations = []
    for section, kind in KINDS.items():
        for name, spec in (raw.get(section) or {}).items():
            where = f"dictionary.yaml: {section}.{name}"
            if not isinstance(spec, dict) or not spec.get("description") or not isinstance(spec.get("columns"), dict):
                raise DictionaryFileError(f"{where}: needs a description and columns")
            columns = []
            for column, entry in spec["columns"].items():
                if not isinstance(entry, dict) or not str(entry.get("description") or "").strip():
                    raise DictionaryFileError(f"{where}.{column}: needs a description")
                if set(entry) - _FIELDS:
                    raise DictionaryFileError(f"{where}.{column}: unknown fields {sorted(set(entry) - _FIELDS)}")
                if entry.get("codes") and entry["codes"] not in code_lists:
                    raise DictionaryFileError(f"{where}.{column}: no code list named {entry['codes']!r}")
                columns.append(Column(name, str(column), kind, " ".join(str(entry["description"]).split()),
                                      None if entry.get("unit") is None else str(entry["unit"]), entry.get("codes"),
                                      bool(entry.get("postgresql_only", False))))
            relations.append(Relation(name, kind, " ".join(str(spec["description"]).split()), tuple(columns)))
    return tuple(relations)


@lru_cache(maxsize=1)
def load_dictionary() -> tuple[Relation, ...]:
    path = config.schema_dir() / "dictionary.yaml"
    described, _ = all_code_lists()
    return parse_dictionary(yaml.safe_load(path.read_text(encoding="utf-8")), set(described))


def write_data_dictionary(session: Session) -> int:
    """Make `data_dictionary` hold exactly the file's entries."""
    session.execute(delete(DataDictionaryEntry))
    rows = [DataDictionaryEntry(table_name=c.table, column_name=c.name, kind=c.kind, description=c.description,
                                unit=c.unit, code_list=c.codes, postgresql_only=c.postgresql_only)
            for relation in load_dictionary() for c in relation.columns]
    session.add_all(rows)
    return len(rows)


def undocumented(engine: Engine) -> dict[str, list[str]]:
    """What the database and the dictionary disagree on: columns with no entry, entries with no column,
    tables and views with no entry (alembic's own table aside)."""
    import warnings

    from sqlalchemy.exc import SAWarning

    inspector = inspect(engine)
    postgres = engine.dialect.name == "postgresql"
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Did not recognize type 'geometry'", SAWarning)  # PostGIS's geom: a name is enough
        actual = {("table", t): {c["name"] for c in inspector.get_columns(t)}
                  for t in inspector.get_table_names() if t not in ("alembic_version", "spatial_ref_sys")}
        actual |= {("view", v): {c["name"] for c in inspector.get_columns(v)} for v in inspector.get_view_names()
                   if not v.startswith(("geography_", "geometry_", "raster_"))}  # PostGIS's own views
    documented = {(r.kind, r.name): {c.name for c in r.columns if postgres or not c.postgresql_only}
                  for r in load_dictionary()}
    problems: dict[str, list[str]] = {"no entry": [], "no such column": []}
    for key in sorted(set(actual) | set(documented)):
        have, said = actual.get(key, set()), documented.get(key, set())
        problems["no entry"] += [f"{key[1]}.{c}" for c in sorted(have - said)]
        problems["no such column"] += [f"{key[1]}.{c}" for c in sorted(said - have)]
    return {k: v for k, v in problems.items() if v}


# ------------------------------------------------------------------------------------------ the document

_BIG_LISTS = {"country", "actor_country", "cameo"}  # listed in the database, summarized in the document


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    described, codes = all_code_lists()
    lines = ["# Data dictionary", "",
             "Generated by `marsad dictionary` from `schema/dictionary.yaml` (tables, views, columns) and the code lists",
             "(`etl/load/data/code_lists.yaml`, `plover.yaml`, ISO 3166). Do not edit by hand. The same entries are in the",
             "database: `data_dictionary` (one row per column) and `code_lists` (one row per code), e.g.",
             "",
             "```sql",
             "SELECT e.id, e.actor_sector, c.label FROM events e",
             "JOIN code_lists c ON c.list_name = 'sector' AND c.code = e.actor_sector;",
             "```",
             "",
             "Conventions: timestamps are UTC; countries of places and events are ISO 3166-1 alpha-2 (`XX`: none), of",
             "actors alpha-3 (with CAMEO's `IMG`, `IGO`); coordinates are WGS84 degrees; a null count means that",
             "nothing was reported, not zero.", ""]
    relations = load_dictionary()
    for kind, title in (("table", "Tables"), ("view", "Views")):
        lines += [f"## {title}", ""]
        for r in (r for r in relations if r.kind == kind):
            lines += [f"### `{r.name}`", "", r.description, "", "| column | meaning | unit | codes |", "|---|---|---|---|"]
            for c in r.columns:
                note = " (PostgreSQL only)" if c.postgresql_only else ""
                codes_ref = f"[{c.codes}](#{c.codes.replace('_', '-')})" if c.codes else ""
                lines.append(f"| `{c.name}` | {_cell(c.description)}{note} | {_cell(c.unit)} | {codes_ref} |")
            lines.append("")
    lines += ["## Code lists", ""]
    for name in sorted(described):
        members = [c for c in codes if c.list_name == name]
        lines += [f"### {name}", "", _cell(described[name]), ""]
        if name in _BIG_LISTS:
            lines += [f"{len(members)} codes: `SELECT code, label, maps_to FROM code_lists WHERE list_name = '{name}'`.", ""]
            continue
        lines += ["| code | label | parent | maps to | meaning |", "|---|---|---|---|---|"]
        lines += [f"| `{_cell(c.code)}` | {_cell(c.label)} | {_cell(c.parent)} | {_cell(c.maps_to)} | {_cell(c.description)} |"
                  for c in members]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def code_list_columns() -> dict[tuple[str, str], str]:
    """(table, column) -> its code list, for the columns of tables (not views) that have one."""
    return {(c.table, c.name): c.codes for r in load_dictionary() if r.kind == "table" for c in r.columns if c.codes}


def uncoded_values(session: Session) -> list[str]:
    """Values stored in coded columns that their code list lacks (e.g. a new modality the coder started to
    write): each as table.column=value. A plover_mode column is checked as TYPE.mode."""
    from sqlalchemy import column, table

    lists: dict[str, set[str]] = {}
    for c in all_code_lists()[1]:
        lists.setdefault(c.list_name, set()).add(c.code)
    found = []
    for (table_name, column_name), list_name in sorted(code_list_columns().items()):
        t = table(table_name, column(column_name))
        if list_name == "plover_mode":
            t = table(table_name, column(column_name), column("event_type"))
            values = {f"{ty}.{mode or ''}" for ty, mode in
                      session.execute(select(t.c.event_type, t.c[column_name]).distinct())}
        else:
            values = {str(v) for v in session.scalars(select(t.c[column_name]).distinct()) if v is not None}
        found += [f"{table_name}.{column_name}={v}" for v in sorted(values - lists.get(list_name, set()))]
    return found
