"""Extraction DAG, data-triggered by the `marsad_articles` Asset: geocodes new articles in mapped batches.

Thin wrappers over etl.geocode_articles; event coding joins this DAG with the event coder.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, task

from marsad_common import articles_asset, events_db_url

BATCH = 200


@dag(
    dag_id="marsad_extract",
    schedule=[articles_asset()],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=1)},
    tags=["marsad", "extract", "geo"],
    doc_md=__doc__,
)
def marsad_extract():
    @task
    def plan_geocoding() -> list[list[int]]:
        from etl.geo.gazetteer import Gazetteer
        from etl.geocode_articles import pending_articles

        url = events_db_url()
        pending = pending_articles(url, Gazetteer.from_db(url).version)
        return [pending[i:i + BATCH] for i in range(0, len(pending), BATCH)]

    @task(max_active_tis_per_dagrun=2)
    def geocode(batch: list[int]) -> dict:
        from etl.geo.gazetteer import Gazetteer
        from etl.geo.geocoder import Geocoder
        from etl.geocode_articles import geocode_batch

        url = events_db_url()
        return geocode_batch(url, batch, Geocoder(Gazetteer.from_db(url)))

    geocode.expand(batch=plan_geocoding())


marsad_extract()
