"""Event dates from sentences and publication times (etl.extraction.when), on sentences written for these tests."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from etl.extraction.when import ACLED_TIME_PRECISION, EventDate, event_date, find_dates
from etl.text.dates import parse_date
from etl.text.sentences import split_sentences
from tests.conftest import shared

# Wednesday 18 April 2018, 10:00 UTC (13:00 in UTC+3)
PUBLISHED = datetime(2018, 4, 18, 10, 0, tzinfo=timezone.utc)


def when(text: str, published: datetime | None = PUBLISHED) -> tuple[date | None, str | None, str | None]:
    """(date, precision, the expression's text) of the event date."""
    found = event_date(text, published)
    expression = text[found.start:found.end] if found.start is not None else None
    return found.date, found.precision, expression


@pytest.mark.parametrize("text, expected", [
    ("قتل ثلاثة أشخاص في القصف اليوم", (date(2018, 4, 18), "day", "اليوم")),
    ("وقع الانفجار أمس في السوق", (date(2018, 4, 17), "day", "أمس")),
    ("وكان الهجوم قد وقع مساء أمس", (date(2018, 4, 17), "day", "مساء أمس")),
    ("شيعت البلدة قتلاها الذين سقطوا أول من أمس", (date(2018, 4, 16), "day", "أول من أمس")),
    ("وقع الحادث أول أمس", (date(2018, 4, 16), "day", "أول أمس")),
    ("تنظم النقابة اعتصاما غدا أمام البرلمان", (date(2018, 4, 19), "day", "غدا")),
    ("وقصفت الطائرات المنطقة الليلة الماضية", (date(2018, 4, 17), "day", "الليلة الماضية")),
])
def test_days_relative_to_publication(text, expected):
    assert when(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the latest such weekday on or before publication (a Wednesday)
    ("شنت الطائرات غارات فجر اليوم الأربعاء", (date(2018, 4, 18), "day", "فجر اليوم الأربعاء")),
    ("قصفت المدفعية القرية ليل الثلاثاء", (date(2018, 4, 17), "day", "ليل الثلاثاء")),
    ("تظاهر المئات يوم الخميس في الساحة", (date(2018, 4, 12), "day", "يوم الخميس")),
    ("اعتقلت الشرطة الناشط السبت", (date(2018, 4, 14), "day", "السبت")),
    ("والتقى الوفدان والأحد", (date(2018, 4, 15), "day", "والأحد")),
    # الماضي: strictly before, a week back on the same weekday
    ("عقد الاجتماع الأربعاء الماضي", (date(2018, 4, 11), "day", "الأربعاء الماضي")),
    ("وقع الهجوم الخميس الماضي", (date(2018, 4, 12), "day", "الخميس الماضي")),
    # المقبل: the next one
    ("تعقد الجلسة الاثنين المقبل", (date(2018, 4, 23), "day", "الاثنين المقبل")),
])
def test_weekdays(text, expected):
    assert when(text) == expected


def test_every_friday_is_not_a_date():
    assert find_dates("يتظاهرون كل جمعة وأيام الجمعة والسبت", PUBLISHED) == []


@pytest.mark.parametrize("text, expected", [
    ("وقع الهجوم يوم 27 ديسمبر الماضي", (date(2017, 12, 27), "day", "يوم 27 ديسمبر الماضي")),
    ("اندلعت الاحتجاجات في 14 نيسان/أبريل", (date(2018, 4, 14), "day", "14 نيسان/أبريل")),
    ("اندلعت الاحتجاجات في 14 أبريل (نيسان)", (date(2018, 4, 14), "day", "14 أبريل (نيسان")),
    ("اغتيل في 3 من شهر كانون الثاني/يناير 2016", (date(2016, 1, 3), "day", "3 من شهر كانون الثاني/يناير 2016")),
    ("أعلن الحزب في 5 تشرين أول 2017", (date(2017, 10, 5), "day", "5 تشرين أول 2017")),
    ("وقعت المعركة في ١٢ جوان ٢٠١٧", (date(2017, 6, 12), "day", "١٢ جوان ٢٠١٧")),
    ("الاجتماع الأربعاء 11 أبريل", (date(2018, 4, 11), "day", "الأربعاء 11 أبريل")),
    ("صدر القرار بتاريخ 2017/11/05", (date(2017, 11, 5), "day", "2017/11/05")),
    ("صدر القرار بتاريخ 5-11-2017", (date(2017, 11, 5), "day", "5-11-2017")),
    ("نفذت الضربة في 9 يناير من العام الماضي", (date(2017, 1, 9), "day", "9 يناير من العام الماضي")),
    ("وقع الزلزال في 3 مارس من هذا العام", (date(2018, 3, 3), "day", "3 مارس من هذا العام")),
    # no year: the occurrence nearest publication
    ("وقع الحادث في 2 يناير", (date(2018, 1, 2), "day", "2 يناير")),
    ("تجري الانتخابات في 12 مايو", (date(2018, 5, 12), "day", "12 مايو")),
])
def test_gregorian_dates(text, expected):
    assert when(text) == expected


def test_day_and_month_without_year_near_new_year():
    january = datetime(2018, 1, 3, 9, tzinfo=timezone.utc)
    assert when("قتل في 29 ديسمبر", january) == (date(2017, 12, 29), "day", "29 ديسمبر")
    assert when("قتل في 29 ديسمبر الماضي", january)[0] == date(2017, 12, 29)


@pytest.mark.parametrize("text, expected", [
    ("سيطر التنظيم على المدينة في أبريل 2015", (date(2015, 4, 15), "month", "أبريل 2015")),
    ("بدأت الحملة في فبراير/شباط الماضي", (date(2018, 2, 15), "month", "فبراير/شباط الماضي")),
    ("بدأت الحملة في مارس", (date(2018, 3, 15), "month", "مارس")),
    ("تم الاتفاق الشهر الماضي", (date(2018, 3, 15), "month", "الشهر الماضي")),
    ("أجريت الانتخابات العام الماضي", (date(2017, 7, 1), "year", "العام الماضي")),
    ("وقعت الهجمات في السنة الماضية", (date(2017, 7, 1), "year", "السنة الماضية")),
    # ISO weeks: the week before publication's is 9-15 April, its middle the Thursday
    ("جرت الاشتباكات الأسبوع الماضي", (date(2018, 4, 12), "week", "الأسبوع الماضي")),
    ("وقعت الحادثة عام 2014", (date(2014, 7, 1), "year", "عام 2014")),
])
def test_months_periods_and_years(text, expected):
    assert when(text) == expected


def test_current_period_is_not_after_publication():
    found = event_date("اعتقل العشرات هذا الأسبوع", PUBLISHED)
    assert (found.precision, found.earliest, found.latest) == ("week", date(2018, 4, 16), date(2018, 4, 22))
    assert found.date == date(2018, 4, 18)  # the middle, Thursday 19, is after publication


@pytest.mark.parametrize("text, expected", [
    ("قتل قبل ثلاثة أيام", (date(2018, 4, 15), "day", "قبل ثلاثة أيام")),
    ("اختفى منذ يومين", (date(2018, 4, 16), "day", "منذ يومين")),
    ("اعتقل قبل 5 أيام", (date(2018, 4, 13), "day", "قبل 5 أيام")),
    ("وصل قبل أسبوعين", (date(2018, 4, 4), "week", "قبل أسبوعين")),
    ("غادر قبل شهر", (date(2018, 3, 19), "month", "قبل شهر")),
    ("وقع الانفجار قبل ساعات", (date(2018, 4, 18), "day", "قبل ساعات")),
])
def test_durations_ago(text, expected):
    assert when(text) == expected


def test_a_few_days_ago_is_a_window():
    found = event_date("بدأت المواجهات منذ أيام", PUBLISHED)
    assert found.precision == "week"
    assert (found.earliest, found.latest) == (date(2018, 4, 9), date(2018, 4, 16))  # 9 to 2 days before
    assert found.earliest <= found.date <= found.latest


def test_hijri_dates():
    assert when("وقع الحادث في 15 رمضان 1445 هـ") == (date(2024, 3, 25), "day", "15 رمضان 1445 هـ")
    # without a year: the occurrence nearest publication (Ramadan 1439 began in mid-May 2018)
    found = event_date("وقعت الهجمات في شهر رمضان", PUBLISHED)
    assert found.precision == "month" and date(2018, 5, 14) <= found.earliest <= date(2018, 5, 18)
    assert found.earliest < found.date < found.latest


def test_hijri_names_that_are_words():
    # رجب in a name, صفر "zero", محرم "forbidden": not months without a number
    assert find_dates("التقى رجب طيب أردوغان نظيره", PUBLISHED) == []
    assert find_dates("نسبة صفر في المئة وهو أمر محرم", PUBLISHED) == []


def test_since_is_found_but_not_the_event_date():
    found = find_dates("تشهد البلاد حربا منذ عام 2011", PUBLISHED)
    assert [(f.date, f.precision, f.since) for f in found] == [(date(2011, 7, 1), "year", True)]
    assert event_date("تشهد البلاد حربا منذ عام 2011", PUBLISHED).source == "published"
    assert find_dates("معتقل منذ يناير الماضي", PUBLISHED)[0].since


def test_today_that_is_not_today():
    assert find_dates("في اليوم التالي انسحبت القوات", PUBLISHED) == []
    assert find_dates("وهو نفس اليوم الذي شهد الزيارة", PUBLISHED) == []
    assert find_dates("احتفلت البلاد باليوم الوطني", PUBLISHED) == []


def test_nothing_in_the_text_falls_back_to_publication():
    found = event_date("قصفت الطائرات مواقع المسلحين", PUBLISHED)
    assert (found.date, found.precision, found.source, found.inferred) == (date(2018, 4, 18), "day", "published", True)
    assert (found.start, found.end) == (None, None)
    nothing = event_date("قصفت الطائرات مواقع المسلحين", None)
    assert (nothing.date, nothing.precision, nothing.source) == (None, None, "none")


def test_relative_expressions_need_a_publication_time_absolute_ones_do_not():
    assert find_dates("وقع الهجوم أمس", None) == []
    assert when("وقع الهجوم في 14 أبريل 2016", None) == (date(2016, 4, 14), "day", "14 أبريل 2016")


def test_publication_day_is_local():
    late = datetime(2018, 4, 18, 22, 30, tzinfo=timezone.utc)  # already Thursday in UTC+3
    assert when("قتل شخص اليوم", late)[0] == date(2018, 4, 19)
    assert event_date("قتل شخص اليوم", late, tz=timezone.utc).date == date(2018, 4, 18)
    assert when("قتل شخص", late)[0] == date(2018, 4, 19)


def test_choice_among_expressions():
    text = "قال الجيش اليوم إن غارة أمس قتلت ثلاثة مسلحين"
    # a day other than the publication day is preferred to the reporting day
    assert when(text)[0] == date(2018, 4, 17)
    # nearest to the trigger when the coder gives one
    assert event_date(text, PUBLISHED, anchor=text.index("قال")).date == date(2018, 4, 18)
    # finer precision first
    assert when("قتل العام الماضي شخص ثم اعتقل آخر أمس")[0] == date(2018, 4, 17)


def test_offsets_into_a_longer_text():
    text = "عنوان.\nوقعت الغارة أمس. وسيعقد الاجتماع غدا."
    s1, s2 = split_sentences(text)[1:]
    first = event_date(text, PUBLISHED, s1.start, s1.end)
    assert (first.date, text[first.start:first.end]) == (date(2018, 4, 17), "أمس")
    second = event_date(text, PUBLISHED, s2.start, s2.end)
    assert (second.date, text[second.start:second.end]) == (date(2018, 4, 19), "غدا")


def test_acled_time_precision_and_dict():
    assert ACLED_TIME_PRECISION == {"day": 1, "week": 2, "month": 3, "year": 3}
    found = event_date("جرت الاشتباكات الأسبوع الماضي", PUBLISHED)
    assert found.acled_time_precision == 2
    assert found.as_dict() == {"date": "2018-04-12", "precision": "week", "time_precision": 2, "source": "text",
                               "start": 15, "end": 29, "earliest": "2018-04-09", "latest": "2018-04-15"}
    assert EventDate(None, None, "none").acled_time_precision is None


@pytest.mark.shared_data
def test_real_articles_no_crash_and_dates_near_publication():
    path = shared("ant_multisource/middleEast_2018.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for _, line in zip(range(300), fh)]
    relative = 0
    for article in articles:
        published = parse_date(article["time"])
        text = article["text"]
        for s in split_sentences(text):
            for f in find_dates(text, published, s.start, s.end):
                assert s.start <= f.start < f.end <= s.end
                assert f.earliest <= f.date <= f.latest and f.precision in ACLED_TIME_PRECISION
                if f.precision == "day" and not any(ch.isdigit() for ch in text[f.start:f.end]):
                    relative += 1  # weekdays and relative days: within a fortnight of publication
                    assert abs(f.date - published.date()) <= timedelta(days=15), text[f.start:f.end]
            chosen = event_date(text, published, s.start, s.end)
            assert chosen.date is not None
    assert relative > 100


def test_for_years_and_the_worst_in_a_month_are_periods_not_dates():
    assert when("وتظاهر المئات ضد الفساد الذي يحاربه العراقيون منذ سنوات")[0] == date(2018, 4, 18)
    assert when("شن التنظيم أعنف هجوم منذ شهر ضد القوات")[0] == date(2018, 4, 18)
    # without them, منذ + a duration is "ago"
    assert when("قتل جندي منذ أيام في هجوم")[1] == "week"
    assert when("قتل جندي منذ شهر في هجوم")[0] == date(2018, 3, 19)


def test_an_old_date_in_another_clause_does_not_date_the_event():
    text = "وخرج آلاف الفلسطينيين في مسيرات العودة، وتزامنت المسيرات مع ذكرى مقتل ستة خلال مظاهرات عام 1976"
    marched = event_date(text, PUBLISHED, anchor=text.index("خرج"))
    assert (marched.date, marched.source) == (date(2018, 4, 18), "published")
    killed = event_date(text, PUBLISHED, anchor=text.index("مقتل"))
    assert killed.date.year == 1976
    # a chronology entry keeps its date (no clause break between it and the event)
    entry = "ـ 13 يونيو 2007: اغتيال النائب بانفجار سيارة مفخخة في بيروت"
    assert event_date(entry, PUBLISHED, anchor=entry.index("اغتيال")).date == date(2007, 6, 13)
    # but a date that opens a "when" clause frames what the sentence goes on to tell
    framed = "وتعرضت سمعته لضربة في 2014 عندما تعامل ببرود مع أزمة المنجم، حيث قتل 301 شخصا"
    assert event_date(framed, PUBLISHED, anchor=framed.index("قتل")).date.year == 2014
    assert when("سجلت في 2014 حالة وفاة")[2] is None  # 2014 cases: a count, not a year
    after_comma = "بعد سلسلة من الهجمات في عام 2015، حيث قتل 71 شخصا في حوادث متعددة"
    assert event_date(after_comma, PUBLISHED, anchor=after_comma.index("قتل")).date.year == 2015


def test_fighting_going_on_for_a_month_is_a_period():
    assert when("قتل في المعارك المستمرة منذ شهر 267 من المسلحين")[0] == date(2018, 4, 18)


def test_an_expression_that_says_its_time_is_to_come_is_marked_ahead():
    published = datetime(2018, 5, 10, 9, 0, tzinfo=timezone.utc)
    text = "وستبدأ أول جلسات المحاكمة يوم الأحد المقبل"
    assert event_date(text, published).ahead
    # a bare weekday is the latest one before publication, and says nothing of the future
    assert not event_date("وبدأت أول جلسات المحاكمة يوم الأحد", published).ahead
    assert not event_date("خرجت مظاهرات أمس", published).ahead
