"""Article fingerprints: word shingles of the folded Arabic text, their MinHash signature and LSH band keys.

Normalization is etl.text.tokens.fold (no diacritics or tatweel, one alef, ى→ي, ة→ه, Persian letter shapes,
ASCII digits), applied to the whole text, which is then split into words. A shingle is `shingle_size`
consecutive words; its 32-bit CRC is its identity (two distinct shingles colliding, ~2^-32 per pair, at
worst merges two shingles). The set of shingle hashes is kept sorted, so the exact Jaccard similarity of
two articles is one numpy intersection.

MinHash is datasketch's (scheme affine32: the input hash is pre-mixed with the MurmurHash3 finalizer,
which makes CRC inputs safe). The signature is cut into `bands` bands of `rows` values; each band's
values hash to a signed 64-bit bucket key, stored in `lsh_buckets`. Two articles sharing any bucket are
candidates, with probability 1 - (1 - J^rows)^bands for Jaccard J.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np
from datasketch import MinHash

from etl.dedup.config import StoryConfig
from etl.text.tokens import fold

# After folding there are no diacritics or tatweel left inside words: letters and digits make a word.
_WORD = re.compile(r"[^\W_]+")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
EMPTY = np.zeros(0, dtype="<u4")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def shingles(text: str, size: int) -> list[str]:
    """The `size`-word shingles of a text, in order (one shingle of all its words if it is shorter)."""
    return word_shingles(words(text), size)


def word_shingles(tokens: list[str], size: int) -> list[str]:
    """The `size`-word shingles of a word list; the i-th starts at word i."""
    if len(tokens) <= size:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)]


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """Sorted unique uint32 hashes (CRC-32) of the shingles of a text."""
    grams = shingles(text, size)
    if not grams:
        return EMPTY
    return np.unique(np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype="<u4", count=len(grams)))


def article_text(title: str | None, content: str | None, summary: str | None) -> str:
    """What an article is compared by: its title and its text (the summary when there is no text)."""
    return f"{title or ''}\n{content or summary or ''}"


def day_number(published_at: datetime | None, first_seen_at: datetime) -> int:
    """Days since 1970-01-01 (UTC) of when the article appeared: published, else first seen."""
    moment = published_at or first_seen_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return (moment - _EPOCH).days


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays."""
    if not len(a) or not len(b):
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (len(a) + len(b) - inter)


def to_bytes(hashes: np.ndarray) -> bytes:
    return hashes.astype("<u4", copy=False).tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u4")


def _identity(value: int) -> int:
    return value


SAMPLE_BAND = -1  # lsh_buckets rows of the containment index: band -1, bucket = a sampled shingle's hash


@dataclass(frozen=True)
class Fingerprint:
    article_id: int
    day: int
    content_hash: str
    shingles: np.ndarray
    buckets: tuple[int, ...]  # one per band; empty for a text without words or without text beyond its title
    samples: np.ndarray = field(default_factory=lambda: EMPTY)  # the sampled shingles (containment index)
    source_id: str | None = None


class Fingerprinter:
    """Shingles, MinHash and band keys with one configuration (the permutations are drawn once)."""

    def __init__(self, cfg: StoryConfig) -> None:
        self.cfg = cfg
        self._template = MinHash(num_perm=cfg.num_perm, seed=cfg.seed, hashfunc=_identity, scheme="affine32")

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        m = MinHash(num_perm=self.cfg.num_perm, seed=self.cfg.seed, hashfunc=_identity, scheme="affine32",
                    permutations=self._template.permutations)
        m.update_batch(shingles.tolist())
        return m.hashvalues

    def buckets(self, shingles: np.ndarray) -> tuple[int, ...]:
        if not len(shingles):
            return ()
        signature = self.signature(shingles).astype("<u4", copy=False)
        rows = self.cfg.rows
        keys = []
        for band in range(self.cfg.bands):
            digest = hashlib.blake2b(signature[band * rows:(band + 1) * rows].tobytes(), digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return tuple(keys)

    def fingerprint(self, article_id: int, day: int, content_hash: str, text: str, body_words: int | None = None,
                    source_id: str | None = None) -> Fingerprint:
        """`body_words`: the words of the text beyond the title; below min_body_words the article gets no
        buckets, so that pages with no text never form a story by their title alone."""
        shingles = shingle_hashes(text, self.cfg.shingle_size)
        if body_words is not None and body_words < self.cfg.min_body_words:
            return Fingerprint(article_id, day, content_hash, shingles, (), EMPTY, source_id)
        samples = shingles[shingles % self.cfg.sample_every == 0]
        return Fingerprint(article_id, day, content_hash, shingles, self.buckets(shingles), samples, source_id)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the shorter set's shingles found in the longer (the overlap coefficient)."""
    if not len(a) or not len(b):
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / min(len(a), len(b))
