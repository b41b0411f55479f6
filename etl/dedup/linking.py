"""Event linking: event mentions -> canonical `events`, across articles, outlets and days.

Linked are the mentions that happened (asserted, reported or claimed) with a date, of the configured
salience - by default only `main`: a background mention names an earlier event in passing ("since the
strike on X last month"), and its date is usually the article's publication date, not the event's, so it
would found phantom events on the wrong day or attach to the wrong one.

Pending mentions (no link yet) are taken in link order (date, publication time, then the natural key:
article URL, field, trigger start, type), in chunks, ONE locked transaction per chunk
(etl.load.dedup.take_lock). Each joins the best compatible event among those whose date could match
(etl.dedup.matching), loaded with all their mentions, or founds a new event keyed by its own natural key
(article:field:trigger_start:type); equal scores go to the event whose first mention comes first. Every
event a chunk touches is recomputed from all its mentions (counts, first/last seen, toll, best place, actor
and date): nothing is frozen at first sighting. Nothing depends on row ids or on the order rows are read
in, so the same mentions give the same events whichever extraction batch committed first and on either
database.

Re-extraction deletes an article's mentions; their links keep the event but lose the mention (ON DELETE
SET NULL). Each run first drops such orphaned links and recomputes (or deletes, when empty) their events;
the article's new mentions are then pending and are linked like any other.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from etl.dedup.config import DedupConfig, EventConfig
from etl.dedup.fingerprints import words
from etl.extraction.when import ACLED_TIME_PRECISION
from etl.dedup.matching import (
    COARSE, ActorRef, Mention, PlaceRef, Summary, compatible, date_class, link_order, mention_interval, reach_days,
    score, summarize,
)
from etl.load.db import session_scope
from etl.load.dedup import bulk_insert, chunked, member_of, rows_in, take_lock
from etl.load.models import (
    ActorRow, Article, EventLink, EventMention, EventMentionActor, EventMentionPlace, EventRow, Place, StoryArticle,
    utcnow,
)

log = logging.getLogger(__name__)


@dataclass
class LinkResult:
    mentions_linked: int = 0
    events_created: int = 0
    events_updated: int = 0
    orphan_links_removed: int = 0
    events_deleted: int = 0
    events_merged: int = 0

    def add(self, other: "LinkResult") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def natural_key(article: int | str, field_: str, trigger_start: int, event_type: str, part: int = 0) -> tuple:
    """A mention's identity: its article, field, trigger offset, type, and its part when a trigger told events
    in several places (a first part adds nothing, so keys made before parts existed are unchanged)."""
    return (article, field_, trigger_start, event_type) + ((part,) if part else ())


def mention_key(article_id: int, field_: str, trigger_start: int, event_type: str, part: int = 0) -> str:
    return ":".join(map(str, natural_key(article_id, field_, trigger_start, event_type, part)))


# ------------------------------------------------------------------------------------------ reading

def _feature_query():
    m, a = EventMention, Article
    ma, act = aliased(EventMentionActor), aliased(ActorRow)
    mr, rec = aliased(EventMentionActor), aliased(ActorRow)
    p = aliased(EventMentionPlace)
    place = aliased(Place)
    return (select(m.id, m.article_id, m.field, m.trigger_start, m.event_type, m.part, m.mode, m.event_date,
                   m.date_precision,
                   m.date_source, m.fatalities_low, m.fatalities_best, m.fatalities_high, m.injured_low,
                   m.injured_best, m.injured_high, a.source_id, func.coalesce(a.published_at, a.first_seen_at),
                   StoryArticle.story_id,
                   ma.actor_id, act.actor_key, ma.country, ma.sector, mr.actor_id, rec.actor_key, mr.country, mr.sector,
                   p.place_id, p.name_en, p.text, p.latitude, p.longitude, p.precision, p.admin1, p.country_code,
                   p.inherited, m.sentence_text, a.canonical_url, m.salience, m.acled_event_type,
                   m.acled_sub_event_type, m.cameo, place.admin1_code)
            .join(a, a.id == m.article_id)
            .outerjoin(StoryArticle, StoryArticle.article_id == m.article_id)
            .outerjoin(ma, and_(ma.mention_id == m.id, ma.role == "actor")).outerjoin(act, act.id == ma.actor_id)
            .outerjoin(mr, and_(mr.mention_id == m.id, mr.role == "recipient")).outerjoin(rec, rec.id == mr.actor_id)
            .outerjoin(p, and_(p.mention_id == m.id, p.rank == 0)).outerjoin(place, place.id == p.place_id), m.id)


def _mention(row) -> Mention | None:
    (mid, article_id, field_, trigger_start, event_type, part, mode, event_date, precision, source, f_lo, f_best, f_hi,
     i_lo, i_best, i_hi, source_id, published, story_id, a_id, a_key, a_country, a_sector, r_id, r_key, r_country,
     r_sector, place_id, name_en, place_text, lat, lon, geo_precision, admin1, country, inherited, sentence,
     url, salience, acled_type, acled_sub, cameo, admin1_code) = row
    if event_date is None:
        return None
    actor = ActorRef(a_id, a_key, a_country, a_sector) if a_id is not None else None
    recipient = ActorRef(r_id, r_key, r_country, r_sector) if r_id is not None else None
    place = None
    if place_id is not None or (lat is not None and lon is not None):
        place = PlaceRef(place_id, name_en or place_text, lat, lon, geo_precision or 4, admin1, country, bool(inherited),
                         admin1_code)
    return Mention(mid, mention_key(article_id, field_, trigger_start, event_type, part), article_id, source_id, story_id,
                   published, event_type, mode, event_date, precision, source, actor, recipient, place,
                   (f_lo, f_best, f_hi), (i_lo, i_best, i_hi), sentence_key(sentence),
                   natural_key(url, field_, trigger_start, event_type, part), salience, (acled_type, acled_sub),
                   cameo, sentence)


def sentence_key(sentence: str | None) -> int | None:
    """The same sentence in two articles (folded words, so diacritics and spacing do not count)."""
    folded = " ".join(words(sentence or ""))
    if len(folded) < 20:  # a headline fragment this short says too little to call two reports one
        return None
    return int.from_bytes(hashlib.blake2b(folded.encode(), digest_size=8).digest(), "little", signed=True)


def load_mentions(session: Session, mention_ids) -> dict[int, Mention]:
    query, key = _feature_query()
    found: dict[int, Mention] = {}
    for chunk in chunked(sorted(set(mention_ids))):
        for row in session.execute(query.where(member_of(session, key, chunk))):
            mention = _mention(row)
            if mention is not None:
                found[mention.mention_id] = mention
    return found


def pending_mentions(session: Session, cfg: EventConfig) -> list[int]:
    """Mentions to link: happened, dated, of a linked salience, and not linked yet, in link order (date,
    publication time, natural key). Sorted here rather than in SQL: the two databases collate text apart,
    and ids would make the chunks, and so the events, depend on which extraction batch committed first."""
    m, a = EventMention, Article
    rows = session.execute(
        select(m.id, m.event_date, func.coalesce(a.published_at, a.first_seen_at), a.canonical_url, m.field,
               m.trigger_start, m.event_type, m.part)
        .join(a, a.id == m.article_id).outerjoin(EventLink, EventLink.mention_id == m.id)
        .where(EventLink.id.is_(None), m.happened.is_(True), m.salience.in_(cfg.salience), m.event_date.is_not(None),
               m.timing == "current"))
    return [row[0] for row in sorted(rows, key=lambda r: link_order(r[1], r[2], natural_key(*r[3:])))]


# ------------------------------------------------------------------------------------------ events in memory

@dataclass
class _Event:
    first: tuple  # link order of its earliest mention: the tie-break between equal scores (the older event)
    id: int | None
    key: str | None
    event_type: str
    members: list[Mention]
    summary: Summary
    new_links: list[tuple[Mention, float]] = field(default_factory=list)
    changed: bool = False
    merged_into: "_Event | None" = None

    def __eq__(self, other) -> bool:  # identity: two events are never equal by value
        return self is other

    __hash__ = object.__hash__


class _Index:
    """Events of this transaction by type and best date, so a mention only looks at those it may join."""

    def __init__(self, cfg: EventConfig) -> None:
        self.cfg = cfg
        self.events: list[_Event] = []
        self.by_day: dict[tuple[str, date], list[_Event]] = defaultdict(list)  # dates of a day or a week
        self.coarse: dict[tuple[str, str], list[_Event]] = defaultdict(list)  # month and year dates
        self.absorbed: list[tuple[int, _Event]] = []  # stored events merged into another: (id, the survivor)

    def add(self, event: _Event) -> None:
        self.events.append(event)
        self._bucket(event).append(event)

    def _bucket(self, event: _Event) -> list[_Event]:
        s = event.summary
        if date_class(s.date_precision) == "day":
            return self.by_day[(s.event_type, s.event_date)]
        return self.coarse[(s.event_type, s.date_precision)]

    def join(self, event: _Event, mention: Mention, value: float) -> None:
        self._bucket(event).remove(event)
        event.members.append(mention)
        event.first = min(event.first, mention.order)
        event.new_links.append((mention, value))
        event.summary = summarize(event.event_type, event.members, self.cfg)
        event.changed = True
        self._bucket(event).append(event)

    def merge(self, keep: _Event, gone: _Event) -> None:
        """One event absorbs another (a mention showed they are one): its mentions and new links move over."""
        self._bucket(keep).remove(keep)
        self._bucket(gone).remove(gone)
        self.events.remove(gone)
        keep.members.extend(gone.members)
        keep.first = min(keep.first, gone.first)
        keep.new_links.extend(gone.new_links)
        keep.summary = summarize(keep.event_type, keep.members, self.cfg)
        keep.changed = True
        gone.merged_into = keep
        if gone.id is not None:
            self.absorbed.append((gone.id, keep))
        self._bucket(keep).append(keep)

    def candidates(self, m: Mention) -> list[_Event]:
        if date_class(m.date_precision) != "day":
            return list(self.coarse.get((m.event_type, m.date_precision), ()))
        lo, hi = mention_interval(m, self.cfg)
        reach = timedelta(days=reach_days(self.cfg))
        found = []
        day = lo - reach
        while day <= hi + reach:
            found.extend(self.by_day.get((m.event_type, day), ()))
            day += timedelta(days=1)
        return found


def _windows(mentions: list[Mention], cfg: EventConfig) -> dict[tuple[str, str], list[tuple[date, date]]]:
    """Per event type and date class, the merged date ranges in which an event's best date could match."""
    spans: dict[tuple[str, str], list[tuple[date, date]]] = defaultdict(list)
    for m in mentions:
        lo, hi = mention_interval(m, cfg)
        reach = timedelta(days=reach_days(cfg, m.date_precision))
        spans[(m.event_type, date_class(m.date_precision))].append((lo - reach, hi + reach))
    merged: dict[tuple[str, str], list[tuple[date, date]]] = {}
    for key, ranges in spans.items():
        out: list[list[date]] = []
        for lo, hi in sorted(ranges):
            if out and lo <= out[-1][1] + timedelta(days=1):
                out[-1][1] = max(out[-1][1], hi)
            else:
                out.append([lo, hi])
        merged[key] = [(lo, hi) for lo, hi in out]
    return merged


def _load_events(session: Session, mentions: list[Mention], cfg: EventConfig) -> list[_Event]:
    """The stored events these mentions could join, each with all its (non-orphaned) mentions."""
    conditions = []
    for (type_, klass), ranges in _windows(mentions, cfg).items():
        if klass == "day":
            same_class = or_(EventRow.date_precision.is_(None), EventRow.date_precision.not_in(COARSE))
        else:
            same_class = EventRow.date_precision == klass
        for lo, hi in ranges:
            conditions.append(and_(EventRow.event_type == type_, EventRow.event_date.between(lo, hi), same_class))
    rows = []
    for chunk in chunked(conditions, 200):
        rows.extend(session.execute(select(EventRow.id, EventRow.event_key, EventRow.event_type).where(or_(*chunk))).all())
    return _with_members(session, {r[0]: (r[1], r[2]) for r in rows}, cfg)


def _with_members(session: Session, events: dict[int, tuple[str, str]], cfg: EventConfig) -> list[_Event]:
    links = rows_in(session, (EventLink.event_id, EventLink.mention_id), EventLink.event_id, events,
                    EventLink.mention_id.is_not(None))
    mentions = load_mentions(session, [mid for _, mid in links])
    members: dict[int, list[Mention]] = defaultdict(list)
    for event_id, mid in links:
        if mid in mentions:
            members[event_id].append(mentions[mid])
    found = []
    for event_id in sorted(events):
        key, type_ = events[event_id]
        if members[event_id]:
            group = sorted(members[event_id], key=lambda m: m.order)  # the links come back in no set order
            found.append(_Event(group[0].order, event_id, key, type_, group, summarize(type_, group, cfg)))
    return found


# ------------------------------------------------------------------------------------------ writing

@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A country's English short name (CLDR, through babel), as analysts' tables write it."""
    if not code or code == "XX":
        return None
    from babel import Locale

    return Locale("en").territories.get(code.upper()) or code


def _columns(s: Summary) -> dict:
    actor, recipient, place = s.actor, s.recipient, s.place
    return {
        "event_type": s.event_type, "mode": s.mode, "event_date": s.event_date, "date_precision": s.date_precision,
        "date_source": s.date_source,
        "actor_id": actor.actor_id if actor else None, "actor_country": actor.country if actor else None,
        "actor_sector": actor.sector if actor else None,
        "recipient_id": recipient.actor_id if recipient else None,
        "recipient_country": recipient.country if recipient else None,
        "recipient_sector": recipient.sector if recipient else None,
        "place_id": place.place_id if place else None, "place_name": place.name if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "country_code": place.country if place else None, "admin1": place.admin1 if place else None,
        "geo_precision": place.precision if place else None,
        "acled_event_type": s.acled[0], "acled_sub_event_type": s.acled[1], "cameo": s.cameo,
        "country_name": country_name(place.country) if place else None,
        "admin1_code": place.admin1_code if place else None,
        "acled_time_precision": ACLED_TIME_PRECISION.get(s.date_precision or "day"),
        "acled_geo_precision": min(place.precision, 3) if place else None,
        "evidence": s.evidence,
        "fatalities_low": s.fatalities[0], "fatalities_best": s.fatalities[1], "fatalities_high": s.fatalities[2],
        "injured_low": s.injured[0], "injured_best": s.injured[1], "injured_high": s.injured[2],
        "num_mentions": s.num_mentions, "num_articles": s.num_articles, "num_sources": s.num_sources,
        "num_stories": s.num_stories, "first_seen": s.first_seen, "last_seen": s.last_seen, "updated_at": utcnow(),
    }


def _free_keys(session: Session, wanted: list[str]) -> list[str]:
    """Event keys for new events: the founding mention's key, with ~2, ~3 … when an event still holds it
    (its founder was re-extracted and now founds a different event)."""
    taken = {k for (k,) in rows_in(session, (EventRow.event_key,), EventRow.event_key, wanted)}
    taken |= {k for (k,) in rows_in(session, (EventRow.event_key,), EventRow.event_key,
                                    [f"{w}~{n}" for w in wanted if w in taken for n in range(2, 6)])}
    keys = []
    for key in wanted:
        candidate, n = key, 1
        while candidate in taken:
            n += 1
            candidate = f"{key}~{n}"
        taken.add(candidate)
        keys.append(candidate)
    return keys


def _write(session: Session, index: _Index, result: LinkResult) -> None:
    new = [e for e in index.events if e.id is None]
    now = utcnow()
    for event, key in zip(new, _free_keys(session, [e.members[0].mention_key for e in new])):
        event.key = key
    bulk_insert(session, EventRow.__table__, [{"event_key": e.key, "created_at": now, **_columns(e.summary)}
                                              for e in new])
    ids = dict(rows_in(session, (EventRow.event_key, EventRow.id), EventRow.event_key, [e.key for e in new]))
    for event in new:
        event.id = ids[event.key]
    result.events_created += len(new)
    for gone, keep in index.absorbed:  # their stored links now belong to the survivor; the row goes
        while keep.merged_into is not None:
            keep = keep.merged_into
        session.execute(update(EventLink).where(EventLink.event_id == gone).values(event_id=keep.id))
        session.execute(delete(EventRow).where(EventRow.id == gone))
    result.events_merged += len(index.absorbed)
    fresh = {id(e) for e in new}
    updates = [{"id": e.id, **_columns(e.summary)} for e in index.events if e.changed and id(e) not in fresh]
    for chunk in chunked(updates, 500):
        session.execute(update(EventRow), chunk)
    result.events_updated += len(updates)
    links = [{"mention_id": m.mention_id, "event_id": e.id, "article_id": m.article_id, "mention_key": m.mention_key,
              "score": value, "linked_at": now} for e in index.events for m, value in e.new_links]
    bulk_insert(session, EventLink.__table__, links)
    result.mentions_linked += len(links)


# ------------------------------------------------------------------------------------------ steps

def link_chunk(session: Session, mention_ids: list[int], cfg: EventConfig) -> LinkResult:
    """Link these mentions (those still unlinked) in one transaction; the caller holds the lock."""
    result = LinkResult()
    linked = {mid for (mid,) in rows_in(session, (EventLink.mention_id,), EventLink.mention_id, mention_ids)}
    mentions = sorted(load_mentions(session, [m for m in mention_ids if m not in linked]).values(), key=lambda m: m.order)
    if not mentions:
        return result
    index = _Index(cfg)
    for event in _load_events(session, mentions, cfg):
        index.add(event)
    for m in mentions:
        best, best_value, fits = None, None, []
        for event in index.candidates(m):
            same_article = any(other.article_id == m.article_id for other in event.members)
            if compatible(m, event.summary, cfg, same_article):
                fits.append(event)
                value = score(m, event.summary, cfg, same_article)
                if best is None or value > best_value or (value == best_value and event.first < best.first):
                    best, best_value = event, value
        if best is not None:
            index.join(best, m, best_value)
            _merge_bridged(index, best, [e for e in fits if e is not best], cfg)
        else:
            index.add(_Event(m.order, None, None, m.event_type, [m], summarize(m.event_type, [m], cfg), [(m, 0.0)],
                             True))
    _write(session, index, result)
    return result


def _merge_bridged(index: _Index, event: _Event, others: list[_Event], cfg: EventConfig) -> None:
    """A mention that fits several events bridges them: each other event that, as a whole, is compatible with
    the one the mention joined (the same test as a mention's, on the two summaries) is the same real event,
    told apart only because the reports came in a different order. The older event absorbs the younger."""
    for other in sorted(others, key=lambda e: e.first):
        if other.merged_into is not None or other is event:
            continue  # (merged away already, into this event or another)
        articles = {m.article_id for m in event.members}
        same_article = any(m.article_id in articles for m in other.members)
        if compatible(other.summary, event.summary, cfg, same_article):
            keep, gone = (event, other) if event.first <= other.first else (other, event)
            index.merge(keep, gone)
            event = keep


def recompute_events(session: Session, event_ids, cfg: EventConfig) -> tuple[int, int]:
    """Recompute events from their mentions; delete those left with none. Returns (updated, deleted)."""
    ids = set(event_ids)
    if not ids:
        return 0, 0
    meta = {r[0]: (r[1], r[2]) for r in rows_in(session, (EventRow.id, EventRow.event_key, EventRow.event_type),
                                                 EventRow.id, ids)}
    events = _with_members(session, meta, cfg)
    alive = {e.id for e in events}
    empty = set(meta) - alive
    for chunk in chunked(empty):
        session.execute(delete(EventLink).where(member_of(session, EventLink.event_id, chunk)))
        session.execute(delete(EventRow).where(member_of(session, EventRow.id, chunk)))
    updates = [{"id": e.id, **_columns(e.summary)} for e in events]
    for chunk in chunked(updates, 500):
        session.execute(update(EventRow), chunk)
    return len(updates), len(empty)


def repair_orphans(session: Session, cfg: EventConfig) -> LinkResult:
    """Drop links whose mention was deleted (re-extraction) and recompute their events."""
    result = LinkResult()
    events = set(session.scalars(select(EventLink.event_id).where(EventLink.mention_id.is_(None)).distinct()))
    if not events:
        return result
    result.orphan_links_removed = session.execute(delete(EventLink).where(EventLink.mention_id.is_(None))).rowcount
    result.events_updated, result.events_deleted = recompute_events(session, events, cfg)
    return result


def link_pending(url: str, cfg: DedupConfig, progress=None) -> LinkResult:
    """Repair orphaned links, then link every pending mention, chunk by chunk (one transaction each)."""
    with session_scope(url) as session:
        take_lock(session)
        total = repair_orphans(session, cfg.events)
    with session_scope(url) as session:
        pending = pending_mentions(session, cfg.events)
    size = cfg.events.batch_size
    for start in range(0, len(pending), size):
        chunk = pending[start:start + size]
        with session_scope(url) as session:
            take_lock(session)
            total.add(link_chunk(session, chunk, cfg.events))
        if progress:
            progress(len(chunk), len(pending))
    return total


def rebuild(url: str) -> None:
    """Forget every canonical event and link (the next run links all mentions again)."""
    with session_scope(url) as session:
        take_lock(session)
        session.execute(delete(EventLink))
        session.execute(delete(EventRow))
