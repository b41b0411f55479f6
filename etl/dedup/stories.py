"""Stories: near-duplicate articles, found incrementally with MinHash LSH and kept as connected components.

Two articles are near-duplicates when they share an LSH bucket (`lsh_buckets`), were published at most
`window_days` apart, and the exact Jaccard similarity of their shingle sets is at least `threshold`; or,
when they are of two sources, when the shorter lies inside the longer (`containment`) or their Jaccard
reaches `cross_source_threshold` - such pairs are found through the sampled shingles stored as band -1 of
`lsh_buckets`. A pair whose texts are one template filled differently is none (etl.dedup.templates). A
story is a connected component of that graph, so its membership does not depend on the order in which
articles arrive or on how they are batched; its natural key is its smallest article id.

A batch of new or changed articles is fingerprinted outside any transaction (the CPU part), then ONE
locked transaction (etl.load.dedup.take_lock) stores the fingerprints and buckets, looks up candidates,
verifies them, and unites the batch's articles with the stories of their near-duplicates: stories merge
when an article bridges them. An article whose text changed leaves its old story first, and that story's
remaining members are re-clustered (it may split). Events whose articles changed story are recomputed in
the same transaction, since `num_stories` depends on story membership.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from etl.dedup.config import DedupConfig, StoryConfig
from etl.dedup.fingerprints import (
    SAMPLE_BAND, Fingerprint, Fingerprinter, article_text, containment, day_number, from_bytes, jaccard, to_bytes,
)
from etl.dedup.templates import conflicting_fills
from etl.dedup.unionfind import UnionFind
from etl.load.db import session_scope
from etl.load.dedup import bucket_members, bulk_insert, chunked, member_of, rows_in, take_lock
from etl.load.models import Article, ArticleFingerprint, EventLink, LshBucket, Story, StoryArticle, utcnow

log = logging.getLogger(__name__)


@dataclass
class StoryResult:
    articles: int = 0  # articles fingerprinted and placed in a story
    skipped: int = 0  # already up to date (another worker got there first) or changed meanwhile
    stories_created: int = 0
    stories_merged: int = 0  # stories absorbed into another
    candidate_pairs: int = 0
    near_duplicates: int = 0  # verified pairs
    events_touched: set[int] = field(default_factory=set)

    def add(self, other: "StoryResult") -> None:
        for name in ("articles", "skipped", "stories_created", "stories_merged", "candidate_pairs", "near_duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.events_touched |= other.events_touched

    def as_dict(self) -> dict:
        return {"articles": self.articles, "skipped": self.skipped, "stories_created": self.stories_created,
                "stories_merged": self.stories_merged, "candidate_pairs": self.candidate_pairs,
                "near_duplicates": self.near_duplicates, "events_recomputed": len(self.events_touched)}


def pending_articles(session: Session, cfg: StoryConfig, limit: int | None = None) -> list[int]:
    """Articles with no story yet, or whose fingerprint is stale (text or fingerprint parameters changed)."""
    fp, member = ArticleFingerprint, StoryArticle
    stmt = (select(Article.id)
            .outerjoin(fp, fp.article_id == Article.id)
            .outerjoin(member, member.article_id == Article.id)
            .where(or_(fp.id.is_(None), member.id.is_(None), fp.content_hash != Article.content_hash,
                       fp.params != cfg.fingerprint_params))
            .order_by(Article.id))
    if limit:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def fingerprint_articles(url: str, article_ids: list[int], fingerprinter: Fingerprinter) -> list[Fingerprint]:
    """Read the articles (a short read-only transaction) and fingerprint them."""
    with session_scope(url) as session:
        rows = rows_in(session, (Article.id, Article.title, Article.content, Article.summary, Article.content_hash,
                                 Article.published_at, Article.first_seen_at, Article.source_id), Article.id, article_ids)
    return [fingerprinter.fingerprint(aid, day_number(published, seen), content_hash,
                                      article_text(title, content, summary), len((content or summary or "").split()),
                                      source)
            for aid, title, content, summary, content_hash, published, seen, source in sorted(rows)]


def assign_batch(url: str, article_ids: list[int], cfg: DedupConfig, fingerprinter: Fingerprinter | None = None) -> StoryResult:
    """Fingerprint a batch of articles, then place them in stories in one locked transaction."""
    fingerprinter = fingerprinter or Fingerprinter(cfg.stories)
    prints = fingerprint_articles(url, article_ids, fingerprinter)
    with session_scope(url) as session:
        take_lock(session)
        result = apply_fingerprints(session, prints, cfg.stories)
        if result.events_touched:
            from etl.dedup.linking import recompute_events

            recompute_events(session, result.events_touched, cfg.events)
    return result


def assign_pending(url: str, cfg: DedupConfig, progress=None) -> StoryResult:
    """Every pending article, batch by batch (one transaction each)."""
    fingerprinter = Fingerprinter(cfg.stories)
    with session_scope(url) as session:
        pending = pending_articles(session, cfg.stories)
    total = StoryResult()
    size = cfg.stories.batch_size
    for start in range(0, len(pending), size):
        result = assign_batch(url, pending[start:start + size], cfg, fingerprinter)
        total.add(result)
        if progress:
            progress(len(pending[start:start + size]), len(pending))
    return total


# ------------------------------------------------------------------------------------------ the transaction

def apply_fingerprints(session: Session, prints: list[Fingerprint], cfg: StoryConfig) -> StoryResult:
    """Store fingerprints and buckets, find near-duplicates, merge or split stories. Caller holds the lock."""
    result = StoryResult()
    ids = [p.article_id for p in prints]
    current = dict(rows_in(session, (Article.id, Article.content_hash), Article.id, ids))
    stored = {aid: (h, params) for aid, h, params in rows_in(
        session, (ArticleFingerprint.article_id, ArticleFingerprint.content_hash, ArticleFingerprint.params),
        ArticleFingerprint.article_id, ids)}
    story_of = dict(rows_in(session, (StoryArticle.article_id, StoryArticle.story_id), StoryArticle.article_id, ids))
    params = cfg.fingerprint_params
    todo = []
    for p in prints:
        if current.get(p.article_id) != p.content_hash:  # deleted or rewritten since it was read: next run
            result.skipped += 1
        elif stored.get(p.article_id) == (p.content_hash, params) and p.article_id in story_of:
            result.skipped += 1  # another worker placed it meanwhile
        else:
            todo.append(p)
    if not todo:
        return result
    todo_ids = {p.article_id for p in todo}
    split_stories = {story_of[a] for a in todo_ids if a in story_of}

    # 1. the batch's fingerprints and buckets replace any stale ones
    for chunk in chunked(todo_ids):
        session.execute(delete(LshBucket).where(member_of(session, LshBucket.article_id, chunk)))
        session.execute(delete(ArticleFingerprint).where(member_of(session, ArticleFingerprint.article_id, chunk)))
    now = utcnow()
    bulk_insert(session, ArticleFingerprint.__table__, [
        {"article_id": p.article_id, "content_hash": p.content_hash, "params": params, "day": p.day,
         "num_shingles": len(p.shingles), "shingles": to_bytes(p.shingles), "fingerprinted_at": now} for p in todo])
    bucket_rows = [{"bucket": key, "band": band, "day": p.day, "article_id": p.article_id}
                   for p in todo for band, key in enumerate(p.buckets)]
    bucket_rows += [{"bucket": int(h), "band": SAMPLE_BAND, "day": p.day, "article_id": p.article_id}
                    for p in todo for h in p.samples]
    bulk_insert(session, LshBucket.__table__, bucket_rows)

    # 2. candidates of the batch (they include the batch itself), verified with the exact Jaccard
    shingles = {p.article_id: p.shingles for p in todo}
    days = {p.article_id: p.day for p in todo}
    keys = {(p.article_id, band): key for p in todo for band, key in enumerate(p.buckets)}
    lo, hi = min(days.values()), max(days.values())
    window = cfg.window_days
    by_key: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    span = None if window is None else (lo - window, hi + window)
    lookups = {(band, key) for (_, band), key in keys.items()} | {(SAMPLE_BAND, int(h)) for p in todo for h in p.samples}
    for band, bucket, day, aid in bucket_members(session, lookups, span):
        by_key[(band, bucket)].append((aid, day))
        days.setdefault(aid, day)
    pairs: set[tuple[int, int]] = set()
    for (aid, band), key in keys.items():
        for other, day in by_key.get((band, key), ()):
            if other != aid and (window is None or abs(day - days[aid]) <= window):
                pairs.add((min(aid, other), max(aid, other)))
    sampled = _sampled_pairs(by_key, cfg, involving=todo_ids)
    sources = _sources(session, todo, {x for pair in pairs | sampled for x in pair})
    pairs |= {(a, b) for a, b in sampled if sources.get(a) != sources.get(b)}  # containment joins two sources only
    result.candidate_pairs = len(pairs)
    _load_shingles(session, shingles, {b for pair in pairs for b in pair})
    edges = _without_templates(session, _verify(pairs, shingles, sources, cfg), cfg)

    # 3. stories that lose a re-fingerprinted article are re-clustered from their remaining members
    split_members: dict[int, int] = {}  # article -> its old story
    for story_id, members in _members(session, split_stories).items():
        for aid in members:
            if aid not in todo_ids:
                split_members[aid] = story_id
    if split_members:
        edges |= _edges_among(session, set(split_members), shingles, cfg)
    result.near_duplicates = len(edges)

    # 4. union: batch articles, re-clustered members and story-less neighbours are single nodes; every
    # other story is one node (a story is already connected)
    neighbours = {x for a, b, _ in edges for x in (a, b)} - todo_ids - set(split_members)
    neighbour_story = dict(rows_in(session, (StoryArticle.article_id, StoryArticle.story_id), StoryArticle.article_id,
                                   neighbours))
    singles = todo_ids | set(split_members) | (neighbours - set(neighbour_story))

    def node(aid: int) -> tuple[str, int]:
        return ("a", aid) if aid in singles else ("s", neighbour_story[aid])

    uf = UnionFind()
    for aid in singles:
        uf.add(("a", aid))
    for a, b, _ in edges:
        uf.union(node(a), node(b))
    seeds = dict(rows_in(session, (Story.id, Story.seed_article_id), Story.id,
                         {n[1] for n in uf.items() if n[0] == "s"} | split_stories))
    components = []
    for group in uf.groups():
        articles = sorted(n[1] for n in group if n[0] == "a")
        whole = sorted(n[1] for n in group if n[0] == "s")
        involved = set(whole) | {split_members[a] for a in articles if a in split_members} \
            | {story_of[a] for a in articles if a in story_of}
        seed = min(articles + [seeds[s] for s in whole])
        components.append((seed, articles, whole, involved))
    components.sort()

    # 5. each component keeps one story row (the one already seeded by its smallest article, else the one
    # with the smallest seed, else a new one); stories left without a component are absorbed
    best = _best_matches(edges)
    taken: set[int] = set()
    moved_from: dict[int, int] = {}  # absorbed story -> surviving story
    chosen: list[tuple[int | None, int, list[int]]] = []  # (story id or None for a new one, seed, articles)
    for seed, articles, whole, involved in components:
        free = sorted((s for s in involved if s not in taken), key=lambda s: (seeds[s] != seed, seeds[s]))
        story_id = free[0] if free else None
        if story_id is not None:
            taken.add(story_id)
            if seeds[story_id] != seed:  # in component order, so a seed is never held by two rows at once
                session.execute(update(Story).where(Story.id == story_id).values(seed_article_id=seed))
                seeds[story_id] = seed
        chosen.append((story_id, seed, articles))
        for other in whole:
            if other != story_id:
                moved_from[other] = story_id if story_id is not None else -seed  # resolved below
    new_seeds = [seed for story_id, seed, _ in chosen if story_id is None]
    bulk_insert(session, Story.__table__, [{"seed_article_id": seed, "title": "", "num_articles": 0, "num_sources": 0,
                                            "created_at": now, "updated_at": now} for seed in new_seeds])
    by_seed = {seed: sid for sid, seed in rows_in(session, (Story.id, Story.seed_article_id), Story.seed_article_id,
                                                    new_seeds)}
    result.stories_created = len(new_seeds)
    taken |= set(by_seed.values())
    moved_from = {old: (new if new >= 0 else by_seed[-new]) for old, new in moved_from.items()}
    rows = []
    for story_id, seed, articles in chosen:
        story_id = story_id if story_id is not None else by_seed[seed]
        rows.extend({"article_id": a, "story_id": story_id, "matched_article_id": best.get(a, (None, None))[0],
                     "similarity": best.get(a, (None, None))[1], "assigned_at": now} for a in articles)
    for chunk in chunked([r["article_id"] for r in rows]):  # replaced whole: delete, then one bulk insert
        session.execute(delete(StoryArticle).where(member_of(session, StoryArticle.article_id, chunk)))
    bulk_insert(session, StoryArticle.__table__, rows)
    changed_articles: set[int] = {r["article_id"] for r in rows}
    for old, new in moved_from.items():
        members = list(session.scalars(select(StoryArticle.article_id).where(StoryArticle.story_id == old)))
        changed_articles.update(members)
        session.execute(update(StoryArticle).where(StoryArticle.story_id == old).values(story_id=new))
    absorbed = (set(seeds) - taken)
    for chunk in chunked(absorbed):
        session.execute(delete(Story).where(member_of(session, Story.id, chunk)))
    result.stories_merged = len(absorbed)
    refresh_stories(session, taken)
    result.articles = len(todo)
    result.events_touched = {e for (e,) in rows_in(session, (EventLink.event_id,), EventLink.article_id, changed_articles)}
    return result


def _load_shingles(session: Session, shingles: dict[int, np.ndarray], wanted: set[int]) -> None:
    missing = wanted - set(shingles)
    for aid, raw in rows_in(session, (ArticleFingerprint.article_id, ArticleFingerprint.shingles),
                            ArticleFingerprint.article_id, missing):
        shingles[aid] = from_bytes(raw)


def _sources(session: Session, prints: list[Fingerprint], articles: set[int]) -> dict[int, str]:
    known = {p.article_id: p.source_id for p in prints if p.source_id is not None}
    known.update(rows_in(session, (Article.id, Article.source_id), Article.id, articles - set(known)))
    return known


def near_duplicates(a: np.ndarray, b: np.ndarray, same_source: bool, cfg: StoryConfig) -> float | None:
    """The Jaccard similarity of two articles when they are near-duplicates, else None: similar enough
    (`threshold`), or, between two sources, a reprint inside a fuller version (`containment` of a shorter text
    of at least `containment_min_shingles`) or a rewrite (`cross_source_threshold`). Within one outlet a text
    inside a longer one is as often a new development told over the old copy, so containment alone does not
    join them."""
    similarity = jaccard(a, b)
    if similarity >= cfg.threshold:
        return similarity
    if same_source:
        return None
    if similarity >= cfg.cross_source_threshold:
        return similarity
    if min(len(a), len(b)) >= cfg.containment_min_shingles and containment(a, b) >= cfg.containment:
        return similarity
    return None


def _verify(pairs: set[tuple[int, int]], shingles: dict[int, np.ndarray], sources: dict[int, str],
            cfg: StoryConfig) -> set[tuple[int, int, float]]:
    edges = set()
    for a, b in pairs:
        if a in shingles and b in shingles:
            similarity = near_duplicates(shingles[a], shingles[b], sources.get(a) == sources.get(b), cfg)
            if similarity is not None:
                edges.add((a, b, round(similarity, 6)))
    return edges


def _without_templates(session: Session, edges: set[tuple[int, int, float]], cfg: StoryConfig) -> set[tuple[int, int, float]]:
    """The edges whose two texts are not one template filled differently (etl.dedup.templates); identical
    texts are left alone."""
    check = {x for a, b, similarity in edges if similarity < 1.0 for x in (a, b)}
    if not check:
        return edges
    texts = {aid: article_text(title, content, summary) for aid, title, content, summary in rows_in(
        session, (Article.id, Article.title, Article.content, Article.summary), Article.id, check)}
    return {(a, b, similarity) for a, b, similarity in edges
            if similarity >= 1.0 or not conflicting_fills(texts.get(a, ""), texts.get(b, ""), cfg.shingle_size)}


def _members(session: Session, story_ids: set[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for story_id, aid in rows_in(session, (StoryArticle.story_id, StoryArticle.article_id), StoryArticle.story_id, story_ids):
        found[story_id].append(aid)
    return found


def _edges_among(session: Session, articles: set[int], shingles: dict[int, np.ndarray],
                 cfg: StoryConfig) -> set[tuple[int, int, float]]:
    """Verified near-duplicate pairs inside a set of stored articles (re-clustering a story)."""
    by_key: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for bucket, band, day, aid in rows_in(session, (LshBucket.bucket, LshBucket.band, LshBucket.day, LshBucket.article_id),
                                          LshBucket.article_id, articles):
        by_key[(band, bucket)].append((aid, day))
    pairs = set()
    for (band, _), entries in by_key.items():
        if band == SAMPLE_BAND:
            continue
        for i, (a, day_a) in enumerate(entries):
            for b, day_b in entries[i + 1:]:
                if cfg.window_days is None or abs(day_a - day_b) <= cfg.window_days:
                    pairs.add((min(a, b), max(a, b)))
    sampled = _sampled_pairs(by_key, cfg)
    sources = _sources(session, [], {x for pair in pairs | sampled for x in pair})
    pairs |= {(a, b) for a, b in sampled if sources.get(a) != sources.get(b)}
    _load_shingles(session, shingles, {x for pair in pairs for x in pair})
    return _without_templates(session, _verify(pairs, shingles, sources, cfg), cfg)


def _sampled_pairs(by_key: dict[tuple[int, int], list[tuple[int, int]]], cfg: StoryConfig,
                   involving: set[int] | None = None) -> set[tuple[int, int]]:
    """Candidates of the containment index (the caller keeps those of two sources): pairs within the window that share
    `sample_min_shared` sampled shingles (band SAMPLE_BAND of `by_key`), each held by at most
    `sample_max_articles` articles (boilerplate that many share is no sign of one story); with `involving`, only
    pairs with one of those articles."""
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for (band, _), entries in by_key.items():
        if band != SAMPLE_BAND or len(entries) > cfg.sample_max_articles:
            continue
        for i, (a, day_a) in enumerate(entries):
            for b, day_b in entries[i + 1:]:
                if (involving is None or a in involving or b in involving) and \
                        (cfg.window_days is None or abs(day_a - day_b) <= cfg.window_days):
                    shared[(min(a, b), max(a, b))] += 1
    return {pair for pair, n in shared.items() if n >= cfg.sample_min_shared}


def _best_matches(edges: set[tuple[int, int, float]]) -> dict[int, tuple[int, float]]:
    """Per article, its most similar near-duplicate (ties: the smaller article id)."""
    best: dict[int, tuple[int, float]] = {}
    for a, b, similarity in edges:
        for x, y in ((a, b), (b, a)):
            old = best.get(x)
            if old is None or (similarity, -y) > (old[1], -old[0]):
                best[x] = (y, similarity)
    return best


def refresh_stories(session: Session, story_ids: set[int]) -> None:
    """Recompute the counts, dates and title of stories from their members (UPDATE … FROM, one per chunk)."""
    now = utcnow()
    for chunk in chunked(story_ids):
        stats = (select(StoryArticle.story_id.label("sid"), func.count().label("n"),
                        func.count(func.distinct(Article.source_id)).label("sources"),
                        func.min(Article.published_at).label("first"), func.max(Article.published_at).label("last"))
                 .join(Article, Article.id == StoryArticle.article_id)
                 .where(member_of(session, StoryArticle.story_id, chunk)).group_by(StoryArticle.story_id).subquery())
        title = select(Article.title).where(Article.id == Story.seed_article_id).scalar_subquery()
        session.execute(update(Story).where(Story.id == stats.c.sid)
                        .values(num_articles=stats.c.n, num_sources=stats.c.sources, first_published_at=stats.c.first,
                                last_published_at=stats.c.last, title=title, updated_at=now)
                        .execution_options(synchronize_session=False))


def rebuild(url: str) -> None:
    """Forget every fingerprint and story (the next run recomputes them from scratch)."""
    with session_scope(url) as session:
        take_lock(session)
        session.execute(delete(StoryArticle))
        session.execute(delete(Story))
        session.execute(delete(LshBucket))
        session.execute(delete(ArticleFingerprint))


def pending_article_batches(url: str, cfg: DedupConfig) -> list[list[int]]:
    """The pending articles cut into batches (the extraction DAG maps one story task per batch)."""
    with session_scope(url) as session:
        pending = pending_articles(session, cfg.stories)
    size = cfg.stories.batch_size
    return [pending[i:i + size] for i in range(0, len(pending), size)]
