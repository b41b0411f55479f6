"""Extraction DAG, data-triggered by the `marsad_articles` Asset: geocodes new articles and codes their
events in mapped batches (one transaction per article), then announces the `marsad_events` Asset.

Thin wrappers over etl.extract_articles. Articles are pending when the current gazetteer or dictionary
version has not processed them, so a dictionary change recodes everything on the next run.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, task

from marsad_common import articles_asset, events_asset, events_db_url

BATCH = 500


@dag(
    dag_id="marsad_extract",
    schedule=[articles_asset()],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=1)},
    tags=["marsad", "extract", "geo", "events"],
    doc_md=__doc__,
)
def marsad_extract():
    @task
    def plan() -> list[list[int]]:
        from etl.extract_articles import Extractor, pending_articles

        url = events_db_url()
        extractor = Extractor.for_database(url)
        pending = pending_articles(url, extractor.coder.version, extractor.geocoder.gazetteer.version)
        return [pending[i:i + BATCH] for i in range(0, len(pending), BATCH)]

    @task(max_active_tis_per_dagrun=2)
    def code(batch: list[int]) -> dict:
        from etl.extract_articles import Extractor, process_batch

        url = events_db_url()
        return process_batch(url, batch, Extractor.for_database(url))

    @task(outlets=[events_asset()])
    def summarize(results: list[dict]) -> dict:
        totals = {"articles": 0, "places": 0, "events": 0}
        for result in results:
            for key in totals:
                totals[key] += result.get(key, 0)
        print(f"marsad extract summary: {totals}")
        return totals

    summarize(code.expand(batch=plan()))


marsad_extract()
