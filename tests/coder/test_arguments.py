"""The arguments pass (passes.arguments, with the sides that passes.actor_mentions composes): who acted and
who was acted on, by Arabic word order, case, construct, agent markers and the sentence's reporting frame."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from etl.extraction.pipeline import make_coder
from tests.coder.conftest import PUBLISHED, events, one, of_type, happened_main, parse


# ------------------------------------------------------------------------------------------ through coder.code()

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


def test_local_kinds_of_agent_take_the_country_of_the_event_place(geo_coder):
    # civilians named without a country, in Fallujah: Iraqi civilians, marked as read from the place
    local = one(geo_coder, "قتل ثلاثة مدنيين في انفجار عبوة ناسفة في الفلوجة أمس", "ASSAULT")
    assert (local.recipient["country"], local.recipient["country_from"]) == ("IRQ", "place")
    # soldiers may be foreign: no country from the place; a named country is kept as named
    soldiers = one(geo_coder, "قتل ثلاثة جنود في انفجار عبوة ناسفة في الفلوجة أمس", "ASSAULT")
    assert soldiers.recipient["country"] is None and "country_from" not in soldiers.recipient
    named = one(geo_coder, "قتل ثلاثة مدنيين سوريين في انفجار عبوة ناسفة في الفلوجة أمس", "ASSAULT")
    assert named.recipient["country"] == "SYR" and "country_from" not in named.recipient


def test_participle_takes_the_main_clause_subject(coder):
    event = one(coder, "أكدت واشنطن أنها لا تسعى إلى التصعيد، داعية الميليشيات العراقية إلى وقف الهجمات", "REQUEST")
    assert event.actor["country"] == "USA"
    assert (event.recipient["country"], event.recipient["sector"]) == ("IRQ", "REB")


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


def test_owners_of_targets_victims_of_toll_nouns_and_metaphors(coder):
    raids = happened_main(coder, "وأسفرت الغارات أمس عن تدمير مواقع المتمردين في شرق المدينة")
    assert raids and raids[0].actor is None and raids[0].recipient["sector"] == "REB"
    fallen = happened_main(coder, "سقط عدد من مسلحي الحوثيين بين قتيل وجريح في غارات لمقاتلات التحالف أمس")
    assert fallen and fallen[0].recipient["id"] == "org:houthis" and fallen[0].actor["id"] != "org:houthis"
    police = happened_main(coder, "وأطلق شرطيون النار على شاب قرب باب المدينة أمس")
    assert police and police[0].actor["sector"] == "COP"
    # طعنة بالظهر is a figure of speech; folded, طعنه (his stabbing) would read the same
    assert happened_main(coder, "اعتبر الرئيس العقوبات طعنة بالظهر لبلاده أمس") == []


def test_counted_victims_before_a_passive_with_the_agent_after(coder):
    found = happened_main(coder, 'وقالت الوكالة إن 7 فلسطينيين قتلوا، الجمعة، بـ"رصاص القوات الإسرائيلية قرب السياج"')
    assert found and found[0].actor["country"] == "ISR" and found[0].actor["sector"] == "MIL"
    assert found[0].recipient["country"] == "PSE" and found[0].recipient["sector"] == "CVL"


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


def test_a_nisba_after_an_organisation_describes_it(coder):
    shelled = happened_main(coder, "وقصفت ميليشيات الحوثي الإيرانية أحياء سكنية في تعز أمس")
    assert shelled and shelled[0].actor["id"] == "org:houthis" and shelled[0].recipient is None


def test_the_source_after_an_event_noun_is_not_its_actor(coder):
    told = happened_main(coder, "وأسفرت الضربة الجوية، وفق المرصد السوري لحقوق الإنسان، عن مقتل 14 عنصرا أمس")
    assert told and told[0].actor is None


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


def test_with_after_a_fight_names_the_other_side(coder):
    # خاض الجيش الوطني معارك عنيفة مع مليشيات الحوثي
    fight = happened_main(coder, "وأضافت أن الجيش الوطني خاض معارك عنيفة مع مليشيات الحوثي في محيط القرية")
    assert fight and fight[0].actor["sector"] == "MIL" and fight[0].recipient["id"] == "org:houthis"


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
    # (whether the call is coded at all depends on its support: المدن الفرنسية names where, not who, so no France)
    assert all(e.actor is None or e.actor["country"] not in ("PSE", "FRA") for e in called)


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


def test_persons_of_an_organisations_fighters_are_its_members(coder):
    # 27 شخصا من مقاتلي قوات الحشد الشعبي: once مقاتلي has joined the organisation, the persons are its members
    hit = happened_main(coder, "قتل 27 شخصا من مقاتلي قوات الحشد الشعبي في كمين نصبه مسلحون أمس")
    assert hit and hit[0].recipient["id"] == "org:pmf"


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


def test_unnamed_gunmen_take_the_country_of_the_place_as_acled_writes_them():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    [shot] = happened_main(coder, "أطلق مسلحون مجهولون النار على دورية للشرطة في بغداد أمس")
    assert shot.actor["sector"] == "UAF" and shot.actor["country"] == "IRQ" and shot.actor["country_from"] == "place"



# ------------------------------------------------------------------------------------------ calling the pass directly

def roles_of(coder, text, word, published=PUBLISHED):
    """(actor text, recipient text) that the arguments pass gives the trigger `word` of a one-sentence text."""
    p = parse(coder, text, published=published)
    actor, recipient = coder.arguments.roles(p.text, p.tokens, p.sentence, p.trigger(word), p.actors, p.light)
    return (actor and actor.text), (recipient and recipient.text)


def test_roles_verb_subject_object_and_subject_verb_object(coder):
    # قتل مسلحون ثلاثة جنود: the gunmen killed, the soldiers were killed
    assert roles_of(coder, "قتل مسلحون ثلاثة جنود", "قتل") == ("مسلحون", "جنود")
    # the subject before the verb, the object after it
    assert roles_of(coder, "وقالت الشرطة إن المسلحين قتلوا مقاتلا في الحي", "قتلوا") == ("المسلحين", "مقاتلا")
    # a light verb's subject carries out the event noun after it; the owner of the sites is hit
    assert roles_of(coder, "شنت الولايات المتحدة غارات على مواقع حزب الله", "غارات") == ("الولايات المتحدة", "حزب الله")


def test_roles_passive_victim_before_the_agent_marker(coder):
    # قتل قيادي في حماس على يد مسلحين: the Hamas leader was killed, by gunmen
    assert roles_of(coder, "قتل قيادي في حماس على يد مسلحين", "قتل") == ("مسلحين", "قيادي في حماس")
    assert roles_of(coder, "قتل ثلاثة جنود برصاص مسلحين", "قتل") == ("مسلحين", "جنود")
    # nothing after the verb to take: the Palestinian was killed, no one is named as killing him
    assert roles_of(coder, "قتل فلسطيني بالرصاص بعدما طعن مستوطنا", "قتل") == (None, "فلسطيني")


def test_side_gives_a_local_kind_of_agent_the_country_of_the_place(coder):
    p = parse(coder, "قتل ثلاثة مدنيين وثلاثة جنود")
    in_iraq = [{"name_en": "Fallujah", "country3": "IRQ"}]
    civilians = coder.arguments.side(p.actor("مدنيين"), in_iraq)
    assert (civilians["country"], civilians["country_from"], civilians["sector"]) == ("IRQ", "place", "CVL")
    assert p.text[civilians["start"]:civilians["end"]] == civilians["text"] == "مدنيين"
    # soldiers may be foreign: no country from the place; no place, no country
    soldiers = coder.arguments.side(p.actor("جنود"), in_iraq)
    assert soldiers["country"] is None and "country_from" not in soldiers
    assert coder.arguments.side(p.actor("مدنيين"), [])["country"] is None
    assert coder.arguments.side(None, in_iraq) is None


def test_holders_patrons_and_sources_take_no_part(coder):
    held = parse(coder, "وقتل 30 مدنيا في قصف استهدف مناطق تسيطر عليها فصائل المعارضة")
    assert coder.arguments.holder(held.tokens, held.actor("فصائل المعارضة"))
    assert not coder.arguments.holder(held.tokens, held.actor("مدنيا"))
    backed = parse(coder, "واغتالت ميليشيات الحوثي الموالية لإيران قياديا في حزب الإصلاح")
    assert coder.arguments.patron(backed.tokens, backed.actor("إيران"))
    assert not coder.arguments.patron(backed.tokens, backed.actor("ميليشيات الحوثي"))
    told = parse(coder, "قتل ثلاثة مدنيين أمس في غارة بحسب المسؤولين الباكستانيين")
    assert coder.arguments.source(told.tokens, told.sentence, told.actor("المسؤولين الباكستانيين"))
    assert not coder.arguments.source(told.tokens, told.sentence, told.actor("مدنيين"))


def test_actor_finder_composes_a_side_and_dates_a_persons_role(coder):
    # ميليشيات الحوثي الإيرانية: one side, the Houthis, the nisba an epithet of theirs
    [houthis] = parse(coder, "وقصفت ميليشيات الحوثي الإيرانية أحياء سكنية").actors
    assert (houthis.text, houthis.actor.id, houthis.actor.country) == ("ميليشيات الحوثي الإيرانية", "org:houthis", "YEM")
    # a person takes the role held on the day of publication
    text = "اتهم نتنياهو حركة حماس بخرق الهدنة"
    in_office = parse(coder, text, published=datetime(2020, 5, 1, tzinfo=timezone.utc)).actor("نتنياهو")
    out_of_office = parse(coder, text, published=datetime(2022, 5, 1, tzinfo=timezone.utc)).actor("نتنياهو")
    assert (in_office.actor.sector, out_of_office.actor.sector) == ("GOV", "ELI")


def test_who_survived_an_attack_was_its_target(coder):
    event = one(coder, "نجا وزير الداخلية من هجوم مسلح استهدف موكبه", "ASSAULT")
    assert event.happened and event.actor is None
    assert event.recipient is not None and event.recipient["sector"] in ("GOV", "COP")
    attempt = one(coder, "نجا رئيس الوزراء من محاولة اغتيال بعبوة ناسفة", "ASSAULT")
    assert attempt.actor is None and attempt.recipient["sector"] == "GOV"


def test_a_nisba_after_a_noun_of_a_place_names_no_side(coder):
    protest = one(coder, "تظاهر الآلاف أمس في المدن الفرنسية", "PROTEST")
    assert protest.recipient is None  # not France: the cities are French
    shelled = one(coder, "قصفت المدفعية التركية أمس مواقع على الحدود السورية", "ASSAULT")
    assert shelled.actor["country"] == "TUR" and shelled.recipient is None


def test_who_intercepts_a_missile_was_attacked_the_launcher_attacked(coder):
    event = one(coder, "وقد تمكنت قوات الدفاع الجوي السعودي أمس من اعتراض صاروخ أطلقته ميليشيات الحوثي", "ASSAULT")
    assert event.actor is not None and event.actor["country"] == "YEM"
    assert event.recipient is not None and event.recipient["country"] == "SAU"
    # the launcher not named: no actor rather than the interceptor
    fired = one(coder, "وأطلق الصاروخ أمس على المدينة، وتمكنت قوات الدفاع الجوي السعودي من اعتراضه", "ASSAULT")
    assert fired.actor is None or fired.actor["country"] != "SAU"


def test_the_subject_between_a_light_verb_and_its_noun_acts(coder):
    # ألقت الشرطة القبض على: the police arrested, the ones after على were arrested (not the police)
    arrest = one(coder, "ألقت قوات الأمن المغربية القبض على ثلاثة أشخاص في الرباط أمس", "COERCE")
    assert (arrest.actor["country"], arrest.actor["sector"]) == ("MAR", "COP")
    assert arrest.recipient["sector"] == "CVL"
    # لقوا مصرعهم (met their death) is no light verb, though it is spelled like ألقوا without its alif
    died = one(coder, "أفادت مصادر أن 11 إرهابيا لقوا مصرعهم في تبادل لإطلاق النار مع قوات الأمن المصرية", "ASSAULT")
    assert died.actor["country"] == "EGY" and died.recipient["sector"] == "REB"


def test_an_armed_side_after_the_verb_with_its_weapon_and_then_its_victims_acts(coder):
    # قتل الجيش … بالرصاص … أربعة فلسطينيين: active, though a weapon follows the army (قتل فلسطيني بالرصاص is passive)
    army = one(coder, "قتل الجيش الإسرائيلي بالرصاص الحي الجمعة أربعة فلسطينيين قرب السياج", "ASSAULT")
    assert army.actor["country"] == "ISR" and army.recipient["country"] == "PSE"
    forces = one(coder, "قتلت القوات العراقية بالرصاص ثلاثة مسلحين", "ASSAULT")
    assert forces.actor["country"] == "IRQ" and forces.recipient["sector"] == "UAF"
    shot = one(coder, "قتل فلسطيني بالرصاص بعدما طعن مستوطنا", "ASSAULT")
    assert shot.actor is None and shot.recipient["country"] == "PSE"


def test_a_young_woman_killed_is_the_victim_not_her_nation(coder):
    [killed] = [e for e in events(coder, "قتلت شابة بريطانية خلال مشاركتها في المعارك في عفرين") if e.mode == "kill"]
    assert killed.actor is None and (killed.recipient["country"], killed.recipient["sector"]) == ("GBR", "CVL")


def test_a_count_of_members_of_a_force_is_of_that_force_and_a_border_state_takes_no_part(coder):
    # اختُطف 14 فردا من قوات الأمن: the forces are the victims (من after a count of members is no "from")
    taken = one(coder, "اختُطف 14 فردا من قوات الأمن الإيرانية على الحدود مع باكستان", "ASSAULT")
    assert (taken.recipient["country"], taken.recipient["sector"]) == ("IRN", "COP")
    # على الحدود مع العراق: the state beyond the border is where, not whom
    border = one(coder, "شن المسلحون هجوما على الحدود مع العراق", "ASSAULT")
    assert border.recipient is None


def test_a_title_and_the_name_after_it_are_one_person(coder):
    # رجل الدين الشيعي البارز مقتدى الصدر: the cleric is Sadr, who calls on the Iraqis (not the cleric on Sadr)
    call = one(coder, "دعا رجل الدين الشيعي البارز مقتدى الصدر العراقيين إلى التظاهر", "REQUEST")
    assert call.actor["id"] == "person:sadr" and call.recipient["country"] == "IRQ"
    # أمير قطر الشيخ تميم: the emir of Qatar is Tamim, who receives the American minister
    host = one(coder, "استقبل أمير قطر الشيخ تميم وزير الدفاع الأمريكي", "CONSULT")
    assert host.actor["country"] == "QAT" and host.recipient["country"] == "USA"
    # a group before a titled name is another side: the protesters ask the president
    ask = one(coder, "طالب المتظاهرون الرئيس ترامب بالرحيل", "REQUEST")
    assert ask.actor["sector"] == "CVL" and ask.recipient["id"] == "person:trump"


def test_meeting_praise_and_blame_take_their_other_side_with_bi(coder):
    met = one(coder, "التقى الرئيس الاثنين بوزير الدفاع جيم ماتيس في واشنطن", "CONSULT")
    assert met.actor["sector"] == "GOV" and met.recipient["country"] == "USA"
    blamed = one(make_coder(geocode=True), "ندد الاتحاد الأوروبي بإسرائيل", "ACCUSE")
    assert blamed.recipient["country"] == "ISR"
    assert blamed.locations == []  # whom a statement blames is not where it was made


def test_a_call_is_addressed_to_its_object_and_a_state_named_after_a_state_is_a_side(coder):
    # ناشدت الأمم المتحدة تركيا فتح حدودها أمام اللاجئين: Turkey is asked; أمام belongs to another phrase
    call = one(make_coder(geocode=True), "ناشدت الأمم المتحدة تركيا فتح حدودها أمام اللاجئين", "REQUEST")
    assert call.recipient["country"] == "TUR"
    # اتهمت إيران الولايات المتحدة: the United States after Iran is the accused, not a nisba of the place إيران
    accused = one(make_coder(geocode=True), "اتهمت إيران الولايات المتحدة بالتآمر على الشعب الإيراني", "ACCUSE")
    assert accused.actor["country"] == "IRN" and accused.recipient["country"] == "USA"


def test_a_request_takes_its_other_side_after_min(coder):
    asked = one(coder, "طلب الرئيس الفلسطيني من مجلس الأمن توفير الحماية", "REQUEST")
    assert asked.actor["country"] == "PSE" and asked.recipient["id"] == "org:unsc"
