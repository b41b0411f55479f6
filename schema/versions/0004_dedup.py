"""dedup: article fingerprints and LSH buckets, stories, canonical events and their links; v_events

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 19:17:01.486865
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

EVENTS_VIEW = """
CREATE VIEW v_events AS
SELECT e.id AS event_id, e.event_key, e.event_type, e.mode, e.event_date, e.date_precision, e.date_source,
       act.name_en AS actor, e.actor_country, e.actor_sector,
       rec.name_en AS recipient, e.recipient_country, e.recipient_sector,
       e.place_name AS place, e.latitude, e.longitude, e.country_code, e.admin1, e.geo_precision,
       e.fatalities_low, e.fatalities_best, e.fatalities_high, e.injured_low, e.injured_best, e.injured_high,
       e.num_mentions, e.num_articles, e.num_sources, e.num_stories, e.first_seen, e.last_seen, e.updated_at
FROM events e
LEFT JOIN actors act ON act.id = e.actor_id
LEFT JOIN actors rec ON rec.id = e.recipient_id
"""

# One row per linked mention: the evidence behind each canonical event.
EVENT_EVIDENCE_VIEW = """
CREATE VIEW v_event_evidence AS
SELECT l.event_id, l.mention_id, m.article_id, a.source_id, a.canonical_url AS article_url, a.published_at,
       sa.story_id, m.field, m.event_type, m.mode, m.event_date, m.date_source, m.salience,
       m.fatalities_low, m.fatalities_best, m.fatalities_high, m.trigger_text, m.sentence_text, l.score
FROM event_links l
JOIN event_mentions m ON m.id = l.mention_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN story_articles sa ON sa.article_id = m.article_id
"""


def upgrade() -> None:
    op.create_table('dedup_locks',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_dedup_locks'))
    )
    op.create_table('events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('event_key', sa.String(length=96), nullable=False),
    sa.Column('event_type', sa.String(length=12), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=True),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('date_source', sa.String(length=12), nullable=True),
    sa.Column('actor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('actor_country', sa.String(length=3), nullable=True),
    sa.Column('actor_sector', sa.String(length=3), nullable=True),
    sa.Column('recipient_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('recipient_country', sa.String(length=3), nullable=True),
    sa.Column('recipient_sector', sa.String(length=3), nullable=True),
    sa.Column('place_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('injured_low', sa.Integer(), nullable=True),
    sa.Column('injured_best', sa.Integer(), nullable=True),
    sa.Column('injured_high', sa.Integer(), nullable=True),
    sa.Column('num_mentions', sa.Integer(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.Column('num_sources', sa.Integer(), nullable=False),
    sa.Column('num_stories', sa.Integer(), nullable=False),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_seen', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_events_actor_id_actors')),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_events_place_id_places')),
    sa.ForeignKeyConstraint(['recipient_id'], ['actors.id'], name=op.f('fk_events_recipient_id_actors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('event_key', name=op.f('uq_events_event_key'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_recipient_id'), ['recipient_id'], unique=False)
        batch_op.create_index('ix_events_type_date', ['event_type', 'event_date'], unique=False)

    op.create_table('article_fingerprints',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('params', sa.String(length=16), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('num_shingles', sa.Integer(), nullable=False),
    sa.Column('shingles', sa.LargeBinary(), nullable=False),
    sa.Column('fingerprinted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_fingerprints_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_fingerprints')),
    sa.UniqueConstraint('article_id', name=op.f('uq_article_fingerprints_article_id'))
    )
    op.create_table('lsh_buckets',
    sa.Column('band', sa.SmallInteger(), nullable=False),
    sa.Column('bucket', sa.BigInteger(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_lsh_buckets_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('band', 'bucket', 'day', 'article_id', name=op.f('pk_lsh_buckets'))
    )
    with op.batch_alter_table('lsh_buckets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lsh_buckets_article_id'), ['article_id'], unique=False)

    op.create_table('stories',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('seed_article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.Column('num_sources', sa.Integer(), nullable=False),
    sa.Column('first_published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['seed_article_id'], ['articles.id'], name=op.f('fk_stories_seed_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stories')),
    sa.UniqueConstraint('seed_article_id', name=op.f('uq_stories_seed_article_id'))
    )
    op.create_table('event_links',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('mention_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('event_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('mention_key', sa.String(length=96), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_event_links_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_links_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mention_id'], ['event_mentions.id'], name=op.f('fk_event_links_mention_id_event_mentions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_links')),
    sa.UniqueConstraint('mention_id', name=op.f('uq_event_links_mention_id'))
    )
    with op.batch_alter_table('event_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_links_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_links_event_id'), ['event_id'], unique=False)

    op.create_table('story_articles',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('story_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('matched_article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_story_articles_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['matched_article_id'], ['articles.id'], name=op.f('fk_story_articles_matched_article_id_articles'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_articles_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_articles')),
    sa.UniqueConstraint('article_id', name=op.f('uq_story_articles_article_id'))
    )
    with op.batch_alter_table('story_articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_articles_story_id'), ['story_id'], unique=False)

    # the SQLite lock rows (etl/load/dedup.py); PostgreSQL uses advisory locks
    op.bulk_insert(sa.table('dedup_locks', sa.column('name', sa.String)), [{'name': 'dedup'}])
    op.execute(EVENTS_VIEW)
    op.execute(EVENT_EVIDENCE_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_event_evidence")
    op.execute("DROP VIEW IF EXISTS v_events")
    with op.batch_alter_table('story_articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_articles_story_id'))

    op.drop_table('story_articles')
    with op.batch_alter_table('event_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_links_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_links_article_id'))

    op.drop_table('event_links')
    op.drop_table('stories')
    with op.batch_alter_table('lsh_buckets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lsh_buckets_article_id'))

    op.drop_table('lsh_buckets')
    op.drop_table('article_fingerprints')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_date')
        batch_op.drop_index(batch_op.f('ix_events_recipient_id'))
        batch_op.drop_index(batch_op.f('ix_events_actor_id'))

    op.drop_table('events')
    op.drop_table('dedup_locks')
