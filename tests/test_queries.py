"""Every query of docs/QUERIES.md runs on both databases (over real coded articles) and returns the columns its
`-- columns:` line names."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text

from etl.load.db import engine_for
from tests.test_publish import coded  # noqa: F401 - the fixture

QUERIES = Path(__file__).resolve().parents[1] / "docs" / "QUERIES.md"
_BLOCK = re.compile(r"^## (?P<title>.+?)$|^```sql(?: (?P<dialect>\w+))?\n(?P<sql>.*?)^```", re.M | re.S)


def cookbook() -> list[tuple[str, str | None, str]]:
    """(title, dialect or None for both, SQL) of each block, in order."""
    blocks, title = [], None
    for match in _BLOCK.finditer(QUERIES.read_text(encoding="utf-8")):
        if match["title"]:
            title = match["title"]
        else:
            blocks.append((title, match["dialect"], match["sql"]))
    return blocks


def test_the_cookbook_has_the_issues_questions():
    titles = {title for title, _, _ in cookbook()}
    assert len(cookbook()) >= 10 and {"Events within 50 km of Aleppo", "The evidence behind one event"} <= titles
    for title, dialect, sql in cookbook():
        assert dialect in (None, "sqlite", "postgresql") and sql.startswith("-- columns: "), title


def test_every_query_runs_and_returns_its_columns(coded):  # noqa: F811
    engine = engine_for(coded)
    ran = 0
    with engine.connect() as conn:
        event_id = conn.execute(text("SELECT min(id) FROM events")).scalar()
        for title, dialect, sql in cookbook():
            if dialect not in (None, engine.dialect.name):
                continue
            expected = [c.strip() for c in sql.splitlines()[0].removeprefix("-- columns:").split(",")]
            params = {"event_id": event_id} if ":event_id" in sql else {}
            result = conn.execute(text(sql.strip().rstrip(";")), params)
            assert list(result.keys()) == expected, title
            rows = result.all()
            if title == "The evidence behind one event":
                assert rows, "an existing event has its evidence"
            ran += 1
    assert ran == len([b for b in cookbook() if b[1] in (None, engine.dialect.name)])
