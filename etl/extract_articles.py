"""The extraction step of the pipeline: stored articles -> their places and their event mentions.

Each article is geocoded once (title and text) and its events coded with those places; its
`article_places` and `event_mentions` are replaced whole in ONE transaction per article, so a failure
leaves the article as it was and re-running is safe. An article that fails to code is recorded with its
error (`article_processing.error`) and skipped: one bad article never stops the others. Articles are pending when the current gazetteer
or coder version has not processed them: new articles, or all of them after the dictionaries change
(`marsad reextract`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import String, and_, func, literal, or_, select
from sqlalchemy.exc import DBAPIError

from etl.extraction.coder import EventCoder
from etl.geocode_articles import HASH_CHARS, place_rows, processing_version
from etl.load.db import item_fault, retrying, session_scope
from etl.load.events import STAGE, replace_article_events
from etl.load.models import Article, ArticleProcessing, EventMention
from etl.load.places import mark_processed, replace_article_places

log = logging.getLogger(__name__)
BATCH = 100
# An article's text is geocoded and coded up to this many characters (the cut is recorded in
# article_processing.truncated_at): the longest of the 7,628 ANT articles has 13,464; a text a hundred
# times longer than a news article is a feed's error or an attack, and would hold a worker for minutes.
MAX_TEXT_CHARS = 100_000
MAX_TITLE_CHARS = 1_000


@dataclass
class Extractor:
    """The coder with a geocoder over the events database's gazetteer, and each source's newsroom zone (the
    feed registry's `timezone`), in which relative dates are read."""

    coder: EventCoder
    zones: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.zones:
            from etl.feeds.registry import RegistryError, load_registry

            try:
                self.zones = {s.id: s.tzinfo for s in load_registry().sources}
            except (RegistryError, OSError) as exc:  # coding goes on in the default zone; say so
                log.warning("feed registry unreadable (%s): relative dates read in UTC+3", exc)

    @property
    def geocoder(self):
        return self.coder.geocoder

    @classmethod
    def for_database(cls, db_url: str) -> "Extractor":
        from etl.extraction.pipeline import make_coder

        ensure_gazetteer(db_url)
        return cls(make_coder(geocode=True, db_url=db_url))


def ensure_gazetteer(db_url: str) -> bool:
    """Build the gazetteer from the packaged data when the events database has none yet (first run on
    a fresh database); True when it was built. Concurrent builders are harmless: places are upserted."""
    from etl.geo.gazetteer import build_rows
    from etl.load.models import Place
    from etl.load.places import write_gazetteer

    with session_scope(db_url) as session:
        if session.scalar(select(Place.id).limit(1)) is not None:
            return False
    places, names = build_rows()
    with session_scope(db_url) as session:
        write_gazetteer(session, places, names)
    log.info("built the gazetteer: %d places", len(places))
    return True


def extract_version(coder_version: str, content_hash: str) -> str:
    """What `article_processing.version` records for the extract stage: the coder and the text it coded
    (a changed article is coded again)."""
    return f"{coder_version}:{content_hash[:32 - len(coder_version) - 1]}"


def pending_articles(db_url: str, coder_version: str, gazetteer_version: str, limit: int | None = None) -> list[int]:
    """Articles not yet processed by this coder and gazetteer version, or whose text changed since."""
    extract = ArticleProcessing.__table__.alias("extract")
    geocode = ArticleProcessing.__table__.alias("geocode")
    hash_chars = 32 - len(coder_version) - 1
    with session_scope(db_url) as session:
        stmt = (select(Article.id)
                .outerjoin(extract, and_(extract.c.article_id == Article.id, extract.c.stage == STAGE))
                .outerjoin(geocode, and_(geocode.c.article_id == Article.id, geocode.c.stage == "geocode"))
                .where(or_(extract.c.id.is_(None), geocode.c.id.is_(None),
                           extract.c.version != literal(f"{coder_version}:", String).concat(
                               func.substr(Article.content_hash, 1, hash_chars)),
                           geocode.c.version != literal(f"{gazetteer_version}:", String).concat(
                               func.substr(Article.content_hash, 1, HASH_CHARS))))
                .order_by(Article.id))
        if limit:
            stmt = stmt.limit(limit)
        return list(session.scalars(stmt))


def articles_to_code(db_url: str, extractor: "Extractor", everything: bool = False) -> list[int]:
    """The ids to code: those pending for this extractor's coder and gazetteer, or every article."""
    if not everything:
        return pending_articles(db_url, extractor.coder.version, extractor.geocoder.gazetteer.version)
    with session_scope(db_url) as session:
        return list(session.scalars(select(Article.id).order_by(Article.id)))


def clip_text(text: str, limit: int | None = None) -> tuple[str, int | None]:
    """The text, or its first `limit` characters cut at the last line or sentence break (else space) before
    the limit, with the offset where it was cut (None when whole). Offsets into the clipped text are
    offsets into the original."""
    limit = limit or MAX_TEXT_CHARS
    if len(text) <= limit:
        return text, None
    window = text[max(0, limit - 2000):limit]
    for breaks in ("\n", ".!?؟", " "):
        cut = max(window.rfind(ch) for ch in breaks)
        if cut >= 0:
            end = max(0, limit - 2000) + cut + 1
            return text[:end], end
    return text[:limit], limit


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def code_article(row, extractor: Extractor) -> dict:
    """Geocode and code one article's title and text (no database): the rows to store."""
    coder, geocoder = extractor.coder, extractor.geocoder
    title, content, summary, published, content_hash, source_id = row
    tz = extractor.zones.get(source_id)
    body, truncated_at = clip_text(content or summary or "")
    title = (title or "")[:MAX_TITLE_CHARS]
    title_places = geocoder.geocode(title)
    body_places = geocoder.geocode(body)
    events = [("title", e.as_dict()) for e in coder.code(title, published=published, places=title_places, tz=tz)]
    events += [("content", e.as_dict()) for e in coder.code(body, title=title, published=published, tz=tz,
                                                              places=body_places, title_places=title_places)]
    return {"places": place_rows("title", title_places) + place_rows("content", body_places), "events": events,
            "truncated_at": truncated_at, "content_hash": content_hash}


def process_article(db_url: str, article_id: int, extractor: Extractor) -> dict:
    """Geocode and code one article and store the result in one transaction (run again when it loses a race
    with a parallel worker). An article that cannot be coded or stored keeps its previous rows; the failure
    is recorded on its `article_processing` rows (not retried by this coder version) and the caller goes on."""
    coder, geocoder = extractor.coder, extractor.geocoder
    with session_scope(db_url) as session:
        row = session.execute(select(Article.title, Article.content, Article.summary, Article.published_at,
                                     Article.content_hash, Article.source_id)
                              .where(Article.id == article_id)).one_or_none()
    if row is None:
        return {"articles": 0, "places": 0, "events": 0, "errors": 0}
    gazetteer_version = geocoder.gazetteer.version
    geocoded = processing_version(gazetteer_version, row.content_hash)
    coded = extract_version(coder.version, row.content_hash)
    try:
        result = code_article(row, extractor)

        def store(session) -> int:
            # one writer per article at a time: two workers recoding the same article (overlapping DAG runs,
            # two `reextract`) would otherwise each delete the rows they saw and insert the same keys
            session.execute(select(Article.id).where(Article.id == article_id).with_for_update(key_share=True))
            replace_article_places(session, article_id, result["places"], gazetteer_version, geocoded,
                                   result["truncated_at"])
            return replace_article_events(session, article_id, result["events"], coder.version, coded,
                                          result["truncated_at"])

        stored = retrying(db_url, store)
    except Exception as exc:
        if not item_fault(exc):
            raise  # the database is unreachable or broken, not this article: the batch fails and is retried
        error = _error_text(exc)
        log.error("article %d could not be coded: %s", article_id, error.splitlines()[0],
                  exc_info=not isinstance(exc, DBAPIError))

        def record(session) -> None:
            mark_processed(session, article_id, "geocode", geocoded, 0, error=error)
            mark_processed(session, article_id, STAGE, coded, 0, error=error)

        retrying(db_url, record)
        return {"articles": 0, "places": 0, "events": 0, "errors": 1}
    return {"articles": 1, "places": len(result["places"]), "events": stored, "errors": 0}


def process_batch(db_url: str, article_ids: list[int], extractor: Extractor) -> dict:
    totals = {"articles": 0, "places": 0, "events": 0, "errors": 0}
    for article_id in article_ids:
        result = process_article(db_url, article_id, extractor)
        for key in totals:
            totals[key] += result[key]
    return totals


def process_pending(db_url: str, extractor: Extractor | None = None, progress=None) -> dict:
    extractor = extractor or Extractor.for_database(db_url)
    pending = pending_articles(db_url, extractor.coder.version, extractor.geocoder.gazetteer.version)
    totals = {"articles": 0, "places": 0, "events": 0, "errors": 0}
    for start in range(0, len(pending), BATCH):
        result = process_batch(db_url, pending[start:start + BATCH], extractor)
        for key in totals:
            totals[key] += result[key]
        if progress:
            progress(result, len(pending))
    return totals


def event_counts(db_url: str) -> dict:
    with session_scope(db_url) as session:
        rows = session.execute(select(EventMention.event_type, func.count())
                               .where(EventMention.happened.is_(True))
                               .group_by(EventMention.event_type)).all()
        total = session.scalar(select(func.count()).select_from(EventMention)) or 0
    return {"event_mentions": total, "happened_by_type": dict(sorted(rows, key=lambda r: -r[1]))}
