"""What the extraction step (etl.extract_articles) stores of an article's places: `article_places` rows
and the geocode stage's processing version (the gazetteer and the text it geocoded, so that a changed
article or a new gazetteer is geocoded again)."""

from __future__ import annotations

from sqlalchemy import func, select

from etl.geo.geocoder import PlaceMention
from etl.load.db import session_scope

HASH_CHARS = 15  # gazetteer version (16) + ":" + 15 hash characters = the 32 of article_processing.version


def processing_version(gazetteer_version: str, content_hash: str) -> str:
    """What `article_processing.version` records: the gazetteer and the text it was geocoded with."""
    return f"{gazetteer_version}:{content_hash[:HASH_CHARS]}"


def place_rows(field: str, mentions: list[PlaceMention]) -> list[dict]:
    """`article_places` rows of the geocoder's mentions in one field (title | content)."""
    return [{"place_id": m.place_id, "field": field, "mention": m.text, "start_char": m.start, "end_char": m.end,
             "latitude": m.latitude, "longitude": m.longitude, "precision": m.precision, "confidence": m.confidence}
            for m in mentions]


def place_counts(db_url: str) -> dict:
    from etl.load.models import ArticlePlace

    with session_scope(db_url) as session:
        return {"article_places": session.scalar(select(func.count()).select_from(ArticlePlace)) or 0}
