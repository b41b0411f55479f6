"""The shared token layer: offsets, folding, clitic readings, name keys."""

from etl.text.arabic import normalize_for_match
from etl.text.tokens import clitic_bases, fold, name_key, strip_article, tokenize


def test_tokens_keep_offsets_into_the_original_text():
    text = "قُتِلَ ٣ في #سيول_الاردن، و«البوكمال»"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قُتِلَ", "٣", "في", "سيول", "الاردن", "و", "البوكمال"]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens[0].key == "قتل" and tokens[1].key == "3"


def test_folding_agrees_with_camel_tools_normalization():
    words = ["أَخْبَارٌ", "إلى", "مدرسةٌ", "آذار", "ٱلقدس", "مستشفى", "الـعـراق", "٢٠٢٤"]
    for word in words:
        assert fold(word) == normalize_for_match(word)


def test_hamza_seats_fold_beyond_camel_tools():
    assert fold("القائم") == fold("القايم") and fold("مؤتة") == fold("موتة")


def test_clitic_readings():
    assert clitic_bases(fold("وبالعقبة")) [1] == (4, "عقبه")
    assert (2, "عقبه") in clitic_bases(fold("للعقبة"))
    assert (3, fold("قائم")) in clitic_bases(fold("والقائم"))
    assert clitic_bases(fold("كما")) == ((0, "كما"),)  # too short to take apart
    assert clitic_bases(fold("بغداد"))[0] == (0, "بغداد")  # the plain reading comes first


def test_name_keys_ignore_article_spacing_and_hyphens():
    assert name_key("البو كمال") == name_key("البوكمال")
    assert name_key("عين الأسد") == name_key("عين الاسد") == name_key("عَيْن الأَسَد")
    assert name_key("بعلبك-الهرمل") == name_key("بعلبك الهرمل")
    assert strip_article("الي") == "الي" and strip_article("العراق") == "عراق"  # short words keep it
