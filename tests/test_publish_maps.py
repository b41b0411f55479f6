"""The analysts' map and weekly chart (etl/publish/maps.py, charts.py) over a handful of events written by hand:
what the offline HTML holds (no remote assets, the events' data, colours, escaping, the selection), what the
chart counts per week, and, where Chromium is installed, that the map renders."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from etl.load.db import session_scope
from etl.load.models import ActorRow, Article, EventLink, EventRow, Source
from etl.publish.charts import NO_COUNTRY, OTHER, week_of, write_weekly_chart
from etl.publish.filters import EventFilter
from etl.publish.maps import COLOURS, OTHER_COLOUR, STYLES, SCRIPTS, assets_dir, write_map

MALICIOUS = "قصف على المدينة </script><script>alert(1)</script> & <b>"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# id: (type, country code, country name, lat, lon, date, fatalities_best)
EVENTS = {
    1: ("ASSAULT", "IQ", "Iraq", 33.31, 44.36, date(2024, 3, 5), 5),
    2: ("PROTEST", "IQ", "Iraq", 30.51, 47.78, date(2024, 3, 7), None),
    3: ("CONSULT", "SY", "Syria", 33.51, 36.29, date(2024, 3, 12), 0),
    4: ("ASSAULT", "SY", "Syria", None, None, date(2024, 3, 20), 3),  # no place: charted, not mapped
    5: ("FOOBAR", "YE", None, 15.35, 44.21, date(2024, 2, 26), 2),  # unknown type (grey), no country name
    6: ("COERCE", "IQ", "Iraq", 36.34, 43.13, None, 7),  # no date: mapped, not charted
    7: ("ACCUSE", None, None, None, None, date(2024, 3, 13), 1),  # no country: a line of its own
}
MAPPED = {1, 2, 3, 5, 6}


def add_events(db_url: str) -> str:
    """Two outlets, eight articles, two actors and the events above; event 1 (the malicious evidence) is reported
    by seven articles, one of them through two mentions."""
    at = datetime(2024, 3, 5, 12, tzinfo=timezone.utc)
    with session_scope(db_url) as s:
        for sid in ("wire-a", "daily-b"):
            s.add(Source(id=sid, outlet=f"Outlet {sid}", language="ar", country="IQ",
                         feed_url=f"https://{sid}.example/rss", poll_interval_minutes=30))
        s.flush()
        articles = [Article(source_id="wire-a" if n % 2 else "daily-b", guid=f"g{n}", url=f"https://news.example/{n}",
                            canonical_url=f"https://news.example/{n}", title=f"خبر {n} <i>", content="نص",
                            content_source="feed", language="ar", arabic_share=1.0, published_at=at,
                            content_hash=f"{n:064d}", word_count=1) for n in range(8)]
        actor = ActorRow(actor_key="country:IRQ:MIL", name_en="Iraq military", country="IRQ", sector="MIL")
        recipient = ActorRow(actor_key="agent:REB", name_en="Rebels <armed>", sector="REB")
        s.add_all([*articles, actor, recipient])
        s.flush()
        for eid, (kind, code, name, lat, lon, day, killed) in EVENTS.items():
            s.add(EventRow(id=eid, event_key=f"e{eid}", event_type=kind, event_date=day, country_code=code,
                           country_name=name, latitude=lat, longitude=lon, fatalities_best=killed,
                           place_name=f"place {eid}", acled_sub_event_type="Air/drone strike" if eid == 1 else None,
                           actor_id=actor.id if eid == 1 else None, recipient_id=recipient.id if eid == 1 else None,
                           evidence=MALICIOUS if eid == 1 else f"جملة {eid}",
                           num_mentions=1, num_articles=1, num_sources=2 if eid == 1 else 1, num_stories=1))
        s.flush()
        links = [(1, a.id) for a in articles[:7]] + [(1, articles[0].id), (2, articles[7].id), (3, articles[7].id)]
        for n, (eid, aid) in enumerate(links):
            s.add(EventLink(event_id=eid, article_id=aid, mention_key=f"m{n}", score=0.0))
    return db_url


@pytest.fixture
def events_db(db_url) -> str:
    return add_events(db_url)


@pytest.fixture
def assets() -> Path:
    folder = assets_dir()
    missing = [n for n in (*STYLES, *SCRIPTS, *SCRIPTS.values()) if not (folder / n).is_file()]
    if missing:
        pytest.skip(f"Leaflet web assets missing from {folder} ({', '.join(missing)}): "
                    f"run deploy/web-assets.sh {folder}")
    return folder


def embedded(page: str, element: str):
    match = re.search(rf'<script type="application/json" id="{element}">(.*?)</script>', page, re.DOTALL)
    assert match, element
    return json.loads(match.group(1))


# ------------------------------------------------------------------------------------------ the map

def test_the_map_is_self_contained_and_holds_the_events(events_db, assets, tmp_path):
    path = tmp_path / "map.html"
    assert write_map(events_db, path, EventFilter()) == len(MAPPED)
    page = path.read_text(encoding="utf-8")

    # offline: nothing is loaded from elsewhere, Leaflet and the cluster plugin are inline
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]*\shref\s*=", page, re.IGNORECASE)
    assert "L.markerClusterGroup" in page and "Leaflet.markercluster" in page and "L.circleMarker" in page
    assert not (tmp_path / "map.html.partial").exists()

    records = {r["id"]: r for r in embedded(page, "marsad-events")}
    assert set(records) == MAPPED
    assert {r["color"] for r in records.values() if r["type"] == "ASSAULT"} == {COLOURS["ASSAULT"]}
    assert records[2]["color"] == COLOURS["PROTEST"] and records[5]["color"] == OTHER_COLOUR
    assert [records[i]["date"] for i in (1, 6)] == ["2024-03-05", None]
    assert (records[3]["lat"], records[3]["lon"]) == (33.51, 36.29)
    assert embedded(page, "marsad-countries")["type"] == "FeatureCollection"

    # the popup: every field, the evidence right to left, at most five distinct articles
    popup = records[1]["popup"]
    for text in ("ASSAULT · Air/drone strike", "2024-03-05", "place 1, Iraq", "Iraq military → Rebels &lt;armed&gt;",
                 '<span class="k">killed</span> 5', '<span class="k">sources</span> 2', 'dir="rtl"'):
        assert text in popup, text
    assert len(re.findall(r"<li><a href=", popup)) == 5
    assert len(set(re.findall(r'href="([^"]+)"', popup))) == 5
    assert 'title="خبر 0 &lt;i&gt;"' in popup

    # the malicious evidence is text in the popup and cannot end the data's <script> element
    assert html.escape(MALICIOUS) in popup
    assert "<script>alert(1)" not in page and "alert(1)</script>" not in page
    assert page.count("</script>") == page.count("<script")

    # title and legend
    assert "Marsad events: all events (5 events with a place)" in page
    assert re.search(r'<div id="legend">.*FOOBAR', page)


def test_the_selection_narrows_the_map_and_the_limit_keeps_the_newest(events_db, assets, tmp_path):
    path = tmp_path / "map.html"
    assert write_map(events_db, path, EventFilter(countries=("SY",))) == 1
    page = path.read_text(encoding="utf-8")
    assert [r["id"] for r in embedded(page, "marsad-events")] == [3]
    assert "countries SY (1 event with a place)" in page

    assert write_map(events_db, path, EventFilter(types=("ASSAULT", "PROTEST"), start=date(2024, 3, 1))) == 2
    assert {r["id"] for r in embedded(path.read_text(encoding="utf-8"), "marsad-events")} == {1, 2}

    assert write_map(events_db, path, EventFilter(), limit=2) == 2
    page = path.read_text(encoding="utf-8")
    assert [r["id"] for r in embedded(page, "marsad-events")] == [3, 2]  # newest first; undated last
    assert "newest 2 of 5 events" in page

    assert write_map(events_db, path, EventFilter(countries=("EG",))) == 0
    assert embedded(path.read_text(encoding="utf-8"), "marsad-events") == []


def test_missing_assets_name_the_script(events_db, tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_WEB_ASSETS", str(tmp_path / "empty"))
    with pytest.raises(FileNotFoundError, match=r"deploy/web-assets\.sh .*empty"):
        write_map(events_db, tmp_path / "map.html", EventFilter())
    assert not (tmp_path / "map.html").exists()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_the_map_renders_in_a_browser(sqlite_url, assets, tmp_path):
    from matplotlib.image import imread

    db = add_events(sqlite_url)
    path, shot = tmp_path / "map.html", tmp_path / "map.png"
    write_map(db, path, EventFilter())
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,800",
                           "--virtual-time-budget=5000", path.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    pixels = (imread(shot)[..., :3] * 255).round().astype(int)
    colours = {tuple(p) for p in pixels.reshape(-1, 3)[::7]}
    assert len(colours) > 50  # not a blank or single-colour page

    def share(hex_colour: str) -> float:
        rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
        return float((abs(pixels - rgb).sum(axis=-1) <= 6).mean())

    # the script ran: land (the Natural Earth layer) and sea both fill part of the view
    assert share("#f3f0ea") > 0.05 and share("#cbdbe6") > 0.05


# ------------------------------------------------------------------------------------------ the weekly chart

def test_week_of_is_the_monday():
    assert week_of(date(2024, 3, 10)) == date(2024, 3, 4) == week_of(date(2024, 3, 4))


def test_the_weekly_chart_counts_what_was_inserted(events_db, tmp_path):
    path = tmp_path / "weekly.png"
    figures = write_weekly_chart(events_db, path, EventFilter())
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert figures["weeks"] == [date(2024, 2, 26), date(2024, 3, 4), date(2024, 3, 11), date(2024, 3, 18)]
    assert figures["countries"] == {
        "Iraq": {"events": [0, 2, 0, 0], "fatalities": [0, 5, 0, 0]},
        "Syria": {"events": [0, 0, 1, 1], "fatalities": [0, 0, 0, 3]},
        "YE": {"events": [1, 0, 0, 0], "fatalities": [2, 0, 0, 0]},  # no country name: the code
        NO_COUNTRY: {"events": [0, 0, 1, 0], "fatalities": [0, 0, 1, 0]},
    }

    top = write_weekly_chart(events_db, path, EventFilter(), top=1)["countries"]
    assert list(top) == ["Iraq", OTHER, NO_COUNTRY]  # Iraq and Syria tie on events: by name
    assert top[OTHER] == {"events": [1, 0, 1, 1], "fatalities": [2, 0, 0, 3]}

    narrowed = write_weekly_chart(events_db, path, EventFilter(countries=("SY",)))
    assert narrowed == {"weeks": [date(2024, 3, 11), date(2024, 3, 18)],
                        "countries": {"Syria": {"events": [1, 1], "fatalities": [0, 3]}}}


def test_a_selection_with_no_dated_events_is_refused(events_db, tmp_path):
    with pytest.raises(ValueError, match="no dated events in the selection .countries EG."):
        write_weekly_chart(events_db, tmp_path / "weekly.png", EventFilter(countries=("EG",)))
    assert not (tmp_path / "weekly.png").exists()
