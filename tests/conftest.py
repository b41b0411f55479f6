"""Shared fixtures: isolated data/Airflow directories, and events databases on SQLite and PostgreSQL.

PostgreSQL tests use the server on 127.0.0.1:5432 (trust auth), each test in a fresh database that is
dropped afterwards. Without a server they are skipped, unless MARSAD_REQUIRE_POSTGRES=1 (CI), where
a missing server is a failure.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Before anything imports Airflow or etl.config: keep every test run away from the real data directory.
_TMP = Path(tempfile.mkdtemp(prefix="marsad-tests-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
os.environ["MARSAD_DATA_DIR"] = str(_TMP / "data")
os.environ.pop("MARSAD_DB_URL", None)
os.environ["AIRFLOW_HOME"] = str(_TMP / "airflow")
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(ROOT / "dags")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__PARALLELISM"] = "2"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
sys.path.insert(0, str(ROOT / "dags"))

PG_ADMIN = os.environ.get("MARSAD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _pg_available() -> str | None:
    """None when the server answers and has PostGIS (the schema needs it), else why not."""
    import psycopg

    try:
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3") as conn:
            if conn.execute("select 1 from pg_available_extensions where name = 'postgis'").fetchone() is None:
                return ("the PostGIS extension is not installed on that server "
                        "(deploy/test-services.sh, which `make test` runs, installs it where it can)")
            return None
    except psycopg.OperationalError as exc:
        return str(exc).strip()


def _pg_admin_exec(sql: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    from etl.load.db import upgrade

    url = f"sqlite:///{tmp_path / 'events.db'}"
    upgrade(url)
    return url


@pytest.fixture
def pg_url():
    problem = _pg_available()
    if problem:
        if os.environ.get("MARSAD_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is required but unreachable: {problem}")
        pytest.skip(f"no usable PostgreSQL on 127.0.0.1:5432: {problem}")
    from etl.load.db import engine_for, upgrade

    name = f"marsad_test_{uuid.uuid4().hex[:12]}"
    _pg_admin_exec(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        upgrade(url)
        yield url
    finally:
        engine_for(url).dispose()
        _pg_admin_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    """An empty, migrated events database; every test using it runs on both back ends."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def registry():
    from etl.feeds.registry import load_registry

    return load_registry(ROOT / "config" / "feeds.yaml")


@pytest.fixture
def samples() -> Path:
    return ROOT / "samples" / "feeds"


def shared(path: str) -> Path:
    """A file of ../shared/data, or a skip when the folder is absent."""
    full = SHARED / path
    if not full.exists():
        pytest.skip(f"{full} is absent (../shared/data is not beside the project)")
    return full
