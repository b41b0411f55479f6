"""The geoparser: finds Arabic place names in text and resolves them to gazetteer places.

Recognition: longest match of token n-grams against the gazetteer's name keys, trying each reading of
the first word with and without its proclitics (و ف ب ل ك and the article); names that are also
ordinary words (cues.yaml `needs_context`) and small places are kept only with support from context.

Resolution: each mention's candidates are scored by the kind and size of place, what the context words
announce (محافظة، مخيم، قاعدة …), an explicit parent ("X في محافظة Y", "X شمال Y"), the text's focus
country and the distance to the other places in the text; "120 كلم شمال بغداد" is placed 120 km north of
Baghdad with a coarser precision.

Precision: 1 the named place, 2 near it or part of it (relative locations, "ريف X", districts),
3 a region or first-level division, 4 a country, 5 a region of several countries, a continent, an ocean or a
sea. ACLED's geo_precision is 1, 2, 3 for our 1, 2, 3, and 3 for a country or wider (ACLED has no such level).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from etl.geo.gazetteer import ARAB_COUNTRIES, NEIGHBOURS, Gazetteer, Place, haversine_km
from etl.text.tokens import Openings, Token, clitic_bases, fold, name_key, original_length, strip_article, tokenize
from etl.text.numbers import number_word

MAX_NAME_WORDS = 6
# A single-word town name is taken on its own only above these populations; smaller towns need support
# from context. Outside the Arab world the bar is higher: transliterated foreign names (فان، أدى، قوله)
# collide with Arabic words far more often than they are meant.
STRONG_POPULATION_ARAB = 10_000
STRONG_POPULATION_NEIGHBOURS = 100_000
STRONG_POPULATION_WORLD = 1_000_000
NEAR_KM = 150.0
BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
            "west": 270, "northwest": 315}


@dataclass(slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    name_ar: str | None
    name_en: str | None
    place_id: int | None
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    country: str | None
    country3: str | None
    admin1: str | None
    feature_code: str | None
    precision: int
    confidence: float

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Cues:
    type_cues: dict[str, tuple[tuple[str, ...], int | None]]
    directions: dict[str, str]  # key of one or two words -> direction
    near: frozenset[str]
    units: dict[str, float]
    locative: frozenset[str]
    parent_links: frozenset[str]
    needs_context: frozenset[str]
    never: frozenset[str]
    never_alone: frozenset[str]
    facilities: frozenset[str]
    facility_stops: frozenset[str]
    given_names: frozenset[str]
    organisation_nouns: frozenset[str]


@lru_cache(maxsize=1)
def common_noun_names() -> frozenset[str]:
    """etl/geo/data/common_noun_names.tsv: name keys, one per line before a tab (comment lines start with #)."""
    text = resources.files("etl.geo").joinpath("data/common_noun_names.tsv").read_text(encoding="utf-8")
    keys = [line.split("\t", 1)[0].strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not all(keys):
        raise ValueError("common_noun_names.tsv: every line needs a name key before its tab")
    return frozenset(keys)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """etl/geo/data/cues.yaml, validated."""
    raw = yaml.safe_load(resources.files("etl.geo").joinpath("data/cues.yaml").read_text(encoding="utf-8"))
    expected = {"type_cues", "directions", "near", "units", "locative", "parent_links", "needs_context", "never",
                "never_alone", "facilities", "facility_stops", "given_names", "organisation_nouns"}
    if not isinstance(raw, dict) or set(raw) != expected:
        raise ValueError(f"cues.yaml must have exactly the sections {sorted(expected)}")
    type_cues = {}
    for word, spec in raw["type_cues"].items():
        if not isinstance(spec, dict) or not spec.get("codes"):
            raise ValueError(f"cues.yaml: type cue {word!r} needs a list of codes")
        type_cues[name_key(word)] = (tuple(spec["codes"]), spec.get("precision"))
    directions = {}
    for direction, words in raw["directions"].items():
        if direction not in BEARINGS:
            raise ValueError(f"cues.yaml: unknown direction {direction!r}")
        for word in words:
            directions[name_key(word)] = direction
    keys = lambda section: frozenset(name_key(w) for w in raw[section])  # noqa: E731
    return Cues(type_cues, directions, keys("near"), {name_key(k): float(v) for k, v in raw["units"].items()},
                keys("locative"), keys("parent_links"), keys("needs_context"), keys("never"), keys("never_alone"),
                frozenset(fold(w) for w in raw["facilities"]), keys("facility_stops"), keys("given_names"),
                keys("organisation_nouns"))


@lru_cache(maxsize=512)
def country_alpha3(alpha2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def _within(place: Place, parent: Place) -> bool:
    """Is `place` inside (or next to) `parent`: same country, and same division or within 100 km."""
    if place.country != parent.country:
        return False
    return (parent.kind == "country" or bool(parent.admin1_code and parent.admin1_code == place.admin1_code)
            or haversine_km(place.lat, place.lon, parent.lat, parent.lon) <= 100)


def _strong_population(country: str) -> int:
    if country in ARAB_COUNTRIES:
        return STRONG_POPULATION_ARAB
    return STRONG_POPULATION_NEIGHBOURS if country in NEIGHBOURS else STRONG_POPULATION_WORLD


COMMON_NOUN_STANDING = 100_000  # a town this large is named more often than the common noun it spells


def _stands_out(place: Place) -> bool:
    """A place that a common noun of the same spelling does not hide: a country, a first-level division, a
    capital, a town of 100,000 (العقبة, Aqaba; not العشارة, al-Ashara, behind «في إشارة إلى»)."""
    return place.kind in ("country", "admin1") or place.feature_code == "PPLC" or \
        place.population >= max(COMMON_NOUN_STANDING, _strong_population(place.country))


def _code_matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(p == "*" or code == p or (p.endswith("*") and code.startswith(p[:-1])) for p in patterns)


def _displace(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point `km` away from (lat, lon) on the given bearing (spherical Earth)."""
    r = km / 6371.0088
    b, p1, l1 = math.radians(bearing_deg), math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


@dataclass(slots=True)
class _Span:
    first: int  # token indices [first, last)
    last: int
    clitic: int  # folded letters of proclitic stripped from the first token
    key: str
    candidates: list[Place]
    weak: bool
    cue: tuple[tuple[str, ...], int | None] | None = None
    direction: str | None = None
    distance_km: float | None = None
    context_start: int | None = None  # token where a relative expression begins
    supported: bool = False
    parent: "_Span | None" = None
    best: Place | None = None
    scores: list[float] = field(default_factory=list)
    facility: bool = False  # a road or facility named in the text, placed at `anchor`
    hidden: bool = False  # inside a topic hashtag: informs the other mentions but is not reported
    listed_after: "_Span | None" = None  # "بغداد، والقائم": the place this one is listed with
    absorbed: list["_Span"] = field(default_factory=list)
    replaces: list["_Span"] = field(default_factory=list)  # a place reading of the facility noun itself


# Keys that are a given name and, written with a final ى, a preposition (على -> علي once ى and ي are folded).
_PREPOSITION_LOOKALIKES = frozenset({"علي", "وعلي", "فعلي"})

class _Nearby:
    """Distances from a candidate place to the nearest of the text's places (the points of the first pass).

    Comparing each candidate with every place of the text costs the square of a long text's length. A long
    text names few distinct points, though, and few distinct candidates: each candidate's two nearest
    distinct points are found once, walking the points in order of latitude outward from its own (a point
    further away in latitude alone than the second nearest so far cannot be nearer).
    """

    def __init__(self, points: list[tuple[float, float]]) -> None:
        self.size = len(points)
        self.count = Counter(points)
        self.points = sorted(self.count)
        self.lats = [lat for lat, _ in self.points]
        self._two: dict[tuple[float, float], tuple[float, tuple[float, float] | None, float]] = {}

    def distance(self, place: Place, own: tuple[float, float] | None = None) -> float | None:
        """km to the nearest point, leaving out one occurrence of `own` (the place's own mention); None
        when no point is left."""
        if self.size == (own is not None):
            return None  # (most short texts: one place, or none)
        two = self._two.get((place.lat, place.lon))
        if two is None:
            two = self._two[place.lat, place.lon] = self._two_nearest(place.lat, place.lon)
        nearest, point, second = two
        if own is not None and point == own and self.count[own] == 1:
            nearest = second
        return nearest

    def _two_nearest(self, lat: float, lon: float) -> tuple[float, tuple[float, float] | None, float]:
        """(distance to the nearest point, that point, distance to the next nearest), inf for none."""
        nearest, point, second = math.inf, None, math.inf
        above = bisect.bisect_left(self.lats, lat)
        below = above - 1
        while below >= 0 or above < len(self.lats):
            if above == len(self.lats) or (below >= 0 and lat - self.lats[below] <= self.lats[above] - lat):
                other, below = self.points[below], below - 1
            else:
                other, above = self.points[above], above + 1
            # the arc between the two latitudes is a lower bound of the distance (less a margin for rounding)
            if math.radians(abs(other[0] - lat)) * 6371.0 > second + 1e-6:
                break
            d = haversine_km(lat, lon, *other)
            if d < nearest:
                nearest, point, second = d, other, nearest
            elif d < second:
                second = d
        return nearest, point, second


def _glue_gap(gap: str) -> bool:
    return len(gap) <= 3 and all(ch in " \u00a0-_\u200c" for ch in gap)


class Geocoder:
    def __init__(self, gazetteer: Gazetteer, cues: Cues | None = None) -> None:
        self.gazetteer = gazetteer
        self.cues = cues or load_cues()
        # every facility noun with each proclitic it may carry -> the proclitic's length; the shorter
        # proclitic wins where two readings spell the same word
        self._facility_forms = {clitic + noun: len(clitic)
                                for clitic in reversed(("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك"))
                                for noun in self.cues.facilities}
        self._openings = Openings(self._begins_name)

    # ------------------------------------------------------------------------------ recognition

    def _recognize(self, text: str, tokens: list[Token]) -> list[_Span]:
        spans: list[_Span] = []
        n, i = len(tokens), 0
        never, lookup, prefixes = self.cues.never, self.gazetteer.index.get, self.gazetteer.key_prefixes
        alone, directions = self.cues.never_alone, self.cues.directions
        while i < n:
            found: _Span | None = None
            for clitic, base in self._openings[tokens[i].key]:
                keys, j = [base], i + 1
                # stop as soon as no longer name begins with what is read so far, or the words are apart
                while j < n and j - i < MAX_NAME_WORDS and keys[-1] in prefixes and \
                        _glue_gap(text[tokens[j - 1].end:tokens[j].start]):
                    word = strip_article(tokens[j].key)
                    if word in never or len(word) < 2:  # كله كان is no place, whatever a concatenation spells
                        break  # (nor بان ه: a lone letter is a clitic set apart by a segmenter, not a word)
                    keys.append(keys[-1] + word)
                    j += 1
                for length in range(len(keys), 0, -1):
                    key = keys[length - 1]
                    if length == 1 and (key in never or key in alone or (clitic and len(key) < 3) or (
                            key in directions and not (tokens[i].key[clitic:].startswith("ال") or
                                                          tokens[i].key[:clitic].endswith(("ال", "لل"))))):
                        continue  # (جنوب، شمال without the article say where something is: جنوب البلاد)
                    candidates = lookup(key)
                    if candidates and clitic and not tokens[i].key[:clitic].endswith(("ال", "لل")) \
                            and not any(self._strong(p) for p in candidates):
                        # كبيرة is not ك + البيرة: a proclitic glued to a name without the article is
                        # read off only for places that stand on their own (وبغداد، لبيروت)
                        candidates = None
                    if candidates:
                        if found is None or length > found.last - found.first:
                            found = _Span(i, i + length, clitic, key, candidates, weak=False)
                        break
            if found is None:
                i += 1
                continue
            i = found.last
            if self._is_adjective(tokens, found) or self._in_person_name(tokens, found) or \
                    self._names_organisation(tokens, found) or \
                    _plain_word(tokens, found) or self._spelled_otherwise(tokens[found.first], found) == "hamza" or \
                    self._article_dropped(tokens[found.first], found):
                continue
            found.hidden = _inside_compound_hashtag(text, tokens, found)
            # #الجفر on its own: people tag the places they write about, so the tag supports the name
            found.supported = not found.hidden and _whole_hashtag(text, tokens, found)
            found.weak = self._is_weak(found, tokens[found.first])
            spans.append(found)
        return [s for k, s in enumerate(spans) if not self._describes_another(tokens, spans, k)]

    def _describes_another(self, tokens: list[Token], spans: list[_Span], k: int) -> bool:
        """Is the one-word place spans[k] a word of direction or of a kind of place that describes what follows:
        a place right after it ("جنوب سوريا", "بمدينة الأهواز": not Lebanon's الجنوب, Iraq's المدينة), or, for a
        kind of place, a nation's adjective ("العاصمة العراقية": not Kuwait's Capital Governorate)?"""
        s = spans[k]
        if s.last - s.first != 1:
            return False
        kind = strip_article(s.key) in self.cues.type_cues
        if k + 1 < len(spans) and spans[k + 1].first == s.last and (
                kind or strip_article(tokens[s.first].key) in self.cues.directions):
            return True
        return kind and s.last < len(tokens) and tokens[s.first].key.startswith("ال") and \
            _definite_nisba_word(tokens[s.last].key)

    def _unjoined(self, tokens: list[Token]) -> list[Token]:
        """Names written without their space, as hashtags write them (#حفرالباطن, بمحافظة حفرالباطن): a word that
        is no name but reads as one when cut before an inner ال is two words. A new list; the caller's is kept."""
        index = self.gazetteer.index
        out: list[Token] | None = None
        for n, token in enumerate(tokens):
            parts = self._cut_joined(token, index)
            if parts and out is None:
                out = list(tokens[:n])
            if out is not None:
                out.extend(parts or (token,))
        return tokens if out is None else out

    def _cut_joined(self, token: Token, index) -> tuple[Token, Token] | None:
        cut = token.text.find("ال", 2)
        if cut < 0 or len(token.text) - cut < 5:
            return None
        whole = strip_article(token.key)
        if whole in index or whole in self.gazetteer.key_prefixes:
            return None  # (البوكمال: a name of its own, whose ال is no article)
        parts = tokenize(token.text[:cut]) + tokenize(token.text[cut:])  # keyed as the tokenizer keys words
        if len(parts) != 2:
            return None
        head, tail = parts
        rest = strip_article(tail.key)
        if not any(len(base) >= 2 and base + rest in index for _, base in clitic_bases(head.key)):
            return None
        return head._replace(start=token.start, end=token.start + cut), tail._replace(start=token.start + cut, end=token.end)

    def _begins_name(self, base: str) -> bool:
        """Can a name of the gazetteer begin with this base key? (أبو / أم / عبد are never places alone but
        begin many names: أبو ظبي، أم قصر.)"""
        never = self.cues.never
        return len(base) >= 2 and not (base in never and base not in self.cues.given_names) and \
            (base in self.gazetteer.index or base in self.gazetteer.key_prefixes)

    def _needs_context(self, span: _Span) -> bool:
        """A listed ordinary word (cues.yaml), or a name the news also inflects as a common noun (إشارة، بلدة:
        common_noun_names.tsv) unless one of its places stands on its own (العقبة the city, not an obstacle)."""
        return span.key in self.cues.needs_context or (
            span.key in common_noun_names() and not any(_stands_out(p) for p in span.candidates))

    def _is_weak(self, span: _Span, first: Token) -> bool:
        if self._needs_context(span):
            return True
        if span.key in self.gazetteer.article_keys and not (first.key.startswith("ال") or span.clitic):
            return True  # قاهرة (overwhelming) is not القاهرة: a name that has the article, written without it
        if self._article_misread(span, first) or self._spelled_otherwise(first, span) == "marbuta":
            return True
        if span.last - span.first > 1:
            return False
        return not any(self._strong(p) for p in span.candidates)

    def _article_misread(self, span: _Span, first: Token) -> bool:
        """المالي (financial) is not مالي (Mali), الحديثة (modern) not حديثة (Haditha): a one-word name read from a
        word with the article needs context unless a place is named so. (Only a test, no filter: the gazetteer's
        Arabic names of big cities often lack the forms with the article.)"""
        named = self.gazetteer.with_article
        if named is None or span.last - span.first != 1:
            return False
        rest = first.key[span.clitic:]
        if not (first.key[:span.clitic].endswith(("ال", "لل")) or rest.startswith("ال") and rest[2:] == span.key):
            return False
        fitting = [p for p in span.candidates if (p.id, span.key) in named]
        # none is named with the article; or only small places are (Turkey's Elmalı) and the big place the word
        # would mean is not (Mali)
        return not fitting or not any(self._strong(p) for p in fitting) and \
            any(self._strong(p) for p in span.candidates if (p.id, span.key) not in named)

    def _article_dropped(self, first: Token, span: _Span) -> bool:
        """بخصوص (about) is not بالخصوص, بموجب (under) not بالموجب: a name only ever written with the article, read
        after a proclitic without it, is another word (a preposition glued to a name keeps the article)."""
        return span.clitic > 0 and span.last - span.first == 1 and span.key in self.gazetteer.article_keys and \
            not first.key[:span.clitic].endswith(("ال", "لل")) and span.key not in self.cues.facilities and \
            span.key not in self.cues.type_cues  # (بوادي، لبحيرة: a kind of place opens a name after it)

    def _spelled_otherwise(self, first: Token, span: _Span) -> str | None:
        """Is a one-word name read from a word its names are never written as (Spellings.misreading: بأنه "that
        he" is not بانه Baneh, حديثه "his talk" not plainly حديثة Haditha)? Folding, which makes spellings meet,
        loses both."""
        spellings = self.gazetteer.spellings
        if spellings is None or span.last - span.first != 1:
            return None
        return spellings.misreading(span.key, first.text[original_length(first.text, span.clitic):])

    @staticmethod
    def _strong(place: Place) -> bool:
        return (place.kind in ("country", "admin1", "site") or place.feature_code == "PPLC"
                or place.population >= _strong_population(place.country))

    def _names_organisation(self, tokens: list[Token], span: _Span) -> bool:
        """الشرق الأوسط in "صحيفة الشرق الأوسط" is a newspaper, برشلونة in "نادي برشلونة" a club: a name right
        after a noun of an organisation (cues.yaml `organisation_nouns`, with or without و / ل / ب before it)."""
        if span.first == 0 or span.clitic:
            return False
        previous = tokens[span.first - 1].key
        nouns = self.cues.organisation_nouns
        return previous in nouns or (previous[:1] in "وبلف" and previous[1:] in nouns)

    def _in_person_name(self, tokens: list[Token], span: _Span) -> bool:
        """براك in "أحمد براك الفضلي" is a family name: a town right after a given name or بن/أبو."""
        if span.first == 0 or span.clitic or any(p.kind in ("country", "admin1") or p.feature_code == "PPLC"
                                                  or p.population >= 1_000_000 for p in span.candidates):
            return False
        previous = tokens[span.first - 1].key
        if not previous.startswith(("ال", "وال", "بال", "فال", "لل", "ولل")) and \
                any(b in self.cues.type_cues for b in self._bases(tokens[span.first - 1])):
            return False  # لواء الجفر (a district) is a place cue; اللواء مصطفى (a rank) takes the article
        if previous in _PREPOSITION_LOOKALIKES and tokens[span.first - 1].text.rstrip("\u064b-\u0652").endswith("ى"):
            return False  # هجوم على الفلوجة: the preposition على folds to علي (Ali), but it is written with ى
        return previous in self.cues.given_names or strip_article(previous) in self.cues.given_names

    def _is_adjective(self, tokens: list[Token], span: _Span) -> bool:
        """السورية in "الحدود السورية" is an adjective, not Syria: a one-word name ending in ية after a noun of
        the same definiteness that is no place cue or preposition (and صوفية in "طريقة صوفية", a Sufi order,
        is not Sofia: an indefinite feminine noun before it; a country stays, as the nation's adjective says whose)."""
        if span.last - span.first != 1 or span.first == 0 or span.clitic or not tokens[span.first].key.endswith("يه"):
            return False
        previous = tokens[span.first - 1].key
        bases = self._bases(tokens[span.first - 1])
        context = self.cues.locative | set(self.cues.type_cues) | self.cues.near | set(self.cues.directions)
        if any(b in context for b in bases):
            return False
        if tokens[span.first].key.startswith("ال"):
            return previous.startswith(("ال", "وال", "بال", "لل"))
        # (not a country: "طائرة حربية سورية" is Syria's; not after a facility's noun: بحيرة طبرية، بلدية جونية)
        return previous.endswith("ه") and len(previous) > 3 and not previous.startswith("ال") and \
            not any(b.startswith("ال") or b in self.cues.facilities or b == "بلديه" for b in bases) and \
            not any(p.kind == "country" for p in span.candidates)

    def _facility_noun(self, token: Token) -> int | None:
        """Length of the proclitic before a facility noun in this token (0 for none), or None."""
        return self._facility_forms.get(token.key)

    def _name_word(self, token: Token) -> bool:
        """A word that can be part of a facility's name: definite (التيفور), a number or ordinal, a given name."""
        key = token.key
        return key.startswith("ال") or key.isdigit() or key in self.cues.given_names

    def _facilities(self, text: str, tokens: list[Token], spans: list[_Span]) -> list[_Span]:
        """Roads and facilities: a facility noun and the name after it become one mention."""
        owner = {t: span for span in spans for t in range(span.first, span.last)}
        found: list[_Span] = []
        stops = self.cues.facility_stops
        boundary = self.cues.near | set(self.cues.directions) | set(self.cues.type_cues) | self.cues.locative
        f = 0
        while f < len(tokens):
            # a facility noun that is also the name of some small town abroad (مرفأ / Merefa) is a noun here
            taken = f in owner and not (owner[f].weak and owner[f].last - owner[f].first == 1)
            clitic = None if taken else self._facility_noun(tokens[f])
            if clitic is None or (f > 0 and strip_article(tokens[f - 1].key) in stops and tokens[f - 1].key == "عن"):
                f += 1
                continue
            j, absorbed = f + 1, []
            while j < len(tokens) and j - f <= 4:
                gap = text[tokens[j - 1].end:tokens[j].start]
                if not all(ch in " \u00a0-_#\u200c" for ch in gap) or len(gap) > 3:
                    break
                bases = self._bases(tokens[j])
                if (tokens[j].key in stops or any(b in stops or b in boundary for b in bases)
                        or self._facility_noun(tokens[j]) is not None):
                    break
                if j in owner and not owner[j].weak:
                    absorbed.append(owner[j])
                    j = owner[j].last
                    continue
                if not self._name_word(tokens[j]):
                    break  # نفق مظلم، محطة له: a description, not a name
                j += 1
            if j > f + 1 and (absorbed or j - f >= 2):
                key = name_key(text[tokens[f].start:tokens[j - 1].end])
                noun = [owner[f]] if f in owner else []
                found.append(_Span(f, j, clitic, key, [], weak=False, facility=True, absorbed=absorbed,
                                   replaces=noun))
            f = j
        if not found:
            return spans
        gone = {id(s) for span in found for s in span.absorbed + span.replaces}
        return sorted([s for s in spans if id(s) not in gone] + found, key=lambda s: s.first)

    # ------------------------------------------------------------------------------ context

    def _bases(self, token: Token) -> list[str]:
        return [base for _, base in clitic_bases(token.key)]

    def _attach_context(self, text: str, tokens: list[Token], spans: list[_Span]) -> None:
        cues = self.cues
        for index, span in enumerate(spans):
            k = span.first - 1
            if span.clitic and "ب" in tokens[span.first].key[:span.clitic]:
                span.supported = True  # بالعقبة: "in al-Aqaba"
            if k >= 0:
                for base in self._bases(tokens[k]):
                    if base in cues.type_cues:
                        cue = cues.type_cues[base]
                        # "منطقة X" says there is a place, not which kind: support, not a type
                        span.cue = None if cue[0] == ("*",) and cue[1] is None else cue
                        span.supported = True
                        k -= 1
                        break
            direction_at = None
            if k >= 1 and (two := "".join(strip_article(t.key) for t in tokens[k - 1:k + 1])) in cues.directions:
                span.direction, direction_at = cues.directions[two], k - 1
            elif k >= 0:
                for base in self._bases(tokens[k]):
                    if base in cues.directions:
                        span.direction, direction_at = cues.directions[base], k
                        break
                    if base in cues.near:
                        span.supported = True
            if direction_at is not None:
                span.supported = True
                if direction_at >= 2 and tokens[direction_at - 1].key in cues.units and tokens[direction_at - 2].key.isdigit():
                    span.distance_km = float(tokens[direction_at - 2].key) * cues.units[tokens[direction_at - 1].key]
                    span.context_start = direction_at - 2
                k = direction_at - 1
            if k >= 0 and any(b in cues.locative for b in self._bases(tokens[k])):
                span.supported = True
            if index + 1 < len(spans):
                self._link_parent(tokens, span, spans[index + 1])
            if index > 0:
                self._link_list(text, tokens, spans[index - 1], span)

    def _link_list(self, text: str, tokens: list[Token], previous: _Span, span: _Span) -> None:
        """Places listed together (X، Y / X وY / X و Y) vouch for each other."""
        gap = tokens[previous.last:span.first]
        between = text[tokens[previous.last - 1].end:tokens[span.first].start]
        conjunction = span.clitic and tokens[span.first].key.startswith("و")
        if (not gap and ("،" in between or "," in between or conjunction)) or [t.key for t in gap] == ["و"]:
            span.listed_after = previous

    def _link_parent(self, tokens: list[Token], child: _Span, parent: _Span) -> None:
        gap = tokens[child.last:parent.first]
        if not gap or len(gap) > 4:
            return
        allowed = self.cues.parent_links | self.cues.near | set(self.cues.type_cues) | set(self.cues.directions)
        if all(any(b in allowed for b in self._bases(t)) for t in gap):
            child.parent = parent

    # ------------------------------------------------------------------------------ resolution

    def _score(self, span: _Span, place: Place, focus: str | None, nearby: "_Nearby | None",
               own: tuple[float, float] | None) -> float:
        kind = place.kind
        if kind == "country":
            score = 6.0
        elif kind in ("admin1", "site"):
            score = 3.0
        else:
            score = 1.0 + 0.5 * math.log10(place.population + 10) + (2.0 if place.feature_code == "PPLC" else 0.0)
        if (place.id, span.key) in self.gazetteer.arabic_keys:
            score += 0.2
        if span.cue is not None:
            score += 3.0 if _code_matches(place.feature_code, span.cue[0]) else -2.0
        if focus and place.country == focus:
            score += 2.0
        parent = span.parent.best if span.parent is not None else None
        if parent is not None and parent is not place and _within(place, parent):
            score += 4.0
        # closeness to the other places of the text: the largest exp(-d / NEAR_KM) is the nearest place's
        nearest = nearby.distance(place, own) if nearby is not None else None
        if nearest is not None:
            score += 2.0 * math.exp(-nearest / NEAR_KM)
        return score

    def _pick(self, span: _Span, focus: str | None, nearby: "_Nearby | None" = None,
              own: tuple[float, float] | None = None) -> None:
        # equal scores go to the smaller place key (candidates are in that order and the sort is stable)
        scored = sorted(((self._score(span, p, focus, nearby, own), p) for p in span.candidates),
                        key=lambda item: item[0], reverse=True)
        span.best = scored[0][1]
        span.scores = [s for s, _ in scored[:2]]

    @staticmethod
    def _tied(span: _Span) -> bool:
        """Did the best reading only win a tie (two Zeitouns, one in Cairo and one in Gaza, and no context)?"""
        return len(span.scores) > 1 and span.scores[0] == span.scores[1]

    def _accept_weak(self, span: _Span, nearby: "_Nearby", focus: str | None) -> bool:
        """Keep a name that needs context only when the context vouches for it, and only the readings it fits."""
        if span.cue is not None:
            fitting = [p for p in span.candidates if _code_matches(p.feature_code, span.cue[0])]
            if fitting:
                span.candidates = fitting
                return True
        neighbour = span.listed_after.best if span.listed_after is not None and not span.listed_after.weak else None
        if neighbour is not None and neighbour.kind != "country":
            listed = [p for p in span.candidates if p.country == neighbour.country]
            if listed:
                span.candidates = listed
                return True
        parent = span.parent.best if span.parent is not None and not span.parent.weak else None
        if parent is not None:
            inside = [p for p in span.candidates if _within(p, parent)]
            if inside:
                span.candidates = inside
                return True
        near = [p for p in span.candidates if (d := nearby.distance(p)) is not None and d <= NEAR_KM]
        if near and (span.supported or span.direction):
            span.candidates = near
            return True
        if focus and (span.supported or span.direction) and not self._needs_context(span):
            home = [p for p in span.candidates if p.country == focus]
            if home:
                span.candidates = home
                return True
        return not self._needs_context(span) and len(span.candidates) == 1 and \
            any(nearby.distance(p) <= 50 for p in near)

    def geocode(self, text: str, focus_country: str | None = None,
                tokens: list[Token] | None = None) -> list[PlaceMention]:
        """Place mentions of a text; `tokens` may be tokenize(text) when the caller has it already."""
        tokens = self._unjoined(tokenize(text) if tokens is None else tokens)
        spans = self._recognize(text, tokens)
        self._attach_context(text, tokens, spans)
        spans = self._facilities(text, tokens, spans)
        if not spans:
            return []
        inner = [a for s in spans if s.facility for a in s.absorbed]
        places = [s for s in spans if not s.facility] + inner
        strong = [s for s in places if not s.weak]
        for span in strong:
            self._pick(span, focus_country)
        focus = focus_country or self._focus(strong)
        first_pass = {id(s): (s.best.lat, s.best.lon) for s in strong if s.best.kind != "country"}
        nearby = _Nearby(list(first_pass.values()))
        # A first reading that only won a tie (two Zeitouns, in Cairo and in Gaza) was decided by the tie-break,
        # not by the text: it does not vouch for the ordinary-word names near it (الشرقية as Sharqia)
        vouching = _Nearby([first_pass[id(s)] for s in strong if id(s) in first_pass and not self._tied(s)])
        kept = [s for s in places if not s.weak or self._accept_weak(s, vouching, focus)]
        for span in sorted(kept, key=lambda s: s.parent is not None):  # parents before their children
            self._pick(span, focus, nearby, first_pass.get(id(span)))  # (a place is not near itself)
        accepted = {id(s) for s in kept}
        fallback = self._most_specific(kept, focus)
        mentions = []
        for span in spans:
            if span.facility:
                anchors = [a for a in span.absorbed if id(a) in accepted]
                mentions.append(self._facility_mention(text, tokens, span, anchors[0].best if anchors else fallback,
                                                       bool(anchors)))
            elif id(span) in accepted and not span.hidden:
                mentions.append(self._mention(text, tokens, span))
        return mentions

    def _most_specific(self, kept: list[_Span], focus: str | None) -> Place | None:
        """The place a facility of unknown location is put at: the finest place the text names."""
        rank = {"site": 0, "city": 0, "admin1": 1, "country": 2}
        places = [s.best for s in kept if s.best is not None]
        if places:
            return min(places, key=lambda p: (rank[p.kind], -p.population))
        return self.gazetteer.countries.get(focus) if focus else None

    def _facility_mention(self, text: str, tokens: list[Token], span: _Span, anchor: Place | None,
                          inside: bool) -> PlaceMention:
        start = tokens[span.first].start + original_length(tokens[span.first].text, span.clitic)
        end = tokens[span.last - 1].end  # facility nouns take no article, so the whole proclitic goes
        if anchor is None:
            return PlaceMention(text[start:end], start, end, text[start:end], None, None, None, None, None, None,
                                None, None, "FAC", 3, 0.2)
        precision = max(2, 3 if anchor.kind in ("admin1", "country") else anchor.precision)
        admin1 = self.gazetteer.admin1_name(anchor.admin1_code)
        return PlaceMention(
            text=text[start:end], start=start, end=end, name_ar=text[start:end], name_en=anchor.name_en,
            place_id=anchor.id, geonameid=None, latitude=anchor.lat, longitude=anchor.lon, country=anchor.country,
            country3=country_alpha3(anchor.country), admin1=admin1, feature_code="FAC",
            precision=precision, confidence=0.6 if inside else 0.3)

    @staticmethod
    def _focus(strong: list[_Span]) -> str | None:
        """The country the text is about: votes of its places, an unambiguous country name weighing most."""
        votes: Counter = Counter()
        for span in strong:
            if span.best is None:
                continue
            countries = {p.country for p in span.candidates}
            weight = 0.5 if len(countries) > 1 else (2.0 if span.best.kind == "country" else 1.0)
            votes[span.best.country] += weight
        if not votes:
            return None
        (top, n), *rest = votes.most_common(2) + [(None, 0)]
        return top if n > rest[0][1] else None

    def _mention(self, text: str, tokens: list[Token], span: _Span) -> PlaceMention:
        place = span.best
        first = tokens[span.first]
        start = first.start + original_length(first.text, _visible_clitic(first.key, span.clitic))
        precision = place.precision
        lat, lon = place.lat, place.lon
        if span.cue is not None and span.cue[1]:
            precision = max(precision, span.cue[1])
        if span.distance_km is not None and span.direction:
            lat, lon = _displace(lat, lon, span.distance_km, BEARINGS[span.direction])
            precision = max(precision, 2)
            start = tokens[span.context_start].start
        end = tokens[span.last - 1].end
        margin = span.scores[0] - span.scores[1] if len(span.scores) > 1 else 4.0
        confidence = 1 / (1 + math.exp(-margin))
        if span.weak:
            confidence *= 0.85
        admin1 = self.gazetteer.admin1_name(place.admin1_code)
        return PlaceMention(
            text=text[start:end], start=start, end=end, name_ar=place.name_ar, name_en=place.name_en,
            place_id=place.id, geonameid=place.geonameid, latitude=lat, longitude=lon, country=place.country,
            country3=country_alpha3(place.country), admin1=admin1,
            feature_code=place.feature_code, precision=precision, confidence=round(confidence, 3))


def _definite_nisba_word(key: str) -> bool:
    """العراقية، السوري، الأردني: a definite adjective of relation (folded: ة is ه)."""
    return key.startswith("ال") and len(key) > 5 and key.endswith(("يه", "ي"))


_TANWEEN = frozenset("\u064b\u064c\u064d")


def _plain_word(tokens: list[Token], span: _Span) -> bool:
    """A one-word name written with tanween (دومًا: always) or that is a number word (المائة: percent) is a
    word of the language: place names are not written indefinite, and numbers name no place."""
    if span.last - span.first != 1:
        return False
    token = tokens[span.first]
    return not _TANWEEN.isdisjoint(token.text) or number_word(token.key)


def _inside_compound_hashtag(text: str, tokens: list[Token], span: _Span) -> bool:
    """#سيول_الاردن is a topic label, not a statement about a place; #الأردن on its own is a place."""
    first, last = tokens[span.first], tokens[span.last - 1]
    # the # must open the word the name is in: look back to the word's start only, not through the text
    start = first.start
    while text[start] != "#":
        start -= 1
        if start < 0 or text[start].isspace():
            return False
    end = last.end
    while end < len(text) and not text[end].isspace():
        end += 1
    return start < first.start - 1 or bool(re.search(r"[^\W_]", text[last.end:end].replace("_", " ")))


def _whole_hashtag(text: str, tokens: list[Token], span: _Span) -> bool:
    start, end = tokens[span.first].start, tokens[span.last - 1].end
    return start > 0 and text[start - 1] == "#" and (end == len(text) or text[end].isspace() or text[end] == "#")


def _visible_clitic(key: str, clitic: int) -> int:
    """Letters of a proclitic to leave out of the mention: وبالفلوجة -> الفلوجة (the article stays)."""
    if clitic and key[:clitic].endswith("ال"):
        return clitic - 2
    if clitic and key[:clitic].endswith("لل"):
        return clitic - 2  # للعقبة: the article's lam is fused with the preposition; keep the whole word
    return clitic

