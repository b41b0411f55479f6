"""reliability: a source's Retry-After, a run's owner and heartbeat (stale runs are marked aborted), an article's
processing error and how much of its text was processed

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 13:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sources') as batch:
        # a 429 / 503 with a Retry-After beyond the fetcher's backoff: the source is not fetched before this
        batch.add_column(sa.Column('retry_after_until', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('pipeline_runs') as batch:
        batch.add_column(sa.Column('host', sa.String(length=255), nullable=True))
        batch.add_column(sa.Column('pid', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('article_processing') as batch:
        batch.add_column(sa.Column('error', sa.Text(), nullable=True))
        batch.add_column(sa.Column('truncated_at', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('article_processing') as batch:
        batch.drop_column('truncated_at')
        batch.drop_column('error')
    with op.batch_alter_table('pipeline_runs') as batch:
        batch.drop_column('heartbeat_at')
        batch.drop_column('pid')
        batch.drop_column('host')
    with op.batch_alter_table('sources') as batch:
        batch.drop_column('retry_after_until')
