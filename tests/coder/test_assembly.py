"""The assembly (coder.EventCoder): what concerns the whole event - the readings and support that keep it,
its type and ACLED type, offsets, one event per place of a list, and the coder's data and version."""

from __future__ import annotations

from dataclasses import replace

from etl.extraction.coder import _acled_by_sides, _by_sentence, _definite, _scare_quoted
from etl.extraction.passes.event_place import _per_place
from etl.extraction.passes.mentions import Event
from etl.extraction.pipeline import make_coder
from tests.coder.conftest import PUBLISHED, events, one, of_type, happened_main, parse


# ------------------------------------------------------------------------------------------ through coder.code()

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


def test_accident_toll_is_no_assault(coder):
    assert [e for e in events(coder, "مقتل خمسة أشخاص في حادث سير على الطريق الدولي") if e.event_type == "ASSAULT"] == []


def test_offsets_point_into_the_text(coder):
    text = "وفي تطور آخر،   قصفت المدفعية بلدة حدودية.\nواعتقلت الشرطة خمسة مشتبه بهم."
    for event in events(coder, text):
        for part in (event.trigger, event.sentence):
            assert text[part["start"]:part["end"]] == part["text"]
        if event.actor:
            assert text[event.actor["start"]:event.actor["end"]] == event.actor["text"]


def test_protests_carried_out_or_dispersed_took_place(coder):
    done = happened_main(coder, "قام متظاهرون في ضواحي المدينة أمس بالاحتجاج على قرار الحكومة", "PROTEST")
    assert done
    dispersed = happened_main(coder, "فرقت الشرطة مستخدمة الغاز المسيل للدموع مظاهرة نظمها حزب معارض في السودان",
                              "PROTEST")
    assert dispersed


def test_a_storm_a_crushing_blow_and_a_date_that_opens_the_sentence(coder):
    # a verb in the relative clause that describes the storm does not make the injuries an attack
    assert happened_main(coder, "أصيب ثلاثة أشخاص، يوم الجمعة، جراء الإعصار الذي يضرب سواحل المحافظة") == []
    # a crushing blow is a figure of speech
    assert happened_main(coder, "وتمثل السيطرة على المدينة ضربة قاصمة للمتمردين في الحديدة") == []
    assert happened_main(coder, "ووجهت الطائرات ضربة للمسلحين في المدينة أمس أسفرت عن مقتل ثلاثة")
    # an old date that opens the sentence is the event's, though a comma follows it
    taken = happened_main(coder, "وفي شباط/فبراير 2015، خطف التنظيم 220 مسيحيا من محافظة الحسكة")
    assert taken and taken[0].date.startswith("2015-02") and taken[0].recipient["sector"] == "REL"


def test_the_coder_version_covers_every_data_file_it_reads():
    # a change to any of them must change the version, or `marsad reextract` would not recode
    from importlib import resources

    from etl.extraction import dictionaries

    covered = {f"data/{name}" for name in dictionaries._FILES} | {name for _, name in dictionaries._ALSO_READ}
    for package in ("etl.extraction", "etl"):
        files = {f"data/{p.name}" for p in resources.files(package).joinpath("data").iterdir() if p.name.endswith(".yaml")}
        assert files <= covered, files - covered


def test_the_dead_named_alone_tell_no_attack(coder):
    assert happened_main(coder, "حداد في الأراضي الفلسطينية على قتلى يوم الأرض في غزة") == []
    assert happened_main(coder, "وأعلنت الشرطة اكتشاف جثة محنطة في المدينة أمس") == []
    # with an instrument, or a killing, they do
    assert happened_main(coder, "وأعلنت الشرطة العثور على جثة بها آثار طلقات رصاص في المدينة أمس")
    assert happened_main(coder, "قتل ثلاثة أشخاص في المدينة أمس وسقط عشرات الجرحى")


def test_acled_types_follow_who_fought_whom(coder):
    shot = happened_main(coder, "أطلق جنود إسرائيليون النار على مدنيين فلسطينيين قرب الحدود أمس")
    assert shot and (shot[0].acled_event_type, shot[0].acled_sub_event_type) == ("Violence against civilians", "Attack")
    clash = happened_main(coder, "هاجم مسلحون من طالبان نقطة للجيش الأفغاني أمس")
    assert clash and (clash[0].acled_event_type, clash[0].acled_sub_event_type) == ("Battles", "Armed clash")
    worshippers = happened_main(coder, "هاجم مسلحون المصلين في المسجد أمس")
    assert worshippers and worshippers[0].acled_event_type == "Violence against civilians"
    strike = happened_main(coder, "شنت طائرات أمريكية غارة على مواقع المسلحين أمس")
    assert strike and strike[0].acled_sub_event_type == "Air/drone strike"


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


def test_an_event_noun_after_a_verb_of_occurring_took_place(coder):
    # واندلعت الاشتباكات، الإثنين: a definite noun is otherwise a reference to an event told elsewhere
    for sentence, type_ in (("واندلعت الاشتباكات بين الجيش والمسلحين، الإثنين، في الضواحي الجنوبية للمدينة", "ASSAULT"),
                            ("وتجددت التظاهرات في البصرة عند منفذ صفوان الحدودي مطالبين بتحسين الخدمات", "PROTEST")):
        assert happened_main(coder, sentence, type_), sentence
    # not history recalled with its year
    assert not happened_main(coder, "وقد اندلع القتال في عام 2014 عندما استولى الحوثيون على محافظة صعدة")
    # protests that broke out are street protests, with no crowd named (a diplomatic protest does not break out)
    assert happened_main(coder, "واندلعت الاحتجاجات في البصرة أمس", "PROTEST")


def test_a_verb_of_managing_does_not_make_a_weak_word_an_event(coder):
    # نجح في السيطرة على التضخم: managing carries any noun; a light verb (شن، نفذ) would have supported it
    assert not [e for e in coder.code("ونجحت الحكومة في السيطرة على معدل التضخم", published=PUBLISHED)
                if e.event_type == "COERCE"]


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


def test_protests_that_spread_from_one_city_to_a_list_of_others_are_one_event_per_city():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    spread = [e for e in coder.code("والتي امتدت الاحتجاجات يوم الجمعة من البصرة، حيث أغلق السكان ميناء أم قصر، "
                                    "إلى مدن العمارة والناصرية والنجف.", published=PUBLISHED) if e.event_type == "PROTEST"]
    assert [e.locations[0]["name_en"] for e in spread] == ["Basrah", "Al ‘Amārah", "Nasiriyah", "Najaf"]
    assert [e.part for e in spread] == [0, 1, 2, 3]



# ------------------------------------------------------------------------------------------ calling the assembly's steps directly

def test_acled_types_by_sides_turn_a_clash_on_civilians_into_violence_against_them(coder):
    p = parse(coder, "أطلق جنود إسرائيليون النار على مدنيين فلسطينيين ومسلحين")
    soldiers, civilians, gunmen = p.actor("جنود"), p.actor("مدنيين"), p.actor("مسلحين")
    assert (soldiers.actor.sector, civilians.actor.sector, gunmen.actor.sector) == ("MIL", "CVL", "UAF")
    clash, violence = ("Battles", "Armed clash"), ("Violence against civilians", "Attack")
    assert _acled_by_sides(clash, soldiers, civilians) == violence
    assert _acled_by_sides(violence, soldiers, gunmen) == clash  # armed against armed: a battle
    assert _acled_by_sides(violence, None, gunmen) == violence  # with one side unknown the type stands
    strike = ("Explosions/Remote violence", "Air/drone strike")
    assert _acled_by_sides(strike, soldiers, civilians) == strike  # remote violence keeps its type


def test_per_place_makes_one_event_per_town_of_a_list_and_leaves_the_toll_with_the_first(coder):
    text = "قتل خمسة مدنيين في غارات على الرمادي والفلوجة أمس"
    ramadi = {"name_en": "Ramadi", "start": text.index("الرمادي"), "end": text.index("الرمادي") + len("الرمادي"),
              "precision": 1, "latitude": 33.42, "longitude": 43.30}
    fallujah = {"name_en": "Fallujah", "start": text.index("الفلوجة"), "end": len(text) - len(" أمس"),
                "precision": 1, "latitude": 33.35, "longitude": 43.78}
    toll = {"low": 5, "best": 5, "high": 5, "start": 0, "end": 15}
    event = Event(event_type="ASSAULT", mode="aerial", cameo="195", acled_event_type=None, acled_sub_event_type=None,
                  actor=None, recipient=None, trigger={"text": "غارات", "start": 19, "end": 24}, sentence={},
                  locations=[ramadi, fallujah], date=None, date_precision=None, fatalities=toll, injured=None,
                  modality="asserted", confidence=0.5, trigger_id="ASSAULT.airstrike")
    parts = _per_place(event, text)
    assert [(e.part, e.locations[0]["name_en"], e.fatalities) for e in parts] == [(0, "Ramadi", toll), (1, "Fallujah", None)]
    # a country is not split, nor one place alone
    with_country = replace(event, locations=[ramadi, dict(fallujah, precision=5)])
    assert _per_place(with_country, text) == [with_country]
    alone = replace(event, locations=[ramadi])
    assert _per_place(alone, text) == [alone]


def test_a_definite_or_possessed_event_noun_and_a_word_in_scare_quotes(coder):
    def trigger(text, word):
        p = parse(coder, text)
        return p.tokens, p.trigger(word)

    assert _definite(*trigger("وكانت صدمة الاغتيال كبيرة", "الاغتيال"))
    assert _definite(*trigger("وأدان الوزير اغتياله أمس", "اغتياله"))
    assert not _definite(*trigger("وأدان الوزير اغتيال الصحفي أمس", "اغتيال"))
    text = "لكن الشرطة «خطفته» من إحدى النوافذ أمس"
    assert _scare_quoted(text, parse(coder, text).trigger("خطفته"))
    text = "لكن الشرطة خطفته من إحدى النوافذ أمس"
    assert not _scare_quoted(text, parse(coder, text).trigger("خطفته"))


def test_by_sentence_deals_each_item_to_the_sentence_it_begins_in():
    assert _by_sentence([1, 4, 5, 9, 12], [0, 5, 10], [4, 9, 20], lambda x: x) == [[1], [5], [12]]
    assert _by_sentence([], [0], [3], lambda x: x) == [[]]


def test_an_attack_named_again_by_its_definite_noun_keeps_its_attacker(coder):
    text = "شنت مقاتلات التحالف غارات على مواقع الحوثيين في صعدة. ودمرت الغارات مخازن أسلحة. وقتل 5 مسلحين في القصف."
    first, destroyed, killed = [e for e in coder.code(text) if e.event_type == "ASSAULT"]
    assert first.actor["id"] == destroyed.actor["id"] == killed.actor["id"]
    assert destroyed.actor["told_before"] and not first.actor.get("told_before")
    # not across more than two sentences, and never when no attack is named by its definite noun
    later = coder.code("شنت مقاتلات التحالف غارات على مواقع الحوثيين في صعدة. وصل الوفد. وعقد اجتماعا. وبحثا الأوضاع. "
                       "ودمرت الغارات مخازن أسلحة.")
    assert [e.actor for e in later if e.event_type == "ASSAULT"][-1] is None
    alone = [e for e in coder.code("شنت مقاتلات التحالف غارات على مواقع الحوثيين. وقتل مسلح في كمين.")
             if e.event_type == "ASSAULT"]
    assert alone[-1].actor is None
