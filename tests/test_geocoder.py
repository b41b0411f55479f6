"""The geoparser's rules, each on sentences written for the purpose, over a small hand-made gazetteer."""

from __future__ import annotations

import pytest

from etl.geo.gazetteer import haversine_km
from etl.geo.geocoder import Geocoder
from tests.geo_fixture import gazetteer


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder(gazetteer())


def found(geo, text, **kw):
    return [(m.text, m.name_en) for m in geo.geocode(text, **kw)]


def test_offsets_point_into_the_original_text_without_the_proclitic(geo):
    text = "وصل الوفد إلى بَغْدادَ ثم توجه وبالفلوجة"
    mentions = geo.geocode(text)
    assert [(m.text, m.name_en) for m in mentions] == [("بَغْدادَ", "Baghdad"), ("الفلوجة", "Fallujah")]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_longest_match_wins_over_its_parts(geo):
    assert found(geo, "قصف جوي على منطقة جرف النصر") == [("جرف النصر", "Jurf al-Nasr")]
    assert found(geo, "اشتباكات في جرف الصخر") == [("جرف الصخر", "Jurf al-Nasr")]


def test_compounds_and_spelling_variants_meet(geo):
    assert found(geo, "معارك في البو كمال") == [("البو كمال", "Abu Kamal")]
    assert found(geo, "قاعدة عين الاسد الجوية") == [("عين الاسد", "Ain al-Asad Air Base")]


def test_hashtag_words_are_separate_tokens(geo):
    assert found(geo, "#البحر_المتوسط") == [("البحر_المتوسط", "Mediterranean Sea")]


def test_a_direction_before_a_place_is_its_direction_not_a_region_named_after_it(geo):
    # Lebanon's South Governorate is الجنوب; "جنوب سوريا" is the south of Syria
    assert found(geo, "هجمات على محافظة السويداء في جنوب سوريا") == [("السويداء", "As-Suwayda"), ("سوريا", "Syria")]
    assert found(geo, "قصف على جنوبي سوريا") == [("سوريا", "Syria")]
    assert found(geo, "غارات على محافظة الجنوب") == [("الجنوب", "South Governorate")]
    # and a word for a kind of place before a name is its kind (Iraq has a town called المدينة)
    assert found(geo, "هجوم على عرض عسكري بمدينة البصرة") == [("البصرة", "Basra")]


def test_ordinary_words_that_are_place_names_need_context(geo):
    assert found(geo, "التقى القائم بالأعمال الأمريكي وزير الخارجية") == []
    assert found(geo, "حماة الديار يحرسون الحدود") == []
    assert found(geo, "انفجار في قضاء القائم") == [("القائم", "Al Qaim")]
    assert found(geo, "تظاهرة في مدينة حماة") == [("حماة", "Hama")]


def test_places_listed_together_vouch_for_each_other(geo):
    assert found(geo, "استهدف القصف بغداد، والقائم عند الحدود") == [("بغداد", "Baghdad"), ("القائم", "Al Qaim")]


def test_small_towns_need_context_and_function_words_never_match(geo):
    assert found(geo, "فرض الحصار على المدينة") == []  # a village of 900 is not "the siege"
    assert found(geo, "قال إن الوضع مستقر") == []


def test_adjectives_and_person_names_are_not_places(geo):
    assert found(geo, "عند الحدود العراقية السورية") == []
    assert found(geo, "أكد الأمين العام أحمد براق الموقف") == []
    assert found(geo, "في سورية") == [("سورية", "Syria")]
    # على (on) folds to علي (Ali, a given name) but is written with ى: the town after it is a place
    assert found(geo, "شنت القوات هجوما على براق") == [("براق", "Baraq")]
    assert found(geo, "التقى الوزير علي براق") == []


def test_proclitic_without_article_only_for_places_that_stand_alone(geo):
    assert found(geo, "ولبغداد") == [("بغداد", "Baghdad")]
    assert found(geo, "خسائر كبيرة") == []  # not ك + البيرة


def test_type_cues_choose_the_kind_of_place(geo):
    [city] = geo.geocode("وصل إلى بغداد")
    [province] = geo.geocode("في محافظة بغداد")
    assert city.feature_code == "PPLC" and city.precision == 1
    assert province.feature_code == "ADM1" and province.precision == 3


def test_focus_country_decides_ambiguous_names(geo):
    [_, amman] = geo.geocode("أمطار غزيرة في الأردن وسيول في عمان")
    assert amman.name_en == "Amman" and amman.country == "JO"
    [_, oman] = geo.geocode("زار الوزير مسقط ثم عاد إلى عمان")
    assert oman.name_en == "Oman"


def test_explicit_parent_places_the_child(geo):
    [qaim, anbar] = geo.geocode("القصف طال القائم غربي الأنبار")
    assert (qaim.name_en, qaim.country) == ("Al Qaim", "IQ") and anbar.name_en == "Anbar"


def test_relative_location_is_displaced_with_coarser_precision(geo):
    [mention] = geo.geocode("انفجار على بعد 120 كلم شمال بغداد")
    assert mention.text == "120 كلم شمال بغداد" and mention.precision == 2
    assert 115 < haversine_km(33.34, 44.40, mention.latitude, mention.longitude) < 125
    assert mention.latitude > 33.34 + 1.0 and abs(mention.longitude - 44.40) < 0.05


def test_output_fields(geo):
    [mention] = geo.geocode("في الفلوجة")
    assert mention.country == "IQ" and mention.country3 == "IRQ"
    assert mention.admin1 == "Anbar" and mention.geonameid == 9
    assert 0 < mention.confidence <= 1
    assert set(mention.as_dict()) >= {"text", "start", "end", "name_ar", "name_en", "latitude", "longitude",
                                      "country", "country3", "admin1", "feature_code", "precision", "confidence"}


def test_roads_and_facilities_are_placed_at_their_anchor(geo):
    street, city = geo.geocode("إغلاق شارع الرشيد وسط العاصمة بغداد")
    assert city.text == "بغداد" and city.feature_code == "PPLC"
    assert street.text == "شارع الرشيد" and street.feature_code == "FAC"
    assert street.name_en == "Baghdad" and street.precision == 2 and street.confidence < 0.5
    [airport] = geo.geocode("هبطت الطائرة في مطار بغداد الدولي")
    assert airport.text == "مطار بغداد الدولي" and airport.name_en == "Baghdad" and airport.confidence > 0.5
    assert found(geo, "تم الاتفاق عن طريق الوساطة") == []


def test_names_beginning_with_abu_umm_are_places_but_the_particle_alone_is_not(geo):
    assert found(geo, "وصل الوفد إلى أبو ظبي") == [("أبو ظبي", "Abu Dhabi")]
    assert found(geo, "غرق قارب قرب ميناء أم قصر") == [("أم قصر", "Umm Qasr")]
    assert found(geo, "قال أبو محمد إن الأم بخير") == []


def test_liwa_before_a_name_is_a_district_but_al_liwa_is_a_rank(geo):
    assert found(geo, "سيول في لواء الجفر") == [("الجفر", "Al Jafr")]
    assert found(geo, "صرح اللواء الجفر بأن الوضع مستقر") == []


def test_a_hashtag_of_its_own_supports_a_small_place(geo):
    assert found(geo, "صباح الخير من الجفر") == []  # a town of 3,500 without support
    assert found(geo, "صباح الخير #الأردن #الجفر") == [("الأردن", "Jordan"), ("الجفر", "Al Jafr")]
    assert found(geo, "صباح الخير #الأردن #سيول_الجفر") == [("الأردن", "Jordan")]  # a topic tag is not


def test_the_nearest_place_is_the_one_a_scan_of_all_the_places_finds():
    """_Nearby (points in order of latitude, two nearest per candidate) gives exactly the distance that
    comparing the candidate with every other place of the text gives, with repeated places and without
    the mention's own place."""
    import random
    from types import SimpleNamespace

    from etl.geo.geocoder import _Nearby

    rng = random.Random(7)
    grid = [(rng.choice([-89.5, -30.0, 0.0, 12.25, 33.3, 33.34, 60.0, 89.9]), rng.uniform(-180, 180))
            for _ in range(12)]  # few coordinates: repeated points and ties
    for size in (0, 1, 2, 3, 10, 40):
        points = [rng.choice(grid) for _ in range(size)]
        nearby = _Nearby(points)
        for _ in range(30):
            lat, lon = rng.choice(grid) if rng.random() < 0.3 else (rng.uniform(-90, 90), rng.uniform(-180, 180))
            place = SimpleNamespace(lat=lat, lon=lon)
            for own in [None] + points[:3]:
                others = list(points)
                if own is not None:
                    others.remove(own)
                expected = min((haversine_km(lat, lon, a, b) for a, b in others), default=None)
                assert nearby.distance(place, own) == expected


def test_a_place_of_a_country_without_packaged_divisions_gets_geonames_admin1(geo):
    [ahvaz] = geo.geocode("هجوم على عرض عسكري في الأهواز")
    assert ahvaz.country == "IR" and ahvaz.admin1 == "Khuzestan"
    [baghdad] = [m for m in geo.geocode("في بغداد") if m.feature_code == "PPLC"]
    assert baghdad.admin1 == "Baghdad Governorate"  # the packaged division's own name still wins


def test_a_name_the_news_inflects_as_a_common_noun_needs_support():
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.geo.geocoder import common_noun_names

    real = Geocoder(packaged_gazetteer())
    assert {"اشاره", "بلده"} <= common_noun_names()  # إشارته، إشارات; بلدته، بلدات (bench/common_noun_names.py)
    # «في إشارة إلى» (in reference to) is no visit to al-Ashara; the town named as a town is
    assert "Al ‘Ashārah" not in [m.name_en for m in real.geocode("وصل الوفد إلى دمشق، في إشارة إلى بعثة التحقيق")]
    assert "Al ‘Ashārah" in [m.name_en for m in real.geocode("اشتباكات في بلدة العشارة بريف دير الزور")]
    # a town large enough stands out from the noun it spells (عقبة, an obstacle)
    assert [m.name_en for m in real.geocode("وصل الوفد إلى العقبة")] == ["Aqaba"]


# ------------------------------------------------------------------------------ plain words (packaged data)

@pytest.fixture(scope="module")
def packaged() -> Geocoder:
    from etl.geo.gazetteer import packaged_gazetteer

    return Geocoder(packaged_gazetteer())


def places_of(geo, text):
    return [(m.text, m.as_dict().get("country")) for m in geo.geocode(text)]


def test_a_name_read_with_the_article_its_place_never_takes_needs_context(packaged):
    assert places_of(packaged, "الوضع المالي صعب في البلاد") == []  # financial, not Mali
    assert places_of(packaged, "التقنيات الحديثة متاحة للجميع") == []  # modern, not Haditha
    assert places_of(packaged, "انتشرت القوات الفرنسية في مالي") == [("مالي", "ML")]
    # the big cities whose Arabic names the gazetteer lacks with the article stay where they were
    assert places_of(packaged, "وصل الوفد إلى الإسكندرية") == [("الإسكندرية", "EG")]
    assert places_of(packaged, "اشتباكات في مناطق مثل البوكمال") == [("البوكمال", "SY")]


def test_tanween_and_number_words_are_plain_words(packaged):
    assert places_of(packaged, "كان دومًا يقول إن الحل قريب") == []  # always, not Douma
    assert places_of(packaged, "ارتفعت الأسعار بنسبة عشرين في المائة") == []  # percent, not Al Mayah
    assert places_of(packaged, "قصفت الطائرات دوما") == [("دوما", "SY")]


def test_a_lone_letter_does_not_continue_a_name(packaged):
    # a segmenter's text (NewsFANE) sets the pronoun apart: بان ه is بأنه (that he), not Baneh
    assert places_of(packaged, "وقال بان ه سيعود") == []


def test_a_kind_of_place_with_a_nations_adjective_is_no_place_of_its_own(packaged):
    # العاصمة العراقية is Iraq's capital, named next (not the Capital Governorate of Kuwait or Bahrain)
    from etl.text.tokens import tokenize

    text = "اندلعت احتجاجات في العاصمة العراقية بغداد"
    assert [s.key for s in packaged._recognize(text, tokenize(text))] == ["بغداد"]


def test_an_indefinite_adjective_of_relation_is_no_town(packaged):
    # طريقة صوفية is a Sufi order, not Sofia: a word in ية after an indefinite feminine noun is its adjective
    assert places_of(packaged, "اشتباكات بين الشرطة ومحتجين من أتباع طريقة صوفية") == []
    # a nation's adjective still says whose (Syria's), and a lake or a municipality is named by what follows
    assert places_of(packaged, "أسقطت طائرة حربية سورية") == [("سورية", "SY")]
    assert places_of(packaged, "في بحيرة طبرية شمال إسرائيل")[0] == ("طبرية", "IL")
    assert places_of(packaged, "وصل إلى بلدية جونية") == [("جونية", "LB")]


def test_a_word_spelled_unlike_every_name_of_its_key_is_another_word(packaged):
    # folding makes بأنه (that he) meet بانه (Baneh): a hamza inside the word that no name of the key has
    assert places_of(packaged, "وقال بأنه سيعود إلى طهران") == [("طهران", "IR")]
    # حديثه (his talk) ends in ه where Haditha is always written حديثة; with the article it is only a misspelling
    assert places_of(packaged, "وقال في حديثه للصحفيين") == []
    assert places_of(packaged, "اشتباكات في مدينة حديثة غربي العراق")[0] == ("حديثة", "IQ")
    assert places_of(packaged, "وصل الوفد إلى القاهره") == [("القاهره", "EG")]
    # a name always written with the article (الخصوص، الموجب), after a proclitic without it: بخصوص (about)
    assert places_of(packaged, "تحدث بخصوص الاتفاق بموجب القرار في الأردن") == [("الأردن", "JO")]
    assert places_of(packaged, "عقد اجتماع بالقاهرة وللموصل") == [("القاهرة", "EG"), ("للموصل", "IQ")]


def test_weekdays_are_never_places(packaged):
    text = "قتل الجيش الإسرائيلي بالرصاص الحي الجمعة أربعة فلسطينيين قرب السياج الفاصل بين غزة وإسرائيل"
    assert places_of(packaged, text) == [("غزة", "PS"), ("إسرائيل", "IL")]  # not Al Jum‘ah, Yemen


def test_words_that_are_no_place_alone_still_begin_names(packaged):
    # بيان (a statement), السجن (the prison), جنوب without the article (south of …) are no places on their own
    assert places_of(packaged, "وقال بيان للجيش إن السجن في جنوب البلاد تعرض لهجوم") == []
    assert places_of(packaged, "نقل الأسرى إلى السجن في الضفة الغربية") == [("الضفة الغربية", "PS")]
    assert places_of(packaged, "تظاهرت النساء في طهران") == [("طهران", "IR")]  # not Nesā, a town of Iran
    # but بني and السوق are words of longer names, and الجنوب with the article may be a region
    assert [t for t, _ in places_of(packaged, "وصلوا إلى بني وليد")] == ["بني وليد"]
    assert [t for t, _ in places_of(packaged, "غارات على باقم السوق")] == ["باقم السوق"]


def test_regions_continents_and_oceans_are_places_wider_than_a_country(packaged):
    found = {m.text: m for m in packaged.geocode(
        "جولة في الشرق الأوسط وأوروبا ثم سفن في المحيط الهندي، وتوتر في شمال أفريقيا وفي منطقة الخليج")}
    assert set(found) == {"الشرق الأوسط", "أوروبا", "المحيط الهندي", "شمال أفريقيا", "منطقة الخليج"}
    for mention in found.values():
        assert mention.precision == 5 and mention.as_dict().get("country") == "XX"  # never a town or a country
    hejaz = packaged.geocode("أمطار غزيرة على الحجاز")
    assert [(m.text, m.precision, m.as_dict().get("country")) for m in hejaz] == [("الحجاز", 3, "SA")]


def test_a_name_after_a_newspaper_club_or_team_is_the_organisation(packaged):
    assert places_of(packaged, "قالت صحيفة الشرق الأوسط إن المفاوضات تعثرت") == []
    assert places_of(packaged, "فاز نادي برشلونة على منافسه") == []
    assert places_of(packaged, "تعادل منتخب مصر مع ضيفه") == []
    assert places_of(packaged, "وصل الوفد إلى برشلونة") == [("برشلونة", "ES")]
    assert places_of(packaged, "مراسل تلفزيون الكويت يتابع الأمطار") == [("الكويت", "KW")]  # a state broadcaster


def test_a_name_written_without_its_space_as_hashtags_write_it(packaged):
    assert places_of(packaged, "أمطار غزيرة في #حفرالباطن اليوم") == [("حفرالباطن", "SA")]
    assert places_of(packaged, "تعليق الدراسة بمحافظة حفرالباطن") == [("حفرالباطن", "SA")]
    assert places_of(packaged, "سيول في حفر_الباطن") == [("حفر_الباطن", "SA")]
    assert places_of(packaged, "قال المتحدث إن الاجتماع انتهى") == []  # an inner ال that makes no name
