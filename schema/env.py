"""Alembic environment: runs the migrations against the events database given by the caller or MARSAD_DB_URL."""

from alembic import context

from etl import config as marsad_config
from etl.load.db import include_object, make_engine
from etl.load.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    url = context.config.attributes.get("db_url") or marsad_config.db_url()
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTERs go through table copies
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run `marsad db upgrade`")
run_migrations_online()
