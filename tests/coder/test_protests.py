"""The protest pass (passes.protests): whether a gathering is a protest, who protests, against whom, and a
protest turned violent as ACLED codes it."""

from __future__ import annotations

import pytest

from tests.coder.conftest import PUBLISHED, one, of_type, happened_main, parse


# ------------------------------------------------------------------------------------------ through coder.code()

def test_a_protest_in_front_of_an_institution_is_aimed_at_it(coder):
    found = one(coder, "وتظاهر الآلاف السبت أمام البرلمان التونسي", "PROTEST")
    assert found.recipient["country"] == "TUN" and (found.actor is None or found.actor["sector"] != "LEG")


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


def test_the_protesters_are_the_protests_actor(coder):
    # (the protest word comes after the protesters' act: without the rule there is no actor)
    protest = happened_main(coder, "وأغلق محتجون الطريق الرئيسي احتجاجا على قرار الحكومة العراقية أمس", "PROTEST")
    assert protest and protest[0].actor["sector"] == "CVL"


def test_forces_cutting_a_road_are_no_protest_and_joining_a_protest_is_intended(coder):
    assert happened_main(coder, "وتمكنت قوات ألوية العمالقة أمس من قطع الطريق الرابطة بين مديريتي زبيد والتحيتا", "PROTEST") == []
    blocked = happened_main(coder, "وأقدم عشرات المحتجين على قطع الطريق الدولي بالإطارات المشتعلة أمس", "PROTEST")
    assert blocked
    joining = "ويتوجه أنصار التيار من بغداد الى النجف للمشاركة في مظاهرة ضد الاحتلال"
    assert happened_main(coder, joining, "PROTEST") == []


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


def test_a_kind_of_civilian_right_after_the_people_describes_them(coder):
    # العراقيين المحتجين is one side; what they stormed is the other (protesters storming and burning, with no
    # weapon of war: a violent demonstration, PROTEST riot)
    stormed = happened_main(coder, "اقتحم عشرات العراقيين المحتجين القنصلية الإيرانية في البصرة أمس وأضرموا النار فيها",
                            "PROTEST")
    assert stormed and stormed[0].mode == "riot" and stormed[0].acled_event_type == "Riots"
    assert stormed[0].actor["country"] == "IRQ" and stormed[0].actor["sector"] == "CVL"
    assert stormed[0].recipient["country"] == "IRN"


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
    ("وقتل متظاهران في البصرة السبت خلال مواجهات مع قوات الأمن", ("ASSAULT", "kill", "Riots", 2, None)),  # (a nominative dual counts two)
    # gunmen who fire on a crowd, and a bombing near a protest: attacks like any other
    ("وأطلق مسلحون النار أمس على المتظاهرين فقتلوا ثلاثة منهم", ("ASSAULT", "firearms", "Violence against civilians", 3, None)),
])
def test_violence_at_a_protest_is_coded_as_acled_codes_it(coder, sentence, coded):
    found = [e for e in coder.code(sentence, published=PUBLISHED) if e.happened and e.event_type == coded[0]]
    assert found, [(e.event_type, e.mode) for e in coder.code(sentence, published=PUBLISHED)]
    e = found[0]
    assert (e.event_type, e.mode, e.acled_event_type) == coded[:3]
    assert (e.fatalities or {}).get("best") == coded[3] and (e.injured or {}).get("best") == coded[4]



# ------------------------------------------------------------------------------------------ calling the pass directly

def test_gathering_crowd_asks_for_a_crowd_as_the_subject_of_a_verb_of_gathering(coder):
    def crowd(text, word="تجمع"):
        p = parse(coder, text)
        return coder.protests.gathering_crowd(p.text, p.tokens, p.sentence, p.trigger(word), p.actors)

    assert crowd("وتجمع أكثر من 40 ألف فلسطيني أمس قرب السياج") is True  # past an amount and a time
    assert crowd("وتجمع هذه الجماعة بين سكان لندن واللاجئين") is False  # brings together
    assert crowd("وتظاهر الآلاف أمام البرلمان", "تظاهر") is None  # not a verb of gathering: no question asked


def test_other_gathering_is_a_funeral_unless_a_word_of_protest_says_otherwise(coder):
    def other(text):
        p = parse(coder, text)
        return coder.protests.other_gathering(p.tokens, p.sentence, [p.trigger("تجمع")], p.triggers)

    assert other("وتجمع آلاف اليمنيين أمس لتشييع جثامين 29 طفلا")
    assert not other("وتجمع آلاف اليمنيين أمس احتجاجا على الغلاء لتشييع جثامين 29 طفلا")
    assert not other("وتجمع آلاف اليمنيين أمس أمام مبنى المحافظة")


def test_protest_target_is_the_side_named_after_a_target_word(coder):
    def target(text, word):
        p = parse(coder, text)
        found = coder.protests.protest_target(p.tokens, p.sentence, [p.trigger(word)], p.actors, None)
        return found and (found.text, found.actor.country)

    assert target("وتظاهر الآلاف أمام السفارة الأمريكية", "تظاهر") == ("السفارة الأمريكية", "USA")
    assert target("وتظاهر المئات احتجاجا على قرار الحكومة التركية", "تظاهر") == ("الحكومة التركية", "TUR")
    # the protesters themselves are not whom they protest against
    assert target("وتظاهر الآلاف أمس في المدينة", "تظاهر") is None


def test_protest_violence_is_typed_by_who_acted_as_acled_types_it(coder):
    def violence(text, word):
        p = parse(coder, text)
        toll = coder._casualties(p.text, 0, len(p.text), p.tokens)
        group = [p.trigger(word)]
        actor, _ = coder.arguments.roles(p.text, p.tokens, p.sentence, group[0], p.actors, p.light, toll)
        return coder.protests.protest_violence(p.tokens, p.sentence, group, actor, toll, group[0].form.trigger.mode)

    # protesters who burn and fire: a violent demonstration
    assert violence("أطلق متظاهرون النار على الشرطة وأحرقوا مقر الحزب", "أطلق") == \
        ("PROTEST", "riot", ("Riots", "Violent demonstration"))
    # the police firing on protesters: excessive force; beating them: a protest with intervention
    assert violence("أطلقت الشرطة النار على المتظاهرين", "أطلقت") == \
        ("ASSAULT", "", ("Protests", "Excessive force against protesters"))
    assert violence("وضربت الشرطة المتظاهرين بالهراوات", "ضربت") == \
        ("COERCE", "repress", ("Protests", "Protest with intervention"))
    # gunmen firing on a crowd: an attack like any other, typed by its sides
    assert violence("أطلق مسلحون النار على المتظاهرين", "أطلق") == ("ASSAULT", "", None)


def test_protesters_storming_a_building_of_an_authority_address_it(coder):
    # اقتحام مبنى حكومة محافظة البصرة: the government whose building they try to storm is whom they protest against
    stormed = one(coder, "وقالت تقارير إن مئات المتظاهرين حاولوا اقتحام مبنى حكومة محافظة البصرة", "PROTEST")
    assert stormed.actor["sector"] == "CVL" and stormed.recipient["sector"] == "GOV"


def test_protesters_only_counted_are_the_protests_actor(coder):
    # شارك المئات / خرج الآلاف: the crowd counted is who protests, civilians of the place's country
    counted = one(coder, "تظاهر العشرات أمام البرلمان", "PROTEST")
    assert counted.actor["sector"] == "CVL" and counted.actor["text"] == "العشرات"
    out = one(coder, "خرج الآلاف في مسيرات احتجاجا على الغلاء", "PROTEST")
    assert out.actor["text"] == "الآلاف"


def test_rights_groups_accuse(coder):
    accused = one(coder, "اتهمت جماعات حقوق الإنسان الشرطة بالتعذيب", "ACCUSE")
    assert accused.actor["sector"] == "NGO" and accused.recipient["sector"] == "COP"
