"""The toll (passes.event_toll): the casualty figures that are the event's own, and the totals that are not."""

from __future__ import annotations

from etl.extraction.passes.event_toll import MAX_EVENT_TOLL, _range, _toll_within, _totals
from tests.coder.conftest import PUBLISHED, events, one, parse


# ------------------------------------------------------------------------------------------ through coder.code()

def test_casualties_low_best_high(coder):
    event = one(coder, "قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارة مفخخة", "ASSAULT")
    assert event.fatalities["best"] == 18
    assert event.injured["best"] == 10 and event.injured["high"] == 99  # tens: 10 (casualties.yaml vague_tolls)
    words = one(coder, "أسفر القصف عن مقتل ثلاثة أطفال وإصابة خمسة آخرين", "ASSAULT")
    assert (words.fatalities["best"], words.injured["best"]) == (3, 5)


def test_a_war_total_is_no_event_toll(coder):
    found = [e for e in events(coder, "أسفرت الحرب عن مقتل أكثر من 500 ألف شخص منذ عام 2011") if e.event_type == "ASSAULT"]
    assert found and not any(e.happened for e in found)
    assert one(coder, "قتل 45 شخصا في تفجير انتحاري استهدف سوقا شعبية", "ASSAULT").happened


def test_thousands_killed_is_a_count_over_a_war(coder):
    war = [e for e in coder.code("وقتل الآلاف من المدنيين في هذا النزاع الذي شمل الإقليم", published=PUBLISHED)
           if e.event_type == "ASSAULT"]
    assert war and all(e.modality == "generic" for e in war)


def test_a_count_over_a_period_makes_no_event_and_no_toll(coder):
    total = [e for e in events(coder, "وقتل أكثر من 1600 مدني منذ 18 فبراير في الغوطة الشرقية", published=PUBLISHED)
             if e.event_type == "ASSAULT"]
    assert total and not any(e.happened for e in total) and all(e.fatalities is None for e in total)
    assert [(t["category"], t["scope"], t["best"]) for t in total[0].totals] == [("killed", "period", 1600)]
    # the day's raid keeps its own toll; the running total beside it is stored apart
    raid = one(coder, "قتل خمسة مدنيين في غارة على دوما اليوم، ما يرفع عدد القتلى منذ بدء الحملة إلى 500", "ASSAULT",
               published=PUBLISHED)
    assert raid.happened and raid.fatalities["best"] == 5 and raid.totals[0]["best"] == 500



# ------------------------------------------------------------------------------------------ calling the pass directly

def toll_of(coder, text):
    """The parsed sentence and the casualty figures the coder reads in it (etl.extraction.casualties)."""
    p = parse(coder, text)
    return p, coder._casualties(p.text, p.sentence.start, p.sentence.end, p.tokens)


def test_range_gives_a_figure_its_low_best_high_and_where_it_is_written(coder):
    p, toll = toll_of(coder, "قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارة مفخخة")
    killed = _range(toll, "killed")
    assert (killed["low"], killed["best"], killed["high"]) == (18, 18, 18)
    assert p.text[killed["start"]:killed["end"]].startswith("قتل 18")
    injured = _range(toll, "injured")
    assert (injured["low"], injured["best"], injured["high"]) == (10, 10, 99)  # عشرات: tens
    assert _range(toll, "arrested") is None and _range(None, "killed") is None


def test_toll_within_keeps_the_figures_written_in_an_events_part_of_the_sentence(coder):
    p, toll = toll_of(coder, "قتل ثلاثة أشخاص في هجوم على حاجز، وأصيب خمسة في غارة على قرية")
    cut = p.token("وأصيب")
    first = _toll_within(toll, p.tokens, p.sentence.lo, cut, False)
    second = _toll_within(toll, p.tokens, cut, p.sentence.hi, False)
    assert (first.killed.best, first.injured) == (3, None)
    assert (second.killed, second.injured.best) == (None, 5)
    assert [c for c, _ in second.mentions] == ["injured"]
    assert _toll_within(toll, p.tokens, p.sentence.lo, cut, True) is toll  # a lone event keeps it all
    assert _toll_within(None, p.tokens, p.sentence.lo, cut, False) is None


def test_totals_are_the_figures_over_a_period_of_the_events_own_categories(coder):
    _, toll = toll_of(coder, "قتل خمسة مدنيين في غارة على دوما اليوم، ما يرفع عدد القتلى منذ بدء الحملة إلى 500")
    assert toll.killed.best == 5  # the day's raid keeps its own toll
    assert [(t["category"], t["scope"], t["best"]) for t in _totals(toll, "ASSAULT")] == [("killed", "period", 500)]
    assert _totals(toll, "COERCE") == [] and _totals(toll, "PROTEST") == []  # (COERCE counts arrests only)
    assert _totals(None, "ASSAULT") == []


def test_thousands_killed_reach_past_the_largest_event_toll(coder):
    # "الآلاف": read as a count over a period, whose highest reading is beyond any one event's toll
    _, toll = toll_of(coder, "قتل الآلاف من المدنيين في هذا النزاع")
    assert toll.killed is None
    [(category, figure)] = toll.totals()
    assert category == "killed" and figure.high >= MAX_EVENT_TOLL > 1000
