"""Closed-class cue words of the event coder (modality, role markers), from etl/extraction/data/cues.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from etl.extraction.lexicon import PhraseIndex, phrase_key, possessive_forms
from etl.text.tokens import tokenize

_SECTIONS = {"negation", "negation_verbs", "future", "hypothetical", "generic", "question_words", "reporting", "claim",
             "claim_objects", "locative", "agent_markers", "patient_markers", "complement_links", "clause_breaks",
             "intent_types", "complementizers", "background_prepositions", "background_clauses",
             "legal_context", "time_anchors", "crowds", "frame_marks", "habitual", "topic_prepositions",
             "result_verbs", "crime_nouns", "deeds",
             "subjunctive_links", "subjunctive_verbs", "purpose_verbs", "exposure_verbs", "construct_heads",
             "causal_links", "war_machines", "time_units",
             "time_prepositions", "prevention_verbs", "foil_verbs", "period_starts", "comparisons", "necessity",
             "targets", "relative_pronouns", "own_forces", "claimers", "epithets", "contrast_links", "long_spans",
             "seats", "memberships", "org_kinds", "belonging", "impersonal_verbs", "leaders", "casualty_nouns", "announcing",
             "verb_particles", "titles", "patrons", "lam_not_objects", "succumbed", "others",
             "kin", "holding", "adjectival_kinds", "statements", "inflicting", "hedges",
             "facilities", "fights", "persons", "common_noun_names", "projectiles", "occurrence_verbs", "obligation",
             "protest_targets", "protest_matters", "protest_effigies", "burning", "warning_fire", "other_gatherings",
             "denial_verbs", "involvement", "outlets", "protesters", "narrative_next_day", "narrative_same_day",
             "narrative_following_days", "topic_nouns", "survived", "place_nouns", "intercepting",
             "attack_referents"}


@dataclass(frozen=True)
class Cues:
    negation: frozenset[str]
    future: frozenset[str]
    hypothetical: frozenset[str]
    generic: frozenset[str]
    question_words: frozenset[str]
    reporting: frozenset[str]
    claim: frozenset[str]
    claim_objects: frozenset[str]
    locative: frozenset[str]
    agent_markers: PhraseIndex[str]  # على يد، من قبل، برصاص … (the actor follows)
    patient_markers: frozenset[str]  # على، ضد، استهدف … (the recipient follows)
    complement_links: frozenset[str]  # ب، إلى، على before an intended action (هدد بـ، دعا إلى)
    clause_breaks: frozenset[str]
    intent_types: frozenset[str]  # PLOVER types whose complement is an intended, not an actual, event
    complementizers: frozenset[str]  # إن / أن after a reporting verb: the main clause follows
    background_prepositions: frozenset[str]  # بعد، إثر …: the event noun after them is background
    background_clauses: frozenset[str]  # الذي، حيث …: the clause after them is about something named before
    legal_context: frozenset[str]  # المتهم، محاكمة …: the event is the matter of a trial or an inquiry
    time_anchors: frozenset[str]  # أمس، فجر اليوم …: the sentence ties its event to a particular time (a word
    # written with the article is keyed with it: الآن، الأحد، الاثنين are not أن، أحد، اثنين)
    crowds: frozenset[str]  # الآلاف، المتظاهرون …: who takes part in a protest
    frame_marks: frozenset[str]  # marks of a dateline or speech frame before a colon
    habitual: frozenset[str]  # يوميا، عادة …: a habit or a trend, not one event
    topic_prepositions: frozenset[str]  # عن، حول: the event noun after them is what is spoken of
    result_verbs: frozenset[str]  # أسفر، أدى: … عن مقتل is the toll of the event, not a topic
    crime_nouns: frozenset[str]  # السرقة، النهب: listed with an event noun, a kind of crime in general
    subjunctive_links: frozenset[str]  # أن before a verb in the subjunctive: a possibility, not a fact
    subjunctive_verbs: frozenset[str]  # يتم، يكون between أن and an event noun (أن يتم قصفها)
    purpose_verbs: frozenset[str]  # لتنفيذ، للقيام ب before an event noun: its purpose
    exposure_verbs: frozenset[str]  # تعرض لهجوم: an event suffered, not a purpose
    construct_heads: frozenset[str]  # عمليات خطف: the word after them is a noun, not a verb
    causal_links: frozenset[str]  # جراء، إثر: between two triggers, the cause of one event, not a second one
    war_machines: frozenset[str]  # دبابة، طائرة: a country's nisba on them makes its military the actor
    time_units: frozenset[str]  # يومين، ساعات: "بعد يومين من الهجوم" still puts the attack in the background
    time_prepositions: frozenset[str]  # بعد، قبل: the background prepositions that take a time span before the event
    prevention_verbs: frozenset[str]  # منع، أوقف (all inflections): "منع … من شن هجمات" - the event was stopped
    foil_verbs: frozenset[str]  # أحبط، أفشل (all inflections): "أحبطت الشرطة … محاولة تفجير" - it did not happen
    period_starts: frozenset[str]  # بدء، اندلاع after منذ: a count over a period, not one event's
    comparisons: frozenset[str]  # أعنف، للمرة الأولى before منذ: a comparison with the past, not a period
    necessity: frozenset[str]  # لا بد، ضروري after an event noun: the event is called for, not done
    protest_targets: frozenset[str]  # ضد، احتجاجا، مطالبين، أمام سفارة: after a protest, whom it is against follows
    protest_effigies: frozenset[str]  # أعلام، صور، دمى: the target follows when they are burnt (burning right before)
    burning: frozenset[str]  # أحرق، مزق، إحراق
    protest_matters: frozenset[str]  # قرار، زيارة، رحيل: between such a cue and the side the protest is against
    obligation: frozenset[str]  # يجب، ينبغي + أن before the event's clause: it should happen, it has not
    targets: frozenset[str]  # مواقع، مقر: the actor named after them owns the target (the recipient)
    relative_pronouns: frozenset[str]  # الذي، اللذين: a verb right after one describes a noun, it is no predicate
    own_forces: frozenset[str]  # جنوده، قواتها (generated from جنود، قوات): the forces of the actor named before
    claimers: frozenset[str]  # تبنته، مسؤوليتها: the one named beside them after an attack claims it, and is its actor
    epithets: frozenset[str]  # الإرهابي: right after a name (تنظيم داعش الإرهابي) a description of it, not another actor
    contrast_links: frozenset[str]  # فيما، بينما: between two attacks (not two tolls of one), they are two events
    long_spans: frozenset[str]  # أسابيع، أشهر: after the event, خلال + one of these makes its toll a count over a period
    outlets: frozenset[str]  # وكالة أنباء، صحيفة: the place after them names a news outlet
    seats: frozenset[str]  # مقره، ومقرها: the place after them is where an organisation sits
    memberships: frozenset[str]  # من، في between a kind of person and an organisation: a member of it
    announcing: frozenset[str]  # أعلن: an armed side announcing an attack named right after it claims it
    casualty_nouns: frozenset[str]  # قتيلا، جرحى: before من, the ones counted are some of the group after it
    leaders: frozenset[str]  # قائد، قيادي، عضو: before من / في + an organisation, one of its people
    impersonal_verbs: frozenset[str]  # تم، يجري: a light verb with no agent (إنه تم التوصل إلى اتفاق)
    past_impersonal: frozenset[str]  # تم، تمت، جرى، جرت: right before an event noun, a past passive (تم تدميرها)
    belonging: frozenset[str]  # تابعة، مملوكة: between a target or a machine and the name that owns it
    phrase_starts: frozenset[str]  # first words of the multiword cues (لا in لا بد): where phrases are looked for
    org_kinds: frozenset[str]  # تنظيم، حركة: the kind of organisation, before its name (مسلحا من تنظيم «القاعدة»)
    lam_not_objects: frozenset[str]  # للمرة، لمدة: ل of time or purpose after an event noun and its genitive
    succumbed: frozenset[str]  # متأثرا (بجراحه): the one named before died of wounds
    others: frozenset[str]  # وأخرى فرنسية: one more side joined to the subject
    adjectival_kinds: frozenset[str]  # عسكري، مدني: a person or an adjective (هجوم عسكري) by the word before
    statements: frozenset[str]  # قرار، بيان، تقرير: an indefinite one right before a verb is its subject
    inflicting: frozenset[str]  # كبدت: right before an event noun, the one named after the noun was hit
    hedges: frozenset[str]  # على الأقل: between a member word and من (عنصرا على الأقل من قوات النظام)
    facilities: frozenset[str]  # سوق، مسجد، مستشفى: kinds of agent that are buildings, hit but never acting
    fights: frozenset[str]  # مواجهات، اشتباكات: + مع, the side named after them fought those hit in the event
    holding: frozenset[str]  # تسيطر عليها، لسيطرة: the name after them holds a place; it takes no role
    common_noun_names: frozenset[str]  # القاعدة: a name that is a common noun (a base) before an adjective
    persons: frozenset[str]  # أشخاص: before من + an armed kind of agent, some of its members
    kin: frozenset[str]  # خطيبة، أسرة: a name right after them is whose relative; it takes no role
    patrons: frozenset[str]  # الموالية، المدعومة: the name after them (+ لـ / من) backs the one before, it takes no role
    titles: frozenset[str]  # رئيس، وزير، المتحدث: a name after the organisation they head is the titled person
    verb_particles: frozenset[str]  # قد، كان، إذ: a word both noun and verb (طالب) is the verb after them
    deeds: frozenset[str]  # شنت، نفذوا، خاضت: past light verbs of carrying out; the event noun they carry was done
    other_gatherings: frozenset[str]  # تشييع، احتفال، فرارا: after a verb of gathering, no protest
    warning_fire: frozenset[str]  # في الهواء، تحذيرية: after a firing word, fire that hit no one
    projectiles: frozenset[str]  # صاروخا، قذيفتين: right before a verb of attack, its subject
    occurrence_verbs: frozenset[str]  # اندلعت، دارت (past forms): the event noun right after one took place
    denial_verbs: frozenset[str]  # نفى، أنكر (all inflections): the أن clause after them did not happen
    involvement: frozenset[str]  # مسؤولية، علاقة، تورط: after a denial, the denier's part is denied, not the event
    protesters: frozenset[str]  # متظاهرون، احتجاجات: violence without a weapon of war in their sentence is a protest's
    narrative_next_day: frozenset[str]  # في اليوم التالي: the day after the last day the text read
    narrative_same_day: frozenset[str]  # في اليوم نفسه: that same day
    narrative_following_days: frozenset[str]  # في الأيام التالية: the week after it
    topic_nouns: frozenset[str]  # الأوضاع، تفاصيل: a place after them is what a statement is about
    survived: frozenset[str]  # نجا: the one who survived an attack was its target
    place_nouns: frozenset[str]  # العاصمة، الحدود: a nisba right after one says where, it names no side
    intercepting: frozenset[str]  # اعتراض، أسقطت: who intercepts a missile was attacked, did not attack
    attack_referents: frozenset[str]  # الغارات، القصف: definite, they refer back to an attack told just before


def _keys(raw: dict, section: str) -> frozenset[str]:
    words = raw.get(section)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"cues.yaml: {section} must be a list of words")
    return frozenset(phrase_key(w)[0] for w in words)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    raw = yaml.safe_load(resources.files("etl.extraction").joinpath("data/cues.yaml").read_text("utf-8"))
    if not isinstance(raw, dict) or set(raw) != _SECTIONS:
        raise ValueError(f"cues.yaml must have exactly the sections {sorted(_SECTIONS)}")
    agents: PhraseIndex[str] = PhraseIndex()
    for word in raw["agent_markers"]:
        agents.add(word, word)
    negation = _keys(raw, "negation")
    from etl.extraction.lexicon import verb_forms, verb_tenses

    for verb in raw["negation_verbs"]:
        negation |= frozenset(verb_forms(verb))
    prevention = frozenset(form for verb in raw["prevention_verbs"] for form in verb_forms(verb))
    foil = frozenset(form for verb in raw["foil_verbs"] for form in verb_forms(verb))
    _keys(raw, "denial_verbs")  # validates the section
    denials = frozenset(form for verb in raw["denial_verbs"]
                        for form in (verb_forms(verb) if "/" in verb else [phrase_key(verb)[0]]))
    occurring = frozenset(form for verb in raw["occurrence_verbs"] for form, tense in verb_tenses(verb).items()
                          if tense == "past")
    impersonal = raw["impersonal_verbs"]
    if not isinstance(impersonal, dict) or set(impersonal) != {"past", "present"}:
        raise ValueError("cues.yaml: impersonal_verbs must have the lists past and present")
    past_impersonal = _keys(impersonal, "past")
    # ـه too: on these nouns جنوده is "his soldiers" (the event nouns leave it out, see possessive_forms)
    _keys(raw, "own_forces")  # validates the section
    own_forces = frozenset(phrase_key(form)[0] for word in raw["own_forces"]
                           for form in possessive_forms(word, ("ه", "ها", "هم", "هما")))
    starts = frozenset(key.split()[0] for name in _SECTIONS
                       if name not in ("intent_types", "frame_marks", "impersonal_verbs")
                       for key in _keys(raw, name) if " " in key)
    # one word written with the article keeps it: stripped, الآن would be every أن and الأحد every أحد
    time_anchors = frozenset(tokenize(word)[0].key if definite else key for word in raw["time_anchors"]
                             for key, definite in [phrase_key(word)])
    special = {"time_anchors": time_anchors, "phrase_starts": starts, "own_forces": own_forces,
               "prevention_verbs": prevention, "foil_verbs": foil, "denial_verbs": denials, "negation": negation, "agent_markers": agents,
               "occurrence_verbs": occurring,
               "impersonal_verbs": past_impersonal | _keys(impersonal, "present"), "past_impersonal": past_impersonal,
               "intent_types": frozenset(raw["intent_types"]), "frame_marks": frozenset(str(w) for w in raw["frame_marks"])}
    return Cues(**{name: special[name] if name in special else _keys(raw, name)
                   for name in Cues.__dataclass_fields__})
