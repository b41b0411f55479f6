"""Writes of the geo stage: the gazetteer tables and the places found in articles."""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from etl.load.models import ArticlePlace, ArticleProcessing, Place, PlaceName, utcnow
from etl.load.store import _chunks, _insert
from etl.text.tokens import name_key

PLACE_COLUMNS = ("name_ar", "name_en", "feature_class", "feature_code", "country_code", "admin1_code", "iso_code",
                 "population", "latitude", "longitude", "geonameid", "wikidata", "source")


def write_gazetteer(session: Session, places: Sequence[dict], names: dict[str, list[tuple[str, str, bool]]]) -> int:
    """Upsert places by their key and replace the names that differ, in the caller's transaction.

    Re-running with the same rows is a true no-op: a place row is rewritten (and its `updated_at` moved)
    only when one of its columns changed, and a place's names only when its set of names changed, so that
    place and name ids stay stable for `article_places` and for readers of the tables.
    """
    now = utcnow()
    rows = [{**{c: row.get(c) for c in PLACE_COLUMNS}, "place_key": row["place_key"], "updated_at": now}
            for row in places]
    table = Place.__table__
    for chunk in _chunks(rows):
        stmt = _insert(session, Place)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["place_key"], set_={c: stmt.excluded[c] for c in (*PLACE_COLUMNS, "updated_at")},
            where=or_(*(table.c[c].is_distinct_from(stmt.excluded[c]) for c in PLACE_COLUMNS))),
            list(chunk))
    keys = [row["place_key"] for row in places]
    ids: dict[str, int] = {}
    for chunk in _chunks(keys):
        ids.update(session.execute(select(Place.place_key, Place.id).where(Place.place_key.in_(chunk))).all())
    wanted: dict[int, dict[str, tuple]] = {}
    for key, place_names in names.items():
        if key not in ids:
            continue
        rows_of_place = wanted.setdefault(ids[key], {})
        for name, lang, preferred in place_names:
            folded = name_key(name)
            if folded and folded not in rows_of_place:  # (place, key) is unique: the first spelling wins
                rows_of_place[folded] = (name, lang, bool(preferred))
    stored: dict[int, dict[str, tuple]] = defaultdict(dict)
    for chunk in _chunks(list(ids.values())):
        for place_id, name, folded, lang, preferred in session.execute(
                select(PlaceName.place_id, PlaceName.name, PlaceName.name_key, PlaceName.lang, PlaceName.preferred)
                .where(PlaceName.place_id.in_(chunk))):
            stored[place_id][folded] = (name, lang, bool(preferred))
    changed = [place_id for place_id in ids.values() if stored.get(place_id, {}) != wanted.get(place_id, {})]
    for chunk in _chunks(changed):
        session.execute(delete(PlaceName).where(PlaceName.place_id.in_(chunk)))
    name_rows = [{"place_id": place_id, "name": name, "name_key": folded, "lang": lang, "preferred": preferred}
                 for place_id in changed for folded, (name, lang, preferred) in wanted.get(place_id, {}).items()]
    for chunk in _chunks(name_rows, 2000):
        session.execute(_insert(session, PlaceName), list(chunk))
    return len(rows)


def replace_article_places(session: Session, article_id: int, rows: Sequence[dict], version: str,
                           processed_version: str | None = None, truncated_at: int | None = None) -> None:
    """The places of one article, replaced whole, and the article marked as geocoded by this gazetteer
    version (`processed_version`, when given, is what `article_processing` records instead)."""
    session.execute(delete(ArticlePlace).where(ArticlePlace.article_id == article_id))
    if rows:
        session.execute(_insert(session, ArticlePlace),
                        [{**row, "article_id": article_id, "gazetteer_version": version} for row in rows])
    mark_processed(session, article_id, "geocode", processed_version or version, len(rows), truncated_at=truncated_at)


def mark_processed(session: Session, article_id: int, stage: str, version: str, items: int,
                   error: str | None = None, truncated_at: int | None = None) -> None:
    """Record that this version of a stage processed the article: how many items it found, or why it failed
    (a failure is not retried by the same version), and where it stopped reading an over-long text."""
    stmt = _insert(session, ArticleProcessing)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["article_id", "stage"],
        # excluded["items"], not excluded.items: that is ColumnCollection.items(), a method
        set_={c: stmt.excluded[c] for c in ("version", "items", "processed_at", "error", "truncated_at")}),
        [{"article_id": article_id, "stage": stage, "version": version, "items": items, "processed_at": utcnow(),
          "error": error, "truncated_at": truncated_at}])
