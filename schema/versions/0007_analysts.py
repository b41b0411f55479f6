"""analysts: code lists and the data dictionary as tables; an ACLED-shaped view of events and a GDELT-like
pair of views (events, mentions); on PostgreSQL a PostGIS point on events with a GiST index

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 00:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# What differs between the two databases, by name; the views are otherwise the same SQL with the same columns.
_DIALECT = {
    "sqlite": {
        "year": "CAST(strftime('%Y', {0}) AS INTEGER)",
        "yyyymmdd": "CAST(strftime('%Y%m%d', {0}) AS INTEGER)",
        "yyyymmddhhmmss": "CAST(strftime('%Y%m%d%H%M%S', {0}) AS INTEGER)",
        "epoch": "CAST(strftime('%s', {0}) AS INTEGER)",
        "joined": "group_concat({0}, '; ')",  # in the order of the inner query
        "text": "CAST({0} AS TEXT)",
    },
    "postgresql": {
        "year": "CAST(EXTRACT(YEAR FROM {0}) AS INTEGER)",
        "yyyymmdd": "CAST(to_char({0}, 'YYYYMMDD') AS INTEGER)",
        "yyyymmddhhmmss": "CAST(to_char({0} AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS') AS BIGINT)",
        "epoch": "CAST(EXTRACT(EPOCH FROM {0}) AS BIGINT)",
        "joined": "string_agg({0}, '; ' ORDER BY {0})",
        "text": "CAST({0} AS TEXT)",
    },
}

# The outlets that report an event, and whether they are of the event's country (ACLED's source_scale).
_SOURCES = """
SELECT r.event_id, {joined_outlet} AS source,
       CASE WHEN sum(r.national) = count(*) THEN 'National' WHEN sum(r.national) = 0 THEN 'International'
            ELSE 'National-International' END AS source_scale
FROM (SELECT DISTINCT l.event_id, s.outlet,
             CASE WHEN s.country = e.country_code THEN 1 ELSE 0 END AS national
      FROM event_links l
      JOIN events e ON e.id = l.event_id
      JOIN articles a ON a.id = l.article_id
      JOIN sources s ON s.id = a.source_id
      ORDER BY l.event_id, s.outlet) r
GROUP BY r.event_id
"""

# ACLED's columns and meanings where they apply (ACLED codebook); one row per event that ACLED would code.
# A protest's or a riot's first actor is ACLED's "Protesters (Country)" / "Rioters (Country)", with the
# group the coder found as the associated actor. inter codes come from the sides' sectors (code_lists
# `sector`, maps_to).
ACLED_VIEW = """
CREATE VIEW v_acled_events AS
SELECT x.event_id_cnty, x.event_date, x.year, x.time_precision, x.disorder_type, x.event_type, x.sub_event_type,
       x.actor1, x.assoc_actor_1, x.inter1, x.actor2, x.assoc_actor_2, x.inter2,
       CASE WHEN x.inter1 IS NULL THEN NULL
            WHEN x.inter2 IS NULL THEN x.inter1 * 10
            WHEN x.inter1 <= x.inter2 THEN x.inter1 * 10 + x.inter2
            ELSE x.inter2 * 10 + x.inter1 END AS interaction,
       CASE WHEN x.inter2 = 7 AND x.disorder_type LIKE 'Political violence%' THEN 'Civilian targeting' END
           AS civilian_targeting,
       x.iso, x.country, x.admin1, x.location, x.latitude, x.longitude, x.geo_precision,
       x.source, x.source_scale, x.notes, x.fatalities, x.timestamp,
       x.event_id, x.marsad_event_type, x.num_sources, x.num_stories
FROM (
  SELECT coalesce(a3.code, 'XXX') || '-' || {id_text} AS event_id_cnty,
         e.event_date, {year} AS year, e.acled_time_precision AS time_precision,
         coalesce(sub.maps_to, typ.maps_to) AS disorder_type,
         e.acled_event_type AS event_type, e.acled_sub_event_type AS sub_event_type,
         CASE WHEN e.acled_event_type = 'Protests' THEN 'Protesters (' || coalesce(e.country_name, 'International') || ')'
              WHEN e.acled_event_type = 'Riots' THEN 'Rioters (' || coalesce(e.country_name, 'International') || ')'
              ELSE act.name_en END AS actor1,
         CASE WHEN e.acled_event_type IN ('Protests', 'Riots') THEN act.name_en END AS assoc_actor_1,
         CASE WHEN e.acled_event_type = 'Protests' THEN 6
              WHEN e.acled_event_type = 'Riots' THEN 5
              ELSE CAST(s1.maps_to AS INTEGER) END AS inter1,
         rec.name_en AS actor2, NULL AS assoc_actor_2,
         CAST(s2.maps_to AS INTEGER) AS inter2,
         CAST(cn.maps_to AS INTEGER) AS iso, e.country_name AS country, e.admin1, e.place_name AS location,
         e.latitude, e.longitude, e.acled_geo_precision AS geo_precision,
         src.source, src.source_scale, e.evidence AS notes, coalesce(e.fatalities_best, 0) AS fatalities,
         {epoch} AS timestamp,
         e.id AS event_id, e.event_type AS marsad_event_type, e.num_sources, e.num_stories
  FROM events e
  LEFT JOIN actors act ON act.id = e.actor_id
  LEFT JOIN actors rec ON rec.id = e.recipient_id
  LEFT JOIN code_lists sub ON sub.list_name = 'acled_sub_event_type' AND sub.code = e.acled_sub_event_type
  LEFT JOIN code_lists typ ON typ.list_name = 'acled_event_type' AND typ.code = e.acled_event_type
  LEFT JOIN code_lists s1 ON s1.list_name = 'sector' AND s1.code = e.actor_sector
  LEFT JOIN code_lists s2 ON s2.list_name = 'sector' AND s2.code = e.recipient_sector
  LEFT JOIN code_lists cn ON cn.list_name = 'country' AND cn.code = e.country_code
  LEFT JOIN code_lists a3 ON a3.list_name = 'actor_country' AND a3.maps_to = e.country_code
  LEFT JOIN ({sources}) src ON src.event_id = e.id
  WHERE e.acled_event_type IS NOT NULL
) x
"""

# GDELT 2.0's event and mention tables, by their column names in lower case, where Marsad has the field.
# Countries are ISO codes (GDELT's ActionGeo uses FIPS 10-4); the geo type is 1 country, 5 region, 4 place.
GDELT_EVENTS_VIEW = """
CREATE VIEW v_gdelt_events AS
SELECT e.id AS globaleventid, {sqldate} AS sqldate,
       CASE WHEN e.actor_id IS NOT NULL THEN coalesce(e.actor_country, '') || coalesce(e.actor_sector, '') END AS actor1code,
       act.name_en AS actor1name, e.actor_country AS actor1countrycode, e.actor_sector AS actor1type1code,
       CASE WHEN e.recipient_id IS NOT NULL THEN coalesce(e.recipient_country, '') || coalesce(e.recipient_sector, '') END
           AS actor2code,
       rec.name_en AS actor2name, e.recipient_country AS actor2countrycode, e.recipient_sector AS actor2type1code,
       1 AS isrootevent, e.cameo AS eventcode, substr(e.cameo, 1, 3) AS eventbasecode,
       substr(e.cameo, 1, 2) AS eventrootcode,
       CASE WHEN substr(e.cameo, 1, 2) IN ('01', '02', '03', '04', '05') THEN 1
            WHEN substr(e.cameo, 1, 2) IN ('06', '07', '08', '09') THEN 2
            WHEN substr(e.cameo, 1, 2) IN ('10', '11', '12', '13', '14') THEN 3
            WHEN e.cameo IS NOT NULL THEN 4 END AS quadclass,
       e.num_mentions AS nummentions, e.num_sources AS numsources, e.num_articles AS numarticles,
       CASE e.geo_precision WHEN 4 THEN 1 WHEN 3 THEN 5 WHEN 1 THEN 4 WHEN 2 THEN 4 END AS actiongeo_type,
       e.place_name AS actiongeo_fullname, e.country_code AS actiongeo_countrycode,
       e.admin1_code AS actiongeo_adm1code, e.latitude AS actiongeo_lat, e.longitude AS actiongeo_long,
       e.place_id AS actiongeo_featureid, {dateadded} AS dateadded,
       (SELECT a.url FROM event_links l JOIN articles a ON a.id = l.article_id
        WHERE l.event_id = e.id
        ORDER BY CASE WHEN a.published_at IS NULL THEN 1 ELSE 0 END, a.published_at, a.id LIMIT 1) AS sourceurl,
       e.event_type AS plover_type, e.mode AS plover_mode, e.fatalities_best
FROM events e
LEFT JOIN actors act ON act.id = e.actor_id
LEFT JOIN actors rec ON rec.id = e.recipient_id
"""

GDELT_MENTIONS_VIEW = """
CREATE VIEW v_gdelt_mentions AS
SELECT l.event_id AS globaleventid, {eventtime} AS eventtimedate, {mentiontime} AS mentiontimedate,
       1 AS mentiontype, s.outlet AS mentionsourcename, a.url AS mentionidentifier,
       m.sentence_start AS sentencecharoffset, ma.start_char AS actor1charoffset, mr.start_char AS actor2charoffset,
       m.trigger_start AS actioncharoffset, 1 AS inrawtext, CAST(round(m.confidence * 100) AS INTEGER) AS confidence,
       length(a.content) AS mentiondoclen, m.id AS mention_id, a.id AS article_id, m.field, m.sentence_text
FROM event_links l
JOIN events e ON e.id = l.event_id
JOIN event_mentions m ON m.id = l.mention_id
JOIN articles a ON a.id = l.article_id
JOIN sources s ON s.id = a.source_id
LEFT JOIN event_mention_actors ma ON ma.mention_id = m.id AND ma.role = 'actor'
LEFT JOIN event_mention_actors mr ON mr.mention_id = m.id AND mr.role = 'recipient'
"""

VIEWS = ("v_acled_events", "v_gdelt_events", "v_gdelt_mentions")


def _views(dialect: str) -> list[str]:
    d = _DIALECT["postgresql" if dialect == "postgresql" else "sqlite"]
    sources = _SOURCES.format(joined_outlet=d["joined"].format("r.outlet"))
    return [
        ACLED_VIEW.format(id_text=d["text"].format("e.id"), year=d["year"].format("e.event_date"),
                          epoch=d["epoch"].format("e.updated_at"), sources=sources),
        GDELT_EVENTS_VIEW.format(sqldate=d["yyyymmdd"].format("e.event_date"),
                                 dateadded=d["yyyymmddhhmmss"].format("e.created_at")),
        GDELT_MENTIONS_VIEW.format(eventtime=d["yyyymmddhhmmss"].format("e.created_at"),
                                   mentiontime=d["yyyymmddhhmmss"].format("a.published_at")),
    ]


def upgrade() -> None:
    op.create_table('code_lists',
    sa.Column('list_name', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('parent', sa.String(length=80), nullable=True),
    sa.Column('maps_to', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('list_name', 'code', name=op.f('pk_code_lists'))
    )
    op.create_table('data_dictionary',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('column_name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('code_list', sa.String(length=40), nullable=True),
    sa.Column('postgresql_only', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'column_name', name=op.f('pk_data_dictionary'))
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        # as on places: a point generated from latitude/longitude, so that it can never disagree with them
        op.execute("ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
                   "(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED")
        op.execute("CREATE INDEX ix_events_geom ON events USING gist (geom)")
    for view in _views(dialect):
        op.execute(view)


def downgrade() -> None:
    for view in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {view}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_geom")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS geom")
    op.drop_table('data_dictionary')
    op.drop_table('code_lists')
