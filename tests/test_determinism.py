"""The same input gives the same places, mentions and events, whatever the database, the order in which rows
are read or written, the order in which batches of articles are coded and the process's string hashing.

Each test makes one source of order visible on inputs written for it and checks the result by natural
keys, never by row ids."""

from __future__ import annotations

from etl.geo.gazetteer import Gazetteer
from etl.geo.geocoder import Geocoder
from etl.load.db import session_scope
from tests.geo_fixture import place

# ------------------------------------------------------------------------------------------ the gazetteer

# Places spelled alike: two first-level divisions (Egypt's Sharqia, Saudi Arabia's Eastern Province) and two
# quarters (Zeitoun in Cairo, Zeitoun in Gaza). Where nothing in the text tells them apart their scores tie.
TWINS = [
    place("country:EG", "Egypt", ["مصر"], "PCLI", "EG", 26.5, 30.8, 100_000_000),
    place("country:SA", "Saudi Arabia", ["السعودية"], "PCLI", "SA", 24.0, 45.0, 33_000_000),
    place("site:PS:zeitoun-gaza", "Zeitoun (Gaza)", ["حي الزيتون"], "PPLX", "PS", 31.488, 34.455),
    place("adm1:SA-04", "Eastern Province", ["الشرقية", "المنطقة الشرقية"], "ADM1", "SA", 26.43, 50.10, admin1="SA.06"),
    place("gn:281133", "Gaza", ["غزة"], "PPL", "PS", 31.50, 34.47, 410_000, "PS.GZ", 281133),
    place("adm1:EG-SHR", "Sharqia", ["الشرقية"], "ADM1", "EG", 30.59, 31.50, admin1="EG.24"),
    place("site:EG:zeitoun-cairo", "Zeitoun (Cairo)", ["حي الزيتون"], "PPLX", "EG", 30.10, 31.31),
    place("gn:360630", "Cairo", ["القاهرة"], "PPLC", "EG", 30.06, 31.25, 9_600_000, "EG.11", 360630),
]
TIED = "تظاهر مئات المزارعين أمام مبنى محافظة الشرقية احتجاجا على نقص الأسمدة"
# الشرقية here is "eastern" (the eastern border of the Strip): it is a place only if the text vouches for it,
# and the Zeitoun of Cairo, a reading that merely won a tie, must not
BORDER = "قصفت المدفعية الإسرائيلية حي الزيتون في مدينة غزة، وتجمع مئات الفلسطينيين على الحدود الشرقية للقطاع"


def twins(reverse: bool) -> Gazetteer:
    """The twins' gazetteer with its place and name rows in one order or the reverse (as two databases,
    or one database after updates, may return them)."""
    built = Gazetteer.from_rows([row for row, _ in TWINS], {row["place_key"]: names for row, names in TWINS})
    places = list(reversed(built.places)) if reverse else built.places
    rows = [(p.id, key, "ar") for key, found in built.index.items() for p in found]
    return Gazetteer(places, list(reversed(rows)) if reverse else rows, built.article_keys)


def placed(gazetteer: Gazetteer, text: str) -> list[tuple]:
    return [(m.text, m.name_en, m.country) for m in Geocoder(gazetteer).geocode(text)]


def test_tied_places_resolve_the_same_whatever_order_the_gazetteer_rows_come_in():
    forward, backward = placed(twins(False), TIED), placed(twins(True), TIED)
    assert forward == backward
    # the tie goes to the smaller place key (adm1:EG-SHR): a rule over what places are, not row order
    assert forward == [("الشرقية", "Sharqia", "EG")]


def test_a_reading_that_only_won_a_tie_vouches_for_no_name_near_it():
    forward, backward = placed(twins(False), BORDER), placed(twins(True), BORDER)
    assert forward == backward == [("حي الزيتون", "Zeitoun (Gaza)", "PS"), ("غزة", "Gaza", "PS")]


def test_the_gazetteer_read_from_either_database_places_like_the_built_one(db_url):
    from etl.load.places import write_gazetteer

    rows, names = [row for row, _ in TWINS], {row["place_key"]: n for row, n in TWINS}
    with session_scope(db_url) as s:
        write_gazetteer(s, list(reversed(rows)), names)
    stored = Gazetteer.from_db(db_url)
    assert placed(stored, TIED) == placed(Gazetteer.from_rows(rows, names), TIED)
    assert stored.version == Gazetteer.from_rows(rows, names).version
