"""The modality pass (passes.modality): negated, future, hypothetical, generic, intended, claimed, reported
or asserted."""

from __future__ import annotations

import pytest

from tests.coder.conftest import PUBLISHED, events, one, of_type, happened_main, parse


# ------------------------------------------------------------------------------------------ through coder.code()

@pytest.mark.parametrize("sentence, modality", [
    ("لم تقصف الطائرات أي هدف في المدينة", "negated"),
    ("نفى الجيش قصف المستشفى", "negated"),
    ("سيقصف الجيش مواقع المتمردين إذا لم ينسحبوا", "future"),
    ("تعتزم القوات شن هجوم على المدينة", "future"),
    ("هل قصفت الطائرات الأمريكية المستودع؟", "hypothetical"),
    ("قال الجيش إن طائراته قصفت مستودعا للأسلحة", "reported"),
    ("تبنت جماعة مسلحة مسؤولية تفجير استهدف الشرطة", "claimed"),
    # necessity and training: nothing happened yet
    ("وقال إنه لا بد من توجيه ضربات جوية للقوات الغازية", "hypothetical"),
    # multiword cues: "if", "it is possible that"
    ("وقال إنه في حال قصفت الطائرات الأمريكية المدينة فإن الرد سيكون قاسيا", "hypothetical"),
    ("وقال إن من الممكن أن الطائرات قصفت المدينة أمس", "hypothetical"),
    ("وكثيرا ما تقصف الطائرات القرى الحدودية في الليل", "generic"),
    ("من الذي قصف المستشفى في المدينة أمس", "hypothetical"),  # a question opened by a phrase
    ("وقالت المصادر إن مفجرين تدربوا على تنفيذ هجوم انتحاري ضد الرئيس", "hypothetical"),
])
def test_modality(coder, sentence, modality):
    found = [e for e in events(coder, sentence) if e.event_type == "ASSAULT"]
    assert found and found[0].modality == modality, [(e.trigger["text"], e.modality) for e in found]


def test_a_future_or_obligation_frame_with_an_reaches_the_clause_after_it(coder):
    # the frame word is five or more words before the trigger, beyond the future list's four-word window
    planned = one(coder, "ومن المقرر أن يشهد يوم الجمعة المقبل مسيرات احتجاجية على حدود القطاع", "PROTEST")
    assert planned.modality == "future"
    should = one(coder, "وقال: يجب أن يكون هذا اليوم مظاهرة سلمية في البصرة", "PROTEST")
    assert should.modality == "hypothetical"
    # a comma closes the frame's clause: what follows it is told as done
    done = one(coder, "وكان من المقرر أن يلتقي الوزيران، لكن مسلحين قصفوا المطار أمس", "ASSAULT")
    assert done.happened
    # the speakers' own plans and calls, in the first person
    assert one(coder, 'وقال: "ندعو إلى مظاهرة سلمية في البصرة تضامنا مع الجرحى"', "PROTEST").modality == "future"
    # without أن the word frames nothing: the march took place
    assert one(coder, "وخرجت مسيرات احتجاجية في البصرة أمس تطالب بالخدمات", "PROTEST").happened


def test_threatened_action_is_intended_not_an_attack(coder):
    found = events(coder, "توعدت الميليشيات بالاستمرار باستهداف القواعد الأمريكية")
    threat = [e for e in found if e.event_type == "THREATEN"]
    assert threat and threat[0].happened
    assert all(not e.happened for e in found if e.event_type == "ASSAULT")


def test_habits_and_kinds_of_crime_are_no_events(coder):
    assert happened_main(coder, "تحدث السكان عن أكثر من عشر جرائم قتل تقع يوميا في المدينة") == []
    assert happened_main(coder, "وأصبح القتل والسرقة والنهب جزءا من حياة الناس") == []
    # a report made periodically (دوريا) counts many events, it tells none
    assert happened_main(coder, "وتذكر الوكالة الرسمية دوريا مقتل أشخاص في دمشق نتيجة قصف بقذائف الهاون") == []
    # the same noun told as one event stays one
    assert happened_main(coder, "أسفر الهجوم على الحاجز أمس عن مقتل ثلاثة جنود")


def test_purposes_and_possibilities_did_not_happen(coder):
    hostage = [e for e in coder.code("عثرت القوات على مخزن يستخدم لاحتجاز رهائن", published=PUBLISHED)
               if e.event_type == "ASSAULT"]
    assert hostage and all(e.modality == "intended" for e in hostage)
    suffered = happened_main(coder, "وتعرضت دورية للجيش لهجوم بعبوة ناسفة أمس قرب الحدود")
    assert suffered  # تعرض لـ: the attack took place
    may = [e for e in coder.code("ويخشى السكان أن يتم قصف الحي في الأيام القادمة", published=PUBLISHED)
           if e.event_type == "ASSAULT"]
    assert may and all(not e.happened for e in may)
    might = [e for e in coder.code("وحذر المسؤول من أن المسلحين قد يرتكبون مجزرة في القرية", published=PUBLISHED)
             if e.event_type == "ASSAULT"]
    assert all(not e.happened for e in might)
    foiled = [e for e in coder.code("أحبطت الشرطة هجوما على كنيسة في المدينة", published=PUBLISHED)
              if e.event_type == "ASSAULT"]
    assert foiled and all(e.modality == "negated" for e in foiled)


def test_decided_and_announced_protests_are_still_to_come(coder):
    decided = [e for e in coder.code("قرر الأهالي تسيير مظاهرة إلى مقر المحافظة", published=PUBLISHED)
               if e.event_type == "PROTEST"]
    assert decided and all(e.modality == "future" for e in decided)
    planned = [e for e in coder.code("وتشمل المظاهرات التي ستنظم في العاصمة وقفة أمام البرلمان", published=PUBLISHED)
               if e.event_type == "PROTEST"]
    assert planned and not any(e.happened and e.salience == "main" for e in planned)


def test_was_and_at_night_are_no_conditions(coder):
    # كأن and لئلا fold to كان ("was") and ليلا ("at night"): neither may make an attack hypothetical
    for sentence in ("كان مسلحون قد اغتالوا ضابطا في الشرطة في المدينة أمس",
                     "وفي ساعة متأخرة ليلا اغتال مسلحون ضابطا في الشرطة في المدينة"):
        found = happened_main(coder, sentence)
        assert found and found[0].modality in ("asserted", "reported"), sentence


def test_lists_of_crimes_purposes_and_victims_before_a_toll_noun(coder):
    assert happened_main(coder, "وقال إن ما يروج عن إبادة جماعية وتطهير عرقي واغتصاب في الإقليم كذب") == []
    ordered = [e for e in coder.code("أصدر القائد أوامر بإطلاق النار لقتل المتظاهرين في الساحة", published=PUBLISHED)
               if e.event_type == "ASSAULT" and e.trigger["text"] == "قتل"]
    assert ordered and ordered[0].modality == "intended"
    died = happened_main(coder, "ولقي ثلاثة جنود مصرعهم في هجوم على حاجز أمس")
    assert died and died[0].recipient["sector"] == "MIL" and died[0].actor is None


def test_negation_and_future_with_a_conjunction_and_denied_results(coder):
    # ولم، وسوف: the particles with و
    assert [e.modality for e in coder.code("ولم تقصف الطائرات المدينة أمس") if e.event_type == "ASSAULT"] == ["negated"]
    assert [e.modality for e in coder.code("وسوف تقصف الطائرات المواقع") if e.event_type == "ASSAULT"] == ["future"]
    # the attack took place; what is denied is its toll
    for sentence, field in (("ولم يقتل أحد في الهجوم الذي استهدف الحاجز أمس", "fatalities"),
                            ("لم تسفر الغارة على القرية أمس عن إصابات", "injured")):
        attack = [e for e in coder.code(sentence, published=PUBLISHED) if e.event_type == "ASSAULT"]
        assert attack and attack[0].happened, sentence
        assert getattr(attack[0], field)["best"] == 0, sentence


def test_prevented_attacks_counts_over_a_period_and_responses(coder):
    prevented = [e for e in coder.code("لدى الجيش تعليمات بمنع المقاتلين الأجانب من شن هجمات على تركيا عبر الحدود",
                                       published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert prevented and all(e.modality == "negated" for e in prevented)
    stopped = [e for e in coder.code("وأوقف الاتفاق بين تركيا وروسيا شن هجوم على المدينة", published=PUBLISHED)
               if e.event_type in ("ASSAULT", "AGREE")]
    # the agreement is the one that stopped it: it is not itself prevented
    assert {e.event_type: e.modality for e in stopped} == {"AGREE": "asserted", "ASSAULT": "negated"}
    total = [e for e in coder.code("وقتل نحو 123 شخصا على أيدي القوات منذ بدء الاحتجاجات في المدينة",
                                   published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert total and all(e.modality == "generic" for e in total)
    assert happened_main(coder, "وجاءت الضربات ردا على هجوم كيميائي في المدينة السبت الماضي") == [] or all(
        e.trigger["text"] != "هجوم كيميائي"
        for e in happened_main(coder, "وجاءت الضربات ردا على هجوم كيميائي في المدينة السبت الماضي"))


def test_a_foiled_attack_a_few_words_after_the_verb_did_not_happen(coder):
    foiled = [e for e in coder.code("وأكدت الوزارة أن قوات الأمن أحبطت مساء الجمعة محاولة مسلحين تفجير عبوة ناسفة قرب السوق",
                                    published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert foiled and all(e.modality == "negated" for e in foiled)
    # what the forces did next, in its own clause, did happen; and the veto is the means, not what was foiled
    killed = happened_main(coder, "أحبطت القوات محاولة تسلل للمسلحين وقتلت ثلاثة منهم قرب الحدود")
    assert killed and killed[0].trigger["text"] == "وقتلت"[1:]
    vetoed = [e for e in coder.code("وأفشلت روسيا بالفيتو مشروع القرار", published=PUBLISHED) if e.event_type == "REJECT"]
    assert vetoed and vetoed[0].modality != "negated"


def test_a_count_since_a_start_that_opens_the_clause_is_over_a_period(coder):
    for sentence in ("وقال المرصد إنه منذ بدء قوات النظام هجومها على البلدة بدعم جوي، قتل أكثر من 150 مدنيا",
                     "ومنذ بدء الاحتجاجات في المدينة قبل شهرين ونصف الشهر، قتل 40 شخصا على الأقل برصاص الشرطة"):
        found = of_type(coder, sentence)
        assert found and all(e.modality == "generic" for e in found), sentence
    # منذ later in the sentence, not opening the clause, leaves a dated event alone
    assert happened_main(coder, "قتل ثلاثة جنود أمس في هجوم على نقطة تفتيش، هو الأعنف منذ بدء العام")


def test_an_event_noun_called_necessary_did_not_happen(coder):
    for sentence in ("وجاء في الرسالة أن توجيه ضربات جوية للقوات الغازية بات أمرا لا بد منه لإنقاذ البلاد",
                     "وقال الوزير إن شن غارات على مواقع المسلحين في المدينة أصبح ضروريا"):
        found = of_type(coder, sentence)
        assert found and all(e.modality == "hypothetical" for e in found), sentence
    # a necessity in another clause, or a necessary thing named with the article, leaves the event alone
    assert happened_main(coder, "أسفرت الغارات أمس عن مقتل ثلاثة، وقال الوزير إنه لا بد من محاسبة المسؤولين")


def test_possible_strikes_did_not_happen(coder):
    for sentence in ("وقد تستهدف الطائرات قاعدة جوية في شمال البلاد خلال أيام",
                     "ويترقب سكان المدينة الغارة المحتملة على الحي"):
        found = [e for e in coder.code(sentence, published=PUBLISHED) if e.event_type == "ASSAULT"]
        assert found and not any(e.happened for e in found), sentence


def test_counts_since_a_war_or_a_year_and_scenes_on_video(coder):
    assert happened_main(coder, "وقتل 40 صحافيا منذ الغزو الذي شهدته البلاد") == []
    assert happened_main(coder, "وقتل 40 صحافيا في البلاد منذ عام 2004") == []
    assert happened_main(coder, "وقتل أربعة صحافيين في البلاد أمس")
    assert happened_main(coder, "ويشاهدون أشرطة فيديو تتضمن تعذيب الأسرى وقتلهم") == []
    assert happened_main(coder, "وقالت الحركة إنها عثرت، في غمرة مواجهات مسلحة مع خصومها، على أنفاق") == []


def test_scare_quotes_months_after_since_and_comments(coder):
    assert happened_main(coder, "لكن الشرطة «خطفته» من إحدى النوافذ أمس") == []
    assert happened_main(coder, "لكن الشرطة خطفته من إحدى النوافذ أمس")
    assert happened_main(coder, "وتعرضت البلاد إلى 44 تفجيرا منذ شهر مايو، بحسب السلطات") == []
    assert happened_main(coder, "وكتبت الصحيفة في صفحتها الاولى، معلقة على مقتل الزعيم مساء الخميس في هجوم انتحاري، أن البلاد في خطر") == []


def test_repeatedly_is_a_habit(coder):
    assert happened_main(coder, "ومنذ بدء النزاع، قصفت إسرائيل مرارا أهدافا عسكرية في سوريا") == []
    assert happened_main(coder, "وقصفت إسرائيل أمس أهدافا عسكرية في سوريا")


def test_a_campaign_since_a_date_named_before_the_event_word(coder):
    campaign = "وتشن قوات النظام منذ 18 شباط/فبراير هجوما عنيفا على الغوطة الشرقية، تسبب بمقتل أكثر من 930 مدنيا"
    assert happened_main(coder, campaign) == []
    assert happened_main(coder, "وشنت قوات النظام أمس هجوما عنيفا على الغوطة الشرقية، تسبب بمقتل 30 مدنيا")


def test_a_past_verb_beginning_with_sin_is_no_future_and_a_place_taken_supports_it(coder, geo_coder):
    # سيطر: the root's س, not سـ of the future
    took = of_type(coder, "سيطر المسلحون على مواقع للجيش", "COERCE")
    assert took and took[0].modality == "asserted"
    # an armed side taking a known place: سيطرت المقاومة، الأحد، على …
    took = happened_main(geo_coder, "سيطرت المقاومة الوطنية، الأحد، على مدينة الرمادي بعد معارك عنيفة", "COERCE")
    assert took and took[0].actor["sector"] == "REB"
    # a state of control (present tense) is no seizure
    assert happened_main(geo_coder, "ويسيطر المسلحون على مدينة الرمادي منذ سنوات", "COERCE") == []
    # بيان صادر عن: a statement issued by, not a confiscation
    assert of_type(coder, "وقالت الحركة في بيان صادر عن جناحها العسكري إنها مستعدة", "COERCE") == []


def test_a_possible_strike_with_its_nisba_is_future(coder):
    # الضربة الصاروخية الأميركية المحتملة: المحتملة after the nisba still makes it a strike that may come
    strike = of_type(coder, "وقالت زاخاروفا إن الضربة الصاروخية الأميركية المحتملة قد تكون محاولة لتدمير أدلة")
    assert strike and strike[0].modality == "future"


def test_a_time_anchor_written_with_the_article_needs_it(coder):
    # الآن، الأحد، الاثنين stripped of their article were أن، أحد، اثنين: every reported sentence was "anchored"
    habit = one(coder, "وقال المتحدث إن المسلحين يخطفون المدنيين", "ASSAULT", published=PUBLISHED)
    assert habit.modality == "generic"
    one_of = one(coder, "وقال المتحدث إن أحد المسلحين يخطف المدنيين", "ASSAULT", published=PUBLISHED)
    assert one_of.modality == "generic"
    now = one(coder, "وقال المتحدث إن المسلحين يخطفون المدنيين الآن", "ASSAULT", published=PUBLISHED)
    assert now.happened


def test_a_denial_reaches_past_a_time_word(coder):
    denied = one(coder, "ونفى الجيش التركي السبت قصف المستشفى في المدينة", "ASSAULT", published=PUBLISHED)
    assert denied.modality == "negated"


def test_a_denial_opens_the_clause_after_its_complementizer(coder):
    # نفى X أن تكون …: the strike of the أن clause is denied, with the denier's subject between
    denied = one(coder, "ونفت الولايات المتحدة أن تكون طائراتها قد قصفت المستشفى أمس", "ASSAULT", published=PUBLISHED)
    assert denied.modality == "negated"
    # a denial denied affirms, and a later clause of its own after a comma is not denied
    assert one(coder, "ولم ينف الجيش أن تكون طائراته قصفت المستشفى أمس", "ASSAULT",
               published=PUBLISHED).modality != "negated"
    later = happened_main(coder, "ونفى الجيش الاتهامات، وقال إن طائراته قصفت مواقع المسلحين أمس")
    assert later and later[0].trigger["text"] == "قصفت"
    # what is denied is hearing the recordings, not the killing they are about
    about = [e for e in coder.code("ونفى الوزير أن يكون قد استمع إلى تسجيلات عن عملية القتل في القنصلية",
                                   published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert about and about[0].modality != "negated"


def test_a_habit_phrase_makes_a_habit_within_its_clause(coder):
    # كل يوم، بشكل شبه يومي: a habit, not one event
    assert happened_main(coder, "وتتعرض المدينة للقصف كل يوم منذ بداية الحصار") == []
    assert happened_main(coder, "وتقصف الطائرات الروسية المدينة بشكل شبه يومي") == []
    # the habit of another clause says nothing of this one's event
    killed = happened_main(coder, "وقتل شقيقه في قصف على المدينة الصيف الماضي، ويفكر في ذلك كل يوم")
    assert killed and killed[0].event_type == "ASSAULT"


def test_a_verb_of_denial_denies_the_act_named_past_its_subject(coder):
    # نفى + the denier + a light verb + the event noun: the strike is denied
    assert one(coder, "ونفى الجيش الإسرائيلي شن غارات على دمشق", "ASSAULT", published=PUBLISHED).modality == "negated"
    assert one(coder, "ونفى المتحدث باسم الجيش الإسرائيلي في بيان شن غارات على دمشق", "ASSAULT",
               published=PUBLISHED).modality == "negated"
    # a denial denied affirms
    assert one(coder, "ولم ينف الجيش الإسرائيلي شن غارات على دمشق", "ASSAULT", published=PUBLISHED).happened
    # the denier's part is denied, not the attack
    assert one(coder, "ونفى مسؤوليته عن الهجوم الذي استهدف السفارة أمس", "ASSAULT", published=PUBLISHED).happened
    # another event's word between: the one who denies was hit
    hit = one(coder, "نفى شاب فلسطيني أصيب برصاص القناصة الإسرائيليين، أن يكون قد شكل أي خطر عليهم", "ASSAULT",
              published=PUBLISHED)
    assert hit.happened
    # denying an accusation does not undo it
    assert one(coder, "ونفى مسؤولون سعوديون هذه الاتهامات", "ACCUSE", published=PUBLISHED).modality != "negated"



# ------------------------------------------------------------------------------------------ calling the pass directly

def modality_of(coder, text, word, anchored=False):
    p = parse(coder, text)
    return coder.modality.of(p.tokens, p.sentence, p.trigger(word), p.triggers, anchored, p.text, p.light)


def test_of_reads_negation_and_the_future_before_the_verb(coder):
    assert modality_of(coder, "لم يقتل أحد في الهجوم", "يقتل") == "negated"
    assert modality_of(coder, "ونفى الجيش قصف المستشفى", "قصف") == "negated"
    assert modality_of(coder, "سيقصف الجيش مواقع المتمردين", "سيقصف") == "future"
    assert modality_of(coder, "قصفت الطائرات مواقع المتمردين", "قصفت") == "asserted"


def test_of_makes_a_threatened_act_intended_and_leaves_the_threat_asserted(coder):
    # توعد الحوثيون باستهداف السفن: the threat was made; the targeting is what they threaten
    assert modality_of(coder, "توعد الحوثيون باستهداف السفن", "استهداف") == "intended"
    assert modality_of(coder, "توعد الحوثيون باستهداف السفن", "توعد") == "asserted"


def test_of_a_question_is_hypothetical_and_a_present_verb_without_anchor_generic(coder):
    assert modality_of(coder, "هل قصفت الطائرات المستودع؟", "قصفت") == "hypothetical"
    # تقصف الطائرات القرى: a habit, unless the sentence ties it to a time or place (the caller's anchored)
    assert modality_of(coder, "تقصف الطائرات القرى الحدودية", "تقصف") == "generic"
    assert modality_of(coder, "تقصف الطائرات القرى الحدودية", "تقصف", anchored=True) == "asserted"


def test_of_tells_reported_and_claimed_events_from_asserted_ones(coder):
    assert modality_of(coder, "قال الجيش إن طائراته قصفت مستودعا للأسلحة", "قصفت") == "reported"
    assert modality_of(coder, "تبنت جماعة مسلحة مسؤولية تفجير استهدف الشرطة", "تفجير") == "claimed"


def test_listed_crime_is_a_kind_of_crime_in_a_list(coder):
    listed = parse(coder, "وأصبح القتل والسرقة والنهب جزءا من حياة الناس")
    assert coder.modality.listed_crime(listed.tokens, [listed.trigger("القتل")], listed.triggers)
    single = parse(coder, "وأسفر القتل في المدينة عن حالة من الرعب")
    assert not coder.modality.listed_crime(single.tokens, [single.trigger("القتل")], single.triggers)


def test_an_attack_described_by_a_verb_after_its_noun_is_still_foiled(coder):
    # the verb كان يستهدف describes the noun هجوما, which أحبطت governs
    event = one(coder, "أحبطت قوات الأمن أمس هجوما إرهابيا كان يستهدف كنيسة", "ASSAULT")
    assert event.modality == "negated"
