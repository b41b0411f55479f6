"""The `marsad` command line, run in-process."""

from __future__ import annotations

from typer.testing import CliRunner

from etl.cli import app

runner = CliRunner()


def invoke(*args, db: str):
    return runner.invoke(app, [*args, "--db", db])


def test_upgrade_ingest_stats(tmp_path, samples):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    refused = invoke("ingest", "--replay", str(samples), db=db)
    assert refused.exit_code == 2 and "marsad db upgrade" in refused.output
    upgraded = invoke("db", "upgrade", db=db)
    assert upgraded.exit_code == 0 and "at revision" in upgraded.output
    ingested = invoke("ingest", "--replay", str(samples), db=db)
    assert ingested.exit_code == 0, ingested.output
    assert "articles new" in ingested.output and "│ 6" in ingested.output
    stats = invoke("stats", db=db)
    assert stats.exit_code == 0
    assert "6 articles from 3 sources; 2 rejections; 1 runs" in stats.output
    assert "not_arabic" in stats.output and "no_url" in stats.output


def test_bad_arguments_are_clear_errors(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    invoke("db", "upgrade", db=db)
    missing = invoke("ingest", "--replay", str(tmp_path / "nowhere"), db=db)
    assert missing.exit_code == 2 and "does not exist" in missing.output
    unknown = invoke("ingest", "--source", "nope", db=db)
    assert unknown.exit_code == 2 and "no source 'nope'" in unknown.output
    bad_registry = tmp_path / "feeds.yaml"
    bad_registry.write_text("sources:\n  - {id: x}\n", encoding="utf-8")
    invalid = runner.invoke(app, ["sources", "--registry", str(bad_registry)])
    assert invalid.exit_code == 2 and "invalid registry" in invalid.output


def test_sources_lists_the_registry():
    listed = runner.invoke(app, ["sources"])
    assert listed.exit_code == 0 and "bbc-arabic" in listed.output and "sources, digest" in listed.output


def test_extract_codes_jsonl_and_reports_bad_lines(tmp_path):
    import json

    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": "a", "text": "قصفت الطائرات الإسرائيلية مواقع لحزب الله أمس", "published": "2024-01-24"},
                   ensure_ascii=False),
        json.dumps({"id": "b", "text": "الطقس معتدل اليوم"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c", "text": "تظاهر المئات", "published": "yesterday"}),
    ]), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    db = f"sqlite:///{tmp_path / 'none.db'}"  # no database: the packaged gazetteer is used
    result = invoke("extract", "--input", str(source), "--output", str(target), db=db)
    assert result.exit_code == 1, result.output  # two bad lines, reported, the rest coded
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    by_id = {line.get("id"): line for line in lines if "id" in line}
    [strike] = [e for e in by_id["a"]["events"] if e["event_type"] == "ASSAULT"]
    assert strike["actor"]["country"] == "ISR" and strike["recipient"]["id"] == "org:hezbollah"
    assert strike["date"] == "2024-01-23" and strike["modality"] == "asserted"  # أمس
    assert by_id["b"]["events"] == []
    errors = [line for line in lines if "error" in line]
    assert [e["line"] for e in errors] == [3, 4] and "ISO 8601" in errors[1]["error"]
    assert not (tmp_path / "none.db").exists()


def test_reextract_after_ingest(tmp_path, samples):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    invoke("db", "upgrade", db=db)
    invoke("ingest", "--replay", str(samples), db=db)
    from etl.load.db import session_scope
    from etl.load.models import Place

    from etl.load.places import write_gazetteer
    from tests.geo_fixture import ROWS

    with session_scope(db) as session:
        write_gazetteer(session, [row for row, _ in ROWS], {row["place_key"]: names for row, names in ROWS})
        assert session.query(Place).count() == len(ROWS)
    first = invoke("reextract", db=db)
    assert first.exit_code == 0, first.output
    assert "coded 6 articles" in first.output
    again = invoke("reextract", db=db)
    assert "coded 0 articles" in again.output
    forced = invoke("reextract", "--all", db=db)
    assert "coded 6 articles" in forced.output
    # the statistics show the events found, by type, with their deduplicated counts
    invoke("dedup", db=db)
    stats = invoke("stats", db=db)
    assert stats.exit_code == 0 and "by PLOVER type" in stats.output and "ASSAULT" in stats.output
