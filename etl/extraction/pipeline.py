"""Assembling the event coder with the text layer and the geocoder, and coding JSONL records.

`make_coder()` is what the CLI, the DAG and the benchmarks use: the packaged dictionaries, the sentence
splitter, the casualty reader, the event-date reader and a geocoder over the gazetteer (from the events
database when a URL is given, else built from the packaged data).
"""

from __future__ import annotations

from datetime import datetime, timezone

from etl.extraction.coder import EventCoder


def make_coder(geocode: bool = True, db_url: str | None = None) -> EventCoder:
    from etl.extraction.casualties import extract_casualties
    from etl.extraction.when import event_date
    from etl.text.sentences import split_sentences

    geocoder = None
    if geocode:
        from etl.geo.gazetteer import Gazetteer, packaged_gazetteer
        from etl.geo.geocoder import Geocoder

        geocoder = Geocoder(Gazetteer.from_db(db_url) if db_url else packaged_gazetteer())
    return EventCoder(geocoder=geocoder, split_sentences=split_sentences, casualties=extract_casualties,
                      event_date=event_date)


def parse_published(value) -> datetime | None:
    """An input record's `published`: ISO 8601 (a date alone is midnight UTC); None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value).strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"`published` {value!r} is not an ISO 8601 date or timestamp") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
