"""gazetteer: places, place names, article places, article processing

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 11:13:42.677778
"""
from alembic import op
import sqlalchemy as sa



revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('places',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('place_key', sa.String(length=120), nullable=False),
    sa.Column('name_ar', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=False),
    sa.Column('feature_class', sa.String(length=1), nullable=True),
    sa.Column('feature_code', sa.String(length=10), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=False),
    sa.Column('admin1_code', sa.String(length=24), nullable=True),
    sa.Column('iso_code', sa.String(length=8), nullable=True),
    sa.Column('population', sa.BigInteger(), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.Column('geonameid', sa.BigInteger(), nullable=True),
    sa.Column('wikidata', sa.String(length=16), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places')),
    sa.UniqueConstraint('place_key', name=op.f('uq_places_place_key'))
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_places_feature_code'), ['feature_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_places_geonameid'), ['geonameid'], unique=False)

    op.create_table('place_names',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('place_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('preferred', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_place_names_place_id_places'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place_names')),
    sa.UniqueConstraint('place_id', 'name_key', name=op.f('uq_place_names_place_id_name_key'))
    )
    with op.batch_alter_table('place_names', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_names_name_key'), ['name_key'], unique=False)

    op.create_table('article_places',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('place_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('field', sa.String(length=8), nullable=False),
    sa.Column('mention', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('precision', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('gazetteer_version', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_places_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_article_places_place_id_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_places')),
    sa.UniqueConstraint('article_id', 'field', 'start_char', 'end_char', name=op.f('uq_article_places_article_id_field_start_char_end_char'))
    )
    op.create_table('article_processing',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('version', sa.String(length=32), nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_processing_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_processing')),
    sa.UniqueConstraint('article_id', 'stage', name=op.f('uq_article_processing_article_id_stage'))
    )
    with op.batch_alter_table('article_processing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_processing_stage'), ['stage'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        # PostGIS point, generated from latitude/longitude so that it can never disagree with them.
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        op.execute("ALTER TABLE places ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
                   "(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED")
        op.execute("CREATE INDEX ix_places_geom ON places USING gist (geom)")

    with op.batch_alter_table('article_places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_places_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_places_place_id'), ['place_id'], unique=False)



def downgrade() -> None:
    op.drop_table('article_processing')
    with op.batch_alter_table('article_places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_places_place_id'))
        batch_op.drop_index(batch_op.f('ix_article_places_article_id'))

    op.drop_table('article_places')
    with op.batch_alter_table('place_names', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_names_name_key'))

    op.drop_table('place_names')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_geonameid'))
        batch_op.drop_index(batch_op.f('ix_places_feature_code'))
        batch_op.drop_index(batch_op.f('ix_places_country_code'))

    op.drop_table('places')
