"""Arabic script helpers built on camel-tools' utilities (no data packages needed)."""

from __future__ import annotations

import re
import unicodedata

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

# Arabic, Arabic Supplement, Arabic Extended-A and the presentation forms.
_ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]")
_TATWEEL = "\u0640"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = re.compile(r"\s+")


def arabic_share(text: str) -> float:
    """Share of Arabic-script letters among all letters (0.0 when the text has no letters)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(_ARABIC_LETTER.findall(text)) / letters


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to 0-9 (same length, so offsets are kept)."""
    return text.translate(_DIGITS)


# What a database text column cannot hold: NUL (PostgreSQL refuses it) and UTF-16 surrogates that are not
# pairs (they cannot be encoded as UTF-8; a JSON "\ud800" or a broken page decodes into one).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str | None) -> str | None:
    """The text without what a database cannot store: NUL dropped, a lone surrogate replaced by U+FFFD."""
    if not text:
        return text
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


def has_lone_surrogate(text: str) -> bool:
    return bool(text) and _SURROGATE.search(text) is not None


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def normalize_for_match(text: str) -> str:
    """Loose form for dictionary look-ups: NFKC, no diacritics or tatweel, one alef, yeh, heh."""
    text = unicodedata.normalize("NFKC", text)
    text = dediac_ar(text).replace(_TATWEEL, "")
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return collapse_spaces(ascii_digits(text))
