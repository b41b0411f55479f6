"""Extraction DAG, data-triggered by the `marsad_articles` Asset: geocodes new articles and codes their
events in mapped batches (one transaction per article), groups near-duplicate articles into stories and
links event mentions into canonical events (etl.dedup), then announces the `marsad_events` Asset.

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
    # generous limits (a 500-article batch takes well under a minute), there to end a hung task, not a slow one
    dagrun_timeout=timedelta(hours=12),
    default_args={"retries": 2, "retry_delay": timedelta(minutes=1), "execution_timeout": timedelta(hours=1)},
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
        totals = {"articles": 0, "places": 0, "events": 0, "errors": 0}
        for result in results:
            for key in totals:
                totals[key] += result.get(key, 0)
        print(f"marsad extract summary: {totals}")
        return totals

    # Deduplication (etl.dedup) after coding: near-duplicate articles into stories, in mapped batches (the
    # fingerprinting runs in parallel; the database writes are serialised by a lock), then the new event
    # mentions linked into canonical events. They also run when nothing new was coded (none_failed):
    # un-deduplicated articles or re-extracted mentions may be left from an earlier run.
    @task(trigger_rule="none_failed")
    def plan_stories() -> list[list[int]]:
        from etl.dedup.config import current
        from etl.dedup.stories import pending_article_batches

        return pending_article_batches(events_db_url(), current())

    @task(max_active_tis_per_dagrun=2)
    def dedup_stories(batch: list[int]) -> dict:
        from etl.dedup.config import current
        from etl.dedup.stories import assign_batch

        return assign_batch(events_db_url(), batch, current()).as_dict()

    @task(trigger_rule="none_failed", execution_timeout=timedelta(hours=3))
    def link_events() -> dict:
        from etl.dedup.config import current
        from etl.dedup.linking import link_pending

        result = link_pending(events_db_url(), current()).as_dict()
        print(f"marsad event linking: {result}")
        return result

    coded = code.expand(batch=plan())
    story_batches = plan_stories()
    coded >> story_batches
    stories = dedup_stories.expand(batch=story_batches)
    linked = link_events()
    stories >> linked
    linked >> summarize(coded)


marsad_extract()
