"""Writes of the geo stage: the gazetteer tables and the places found in articles."""

from __future__ import annotations

from typing import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from etl.load.models import ArticlePlace, ArticleProcessing, Place, PlaceName, utcnow
from etl.load.store import _chunks, _insert
from etl.text.tokens import name_key

PLACE_COLUMNS = ("name_ar", "name_en", "feature_class", "feature_code", "country_code", "admin1_code", "iso_code",
                 "population", "latitude", "longitude", "geonameid", "wikidata", "source")


def write_gazetteer(session: Session, places: Sequence[dict], names: dict[str, list[tuple[str, str, bool]]]) -> int:
    """Upsert places by their key and replace their names, in the caller's transaction. Re-running is a no-op."""
    now = utcnow()
    rows = [{**{c: row.get(c) for c in PLACE_COLUMNS}, "place_key": row["place_key"], "updated_at": now}
            for row in places]
    for chunk in _chunks(rows):
        stmt = _insert(session, Place)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["place_key"], set_={c: stmt.excluded[c] for c in (*PLACE_COLUMNS, "updated_at")}),
            list(chunk))
    keys = [row["place_key"] for row in places]
    ids: dict[str, int] = {}
    for chunk in _chunks(keys):
        ids.update(session.execute(select(Place.place_key, Place.id).where(Place.place_key.in_(chunk))).all())
    for chunk in _chunks(list(ids.values())):
        session.execute(delete(PlaceName).where(PlaceName.place_id.in_(chunk)))
    name_rows, seen = [], set()
    for key, place_names in names.items():
        if key not in ids:
            continue
        for name, lang, preferred in place_names:
            folded = name_key(name)
            if folded and (ids[key], folded) not in seen:
                seen.add((ids[key], folded))
                name_rows.append({"place_id": ids[key], "name": name, "name_key": folded, "lang": lang,
                                  "preferred": preferred})
    for chunk in _chunks(name_rows, 2000):
        session.execute(_insert(session, PlaceName), list(chunk))
    return len(rows)


def replace_article_places(session: Session, article_id: int, rows: Sequence[dict], version: str) -> None:
    """The places of one article, replaced whole, and the article marked as geocoded by this version."""
    session.execute(delete(ArticlePlace).where(ArticlePlace.article_id == article_id))
    if rows:
        session.execute(_insert(session, ArticlePlace),
                        [{**row, "article_id": article_id, "gazetteer_version": version} for row in rows])
    mark_processed(session, article_id, "geocode", version, len(rows))


def mark_processed(session: Session, article_id: int, stage: str, version: str, items: int) -> None:
    stmt = _insert(session, ArticleProcessing)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["article_id", "stage"],
        set_={"version": stmt.excluded.version, "items": stmt.excluded.items,
              "processed_at": stmt.excluded.processed_at}),
        [{"article_id": article_id, "stage": stage, "version": version, "items": items, "processed_at": utcnow()}])
