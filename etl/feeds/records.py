"""Plain records passed between the feeds stage and the load stage."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from etl.text.arabic import collapse_spaces, storable

EXCERPT_CHARS = 2000


@dataclass(slots=True)
class ArticleRecord:
    source_id: str
    guid: str
    url: str
    canonical_url: str
    title: str
    summary: str | None
    content: str | None
    content_source: str  # feed | page | replay | summary
    published_at: datetime | None
    published_raw: str | None
    author: str | None
    language: str
    arabic_share: float
    content_error: str | None = None
    content_hash: str = ""
    word_count: int = 0

    @property
    def body(self) -> str:
        return self.content or self.summary or ""

    def finalize(self) -> "ArticleRecord":
        """Fix the content hash and word count once the text is final (cleaned of what a database cannot
        store: one item's NUL byte must not lose the feed document it came in)."""
        for name in _TEXT_FIELDS:
            setattr(self, name, storable(getattr(self, name)))
        text = collapse_spaces(self.title) + "\n" + collapse_spaces(self.body)
        self.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.word_count = len(self.body.split())
        return self


_TEXT_FIELDS = ("guid", "url", "canonical_url", "title", "summary", "content", "published_raw", "author",
                "content_error")


@dataclass(slots=True)
class Rejection:
    """An item (or a whole feed document) that did not become an article, and why."""

    stage: str  # fetch | parse | entry | store
    reason_code: str
    reason: str
    source_id: str | None = None
    guid: str | None = None
    url: str | None = None
    payload: str = ""
    item_key: str = field(default="")

    @classmethod
    def of_document(cls, stage: str, code: str, reason: str, source_id: str, body: bytes) -> "Rejection":
        """A whole fetched document that did not become articles, keyed by its source and its bytes (the
        same document again is the same rejection)."""
        return cls(stage=stage, reason_code=code, reason=reason, source_id=source_id,
                   payload=body[:1000].decode("utf-8", "replace"),
                   item_key=hashlib.sha256(source_id.encode() + b"\x1f" + body).hexdigest())

    def __post_init__(self) -> None:
        self.payload = storable((self.payload or "")[:EXCERPT_CHARS])
        self.reason, self.guid, self.url = storable(self.reason), storable(self.guid), storable(self.url)
        if not self.item_key:
            basis = "\x1f".join([self.source_id or "", self.guid or "", self.url or "", self.payload])
            self.item_key = hashlib.sha256(basis.encode("utf-8", "replace")).hexdigest()
