"""Load stage: the SQLAlchemy models of the events database, engines, migrations and idempotent upserts."""
