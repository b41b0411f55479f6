"""The place pass (passes.event_place): which of a sentence's places is where the event happened."""

from __future__ import annotations

from etl.extraction.pipeline import make_coder
from tests.coder.conftest import PUBLISHED, one, happened_main, parse


# ------------------------------------------------------------------------------------------ through coder.code()

def test_event_place_is_where_not_who(geo_coder):
    event = one(geo_coder, "شنت واشنطن غارات على منطقة جرف النصر شمال بابل", "ASSAULT")
    assert event.actor["country"] == "USA"
    assert event.locations[0]["name_en"] == "Jurf al-Nasr"
    assert all(place["name_en"] != "Washington" for place in event.locations)


def test_a_place_after_a_multiword_locative_is_where(geo_coder):
    coder = geo_coder
    near = coder.places._after_locative
    from etl.text.tokens import tokenize

    text = "انفجرت سيارة مفخخة أمس بالقرب من الفلوجة"
    tokens = tokenize(text)
    assert near(tokens, text.index("الفلوجة"))  # (بالقرب من: a phrase of the locative list)
    assert not near(tokens, text.index("سيارة"))


def test_a_place_with_its_preposition_glued_on_is_where_the_event_happened():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    # بالموصل: the strike's place, though Baghdad (where the planes came from) is named first
    glued = happened_main(coder, "قصفت طائرات قادمة من بغداد مواقع بالموصل أمس")
    assert [place["name_en"] for place in glued[0].locations][:1] == ["Mosul"]
    spaced = happened_main(coder, "قصفت طائرات قادمة من بغداد مواقع في الموصل أمس")
    assert [place["name_en"] for place in spaced[0].locations][:1] == ["Mosul"]


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


def test_a_news_outlet_named_after_a_place_is_no_event_place():
    # "صحيفة واشنطن بوست", "وكالة أنباء الإمارات": where the news comes from, not where the event happened
    coder = make_coder(geocode=True)  # the packaged gazetteer
    event = one(coder, "ونقلت صحيفة واشنطن بوست أن طائرات قصفت مواقع للمسلحين في الفلوجة أمس", "ASSAULT")
    assert all(place["name_en"] != "Washington" for place in event.locations)
    assert event.locations and event.locations[0]["name_en"] == "Al Fallūjah"
    alone = one(coder, "وقالت وكالة أنباء الإمارات إن طائرات قصفت مواقع للمسلحين أمس", "ASSAULT")
    assert all(place.get("country3") != "ARE" for place in alone.locations)


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



# ------------------------------------------------------------------------------------------ calling the pass directly

def places_of(coder, text, word, actor=None, context=()):
    """The names of the places the place pass ranks for the trigger `word` (the test gazetteer's places)."""
    p = parse(coder, text)
    t = p.trigger(word)
    found = coder.places.locations(p.text, p.tokens, p.sentence, p.places, actor and p.actor(actor), None,
                                   list(context), (t.first, t.last))
    return [place["name_en"] for place in found]


def test_locations_rank_a_place_after_a_locative_first(geo_coder):
    # the planes came from Baghdad; the sites they shelled are in Ramadi
    assert places_of(geo_coder, "قصفت طائرات قادمة من بغداد مواقع في الرمادي أمس", "قصفت") == ["Ramadi", "Baghdad"]
    # a chain: the first place is where, the one after شمال locates it
    assert places_of(geo_coder, "قصفت الطائرات جرف النصر شمال بابل", "قصفت") == ["Jurf al-Nasr", "Babil"]


def test_locations_skip_the_place_a_side_is_named_by(geo_coder):
    # العراق is the one who shelled (its mention), not where; البوكمال is where
    text = "قصف العراق مواقع في البوكمال"
    assert places_of(geo_coder, text, "قصف") == ["Abu Kamal", "Iraq"]
    assert places_of(geo_coder, text, "قصف", actor="العراق") == ["Abu Kamal"]


def test_locations_skip_the_dateline_and_the_clause_before_after(geo_coder):
    assert places_of(geo_coder, "بغداد ـ «الشرق الأوسط»: قتل ثلاثة أشخاص في انفجار في الفلوجة أمس", "قتل") == \
        ["Fallujah"]
    # the conference's city, before «بعد مقتل …», is not where the killing was: the story's place stands
    context = [{"name_en": "Anbar"}]
    assert places_of(geo_coder, "افتتح الوزير مؤتمرا في بغداد أمس بعد مقتل ثلاثة جنود", "مقتل", context=context) == \
        ["Anbar"]


def test_locations_with_no_place_in_the_sentence_inherit_the_storys(coder):
    p = parse(coder, "قصفت الطائرات مواقع للمسلحين أمس")
    story = [{"name_en": "Fallujah", "country3": "IRQ"}]
    assert coder.places.locations(p.text, p.tokens, p.sentence, [], None, None, story) == \
        [{"name_en": "Fallujah", "country3": "IRQ", "inherited": True}]
    assert coder.places.locations(p.text, p.tokens, p.sentence, [], None, None, []) == []


def test_a_place_inside_a_persons_name_is_no_place_of_the_event():
    from etl.extraction.pipeline import make_coder

    coder = make_coder(geocode=True)
    biden = [e for e in coder.code("قال الرئيس بايدن إن القوات ستنسحب") if e.locations]
    assert all(e.locations[0].get("name_en") != "Aydın" for e in biden)
    ahmadinejad = coder.code("هاجم مسلحون قافلة أحمدي نجاد في طهران")
    assert [e.locations[0]["name_en"] for e in ahmadinejad if e.event_type == "ASSAULT"] == ["Tehran"]
    # a country in a person's title is still a place (وزير خارجية الولايات المتحدة، مايك بومبيو)
    from etl.extraction.coder import _not_named_sides
    from etl.text.tokens import tokenize

    text = "اتهم وزير خارجية الولايات المتحدة، مايك بومبيو، إيران بدعم الإرهاب"
    tokens = tokenize(text)
    actors = coder.actors.find(text, tokens, None, None)
    assert any(a.kind == "person" and "الولايات المتحدة" in a.text for a in actors)
    kept = _not_named_sides(coder.geocoder.geocode(text, tokens=tokens), actors)
    assert [p.text for p in kept] == ["الولايات المتحدة", "إيران"]


def test_a_statement_is_not_placed_where_its_matter_lies(geo_coder):
    # what a meeting or a statement is about (بحث الأوضاع في سوريا، أطلعه على تفاصيل الاتفاق مع العراق) is no
    # place of it; where a visit goes is
    talks = one(geo_coder, "بحث الرئيس مع نظيره الأوضاع في سوريا", "CONSULT")
    assert [loc.get("name_en") for loc in talks.locations if not loc.get("inherited")] == []
    briefed = one(geo_coder, "استقبل الأمير الوزير الذي أطلعه على تفاصيل الاتفاق مع العراق", "CONSULT")
    assert [loc.get("name_en") for loc in briefed.locations if not loc.get("inherited")] == []
    attack = one(geo_coder, "قصفت الطائرات مواقع في سوريا", "ASSAULT")
    assert attack.locations[0]["name_en"] == "Syria"


def test_whom_a_statement_names_is_not_where_it_was_made(geo_coder):
    accused = one(geo_coder, "اتهمت الحكومة العراقية سوريا والأردن بدعم المسلحين", "ACCUSE")
    assert [loc["name_en"] for loc in accused.locations if not loc.get("inherited")] == []
    # where it was said, after في, is its place
    condemned = one(geo_coder, "أدان الوزير في بيان صدر في بغداد الهجوم", "ACCUSE")
    assert condemned.locations[0]["name_en"] == "Baghdad"


def test_a_visit_takes_place_where_it_went(geo_coder):
    visit = one(geo_coder, "زار الرئيس الفرنسي بغداد أمس", "CONSULT")
    assert visit.locations[0]["name_en"] == "Baghdad"


def test_a_statement_does_not_take_the_storys_place(geo_coder):
    found = geo_coder.code("قصفت الطائرات مواقع في سوريا أمس. واتهم الكرملين واشنطن برفض مواجهة الواقع.")
    attack = [e for e in found if e.event_type == "ASSAULT"]
    accused = [e for e in found if e.event_type == "ACCUSE"]
    assert attack and attack[0].locations[0]["name_en"] == "Syria"
    assert accused and accused[0].locations == []  # not Syria: where the Kremlin spoke is not said


def test_a_sides_backer_is_not_where_the_event_happened():
    coder = make_coder(geocode=True)  # the packaged gazetteer
    # الموالية لإيران، المدعومة من روسيا: whose backing, not where; the place of the sentence is where
    backed = happened_main(coder, "هاجمت الميليشيات الموالية لإيران مواقع للمعارضة")
    assert backed and backed[0].locations == []
    shelled = happened_main(coder, "وقصفت القوات الحكومية المدعومة من روسيا بلدة في محافظة درعا")
    assert [place["name_en"] for place in shelled[0].locations][:1] == ["Daraa"]
