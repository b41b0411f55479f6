"""Engines, sessions and migrations for the events database (SQLite by default, PostgreSQL in production)."""

from __future__ import annotations

import logging
import random
import time
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, DataError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from etl import config

log = logging.getLogger(__name__)
T = TypeVar("T")
# PostgreSQL's deadlock_detected and serialization_failure: the transaction lost a race and can simply run again.
_TRANSIENT_SQLSTATES = {"40P01", "40001"}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (analysts) do not block the loader
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")  # several Airflow workers may write in turn
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    url = url or config.db_url()
    for prefix in ("postgresql://", "postgres://"):  # plain URLs (and Airflow's) use psycopg 3
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            from pathlib import Path

            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per URL per process."""
    return make_engine(url)


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session whose work is committed as one transaction, or rolled back whole on error."""
    factory = sessionmaker(engine_for(url or config.db_url()), expire_on_commit=False)
    with factory.begin() as session:
        yield session


def is_transient(exc: BaseException) -> bool:
    """A database error that running the same transaction again can cure: a deadlock, a serialization
    failure, SQLite's "database is locked" after its busy timeout."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    return "database is locked" in str(orig) or "database table is locked" in str(orig)


def item_fault(exc: BaseException) -> bool:
    """Did this one item (an article, a feed document) cause the error - a bug on its data, a value the
    database refuses - rather than the database itself being down or broken? An item's fault is recorded
    on the item and the work goes on; the database's fails the batch, which is then retried."""
    return not isinstance(exc, DBAPIError) or isinstance(exc, (DataError, IntegrityError))


def retrying(url: str | None, work: Callable[[Session], T], attempts: int = 5, pause: float = 0.2) -> T:
    """`work(session)` in one transaction, run again from scratch when it loses a race (is_transient), with
    a growing random pause so that the two sides of a deadlock do not meet again."""
    for attempt in range(1, attempts + 1):
        try:
            with session_scope(url) as session:
                return work(session)
        except DBAPIError as exc:
            if not is_transient(exc) or attempt == attempts:
                raise
            log.warning("transaction lost a race (%s), attempt %d of %d: running it again",
                        str(exc.orig).splitlines()[0], attempt, attempts)
            time.sleep(pause * attempt * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Schema comparison filter: the PostGIS objects that migrations create with raw SQL (places.geom and
    events.geom, their GiST indexes, PostGIS's spatial_ref_sys) are not in the models and must not be proposed
    for dropping."""
    if type_ == "column" and name == "geom":
        return False
    if type_ == "index" and name in ("ix_places_geom", "ix_events_geom"):
        return False
    return not (type_ == "table" and reflected and compare_to is None and name == "spatial_ref_sys")


def alembic_config(url: str | None = None):
    from alembic.config import Config

    schema = config.schema_dir()
    cfg = Config(str(schema / "alembic.ini"))
    cfg.set_main_option("script_location", str(schema))
    cfg.attributes["db_url"] = url or config.db_url()
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Apply the Alembic migrations (same files for SQLite and PostgreSQL), then bring the code lists and the
    data dictionary up to date with their sources (they change without a migration)."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)
    if revision == "head":
        write_reference_tables(url)


def write_reference_tables(url: str | None = None) -> None:
    """`code_lists` and `data_dictionary` as their sources say; a concurrent upgrade that wrote them first
    wins (its rows are the same)."""
    from etl.load.code_lists import write_code_lists
    from etl.load.data_dictionary import write_data_dictionary

    def work(session: Session) -> None:
        write_code_lists(session)
        write_data_dictionary(session)

    try:
        retrying(url, work)
    except IntegrityError:
        retrying(url, work)


def current_revision(url: str | None = None) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine_for(url or config.db_url()).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
