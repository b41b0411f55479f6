"""The Arabic event coder: sentences to events - who did what to whom, where, when, with what toll.

The coder assembles passes, each a module of etl.extraction.passes with one step:
1. actor_mentions: the dictionaries' actors in the text, composed into sides (ميليشيات الحوثي الإيرانية);
2. trigger_mentions: the event words that stand; triggers of one PLOVER type in one sentence make one event
   (هجوم انتحاري بسيارة مفخخة استهدف … is one attack) unless a background preposition or a clause with its
   own subject parts them; a weak trigger (a word with other senses) is kept only with support: a known or
   armed actor, a target, a toll, an instrument, or a second trigger;
3. arguments: actor and recipient from Arabic word order - verb-subject-object and subject-verb-object, the
   passive reading of قُتل / أُصيب with its victim after it and its agent after على يد / برصاص, nouns with
   their adjective (غارة إسرائيلية) or genitive, and the subject of a light verb (شنت واشنطن غارات);
   protests: who protests and against whom, and a protest turned violent;
4. event_time: the date, and whether the event is current, history or still to come;
5. modality: negated, future, hypothetical, generic (any attack), intended (inside the complement of a
   threat, demand, refusal or promise: توعد باستهداف), claimed, reported or asserted;
6. salience: the event the sentence reports (main) or one it only names (background);
7. event_toll and event_place: the sentence's casualty figures that are the event's own, and its place
   (the geocoder's places in the sentence, else the story's).
The shared word tests and clause structure (where the main clause starts, what gives a cause) are in
passes.grammar; this module runs the passes over the sentences and assembles each event.

Events of the modalities asserted, reported and claimed are the ones that happened; the others are
kept with their modality so that analysts can see threats and denials, and are not counted as events.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date, datetime, timezone, tzinfo
from typing import Callable

from etl.extraction.cues import Cues, load_cues
from etl.extraction.dictionaries import AGENT_SECTORS, Dictionaries, load_dictionaries
from etl.extraction.lexicon import QUOTED_GLUE
from etl.extraction.named_events import named_events
from etl.extraction.passes.actor_mentions import ActorFinder
from etl.extraction.passes.arguments import _ALA, Arguments
from etl.extraction.passes.event_place import EventPlace, _focus_country, _per_place
from etl.extraction.passes.event_time import HISTORY_DAYS, EventTime, _a_year_before, _timing
from etl.extraction.passes.event_toll import MAX_EVENT_TOLL, _range, _toll_within, _totals
from etl.extraction.passes.grammar import (
    ARMED_SECTORS, Reader, _ARMED_CLASH, _AS_SOURCE, _DASH_DATELINE, _PROTESTING_SECTORS, _TOLL_TRIGGERS,
    _VICTIM_TRIGGERS, _VIOLENCE_AGAINST_CIVILIANS, _as_military, _as_people, _conjunction_off, _participle,
    _particle, _proclitic, _pronoun_complementizer, _punctuated, _same, _token_at,
)
from etl.extraction.passes.mentions import HAPPENED, ActorMention, Event, TriggerMention, _Sentence
from etl.extraction.passes.modality import Modality
from etl.extraction.passes.protests import ProtestReader
from etl.extraction.passes.salience import Salience
from etl.extraction.passes.trigger_mentions import TriggerFinder
from etl.extraction.when import DEFAULT_TZ
from etl.text.tokens import Token, strip_article, tokenize


# Most specific first: the mode an ASSAULT gets when several triggers and instruments speak.
ASSAULT_MODE_PRIORITY = ("wmd", "suicide", "drone", "aerial", "artillery", "explosives", "assassinate", "abduct",
                         "sexual", "torture", "firearms", "primitive", "beat", "kill", "")
INSTRUMENT_WINDOW = 8  # tokens around a trigger in which an instrument refines its mode


class EventCoder(Reader):
    """Codes Arabic text into events. Thread-safe after construction; construction loads the dictionaries."""

    def __init__(self, dictionaries: Dictionaries | None = None, geocoder=None, cues: Cues | None = None,
                 split_sentences: Callable | None = None, casualties: Callable | None = None,
                 event_date: Callable | None = None, history_days: int | None = None) -> None:
        super().__init__(dictionaries or load_dictionaries(), cues or load_cues())
        self.geocoder = geocoder
        self._split = split_sentences
        self._casualties = casualties
        history_days = HISTORY_DAYS if history_days is None else history_days
        self.history_days = history_days
        # the version says what the coder does: a non-default history window recodes every article
        self.version = self.d.version + (f"~h{history_days}" if history_days != HISTORY_DAYS else "")
        # the passes, in the order they run on a sentence
        self.actors = ActorFinder(self.d, self.cues, self)
        self.triggers = TriggerFinder(self.d, self.cues, self)
        self.protests = ProtestReader(self.d, self.cues, self)
        self.arguments = Arguments(self.d, self.cues, self)
        self.time = EventTime(self.d, self.cues, self, event_date, history_days)
        self.modality = Modality(self.d, self.cues, self)
        self.salience = Salience(self.d, self.cues, self)
        self.places = EventPlace(self.d, self.cues, self)

    def code(self, text: str, title: str | None = None, published: datetime | None = None,
             places: list | None = None, title_places: list | None = None, tz: tzinfo | None = None) -> list[Event]:
        """Events of a text (offsets into `text`). The title, when given, is coded as a text of its own by
        the caller; here it only lends its places to sentences that name none. `places` and
        `title_places` are the geocoder's mentions when the caller has them already. `tz` is the newsroom's
        zone, in which "today" and "yesterday" are read (the feed registry's, else UTC+3, the middle of the
        region's zones)."""
        if not text or not text.strip():
            return []
        if published is not None:  # carried in the newsroom's zone from here on: its date is the local day
            aware = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
            published = aware.astimezone(tz or DEFAULT_TZ)
        tokens = tokenize(text)
        if places is None:
            places = self.geocoder.geocode(text, tokens=tokens) if self.geocoder is not None else []
        if title_places is None:
            title_places = self.geocoder.geocode(title) if (self.geocoder is not None and title) else []
        focus = _focus_country(list(places) + list(title_places))
        actors = self.actors.find(text, tokens, published, focus)
        places = _not_named_sides(places, actors)
        triggers = self.triggers.find(text, tokens, actors, places)
        starts = [t.start for t in tokens]
        sentences = []
        for s_start, s_end in self._sentences(text):
            lo, hi = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
            if lo < hi:
                sentences.append(_Sentence(s_start, s_end, lo, hi,
                                           "؟" in text[s_start:s_end] or "?" in text[s_start:s_end]))
        # each sentence's own places, actors and triggers, dealt out once (filtering every list for every
        # sentence would cost the square of a long text)
        s_places = _by_sentence(places, [s.start for s in sentences], [s.end for s in sentences],
                                lambda p: p.start)
        los, his = [s.lo for s in sentences], [s.hi for s in sentences]
        s_actors = _by_sentence(actors, los, his, lambda a: a.first)
        s_triggers = _by_sentence(triggers, los, his, lambda t: t.first)
        events: list[Event] = []
        context_place: list[dict] = [self.places.place_dict(p) for p in title_places[:1]]
        last_day: date | None = None  # the last day read in the text: a narrative's "next day" counts from it
        attacker: tuple[int, dict] | None = None  # (sentence, actor) of the last attack told with its attacker
        for k, sentence in enumerate(sentences):
            found = self._code_sentence(text, tokens, sentence, s_actors[k], s_triggers[k], s_places[k], published,
                                        context_place)
            if last_day is not None and any(e.date_source == "published" for e in found):
                self.time.date_from_narrative(tokens, sentence, found, last_day, published)
            for event in found:
                if attacker is not None and k - attacker[0] <= ATTACKER_SENTENCES:
                    self._attacker_told_before(event, attacker[1], tokens, sentence)
                if event.locations and event.happened:
                    context_place = event.locations[:1]
                if event.date_source == "text" and event.date_precision == "day" and event.date:
                    last_day = date.fromisoformat(event.date)
                if event.event_type == "ASSAULT" and event.happened and event.salience == "main" and \
                        event.actor and (event.actor.get("sector") in ARMED_SECTORS or
                                         str(event.actor.get("id")).startswith("country:")) and \
                        not event.actor.get("told_before"):
                    attacker = (k, event.actor)
            events.extend(found)
        return events

    def _attacker_told_before(self, event: Event, attacker: dict, tokens: list[Token], s: _Sentence) -> None:
        """وشنت مقاتلات التحالف غارات على … ودمرت الغارات مخازن، وقتل 5 في القصف: an attack with no attacker of its own,
        whose sentence names an attack by its definite noun (cues.yaml attack_referents) soon after an attack whose
        armed attacker was named, refers back to it and takes its attacker (marked told_before) - unless that
        attacker is the side it hit."""
        if event.event_type != "ASSAULT" or event.actor is not None or not event.happened:
            return
        if not any(strip_article(_conjunction_off(tok.key).removeprefix("ب").removeprefix("ل")) in
                   self.cues.attack_referents and _conjunction_off(tok.key).lstrip("بل").startswith("ال")
                   for tok in tokens[s.lo:s.hi]):
            return
        recipient = event.recipient or {}
        if recipient.get("id") == attacker.get("id") or (
                recipient.get("country") and recipient.get("country") == attacker.get("country") and
                recipient.get("sector") == attacker.get("sector")):
            return
        event.actor = dict(attacker, told_before=True)

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        if self._split is not None:
            return [(s.start, s.end) for s in self._split(text)]
        return [(0, len(text))]

    def _code_sentence(self, text: str, tokens: list[Token], s: _Sentence, actors: list[ActorMention],
                       triggers: list[TriggerMention], places: list, published: datetime | None,
                       context_place: list[dict]) -> list[Event]:
        """The events of one sentence, given the actors, triggers and places that begin in it."""
        if not triggers:
            return []
        dateline = _DASH_DATELINE.match(text, s.start, min(s.end, s.start + 90))
        if dateline:  # دبي، الإمارات العربية المتحدة (CNN) --: where the story was filed acts in none of it
            actors = [a for a in actors if a.start >= dateline.end()]
        # الميليشيات الموالية لإيران: the patron named after الموالية takes no part in the event, nor does the
        # one who holds a place (مناطق تسيطر عليها فصائل المعارضة، الخاضعة لسيطرة الحوثيين)
        s.holders = [a for a in actors if self.arguments.holder(tokens, a)]
        # مدينة النجف العراقية: a nisba right after a place says where the place is, it names no side
        actors = [a for a in actors if not self.arguments.patron(tokens, a) and a not in s.holders and not self.arguments.source(tokens, s, a)
                  and not self.arguments.of_a_place(text, tokens, s, a)
                  and not self.arguments.adjectival(text, tokens, s, a, triggers)
                  and not ((a.kind == "adjective" or a.kind == "country" and a.text.startswith("ال") and
                            a.last - a.first == 1 and tokens[a.first].key.endswith("يه")) and any(
                      p.end <= a.start and not text[p.end:a.start].strip() for p in places))]
        # (السورية also spells the country سورية with the article; not الولايات المتحدة after إيران: a name)
        keys = {tok.key for tok in tokens[s.lo:s.hi]} | {strip_article(tok.key) for tok in tokens[s.lo:s.hi]}
        # a word may stand for several entries (أطلق: rockets or fire); keep the readings whose sense words occur
        kept = []
        for t in triggers:
            forms = [f for f in t.forms if not f.trigger.needs or self.triggers.needs_met(f, t, triggers, keys, tokens, s)]
            if any(f.trigger.mode == "firearms" for f in forms) and self.triggers.warning_fire(tokens, s, t):
                forms = [f for f in forms if f.trigger.mode != "firearms"]
            if forms:
                kept.append(t if len(forms) == len(t.forms) else
                            TriggerMention(t.first, t.last, t.start, t.end, t.text, forms))
        triggers = kept
        if not triggers:
            return []
        instruments = [(m.first, m.payloads[0]) for m in self.d.triggers.instruments.find(text, tokens, s.lo, s.hi)]
        light = [m for m in self.d.triggers.light_verbs.find(text, tokens, s.lo, s.hi)]
        non_violent = self.d.triggers.non_violent.find(text, tokens, s.lo, s.hi)  # (the causes that are no attack)
        toll = self._casualties(text, s.start, s.end, tokens) if self._casualties else None
        by_type: dict[str, list[TriggerMention]] = {}
        for t in triggers:
            by_type.setdefault(t.form.trigger.type, []).append(t)
        events = []
        for type_, triggers_of_type in by_type.items():
            groups = self.triggers.segments(text, tokens, s, sorted(triggers_of_type, key=lambda t: t.first), actors)
            for k, group in enumerate(groups):
                lo = group[0].first
                hi = groups[k + 1][0].first if k + 1 < len(groups) else s.hi
                previous_end = groups[k - 1][-1].last if k else s.lo
                # an event's actors stand in its own part of the sentence
                segment_actors = [a for a in actors if previous_end <= a.first < hi]
                event = self._event(text, tokens, s, type_, group, segment_actors, instruments, light, non_violent,
                                    _toll_within(toll, tokens, lo, hi, len(groups) == 1), places, published,
                                    context_place, triggers)
                if event is not None:
                    events.extend(_per_place(event, text))
        return events

    def _event(self, text, tokens, s, type_, group, actors, instruments, light, non_violent, toll, places,
               published, context_place, all_triggers) -> Event | None:
        """One event from the triggers of one type in one part of a sentence, or None when they tell none."""
        read = self._readings(text, tokens, s, type_, group, instruments, light, non_violent, places, all_triggers)
        if read is None:
            return None
        support, strong, heads, verbs, primary, mode = read
        actor, recipient, actors, main_start, survived = self._sides(text, tokens, s, type_, group, actors, light,
                                                                     toll, verbs, primary, all_triggers)
        harm_totals = [f for c, f in (toll.totals() if toll else []) if c in ("killed", "injured")]
        if not self._supported(text, tokens, s, type_, group, actors, actor, recipient, toll, harm_totals, strong,
                               support, survived):
            return None
        event_date, precision, date_source, timing, modality, anchored, nominal, first = self._when_and_whether(
            text, tokens, s, type_, group, light, toll, harm_totals, places, published, primary, verbs, support,
            all_triggers)
        salience = self._salience(text, tokens, s, type_, group, heads, main_start, first, nominal, anchored, support,
                                  all_triggers)
        trigger = primary.form.trigger
        protest = None
        if type_ == "ASSAULT" and mode not in _REMOTE_MODES and any(
                self._is(tokens[i], self.cues.protesters) for i in range(s.lo, s.hi)):
            protest = self.protests.protest_violence(tokens, s, group, actor, toll, mode)
            if protest[0] != "ASSAULT":
                type_, mode = protest[0], protest[1]
        mode_spec = self.d.modes.get((type_, mode)) or self.d.modes[(type_, "")]
        cameo = trigger.cameo if mode == trigger.mode and type_ == trigger.type else mode_spec.cameo
        acled = trigger.acled if mode == trigger.mode and type_ == trigger.type else mode_spec.acled
        if type_ == "ASSAULT" and acled:
            acled = protest[2] if protest and protest[2] else _acled_by_sides(acled, actor, recipient)
        harm = type_ == "ASSAULT" or protest is not None
        # (the host a visit goes to - زار الرئيس بغداد - is also where it took place)
        locations = self.places.locations(text, tokens, s, places, actor,
                                          None if (type_, mode) == ("CONSULT", "visit") else recipient,
                                          context_place, (first, primary.last), type_)
        # a statement placed nowhere still speaks in the story's country: its unnamed sides (الحكومة) are that
        # country's, as they are for the events that take the story's place
        sides_at = locations or [dict(c, inherited=True) for c in context_place]
        confidence = 0.45 + 0.2 * bool(strong) + 0.05 * min(len(support), 4)
        if modality not in HAPPENED:
            confidence *= 0.6
        actor_side = self.arguments.side(actor, sides_at)
        if actor_side is None and type_ == "PROTEST":
            actor_side = self.protests.crowd_side(tokens, s, group, sides_at)
        return Event(
            event_type=type_, mode=mode, cameo=cameo,
            acled_event_type=acled[0] if acled else None, acled_sub_event_type=acled[1] if acled else None,
            actor=actor_side, recipient=self.arguments.side(recipient, sides_at),
            trigger={"text": primary.text, "start": primary.start, "end": primary.end},
            sentence={"text": text[s.start:s.end], "start": s.start, "end": s.end},
            locations=locations, date=event_date, date_precision=precision, date_source=date_source,
            fatalities=_range(toll, "killed") if harm else None,
            injured=_range(toll, "injured") if harm else None,
            arrested=_range(toll, "arrested") if type_ == "COERCE" else None,
            abducted=_range(toll, "abducted") if type_ == "ASSAULT" and mode == "abduct" else None,
            modality=modality, confidence=round(min(confidence, 0.99), 3), trigger_id=trigger.id, support=support,
            salience=salience, totals=_totals(toll, type_), timing=timing)


    def _readings(self, text, tokens, s, type_, group, instruments, light, non_violent, places, all_triggers):
        """What the triggers say by themselves: (support, strong triggers, heads, verbs, the primary trigger,
        mode), or None when they tell no event (a gathering for something else, deaths of another cause)."""
        if type_ == "PROTEST" and self.protests.other_gathering(tokens, s, group, all_triggers):
            return None
        support: list[str] = []
        strong = [t for t in group if not t.form.trigger.weak]
        # a verb right after a relative pronoun (الاعتداءين اللذين استهدفا) describes a noun: not the predicate
        heads = [t for t in group if not (t.form.verb and self._relative(tokens, t))]
        verbs = [t for t in heads if t.form.verb]
        primary = min(verbs or strong or group, key=lambda t: t.first)
        trigger = primary.form.trigger
        mode = trigger.mode
        trigger_tokens = {i for t in group for i in range(t.first, t.last)}
        if type_ == "ASSAULT":
            # an instrument that is itself one of the triggers (عبوة ناسفة) supports nothing but itself, and one
            # inside a cause that is no attack, or right after its word, is none (تحطم طائرة نقل عسكرية، حادث تحطم
            # مروحية: the machine crashed)
            near = {m for first, m in instruments if first not in trigger_tokens
                    and not any(c.first <= first <= c.last for c in non_violent)
                    and any(abs(first - t.first) <= INSTRUMENT_WINDOW for t in group)}
            modes = {t.form.trigger.mode for t in group} | near
            mode = next(m for m in ASSAULT_MODE_PRIORITY if m in modes or m == "")
            if near:
                support.append("instrument")
            # (a verb in a relative clause describes something: إعصار ماكونو الذي يضرب السواحل)
            victim_only = all(t.form.trigger.id in _VICTIM_TRIGGERS for t in heads or group)
            if victim_only and non_violent and not near:
                return None
            if not near and all(t.form.trigger.id in _TOLL_TRIGGERS for t in heads or group) and any(
                    self._caused_by(tokens, s, c, group) for c in non_violent):
                return None  # قتل 257 شخصا في تحطم طائرة، توفي اثنان جراء حادث سير: the deaths have another cause
            if all(t.form.trigger.id == "ASSAULT.victims" for t in group) and not near:
                return None  # حداد على قتلى، اكتشاف جثة، ضحايا الإرهاب: the dead are named, no attack is told
            if non_violent and any(t.form.verb and any(
                    m.first == t.last or m.last == t.first
                    for m in self.d.triggers.non_violent.find(text, tokens, max(s.lo, t.first - 3), min(s.hi, t.last + 3)))
                    for t in group if t.form.trigger.id not in _TOLL_TRIGGERS or t is primary):
                return None  # ضربت العاصفة المنطقة، قتل 5 في زلزال ضرب إيران: a storm or a quake that strikes is no attack
        if strong:
            support.append("trigger")
        carriers = [m for m in light if m.payloads[0] and any(
            not t.form.verb and m.last <= t.first and (t.first - m.last <= 2 or t.first - m.last <= 6 and
                                                     tokens[t.first].key.startswith("ب")) for t in group)]
        if carriers:
            # شن هجوما، نفذ عملية، قام متظاهرون في المدينة بالاحتجاج: the noun is an action someone carried out
            support.append("light-verb")
            if any(_conjunction_off(tokens[m.last - 1].key) in self.cues.deeds for m in carriers):
                support.append("done")  # خاض الجيش معارك: carried out (not تشن هجمات, a habit)
        if type_ in ("ASSAULT", "PROTEST") and any(
                not t.form.verb and t.first > s.lo and t.form.trigger.mode != "riot" and
                _conjunction_off(tokens[t.first - 1].key) in self.cues.occurrence_verbs for t in group):
            # واندلعت اشتباكات عنيفة، ودارت المعارك، وتجددت التظاهرات: the noun is the subject of its occurring
            # (not a riot: "ودارت مواجهات مع الشرطة" inside a protest already told is no protest of its own)
            support.append("occurred")
        if type_ == "PROTEST" and any(o.form.trigger.type == "COERCE" and o.form.trigger.mode == "repress" and
                                      o.form.verb and 0 < min(t.first for t in group) - o.last <= 8
                                      for o in all_triggers):
            support.append("repressed")  # فرقت الشرطة مظاهرة: a protest dispersed took place
        if type_ == "COERCE" and any(t.form.tense == "past" and _takes_place(tokens, t, places) for t in group):
            # سيطرت المقاومة، الأحد، على مفرق المخا: a place taken is what is seized (not يسيطرون على العاصمة,
            # a state)
            support.append("territory")
        if len({t.form.trigger.id for t in group}) > 1 and any(not t.form.trigger.weak or t.form.verb for t in group):
            support.append("several-triggers")  # سيارة مفخخة فجرت حافلة: a device and a verb of attack
        return support, strong, heads, verbs, primary, mode

    def _sides(self, text, tokens, s, type_, group, actors, light, toll, verbs, primary, all_triggers):
        """(actor, recipient, the actors of the event's own clause, where the main clause starts, whether the
        recipient survived the attack: نجا من هجوم): the arguments pass for each trigger, then what the whole
        sentence says of the sides (a reporting source that is the agent, the side that claimed the attack, the
        nisba on a strike, an observer who counts)."""
        actor = recipient = None
        main_start = self._main_start(tokens, s, text, self._first_trigger(tokens, s, all_triggers))
        sources = []
        if main_start > s.lo and min(t.first for t in group) >= main_start:
            sources = [a for a in actors if a.first < main_start and a.named and not a.locative]
            actors = [a for a in actors if a.first >= main_start]  # not the reporting source (قالت الشرطة إن …)
        for t in sorted(group, key=lambda t: t.first):  # the earliest trigger is the main predicate
            a, r = self.arguments.roles(text, tokens, s, t, actors, light, toll)
            if actor is None and a is not None and a is not recipient:
                actor = a
            if recipient is None and r is not None and r is not actor:
                recipient = r
        interceptor = next((a for a in actors if a.agent_like and self.arguments.interceptor(tokens, s, a)), None) \
            if type_ == "ASSAULT" else None
        if interceptor is not None:
            # قد تمكنت قوات الدفاع الجوي من اعتراض الصاروخ: the interceptor was attacked; the launcher is the actor,
            # named after it (صاروخ أطلقته ميليشيات الحوثي), not whoever else is named before
            if recipient is None or recipient is interceptor:
                recipient = interceptor
            if actor is interceptor or _same(actor, interceptor):
                actor = next((a for a in actors if a.first >= interceptor.last and a is not recipient and a.agent_like
                              and a.actor.sector in ARMED_SECTORS and not self.arguments.interceptor(tokens, s, a)),
                             None)
        survivor = self.arguments.survivor(tokens, s, group, actors) if type_ == "ASSAULT" else None
        if survivor is not None:
            # نجا وزير الداخلية من هجوم: who survived was the target; who attacked is named elsewhere, if at all
            recipient = survivor
            if actor is not None and (actor is survivor or _same(actor, survivor)):
                actor = None
        if type_ == "ASSAULT" and recipient is not None and recipient.kind == "adjective" and (
                recipient.first == s.lo or _particle(tokens[recipient.first - 1], self.cues) or any(
                    t.form.verb and t.last == recipient.first for t in group)):
            # إن فلسطينيا قتل، أطلق النار على الفلسطيني: a nisba that qualifies no noun is a person of that nation
            recipient = _as_people(recipient, self.d.actors.sector_names)
        pronoun = _pronoun_complementizer(tokens[main_start - 1].key) if main_start > s.lo else None
        if sources and verbs and verbs[0].first == main_start and pronoun and (
                pronoun != "ه" or not verbs[0].form.trigger.patient_subject) and (
                actor is None or actor.first >= verbs[0].last):
            # أعلنت وزارة الدفاع البريطانية أنها ضربت …: the pronoun is the one who reports (but "أنه قتل ثلاثة"
            # is the impersonal passive: three were killed); one named after the verb is then its object
            # (وتؤكد حماس أنها قصفت البلدات الإسرائيلية)
            if actor is not None and recipient is None:
                recipient = actor
            actor = sources[-1]
        start_of_event = min(t.first for t in group)
        if actor is None and sources and pronoun and not verbs and any(
                m.first == main_start and not self._is(tokens[m.first], self.cues.impersonal_verbs) and
                0 <= start_of_event - m.last - self._skippable(tokens, m.last, start_of_event) <= 2 for m in light):
            # أعلن الجيش الإسرائيلي أنه شن ليل السبت غارة: the one who reports carried it out (not "إنه تم
            # التوصل إلى اتفاق", impersonal)
            actor = sources[-1]
        if actor is None and sources and not verbs and primary.first == main_start and \
                primary.last - primary.first == 1 and _definite(tokens, primary) and \
                not tokens[primary.first].key.startswith(("ال", "وال")) and sources[-1].agent_like:
            # أعلنت الولايات المتحدة أن غاراتها الجوية أوقعت مئة قتيل: the pronoun on the event noun is the one
            # who reports
            actor = sources[-1]
        if actor is None and sources and primary.form.verb and primary.form.tense is None and \
                _participle(tokens[primary.first].key):
            actor = sources[-1]  # أكدت واشنطن أنها …، داعية الميليشيات إلى …: the participle's subject is the frame's
        end_of_event = max(t.last for t in group)
        if type_ == "ASSAULT" and actor is None and recipient is not None:
            # قتل 64 عنصرا من ميليشيات الحوثي في مواجهات مع المقاومة الوطنية: the side they fought hit them
            actor = self.arguments.fought_with(tokens, s, end_of_event, actors, recipient)
        if type_ == "ASSAULT":
            claimer = self.arguments.claimer(tokens, s, end_of_event, actors)
            if claimer is not None:
                actor = claimer  # … في هجوم انتحاري تبنته حركة طالبان: who claims the attack made it
                if _same(recipient, actor):
                    recipient = None
        if type_ == "PROTEST" and (actor is None or actor.actor.sector not in _PROTESTING_SECTORS):
            # المتظاهرون، الآلاف: those who protest are the actor, not the state their nisba names
            crowd = next((a for a in actors if a.actor.sector in _PROTESTING_SECTORS and not a.locative
                          and not _same(a, recipient)), None)
            if crowd is not None:
                actor = crowd
        if type_ == "PROTEST":
            target = self.protests.protest_target(tokens, s, group, actors, actor)
            if target is not None:
                recipient = target  # احتجاجا على قرار الإدارة الأميركية، مطالبين الحكومة التركية، أمام سفارة استونيا
            elif recipient is not None and recipient.first > s.lo and \
                    self._is(tokens[recipient.first - 1], self.cues.protest_effigies):
                recipient = None  # حاملين أعلام العراق: flags carried, not burnt, name whose they are
        if type_ == "ASSAULT":
            # بغارات روسية: a state's nisba right on the strike's own noun names who struck, whoever else is near
            # (not on a word of the dead: مقتل جندي تركي)
            # (on the event's own word, or on one that gives its cause - بقصف إسرائيلي، جراء غارات روسية - not on
            # an attack it answers: التصدي للهجوم التركي، ضد الهجوم التركي)
            own = next((a for a in actors if a.kind == "adjective" and a.actor.country and any(
                not t.form.verb and t.form.trigger.id not in _TOLL_TRIGGERS and not t.form.trigger.participant
                and a.first == t.last and (t is primary or self._as_cause(tokens, s, t.first)) for t in group)), None)
            if own is not None and (actor is None or actor.actor.country != own.actor.country):
                if _same(recipient, own):
                    recipient = None
                if recipient is None and actor is not None and actor.kind in ("adjective", "people"):
                    # قتل فلسطيني بقصف إسرائيلي: the dead
                    recipient = actor if actor.kind == "people" else _as_people(actor, self.d.actors.sector_names)
                actor = own
        if type_ in ("ASSAULT", "COERCE") and actor is not None and \
                actor.actor.sector in self.d.actors.observer_sectors:
            observer, actor = actor, None  # أحصى المرصد السوري 60 غارة قتل فيها: who counts did not strike
            ends = [t.last for t in group if t.last <= observer.first]
            if recipient is None and ends and observer.first - max(ends) <= 3 and \
                    not _punctuated(text, tokens, max(ends) - 1, observer.first) and \
                    _conjunction_off(tokens[observer.first - 1].key) not in _AS_SOURCE and \
                    not _proclitic(tokens, observer).lstrip("وف").startswith("ل"):
                recipient = observer  # احتجز فريق أمني خاشقجي، اشتباك بالأيدي مع خاشقجي: the journalist was hit
        if type_ == "ASSAULT" and actor is not None and actor.kind == "adjective" and \
                actor.actor.sector in (None, "GOV") and self.arguments.on_weapon(text, tokens, s, actor, all_triggers):
            # غارة أمريكية، دبابة إسرائيلية: the nisba on a strike or a weapon is that state's armed forces
            # (not on مصادر أمنية عراقية, the sources)
            actor = _as_military(actor, self.d.actors.sector_names)
        if type_ == "ASSAULT" and actor is not None and actor.kind == "people" and \
                self.arguments.on_weapon(text, tokens, s, actor, []):
            # صاروخين إسرائيليين: after a weapon or a war machine the plural nisba is its adjective, not people
            # (after an event word it is: قتل فلسطينيين)
            state = self.d.actors.countries.get(actor.actor.country)
            if state is not None:
                actor = _as_military(replace(actor, actor=state, kind="adjective"), self.d.actors.sector_names)
        return actor, recipient, actors, main_start, survivor is not None

    def _supported(self, text, tokens, s, type_, group, actors, actor, recipient, toll, harm_totals, strong,
                   support, survived: bool) -> bool:
        """Adds what the sides and the toll support to `support`; a weak trigger needs enough of it."""
        if actor is not None and (actor.named or actor.actor.sector in AGENT_SECTORS):
            support.append("actor")
        if actor is not None and actor.actor.sector in ARMED_SECTORS:
            support.append("armed-actor")
        if recipient is not None:
            support.append("recipient")
        if survived:
            support.append("survived")  # نجا من هجوم: the attack took place
        if type_ == "ASSAULT" and any(t.form.verb and any(self._is(tok, self.cues.targets)
                                                          for tok in tokens[t.last:min(s.hi, t.last + 10)])
                                      for t in group):
            support.append("target")  # استهدف التحالف … مواقع عسكرية: the object is a military target
        has_toll = bool(toll and (toll.killed or toll.injured)) or bool(harm_totals)
        if has_toll and type_ == "ASSAULT":
            support.append("toll")
        if type_ == "PROTEST":
            gathered = [self.protests.gathering_crowd(text, tokens, s, t, actors) for t in group]
            if any(gathered) or (None in gathered and self.protests.crowd(tokens, s)):
                support.append("protesters")
        return bool(strong) or self.triggers.weak_supported(type_, support)

    def _when_and_whether(self, text, tokens, s, type_, group, light, toll, harm_totals, places, published, primary,
                          verbs, support, all_triggers):
        """(date, precision, date source, timing, modality, anchored, nominal, first token of the act): the
        date and the modality decide each other (a day still to come makes a future event; an event that
        happened is never dated after publication)."""
        event_date, precision, date_source, ahead, year_written = self.time.date(text, tokens, s, published, primary.start)
        if date_source == "published":  # no date in the text: a past event named as such has its own
            named = [m.payloads[0] for m in named_events().find(text, tokens, s.lo, s.hi, glue=QUOTED_GLUE)
                     if type_ in m.payloads[0].types]  # (a name is often quoted: فض اعتصام "رابعة العدوية")
            if named:
                event_date, precision, date_source = named[0].date.isoformat(), "day", "text"
        timing = _timing(event_date, precision, date_source, published, self.history_days)
        if "occurred" in support and date_source == "text" and precision in ("month", "year"):
            support.remove("occurred")  # اندلع القتال في عام 2014: history recalled, not the news
        # (a day or a week read in the sentence ties the event to a time: في 15 سبتمبر، الأسبوع الماضي; a month or
        # a year more often frames a count: وقع 140 هجوما انتحاريا العام الماضي)
        anchored = date_source == "text" and precision in ("day", "week") or \
            self.triggers.anchored(tokens, s, support, places)
        modality = self.modality.of(tokens, s, primary, all_triggers, anchored, text, light)
        if modality in HAPPENED and self.modality.foiled(tokens, s, [t for t in group if t is not primary]):
            modality = "negated"  # أحبطت قوات الأمن هجوما كان يستهدف كنيسة: the attack its verb describes was foiled
        day = _token_at(tokens, ahead) if ahead is not None else None  # where a day still to come is named
        if modality in HAPPENED and day is not None and not (primary.form.verb and primary.form.tense == "past") \
                and 0 <= day - primary.last <= 4 and not _punctuated(text, tokens, primary.last - 1, day) and \
                _conjunction_off(tokens[day - 1].key) not in _UNTIL:
            # ستتصادف مظاهرات يوم غد، زيارة نتانياهو إلى البيت الأبيض الأسبوع المقبل: the event's own day, right
            # after its word, is still to come (not a past verb's: دعا إلى عقد جلسة، السبت المقبل - the call is made)
            # (مهلة حتى مايو المقبل: a time given until a day runs now)
            modality = "future"
        if modality in HAPPENED and not primary.form.verb and any(
                m.last <= primary.first and primary.first - m.last <= 6 and m.first > s.lo and
                _conjunction_off(tokens[m.first - 1].key) in ("لم", "لن", "ما") for m in light):
            modality = "negated"  # ولم تتمكن القوات من اعتقال المسلحين، لم تشن إسرائيل أي غارة: the carrier is denied
        if modality == "negated" and primary.form.trigger.id in _TOLL_TRIGGERS:
            # ولم يقتل أحد في الهجوم: no one died, but the attack took place
            others = [t for t in group if t.form.trigger.id not in _TOLL_TRIGGERS]
            if others:
                modality = self.modality.of(tokens, s, others[0], all_triggers, anchored, text, light)
        if modality in HAPPENED and timing == "future" and published is not None and precision == "day" and \
                date_source == "text" and not year_written and \
                (day_before := _a_year_before(event_date)) is not None and day_before < published.date():
            # «في 14 آب/أغسطس» written in June with a past verb: last August, not a day to come (the year was
            # only inferred, the nearer coming day weighed against the past one)
            event_date = day_before.isoformat()
            timing = _timing(event_date, precision, date_source, published, self.history_days)
        if modality in HAPPENED and timing == "future" and published is not None:
            # a day after publication that the rule above did not take for the event's own (دعا إلى عقد جلسة، السبت
            # المقبل: the session's day; مهلة حتى فبراير المقبل): what happened, happened on the publication day
            event_date, precision, date_source, timing = published.date().isoformat(), "day", "published", "current"
        if modality in HAPPENED and all(_scare_quoted(text, t) for t in group):
            modality = "generic"  # لكن الشرطة «خطفته»، «قمع» حماس: a word in quotes is used figuratively
        if modality in HAPPENED and type_ == "ASSAULT" and toll is not None and toll.killed is not None and \
                max(v for v in (toll.killed.low, toll.killed.best, toll.killed.high, 0) if v is not None) >= MAX_EVENT_TOLL:
            modality = "generic"  # half a million dead since 2011: a war's count, not one event's
        if modality in HAPPENED and type_ == "ASSAULT" and harm_totals and not (toll.killed or toll.injured) and \
                all(t.form.trigger.id in _TOLL_TRIGGERS for t in group):
            # قتل 1600 مدني منذ 18 فبراير، ارتفع عدد القتلى منذ بدء الحملة إلى 90: words of harm whose only figure
            # is a total over a period tell a count, not an event
            modality = "generic"
        # (تم تدميرها، جرى اعتقاله: a past impersonal verb right before the noun makes it a past passive)
        nominal = not any(t.form.verb and t.form.tense != "present" for t in verbs) and not any(
            t.first > s.lo and _conjunction_off(tokens[t.first - 1].key) in self.cues.past_impersonal for t in group)
        # رهائن، انتحاري name people of the event: the act's own word, when there is one, is where it stands
        acts = [t for t in group if not t.form.trigger.participant] or group
        first = min(t.first for t in acts)
        if modality in HAPPENED and nominal and "toll" not in support and self.modality.listed_crime(tokens, group, all_triggers):
            modality = "generic"  # القتل والسرقة والاغتصاب: a kind of crime, not a particular event
        return event_date, precision, date_source, timing, modality, anchored, nominal, first

    def _salience(self, text, tokens, s, type_, group, heads, main_start, first, nominal, anchored, support,
                  all_triggers) -> str:
        """main or background: the salience pass, then what other triggers of the sentence say (an event that
        another is about - a condemnation, a claim of responsibility - is background)."""
        salience = self.salience.of(text, tokens, s, first, main_start, nominal)
        if salience == "main" and self.salience.told_earlier(tokens, s, group):
            salience = "background"  # اختطفتا في مأرب في وقت سابق: an event reported before
        if salience == "main" and nominal and any(
                o.form.verb and o.form.trigger.type in self.cues.intent_types and o.form.trigger.type != type_
                and max(s.lo, main_start) <= o.first < first and o.form.tense != "present" for o in all_triggers):
            salience = "background"  # استنكر علاوي في بيان … تفجيرات مدينة الصدر: the condemnation is the news
        if any(o.form.trigger.type != type_ and o.form.trigger.type in self.cues.intent_types
               and 0 <= first - o.last <= 1 and o.first >= s.lo for o in all_triggers):
            salience = "background"  # يحمل مسؤولية الهجمات، أدان التفجير: the event is what another is about
        if salience == "main" and nominal and (not anchored or (all(_definite(tokens, t) for t in heads)
                                                                and not {"toll", "light-verb", "occurred"} & set(support))):
            salience = "background"  # الاغتيال، التفجيرات، اغتياله: a reference to an event told elsewhere
        return salience

_UNTIL = frozenset("حتي بحلول لغايه غايه".split())  # before a date: the end of a time that runs now
_REMOTE_MODES = frozenset({"aerial", "drone", "artillery", "explosives", "suicide", "wmd"})  # weapons of war


def _acled_by_sides(acled: tuple, actor: ActorMention | None, recipient: ActorMention | None) -> tuple:
    """ACLED types by who fought whom: shooting at civilians is violence against civilians, not a battle;
    an attack by an armed group on another armed group is a battle. Remote violence keeps its type."""
    if tuple(acled) == _ARMED_CLASH and recipient is not None and recipient.actor.sector == "CVL":
        return _VIOLENCE_AGAINST_CIVILIANS
    if tuple(acled) == _VIOLENCE_AGAINST_CIVILIANS and actor is not None and recipient is not None and \
            actor.actor.sector in ARMED_SECTORS and recipient.actor.sector in ARMED_SECTORS:
        return _ARMED_CLASH
    return acled


def _takes_place(tokens: list[Token], t: TriggerMention, places) -> bool:
    """Does على and a known place follow the verb within a few words (سيطر على البلدة، حاصرت، الأحد، على)?"""
    for k in range(t.last, min(len(tokens) - 1, t.last + 8)):
        if tokens[k].key == _ALA:
            nxt = tokens[k + 1]
            after = tokens[k + 2].end if k + 2 < len(tokens) else nxt.end
            return any(nxt.start <= p.start < after for p in places)
    return False


def _definite(tokens: list[Token], t: TriggerMention) -> bool:
    """Is a noun trigger definite (الاغتيال، والهجوم، اغتياله): an event the reader already knows?"""
    key = tokens[t.first].key
    if any(key.startswith(p) for p in ("ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل")):
        return True
    # a possessive pronoun (اغتياله، هجومها): read on the written word, where ة is not ه
    last = "".join(ch for ch in tokens[t.last - 1].text if ch.isalpha())
    return t.last - t.first == 1 and len(last) > 4 and last.endswith(("ه", "ها", "هم"))


def _by_sentence(items: list, starts: list[int], ends: list[int], position: Callable) -> list[list]:
    """The items that begin in each of the (ordered, disjoint) ranges [starts[k], ends[k]), in their order."""
    out: list[list] = [[] for _ in starts]
    for item in items:
        at = position(item)
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at < ends[k]:
            out[k].append(item)
    return out


def _scare_quoted(text: str, t: TriggerMention) -> bool:
    """Does the trigger stand alone between quotation marks («خطفته»)?"""
    before = text[max(0, t.start - 4):t.start].rstrip()
    return bool(before) and before[-1] in "«\"“" and text[t.end:t.end + 2].lstrip()[:1] in ("»", "\"", "”")


# How many sentences on an attack named by its definite noun (الغارات، القصف) still refers to the last attack
# whose attacker was named.
ATTACKER_SENTENCES = 2


def _not_named_sides(places: list, actors: list[ActorMention]) -> list:
    """A place read inside a person's name (أحمدي نجاد: Al Ahmadi; بايدن: Aydın) or at the start of an
    organisation's (جامعة الدول العربية) is part of that name, not where anything happened. (Not a country:
    a person's mention may hold a title, وزير خارجية الولايات المتحدة.)"""
    names = [(a.start, a.end, a.kind == "person") for a in actors if a.kind in ("person", "org")]
    if not names:
        return places
    return [p for p in places if p.precision >= 4 or not any(
        start <= p.start and p.end <= end and (person or p.start == start) for start, end, person in names)]
