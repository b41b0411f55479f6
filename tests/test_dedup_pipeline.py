"""Dedup in the pipeline (both databases): parallel runs, the real coder with re-extraction, the CLI, the
DAG, and the configuration file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from etl.cli import app
from etl.dedup import run_dedup
from etl.dedup.config import DedupConfig, DedupConfigError, EventConfig, StoryConfig, load_config
from etl.load.db import session_scope
from etl.load.models import EventLink, EventMention, EventRow, Story, StoryArticle
from tests.test_dedup_events import NEXT_DAY, check_consistency
from tests.test_dedup_stories import OTHER, REPRINT_B, REPRINT_C, WIRE, WIRE_TITLE
from tests.test_dedup_support import D0, add_article, count, day, event, snapshot, story_partition, store_mentions

ROOT = Path(__file__).resolve().parents[1]
CITIES = ["Karrada", "Basra", "Mosul", "Baghdad"]


def four_bombings(url: str) -> list[tuple[int, int, int]]:
    """Four bombings ten days apart, each reported by a wire copy, its reprint and a next-day report."""
    found = []
    for k, city in enumerate(CITIES):
        when = D0 + timedelta(days=10 * k)
        marker = f"الحادثة رقم {k + 1}"
        wire = add_article(url, "wire-a", f"{WIRE_TITLE} {k}", f"{marker}\n{WIRE}", when)
        reprint = add_article(url, "daily-b", f"{WIRE_TITLE} {k}", f"{marker}\n{REPRINT_C}", when + timedelta(hours=1))
        later = add_article(url, "tv-c", f"حصيلة {k}", NEXT_DAY, when + timedelta(days=1))
        store_mentions(url, wire, [event(60, place=city, killed=5, day=day(10 * k))])
        store_mentions(url, reprint, [event(60, place=city, killed=5, day=day(10 * k))])
        store_mentions(url, later, [event(20, mode=None, place=city, killed=7, day=day(10 * k))])
        found.append((wire, reprint, later))
    return found


def assert_four_bombings(url: str, groups) -> None:
    assert count(url, EventRow) == 4 and count(url, EventLink) == 12
    with session_scope(url) as s:
        rows = s.execute(select(EventRow.num_articles, EventRow.num_sources, EventRow.num_stories)).all()
    assert sorted(map(tuple, rows)) == [(3, 3, 2)] * 4
    partition = story_partition(url)
    assert {frozenset({w, r}) for w, r, _ in groups} <= partition and count(url, Story) == len(partition)
    check_consistency(url)


# ------------------------------------------------------------------------------------------ concurrency

def test_parallel_runs_do_not_duplicate_stories_or_events(db_url):
    groups = four_bombings(db_url)
    small = DedupConfig(stories=StoryConfig(batch_size=2), events=EventConfig(batch_size=2))  # many transactions
    start, errors, reports = threading.Barrier(4), [], []

    def worker():
        try:
            start.wait()
            reports.append(run_dedup(db_url, small))
        except Exception as exc:  # noqa: BLE001 - any failure in a thread fails the test
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert sum(r["stories"]["articles"] for r in reports) == 12  # each article placed by exactly one worker
    assert sum(r["events"]["mentions_linked"] for r in reports) == 12
    assert sum(r["events"]["events_created"] for r in reports) == 4
    assert_four_bombings(db_url, groups)
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count(func.distinct(StoryArticle.article_id)))) == count(db_url, StoryArticle) == 12


def test_two_processes_running_marsad_dedup_at_once(db_url):
    groups = four_bombings(db_url)
    env = {**os.environ, "MARSAD_DB_URL": db_url}
    marsad = Path(sys.executable).with_name("marsad")
    procs = [subprocess.Popen([str(marsad), "dedup"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert_four_bombings(db_url, groups)
    before = snapshot(db_url)
    rerun = subprocess.run([str(marsad), "dedup"], env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0 and "0 articles placed" in rerun.stdout and "0 mentions linked" in rerun.stdout
    assert snapshot(db_url) == before


# ------------------------------------------------------------------------------------------ the real coder

@pytest.fixture
def extractor(db_url):
    from etl.extract_articles import Extractor
    from etl.extraction.pipeline import make_coder
    from etl.load.places import write_gazetteer
    from tests.geo_fixture import ROWS

    places = [dict(row) for row, _ in ROWS]
    names = {row["place_key"]: list(n) for row, n in ROWS}
    with session_scope(db_url) as s:
        write_gazetteer(s, places, names)
    return Extractor(make_coder(geocode=True, db_url=db_url))


def test_real_coder_mentions_are_linked_and_relinked_after_reextraction(db_url, extractor):
    from etl.extract_articles import process_article

    ids = [add_article(db_url, "wire-a", WIRE_TITLE, WIRE),
           add_article(db_url, "daily-b", "خمسة قتلى بتفجير سيارة مفخخة في سوق ببغداد", REPRINT_B, D0 + timedelta(hours=2)),
           add_article(db_url, "tv-c", "ارتفاع حصيلة تفجير الكرادة", NEXT_DAY, D0 + timedelta(days=1)),
           add_article(db_url, "site-d", "الأردن يستضيف مؤتمرا", OTHER)]
    for aid in ids:
        process_article(db_url, aid, extractor)
    run_dedup(db_url)
    check_consistency(db_url)
    with session_scope(db_url) as s:
        linkable = s.scalar(select(func.count()).select_from(EventMention).where(
            EventMention.happened.is_(True), EventMention.timing == "current", EventMention.event_date.is_not(None)))
        events = s.scalar(select(func.count()).select_from(EventRow))
    assert linkable > 0 and 0 < events <= linkable  # counts depend on the coder; the invariants do not
    # re-extraction deletes and re-inserts the mentions of an article: its links are orphaned, then relinked
    process_article(db_url, ids[1], extractor)
    with session_scope(db_url) as s:
        orphans = s.scalar(select(func.count()).select_from(EventLink).where(EventLink.mention_id.is_(None)))
    result = run_dedup(db_url)["events"]
    assert result["orphan_links_removed"] == orphans and result["mentions_linked"] == orphans
    check_consistency(db_url)
    before = snapshot(db_url)
    run_dedup(db_url)
    assert snapshot(db_url) == before


# ------------------------------------------------------------------------------------------ CLI, DAG, configuration

def test_dedup_command_reports_and_rebuilds(db_url):
    runner = CliRunner()
    four_bombings(db_url)
    first = runner.invoke(app, ["dedup", "--db", db_url])
    assert first.exit_code == 0, first.output
    assert "12 articles placed" in first.output and "12 mentions linked, 4 new events" in first.output
    partition = story_partition(db_url)
    rebuilt = runner.invoke(app, ["dedup", "--rebuild", "--db", db_url])
    assert rebuilt.exit_code == 0 and "12 articles placed" in rebuilt.output and "4 new events" in rebuilt.output
    assert story_partition(db_url) == partition and count(db_url, EventRow) == 4
    check_consistency(db_url)


def test_dedup_command_refuses_a_bad_configuration(sqlite_url, tmp_path, monkeypatch):
    bad = tmp_path / "dedup.yaml"
    bad.write_text("stories:\n  num_perm: 120\n  bands: 7\n", encoding="utf-8")
    monkeypatch.setenv("MARSAD_DEDUP_CONFIG", str(bad))
    result = CliRunner().invoke(app, ["dedup", "--db", sqlite_url])
    assert result.exit_code == 2 and "stories: bands (7) must divide num_perm (120)" in " ".join(result.output.split())


def test_dedup_command_needs_the_dedup_tables(tmp_path):
    from etl.load.db import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0003")
    result = CliRunner().invoke(app, ["dedup", "--db", url])
    assert result.exit_code == 2 and "marsad db upgrade" in result.output


def test_packaged_configuration_is_valid_and_equals_the_defaults():
    assert load_config(ROOT / "config" / "dedup.yaml") == DedupConfig()


@pytest.mark.parametrize("text, message", [
    ("stories: {threshold: 0}", "stories.threshold"),
    ("stories: {window_days: -1}", "stories.window_days"),
    ("events: {salience: [main, aside]}", "salience must list"),
    ("events: {max_km: {1: 25, 2: 10, 3: 150}}", "must not shrink"),
    ("events: {mode_groups: [[aerial, drone], [drone, suicide]]}", "two mode groups"),
    ("events: {generic_modes: [''], mode_groups: [['']]}", "both generic and grouped"),
    ("stories: {shingles: 3}", "stories.shingles"),
    ("events: [", "not valid YAML"),
])
def test_configuration_errors_name_the_field(tmp_path, text, message):
    path = tmp_path / "dedup.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DedupConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(path)


def test_missing_configuration_file_is_an_error(tmp_path):
    with pytest.raises(DedupConfigError, match="does not exist"):
        load_config(tmp_path / "nowhere.yaml")


@pytest.mark.airflow
def test_extraction_dag_run_deduplicates(sqlite_url, samples, monkeypatch):
    """The real DAG (dag.test) codes the sample feeds, places every article in a story and links the
    mentions; a second run, with nothing new to code, runs the dedup tasks and changes nothing."""
    from airflow.dag_processing.dagbag import DagBag

    from etl import ingest
    from etl.feeds.registry import load_registry
    from etl.load.models import Article
    from etl.load.places import write_gazetteer
    from tests.geo_fixture import ROWS

    airflow = Path(sys.executable).with_name("airflow")
    done = subprocess.run([str(airflow), "db", "migrate"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    monkeypatch.setenv("MARSAD_DB_URL", sqlite_url)
    ingest.run_ingest(sqlite_url, load_registry(ROOT / "config" / "feeds.yaml"), replay_path=str(samples))
    with session_scope(sqlite_url) as s:
        write_gazetteer(s, [dict(row) for row, _ in ROWS], {row["place_key"]: list(n) for row, n in ROWS})
    dag = DagBag(dag_folder=str(ROOT / "dags")).get_dag("marsad_extract")
    assert dag.test().state == "success"
    assert count(sqlite_url, StoryArticle) == count(sqlite_url, Article) == 6
    check_consistency(sqlite_url)
    before = snapshot(sqlite_url)
    again = dag.test()
    assert again.state == "success"
    states = {ti.task_id: ti.state for ti in again.get_task_instances()}
    assert states["link_events"] == "success" and states["plan_stories"] == "success"
    assert snapshot(sqlite_url) == before


def test_extraction_dag_runs_dedup_after_coding():
    sys.path.insert(0, str(ROOT / "dags"))
    import marsad_extract

    dag = marsad_extract.marsad_extract()
    up = {t.task_id: set(t.upstream_task_ids) for t in dag.tasks}
    assert up["plan_stories"] == {"code"} and up["dedup_stories"] == {"plan_stories"}
    assert up["link_events"] == {"dedup_stories"} and up["summarize"] == {"code", "link_events"}
    assert dag.get_task("plan_stories").trigger_rule == "none_failed"
    assert dag.get_task("link_events").trigger_rule == "none_failed"
    assert dag.get_task("dedup_stories").max_active_tis_per_dagrun == 2
