"""The `marsad` command line: the same functions the Airflow DAGs call, run in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from etl import config
from etl.text.arabic import has_lone_surrogate

app = typer.Typer(help="Marsad: Arabic news feeds to an events database.", no_args_is_help=True)
db_app = typer.Typer(help="The events database: migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")
gaz_app = typer.Typer(help="The gazetteer: places and their Arabic names.", no_args_is_help=True)
app.add_typer(gaz_app, name="gazetteer")
console = Console(width=None if Console().is_terminal else 120)  # logs and pipes get full tables

DbOption = typer.Option(None, "--db", envvar="MARSAD_DB_URL", help="Events database URL (default: SQLite in the data directory).")


def _fail(message: str) -> None:
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code=2)


@db_app.command("upgrade")
def db_upgrade(db: Optional[str] = DbOption, revision: str = typer.Argument("head")) -> None:
    """Apply the schema migrations."""
    from etl.load.db import current_revision, upgrade

    url = db or config.db_url()
    upgrade(url, revision)
    console.print(f"events database at revision [bold]{current_revision(url)}[/] ({_redact(url)})")


@db_app.command("current")
def db_current(db: Optional[str] = DbOption) -> None:
    """Show the schema revision of the events database."""
    from etl.load.db import current_revision

    console.print(current_revision(db or config.db_url()) or "(empty database: run `marsad db upgrade`)")


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _load_registry(path: Optional[Path]):
    from etl.feeds.registry import RegistryError, load_registry

    try:
        return load_registry(path)
    except RegistryError as exc:
        _fail(str(exc))


def _ingest(db: Optional[str], sources: list[str], replay: Optional[Path], force: bool, pages: bool,
            registry_path: Optional[Path]) -> dict:
    from etl.ingest import run_ingest
    from etl.load.db import current_revision

    url = db or config.db_url()
    if current_revision(url) is None:
        _fail(f"the events database {_redact(url)} has no schema: run `marsad db upgrade` first")
    registry = _load_registry(registry_path)
    if replay is not None and not replay.exists():
        _fail(f"replay path {replay} does not exist")
    with Progress(TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        job = bar.add_task("planning", total=None)

        def progress(result: dict, total: int) -> None:
            bar.update(job, total=total)
            if result:
                bar.update(job, advance=1, description=f"{result['source_id']}: +{result['articles_new']} new")

        try:
            summary = run_ingest(url, registry, sources or None, str(replay) if replay else None, force, pages,
                                 progress=progress)
        except KeyError as exc:
            _fail(str(exc.args[0]))
    _print_summary(summary)
    return summary


def _print_summary(summary: dict) -> None:
    table = Table(title=f"ingest run {summary['status']}", caption=f"run id {summary['run_id']}", show_header=False)
    for key in ("sources_count", "fetches_count", "fetch_errors", "items_seen", "articles_new",
                "articles_updated", "articles_unchanged", "rejections"):
        table.add_row(key.replace("_", " "), str(summary[key]))
    for skipped in summary.get("deferred", []):
        table.add_row("deferred", f"{skipped['source_id']}: {skipped['reason']} until {skipped['until']}")
    console.print(table)


@app.command()
def ingest(
    source: list[str] = typer.Option([], "--source", "-s", help="Only these source ids (repeatable)."),
    replay: Optional[Path] = typer.Option(None, help="Replay a directory of feed files or an articles JSONL instead of fetching."),
    force: bool = typer.Option(False, help="Fetch even when a source's poll interval has not passed."),
    pages: bool = typer.Option(True, help="Fetch article pages for summary-only items (live mode)."),
    registry: Optional[Path] = typer.Option(None, envvar="MARSAD_FEEDS", help="Feed registry YAML."),
    db: Optional[str] = DbOption,
) -> None:
    """Fetch (or replay) the registry's feeds and store articles and rejections."""
    _ingest(db, source, replay, force, pages, registry)


@app.command()
def run(
    replay: Optional[Path] = typer.Option(None, help="Replay a directory of feed files or an articles JSONL."),
    registry: Optional[Path] = typer.Option(None, envvar="MARSAD_FEEDS", help="Feed registry YAML."),
    db: Optional[str] = DbOption,
) -> None:
    """The whole pipeline in-process (the same functions as the DAGs): migrate, ingest, extract, deduplicate,
    report."""
    from etl.load.db import upgrade

    url = db or config.db_url()
    upgrade(url)
    _ingest(db, [], replay, False, True, registry)
    _extract(url, force=False)
    _dedup(url)
    stats(db)


def _dedup(url: str, rebuild: bool = False, stories: bool = True, events: bool = True) -> dict:
    """Stories of near-duplicate articles, then canonical events (etl.dedup), with a one-line report each."""
    from etl.dedup import run_dedup
    from etl.dedup.config import DedupConfigError, current, config_path

    try:
        cfg = current()
    except DedupConfigError as exc:
        _fail(str(exc))
    if rebuild:
        from etl.dedup import linking, stories as story_step

        if stories:  # events are recounted as their articles get their stories again
            story_step.rebuild(url)
        if events:
            linking.rebuild(url)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task("stories: articles" if step == "stories" else "events: mentions", total=total)
            bar.update(tasks[step], completed=done)

        report = run_dedup(url, cfg, stories=stories, events=events, progress=progress)
    if "stories" in report:
        r = report["stories"]
        console.print(f"stories: {r['articles']} articles placed, {r['stories_created']} new stories, "
                      f"{r['stories_merged']} merged, {r['near_duplicates']} near-duplicate pairs "
                      f"({r['seconds']} s; {config_path().name})")
    if "events" in report:
        r = report["events"]
        console.print(f"events: {r['mentions_linked']} mentions linked, {r['events_created']} new events, "
                      f"{r['events_updated']} updated, {r['events_merged']} merged into another, "
                      f"{r['orphan_links_removed']} re-extracted links dropped, "
                      f"{r['events_deleted']} emptied events deleted ({r['seconds']} s)")
    return report


@app.command()
def dedup(
    rebuild: bool = typer.Option(False, help="Forget stories and events and compute them again from scratch "
                                             "(after changing the thresholds in config/dedup.yaml)."),
    stories: bool = typer.Option(True, help="Group near-duplicate articles into stories."),
    events: bool = typer.Option(True, help="Link event mentions into canonical events."),
    db: Optional[str] = DbOption,
) -> None:
    """Deduplicate: near-duplicate articles into stories, event mentions into canonical events."""
    url = db or config.db_url()
    _require_schema(url, "0004")  # 0004 adds the dedup tables
    _dedup(url, rebuild=rebuild, stories=stories, events=events)


def _extract(url: str, force: bool) -> dict:
    """Geocode and code the pending articles (all of them with `force`), with a progress bar."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from etl.extract_articles import Extractor, articles_to_code, process_batch, BATCH

    with console.status("loading the gazetteer and the dictionaries ..."):
        extractor = Extractor.for_database(url)
    pending = articles_to_code(url, extractor, everything=force)
    totals = {"articles": 0, "places": 0, "events": 0, "errors": 0}
    with Progress(TextColumn("coding articles"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as progress:
        bar = progress.add_task("extract", total=len(pending))
        for start in range(0, len(pending), BATCH):
            batch = pending[start:start + BATCH]
            result = process_batch(url, batch, extractor)
            for key in totals:
                totals[key] += result[key]
            progress.advance(bar, len(batch))
    console.print(f"coded {totals['articles']} articles: {totals['places']} place mentions, "
                  f"{totals['events']} event mentions (coder {extractor.coder.version})")
    if totals["errors"]:
        console.print(f"[yellow]{totals['errors']} articles could not be coded[/]: their errors are in "
                      "article_processing.error (`marsad stats` counts them); the others were coded")
    return totals


@app.command()
def reextract(
    all_articles: bool = typer.Option(False, "--all", help="Recode every article, not only those an older "
                                                            "coder or gazetteer version processed."),
    db: Optional[str] = DbOption,
) -> None:
    """Recode stored articles after the dictionaries or the gazetteer changed (one transaction per article)."""
    url = db or config.db_url()
    _require_schema(url)
    _extract(url, force=all_articles)


def _map_jsonl(input: Path, output: Path, handle) -> tuple[int, int]:
    """Each JSON object line of `input` with a string "text" -> `handle(record)`, written to `output` as a
    line; a bad line (not UTF-8, not JSON, no text, a lone surrogate, or an error from `handle`) is reported
    and written as {"line", "error"}, and the lines after it are still done: nothing is dropped silently.
    Returns (lines done, bad lines)."""
    import json

    done = errors = 0
    with input.open("rb") as source, output.open("w", encoding="utf-8") as sink:
        for number, raw in enumerate(source, 1):
            if not raw.strip():
                continue
            try:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('each line must be a JSON object with a string "text"')
                if any(isinstance(v, str) and has_lone_surrogate(v) for v in record.values()):
                    raise ValueError("a string holds a lone UTF-16 surrogate (an escape such as \\ud800 "
                                     "with no pair), which is no character")
                out = json.dumps(handle(record), ensure_ascii=False)
            except Exception as exc:  # noqa: BLE001 - one bad line is one error line, never the end of the file
                errors += 1
                message = str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}"
                console.print(f"[yellow]line {number}:[/] {message}", markup=True, highlight=False)
                sink.write(json.dumps({"line": number, "error": message}, ensure_ascii=True) + "\n")
                continue
            sink.write(out + "\n")
            done += 1
    return done, errors


@app.command()
def extract(input: Path = typer.Option(..., "--input", "-i", help='JSONL, one {"id", "text", "title"?, "published"?} per line'),
            output: Path = typer.Option(..., "--output", "-o", help='JSONL, one {"id", "events": [...]} per line'),
            db: Optional[str] = DbOption) -> None:
    """Code the events of each input text (the events database's gazetteer when it has one, else the
    packaged one)."""
    from etl.extract_articles import clip_text
    from etl.extraction.pipeline import make_coder, parse_published

    if not input.exists():
        _fail(f"input file {input} does not exist")
    url = db or config.db_url()
    with console.status("loading the gazetteer and the dictionaries ..."):
        coder = make_coder(geocode=True, db_url=url if _has_gazetteer(url) else None)
    events = 0

    def code(record: dict) -> dict:
        nonlocal events
        if record.get("title") is not None and not isinstance(record["title"], str):
            raise ValueError('"title" must be a string')
        published = parse_published(record.get("published"))
        text, truncated_at = clip_text(record["text"])
        found = [e.as_dict() for e in coder.code(text, title=record.get("title"), published=published)]
        events += len(found)
        return {"id": record.get("id"), "events": found, "coder_version": coder.version} | (
            {"truncated_at": truncated_at} if truncated_at is not None else {})

    done, errors = _map_jsonl(input, output, code)
    console.print(f"coded {done} texts into {output}: {events} events"
                  + (f"; {errors} bad lines (recorded in the output)" if errors else ""))
    if errors:
        raise typer.Exit(code=1)


def _has_gazetteer(url: str) -> bool:
    from sqlalchemy import select

    from etl.load.db import current_revision, session_scope
    from etl.load.models import Place

    if url.startswith("sqlite") and not Path(url.split("///", 1)[-1]).exists():
        return False  # do not create an empty database file just to look
    try:
        if current_revision(url) is None:
            return False
        with session_scope(url) as session:
            return session.scalar(select(Place.id).limit(1)) is not None
    except Exception:  # no database file, unreachable server: code with the packaged gazetteer
        return False


@app.command()
def stats(db: Optional[str] = DbOption) -> None:
    """What the events database holds: sources, articles, rejections, the last runs."""
    from etl.report import database_stats

    url = db or config.db_url()
    _require_schema(url)
    report = database_stats(url)
    table = Table(title=f"Marsad events database ({_redact(url)})")
    for column in ("source", "articles", "first", "last", "fetches", "errors", "rejected"):
        table.add_column(column, justify="left" if column in ("source", "first", "last") else "right", no_wrap=True)
    for row in report["sources"]:
        table.add_row(row["id"], str(row["articles"]), row["first"] or "-", row["last"] or "-",
                      str(row["fetches"]), str(row["fetch_errors"]), str(row["rejections"]))
    console.print(table)
    console.print(f"[bold]{report['articles']}[/] articles from [bold]{report['sources_with_articles']}[/] sources; "
                  f"[bold]{report['rejections']}[/] rejections; {report['runs']} runs")
    if report["articles_failed"] or report["articles_truncated"]:
        console.print(f"{report['articles_failed']} articles failed to code (article_processing.error), "
                      f"{report['articles_truncated']} coded in part only (over-long text: "
                      "article_processing.truncated_at)")
    if report["event_mentions"]:
        console.print(f"[bold]{report['articles_coded']}[/] articles coded: [bold]{report['event_mentions']}[/] "
                      "event mentions")
        events = Table(title="events reported (happened, news of their day), by PLOVER type")
        for column in ("type", "mentions", "deduplicated events", "fatalities (events, sum of best)"):
            events.add_column(column, justify="left" if column == "type" else "right")
        for event_type, mentions, deduplicated, fatalities in report["events_by_type"]:
            events.add_row(event_type, str(mentions), str(deduplicated), str(fatalities or 0))
        console.print(events)
    if report["stories"]:
        console.print(f"deduplicated: [bold]{report['stories']}[/] stories ({report['stories_multi_outlet']} across "
                      f"outlets); [bold]{report['events']}[/] events ({report['events_multi_source']} reported by "
                      "several outlets)")
    if report["rejections_by_reason"]:
        reasons = Table(title="rejections by stage and reason")
        for column in ("stage", "reason", "count"):
            reasons.add_column(column)
        for stage, reason, count in report["rejections_by_reason"]:
            reasons.add_row(stage, reason, str(count))
        console.print(reasons)


def _require_schema(url: str, revision: str | None = None) -> None:
    """Stop with one clear line when the events database is not there, cannot be reached, has no schema or
    an older one than `revision` - before anything creates an empty SQLite file or prints a traceback."""
    from sqlalchemy.exc import OperationalError

    from etl.load.db import current_revision

    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not Path(path).exists():
            _fail(f"there is no events database at {path}: run `marsad db upgrade` (or `marsad run`) first")
    try:
        found = current_revision(url)
    except OperationalError as exc:
        _fail(f"cannot reach the events database {_redact(url)}: {_first_line(exc)}")
    if found is None:
        _fail(f"the events database {_redact(url)} has no schema: run `marsad db upgrade` first")
    if revision and found < revision:  # revisions are zero-padded numbers
        _fail(f"the events database {_redact(url)} is at revision {found}, older than this command needs "
              f"({revision}): run `marsad db upgrade` first")


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def main() -> None:
    """The `marsad` command: a database that cannot be reached is one line, not a traceback."""
    from sqlalchemy.exc import OperationalError

    try:
        app()
    except OperationalError as exc:
        console.print(f"[bold red]error:[/] the events database cannot be reached or used: {_first_line(exc)}",
                      highlight=False)
        raise SystemExit(2) from None


@gaz_app.command("build")
def gazetteer_build(db: Optional[str] = DbOption) -> None:
    """Build the gazetteer from the packaged data (GeoNames cities, countries, governorates, supplement)."""
    import time
    from collections import Counter

    from etl.geo.gazetteer import build_rows
    from etl.load.db import session_scope
    from etl.load.places import write_gazetteer

    url = db or config.db_url()
    _require_schema(url)
    started = time.perf_counter()
    with console.status("building the gazetteer ..."):
        places, names = build_rows()
        with session_scope(url) as session:
            write_gazetteer(session, places, names)
    by_source = Counter(p["source"] for p in places)
    console.print(f"gazetteer: {len(places)} places, {sum(len(v) for v in names.values())} Arabic names "
                  f"({', '.join(f'{k} {v}' for k, v in sorted(by_source.items()))}) in {time.perf_counter() - started:.1f} s")


@gaz_app.command("load-geonames")
def gazetteer_load_geonames(files: list[Path] = typer.Argument(..., help="GeoNames country dumps (XX.txt / XX.zip) and alternateNamesV2.txt/.zip"),
                            db: Optional[str] = DbOption) -> None:
    """Add the full GeoNames dumps (places with an Arabic name) to the gazetteer."""
    import zipfile

    from etl.geo.geonames_dump import GeoNamesFormatError, read_dumps
    from etl.load.db import session_scope
    from etl.load.places import write_gazetteer

    url = db or config.db_url()
    _require_schema(url)
    try:
        places, names = read_dumps(files)
    except (FileNotFoundError, GeoNamesFormatError, zipfile.BadZipFile) as exc:
        _fail(str(exc))
    with session_scope(url) as session:
        write_gazetteer(session, places, names)
    console.print(f"loaded {len(places)} places with Arabic names from {len(files)} GeoNames files")


@app.command()
def geocode(input: Path = typer.Option(..., "--input", "-i", help="JSONL, one {\"id\", \"text\"} per line"),
            output: Path = typer.Option(..., "--output", "-o", help="JSONL, one {\"id\", \"places\"} per line"),
            db: Optional[str] = DbOption) -> None:
    """Find and place the Arabic place names of each input text."""
    from etl.extract_articles import clip_text
    from etl.geo.gazetteer import Gazetteer
    from etl.geo.geocoder import Geocoder

    url = db or config.db_url()
    _require_schema(url)
    if not input.exists():
        _fail(f"input file {input} does not exist")
    try:
        geocoder = Geocoder(Gazetteer.from_db(url))
    except LookupError as exc:
        _fail(str(exc))
    def places(record: dict) -> dict:
        text, truncated_at = clip_text(record["text"])
        return {"id": record.get("id"), "places": [m.as_dict() for m in geocoder.geocode(text)]} | (
            {"truncated_at": truncated_at} if truncated_at is not None else {})

    done, errors = _map_jsonl(input, output, places)
    console.print(f"geocoded {done} texts into {output}" + (f"; {errors} bad lines (recorded in the output)" if errors else ""))
    if errors:
        raise typer.Exit(code=1)


# ------------------------------------------------------------------------------------------ for analysts

SinceOption = typer.Option(None, "--since", help="Events on or after this day (YYYY-MM-DD).")
UntilOption = typer.Option(None, "--until", help="Events on or before this day (YYYY-MM-DD).")
CountryOption = typer.Option([], "--country", "-c", help="ISO alpha-2 country of the event (repeat for several).")
TypeOption = typer.Option([], "--type", "-t", help="PLOVER type (ASSAULT) or ACLED event type (Battles); repeat for several.")
SourceOption = typer.Option([], "--source", "-s", help="Source id (see `marsad sources`): events it reported; repeat for several.")


def _analyst_request(db: Optional[str], since: Optional[str], until: Optional[str], country: list[str],
                     type_: list[str], source: list[str]):
    """(database URL, selection) of an export, map or chart: the database checked to have the analysts' views
    (revision 0007), the selection checked."""
    url = db or config.db_url()
    _require_schema(url, "0007")
    return url, _selection(since, until, country, type_, source)


def _selection(since: Optional[str], until: Optional[str], country: list[str], type_: list[str], source: list[str]):
    from datetime import date

    from etl.publish.filters import EventFilter

    def day(value: Optional[str], option: str):
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            _fail(f"{option} {value!r} is not a day written YYYY-MM-DD")

    try:
        return EventFilter(day(since, "--since"), day(until, "--until"), tuple(c.upper() for c in country),
                           tuple(type_), tuple(source))
    except ValueError as exc:
        _fail(str(exc))


@app.command()
def export(
    table: str = typer.Argument(..., help="acled (ACLED-shaped rows), events (with their mentions nested in Parquet "
                                         "and GeoJSON) or mentions (the evidence, one row per mention)."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write; its suffix (.csv, .parquet, .geojson) "
                                                            "gives the format unless --format does."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="csv, parquet or geojson."),
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption, country: list[str] = CountryOption,
    type_: list[str] = TypeOption, source: list[str] = SourceOption, db: Optional[str] = DbOption,
) -> None:
    """Export events to CSV, Parquet or GeoJSON, streamed in batches (memory stays flat)."""
    from etl.publish.export import FORMATS, export as write

    fmt = fmt or output.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        _fail(f"cannot tell the format from {output.name!r}: give --format {' | '.join(FORMATS)}")
    url, selection = _analyst_request(db, since, until, country, type_, source)
    try:
        with console.status(f"exporting {table} ({selection.describe()}) ..."):
            result = write(url, table, fmt, output, selection)
    except ValueError as exc:
        _fail(str(exc))
    nested = f" with {result.mentions} mentions" if result.mentions else ""
    console.print(f"wrote {result.rows} rows{nested} to {output} ({fmt}; {selection.describe()})")


@app.command("map")
def map_(
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (self-contained, works offline)."),
    limit: int = typer.Option(20000, help="At most this many events (the newest)."),
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption, country: list[str] = CountryOption,
    type_: list[str] = TypeOption, source: list[str] = SourceOption, db: Optional[str] = DbOption,
) -> None:
    """A map of the events as one HTML file: clustered markers coloured by type, each with its evidence."""
    from etl.publish.maps import write_map

    url, selection = _analyst_request(db, since, until, country, type_, source)
    try:
        drawn = write_map(url, output, selection, limit=limit)
    except (ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    console.print(f"drew {drawn} events on {output} ({selection.describe()})")


@app.command()
def chart(
    output: Path = typer.Option(..., "--output", "-o", help="The PNG file to write."),
    top: int = typer.Option(6, help="Countries drawn one by one (by number of events); the rest as other."),
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption, country: list[str] = CountryOption,
    type_: list[str] = TypeOption, source: list[str] = SourceOption, db: Optional[str] = DbOption,
) -> None:
    """Events and fatalities per week by country, as a PNG chart."""
    from etl.publish.charts import write_weekly_chart

    url, selection = _analyst_request(db, since, until, country, type_, source)
    try:
        figures = write_weekly_chart(url, output, selection, top=top)
    except ValueError as exc:
        _fail(str(exc))
    console.print(f"drew {len(figures['weeks'])} weeks on {output} ({selection.describe()})")


@app.command()
def dictionary(
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the data dictionary as Markdown here "
                                                                       "(default: print it)."),
    check: bool = typer.Option(False, help="Compare the dictionary with the events database: exit 1 when a column "
                                           "has no entry or a stored code is in no code list."),
    db: Optional[str] = DbOption,
) -> None:
    """The data dictionary: every table, view and column, its unit and code list (schema/dictionary.yaml)."""
    from etl.load.data_dictionary import render_markdown, uncoded_values, undocumented

    if check:
        from etl.load.db import engine_for, session_scope

        url = db or config.db_url()
        _require_schema(url, "0007")
        problems = undocumented(engine_for(url))
        with session_scope(url) as session:
            uncoded = uncoded_values(session)
        if uncoded:
            problems["not in its code list"] = uncoded
        for kind, items in problems.items():
            console.print(f"[bold red]{kind}:[/] {', '.join(items)}", highlight=False)
        if problems:
            raise typer.Exit(code=1)
        console.print(f"every column of {_redact(url)} has an entry, and every stored code is in its list")
        return
    document = render_markdown()
    if output:
        output.write_text(document, encoding="utf-8")
        console.print(f"wrote the data dictionary to {output}")
    else:
        print(document, end="")


@app.command()
def sources(registry: Optional[Path] = typer.Option(None, envvar="MARSAD_FEEDS", help="Feed registry YAML.")) -> None:
    """Validate and list the feed registry."""
    reg = _load_registry(registry)
    table = Table(title=f"feed registry ({len(reg.sources)} sources, digest {reg.digest})")
    for column in ("id", "outlet", "lang", "country", "active", "poll (min)", "feed URL"):
        table.add_column(column)
    for s in reg.sources:
        table.add_row(s.id, f"{s.outlet} / {s.outlet_ar or ''}", s.language, s.country, "yes" if s.active else "no",
                      str(s.poll_interval_minutes), s.feed_url)
    console.print(table)


if __name__ == "__main__":
    app()
