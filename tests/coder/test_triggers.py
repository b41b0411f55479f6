"""The trigger pass (passes.trigger_mentions): which event words stand, their senses and readings, the
support a weak word needs, and how a sentence's triggers of one type are parted into events."""

from __future__ import annotations

import pytest

from etl.extraction.pipeline import make_coder
from tests.coder.conftest import PUBLISHED, events, one, of_type, happened_main, parse


# ------------------------------------------------------------------------------------------ through coder.code()

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


def test_a_statement_published_is_no_deployment(coder):
    published = [e for e in coder.code("وقالت الوزارة في بيان نشرته الوكالة إن وحدات من الشرطة تعمل في المدينة")
                 if e.event_type == "MOBILIZE"]
    assert published == []


def test_yasser_and_their_families_are_no_capture(coder):
    assert [e for e in coder.code("احتجاجا على مقتل الصحفي ياسر مرتجى السبت الماضي") if e.mode == "abduct"] == []
    assert coder.code("وكان 77 عسكريا وأفراد أسرهم قد قتلوا في تحطم طائرة") == [] or all(
        e.trigger["text"] != "أسرهم" for e in coder.code("وكان 77 عسكريا وأفراد أسرهم قد قتلوا في تحطم طائرة"))


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


def test_two_attacks_in_one_sentence_stay_two(coder):
    found = [e for e in events(coder, "جاء القصف الأمريكي بعد أيام على استهداف الميليشيات لقاعدة جوية بصواريخ، ما أدى "
                                      "إلى إصابة أربعة جنود أمريكيين") if e.event_type == "ASSAULT"]
    assert len(found) == 2
    later = max(found, key=lambda e: e.trigger["start"])
    assert later.injured and later.injured["best"] == 4
    assert not (min(found, key=lambda e: e.trigger["start"]).injured)


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


def test_dual_event_nouns_are_generated(coder):
    from etl.extraction.lexicon import dual_forms

    assert dual_forms("غارة جوية") == ["غارتين جويتين", "غارتان جويتان"]
    assert dual_forms("انفجار عبوة ناسفة") == ["انفجار عبوتين ناسفتين", "انفجار عبوتان ناسفتان"]
    assert dual_forms("عملية طعن") == [] and dual_forms("غارات") == [] and dual_forms("هجوما") == []
    # "we lost five of our soldiers in two bombings": only the dual nouns say what happened
    lost = happened_main(coder, "فقدنا امس خمسة من جنودنا في انفجار عبوتين ناسفتين في هجومين منفصلين")
    assert lost and lost[0].mode == "explosives"
    assert happened_main(coder, "شنت الطائرات غارتين جويتين على مواقع المسلحين أمس")


def test_a_time_phrase_opening_the_sentence_ends_at_its_comma(coder):
    # the first shelling is the time of the second, which is the news
    shelled = "وبعد ساعات على قصف منزل في البلدة، قامت دبابة بقصف منزل آخر مما أدى الى مقتل ثلاثة مواطنين"
    found = [e for e in coder.code(shelled, published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert [e.salience for e in found] == ["background", "main"]
    # an anniversary named later in a sentence keeps its apposition with it
    remembered = "أحيا الآلاف أمس الذكرى العاشرة لمذبحة المدينة، أكبر مجزرة عرفتها البلاد"
    assert happened_main(coder, remembered) == []


def test_a_word_in_teh_marbuta_is_no_verb_with_a_pronoun(coder):
    # واصابة (and the injury of) folds like وأصابه (and hit him): the noun is no predicate with a subject
    hurt = happened_main(coder, "وكان الجيش قد أعلن أمس مقتل جندي واصابة اثنين في هجوم انتحاري قرب بغداد")
    assert hurt and hurt[0].trigger["text"] != "اصابة" and (hurt[0].actor is None or hurt[0].actor["text"] != "الجيش")


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


def test_shells_that_fell_are_an_attack_and_weapons_named_alone_are_not(coder):
    fell = happened_main(coder, "وذكر مصدر في الشرطة أن عدة قذائف هاون سقطت على مبان سكنية فجر أمس في المدينة")
    assert fell and fell[0].mode == "artillery"
    assert happened_main(coder, "وصلت شحنة قذائف هاون إلى الميناء أمس") == []
    assert happened_main(coder, "سقطت الحكومة أمس بعد تصويت البرلمان") == []


def test_two_attacks_joined_by_while_are_two_events_two_tolls_are_one(coder):
    two = [e for e in coder.code("قالوا إن الحركة اختطفت حاكم منطقة أمس، فيما قتل ثلاثة مدنيين في هجوم انتحاري بغرب البلاد",
                                 published=PUBLISHED) if e.event_type == "ASSAULT"]
    assert sorted(e.mode for e in two) == ["abduct", "suicide"]
    one_attack = [e for e in coder.code("قتل ثلاثة أشخاص في هجوم على حاجز أمس فيما أصيب خمسة آخرون", published=PUBLISHED)
                  if e.event_type == "ASSAULT"]
    assert len(one_attack) == 1 and one_attack[0].injured["best"] == 5


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


def test_a_trigger_phrase_running_into_a_name_gives_way_to_its_shorter_part(coder):
    # قصف طائرات (a phrase) would take the first word of "طائرات حربية تركية", a name: قصف is the trigger
    struck = of_type(coder, "وتعرضت القرى لقصف طائرات حربية تركية صباح اليوم")
    assert struck and struck[0].actor["country"] == "TUR"
    # نشر الجيش الإسرائيلي صورا: the army published pictures; it deployed nothing
    assert of_type(coder, "ونشر الجيش الإسرائيلي صورا للمواقع التي قصفها", "MOBILIZE") == []
    deployed = of_type(coder, "ونشر الجيش التركي قوات على الأراضي القطرية", "MOBILIZE")
    assert deployed and deployed[0].actor["country"] == "TUR"


def test_afflictions_and_the_name_israa_are_no_attacks(coder):
    # أصيبت والدته بالهلع: struck by panic; إسراء الغمغام: a woman's name, not أسرا (captured)
    assert not of_type(coder, "وقد أصيبت والدة عبد الرؤوف بالهلع حين أخبرت أن ابنها استشهد")
    assert not of_type(coder, "وطالبت النيابة العامة بعقوبة الإعدام بحق الناشطة إسراء الغمغام")


def test_a_first_person_spelling_reads_as_the_passive_past(coder):
    # folded, أصيب / أدين are "I hit" / "I condemn" and, far more often in news, "was wounded" / "was convicted"
    wounded = one(coder, "وقال المتحدث إن جنديا أصيب في هجوم", "ASSAULT", published=PUBLISHED)
    assert wounded.happened and wounded.salience == "main"
    convicted = one(coder, "وأدين الحارس بجريمة السرقة", "ACCUSE", published=PUBLISHED)
    assert convicted.happened


def test_families_of_the_dead_are_no_capture(coder):
    # أسر الضحايا، أسر الشهداء: families (plural of أسرة), spelled like the verb "captured"
    for sentence in ("وقالت أسر الضحايا إن الحكومة لم تدفع التعويضات أمس",
                     "وتعهد التحالف بتعويض أسر الشهداء في المدينة أمس"):
        assert not [e for e in happened_main(coder, sentence) if e.trigger["text"] == "أسر"], sentence
    captured = happened_main(coder, "وتمكنت القوات من أسر ستين عنصرا من ميليشيات الحوثي أمس")
    assert captured and captured[0].recipient["id"] == "org:houthis"


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



# ------------------------------------------------------------------------------------------ calling the pass directly

def test_find_reads_a_verb_behind_its_proclitic_with_offsets_into_the_text(coder):
    p = parse(coder, "وقصفوا المدينة بالمدفعية أمس")
    shelled = p.trigger("قصفوا")
    assert shelled.text == "قصفوا" and p.text[shelled.start:shelled.end] == "قصفوا"  # و is the proclitic's
    assert (shelled.first, shelled.last) == (0, 1)
    assert shelled.form.trigger.type == "ASSAULT" and shelled.form.verb and shelled.form.tense == "past"


def test_find_leaves_the_words_of_a_name_to_the_name(coder):
    # الحشد inside "الحشد الشعبي" (an organisation) is no mobilisation; حشد قواته outside a name is one
    named = parse(coder, "قال قائد في الحشد الشعبي إن الوضع هادئ")
    assert [a.actor.id for a in named.actors] == ["org:pmf"]
    assert all(t.form.trigger.type != "MOBILIZE" for t in named.triggers)
    massed = parse(coder, "بدأ الجيش حشد قواته على الحدود")
    assert [t.form.trigger.type for t in massed.triggers] == ["MOBILIZE"]


def test_find_reads_a_word_after_a_number_as_a_noun(coder):
    # ثلاثين طالبا: thirty students; طالب at the head of the sentence: demanded
    counted = parse(coder, "اقتحم نحو ثلاثين طالبا مبنى الجامعة")
    assert all(t.form.trigger.type != "REQUEST" for t in counted.triggers)
    demanded = parse(coder, "طالب البرلمان الحكومة بتقديم الموازنة")
    assert demanded.trigger("طالب").form.trigger.type == "REQUEST" and demanded.trigger("طالب").form.verb


def test_segments_part_a_clause_with_its_own_named_subject_and_keep_one_attack_whole(coder):
    def groups(text):
        p = parse(coder, text)
        assaults = sorted((t for t in p.triggers if t.form.trigger.type == "ASSAULT"), key=lambda t: t.first)
        return [[t.text for t in g] for g in coder.triggers.segments(p.text, p.tokens, p.sentence, assaults, p.actors)]

    # ، وأطلق مسلحون فلسطينيون: a past attack verb after a comma, with its own named agent, is another event
    assert groups("شنت طائرات إسرائيلية غارات على غزة، وأطلق مسلحون فلسطينيون صواريخ على بلدات إسرائيلية") == \
        [["غارات"], ["أطلق"]]
    # an explosion, the car bomb and its target are one attack
    assert groups("انفجرت سيارة مفخخة استهدفت دورية للشرطة") == [["انفجرت", "سيارة مفخخة", "استهدفت"]]
    # a background preposition between two attacks parts them (بعد أيام على)
    assert len(groups("جاء القصف الأمريكي بعد أيام على استهداف الميليشيات لقاعدة جوية")) == 2


def test_weak_supported_asks_more_of_an_attack_than_an_armed_actor(coder):
    supported = coder.triggers.weak_supported
    assert not supported("ASSAULT", ["armed-actor"]) and not supported("ASSAULT", ["actor", "recipient"])
    assert supported("ASSAULT", ["armed-actor", "target"]) and supported("ASSAULT", ["armed-actor", "recipient"])
    assert supported("ASSAULT", ["toll"]) and supported("ASSAULT", ["instrument"])
    # a protest needs a crowd, an occurrence or a repression; other types any support at all
    assert not supported("PROTEST", ["actor", "recipient"]) and supported("PROTEST", ["protesters"])
    assert supported("ACCUSE", ["actor"]) and not supported("ACCUSE", [])


def test_warning_fire_is_fire_into_the_air_before_anyone_is_named_as_its_target(coder):
    def warning(text):
        p = parse(coder, text)
        return coder.triggers.warning_fire(p.tokens, p.sentence, p.trigger("أطلق"))

    assert warning("أطلقت الشرطة النار في الهواء لتفريق المتظاهرين")
    assert warning("وأطلق الجنود طلقات تحذيرية قرب السياج")
    # على names whom it is fired at: what comes after it says nothing of a warning
    assert not warning("أطلق مسلحون النار على المتظاهرين في الهواء الطلق")


def test_seizures_referrals_calls_and_promises_are_events(coder):
    assert one(coder, "ضبطت الشرطة كمية كبيرة من المخدرات في الميناء", "COERCE").mode == "seize"
    assert events(coder, "دعا الطرفين إلى ضبط النفس") == []  # restraint
    assert one(coder, "أحالت النيابة العامة المتهمين إلى القضاء بتهمة الإرهاب", "COERCE").mode == "arrest"
    assert one(coder, "هاتفت المستشارة الألمانية الرئيس الأمريكي أمس", "CONSULT").mode == "phone"
    assert events(coder, "وصلته رسالة عبر هاتف محمول") == []  # a telephone, not a call
    assert one(coder, "وعد الرئيس بإجراء انتخابات مبكرة", "AGREE").happened
    assert [e for e in events(coder, "يعد هذا القرار الأول من نوعه") if e.event_type == "AGREE"] == []
    assert [e for e in events(coder, "وعدة دول أخرى") if e.event_type == "AGREE"] == []  # and several
