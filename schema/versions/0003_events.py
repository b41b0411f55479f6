"""events: actors, event mentions with their actors and places

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 19:05:19.649498
"""
from alembic import op
import sqlalchemy as sa



revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

EVENT_MENTIONS_VIEW = """
CREATE VIEW v_event_mentions AS
SELECT m.id AS mention_id, m.article_id, a.source_id, a.canonical_url AS article_url, a.published_at,
       m.field, m.event_type, m.mode, m.cameo, m.acled_event_type, m.acled_sub_event_type,
       m.modality, m.salience, m.happened, m.confidence, m.event_date, m.date_precision,
       m.fatalities_low, m.fatalities_best, m.fatalities_high, m.injured_low, m.injured_best, m.injured_high,
       act.name_en AS actor, ma.country AS actor_country, ma.sector AS actor_sector, ma.text AS actor_text,
       rec.name_en AS recipient, mr.country AS recipient_country, mr.sector AS recipient_sector,
       mr.text AS recipient_text,
       p.name_en AS place, p.text AS place_text, p.latitude, p.longitude, p.country_code, p.admin1,
       p.precision AS geo_precision, m.trigger_text, m.sentence_text, m.coder_version
FROM event_mentions m
JOIN articles a ON a.id = m.article_id
LEFT JOIN event_mention_actors ma ON ma.mention_id = m.id AND ma.role = 'actor'
LEFT JOIN actors act ON act.id = ma.actor_id
LEFT JOIN event_mention_actors mr ON mr.mention_id = m.id AND mr.role = 'recipient'
LEFT JOIN actors rec ON rec.id = mr.actor_id
LEFT JOIN event_mention_places p ON p.mention_id = m.id AND p.rank = 0
"""


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('actor_key', sa.String(length=80), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=False),
    sa.Column('name_ar', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=3), nullable=True),
    sa.Column('wikidata', sa.String(length=16), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors')),
    sa.UniqueConstraint('actor_key', name=op.f('uq_actors_actor_key'))
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actors_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_actors_sector'), ['sector'], unique=False)

    op.create_table('event_mentions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('field', sa.String(length=8), nullable=False),
    sa.Column('event_type', sa.String(length=12), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=True),
    sa.Column('cameo', sa.String(length=4), nullable=False),
    sa.Column('acled_event_type', sa.String(length=40), nullable=True),
    sa.Column('acled_sub_event_type', sa.String(length=60), nullable=True),
    sa.Column('modality', sa.String(length=12), nullable=False),
    sa.Column('salience', sa.String(length=12), nullable=False),
    sa.Column('happened', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('date_source', sa.String(length=12), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('injured_low', sa.Integer(), nullable=True),
    sa.Column('injured_best', sa.Integer(), nullable=True),
    sa.Column('injured_high', sa.Integer(), nullable=True),
    sa.Column('arrested_best', sa.Integer(), nullable=True),
    sa.Column('abducted_best', sa.Integer(), nullable=True),
    sa.Column('trigger_text', sa.Text(), nullable=False),
    sa.Column('trigger_start', sa.Integer(), nullable=False),
    sa.Column('trigger_end', sa.Integer(), nullable=False),
    sa.Column('trigger_id', sa.String(length=48), nullable=False),
    sa.Column('sentence_text', sa.Text(), nullable=False),
    sa.Column('sentence_start', sa.Integer(), nullable=False),
    sa.Column('sentence_end', sa.Integer(), nullable=False),
    sa.Column('coder_version', sa.String(length=32), nullable=False),
    sa.Column('coded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_event_mentions_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_mentions')),
    sa.UniqueConstraint('article_id', 'field', 'trigger_start', 'event_type', name=op.f('uq_event_mentions_article_id_field_trigger_start_event_type'))
    )
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_event_mentions_type_date', ['event_type', 'event_date'], unique=False)

    op.create_table('event_mention_actors',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('mention_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('actor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=3), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_event_mention_actors_actor_id_actors')),
    sa.ForeignKeyConstraint(['mention_id'], ['event_mentions.id'], name=op.f('fk_event_mention_actors_mention_id_event_mentions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_mention_actors')),
    sa.UniqueConstraint('mention_id', 'role', name=op.f('uq_event_mention_actors_mention_id_role'))
    )
    with op.batch_alter_table('event_mention_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_mention_actors_actor_id'), ['actor_id'], unique=False)

    op.create_table('event_mention_places',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('mention_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('feature_code', sa.String(length=10), nullable=True),
    sa.Column('precision', sa.Integer(), nullable=True),
    sa.Column('inherited', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['mention_id'], ['event_mentions.id'], name=op.f('fk_event_mention_places_mention_id_event_mentions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_event_mention_places_place_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_mention_places')),
    sa.UniqueConstraint('mention_id', 'rank', name=op.f('uq_event_mention_places_mention_id_rank'))
    )
    with op.batch_alter_table('event_mention_places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_mention_places_place_id'), ['place_id'], unique=False)

    # The analysts' flat view of event mentions: one row per mention with its actors and its place.
    op.execute(EVENT_MENTIONS_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_event_mentions")
    with op.batch_alter_table('event_mention_places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_mention_places_place_id'))

    op.drop_table('event_mention_places')
    with op.batch_alter_table('event_mention_actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_mention_actors_actor_id'))

    op.drop_table('event_mention_actors')
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_event_mentions_type_date')
        batch_op.drop_index(batch_op.f('ix_event_mentions_article_id'))

    op.drop_table('event_mentions')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actors_sector'))
        batch_op.drop_index(batch_op.f('ix_actors_country'))

    op.drop_table('actors')
