"""Sentence segmentation of Arabic news text (etl.text.sentences), on sentences written for these tests."""

from __future__ import annotations

import gzip
import json

import pytest

from etl.text.sentences import SHORT_QUOTE, split_sentences
from tests.conftest import shared


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sentences]


def test_final_marks_split():
    assert texts("وصل الوزير إلى المدينة. هل انتهت الأزمة؟ لا أحد يعرف! وماذا بعد?") == [
        "وصل الوزير إلى المدينة.", "هل انتهت الأزمة؟", "لا أحد يعرف!", "وماذا بعد?"]


def test_offsets_point_into_the_original_text():
    text = "  السطر الأول.   والثاني هنا.\n\n  عنوان ثالث  "
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 14), (17, 29), (33, 43)]  # counted by hand
    assert [text[s.start:s.end] for s in sentences] == ["السطر الأول.", "والثاني هنا.", "عنوان ثالث"]


def test_newlines_end_headlines_and_paragraphs():
    text = "مظاهرات في العاصمة ضد رفع الأسعار\nخرج آلاف المحتجين إلى الشوارع\r\nوطالبوا بالإصلاح"
    assert texts(text) == ["مظاهرات في العاصمة ضد رفع الأسعار", "خرج آلاف المحتجين إلى الشوارع",
                           "وطالبوا بالإصلاح"]


def test_decimals_and_grouped_digits_do_not_split():
    assert texts("ارتفع التضخم إلى 3.5 في المئة. وبلغ عدد السكان 1.486.958 نسمة.") == [
        "ارتفع التضخم إلى 3.5 في المئة.", "وبلغ عدد السكان 1.486.958 نسمة."]


def test_a_number_can_end_a_sentence():
    assert texts("وقع الهجوم عام 2018. وقال الشهود إن العدد بلغ 20.") == [
        "وقع الهجوم عام 2018.", "وقال الشهود إن العدد بلغ 20."]


@pytest.mark.parametrize("credit", ["د.ب.أ.", "أ.ف.ب.", "سي.إن.إن."])
def test_dotted_abbreviations_stay_inside_the_sentence(credit):
    assert texts(f"ونقلت وكالة {credit} عن مصدر أمني قوله إن الوضع هادئ.") == [
        f"ونقلت وكالة {credit} عن مصدر أمني قوله إن الوضع هادئ."]


def test_agency_credit_in_brackets_then_period():
    assert texts("انفجرت عبوة ناسفة قرب السوق (د ب أ). وأغلقت الشرطة الطريق.") == [
        "انفجرت عبوة ناسفة قرب السوق (د ب أ).", "وأغلقت الشرطة الطريق."]
    assert texts("وذكرت (أ.ف.ب) أن القصف استمر. ثم توقف.") == ["وذكرت (أ.ف.ب) أن القصف استمر.", "ثم توقف."]


def test_initials_do_not_split_but_era_letters_after_a_year_do():
    assert texts("التقى د. سامي الوزير أمس.") == ["التقى د. سامي الوزير أمس."]
    assert texts("ولد عام 1380 هـ. وتوفي شابا.") == ["ولد عام 1380 هـ.", "وتوفي شابا."]


def test_missing_space_after_a_period_between_arabic_words():
    assert texts("انتهى الاجتماع.وقال المتحدث إن النتائج جيدة.") == [
        "انتهى الاجتماع.", "وقال المتحدث إن النتائج جيدة."]


def test_ellipsis_does_not_split():
    for text in ("قال إن الحل \"ليس عسكريا... بل سياسي\" في النهاية.",
                 "وتابع: الأمور تتحسن… لكن ببطء شديد.",
                 "وأكد الناطق \"نحن هنا (...) ولن نغادر\" أمس."):
        assert texts(text) == [text]


def test_semicolon_and_colon_do_not_split():
    text = "أطلقت النقابة حملة واسعة؛ لإلغاء القانون الجديد: وهي الثالثة هذا العام."
    assert texts(text) == [text]


def test_short_quotation_is_not_split_inside():
    text = 'وقال الوزير "لن نتراجع. ولن نستسلم" قبل أن يغادر القاعة.'
    assert texts(text) == [text]
    text = "وقال الناطق «الجيش جاهز. والحدود آمنة» في بيان."
    assert texts(text) == [text]


def test_quotation_ending_the_sentence_splits_after_the_quote():
    assert texts('وقال الوزير: "لن نتراجع أبدا." ثم غادر القاعة.') == [
        'وقال الوزير: "لن نتراجع أبدا."', "ثم غادر القاعة."]
    assert texts("وتساءل المحلل «إلى متى؟» ولم يجب أحد.") == ["وتساءل المحلل «إلى متى؟»", "ولم يجب أحد."]


def test_long_quotation_is_split_at_its_own_sentence_ends():
    first = "إن الحكومة ستواصل العمل على تحسين الخدمات في كل المحافظات دون استثناء وبلا تأخير."
    second = "ونحن نطالب الجميع بالصبر والتعاون مع المؤسسات الرسمية في هذه المرحلة الصعبة."
    text = f'وقال رئيس الوزراء "{first} {second}"'
    assert len(first) + len(second) > SHORT_QUOTE
    assert texts(text) == [f'وقال رئيس الوزراء "{first}', f'{second}"']


def test_dash_led_bullets_and_separator_lines():
    text = "وأبرز المطالب:\n- رفع الأجور\n– خفض الضرائب\n• الإفراج عن المعتقلين\n-------------\n1. إجراء انتخابات"
    assert texts(text) == ["وأبرز المطالب:", "رفع الأجور", "خفض الضرائب", "الإفراج عن المعتقلين", "إجراء انتخابات"]


def test_embedded_tweet_attribution_is_its_own_sentence():
    text = "نحن فخورون بشبابنا في كل مكان pic.twitter.com/AbC12 — فلان الفلاني (@someone) March 3, 2018 وتابع الكاتب حديثه"
    assert texts(text) == ["نحن فخورون بشبابنا في كل مكان pic.twitter.com/AbC12",
                           "فلان الفلاني (@someone) March 3, 2018", "وتابع الكاتب حديثه"]
    text = "اليوم يوم وطني بامتياز\n— حساب رسمي (@gov_account) ٣ مارس ٢٠١٨"
    assert texts(text) == ["اليوم يوم وطني بامتياز", "حساب رسمي (@gov_account) ٣ مارس ٢٠١٨"]


def test_an_at_sign_without_attribution_changes_nothing():
    text = "وكتب على حسابه @someone أن الاجتماع انتهى."
    assert texts(text) == [text]


def test_empty_and_punctuation_only_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ... \n---") == []


@pytest.mark.shared_data
def test_real_articles_keep_offsets_and_cover_the_text():
    path = shared("ant_multisource/middleEast_2018.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for _, line in zip(range(300), fh)]
    for article in articles:
        text = article["text"]
        sentences = split_sentences(text)
        previous_end = 0
        for s in sentences:
            assert text[s.start:s.end] == s.text and s.text == s.text.strip()
            assert s.start >= previous_end
            previous_end = s.end
        # nothing with a letter in it is lost between sentences
        covered = "".join(text[a.end:b.start] for a, b in zip(sentences, sentences[1:]))
        assert not any(ch.isalpha() for ch in covered)
