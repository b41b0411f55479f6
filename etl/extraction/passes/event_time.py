"""The event's time: its date read from the sentence (or a narrative's next day), and whether it is
current, history or still to come."""

from __future__ import annotations

from datetime import date, datetime, timedelta
import re
from typing import Callable

from etl.extraction.cues import Cues
from etl.extraction.dictionaries import Dictionaries
from etl.extraction.passes.grammar import Reader, _after_word, _token_at
from etl.extraction.passes.mentions import Event, _Sentence
from etl.extraction.when import DEFAULT_TZ
from etl.text.tokens import Token, strip_article


# An event whose own date ends more than this many days before the publication day is history, not news of
# the period (ACLED codes an event from the reports of its own days; a week covers a weekly's delay).
HISTORY_DAYS = 7


class EventTime(Reader):
    """Dates an event from its sentence."""

    def __init__(self, d: Dictionaries, cues: Cues, base: Reader | None, event_date: Callable | None,
                 history_days: int) -> None:
        super().__init__(d, cues, base)
        self._event_date = event_date
        self.history_days = history_days

    def date_from_narrative(self, tokens: list[Token], s: _Sentence, found: list[Event], last_day: date,
                             published: datetime | None) -> None:
        """«وفي اليوم التالي، شنت الطائرات غارات»: events dated only by publication in a sentence that goes on
        with the story take the day after (the same day, the week after) the last day the text read."""
        folded = " " + " ".join(strip_article(t.key) for t in tokens[s.lo:s.hi]) + " "
        for words, days, precision in ((self.cues.narrative_next_day, 1, "day"), (self.cues.narrative_same_day, 0, "day"),
                                       (self.cues.narrative_following_days, 4, "week")):
            if any(f" {w} " in folded for w in words):
                day = (last_day + timedelta(days=days)).isoformat()
                for e in found:
                    if e.date_source == "published":
                        e.date, e.date_precision, e.date_source = day, precision, "text"
                        e.timing = _timing(day, precision, "text", published, self.history_days)
                return

    def date(self, text: str, tokens: list[Token], s: _Sentence, published: datetime | None, anchor: int):
        """(ISO date, precision, source, ahead, year written) of the event whose trigger starts at `anchor`;
        ahead: where the date expression starts when it says itself that the time is still to come (يوم غد،
        الجمعة المقبلة); year written: the expression writes its year (else the year was inferred)."""
        if self._event_date is not None:
            found = self._event_date(text, published, s.start, s.end, anchor=anchor, tokens=tokens,
                                     tz=published.tzinfo if published is not None else DEFAULT_TZ)
            if found.source == "text" and found.end is not None and found.end <= anchor and published is not None:
                k = _token_at(tokens, anchor)
                if k > 0 and tokens[k - 1].start >= found.end and _after_word(tokens[k - 1]):
                    # «افتتح أردوغان قمة الجمعة … بعد مقتل 60 فلسطينيا»: Friday is the summit's; the killing named
                    # after بعد happened before it, on a day the sentence does not give
                    return published.date().isoformat(), "day", "published", None, False
            written = found.start is not None and bool(_YEAR_WRITTEN.search(text, found.start, found.end))
            return (found.date.isoformat() if found.date else None), found.precision, found.source, \
                (found.start if getattr(found, "ahead", False) else None), written
        if published is None:
            return None, None, None, None, False
        return published.date().isoformat(), "day", "published", None, False


_YEAR_WRITTEN = re.compile(r"[0-9٠-٩]{4}")


def _a_year_before(iso: str | None) -> date | None:
    if not iso:
        return None
    day = date.fromisoformat(iso)
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


_SLACK = {"day": 0, "week": 3, "month": 15, "year": 182}  # half a period each way of its middle day


def _timing(event_date: str | None, precision: str | None, source: str | None, published: datetime | None,
            history_days: int) -> str:
    """current / history / future (see Event.timing): by the window the event's own date allows."""
    if event_date is None or published is None or source != "text":
        return "current"
    day, today = date.fromisoformat(event_date), published.date()
    slack = timedelta(days=_SLACK.get(precision or "day", 0))
    if day + slack < today - timedelta(days=history_days):
        return "history"
    if day - slack > today:
        return "future"
    return "current"
