"""Gazetteer DAG, monthly: rebuild from the packaged data, then download the full GeoNames dumps
(MARSAD_GEONAMES_URL, countries in MARSAD_GEONAMES_COUNTRIES) and load their Arabic-named places."""

from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow.sdk import dag, task

from marsad_common import events_db_url


def _countries() -> list[str]:
    from etl.geo.gazetteer import REGION

    configured = os.environ.get("MARSAD_GEONAMES_COUNTRIES")
    return configured.split(",") if configured else sorted(REGION)


@dag(
    dag_id="marsad_gazetteer",
    schedule="@monthly",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    # generous limits: the GeoNames dumps are large downloads and loads, but none may hang for ever
    dagrun_timeout=timedelta(hours=12),
    default_args={"retries": 3, "retry_delay": timedelta(minutes=10), "execution_timeout": timedelta(hours=1)},
    tags=["marsad", "geo"],
    doc_md=__doc__,
)
def marsad_gazetteer():
    @task
    def packaged() -> int:
        from etl.geo.gazetteer import build_rows
        from etl.load.db import session_scope
        from etl.load.places import write_gazetteer

        places, names = build_rows()
        with session_scope(events_db_url()) as session:
            return write_gazetteer(session, places, names)

    @task
    def files() -> list[str]:
        return ["alternateNamesV2.zip"] + [f"{cc}.zip" for cc in _countries()]

    @task(max_active_tis_per_dagrun=2, execution_timeout=timedelta(hours=2))
    def download(file_name: str) -> str:
        from etl import config
        from etl.geo.geonames_dump import download as fetch

        return str(fetch(file_name, config.data_dir() / "geonames"))

    @task(execution_timeout=timedelta(hours=3))
    def load(paths: list[str], _packaged: int) -> int:
        from pathlib import Path

        from etl.geo.geonames_dump import read_dumps
        from etl.load.db import session_scope
        from etl.load.places import write_gazetteer

        places, names = read_dumps([Path(p) for p in paths])
        with session_scope(events_db_url()) as session:
            return write_gazetteer(session, places, names)

    load(download.expand(file_name=files()), packaged())


marsad_gazetteer()
