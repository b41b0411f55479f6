"""The salience pass (passes.salience): the event a sentence reports (main) and the ones it only names
(background)."""

from __future__ import annotations

from tests.coder.conftest import PUBLISHED, events, one, happened_main, parse


# ------------------------------------------------------------------------------------------ through coder.code()

def test_a_multiword_preposition_right_before_an_event_puts_it_in_the_background(coder):
    # "من أجل رفع العقوبات": the lifting is what the deal was for, not something reported done
    found = [e for e in coder.code("ووقعت طهران على الاتفاق أمس من أجل رفع العقوبات الاقتصادية", published=PUBLISHED)
             if e.event_type == "RETREAT"]
    assert found and all(e.salience == "background" for e in found)


def test_background_event_is_kept_but_not_main(coder):
    found = events(coder, "تظاهر المئات أمس بعد اغتيال ناشط في المدينة")
    kinds = {(e.event_type, e.salience) for e in found}
    assert ("PROTEST", "main") in kinds and ("ASSAULT", "background") in kinds


def test_a_definite_event_noun_refers_to_an_event_told_before(coder):
    reference = [e for e in events(coder, "وكانت صدمة الاغتيال كبيرة على أصدقائه في بيروت") if e.event_type == "ASSAULT"]
    assert reference and all(e.salience == "background" for e in reference)
    news = one(coder, "مقتل ثلاثة جنود في هجوم انتحاري بسيارة مفخخة في بغداد أمس", "ASSAULT")
    assert news.salience == "main" and news.happened


def test_a_reporting_verb_after_the_event_opens_a_second_clause_not_a_frame(coder):
    # the strike is told first; "وقال الجيش إن …" only comments on it
    found = happened_main(coder, "قتل أربعة مسلحين في غارة جوية على بلدة قرب الموصل أمس، وقال الجيش إن القتلى "
                                 "كانوا يعدون لهجوم")
    assert found and found[0].trigger["text"] in ("قتل", "غارة جوية")


def test_an_event_spoken_about_is_background(coder):
    assert happened_main(coder, "وتحدث التقرير الحقوقي عن عمليات اغتيال في عدة مدن") == []
    assert happened_main(coder, "وعرضت القناة مشاهد من عملية اغتيال القيادي في الحركة") == []
    assert happened_main(coder, "قال الوزير إن الحركة تقف وراء التفجير الانتحاري في السوق") == []
    # أسفر عن: the toll of the event the sentence tells
    assert happened_main(coder, "انفجرت سيارة مفخخة في سوق المدينة مساء أمس ما أسفر عن مقتل سبعة أشخاص")


def test_an_event_condemned_is_what_the_condemnation_is_about(coder):
    assert happened_main(coder, "واستنكر رئيس الوزراء في بيان صدر عنه أمس تفجيرات المدينة الدامية") == []
    condemned = [e for e in coder.code("واستنكر رئيس الوزراء في بيان صدر عنه أمس تفجيرات المدينة الدامية",
                                       published=PUBLISHED) if e.event_type == "ACCUSE"]
    assert condemned and condemned[0].happened


def test_events_told_earlier_or_days_before_are_background(coder):
    assert happened_main(coder, "أفرج مسلحون عن سائحتين خطفتا في المدينة في وقت سابق") == [] or all(
        e.trigger["text"] != "خطفتا" for e in happened_main(coder, "أفرج مسلحون عن سائحتين خطفتا في المدينة في وقت سابق"))
    assert happened_main(coder, "بعد يومين فقط من محاولة الاغتيال الفاشلة وصل الوزير إلى العاصمة") == []
    # earlier today is still today's news; خلال is no "after"
    assert happened_main(coder, "قتل ثلاثة جنود في هجوم على حاجز في وقت سابق اليوم")
    assert happened_main(coder, "وخلال شهر واحد اغتيل ضابطان في المدينة")


def test_participants_do_not_make_the_sentence_about_the_event(coder):
    # الرهينة names a person of an earlier abduction; the sentence is about what he told
    told = happened_main(coder, "وروى الرهينة الألماني السابق للصحافيين في العاصمة أن الخاطفين الذين قتل اثنان "
                                "منهم في اشتباك عاملوه جيدا")
    assert told == []
    # a year before a verb is no count: فجر stays a verb
    bombed = happened_main(coder, "وفي العاشر من أبريل 2007 فجر 3 انتحاريين أنفسهم في المدينة")
    assert bombed and bombed[0].mode == "suicide"


def test_protesters_named_in_a_relative_clause_are_not_the_news(coder):
    # the arrests are the news; the gathering is told in a relative clause
    arrested = "واعتقلت الشرطة ستة من عشرات المتظاهرين الذين تجمعوا قرب محطة الحافلات أمس"
    assert happened_main(coder, arrested, "PROTEST") == []
    assert happened_main(coder, arrested, "COERCE")


def test_the_dead_named_in_another_statement_do_not_make_it_an_attack_report(coder):
    called = "وأجرى رئيس الوزراء أمس اتصالات هاتفية بأهالي شهداء الجيش الذين سقطوا في تفجير طرابلس"
    assert happened_main(coder, called) == []
    # the toll noun alone still tells an attack that happened
    assert happened_main(coder, "سقط خمسة قتلى في قصف على القرية أمس")


def test_passive_and_resort_auxiliaries_carry_out_the_event(coder):
    for sentence in ("وقال الجنرال إن عددا من مخابئ المتمردين في الولاية تم تدميرها خلال العملية",
                     "وقال شهود إن أشخاصا مختبئين خلف الأشجار عمدوا إلى إلقاء المتفجرات"):
        assert happened_main(coder, sentence), sentence


def test_a_verb_in_a_relative_clause_is_no_predicate(coder):
    # the definite noun refers to attacks told before; the verb after اللذين only describes them
    claimed = "أعلن التنظيم في بيان تبنيه الاعتداءين الفاشلين اللذين استهدفا منشآت نفطية في اليمن"
    assert happened_main(coder, claimed) == []
    assert happened_main(coder, "استهدف هجومان منشآت نفطية في اليمن أمس")


def test_involvement_in_an_event_is_its_legal_context(coder):
    assert happened_main(coder, "وقالت الصحيفة إن ضابطا كان مسؤولا عن الوحدة في لبنان، ومتورطا في خطف الطيار الذي فقد هناك") == []
    assert happened_main(coder, "وقالت الصحيفة إن مسلحين خطفوا الطيار في لبنان أمس")


def test_a_headline_before_the_dateline_gives_no_legal_context(coder):
    marched = "مسيرة في المدينة قبل قرار المحكمة في قضية الوزير * القاهرة ـ رويترز: خرج الآلاف في مسيرة بوسط القاهرة أمس"
    assert happened_main(coder, marched, "PROTEST")
    assert happened_main(coder, "وقالت المحكمة إن المتهم خرج مع الآلاف في مسيرة بوسط القاهرة أمس", "PROTEST") == []


def test_a_day_or_a_week_read_in_the_sentence_anchors_a_named_event(coder):
    # an event noun with no time, place, toll or instrument is a reference; a week or a day ties it to a time
    bare = one(coder, "وأكد المتحدث أن قوات الحكومة بدأت هجوما على المتمردين", "ASSAULT", published=PUBLISHED)
    assert bare.salience == "background"
    dated = one(coder, "وأكد المتحدث أن قوات الحكومة بدأت هجوما على المتمردين الأسبوع الماضي", "ASSAULT",
                published=PUBLISHED)
    assert dated.salience == "main" and dated.date_precision == "week"
    # a year frames a count more often than one event
    count = one(coder, "وقال إن أكثر من 140 هجوما انتحاريا وقعت في العام الماضي", "ASSAULT", published=PUBLISHED)
    assert count.salience == "background" or not count.happened


def test_a_past_verb_of_carrying_out_or_undergoing_makes_the_event_noun_news(coder):
    # with no time, place, toll or instrument, an event noun is a reference - unless a deed verb carries it
    assert happened_main(coder, "وقال المتحدث إن الدبلوماسي تعرض لهجوم على يد مجهولين")
    assert happened_main(coder, "وأضاف أن الجيش الوطني خاض معارك عنيفة مع المتمردين")
    # a present one tells a habit, and a verb of taking part or claiming is not the deed told
    assert not happened_main(coder, "وقال المتحدث إن المتمردين يشنون هجمات على القرى")
    assert not happened_main(coder, "وقال المتحدث إن الحركة تبنت الهجوم على القرية")



# ------------------------------------------------------------------------------------------ calling the pass directly

def salience_of(coder, text, word, nominal=False):
    """The salience pass's reading of the trigger `word`, the main clause starting where the coder says it does."""
    p = parse(coder, text)
    first = p.trigger(word).first
    start = coder._main_start(p.tokens, p.sentence, p.text, first)
    return coder.salience.of(p.text, p.tokens, p.sentence, first, start, nominal)


def test_of_the_event_of_the_main_clause_is_main_and_a_word_of_its_frame_is_not(coder):
    p = parse(coder, "قال الجيش إن الطائرات قصفت مواقع المسلحين")
    start = coder._main_start(p.tokens, p.sentence, p.text, p.trigger("قصفت").first)
    assert start == p.token("الطائرات")  # the main clause opens after إن
    assert coder.salience.of(p.text, p.tokens, p.sentence, p.trigger("قصفت").first, start) == "main"
    assert coder.salience.of(p.text, p.tokens, p.sentence, p.token("الجيش"), start) == "background"


def test_of_an_event_more_than_twelve_words_into_its_clause_is_background(coder):
    late = ("وأوضح المتحدث في مؤتمر صحفي عقده في العاصمة مساء أمس بحضور عدد كبير من الصحفيين والمراسلين "
            "أن الطائرات قصفت مواقع المسلحين")
    assert salience_of(coder, "قصفت الطائرات مواقع المسلحين", "قصفت") == "main"
    assert salience_of(coder, late, "قصفت") == "background"


def test_of_an_event_after_a_background_preposition_or_spoken_about_is_background(coder):
    # تظاهر المئات بعد اغتيال ناشط: the protest is the news, the killing what it followed
    assert salience_of(coder, "تظاهر المئات أمس بعد اغتيال ناشط في المدينة", "تظاهر") == "main"
    assert salience_of(coder, "تظاهر المئات أمس بعد اغتيال ناشط في المدينة", "اغتيال") == "background"
    # تحدث التقرير عن عمليات اغتيال: a noun after عن is what is spoken about (a verb there is not)
    assert salience_of(coder, "وتحدث التقرير عن عمليات اغتيال في عدة مدن", "اغتيال", nominal=True) == "background"
    assert salience_of(coder, "وتحدث التقرير عن عمليات اغتيال في عدة مدن", "اغتيال", nominal=False) == "main"


def test_told_earlier_is_before_today(coder):
    def earlier(text, word):
        p = parse(coder, text)
        return coder.salience.told_earlier(p.tokens, p.sentence, [p.trigger(word)])

    assert earlier("أفرج مسلحون عن سائحتين خطفتا في المدينة في وقت سابق", "خطفتا")
    assert not earlier("أفرج مسلحون عن سائحتين خطفتا في المدينة في وقت سابق", "أفرج")
    assert not earlier("قتل ثلاثة جنود في هجوم على حاجز في وقت سابق اليوم", "هجوم")  # earlier today
