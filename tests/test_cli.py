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
