"""Airflow glue shared by Marsad's DAGs: where the events database is. No business logic here."""

from __future__ import annotations

import os

EVENTS_DB_CONN_ID = "marsad_db"


def articles_asset():
    """The Asset the ingest DAG emits when articles change; the extraction DAG is scheduled on it."""
    from airflow.sdk import Asset

    return Asset(name="marsad_articles", uri="marsad://events-db/articles")


def events_asset():
    """The Asset the extraction DAG emits when it has coded articles (for downstream consumers)."""
    from airflow.sdk import Asset

    return Asset(name="marsad_events", uri="marsad://events-db/event_mentions")


def events_db_url() -> str:
    """The `marsad_db` Airflow Connection when one is defined, else MARSAD_DB_URL, else the SQLite default."""
    if os.environ.get("MARSAD_DB_URL"):
        return os.environ["MARSAD_DB_URL"]
    try:
        from airflow.sdk import Connection

        return Connection.get(EVENTS_DB_CONN_ID).get_uri()
    except Exception:  # no such connection (AirflowNotFoundException) or no Airflow context
        from etl import config

        return config.db_url()
