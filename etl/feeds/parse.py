"""Feed documents to article records and rejections.

feedparser always gets the raw bytes and the HTTP headers, never decoded text: it then applies the
HTTP charset, the XML declaration and, failing both, chardet, which is how a windows-1256 feed served
without a charset still comes out as Arabic.
"""

from __future__ import annotations

import calendar
import codecs
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin

import feedparser

from etl.feeds.html_text import html_to_text
from etl.feeds.records import ArticleRecord, Rejection
from etl.feeds.registry import Source
from etl.feeds.urls import InvalidURL, canonical_url
from etl.text.arabic import arabic_share, storable
from etl.text.dates import parse_date

MIN_ARABIC_SHARE = 0.4  # below this an item of an Arabic feed is rejected as not Arabic
FULLTEXT_MIN_CHARS = 400  # feed content shorter than this is treated as a summary


@dataclass(slots=True)
class ParsedFeed:
    status: str  # ok | warning | error
    message: str | None
    feed_title: str | None
    version: str | None
    articles: list[ArticleRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def items_seen(self) -> int:
        return len(self.articles) + sum(1 for r in self.rejections if r.stage == "entry")


def _struct_to_utc(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
    except (OverflowError, ValueError, TypeError):
        return None


def _entry_link(entry, base_url: str) -> str | None:
    link = entry.get("link")
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
                link = candidate["href"]
                break
    if not link:
        guid = entry.get("id") or ""
        if entry.get("guidislink") or guid.startswith(("http://", "https://")):
            link = guid
    return urljoin(base_url, link.strip()) if link else None


def _entry_content(entry) -> str:
    """The longest full-content block of the entry, as text."""
    best = ""
    for block in entry.get("content") or []:
        text = html_to_text(block.get("value"))
        if len(text) > len(best):
            best = text
    return best


def _excerpt(entry) -> str:
    parts = [entry.get("title") or "", entry.get("link") or "", entry.get("id") or "",
             (entry.get("summary") or "")[:1000]]
    return " | ".join(p for p in parts if p)


def entry_to_record(entry, source: Source, base_url: str) -> ArticleRecord | Rejection:
    guid = storable((entry.get("id") or "").strip()) or None
    link = storable(_entry_link(entry, base_url))

    def reject(code: str, reason: str) -> Rejection:
        return Rejection(stage="entry", reason_code=code, reason=reason, source_id=source.id,
                         guid=guid, url=link, payload=_excerpt(entry))

    if not link:
        return reject("no_url", "item has no link and no URL-like guid, so it cannot be identified")
    try:
        canonical = canonical_url(link)
    except InvalidURL as exc:
        return reject("invalid_url", str(exc))
    title = html_to_text(entry.get("title"))
    summary = html_to_text(entry.get("summary")) or None
    content = _entry_content(entry)
    if content and summary and content.strip() == summary.strip():
        content = ""
    if not title and not summary and not content:
        return reject("empty", "item has neither title nor text")
    share = arabic_share(" ".join(filter(None, (title, summary, content))))
    if source.language == "ar" and share < MIN_ARABIC_SHARE:
        return reject("not_arabic", f"Arabic-script share {share:.2f} below {MIN_ARABIC_SHARE} for an Arabic feed")
    raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
    # our reader first: feedparser reads a date without a zone as UTC, where the registry knows the newsroom's
    published = parse_date(raw_date, source.tzinfo) or _struct_to_utc(entry.get("published_parsed")
                                                                        or entry.get("updated_parsed"))
    full = len(content) >= FULLTEXT_MIN_CHARS and len(content) > len(summary or "")
    return ArticleRecord(
        source_id=source.id, guid=guid or canonical, url=link, canonical_url=canonical,
        title=title or (summary or content)[:120], summary=summary,
        content=content if full else None, content_source="feed" if full else "summary",
        published_at=published, published_raw=raw_date, author=entry.get("author") or None,
        language="ar" if share >= MIN_ARABIC_SHARE else source.language, arabic_share=round(share, 4),
    )


_XML_DECLARATION = re.compile(rb"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._:-]+)([\"'])")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def declared_encoding(body: bytes, headers: dict[str, str]) -> str | None:
    """The encoding a document says it is in: the BOM, then the HTTP charset, then the XML declaration."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    charset = _CHARSET.search(headers.get("content-type", ""))
    if charset:
        return charset.group(1)
    declared = _XML_DECLARATION.match(body[:512])
    return declared.group(2).decode("ascii") if declared else None


def repair_encoding(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str], str | None]:
    """A document in its declared encoding (else UTF-8, XML's default) that has a few bytes this encoding
    cannot decode, as UTF-8 with those bytes replaced by U+FFFD, and a note of how many; anything else
    unchanged. Left alone, feedparser would give up on the declared encoding and guess another (chardet
    took four bad bytes in one of 20 items for IBM855 and every item was garbled); a document that is
    wholly in another encoding (a windows-1256 feed with no charset) still goes to feedparser's detection."""
    name = declared_encoding(body, headers) or "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return body, headers, None
    try:
        body.decode(codec)
        return body, headers, None
    except UnicodeDecodeError:
        pass
    text = body.decode(codec, "replace")
    bad = text.count("\ufffd") - body.count("\ufffd".encode("utf-8"))
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if bad > max(4, non_ascii // 50):
        return body, headers, None  # not this encoding at all: let feedparser's detection decide
    text = text.lstrip("\ufeff")
    repaired = _XML_DECLARATION.sub(rb"\1utf-8\3", text.encode("utf-8"), count=1)
    fixed = {**headers, "content-type": _CHARSET.sub("", headers.get("content-type", "application/xml")).rstrip(" ;")
             + "; charset=utf-8"}
    return repaired, fixed, f"{bad} byte sequence(s) invalid in {codec} replaced by U+FFFD"


_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _no_char(ref: re.Match) -> bytes:
    digits = ref.group(1)
    value = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
    return b"&#xFFFD;" if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF else ref.group()


def defuse_char_refs(body: bytes) -> bytes:
    """Character references to no character (&#0;, a lone surrogate &#xD800;, beyond U+10FFFF) as U+FFFD:
    feedparser raises on a surrogate and would lose the whole document for one item's entity."""
    return _CHAR_REF.sub(_no_char, body) if b"&#" in body else body


def parse_feed(body: bytes, source: Source, headers: dict[str, str] | None = None,
               base_url: str | None = None) -> ParsedFeed:
    """Parse one fetched feed document into article records and per-item rejections."""
    base_url = base_url or source.feed_url
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    headers.setdefault("content-location", base_url)
    # Without a Content-Type feedparser falls back to ISO-8859-1 whenever other headers are present,
    # garbling Arabic; a bare XML type lets the XML declaration, the BOM or chardet decide instead.
    headers.setdefault("content-type", "application/xml")
    body, headers, repaired = repair_encoding(body, headers)
    body = defuse_char_refs(body)
    try:
        result = feedparser.parse(body, response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=False)
    except Exception as exc:  # feedparser is defensive, but a parser bug must not lose the document
        return _feed_error(source, body, "parser_crash", f"feedparser raised {type(exc).__name__}: {exc}")
    entries = result.get("entries") or []
    version = result.get("version") or None
    bozo = result.get("bozo_exception") if result.get("bozo") else None
    if not entries:
        if not version:
            looks_html = b"<html" in body[:2048].lower() or "html" in headers.get("content-type", "")
            code = "not_a_feed" if looks_html or body.strip() else "empty_document"
            detail = f" ({type(bozo).__name__}: {bozo})" if bozo else ""
            return _feed_error(source, body, code, f"document is not an RSS/Atom feed{detail}")
        return _feed_error(source, body, "no_entries", f"{version} feed has no entries")
    notes = [n for n in (repaired, f"{type(bozo).__name__}: {bozo}" if bozo else None) if n]
    parsed = ParsedFeed(
        status="warning" if notes else "ok",
        message="; ".join(notes)[:1000] if notes else None,
        feed_title=result.get("feed", {}).get("title"), version=version,
    )
    for entry in entries:
        try:
            outcome = entry_to_record(entry, source, base_url)
        except Exception as exc:  # one item the code cannot handle is one rejection, not a lost document
            outcome = Rejection(stage="entry", reason_code="item_error", reason=f"{type(exc).__name__}: {exc}",
                                source_id=source.id, guid=storable(entry.get("id")), payload=_excerpt(entry))
        (parsed.articles if isinstance(outcome, ArticleRecord) else parsed.rejections).append(outcome)
    return parsed


def _feed_error(source: Source, body: bytes, code: str, message: str) -> ParsedFeed:
    rejection = Rejection.of_document("parse", code, message, source.id, body)
    return ParsedFeed(status="error", message=message, feed_title=None, version=None, rejections=[rejection])
