"""The time pass (passes.event_time): the event's date, from the sentence or the publication, and whether it is
current, history or still to come."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from etl.extraction.passes.event_time import _timing
from etl.extraction.pipeline import make_coder
from tests.coder.conftest import PUBLISHED, events, one, of_type, parse


# ------------------------------------------------------------------------------------------ through coder.code()

def test_date_defaults_to_publication(coder):
    event = one(coder, "قصفت الطائرات مواقع للمسلحين", "ASSAULT", published=PUBLISHED)
    assert event.date == "2024-01-24" and event.date_precision == "day"


def test_an_epithet_after_a_name_belongs_to_it_and_the_worst_in_a_month_is_dated_today(coder):
    published = datetime(2018, 10, 10, 9, 0, tzinfo=timezone.utc)
    [worst] = [e for e in coder.code("ذكر المرصد، الأربعاء، أن تنظيم داعش الإرهابي شن أعنف هجوم منذ شهر ضد قوات سوريا الديمقراطية",
                                     published=published) if e.event_type == "ASSAULT"]
    assert worst.actor["id"] == "org:isis" and worst.actor["text"] == "تنظيم داعش الإرهابي"
    assert worst.date == "2018-10-10"
    # without the superlative, منذ شهر is "a month ago"
    [ago] = [e for e in coder.code("قتل جندي منذ شهر في هجوم على حاجز", published=published) if e.event_type == "ASSAULT"]
    assert ago.date == "2018-09-10"


def test_an_event_whose_own_day_is_ahead_is_still_to_come(coder):
    # the date right after the event's word says itself that the day is to come (غدا، المقبل): future
    assert one(coder, "وستتصادف مظاهرات يوم غد مع ذكرى النكبة في غزة", "PROTEST", published=PUBLISHED).modality == "future"
    visit = one(coder, "وتأتي زيارة نتانياهو إلى البيت الأبيض الأسبوع المقبل", "CONSULT", published=PUBLISHED)
    assert visit.modality == "future"
    # a past verb is done whatever the day of its object (the call is made; the session comes later)
    assert one(coder, "ودعا رئيس البرلمان العراقي، سليم الجبوري إلى عقد جلسة طارئة، السبت المقبل", "REQUEST",
               published=PUBLISHED).happened
    # a time given until a coming day runs now (مهلة حتى ...)
    assert one(coder, "وأعطت المجموعة إيران مهلة حتى شباط/فبراير المقبل للتقيد بالمعايير", "THREATEN",
               published=PUBLISHED).happened
    # a day that has passed is no future: the same sentence with أمس
    assert one(coder, "وخرجت مظاهرات يوم أمس في غزة", "PROTEST", published=PUBLISHED).happened


def test_an_event_of_years_ago_is_history_and_one_of_today_is_current(coder):
    sinjar = one(coder, "وقتل 1280 شخصا في هجوم المتطرفين على سنجار في آب/أغسطس 2014", "ASSAULT", published=PUBLISHED)
    assert sinjar.timing == "history"
    today = one(coder, "قتل ثلاثة جنود في هجوم على بغداد أمس", "ASSAULT", published=PUBLISHED)
    assert today.timing == "current" and today.date == "2024-01-23"
    # a week's grace: "last Tuesday" is still the news of the period
    assert one(coder, "قتل ثلاثة جنود في هجوم على بغداد الثلاثاء الماضي", "ASSAULT", published=PUBLISHED).timing == "current"


def test_relative_days_are_read_in_the_newsrooms_zone(coder):
    from zoneinfo import ZoneInfo

    late = datetime(2024, 1, 24, 22, 30, tzinfo=timezone.utc)  # 24 January in London, 25 January in Dubai
    text = "قتل ثلاثة جنود في هجوم على بغداد أمس"
    assert one(coder, text, "ASSAULT", published=late, tz=ZoneInfo("Europe/London")).date == "2024-01-23"
    assert one(coder, text, "ASSAULT", published=late, tz=ZoneInfo("Asia/Dubai")).date == "2024-01-24"


def test_a_past_event_named_without_a_date_takes_its_own_date_and_is_history(coder):
    # named_events.yaml: the 2013 dispersal, recalled in a 2018 article with no date in the sentence
    [killed] = of_type(coder, "وقالت المنظمة إن قوات الأمن قتلت 817 شخصا على الأقل خلال فض اعتصام رابعة العدوية")
    assert (killed.date, killed.timing) == ("2013-08-14", "history")
    # a protest on its anniversary is today's; a date in the sentence wins over the name
    [protest] = of_type(coder, "وتظاهر المئات في القاهرة أمس في ذكرى فض اعتصام رابعة", "PROTEST")
    assert protest.timing == "current"
    # an attack of today near a place the list names is not the old one
    [today] = of_type(coder, "وقتل خمسة أشخاص اليوم في هجوم على مسجد في العريش")
    assert today.timing == "current"


def test_named_events_are_validated_on_load():
    from etl.extraction.named_events import NamedEventError, named_events, parse_named_events

    assert len(named_events()) > 10
    good = {"id": "x", "date": "2013-08-14", "types": ["ASSAULT"], "names": ["فض اعتصام رابعة"]}
    assert len(parse_named_events({"events": [good]})) == 1
    for bad, says in (({**good, "date": "14 August 2013"}, "ISO date"), ({**good, "types": ["WAR"]}, "types"),
                      ({**good, "names": []}, "names"), ({"id": "x"}, "exactly")):
        with pytest.raises(NamedEventError, match=says):
            parse_named_events({"events": [bad]})
    with pytest.raises(NamedEventError, match="unique"):
        parse_named_events({"events": [good, good]})


def test_a_day_and_month_without_a_year_told_in_the_past_tense_is_the_last_one():
    coder = make_coder(geocode=False)
    june = datetime(2018, 6, 24, 10, tzinfo=timezone.utc)
    # «في 14 آب/أغسطس» in June, with past verbs: last August (history), not a day to come
    [killed] = [e for e in coder.code("وأعلنت حالة الطوارئ في 14 آب/أغسطس، إثر فض قوات الأمن اعتصامين في القاهرة، "
                                      "قتل فيهما نحو 700 متظاهر", published=june) if e.event_type == "ASSAULT"]
    assert (killed.date, killed.timing) == ("2017-08-14", "history")
    # a day of this month already past stays this year's
    [recent] = [e for e in coder.code("قتل خمسة جنود في هجوم في 20 يونيو في العريش", published=june)
                if e.event_type == "ASSAULT"]
    assert (recent.date, recent.timing) == ("2018-06-20", "current")


def test_the_next_day_of_a_story_told_with_dates_is_the_day_after_the_last_one_read():
    coder = make_coder(geocode=False)
    april = datetime(2018, 4, 9, 10, tzinfo=timezone.utc)
    text = ("في 21 آذار/مارس 2003، أسفرت الغارات عن انفجارات ضخمة في العاصمة. وفي اليوم التالي، شنت الطائرات "
            "غارات عنيفة على مدن الجنوب. وقتل جندي في هجوم على بغداد اليوم.")
    strikes = [e for e in coder.code(text, published=april) if e.event_type == "ASSAULT"]
    assert [(e.date, e.timing) for e in strikes] == [("2003-03-21", "history"), ("2003-03-22", "history"),
                                                     ("2018-04-09", "current")]
    # with no day read before it, "the next day" dates nothing
    alone = [e for e in coder.code("وفي اليوم التالي، شنت الطائرات غارات عنيفة على مدن الجنوب.", published=april)
             if e.event_type == "ASSAULT"]
    assert alone and alone[0].date_source == "published"


def test_the_day_of_the_clause_before_after_is_not_the_day_of_the_event_named_after_it():
    coder = make_coder(geocode=False)
    friday = datetime(2018, 5, 18, 20, tzinfo=timezone.utc)
    [killed] = [e for e in coder.code("افتتح أردوغان قمة استثنائية الجمعة في إسطنبول بعد مقتل أكثر من ستين فلسطينيا",
                                      published=friday) if e.event_type == "ASSAULT"]
    assert killed.date_source == "published"  # before Friday, on a day the sentence does not give
    # a date after بعد, or a بعد that governs no event word, still dates it
    [march] = [e for e in coder.code("وفي 21 مارس، بعد أيام من القصف، قتل خمسة مدنيين في الغوطة", published=friday)
               if e.event_type == "ASSAULT"]
    assert (march.date, march.date_source) == ("2018-03-21", "text")



# ------------------------------------------------------------------------------------------ calling the pass directly

def date_of(coder, text, word, published=PUBLISHED):
    """(ISO date, precision, source, ahead, year written) the time pass gives the trigger `word`."""
    p = parse(coder, text, published=published)
    return coder.time.date(p.text, p.tokens, p.sentence, p.published, p.trigger(word).start)


def test_date_with_no_time_in_the_sentence_is_the_publication_day(coder):
    assert date_of(coder, "قصفت الطائرات مواقع للمسلحين", "قصفت") == ("2024-01-24", "day", "published", None, False)
    assert date_of(coder, "قصفت الطائرات مواقع للمسلحين", "قصفت", published=None)[0] is None


def test_date_reads_relative_days_from_the_publication_day(coder):
    # published on Wednesday 24 January 2024: yesterday is the 23rd, last Friday the 19th
    assert date_of(coder, "قصفت الطائرات مواقع للمسلحين أمس", "قصفت")[:3] == ("2024-01-23", "day", "text")
    assert date_of(coder, "قتل ثلاثة جنود يوم الجمعة الماضي", "قتل")[:3] == ("2024-01-19", "day", "text")


def test_date_says_where_a_day_still_to_come_is_named(coder):
    text = "تنطلق مظاهرات يوم غد في غزة"
    day, precision, source, ahead, _ = date_of(coder, text, "مظاهرات")
    assert (day, precision, source) == ("2024-01-25", "day", "text")
    assert ahead is not None and text[ahead:].startswith("يوم غد")
    assert date_of(coder, "قصفت الطائرات مواقع للمسلحين أمس", "قصفت")[3] is None  # a past day is not ahead


def test_date_of_a_month_with_its_year_written_is_history(coder):
    day, precision, source, _, written = date_of(coder, "قتل 1280 شخصا في سنجار في آب/أغسطس 2014", "قتل")
    assert (day[:7], precision, source, written) == ("2014-08", "month", "text", True)
    assert _timing(day, precision, source, PUBLISHED, coder.time.history_days) == "history"


def test_date_of_an_event_named_after_after_is_not_the_day_of_the_clause_before_it(coder):
    # «افتتح أردوغان قمة الجمعة بعد مقتل …»: Friday is the summit's; the killing came before, on no day given
    text = "افتتح أردوغان قمة الجمعة بعد مقتل ستين فلسطينيا"
    assert date_of(coder, text, "قمة")[:3] == ("2024-01-19", "day", "text")
    assert date_of(coder, text, "مقتل")[:3] == ("2024-01-24", "day", "published")


def test_timing_allows_half_a_period_each_way_and_a_week_of_grace():
    # published on 24 January: a day of the week before is current, a day before that history
    assert _timing("2024-01-17", "day", "text", PUBLISHED, 7) == "current"
    assert _timing("2024-01-16", "day", "text", PUBLISHED, 7) == "history"
    assert _timing("2024-01-25", "day", "text", PUBLISHED, 7) == "future"
    # a week read around the 15th may end on the 18th: three days of slack keep it current
    assert _timing("2024-01-15", "week", "text", PUBLISHED, 7) == "current"
    assert _timing("2024-01-15", "day", "text", PUBLISHED, 7) == "history"
    assert _timing("2014-08-15", "month", "published", PUBLISHED, 7) == "current"  # only the text's dates count
