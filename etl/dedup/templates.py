"""Template families: two texts made from one template but filled with different things are different stories
(the weather forecasts of two days, the same congratulation cable to two heads of state), however similar.

It is decided from the parts that differ, not from a list of templates: the short runs of words of each text
that no shingle shared with the other covers, between shared text (the slots of the template). When a slot of
each text holds a day, a month or a country that the other text does not name anywhere, the two are filled
differently. Numbers alone do not decide it: an update of the same wire copy changes its toll.
"""

from __future__ import annotations

from functools import lru_cache

from etl.dedup.fingerprints import word_shingles, words

# fills that tell two filled templates apart; numbers are left out on purpose (a rising toll is the same story)
KINDS = ("day", "month", "country")
_WEEKDAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
_CLITICS = ("و", "ب", "ل", "ف")  # one-letter proclitics a fill may carry (والخميس, بالعراق, لمصر)
MAX_SLOT = 4  # words: a longer run that the other text lacks is new content, not a filled slot


@lru_cache(maxsize=1)
def _lexicon() -> dict[tuple[str, ...], tuple[str, str]]:
    """Folded phrase (as a word tuple) -> (kind, value): weekdays, month names, countries and their adjectives."""
    from etl.extraction.dictionaries import _read, adjective_forms
    from etl.text.dates import month_names

    found: dict[tuple[str, ...], tuple[str, str]] = {}
    for day in _WEEKDAYS:
        found[tuple(words(day))] = ("day", " ".join(words(day)))
    for name, month in month_names().items():
        found[tuple(words(name))] = ("month", str(month))
    import pycountry
    from babel import Locale

    def add(name: str, code: str) -> None:
        key = tuple(words(name))
        if key:
            found.setdefault(key, ("country", code))
            if key[0].startswith("ال") and len(key[0]) > 4:  # without the article: رئيس وزراء عراقي، لبنان
                found.setdefault((key[0][2:],) + key[1:], ("country", code))

    for code, spec in _read("actors.yaml")[0]["countries"].items():  # names, peoples, adjectives in all forms
        country = pycountry.countries.get(alpha_3=code)
        code = country.alpha_2 if country else code
        for name in list(spec.get("ar") or []) + list(spec.get("people") or []):
            add(name, code)
        for adjective in spec.get("adj") or []:
            for form in adjective_forms(adjective):
                add(form, code)
    for code, name in Locale("ar").territories.items():  # every other country by its CLDR name
        if len(code) == 2 and code.isalpha():
            add(name, code)
    return found


def fills(tokens: list[str]) -> list[tuple[int, int, str, str]]:
    """(first word, last word + 1, kind, value) of every fill in a folded word list, longest phrase first."""
    lexicon = _lexicon()
    longest = max(len(k) for k in lexicon)
    found, i = [], 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i:i + n])
            hit = lexicon.get(phrase)
            if hit is None and phrase[0][:1] in _CLITICS and len(phrase[0]) > 3:
                hit = lexicon.get((phrase[0][1:],) + phrase[1:])
            if hit:
                found.append((i, i + n, *hit))
                i += n
                break
        else:
            i += 1
    return found


def _slots(tokens: list[str], shared: set[str], size: int) -> list[bool]:
    """Per word: True when it lies in a slot of the template - a short run of words (at most MAX_SLOT) that no
    shared shingle covers, between words that shared shingles do cover. A new paragraph is a long run: its
    names are content, not a filling."""
    covered = [False] * len(tokens)
    for start, gram in enumerate(word_shingles(tokens, size)):
        if gram in shared:
            for k in range(start, min(start + size, len(tokens))):
                covered[k] = True
    slot = [False] * len(tokens)
    k = 0
    while k < len(tokens):
        if covered[k]:
            k += 1
            continue
        end = k
        while end < len(tokens) and not covered[end]:
            end += 1
        if end - k <= MAX_SLOT and k > 0 and end < len(tokens):
            for j in range(k, end):
                slot[j] = True
        k = end
    return slot


def conflicting_fills(text_a: str, text_b: str, size: int) -> set[str]:
    """The kinds of fill (day, month, country) in which the two texts' slots disagree: each fills a slot with
    one that the other does not name at all."""
    a, b = words(text_a), words(text_b)
    shared = set(word_shingles(a, size)) & set(word_shingles(b, size))
    conflicts = set()
    sides = []
    for tokens in (a, b):
        slot = _slots(tokens, shared, size)
        found = fills(tokens)
        sides.append(({(kind, value) for s, e, kind, value in found if all(slot[s:e])},
                      {(kind, value) for _, _, kind, value in found}))
    (diff_a, all_a), (diff_b, all_b) = sides
    for kind in KINDS:
        only_a = {v for k, v in diff_a if k == kind} - {v for k, v in all_b if k == kind}
        only_b = {v for k, v in diff_b if k == kind} - {v for k, v in all_a if k == kind}
        if only_a and only_b:
            conflicts.add(kind)
    return conflicts
