"""backbone: sources, feed fetches, articles, rejections, runs

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24 10:57:11.390425
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pipeline_runs',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('airflow_dag_id', sa.String(length=250), nullable=True),
    sa.Column('airflow_run_id', sa.String(length=250), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('replay_path', sa.Text(), nullable=True),
    sa.Column('code_version', sa.String(length=64), nullable=False),
    sa.Column('registry_digest', sa.String(length=16), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sources_count', sa.Integer(), nullable=False),
    sa.Column('fetches_count', sa.Integer(), nullable=False),
    sa.Column('fetch_errors', sa.Integer(), nullable=False),
    sa.Column('items_seen', sa.Integer(), nullable=False),
    sa.Column('articles_new', sa.Integer(), nullable=False),
    sa.Column('articles_updated', sa.Integer(), nullable=False),
    sa.Column('articles_unchanged', sa.Integer(), nullable=False),
    sa.Column('rejections', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pipeline_runs'))
    )
    with op.batch_alter_table('pipeline_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pipeline_runs_airflow_run_id'), ['airflow_run_id'], unique=False)

    op.create_table('sources',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('outlet_ar', sa.String(length=200), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('feed_url', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('poll_interval_minutes', sa.Integer(), nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('last_fetched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_status', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources'))
    )
    op.create_table('feed_fetches',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.String(length=36), nullable=True),
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('final_url', sa.Text(), nullable=True),
    sa.Column('replayed', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('bytes', sa.BigInteger(), nullable=False),
    sa.Column('content_type', sa.String(length=200), nullable=True),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('body_sha256', sa.String(length=64), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('parse_status', sa.String(length=16), nullable=True),
    sa.Column('parse_message', sa.Text(), nullable=True),
    sa.Column('entries_count', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['pipeline_runs.id'], name=op.f('fk_feed_fetches_run_id_pipeline_runs')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_feed_fetches_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_fetches'))
    )
    with op.batch_alter_table('feed_fetches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_fetches_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feed_fetches_source_id'), ['source_id'], unique=False)

    op.create_table('articles',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('guid', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('canonical_url', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('content', sa.Text(), nullable=True),
    sa.Column('content_source', sa.String(length=16), nullable=False),
    sa.Column('content_error', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('arabic_share', sa.Float(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_raw', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('word_count', sa.Integer(), nullable=False),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('first_run_id', sa.String(length=36), nullable=True),
    sa.Column('fetch_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['fetch_id'], ['feed_fetches.id'], name=op.f('fk_articles_fetch_id_feed_fetches')),
    sa.ForeignKeyConstraint(['first_run_id'], ['pipeline_runs.id'], name=op.f('fk_articles_first_run_id_pipeline_runs')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_articles_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('canonical_url', name=op.f('uq_articles_canonical_url')),
    sa.UniqueConstraint('source_id', 'guid', name=op.f('uq_articles_source_id_guid'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_content_hash'), ['content_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published_at'), ['published_at'], unique=False)
        batch_op.create_index('ix_articles_source_id_published_at', ['source_id', 'published_at'], unique=False)

    op.create_table('rejected_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.String(length=64), nullable=True),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('reason_code', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('item_key', sa.String(length=64), nullable=False),
    sa.Column('guid', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('payload_excerpt', sa.Text(), nullable=False),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('run_id', sa.String(length=36), nullable=True),
    sa.Column('fetch_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['fetch_id'], ['feed_fetches.id'], name=op.f('fk_rejected_items_fetch_id_feed_fetches')),
    sa.ForeignKeyConstraint(['run_id'], ['pipeline_runs.id'], name=op.f('fk_rejected_items_run_id_pipeline_runs')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_rejected_items_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rejected_items')),
    sa.UniqueConstraint('stage', 'item_key', name=op.f('uq_rejected_items_stage_item_key'))
    )
    with op.batch_alter_table('rejected_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rejected_items_reason_code'), ['reason_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_rejected_items_source_id'), ['source_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('rejected_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rejected_items_source_id'))
        batch_op.drop_index(batch_op.f('ix_rejected_items_reason_code'))

    op.drop_table('rejected_items')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_source_id_published_at')
        batch_op.drop_index(batch_op.f('ix_articles_published_at'))
        batch_op.drop_index(batch_op.f('ix_articles_content_hash'))

    op.drop_table('articles')
    with op.batch_alter_table('feed_fetches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feed_fetches_source_id'))
        batch_op.drop_index(batch_op.f('ix_feed_fetches_run_id'))

    op.drop_table('feed_fetches')
    op.drop_table('sources')
    with op.batch_alter_table('pipeline_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pipeline_runs_airflow_run_id'))

    op.drop_table('pipeline_runs')
