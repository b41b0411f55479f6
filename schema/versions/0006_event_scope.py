"""event scope: a mention's timing (current / history / future) and the totals its sentence reports beside
its own toll (event_mention_totals); the columns analysts filter on, on events itself (ACLED type and
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


def upgrade() -> None:
    with op.batch_alter_table('event_mentions') as batch:
        batch.add_column(sa.Column('timing', sa.String(length=8), nullable=False, server_default='current'))
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


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        for column in ('evidence', 'acled_geo_precision', 'acled_time_precision', 'admin1_code', 'country_name',
                       'cameo', 'acled_sub_event_type', 'acled_event_type'):
            batch.drop_column(column)
    op.drop_index(op.f('ix_event_mention_totals_mention_id'), table_name='event_mention_totals')
    op.drop_table('event_mention_totals')
    with op.batch_alter_table('event_mentions') as batch:
        batch.drop_column('timing')
