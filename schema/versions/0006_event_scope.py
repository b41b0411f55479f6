"""event scope: a mention's timing (current / history / future), its part (one mention per place a trigger
tells an event in), and the totals its sentence reports beside its own toll (event_mention_totals); the columns analysts filter on, on events itself (ACLED type and
sub-type, CAMEO code, country name, admin1 code, ACLED's time and geo precision, the evidence sentence)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 15:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')

# The analysts' views, with the new columns (SQLite rebuilds a table it alters, so the views over the tables
# altered here are dropped first and created again).
EVENT_MENTIONS_VIEW = """
CREATE VIEW v_event_mentions AS
SELECT m.id AS mention_id, m.article_id, a.source_id, a.canonical_url AS article_url, a.published_at,
       m.field, m.part, m.event_type, m.mode, m.cameo, m.acled_event_type, m.acled_sub_event_type,
       m.modality, m.salience, m.timing, m.happened, m.confidence, m.event_date, m.date_precision,
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

EVENTS_VIEW = """
CREATE VIEW v_events AS
SELECT e.id AS event_id, e.event_key, e.event_type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.cameo,
       e.event_date, e.date_precision, e.acled_time_precision, e.date_source,
       act.name_en AS actor, e.actor_country, e.actor_sector,
       rec.name_en AS recipient, e.recipient_country, e.recipient_sector,
       e.place_name AS place, e.latitude, e.longitude, e.country_code, e.country_name, e.admin1, e.admin1_code,
       e.geo_precision, e.acled_geo_precision,
       e.fatalities_low, e.fatalities_best, e.fatalities_high, e.injured_low, e.injured_best, e.injured_high,
       e.num_mentions, e.num_articles, e.num_sources, e.num_stories, e.first_seen, e.last_seen, e.evidence,
       e.updated_at
FROM events e
LEFT JOIN actors act ON act.id = e.actor_id
LEFT JOIN actors rec ON rec.id = e.recipient_id
"""

# A reported total (a count over a period, an earlier report's figure) with where and when it was read.
TOTALS_VIEW = """
CREATE VIEW v_reported_totals AS
SELECT t.id AS total_id, t.mention_id, m.article_id, a.source_id, a.published_at, t.category, t.scope,
       t.low, t.best, t.high, m.event_type, m.event_date, p.name_en AS place, p.country_code, m.sentence_text
FROM event_mention_totals t
JOIN event_mentions m ON m.id = t.mention_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN event_mention_places p ON p.mention_id = m.id AND p.rank = 0
"""


def _earlier(revision: str):
    """An earlier migration module (for the views it created, restored on downgrade)."""
    import importlib.util
    from pathlib import Path

    path = next(Path(__file__).parent.glob(f"{revision}_*.py"))
    spec = importlib.util.spec_from_file_location(f"_marsad_{revision}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _drop_views() -> None:
    for view in ("v_reported_totals", "v_event_evidence", "v_events", "v_event_mentions"):
        op.execute(f"DROP VIEW IF EXISTS {view}")


def upgrade() -> None:
    _drop_views()
    with op.batch_alter_table('event_mentions') as batch:
        batch.add_column(sa.Column('timing', sa.String(length=8), nullable=False, server_default='current'))
        # one trigger may tell events in several places ("protests in Najaf and Basra"): one mention per place
        batch.add_column(sa.Column('part', sa.SmallInteger(), nullable=False, server_default='0'))
        batch.drop_constraint('uq_event_mentions_article_id_field_trigger_start_event_type', type_='unique')
        batch.create_unique_constraint('uq_event_mentions_natural',
                                       ['article_id', 'field', 'trigger_start', 'event_type', 'part'])
    op.create_table('event_mention_totals',
    sa.Column('id', BIG_ID, autoincrement=True, nullable=False),
    sa.Column('mention_id', BIG_ID, nullable=False),
    sa.Column('category', sa.String(length=10), nullable=False),
    sa.Column('scope', sa.String(length=8), nullable=False),
    sa.Column('low', sa.Integer(), nullable=True),
    sa.Column('best', sa.Integer(), nullable=True),
    sa.Column('high', sa.Integer(), nullable=True),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mention_id'], ['event_mentions.id'], name=op.f('fk_event_mention_totals_mention_id_event_mentions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_mention_totals'))
    )
    op.create_index(op.f('ix_event_mention_totals_mention_id'), 'event_mention_totals', ['mention_id'], unique=False)
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('acled_event_type', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('acled_sub_event_type', sa.String(length=60), nullable=True))
        batch.add_column(sa.Column('cameo', sa.String(length=4), nullable=True))
        batch.add_column(sa.Column('country_name', sa.Text(), nullable=True))
        batch.add_column(sa.Column('admin1_code', sa.String(length=20), nullable=True))
        batch.add_column(sa.Column('acled_time_precision', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('acled_geo_precision', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('evidence', sa.Text(), nullable=True))
    op.execute(EVENT_MENTIONS_VIEW)
    op.execute(EVENTS_VIEW)
    op.execute(_earlier('0004').EVENT_EVIDENCE_VIEW)
    op.execute(TOTALS_VIEW)


def downgrade() -> None:
    _drop_views()
    with op.batch_alter_table('events') as batch:
        for column in ('evidence', 'acled_geo_precision', 'acled_time_precision', 'admin1_code', 'country_name',
                       'cameo', 'acled_sub_event_type', 'acled_event_type'):
            batch.drop_column(column)
    op.drop_index(op.f('ix_event_mention_totals_mention_id'), table_name='event_mention_totals')
    op.drop_table('event_mention_totals')
    with op.batch_alter_table('event_mentions') as batch:
        batch.drop_constraint('uq_event_mentions_natural', type_='unique')
        batch.create_unique_constraint('uq_event_mentions_article_id_field_trigger_start_event_type',
                                       ['article_id', 'field', 'trigger_start', 'event_type'])
        batch.drop_column('part')
        batch.drop_column('timing')
    op.execute(_earlier('0003').EVENT_MENTIONS_VIEW)
    op.execute(_earlier('0004').EVENTS_VIEW)
    op.execute(_earlier('0004').EVENT_EVIDENCE_VIEW)
