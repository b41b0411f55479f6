"""Evaluation of deduplication on the ANT corpus (../shared/data/ant_multisource/middleEast_2018.jsonl.gz).

1. Near-duplicate detection against the exact truth. Every article's shingle set is built from the shingle
   STRINGS (no hashing, no sketch); the exact Jaccard similarity of every pair of articles that shares at
   least one shingle is computed with one sparse matrix product (all other pairs have Jaccard 0, so the
   truth covers all pairs). Truth = pairs with Jaccard >= threshold, published within the story window.
   The system's pairs are what its persisted state gives: pairs sharing an LSH bucket in `lsh_buckets`
   within the window, verified with the stored fingerprints (exactly what the story step does). Also
   reported: the same pairs decided by the MinHash estimate instead of exact verification, and agreement
   of the stories (same-story pairs) with the connected components of the truth.
2. Stories: how many, how many with several articles, share with more than one outlet.
3. Events before and after linking: the corpus is extracted with the real coder (or an extracted database
   is reused with --db), then all mentions are linked from scratch.

    .venv/bin/python bench/eval_dedup.py                    # ingest + extract into a temporary SQLite db
    .venv/bin/python bench/eval_dedup.py --db sqlite:///data/marsad.db --no-extract
    .venv/bin/python bench/eval_dedup.py --db sqlite:///data/marsad.db --no-extract --stories-only

4. Stories against hand-read pairs (bench/story_gold/ant_pairs.yaml): pairwise precision and recall by band of
   similarity and by part (tune / validate), B-cubed over the labelled articles; and how many of the pairs that
   containment joins the sampled-shingle index finds, against datasketch's LSH Ensemble.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.dedup.config import DedupConfig, current  # noqa: E402
from etl.dedup.fingerprints import Fingerprinter, article_text, day_number, from_bytes, jaccard, shingles  # noqa: E402
from etl.load.db import session_scope, upgrade  # noqa: E402
from etl.load.models import (  # noqa: E402
    Article, ArticleFingerprint, EventLink, EventMention, EventRow, LshBucket, StoryArticle,
)

ANT = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"


# ------------------------------------------------------------------------------------------ preparing

def ingest(url: str, path: Path) -> int:
    from etl.feeds.registry import load_registry
    from etl.ingest import run_ingest

    upgrade(url)
    with session_scope(url) as s:
        if s.scalar(select(func.count()).select_from(Article)):
            return 0
    return run_ingest(url, load_registry(), replay_path=str(path))["articles_new"]


def extract(url: str, limit: int | None) -> dict:
    from etl.extract_articles import Extractor, pending_articles, process_batch

    extractor = Extractor.for_database(url)
    pending = pending_articles(url, extractor.coder.version, extractor.geocoder.gazetteer.version, limit=limit)
    started = time.perf_counter()
    totals = {"articles": 0, "events": 0}
    for i in range(0, len(pending), 200):
        result = process_batch(url, pending[i:i + 200], extractor)
        totals["articles"] += result["articles"]
        totals["events"] += result["events"]
        print(f"\r  extracted {totals['articles']}/{len(pending)} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    totals["seconds"] = round(time.perf_counter() - started, 1)
    return totals


# ------------------------------------------------------------------------------------------ exact truth

def load_articles(url: str) -> list[tuple]:
    with session_scope(url) as s:
        return s.execute(select(Article.id, Article.source_id, Article.title, Article.content, Article.summary,
                                Article.published_at, Article.first_seen_at).order_by(Article.id)).all()


def exact_pairs(rows: list[tuple], size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(i, j, Jaccard) of every pair of articles sharing at least one shingle (indexes into rows), i < j."""
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for row in rows:
        ids = {vocab.setdefault(g, len(vocab)) for g in shingles(article_text(row[2], row[3], row[4]), size)}
        indices.extend(sorted(ids))
        indptr.append(len(indices))
    x = sparse.csr_matrix((np.ones(len(indices), dtype=np.int32), indices, indptr), shape=(len(rows), len(vocab)))
    sizes = np.diff(x.indptr)
    shared = sparse.triu(x @ x.T, k=1).tocoo()  # |A ∩ B| for every pair with at least one shingle in common
    union = sizes[shared.row] + sizes[shared.col] - shared.data
    return shared.row, shared.col, shared.data / union, len(vocab)


def system_pairs(url: str, window: int | None) -> set[tuple[int, int]]:
    """Article pairs that share an LSH bucket (same band) in the database, within the story window (the
    containment index's sampled shingles, band -1, aside)."""
    groups: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    with session_scope(url) as s:
        for band, bucket, day, aid in s.execute(select(LshBucket.band, LshBucket.bucket, LshBucket.day,
                                                       LshBucket.article_id).where(LshBucket.band >= 0)):
            groups[(band, bucket)].append((aid, day))
    pairs = set()
    for members in groups.values():
        for i, (a, da) in enumerate(members):
            for b, db in members[i + 1:]:
                if window is None or abs(da - db) <= window:
                    pairs.add((min(a, b), max(a, b)))
    return pairs


def pr(predicted: set, truth: set) -> tuple[float, float, int, int]:
    hit = len(predicted & truth)
    return (hit / len(predicted) if predicted else 1.0, hit / len(truth) if truth else 1.0,
            len(predicted - truth), len(truth - predicted))


def components(nodes: list[int], edges) -> dict[int, int]:
    parent = {n: n for n in nodes}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {n: find(n) for n in nodes}


def same_group_pairs(groups: dict[int, int]) -> set[tuple[int, int]]:
    members: dict[int, list[int]] = defaultdict(list)
    for node, group in groups.items():
        members[group].append(node)
    return {(a, b) for m in members.values() for i, a in enumerate(sorted(m)) for b in sorted(m)[i + 1:]}


def evaluate_stories(url: str, cfg: DedupConfig) -> dict:
    from etl.dedup.stories import assign_pending, rebuild

    sc = cfg.stories
    rebuild(url)
    started = time.perf_counter()
    result = assign_pending(url, cfg)
    seconds = time.perf_counter() - started
    rows = load_articles(url)
    ids = np.array([r[0] for r in rows])
    days = np.array([day_number(r[5], r[6]) for r in rows])
    started = time.perf_counter()
    i, j, jac, vocab = exact_pairs(rows, sc.shingle_size)
    truth_seconds = time.perf_counter() - started
    in_window = np.ones(len(i), dtype=bool) if sc.window_days is None else np.abs(days[i] - days[j]) <= sc.window_days
    exact = {(int(ids[a]), int(ids[b])): float(v) for a, b, v, w in zip(i, j, jac, in_window) if v >= 0.2 and w}
    truth = {p for p, v in zip(zip(ids[i].tolist(), ids[j].tolist()), jac) if v >= sc.threshold}
    truth_w = {p for p, v, w in zip(zip(ids[i].tolist(), ids[j].tolist()), jac, in_window) if v >= sc.threshold and w}

    candidates = system_pairs(url, sc.window_days)
    with session_scope(url) as s:
        stored = {aid: from_bytes(raw) for aid, raw in s.execute(select(ArticleFingerprint.article_id,
                                                                        ArticleFingerprint.shingles))}
    verified = {p for p in candidates if jaccard(stored[p[0]], stored[p[1]]) >= sc.threshold}
    # the alternative: decide by the MinHash estimate of the same candidates instead of the exact Jaccard
    fp = Fingerprinter(sc)
    signature = {aid: fp.signature(h) for aid, h in stored.items() if len(h)}
    estimated = {p for p in candidates if p[0] in signature and p[1] in signature
                 and float(np.mean(signature[p[0]] == signature[p[1]])) >= sc.threshold}
    # stories against the connected components of the exact truth
    with session_scope(url) as s:
        story_of = dict(s.execute(select(StoryArticle.article_id, StoryArticle.story_id)).all())
        sources = dict(s.execute(select(Article.id, Article.source_id)).all())
    truth_groups = components(ids.tolist(), truth_w)
    story_pairs, truth_story_pairs = same_group_pairs(story_of), same_group_pairs(truth_groups)
    by_story: dict[int, list[int]] = defaultdict(list)
    for aid, sid in story_of.items():
        by_story[sid].append(aid)
    multi = [m for m in by_story.values() if len(m) > 1]
    multi_outlet = [m for m in multi if len({sources[a] for a in m}) > 1]
    bins = [(0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.8), (0.8, 1.01)]
    curve = []
    for lo, hi in bins:
        inside = [p for p, v in exact.items() if lo <= v < hi]
        found = sum(1 for p in inside if p in candidates or (p[1], p[0]) in candidates)
        curve.append((lo, hi, len(inside), found, sc.candidate_probability((lo + min(hi, 1.0)) / 2)))
    return {
        "articles": len(rows), "seconds": seconds, "result": result.as_dict(), "vocab": vocab,
        "pairs_sharing_a_shingle": len(jac), "truth_seconds": truth_seconds,
        "truth": len(truth), "truth_in_window": len(truth_w), "candidates": len(candidates),
        "candidate_recall": pr(candidates, truth_w)[1],
        "exact_verification": pr(verified, truth_w), "estimate_verification": pr(estimated, truth_w),
        "story_pairs": pr(story_pairs, truth_story_pairs),
        "stories": len(by_story), "multi_article": len(multi), "multi_outlet": len(multi_outlet),
        "largest": max((len(m) for m in by_story.values()), default=0), "curve": curve,
        "size_histogram": sorted(Counter(len(m) for m in multi).items()),
    }


# ------------------------------------------------------------------------------------------ labelled pairs

GOLD_PAIRS = ROOT / "bench" / "story_gold" / "ant_pairs.yaml"


def evaluate_labelled_pairs(url: str) -> dict:
    """The stories in the database against the hand-read pairs of bench/story_gold/ant_pairs.yaml: pairwise
    precision and recall by band and by part (tune / validate), and B-cubed over the labelled articles (gold
    clusters: the connected components of the pairs read as the same story; that is all the gold says)."""
    import yaml

    pairs = yaml.safe_load(GOLD_PAIRS.read_text(encoding="utf-8"))["pairs"]
    with session_scope(url) as s:
        ids = dict(s.execute(select(Article.canonical_url, Article.id)).all())
        story_of = dict(s.execute(select(StoryArticle.article_id, StoryArticle.story_id)).all())
    missing = [p for p in pairs if p["a"] not in ids or p["b"] not in ids]
    if missing:
        sys.exit(f"{len(missing)} labelled articles are not in {url} (ingest the ANT corpus first)")
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for p in pairs:
        a, b = ids[p["a"]], ids[p["b"]]
        predicted = story_of.get(a) is not None and story_of.get(a) == story_of.get(b)
        outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[
            (predicted, p["same"])]
        for band in (p["band"], "all"):
            for part in (p["part"], "all"):
                table[(band, part)][outcome] += 1
    articles = sorted({ids[p[k]] for p in pairs for k in ("a", "b")})
    gold = components(articles, [(ids[p["a"]], ids[p["b"]]) for p in pairs if p["same"]])
    system = {a: story_of.get(a, -a) for a in articles}
    return {"table": table, "bcubed": bcubed(gold, system), "pairs": len(pairs), "articles": len(articles)}


def bcubed(gold: dict[int, int], system: dict[int, int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against the gold one."""
    by_gold, by_system = defaultdict(set), defaultdict(set)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
    for item, cluster in system.items():
        by_system[cluster].add(item)
    precision = recall = 0.0
    for item in gold:
        mine, truth = by_system[system[item]], by_gold[gold[item]]
        precision += len(mine & truth) / len(mine)
        recall += len(mine & truth) / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def containment_candidates(url: str, cfg: DedupConfig) -> dict:
    """How well two indexes find the pairs containment is about (a shorter text of at least
    containment_min_shingles shingles, of another source, within the window, at least `containment` of it in
    the longer): the system's sampled-shingle index (as stored, band -1) against datasketch's LSH Ensemble
    (MinHash with the system's permutations, containment threshold the same, built over the whole corpus)."""
    from datasketch import MinHash, MinHashLSHEnsemble

    from etl.dedup.fingerprints import SAMPLE_BAND, containment

    sc = cfg.stories
    with session_scope(url) as s:
        stored = {aid: from_bytes(raw) for aid, raw in s.execute(select(ArticleFingerprint.article_id,
                                                                        ArticleFingerprint.shingles))}
        meta = {aid: (src, day_number(pub, seen)) for aid, src, pub, seen in s.execute(
            select(Article.id, Article.source_id, Article.published_at, Article.first_seen_at))}
        samples: dict[int, list[int]] = defaultdict(list)
        for bucket, aid in s.execute(select(LshBucket.bucket, LshBucket.article_id).where(LshBucket.band == SAMPLE_BAND)):
            samples[bucket].append(aid)
    rows = load_articles(url)
    order = [r[0] for r in rows]
    i, j, _, _ = exact_pairs(rows, sc.shingle_size)

    def wanted(a: int, b: int) -> bool:
        (sa, da), (sb, db) = meta[a], meta[b]
        x, y = stored.get(a), stored.get(b)
        return (sa != sb and (sc.window_days is None or abs(da - db) <= sc.window_days) and x is not None
                and y is not None and min(len(x), len(y)) >= sc.containment_min_shingles
                and containment(x, y) >= sc.containment)
    truth = {(min(a, b), max(a, b)) for a, b in ((order[x], order[y]) for x, y in zip(i, j)) if wanted(a, b)}
    started = time.perf_counter()
    shared: Counter = Counter()
    for members in samples.values():
        if len(members) <= sc.sample_max_articles:
            for x, a in enumerate(members):
                for b in members[x + 1:]:
                    shared[(min(a, b), max(a, b))] += 1
    sampled = {p for p, n in shared.items() if n >= sc.sample_min_shared}
    sampled_seconds = time.perf_counter() - started
    fp = Fingerprinter(sc)
    started = time.perf_counter()
    sketches = {}
    for aid, h in stored.items():
        if len(h):
            m = MinHash(num_perm=sc.num_perm, hashvalues=fp.signature(h), scheme="affine32")
            sketches[aid] = (m, len(h))
    ensemble = MinHashLSHEnsemble(threshold=sc.containment, num_perm=sc.num_perm, num_part=16)
    ensemble.index((aid, m, n) for aid, (m, n) in sketches.items())
    ensembled = set()
    for aid, (m, n) in sketches.items():
        if n >= sc.containment_min_shingles:
            for other in ensemble.query(m, n):
                if other != aid:
                    ensembled.add((min(aid, other), max(aid, other)))
    ensemble_seconds = time.perf_counter() - started
    return {"truth": len(truth),
            "sampled": (len(sampled & truth) / len(truth) if truth else 1.0, len(sampled), sampled_seconds),
            "ensemble": (len(ensembled & truth) / len(truth) if truth else 1.0, len(ensembled), ensemble_seconds)}


def print_labelled(url: str, cfg: DedupConfig) -> None:
    lp = evaluate_labelled_pairs(url)
    print(f"\n== stories against {lp['pairs']} hand-read pairs ({GOLD_PAIRS.relative_to(ROOT)}): pairwise, by band")
    print(f"{'band':18} {'part':9} {'pairs':>5} {'same':>5} {'P':>6} {'R':>6} {'F1':>6}   (tp fp fn)")
    for (band, part), c in sorted(lp["table"].items(), key=lambda kv: (kv[0][0] != "all", kv[0])):
        tp, fp_, fn = c["tp"], c["fp"], c["fn"]
        precision = tp / (tp + fp_) if tp + fp_ else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        print(f"{band:18} {part:9} {sum(c.values()):5d} {tp + fn:5d} {precision:6.2f} {recall:6.2f} {f1:6.2f}   "
              f"({tp} {fp_} {fn})")
    p, r, f = lp["bcubed"]
    print(f"B-cubed over the {lp['articles']} labelled articles: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    cc = containment_candidates(url, cfg)
    print(f"containment pairs (another source, shorter >= {cfg.stories.containment_min_shingles} shingles, "
          f">= {cfg.stories.containment:.0%} inside the longer, within the window): {cc['truth']}")
    for name in ("sampled", "ensemble"):
        recall, n, seconds = cc[name]
        label = "sampled-shingle index (the system)" if name == "sampled" else "datasketch LSH Ensemble          "
        print(f"  {label}: recall {recall:.3f}, {n} candidate pairs, {seconds:.1f} s")


# ------------------------------------------------------------------------------------------ events

def evaluate_events(url: str, cfg: DedupConfig) -> dict:
    from etl.dedup.linking import link_pending, rebuild

    rebuild(url)
    started = time.perf_counter()
    result = link_pending(url, cfg)
    seconds = time.perf_counter() - started
    m = EventMention
    with session_scope(url) as s:
        total = s.scalar(select(func.count()).select_from(m))
        happened = s.scalar(select(func.count()).select_from(m).where(m.happened.is_(True)))
        background = s.scalar(select(func.count()).select_from(m).where(m.happened.is_(True), m.salience == "background"))
        undated = s.scalar(select(func.count()).select_from(m).where(m.happened.is_(True), m.event_date.is_(None)))
        linked = s.scalar(select(func.count()).select_from(EventLink))
        events = s.scalar(select(func.count()).select_from(EventRow))
        several = {
            "articles": s.scalar(select(func.count()).select_from(EventRow).where(EventRow.num_articles > 1)),
            "sources": s.scalar(select(func.count()).select_from(EventRow).where(EventRow.num_sources > 1)),
            "stories": s.scalar(select(func.count()).select_from(EventRow).where(EventRow.num_stories > 1)),
        }
        by_type = s.execute(select(EventRow.event_type, func.count(), func.sum(EventRow.num_mentions))
                            .group_by(EventRow.event_type).order_by(func.count().desc())).all()
        top = s.execute(select(EventRow.event_type, EventRow.mode, EventRow.event_date, EventRow.place_name,
                               EventRow.num_mentions, EventRow.num_articles, EventRow.num_sources, EventRow.num_stories,
                               EventRow.fatalities_best)
                        .order_by(EventRow.num_stories.desc(), EventRow.num_articles.desc(), EventRow.id).limit(8)).all()
    return {"seconds": seconds, "result": result.as_dict(), "mentions": total, "happened": happened,
            "background": background, "undated": undated, "linked": linked, "events": events, "several": several,
            "by_type": by_type, "top": top}


# ------------------------------------------------------------------------------------------ report

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="events database (default: a new SQLite file in a temporary directory)")
    parser.add_argument("--corpus", type=Path, default=ANT)
    parser.add_argument("--no-extract", action="store_true", help="do not run the coder (reuse the db's mentions)")
    parser.add_argument("--limit", type=int, help="extract at most this many articles")
    parser.add_argument("--stories-only", action="store_true", help="stories and the labelled pairs, not events")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is absent (../shared/data beside the project)")
    url = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='marsad-eval-dedup-')}/events.db"
    cfg = current()
    print(f"database {url}")
    print(f"ingested {ingest(url, args.corpus)} new articles from {args.corpus.name}")
    if not args.no_extract:
        done = extract(url, args.limit)
        print(f"extracted {done['articles']} articles into {done['events']} event mentions in {done['seconds']} s")

    sc = cfg.stories
    st = evaluate_stories(url, cfg)
    print(f"\n== near-duplicates: {sc.shingle_size}-word shingles, MinHash {sc.num_perm} permutations, "
          f"{sc.bands} bands x {sc.rows} rows, Jaccard >= {sc.threshold}, window {sc.window_days} days")
    print(f"articles {st['articles']}, distinct shingles {st['vocab']}, "
          f"pairs sharing >= 1 shingle {st['pairs_sharing_a_shingle']} (exact Jaccard of all: {st['truth_seconds']:.1f} s)")
    print(f"truth: {st['truth']} pairs with Jaccard >= {sc.threshold}, {st['truth_in_window']} of them within the window")
    print(f"LSH candidates within the window: {st['candidates']}, recall of the truth {st['candidate_recall']:.4f}")
    for name, key in (("exact verification (the system)", "exact_verification"),
                      ("MinHash estimate instead     ", "estimate_verification"),
                      ("same-story pairs vs truth components", "story_pairs")):
        p, r, fp, fn = st[key]
        print(f"  {name}: precision {p:.4f}  recall {r:.4f}  (false pairs {fp}, missed pairs {fn})")
    print("  candidate rate by exact Jaccard (observed vs 1-(1-J^r)^b at the bin centre):")
    for lo, hi, n, found, expected in st["curve"]:
        print(f"    J in [{lo:.1f}, {min(hi, 1.0):.1f}): {n:6d} pairs, {found / n if n else 0:.3f} candidates (theory {expected:.3f})")
    share = st["multi_outlet"] / st["multi_article"] if st["multi_article"] else 0.0
    print(f"stories {st['stories']}: {st['multi_article']} with several articles (largest {st['largest']}), "
          f"{st['multi_outlet']} with more than one outlet = {st['multi_outlet'] / st['stories']:.2%} of all stories, "
          f"{share:.1%} of multi-article stories; sizes {st['size_histogram']}")
    print(f"story step: {st['seconds']:.1f} s for {st['articles']} articles "
          f"({1000 * st['seconds'] / st['articles']:.2f} s per 1,000)")
    print_labelled(url, cfg)
    if args.stories_only:
        return

    ev = evaluate_events(url, cfg)
    print(f"\n== events: {ev['mentions']} event mentions, {ev['happened']} happened; not linked: "
          f"{ev['background']} background, {ev['undated']} undated")
    print(f"before linking {ev['linked']} mentions -> after linking {ev['events']} events "
          f"({ev['linked'] / ev['events'] if ev['events'] else 0:.2f} mentions per event); events with several "
          f"articles {ev['several']['articles']}, sources {ev['several']['sources']}, stories {ev['several']['stories']}")
    print(f"linking step: {ev['seconds']:.1f} s")
    print("by type (events, mentions): " + ", ".join(f"{t} {n}/{m}" for t, n, m in ev["by_type"]))
    print("most reported events (type, mode, date, place, mentions, articles, sources, stories, killed):")
    for row in ev["top"]:
        print("   ", tuple(row))


if __name__ == "__main__":
    main()
