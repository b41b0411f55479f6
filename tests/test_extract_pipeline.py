"""The extraction step on both SQLite and PostgreSQL: stored articles -> places and event mentions,
idempotent, recoded when the coder changes, atomic per article."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from etl import ingest
from etl.extract_articles import Extractor, pending_articles, process_pending
from etl.load.db import engine_for, session_scope
from etl.load.models import ActorRow, Article, ArticleProcessing, EventMention, EventMentionActor, EventMentionPlace
from etl.load.places import write_gazetteer
from tests.geo_fixture import ROWS

EVENT_TABLES = ("event_mentions", "event_mention_actors", "event_mention_places", "actors", "article_places")


def _prepare(url: str, registry, samples) -> Extractor:
    ingest.run_ingest(url, registry, replay_path=str(samples))
    with session_scope(url) as session:  # the small hand-made gazetteer keeps the test fast
        write_gazetteer(session, [row for row, _ in ROWS], {row["place_key"]: names for row, names in ROWS})
    return Extractor.for_database(url)


def _snapshot(url: str) -> dict[str, list]:
    with engine_for(url).connect() as conn:
        return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in EVENT_TABLES}


def test_articles_are_coded_into_event_mentions(db_url, registry, samples):
    extractor = _prepare(db_url, registry, samples)
    totals = process_pending(db_url, extractor)
    assert totals["articles"] == 6 and totals["events"] > 0
    with session_scope(db_url) as s:
        mentions = s.scalars(select(EventMention)).all()
        for m in mentions:  # evidence offsets point into the article's field
            article = s.get(Article, m.article_id)
            source = article.title if m.field == "title" else (article.content or article.summary)
            assert source[m.trigger_start:m.trigger_end] == m.trigger_text
            assert source[m.sentence_start:m.sentence_end] == m.sentence_text
            assert m.coder_version == extractor.coder.version
        seed = s.scalars(select(Article).where(Article.content.contains("جرف النصر"))).one()
        strikes = [m for m in mentions if m.article_id == seed.id and m.event_type == "ASSAULT" and m.happened]
        assert strikes
        actor_keys = set(s.scalars(select(ActorRow.actor_key).join(EventMentionActor)
                                   .where(EventMentionActor.mention_id.in_([m.id for m in strikes]))))
        assert "country:USA" in actor_keys
        places = set(s.scalars(select(EventMentionPlace.name_en)
                               .where(EventMentionPlace.mention_id.in_([m.id for m in strikes]))))
        assert "Jurf al-Nasr" in places
    with engine_for(db_url).connect() as conn:  # the analysts' view answers
        rows = conn.execute(text("SELECT event_type, actor, place FROM v_event_mentions WHERE happened")).all()
    assert ("ASSAULT", "Jurf al-Nasr") in {(r[0], r[2]) for r in rows}
    assert ("ASSAULT", "United States") in {(r[0], r[1]) for r in rows}


def test_rerun_changes_nothing_and_a_new_coder_recodes(db_url, registry, samples):
    extractor = _prepare(db_url, registry, samples)
    process_pending(db_url, extractor)
    before = _snapshot(db_url)
    assert process_pending(db_url, extractor)["articles"] == 0
    assert _snapshot(db_url) == before

    extractor.coder.version = extractor.coder.version + "-next"  # as after a dictionary change
    assert len(pending_articles(db_url, extractor.coder.version, extractor.geocoder.gazetteer.version)) == 6
    again = process_pending(db_url, extractor)
    assert again["articles"] == 6
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(EventMention)) == len(before["event_mentions"])
        assert set(s.scalars(select(EventMention.coder_version))) == {extractor.coder.version}


def test_a_failing_article_keeps_its_previous_mentions(db_url, registry, samples, monkeypatch):
    import etl.extract_articles as step

    extractor = _prepare(db_url, registry, samples)
    process_pending(db_url, extractor)
    before = _snapshot(db_url)
    extractor.coder.version = extractor.coder.version + "-next"
    real = step.replace_article_events

    def failing(session, article_id, events, *versions):
        real(session, article_id, events, *versions)  # deletes and rewrites, then fails before commit
        raise RuntimeError("disk full")

    monkeypatch.setattr(step, "replace_article_events", failing)
    totals = process_pending(db_url, extractor)  # every article fails; none stops the others
    assert totals["errors"] == 6 and totals["articles"] == 0
    assert _snapshot(db_url) == before  # the failed article's transaction left nothing behind
    with session_scope(db_url) as s:  # each failure is recorded, and this coder version does not retry it
        errors = s.scalars(select(ArticleProcessing.error).where(ArticleProcessing.stage == "extract")).all()
    assert errors == ["RuntimeError: disk full"] * 6
    assert pending_articles(db_url, extractor.coder.version, extractor.geocoder.gazetteer.version) == []


def test_a_changed_article_is_coded_again(db_url, registry, samples):
    from sqlalchemy import update

    extractor = _prepare(db_url, registry, samples)
    process_pending(db_url, extractor)
    with session_scope(db_url) as s:
        article = s.scalars(select(Article).where(Article.content.contains("جرف النصر"))).one()
        s.execute(update(Article).where(Article.id == article.id).values(
            content=article.content + "\nوقتل خمسة مدنيين في قصف مدفعي على البلدة أمس.", content_hash="f" * 64))
        changed = article.id
    assert pending_articles(db_url, extractor.coder.version, extractor.geocoder.gazetteer.version) == [changed]
    process_pending(db_url, extractor)
    with session_scope(db_url) as s:
        texts = s.scalars(select(EventMention.sentence_text).where(EventMention.article_id == changed)).all()
    assert any("خمسة مدنيين" in t for t in texts)


def test_a_country_read_from_the_place_stays_with_the_mention(db_url, registry, samples):
    # civilians in Fallujah are Iraqi civilians in that event; the canonical actor "civilians" has no country
    from etl.load.events import replace_article_events

    extractor = _prepare(db_url, registry, samples)
    event = extractor.coder.code("قتل ثلاثة مدنيين في انفجار عبوة ناسفة في الفلوجة أمس")[0].as_dict()
    assert event["recipient"]["country_from"] == "place"
    with session_scope(db_url) as s:
        article_id = s.scalars(select(Article.id).order_by(Article.id)).first()
        replace_article_events(s, article_id, [("content", event)], extractor.coder.version)
    with session_scope(db_url) as s:
        row = s.scalars(select(EventMentionActor).where(EventMentionActor.role == "recipient")).one()
        assert row.country == "IRQ"
        assert s.get(ActorRow, row.actor_id).country is None
