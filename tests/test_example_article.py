"""The example article Marsad started from (../shared/data/seed/example_article_ar.txt, 2024-01-24),
coded end to end with the packaged gazetteer: the events an analyst reads in it must be there."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.conftest import shared

HEZBOLLAH = {"org:kataib-hezbollah", "org:hezbollah", "org:pmf", "org:nujaba"}


@pytest.fixture(scope="module")
def events():
    from etl.extraction.pipeline import make_coder

    text = shared("seed/example_article_ar.txt").read_text(encoding="utf-8")
    coder = make_coder(geocode=True)
    return coder.code(text, published=datetime(2024, 1, 24, 9, 0, tzinfo=timezone.utc))


def _places(event) -> list[str]:
    return [(p.get("name_en") or "") for p in event.locations]


def test_us_air_strikes_on_the_militias_in_iraq(events):
    strikes = [e for e in events if e.event_type == "ASSAULT" and e.happened and e.mode == "aerial"]
    assert strikes, "no aerial ASSAULT"
    first = strikes[0]
    assert first.actor["country"] == "USA"
    assert first.recipient["id"] in HEZBOLLAH
    assert first.date == "2024-01-24"
    assert all(p["country"] == "IQ" for p in first.locations)
    assault = [e for e in events if e.event_type == "ASSAULT" and e.happened]
    located = {name for e in assault for name in _places(e)[:1]}
    assert any("Jurf al-Nasr" in name for name in located)
    assert any("Qā’im" in name or "Qaim" in name for name in located)
    assert not any("Washington" in name for name in located)  # the capital acted; it was not struck


def test_tolls_of_the_two_sources_differ(events):
    tolls = [e.fatalities for e in events if e.event_type == "ASSAULT" and e.fatalities]
    assert {t["best"] for t in tolls} >= {1, 2}  # الحشد: one killed; Reuters: at least two
    reuters = next(t for t in tolls if t["best"] == 2)
    assert reuters["low"] == 2 and reuters["high"] is None  # "على الأقل": no upper bound
    injured = {e.injured["best"] for e in events if e.event_type == "ASSAULT" and e.injured}
    assert {2, 4} <= injured


def test_earlier_missile_attack_on_ain_al_asad(events):
    attack = [e for e in events if e.event_type == "ASSAULT" and e.injured and e.injured["best"] == 4
              and any("Ain al-Asad" in name for name in _places(e))]
    assert attack, "no attack on Ain al-Asad with four injured"
    assert attack[0].happened


def test_threats_to_keep_targeting_us_bases(events):
    threats = [e for e in events if e.event_type == "THREATEN" and e.happened]
    assert threats
    assert threats[0].actor["sector"] == "REB" and threats[0].recipient["country"] == "USA"
    # the threatened strikes are not coded as strikes that happened
    sentence = threats[0].sentence["start"]
    assert not [e for e in events if e.event_type == "ASSAULT" and e.sentence["start"] == sentence and e.happened
                and e.salience == "main"]


def test_pentagon_holds_hezbollah_and_nujaba_responsible(events):
    accusations = [e for e in events if e.event_type == "ACCUSE" and e.happened]
    assert accusations
    assert accusations[0].actor["country"] == "USA" and accusations[0].actor["sector"] == "MIL"
    assert accusations[0].recipient["id"] in HEZBOLLAH
