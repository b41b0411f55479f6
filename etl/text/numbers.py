"""Numbers in Arabic text, as values with offsets into the original text.

Handles digits (Western, Arabic-Indic, Persian; thousands separators «1,200», «١٬٢٠٠», «1.486.958»;
decimals «3.5», «٣٫٥»), number words in their genders, cases and construct forms with proclitics
(وثلاثة، بخمسة، الثلاثة), compounds (خمسة وعشرون، ألف وتسعمائة وخمسة وأربعون، ثلاثة آلاف، 2.5 مليون),
fractions of a scale (نصف مليون، مليون ونصف), duals that count two by themselves (جنديين، قتيلان، يومين),
vague quantities as ranges (عشرات، مئات الآلاف، بضعة) and the words that qualify a number (نحو، أكثر من،
على الأقل، ما بين X و Y). Approximate numbers (نحو 30) keep their value with qualifier "approximately".

The words are data: etl/data/numbers.yaml, validated when first used. A quantity is a range
(low, best, high); `best` is the figure a conservative coder would record: the number itself, the
low end of a vague word or range, the bound of "at least" / "more than". `low` / `high` are None
where the text leaves that side open (أكثر من 20 has no upper bound).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Sequence

import yaml

from etl.text.tokens import Token, tokenize

Number = int | float


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # the whole expression, qualifiers included
    end: int
    value_start: int  # the numeral itself (or the dual noun)
    value_end: int
    best: Number
    low: Number | None
    high: Number | None
    kind: str  # "exact" | "vague" | "dual" | "range"
    qualifier: str | None = None  # approximately / at_least / more_than / less_than / up_to
    noun: str | None = None  # for a dual: the folded singular it counts (جندي, يوم)

    @property
    def approximate(self) -> bool:
        return self.qualifier == "approximately"


class _Word(NamedTuple):
    kind: str  # unit tens hundreds scale1 scale2 scalep vague dual fraction
    value: Number
    base: str  # folded word without clitics
    conj: bool  # carries the conjunction و / ف
    article: bool
    high: Number = 0  # vague words: the high end
    low: Number = 0


_KINDS_WITH_PREPOSITIONS = {"scale1", "scale2", "scalep", "vague", "dual"}
_TEEN_ONLY = {"اثنا", "اثنتا"}  # construct forms of two, which stand only before عشر / عشرة
_WEEKDAY_LOOKALIKES = {"اثنين", "احد"}  # الاثنين / الأحد are Monday / Sunday, not "the two" / "the one"
_OF_THE_TWO = frozenset({"احدهما", "كلاهما", "كليهما", "واحدهما"})  # folded: أحدهما
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+")
_DIGIT_TRANS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_MIXED = re.compile(r"[^\W\d_][0-9٠-٩۰-۹]|[0-9٠-٩۰-۹][^\W\d_]")
_SEPARATORS = ",.٫٬"
_QUALIFIERS = ("approximately", "at_least", "more_than", "less_than", "up_to")
_POSTFIXES = {"postfix_at_least": "at_least", "postfix_approximately": "approximately"}


class NumbersDataError(ValueError):
    pass


def _word_key(word: str) -> str:
    tokens = tokenize(word)
    if len(tokens) != 1:
        raise NumbersDataError(f"numbers.yaml: {word!r} must be one word")
    return tokens[0].key


def _phrase_keys(phrase: str) -> tuple[str, ...]:
    keys = tuple(t.key for t in tokenize(phrase))
    if not keys:
        raise NumbersDataError(f"numbers.yaml: empty phrase {phrase!r}")
    return keys


def _words_of(raw: dict, section: str) -> list[str]:
    value = raw.get(section)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise NumbersDataError(f"numbers.yaml: {section} must be a non-empty list of words")
    return value


def _valued(raw: dict, section: str) -> dict[int, list[str]]:
    table = raw.get(section)
    if not isinstance(table, dict) or not table:
        raise NumbersDataError(f"numbers.yaml: {section} must map values to lists of words")
    for value, words in table.items():
        if not isinstance(value, int) or value <= 0:
            raise NumbersDataError(f"numbers.yaml: {section}: {value!r} is not a positive integer")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise NumbersDataError(f"numbers.yaml: {section}: {value} needs a list of words")
    return table


class _Tables(NamedTuple):
    words: dict[str, _Word]  # every clitic variant of every word -> its reading
    teen: frozenset[str]
    hundred: frozenset[str]  # مئة / مائة, which a unit before it multiplies (ثلاث مئة)
    prefixes: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # last key -> (phrase, qualifier)
    postfixes: tuple[tuple[tuple[str, ...], str], ...]
    between: tuple[tuple[str, ...], ...]  # longest first
    oblique_duals: dict[str, str]  # فلسطينيين -> فلسطيني: a dual only when أحدهما / كلاهما follows


def _variants(base: str, word: _Word, allow_prepositions: bool, allow_article: bool) -> dict[str, _Word]:
    out: dict[str, _Word] = {}
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ل", "ك") if allow_prepositions else ("",):
            for article in ("", "ال") if allow_article else ("",):
                prefix = conj + ("لل" if prep == "ل" and article else prep + article)
                out[prefix + base] = word._replace(conj=bool(conj), article=bool(article))
    return out


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw = yaml.safe_load(resources.files("etl").joinpath("data/numbers.yaml").read_text("utf-8"))
    if not isinstance(raw, dict):
        raise NumbersDataError("numbers.yaml must be a mapping")
    readings: dict[str, _Word] = {}

    def add(word: str, reading: _Word) -> None:
        key = _word_key(word)
        previous = readings.get(key)
        if previous is not None and previous[:2] != reading[:2]:
            raise NumbersDataError(f"numbers.yaml: {word!r} is both {previous.kind} {previous.value} "
                                   f"and {reading.kind} {reading.value}")
        readings[key] = reading._replace(base=key)

    for section, kind in (("units", "unit"), ("tens", "tens"), ("hundreds", "hundreds")):
        for value, words in _valued(raw, section).items():
            for word in words:
                add(word, _Word(kind, value, "", False, False))
    scales = raw.get("scales")
    if not isinstance(scales, dict) or not scales:
        raise NumbersDataError("numbers.yaml: scales must map a multiplier to its forms")
    for value, forms in scales.items():
        if not isinstance(value, int) or not isinstance(forms, dict) or set(forms) != {"one", "two", "plural"}:
            raise NumbersDataError(f"numbers.yaml: scale {value!r} needs one, two and plural forms")
        for form, kind in (("one", "scale1"), ("two", "scale2"), ("plural", "scalep")):
            for word in _words_of(forms, form):
                add(word, _Word(kind, value, "", False, False))
    vague = raw.get("vague")
    if not isinstance(vague, dict) or not vague:
        raise NumbersDataError("numbers.yaml: vague must map words to [low, best, high]")
    for word, bounds in vague.items():
        if not (isinstance(bounds, list) and len(bounds) == 3 and all(isinstance(b, int) for b in bounds)
                and bounds[0] <= bounds[1] <= bounds[2]):
            raise NumbersDataError(f"numbers.yaml: vague {word!r} needs [low, best, high] in order")
        key = _word_key(word)
        # a vague plural scale (آلاف) is also the plural of its scale: keep the scale reading, record the range
        previous = readings.get(key)
        kind = "scalep" if previous is not None and previous.kind == "scalep" else "vague"
        readings[key] = _Word(kind, previous.value if kind == "scalep" else bounds[1], key, False, False,
                              high=bounds[2], low=bounds[0])
    fractions = raw.get("fractions")
    if not isinstance(fractions, dict) or not fractions:
        raise NumbersDataError("numbers.yaml: fractions must map words to values between 0 and 1")
    for word, value in fractions.items():
        if not isinstance(value, (int, float)) or not 0 < value < 1:
            raise NumbersDataError(f"numbers.yaml: fraction {word!r} needs a value between 0 and 1")
        add(word, _Word("fraction", value, "", False, False))
    oblique_duals: dict[str, str] = {}
    # (a nisba's -ين is also its sound plural: a dual only before أحدهما, see _numeral_at)
    for section, endings in (("dual_nouns", ("ين", "ان")), ("nominative_duals", ("ان",))):
        for word in _words_of(raw, section):
            singular = _word_key(word)
            stem = singular[:-1] + "ت" if singular.endswith("ه") else singular
            for ending in endings:
                dual = stem + ending
                if dual in readings:
                    raise NumbersDataError(f"numbers.yaml: dual of {word!r} is also a number word")
                readings[dual] = _Word("dual", 2, singular, False, False)
            if section == "nominative_duals":
                oblique_duals.update({conj + stem + "ين": singular for conj in ("", "و", "ف")})

    words: dict[str, _Word] = {}
    for base, reading in readings.items():
        prepositions = len(base) >= 4 or reading.kind in _KINDS_WITH_PREPOSITIONS
        article = base not in _WEEKDAY_LOOKALIKES
        for key, variant in _variants(base, reading, prepositions, article).items():
            if key in readings and key != base:
                continue  # a word in its own right (واحد is not و + احد)
            words.setdefault(key, variant)

    modifiers = raw.get("modifiers")
    if not isinstance(modifiers, dict):
        raise NumbersDataError("numbers.yaml: modifiers must be a mapping")
    unknown = set(modifiers) - set(_QUALIFIERS) - set(_POSTFIXES) - {"between"}
    if unknown:
        raise NumbersDataError(f"numbers.yaml: unknown modifiers {sorted(unknown)}")
    prefixes: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for qualifier in _QUALIFIERS:
        for phrase in _words_of(modifiers, qualifier):
            keys = _phrase_keys(phrase)
            prefixes.setdefault(keys[-1], []).append((keys, qualifier))
    postfixes = [(_phrase_keys(p), q) for section, q in _POSTFIXES.items() for p in _words_of(modifiers, section)]
    teen = frozenset(_word_key(w) for w in _words_of(raw, "teen"))
    hundred = frozenset(_word_key(w) for w in _valued(raw, "hundreds")[100])
    return _Tables(words, teen, hundred,
                   {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in prefixes.items()},
                   tuple(sorted(postfixes, key=lambda e: -len(e[0]))),
                   tuple(sorted({_phrase_keys(p) for p in _words_of(modifiers, "between")}, key=len, reverse=True)),
                   oblique_duals)


def load_numbers() -> None:
    """Read and validate etl/data/numbers.yaml now (NumbersDataError on a problem)."""
    _tables()


def atoms(text: str, start: int = 0, end: int | None = None,
          tokens: Sequence[Token] | None = None) -> list[Token]:
    """The tokens of text[start:end] (offsets into `text`), digits split from letters (و2750 → و, 2750).

    `tokens` may be etl.text.tokens.tokenize(text) computed once for the whole text.
    """
    end = len(text) if end is None else end
    if tokens is None:
        tokens = tokenize(text[start:end])
        if start:
            tokens = [Token(t.text, t.start + start, t.end + start, t.key) for t in tokens]
    else:
        # the tokens of the span, found by bisection: the coder calls this once per sentence of an article
        lo = bisect_left(tokens, start, key=_token_start)
        hi = bisect_left(tokens, end, lo=lo, key=_token_start)
        tokens = [t for t in tokens[lo:hi] if t.end <= end]
    if not _MIXED.search(text, start, end):
        return list(tokens)
    out: list[Token] = []
    for tok in tokens:
        if tok.key.isdigit() or not _DIGITS.search(tok.text):
            out.append(tok)
            continue
        pos = 0
        for m in _DIGITS.finditer(tok.text):
            if m.start() > pos:
                out.extend(_sub_token(tok, pos, m.start()))
            out.append(Token(m.group(), tok.start + m.start(), tok.start + m.end(), m.group().translate(_DIGIT_TRANS)))
            pos = m.end()
        if pos < len(tok.text):
            out.extend(_sub_token(tok, pos, len(tok.text)))
    return out


def _token_start(tok: Token) -> int:
    return tok.start


def _sub_token(tok: Token, a: int, b: int) -> list[Token]:
    part = tok.text[a:b]
    return [Token(t.text, tok.start + a + t.start, tok.start + a + t.end, t.key) for t in tokenize(part)]


def digits_value(text: str) -> Number | None:
    """The value of one digit group with separators: 1,200 / ١٬٢٠٠ / 1.486.958 → 1200…, 3.5 / ٣٫٥ → 3.5."""
    text = text.strip().translate(_DIGIT_TRANS)
    if not text or not text[0].isdigit() or not text[-1].isdigit():
        return None
    groups = re.split(r"([,.٫٬])", text)
    numbers, seps = groups[0::2], groups[1::2]
    if not all(g.isdigit() for g in numbers):
        return None
    if not seps:
        return int(text)
    kinds = set(seps)
    if "٫" in kinds:
        decimal = "٫"  # the Arabic decimal separator
    elif kinds == {"."}:
        decimal = "." if len(seps) == 1 else None  # 3.5, but 1.486.958 groups thousands
    elif kinds == {","}:
        decimal = "," if len(seps) == 1 and len(numbers[-1]) != 3 else None  # 1,5 but 1,200
    elif kinds == {"٬"}:
        decimal = None
    else:
        decimal = seps[-1]  # 1,200.5 / 1.200,5: the last separator is the decimal one
    if decimal is not None and (seps.count(decimal) != 1 or seps[-1] != decimal):
        return None
    grouped = numbers[1:-1] if decimal is not None else numbers[1:]
    if not all(len(g) == 3 for g in grouped):
        return None
    whole = int("".join(numbers[:-1] if decimal is not None else numbers))
    return float(f"{whole}.{numbers[-1]}") if decimal is not None else whole


def number_word(key: str) -> bool:
    """Is this token key (Token.key) a number word in some reading (المائة، وثلاثة، جنديين)?"""
    return key in _tables().words


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    tokens: Sequence[Token] | None = None, *, toks: list[Token] | None = None) -> list[Quantity]:
    """Every quantity in text[start:end], left to right, not overlapping, offsets into `text`.

    `toks` may be the result of atoms() for the same span, to avoid tokenizing twice.
    """
    tables = _tables()
    toks = toks if toks is not None else atoms(text, start, end, tokens)
    out: list[Quantity] = []
    i, n = 0, len(toks)
    while i < n:
        found = _numeral_at(text, toks, i, tables)
        if found is None:
            i += 1
            continue
        j, low, best, high, kind, noun = found
        q = _qualify(text, toks, i, j, low, best, high, kind, noun, tables)
        if out and q.start < out[-1].end:  # a prefix reaching back into the previous quantity
            q = Quantity(toks[i].start, q.end, q.value_start, q.value_end, q.best, q.low, q.high, q.kind,
                         q.qualifier, q.noun)
        out.append(q)
        i = max(j, _index_after(toks, q.end, j))
    return out


def _index_after(toks: list[Token], offset: int, at_least: int) -> int:
    i = at_least
    while i < len(toks) and toks[i].start < offset:
        i += 1
    return i


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Only spaces (or nothing) between two tokens: no punctuation or line break."""
    gap = text[a.end:b.start]
    return not gap or (gap.isspace() and "\n" not in gap)


def _digit_chain(text: str, toks: list[Token], i: int) -> tuple[int, Number] | None:
    """Digits at toks[i] with their separators; (index after, value). None for dates, times, ratios."""
    j = i + 1
    while j < len(toks) and toks[j].key.isdigit() and toks[j].start == toks[j - 1].end + 1 \
            and text[toks[j - 1].end] in _SEPARATORS:
        j += 1
    first, last = toks[i], toks[j - 1]
    before = text[first.start - 1] if first.start else ""
    after = text[last.end] if last.end < len(text) else ""
    if (before in "/:-" and first.start >= 2 and text[first.start - 2].isdigit()) or \
            (after in "/:" and last.end + 1 < len(text) and text[last.end + 1].isdigit()):
        return None  # 14/4/2018, 10:30, 3:1
    value = digits_value(text[first.start:last.end])
    return None if value is None else (j, value)


def _numeral_at(text: str, toks: list[Token], i: int, tables: _Tables):
    """(index after, low, best, high, kind, noun) of a numeral starting at toks[i], or None."""
    words = tables.words
    tok = toks[i]
    if tok.key.isdigit():
        chain = _digit_chain(text, toks, i)
        if chain is None:
            return None
        j, value = chain
        total: Number = 0
        group: Number = value
        # digits times a scale word: 3 آلاف, 2.5 مليون, 20 ألف
        if j < len(toks) and _adjacent(text, toks[j - 1], toks[j]):
            w = words.get(toks[j].key)
            if w is not None and not w.conj and w.kind in ("scale1", "scalep"):
                group, total, j = 0, value * w.value, j + 1
                half = words.get(toks[j].key) if j < len(toks) and _adjacent(text, toks[j - 1], toks[j]) else None
                if half is not None and half.kind == "fraction" and half.conj:
                    total, j = total + half.value * w.value, j + 1  # 3 ملايين ونصف
        best = _clean(total + group)
        return j, best, best, best, "exact", None
    w = words.get(tok.key)
    if w is None:
        # قتلت فلسطينيين أحدهما صبي: the oblique form of a nisba is a dual when "one of the two" follows it
        singular = tables.oblique_duals.get(tok.key)
        if singular is not None and i + 1 < len(toks) and toks[i + 1].key in _OF_THE_TWO:
            return i + 1, 2, 2, 2, "dual", singular
        return None
    if w.kind == "dual":
        j = i + 1
        if j < len(toks) and _adjacent(text, tok, toks[j]):
            nxt = words.get(toks[j].key)
            if nxt is not None and nxt.kind == "unit" and nxt.value == 2 and not nxt.conj:
                return j + 1, 2, 2, 2, "exact", w.base  # جنديين اثنين
        return j, 2, 2, 2, "dual", w.base
    if w.kind == "vague":
        j = i + 1
        low, best, high = w.low, w.value, w.high
        if j < len(toks) and _adjacent(text, tok, toks[j]):
            nxt = words.get(toks[j].key)
            if nxt is not None and not nxt.conj and nxt.kind in ("scalep", "scale1"):
                low, best, high, j = low * nxt.value, best * nxt.value, high * nxt.value, j + 1  # عشرات الآلاف
        return j, low, best, high, "vague", None
    if w.kind == "scalep" and w.high:
        # آلاف / ملايين with no count before them: vague thousands / millions
        return i + 1, w.low, w.low, w.high, "vague", None
    if w.kind == "fraction":
        # نصف مليون: a fraction counts only before a scale word (نصف السكان is no number)
        if i + 1 < len(toks) and _adjacent(text, tok, toks[i + 1]):
            s = words.get(toks[i + 1].key)
            if s is not None and not s.conj and s.kind == "scale1":
                best = _clean(w.value * s.value)
                return i + 2, best, best, best, "exact", None
        return None
    return _compound(text, toks, i, tables)


def _compound(text: str, toks: list[Token], i: int, tables: _Tables):
    words = tables.words
    total: Number = 0
    group: Number = 0
    j = i
    previous = None  # magnitude class of the previous part: 1 unit, 10 tens/teens, 100 hundreds, scale
    unit_then_tens = False
    while j < len(toks):
        tok = toks[j]
        w = words.get(tok.key)
        if w is None or w.kind in ("vague", "dual"):
            break
        if w.kind == "fraction":
            # مليون ونصف، ألف ونصف: a fraction of the scale just read
            if j > i and w.conj and total and not group and previous and previous >= 1000:
                total += w.value * previous
                j += 1
            break
        if j > i:
            # the next part carries و, and the article only when the first did (الأربع والعشرين)
            if not (w.conj and tok.key.startswith("و")) or w.article != first_article \
                    or not _adjacent(text, toks[j - 1], tok):
                break
        else:
            first_article = w.article
        part: Number = w.value
        k = j + 1
        adjacent = k < len(toks) and _adjacent(text, tok, toks[k])
        teen_next = adjacent and toks[k].key in tables.teen
        if w.base in _TEEN_ONLY and not teen_next:
            break  # أثناء (during) folds to اثنا, which is a number only in اثنا عشر
        if w.kind == "unit" and w.value < 10 and adjacent:
            nxt = toks[k].key
            if teen_next:
                part, k = 10 + w.value, k + 1  # خمسة عشر
            elif nxt in tables.hundred and w.value >= 3:
                part, k = 100 * w.value, k + 1  # ثلاث مئة
        magnitude = {"unit": 1, "tens": 10, "hundreds": 100}.get(w.kind, w.value)
        if w.kind == "unit" and part >= 10:
            magnitude = 10
        if previous is not None:
            # parts come from the largest down, except a unit before its tens (خمسة وعشرون)
            if magnitude == 10 and previous == 1 and w.kind == "tens" and not unit_then_tens:
                unit_then_tens = True
            elif magnitude >= previous or unit_then_tens:
                break
        if w.kind in ("scale1", "scale2", "scalep"):
            if j > i and w.kind == "scalep":
                break
            total += (2 if w.kind == "scale2" else 1) * w.value
            group = 0
        else:
            group += part
            # a scale word right after the group multiplies it: ثلاثة آلاف، خمسة عشر ألفا، مئة وخمسون ألفا
            if k < len(toks) and _adjacent(text, toks[k - 1], toks[k]):
                s = words.get(toks[k].key)
                if s is not None and not s.conj and s.kind in ("scale1", "scalep"):
                    total += group * s.value
                    group, magnitude, k = 0, s.value, k + 1
        previous = magnitude
        j = k
    if j == i:
        return None
    # "ألف و300": digits after a scale word and و, smaller than that scale
    if total and not group and j + 1 < len(toks) and toks[j].key == "و" and toks[j + 1].key.isdigit() \
            and _adjacent(text, toks[j - 1], toks[j]) and _adjacent(text, toks[j], toks[j + 1]):
        chain = _digit_chain(text, toks, j + 1)
        if chain is not None and chain[1] < previous:
            j, group = chain
    best = _clean(total + group)
    return j, best, best, best, "exact", None


def _clean(value: Number) -> Number:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _matches_before(text: str, toks: list[Token], i: int, phrase: tuple[str, ...]) -> int | None:
    """Index where `phrase` starts if it ends right before toks[i] (its first word may carry و / ف)."""
    n = len(phrase)
    if i < n:
        return None
    for offset, key in enumerate(phrase):
        tok = toks[i - n + offset]
        if tok.key != key and not (offset == 0 and tok.key[:1] in "وف" and tok.key[1:] == key):
            return None
    for a in range(i - n, i - 1):
        if not _adjacent(text, toks[a], toks[a + 1]):
            return None
    return i - n


def _qualify(text, toks, i, j, low, best, high, kind, noun, tables: _Tables) -> Quantity:
    value_start, value_end = toks[i].start, toks[j - 1].end
    start, end, qualifier = value_start, value_end, None
    # ranges: (ما) بين X و Y, من X إلى Y
    if j < len(toks) and kind in ("exact", "vague"):
        rng = _range_after(text, toks, i, j, low, high, tables)
        if rng is not None:
            r_start, k, r_low, r_high = rng
            return Quantity(toks[r_start].start, toks[k - 1].end, value_start, toks[k - 1].end, r_low, r_low, r_high,
                            "range", None, noun)
    if i and toks[i - 1].key in tables.prefixes and _adjacent(text, toks[i - 1], toks[i]):
        for phrase, q in tables.prefixes[toks[i - 1].key]:
            at = _matches_before(text, toks, i, phrase)
            if at is not None:
                start, qualifier = toks[at].start, q
                break
    if qualifier is None:
        # "20 على الأقل", "20 شخصا على الأقل", "30 تقريبا"
        for skip in (0, 1):
            for phrase, q in tables.postfixes:
                at = j + skip + len(phrase)
                if at <= len(toks) and _matches_before(text, toks, at, phrase) == j + skip \
                        and all(_adjacent(text, toks[a], toks[a + 1]) for a in range(j - 1, j + skip)):
                    end, qualifier = toks[at - 1].end, q
                    break
            if qualifier:
                break
    if qualifier == "at_least":
        high = None
    elif qualifier == "more_than":
        low = low + 1 if isinstance(low, int) and kind != "vague" else low
        best, high = low, None
    elif qualifier == "less_than":
        high = high - 1 if isinstance(high, int) and kind != "vague" else high
        best, low = high, None
    elif qualifier == "up_to":
        best, low = high, None
    return Quantity(start, end, value_start, value_end, best, low, high, kind, qualifier, noun)


def _range_after(text, toks, i, j, low, high, tables: _Tables):
    """(index where the range starts, index after it, low, high) for بين X و Y / من X إلى Y."""
    opener = None
    for phrase in tables.between:  # longest first
        at = _matches_before(text, toks, i, phrase)
        if at is not None:
            opener = ("between", at)
            break
    if opener is None and i and toks[i - 1].key in ("من", "ومن") and _adjacent(text, toks[i - 1], toks[i]):
        opener = ("from", i - 1)  # من X إلى Y
    if opener is None:
        return None
    k = j
    if opener[0] == "between":
        if toks[k].key in ("و", "الي") and k + 1 < len(toks):
            # و30 (the conjunction is a token of its own), or بين 200 إلى 300
            second = _numeral_at(text, toks, k + 1, tables)
        else:
            w = tables.words.get(toks[k].key)  # وثلاثين
            second = _compound(text, toks, k, tables) if w is not None and w.conj else None
    else:
        if toks[k].key not in ("الي", "حتي") or k + 1 >= len(toks):
            return None
        k += 1
        second = _numeral_at(text, toks, k, tables)
    if second is None or not _adjacent(text, toks[j - 1], toks[j]):
        return None
    k2, _, _, high2, _, _ = second
    if high2 is None:
        return None
    # "بين 12 و16 ألفا": a scale word closing the second number applies to the first as well
    scale = tables.words.get(toks[k2 - 1].key)
    if scale is not None and scale.kind in ("scale1", "scalep") and (high or 0) < scale.value \
            and (high or 0) * scale.value <= high2:
        low, high = low * scale.value, high * scale.value
    if high2 <= (high or 0):
        return None
    return opener[1], k2, low, high2


def parse_number(text: str) -> Number | None:
    """The value of a text that is one numeral ("١٬٢٠٠", "خمسة وعشرون", "ثلاثة آلاف"), else None."""
    quantities = find_quantities(text)
    stripped = text.strip()
    if len(quantities) != 1:
        return None
    q = quantities[0]
    if q.qualifier or q.kind != "exact" or text[:q.start].strip() or text[q.end:].strip() or not stripped:
        return None
    return q.best
