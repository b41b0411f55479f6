"""Faults found by a hostile run, on the load side (docs/RELIABILITY.md): absurd numbers, articles that fail
to code, parallel workers racing on shared rows, text a database cannot store, broken encodings, killed
and concurrent runs. Each test failed before its fix; those touching a database run on SQLite and
PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text, update

from etl import ingest
from etl.extract_articles import Extractor, pending_articles, process_pending
from etl.extraction.casualties import extract_casualties
from etl.feeds.records import ArticleRecord
from etl.load import store
from etl.load.db import engine_for, session_scope
from etl.load.events import upsert_actors
from etl.load.models import (ActorRow, Article, ArticlePlace, ArticleProcessing, EventMention, PipelineRun,
                             RejectedItem)
from etl.load.places import write_gazetteer
from tests.geo_fixture import ROWS

PUBLISHED = datetime(2018, 5, 2, 9, 0, tzinfo=timezone.utc)


def _articles(url: str, registry, texts: list[str]) -> list[int]:
    """Store texts as articles of one source (the small test gazetteer beside them); their ids in order."""
    ingest.start_run(url, registry, run_id="00000000-0000-0000-0000-000000000001")
    records = [ArticleRecord(source_id="bbc-arabic", guid=f"g{i}", url=f"https://news.example/{i}",
                             canonical_url=f"https://news.example/{i}", title=f"خبر {i}", summary=None, content=t,
                             content_source="feed", published_at=PUBLISHED, published_raw=None, author=None,
                             language="ar", arabic_share=1.0) for i, t in enumerate(texts)]
    with session_scope(url) as session:
        store.upsert_articles(session, records, {}, None, None)
        write_gazetteer(session, [row for row, _ in ROWS], {row["place_key"]: names for row, names in ROWS})
        by_url = dict(session.execute(select(Article.canonical_url, Article.id)).all())
    return [by_url[r.canonical_url] for r in records]


# ------------------------------------------------------------------ 3. an absurd toll, a failing article

def test_a_toll_above_any_plausible_figure_is_no_toll():
    for sentence in ("قتل 3000000000 شخص في بغداد أمس", "قتل 100000000000000000000 شخص في بغداد",
                     "اعتقلت الشرطة 5000000000 متظاهر", "قتل 3 مليارات شخص"):
        toll = extract_casualties(sentence)
        assert toll is None or all(f is None or f.best <= 1_000_000 for f in (toll.killed, toll.arrested)), sentence
    # large, but a figure all the same (a war's total: kept as a reported total, not an event's toll)
    assert [(c, f.best, f.scope) for c, f in extract_casualties("قتل 300 ألف شخص في الحرب").mentions] == \
        [("killed", 300_000, "period")]


def test_an_absurd_toll_does_not_stop_extraction(db_url, registry):
    ids = _articles(db_url, registry, [
        "قصفت الطائرات بغداد أمس وقتل خمسة مدنيين.",
        "قتل 3000000000 شخص في هجوم على بغداد أمس.",
        "قتل 100000000000000000000 شخص في انفجار في بغداد.",
        "قتل ثلاثة جنود في هجوم على الرمادي أمس.",
    ])
    extractor = Extractor.for_database(db_url)
    totals = process_pending(db_url, extractor)
    assert totals["articles"] == 4 and totals["errors"] == 0
    with session_scope(db_url) as s:
        tolls = dict(s.execute(select(EventMention.article_id, func.max(EventMention.fatalities_best))
                               .where(EventMention.field == "content").group_by(EventMention.article_id)).all())
    assert tolls[ids[0]] == 5 and tolls[ids[3]] == 3
    assert tolls.get(ids[1]) is None and tolls.get(ids[2]) is None  # the events stay, without a toll
    assert process_pending(db_url, extractor)["articles"] == 0  # and a rerun has nothing left to do


def test_an_article_that_fails_to_code_is_recorded_and_skipped(db_url, registry, monkeypatch):
    ids = _articles(db_url, registry, ["قصفت الطائرات بغداد أمس.", "POISON قتل جنديان في الرمادي.",
                                       "قتل ثلاثة جنود في هجوم على الرمادي أمس."])
    extractor = Extractor.for_database(db_url)
    real = extractor.coder.code

    def code(text, **kwargs):
        if "POISON" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, **kwargs)

    monkeypatch.setattr(extractor.coder, "code", code)
    totals = process_pending(db_url, extractor)
    assert totals["articles"] == 2 and totals["errors"] == 1
    with session_scope(db_url) as s:
        coded = set(s.scalars(select(EventMention.article_id)))
        failed = s.execute(select(ArticleProcessing.article_id, ArticleProcessing.stage, ArticleProcessing.error)
                           .where(ArticleProcessing.error.is_not(None))).all()
    assert coded == {ids[0], ids[2]}
    assert sorted((a, st) for a, st, _ in failed) == [(ids[1], "extract"), (ids[1], "geocode")]
    assert all(e.startswith("RecursionError: maximum recursion") for _, _, e in failed)
    version, gazetteer = extractor.coder.version, extractor.geocoder.gazetteer.version
    assert pending_articles(db_url, version, gazetteer) == []  # not retried by the same coder ...
    assert pending_articles(db_url, version + "-next", gazetteer) == ids  # ... but by the next one


def test_an_over_long_text_is_coded_up_to_the_cap_and_the_cut_recorded(db_url, registry, monkeypatch):
    import etl.extract_articles

    cap = 10_000  # the real cap, MAX_TEXT_CHARS, is ten times this: the same code, a faster test
    monkeypatch.setattr(etl.extract_articles, "MAX_TEXT_CHARS", cap)
    sentence = "قتل ثلاثة جنود في هجوم على بغداد أمس. "
    long_text = sentence * (cap // len(sentence) + 50)
    [article] = _articles(db_url, registry, [long_text])
    process_pending(db_url, Extractor.for_database(db_url))
    with session_scope(db_url) as s:
        cuts = dict(s.execute(select(ArticleProcessing.stage, ArticleProcessing.truncated_at)
                              .where(ArticleProcessing.article_id == article)).all())
        last = s.scalar(select(func.max(EventMention.trigger_end)).where(EventMention.article_id == article))
        places = s.scalar(select(func.max(ArticlePlace.end_char)).where(ArticlePlace.article_id == article))
    assert cuts["extract"] == cuts["geocode"] and cap - 2000 < cuts["extract"] <= cap
    assert long_text[cuts["extract"] - 1] == "."  # cut at a sentence break
    assert cuts["extract"] - 100 < last <= cuts["extract"] and cuts["extract"] - 100 < places <= cuts["extract"]


# ------------------------------------------------------------------ 4. parallel workers on shared rows

def _together(*calls) -> list:
    """Run the calls in threads at the same time; their results in order, or fail with the first error any of
    them raised."""
    results: list = [None] * len(calls)
    errors: list[BaseException] = []

    def run(k: int, call) -> None:
        try:
            results[k] = call()
        except BaseException as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(k, call)) for k, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[0]
    return results


def _actor(key: str, name: str) -> dict:
    return {"id": key, "name": name, "country": "IRQ", "sector": "MIL"}


@pytest.mark.postgres
def test_actor_upserts_of_parallel_workers_do_not_deadlock(pg_url):
    """Two workers storing articles with the same actors in opposite orders, each a transaction per article
    (as the extraction DAG's two workers do). The old upsert rewrote and locked every row in the order met,
    and one of the two died with a deadlock within a few rounds; now rows are taken in key order, and an
    unchanged row not at all."""
    keys = [f"org:test{i:03d}" for i in range(300)]
    start = threading.Barrier(2)

    def worker(order: list[str]) -> None:
        start.wait()
        for round_ in range(15):
            with session_scope(pg_url) as session:  # no retry: the lock order alone must hold
                upsert_actors(session, [_actor(k, f"{k} v{round_ // 5}") for k in order])

    _together(lambda: worker(keys), lambda: worker(keys[::-1]))
    with session_scope(pg_url) as s:
        assert s.scalar(select(func.count()).select_from(ActorRow)) == 300
        assert set(s.scalars(select(ActorRow.name_en))) == {f"{k} v2" for k in keys}


def test_an_unchanged_actor_row_is_not_rewritten(db_url):
    with session_scope(db_url) as s:
        upsert_actors(s, [_actor("org:a", "A")])
        s.execute(update(ActorRow).values(updated_at=datetime(2000, 1, 1, tzinfo=timezone.utc)))
    with session_scope(db_url) as s:
        ids = upsert_actors(s, [_actor("org:a", "A"), _actor("org:b", "B")])
    with session_scope(db_url) as s:
        stamps = dict(s.execute(select(ActorRow.actor_key, ActorRow.updated_at)).all())
    assert stamps["org:a"].year == 2000 and stamps["org:b"].year > 2000 and set(ids) == {"org:a", "org:b"}


@pytest.mark.postgres
def test_a_transaction_that_loses_a_deadlock_runs_again(pg_url):
    from etl.load.db import retrying

    with engine_for(pg_url).begin() as conn:
        conn.execute(text("CREATE TABLE race (id int primary key, n int)"))
        conn.execute(text("INSERT INTO race VALUES (1, 0), (2, 0)"))
    both_hold_one = threading.Barrier(2, timeout=10)

    def worker(first: int, second: int) -> None:
        attempts = []

        def work(session):
            attempts.append(1)
            session.execute(text("UPDATE race SET n = n + 1 WHERE id = :i"), {"i": first})
            if len(attempts) == 1:
                both_hold_one.wait()  # each holds one row and wants the other's: a deadlock, on the first try
            session.execute(text("UPDATE race SET n = n + 1 WHERE id = :i"), {"i": second})

        retrying(pg_url, work)

    _together(lambda: worker(1, 2), lambda: worker(2, 1))
    with engine_for(pg_url).connect() as conn:  # both transactions committed once each
        assert conn.execute(text("SELECT n FROM race ORDER BY id")).scalars().all() == [2, 2]


# ------------------------------------------------------------------ 5. text a database cannot store

NUL_FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            + "".join(f"<item><title>خبر رقم {i} عن قصف في بغداد{'&#0;' if i == 1 else ''}</title>"
                      f"<link>https://nul.example/{i}</link><description>نص الخبر {i} عن قصف الطائرات مدينة بغداد"
                      f"{chr(0) if i == 2 else ''} وسقوط ضحايا{'&#xD800;' if i == 3 else ''}</description></item>"
                      for i in range(5))
            + "</channel></rss>")


def test_a_nul_byte_or_a_lone_surrogate_loses_nothing(db_url, registry, tmp_path):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "bbc-arabic.xml").write_bytes(NUL_FEED.encode("utf-8"))
    (feeds / "cnn-arabic.xml").write_bytes(NUL_FEED.replace("nul.example", "next.example").encode("utf-8"))
    summary = ingest.run_ingest(db_url, registry, replay_path=str(feeds))
    assert summary["status"] == "success" and summary["articles_new"] == 10 and summary["rejections"] == 0
    with session_scope(db_url) as s:
        texts = s.execute(select(Article.title, Article.summary)).all()
    assert len(texts) == 10 and not any("\x00" in t + (d or "") for t, d in texts)
    assert any("\ufffd" in (d or "") for _, d in texts)  # the lone surrogate, replaced


# ------------------------------------------------------------------ 7. a few invalid bytes in a feed

def test_a_few_invalid_utf8_bytes_spoil_one_item_not_the_feed(db_url, registry, tmp_path):
    items = "".join(f"<item><title>خبر رقم {i} عن الأحداث في بغداد</title><link>https://utf.example/{i}</link>"
                    f"<description>{'نص الخبر العربي عن الأحداث ' * 4}{i}</description></item>" for i in range(20))
    doc = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}'
           "</channel></rss>").encode("utf-8")
    at = doc.index("رقم 7".encode("utf-8"))
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "bbc-arabic.xml").write_bytes(doc[:at] + b"\xff\xfe\xc3\x28" + doc[at:])
    summary = ingest.run_ingest(db_url, registry, replay_path=str(feeds))
    assert summary["articles_new"] == 20 and summary["rejections"] == 0
    with session_scope(db_url) as s:
        titles = s.scalars(select(Article.title).order_by(Article.title)).all()
    assert all("بغداد" in t for t in titles)  # Arabic, not IBM855 mojibake
    assert sum("\ufffd" in t for t in titles) == 1


def test_a_windows_1256_feed_without_a_charset_is_still_detected(registry):
    from etl.feeds.parse import parse_feed

    doc = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
           + "".join(f"<item><title>مظاهرة في عمان رقم {i}</title><link>https://w.example/{i}</link>"
                     f"<description>{'خرج المتظاهرون إلى الشوارع احتجاجا على الأسعار ' * 3}</description></item>"
                     for i in range(5)) + "</channel></rss>").encode("cp1256")
    parsed = parse_feed(doc, registry.get("bbc-arabic"), {})
    assert len(parsed.articles) == 5 and all("مظاهرة" in a.title for a in parsed.articles)


# ------------------------------------------------------------------ 10. killed and concurrent runs

def test_a_run_left_running_by_a_killed_process_is_aborted_by_the_next(db_url, registry):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    killed = ingest.start_run(db_url, registry, owner_pid=dead.pid)
    alive_elsewhere = ingest.start_run(db_url, registry)  # an Airflow run: no owner pid, a fresh heartbeat
    with session_scope(db_url) as s:  # a run on another machine that stopped beating three hours ago
        s.add(PipelineRun(id="11111111-1111-1111-1111-111111111111", mode="live", code_version="x",
                          status="running", host="elsewhere", started_at=datetime.now(timezone.utc) - timedelta(hours=3),
                          heartbeat_at=datetime.now(timezone.utc) - timedelta(hours=3)))
    ingest.start_run(db_url, registry, owner_pid=None)
    with session_scope(db_url) as s:
        status = dict(s.execute(select(PipelineRun.id, PipelineRun.status)).all())
    assert status[killed] == "aborted" and status["11111111-1111-1111-1111-111111111111"] == "aborted"
    assert status[alive_elsewhere] == "running"


def test_concurrent_ingests_count_each_new_article_once(db_url, registry, samples, monkeypatch):
    """Both runs read which articles exist before either writes: the old counts said every article was new
    to both."""
    both_read = threading.Barrier(2, timeout=20)
    real = store.existing_articles
    waited = threading.local()

    def existing(session, records):
        found = real(session, records)
        if not getattr(waited, "done", False):  # the first read of each thread only, not a retry's
            waited.done = True
            both_read.wait()
        return found

    monkeypatch.setattr(store, "existing_articles", existing)

    def run() -> dict:
        waited.done = False
        return ingest.run_ingest(db_url, registry, source_ids=["shafaq-news"], replay_path=str(samples))

    results = _together(run, run)
    with session_scope(db_url) as s:
        rows = s.scalar(select(func.count()).select_from(Article))
    assert rows > 0 and sum(r["articles_new"] for r in results) == rows
    assert sum(r["articles_unchanged"] for r in results) == rows


def test_a_document_that_cannot_be_stored_is_a_rejection_and_the_run_goes_on(db_url, registry, samples,
                                                                           monkeypatch):
    real = store.upsert_articles

    def upsert(session, records, existing, run_id, fetch_id):
        if any(r.source_id == "alsumaria" for r in records):
            raise ValueError("a value this database refuses")
        return real(session, records, existing, run_id, fetch_id)

    monkeypatch.setattr(store, "upsert_articles", upsert)
    summary = ingest.run_ingest(db_url, registry, replay_path=str(samples))
    assert summary["status"] == "success" and summary["fetch_errors"] == 1
    with session_scope(db_url) as s:
        sources = set(s.scalars(select(Article.source_id)))
        rejected = s.execute(select(RejectedItem.source_id, RejectedItem.reason)
                             .where(RejectedItem.reason_code == "store_failed")).all()
    assert "alsumaria" not in sources and {"shafaq-news", "enab-baladi"} <= sources
    assert rejected == [("alsumaria", "ValueError: a value this database refuses")]


# ------------------------------------------------------------------ 8. bad lines given to the command line

BAD_LINES = (b'{"id": 1, "text": "\xd9\x82\xd8\xb5\xd9\x81\xd8\xaa \xd8\xa7\xd9\x84\xd8\xb7\xd8\xa7\xd8\xa6\xd8\xb1\xd8\xa7\xd8\xaa '
             b'\xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf \xd8\xa3\xd9\x85\xd8\xb3"}\n'  # قصفت الطائرات بغداد أمس
             b'{"id": 2, "text": "\\ud800 in Baghdad"}\n'  # a lone surrogate, escaped
             b'{"id": 3, "text": "\xff\xfe broken"}\n'  # not UTF-8
             b'{"id": 4, "text": "\xd8\xa8\xd8\xba\xd8\xaf\xd8\xa7\xd8\xaf"}\n')  # بغداد


@pytest.mark.parametrize("command", ["extract", "geocode"])
def test_the_command_line_reports_a_bad_line_and_codes_the_rest(tmp_path, command):
    import json

    from typer.testing import CliRunner

    from etl.cli import app

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade", "--db", db]).exit_code == 0
    with session_scope(db) as session:
        write_gazetteer(session, [row for row, _ in ROWS], {row["place_key"]: names for row, names in ROWS})
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(BAD_LINES)
    result = runner.invoke(app, [command, "-i", str(source), "-o", str(output), "--db", db])
    assert result.exit_code == 1, result.output  # done, with bad lines
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [line.get("id", line.get("line")) for line in lines] == [1, 2, 3, 4]
    assert "surrogate" in lines[1]["error"] and "not UTF-8" in lines[2]["error"]
    coded = lines[0]["events"] if command == "extract" else lines[0]["places"] + lines[3]["places"]
    assert coded  # the good lines around the bad ones were coded


def test_two_workers_recoding_the_same_article_at_once_both_succeed(db_url, registry, monkeypatch):
    """Overlapping recodes (two `reextract --all`, a DAG run beside a CLI run): both store the same
    article at the same moment. Each deleted the rows it saw and inserted the same keys, and one failed
    on the unique key; now the second writer waits for the first and replaces its rows."""
    import etl.extract_articles as step

    [article] = _articles(db_url, registry, ["قصفت الطائرات بغداد أمس وقتل خمسة مدنيين في الرمادي."])
    extractor = Extractor.for_database(db_url)
    process_pending(db_url, extractor)
    both_coded = threading.Barrier(2, timeout=20)
    real = step.code_article

    def code_article(row, extractor):
        result = real(row, extractor)
        both_coded.wait()
        return result

    monkeypatch.setattr(step, "code_article", code_article)
    results = _together(*[lambda: step.process_article(db_url, article, extractor)] * 2)
    assert [r["errors"] for r in results] == [0, 0] and results[0]["events"] == results[1]["events"] > 0
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(EventMention)) == results[0]["events"]
        assert s.scalar(select(func.count()).select_from(ArticleProcessing).where(ArticleProcessing.error.is_not(None))) == 0
