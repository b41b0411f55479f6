"""Canonical article URLs: one spelling per article, so that the database can be unique on it.

Rules: scheme and host lower-cased, IDN hosts in punycode, default ports and fragments dropped,
tracking parameters removed, the remaining parameters sorted, percent-escapes upper-cased and
raw non-ASCII (IRIs with Arabic paths) percent-encoded as UTF-8, so that an IRI and its
percent-encoded twin are the same string. Unreserved characters are never escaped.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "_hs", "oly_")
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "ocid", "cmpid", "ncid", "ref_src", "ref_url", "src_trk", "spm",
    "_ga", "_gl", "__twitter_impression", "s_cid", "cid_source", "rss", "from_rss",
})
DEFAULT_PORTS = {"http": "80", "https": "443"}

_ESCAPE = re.compile(r"%([0-9a-fA-F]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters left alone when re-encoding: URL delimiters and existing escapes.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/%:@!$'()*+,;?-._~"


class InvalidURL(ValueError):
    """Not an absolute http(s) URL with a host."""


def _normalize_escapes(component: str, safe: str) -> str:
    encoded = quote(component, safe=safe, encoding="utf-8", errors="strict")

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _ESCAPE.sub(fix, encoded)


def _host(netloc_host: str) -> str:
    host = netloc_host.strip().rstrip(".").lower()
    if not host:
        raise InvalidURL("URL has no host")
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise InvalidURL(f"invalid international host name {host!r}") from exc
    return host


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"unparseable URL {url[:200]!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidURL(f"not an http(s) URL: {url[:200]!r}")
    host = _host(parts.hostname or "")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or str(port) == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = _normalize_escapes(parts.path or "/", _PATH_SAFE)
    pairs = []
    for pair in parts.query.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        if is_tracking_param(_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), name)):
            continue
        name = _normalize_escapes(name, _QUERY_SAFE)
        pairs.append(f"{name}={_normalize_escapes(value, _QUERY_SAFE + '=')}" if _ else name)
    query = "&".join(sorted(pairs))
    return urlunsplit((scheme, netloc, path, query, ""))
