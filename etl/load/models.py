"""The events database, as typed SQLAlchemy models. The Alembic migrations in schema/ create exactly
these tables on SQLite and PostgreSQL; tests check that the two agree.

Conventions for analysts: every timestamp is UTC (timezone-aware in Python, `timestamptz` in
PostgreSQL), text is UTF-8, counts are plain integer columns, and every table has a surrogate `id`
plus the natural keys as unique constraints.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, SmallInteger,
    String, Text, TypeDecorator, UniqueConstraint,
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
    # a 429 / 503 whose Retry-After is beyond the fetcher's backoff: not fetched again before this time
    retry_after_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
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
    status: Mapped[str] = mapped_column(String(16))  # running | success | partial | failed | aborted
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
    # who runs it: a run left `running` whose process is gone (same host) or whose heartbeat is stale is
    # marked `aborted` when the next run starts
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


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
    # ok | not_modified | http_error | timeout | network_error | too_large | too_many_redirects | blocked_destination
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
    __table_args__ = (UniqueConstraint("article_id", "field", "start_char", "end_char"),)  # title and text apart

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
    error: Mapped[str | None] = mapped_column(Text)  # this version failed on the article: why (it is not retried)
    truncated_at: Mapped[int | None] = mapped_column(Integer)  # the text was processed up to this character only


class ActorRow(Base):
    """A canonical actor as the event coder resolves it: a country, an organisation, a person, a kind of
    agent of a country (Iraq military), or a kind of agent alone (gunmen). Upserted by `actor_key`."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    actor_key: Mapped[str] = mapped_column(String(80), unique=True)  # country:USA, org:pmf, country:IRQ:MIL …
    name_en: Mapped[str] = mapped_column(Text)
    name_ar: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3), index=True)  # ISO 3166 alpha-3, IMG, IGO
    sector: Mapped[str | None] = mapped_column(String(3), index=True)  # GOV MIL COP REB UAF CVL …
    wikidata: Mapped[str | None] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EventMention(Base):
    """One event as one sentence of one article reports it: what, how, when, with what toll, and the
    evidence (the trigger and the sentence, with character offsets into the article's field)."""

    __tablename__ = "event_mentions"
    __table_args__ = (
        UniqueConstraint("article_id", "field", "trigger_start", "event_type", "part", name="uq_event_mentions_natural"),
        Index("ix_event_mentions_type_date", "event_type", "event_date"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(8))  # title | content
    event_type: Mapped[str] = mapped_column(String(12))  # PLOVER type
    mode: Mapped[str | None] = mapped_column(String(16))
    cameo: Mapped[str] = mapped_column(String(4))
    acled_event_type: Mapped[str | None] = mapped_column(String(40))
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(60))
    modality: Mapped[str] = mapped_column(String(12))  # asserted reported claimed negated future hypothetical …
    salience: Mapped[str] = mapped_column(String(12))  # main | background
    # current | history (its own date ends more than a week before publication) | future; only current
    # mentions are linked into events
    timing: Mapped[str] = mapped_column(String(8), default="current", server_default="current")
    # 0, or 1, 2 ... for the further places of a trigger that tells one event in each of several places
    # ("مظاهرات في النجف والبصرة": part 0 in Najaf, part 1 in Basra)
    part: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    happened: Mapped[bool] = mapped_column(Boolean)  # modality is asserted, reported or claimed
    confidence: Mapped[float] = mapped_column(Float)
    event_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))  # day | week | month | year
    date_source: Mapped[str | None] = mapped_column(String(12))  # text | published
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_best: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)
    arrested_best: Mapped[int | None] = mapped_column(Integer)
    abducted_best: Mapped[int | None] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_id: Mapped[str] = mapped_column(String(48))  # dictionary entry, e.g. ASSAULT.airstrike
    sentence_text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    coder_version: Mapped[str] = mapped_column(String(32))
    coded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EventMentionActor(Base):
    """The actor (who acted) or the recipient (to whom) of an event mention, as written and as resolved."""

    __tablename__ = "event_mention_actors"
    __table_args__ = (UniqueConstraint("mention_id", "role"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("event_mentions.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(10))  # actor | recipient
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(3))  # as resolved for this date (persons change roles)
    sector: Mapped[str | None] = mapped_column(String(3))


class EventMentionTotal(Base):
    """A figure the mention's sentence reports that is not its own toll: a total over a period or a campaign
    (`scope` period: "أكثر من 1600 قتيل منذ 18 فبراير") or a figure an earlier report gave (earlier). Kept to be
    queried as reported totals, never summed into events."""

    __tablename__ = "event_mention_totals"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("event_mentions.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(10))  # killed | injured | abducted | arrested
    scope: Mapped[str] = mapped_column(String(8))  # period | earlier
    low: Mapped[int | None] = mapped_column(Integer)
    best: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    start_char: Mapped[int] = mapped_column(Integer)  # the figure's evidence in the mention's field
    end_char: Mapped[int] = mapped_column(Integer)


class EventMentionPlace(Base):
    """The places of an event mention; rank 0 is where the event happened."""

    __tablename__ = "event_mention_places"
    __table_args__ = (UniqueConstraint("mention_id", "rank"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    mention_id: Mapped[int] = mapped_column(ForeignKey("event_mentions.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)
    name_en: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    country_code: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(Text)
    feature_code: Mapped[str | None] = mapped_column(String(10))
    precision: Mapped[int | None] = mapped_column(Integer)  # 1 place … 4 country (ACLED geo_precision: min(p, 3))
    inherited: Mapped[bool] = mapped_column(Boolean, default=False)  # taken from the article, not the sentence


# ------------------------------------------------------------------------------------------ deduplication
# Stories (near-duplicate articles) and canonical events (linked event mentions); etl/dedup/ fills them.

class ArticleFingerprint(Base):
    """The shingle set of an article as the story step last saw it (sorted 32-bit hashes), so that
    candidate pairs are verified with their exact Jaccard similarity without re-reading the texts."""

    __tablename__ = "article_fingerprints"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64))  # of the article when fingerprinted: a change makes it stale
    params: Mapped[str] = mapped_column(String(16))  # digest of shingle size, num_perm, bands, seed
    day: Mapped[int] = mapped_column(Integer)  # days since 1970-01-01 of published_at (else first_seen_at), UTC
    num_shingles: Mapped[int] = mapped_column(Integer)
    shingles: Mapped[bytes] = mapped_column(LargeBinary)  # little-endian uint32, sorted, unique
    fingerprinted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LshBucket(Base):
    """One LSH band key of one article: articles that share a (band, bucket) are candidate near-duplicates.
    Persisted, so that detection is incremental across runs and workers; `day` lets the lookup skip
    articles outside the story window inside the index."""

    __tablename__ = "lsh_buckets"

    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # signed 64-bit hash of the band's rows
    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)


class Story(Base):
    """Near-duplicate articles (one wire story and its reprints and rewrites), across outlets. Its natural
    key is its smallest article id (`seed_article_id`), the same whatever order articles arrive in."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    seed_article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(Text)  # the seed article's
    num_articles: Mapped[int] = mapped_column(Integer)
    num_sources: Mapped[int] = mapped_column(Integer)
    first_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StoryArticle(Base):
    """The story of an article (exactly one), and the near-duplicate that brought it in."""

    __tablename__ = "story_articles"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    matched_article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    similarity: Mapped[float | None] = mapped_column(Float)  # exact Jaccard with matched_article_id
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EventRow(Base):
    """A canonical event: the event mentions of many articles, outlets and days that report one real-world
    event, with counts and a best description that are recomputed whenever its mentions change."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_date", "event_type", "event_date"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    event_key: Mapped[str] = mapped_column(String(96), unique=True)  # natural key of the mention that founded it
    event_type: Mapped[str] = mapped_column(String(12))
    mode: Mapped[str | None] = mapped_column(String(16))
    event_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_source: Mapped[str | None] = mapped_column(String(12))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    actor_country: Mapped[str | None] = mapped_column(String(3))
    actor_sector: Mapped[str | None] = mapped_column(String(3))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    recipient_country: Mapped[str | None] = mapped_column(String(3))
    recipient_sector: Mapped[str | None] = mapped_column(String(3))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    place_name: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    country_code: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(Text)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    # the columns analysts filter on (ACLED's names and codes where they apply)
    acled_event_type: Mapped[str | None] = mapped_column(String(40))
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(60))
    cameo: Mapped[str | None] = mapped_column(String(4))
    country_name: Mapped[str | None] = mapped_column(Text)
    admin1_code: Mapped[str | None] = mapped_column(String(20))  # GeoNames' (IQ.02)
    acled_time_precision: Mapped[int | None] = mapped_column(Integer)  # 1 day, 2 week, 3 month or coarser
    acled_geo_precision: Mapped[int | None] = mapped_column(Integer)  # 1 town, 2 near a town / part of a region, 3 region
    evidence: Mapped[str | None] = mapped_column(Text)  # the sentence that tells the event best
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_best: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)
    num_mentions: Mapped[int] = mapped_column(Integer)
    num_articles: Mapped[int] = mapped_column(Integer)
    num_sources: Mapped[int] = mapped_column(Integer)
    num_stories: Mapped[int] = mapped_column(Integer)  # independent reports: an article's story counts once
    first_seen: Mapped[datetime | None] = mapped_column(UTCDateTime)  # earliest report (publication time)
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EventLink(Base):
    """An event mention's canonical event. When the extraction replaces an article's mentions, the link
    loses its mention (SET NULL) and the next linking run drops it and recomputes its event."""

    __tablename__ = "event_links"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    mention_id: Mapped[int | None] = mapped_column(ForeignKey("event_mentions.id", ondelete="SET NULL"), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    mention_key: Mapped[str] = mapped_column(String(96))  # article:field:trigger_start:type at link time
    score: Mapped[float] = mapped_column(Float)  # match score with the event (0 for the founding mention)
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DedupLock(Base):
    """Rows that dedup transactions write first on SQLite, which takes the database's write lock before
    anything is read (PostgreSQL uses advisory locks instead)."""

    __tablename__ = "dedup_locks"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# ------------------------------------------------------------------------------------------ for analysts
# Filled by `marsad db upgrade` from their sources (etl/load/code_lists.py, schema/dictionary.yaml).

class CodeList(Base):
    """One code of one code list with its label, so that a query can join a code to what it means."""

    __tablename__ = "code_lists"

    list_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    parent: Mapped[str | None] = mapped_column(String(80))  # within a hierarchy: a mode's type, a sub-event's event type
    maps_to: Mapped[str | None] = mapped_column(Text)  # the equivalent in another scheme, as the list says


class DataDictionaryEntry(Base):
    """One column of one table or view: what it holds, its unit and its code list."""

    __tablename__ = "data_dictionary"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    column_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # table | view
    description: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    code_list: Mapped[str | None] = mapped_column(String(40))
    postgresql_only: Mapped[bool] = mapped_column(Boolean, default=False)
