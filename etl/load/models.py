"""The events database, as typed SQLAlchemy models. The Alembic migrations in schema/ create exactly
these tables on SQLite and PostgreSQL; tests check that the two agree.

Conventions for analysts: every timestamp is UTC (timezone-aware in Python, `timestamptz` in
PostgreSQL), text is UTF-8, counts are plain integer columns, and every table has a surrogate `id`
plus the natural keys as unique constraints.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    BigInteger, Boolean, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text,
    TypeDecorator, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BIGINT autoincrement on PostgreSQL, INTEGER PRIMARY KEY (rowid) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in and out; SQLite keeps them as naive UTC text."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: Marsad stores UTC-aware timestamps only")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    })


class Source(Base):
    """One feed of one outlet, mirrored from the registry, with its conditional-GET state."""

    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    outlet: Mapped[str] = mapped_column(String(200))
    outlet_ar: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))
    country: Mapped[str] = mapped_column(String(2))
    feed_url: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    poll_interval_minutes: Mapped[int] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelineRun(Base):
    """One ingest run (CLI or Airflow DAG run) and what it did."""

    __tablename__ = "pipeline_runs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    airflow_dag_id: Mapped[str | None] = mapped_column(String(250))
    airflow_run_id: Mapped[str | None] = mapped_column(String(250), index=True)
    mode: Mapped[str] = mapped_column(String(16))  # live | replay
    replay_path: Mapped[str | None] = mapped_column(Text)
    code_version: Mapped[str] = mapped_column(String(64))
    registry_digest: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # running | success | failed
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sources_count: Mapped[int] = mapped_column(Integer, default=0)
    fetches_count: Mapped[int] = mapped_column(Integer, default=0)
    fetch_errors: Mapped[int] = mapped_column(Integer, default=0)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    articles_new: Mapped[int] = mapped_column(Integer, default=0)
    articles_updated: Mapped[int] = mapped_column(Integer, default=0)
    articles_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejections: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)


class FeedFetch(Base):
    """One HTTP attempt (or one replayed document), with the parse outcome on the final attempt."""

    __tablename__ = "feed_fetches"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("pipeline_runs.id"), index=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    replayed: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int] = mapped_column(Integer)
    # ok | not_modified | http_error | timeout | network_error | too_large | too_many_redirects
    status: Mapped[str] = mapped_column(String(24))
    http_status: Mapped[int | None] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    content_type: Mapped[str | None] = mapped_column(String(200))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_sha256: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    parse_status: Mapped[str | None] = mapped_column(String(16))  # ok | warning | error
    parse_message: Mapped[str | None] = mapped_column(Text)
    entries_count: Mapped[int | None] = mapped_column(Integer)


class Article(Base):
    """One news article, unique on its canonical URL and on (source, guid)."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("canonical_url"),
        UniqueConstraint("source_id", "guid"),
        Index("ix_articles_source_id_published_at", "source_id", "published_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    guid: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str | None] = mapped_column(Text)
    content_source: Mapped[str] = mapped_column(String(16))  # feed | page | replay | summary
    content_error: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    arabic_share: Mapped[float] = mapped_column(Float)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    published_raw: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    word_count: Mapped[int] = mapped_column(Integer)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    first_run_id: Mapped[str | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    fetch_id: Mapped[int | None] = mapped_column(ForeignKey("feed_fetches.id"))


class RejectedItem(Base):
    """An item or document that did not become an article, with the stage and the reason."""

    __tablename__ = "rejected_items"
    __table_args__ = (UniqueConstraint("stage", "item_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[str | None] = mapped_column(ForeignKey("sources.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))  # replay | parse | entry | store
    reason_code: Mapped[str] = mapped_column(String(32), index=True)
    reason: Mapped[str] = mapped_column(Text)
    item_key: Mapped[str] = mapped_column(String(64))
    guid: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    payload_excerpt: Mapped[str] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("pipeline_runs.id"))
    fetch_id: Mapped[int | None] = mapped_column(ForeignKey("feed_fetches.id"))


class Place(Base):
    """A gazetteer place. On PostgreSQL the table also has `geom geometry(Point, 4326)`, generated from
    latitude/longitude and GiST-indexed (created by the migration, not mapped here)."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    place_key: Mapped[str] = mapped_column(String(120), unique=True)  # gn:<geonameid>, adm1:<ISO>, site:…
    name_ar: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    feature_class: Mapped[str | None] = mapped_column(String(1))
    feature_code: Mapped[str] = mapped_column(String(10), index=True)
    country_code: Mapped[str] = mapped_column(String(2), index=True)
    admin1_code: Mapped[str | None] = mapped_column(String(24))  # GeoNames style: IQ.01
    iso_code: Mapped[str | None] = mapped_column(String(8))  # ISO 3166-2 for first-level divisions
    population: Mapped[int] = mapped_column(BigInteger, default=0)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(BigInteger, index=True)
    wikidata: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PlaceName(Base):
    """A name of a place as written, with the folded key the geoparser looks it up by."""

    __tablename__ = "place_names"
    __table_args__ = (UniqueConstraint("place_id", "name_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    lang: Mapped[str] = mapped_column(String(8))  # ar | fa
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)


class ArticlePlace(Base):
    """A place mention found in an article, with where it points."""

    __tablename__ = "article_places"
    __table_args__ = (UniqueConstraint("article_id", "start_char", "end_char"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    field: Mapped[str] = mapped_column(String(8))  # title | content
    mention: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[int] = mapped_column(Integer)  # 1 place, 2 near / part of it, 3 region, 4 country
    confidence: Mapped[float] = mapped_column(Float)
    gazetteer_version: Mapped[str] = mapped_column(String(16))


class ArticleProcessing(Base):
    """Which version of a stage (geocoding, event coding) last processed an article, so that runs pick up
    only new articles and a new dictionary or gazetteer version re-processes the old ones."""

    __tablename__ = "article_processing"
    __table_args__ = (UniqueConstraint("article_id", "stage"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(16), index=True)  # geocode | extract
    version: Mapped[str] = mapped_column(String(32))
    items: Mapped[int] = mapped_column(Integer, default=0)  # places / events found
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
