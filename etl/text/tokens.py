"""Tokens with offsets into the original text, and the match keys of Arabic words.

A match key is the loose form used to look words up in dictionaries (places, actors, triggers):
no diacritics or tatweel, one alef, yeh for alef maksura, heh for teh marbuta, Arabic kaf/yeh for their
Persian shapes, ASCII digits — the same folding as etl.text.arabic.normalize_for_match (camel-tools),
done with one str.translate so that it is cheap enough for every token of every article.
Keys of multi-word names are the keys of their words without the article ال, joined without spaces,
so that البو كمال and البوكمال, or عين الأسد and عين الاسد, meet. Beyond camel-tools' folding, the hamza
seats ئ and ؤ fold to ي and و, as informal spelling drops them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from camel_tools.utils.charsets import AR_DIAC_CHARSET

_FOLD = {ord(c): None for c in AR_DIAC_CHARSET}
_FOLD.update({ord("\u0640"): None,  # tatweel
              **{ord(c): "ا" for c in "إأٱآ"}, ord("ى"): "ي", ord("ة"): "ه", ord("ک"): "ك", ord("ی"): "ي",
              ord("ڪ"): "ك", ord("ھ"): "ه", ord("ۀ"): "ه",
              # hamza seats, spelled either way in news and social media (القائم / القايم)
              ord("ئ"): "ي", ord("ؤ"): "و",
              **{ord(d): str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
              **{ord(d): str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")}})

# Letters, digits and the marks that sit inside Arabic words (diacritics, tatweel); not underscores,
# so that hashtags such as #سيول_الاردن split into words.
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+")


class Token(NamedTuple):  # a tuple: every word of every text makes one, and tuples are cheapest to build
    text: str
    start: int
    end: int
    key: str  # folded form (final اء as ا), article kept


def fold(word: str) -> str:
    """Letter folding of one word or phrase (see module doc), case-folded for Latin script."""
    return word.translate(_FOLD).lower()


@lru_cache(maxsize=1 << 17)  # news repeats its words: most tokens of a text fold from the cache
def _key(word: str) -> str:
    key = fold(word)
    # a final hamza after alef is often left out (البتراء / البترا, صنعاء / صنعا)
    return key[:-1] if key.endswith("اء") and len(key) > 3 else key


def tokenize(text: str) -> list[Token]:
    return [Token(word, m.start(), m.end(), _key(word)) for m in _WORD.finditer(text) for word in (m.group(),)]


def strip_article(key: str) -> str:
    """Drop a leading ال when a word of at least two letters remains."""
    return key[2:] if key.startswith("ال") and len(key) >= 4 else key


# Proclitics that attach to a name: conjunctions و ف, prepositions ب ل ك; لل is ل + the article.
_PROCLITICS = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=65536)
def clitic_bases(key: str) -> tuple[tuple[int, str], ...]:
    """(length of stripped proclitic, base key without article) readings of a folded word, the plain one first.

    A reading is offered only when at least three letters remain, so short words are not taken apart.
    """
    readings = [(0, strip_article(key))]
    for clitic in _PROCLITICS:
        if key.startswith(clitic) and len(key) - len(clitic) >= 3:
            rest = key[len(clitic):]
            if clitic.endswith("ال") or clitic.endswith("لل"):
                base = rest
            else:
                base = strip_article(rest)
            if all(base != b for _, b in readings):
                readings.append((len(clitic), base))
    return tuple(readings)


@lru_cache(maxsize=65536)
def bases_of(key: str) -> frozenset[str]:
    """The base keys of all clitic readings of a folded word (see clitic_bases), as a set to test against."""
    return frozenset(base for _, base in clitic_bases(key))


class Openings(dict):
    """Token key -> its clitic readings (see clitic_bases) whose base `begins` says can begin an entry of some
    index; filled on first use, since most words begin none, and emptied when it grows past a bound (for
    long-running workers)."""

    def __init__(self, begins) -> None:
        super().__init__()
        self.begins = begins

    def __missing__(self, key: str) -> tuple[tuple[int, str], ...]:
        if len(self) > 500_000:
            self.clear()
        readings = self[key] = tuple((clitic, base) for clitic, base in clitic_bases(key) if self.begins(base))
        return readings


# The vowel marks, shadda, sukun and tatweel: what a word loses to be compared letter by letter, with its hamzas
# and its ة kept (unlike a key).
_MARKS = {ord(c): None for c in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"}


def unmarked(word: str) -> str:
    """The word without diacritics and tatweel, every letter as written (قُتِلَ → قتل, حديثةٌ → حديثة)."""
    return word.translate(_MARKS)


def name_key(name: str) -> str:
    """Lookup key of a (possibly multi-word) name: folded words without the article, joined."""
    return "".join(strip_article(t.key) for t in tokenize(name))


def original_length(word: str, folded_letters: int) -> int:
    """How many characters of `word` spell its first `folded_letters` folded letters (diacritics count 0):
    the length in the original text of a proclitic read off a token's key."""
    if not folded_letters:
        return 0
    consumed = 0
    for position, char in enumerate(word):
        consumed += len(fold(char))
        if consumed >= folded_letters:
            return position + 1
    return len(word)
