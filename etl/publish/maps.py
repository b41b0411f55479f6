"""An offline map of the selected events: one self-contained HTML file (Leaflet and Leaflet.markercluster
inlined, Natural Earth country outlines as the base layer, no tile server), with clustered markers coloured by
PLOVER event type, a legend, and a popup per event with its evidence and the articles that report it.

Leaflet is not in the repository: `deploy/web-assets.sh` puts it in $MARSAD_WEB_ASSETS, else
<sys.prefix>/share/marsad/web, and the map inlines it from there.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator, TextIO

from sqlalchemy import Connection, Row, Select, func, select
from sqlalchemy.orm import aliased

from etl.load.db import engine_for
from etl.load.dedup import chunked
from etl.load.models import ActorRow, Article, EventLink, EventRow, Source
from etl.publish.filters import EventFilter

ASSETS_ENV = "MARSAD_WEB_ASSETS"
ASSETS_SCRIPT = "deploy/web-assets.sh"
STYLES = ("leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css")
SCRIPTS = {"leaflet.js": "leaflet.LICENSE", "leaflet.markercluster.js": "leaflet.markercluster.LICENSE"}
COUNTRIES = Path(__file__).resolve().parent / "data" / "countries.geojson"

# PLOVER's event types, warm for force, purple for street action, brown and pink for verbal conflict,
# blue and green for cooperation; anything else is grey.
COLOURS = {
    "ASSAULT": "#d62728", "COERCE": "#ff7f0e", "THREATEN": "#ffbb78", "SANCTION": "#8c564b",
    "PROTEST": "#9467bd", "MOBILIZE": "#e377c2",
    "ACCUSE": "#c49c94", "REJECT": "#f7b6d2", "REQUEST": "#17becf",
    "CONSULT": "#1f77b4", "AGREE": "#2ca02c", "COOPERATE": "#98df8a", "SUPPORT": "#aec7e8",
    "AID": "#bcbd22", "CONCEDE": "#dbdb8d", "RETREAT": "#9edae5",
}
OTHER_COLOUR = "#7f7f7f"
MAX_LINKS = 5
BATCH = 500  # events whose article links are read in one query

_ACTOR, _RECIPIENT = aliased(ActorRow), aliased(ActorRow)


def colour(event_type: str | None) -> str:
    return COLOURS.get(event_type or "", OTHER_COLOUR)


# ------------------------------------------------------------------------------------------ assets

def assets_dir() -> Path:
    configured = os.environ.get(ASSETS_ENV)
    return Path(configured) if configured else Path(sys.prefix) / "share" / "marsad" / "web"


def _inline_assets(folder: Path) -> tuple[str, list[str]]:
    """(CSS, JavaScript) of Leaflet and its cluster plugin, each script under its licence notice (their
    licences ask for the notice wherever the code is redistributed, as here)."""
    needed = [*STYLES, *SCRIPTS, *SCRIPTS.values()]
    missing = [name for name in needed if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"the map's web assets are missing from {folder} ({', '.join(missing)}): "
                                f"run `{ASSETS_SCRIPT} {folder}` (or point ${ASSETS_ENV} at a folder that has them)")
    css = "\n".join(_read(folder / name) for name in STYLES)
    scripts = []
    for name, licence in SCRIPTS.items():
        notice = _read(folder / licence).replace("*/", "* /")
        code = re.sub(r"^//# sourceMappingURL=.*$", "", _read(folder / name), flags=re.MULTILINE)  # no .map here
        scripts.append(f"/*! {name}\n{notice}*/\n{code}")
    return css, scripts


def _read(path: Path) -> str:
    # a literal "</script" or "</style" would end the element it is inlined in
    return re.sub(r"</(script|style)", r"<\\/\1", path.read_text(encoding="utf-8"), flags=re.IGNORECASE)


def script_json(value) -> str:
    """JSON to sit inside <script type="application/json">: no "<", ">" or "&" appears raw, so no "</script>"
    or "<!--" in the data can end the element; JSON.parse reads the escapes back."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ------------------------------------------------------------------------------------------ reading

def _events_query(selection: EventFilter, limit: int) -> Select:
    query = (select(EventRow.id, EventRow.latitude, EventRow.longitude, EventRow.event_type,
                    EventRow.acled_sub_event_type, EventRow.event_date, EventRow.place_name,
                    EventRow.country_name, EventRow.country_code,
                    _ACTOR.name_en.label("actor"), _RECIPIENT.name_en.label("recipient"),
                    EventRow.fatalities_best, EventRow.num_sources, EventRow.evidence)
             .outerjoin(_ACTOR, _ACTOR.id == EventRow.actor_id)
             .outerjoin(_RECIPIENT, _RECIPIENT.id == EventRow.recipient_id)
             .where(EventRow.latitude.is_not(None), EventRow.longitude.is_not(None)))
    return (selection.apply(query)
            .order_by(EventRow.event_date.desc().nulls_last(), EventRow.id.desc())
            .limit(limit))


def _mappable_count(conn: Connection, selection: EventFilter) -> int:
    query = select(func.count()).select_from(EventRow).where(EventRow.latitude.is_not(None),
                                                             EventRow.longitude.is_not(None))
    return conn.scalar(selection.apply(query))


def _links(conn: Connection, event_ids: list[int]) -> dict[int, list[Row]]:
    """Up to MAX_LINKS articles per event, earliest first, each article once."""
    query = (select(EventLink.event_id, Article.id, Article.url, Article.title, Source.outlet)
             .join(Article, Article.id == EventLink.article_id)
             .join(Source, Source.id == Article.source_id)
             .where(EventLink.event_id.in_(event_ids))
             .order_by(EventLink.event_id, Article.published_at.asc().nulls_last(), Article.id))
    found: dict[int, list[Row]] = {}
    for row in conn.execute(query):
        articles = found.setdefault(row.event_id, [])
        if len(articles) < MAX_LINKS and all(a.id != row.id for a in articles):
            articles.append(row)
    return found


def _records(events: Connection, links: Connection, selection: EventFilter, limit: int) -> Iterator[dict]:
    """The map's record of each selected event, streamed; links are looked up a batch of events at a time on
    a second connection, since the first is still reading the events."""
    rows = events.execution_options(stream_results=True, yield_per=BATCH).execute(_events_query(selection, limit))
    for batch in chunked(rows, BATCH):
        articles = _links(links, [row.id for row in batch])
        for row in batch:
            yield {"id": row.id, "lat": row.latitude, "lon": row.longitude, "type": row.event_type,
                   "color": colour(row.event_type), "date": row.event_date.isoformat() if row.event_date else None,
                   "popup": popup_html(row, articles.get(row.id, []))}


# ------------------------------------------------------------------------------------------ HTML

def _line(label: str, value) -> str:
    if value in (None, ""):
        return ""
    return f'<div><span class="k">{html.escape(label)}</span> {html.escape(str(value))}</div>'


def _link(article: Row) -> str:
    if not article.url.startswith(("https://", "http://")):  # never a javascript: or data: href
        return ""
    return (f'<li><a href="{html.escape(article.url)}" target="_blank" rel="noopener noreferrer" '
            f'title="{html.escape(article.title)}">{html.escape(article.outlet)}</a></li>')


def popup_html(row: Row, articles: list[Row]) -> str:
    """The popup of one event, every text escaped (titles, names and evidence come from the news)."""
    kind = " · ".join(html.escape(x) for x in (row.event_type, row.acled_sub_event_type) if x)
    where = ", ".join(x for x in (row.place_name, row.country_name or row.country_code) if x)
    who = " → ".join(x or "?" for x in (row.actor, row.recipient)) if row.actor or row.recipient else None
    parts = [f"<b>{kind}</b>", _line("date", row.event_date or "undated"), _line("where", where),
             _line("who", who), _line("killed", row.fatalities_best), _line("sources", row.num_sources)]
    if row.evidence:
        parts.append(f'<p class="evidence" dir="rtl" lang="ar">{html.escape(row.evidence)}</p>')
    links = "".join(_link(a) for a in articles)
    if links:
        parts.append(f"<ul>{links}</ul>")
    return f'<div class="ev">{"".join(parts)}</div>'


def _legend(types: Counter) -> str:
    items = "".join(f'<div><i style="background:{colour(t)}"></i>{html.escape(t)} <span class="k">{n:,}</span></div>'
                    for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
    return f'<div id="legend"><b>Event type</b>{items}</div>'


def _title(selection: EventFilter, drawn: int, mappable: int) -> str:
    count = f"{drawn:,} event{'' if drawn == 1 else 's'}"
    if mappable > drawn:
        count = f"newest {drawn:,} of {mappable:,} events"
    return f"Marsad events: {selection.describe()} ({count} with a place)"


PAGE_CSS = """
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 13px/1.4 system-ui, sans-serif; }
header { padding: 6px 12px; background: #22313f; color: #fff; }
header h1 { font-size: 15px; margin: 0; font-weight: 600; }
#map { flex: 1; background: #cbdbe6; }
#legend { position: absolute; right: 10px; bottom: 26px; z-index: 1000; background: #fff; padding: 6px 10px;
          border-radius: 4px; box-shadow: 0 1px 4px rgba(0, 0, 0, .3); }
#legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px;
            border: 1px solid #333; }
.k { color: #666; }
.ev ul { margin: 4px 0 0; padding-left: 18px; }
.ev .evidence { font-size: 14px; margin: 6px 0; }
"""

PAGE_JS = """
(function () {
  const read = id => JSON.parse(document.getElementById(id).textContent);
  const events = read('marsad-events');
  const map = L.map('map', {preferCanvas: true, minZoom: 2, maxZoom: 13});
  map.attributionControl.addAttribution('Outlines: Natural Earth');
  if (events.length) {
    // opens on the central 80% of the events: those reported from far away (an eighth in the demo data)
    // would otherwise shrink the region most events are in to a corner; zooming out shows them
    const at = (values, p) => values.sort((x, y) => x - y)[Math.floor(p * (values.length - 1))];
    const lats = events.map(e => e.lat), lons = events.map(e => e.lon);
    map.fitBounds([[at(lats, 0.1), at(lons, 0.1)], [at(lats, 0.9), at(lons, 0.9)]], {padding: [30, 30], maxZoom: 8});
  } else {
    map.fitBounds([[-5, -20], [50, 75]]);
  }
  L.geoJSON(read('marsad-countries'), {
    interactive: false,
    style: {color: '#8c8c8c', weight: 0.8, fillColor: '#f3f0ea', fillOpacity: 1},
  }).addTo(map);
  const clusters = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 45});
  clusters.addLayers(events.map(e => L.circleMarker([e.lat, e.lon], {
    radius: 6, weight: 1, color: '#333', fillColor: e.color, fillOpacity: 0.9,
  }).bindPopup(e.popup, {maxWidth: 380})));
  map.addLayer(clusters);
})();
"""


def _write_page(out: TextIO, records: Iterator[dict], selection: EventFilter, css: str, scripts: list[str],
                limit: int, count_mappable: Callable[[], int]) -> int:
    """The page, the events written as they come; the header and legend follow the data in the document (they
    need the counts) but show above and over the map."""
    out.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f"<title>{html.escape('Marsad events: ' + selection.describe())}</title>\n"
              f"<style>\n{css}\n{PAGE_CSS}</style>\n</head>\n<body>\n")
    countries = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    out.write(f'<script type="application/json" id="marsad-countries">{script_json(countries)}</script>\n')
    out.write('<script type="application/json" id="marsad-events">[')
    types: Counter = Counter()
    for record in records:
        out.write(("," if types else "") + "\n" + script_json(record))
        types[record["type"]] += 1
    drawn = sum(types.values())
    out.write("\n]</script>\n")
    mappable = count_mappable() if drawn == limit else drawn  # counted only when the limit may have cut
    out.write(f"<header><h1>{html.escape(_title(selection, drawn, mappable))}</h1></header>\n")
    out.write(f'<div id="map"></div>\n{_legend(types)}\n')
    for script in scripts:
        out.write(f"<script>\n{script}\n</script>\n")
    out.write(f"<script>{PAGE_JS}</script>\n</body>\n</html>\n")
    return drawn


def write_map(db_url: str, path: Path, selection: EventFilter, limit: int = 20000) -> int:
    """Write the selected events that have a place (the newest `limit` of them) as an offline HTML map to
    `path`; returns how many events it draws."""
    if limit < 1:
        raise ValueError(f"limit {limit}: draw at least one event")
    css, scripts = _inline_assets(assets_dir())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")  # a failed run leaves no half-written map at `path`
    engine = engine_for(db_url)
    try:
        with engine.connect() as events, engine.connect() as links, partial.open("w", encoding="utf-8") as out:
            drawn = _write_page(out, _records(events, links, selection, limit), selection, css, scripts, limit,
                                lambda: _mappable_count(links, selection))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return drawn
