"""The selection an analyst asks for (date range, countries, types, sources), shared by every export, the
map and the chart, so that the same options mean the same rows everywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, exists, select

from etl.load.models import Article, EventLink, EventRow


@dataclass(frozen=True)
class EventFilter:
    start: date | None = None  # event_date on or after
    end: date | None = None  # event_date on or before
    countries: tuple[str, ...] = field(default_factory=tuple)  # ISO 3166 alpha-2, as in events.country_code
    types: tuple[str, ...] = field(default_factory=tuple)  # PLOVER (ASSAULT) or ACLED event types (Battles)
    sources: tuple[str, ...] = field(default_factory=tuple)  # sources.id: an event reported by any of them

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"the date range is empty: {self.start} is after {self.end}")
        for code in self.countries:
            if len(code) != 2 or not code.isalpha():
                raise ValueError(f"country {code!r}: give ISO 3166 alpha-2 codes, as in events.country_code (SY, IQ)")

    def apply(self, query: Select) -> Select:
        """`query` (which selects from `events`) narrowed to this selection."""
        if self.start:
            query = query.where(EventRow.event_date >= self.start)
        if self.end:
            query = query.where(EventRow.event_date <= self.end)
        if self.countries:
            query = query.where(EventRow.country_code.in_([c.upper() for c in self.countries]))
        if self.types:
            query = query.where(EventRow.event_type.in_(self.types) | EventRow.acled_event_type.in_(self.types))
        if self.sources:
            reported = (select(EventLink.id).join(Article, Article.id == EventLink.article_id)
                        .where(EventLink.event_id == EventRow.id, Article.source_id.in_(self.sources)))
            query = query.where(exists(reported))
        return query

    def describe(self) -> str:
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '…'} to {self.end or '…'}")
        for label, values in (("countries", self.countries), ("types", self.types), ("sources", self.sources)):
            if values:
                parts.append(f"{label} {', '.join(values)}")
        return "; ".join(parts) or "all events"
