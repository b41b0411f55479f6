"""Database plumbing of the dedup steps: the lock that serialises their transactions, and chunked reads.

Story detection and event linking read what earlier transactions wrote (LSH buckets, stories, events)
and decide from it, so two workers doing this at once could each miss the other's rows and create two
stories or two events for one. Every dedup transaction therefore takes one lock as its FIRST statement:
- PostgreSQL: a transaction-level advisory lock (released at commit or rollback). Under READ COMMITTED
  every later statement sees what the previous holder committed.
- SQLite: an UPDATE of a row of `dedup_locks`; being a write, it takes the database's write lock before
  anything is read, so the transaction cannot decide on a stale snapshot (a deferred transaction that
  read first would fail with SQLITE_BUSY_SNAPSHOT or decide on old data). Other writers wait (busy_timeout).
The unique keys (stories.seed_article_id, story_articles.article_id, events.event_key,
event_links.mention_id) are the backstop: a bug in the locking fails a transaction, it does not duplicate.
"""

from __future__ import annotations

import hashlib
from itertools import islice
from typing import Iterable, Sequence, TypeVar

from sqlalchemy import any_, bindparam, select, text, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from etl.load.models import DedupLock, utcnow

LOCK_NAME = "dedup"
IN_CHUNK = 5000  # values per IN list: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters

T = TypeVar("T")


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_xact_lock."""
    return int.from_bytes(hashlib.blake2b(f"marsad:{name}".encode(), digest_size=8).digest(), "little", signed=True)


def take_lock(session: Session, name: str = LOCK_NAME) -> None:
    """Serialise with every other dedup transaction; must be the transaction's first statement."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": advisory_key(name)})
    elif dialect == "sqlite":
        done = session.execute(update(DedupLock).where(DedupLock.name == name).values(taken_at=utcnow()))
        if done.rowcount == 0:  # the migration seeds the row; recreate it if someone deleted it
            session.add(DedupLock(name=name, taken_at=utcnow()))
            session.flush()
    else:
        raise NotImplementedError(f"dedup locking is implemented for SQLite and PostgreSQL, not {dialect}")


def bulk_insert(session: Session, table, rows: list[dict], chunk: int = 5000) -> None:
    """Insert many rows in the session's transaction: COPY on PostgreSQL (an executemany there is one
    pipelined statement per row), executemany on SQLite (in-process, already fast)."""
    if not rows:
        return
    if session.get_bind().dialect.name == "postgresql":
        columns = list(rows[0])
        raw = session.connection().connection.driver_connection  # the psycopg connection of this transaction
        with raw.cursor() as cursor:
            with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([row[c] for c in columns])
        return
    for part in chunked(rows, chunk):
        session.execute(table.insert(), part)


def bucket_members(session: Session, keys: Iterable[tuple[int, int]], days: tuple[int, int] | None) -> list[tuple]:
    """(band, bucket, day, article_id) of the stored LSH buckets with these (band, bucket) keys, days within
    the range when given. The primary key leads with (band, bucket, day), so every lookup is an index range."""
    from etl.load.models import LshBucket

    keys = sorted(set(keys))
    if not keys:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # one statement with two array parameters (an IN list of 20,000 values is slow to plan and to bind)
        sql = ("SELECT l.band, l.bucket, l.day, l.article_id FROM lsh_buckets l "
               "JOIN unnest(CAST(:bands AS smallint[]), CAST(:buckets AS bigint[])) AS k(band, bucket) "
               "ON l.band = k.band AND l.bucket = k.bucket")
        params: dict = {"bands": [k[0] for k in keys], "buckets": [k[1] for k in keys]}
        if days is not None:
            sql += " WHERE l.day BETWEEN :lo AND :hi"
            params.update(lo=days[0], hi=days[1])
        return [tuple(r) for r in session.execute(text(sql), params)]
    per_band: dict[int, list[int]] = {}
    for band, bucket in keys:
        per_band.setdefault(band, []).append(bucket)
    extra = [] if days is None else [LshBucket.day.between(*days)]
    found = []
    for band, buckets in per_band.items():  # SQLite runs in-process: one indexed lookup per band is cheap
        found.extend((band, bucket, day, aid) for bucket, day, aid in rows_in(
            session, (LshBucket.bucket, LshBucket.day, LshBucket.article_id), LshBucket.bucket, buckets,
            LshBucket.band == band, *extra))
    return found


def chunked(values: Sequence[T] | Iterable[T], size: int = IN_CHUNK) -> Iterable[list[T]]:
    """Lists of at most `size` values, read as they come (a streamed result is never held whole)."""
    values = iter(values)
    while batch := list(islice(values, size)):
        yield batch


def member_of(session: Session, column, values: list):
    """`column IN (values)`; on PostgreSQL `column = ANY(:array)`, one parameter instead of thousands (psycopg
    parses every placeholder of a statement, which made long IN lists the slowest part of a dedup run)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(column.type)))
    return column.in_(values)


def rows_in(session: Session, columns: Sequence, key, values: Iterable, *where) -> list:
    """SELECT columns WHERE key IN values (chunked), with extra conditions."""
    found = []
    for chunk in chunked(sorted(set(values))):
        found.extend(session.execute(select(*columns).where(member_of(session, key, chunk), *where)).all())
    return found
