"""Draw article pairs of the ANT corpus across similarity bands, for reading by hand (same story or not).

Every pair of articles published within the story window that shares at least one shingle gets its exact
Jaccard similarity and its containment (overlap coefficient: the share of the shorter text's shingles found in
the longer one). Pairs are drawn at random (fixed seed) from each band, and written with both texts to a JSONL
for the reader; the labels go to bench/story_gold/ant_pairs.yaml, keyed by the articles' canonical URLs.

    .venv/bin/python bench/draw_story_pairs.py --db sqlite:///data/marsad.db --out /tmp/story_pairs.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.dedup.config import current  # noqa: E402
from etl.dedup.fingerprints import article_text, day_number, shingles  # noqa: E402

# (name, predicate on Jaccard j and containment c, pairs to draw)
BANDS = [
    ("j>=0.5", lambda j, c: j >= 0.5, 20),
    ("0.3<=j<0.5", lambda j, c: 0.3 <= j < 0.5, 25),
    ("0.1<=j<0.3", lambda j, c: 0.1 <= j < 0.3, 25),
    ("0.05<=j<0.1", lambda j, c: 0.05 <= j < 0.1, 25),
    ("c>=0.8,j<0.5", lambda j, c: c >= 0.8 and j < 0.5, 25),
    ("0.5<=c<0.8,j<0.3", lambda j, c: 0.5 <= c < 0.8 and j < 0.3, 20),
]


def similarities(rows, size: int, window: int):
    """(i, j, jaccard, containment, shorter's shingles) of every pair within the window sharing a shingle."""
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for row in rows:
        ids = {vocab.setdefault(g, len(vocab)) for g in shingles(article_text(row.title, row.content, row.summary), size)}
        indices.extend(sorted(ids))
        indptr.append(len(indices))
    x = sparse.csr_matrix((np.ones(len(indices), dtype=np.int32), indices, indptr), shape=(len(rows), len(vocab)))
    sizes = np.diff(x.indptr)
    shared = sparse.triu(x @ x.T, k=1).tocoo()
    days = np.array([day_number(r.published_at, r.first_seen_at) for r in rows])
    keep = np.abs(days[shared.row] - days[shared.col]) <= window
    i, j, inter = shared.row[keep], shared.col[keep], shared.data[keep]
    small = np.minimum(sizes[i], sizes[j])
    return i, j, inter / (sizes[i] + sizes[j] - inter), inter / small, small


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=f"sqlite:///{ROOT / 'data' / 'marsad.db'}")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=24)
    args = parser.parse_args()
    from sqlalchemy import select

    from etl.load.db import session_scope
    from etl.load.models import Article

    cfg = current().stories
    with session_scope(args.db) as s:
        rows = s.execute(select(Article.id, Article.source_id, Article.canonical_url, Article.title, Article.content,
                                Article.summary, Article.published_at, Article.first_seen_at).order_by(Article.id)).all()
    i, j, jac, con, small = similarities(rows, cfg.shingle_size, cfg.window_days)
    rng = random.Random(args.seed)
    drawn, seen = [], set()
    for name, wanted, n in BANDS:
        members = [k for k in range(len(i)) if wanted(jac[k], con[k]) and small[k] >= 10]
        print(f"{name}: {len(members)} pairs in the corpus", file=sys.stderr)
        for k in rng.sample(members, min(n, len(members))):
            if (i[k], j[k]) in seen:
                continue
            seen.add((i[k], j[k]))
            a, b = rows[i[k]], rows[j[k]]
            drawn.append({"band": name, "jaccard": round(float(jac[k]), 3), "containment": round(float(con[k]), 3),
                          "shorter_shingles": int(small[k]),
                          "a": {"url": a.canonical_url, "source": a.source_id, "published": str(a.published_at),
                                "title": a.title, "text": a.content or a.summary or ""},
                          "b": {"url": b.canonical_url, "source": b.source_id, "published": str(b.published_at),
                                "title": b.title, "text": b.content or b.summary or ""}})
    with args.out.open("w", encoding="utf-8") as handle:
        for pair in drawn:
            handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} pairs written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
