"""Helpers of the dedup tests (no tests here): articles written for the tests, stored directly, and event
mentions stored through the extraction's own writer (etl.load.events.replace_article_events)."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from etl.load.db import session_scope
from etl.load.models import Article, EventLink, EventRow, Source, Story, StoryArticle

D0 = datetime(2024, 3, 5, 9, 0, tzinfo=timezone.utc)  # a Tuesday
_SENTENCES = itertools.count(1)

OUTLETS = ("wire-a", "daily-b", "tv-c", "site-d")


def add_sources(url: str) -> None:
    with session_scope(url) as s:
        for sid in OUTLETS:
            if s.get(Source, sid) is None:
                s.add(Source(id=sid, outlet=sid, language="ar", country="IQ", feed_url=f"https://{sid}.example/rss",
                             poll_interval_minutes=30))


def add_article(url: str, source: str, title: str, content: str, published: datetime | None = D0,
                slug: str | None = None) -> int:
    add_sources(url)
    slug = slug or hashlib.sha1(f"{source}{title}{published}".encode()).hexdigest()[:12]
    with session_scope(url) as s:
        article = Article(source_id=source, guid=slug, url=f"https://{source}.example/{slug}",
                          canonical_url=f"https://{source}.example/{slug}", title=title, content=content,
                          content_source="feed", language="ar", arabic_share=1.0, published_at=published,
                          content_hash=hashlib.sha256(f"{title}\n{content}".encode()).hexdigest(),
                          word_count=len(content.split()))
        s.add(article)
        s.flush()
        return article.id


def rewrite_article(url: str, article_id: int, content: str) -> None:
    with session_scope(url) as s:
        article = s.get(Article, article_id)
        article.content = content
        article.content_hash = hashlib.sha256(f"{article.title}\n{content}".encode()).hexdigest()


def story_partition(url: str) -> set[frozenset[int]]:
    """The stories as sets of article ids (independent of story row ids)."""
    with session_scope(url) as s:
        groups: dict[int, set[int]] = {}
        for aid, sid in s.execute(select(StoryArticle.article_id, StoryArticle.story_id)):
            groups.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def story_of(url: str, article_id: int) -> Story:
    with session_scope(url) as s:
        return s.scalars(select(Story).join(StoryArticle, StoryArticle.story_id == Story.id)
                         .where(StoryArticle.article_id == article_id)).one()


def count(url: str, model) -> int:
    with session_scope(url) as s:
        return s.scalar(select(func.count()).select_from(model))


def snapshot(url: str) -> dict:
    """Everything the dedup steps write, without timestamps: equal snapshots mean nothing changed."""
    with session_scope(url) as s:
        stories = sorted((st.id, st.seed_article_id, st.num_articles, st.num_sources) for st in s.scalars(select(Story)))
        members = sorted(s.execute(select(StoryArticle.article_id, StoryArticle.story_id, StoryArticle.matched_article_id)).all())
        events = sorted(tuple(getattr(e, c) for c in (
            "id", "event_key", "event_type", "mode", "event_date", "actor_id", "recipient_id", "place_name",
            "fatalities_low", "fatalities_best", "fatalities_high", "num_mentions", "num_articles", "num_sources",
            "num_stories", "first_seen", "last_seen")) for e in s.scalars(select(EventRow)))
        links = sorted(s.execute(select(EventLink.mention_id, EventLink.event_id, EventLink.score)).all())
    return {"stories": stories, "members": members, "events": events, "links": links}


# ------------------------------------------------------------------------------------------ event mentions

PLACES = {  # name -> (lat, lon, precision, admin1, country)
    "Baghdad": (33.34, 44.40, 1, "Baghdad Governorate", "IQ"),
    "Karrada": (33.30, 44.43, 1, "Baghdad Governorate", "IQ"),
    "Basra": (30.51, 47.81, 1, "Basra Governorate", "IQ"),
    "Iraq": (33.2, 43.7, 4, None, "IQ"),
    "Mosul": (36.34, 43.13, 1, "Nineveh Governorate", "IQ"),
}

ACTORS = {  # key -> (name, country, sector)
    "generic:UAF": ("gunmen", None, "UAF"),
    "generic:CVL": ("civilians", None, "CVL"),
    "org:isis": ("Islamic State", "IMG", "REB"),
    "country:IRQ:COP": ("Iraq police", "IRQ", "COP"),
    "country:IRQ:MIL": ("Iraq military", "IRQ", "MIL"),
    "country:TUR": ("Turkey", "TUR", "GOV"),
    "country:USA": ("United States", "USA", "GOV"),
    "country:IRQ": ("Iraq", "IRQ", "GOV"),
    "person:abadi": ("Haider al-Abadi", "IRQ", "GOV"),
}


def event(trigger_start: int, *, type_: str = "ASSAULT", mode: str | None = "explosives", day: date | None = None,
          date_source: str = "text", precision: str = "day", place: str | None = "Baghdad", actor: str | None = None,
          recipient: str | None = None, killed: int | tuple | None = None, modality: str = "reported",
          salience: str = "main", sentence: str | None = None, timing: str = "current") -> dict:
    """One event as the coder's as_dict() gives it (only what storage reads). Each gets its own evidence
    sentence unless one is given (the same sentence in two articles counts as one report)."""
    day = day or D0.date()
    sentence = sentence or f"جملة الدليل رقم {next(_SENTENCES)} عن الحادثة"
    if isinstance(killed, int):
        killed = (killed, killed, killed)
    location = []
    if place:
        lat, lon, prec, admin1, country = PLACES[place]
        location = [{"place_id": None, "text": place, "start": 0, "end": 3, "name_en": place, "latitude": lat,
                     "longitude": lon, "country": country, "admin1": admin1, "feature_code": "PPL",
                     "precision": prec, "inherited": False}]

    def who(key):
        if key is None:
            return None
        name, country, sector = ACTORS[key]
        return {"id": key, "name": name, "name_ar": None, "country": country, "sector": sector, "text": name,
                "start": 0, "end": 3, "wikidata": None}

    return {"event_type": type_, "mode": mode or "", "cameo": "180", "acled_event_type": None,
            "acled_sub_event_type": None, "modality": modality, "salience": salience, "confidence": 0.8,
            "date": day.isoformat(), "date_precision": precision, "date_source": date_source,
            "fatalities": {"low": killed[0], "best": killed[1], "high": killed[2]} if killed else None,
            "injured": None, "arrested": None, "abducted": None,
            "trigger": {"text": "هجوم", "start": trigger_start, "end": trigger_start + 4}, "trigger_id": "ASSAULT.test",
            "sentence": {"text": sentence, "start": max(0, trigger_start - 10), "end": trigger_start + 40},
            "actor": who(actor), "recipient": who(recipient), "locations": location, "timing": timing}


def store_mentions(url: str, article_id: int, events: list, version: str = "test-1") -> None:
    """Replace an article's event mentions the way the extraction step does; an item is an event of the
    text, or a (field, event) pair."""
    from etl.load.events import replace_article_events

    with session_scope(url) as s:
        replace_article_events(s, article_id, [e if isinstance(e, tuple) else ("content", e) for e in events], version)


def day(n: int) -> date:
    return (D0 + timedelta(days=n)).date()
