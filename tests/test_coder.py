"""The event coder's rules, each on sentences written for the purpose (no geocoder unless needed)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from etl.extraction.coder import EventCoder
from etl.extraction.pipeline import make_coder
from tests.geo_fixture import gazetteer

PUBLISHED = datetime(2024, 1, 24, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return make_coder(geocode=False)


@pytest.fixture(scope="module")
def geo_coder() -> EventCoder:
    from etl.geo.geocoder import Geocoder

    c = make_coder(geocode=False)
    c.geocoder = Geocoder(gazetteer())
    return c


def events(coder, text, **kw):
    return [e for e in coder.code(text, **kw)]


def one(coder, text, type_=None, **kw):
    found = [e for e in coder.code(text, **kw) if type_ is None or e.event_type == type_]
    assert len(found) == 1, [(e.event_type, e.trigger["text"]) for e in found]
    return found[0]


# ------------------------------------------------------------------------------------------ triggers

def test_verb_inflections_and_clitics_are_found(coder):
    for sentence in ("قصفت الطائرات الحربية مواقع للمسلحين", "وقصفوا المدينة بالمدفعية", "يقصفون القرى منذ الصباح",
                     "واستهدفته طائرة مسيرة أمس"):
        event = one(coder, sentence, "ASSAULT")
        assert sentence[event.trigger["start"]:event.trigger["end"]] == event.trigger["text"]


def test_longest_phrase_wins_and_names_are_no_triggers(coder):
    ceasefire = events(coder, "أعلن الطرفان وقف إطلاق النار في المدينة")
    assert [e.event_type for e in ceasefire] == ["RETREAT"]  # not a shooting
    mobilized = events(coder, "قال قائد في الحشد الشعبي إن الوضع هادئ")
    assert all(e.event_type != "MOBILIZE" for e in mobilized)  # الحشد inside a name


def test_dawn_is_not_a_bombing(coder):
    assert events(coder, "وصل الوفد فجر اليوم الأربعاء إلى العاصمة") == []
    assert one(coder, "فجر انتحاري نفسه وسط سوق شعبي أمس", "ASSAULT").mode == "suicide"


def test_weak_words_need_support(coder):
    assert events(coder, "استهدفت الخطة الحكومية الفقراء في الأرياف") == []  # استهدف: another sense
    assert one(coder, "استهدف مسلحون دورية للشرطة بعبوة ناسفة", "ASSAULT").mode == "explosives"
    assert [e for e in events(coder, "تلقى الاقتصاد ضربة قوية من الأزمة") if e.event_type == "ASSAULT"] == []


def test_every_plover_type_has_a_sentence(coder):
    sentences = {
        "AGREE": "تعهدت الحكومة بإجراء انتخابات مبكرة",
        "CONSULT": "التقى وزير الخارجية العراقي نظيره الإيراني في بغداد أمس",
        "SUPPORT": "أشاد الرئيس الفرنسي بدور الجيش اللبناني",
        "COOPERATE": "وقع البلدان على اتفاق للتعاون العسكري والتنسيق الأمني",
        "AID": "أرسلت الإمارات قافلة مساعدات إنسانية إلى غزة",
        "CONCEDE": "أعلن رئيس الوزراء استقالته بعد أسابيع من الاحتجاجات",
        "RETREAT": "أفرجت السلطات عن عشرين معتقلا أمس",
        "REQUEST": "طالب البرلمان الحكومة بتقديم الموازنة",
        "ACCUSE": "اتهمت وزارة الخارجية إيران بتسليح الميليشيات",
        "REJECT": "رفضت حركة حماس المقترح الأمريكي",
        "THREATEN": "هدد الحوثيون باستهداف السفن في البحر الأحمر",
        "PROTEST": "تظاهر آلاف الطلاب أمس أمام مبنى البرلمان",
        "SANCTION": "فرضت الولايات المتحدة عقوبات جديدة على شركات إيرانية",
        "MOBILIZE": "دفع الجيش التركي بتعزيزات عسكرية إلى الحدود",
        "COERCE": "اعتقلت قوات الأمن عشرة أشخاص في حملة مداهمات",
        "ASSAULT": "قتل ثلاثة مدنيين في قصف مدفعي على البلدة",
    }
    for type_, sentence in sentences.items():
        found = {e.event_type for e in events(coder, sentence)}
        assert type_ in found, (type_, sentence, found)


# ------------------------------------------------------------------------------------------ roles

def test_verb_subject_object_and_subject_verb_object(coder):
    vso = one(coder, "قصفت القوات الإسرائيلية مواقع حزب الله في الجنوب", "ASSAULT")
    assert (vso.actor["country"], vso.actor["sector"]) == ("ISR", "MIL")
    assert vso.recipient["id"] == "org:hezbollah"
    svo = one(coder, "وقال مصدر إن الجيش السوري قصف مواقع المعارضة", "ASSAULT")
    assert (svo.actor["country"], svo.actor["sector"]) == ("SYR", "MIL")


def test_passive_victim_and_agent_after_marker(coder):
    event = one(coder, "قُتل ثلاثة جنود عراقيين برصاص مسلحين مجهولين", "ASSAULT")
    assert (event.recipient["country"], event.recipient["sector"]) == ("IRQ", "MIL")
    assert event.actor["sector"] == "UAF"
    passive = one(coder, "اغتيل قيادي في حماس على يد مسلحين", "ASSAULT")
    assert passive.mode == "assassinate" and passive.actor["sector"] == "UAF"


def test_a_marker_far_after_the_verb_that_names_no_one_keeps_the_subject(coder):
    # "في غارة شنتها ليلا" names no other agent: the forces after the verb killed the militants
    far = one(coder, "وقتلت قوات الأمن الباكستانية ستة متشددين في غارة شنتها ليلا شمال غربي البلاد", "ASSAULT")
    assert far.actor["country"] == "PAK" and far.recipient["sector"] == "REB"
    # right after the noun, the marker makes the verb passive: the Palestinian was shot
    near = one(coder, "قتل فلسطيني بالرصاص بعدما طعن مستوطنا", "ASSAULT")
    assert near.actor is None and near.recipient["country"] == "PSE"


def test_a_member_of_an_organisation_is_coded_as_the_organisation(coder):
    # من / في, perhaps with the kind of organisation and quotes, between a kind of person and its name
    member = one(coder, "قتلت القوات الأميركية 11 مسلحا من تنظيم «القاعدة» غرب تكريت", "ASSAULT")
    assert member.recipient["id"] == "org:al-qaeda" and member.actor["country"] == "USA"
    # the member keeps its head's case: the accusative after the verb is the object, not the subject
    object_ = one(coder, "اغتالت وحدة إسرائيلية خاصة أمس ناشطا في كتائب الأقصى", "ASSAULT")
    assert object_.recipient["id"] == "org:al-aqsa-brigades" and object_.actor["country"] == "ISR"
    # not any word in between: "in an attack by" is no membership
    apart = one(coder, "قتل مسلحون في هجوم على حزب الله", "ASSAULT")
    assert apart.actor["sector"] == "UAF"


def test_an_indefinite_accusative_after_the_verb_is_its_object(coder):
    deploy = one(coder, "وذكرت الصحيفة إن فرنسا نشرت 50 جنديا في منبج لدعم وحدات حماية الشعب الكردية", "MOBILIZE")
    assert deploy.actor["country"] == "FRA" and deploy.recipient["sector"] == "MIL"


def test_the_accusative_of_a_kind_of_agent_is_generated(coder):
    from etl.extraction.lexicon import accusative_form

    assert accusative_form("متمرد") == "متمردا" and accusative_form("مقاتل") == "مقاتلا"
    # no alif on teh marbuta, sound plurals, the definite, phrases; nisbas are mostly adjectives (موقعا عسكريا)
    assert [accusative_form(w) for w in ("خلية", "مسلحون", "المسلح", "مسلح مجهول", "عسكري")] == [None] * 5
    victims = one(coder, "وذكر التحالف أمس أن ثلاثين متمردا قتلوا في مواجهات مع القوات الأفغانية", "ASSAULT")
    assert victims.recipient["sector"] == "REB"
    object_ = one(coder, "وقالت الشرطة إن المسلحين قتلوا مقاتلا في الحي", "ASSAULT")
    assert object_.recipient["text"] == "مقاتلا" and object_.actor["sector"] == "UAF"
    # a nisba in the accusative qualifies the noun before it
    site = one(coder, "استهدفت الغارات مجمعا عسكريا في المنطقة", "ASSAULT")
    assert site.actor is None


def test_a_killing_verb_with_no_object_after_it_is_passive(coder):
    # nothing after the verb but a preposition: the fighter was killed, the drone's country struck
    passive = one(coder, "قال مسؤولون إن مقاتلا قتل بعدما أطلقت طائرة أميركية صاروخا على المنطقة", "ASSAULT")
    assert passive.recipient["text"] == "مقاتلا" and passive.actor["country"] == "USA"
    slain = one(coder, "وقال المرصد إن جنديين من القوات الحكومية قتلا في القصف", "ASSAULT")
    assert slain.actor is None and slain.recipient["sector"] == "MIL"
    # the object on the verb keeps it active: the special forces killed him
    active = one(coder, "واستطاعت القوات الخاصة الأمريكية قتله بالرصاص في باكستان", "ASSAULT")
    assert active.actor["country"] == "USA" and active.recipient is None


def test_a_subject_is_not_sought_across_a_complementizer(coder):
    # الرياض is the subject of تعد, not of the killing told after بأن
    found = one(coder, "أفادت وسائل إعلام بأن الرياض تعد بيانا تقر فيه بأن خاشقجي قتل خلال استجوابه", "ASSAULT")
    assert found.actor is None and found.recipient["id"] == "person:khashoggi"


def test_the_owner_of_a_target_named_with_its_belonging_word_is_hit(coder):
    found = one(coder, "وقالت الوكالة إن سيارة مفخخة فجرت حافلة مملوكة للحرس الثوري", "ASSAULT")
    assert found.actor is None and found.recipient["country"] == "IRN"


def test_a_topic_before_a_verb_with_an_object_pronoun_and_its_agent_after(coder):
    from etl.extraction.lexicon import construct_form

    assert construct_form("مقاتلون") == "مقاتلو" and construct_form("المقاتلون") is None
    # the soldiers are the pronoun on خطفهم; the fighters after the verb are its subject
    found = one(coder, "وأفاد مصدر أمس بأن جنودا خطفهم مقاتلو الطوارق الشهر الماضي", "ASSAULT")
    assert found.actor["text"] == "مقاتلو" and found.recipient["text"] == "جنودا"
    # with no agent after the verb, the noun before is its subject
    svo = one(coder, "وقالت الشرطة إن مسلحين خطفوه أمس", "ASSAULT")
    assert svo.actor["sector"] == "UAF" and svo.recipient is None


def test_a_second_verb_after_a_killing_verb_leaves_it_without_object(coder):
    found = one(coder, "وقال العميد إن خمسة من عناصر الشرطة قتلوا وأصيب خمسة آخرون في هجوم انتحاري", "ASSAULT")
    assert found.recipient["sector"] == "COP" and (found.actor is None or found.actor["sector"] != "COP")


def test_a_unit_of_a_force_is_no_place(coder):
    # من after a unit (فرقة مظلية من قوات …) names the force it belongs to, which acts
    found = one(coder, "وكانت فرقة مظلية من قوات الجيش قد قتلت أمس أربعة مسلحين", "ASSAULT")
    assert found.actor["sector"] == "MIL" and found.recipient["sector"] == "UAF"


def test_the_owner_of_a_machine_named_after_an_agent_marker_acts(coder):
    found = one(coder, "أعلن مسؤول مقتل ثلاثة مسلحين في غارة شنتها طائرة بدون طيار تابعة للقوات الأمريكية", "ASSAULT")
    assert found.actor["country"] == "USA"
    # and those counted as killed before the event noun are the ones it hit
    assert found.recipient["text"] == "مسلحين"


def test_a_female_suicide_bomber_acts(coder):
    found = one(coder, "وفجرت انتحارية نفسها وسط مأدبة إفطار في بلدة بلدروز أمس", "ASSAULT")
    assert found.actor["sector"] == "UAF"


def test_a_statement_published_is_no_deployment(coder):
    published = [e for e in coder.code("وقالت الوزارة في بيان نشرته الوكالة إن وحدات من الشرطة تعمل في المدينة")
                 if e.event_type == "MOBILIZE"]
    assert published == []


def test_a_multiword_preposition_right_before_an_event_puts_it_in_the_background(coder):
    # "من أجل رفع العقوبات": the lifting is what the deal was for, not something reported done
    found = [e for e in coder.code("ووقعت طهران على الاتفاق أمس من أجل رفع العقوبات الاقتصادية", published=PUBLISHED)
             if e.event_type == "RETREAT"]
    assert found and all(e.salience == "background" for e in found)


def test_hundreds_of_is_partitive(coder):
    # مئات من الجنود: some of the soldiers (the key of مئات is folded: ميات), not "from" a place
    assert one(coder, "قتل مئات من الجنود في الهجوم", "ASSAULT").recipient["sector"] == "MIL"


def test_who_reports_that_it_carried_out_an_attack_is_its_actor(coder):
    found = happened_main(coder, "أعلن الجيش الإسرائيلي أنه شن ليل السبت غارة ضد أهداف تابعة لحركة حماس في قطاع غزة")
    assert found and found[0].actor["country"] == "ISR" and found[0].recipient["id"] == "org:hamas"
    # an impersonal light verb has no agent: the spokesman's movement did not make the agreement alone
    agreed = [e for e in coder.code("قال الناطق باسم حركة حماس إنه تم التوصل إلى اتفاق لوقف إطلاق النار")
              if e.event_type == "AGREE"]
    assert agreed and all(e.actor is None for e in agreed)


def test_a_leader_described_before_an_organisation_is_one_of_its_people(coder):
    leader = one(coder, "قتلت غارة جوية للتحالف أمس قائدا عسكريا كبيرا في ميليشيات الحوثي", "ASSAULT")
    assert leader.recipient["id"] == "org:houthis"
    # a counted group after the event noun is hit, not the one who struck
    counted = one(coder, "أسفرت الغارة أمس عن مقتل أحد القيادات البارزة في تنظيم «القاعدة»", "ASSAULT")
    assert counted.actor is None and counted.recipient["id"] == "org:al-qaeda"
    # up to three words of description (the unit he commands)
    commander = one(coder, "وقتل أمس قائد قوات التدخل السريع في ميليشيات الحوثي في كمين مسلح", "ASSAULT")
    assert commander.recipient["id"] == "org:houthis"


def test_the_killed_of_a_group_are_some_of_it(coder):
    found = one(coder, "وتبنى تنظيم داعش أمس هجوما انتحاريا أوقع 14 قتيلا من قوات الجيش في محافظة درعا", "ASSAULT")
    assert found.actor["id"] == "org:isis" and found.recipient["sector"] == "MIL"


def test_a_capital_after_countryside_or_surroundings_is_a_place(coder):
    found = one(coder, "وقصفت الطائرات أمس بلدة جمرايا في ريف دمشق", "ASSAULT")
    assert found.recipient is None or "دمشق" not in found.recipient["text"]


def test_through_names_the_agent(coder):
    found = one(coder, "وقال التقرير إن مدنيين قتلوا أمس من خلال قناصة الحوثيين في المدينة", "ASSAULT")
    assert found.actor["id"] == "org:houthis" and found.recipient["sector"] == "CVL"


def test_a_protest_in_front_of_an_institution_is_aimed_at_it(coder):
    found = one(coder, "وتظاهر الآلاف السبت أمام البرلمان التونسي", "PROTEST")
    assert found.recipient["country"] == "TUN" and (found.actor is None or found.actor["sector"] != "LEG")


def test_an_armed_side_announcing_its_attack_and_a_target_in_a_construct_chain(coder):
    found = one(coder, "وأعلن الحوثيون قصف مركز معلومات وزارة الدفاع السعودية بصاروخ باليستي أمس", "ASSAULT")
    assert found.actor["id"] == "org:houthis" and found.recipient["country"] == "SAU"
    # a source, or one who reports casualties, does not claim the attack
    source = one(coder, "وبحسب الجيش الإسرائيلي، سقط صاروخ على مدينة سديروت أمس", "ASSAULT")
    assert source.actor is None
    observatory = one(coder, "وأعلن المرصد قصف مدينة دوما أمس", "ASSAULT")
    assert observatory.actor is None


def test_the_counted_group_of_a_hedged_toll_is_the_recipient(coder):
    found = one(coder, "قتل ما لا يقل عن 8 من عناصر مليشيات الحوثي أمس بنيران القوات الحكومية", "ASSAULT")
    assert found.recipient["id"] == "org:houthis"


def test_yasser_and_their_families_are_no_capture(coder):
    assert [e for e in coder.code("احتجاجا على مقتل الصحفي ياسر مرتجى السبت الماضي") if e.mode == "abduct"] == []
    assert coder.code("وكان 77 عسكريا وأفراد أسرهم قد قتلوا في تحطم طائرة") == [] or all(
        e.trigger["text"] != "أسرهم" for e in coder.code("وكان 77 عسكريا وأفراد أسرهم قد قتلوا في تحطم طائرة"))


def test_the_genitive_of_a_destruction_is_what_was_destroyed(coder):
    destroyed = one(coder, "أعلن الجيش تدمير الطائرات الروسية في المطار أمس", "ASSAULT")
    assert destroyed.recipient["country"] == "RUS" and destroyed.actor["country"] != "RUS"
    # a nisba right on a strike still names who struck
    strike = one(coder, "أسفرت غارة إسرائيلية أمس عن مقتل خمسة أشخاص", "ASSAULT")
    assert strike.actor["country"] == "ISR"


def test_noun_with_adjective_and_light_verb_subject(coder):
    adjective = one(coder, "أسفرت غارة إسرائيلية على خان يونس عن مقتل خمسة أشخاص", "ASSAULT")
    assert adjective.actor["country"] == "ISR" and adjective.mode == "aerial"
    light = one(coder, "شنت الولايات المتحدة ضربات جوية ضد مواقع لكتائب حزب الله", "ASSAULT")
    assert light.actor["id"] == "country:USA" and light.recipient["id"] == "org:kataib-hezbollah"


def test_person_takes_the_role_held_on_the_date(coder):
    before = one(coder, "اتهم نتنياهو حركة حماس بخرق الهدنة", "ACCUSE",
                 published=datetime(2020, 5, 1, tzinfo=timezone.utc))
    assert (before.actor["country"], before.actor["sector"]) == ("ISR", "GOV")
    out_of_office = one(coder, "اتهم نتنياهو حركة حماس بخرق الهدنة", "ACCUSE",
                        published=datetime(2022, 1, 1, tzinfo=timezone.utc))
    assert out_of_office.actor["sector"] == "ELI"


# ------------------------------------------------------------------------------------------ modality

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


def test_a_verb_of_gathering_needs_a_crowd_for_its_subject(coder):
    def rallies(text):
        return [e for e in coder.code(text, published=PUBLISHED) if e.event_type == "PROTEST" and e.happened]

    # a crowd right after the verb (past amounts and a time) or right before it gathers
    assert rallies("وتجمع أكثر من 40 ألف فلسطيني أمس قرب السياج الحدودي")
    assert rallies("وقال مراسلون إن نحو 1300 شخص تجمعوا مساء أمس في وسط عمان")
    assert rallies("وتجمع فيها مئات من الشباب أمس في القاعة")
    # a crowd elsewhere in the sentence does not make one: she collects, it brings together, garbage piles up
    assert not rallies("واستطاعت أن تجمع توقيعات أكثر من 14 ألف رجل وامرأة على عريضة أمس")
    assert not rallies("وتجمع هذه الجماعة بين سكان لندن واللاجئين أمس")
    assert not rallies("وتتجمع أكوام القمامة في أزقة المخيم أمس ولا تكفي الخدمات حاجة السكان")


def test_fire_into_the_air_is_no_attack_and_opened_fire_is_one(coder):
    def attacks(text):
        return [e for e in coder.code(text, published=PUBLISHED) if e.event_type == "ASSAULT" and e.happened]

    # shots into the air or warning shots hit no one
    assert not attacks("وأطلقت الشرطة النار في الهواء أمس لتفريق المتظاهرين أمام مبنى البلدية")
    assert not attacks("وأطلق الجنود طلقات تحذيرية أمس قرب السياج")
    # fired at someone, it is an attack, even with the air named after the target
    assert attacks("وأطلق مسلحون النار أمس على المتظاهرين في الهواء الطلق")
    # فتح النار with its subject between the verb and the fire
    opened = attacks("وفتحت قوات الأمن النار أمس على متظاهرين في البصرة")
    assert opened and opened[0].mode == "firearms" and opened[0].actor["sector"] == "COP"
    assert not attacks("وفتحت السلطات المعبر أمس أمام المسافرين")


def test_who_tells_of_an_attack_is_not_its_actor(coder):
    def attack(text):
        found = [e for e in coder.code(text, published=PUBLISHED) if e.event_type == "ASSAULT" and e.happened]
        assert found, text
        return found[0]

    # the nation of the sources, one named after بحسب / نقلا عن: they tell, they did not strike
    assert attack("وأعلنت مصادر أمنية وطبية عراقية أمس مقتل ستة أشخاص في انفجار سيارة مفخخة").actor is None
    assert attack("وقتل ثلاثة مدنيين أمس في غارة جوية بحسب المسؤولين الباكستانيين").actor is None
    # a source that acts is still the actor, and a side named beside the source keeps its part
    assert attack("وقصفت الطائرات الروسية أمس، بحسب ما أعلن المرصد السوري، مواقع للمعارضة").actor["country"] == "RUS"
    welcome = [e for e in coder.code("ورحب مصدر سعودي مسؤول أمس بقرار الحكومة", published=PUBLISHED)
               if e.event_type == "SUPPORT"]
    assert welcome and welcome[0].actor["country"] == "SAU"


def test_a_funeral_a_vote_or_a_flight_is_no_rally(coder):
    def rallies(text):
        return [e for e in coder.code(text, published=PUBLISHED) if e.event_type == "PROTEST" and e.happened]

    assert rallies("وتجمع آلاف اليمنيين أمس في صعدة أمام مبنى المحافظة")
    assert not rallies("وتجمع آلاف اليمنيين أمس في صعدة لتشييع جثامين 29 طفلا")
    assert not rallies("واحتشد المصريون أمس أمام لجان الاقتراع في القاهرة")
    assert not rallies("وقال المرصد إن عشرات الآلاف تجمعوا أمس عند الحدود فيما فر آلاف آخرون صوب الجولان")
    # a funeral that is a protest says so
    assert rallies("وخرج الآلاف أمس في جنازة الشاب احتجاجا على مقتله")
    # after the prayers is a time, not what the crowd gathered for
    assert rallies("وتجمع حوالي 700 متظاهر أمس بعد صلاة الجمعة أمام الجامع")
    assert not rallies("وتجمع حوالي 700 شخص أمس لأداء صلاة الجمعة في الجامع")


def test_threatened_action_is_intended_not_an_attack(coder):
    found = events(coder, "توعدت الميليشيات بالاستمرار باستهداف القواعد الأمريكية")
    threat = [e for e in found if e.event_type == "THREATEN"]
    assert threat and threat[0].happened
    assert all(not e.happened for e in found if e.event_type == "ASSAULT")


def test_background_event_is_kept_but_not_main(coder):
    found = events(coder, "تظاهر المئات أمس بعد اغتيال ناشط في المدينة")
    kinds = {(e.event_type, e.salience) for e in found}
    assert ("PROTEST", "main") in kinds and ("ASSAULT", "background") in kinds


def test_two_attacks_in_one_sentence_stay_two(coder):
    found = [e for e in events(coder, "جاء القصف الأمريكي بعد أيام على استهداف الميليشيات لقاعدة جوية بصواريخ، ما أدى "
                                      "إلى إصابة أربعة جنود أمريكيين") if e.event_type == "ASSAULT"]
    assert len(found) == 2
    later = max(found, key=lambda e: e.trigger["start"])
    assert later.injured and later.injured["best"] == 4
    assert not (min(found, key=lambda e: e.trigger["start"]).injured)


# ------------------------------------------------------------------------------------------ toll, date, place

def test_casualties_low_best_high(coder):
    event = one(coder, "قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارة مفخخة", "ASSAULT")
    assert event.fatalities["best"] == 18
    assert event.injured["best"] == 10 and event.injured["high"] == 99  # tens: 10 (casualties.yaml vague_tolls)
    words = one(coder, "أسفر القصف عن مقتل ثلاثة أطفال وإصابة خمسة آخرين", "ASSAULT")
    assert (words.fatalities["best"], words.injured["best"]) == (3, 5)


def test_accident_toll_is_no_assault(coder):
    assert [e for e in events(coder, "مقتل خمسة أشخاص في حادث سير على الطريق الدولي") if e.event_type == "ASSAULT"] == []


def test_date_defaults_to_publication(coder):
    event = one(coder, "قصفت الطائرات مواقع للمسلحين", "ASSAULT", published=PUBLISHED)
    assert event.date == "2024-01-24" and event.date_precision == "day"


def test_event_place_is_where_not_who(geo_coder):
    event = one(geo_coder, "شنت واشنطن غارات على منطقة جرف النصر شمال بابل", "ASSAULT")
    assert event.actor["country"] == "USA"
    assert event.locations[0]["name_en"] == "Jurf al-Nasr"
    assert all(place["name_en"] != "Washington" for place in event.locations)


def test_local_kinds_of_agent_take_the_country_of_the_event_place(geo_coder):
    # civilians named without a country, in Fallujah: Iraqi civilians, marked as read from the place
    local = one(geo_coder, "قتل ثلاثة مدنيين في انفجار عبوة ناسفة في الفلوجة أمس", "ASSAULT")
    assert (local.recipient["country"], local.recipient["country_from"]) == ("IRQ", "place")
    # soldiers may be foreign: no country from the place; a named country is kept as named
    soldiers = one(geo_coder, "قتل ثلاثة جنود في انفجار عبوة ناسفة في الفلوجة أمس", "ASSAULT")
    assert soldiers.recipient["country"] is None and "country_from" not in soldiers.recipient
    named = one(geo_coder, "قتل ثلاثة مدنيين سوريين في انفجار عبوة ناسفة في الفلوجة أمس", "ASSAULT")
    assert named.recipient["country"] == "SYR" and "country_from" not in named.recipient


def test_a_place_after_a_multiword_locative_is_where(geo_coder):
    coder = geo_coder
    near = coder.places._after_locative
    from etl.text.tokens import tokenize

    text = "انفجرت سيارة مفخخة أمس بالقرب من الفلوجة"
    tokens = tokenize(text)
    assert near(tokens, text.index("الفلوجة"))  # (بالقرب من: a phrase of the locative list)
    assert not near(tokens, text.index("سيارة"))


def test_offsets_point_into_the_text(coder):
    text = "وفي تطور آخر،   قصفت المدفعية بلدة حدودية.\nواعتقلت الشرطة خمسة مشتبه بهم."
    for event in events(coder, text):
        for part in (event.trigger, event.sentence):
            assert text[part["start"]:part["end"]] == part["text"]
        if event.actor:
            assert text[event.actor["start"]:event.actor["end"]] == event.actor["text"]


def test_a_war_total_is_no_event_toll(coder):
    found = [e for e in events(coder, "أسفرت الحرب عن مقتل أكثر من 500 ألف شخص منذ عام 2011") if e.event_type == "ASSAULT"]
    assert found and not any(e.happened for e in found)
    assert one(coder, "قتل 45 شخصا في تفجير انتحاري استهدف سوقا شعبية", "ASSAULT").happened


def test_a_definite_event_noun_refers_to_an_event_told_before(coder):
    reference = [e for e in events(coder, "وكانت صدمة الاغتيال كبيرة على أصدقائه في بيروت") if e.event_type == "ASSAULT"]
    assert reference and all(e.salience == "background" for e in reference)
    news = one(coder, "مقتل ثلاثة جنود في هجوم انتحاري بسيارة مفخخة في بغداد أمس", "ASSAULT")
    assert news.salience == "main" and news.happened


def test_participle_takes_the_main_clause_subject(coder):
    event = one(coder, "أكدت واشنطن أنها لا تسعى إلى التصعيد، داعية الميليشيات العراقية إلى وقف الهجمات", "REQUEST")
    assert event.actor["country"] == "USA"
    assert (event.recipient["country"], event.recipient["sector"]) == ("IRQ", "REB")


# ------------------------------------------------------------------------------------------ main event or not

def of_type(coder, text, type_="ASSAULT"):
    return [e for e in coder.code(text, published=PUBLISHED) if e.event_type == type_]


def happened_main(coder, text, type_="ASSAULT"):
    return [e for e in coder.code(text, published=PUBLISHED) if e.event_type == type_ and e.happened
            and e.salience == "main"]


def test_a_reporting_verb_after_the_event_opens_a_second_clause_not_a_frame(coder):
    # the strike is told first; "وقال الجيش إن …" only comments on it
    found = happened_main(coder, "قتل أربعة مسلحين في غارة جوية على بلدة قرب الموصل أمس، وقال الجيش إن القتلى "
                                 "كانوا يعدون لهجوم")
    assert found and found[0].trigger["text"] in ("قتل", "غارة جوية")


def test_habits_and_kinds_of_crime_are_no_events(coder):
    assert happened_main(coder, "تحدث السكان عن أكثر من عشر جرائم قتل تقع يوميا في المدينة") == []
    assert happened_main(coder, "وأصبح القتل والسرقة والنهب جزءا من حياة الناس") == []
    # a report made periodically (دوريا) counts many events, it tells none
    assert happened_main(coder, "وتذكر الوكالة الرسمية دوريا مقتل أشخاص في دمشق نتيجة قصف بقذائف الهاون") == []
    # the same noun told as one event stays one
    assert happened_main(coder, "أسفر الهجوم على الحاجز أمس عن مقتل ثلاثة جنود")


def test_an_event_spoken_about_is_background(coder):
    assert happened_main(coder, "وتحدث التقرير الحقوقي عن عمليات اغتيال في عدة مدن") == []
    assert happened_main(coder, "وعرضت القناة مشاهد من عملية اغتيال القيادي في الحركة") == []
    assert happened_main(coder, "قال الوزير إن الحركة تقف وراء التفجير الانتحاري في السوق") == []
    # أسفر عن: the toll of the event the sentence tells
    assert happened_main(coder, "انفجرت سيارة مفخخة في سوق المدينة مساء أمس ما أسفر عن مقتل سبعة أشخاص")


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


def test_word_senses_verbs_after_numbers_and_articles(coder):
    # ثلاثين طالبا: students, not "they demanded"; الاسرة: the family, not أسره (captured him)
    assert not [e for e in coder.code("اقتحم نحو ثلاثين طالبا مبنى الجامعة", published=PUBLISHED)
                if e.event_type == "REQUEST"]
    assert not [e for e in coder.code("وقال إن الاسرة غادرت المنزل", published=PUBLISHED) if e.event_type == "ASSAULT"]


def test_possessive_event_nouns_and_launch_with_a_projectile(coder):
    raped = happened_main(coder, "وقالت الشرطة إن ثلاثة جنود قاموا باغتصابها في قرية قرب الحدود أمس")
    assert raped and raped[0].mode == "sexual"
    rocket = happened_main(coder, "أطلقت طائرة مسيرة صاروخا على سيارة قرب الحدود أمس")
    assert rocket and rocket[0].mode in ("drone", "artillery", "aerial")
    assert happened_main(coder, "أطلقت السلطات سراح عشرين معتقلا أمس") == []
    bombed = happened_main(coder, "وقالت الوكالة إن سيارة مفخخة فجرت حافلة للركاب في المدينة")
    assert bombed and bombed[0].mode == "explosives"


def test_a_nisba_on_a_strike_or_weapon_is_that_states_military(coder):
    strike = happened_main(coder, "قتل ثلاثة مسلحين في غارة أمريكية على قرية شمال بغداد أمس")
    assert strike and strike[0].actor["country"] == "USA" and strike[0].actor["sector"] == "MIL"
    tank = happened_main(coder, "قامت دبابة إسرائيلية بقصف منزل في البلدة أمس")  # بقصف: the noun after a light verb
    assert tank and tank[0].actor["country"] == "ISR" and tank[0].actor["sector"] == "MIL"


def test_victims_by_word_order_case_and_partitive(coder):
    passive = happened_main(coder, "وقال مصدر إن ثمانية أشخاص قتلوا جراء غارة أمريكية على القرية أمس")
    assert passive and passive[0].recipient["sector"] == "CVL" and passive[0].actor["sector"] == "MIL"
    accusative = happened_main(coder, "قتل جنديا عراقيا في هجوم على حاجز أمس")  # جنديا: the object
    assert accusative and accusative[0].recipient["sector"] == "MIL" and accusative[0].actor is None
    partitive = happened_main(coder, "أعلنت مصادر أمنية عراقية مقتل خمسة من رجال الشرطة في هجوم أمس")
    assert partitive and partitive[0].recipient["sector"] == "COP"
    # the nisba of the sources is no armed force
    assert partitive[0].actor is None or partitive[0].actor["sector"] != "MIL"


def test_decided_and_announced_protests_are_still_to_come(coder):
    decided = [e for e in coder.code("قرر الأهالي تسيير مظاهرة إلى مقر المحافظة", published=PUBLISHED)
               if e.event_type == "PROTEST"]
    assert decided and all(e.modality == "future" for e in decided)
    planned = [e for e in coder.code("وتشمل المظاهرات التي ستنظم في العاصمة وقفة أمام البرلمان", published=PUBLISHED)
               if e.event_type == "PROTEST"]
    assert planned and not any(e.happened and e.salience == "main" for e in planned)


def test_a_place_with_its_preposition_glued_on_is_where_the_event_happened():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    # بالموصل: the strike's place, though Baghdad (where the planes came from) is named first
    glued = happened_main(coder, "قصفت طائرات قادمة من بغداد مواقع بالموصل أمس")
    assert [place["name_en"] for place in glued[0].locations][:1] == ["Mosul"]
    spaced = happened_main(coder, "قصفت طائرات قادمة من بغداد مواقع في الموصل أمس")
    assert [place["name_en"] for place in spaced[0].locations][:1] == ["Mosul"]


def test_was_and_at_night_are_no_conditions(coder):
    # كأن and لئلا fold to كان ("was") and ليلا ("at night"): neither may make an attack hypothetical
    for sentence in ("كان مسلحون قد اغتالوا ضابطا في الشرطة في المدينة أمس",
                     "وفي ساعة متأخرة ليلا اغتال مسلحون ضابطا في الشرطة في المدينة"):
        found = happened_main(coder, sentence)
        assert found and found[0].modality in ("asserted", "reported"), sentence


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


def test_lists_of_crimes_purposes_and_victims_before_a_toll_noun(coder):
    assert happened_main(coder, "وقال إن ما يروج عن إبادة جماعية وتطهير عرقي واغتصاب في الإقليم كذب") == []
    ordered = [e for e in coder.code("أصدر القائد أوامر بإطلاق النار لقتل المتظاهرين في الساحة", published=PUBLISHED)
               if e.event_type == "ASSAULT" and e.trigger["text"] == "قتل"]
    assert ordered and ordered[0].modality == "intended"
    died = happened_main(coder, "ولقي ثلاثة جنود مصرعهم في هجوم على حاجز أمس")
    assert died and died[0].recipient["sector"] == "MIL" and died[0].actor is None


def test_participants_do_not_make_the_sentence_about_the_event(coder):
    # الرهينة names a person of an earlier abduction; the sentence is about what he told
    told = happened_main(coder, "وروى الرهينة الألماني السابق للصحافيين في العاصمة أن الخاطفين الذين قتل اثنان "
                                "منهم في اشتباك عاملوه جيدا")
    assert told == []
    # a year before a verb is no count: فجر stays a verb
    bombed = happened_main(coder, "وفي العاشر من أبريل 2007 فجر 3 انتحاريين أنفسهم في المدينة")
    assert bombed and bombed[0].mode == "suicide"


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


def test_protests_carried_out_or_dispersed_took_place(coder):
    done = happened_main(coder, "قام متظاهرون في ضواحي المدينة أمس بالاحتجاج على قرار الحكومة", "PROTEST")
    assert done
    dispersed = happened_main(coder, "فرقت الشرطة مستخدمة الغاز المسيل للدموع مظاهرة نظمها حزب معارض في السودان",
                              "PROTEST")
    assert dispersed


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


def test_tear_gas_is_no_projectile_and_fired_bullets_name_no_agent(coder):
    gas = [e for e in coder.code("وأطلقت الشرطة قنابل الغاز المسيل للدموع على المحتجين أمام البرلمان أمس",
                                 published=PUBLISHED)]
    assert {e.event_type for e in gas} == {"COERCE"}
    # the bullets the police fired are the verb's object: the police fire, the protesters are fired at
    fired = happened_main(coder, "وأطلقت الشرطة الرصاص الحي على المحتجين أمام البرلمان أمس")
    assert fired and fired[0].actor["sector"] == "COP" and fired[0].recipient["sector"] == "CVL"
    # but a nisba right on the bullets names who fired them, and so does the construct
    for sentence in ("وقتل شاب بالرصاص الإسرائيلي قرب السياج أمس", "وقتل شاب برصاص الجيش الإسرائيلي قرب السياج أمس"):
        shot = happened_main(coder, sentence)
        assert shot and shot[0].actor["country"] == "ISR", sentence


def test_the_only_one_named_after_a_killing_verb_is_its_victim(coder):
    # nothing after the named one could be the verb's object: the passive reading
    wounded = happened_main(coder, "وجرح وزير الدفاع فؤاد الحسن في تفجير سيارة مفخخة استهدف موكبه أمس")
    assert wounded and wounded[0].recipient["sector"] == "MIL" and wounded[0].actor is None
    leader = happened_main(coder, "قتل قيادي في تنظيم القاعدة، مساء الاثنين، في غارة جوية أميركية قرب المدينة")
    assert leader and leader[0].recipient["id"] == "org:al-qaeda" and leader[0].actor["country"] == "USA"
    # an object after it - a nisba used as a noun, a count, a partitive - keeps the active reading
    for sentence in ("قتلت الشرطة الإسرائيلية فلسطينيا قرب باب العامود أمس",
                     "وقتل الجيش في هذه المواجهات 40 فلسطينيا أمس",
                     "وقتلت قوات الأمن أحدهما أمس قرب المدينة"):
        shot = happened_main(coder, sentence)
        assert shot and shot[0].actor is not None and shot[0].actor["sector"] in ("COP", "MIL"), sentence
    # a marker of the agent between two names does not join them: the civilian was shot by the militia
    civilian = happened_main(coder, "وقتل مدني برصاص ميليشيات الحوثي في المدينة أمس")
    assert civilian and civilian[0].actor["id"] == "org:houthis" and civilian[0].recipient["sector"] == "CVL"


def test_subject_verb_object_after_a_complementizer(coder):
    shelled = happened_main(coder, "وقال المتحدث إن الجيش قصف المسلحين في ريف المدينة أمس")
    assert shelled and shelled[0].actor["sector"] == "MIL" and shelled[0].recipient["sector"] == "UAF"
    # a plural verb agrees with the subject before it; the one after is the object
    taken = happened_main(coder, "وذكرت الشرطة أن مسلحين اختطفوا مهندسين أجانب قرب المدينة أمس")
    assert taken and taken[0].actor["sector"] == "UAF"
    accused = [e for e in coder.code("إسرائيل تتهم إيران بقصف مواقعها", published=PUBLISHED) if e.event_type == "ACCUSE"]
    assert accused and accused[0].actor["country"] == "ISR" and accused[0].recipient["country"] == "IRN"
    # a counted subject of a killing verb is still its victim, and so is one with the object after a preposition
    killed = happened_main(coder, "وقالت مصادر طبية إن 22 من مقاتلي الحوثي قتلوا جراء ضربات قوات التحالف أمس")
    assert killed and killed[0].actor["sector"] == "MIL"
    # a particle between two names keeps them apart (مسؤولون إن حركة طالبان is no description of the Taliban)
    seized = happened_main(coder, "وقال مسؤولون إن حركة طالبان اختطفت حاكم منطقة في شرق أفغانستان أمس")
    assert seized and seized[0].actor["id"] == "org:taliban" and seized[0].recipient["sector"] == "GOV"
    # a nisba on the noun before the verb is no subject
    vowed = [e for e in coder.code("وعقب القصف الأمريكي توعدت الميليشيات العراقية بالرد", published=PUBLISHED)
             if e.event_type == "THREATEN"]
    assert vowed and vowed[0].actor["sector"] == "REB"


def test_officers_governors_teachers_and_farmers_are_kinds_of_actor(coder):
    for sentence, sector in (("وقتل العميد في الجيش في انفجار عبوة ناسفة أمس", "MIL"),
                             ("واختطف مسلحون حاكم منطقة في شرق البلاد أمس", "GOV"),
                             ("واغتال مسلحون أستاذا جامعيا في المدينة أمس", "EDU"),
                             ("وقتل مزارع برصاص قناص في القرية أمس", "CVL")):
        found = happened_main(coder, sentence)
        assert found and found[0].recipient and found[0].recipient["sector"] == sector, sentence


def test_an_event_noun_called_necessary_did_not_happen(coder):
    for sentence in ("وجاء في الرسالة أن توجيه ضربات جوية للقوات الغازية بات أمرا لا بد منه لإنقاذ البلاد",
                     "وقال الوزير إن شن غارات على مواقع المسلحين في المدينة أصبح ضروريا"):
        found = of_type(coder, sentence)
        assert found and all(e.modality == "hypothetical" for e in found), sentence
    # a necessity in another clause, or a necessary thing named with the article, leaves the event alone
    assert happened_main(coder, "أسفرت الغارات أمس عن مقتل ثلاثة، وقال الوزير إنه لا بد من محاسبة المسؤولين")


def test_a_storm_a_crushing_blow_and_a_date_that_opens_the_sentence(coder):
    # a verb in the relative clause that describes the storm does not make the injuries an attack
    assert happened_main(coder, "أصيب ثلاثة أشخاص، يوم الجمعة، جراء الإعصار الذي يضرب سواحل المحافظة") == []
    # a crushing blow is a figure of speech
    assert happened_main(coder, "وتمثل السيطرة على المدينة ضربة قاصمة للمتمردين في الحديدة") == []
    assert happened_main(coder, "ووجهت الطائرات ضربة للمسلحين في المدينة أمس أسفرت عن مقتل ثلاثة")
    # an old date that opens the sentence is the event's, though a comma follows it
    taken = happened_main(coder, "وفي شباط/فبراير 2015، خطف التنظيم 220 مسيحيا من محافظة الحسكة")
    assert taken and taken[0].date.startswith("2015-02") and taken[0].recipient["sector"] == "REL"


def test_an_armed_side_announcing_its_enemies_dead_claims_them(coder):
    claimed = happened_main(coder, "أعلن الجيش المصري أمس مقتل 21 مسلحا في عملية أمنية شمال سيناء")
    assert claimed and claimed[0].actor["sector"] == "MIL" and claimed[0].recipient["sector"] == "UAF"
    # its own dead, the dead of a ministry's report and a source's figures are not its acts
    for sentence in ("أعلن الجيش العراقي أمس مقتل ثلاثة جنود في هجوم على نقطة تفتيش",
                     "أعلنت حماس أمس مقتل اثنين من مقاتليها في غارة على القطاع",
                     "وقتل 20 مسلحا أمس في الاشتباكات بحسب ما أعلن الجيش"):
        found = happened_main(coder, sentence)
        assert found and (found[0].actor is None or found[0].actor["sector"] not in ("MIL", "REB")), sentence


def test_made_in_inflicted_on_and_the_owner_of_the_actor(coder):
    # a weapon's country of make names no side
    bus = happened_main(coder, "وقال خبراء إن القنبلة التي استهدفت حافلة مدرسية أمس وأدت لسقوط عشرات الضحايا أمريكية الصنع")
    assert bus and not any(side and side["country"] == "USA" for side in (bus[0].actor, bus[0].recipient))
    # the battles inflicted losses on the militia: it is hit, it does not fight alone
    losses = [e for e in coder.code("وأكدت المصادر أن المعارك كبدت المليشيا خسائر فادحة أمس في المدينة",
                                    published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert losses and losses[0].recipient["sector"] == "REB" and losses[0].actor is None
    # the owner named after the actor with التابعة is no target
    taken = happened_main(coder, "وأسرت ألوية العمالقة، التابعة للقوات اليمنية أمس العشرات من مقاتلي ميليشيات الحوثي")
    assert taken and taken[0].actor["id"] == "org:giants-brigades" and taken[0].recipient["id"] == "org:houthis"


def test_a_definite_noun_after_the_verb_is_its_subject_and_the_actor_after_it_the_object(coder):
    accused = [e for e in coder.code("واتهم المصدر حزب الله بالوقوف وراء الهجوم", published=PUBLISHED)
               if e.event_type == "ACCUSE"]
    assert accused and accused[0].actor is None and accused[0].recipient["id"] == "org:hezbollah"
    struck = happened_main(coder, "واستهدفت الغارات أمس مواقع الحوثيين في المدينة")
    assert struck and struck[0].actor is None and struck[0].recipient["id"] == "org:houthis"
    # but the one named after ل or باسم is the noun's principal, who acts
    for sentence, country in (("واتهم الناطق باسم الجيش الليبي تركيا بدعم المسلحين", "LBY"),
                              ("ودعا المتحدث باسم الحكومة المصرية إسرائيل إلى وقف الهجمات", "EGY")):
        said = [e for e in coder.code(sentence, published=PUBLISHED) if e.event_type in ("ACCUSE", "REQUEST")]
        assert said and said[0].actor and said[0].actor["country"] == country, sentence


def test_possible_strikes_did_not_happen(coder):
    for sentence in ("وقد تستهدف الطائرات قاعدة جوية في شمال البلاد خلال أيام",
                     "ويترقب سكان المدينة الغارة المحتملة على الحي"):
        found = [e for e in coder.code(sentence, published=PUBLISHED) if e.event_type == "ASSAULT"]
        assert found and not any(e.happened for e in found), sentence


def test_owners_of_targets_victims_of_toll_nouns_and_metaphors(coder):
    raids = happened_main(coder, "وأسفرت الغارات أمس عن تدمير مواقع المتمردين في شرق المدينة")
    assert raids and raids[0].actor is None and raids[0].recipient["sector"] == "REB"
    fallen = happened_main(coder, "سقط عدد من مسلحي الحوثيين بين قتيل وجريح في غارات لمقاتلات التحالف أمس")
    assert fallen and fallen[0].recipient["id"] == "org:houthis" and fallen[0].actor["id"] != "org:houthis"
    police = happened_main(coder, "وأطلق شرطيون النار على شاب قرب باب المدينة أمس")
    assert police and police[0].actor["sector"] == "COP"
    # طعنة بالظهر is a figure of speech; folded, طعنه (his stabbing) would read the same
    assert happened_main(coder, "اعتبر الرئيس العقوبات طعنة بالظهر لبلاده أمس") == []


def test_passive_and_resort_auxiliaries_carry_out_the_event(coder):
    for sentence in ("وقال الجنرال إن عددا من مخابئ المتمردين في الولاية تم تدميرها خلال العملية",
                     "وقال شهود إن أشخاصا مختبئين خلف الأشجار عمدوا إلى إلقاء المتفجرات"):
        assert happened_main(coder, sentence), sentence


def test_counted_victims_before_a_passive_with_the_agent_after(coder):
    found = happened_main(coder, 'وقالت الوكالة إن 7 فلسطينيين قتلوا، الجمعة، بـ"رصاص القوات الإسرائيلية قرب السياج"')
    assert found and found[0].actor["country"] == "ISR" and found[0].actor["sector"] == "MIL"
    assert found[0].recipient["country"] == "PSE" and found[0].recipient["sector"] == "CVL"


def test_the_coder_version_covers_every_data_file_it_reads():
    # a change to any of them must change the version, or `marsad reextract` would not recode
    from importlib import resources

    from etl.extraction import dictionaries

    covered = {f"data/{name}" for name in dictionaries._FILES} | {name for _, name in dictionaries._ALSO_READ}
    for package in ("etl.extraction", "etl"):
        files = {f"data/{p.name}" for p in resources.files(package).joinpath("data").iterdir() if p.name.endswith(".yaml")}
        assert files <= covered, files - covered


def test_the_owner_of_a_war_machine_acts(coder):
    drone = happened_main(coder, "وأطلقت طائرة بدون طيار تابعة للقوات الأمريكية صواريخ على منزل في القرية أمس")
    assert drone and drone[0].actor["country"] == "USA"
    tank = happened_main(coder, "وقصفت دبابة إسرائيلية منزلا في البلدة أمس")
    assert tank and (tank[0].actor["country"], tank[0].actor["sector"]) == ("ISR", "MIL")
    # a place after من is where the machine came from, not who owns it
    came = happened_main(coder, "وأطلقت طائرة من لبنان صواريخ على القرية أمس")
    assert not came or came[0].actor is None or came[0].actor["country"] != "LBN"


def test_the_owner_of_planes_named_alone_acts_and_they_are_not_hit(coder):
    # طائرات alone is a kind of agent (military): the side they belong to acts, and the planes are not hit
    destroyed = happened_main(coder, "ودمرت طائرات تابعة للتحالف غرفة عمليات عسكرية للميليشيات في المدينة أمس")
    assert destroyed and destroyed[0].actor["name"] == "International coalition"
    assert destroyed[0].recipient is None or destroyed[0].recipient["sector"] != "MIL"
    # a nisba far after them is not their owner: the Russian bases were attacked
    bases = happened_main(coder, "وهاجمت طائرات بدون طيار محملة متفجرات القاعدتين الروسيتين في حميميم وطرطوس أمس")
    assert bases and (bases[0].actor is None or bases[0].actor["country"] != "RUS")


def test_a_machine_in_a_mention_and_an_owned_target_keep_their_roles(coder):
    strike = happened_main(coder, "قصفت الطائرات الإسرائيلية مواقع لحزب الله أمس")
    assert strike and strike[0].actor["country"] == "ISR" and strike[0].recipient["id"] == "org:hezbollah"


def test_the_protesters_are_the_protests_actor(coder):
    # (the protest word comes after the protesters' act: without the rule there is no actor)
    protest = happened_main(coder, "وأغلق محتجون الطريق الرئيسي احتجاجا على قرار الحكومة العراقية أمس", "PROTEST")
    assert protest and protest[0].actor["sector"] == "CVL"


def test_thousands_killed_is_a_count_over_a_war(coder):
    war = [e for e in coder.code("وقتل الآلاف من المدنيين في هذا النزاع الذي شمل الإقليم", published=PUBLISHED)
           if e.event_type == "ASSAULT"]
    assert war and all(e.modality == "generic" for e in war)


def test_dual_event_nouns_are_generated(coder):
    from etl.extraction.lexicon import dual_forms

    assert dual_forms("غارة جوية") == ["غارتين جويتين", "غارتان جويتان"]
    assert dual_forms("انفجار عبوة ناسفة") == ["انفجار عبوتين ناسفتين", "انفجار عبوتان ناسفتان"]
    assert dual_forms("عملية طعن") == [] and dual_forms("غارات") == [] and dual_forms("هجوما") == []
    # "we lost five of our soldiers in two bombings": only the dual nouns say what happened
    lost = happened_main(coder, "فقدنا امس خمسة من جنودنا في انفجار عبوتين ناسفتين في هجومين منفصلين")
    assert lost and lost[0].mode == "explosives"
    assert happened_main(coder, "شنت الطائرات غارتين جويتين على مواقع المسلحين أمس")


def test_a_verb_in_a_relative_clause_is_no_predicate(coder):
    # the definite noun refers to attacks told before; the verb after اللذين only describes them
    claimed = "أعلن التنظيم في بيان تبنيه الاعتداءين الفاشلين اللذين استهدفا منشآت نفطية في اليمن"
    assert happened_main(coder, claimed) == []
    assert happened_main(coder, "استهدف هجومان منشآت نفطية في اليمن أمس")


def test_involvement_in_an_event_is_its_legal_context(coder):
    assert happened_main(coder, "وقالت الصحيفة إن ضابطا كان مسؤولا عن الوحدة في لبنان، ومتورطا في خطف الطيار الذي فقد هناك") == []
    assert happened_main(coder, "وقالت الصحيفة إن مسلحين خطفوا الطيار في لبنان أمس")


def test_a_time_phrase_opening_the_sentence_ends_at_its_comma(coder):
    # the first shelling is the time of the second, which is the news
    shelled = "وبعد ساعات على قصف منزل في البلدة، قامت دبابة بقصف منزل آخر مما أدى الى مقتل ثلاثة مواطنين"
    found = [e for e in coder.code(shelled, published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert [e.salience for e in found] == ["background", "main"]
    # an anniversary named later in a sentence keeps its apposition with it
    remembered = "أحيا الآلاف أمس الذكرى العاشرة لمذبحة المدينة، أكبر مجزرة عرفتها البلاد"
    assert happened_main(coder, remembered) == []


def test_counts_since_a_war_or_a_year_and_scenes_on_video(coder):
    assert happened_main(coder, "وقتل 40 صحافيا منذ الغزو الذي شهدته البلاد") == []
    assert happened_main(coder, "وقتل 40 صحافيا في البلاد منذ عام 2004") == []
    assert happened_main(coder, "وقتل أربعة صحافيين في البلاد أمس")
    assert happened_main(coder, "ويشاهدون أشرطة فيديو تتضمن تعذيب الأسرى وقتلهم") == []
    assert happened_main(coder, "وقالت الحركة إنها عثرت، في غمرة مواجهات مسلحة مع خصومها، على أنفاق") == []


def test_a_headline_before_the_dateline_gives_no_legal_context(coder):
    marched = "مسيرة في المدينة قبل قرار المحكمة في قضية الوزير * القاهرة ـ رويترز: خرج الآلاف في مسيرة بوسط القاهرة أمس"
    assert happened_main(coder, marched, "PROTEST")
    assert happened_main(coder, "وقالت المحكمة إن المتهم خرج مع الآلاف في مسيرة بوسط القاهرة أمس", "PROTEST") == []


def test_own_forces_are_the_forces_of_the_actor_named_before(coder):
    own = happened_main(coder, "وقال الجيش الأمريكي إن جنوده قتلوا خمسة مسلحين أمس خلال غارة شمال بغداد")
    assert own and own[0].actor["country"] == "USA" and own[0].actor["sector"] == "MIL"
    assert own[0].actor["text"] == "جنوده"
    # the state's own soldiers are the army's (a ministry named before them is not the one hit)
    lost = happened_main(coder, "أعلنت وزارة الدفاع الأمريكية مقتل اثنين من جنودها في هجوم انتحاري أمس")
    assert lost and lost[0].recipient["country"] == "USA" and lost[0].recipient["sector"] == "MIL"


def test_who_announces_deaths_is_not_who_struck(coder):
    told = happened_main(coder, "أعلنت حركة حماس مقتل اثنين من مقاتليها في غارة إسرائيلية على رفح أمس")
    assert told and told[0].actor["country"] == "ISR" and told[0].recipient["text"] == "مقاتليها"
    # but an army announcing that it killed, or that it carried out a strike, is the actor
    killed = happened_main(coder, "أعلن الجيش قتل خمسة مسلحين في غارة على رفح أمس")
    assert killed and killed[0].actor["text"] == "الجيش"
    struck = happened_main(coder, "أعلنت القوات الأمريكية شن غارة على رفح أمس")
    assert struck and struck[0].actor["country"] == "USA"


def test_a_word_in_teh_marbuta_is_no_verb_with_a_pronoun(coder):
    # واصابة (and the injury of) folds like وأصابه (and hit him): the noun is no predicate with a subject
    hurt = happened_main(coder, "وكان الجيش قد أعلن أمس مقتل جندي واصابة اثنين في هجوم انتحاري قرب بغداد")
    assert hurt and hurt[0].trigger["text"] != "اصابة" and (hurt[0].actor is None or hurt[0].actor["text"] != "الجيش")


def test_a_unit_in_construct_belongs_to_its_institution_and_places_with_a_proclitic(coder):
    patrol = happened_main(coder, "قتل عشرة في هجوم انتحاري استهدف دورية للجيش العراقي شرق بغداد أمس")
    assert patrol and (patrol[0].recipient["country"], patrol[0].recipient["sector"]) == ("IRQ", "MIL")
    members = happened_main(coder, "أسفر الانفجار عن إصابة ثلاثة من عناصر الجيش بجروح أمس")
    assert members and members[0].recipient["sector"] == "MIL"
    # a nunated plural is no construct: the armed men attacked the police
    attacked = happened_main(coder, "هاجم مسلحون الشرطة في بغداد أمس")
    assert attacked and attacked[0].actor["text"] == "مسلحون" and attacked[0].recipient["sector"] == "COP"
    # بشمال الصومال is where, not whom
    taken = happened_main(coder, "خطف مجهولون مصورا فرنسيا في بلدة بشمال الصومال أمس")
    assert taken and taken[0].recipient["country"] == "FRA"


def test_who_claims_the_attack_is_its_actor(coder):
    claimed = happened_main(coder, "قتل ستة مدنيين وجرح جنود أمريكيون في هجوم انتحاري قرب مطار كابل أمس تبنته حركة طالبان")
    assert claimed and claimed[0].actor["id"] == "org:taliban"
    stated = happened_main(coder, "قتل ستة مدنيين في هجوم انتحاري بغرب البلاد أمس، وأعلنت حركة طالبان مسؤوليتها عنه")
    assert stated and stated[0].actor["id"] == "org:taliban"


def test_scare_quotes_months_after_since_and_comments(coder):
    assert happened_main(coder, "لكن الشرطة «خطفته» من إحدى النوافذ أمس") == []
    assert happened_main(coder, "لكن الشرطة خطفته من إحدى النوافذ أمس")
    assert happened_main(coder, "وتعرضت البلاد إلى 44 تفجيرا منذ شهر مايو، بحسب السلطات") == []
    assert happened_main(coder, "وكتبت الصحيفة في صفحتها الاولى، معلقة على مقتل الزعيم مساء الخميس في هجوم انتحاري، أن البلاد في خطر") == []


def test_fire_dawn_prepositions_and_suffered_attacks(coder):
    # أطلق + النار is shooting; أطلق + صاروخ a rocket; فجرا is "at dawn"
    shot = happened_main(coder, "أطلق شرطيون إسرائيليون النار على فلسطيني قرب باب المجلس أمس")
    assert shot and shot[0].mode == "firearms" and shot[0].recipient["country"] == "PSE"
    rocket = happened_main(coder, "وكانت الوزارة قد أعلنت أن الجيش الفرنسي أطلق 12 صاروخا على سوريا أمس")
    assert rocket and rocket[0].mode == "artillery" and rocket[0].actor["country"] == "FRA"
    dawn = happened_main(coder, "وقال مصدر إن طائرات الاحتلال شنت فجرا غارات جوية على مواقع للمقاومة")
    assert dawn and dawn[0].mode == "aerial"
    # a name after ل is no subject: the stronghold's owner did not kill
    owner = happened_main(coder, "وفي نينوى، التي كانت معقلا لتنظيم داعش، قتل 7 أشخاص في هجوم مسلح أمس")
    assert owner and owner[0].actor is None
    # the one who suffers an attack is hit; من after the event names who did it
    suffered = happened_main(coder, "وقالت الشرطة إن دورية للجيش تعرضت لهجوم أمس")
    assert suffered and suffered[0].actor is None and suffered[0].recipient["sector"] == "MIL"
    shelled = happened_main(coder, "تتعرض البلدة لقصف مكثف من القوات الحكومية منذ صباح أمس")
    assert shelled and shelled[0].actor["sector"] == "MIL" and shelled[0].trigger["text"] == "قصف"


def test_an_excluded_verb_form_must_be_a_generated_one():
    from etl.extraction.dictionaries import DictionaryError, parse_taxonomy, parse_triggers
    import yaml
    from importlib import resources

    modes = parse_taxonomy(yaml.safe_load(resources.files("etl.extraction").joinpath("data/plover.yaml").read_text("utf-8")))
    raw = yaml.safe_load(resources.files("etl.extraction").joinpath("data/triggers.yaml").read_text("utf-8"))
    detonate = next(e for e in raw["ASSAULT"] if e["id"] == "detonate")
    lexicon = parse_triggers(raw, modes)
    assert "فجرا" not in lexicon.verb_surfaces and "فجروا" in lexicon.verb_surfaces
    detonate["exclude"] = ["قتلوا"]
    with pytest.raises(DictionaryError, match="not generated forms"):
        parse_triggers(raw, modes)


def test_an_epithet_after_a_name_belongs_to_it_and_the_worst_in_a_month_is_dated_today(coder):
    published = datetime(2018, 10, 10, 9, 0, tzinfo=timezone.utc)
    [worst] = [e for e in coder.code("ذكر المرصد، الأربعاء، أن تنظيم داعش الإرهابي شن أعنف هجوم منذ شهر ضد قوات سوريا الديمقراطية",
                                     published=published) if e.event_type == "ASSAULT"]
    assert worst.actor["id"] == "org:isis" and worst.actor["text"] == "تنظيم داعش الإرهابي"
    assert worst.date == "2018-10-10"
    # without the superlative, منذ شهر is "a month ago"
    [ago] = [e for e in coder.code("قتل جندي منذ شهر في هجوم على حاجز", published=published) if e.event_type == "ASSAULT"]
    assert ago.date == "2018-09-10"


def test_nations_killed_hedged_tolls_marches_and_sources(coder):
    shelled = happened_main(coder, "قتل فلسطينيان اثنان، الأحد، في قصف مدفعي للجيش الإسرائيلي شرقي رفح")
    assert shelled and shelled[0].actor["country"] == "ISR" and shelled[0].recipient["country"] == "PSE"
    assert shelled[0].fatalities["best"] == 2
    hedged = happened_main(coder, "وكان 16 شخصا على الأقل قد قتلوا حين أطلق الجنود النار على حشود قرب الحدود أمس")
    assert hedged and hedged[0].fatalities["low"] == 16
    march = happened_main(coder, "قتل أربعة فلسطينيين برصاص الجيش الإسرائيلي خلال مسيرة العودة في قطاع غزة أمس")
    assert march and march[0].mode == "firearms"
    told = happened_main(coder, "وحسب التلفزيون السوري، استهدفت صواريخ عدة فجر الإثنين مطارا عسكريا في وسط البلاد")
    assert told and told[0].actor is None


def test_the_dead_named_alone_tell_no_attack(coder):
    assert happened_main(coder, "حداد في الأراضي الفلسطينية على قتلى يوم الأرض في غزة") == []
    assert happened_main(coder, "وأعلنت الشرطة اكتشاف جثة محنطة في المدينة أمس") == []
    # with an instrument, or a killing, they do
    assert happened_main(coder, "وأعلنت الشرطة العثور على جثة بها آثار طلقات رصاص في المدينة أمس")
    assert happened_main(coder, "قتل ثلاثة أشخاص في المدينة أمس وسقط عشرات الجرحى")


def test_a_nisba_after_an_organisation_describes_it(coder):
    shelled = happened_main(coder, "وقصفت ميليشيات الحوثي الإيرانية أحياء سكنية في تعز أمس")
    assert shelled and shelled[0].actor["id"] == "org:houthis" and shelled[0].recipient is None


def test_forces_cutting_a_road_are_no_protest_and_joining_a_protest_is_intended(coder):
    assert happened_main(coder, "وتمكنت قوات ألوية العمالقة أمس من قطع الطريق الرابطة بين مديريتي زبيد والتحيتا", "PROTEST") == []
    blocked = happened_main(coder, "وأقدم عشرات المحتجين على قطع الطريق الدولي بالإطارات المشتعلة أمس", "PROTEST")
    assert blocked
    joining = "ويتوجه أنصار التيار من بغداد الى النجف للمشاركة في مظاهرة ضد الاحتلال"
    assert happened_main(coder, joining, "PROTEST") == []


def test_shells_that_fell_are_an_attack_and_weapons_named_alone_are_not(coder):
    fell = happened_main(coder, "وذكر مصدر في الشرطة أن عدة قذائف هاون سقطت على مبان سكنية فجر أمس في المدينة")
    assert fell and fell[0].mode == "artillery"
    assert happened_main(coder, "وصلت شحنة قذائف هاون إلى الميناء أمس") == []
    assert happened_main(coder, "سقطت الحكومة أمس بعد تصويت البرلمان") == []


def test_acled_types_follow_who_fought_whom(coder):
    shot = happened_main(coder, "أطلق جنود إسرائيليون النار على مدنيين فلسطينيين قرب الحدود أمس")
    assert shot and (shot[0].acled_event_type, shot[0].acled_sub_event_type) == ("Violence against civilians", "Attack")
    clash = happened_main(coder, "هاجم مسلحون من طالبان نقطة للجيش الأفغاني أمس")
    assert clash and (clash[0].acled_event_type, clash[0].acled_sub_event_type) == ("Battles", "Armed clash")
    worshippers = happened_main(coder, "هاجم مسلحون المصلين في المسجد أمس")
    assert worshippers and worshippers[0].acled_event_type == "Violence against civilians"
    strike = happened_main(coder, "شنت طائرات أمريكية غارة على مواقع المسلحين أمس")
    assert strike and strike[0].acled_sub_event_type == "Air/drone strike"


def test_the_place_of_a_dateline_is_not_where_the_event_happened():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    filed = happened_main(coder, "دبي، الإمارات العربية المتحدة (CNN) -- قتل فلسطينيان في قصف إسرائيلي، صباح الأحد، على "
                                 "مواقع وأراض زراعية شرق رفح وخان يونس")
    assert [place["name_en"] for place in filed[0].locations] == ["Rafaḩ", "Khān Yūnis"]  # not Dubai
    colon = happened_main(coder, "بغداد ـ «الشرق الأوسط»: قتل ثلاثة أشخاص في انفجار سيارة مفخخة في الموصل أمس")
    assert [place["name_en"] for place in colon[0].locations] == ["Mosul"]  # not Baghdad
    # without a dateline, the first place stands
    plain = happened_main(coder, "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في دبي أمس")
    assert [place["name_en"] for place in plain[0].locations][:1] == ["Dubai"]


def test_the_verb_went_out_is_not_the_town_of_al_kharj():
    coder = make_coder(geocode=True)  # the packaged gazetteer, which has Al-Kharj (الخرج)
    rally = happened_main(coder, "وخرج الآلاف أمس في تظاهرتين في محافظتي ديالى وذي قار", "PROTEST")
    assert rally and [place["name_en"] for place in rally[0].locations][:1] == ["Diyala"]
    # with a type word it is still the town
    assert "Al Kharj" in [p.name_en for p in coder.geocoder.geocode("وصل الوفد إلى مدينة الخرج أمس")]


def test_two_attacks_joined_by_while_are_two_events_two_tolls_are_one(coder):
    two = [e for e in coder.code("قالوا إن الحركة اختطفت حاكم منطقة أمس، فيما قتل ثلاثة مدنيين في هجوم انتحاري بغرب البلاد",
                                 published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert sorted(e.mode for e in two) == ["abduct", "suicide"]
    one_attack = [e for e in coder.code("قتل ثلاثة أشخاص في هجوم على حاجز أمس فيما أصيب خمسة آخرون", published=PUBLISHED)
                  if e.event_type == "ASSAULT"]
    assert len(one_attack) == 1 and one_attack[0].injured["best"] == 5


def test_the_source_after_an_event_noun_is_not_its_actor(coder):
    told = happened_main(coder, "وأسفرت الضربة الجوية، وفق المرصد السوري لحقوق الإنسان، عن مقتل 14 عنصرا أمس")
    assert told and told[0].actor is None


def test_repeatedly_is_a_habit(coder):
    assert happened_main(coder, "ومنذ بدء النزاع، قصفت إسرائيل مرارا أهدافا عسكرية في سوريا") == []
    assert happened_main(coder, "وقصفت إسرائيل أمس أهدافا عسكرية في سوريا")


def test_a_complementizer_with_a_pronoun_opens_the_main_clause(coder):
    # أنها: the ministry that reports is the one that struck
    struck = happened_main(coder, "وأعلنت وزارة الدفاع البريطانية أنها قصفت مجمعا عسكريا بالقرب من حمص أمس")
    assert struck and struck[0].actor is not None and struck[0].actor["country"] == "GBR"
    fired = happened_main(coder, "وقالت حماس إنها أطلقت صواريخ على عسقلان أمس")
    assert fired and fired[0].actor["id"] == "org:hamas"
    # أنه + a killing verb is the impersonal passive: three were killed, the police only report it
    reported = happened_main(coder, "وأعلنت الشرطة أنه قتل في الهجوم ثلاثة أشخاص أمس")
    assert reported and reported[0].actor is None
    # the dawn of the day before yesterday is no bombing; what is "possible" did not happen
    assert happened_main(coder, "وصرح مصدر أمني أنه تم إلقاء القبض فجر أول من أمس على عدد من الأشخاص") == []
    assert happened_main(coder, "وقال إنه بالإمكان نقل المعتقلين الذين تعرضوا للتعذيب إلى أوروبا") == []


def test_tolls_over_weeks_and_the_seat_of_an_organisation():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    weeks = [e for e in coder.code("وقال المرصد السوري لحقوق الإنسان، ومقره لندن، إن 915 شخصا قتلوا خلال 18 يوما في الغوطة",
                                   published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert weeks and all(not e.happened for e in weeks)
    seat = happened_main(coder, "وقال المرصد السوري لحقوق الإنسان، ومقره لندن، إن 15 مدنيا قتلوا في غارات على دوما أمس")
    assert seat and "London" not in [place["name_en"] for place in seat[0].locations]
    phrase = happened_main(coder, "ذكر المرصد السوري، الذي يتخذ من بريطانيا مقرا، أن 62 شخصا لقوا مصرعهم في قصف أمس")
    assert phrase and "GB" not in [place["country"] for place in phrase[0].locations]
    assert happened_main(coder, "قتل 15 مدنيا خلال قصف على دوما أمس")  # خلال an attack, not a span of weeks


def test_a_campaign_since_a_date_named_before_the_event_word(coder):
    campaign = "وتشن قوات النظام منذ 18 شباط/فبراير هجوما عنيفا على الغوطة الشرقية، تسبب بمقتل أكثر من 930 مدنيا"
    assert happened_main(coder, campaign) == []
    assert happened_main(coder, "وشنت قوات النظام أمس هجوما عنيفا على الغوطة الشرقية، تسبب بمقتل 30 مدنيا")


def test_a_word_both_student_and_demanded_is_the_verb_where_a_verb_stands(coder):
    # طالب at the head of a clause, after its subject or before بـ is the verb (demanded), not a student
    for text, actor in (("وطالب المتظاهرون برحيل الحكومة", "المتظاهرون"),
                        ("طالب مجلس الأمن بوقف إطلاق النار فورا", "مجلس الأمن"),
                        ("وذكرت المصادر أن النظام طالب الفصائل بتسليم السلاح", "النظام")):
        demands = of_type(coder, text, "REQUEST")
        assert demands and demands[0].actor is not None and demands[0].actor["text"] == actor, text
    # after a verb, a number or وهو, and as the subject of إن, it is the student
    killed = happened_main(coder, "قتل طالب جامعي في انفجار عبوة ناسفة في بغداد")
    assert killed and killed[0].recipient["sector"] == "EDU"
    for text in ("قتل طالب جامعي في انفجار عبوة ناسفة في بغداد", "واعتقل هيدجيز، وهو طالب دكتوراه في جامعة درم",
                 "وتظاهر 300 طالب أمام الجامعة", "وقال إن طالبا سعوديا طرق بابه"):
        assert not [e for e in of_type(coder, text, "REQUEST") if e.trigger["text"].startswith("طالب")], text


def test_a_place_that_begins_inside_a_proclitic_is_no_trigger():
    # كندا is Canada, not ك + نداء (like an appeal); السجن as a place name still leaves بالسجن a prison term
    coder = make_coder(geocode=True)  # the packaged gazetteer
    for text in ("وتصاعد الخلاف بين السعودية وكندا", "وخلاف مع كندا حول حقوق الإنسان"):
        assert of_type(coder, text, "REQUEST") == [], text
    assert of_type(coder, "وحكم القاضي على المتهمين بالسجن 10 أعوام", "COERCE")


def test_a_name_after_an_organisation_that_a_title_owns_is_the_titled_person(coder):
    # زعيم حزب الله حسن نصر الله: Nasrallah warns Israel; Hezbollah does not warn Nasrallah
    warned = one(coder, "وحذر زعيم حزب الله حسن نصر الله إسرائيل من شن حرب على لبنان", "THREATEN", published=PUBLISHED)
    assert warned.actor["text"] == "زعيم حزب الله حسن نصر الله" and warned.recipient["country"] == "ISR"
    called = one(coder, "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الخميس إسرائيل إلى ضبط النفس", "REQUEST",
                 published=PUBLISHED)
    assert "غوتيريش" in called.actor["text"] and called.recipient["country"] == "ISR"
    # with no title before it, the organisation acts on the person named after it
    asked = of_type(coder, "ودعت حماس محمود عباس إلى رفع العقوبات عن غزة", "REQUEST")
    assert asked[0].actor["text"] == "حماس" and asked[0].recipient["text"] == "محمود عباس"


def test_conjugated_verbs_listed_as_verbs_take_their_subject_and_object(coder):
    # احتجزت / أغارت / استولت are verbs: the subject after them acts (they were listed as nouns, whose
    # genitive is what the event is done to, so Israel was the one detained)
    detained = one(coder, "واحتجزت إسرائيل الطالبة الأمريكية في مطار بن جوريون", "COERCE", published=PUBLISHED)
    assert detained.actor is not None and detained.actor["country"] == "ISR"
    raid = happened_main(coder, "وأغارت الطائرات الإسرائيلية على مواقع حماس في غزة")
    assert raid and raid[0].actor["country"] == "ISR" and raid[0].recipient["id"] == "org:hamas"
    seized = one(coder, "واستولت الميليشيات على مقر الحكومة في عدن", "COERCE", published=PUBLISHED)
    assert seized.actor["text"] == "الميليشيات" and seized.salience == "main"


def test_the_two_sides_named_after_between_are_actor_and_recipient(coder):
    # بين X وY: X acts, Y is the other side; و before the second name joins no description to the first
    clash = of_type(coder, "واندلعت اشتباكات عنيفة بين قوات الشرعية وميليشيات الحوثي الإيرانية في نهم")
    assert clash and clash[0].actor["text"] == "قوات الشرعية" and clash[0].recipient["country"] == "YEM"
    talks = of_type(coder, "وبدأت محادثات بين الحكومة السورية والمعارضة في جنيف", "CONSULT")
    assert talks and talks[0].actor["country"] == "SYR" and talks[0].recipient["sector"] == "OPP"


def test_national_and_legitimate_armies_and_houthi_nisbas(coder):
    army = happened_main(coder, "وتمكن الجيش الوطني اليمني من قتل عشرات من مليشيات الحوثي شرقي صعدة")
    assert army and (army[0].actor["country"], army[0].actor["sector"]) == ("YEM", "MIL")
    rockets = happened_main(coder, "استهدفت سبعة صواريخ حوثية أربعة مواقع بالسعودية")
    assert rockets and rockets[0].actor["id"] == "org:houthis"


def test_the_place_a_story_was_filed_from_acts_in_none_of_it(coder):
    # دبي، الإمارات العربية المتحدة (CNN)--: a dateline, not the United Arab Emirates killing anyone
    filed = happened_main(coder, "أتلانتا، الولايات المتحدة الأمريكية (CNN)-- قتل 5 أشخاص في هجوم بسكين")
    assert filed and filed[0].actor is None


def test_a_genitive_with_an_object_in_lam_after_it_is_the_one_who_acts(coder):
    # اغتيال الحوثيين للرئيس اليمني: the Houthis killed the president (a genitive alone would be the one hit)
    killed = of_type(coder, "وأدان البيان اغتيال الحوثيين للرئيس اليمني السابق علي عبد الله صالح")
    assert killed and killed[0].actor["id"] == "org:houthis" and killed[0].recipient["country"] == "YEM"
    assert killed[0].recipient["id"] != "org:houthis"
    accused = one(coder, "وتصاعدت الاتهامات الأمريكية لروسيا بالتدخل في الانتخابات", "ACCUSE", published=PUBLISHED)
    assert accused.actor["country"] == "USA" and accused.recipient["country"] == "RUS"
    # ل of time is no object: the genitive of اغتيال stays the one killed
    victim = of_type(coder, "وأدان البيان اغتيال الصحفي للمرة الثانية خلال عام")
    assert not victim or victim[0].actor is None or victim[0].actor["sector"] != "MED"


def test_the_owner_of_what_was_hit_is_the_recipient(coder):
    # مستودعات ذخيرة تابعة للميليشيات: the militias own the depots the jets destroyed
    hit = happened_main(coder, "وتمكنت مقاتلات التحالف من تدمير آليات عسكرية ومستودعات ذخيرة تابعة لميليشيات الحوثي شمال حيس")
    assert hit and hit[0].recipient is not None and hit[0].recipient["id"] == "org:houthis"
    assert hit[0].actor is not None and hit[0].actor["id"] != "org:houthis"


def test_members_of_an_institution_and_the_patron_of_a_militia(coder):
    # عناصر من الشرطة: policemen were killed, not killers; عنصر من الجيش اللبناني keeps the army's country
    police = happened_main(coder, "وقتل خمسة عناصر من الشرطة في هجوم على حاجز في العريش")
    assert police and police[0].recipient["sector"] == "COP" and police[0].actor is None
    soldier = happened_main(coder, "وقتل عنصر من الجيش اللبناني متأثرا بجراحه إثر اشتباكات مع مسلحين")
    assert soldier and (soldier[0].recipient["country"], soldier[0].recipient["sector"]) == ("LBN", "MIL")
    # الموالية لإيران: Iran backs the militia, it is not what the militia attacked
    backed = happened_main(coder, "واغتالت ميليشيات الحوثي الموالية لإيران قياديا في حزب الإصلاح")
    assert backed and backed[0].recipient is None or backed[0].recipient["country"] != "IRN"


def test_putschists_in_yemen_are_the_houthis():
    coder = make_coder(geocode=True)  # the text's places tell that it is about Yemen
    shelled = of_type(coder, "وقال مسؤول يمني إن الانقلابيين قصفوا الأحياء السكنية في الحديدة باليمن")
    assert shelled and shelled[0].actor["id"] == "org:houthis"
    # elsewhere (Turkey, 2016) the coup plotters are no Houthis
    plotters = of_type(coder, "وقال أردوغان إن الانقلابيين قتلوا عشرات المدنيين في إسطنبول وأنقرة")
    assert plotters and (plotters[0].actor is None or plotters[0].actor["id"] != "org:houthis")


def test_the_owner_of_an_indefinite_target_is_no_actor(coder):
    # رتلا لقوات إيرانية: the Iranian forces own the convoy that was struck
    struck = happened_main(coder, "واستهدفت ضربات جوية ليل السبت رتلا لقوات إيرانية شمال منطقة التنف")
    assert struck and struck[0].actor is None and struck[0].recipient["country"] == "IRN"


def test_the_nisba_of_the_dead_names_the_victim_and_dawn_of_a_date_is_no_bombing(coder):
    # مقتل فلسطيني: a Palestinian was killed; the Israeli strikes named after are who struck
    raid = happened_main(coder, "وأعلنت الوكالة مقتل فلسطيني وإصابة 14 آخرين في سلسلة غارات إسرائيلية على قطاع غزة")
    assert raid and raid[0].actor["country"] == "ISR"
    assert (raid[0].recipient["country"], raid[0].recipient["sector"]) == ("PSE", "CVL")
    result = happened_main(coder, "وأسفر الهجوم عن مقتل إسرائيلي وإصابة آخرين")
    assert result and result[0].actor is None and result[0].recipient["country"] == "ISR"
    # وفجر 14 أبريل: at dawn on the 14th of April, not "and he detonated"
    dawn = happened_main(coder, "وفجر 14 أبريل، قصفت مدمرات أميركية مواقع في سوريا")
    assert [e.trigger["text"] for e in dawn] == ["قصفت"]


def test_sides_joined_to_the_subject_act_with_it_except_in_mutual_events(coder):
    # قصفت مدمرات أميركية وطائرات حربية بريطانية وأخرى فرنسية مواقع …: Britain and France struck too
    struck = happened_main(coder, "وقصفت مدمرات أميركية وطائرات حربية بريطانية وأخرى فرنسية مواقع تابعة للنظام السوري")
    assert struck and struck[0].recipient["country"] == "SYR"
    threat = of_type(coder, "وهددت واشنطن وباريس بشن ضربات في سوريا", "THREATEN")
    assert threat and threat[0].recipient is None
    # اتفقت مصر وإثيوبيا: the two sides of the agreement
    agreed = of_type(coder, "واتفقت مصر وإثيوبيا على استئناف المفاوضات", "AGREE")
    assert agreed and agreed[0].recipient["country"] == "ETH"
    # قيادي بارز في فرع تنظيم داعش: a leader in a branch of the organisation is one of its people
    killed = happened_main(coder, "قتل قيادي بارز في فرع تنظيم داعش باليمن في عملية دهم شمالي مدينة عدن")
    assert killed and killed[0].recipient["country"] == "IMG"
    quoted = happened_main(coder, 'قتل قيادي بارز في فرع تنظيم "داعش" باليمن في عملية دهم شمالي مدينة عدن')
    assert quoted and quoted[0].recipient is not None and quoted[0].recipient["country"] == "IMG"


def test_armed_groups_parties_and_officials_of_the_news_are_known(coder, geo_coder):
    # جيش الإسلام is a Syrian rebel group, not an army; أنصار بيت المقدس not a party's supporters
    fought = happened_main(coder, "وهاجم مسلحو جيش الإسلام مواقع قوات النظام في الغوطة الشرقية")
    assert fought and fought[0].actor["id"] == "org:jaysh-al-islam" and fought[0].actor["sector"] == "REB"
    attack = of_type(coder, "وشن تنظيم أنصار بيت المقدس هجوما على كمين للجيش في العريش")
    assert attack and (attack[0].actor["country"], attack[0].actor["sector"]) == ("EGY", "REB")
    # a person's role on the day: Hadi was Yemen's president in 2018, no longer in 2024
    text = "التقى الرئيس اليمني عبد ربه منصور هادي في الرياض المبعوث الأممي مارتن غريفيث"
    for year, sector in ((2018, "GOV"), (2024, "ELI")):
        met = [e for e in coder.code(text, published=datetime(year, 5, 1, tzinfo=timezone.utc)) if e.event_type == "CONSULT"]
        assert met and (met[0].actor["id"], met[0].actor["country"], met[0].actor["sector"]) == ("person:hadi", "YEM", sector)
    # حركة التغيير in a text about Iraq is the Kurdish Gorran movement (named so elsewhere, it is no one known)
    gorran = of_type(geo_coder, "وانتقدت حركة التغيير في العراق الحكومة بشدة", "ACCUSE")
    assert gorran and gorran[0].actor["id"] == "org:gorran"
    assert all(e.actor is None or e.actor["id"] != "org:gorran"
               for e in of_type(coder, "وانتقدت حركة التغيير الحكومة بشدة", "ACCUSE"))


def test_a_word_between_a_kind_of_agent_and_a_name_must_describe_it(coder):
    # ميليشيات مقر حكومة الوفاق: the militias besieged the government's seat; مقر is owned, not a description
    siege = happened_main(coder, "حاصرت ميليشيات مقر حكومة الوفاق الوطني في العاصمة الليبية طرابلس", "COERCE")
    assert siege and siege[0].actor["sector"] == "REB" and siege[0].recipient["country"] == "LBY"
    # وزراء خارجية الاتحاد الأوروبي: the ministers are the Union's
    met = of_type(coder, "واجتمع وزراء خارجية الاتحاد الأوروبي في بروكسل", "CONSULT")
    assert met and met[0].actor["id"] == "org:eu"


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


def test_a_killing_verb_after_its_subject_with_nothing_to_take_is_passive(coder):
    # أن خاشقجي قتل أثناء استجوابه: Khashoggi was killed; he killed no one
    killed = happened_main(coder, "وقالت صحيفة إن السعودية ستعترف أن خاشقجي قتل أثناء استجواب")
    assert killed and killed[0].actor is None and killed[0].recipient["id"] == "person:khashoggi"
    # (an object later in the clause keeps the active reading)
    struck = happened_main(coder, "وقال المرصد إن الجيش قتل في الغارة ثلاثة مسلحين")
    assert struck and struck[0].actor["sector"] == "MIL" and struck[0].recipient["sector"] == "UAF"


def test_a_name_after_a_relative_takes_no_role(coder):
    # خطيبة جمال خاشقجي تطلب: his fiancée asks, not Khashoggi; قتل نجل البغدادي: his son was killed
    asked = of_type(coder, "خطيبة جمال خاشقجي تطلب مساعدة الرئيس الأمريكي", "REQUEST")
    assert all(side is None or side["id"] != "person:khashoggi" for e in asked for side in (e.actor, e.recipient))
    killed = of_type(coder, "قتل نجل أبو بكر البغدادي في هجوم على مواقع للتنظيم")
    assert killed and (killed[0].recipient is None or killed[0].recipient["id"] != "person:baghdadi")


def test_who_holds_a_place_is_no_actor_but_may_be_the_side_hit(coder):
    # مناطق تسيطر عليها فصائل المعارضة: the opposition holds the areas shelled; it did not shell them
    shelled = happened_main(coder, "وقتل 30 مدنيا في قصف استهدف مناطق تسيطر عليها فصائل المعارضة في إدلب")
    assert shelled and shelled[0].actor is None
    # with no one else hit, the side that holds the place is the recipient
    struck = happened_main(coder, "وكثفت قوات النظام قصفها على أحياء تحت سيطرة تنظيم داعش جنوب دمشق")
    assert struck and struck[0].actor["sector"] == "MIL" and struck[0].recipient["id"] == "org:isis"


def test_an_agent_marker_ending_in_a_preposition_names_the_actor(coder):
    killed = happened_main(coder, "قتل 51 شخصا في الغارة الجوية المنسوبة إلى قوات التحالف")
    assert killed and killed[0].actor["id"] == "org:coalition"


def test_the_first_of_subjects_joined_by_wa_before_the_verb_is_the_actor(coder):
    # الولايات المتحدة وبريطانيا وفرنسا قصفت: not France, the one nearest the verb
    struck = happened_main(coder, "وكانت الولايات المتحدة وبريطانيا وفرنسا قصفت ثلاثة مواقع في سوريا")
    assert struck and struck[0].actor["country"] == "USA"


def test_military_and_civil_as_adjectives_name_no_one(coder):
    # هجوم عسكري، العرض العسكري، مطار الضبعة العسكري: adjectives of the noun before, not "a soldier"
    struck = of_type(coder, "وتعرض مطار الضبعة العسكري في ريف حمص لغارات إسرائيلية استهدفت مستودعات أسلحة")
    assert struck and all(side is None or side["text"] != "العسكري" for e in struck for side in (e.actor, e.recipient))
    threat = of_type(coder, "وهددت الولايات المتحدة بعمل عسكري كبير في سوريا", "THREATEN")
    assert threat and threat[0].actor["country"] == "USA"
    assert of_type(coder, "تعمل منظمات المجتمع المدني بالتنسيق مع المجلس المدني", "COOPERATE") == []
    # after a word of harm it is a person (مقتل عسكري); after a target, whose it is (موقع عسكري)
    killed = happened_main(coder, "وأعلن الجيش مقتل عسكري في الهجوم")
    assert killed and killed[0].recipient["sector"] == "MIL"
    attack = of_type(coder, "شن مسلحون هجوما على موقع عسكري في مدينة العريش")
    assert attack and attack[0].recipient["sector"] == "MIL"


def test_a_nisba_right_after_a_place_names_no_side(geo_coder):
    # في مدينة الرمادي العراقية: the nisba says where Ramadi is; Iraq did not strike
    struck = of_type(geo_coder, "قصفت الطائرات مدينة الرمادي العراقية")
    assert struck and all(side is None or side["text"] != "العراقية" for e in struck for side in (e.actor, e.recipient))


def test_after_a_pronoun_complementizer_the_one_named_after_the_verb_is_its_object(coder):
    # وتؤكد حماس أنها قصفت البلدات الإسرائيلية: Hamas shelled, Israel was hit
    shelled = happened_main(coder, "وتؤكد حماس أنها قصفت البلدات الإسرائيلية ردا على الغارة")
    assert shelled and shelled[0].actor["id"] == "org:hamas" and shelled[0].recipient["country"] == "ISR"


def test_a_possible_strike_with_its_nisba_is_future(coder):
    # الضربة الصاروخية الأميركية المحتملة: المحتملة after the nisba still makes it a strike that may come
    strike = of_type(coder, "وقالت زاخاروفا إن الضربة الصاروخية الأميركية المحتملة قد تكون محاولة لتدمير أدلة")
    assert strike and strike[0].modality == "future"


def test_with_after_a_fight_names_the_other_side(coder):
    # خاض الجيش الوطني معارك عنيفة مع مليشيات الحوثي
    fight = happened_main(coder, "وأضافت أن الجيش الوطني خاض معارك عنيفة مع مليشيات الحوثي في محيط القرية")
    assert fight and fight[0].actor["sector"] == "MIL" and fight[0].recipient["id"] == "org:houthis"


def test_a_trigger_phrase_running_into_a_name_gives_way_to_its_shorter_part(coder):
    # قصف طائرات (a phrase) would take the first word of "طائرات حربية تركية", a name: قصف is the trigger
    struck = of_type(coder, "وتعرضت القرى لقصف طائرات حربية تركية صباح اليوم")
    assert struck and struck[0].actor["country"] == "TUR"
    # نشر الجيش الإسرائيلي صورا: the army published pictures; it deployed nothing
    assert of_type(coder, "ونشر الجيش الإسرائيلي صورا للمواقع التي قصفها", "MOBILIZE") == []
    deployed = of_type(coder, "ونشر الجيش التركي قوات على الأراضي القطرية", "MOBILIZE")
    assert deployed and deployed[0].actor["country"] == "TUR"


def test_regime_forces_in_a_text_about_syria_are_syrias(geo_coder):
    # قوات النظام in Syrian news is Syria's military; elsewhere a kind of agent with no country
    shelled = of_type(geo_coder, "وكثفت قوات النظام قصفها على مدينة حماة في سوريا")
    assert shelled and (shelled[0].actor["country"], shelled[0].actor["sector"]) == ("SYR", "MIL")
    elsewhere = of_type(geo_coder, "وكثفت قوات النظام قصفها على مدينة الفلوجة في العراق")
    assert elsewhere and elsewhere[0].actor["country"] is None
    # (with a nisba after it, the nisba says whose forces they are)
    iranian = of_type(geo_coder, "وقصفت قوات النظام الإيراني مدينة حماة في سوريا")
    assert iranian and iranian[0].actor["country"] == "IRN"


def test_a_document_right_before_a_verb_is_its_subject(coder):
    # مشروع قرار يدين إسرائيل: the draft resolution condemns Israel; Israel condemns no one
    condemned = of_type(coder, "صادقت الجمعية العامة على مشروع قرار يدين إسرائيل بسبب استعمالها القوة", "ACCUSE")
    assert condemned and condemned[0].actor is None and condemned[0].recipient["country"] == "ISR"
    accused = of_type(coder, "وأصدر السفير بيانا اتهم فيه حركة حماس بالوقوف خلف أعمال العنف", "ACCUSE")
    assert accused and accused[0].recipient["id"] == "org:hamas"
    # (a quotation after بيان has its own subject: في بيان "تدين فرنسا …")
    quoted = of_type(coder, 'وقالت المتحدثة في بيان "تدين فرنسا إطلاق النار على المدنيين"', "ACCUSE")
    assert quoted and quoted[0].actor["country"] == "FRA"


def test_a_storm_that_strikes_and_a_capability_are_no_attack(coder):
    # ضربت العاصفة المنطقة مما أسفر عن مقتل 50: the storm killed them
    assert happened_main(coder, "وضربت العاصفة نفسها المنطقة الأربعاء مما أسفر عن مقتل أكثر من 50 شخصا") == []
    assert happened_main(coder, "وضربت غارة جوية المنطقة مما أسفر عن مقتل 5 أشخاص")
    # ... also where a toll comes first and the quake strikes in its clause
    assert happened_main(coder, "قتل 5 أشخاص أمس في زلزال ضرب غرب إيران") == []
    assert happened_main(coder, "قتل 5 أشخاص أمس في هجوم ضرب غرب إيران")
    # drowned migrants, tainted drinks: deaths with another cause, even some words after the toll
    assert happened_main(coder, "قتل 48 مهاجرا على الأقل قبالة السواحل التونسية إثر غرق قاربهم") == []
    assert happened_main(coder, "لقي حوالي 42 شخصا مصرعهم بعد تناول مشروبات كحولية فاسدة في إيران") == []
    # القدرة على شن هجمات: what a side could do, not what it did
    able = of_type(coder, "وقالت الوزارة إن الحكومة لا تزال تملك القدرة على شن هجمات كيماوية محدودة")
    assert able and able[0].modality == "hypothetical"


def test_a_kind_of_agent_takes_a_country_past_one_adjective_and_names_do_not_join_across_a_full_stop(coder):
    # القوات الخاصة الملكية الأردنية, قوات الدفاع الجوي الملكي السعودي: the country's forces, not the country alone
    killed = of_type(coder, "وقتلت القوات الخاصة الملكية الأردنية ثلاثة مسلحين في اشتباك قرب الحدود")
    assert killed and killed[0].actor["country"] == "JOR" and killed[0].actor["text"].startswith("القوات الخاصة")
    # ... الجيش الإسرائيلي". وأوضح نتنياهو: a name in the next sentence is no part of the description before
    text = 'وقال إن الغارة نفذها الجيش الإسرائيلي. وأوضح نتنياهو أن إسرائيل لن تسمح بذلك.'
    assert all(side is None or "." not in side["text"] for e in coder.code(text, published=PUBLISHED)
               for side in (e.actor, e.recipient))


def test_victims_counted_from_a_group_and_the_side_a_battle_cost_are_hit(coder):
    # أسفر الهجوم عن إصابة اثنين من الجنود: the soldiers were hit, they did not attack
    hit = happened_main(coder, "وأسفر الهجوم عن إصابة اثنين من الجنود")
    assert hit and hit[0].actor is None and hit[0].recipient["sector"] == "MIL"
    # 15 عنصرا على الأقل من قوات النظام: a hedge between the member word and من
    killed = happened_main(coder, "وقتل 15 عنصرا على الأقل من قوات الأمن في الهجوم")
    assert killed and killed[0].recipient["sector"] == "COP"
    # كبدت المعارك ميليشيات الحوثي خسائر: the battles cost the Houthis, who did not fight alone
    cost = happened_main(coder, "وكبدت المعارك ميليشيات الحوثي خسائر فادحة، حيث قتل العشرات من عناصرها")
    assert cost and (cost[0].actor is None or cost[0].actor["id"] != "org:houthis")


def test_a_building_is_hit_in_an_attack_never_the_attacker(coder):
    # واستهدف الهجوم سوقا شعبيا: the market was hit
    hit = happened_main(coder, "واستهدف الهجوم سوقا شعبيا في حي كشكول، مخلفا 35 قتيلا و23 مصابا على الأقل")
    assert hit and hit[0].actor is None and hit[0].recipient["sector"] == "BUS"
    # (an institution may still speak: رحبت الكنيسة القبطية بالزيارة)
    welcomed = of_type(coder, "ورحبت الكنيسة القبطية بالزيارة التاريخية", "SUPPORT")
    assert welcomed and welcomed[0].actor["sector"] == "REL"


def test_in_the_face_of_names_whom_a_protest_is_against(coder):
    # تظاهرة حاشدة في وجه ميليشيات الحوثي: the Houthis are whom it is against, not who protests
    protest = of_type(coder, "وشارك الآلاف في تظاهرة حاشدة في وجه ميليشيات الحوثي", "PROTEST")
    assert protest and protest[0].recipient["id"] == "org:houthis"
    assert protest[0].actor is None or protest[0].actor["id"] != "org:houthis"


def test_whom_a_protest_is_against_follows_its_target_words(coder):
    def target(text):
        found = of_type(coder, text, "PROTEST")
        assert found, text
        return found[0].recipient and (found[0].recipient.get("country"), found[0].recipient.get("sector"))

    # far after the protest, past the matter of the protest (قرار، رحيل، مقر سفارة)
    assert target("وتجمع مئات المتظاهرين أمس أمام مبنى مجلس المحافظة وسط المدينة، مطالبين الحكومة التركية "
                  "بالتدخل") == ("TUR", "GOV")
    assert target("وتجمع عشرات المتظاهرين أمس حول مقر سفارة إستونيا في موسكو") == ("EST", "GOV")
    assert target("وخرج آلاف الفلسطينيين في مسيرات أمس في غزة احتجاجا على قرار الإدارة الأمريكية نقل السفارة") == \
        ("USA", "GOV")
    # flags name the target when burnt, not when carried
    assert target("وتظاهر الآلاف في البصرة أمس وأحرقوا أعلام إيران") == ("IRN", "GOV")
    carried = target("وتظاهر الآلاف في بغداد أمس حاملين أعلام العراق")
    assert carried is None or carried[0] != "IRQ"
    # not the ضد of a relative clause inside the matter: the campaign is the coalition's, not the Houthis'
    aimed = target("وتظاهر المئات في لندن أمس احتجاجا على حملة القصف التي يشنها التحالف ضد الحوثيين")
    assert aimed is None or aimed[0] != "YEM"


def test_a_nisba_counted_by_a_number_is_the_people_of_that_country(coder):
    # قتلت القوات الإسرائيلية 41 فلسطينيا: Palestinians (civilians), not the Palestinian state
    killed = happened_main(coder, "وقتلت القوات الإسرائيلية 41 فلسطينيا على الأقل")
    assert killed and (killed[0].recipient["country"], killed[0].recipient["sector"]) == ("PSE", "CVL")


def test_security_forces_and_air_defence_systems_are_kinds_of_agent(coder):
    # القوات الأمنية are the security forces (not "forces" of no kind); منظومة الدفاع السورية Syria's military
    killed = happened_main(coder, "وقتلت القوات الأمنية العراقية ثلاثة من المهاجمين")
    assert killed and (killed[0].actor["country"], killed[0].actor["sector"]) == ("IRQ", "COP")
    fired = of_type(coder, "وأكد الجيش الإسرائيلي أن منظومة الدفاع السورية أطلقت الصواريخ على الطائرة")
    assert fired and (fired[0].actor["country"], fired[0].actor["sector"]) == ("SYR", "MIL")


def test_a_nisba_right_after_a_killing_verb_with_no_object_is_the_victim(coder):
    # قتل فلسطيني بقصف إسرائيلي: a Palestinian was killed; Israel's shelling killed him
    killed = happened_main(coder, "قتل فلسطيني، صباح الجمعة، بقصف إسرائيلي على قطاع غزة")
    assert killed and (killed[0].recipient["country"], killed[0].recipient["sector"]) == ("PSE", "CVL")
    assert killed[0].actor["country"] == "ISR"


def test_a_war_machine_in_construct_belongs_to_the_side_after_it(coder):
    # قصفت دبابات الجيش الإسرائيلي موقعين لحركة حماس: the army's tanks fired; Hamas's posts were hit
    shelled = happened_main(coder, "قصفت دبابات الجيش الإسرائيلي موقعين لحركة حماس في قطاع غزة")
    assert shelled and shelled[0].actor["country"] == "ISR" and shelled[0].recipient["id"] == "org:hamas"


def test_the_oppositions_fighters_are_rebels_who_act(coder):
    # مقاتلو المعارضة قصفوا: armed rebels (REB) are the subject, not the opposition as a political side
    shelled = happened_main(coder, "وقالت سانا إن مقاتلي المعارضة قصفوا مدينة السويداء")
    assert shelled and shelled[0].actor["sector"] == "REB"


def test_victims_killed_in_clashes_with_a_side_were_hit_by_it(coder):
    # قتل 64 عنصرا من ميليشيات الحوثي الإيراني في مواجهات مع ألوية العمالقة: the Giants Brigades (not Iran,
    # the Houthis' epithet) hit the Houthis
    killed = happened_main(coder, "قتل 64 عنصرا من ميليشيات الحوثي الإيراني في مواجهات مع ألوية العمالقة")
    assert killed and killed[0].recipient["id"] == "org:houthis"
    assert killed[0].actor is not None and killed[0].actor["country"] == "YEM"
    # جنود أتراك، مسلحين أكراد: an indefinite people's plural qualifies the kind of agent before it
    turks = happened_main(coder, "قتل ثلاثة جنود أتراك في اشتباكات مع مسلحين أكراد")
    assert turks and turks[0].recipient["country"] == "TUR" and turks[0].actor["sector"] == "UAF"


def test_a_possessive_on_the_event_noun_after_a_report_is_the_reporter(coder):
    # أعلنت الولايات المتحدة أن غاراتها الجوية أوقعت مئة قتيل: the United States' own airstrikes
    strikes = of_type(coder, "أعلنت الولايات المتحدة أن غاراتها الجوية على دير الزور أوقعت مئة قتيل")
    assert strikes and strikes[0].actor["country"] == "USA"


def test_time_phrases_and_particles_do_not_join_or_name_the_one_hit(coder):
    # مقتل النقيب بعد أسبوع على سقوط صالح الصماد: على of time; al-Sammad's fall is another event
    killed = of_type(coder, "وجاء مقتل النقيب بعد أسبوع على سقوط صالح الصماد في غارة للتحالف")
    assert killed and (killed[0].recipient is None or "الصماد" not in killed[0].recipient["text"])
    # أفاد مسؤولون أتراك بأن خاشقجي قتل: the officials report; Khashoggi is the victim, not part of their name
    killed = of_type(coder, 'أفاد مسؤولون أتراك بأن خاشقجي "قُتل" في القنصلية السعودية')
    assert killed and killed[0].recipient["text"] == "خاشقجي"


def test_afflictions_and_the_name_israa_are_no_attacks(coder):
    # أصيبت والدته بالهلع: struck by panic; إسراء الغمغام: a woman's name, not أسرا (captured)
    assert not of_type(coder, "وقد أصيبت والدة عبد الرؤوف بالهلع حين أخبرت أن ابنها استشهد")
    assert not of_type(coder, "وطالبت النيابة العامة بعقوبة الإعدام بحق الناشطة إسراء الغمغام")


def test_an_epithet_ends_the_name_before_a_verb(coder):
    # منظمة حماس الإرهابية استهدفت المدنيين الإسرائيليين: Hamas is the subject, the civilians the target
    hit = of_type(coder, "وقال الجيش إن منظمة حماس الإرهابية استهدفت المدنيين الإسرائيليين ليلا بالصواريخ")
    assert hit and hit[0].actor["id"] == "org:hamas" and hit[0].recipient["sector"] == "CVL"


def test_a_nisba_qualifying_no_noun_is_a_person_of_that_nation(coder):
    # أطلق جندي إسرائيلي النار على الفلسطيني: a Palestinian (civilian), not the Palestinian state
    shot = happened_main(coder, "وأطلق جندي إسرائيلي النار على الفلسطيني الذي حاول الفرار")
    assert shot and (shot[0].recipient["country"], shot[0].recipient["sector"]) == ("PSE", "CVL")


def test_a_nisba_on_the_noun_of_a_place_phrase_names_no_killer(coder):
    # خاشقجي قتل في القنصلية السعودية: the consulate is where, not who
    killed = of_type(coder, "وقال مسؤول إن خاشقجي قتل في القنصلية السعودية في إسطنبول")
    assert killed and killed[0].actor is None and killed[0].recipient["text"] == "خاشقجي"


def test_a_killing_verb_before_there_or_a_past_time_is_the_passive(coder):
    # قتل هناك، قتل الأسبوع الماضي في القنصلية السعودية: no object follows - he was killed
    for sentence in ("وقال مصدر إن لدى المحققين أدلة تثبت أن خاشقجي قتل هناك",
                     "وقال مصدر إن خاشقجي قتل الأسبوع الماضي في مبنى القنصلية السعودية"):
        killed = of_type(coder, sentence)
        assert killed and killed[0].actor is None and killed[0].recipient["text"] == "خاشقجي", sentence
    # an object after the time still makes the one before the verb its subject
    army = of_type(coder, "وقال المصدر إن الجيش قتل الأسبوع الماضي 20 مسلحا في المدينة")
    assert army and army[0].actor["sector"] == "MIL" and army[0].recipient["text"] == "مسلحا"


def test_a_second_verb_ends_the_clause_of_a_passive_killing(coder):
    # قتل فلسطيني وأصيب 3 آخرون في غارة إسرائيلية: the count belongs to the second verb; the Palestinian
    # was killed, by Israel's strike
    killed = happened_main(coder, "قتل فلسطيني وأصيب 3 آخرون في غارة إسرائيلية على بيت لاهيا")
    assert killed and (killed[0].recipient["country"], killed[0].recipient["sector"]) == ("PSE", "CVL")
    assert killed[0].actor["country"] == "ISR"
    # قتل مسلح اثنين من الحرس: اثنين is a count (two), not Monday, so the gunman has an object and acts
    shot = happened_main(coder, "وفي أكتوبر الماضي، قتل مسلح اثنين من الحرس وجرح ثلاثة آخرين في جدة")
    assert shot and shot[0].actor is not None and shot[0].actor["sector"] == "UAF"
    # جندي إسرائيلي واحد: one soldier - a numeral after its noun is no object, the soldier was wounded
    hurt = of_type(coder, "في حين أصيب جندي إسرائيلي واحد بجروح طفيفة")
    assert hurt and hurt[0].actor is None and hurt[0].recipient["country"] == "ISR"


def test_the_interceptor_is_not_the_target_of_the_missile_it_stops(coder):
    # اعترضت قوات الدفاع الجوي السعودي صاروخا أطلقته ميليشيات الحوثي: the pronoun on أطلقته is the missile
    fired = of_type(coder, "أعلن التحالف أن قوات الدفاع الجوي السعودي اعترضت صاروخا أطلقته ميليشيات الحوثي تجاه السعودية")
    assert fired and fired[0].actor["id"] == "org:houthis"
    assert fired[0].recipient is None or fired[0].recipient["text"] != "قوات الدفاع الجوي السعودي"


def test_persons_of_an_armed_cell_are_its_members_and_supporters_are_no_side(coder):
    # قتلت 6 أشخاص من خلية إرهابية: members of the cell (armed), not civilians
    killed = happened_main(coder, "وأعلنت الوزارة أن قوات الأمن قتلت 6 أشخاص من خلية إرهابية في الإسكندرية")
    assert killed and killed[0].recipient["sector"] == "UAF"
    # جمعيات مؤيدة للفلسطينيين: the Palestinians back the associations; they do not call for the protest
    called = of_type(coder, "ودعت جمعيات مؤيدة للفلسطينيين إلى التظاهر في المدن الفرنسية", "REQUEST")
    assert called and (called[0].actor is None or called[0].actor["country"] != "PSE")


def test_a_kind_of_agent_in_construct_with_a_state_is_that_states(coder):
    # سلطات الدوحة، قوات إيران: Qatar's authorities, Iran's forces
    arrest = of_type(coder, "وشهد العام الماضي واقعة اعتقال سلطات الدوحة للحاج حمد المري", "COERCE")
    assert arrest and (arrest[0].actor["country"], arrest[0].actor["sector"]) == ("QAT", "GOV")
    shelled = happened_main(coder, "وقصفت قوات إيران مواقع المعارضة الكردية")
    assert shelled and (shelled[0].actor["country"], shelled[0].actor["sector"]) == ("IRN", "MIL")
    # رئيس السلطة الفلسطينية محمود عباس: the title still joins the person named after it
    accused = of_type(coder, 'اتهم رئيس السلطة الفلسطينية محمود عباس، الأربعاء، حركة "حماس" بعرقلة المصالحة', "ACCUSE")
    assert accused and accused[0].actor["name"] == "Mahmoud Abbas" and accused[0].recipient["id"] == "org:hamas"
    # عملاء الموساد اغتيال خالد مشعل: a noun between a description and a name keeps them apart
    tried = of_type(coder, "وفي عام 1997 حاول عملاء الموساد اغتيال خالد مشعل في الأردن")
    assert tried and tried[0].actor["country"] == "ISR" and tried[0].recipient["name"] == "Khaled Meshaal"


def test_a_relative_clause_on_the_actor_names_no_recipient(coder):
    # قصفت قوات سوريا الديمقراطية، التي تغلب عليها وحدات حماية الشعب، مواقع …: the YPG describe the SDF
    shelled = happened_main(coder, "وقصفت قوات سوريا الديمقراطية، التي تغلب عليها وحدات حماية الشعب الكردية، "
                                   "مواقع تنظيم داعش قرب هجين")
    assert shelled and shelled[0].actor["name"] == "Syrian Democratic Forces"
    assert shelled[0].recipient["name"] == "Islamic State"


def test_an_armed_actor_striking_military_targets_is_an_attack_and_a_base_is_no_al_qaeda(coder):
    # استهدف الجيش الإسرائيلي مواقع عدة: a weak verb, but an armed actor and a military target
    hit = happened_main(coder, "استهدف الجيش الإسرائيلي مواقع عدة في الداخل السوري بعشرات الصواريخ")
    assert hit and hit[0].actor["country"] == "ISR"
    # القاعدة العسكرية: the military base, not al-Qaeda
    unknown = of_type(coder, "ولا تزال الجهة التي استهدفت القاعدة العسكرية المعروفة باسم التياس مجهولة")
    assert all(side is None or side["name"] != "Al-Qaeda" for e in unknown for side in (e.actor, e.recipient))
    # قرار صادر من النيابة: issued by the prosecution, no confiscation
    assert not of_type(coder, "ألقي القبض عليها تنفيذا لقرار صادر من النيابة العامة بضبطها", "COERCE") or all(
        e.mode != "seize" for e in of_type(coder, "ألقي القبض عليها تنفيذا لقرار صادر من النيابة العامة بضبطها", "COERCE"))


def test_a_name_after_a_preposition_is_not_the_subject_after_the_verb(coder):
    # اشتبكت مع المهاجمين: the attackers are the other side of the clash, the security forces the actor
    clash = of_type(coder, "وأشار إلى أن قوات الأمن دخلت إلى المبنى واشتبكت مع المهاجمين")
    assert clash and clash[0].actor["sector"] == "COP" and clash[0].recipient["sector"] == "UAF"
    # نتانياهو اجتمع مع الرئيس المصري: who he met comes after مع
    met = of_type(coder, "وقال الوزير إن نتانياهو اجتمع مع الرئيس المصري عبد الفتاح السيسي في القاهرة", "CONSULT")
    assert met and met[0].recipient is not None and met[0].recipient["country"] == "EGY"
    assert met[0].actor is None or met[0].actor["country"] != "EGY"
    # بحثا عن طبيب: searching for, not talks
    assert not of_type(coder, "وتواصل القوات عمليات التمشيط بحثا عن المسلحين الفارين", "CONSULT")


def test_the_ala_of_a_hedge_marks_no_one_hit(coder):
    # قتل 43 مدنيا على الأقل بقصف للقوات التركية: the civilians were hit, by the Turkish forces
    killed = happened_main(coder, "والجمعة قتل 43 مدنيا على الأقل بقصف للقوات التركية على مدينة عفرين")
    assert killed and killed[0].recipient["sector"] == "CVL" and killed[0].actor["country"] == "TUR"
    # مقتل 14 مقاتلا بينهم إيرانيون في الضربة: the Iranians are among the dead, not who struck
    struck = of_type(coder, "وأفاد المرصد بمقتل 14 مقاتلا على الأقل بينهم إيرانيون في الضربة")
    assert struck and (struck[0].actor is None or struck[0].actor["country"] != "IRN")
    # 14 مقاتلا … قتلوا في الضربة: the fighters are the killing verb's (passive) subject, not the strike's actor
    struck = of_type(coder, "وقال المرصد إن 14 مقاتلا على الأقل، بينهم إيرانيون، قتلوا في الضربة التي استهدفت المطار")
    assert struck and (struck[0].actor is None or struck[0].actor["sector"] != "REB")


def test_a_time_anchor_written_with_the_article_needs_it(coder):
    # الآن، الأحد، الاثنين stripped of their article were أن، أحد، اثنين: every reported sentence was "anchored"
    habit = one(coder, "وقال المتحدث إن المسلحين يخطفون المدنيين", "ASSAULT", published=PUBLISHED)
    assert habit.modality == "generic"
    one_of = one(coder, "وقال المتحدث إن أحد المسلحين يخطف المدنيين", "ASSAULT", published=PUBLISHED)
    assert one_of.modality == "generic"
    now = one(coder, "وقال المتحدث إن المسلحين يخطفون المدنيين الآن", "ASSAULT", published=PUBLISHED)
    assert now.happened


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


def test_a_first_person_spelling_reads_as_the_passive_past(coder):
    # folded, أصيب / أدين are "I hit" / "I condemn" and, far more often in news, "was wounded" / "was convicted"
    wounded = one(coder, "وقال المتحدث إن جنديا أصيب في هجوم", "ASSAULT", published=PUBLISHED)
    assert wounded.happened and wounded.salience == "main"
    convicted = one(coder, "وأدين الحارس بجريمة السرقة", "ACCUSE", published=PUBLISHED)
    assert convicted.happened


def test_a_past_verb_of_carrying_out_or_undergoing_makes_the_event_noun_news(coder):
    # with no time, place, toll or instrument, an event noun is a reference - unless a deed verb carries it
    assert happened_main(coder, "وقال المتحدث إن الدبلوماسي تعرض لهجوم على يد مجهولين")
    assert happened_main(coder, "وأضاف أن الجيش الوطني خاض معارك عنيفة مع المتمردين")
    # a present one tells a habit, and a verb of taking part or claiming is not the deed told
    assert not happened_main(coder, "وقال المتحدث إن المتمردين يشنون هجمات على القرى")
    assert not happened_main(coder, "وقال المتحدث إن الحركة تبنت الهجوم على القرية")


def test_a_denial_reaches_past_a_time_word(coder):
    denied = one(coder, "ونفى الجيش التركي السبت قصف المستشفى في المدينة", "ASSAULT", published=PUBLISHED)
    assert denied.modality == "negated"


def test_persons_of_an_organisations_fighters_are_its_members(coder):
    # 27 شخصا من مقاتلي قوات الحشد الشعبي: once مقاتلي has joined the organisation, the persons are its members
    hit = happened_main(coder, "قتل 27 شخصا من مقاتلي قوات الحشد الشعبي في كمين نصبه مسلحون أمس")
    assert hit and hit[0].recipient["id"] == "org:pmf"


def test_a_kind_of_civilian_right_after_the_people_describes_them(coder):
    # العراقيين المحتجين is one side; what they stormed is the other (protesters storming and burning, with no
    # weapon of war: a violent demonstration, PROTEST riot)
    stormed = happened_main(coder, "اقتحم عشرات العراقيين المحتجين القنصلية الإيرانية في البصرة أمس وأضرموا النار فيها",
                            "PROTEST")
    assert stormed and stormed[0].mode == "riot" and stormed[0].acled_event_type == "Riots"
    assert stormed[0].actor["country"] == "IRQ" and stormed[0].actor["sector"] == "CVL"
    assert stormed[0].recipient["country"] == "IRN"


def test_duals_of_people_and_counted_terrorists_are_sides(coder):
    two = happened_main(coder, "قتل شخصان في انفجار عبوة ناسفة أمس")
    assert two and two[0].recipient["sector"] == "CVL"
    counted = happened_main(coder, "وأعلن الجيش المصري مقتل 52 إرهابيا في سيناء أمس")
    assert counted and counted[0].recipient["sector"] == "REB" and counted[0].actor["country"] == "EGY"
    # an accusative nisba after an indefinite noun is its adjective, not a side
    listed = [e for e in events(coder, "وتعد واشنطن حزب الله تنظيما إرهابيا، وفرضت على الحزب عقوبات اقتصادية",
                                published=PUBLISHED) if e.event_type == "SANCTION"]
    assert listed and "إرهابيا" not in listed[0].actor["text"]


def test_the_state_shot_toward_is_hit_and_still_the_place(coder, geo_coder):
    # باتجاه السعودية is a place phrase, so the country was no side at all
    launch = happened_main(coder, "أطلق الحوثيون صاروخا باليستيا باتجاه السعودية أمس")
    assert launch and launch[0].recipient["country"] == "SAU" and launch[0].actor["id"] == "org:houthis"
    placed = happened_main(geo_coder, "أطلق الحوثيون صاروخا باليستيا باتجاه السعودية أمس")
    assert placed and placed[0].locations and placed[0].locations[0]["name_en"] == "Saudi Arabia"
    # not after a verb that is no attack: those who flee toward a country do not hit it
    assert all(e.event_type != "ASSAULT" for e in events(coder, "فر آلاف المدنيين نحو تركيا أمس"))


def test_the_counted_are_hit_not_the_some_of_them_named_after_among(coder):
    killed = happened_main(coder, "وقال المرصد إن 14 مقاتلا، بينهم إيرانيون، قتلوا في الضربة أمس")
    assert killed and killed[0].recipient["sector"] == "REB" and killed[0].fatalities["best"] == 14


def test_deaths_with_a_cause_that_is_no_attack_are_no_attack(coder):
    # the plane in تحطم طائرة is the cause's, not an instrument of attack
    for sentence in ("قتل 257 شخصا على الأقل في تحطم طائرة نقل عسكرية قرب العاصمة أمس",
                     "قتل ثمانية أشخاص إثر حادث سير على الطريق الساحلي أمس",
                     "قتل خمسة أشخاص بانهيار مبنى في المدينة أمس",
                     # بفعل is one of the causal links (cues.yaml), as جراء and إثر
                     "قتل خمسة أشخاص بفعل الفيضانات في المدينة أمس"):
        assert not happened_main(coder, sentence), sentence
    # nor with a machine right after the cause's word (تحطم مروحية, not in the list as a phrase)
    assert not happened_main(coder, "أعلنت الوزارة الخميس مقتل مدرب أمريكي في حادث تحطم مروحية خلال عملية تدريب")
    # an air strike with its plane still is one
    assert happened_main(coder, "قتل 20 شخصا في غارة طائرة حربية على القرية أمس")


def test_a_targeting_participle_after_a_place_names_the_one_hit(coder):
    # على took a place; the participle after the comma names the target, or the target's owner
    owned = happened_main(coder, "وقال الجيش إنه شن غارات جوية على قطاع غزة، مستهدفا 18 موقعا عسكريا تابعا لحركة حماس")
    assert owned and owned[0].recipient["id"] == "org:hamas"
    direct = happened_main(coder, "وشنت الطائرات الإسرائيلية غارات على قطاع غزة أمس، مستهدفة حركة حماس")
    assert direct and direct[0].recipient["id"] == "org:hamas"
    # a second على is another phrase's: the protesters stay the ones killed
    killed = happened_main(coder, "وقتل 62 فلسطينيا برصاص الجيش الإسرائيلي أثناء تظاهرهم على السياج احتجاجا على نقل السفارة")
    assert killed and killed[0].recipient["country"] == "PSE" and killed[0].recipient["sector"] == "CVL"


def test_a_crowd_before_an_active_plural_verb_acts(coder):
    stormed = happened_main(coder, "وقالت مصادر إن محتجين اقتحموا القنصلية الإيرانية في البصرة أمس وأضرموا فيها النيران",
                            "PROTEST")
    assert stormed and stormed[0].actor["sector"] == "CVL" and stormed[0].recipient["country"] == "IRN"
    # not a verb whose subject may be its victims, nor a crowd that describes an armed side just before it
    killed = happened_main(coder, "وقال إن المتظاهرين قتلوا برصاص الشرطة أمس")
    assert killed and killed[0].actor["sector"] == "COP" and killed[0].recipient["sector"] == "CVL"
    militia = happened_main(coder, "وقالت المصادر إن عناصر الميليشيات من رجال ونساء اقتحموا حرم الكلية أمس واعتقلوا طالبات")
    assert militia and militia[0].actor["sector"] != "CVL"


def test_a_states_nisba_on_the_strike_names_who_struck(coder):
    # قتل فلسطيني بقصف إسرائيلي: the Israeli shelling's nisba, not the Palestinian nisba of the dead
    shelled = happened_main(coder, "قتل فلسطيني، صباح الجمعة، بقصف إسرائيلي على قطاع غزة")
    assert shelled and shelled[0].actor["country"] == "ISR" and shelled[0].actor["sector"] == "MIL"
    assert shelled[0].recipient["country"] == "PSE" and shelled[0].recipient["sector"] == "CVL"
    backed = [e for e in events(coder, "وبعد التقدم الأخير للقوات السورية المدعومة بغارات روسية في الغوطة الشرقية",
                                published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert backed and backed[0].actor["country"] == "RUS"
    # not the nisba of an attack that another one answers (للهجوم التركي is what the Kurds face)
    answered = [e for e in events(coder, "ويتصدى المقاتلون الأكراد الذين أثبتوا فعالية في قتال تنظيم داعش، للهجوم التركي",
                                  published=PUBLISHED) if e.event_type == "ASSAULT" and e.trigger["text"] == "قتال"]
    assert answered and answered[0].actor["country"] != "TUR"


def test_a_side_after_the_attack_that_caused_the_dead_made_it(coder):
    # حصيلة القتلى جراء قصف قوات النظام: the forces in construct with the shelling shelled; they are not the dead
    shelled = happened_main(coder, "ارتفعت حصيلة القتلى جراء قصف قوات النظام السوري للغوطة الشرقية إلى 80 قتيلا مدنيا")
    assert shelled and shelled[0].actor["country"] == "SYR" and shelled[0].actor["sector"] in ("MIL", "GOV")
    assert shelled[0].recipient["sector"] == "CVL"
    # not a second word of harm joined by و: those captured are the Houthis
    captured = [e for e in events(coder, "ونجحت القوات في قتل وأسر عناصر حوثية أمس", published=PUBLISHED)
                if e.event_type == "ASSAULT" and e.happened]
    assert captured and all(e.actor is None or e.actor.get("id") != "org:houthis" for e in captured)
    # جراء folded (جرا) is a cause too: deaths in a road accident are no attack
    assert not happened_main(coder, "قتل ثمانية أشخاص جراء حادث سير على الطريق الساحلي أمس")


def test_families_of_the_dead_are_no_capture(coder):
    # أسر الضحايا، أسر الشهداء: families (plural of أسرة), spelled like the verb "captured"
    for sentence in ("وقالت أسر الضحايا إن الحكومة لم تدفع التعويضات أمس",
                     "وتعهد التحالف بتعويض أسر الشهداء في المدينة أمس"):
        assert not [e for e in happened_main(coder, sentence) if e.trigger["text"] == "أسر"], sentence
    captured = happened_main(coder, "وتمكنت القوات من أسر ستين عنصرا من ميليشيات الحوثي أمس")
    assert captured and captured[0].recipient["id"] == "org:houthis"


def test_who_reports_or_counts_violence_does_not_carry_it_out(coder):
    # actors.yaml observer_sectors (media, NGOs): a monitor or an agency beside an attack is its source
    for sentence in ("وأحصى المرصد السوري لحقوق الإنسان 60 غارة على الأقل في ثلاث ساعات، قتل فيها أربعة أشخاص أمس",
                     "وبحسب ما نقلته وكالة الأنباء السورية، فقد قتل 13 مدنيا وأصيب 77 آخرون جراء قصف أحياء سكنية أمس"):
        killed = happened_main(coder, sentence)
        assert killed and killed[0].actor is None and killed[0].recipient["sector"] == "CVL", sentence
    # a journalist right after the verb is the one it was done to
    held = happened_main(coder, "وقالت المصادر إن فريقا أمنيا احتجز خاشقجي لدى وصوله إلى القنصلية أمس", "COERCE")
    assert held and held[0].actor is None and held[0].recipient["text"] == "خاشقجي"


def test_the_sector_lists_of_the_actors_file_are_validated():
    from etl.extraction.dictionaries import DictionaryError, parse_actors
    import yaml
    from importlib import resources

    raw = yaml.safe_load(resources.files("etl.extraction").joinpath("data/actors.yaml").read_text("utf-8"))
    assert parse_actors(raw).observer_sectors == {"MED", "NGO"}
    raw["observer_sectors"] = ["MED", "PRESS"]
    with pytest.raises(DictionaryError, match="observer_sectors: unknown sector 'PRESS'"):
        parse_actors(raw)
    raw["observer_sectors"] = "MED"
    with pytest.raises(DictionaryError, match="observer_sectors must be a list"):
        parse_actors(raw)


def test_an_attack_verb_with_its_own_named_subject_after_a_comma_is_another_event(coder):
    found = [e for e in coder.code("وقصفت طائرات إسرائيلية مواقع لحماس في غزة أمس، وأطلق مسلحون فلسطينيون صواريخ على "
                                   "بلدات إسرائيلية", published=PUBLISHED) if e.event_type == "ASSAULT"]
    sides = {((e.actor or {}).get("country"), (e.recipient or {}).get("id") or (e.recipient or {}).get("country"))
             for e in found}
    assert sides == {("ISR", "org:hamas"), ("PSE", "country:ISR")}
    # not a verb whose subject may be the first clause's (planes, unnamed) nor one with the subject in it
    for sentence in ("وشنت الطائرات الإسرائيلية غارات على غزة أمس، وأطلقت طائرات أخرى صواريخ على مواقع في القطاع",
                     "وشن مسلحون هجمات في سيناء أمس، واستهدفوا عناصر من الشرطة"):
        assert len([e for e in coder.code(sentence, published=PUBLISHED) if e.event_type == "ASSAULT"]) == 1, sentence


def test_a_states_nisba_on_the_target_after_the_patient_marker_names_its_owner(coder):
    # على أهداف قالت إنها إيرانية: the targets were Iran's (the nisba stands four words after على)
    struck = happened_main(coder, "وشنت إسرائيل عشرات الغارات الجوية على أهداف قالت إنها إيرانية في سوريا أمس")
    assert struck and struck[0].actor["country"] == "ISR" and struck[0].recipient["country"] == "IRN"


def test_a_plural_or_dual_nisba_after_a_weapon_or_war_machine_is_its_states_military(coder):
    # صاروخين إسرائيليين: two Israeli missiles, not Israeli civilians; بارجتان أمريكيتان: two US warships
    for sentence, country in (("وقال المرصد إن صاروخين إسرائيليين استهدفا مستودعات أسلحة قرب المطار أمس", "ISR"),
                              ("وأطلقت بارجتان أمريكيتان صواريخ من طراز توماهوك على القاعدة الجوية أمس", "USA")):
        struck = happened_main(coder, sentence)
        assert struck and (struck[0].actor["country"], struck[0].actor["sector"]) == (country, "MIL"), sentence


def test_a_projectile_right_before_the_verb_is_its_subject(coder):
    # صاروخا بالستيا استهدف الرياض: Riyadh was aimed at (not "Riyadh targeted"), and the air defence named
    # before the missile did not fire it
    aimed = happened_main(coder, "وقالت القوات السعودية إنها اعترضت صاروخا بالستيا استهدف الرياض أمس")
    assert aimed and aimed[0].actor is None and aimed[0].recipient["country"] == "SAU"
    launched = happened_main(coder, "وأكد الدفاع الجوي السعودي أنه تمكن من رصد صاروخين باليستيين أطلقا باتجاه مدينة نجران أمس")
    assert launched and launched[0].actor is None
    # with the object on the verb the one after it fired: أطلقه حوثيون
    fired = happened_main(coder, "واعترضت قوات الدفاع الجوي السعودية صاروخا باليستيا أطلقه حوثيون على مدينة نجران أمس")
    assert fired and fired[0].actor["id"] == "org:houthis"


def test_a_genitive_with_a_target_after_it_is_who_targets(coder):
    # استهداف قوات الاحتلال مسيرات سلمية، استهداف ميليشيات الحوثي سيارة إسعاف: the genitive acts on the target
    for sentence, actor in (("وقتل أربعة فلسطينيين نتيجة استهداف قوات الاحتلال الإسرائيلي مسيرات سلمية قرب السياج أمس",
                             "ISR"),
                            ("قتل مسعف وأصيب 3 آخرون أمس من جراء استهداف ميليشيات الحوثي سيارة إسعاف في الساحل الغربي",
                             "YEM")):
        killed = happened_main(coder, sentence)
        assert killed and killed[0].actor and killed[0].actor["country"] == actor, sentence
    # alone the genitive is the target: استهداف موكب رئيس الوزراء
    convoy = happened_main(coder, "وأسفر استهداف موكب رئيس الوزراء الحمد الله أمس عن إصابة سبعة أشخاص")
    assert convoy and (convoy[0].actor is None or convoy[0].actor.get("id") != "person:hamdallah")


def test_an_event_noun_after_a_verb_of_occurring_took_place(coder):
    # واندلعت الاشتباكات، الإثنين: a definite noun is otherwise a reference to an event told elsewhere
    for sentence, type_ in (("واندلعت الاشتباكات بين الجيش والمسلحين، الإثنين، في الضواحي الجنوبية للمدينة", "ASSAULT"),
                            ("وتجددت التظاهرات في البصرة عند منفذ صفوان الحدودي مطالبين بتحسين الخدمات", "PROTEST")):
        assert happened_main(coder, sentence, type_), sentence
    # not history recalled with its year
    assert not happened_main(coder, "وقد اندلع القتال في عام 2014 عندما استولى الحوثيون على محافظة صعدة")
    # protests that broke out are street protests, with no crowd named (a diplomatic protest does not break out)
    assert happened_main(coder, "واندلعت الاحتجاجات في البصرة أمس", "PROTEST")


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


def test_verbs_of_managing_carry_the_event_noun_and_its_subject(coder):
    # تمكنت / نجحت + من / في + an event noun: done, by the carrier's subject
    arrest = one(coder, "وتمكنت قوات الأمن من اعتقال المسلحين أمس", "COERCE", published=PUBLISHED)
    assert arrest.happened and arrest.actor is not None and arrest.actor["sector"] == "COP"
    assert arrest.recipient is not None and arrest.recipient["name"] == "gunmen"
    # a carrier denied denies the event; after "، و" its left-out subject is the first verb's, not the object
    # of the clause before
    assert one(coder, "ولم تتمكن القوات من اعتقال المسلحين", "COERCE", published=PUBLISHED).modality == "negated"
    second = [e for e in coder.code("وقتلت الشرطة ثلاثة من المهاجمين، وتمكنت من اعتقال الرابع",
                                    published=PUBLISHED) if e.event_type == "COERCE"]
    assert second and second[0].actor is not None and second[0].actor["sector"] == "COP"


def test_a_counted_group_in_the_accusative_is_the_one_hit(coder):
    # عددا من المسلحين: some of them (not "from" a place), the ones captured
    caught = happened_main(coder, "وأسرت قوات الجيش اليمني عددا من المسلحين الحوثيين")
    assert caught and caught[0].recipient is not None and caught[0].recipient["id"] == "org:houthis"
    # the owner of a target named by a nisba is hit, it does not strike
    struck = happened_main(coder, "وقصفت الطائرات أهدافا إيرانية في سوريا")
    assert struck and struck[0].recipient is not None and struck[0].recipient["country"] == "IRN"
    assert struck[0].actor is None or struck[0].actor["country"] != "IRN"


def test_a_member_word_in_construct_with_a_side_is_one_of_its_people(coder):
    held = one(coder, "واعتقلت الشرطة عناصر قوات النظام السوري في بلدة بيبلا", "COERCE", published=PUBLISHED)
    assert held.recipient is not None and held.recipient["country"] == "SYR" and held.recipient["sector"] == "MIL"


def test_a_verb_of_managing_does_not_make_a_weak_word_an_event(coder):
    # نجح في السيطرة على التضخم: managing carries any noun; a light verb (شن، نفذ) would have supported it
    assert not [e for e in coder.code("ونجحت الحكومة في السيطرة على معدل التضخم", published=PUBLISHED)
                if e.event_type == "COERCE"]


def test_an_event_whose_own_day_is_ahead_is_still_to_come(coder):
    # the date right after the event's word says itself that the day is to come (غدا، المقبل): future
    assert one(coder, "وستتصادف مظاهرات يوم غد مع ذكرى النكبة في غزة", "PROTEST", published=PUBLISHED).modality == "future"
    visit = one(coder, "وتأتي زيارة نتانياهو إلى البيت الأبيض الأسبوع المقبل", "CONSULT", published=PUBLISHED)
    assert visit.modality == "future"
    # a past verb is done whatever the day of its object (the call is made; the session comes later)
    assert one(coder, "ودعا رئيس البرلمان العراقي، سليم الجبوري إلى عقد جلسة طارئة، السبت المقبل", "REQUEST",
               published=PUBLISHED).happened
    # a time given until a coming day runs now (مهلة حتى ...)
    assert one(coder, "وأعطت المجموعة إيران مهلة حتى شباط/فبراير المقبل للتقيد بالمعايير", "THREATEN",
               published=PUBLISHED).happened
    # a day that has passed is no future: the same sentence with أمس
    assert one(coder, "وخرجت مظاهرات يوم أمس في غزة", "PROTEST", published=PUBLISHED).happened


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


def test_a_news_outlet_named_after_a_place_is_no_event_place():
    # "صحيفة واشنطن بوست", "وكالة أنباء الإمارات": where the news comes from, not where the event happened
    coder = make_coder(geocode=True)  # the packaged gazetteer
    event = one(coder, "ونقلت صحيفة واشنطن بوست أن طائرات قصفت مواقع للمسلحين في الفلوجة أمس", "ASSAULT")
    assert all(place["name_en"] != "Washington" for place in event.locations)
    assert event.locations and event.locations[0]["name_en"] == "Al Fallūjah"
    alone = one(coder, "وقالت وكالة أنباء الإمارات إن طائرات قصفت مواقع للمسلحين أمس", "ASSAULT")
    assert all(place.get("country3") != "ARE" for place in alone.locations)


# ---------------------------------------------------------------------------------------------- scope and timing

def test_an_event_of_years_ago_is_history_and_one_of_today_is_current(coder):
    sinjar = one(coder, "وقتل 1280 شخصا في هجوم المتطرفين على سنجار في آب/أغسطس 2014", "ASSAULT", published=PUBLISHED)
    assert sinjar.timing == "history"
    today = one(coder, "قتل ثلاثة جنود في هجوم على بغداد أمس", "ASSAULT", published=PUBLISHED)
    assert today.timing == "current" and today.date == "2024-01-23"
    # a week's grace: "last Tuesday" is still the news of the period
    assert one(coder, "قتل ثلاثة جنود في هجوم على بغداد الثلاثاء الماضي", "ASSAULT", published=PUBLISHED).timing == "current"


def test_a_count_over_a_period_makes_no_event_and_no_toll(coder):
    total = [e for e in events(coder, "وقتل أكثر من 1600 مدني منذ 18 فبراير في الغوطة الشرقية", published=PUBLISHED)
             if e.event_type == "ASSAULT"]
    assert total and not any(e.happened for e in total) and all(e.fatalities is None for e in total)
    assert [(t["category"], t["scope"], t["best"]) for t in total[0].totals] == [("killed", "period", 1600)]
    # the day's raid keeps its own toll; the running total beside it is stored apart
    raid = one(coder, "قتل خمسة مدنيين في غارة على دوما اليوم، ما يرفع عدد القتلى منذ بدء الحملة إلى 500", "ASSAULT",
               published=PUBLISHED)
    assert raid.happened and raid.fatalities["best"] == 5 and raid.totals[0]["best"] == 500


def test_relative_days_are_read_in_the_newsrooms_zone(coder):
    from zoneinfo import ZoneInfo

    late = datetime(2024, 1, 24, 22, 30, tzinfo=timezone.utc)  # 24 January in London, 25 January in Dubai
    text = "قتل ثلاثة جنود في هجوم على بغداد أمس"
    assert one(coder, text, "ASSAULT", published=late, tz=ZoneInfo("Europe/London")).date == "2024-01-23"
    assert one(coder, text, "ASSAULT", published=late, tz=ZoneInfo("Asia/Dubai")).date == "2024-01-24"


def test_one_trigger_in_a_list_of_places_is_an_event_in_each(geo_coder):
    coder = geo_coder
    found = [e for e in coder.code("وخرجت مظاهرات أمس في مدينتي الرمادي والفلوجة احتجاجا على نقص الكهرباء",
                                   published=PUBLISHED) if e.event_type == "PROTEST"]
    assert [(e.part, e.locations[0]["name_en"]) for e in found] == [(0, "Ramadi"), (1, "Fallujah")]
    # a toll the text does not split stays with the first
    struck = [e for e in coder.code("قتل خمسة مدنيين في غارات على الرمادي والفلوجة أمس", published=PUBLISHED)
              if e.event_type == "ASSAULT"]
    assert [(e.part, e.fatalities and e.fatalities["best"]) for e in struck] == [(0, 5), (1, None)]
    # a chain (a place located by another) is one event, and so is a country with its town
    assert len([e for e in coder.code("قصفت الطائرات الفلوجة غرب بغداد أمس", published=PUBLISHED)
                if e.event_type == "ASSAULT"]) == 1


def test_a_past_event_named_without_a_date_takes_its_own_date_and_is_history(coder):
    # named_events.yaml: the 2013 dispersal, recalled in a 2018 article with no date in the sentence
    [killed] = of_type(coder, "وقالت المنظمة إن قوات الأمن قتلت 817 شخصا على الأقل خلال فض اعتصام رابعة العدوية")
    assert (killed.date, killed.timing) == ("2013-08-14", "history")
    # a protest on its anniversary is today's; a date in the sentence wins over the name
    [protest] = of_type(coder, "وتظاهر المئات في القاهرة أمس في ذكرى فض اعتصام رابعة", "PROTEST")
    assert protest.timing == "current"
    # an attack of today near a place the list names is not the old one
    [today] = of_type(coder, "وقتل خمسة أشخاص اليوم في هجوم على مسجد في العريش")
    assert today.timing == "current"


def test_named_events_are_validated_on_load():
    from etl.extraction.named_events import NamedEventError, named_events, parse_named_events

    assert len(named_events()) > 10
    good = {"id": "x", "date": "2013-08-14", "types": ["ASSAULT"], "names": ["فض اعتصام رابعة"]}
    assert len(parse_named_events({"events": [good]})) == 1
    for bad, says in (({**good, "date": "14 August 2013"}, "ISO date"), ({**good, "types": ["WAR"]}, "types"),
                      ({**good, "names": []}, "names"), ({"id": "x"}, "exactly")):
        with pytest.raises(NamedEventError, match=says):
            parse_named_events({"events": [bad]})
    with pytest.raises(NamedEventError, match="unique"):
        parse_named_events({"events": [good, good]})


@pytest.mark.parametrize("sentence, coded", [
    # protesters and police clash: a violent demonstration, its wounded with it
    ("وقال مسؤول إن مواجهات اندلعت الأحد بين متظاهرين وقوات الشرطة ما أسفر عن سقوط 15 جريحا",
     ("PROTEST", "riot", "Riots", None, 15)),
    ("وقال المصدر إن متظاهرين آخرين أقدموا أمس على إحراق مقر لمنظمة بدر", ("PROTEST", "riot", "Riots", None, None)),
    # the forces hurt protesters without live fire: a protest with intervention
    ("وقالت مصادر إن قوات الأمن تصدت أمس للمتظاهرين ما أسفر عن إصابة 12 منهم", ("COERCE", "repress", "Protests", None, 12)),
    # the dead or live fire: an attack, typed as ACLED types it
    ("وقتلت القوات الإسرائيلية 60 متظاهرا فلسطينيا عند الحدود مع غزة الاثنين",
     ("ASSAULT", "kill", "Protests", 60, None)),
    ("وقتل متظاهران في البصرة السبت خلال مواجهات مع قوات الأمن", ("ASSAULT", "kill", "Riots", None, None)),
    # gunmen who fire on a crowd, and a bombing near a protest: attacks like any other
    ("وأطلق مسلحون النار أمس على المتظاهرين فقتلوا ثلاثة منهم", ("ASSAULT", "firearms", "Violence against civilians", 3, None)),
])
def test_violence_at_a_protest_is_coded_as_acled_codes_it(coder, sentence, coded):
    found = [e for e in coder.code(sentence, published=PUBLISHED) if e.happened and e.event_type == coded[0]]
    assert found, [(e.event_type, e.mode) for e in coder.code(sentence, published=PUBLISHED)]
    e = found[0]
    assert (e.event_type, e.mode, e.acled_event_type) == coded[:3]
    assert (e.fatalities or {}).get("best") == coded[3] and (e.injured or {}).get("best") == coded[4]



def test_the_place_of_another_clause_is_not_where_the_event_happened():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    # a relative clause after the killing tells another event (the embassy's opening) and its place
    [killed] = happened_main(coder, "وقتلت القوات الإسرائيلية 60 متظاهرا فلسطينيا أمس عند الحدود مع غزة في اليوم الذي "
                                    "افتتحت فيه الولايات المتحدة سفارتها الجديدة في القدس")
    assert killed.locations[0]["name_en"] == "Gaza"
    # the summit's city, before «بعد مقتل …», is not where the killing was
    told = [e for e in coder.code("افتتح أردوغان قمة استثنائية في إسطنبول أمس بعد مقتل أكثر من ستين فلسطينيا في قطاع غزة",
                                  published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert told and told[0].locations[0]["name_en"] == "Gaza Strip"
    # with no place of its own, the killing named after «في أعقاب» takes none of the recalling clause's cities
    recalled = [e for e in coder.code("قالت مصادر إن أنقرة استدعت سفيريها في واشنطن وتل أبيب للتشاور، في أعقاب "
                                      "المواجهات التي أسفرت عن مقتل 52 فلسطينيا", published=PUBLISHED)
                if e.event_type == "ASSAULT"]
    assert recalled and not any(place["name_en"] in ("Washington", "Tel Aviv", "Ankara") for place in recalled[0].locations)


def test_a_day_and_month_without_a_year_told_in_the_past_tense_is_the_last_one():
    coder = make_coder(geocode=False)
    june = datetime(2018, 6, 24, 10, tzinfo=timezone.utc)
    # «في 14 آب/أغسطس» in June, with past verbs: last August (history), not a day to come
    [killed] = [e for e in coder.code("وأعلنت حالة الطوارئ في 14 آب/أغسطس، إثر فض قوات الأمن اعتصامين في القاهرة، "
                                      "قتل فيهما نحو 700 متظاهر", published=june) if e.event_type == "ASSAULT"]
    assert (killed.date, killed.timing) == ("2017-08-14", "history")
    # a day of this month already past stays this year's
    [recent] = [e for e in coder.code("قتل خمسة جنود في هجوم في 20 يونيو في العريش", published=june)
                if e.event_type == "ASSAULT"]
    assert (recent.date, recent.timing) == ("2018-06-20", "current")


def test_unnamed_gunmen_take_the_country_of_the_place_as_acled_writes_them():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    [shot] = happened_main(coder, "أطلق مسلحون مجهولون النار على دورية للشرطة في بغداد أمس")
    assert shot.actor["sector"] == "UAF" and shot.actor["country"] == "IRQ" and shot.actor["country_from"] == "place"


def test_the_next_day_of_a_story_told_with_dates_is_the_day_after_the_last_one_read():
    coder = make_coder(geocode=False)
    april = datetime(2018, 4, 9, 10, tzinfo=timezone.utc)
    text = ("في 21 آذار/مارس 2003، أسفرت الغارات عن انفجارات ضخمة في العاصمة. وفي اليوم التالي، شنت الطائرات "
            "غارات عنيفة على مدن الجنوب. وقتل جندي في هجوم على بغداد اليوم.")
    strikes = [e for e in coder.code(text, published=april) if e.event_type == "ASSAULT"]
    assert [(e.date, e.timing) for e in strikes] == [("2003-03-21", "history"), ("2003-03-22", "history"),
                                                     ("2018-04-09", "current")]
    # with no day read before it, "the next day" dates nothing
    alone = [e for e in coder.code("وفي اليوم التالي، شنت الطائرات غارات عنيفة على مدن الجنوب.", published=april)
             if e.event_type == "ASSAULT"]
    assert alone and alone[0].date_source == "published"


def test_protests_that_spread_from_one_city_to_a_list_of_others_are_one_event_per_city():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    spread = [e for e in coder.code("والتي امتدت الاحتجاجات يوم الجمعة من البصرة، حيث أغلق السكان ميناء أم قصر، "
                                    "إلى مدن العمارة والناصرية والنجف.", published=PUBLISHED) if e.event_type == "PROTEST"]
    assert [e.locations[0]["name_en"] for e in spread] == ["Basrah", "Al ‘Amārah", "Nasiriyah", "Najaf"]
    assert [e.part for e in spread] == [0, 1, 2, 3]


def test_the_day_of_the_clause_before_after_is_not_the_day_of_the_event_named_after_it():
    coder = make_coder(geocode=False)
    friday = datetime(2018, 5, 18, 20, tzinfo=timezone.utc)
    [killed] = [e for e in coder.code("افتتح أردوغان قمة استثنائية الجمعة في إسطنبول بعد مقتل أكثر من ستين فلسطينيا",
                                      published=friday) if e.event_type == "ASSAULT"]
    assert killed.date_source == "published"  # before Friday, on a day the sentence does not give
    # a date after بعد, or a بعد that governs no event word, still dates it
    [march] = [e for e in coder.code("وفي 21 مارس، بعد أيام من القصف، قتل خمسة مدنيين في الغوطة", published=friday)
               if e.event_type == "ASSAULT"]
    assert (march.date, march.date_source) == ("2018-03-21", "text")
