"""A small hand-made gazetteer for testing the geoparser's rules independently of the packaged data."""

from __future__ import annotations

from etl.geo.gazetteer import Gazetteer


def place(key, en, ar_names, code, cc, lat, lon, population=0, admin1=None, geonameid=None):
    row = {"place_key": key, "name_en": en, "name_ar": ar_names[0], "feature_code": code, "country_code": cc, "latitude": lat,
           "longitude": lon, "population": population, "admin1_code": admin1, "geonameid": geonameid,
           "source": "test", "feature_class": None}
    return row, [(n, "ar", i == 0) for i, n in enumerate(ar_names)]


ROWS = [
    place("country:IQ", "Iraq", ["العراق"], "PCLI", "IQ", 33.2, 43.7, 38_000_000),
    place("country:SY", "Syria", ["سوريا", "سورية"], "PCLI", "SY", 35.0, 38.5, 17_000_000),
    place("country:JO", "Jordan", ["الأردن"], "PCLI", "JO", 31.2, 36.9, 10_000_000),
    place("country:OM", "Oman", ["عمان", "سلطنة عمان"], "PCLI", "OM", 21.0, 57.0, 4_800_000),
    place("country:SA", "Saudi Arabia", ["السعودية"], "PCLI", "SA", 24.0, 45.0, 33_000_000),
    place("adm1:IQ-AN", "Anbar", ["الأنبار"], "ADM1", "IQ", 33.42, 43.30, admin1="IQ.01"),
    place("adm1:LB-JA", "South Governorate", ["الجنوب"], "ADM1", "LB", 33.27, 35.40, admin1="LB.06"),
    place("gn:iq-basra", "Basra", ["البصرة"], "PPLA", "IQ", 30.51, 47.78, 1_300_000, "IQ.02"),
    place("gn:iq-madinah", "Al Madinah", ["المدينة", "مدينة"], "PPL", "IQ", 30.96, 47.26, 20_000, "IQ.02"),
    place("adm1:SY-SU", "As-Suwayda", ["السويداء"], "ADM1", "SY", 32.70, 36.57, admin1="SY.12"),
    place("adm1:IQ-BB", "Babil", ["بابل"], "ADM1", "IQ", 32.47, 44.42, admin1="IQ.06"),
    place("adm1:IQ-BG", "Baghdad Governorate", ["بغداد"], "ADM1", "IQ", 33.34, 44.40, admin1="IQ.07"),
    place("gn:98182", "Baghdad", ["بغداد"], "PPLC", "IQ", 33.34, 44.40, 7_216_000, "IQ.07", 98182),
    place("gn:1", "Ramadi", ["الرمادي"], "PPLA", "IQ", 33.42, 43.30, 274_000, "IQ.01", 1),
    place("gn:2", "Al Qaim", ["القائم"], "PPL", "IQ", 34.39, 40.99, 74_100, "IQ.01", 2),
    place("gn:3", "Al Qaim (Syria)", ["القائم"], "PPL", "SY", 35.90, 36.80, 2_000, "SY.04", 3),
    place("gn:4", "Amman", ["عمان"], "PPLC", "JO", 31.95, 35.93, 1_275_000, "JO.02", 4),
    place("gn:5", "Zarqa", ["الزرقاء"], "PPL", "JO", 32.07, 36.09, 790_000, "JO.03", 5),
    place("gn:6", "Hama", ["حماة"], "PPLA", "SY", 35.13, 36.75, 460_000, "SY.05", 6),
    place("gn:7", "Abu Kamal", ["البوكمال"], "PPL", "SY", 34.45, 40.92, 57_000, "SY.07", 7),
    place("gn:8", "Al Bireh", ["البيرة"], "PPL", "PS", 31.91, 35.22, 38_000, "PS.WE", 8),
    place("gn:9", "Fallujah", ["الفلوجة"], "PPL", "IQ", 33.35, 43.78, 275_000, "IQ.01", 9),
    place("gn:10", "Baraq", ["براق"], "PPL", "LY", 27.5, 14.3, 12_000, "LY.01", 10),
    place("gn:211", "Ahvaz", ["الأهواز"], "PPLA", "IR", 31.32, 48.67, 1_100_000, "IR.15", 211),
    place("gn:11", "Muscat", ["مسقط"], "PPLC", "OM", 23.6, 58.5, 800_000, "OM.06", 11),
    place("gn:12", "Tiny Village", ["الحصار"], "PPL", "IQ", 33.9, 44.1, 900, "IQ.07", 12),
    place("gn:14", "Abu Dhabi", ["أبو ظبي", "أبوظبي"], "PPLC", "AE", 24.47, 54.37, 1_807_000, "AE.01", 14),
    place("gn:15", "Umm Qasr", ["أم قصر"], "PPL", "IQ", 30.03, 47.95, 107_620, "IQ.02", 15),
    place("gn:16", "Al Jafr", ["الجفر"], "PPL", "JO", 30.32, 36.15, 3_557, "JO.19", 16),
    place("site:IQ:jurf", "Jurf al-Nasr", ["جرف النصر", "جرف الصخر"], "AREA", "IQ", 32.86, 44.12, admin1="IQ.06"),
    place("site:IQ:ain-al-asad", "Ain al-Asad Air Base", ["عين الأسد"], "AIRB", "IQ", 33.80, 42.44, admin1="IQ.01"),
    place("site:XX:med", "Mediterranean Sea", ["البحر المتوسط", "البحر الأبيض المتوسط"], "SEA", "XX", 35.0, 18.0),
]


def gazetteer() -> Gazetteer:
    places = [row for row, _ in ROWS]
    names = {row["place_key"]: names for row, names in ROWS}
    return Gazetteer.from_rows(places, names)
