"""The linking rules as pure functions: compatibility of types, modes, actors, places and dates; the
recomputed summary (toll, place, date, actor, counts)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from etl.dedup.config import EventConfig
from etl.dedup.matching import (
    ActorRef, Mention, PlaceRef, actors_compatible, compatible, date_interval, modes_compatible, places_compatible,
    score, summarize,
)

CFG = EventConfig()
D = date(2024, 3, 5)
T = datetime(2024, 3, 5, 9, tzinfo=timezone.utc)

BAGHDAD = PlaceRef(1, "Baghdad", 33.34, 44.40, 1, "Baghdad Governorate", "IQ", False)
KARRADA = PlaceRef(2, "Karrada", 33.30, 44.43, 1, "Baghdad Governorate", "IQ", False)
FALLUJAH = PlaceRef(3, "Fallujah", 33.35, 43.78, 1, "Anbar", "IQ", False)  # ~58 km west of Baghdad
BAGHDAD_GOV = PlaceRef(4, "Baghdad Governorate", 33.34, 44.40, 3, "Baghdad Governorate", "IQ", False)
IRAQ = PlaceRef(5, "Iraq", 33.2, 43.7, 4, None, "IQ", False)
SYRIA = PlaceRef(6, "Syria", 35.0, 38.5, 4, None, "SY", False)

ISIS = ActorRef(1, "org:isis", "IMG", "REB")
GUNMEN = ActorRef(2, "generic:UAF", None, "UAF")
IRAQ_STATE = ActorRef(3, "country:IRQ", "IRQ", "GOV")
IRAQ_ARMY = ActorRef(4, "country:IRQ:MIL", "IRQ", "MIL")
IRAQ_POLICE = ActorRef(5, "country:IRQ:COP", "IRQ", "COP")
US_ARMY = ActorRef(6, "country:USA:MIL", "USA", "MIL")


def mention(n: int = 1, *, article: int | None = None, story: int | None = None, source: str = "a", day: date = D,
            date_source: str = "text", precision: str | None = "day", mode: str | None = "explosives",
            actor=None, recipient=None, place=BAGHDAD, killed=None, type_: str = "ASSAULT",
            published: datetime | None = T) -> Mention:
    killed = (killed, killed, killed) if isinstance(killed, int) else (killed or (None, None, None))
    return Mention(n, f"{article or n}:content:{n}:{type_}", article or n, source, story, published, type_, mode, day,
                   precision, date_source, actor, recipient, place, killed, (None, None, None))


def fits(m: Mention, event_members: list[Mention]) -> bool:
    return compatible(m, summarize(event_members[0].event_type, event_members, CFG), CFG)


def test_types_and_modes():
    assert not fits(mention(2, type_="PROTEST", mode=None), [mention()])
    assert modes_compatible("explosives", "suicide", CFG) and modes_compatible("aerial", "drone", CFG)
    assert modes_compatible("kill", "firearms", CFG) and modes_compatible(None, "aerial", CFG)
    assert not modes_compatible("suicide", "assassinate", CFG) and not modes_compatible("aerial", "explosives", CFG)


def test_actors():
    assert actors_compatible(None, ISIS) and actors_compatible(ISIS, ISIS)
    assert actors_compatible(IRAQ_STATE, IRAQ_ARMY)  # "Baghdad" (the state) and "the Iraqi army"
    # one state's army and police are one side as reports name it ("security forces", "the army")
    assert actors_compatible(IRAQ_ARMY, IRAQ_POLICE) and not actors_compatible(IRAQ_ARMY, US_ARMY)
    assert actors_compatible(GUNMEN, ActorRef(7, "generic:UAF", None, "UAF"))
    # unidentified gunmen may turn out to be a rebel group, or the army; a rebel group is never the army
    assert actors_compatible(GUNMEN, ISIS) and actors_compatible(GUNMEN, IRAQ_ARMY)
    assert not actors_compatible(ISIS, IRAQ_ARMY, CFG)
    # civilians and schoolchildren are one side; civilians and soldiers are not
    children = ActorRef(8, "generic:EDU", None, "EDU")
    assert actors_compatible(children, ActorRef(9, "generic:CVL", None, "CVL"))
    assert not actors_compatible(children, IRAQ_ARMY)
    only_same = EventConfig(sector_groups=())
    assert not actors_compatible(IRAQ_ARMY, IRAQ_POLICE, only_same) and not actors_compatible(GUNMEN, ISIS, only_same)
    with pytest.raises(ValueError):
        EventConfig(sector_groups=(("MIL", "army"),))


def test_places_by_precision():
    assert places_compatible(BAGHDAD, KARRADA, CFG)  # 5 km apart, both precise
    assert not places_compatible(BAGHDAD, FALLUJAH, CFG)  # 58 km > 25 km for precise places
    wider = EventConfig(max_km={1: 60.0, 2: 60.0, 3: 150.0})
    assert places_compatible(BAGHDAD, FALLUJAH, wider)
    assert places_compatible(KARRADA, BAGHDAD_GOV, CFG)  # a place inside the region the other names
    assert places_compatible(FALLUJAH, IRAQ, CFG) and not places_compatible(FALLUJAH, SYRIA, CFG)
    assert places_compatible(None, FALLUJAH, CFG)


def test_date_intervals():
    assert date_interval(D, "day", "text", CFG) == (D - timedelta(days=1), D + timedelta(days=1))
    assert date_interval(D, "day", "published", CFG) == (D - timedelta(days=2), D)  # up to two days before
    assert date_interval(D, "month", "text", CFG) == (D - timedelta(days=15), D + timedelta(days=15))
    first = [mention()]
    assert fits(mention(2, day=D + timedelta(days=1)), first)
    assert not fits(mention(2, day=D + timedelta(days=3)), first)
    assert fits(mention(2, day=D + timedelta(days=3), date_source="published"), first)  # [D+1, D+3] meets [D-1, D+1]
    assert not fits(mention(2, day=D + timedelta(days=4), date_source="published"), first)
    assert not fits(mention(2, day=D - timedelta(days=1), date_source="published"), [mention(day=D + timedelta(days=2))])
    # a week's date meets the day's event; a month only months, a year only years
    assert fits(mention(2, day=D + timedelta(days=2), precision="week"), first)
    assert not fits(mention(2, day=D.replace(day=15), precision="month"), first)
    assert fits(mention(2, day=D.replace(day=15), precision="month"), [mention(day=D.replace(day=20), precision="month")])
    assert not fits(mention(2, day=date(2024, 7, 1), precision="year"), [mention(day=D.replace(day=20), precision="month")])


def test_a_link_needs_positive_evidence_beyond_compatibility():
    event = [mention(place=IRAQ, mode="arrest", type_="COERCE")]
    # an arrest somewhere in Iraq and another one: same type, same day, same country, nothing else shared
    assert not fits(mention(2, place=IRAQ, mode="arrest", type_="COERCE"), event)
    assert not fits(mention(2, place=None, mode="arrest", type_="COERCE"), event)
    assert not fits(mention(2, place=IRAQ, mode="arrest", type_="COERCE", actor=GUNMEN), [replace(event[0], actor=GUNMEN)])
    assert fits(mention(2, place=IRAQ, mode="arrest", type_="COERCE", actor=IRAQ_POLICE),
                [replace(event[0], actor=IRAQ_POLICE)])
    assert fits(mention(2, place=None, recipient=ISIS), [mention(place=FALLUJAH, recipient=ISIS)])
    assert fits(mention(2, place=BAGHDAD_GOV), [mention(place=KARRADA)])  # a place and its region
    # a chemical attack in the same country on a compatible day; a toll of some size that agrees
    assert fits(mention(2, place=IRAQ, mode="wmd"), [mention(place=FALLUJAH, mode="wmd")])
    assert not fits(mention(2, place=IRAQ, mode="explosives"), [mention(place=FALLUJAH, mode="explosives")])
    assert fits(mention(2, place=IRAQ, killed=60), [mention(place=FALLUJAH, killed=(50, 50, 70))])
    assert not fits(mention(2, place=IRAQ, killed=120), [mention(place=FALLUJAH, killed=(50, 50, 70))])
    assert not fits(mention(2, place=IRAQ, killed=5), [mention(place=FALLUJAH, killed=5)])  # too small to tell


def test_one_sentence_printed_twice_is_one_report():
    """The same evidence sentence in two stories (a block of "latest news" pasted under every article of an
    outlet that day, or a wire sentence) is one independent report, not two."""
    a = mention(1, article=1, story=1, killed=3)
    b = mention(2, article=2, story=2, killed=5)
    assert summarize("ASSAULT", [a, b], CFG).num_stories == 2
    same = [replace(a, sentence_key=77), replace(b, sentence_key=77)]
    s = summarize("ASSAULT", same, CFG)
    assert (s.num_articles, s.num_stories, s.fatalities) == (2, 1, (5, 5, 5))
    assert summarize("ASSAULT", same + [mention(3, article=3, story=3, killed=9)], CFG).num_stories == 2


def test_score_prefers_the_same_place_and_actor():
    event = summarize("ASSAULT", [mention(actor=ISIS, place=KARRADA)], CFG)
    same = score(mention(2, actor=ISIS, place=KARRADA), event, CFG)
    near = score(mention(2, actor=ISIS, place=BAGHDAD), event, CFG)
    unknown = score(mention(2, place=None), event, CFG)
    assert same > near > unknown


def test_summary_counts_independent_reports():
    members = [mention(1, article=1, story=10, source="a", killed=5, published=T),
               mention(2, article=2, story=10, source="b", killed=5, published=T + timedelta(hours=1)),
               mention(3, article=2, story=10, source="b", killed=6, published=T + timedelta(hours=1)),
               mention(4, article=3, story=None, source="c", killed=(9, 12, 15), published=T + timedelta(days=1))]
    s = summarize("ASSAULT", members, CFG)
    assert (s.num_mentions, s.num_articles, s.num_sources, s.num_stories) == (4, 3, 3, 2)
    assert (s.first_seen, s.last_seen) == (T, T + timedelta(days=1))
    # story 10 reports at most 5-6 (its highest numbers: 6/6/6), article 3 reports 9-12-15
    assert s.fatalities == (6, 6, 15)
    three = members + [mention(5, article=4, story=11, source="d", killed=11)]
    # the most conservative report's figure (ACLED's rule), the range over all reports
    assert summarize("ASSAULT", three, CFG).fatalities == (6, 6, 15)
    larger = [mention(6, article=5, story=12, source="e", killed=20), mention(7, article=6, story=13, killed=30)]
    assert summarize("ASSAULT", larger, CFG).fatalities == (20, 20, 30)


@pytest.mark.parametrize("killed, expected", [((None,), (None, None, None)), ((3, None), (3, 3, 3))])
def test_toll_ignores_reports_without_numbers(killed, expected):
    members = [mention(i + 1, story=i + 1, killed=k) for i, k in enumerate(killed)]
    assert summarize("ASSAULT", members, CFG).fatalities == expected


def test_summary_best_place_date_actor_and_mode():
    members = [mention(1, story=1, place=IRAQ, day=D + timedelta(days=1), date_source="published", mode="kill"),
               mention(2, story=2, place=KARRADA, actor=GUNMEN, mode="explosives"),
               mention(3, story=3, place=replace(BAGHDAD, inherited=True), actor=ISIS, mode="suicide"),
               mention(4, story=4, place=BAGHDAD, actor=ISIS, day=D, mode="explosives"),
               mention(5, story=5, place=KARRADA), mention(6, story=6, place=KARRADA)]
    s = summarize("ASSAULT", members, CFG)
    # the most precise place named in the sentence itself (never an inherited one), by most reports: Karrada
    # three (stories 2, 5, 6), Baghdad two (stories 3, 4)
    assert s.place == KARRADA
    assert s.event_date == D and s.date_source == "text"  # a date read from the text beats a publication date
    assert s.actor == ISIS  # two reports name it, one names gunmen
    assert s.mode == "explosives"  # four reports against one
    only_published = [replace(m, date_source="published", event_date=D + timedelta(days=i)) for i, m in enumerate(members)]
    assert summarize("ASSAULT", only_published, CFG).event_date == D  # the earliest report's date


def test_summary_needs_a_mention():
    with pytest.raises(ValueError):
        summarize("ASSAULT", [], CFG)
