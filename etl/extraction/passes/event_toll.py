"""The event's toll: the casualty figures of the sentence that are the event's own, as ranges, and the
other figures (totals over a period, earlier reports) kept as totals."""

from __future__ import annotations

from dataclasses import replace

from etl.text.tokens import Token


# This many deaths or more in one sentence's toll is a count over a war or an era, not one event's toll (the
# deadliest single attacks of the ANT years and of ACLED's Middle East data stay well below it); the vague
# "آلاف" (thousands) spans 2,000 to 9,999, so "قتل الآلاف" is such a count (its highest reading decides).
MAX_EVENT_TOLL = 2000


def _toll_within(toll, tokens: list[Token], lo: int, hi: int, whole: bool):
    """The part of a sentence's toll whose evidence lies in tokens [lo, hi) (all of it for a lone event)."""
    if toll is None or whole:
        return toll
    start = tokens[lo].start
    end = tokens[hi - 1].end if hi > lo else start
    kept = {}
    for key in ("killed", "injured", "abducted", "arrested"):
        figure = getattr(toll, key)
        kept[key] = figure if figure is not None and start <= figure.start < end else None
    kept["mentions"] = tuple((c, f) for c, f in toll.mentions if start <= f.start < end)
    return replace(toll, **kept)


_TOTAL_CATEGORIES = {"ASSAULT": ("killed", "injured", "abducted"), "COERCE": ("arrested",)}


def _totals(toll, event_type: str) -> list[dict]:
    """The figures of the event's part of the sentence that are not its toll (see Event.totals)."""
    if toll is None:
        return []
    wanted = _TOTAL_CATEGORIES.get(event_type, ())
    return [{"category": c, "scope": f.scope, "low": f.low, "best": f.best, "high": f.high, "start": f.start,
             "end": f.end} for c, f in toll.totals() if c in wanted]


def _range(toll, key: str) -> dict | None:
    """A toll figure (etl.extraction.casualties.Figure) as {low, best, high, start, end}."""
    figure = getattr(toll, key, None) if toll is not None else None
    if figure is None:
        return None
    return {"low": figure.low, "best": figure.best, "high": figure.high, "start": figure.start, "end": figure.end}
