"""Writes of the event stage: canonical actors and the event mentions of an article, replaced whole.

An article's mentions are deleted and written again in the caller's transaction, so a re-extraction
with new dictionaries leaves no stale mention behind and a failure leaves the previous mentions intact.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from etl.load.models import ActorRow, EventMention, EventMentionActor, EventMentionPlace, EventMentionTotal, utcnow
from etl.load.places import mark_processed
from etl.load.store import _chunks, _insert

STAGE = "extract"


_ACTOR_COLUMNS = ("name_en", "name_ar", "country", "sector", "wikidata")


def upsert_actors(session: Session, actors: Sequence[dict]) -> dict[str, int]:
    """Canonical actors by key (name, country, sector as the dictionaries say today) -> row ids.

    Parallel extraction runs this in many transactions at once, so it takes row locks as little and in as
    fixed an order as it can: rows are inserted and updated in key order, an existing row only when one of
    its columns changed (an unchanged row is neither rewritten nor locked).
    """
    rows: dict[str, dict] = {}
    for actor in actors:
        key = actor["id"]
        if key.startswith("person:"):  # a person's country and sector depend on the date: kept per mention
            country, sector = None, None
        elif actor.get("country_from") == "place":  # civilians in Iraq: the mention's country, not the actor's
            country, sector = None, actor.get("sector")
        else:
            country, sector = actor.get("country"), actor.get("sector")
        rows[key] = {"actor_key": key, "name_en": actor.get("name") or key, "name_ar": actor.get("name_ar"),
                     "country": country, "sector": sector, "wikidata": actor.get("wikidata")}
    if not rows:
        return {}
    keys = sorted(rows)
    stored: dict[str, tuple] = {}
    for chunk in _chunks(keys):
        for row in session.execute(select(ActorRow.actor_key, *(getattr(ActorRow, c) for c in _ACTOR_COLUMNS))
                                   .where(ActorRow.actor_key.in_(chunk))):
            stored[row[0]] = tuple(row[1:])
    missing = [{**rows[k], "updated_at": utcnow()} for k in keys if k not in stored]
    for chunk in _chunks(missing):
        session.execute(_insert(session, ActorRow).on_conflict_do_nothing(index_elements=["actor_key"]), list(chunk))
    for key in keys:
        if key in stored and stored[key] != tuple(rows[key][c] for c in _ACTOR_COLUMNS):
            session.execute(update(ActorRow).where(ActorRow.actor_key == key)
                            .values(**{c: rows[key][c] for c in _ACTOR_COLUMNS}, updated_at=utcnow()))
    ids: dict[str, int] = {}
    for chunk in _chunks(keys):
        ids.update(session.execute(select(ActorRow.actor_key, ActorRow.id).where(ActorRow.actor_key.in_(chunk))).all())
    return ids


INT_MAX = 2**31 - 1  # the integer columns' bound on PostgreSQL


def _range(value: dict | None, key: str) -> int | None:
    number = value.get(key) if value else None
    # the coder bounds counts where it reads them (etl.extraction.casualties); this keeps a figure that
    # slipped past from failing the article's transaction
    return number if number is None or 0 <= number <= INT_MAX else None


def replace_article_events(session: Session, article_id: int, events: Sequence[tuple[str, dict]],
                           version: str, processed_version: str | None = None, truncated_at: int | None = None) -> int:
    """Store the (field, event) pairs of one article in place of its previous mentions; mark it coded
    (`processed_version`, when given, is what `article_processing` records: the coder and the text)."""
    session.execute(delete(EventMention).where(EventMention.article_id == article_id))
    seen: set[tuple] = set()
    unique = []
    for field, event in events:
        key = (field, event["trigger"]["start"], event["event_type"], event.get("part", 0))
        if key not in seen:  # one mention per trigger and type (the table's natural key)
            seen.add(key)
            unique.append((field, event))
    actor_ids = upsert_actors(session, [e[r] for _, e in unique for r in ("actor", "recipient") if e.get(r)])
    now = utcnow()
    for field, event in unique:
        fatalities, injured = event.get("fatalities"), event.get("injured")
        mention = EventMention(
            article_id=article_id, field=field, event_type=event["event_type"], mode=event.get("mode") or None,
            cameo=event["cameo"], acled_event_type=event.get("acled_event_type"),
            acled_sub_event_type=event.get("acled_sub_event_type"), modality=event["modality"],
            salience=event.get("salience", "main"), happened=event["modality"] in ("asserted", "reported", "claimed"),
            confidence=event["confidence"],
            event_date=date.fromisoformat(event["date"]) if event.get("date") else None,
            date_precision=event.get("date_precision"), date_source=event.get("date_source"),
            fatalities_low=_range(fatalities, "low"), fatalities_best=_range(fatalities, "best"),
            fatalities_high=_range(fatalities, "high"), injured_low=_range(injured, "low"),
            injured_best=_range(injured, "best"), injured_high=_range(injured, "high"),
            arrested_best=_range(event.get("arrested"), "best"), abducted_best=_range(event.get("abducted"), "best"),
            trigger_text=event["trigger"]["text"], trigger_start=event["trigger"]["start"],
            trigger_end=event["trigger"]["end"], trigger_id=event["trigger_id"],
            sentence_text=event["sentence"]["text"], sentence_start=event["sentence"]["start"],
            sentence_end=event["sentence"]["end"], coder_version=version, coded_at=now,
            timing=event.get("timing") or "current", part=event.get("part", 0))
        session.add(mention)
        session.flush()
        for role in ("actor", "recipient"):
            actor = event.get(role)
            if actor:
                session.add(EventMentionActor(
                    mention_id=mention.id, role=role, actor_id=actor_ids[actor["id"]], text=actor.get("text") or "",
                    start_char=actor.get("start"), end_char=actor.get("end"), country=actor.get("country"),
                    sector=actor.get("sector")))
        for total in event.get("totals") or []:
            session.add(EventMentionTotal(
                mention_id=mention.id, category=total["category"], scope=total["scope"],
                low=_range(total, "low"), best=_range(total, "best"), high=_range(total, "high"),
                start_char=total["start"], end_char=total["end"]))
        for rank, place in enumerate(event.get("locations") or []):
            session.add(EventMentionPlace(
                mention_id=mention.id, rank=rank, place_id=place.get("place_id"), text=place.get("text") or "",
                start_char=place.get("start"), end_char=place.get("end"), name_en=place.get("name_en"),
                latitude=place.get("latitude"), longitude=place.get("longitude"),
                country_code=place.get("country"), admin1=place.get("admin1"),
                feature_code=place.get("feature_code"), precision=place.get("precision"),
                inherited=bool(place.get("inherited"))))
    session.flush()
    mark_processed(session, article_id, STAGE, processed_version or version, len(unique), truncated_at=truncated_at)
    return len(unique)
