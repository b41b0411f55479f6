"""Casualty tolls of sentences (etl.extraction.casualties), on sentences written for these tests."""

from __future__ import annotations

import gzip
import json

import pytest
import yaml

from etl.extraction import casualties
from etl.extraction.casualties import CATEGORIES, CasualtyDataError, extract_casualties
from etl.text.sentences import split_sentences
from etl.text.tokens import tokenize
from tests.conftest import shared


def toll(text: str) -> dict:
    """category -> (low, best, high) of what the sentence reports."""
    found = extract_casualties(text)
    if found is None:
        return {}
    return {c: (f.low, f.best, f.high) for c in casualties.CATEGORIES if (f := getattr(found, c)) is not None}


def evidence(text: str, category: str) -> str:
    f = getattr(extract_casualties(text), category)
    return text[f.start:f.end]


@pytest.mark.parametrize("text, expected", [
    # category word, then the count
    ("أعلنت الشرطة مقتل 4 أشخاص وإصابة 9 آخرين في الحادث", {"killed": (4, 4, 4), "injured": (9, 9, 9)}),
    ("تسبب الانفجار في مصرع 6 عمال داخل المصنع", {"killed": (6, 6, 6)}),
    ("أفادت الوزارة باستشهاد ثلاثة شبان قرب الحدود", {"killed": (3, 3, 3)}),
    ("أكدت المصادر جرح 11 متظاهرا في المواجهات", {"injured": (11, 11, 11)}),
    ("نددت العائلة باختطاف 5 صيادين على الساحل", {"abducted": (5, 5, 5)}),
    ("أعلنت السلطات اعتقال 14 شخصا بعد الاحتجاجات", {"arrested": (14, 14, 14)}),
    ("ألقت الشرطة القبض على 8 مطلوبين", {"arrested": (8, 8, 8)}),
    # a person noun alone is one; an indefinite plural is an unknown number of at least two
    ("أدى الاشتباك إلى مقتل عنصر وإصابة اثنين آخرين", {"killed": (1, 1, 1), "injured": (2, 2, 2)}),
    ("أعلن الجيش مقتل جندي في الكمين", {"killed": (1, 1, 1)}),
    ("نفذت القوات حملة أسفرت عن اعتقال ناشطين", {"arrested": (2, 3, None)}),  # several: 3 (vague_tolls)
    # verbs, active and passive, with and without an agent between the verb and the count
    ("قتل 23 شخصا وأصيب عشرات آخرون بجروح", {"killed": (23, 23, 23), "injured": (10, 10, 99)}),  # tens: 10
    ("قُتل 9 مدنيين على الأقل في القصف", {"killed": (9, 9, None)}),
    ("قتلت الدورية مسلحين اثنين على الأقل وأصابت خمسة أشخاص", {"killed": (2, 2, None), "injured": (5, 5, 5)}),
    ("اعتقلت قوات الأمن التركية أمس 31 مشتبها", {"arrested": (31, 31, 31)}),
    # the count before a verb, with its noun
    ("وقال المسعفون إن سبعة أطفال أصيبوا بالاختناق", {"injured": (7, 7, 7)}),
    ("أفادت المصادر أن رجلين قتلا في الهجوم", {"killed": (2, 2, 2)}),
    # victim nouns
    ("أسفر التفجير عن سقوط 15 قتيلا", {"killed": (15, 15, 15)}),
    ("خلفت الغارات 40 قتيلاً و320 جريحاً", {"killed": (40, 40, 40), "injured": (320, 320, 320)}),
    ("سقط ثلاثة قتلى في الاشتباكات", {"killed": (3, 3, 3)}),
    ("قتيلان في حادث إطلاق نار", {"killed": (2, 2, 2)}),
    ("سقوط قتيل وأربعة جرحى في تصادم", {"killed": (1, 1, 1), "injured": (4, 4, 4)}),
    ("أوقع القصف قتلى وجرحى في صفوف المدنيين", {"killed": (2, 3, None), "injured": (2, 3, None)}),
    ("تحدث مسعفون عن عشرات القتلى ومئات الجرحى", {"killed": (10, 10, 99), "injured": (100, 100, 999)}),
    # tallies
    ("ارتفاع حصيلة القتلى إلى 61", {"killed": (61, 61, 61)}),
    ("وبلغ عدد الجرحى في المدينة 44", {"injured": (44, 44, 44)}),
    # the death idiom, with the count inside, before, or a person alone
    ("لقي 6 أشخاص حتفهم في الحريق", {"killed": (6, 6, 6)}),
    ("وقالت الشرطة إن 4 متسلقين لقوا مصرعهم", {"killed": (4, 4, 4)}),
    ("امرأة لقيت حتفها في السيول", {"killed": (1, 1, 1)}),
    # a phrase with an agent inside
    ("أودى الحريق بحياة 13 شخصا", {"killed": (13, 13, 13)}),
    # number words, qualifiers, thousands
    ("أسفرت المعارك أمس عن مقتل أكثر من ألف و200 مقاتل", {"killed": (1200, 1200, None)}),  # ACLED: the stated figure
    ("أدى الزلزال أمس إلى مقتل نحو 3 آلاف شخص", {"killed": (3000, 3000, 3000)}),
    ("وأصيب ما بين 30 و40 شخصا", {"injured": (30, 30, 40)}),
    ("قتل ثلاثة وعشرون شخصا في الغارة", {"killed": (23, 23, 23)}),
    ("أودى الزلزال أمس بحياة نحو نصف مليون شخص", {"killed": (500000, 500000, 500000)}),
])
def test_common_news_patterns(text, expected):
    assert toll(text) == expected


def test_approximate_counts_are_not_exact():
    found = extract_casualties("أدى الزلزال أمس إلى مقتل نحو 300 شخص")
    assert found.killed.best == 300 and not found.killed.exact
    assert extract_casualties("أدى الزلزال أمس إلى مقتل 300 شخص").killed.exact


@pytest.mark.parametrize("text, distractor", [
    ("قطع الموكب 100 كلم قبل أن يقتل المهاجم", 100),                # distance
    ("أعلنت الوزارة اعتقال طفلة عمرها ثلاث سنوات", 3),              # age: one child, not three
    ("خصصت الحكومة 5 ملايين دولار لضحايا", 5000000),                # money
    ("شهد العام أكثر من 150 هجوما أسفرت عن مقتل", 151),            # attacks, not people
    ("وقع حادث القتل عام 2014", 2014),                              # a year
    ("اعتقل المشتبه به في 14 أبريل", 14),                          # a date
    ("ارتفعت نسبة الإصابات 20 في المئة", 20),                      # a percentage
    ("وقال إن نحو 60 في المئة من الضحايا قتلوا في الغارات", 100),   # ... and its المئة is no hundred
])
def test_numbers_that_are_not_tolls(text, distractor):
    found = extract_casualties(text)
    for _, figure in found.mentions if found else ():
        assert distractor not in (figure.low, figure.best, figure.high), text


def test_a_distance_does_not_become_a_toll_but_the_victims_do():
    assert toll("قتل 3 أشخاص في هجوم على بعد 100 كلم من العاصمة") == {"killed": (3, 3, 3)}
    assert toll("قتلت طفلة عمرها ثلاث سنوات") == {"killed": (1, 1, 1)}


def test_a_count_after_a_unit_or_a_subset_word_is_skipped():
    assert toll("قتل خلال 24 ساعة 30 شخصا") == {"killed": (30, 30, 30)}
    assert toll("أعلن الجيش مقتل 17 شخصا بينهم 4 أطفال") == {"killed": (17, 17, 17)}


def test_joint_counts_share_the_number():
    assert toll("أسفر الانفجار عن مقتل وإصابة 25 شخصا") == {"killed": (1, 1, 24), "injured": (1, 1, 24)}
    assert toll("أوقعت الغارة عشرات القتلى والجرحى") == {"killed": (1, 1, 98), "injured": (1, 1, 98)}


def test_coordinated_and_other_people_add_up():
    assert toll("أعلن الجيش مقتل 3 جنود و5 مدنيين") == {"killed": (8, 8, 8)}
    assert toll("أعلن الجيش مقتل شخص و3 آخرين") == {"killed": (4, 4, 4)}
    assert toll("قتل 5 جنود في الكمين وقتل 2 آخرون في انفجار") == {"killed": (7, 7, 7)}


def test_counts_of_one_sentence_add_up_and_each_is_kept():
    text = "اعتقلت الشرطة 40 شخصا في المدينة، بينما اعتقل الجيش 12 شخصا في الريف"
    assert toll(text) == {"arrested": (52, 52, 52)}
    found = extract_casualties(text)
    assert [(c, f.best, text[f.start:f.end]) for c, f in found.mentions] == [
        ("arrested", 40, "اعتقلت الشرطة 40 شخصا"), ("arrested", 12, "اعتقل الجيش 12 شخصا")]


def test_a_repeated_count_is_counted_once():
    assert toll("مقتل 6 أشخاص في الهجوم الذي أسفر عن مقتل 6 أشخاص") == {"killed": (6, 6, 6)}


def test_a_shared_count_is_not_shared_when_the_first_word_has_its_own():
    assert toll("وقال المصدر إن 28 شخصا قتلوا وأصيب نحو 55 آخرين") == {"killed": (28, 28, 28), "injured": (55, 55, 55)}
    assert toll("سقط عشرات المدنيين بين قتيل وجريح") == {"killed": (1, 1, 98), "injured": (1, 1, 98)}


def test_a_count_is_not_looked_for_in_another_clause():
    assert toll("قتل في 14 مايو حين احتشد آلاف المتظاهرين") == {}
    assert toll("أعلنت الشرطة أن 20 مدنيا قتلوا أمس فضلا عن 4 من رجال الأمن") == {"killed": (20, 20, 20)}


def test_a_bare_plural_gives_way_to_a_count():
    assert toll("تأكد مقتل جنود في الهجوم، وقال الجيش إن أربعة جنود قتلوا") == {"killed": (4, 4, 4)}


def test_an_agent_after_a_verb_is_not_the_victim():
    assert toll("اختطف مسلحون 15 شخصا عند حاجز") == {"abducted": (15, 15, 15)}
    assert toll("أدى القصف إلى مقتل مدنيين اثنين") == {"killed": (2, 2, 2)}


def test_a_tally_beside_a_direct_count_is_a_running_total():
    assert toll("مقتل 4 أشخاص في القصف ليرتفع عدد القتلى منذ بدء الحملة إلى 90") == {"killed": (4, 4, 4)}


@pytest.mark.parametrize("text, category", [
    ("انفجرت العبوة دون وقوع إصابات", "injured"),
    ("لم يسفر الحريق عن سقوط ضحايا", "killed"),
    ("لم يصب أحد بأذى", "injured"),
])
def test_negation_without_a_count_reports_none(text, category):
    assert toll(text) == {category: (0, 0, 0)}


def test_still_is_not_a_negation():
    # لا يزالون: "still": a state of detention is no arrest report, and certainly not zero
    assert "arrested" not in toll("كان الثلاثة لا يزالون موقوفين لدى القوات")


@pytest.mark.parametrize("text", [
    "أصدرت المحكمة حكما بإعدام 12 متهما",     # a death sentence, not a death
    "قضت محكمة غيابيا بإعدام رجلين",          # the same, further from its verb
    "أحبطت الشرطة محاولة اغتيال الوزير",       # an attempt
    "رحبت العائلات بالإفراج عن 40 معتقلا",      # a release
    "كان الرجل مصابا بالسرطان",                 # a state, no number
])
def test_not_a_toll_of_an_event(text):
    assert toll(text) == {}


def test_infections_are_not_wounds():
    assert toll("تفشى الوباء الذي أصاب نحو ألف شخص") == {}
    assert toll("أصيب 12 شخصا بفيروس في المدرسة") == {}
    assert toll("أصيب 12 شخصا في المدرسة") == {"injured": (12, 12, 12)}


def test_sentences_without_casualties():
    assert extract_casualties("وصل الوزير إلى العاصمة في زيارة تستمر 3 أيام") is None
    assert extract_casualties("") is None


def test_evidence_spans():
    text = "وأعلنت الوزارة مقتل 4 أشخاص وإصابة 9 آخرين."
    assert evidence(text, "killed") == "مقتل 4 أشخاص"
    assert evidence(text, "injured") == "وإصابة 9 آخرين"
    found = extract_casualties(text)
    assert text[found.start:found.end] == "مقتل 4 أشخاص وإصابة 9 آخرين"


def test_offsets_into_a_longer_text_with_shared_tokens():
    text = "عنوان أول.\nوقتل 12 شخصا في الهجوم. وأصيب 3."
    sentences = split_sentences(text)
    tokens = tokenize(text)
    second = sentences[1]
    found = extract_casualties(text, second.start, second.end, tokens)
    assert text[found.killed.start:found.killed.end] == "وقتل 12 شخصا"
    assert found.killed.best == 12 and found.injured is None
    third = extract_casualties(text, sentences[2].start, sentences[2].end, tokens)
    assert (third.injured.best, text[third.injured.start:third.injured.end]) == (3, "وأصيب 3")


def test_as_dict():
    d = extract_casualties("مقتل 4 أشخاص").as_dict()
    assert d["killed"] == {"low": 4, "best": 4, "high": 4, "start": 0, "end": 12, "exact": True,
                           "scope": "event"}
    assert d["injured"] is None and d["arrested"] is None and d["abducted"] is None
    assert d["mentions"] == [{"category": "killed", **d["killed"]}]


def test_casualties_yaml_is_validated(monkeypatch, tmp_path):
    good = yaml.safe_load(casualties.resources.files("etl.extraction").joinpath("data/casualties.yaml")
                          .read_text("utf-8"))

    def load_with(data):
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / "casualties.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        monkeypatch.setattr(casualties.resources, "files", lambda _pkg: tmp_path)
        casualties._lexicon.cache_clear()
        casualties._classify.cache_clear()
        try:
            casualties.load_casualty_words()
        finally:
            casualties._lexicon.cache_clear()
            casualties._classify.cache_clear()

    killed = good["categories"]["killed"]
    bad = dict(good, categories={**good["categories"], "killed": {**killed, "verbs": killed["verbs"] + ["أصيب"]}})
    with pytest.raises(CasualtyDataError, match="already a verb of injured"):
        load_with(bad)
    bad = {k: v for k, v in good.items() if k != "tallies"}
    with pytest.raises(CasualtyDataError, match="missing \\['tallies'\\]"):
        load_with(bad)
    bad = dict(good, categories={**good["categories"], "killed": {**killed, "phrases": ["مقتل"]}})
    with pytest.raises(CasualtyDataError, match="two words"):
        load_with(bad)
    victims = killed["victims"]
    bad = dict(good, categories={**good["categories"],
                                 "killed": {**killed, "victims": {**victims, "alone": ["جريح"]}}})
    with pytest.raises(CasualtyDataError, match="not victims of the category"):
        load_with(bad)
    load_with(good)


@pytest.mark.shared_data
def test_real_articles_offsets_and_no_crash():
    path = shared("ant_multisource/middleEast_2018.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for _, line in zip(range(400), fh)]
    reported = 0
    for article in articles:
        text = article["text"]
        tokens = tokenize(text)
        for s in split_sentences(text):
            found = extract_casualties(text, s.start, s.end, tokens)
            if found is None:
                continue
            reported += 1
            assert s.start <= found.start < found.end <= s.end
            for category, f in found.mentions:
                assert category in casualties.CATEGORIES
                assert s.start <= f.start < f.end <= s.end
                assert f.best >= 0 and (f.low is None or f.low <= f.best)
                assert f.high is None or f.best <= f.high
            # the same result with the sentence alone, offsets shifted
            alone = extract_casualties(s.text)
            assert alone is not None and alone.start + s.start == found.start
    assert reported > 50


def test_a_negated_verb_of_result_reaches_its_complement_past_a_long_subject():
    from etl.extraction.casualties import extract_casualties

    # (folded, تؤد is تود: the list lives in casualties.yaml and is folded like the text)
    assert extract_casualties("لم تؤد الغارة على القرية أمس إلى إصابات").injured.best == 0
    assert extract_casualties("لم تسفر الغارة على القرية أمس عن إصابات").injured.best == 0


def test_a_negation_with_its_conjunction_reports_none():
    from etl.extraction.casualties import extract_casualties

    assert extract_casualties("ولم يقتل أحد في الهجوم").killed.best == 0
    assert extract_casualties("ولم يسفر الهجوم عن سقوط قتلى").killed.best == 0
    toll = extract_casualties("وقتل ثلاثة ولم يصب أحد")
    assert (toll.killed.best, toll.injured.best) == (3, 0)


def test_a_count_of_other_people_before_a_killing_verb_is_not_its_toll():
    from etl.extraction.casualties import extract_casualties

    # the thousands are the mourners; the medic is the one killed (no count)
    toll = extract_casualties("شيع آلاف الفلسطينيين السبت مسعفة قتلت برصاص الجيش")
    assert toll is None or toll.killed is None or toll.killed.best < 1000
    # a count, a nisba or a day between the count and its verb still count
    assert extract_casualties("ستة صحافيين فلسطينيين أصيبوا بجروح").injured.best == 6
    assert extract_casualties("5 أشخاص أمس قتلوا في الهجوم").killed.best == 5


def test_a_count_before_hedges_and_its_verb():
    from etl.extraction.casualties import extract_casualties

    toll = extract_casualties("وكان 16 شخصا على الأقل قد قتلوا أمس")
    assert toll is not None and (toll.killed.low, toll.killed.best) == (16, 16)


def test_a_count_of_the_sides_own_people_and_of_others_before_the_verb():
    from etl.extraction.casualties import extract_casualties

    # من جنودها: a person noun with a possessive pronoun is counted
    assert extract_casualties("وقالت إن أربعة من جنودها قتلوا في عملية").killed.best == 4
    assert extract_casualties("أعلنت تركيا مقتل ثمانية من جنودها").killed.best == 8
    # آخرين between the count's noun and its verb: more of them, not another noun
    assert extract_casualties("وقال الجيش إن 3 جنود آخرين أصيبوا بجروح").injured.best == 3


def test_an_aside_naming_some_of_the_counted_stands_between_count_and_verb():
    # "، بينهم ..." between commas right before the verb: the count before it is the toll
    assert toll("وقال المرصد إن 14 مقاتلا على الأقل، بينهم إيرانيون، قتلوا في الضربة") == {"killed": (14, 14, None)}
    assert toll("وقال المرصد إن 35 مدنيا، بينهم نساء وأطفال، قتلوا بغارات جوية") == {"killed": (35, 35, 35)}
    # not a count whose clause ended before the aside began
    assert toll("وصل 14 مقاتلا إلى المدينة. بينهم إيرانيون، قتلوا") == {}


# ---------------------------------------------------------------------------------------------- scope

@pytest.mark.parametrize("text, event, totals", [
    # a total over a period or a campaign: not this event's toll
    ("أدى القصف إلى مقتل أكثر من 1630 مدنيا منذ بدء الهجوم", {}, [("killed", "period")]),
    ("ومنذ 30 مارس الماضي قتل ما لا يقل عن 118 فلسطينيا وأصيب آلاف آخرون", {},
     [("killed", "period"), ("injured", "period")]),
    ("قتل مئات الأشخاص خلال 12 يوما من القصف", {}, [("killed", "period")]),
    ("قتل 30 فلسطينيا على الأقل، منذ ذلك الحين", {}, [("killed", "period")]),
    ("وكان المرصد أفاد في حصيلة سابقة عن مقتل 11 مدنيا", {}, [("killed", "earlier")]),
    # the day's own toll beside a running total: each keeps its scope
    ("قتل خمسة أشخاص اليوم، ما يرفع عدد القتلى منذ بدء الهجوم إلى 500", {"killed": (5, 5, 5)}, [("killed", "period")]),
    # a day named nearer than the marker: the event's toll (the protests since 30 March are another matter)
    ("وقتل الجمعة أربعة فلسطينيين في غزة حيث يواصل الفلسطينيون الاحتجاج الذي يقومون به منذ 30 مارس",
     {"killed": (4, 4, 4)}, []),
    # "the worst since", "within 24 hours", "since this morning": the event's own
    ("قتل 12 شخصا في أكثر الهجمات دموية منذ سنوات في بغداد", {"killed": (12, 12, 12)}, []),
    ("قتل 20 شخصا خلال 24 ساعة في قصف على الغوطة", {"killed": (20, 20, 20)}, []),
    ("قتل 7 أشخاص منذ الصباح في قصف على البلدة", {"killed": (7, 7, 7)}, []),
    # recent weeks, the same period, more than a day's hours: totals
    ("قتل أكثر من 200 مدني في الأسابيع الأخيرة في إدلب", {}, [("killed", "period")]),
    ("وقتل 40 شخصا خلال الفترة نفسها", {}, [("killed", "period")]),
    ("قتل 150 شخصا خلال الـ72 ساعة الماضية في قصف الغوطة", {}, [("killed", "period")]),
    # a campaign or a named battle as the figure's frame: its toll; a day named nearer: the event's
    ("وقال المرصد إن 289 مدنيا على الأقل قتلوا في معركة عفرين", {}, [("killed", "period")]),
    ("التصعيد الأخير أسفر عن مقتل 462 شخصا", {}, [("killed", "period")]),
    ("قتل 5 جنود اليوم في معركة مع التنظيم", {"killed": (5, 5, 5)}, []),
    ("قتل 3 جنود في المعارك مع الحوثيين", {"killed": (3, 3, 3)}, []),  # the day's fighting
    ("أودت الحرب بحياة نحو نصف مليون شخص", {}, [("killed", "period")]),  # a war's toll
    # "hundreds killed" with no day of its own: a war's or a campaign's toll; with its day: the event's
    ("قتل المئات من الجنود ورجال الشرطة في هجمات في شمال سيناء", {}, [("killed", "period")]),
    ("قتل المئات في هجوم على السوق السبت", {"killed": (100, 100, 999)}, []),
    ("قتل العشرات في الغارة", {"killed": (10, 10, 99)}, []),
    # a hundred dead or more need their day (needs_a_day): without it, a campaign's or a past event's toll
    ("وأسفرت الغارات عن مقتل أكثر من 1600 مدني", {}, [("killed", "period")]),
    ("وأسفرت الغارات أمس عن مقتل أكثر من 160 مدنيا", {"killed": (160, 160, None)}, []),
    ("وأسفرت الغارات عن مقتل 16 مدنيا", {"killed": (16, 16, 16)}, []),
    ("وقتل نحو 10 آلاف شخص وأصيب 55 ألفا آخرون في القتال", {}, [("killed", "period"), ("injured", "period")]),
    # a month, an operation after خلال: their count
    ("وقتل 45 فلسطينيا في سوريا خلال أبريل", {}, [("killed", "period")]),
    ("قتل 78 مدنيا على الأقل خلال العملية التركية", {}, [("killed", "period")]),
    # واحد (one) is no Sunday, يوم (a day) no today: no day is named here
    ("عدم مثول ضابط واحد أمام المحكمة رغم مقتل ما لا يقل عن 900 شخص", {}, [("killed", "period")]),
    ("وجاء هذا بعد يوم من إعلان الجيش مقتل 120 شخصا", {}, [("killed", "period")]),
    # a count over scattered fronts or places: several events' dead, not one event's
    ("وقتل أكثر من 70 عنصرا من المسلحين في مواجهات في جبهات متفرقة من الساحل الغربي", {}, [("killed", "period")]),
    ("وقتل 5 جنود في هجوم على موقع عسكري قرب الحديدة", {"killed": (5, 5, 5)}, []),
    # a stretch given by its ends: its days are its bounds, not the event's (the statement's Saturday is farther)
    ("وقالت المنظمة إنها تلقت 770 قتيلا في الفترة ما بين 18-27 فبراير، وفقا لبيان السبت", {}, [("killed", "period")]),
])
def test_a_figure_is_this_events_toll_or_a_total(text, event, totals):
    found = extract_casualties(text)
    assert found is not None
    assert {c: (f.low, f.best, f.high) for c in CATEGORIES if (f := getattr(found, c))} == event
    assert [(c, f.scope) for c, f in found.totals()] == totals


def test_a_counted_stretch_of_time_makes_a_total_and_a_unit_number_is_no_toll():
    assert [(c, f.scope) for c, f in extract_casualties(
        "وثق الدفاع المدني مقتل 1433 مدنيا في 34 يوما من الهجمات على الغوطة").mentions] == [("killed", "period")]
    assert extract_casualties("قتل ثلاثة جنود قبل ثلاثة أيام في هجوم على بغداد").killed.best == 3  # an "ago" dates it
    assert extract_casualties("حزب الله اغتال الحريري ويهدد العالم بالوحدة 910") is None  # a unit's number


def test_a_count_with_an_aside_of_some_of_them_before_its_verb():
    # «ستة أشخاص من بينهم طفلة قتلوا»: the aside (من) بينهم + a word, without commas, stands between count and verb
    toll = extract_casualties("قال مسعفون إن ستة أشخاص من بينهم طفلة قتلوا في غارات جوية")
    assert toll is not None and toll.killed.best == 6


def test_an_oblique_nisba_followed_by_one_of_the_two_is_two():
    toll = extract_casualties("قتلت القوات بالرصاص فلسطينيين أحدهما صبي وأصابت 415 آخرين")
    assert toll is not None and (toll.killed.best, toll.injured.best) == (2, 415)
