"""A weekly chart of the selected events: events per ISO week and fatalities per week, one line per country for
the countries with the most events, one for the other countries, and one for events with no country (events
with no place: a large share of news events, which would swamp "other"). Weeks are counted in Python from the
event dates, so the figures are the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import cycle
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from sqlalchemy import select

from etl.load.db import engine_for
from etl.load.models import EventRow
from etl.publish.filters import EventFilter

OTHER = "other"  # the countries below the top
NO_COUNTRY = "no country"
GREYS = {OTHER: ("#8c8c8c", "-"), NO_COUNTRY: ("#444444", ":")}
# tab10 less its grey, which marks OTHER
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
BATCH = 5000


def week_of(day: date) -> date:
    """The Monday of the ISO week `day` is in."""
    return day - timedelta(days=day.weekday())


def _tallies(db_url: str, selection: EventFilter) -> tuple[Counter, Counter]:
    """Events and fatalities (fatalities_best, none counted as 0) per (week, country), from streamed rows."""
    query = selection.apply(select(EventRow.event_date, EventRow.country_name, EventRow.country_code,
                                   EventRow.fatalities_best).where(EventRow.event_date.is_not(None)))
    events: Counter = Counter()
    deaths: Counter = Counter()
    with engine_for(db_url).connect() as conn:
        for day, name, code, killed in conn.execution_options(stream_results=True, yield_per=BATCH).execute(query):
            key = (week_of(day), name or code or NO_COUNTRY)
            events[key] += 1
            deaths[key] += killed or 0
    return events, deaths


def weekly_figures(events: Counter, deaths: Counter, top: int) -> dict:
    """{"weeks": every Monday from the first week to the last, "countries": {name: {"events": [...],
    "fatalities": [...]}}}: the `top` countries by events (ties by name), then OTHER and NO_COUNTRY when they
    have events."""
    by_country: Counter = Counter()
    for (_, country), n in events.items():
        if country != NO_COUNTRY:
            by_country[country] += n
    ranked = sorted(by_country, key=lambda c: (-by_country[c], c))
    shown = {*ranked[:top], NO_COUNTRY}
    first, last = min(w for w, _ in events), max(w for w, _ in events)
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    index = {week: i for i, week in enumerate(weeks)}
    series: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"events": [0] * len(weeks),
                                                                  "fatalities": [0] * len(weeks)})
    for (week, country), n in events.items():
        line = series[country if country in shown else OTHER]
        line["events"][index[week]] += n
        line["fatalities"][index[week]] += deaths[(week, country)]
    order = [*ranked[:top], *(c for c in (OTHER, NO_COUNTRY) if c in series)]
    return {"weeks": weeks, "countries": {c: series[c] for c in order}}


def _draw(figures: dict, path: Path, selection: EventFilter) -> None:
    # the object API with its own Agg canvas: no pyplot state, no global backend switch in the caller's process
    figure = Figure(figsize=(11, 7), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    events_ax, deaths_ax = figure.subplots(2, 1, sharex=True)
    colours = cycle(COLOURS)
    weeks = figures["weeks"]
    for country, line in figures["countries"].items():
        colour, dashes = GREYS.get(country) or (next(colours), "-")
        style = {"color": colour, "linestyle": dashes, "marker": "o", "markersize": 3, "linewidth": 1.4,
                 "label": country}
        events_ax.plot(weeks, line["events"], **style)
        deaths_ax.plot(weeks, line["fatalities"], **style)
    total = sum(sum(line["events"]) for line in figures["countries"].values())
    events_ax.set_title(f"Marsad events per ISO week: {selection.describe()} ({total:,} dated events)", loc="left")
    events_ax.set_ylabel("events")
    deaths_ax.set_ylabel("fatalities (best estimate)")
    deaths_ax.set_xlabel("week (starting Monday)")
    locator = AutoDateLocator()
    deaths_ax.xaxis.set_major_locator(locator)
    deaths_ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    for ax in (events_ax, deaths_ax):
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
    events_ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="country")
    figure.savefig(path, format="png")


def write_weekly_chart(db_url: str, path: Path, selection: EventFilter, top: int = 6) -> dict:
    """Write the weekly chart of the selected events to `path` (PNG); returns the figures drawn (see
    `weekly_figures`)."""
    if top < 1:
        raise ValueError(f"top {top}: show at least one country")
    events, deaths = _tallies(db_url, selection)
    if not events:
        raise ValueError(f"no dated events in the selection ({selection.describe()}): nothing to chart")
    figures = weekly_figures(events, deaths, top)
    path.parent.mkdir(parents=True, exist_ok=True)
    _draw(figures, path, selection)
    return figures
