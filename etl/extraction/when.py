"""When an event happened: a date and its precision from a sentence and the article's publication time.

Expressions read (each with its span in the text):

* dates: «14 أبريل 2018», «14 نيسان/أبريل», «يوم 27 ديسمبر الماضي», «أبريل الماضي», «2018/4/14»,
  with the Gregorian month names of both Arabic systems (and the Maghrebi ones) from
  etl.text.dates.month_names(); Hijri dates «15 رمضان 1445 هـ», «15 رمضان» (converted with hijridate,
  Umm al-Qura); years «عام 2014»;
* days relative to publication: «اليوم», «أمس», «أول من أمس», «غدا», with a part of the day
  («فجر اليوم», «مساء أمس», «ليل أمس», «الليلة الماضية»);
* weekdays: «الخميس», «يوم الخميس», «فجر اليوم الأربعاء», «ليل الثلاثاء»: the latest such day on or before
  publication; «الخميس الماضي» the latest strictly before it; «الخميس المقبل» the next one;
* periods: «الأسبوع الماضي», «هذا الأسبوع», «الشهر الماضي», «العام الماضي», «خلال الأيام الماضية»;
* durations ago: «قبل ثلاثة أيام», «منذ يومين», «قبل أسبوعين», «قبل شهر», «منذ أيام» (a few days).

«منذ» before a date or a year means "since" («منذ عام 2011»): such an expression is found but flagged
`since` and never chosen as the event date.

Precision is "day", "week", "month" or "year"; ACLED's time_precision has three levels (1 the day,
2 the week, 3 the month), so a year maps to 3 as well (ACLED_TIME_PRECISION). For a coarse expression,
`date` is the middle of its window (`earliest`..`latest`): weeks are ISO weeks, Monday to Sunday, whose
middle is the Thursday; months the 15th; years the 1st of July.

Relative expressions are resolved on the publication time in the newsroom's zone (`tz`, UTC+3 by
default: the middle of the region's zones, Morocco UTC+1 to the Gulf UTC+4), since «اليوم» in an article
published at 23:30 UTC is already the next day in Baghdad. The weekday names, day parts and Hijri months
are closed sets of the language and the calendar, so they live here rather than in a dictionary file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Sequence

from hijridate import Gregorian, Hijri

from etl.text.dates import month_names
from etl.text.numbers import Quantity, atoms, find_quantities
from etl.text.tokens import Token, tokenize

DEFAULT_TZ = timezone(timedelta(hours=3))
PRECISIONS = ("day", "week", "month", "year")
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


@dataclass(frozen=True, slots=True)
class EventDate:
    date: date | None
    precision: str | None  # day / week / month / year; None when there is no date at all
    source: str  # "text": read in the sentence; "published": the publication date; "none"
    start: int | None = None  # the expression in the text
    end: int | None = None
    earliest: date | None = None  # the window the expression allows
    latest: date | None = None
    since: bool = False  # «منذ عام 2011»: the start of a period, not the event's date
    ahead: bool = False  # the expression itself says the time is to come (غدا، الجمعة المقبلة، الشهر القادم)

    @property
    def acled_time_precision(self) -> int | None:
        return ACLED_TIME_PRECISION.get(self.precision) if self.precision else None

    @property
    def inferred(self) -> bool:
        return self.source != "text"

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat() if self.date else None, "precision": self.precision,
                "time_precision": self.acled_time_precision, "source": self.source, "start": self.start,
                "end": self.end, "earliest": self.earliest.isoformat() if self.earliest else None,
                "latest": self.latest.isoformat() if self.latest else None}


# ---------------------------------------------------------------------------------------------- words

def _k(word: str) -> str:
    return tokenize(word)[0].key


_WEEKDAYS = {_k(w): n for w, n in (("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2),
                                    ("الخميس", 3), ("الجمعة", 4), ("السبت", 5), ("الأحد", 6))}
_DAY_PARTS = frozenset(_k(w) for w in ("فجر", "صباح", "ظهر", "عصر", "مساء", "ليل", "ليلة", "منتصف", "ظهيرة",
                                       "صبيحة", "عشية", "نهار", "يوم", "أمسية"))
_PAST = frozenset(_k(w) for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق"))
_NEXT = frozenset(_k(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة"))
_CURRENT = frozenset(_k(w) for w in ("الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه"))
_TODAY = _k("اليوم")
_YESTERDAY = frozenset(_k(w) for w in ("أمس", "الأمس", "البارحة"))
_TOMORROW = frozenset(_k(w) for w in ("غدا", "غد", "الغد"))
_TONIGHT = _k("الليلة")
_FIRST = _k("أول")
_FROM = _k("من")
_AGO = frozenset(_k(w) for w in ("قبل", "منذ"))
_SINCE = _k("منذ")
# Before «منذ» + a duration, a superlative or "going on" makes it a period (أعنف هجوم منذ شهر، المعارك المستمرة
# منذ شهر), not a time ago
_PERIOD_OPENERS = frozenset(_k(w) for w in ("أعنف", "أكبر", "أسوأ", "أول", "الأول", "الأولى", "أكثر", "أشد", "أخطر",
                                            "أعلى", "أدمى", "أضخم", "أقوى", "أوسع", "الأعنف", "الأكبر", "الأسوأ",
                                            "الأكثر", "الأشد", "الأخطر", "الأدمى", "المستمرة", "المستمر", "مستمرة",
                                            "مستمر", "المتواصلة", "المتواصل", "متواصلة", "متواصل"))
_YEAR_WORDS = frozenset(_k(w) for w in ("عام", "العام", "سنة", "السنة"))
_MONTH_WORDS = frozenset(_k(w) for w in ("شهر", "الشهر"))
_WEEK_WORDS = frozenset(_k(w) for w in ("الأسبوع", "الاسبوع"))
_HIJRI_MARK = frozenset(_k(w) for w in ("هـ", "ه", "هجري", "هجرية", "للهجرة"))
_EVERY = frozenset(_k(w) for w in ("كل", "أيام"))  # كل جمعة، أيام الجمعة والسبت: not one day
# «اليوم» followed by one of these is not today: اليوم التالي، اليوم نفسه، اليوم الوطني
_NOT_TODAY_AFTER = frozenset(_k(w) for w in ("التالي", "نفسه", "ذاته", "الأول", "الثاني", "الثالث", "الأخير",
                                             "الوطني", "العالمي", "الدولي", "الموعود", "السابق", "الذي", "الذى"))
_NOT_TODAY_BEFORE = frozenset(_k(w) for w in ("نفس", "ذات", "ذلك", "طوال", "طيلة"))  # نفس اليوم: that day
_BEFORE_MONTH_ONLY = frozenset(_k(w) for w in ("في", "شهر", "خلال", "منذ", "مطلع", "أوائل", "أواخر", "أواسط",
                                               "منتصف", "نهاية", "بداية", "مستهل", "أواخر", "حتى", "بحلول"))
# durations: singular noun, plural nouns -> (days per unit, precision)
_DURATIONS = {}
for _words, _days, _precision, _vague in (
        (("ساعة", "ساعات"), 0, "day", "day"),
        (("يوم", "أيام", "يوما"), 1, "day", "week"),
        (("أسبوع", "أسابيع", "أسبوعا"), 7, "week", "month"),
        (("شهر", "أشهر", "شهور", "شهرا"), 30, "month", "year"),
        (("عام", "سنة", "أعوام", "سنوات", "عاما", "سنين"), 365, "year", "year")):
    for _w in _words:
        _DURATIONS[_k(_w)] = (_days, _precision, _vague)
_PLURAL_DURATIONS = frozenset(_k(w) for w in ("ساعات", "أيام", "أسابيع", "أشهر", "شهور", "أعوام", "سنوات", "سنين"))

_HIJRI_MONTHS = {
    ("محرم",): 1, ("صفر",): 2, ("ربيع", "الأول"): 3, ("ربيع", "أول"): 3, ("ربيع", "الآخر"): 4,
    ("ربيع", "الثاني"): 4, ("ربيع", "ثاني"): 4, ("جمادى", "الأولى"): 5, ("جمادى", "الأول"): 5,
    ("جمادى", "الآخرة"): 6, ("جمادى", "الثانية"): 6, ("جمادى", "الآخر"): 6, ("رجب",): 7, ("شعبان",): 8,
    ("رمضان",): 9, ("شوال",): 10, ("ذو", "القعدة"): 11, ("ذي", "القعدة"): 11, ("ذو", "الحجة"): 12,
    ("ذي", "الحجة"): 12,
}
# Hijri months that are also common words or names (صفر "zero", رجب in رجب طيب أردوغان, محرم "forbidden"):
# read only with a day number or a year
_HIJRI_NEEDS_NUMBER = frozenset({1, 2, 7})

_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?:(?P<y1>\d{4})[/.-](?P<m1>\d{1,2})[/.-](?P<d1>\d{1,2})|"
                           r"(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4}))(?![\d/.-])")


@lru_cache(maxsize=1)
def _gregorian_months() -> dict[tuple[str, ...], int]:
    """Month names as tuples of token keys (كانون الثاني → ('كانون', 'الثاني')), with «تشرين أول» too."""
    months: dict[tuple[str, ...], int] = {}
    for name, month in month_names().items():
        keys = tuple(t.key for t in tokenize(name))
        months[keys] = month
        if len(keys) == 2 and keys[1].startswith("ال"):
            months[(keys[0], keys[1][2:])] = month  # تشرين أول، كانون ثاني
    return months


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Keys a date expression can start with (besides digits): other tokens are skipped at once."""
    keys = {words[0] for words in _gregorian_months()} | {words[0] for words in _hijri_months()}
    keys |= set(_WEEKDAYS) | _YESTERDAY | _TOMORROW | _AGO | _WEEK_WORDS | _MONTH_WORDS | _YEAR_WORDS
    keys |= {_TODAY, _TONIGHT, _FIRST, "هذا", "هذه"} | {_k(w) for w in ("الأيام", "الأسابيع", "الأشهر", "الشهور",
                                                                     "الساعات")}
    return frozenset(keys)


@lru_cache(maxsize=1)
def _hijri_months() -> dict[tuple[str, ...], int]:
    return {tuple(_k(w) for w in words): month for words, month in _HIJRI_MONTHS.items()}


# ---------------------------------------------------------------------------------------------- windows

def _week(day: date, weeks: int = 0) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return monday, monday + timedelta(days=6)


def _month(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _middle(earliest: date, latest: date, precision: str) -> date:
    if precision == "week":
        return earliest + timedelta(days=3)
    if precision == "month":
        return earliest.replace(day=15)
    if precision == "year":
        return date(earliest.year, 7, 1)
    return earliest + (latest - earliest) / 2


def _found(precision: str, earliest: date, latest: date, start: int, end: int, since: bool = False,
           day: date | None = None) -> EventDate:
    middle = day if day is not None else (earliest if earliest == latest else _middle(earliest, latest, precision))
    return EventDate(middle, precision, "text", start, end, earliest, latest, since)


# ---------------------------------------------------------------------------------------------- reading

class _Reader:
    def __init__(self, text: str, toks: list[Token], today: date | None) -> None:
        self.text = text
        self.toks = toks
        self.keys = [t.key for t in toks]
        self.n = len(toks)
        self.today = today
        self._q_at: dict[int, Quantity] | None = None

    @property
    def q_at(self) -> dict[int, Quantity]:
        """Quantities by the index of their numeral's first token; read only when a reader needs them."""
        if self._q_at is None:
            self._q_at = {}
            if self.toks:
                quantities = find_quantities(self.text, self.toks[0].start, self.toks[-1].end, toks=self.toks)
                k = 0
                for q in quantities:
                    while k < self.n and self.toks[k].start < q.value_start:
                        k += 1
                    if k < self.n:
                        self._q_at[k] = q
        return self._q_at

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < self.n else ""

    def bare(self, i: int) -> str:
        """The key without a conjunction (والخميس → الخميس, وأمس → أمس)."""
        key = self.key(i)
        return key[1:] if key[:1] in "وف" and len(key) > 3 else key

    def adjacent(self, a: int, b: int) -> bool:
        gap = self.text[self.toks[a].end:self.toks[b].start]
        return not gap.strip() or gap.strip() in ("/", "-", "(", ")", "،", ",") and "\n" not in gap

    def day_number(self, i: int) -> int | None:
        key = self.key(i)
        if key.isdigit() and len(key) <= 2 and 1 <= int(key) <= 31:
            return int(key)
        return None

    def year_number(self, i: int) -> int | None:
        key = self.key(i)
        if key.isdigit() and len(key) == 4:
            return int(key)
        return None

    def month_at(self, i: int, table: dict[tuple[str, ...], int]) -> tuple[int, int] | None:
        """(month, index after) of a month name starting at token i (its first word may carry و)."""
        for size in (2, 1):
            if i + size > self.n:
                continue
            rest = tuple(self.keys[i + 1:i + size])
            for first in dict.fromkeys((self.key(i), self.bare(i))):  # فبراير is not ف + براير
                if (first,) + rest in table and all(self.adjacent(a, a + 1) for a in range(i, i + size - 1)):
                    return table[(first,) + rest], i + size
        return None


def find_dates(text: str, published: datetime | None, start: int = 0, end: int | None = None, *,
               tz: tzinfo = DEFAULT_TZ, tokens: Sequence[Token] | None = None) -> list[EventDate]:
    """Every date expression in text[start:end] (offsets into `text`), resolved against `published`.

    Relative expressions need the publication time and are skipped without it; absolute dates are
    read all the same (a day and month with no year take the year of publication, else are skipped).
    """
    end = len(text) if end is None else end
    today = _local_day(published, tz)
    toks = atoms(text, start, end, tokens)
    r = _Reader(text, toks, today)
    starters = _starters()
    found: list[EventDate] = []
    for m in _NUMERIC_DATE.finditer(text, start, end):
        y, mo, d = (m["y1"], m["m1"], m["d1"]) if m["y1"] else (m["y2"], m["m2"], m["d2"])
        day = _valid(int(y), int(mo), int(d))
        if day is not None:
            found.append(_found("day", day, day, m.start(), m.end()))
    taken = [(f.start, f.end) for f in found]
    i = 0
    while i < r.n:
        key = r.keys[i]
        if (key not in starters and not key.isdigit() and (key[:1] not in "وف" or key[1:] not in starters)) \
                or (taken and any(a <= toks[i].start < b for a, b in taken)):
            i += 1
            continue
        result = None
        for reader in (_gregorian, _hijri, _weekday, _relative_day, _period, _ago, _year):
            result = reader(r, i)
            if result is not None:
                break
        if result is None:
            i += 1
            continue
        expression, after = result
        if expression is not None:
            found.append(expression)
        i = max(after, i + 1)
    found.sort(key=lambda f: f.start)
    return found


_CLAUSE_MARKS = ("،", ",", "؛", ";", ".")
_WHEN_CONJUNCTIONS = frozenset({"عندما", "حين", "حينما", "لما", "وعندما", "وحين", "وحينما", "حيث", "وحيث"})
_WHEN_KEYS = frozenset(_k(w) for w in _WHEN_CONJUNCTIONS)  # في 2014 عندما: a year (في 2014 حالة: a count)


def event_date(text: str, published: datetime | None, start: int = 0, end: int | None = None, *,
               anchor: int | None = None, tz: tzinfo = DEFAULT_TZ,
               tokens: Sequence[Token] | None = None) -> EventDate:
    """The date of the event told in text[start:end]: the nearest expression to `anchor` (an offset, e.g.
    the trigger's) when given, else the most precise, preferring a day other than the publication day
    ("قال اليوم إن غارة أمس ..."), then the first. With nothing in the text: the publication day,
    `source` "published"; with no publication time either: date None, `source` "none"."""
    candidates = [f for f in find_dates(text, published, start, end, tz=tz, tokens=tokens) if not f.since]
    today = _local_day(published, tz)
    if anchor is not None and today is not None:
        # «خرج آلاف … في مسيرات العودة، وتزامنت المسيرات مع يوم الأرض … خلال مظاهرات عام 1976»: a date over a
        # year old, in another clause than the event's word, is another event's
        # (but a date that opens the sentence frames all of it: «وفي شباط/فبراير 2015، خطف التنظيم …»)
        def other_clause(f: EventDate) -> bool:
            lo, hi = (f.end, anchor) if f.end <= anchor else (anchor, f.start)
            if f.end <= anchor and len(text[start:f.start].split()) <= 1:
                return False
            after = [w for w in (w.strip("،,()") for w in text[f.end:anchor].split()) if w][:1]
            if f.end <= anchor and after and after[0] in _WHEN_CONJUNCTIONS:
                # «في 2014 عندما تعامل ببرود مع أزمة المنجم، حيث قتل 301»، «في عام 2015، حيث قتل 71»: the
                # clause the date opens goes on to tell the event
                return False
            return any(mark in text[lo:hi] for mark in _CLAUSE_MARKS)
        candidates = [f for f in candidates if f.date is None or (today - f.date).days <= 365 or not other_clause(f)]
    if candidates:

        def rank(f: EventDate):
            distance = 0 if anchor is None else (0 if f.start <= anchor < f.end else
                                                 min(abs(anchor - f.start), abs(anchor - f.end)))
            return (distance if anchor is not None else 0, PRECISIONS.index(f.precision),
                    1 if f.date == today else 0, f.start)
        chosen = min(candidates, key=rank)
        # (only its own words: a later day read from a bare weekday or month may be a misreading of the past)
        ahead = today is not None and chosen.date is not None and chosen.date > today and any(
            t.key in _NEXT or t.key in _TOMORROW for t in tokenize(text[chosen.start:chosen.end]))
        return replace(chosen, ahead=True) if ahead else chosen
    if published is None:
        return EventDate(None, None, "none")
    today = _local_day(published, tz)
    return EventDate(today, "day", "published", None, None, today, today)


def _local_day(published: datetime | None, tz: tzinfo) -> date | None:
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    return published.astimezone(tz).date()


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------- readers
# Each reader looks at token i and returns (EventDate or None, index after the expression) or None.

def _gregorian(r: _Reader, i: int):
    """[weekday] [يوم] DAY [من] [شهر] MONTH[/MONTH] [YEAR] [الماضي|المقبل]; or MONTH [YEAR|الماضي]."""
    start_i = i
    day = r.day_number(i)
    j = i + 1 if day is not None else i
    if day is not None:
        if r.key(j) == _FROM:
            j += 1
        if r.key(j) in _MONTH_WORDS:
            j += 1
    month = r.month_at(j, _gregorian_months())
    if month is None:
        return None
    number, j = month
    # نيسان/أبريل, أبريل (نيسان): the same month in the other system
    other = r.month_at(j, _gregorian_months()) if j < r.n and r.adjacent(j - 1, j) else None
    if other is not None and ("/" in r.text[r.toks[j - 1].end:r.toks[j].start] or other[0] == number):
        j = other[1]  # آذار/نيسان 2014: two months, dated by the first
    year = None
    if j < r.n and r.key(j) in _YEAR_WORDS and r.year_number(j + 1):
        j += 1
    if r.year_number(j) and r.adjacent(j - 1, j):
        year, j = r.year_number(j), j + 1
    relation = None
    if r.key(j) in _PAST | _NEXT | _CURRENT and r.key(j) not in ("هذا", "هذه"):
        relation, j = r.key(j), j + 1
    elif year is None and r.key(j) == _FROM:
        # 9 يناير من العام الماضي / من هذا العام / من العام المقبل
        this = r.key(j + 1) in ("هذا", "هذه")
        k = j + 2 if this else j + 1
        relation_word = "" if this else r.key(k + 1)
        if r.key(k) in _YEAR_WORDS and r.today is not None and (this or relation_word in _PAST | _NEXT | _CURRENT):
            year = r.today.year + (-1 if relation_word in _PAST else 1 if relation_word in _NEXT else 0)
            j = k + 1 if this else k + 2
    if day is None:
        # a month alone: only in a date-like context (في أبريل، أبريل الماضي، مارس 2018)
        before = r.bare(i - 1) if i > 0 else ""
        if year is None and relation is None and before not in _BEFORE_MONTH_ONLY:
            return None
    year = year or _infer_year(r.today, number, day or 15, relation)
    if year is None:
        return None, j
    start, end = r.toks[_with_weekday(r, start_i)].start, r.toks[j - 1].end
    if day is None:
        earliest, latest = _month(year, number)
        return _found("month", earliest, latest, start, end, since=_since(r, i)), j
    when = _valid(year, number, day)
    if when is None:
        return None, j
    return _found("day", when, when, start, end, since=_since(r, i)), j


def _with_weekday(r: _Reader, i: int) -> int:
    """Index where a date starts when a weekday (and يوم) stands before it: الأربعاء 14 مارس."""
    k = i
    if k > 0 and r.key(k - 1) in (_k("يوم"),):
        k -= 1
    if k > 0 and r.bare(k - 1) in _WEEKDAYS:
        k -= 1
    return k


def _since(r: _Reader, i: int) -> bool:
    k = _with_weekday(r, i)
    for back in (k - 1, k - 2):
        if back >= 0 and r.bare(back) == _SINCE:
            return True
        if back >= 0 and r.key(back) not in (_k("في"), _k("يوم"), _k("عام"), _k("العام"), _k("شهر"), _k("مطلع")):
            break
    return False


def _infer_year(today: date | None, month: int, day: int, relation: str | None) -> int | None:
    """The year of a day and month given without one: the occurrence nearest publication (a coming one
    weighed four times as far), or the last one before it (الماضي) or the next one after it (المقبل)."""
    if today is None:
        return None
    options = []
    for year in (today.year - 1, today.year, today.year + 1):
        when = _valid(year, month, min(day, 28 if month == 2 else day))
        if when is not None:
            options.append(when)
    if relation in _PAST:
        options = [d for d in options if d < today] or options
        return max(options).year
    if relation in _NEXT:
        options = [d for d in options if d > today] or options
        return min(options).year
    # news tells what happened far more often than what is to come: a coming day counts four times its distance
    # (14 أبريل written on 24 January is last April; 30 مايو written on 20 May is still this month)
    return min(options, key=lambda d: (d - today).days * 4 if d > today else (today - d).days).year


def _hijri(r: _Reader, i: int):
    """DAY HIJRI-MONTH [YEAR] [هـ]; a month alone only after شهر (شهر رمضان). Without a year, the occurrence
    nearest publication."""
    day = r.day_number(i)
    j = i + 1 if day is not None else i
    month = r.month_at(j, _hijri_months())
    if month is None:
        return None
    number, j = month
    year = None
    if r.year_number(j) and r.adjacent(j - 1, j):
        year, j = r.year_number(j), j + 1
    if j < r.n and r.key(j) in _HIJRI_MARK:
        j += 1
    if day is None and year is None:
        if not (i > 0 and r.key(i - 1) in _MONTH_WORDS) or number in _HIJRI_NEEDS_NUMBER:
            return None
    if year is None:
        if r.today is None:
            return None, j
        # the occurrence nearest publication, as for Gregorian dates without a year
        this_year = Gregorian(r.today.year, r.today.month, r.today.day).to_hijri().year
        options = [(abs((d - r.today).days), y) for y in (this_year - 1, this_year, this_year + 1)
                   if (d := _from_hijri(y, number, day or 15)) is not None]
        if not options:
            return None, j
        year = min(options)[1]
    first_i = i - 1 if day is None and i > 0 and r.key(i - 1) in _MONTH_WORDS else _with_weekday(r, i)
    start, end = r.toks[first_i].start, r.toks[j - 1].end
    if day is None:
        first = _from_hijri(year, number, 1)
        last = _from_hijri(year, number, 29)
        if first is None or last is None:
            return None, j
        last = _from_hijri(year, number, 30) or last
        return _found("month", first, last, start, end, since=_since(r, i), day=first + (last - first) / 2), j
    when = _from_hijri(year, number, day)
    if when is None:
        return None, j
    return _found("day", when, when, start, end, since=_since(r, i)), j


def _from_hijri(year: int, month: int, day: int) -> date | None:
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def _weekday(r: _Reader, i: int):
    """[part of day] [اليوم] WEEKDAY [WEEKDAY] [الماضي|المقبل]."""
    weekday = _WEEKDAYS.get(r.bare(i))
    if weekday is None or r.today is None:
        return None
    if i > 0 and r.bare(i - 1) in _EVERY:
        j = i + 1
        while j < r.n and r.bare(j) in _WEEKDAYS:
            j += 1  # أيام الجمعة والسبت: the days of every week, not one day
        return None, j
    start_i = i
    while start_i > 0 and (r.key(start_i - 1) == _TODAY or r.bare(start_i - 1) in _DAY_PARTS) \
            and r.adjacent(start_i - 1, start_i):
        start_i -= 1
    j = i + 1
    if j < r.n and r.key(j) in _WEEKDAYS and r.adjacent(i, j):
        j += 1  # ليل الثلاثاء الأربعاء: the night from one day to the next, dated by the first
    relation = r.key(j) if r.key(j) in _PAST | _NEXT else None
    if relation:
        j += 1
    # a date right after it is read by _gregorian: الأربعاء 14 مارس
    if r.day_number(j) is not None and r.month_at(j + 1, _gregorian_months()):
        return None, i + 1
    back = (r.today.weekday() - weekday) % 7
    if relation in _PAST and back == 0:
        back = 7
    when = r.today + timedelta(days=(7 - back) % 7 or 7) if relation in _NEXT else r.today - timedelta(days=back)
    return _found("day", when, when, r.toks[start_i].start, r.toks[j - 1].end), j


def _relative_day(r: _Reader, i: int):
    """اليوم، أمس، أول من أمس، أول أمس، غدا، بعد غد، الليلة (الماضية), with a part of the day before."""
    key = r.bare(i)
    if r.today is None or not (key == _TODAY or key in _YESTERDAY or key in _TOMORROW or key == _TONIGHT
                               or (key == _FIRST and r.bare(i + 1) in (_FROM, *_YESTERDAY))):
        return None
    j = i + 1
    if key == _FIRST:  # أول من أمس، أول أمس
        if r.key(j) == _FROM:
            j += 1
        if r.bare(j) not in _YESTERDAY:
            return None
        offset, j = -2, j + 1
    elif key == _TODAY:
        if r.key(j) in _NOT_TODAY_AFTER or r.key(j) in _WEEKDAYS or r.key(i - 1) in _NOT_TODAY_BEFORE:
            return None  # اليوم التالي، نفس اليوم (not today); اليوم الأربعاء (read as a weekday)
        offset = 0
    elif key in _YESTERDAY:
        offset = -1
        if r.key(j) == _k("الأول"):
            offset, j = -2, j + 1  # أمس الأول
    elif key == _TONIGHT:
        offset = 0
        if r.key(j) in _PAST:
            offset, j = -1, j + 1  # الليلة الماضية
    else:
        offset = 1
    start_i = i
    if offset == 1 and i > 0 and r.key(i - 1) == _k("بعد"):
        offset, start_i = 2, i - 1  # بعد غد
    while start_i > 0 and r.bare(start_i - 1) in _DAY_PARTS and r.adjacent(start_i - 1, start_i):
        start_i -= 1
    when = r.today + timedelta(days=offset)
    return _found("day", when, when, r.toks[start_i].start, r.toks[j - 1].end), j


def _period(r: _Reader, i: int):
    """الأسبوع / الشهر / العام الماضي، هذا الأسبوع، الشهر الجاري، خلال الأيام الماضية."""
    if r.today is None:
        return None
    key = r.bare(i)
    start_i = i
    if key in ("هذا", "هذه") and r.key(i + 1) in _WEEK_WORDS | _MONTH_WORDS | _YEAR_WORDS:
        unit_i, relation, j = i + 1, "current", i + 2
    elif key in _WEEK_WORDS | _MONTH_WORDS | _YEAR_WORDS:
        nxt = r.key(i + 1)
        if nxt in _PAST:
            relation = "past"
        elif nxt in _NEXT:
            relation = "next"
        elif nxt in _CURRENT:
            relation = "current"
        else:
            return None
        unit_i, j = i, i + 2
    elif key in (_k("الأيام"), _k("الأسابيع"), _k("الأشهر"), _k("الشهور"), _k("الساعات")) and r.key(i + 1) in _PAST:
        return _recent(r, i, key), i + 2
    else:
        return None
    unit = r.key(unit_i)
    today = r.today
    if unit in _WEEK_WORDS:
        earliest, latest = _week(today, {"past": -1, "current": 0, "next": 1}[relation])
        precision = "week"
    elif unit in _MONTH_WORDS:
        y, m = _shift_month(today, {"past": -1, "current": 0, "next": 1}[relation])
        earliest, latest = _month(y, m)
        precision = "month"
    else:
        y = today.year + {"past": -1, "current": 0, "next": 1}[relation]
        earliest, latest, precision = date(y, 1, 1), date(y, 12, 31), "year"
    found = _found(precision, earliest, latest, r.toks[start_i].start, r.toks[j - 1].end)
    if relation == "current" and found.date > today:
        found = replace(found, date=today)  # this week / month / year: not after publication
    return found, j


def _recent(r: _Reader, i: int, key: str) -> EventDate:
    """خلال الأيام الماضية: the window back from publication, a step coarser than its unit."""
    today = r.today
    span, precision = {_k("الساعات"): (1, "day"), _k("الأيام"): (9, "week"), _k("الأسابيع"): (60, "month"),
                       _k("الأشهر"): (365, "year"), _k("الشهور"): (365, "year")}[key]
    earliest = today - timedelta(days=span)
    found = _found(precision, earliest, today, r.toks[i].start, r.toks[i + 1].end)
    return replace(found, date=today - timedelta(days=span // 2))


def _ago(r: _Reader, i: int):
    """قبل / منذ + duration: قبل ثلاثة أيام، منذ يومين، قبل أسبوع، منذ أيام، قبل نحو شهرين."""
    if r.bare(i) not in _AGO or r.today is None:
        return None
    j = i + 1
    q = r.q_at.get(j)
    if q is None and r.key(j) in (_k("نحو"), _k("حوالي"), _k("قرابة")):
        q = r.q_at.get(j + 1)
        j += 1 if q is not None else 0
    count: float | None = None
    if q is not None:
        k = j
        while k < r.n and r.toks[k].end <= q.value_end:
            k += 1
        if q.kind == "dual" and q.noun is not None:
            unit_key, count, after = q.noun, 2, k
        else:
            unit_key, count, after = r.key(k), q.best, k + 1
            if q.kind == "vague":
                count = None  # بضعة أيام: a few
    else:
        unit_key, after = r.key(j), j + 1
    duration = _DURATIONS.get(unit_key)
    if duration is None or r.year_number(after) is not None:
        return None  # not a duration, or «منذ عام 2011»: a year, read by _year
    days, precision, vague_precision = duration
    today = r.today
    start, end = r.toks[i].start, r.toks[after - 1].end
    if r.bare(i) == _SINCE and any(r.bare(k) in _PERIOD_OPENERS for k in range(max(0, i - 4), i)):
        # أعنف هجوم منذ شهر، المعارك المستمرة منذ شهر: a period, not "a month ago"
        return replace(_found(precision, today, today, start, end), since=True), after
    if days == 0:
        return _found("day", today, today, start, end), after  # قبل ساعات، منذ 24 ساعة
    if count is None and unit_key in _PLURAL_DURATIONS and r.bare(i) == _SINCE and days >= 30:
        # منذ سنوات، منذ أشهر: "for years" - a period that goes on, not when the event took place
        return replace(_found(vague_precision, today, today, start, end), since=True), after
    if count is None and unit_key in _PLURAL_DURATIONS:
        # منذ أيام، قبل أسابيع: a few units ago (2 to 9), a step coarser
        earliest, latest = today - timedelta(days=max(days, 1) * 9), today - timedelta(days=max(days, 1) * 2)
        found = _found(vague_precision, earliest, latest, start, end)
        return replace(found, date=earliest + (latest - earliest) / 2), after
    back = round(days * (count if count is not None else 1))
    if not 0 <= back <= 36500:
        return None, after  # منذ ألفي عام: history, not an event date
    when = today - timedelta(days=back)
    if precision == "day":
        return _found("day", when, when, start, end), after
    found = _found(precision, when, when, start, end)
    return replace(found, earliest=when - timedelta(days=days // 2), latest=when + timedelta(days=days // 2)), after


def _year(r: _Reader, i: int):
    """عام 2014، سنة 2014، في 2014، منذ 2011 (a since), 1445 هـ."""
    year = r.year_number(i)
    if year is None or i == 0:
        return None
    before = r.bare(i - 1)
    if before not in _YEAR_WORDS | {_k("في"), _SINCE, _k("خلال"), _k("حتى"), _k("مطلع"), _k("نهاية")}:
        return None
    start_i = i - 1
    if before in _YEAR_WORDS and i >= 2 and r.bare(i - 2) == _SINCE:
        start_i = i - 2
    j = i + 1
    hijri = j < r.n and r.key(j) in _HIJRI_MARK
    if hijri:
        first, last = _from_hijri(year, 1, 1), _from_hijri(year, 12, 29)
        if first is None or last is None:
            return None, j + 1
        found = _found("year", first, _from_hijri(year, 12, 30) or last, r.toks[start_i].start, r.toks[j].end,
                       since=r.bare(start_i) == _SINCE)
        return replace(found, date=first + (last - first) / 2), j + 1
    if not 1900 <= year <= 2100:
        return None
    if r.q_at.get(i) is not None and j < r.n and r.key(j) not in _PAST and r.key(j) not in _WHEN_KEYS \
            and r.adjacent(i, j) and not r.text[r.toks[i].end:r.toks[j].start].strip() and before not in _YEAR_WORDS:
        return None  # في 2014 حالة: a count, not a year
    since = r.bare(start_i) == _SINCE
    return _found("year", date(year, 1, 1), date(year, 12, 31), r.toks[start_i].start, r.toks[i].end,
                  since=since), j
