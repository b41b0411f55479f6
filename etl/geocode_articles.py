"""The geocoding step of the pipeline: the places of each stored article, into `article_places`.

Articles not yet geocoded by the current gazetteer version, or whose text changed since (the content hash
is part of the processing version), are processed in batches, each batch in one transaction (a failure
leaves the batch untouched); re-running finds nothing to do.
"""

from __future__ import annotations

from sqlalchemy import String, and_, func, literal, or_, select

from etl.geo.gazetteer import Gazetteer
from etl.geo.geocoder import Geocoder, PlaceMention
from etl.load.db import session_scope
from etl.load.models import Article, ArticleProcessing
from etl.load.places import replace_article_places

BATCH = 200
HASH_CHARS = 15  # gazetteer version (16) + ":" + 15 hash characters = the 32 of article_processing.version


def processing_version(gazetteer_version: str, content_hash: str) -> str:
    """What `article_processing.version` records: the gazetteer and the text it was geocoded with."""
    return f"{gazetteer_version}:{content_hash[:HASH_CHARS]}"


def pending_articles(db_url: str, version: str, limit: int | None = None) -> list[int]:
    with session_scope(db_url) as session:
        stmt = (select(Article.id)
                .outerjoin(ArticleProcessing, and_(ArticleProcessing.article_id == Article.id,
                                                   ArticleProcessing.stage == "geocode"))
                .where(or_(ArticleProcessing.id.is_(None),
                           ArticleProcessing.version != literal(f"{version}:", String).concat(
                               func.substr(Article.content_hash, 1, HASH_CHARS))))
                .order_by(Article.id))
        if limit:
            stmt = stmt.limit(limit)
        return list(session.scalars(stmt))


def place_rows(field: str, mentions: list[PlaceMention]) -> list[dict]:
    """`article_places` rows of the geocoder's mentions in one field (title | content)."""
    return [{"place_id": m.place_id, "field": field, "mention": m.text, "start_char": m.start, "end_char": m.end,
             "latitude": m.latitude, "longitude": m.longitude, "precision": m.precision, "confidence": m.confidence}
            for m in mentions]


def geocode_batch(db_url: str, article_ids: list[int], geocoder: Geocoder) -> dict:
    """Geocode the title and text of these articles; one transaction for the batch."""
    places = 0
    with session_scope(db_url) as session:
        articles = session.execute(select(Article.id, Article.title, Article.content, Article.summary,
                                          Article.content_hash).where(Article.id.in_(article_ids))).all()
        version = geocoder.gazetteer.version
        for article_id, title, content, summary, content_hash in articles:
            rows = place_rows("title", geocoder.geocode(title or ""))
            rows += place_rows("content", geocoder.geocode(content or summary or ""))
            replace_article_places(session, article_id, rows, version, processing_version(version, content_hash))
            places += len(rows)
    return {"articles": len(articles), "places": places}


def geocode_pending(db_url: str, gazetteer: Gazetteer | None = None, progress=None) -> dict:
    gazetteer = gazetteer or Gazetteer.from_db(db_url)
    geocoder = Geocoder(gazetteer)
    pending = pending_articles(db_url, gazetteer.version)
    totals = {"articles": 0, "places": 0}
    for start in range(0, len(pending), BATCH):
        result = geocode_batch(db_url, pending[start:start + BATCH], geocoder)
        totals = {k: totals[k] + result[k] for k in totals}
        if progress:
            progress(result, len(pending))
    return totals


def place_counts(db_url: str) -> dict:
    from etl.load.models import ArticlePlace

    with session_scope(db_url) as session:
        return {"article_places": session.scalar(select(func.count()).select_from(ArticlePlace)) or 0}
