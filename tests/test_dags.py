"""The DAG files import cleanly, and the ingest DAG runs for real (dag.test) on replayed feeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def airflow_db():
    """Airflow's own metadata database (SQLite, in the test run's temporary AIRFLOW_HOME)."""
    airflow = Path(sys.executable).with_name("airflow")
    done = subprocess.run([str(airflow), "db", "migrate"], capture_output=True, text=True, env=os.environ.copy(),
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def dagbag(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags"))


def test_every_dag_file_imports(dagbag):
    assert dagbag.import_errors == {}
    assert "marsad_ingest" in dagbag.dag_ids


def test_ingest_dag_shape(dagbag):
    dag = dagbag.get_dag("marsad_ingest")
    assert dag.catchup is False and dag.max_active_runs == 1
    assert {"start", "fetch", "parse_and_store", "finish", "announce"} <= set(dag.task_ids)
    assert dag.get_task("fetch").retries >= 1
    [outlet] = dag.get_task("announce").outlets
    assert outlet.name == "marsad_articles"


def test_every_task_and_every_run_has_a_time_limit(dagbag):
    from etl.feeds.fetch import FetchPolicy
    from etl.ingest import PAGES_TIME_LIMIT

    for dag_id in ("marsad_ingest", "marsad_extract", "marsad_gazetteer"):
        dag = dagbag.get_dag(dag_id)
        assert dag.dagrun_timeout, dag_id
        for task in dag.tasks:
            assert task.execution_timeout and task.execution_timeout <= dag.dagrun_timeout, (dag_id, task.task_id)
    ingest = dagbag.get_dag("marsad_ingest")  # the limits leave room for the fetcher's own
    assert ingest.get_task("fetch").execution_timeout.total_seconds() > 2 * FetchPolicy().budget
    assert ingest.get_task("parse_and_store").execution_timeout.total_seconds() > 1.5 * PAGES_TIME_LIMIT


def test_ingest_dag_run_lands_articles(dagbag, sqlite_url, samples, monkeypatch):
    from airflow.models.asset import AssetEvent
    from airflow.utils.session import create_session

    from etl.load.db import session_scope
    from etl.load.models import Article, PipelineRun, RejectedItem

    monkeypatch.setenv("MARSAD_DB_URL", sqlite_url)
    dag = dagbag.get_dag("marsad_ingest")
    with create_session() as session:
        events_before = session.scalar(select(func.count()).select_from(AssetEvent))

    first = dag.test(run_conf={"replay": str(samples)})
    assert first.state == "success"
    with session_scope(sqlite_url) as s:
        assert s.scalar(select(func.count()).select_from(Article)) == 6
        assert s.scalar(select(func.count()).select_from(RejectedItem)) == 2
        run = s.scalars(select(PipelineRun)).one()
        assert run.airflow_run_id == first.run_id and run.airflow_dag_id == "marsad_ingest"
        assert run.status == "success" and run.articles_new == 6 and run.sources_count == 3
    with create_session() as session:
        events = session.scalars(select(AssetEvent).order_by(AssetEvent.id)).all()[events_before:]
        assert len(events) == 1 and events[0].extra["articles_new"] == 6

    second = dag.test(run_conf={"replay": str(samples)})  # nothing new: no Asset event, no new rows
    assert second.state == "success"
    with session_scope(sqlite_url) as s:
        assert s.scalar(select(func.count()).select_from(Article)) == 6
    with create_session() as session:
        assert session.scalar(select(func.count()).select_from(AssetEvent)) == events_before + 1


def test_extract_dag_shape(dagbag):
    dag = dagbag.get_dag("marsad_extract")
    assert dag.catchup is False and dag.max_active_runs == 1
    assert {"plan", "code", "summarize"} <= set(dag.task_ids)
    [outlet] = dag.get_task("summarize").outlets
    assert outlet.name == "marsad_events"


def test_extract_dag_run_codes_the_ingested_articles(dagbag, sqlite_url, samples, monkeypatch):
    from etl import ingest
    from etl.feeds.registry import load_registry
    from etl.load.db import session_scope
    from etl.load.models import ArticleProcessing, EventMention
    from etl.load.places import write_gazetteer
    from tests.geo_fixture import ROWS

    monkeypatch.setenv("MARSAD_DB_URL", sqlite_url)
    ingest.run_ingest(sqlite_url, load_registry(ROOT / "config" / "feeds.yaml"), replay_path=str(samples))
    with session_scope(sqlite_url) as session:
        write_gazetteer(session, [row for row, _ in ROWS], {row["place_key"]: names for row, names in ROWS})
    run = dagbag.get_dag("marsad_extract").test()
    assert run.state == "success"
    with session_scope(sqlite_url) as s:
        coded = s.scalar(select(func.count()).select_from(ArticleProcessing).where(ArticleProcessing.stage == "extract"))
        assert coded == 6
        assert s.scalar(select(func.count()).select_from(EventMention).where(EventMention.happened.is_(True))) > 0
