"""Past events the news recalls by name (etl/extraction/data/named_events.yaml): their dates, for mentions
whose own sentence gives none ("قتل 817 شخصا خلال فض اعتصام رابعة" is August 2013, not the article's day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from etl.extraction.lexicon import PhraseIndex

_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})


class NamedEventError(ValueError):
    """named_events.yaml is malformed; the message names the entry and the field."""


@dataclass(frozen=True, slots=True)
class NamedEvent:
    id: str
    date: date
    types: frozenset[str]


@lru_cache(maxsize=1)
def named_events() -> PhraseIndex[NamedEvent]:
    raw = yaml.safe_load(resources.files("etl.extraction").joinpath("data/named_events.yaml").read_text("utf-8"))
    return parse_named_events(raw)


def parse_named_events(raw) -> PhraseIndex[NamedEvent]:
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        raise NamedEventError("named_events.yaml: needs a list `events`")
    index: PhraseIndex[NamedEvent] = PhraseIndex()
    seen: set[str] = set()
    for n, entry in enumerate(raw["events"]):
        where = f"named_events.yaml: events[{n}]"
        if not isinstance(entry, dict) or set(entry) != {"id", "date", "types", "names"}:
            raise NamedEventError(f"{where}: needs exactly id, date, types and names")
        if not isinstance(entry["id"], str) or entry["id"] in seen:
            raise NamedEventError(f"{where}: id must be a unique string, got {entry['id']!r}")
        seen.add(entry["id"])
        day = entry["date"]
        if isinstance(day, str):
            try:
                day = date.fromisoformat(day)
            except ValueError:
                day = None
        if not isinstance(day, date):
            raise NamedEventError(f"{where} ({entry['id']}): date must be an ISO date, got {entry['date']!r}")
        types = entry["types"]
        if not isinstance(types, list) or not types or not set(types) <= _TYPES:
            raise NamedEventError(f"{where} ({entry['id']}): types must list some of {sorted(_TYPES)}")
        names = entry["names"]
        if not isinstance(names, list) or not names or not all(isinstance(x, str) and x.strip() for x in names):
            raise NamedEventError(f"{where} ({entry['id']}): names must be a list of Arabic phrases")
        event = NamedEvent(entry["id"], day, frozenset(types))
        for name in names:
            index.add(name, event)
    return index
