"""Arabic numbers in text (etl.text.numbers), on phrases written for these tests."""

from __future__ import annotations

import pytest
import yaml

from etl.text import numbers
from etl.text.numbers import NumbersDataError, atoms, digits_value, find_quantities, parse_number


def quantities(text: str) -> list[tuple[str, object, object, object]]:
    """(covered text, low, best, high) of every quantity."""
    return [(text[q.start:q.end], q.low, q.best, q.high) for q in find_quantities(text)]


@pytest.mark.parametrize("text, value", [
    ("1200", 1200), ("1,200", 1200), ("١٬٢٠٠", 1200), ("١٢٠٠", 1200), ("۱۲۰۰", 1200),
    ("1.486.958", 1486958), ("3.5", 3.5), ("٣٫٥", 3.5), ("1,5", 1.5), ("1,200.5", 1200.5),
])
def test_digits(text, value):
    assert digits_value(text) == value
    assert parse_number(text) == value


def test_malformed_digit_groups_are_refused():
    assert digits_value("1.2.3") is None
    assert digits_value("12,34,567") is None


@pytest.mark.parametrize("text, value", [
    ("واحد", 1), ("واحدة", 1), ("إحدى", 1),
    ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2), ("اثنتان", 2),
    ("ثلاث", 3), ("ثلاثة", 3), ("أربع", 4), ("ثماني", 8), ("ثمانية", 8), ("عشر", 10), ("عشرة", 10),
    ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثنتي عشرة", 12), ("خمسة عشر", 15), ("تسع عشرة", 19),
    ("عشرون", 20), ("عشرين", 20), ("تسعون", 90), ("تسعين", 90),
    ("خمسة وعشرون", 25), ("ثلاث وأربعين", 43), ("واحد وتسعون", 91),
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مائتين", 200), ("ثلاثمئة", 300), ("ثلاثمائة", 300),
    ("ثلاث مئة", 300), ("تسعمائة", 900), ("مئة وخمسون", 150), ("مائتين وخمسة", 205),
    ("ألف", 1000), ("ألفان", 2000), ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("عشرة آلاف", 10000),
    ("خمسة عشر ألفا", 15000), ("مئة وخمسون ألفا", 150000), ("ألف وتسعمائة وخمسة وأربعون", 1945),
    ("ثلاثة آلاف وخمسمائة", 3500), ("مليون", 1000000), ("مليونين", 2000000), ("ثلاثة ملايين", 3000000),
    ("3 آلاف", 3000), ("2.5 مليون", 2500000), ("٢٠ ألف", 20000), ("مليار", 1000000000),
    ("ألف و300", 1300), ("ثلاثة آلاف و٥٠٠", 3500),
    ("نصف مليون", 500000), ("مليون ونصف", 1500000), ("ربع مليون", 250000), ("3 ملايين ونصف", 3500000),
])
def test_number_words(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("وثلاثة", 3), ("بخمسة", 5), ("فعشرون", 20), ("الثلاثة", 3), ("والأربعة", 4), ("بثلاثمئة", 300),
    ("لعشرين", 20), ("بألفي", 2000),
])
def test_proclitics_and_article(text, value):
    assert parse_number(text) == value


def test_a_fraction_without_a_scale_is_no_number():
    assert find_quantities("نصف السكان وثلث الأراضي") == []


def test_weekdays_that_look_like_numbers_are_not_numbers():
    assert find_quantities("وصل يوم الاثنين وغادر الأحد") == []
    assert find_quantities("لست أدري") == []  # ل + ست is not "for six"


def test_not_a_single_numeral():
    assert parse_number("خمسة رجال") is None
    assert parse_number("عشرات") is None  # vague
    assert parse_number("") is None


def test_offsets_in_a_sentence():
    text = "وصل ثلاثة وعشرون زائرا و٤٠ موظفا"
    found = find_quantities(text)
    assert [(text[q.start:q.end], q.best) for q in found] == [("ثلاثة وعشرون", 23), ("٤٠", 40)]
    assert found[1].start == text.index("٤٠")


def test_digits_glued_to_letters_are_read():
    text = "سقط 50 قتيلا و2750 جريحا وبلغ140 شخصا"
    assert [q.best for q in find_quantities(text)] == [50, 2750, 140]
    assert [t.text for t in atoms("و2750")] == ["و", "2750"]


def test_dates_times_and_ratios_are_not_quantities():
    assert find_quantities("في 14/4/2018 عند الساعة 10:30") == []


@pytest.mark.parametrize("text, noun", [
    ("جنديين", "جندي"), ("قتيلان", "قتيل"), ("شخصين", "شخص"), ("امرأتين", "امراه"), ("يومين", "يوم"),
    ("سنتين", "سنه"), ("والطفلين", "طفل"),
])
def test_duals_count_two(text, noun):
    (q,) = find_quantities(text)
    assert (q.best, q.kind, q.noun) == (2, "dual", noun)


def test_ambiguous_sound_plurals_are_not_duals():
    # مدنيين / مسلحين are also plurals: no count unless a number says so
    assert find_quantities("أصيب مدنيين ومسلحين") == []


def test_nominative_dual_of_a_nisba_counts_two_its_oblique_form_does_not():
    # قتل فلسطينيان: two Palestinians; فلسطينيين is also the plural; بيان (a statement) is no dual
    assert [(q.best, q.kind) for q in find_quantities("قتل فلسطينيان وأصيب مدنيان")] == [(2, "dual"), (2, "dual")]
    assert find_quantities("قتل فلسطينيين") == []
    assert find_quantities("أصدر الجيش بيانا") == []


def test_dual_noun_with_explicit_two():
    text = "قتلت القوات مسلحين اثنين وجنديين اثنين"
    assert [(text[q.start:q.end], q.best, q.kind) for q in find_quantities(text)] == [
        ("اثنين", 2, "exact"), ("وجنديين اثنين", 2, "exact")]


@pytest.mark.parametrize("text, low, best, high", [
    ("عشرات", 20, 20, 99), ("العشرات", 20, 20, 99), ("مئات", 200, 200, 999), ("آلاف", 2000, 2000, 9999),
    ("الآلاف", 2000, 2000, 9999), ("بضعة", 3, 3, 9), ("بضع", 3, 3, 9), ("عدة", 3, 3, 9),
    ("عشرات الآلاف", 20000, 20000, 99000), ("مئات الآلاف", 200000, 200000, 999000),
    ("بضعة آلاف", 3000, 3000, 9000), ("ملايين", 2000000, 2000000, 9999999),
])
def test_vague_quantities(text, low, best, high):
    (q,) = find_quantities(text)
    assert (q.low, q.best, q.high, q.kind) == (low, best, high, "vague")


@pytest.mark.parametrize("text, span, low, best, high, qualifier", [
    ("قتل نحو 30 شخصا", "نحو 30", 30, 30, 30, "approximately"),
    ("حضر حوالي مئة شخص", "حوالي مئة", 100, 100, 100, "approximately"),
    ("وصل 40 تقريبا", "40 تقريبا", 40, 40, 40, "approximately"),
    ("وقع أكثر من 150 هجوما", "أكثر من 150", 151, 151, None, "more_than"),
    ("ما يزيد على عشرين", "ما يزيد على عشرين", 21, 21, None, "more_than"),
    ("أصيب ما لا يقل عن 12", "ما لا يقل عن 12", 12, 12, None, "at_least"),
    ("قتل على الأقل 7 أشخاص", "على الأقل 7", 7, 7, None, "at_least"),
    ("قتل 7 على الأقل", "7 على الأقل", 7, 7, None, "at_least"),
    ("قتل 7 أشخاص على الأقل", "7 أشخاص على الأقل", 7, 7, None, "at_least"),
    ("أقل من 10", "أقل من 10", None, 9, 9, "less_than"),
    ("ما يصل إلى 50", "ما يصل إلى 50", None, 50, 50, "up_to"),
])
def test_qualifiers(text, span, low, best, high, qualifier):
    (q,) = find_quantities(text)
    assert (text[q.start:q.end], q.low, q.best, q.high, q.qualifier) == (span, low, best, high, qualifier)
    assert q.approximate == (qualifier == "approximately")


def test_value_span_excludes_qualifiers():
    text = "قتل نحو 30 شخصا"
    (q,) = find_quantities(text)
    assert text[q.value_start:q.value_end] == "30"


@pytest.mark.parametrize("text, span, low, high", [
    ("ما بين 20 و30 شخصا", "ما بين 20 و30", 20, 30),
    ("بين عشرين وثلاثين", "بين عشرين وثلاثين", 20, 30),
    ("من 3 إلى 5 أيام", "من 3 إلى 5", 3, 5),
    ("ما بين 12 و16 ألف شخص", "ما بين 12 و16 ألف", 12000, 16000),
    ("أصيب ما بين 200 إلى 300", "ما بين 200 إلى 300", 200, 300),
])
def test_ranges(text, span, low, high):
    (q,) = find_quantities(text)
    assert (text[q.start:q.end], q.low, q.best, q.high, q.kind) == (span, low, low, high, "range")


def test_between_without_a_second_number_is_no_range():
    assert quantities("بين 3 دول") == [("3", 3, 3, 3)]


def test_separate_numbers_in_one_sentence_stay_apart():
    assert quantities("مقتل خمسة وإصابة ثلاثة") == [("خمسة", 5, 5, 5), ("ثلاثة", 3, 3, 3)]
    assert quantities("خمسة وخمسة") == [("خمسة", 5, 5, 5), ("وخمسة", 5, 5, 5)]  # not 10: not a compound


def test_numbers_yaml_is_validated(monkeypatch, tmp_path):
    good = yaml.safe_load(numbers.resources.files("etl").joinpath("data/numbers.yaml").read_text("utf-8"))

    def load_with(data):
        path = tmp_path / "data"
        path.mkdir(exist_ok=True)
        (path / "numbers.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        monkeypatch.setattr(numbers.resources, "files", lambda _pkg: tmp_path)
        numbers._tables.cache_clear()
        try:
            numbers.load_numbers()
        finally:
            numbers._tables.cache_clear()

    bad = dict(good, tens={**good["tens"], 30: good["tens"][20]})
    with pytest.raises(NumbersDataError, match="both"):
        load_with(bad)
    bad = dict(good, vague={"عشرات": [99, 20, 20]})
    with pytest.raises(NumbersDataError, match="low, best, high"):
        load_with(bad)
    bad = {k: v for k, v in good.items() if k != "dual_nouns"}
    with pytest.raises(NumbersDataError, match="dual_nouns"):
        load_with(bad)
    bad = dict(good, modifiers={**good["modifiers"], "roughly": ["نحو"]})
    with pytest.raises(NumbersDataError, match="unknown modifiers"):
        load_with(bad)
    load_with(good)


def test_during_is_not_the_two_of_twelve():
    # أثناء (during) folds to اثنا, which is "two" only before عشر: اثنا عشر
    assert parse_number("أثناء") is None
    assert parse_number("اثنا عشر") == 12
    assert find_quantities("قتل أثناء استجوابه") == []
