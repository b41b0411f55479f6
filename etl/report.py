"""Read-only summaries of the events database (for `marsad stats` and the demo)."""

from __future__ import annotations

from sqlalchemy import func, select

from etl.load.db import session_scope
from etl.load.models import (
    Article, ArticleProcessing, EventMention, EventRow, FeedFetch, PipelineRun, RejectedItem, Source, Story,
)


def database_stats(db_url: str) -> dict:
    with session_scope(db_url) as session:
        per_source = {
            row.source_id: row for row in session.execute(
                select(Article.source_id, func.count().label("n"), func.min(Article.published_at).label("first"),
                       func.max(Article.published_at).label("last")).group_by(Article.source_id))
        }
        fetches = dict(session.execute(select(FeedFetch.source_id, func.count()).group_by(FeedFetch.source_id)).all())
        errors = dict(session.execute(
            select(FeedFetch.source_id, func.count())
            .where((FeedFetch.status.notin_(["ok", "not_modified"])) | (FeedFetch.parse_status == "error"))
            .group_by(FeedFetch.source_id)).all())
        rejected = dict(session.execute(select(RejectedItem.source_id, func.count()).group_by(RejectedItem.source_id)).all())
        sources = []
        for source in session.scalars(select(Source).order_by(Source.id)):
            stats = per_source.get(source.id)
            sources.append({
                "id": source.id, "outlet": source.outlet, "articles": stats.n if stats else 0,
                "first": _day(stats.first) if stats else None, "last": _day(stats.last) if stats else None,
                "fetches": fetches.get(source.id, 0), "fetch_errors": errors.get(source.id, 0),
                "rejections": rejected.get(source.id, 0),
            })
        return {
            "sources": sources,
            "articles": session.scalar(select(func.count()).select_from(Article)),
            "sources_with_articles": len(per_source),
            "rejections": session.scalar(select(func.count()).select_from(RejectedItem)),
            "rejections_by_reason": session.execute(
                select(RejectedItem.stage, RejectedItem.reason_code, func.count())
                .group_by(RejectedItem.stage, RejectedItem.reason_code).order_by(func.count().desc())).all(),
            "runs": session.scalar(select(func.count()).select_from(PipelineRun)),
            "articles_coded": session.scalar(select(func.count()).select_from(ArticleProcessing)
                                             .where(ArticleProcessing.stage == "extract",
                                                    ArticleProcessing.error.is_(None))),
            "articles_failed": session.scalar(select(func.count()).select_from(ArticleProcessing)
                                              .where(ArticleProcessing.stage == "extract",
                                                     ArticleProcessing.error.is_not(None))),
            "articles_truncated": session.scalar(select(func.count()).select_from(ArticleProcessing)
                                                 .where(ArticleProcessing.stage == "extract",
                                                        ArticleProcessing.truncated_at.is_not(None))),
            "event_mentions": session.scalar(select(func.count()).select_from(EventMention)),
            "stories": session.scalar(select(func.count()).select_from(Story)),
            "stories_multi_outlet": session.scalar(select(func.count()).select_from(Story)
                                                   .where(Story.num_sources > 1)),
            "events": session.scalar(select(func.count()).select_from(EventRow)),
            "events_multi_source": session.scalar(select(func.count()).select_from(EventRow)
                                                  .where(EventRow.num_sources > 1)),
            "events_by_type": _events_by_type(session),
        }


def _events_by_type(session) -> list[tuple[str, int, int, int | None]]:
    """(type, mentions that happened and are news of their day, deduplicated events, their fatalities).

    The toll is summed over deduplicated events (each the most conservative of its independent reports,
    each event's own toll: totals over periods are kept apart), not over mentions: a toll restated by
    article after article would be counted again."""
    mentions = dict(session.execute(
        select(EventMention.event_type, func.count())
        .where(EventMention.happened.is_(True), EventMention.timing == "current")
        .group_by(EventMention.event_type)).all())
    events = {row[0]: (row[1], row[2]) for row in session.execute(
        select(EventRow.event_type, func.count(), func.sum(EventRow.fatalities_best)).group_by(EventRow.event_type))}
    rows = [(t, n, *events.get(t, (0, None))) for t, n in mentions.items()]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def _day(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite aggregates come back as text
        return value[:10]
    return value.strftime("%Y-%m-%d")
