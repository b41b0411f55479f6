"""Dates in feeds and Arabic text, to timezone-aware UTC.

Feeds mostly carry RFC 822 (`Sat, 14 Apr 2018 13:31:34 GMT`) or ISO 8601 dates, which feedparser
already parses; this module handles what it does not: Arabic month names in the three systems,
Arabic-Indic digits, day-first numeric dates, and the ص/م (am/pm) markers. A date without a zone
is read in the source's zone (UTC unless given).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources

import yaml

from etl.text.arabic import ascii_digits, normalize_for_match

UTC = timezone.utc


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Normalized month spelling -> month number, from etl/data/arabic_months.yaml (validated)."""
    raw = yaml.safe_load(resources.files("etl").joinpath("data/arabic_months.yaml").read_text("utf-8"))
    if not isinstance(raw, dict) or sorted(raw) != list(range(1, 13)):
        raise ValueError("arabic_months.yaml must map each month 1..12 to a list of names")
    names: dict[str, int] = {}
    for month, spellings in raw.items():
        if not isinstance(spellings, list) or not all(isinstance(s, str) and s for s in spellings):
            raise ValueError(f"arabic_months.yaml: month {month} needs a list of names")
        for spelling in spellings:
            key = normalize_for_match(spelling)
            if names.get(key, month) != month:
                raise ValueError(f"arabic_months.yaml: {spelling!r} names two months")
            names[key] = month
    return names


def _month_pattern() -> re.Pattern[str]:
    alternatives = sorted(month_names(), key=len, reverse=True)
    return re.compile(
        r"(?P<day>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?P<month>" + "|".join(map(re.escape, alternatives)) + r")"
        r"(?:\s*[/(\-]\s*(?:" + "|".join(map(re.escape, alternatives)) + r")\s*\)?)?"
        r"[\s,،]*(?:عام|سنة)?\s*(?P<year>\d{4})"
    )


_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[صم]|AM|PM|am|pm)?(?![\w])")
_OFFSET = re.compile(r"(?:GMT|UTC|غرينتش|جرينتش)?\s*(?P<sign>[+-])(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?\s*$")
_NUMERIC = re.compile(r"(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4})")


@lru_cache(maxsize=1)
def _arabic_date() -> re.Pattern[str]:
    return _month_pattern()


def _apply_time(text: str, base: datetime) -> tuple[datetime, str]:
    """Add the clock time found in `text`; also return what follows it (where a zone may be)."""
    match = _TIME.search(text)
    if not match:
        return base, ""
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"] or 0)
    marker = (match["ampm"] or "").lower()
    if marker in ("م", "pm") and hour < 12:
        hour += 12
    elif marker in ("ص", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return base, ""
    return base.replace(hour=hour, minute=minute, second=second), text[match.end():]


def _zone(text: str, default: tzinfo) -> tzinfo:
    match = _OFFSET.search(text)
    if not match:
        return UTC if re.search(r"\b(GMT|UTC)\b|غرينتش|جرينتش", text) else default
    delta = timedelta(hours=int(match["hh"]), minutes=int(match["mm"] or 0))
    return timezone(-delta if match["sign"] == "-" else delta)


def parse_date(raw: str | None, default_tz: tzinfo = UTC) -> datetime | None:
    """Parse a date string from a feed or an article; None when it cannot be read."""
    if not raw or not raw.strip():
        return None
    text = ascii_digits(raw.strip())
    try:
        value = parsedate_to_datetime(text)
        return (value if value.tzinfo else value.replace(tzinfo=default_tz)).astimezone(UTC)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        value = datetime.fromisoformat(text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text)
        return (value if value.tzinfo else value.replace(tzinfo=default_tz)).astimezone(UTC)
    except ValueError:
        pass
    folded = normalize_for_match(text)
    match = _arabic_date().search(folded)
    if match:
        year, month, day = int(match["year"]), month_names()[match["month"]], int(match["day"])
        rest = folded[match.end():]
    else:
        match = _NUMERIC.search(folded)
        if not match:
            return None
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        rest = folded[match.end():]
    try:
        base = datetime(year, month, day)
    except ValueError:
        return None
    value, after_time = _apply_time(rest, base)
    return value.replace(tzinfo=_zone(after_time, default_tz)).astimezone(UTC)
