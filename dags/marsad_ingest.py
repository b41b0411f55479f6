"""Ingest DAG: feed registry -> one mapped fetch per feed -> parse and store -> run summary.

Thin wrappers over etl.ingest. Emits the `marsad_articles` Asset when new or changed articles landed,
which data-triggers the extraction DAG. Trigger with conf {"replay": PATH} to replay saved feeds or an
articles JSONL instead of fetching, {"sources": [...]} to limit the run, {"force": true} to ignore poll
intervals.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pendulum
from airflow.sdk import Param, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowSkipException

from marsad_common import articles_asset, events_db_url

ARTICLES = articles_asset()


def _run_id() -> str:
    """One pipeline_runs id per DAG run, stable across task retries."""
    context = get_current_context()
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"airflow:{context['dag'].dag_id}:{context['run_id']}"))


@dag(
    dag_id="marsad_ingest",
    schedule=timedelta(minutes=30),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    # time limits, so that no hung fetch holds the run (and, with max_active_runs=1, every later run):
    # a feed fetch is bounded by the fetcher's budget (150 s) and a document's page fetching by 15 min
    dagrun_timeout=timedelta(minutes=90),
    default_args={"retries": 2, "retry_delay": timedelta(minutes=1), "retry_exponential_backoff": True,
                  "execution_timeout": timedelta(minutes=10)},
    params={
        "replay": Param(None, type=["null", "string"], description="replay path instead of fetching"),
        "sources": Param([], type="array", description="only these source ids"),
        "force": Param(False, type="boolean", description="ignore poll intervals"),
    },
    tags=["marsad", "ingest"],
    doc_md=__doc__,
)
def marsad_ingest():
    @task
    def start() -> list[dict]:
        from etl import ingest
        from etl.feeds.registry import load_registry

        context = get_current_context()
        params, url, registry = context["params"], events_db_url(), load_registry()
        run_id = ingest.start_run(url, registry, run_id=_run_id(), replay_path=params["replay"],
                                  airflow_dag_id=context["dag"].dag_id, airflow_run_id=context["run_id"])
        return ingest.plan(url, registry, run_id, params["sources"] or None, params["replay"], params["force"])

    @task(max_active_tis_per_dagrun=4)
    def fetch(feed: dict) -> dict:
        from etl import ingest
        from etl.feeds.registry import load_registry

        return ingest.fetch(events_db_url(), load_registry(), _run_id(), feed)

    @task(max_active_tis_per_dagrun=2, execution_timeout=timedelta(minutes=30))
    def parse_and_store(fetched: dict) -> dict:
        from etl import ingest
        from etl.feeds.registry import load_registry

        result = ingest.parse_and_store(events_db_url(), load_registry(), _run_id(), fetched)
        result["source_id"] = fetched["source_id"]
        return result

    @task(trigger_rule="all_done")
    def finish(planned: list[dict], results) -> dict:
        from etl import ingest

        results = [r for r in results if r]
        failed = len(planned) - len(results)
        summary = ingest.finish(events_db_url(), _run_id(), results, len({p["source_id"] for p in planned}),
                                status="success" if not failed else "partial",
                                error=f"{failed} feed task(s) failed" if failed else None)
        print(f"marsad ingest summary: {summary}")
        return summary

    @task(outlets=[ARTICLES])
    def announce(summary: dict) -> None:
        """Emit the Asset only when articles changed, so extraction runs only when there is work."""
        changed = summary["articles_new"] + summary["articles_updated"]
        if not changed:
            raise AirflowSkipException("no new or changed articles")
        get_current_context()["outlet_events"][ARTICLES].extra = {
            "run_id": summary["run_id"], "articles_new": summary["articles_new"],
            "articles_updated": summary["articles_updated"]}

    planned = start()
    fetched = fetch.expand(feed=planned)
    stored = parse_and_store.expand(fetched=fetched)
    announce(finish(planned, stored))


marsad_ingest()
