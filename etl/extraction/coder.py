"""The Arabic event coder: sentences to events - who did what to whom, where, when, with what toll.

For each sentence:
1. the dictionaries' triggers, actors, light verbs and instruments are found (etl.extraction.lexicon),
   with the places of the geocoder; words inside a name (الحشد الشعبي) are no triggers;
2. triggers of one PLOVER type in one sentence make one event (هجوم انتحاري بسيارة مفخخة استهدف … is one
   attack); its mode is the most specific one its triggers and nearby instruments give;
3. a weak trigger (a word with other senses) is kept only with support: a known or armed actor, a
   target, a toll, an instrument, or a second trigger;
4. actor and recipient follow Arabic word order - verb-subject-object and subject-verb-object, the
   passive reading of قُتل / أُصيب with its victim after it and its agent after على يد / برصاص, nouns with
   their adjective (غارة إسرائيلية) or genitive, and the subject of a light verb (شنت واشنطن غارات);
5. modality: negated, future, hypothetical, generic (any attack), intended (inside the complement of a
   threat, demand, refusal or promise: توعد باستهداف), claimed, reported or asserted;
6. the toll, the date and the place (the geocoder's places in the sentence, else the article's).

Events of the modalities asserted, reported and claimed are the ones that happened; the others are
kept with their modality so that analysts can see threats and denials, and are not counted as events.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Callable, Sequence

from etl.extraction.named_events import named_events
from etl.extraction.casualties import running_total_verbs
from etl.extraction.cues import Cues, load_cues
from etl.extraction.dictionaries import AGENT_SECTORS, Actor, ActorForm, Dictionaries, TriggerForm, load_dictionaries, person_on
from etl.extraction.lexicon import QUOTED_GLUE, Match
from etl.extraction.when import DEFAULT_TZ
from etl.geo.gazetteer import haversine_km
from etl.text.numbers import parse_number
from etl.text.tokens import Token, bases_of, clitic_bases, fold, original_length, strip_article, tokenize

HAPPENED = frozenset({"asserted", "reported", "claimed"})
# Most specific first: the mode an ASSAULT gets when several triggers and instruments speak.
ASSAULT_MODE_PRIORITY = ("wmd", "suicide", "drone", "aerial", "artillery", "explosives", "assassinate", "abduct",
                         "sexual", "torture", "firearms", "primitive", "beat", "kill", "")
# This many deaths or more in one sentence's toll is a count over a war or an era, not one event's toll (the
# deadliest single attacks of the ANT years and of ACLED's Middle East data stay well below it); the vague
# "آلاف" (thousands) spans 2,000 to 9,999, so "قتل الآلاف" is such a count (its highest reading decides).
MAX_EVENT_TOLL = 2000
# An event whose own date ends more than this many days before the publication day is history, not news of
# the period (ACLED codes an event from the reports of its own days; a week covers a weekly's delay).
HISTORY_DAYS = 7
# The main event of a sentence is told within its first words (after any reporting frame): measured on
# the gold standard's development split, 88 % of the accepted assault sentences have their first trigger
# within 12 words of the main clause, against 40 % of the rejected ones.
MAIN_WINDOW = 12
ARMED_SECTORS = frozenset("MIL COP REB UAF CRM".split())
_BETWEEN = frozenset({"بين"})
_A_NUMBER_OF = frozenset({"عدد"})  # تجمهر عدد كبير من …: a crowd
_AMOUNT_WORDS = frozenset("اكثر من نحو حوالي قرابه زهاء ما يقارب فيها فيه هناك".split())
_PROTESTING_SECTORS = frozenset("CVL OPP PTY LAB EDU REL REF".split())  # who takes to the streets
INSTRUMENT_WINDOW = 8  # tokens around a trigger in which an instrument refines its mode
FIGHT_WINDOW = 12  # tokens after an event in which "في مواجهات مع" may name the side that fought its victims
SUBJECT_WINDOW = 7  # tokens before a verb in which its subject may stand (SVO)
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # diacritics and tatweel
_PUNCT_BREAK = frozenset("،,؛;:()[]«»\"“”")


@dataclass(slots=True)
class ActorMention:
    first: int
    last: int
    start: int
    end: int
    text: str
    actor: Actor
    kind: str  # country | adjective | people | metonym | org | generic | person | composite
    locative: bool = False  # after في / إلى …: a place, not an agent

    @property
    def named(self) -> bool:
        return self.kind != "generic"

    @property
    def agent_like(self) -> bool:
        return self.named and self.kind != "adjective" or (self.actor.sector in AGENT_SECTORS)


@dataclass(slots=True)
class TriggerMention:
    first: int
    last: int
    start: int
    end: int
    text: str
    forms: list[TriggerForm]

    @property
    def form(self) -> TriggerForm:
        return self.forms[0]


@dataclass
class Event:
    event_type: str
    mode: str
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor: dict | None
    recipient: dict | None
    trigger: dict
    sentence: dict
    locations: list[dict]
    date: str | None
    date_precision: str | None
    fatalities: dict | None
    injured: dict | None
    modality: str
    confidence: float
    trigger_id: str
    support: list[str] = field(default_factory=list)
    date_source: str | None = None
    arrested: dict | None = None
    abducted: dict | None = None
    salience: str = "main"  # main: what the sentence reports; background: named in a subordinate part
    # figures of the sentence that are not this event's toll: totals over a period (منذ بدء الحملة) or an
    # earlier report's figures, each {category, scope, low, best, high, start, end}
    totals: list[dict] = field(default_factory=list)
    # current: of the news's own time; history: its own date ends more than history_days before publication
    # (the 2014 Sinjar massacre recalled in 2018), kept as a mention, not an event of the period; future:
    # dated after the publication day
    timing: str = "current"
    # one trigger telling an event in each of several places listed together ("مظاهرات في مدينتي النجف والبصرة"):
    # one event per place, numbered in the order of the list (ACLED codes an event per location)
    part: int = 0

    @property
    def happened(self) -> bool:
        return self.modality in HAPPENED

    def as_dict(self) -> dict:
        return {
            "event_type": self.event_type, "mode": self.mode, "cameo": self.cameo,
            "acled_event_type": self.acled_event_type, "acled_sub_event_type": self.acled_sub_event_type,
            "actor": self.actor, "recipient": self.recipient, "trigger": self.trigger, "sentence": self.sentence,
            "locations": self.locations, "date": self.date, "date_precision": self.date_precision,
            "date_source": self.date_source, "fatalities": self.fatalities, "injured": self.injured,
            "arrested": self.arrested, "abducted": self.abducted, "modality": self.modality,
            "confidence": self.confidence, "salience": self.salience, "trigger_id": self.trigger_id,
            "support": self.support, "totals": self.totals, "timing": self.timing, "part": self.part,
        }


@dataclass
class _Sentence:
    start: int
    end: int
    lo: int  # token range [lo, hi)
    hi: int
    question: bool = False  # the sentence asks (؟)
    bases: frozenset[str] | None = None  # every token's keys and clitic readings, built when first asked for
    after_dateline: int | None = None  # the first token after a dateline's colon, found when first asked for
    holders: list = field(default_factory=list)  # who holds a place named (تسيطر عليها المعارضة): no actor


class EventCoder:
    """Codes Arabic text into events. Thread-safe after construction; construction loads the dictionaries."""

    def __init__(self, dictionaries: Dictionaries | None = None, geocoder=None, cues: Cues | None = None,
                 split_sentences: Callable | None = None, casualties: Callable | None = None,
                 event_date: Callable | None = None, history_days: int | None = None) -> None:
        self.d = dictionaries or load_dictionaries()
        self.cues = cues or load_cues()
        self.geocoder = geocoder
        self._split = split_sentences
        self._casualties = casualties
        self._event_date = event_date
        history_days = HISTORY_DAYS if history_days is None else history_days
        self.history_days = history_days
        # the version says what the coder does: a non-default history window recodes every article
        self.version = self.d.version + (f"~h{history_days}" if history_days != HISTORY_DAYS else "")
        self._generic_keys = frozenset(k for k in self.d.actors.index.keys() if " " not in k)
        # one-word actor entries that are also verb forms (طالب: a student / demanded; حشد)
        self._verb_nouns = frozenset(k for k in self._generic_keys if k in self.d.triggers.verb_surfaces)
        # before a cause: the causal links (جراء، إثر، بسبب، بفعل) and في، عقب (قتل في تحطم طائرة، عقب غارة)
        self._causal = self.cues.causal_links | {"في", "عقب"}
        # the word right before أن in an obligation phrase (من الضروري أن، لا بد أن: ضروري، بد)
        self._obligation_words = frozenset(k.split()[-1] for k in self.cues.obligation)

    # ------------------------------------------------------------------------------------------ API

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
        actors = self._actors(text, tokens, published, focus)
        triggers = self._triggers(text, tokens, actors, places)
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
        context_place: list[dict] = [self._place_dict(p) for p in title_places[:1]]
        last_day: date | None = None  # the last day read in the text: a narrative's "next day" counts from it
        for k, sentence in enumerate(sentences):
            found = self._code_sentence(text, tokens, sentence, s_actors[k], s_triggers[k], s_places[k], published,
                                        context_place)
            if last_day is not None and any(e.date_source == "published" for e in found):
                self._date_from_narrative(tokens, sentence, found, last_day, published)
            for event in found:
                if event.locations and event.happened:
                    context_place = event.locations[:1]
                if event.date_source == "text" and event.date_precision == "day" and event.date:
                    last_day = date.fromisoformat(event.date)
            events.extend(found)
        return events

    def _date_from_narrative(self, tokens: list[Token], s: _Sentence, found: list[Event], last_day: date,
                             published: datetime | None) -> None:
        """«وفي اليوم التالي، شنت الطائرات غارات»: events dated only by publication in a sentence that goes on
        with the story take the day after (the same day, the week after) the last day the text read."""
        folded = " " + " ".join(strip_article(t.key) for t in tokens[s.lo:s.hi]) + " "
        for words, days, precision in ((self.cues.narrative_next_day, 1, "day"), (self.cues.narrative_same_day, 0, "day"),
                                       (self.cues.narrative_following_days, 4, "week")):
            if any(f" {w} " in folded for w in words):
                day = (last_day + timedelta(days=days)).isoformat()
                for e in found:
                    if e.date_source == "published":
                        e.date, e.date_precision, e.date_source = day, precision, "text"
                        e.timing = _timing(day, precision, "text", published, self.history_days)
                return

    # ------------------------------------------------------------------------------------------ parts

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        if self._split is not None:
            return [(s.start, s.end) for s in self._split(text)]
        return [(0, len(text))]

    def _actors(self, text: str, tokens: list[Token], published: datetime | None,
                focus: str | None = None) -> list[ActorMention]:
        when = published.date() if published else None
        mentions: list[ActorMention] = []
        regional = self.d.actors.regional
        for m in self.d.actors.index.find(text, tokens):
            form = _best_form(m.payloads)
            local = regional.get((focus, m.key)) if focus else None
            if local is not None and form.kind in ("generic", "regional") and m.last < len(tokens) and any(
                    p.kind in ("adjective", "people", "country") for n in self.d.actors.index.find(
                        text, tokens, m.last, m.last + 1) for p in n.payloads):
                local = None  # قوات النظام الإيراني: the nisba after it says whose forces
            if local is not None:  # حزب الله in a text about Iraq, قوات النظام in one about Syria
                form = ActorForm("metonym" if local.id.startswith("country:") else "org", local)
            elif form.kind == "regional":
                # المقاومة الوطنية outside Yemen: only its first word may name someone (المقاومة), حركة التغيير
                # outside Iraq no one
                head = self.d.actors.index.find(text, tokens, m.first, m.first + 1)
                if not head:
                    continue
                m, form = head[0], _best_form(head[0].payloads)
            if form.kind == "generic":
                actor = Actor(f"generic:{form.sector}", text[m.start:m.end], self.d.actors.sector_names[form.sector],
                              None, form.sector)
            elif form.kind == "person":
                actor = person_on(form, when)
            else:
                actor = form.actor
            if form.kind == "adjective" and m.last < len(tokens) and strip_article(tokens[m.last].key) == "صنع":
                continue  # قنبلة أمريكية الصنع: where a weapon was made names no side
            mentions.append(ActorMention(m.first, m.last, m.start, m.end, text[m.start:m.end], actor, form.kind,
                                         self._locative(tokens, m)))
        # وطالب المتظاهرون برحيل …، النظام طالب الفصائل: a word both kind of agent and verb is the verb (demanded),
        # not a student, where a clause or its verb begins; طلبة (students) ends as no verb does
        verb_like = {k: clitic for k, m in enumerate(mentions) if m.kind == "generic" and m.last - m.first == 1
                     and (clitic := self._verb_noun_clitic(tokens[m.first])) is not None}
        if verb_like:
            ends = {m.last - 1 for k, m in enumerate(mentions) if k not in verb_like}
            mentions = [m for k, m in enumerate(mentions)
                        if k not in verb_like or not self._verb_position(text, tokens, m.first, verb_like[k], ends)]
        # القاعدة العسكرية، القاعدة الجوية: a one-word name that is also a common noun, with an adjective of
        # relation after it that names no one (not an epithet: القاعدة الإرهابي), is the common noun (a base)
        starts = {m.first for m in mentions}
        mentions = [m for m in mentions if not (
            m.kind == "org" and m.last - m.first == 1 and m.last < len(tokens) and m.last not in starts and
            self._is(tokens[m.first], self.cues.common_noun_names) and _definite_nisba(tokens[m.last]) and
            strip_article(_conjunction_off(tokens[m.last].key)) not in self.cues.epithets and
            not text[m.end:tokens[m.last].start].strip())]
        composed = _compose(text, tokens, mentions, self.d.actors.sector_names, self.d.actors.countries, self.cues)
        # عناصر قوات النظام، أفراد الشرطة: a bare member word in construct with a side is one of its people - the
        # side names them (alone, عناصر reads as gunmen)
        starts = {m.first: m for m in composed}
        composed = [m for m in composed if not (
            m.kind == "generic" and m.last - m.first == 1 and _conjunction_off(tokens[m.first].key) in _MEMBER_WORDS
            and m.last in starts and starts[m.last].kind != "adjective" and not text[m.end:tokens[m.last].start].strip())]
        return self._own_forces(text, tokens, self._leaders(text, tokens, self._with_epithets(text, tokens, composed)))

    def _leaders(self, text: str, tokens: list[Token], mentions: list[ActorMention]) -> list[ActorMention]:
        """قائد عسكري كبير في ميليشيات الحوثي، قيادي في حماس، قائد قوات التدخل السريع في ميليشيات الحوثي: a
        leader or member word, up to three words of description, then من / في (and the kind of organisation)
        before an organisation is one of its people, coded as the organisation."""
        out: list[ActorMention] = []
        named = {i for m in mentions if m.kind != "generic" for i in range(m.first, m.last)}
        for m in mentions:
            if m.kind == "org":
                at = _membership_at(tokens, m.first, self.cues, named)
                if at is not None and at >= 1:
                    head = next((j for j in range(at - 1, max(-1, at - 5), -1)
                                 if self._is(tokens[j], self.cues.leaders)), None)
                    if head is not None and not any(j in named for j in range(head, at)):
                        # (a kind of agent among the description, عسكري، is part of it)
                        out = [o for o in out if o.last <= head]
                        out.append(ActorMention(head, m.last, tokens[head].start, m.end, text[tokens[head].start:m.end],
                                                m.actor, "composite", False))
                        continue
            out.append(m)
        return out

    def _with_epithets(self, text: str, tokens: list[Token], mentions: list[ActorMention]) -> list[ActorMention]:
        """تنظيم داعش الإرهابي، ميليشيات الحوثي الإيرانية: an epithet, or a nisba after an organisation, is part
        of its mention, not a second actor."""
        out: list[ActorMention] = []
        for m in mentions:
            prev = out[-1] if out else None
            epithet = m.kind == "generic" and m.last - m.first == 1 and _epithet_word(tokens[m.first], self.cues)
            # ميليشيات الحوثي الإيرانية، حزب الله اللبناني: a nisba after an organisation describes it
            # (also after a member of one: عنصرا من ميليشيات الحوثي الإيراني)
            nisba = m.kind == "adjective" and prev is not None and (prev.kind == "org" or prev.kind == "composite" and
                                                                      not prev.actor.id.startswith(("country:", "generic:")))
            if prev is not None and prev.named and prev.kind != "adjective" and m.first == prev.last and (
                    epithet or nisba):
                out[-1] = ActorMention(prev.first, m.last, prev.start, m.end, text[prev.start:m.end], prev.actor,
                                       prev.kind, prev.locative)
                continue
            out.append(m)
        for k, m in enumerate(out):
            # منظمة حماس الإرهابية: an epithet that is no kind of agent (الإرهابية) still ends the name
            nxt = out[k + 1].first if k + 1 < len(out) else len(tokens)
            if m.named and m.kind != "adjective" and m.last < nxt and _epithet_word(tokens[m.last], self.cues) and \
                    not text[m.end:tokens[m.last].start].strip():
                end = tokens[m.last].end
                out[k] = ActorMention(m.first, m.last + 1, m.start, end, text[m.start:end], m.actor, m.kind, m.locative)
        return out

    def _own_forces(self, text: str, tokens: list[Token], mentions: list[ActorMention]) -> list[ActorMention]:
        """جنوده، قواتها، مقاتليه: the forces of the organisation or state named before them in the sentence
        ("قال الجيش الأمريكي إن جنوده قتلوا …"), added as mentions of that actor."""
        taken = {i for m in mentions for i in range(m.first, m.last)}
        # the mentions are in text order, and none covers token i: those before it are the first
        # bisect(firsts, i), where the search starts instead of walking back over all of a long text's mentions
        firsts = [m.first for m in mentions]
        added = []
        for i, tok in enumerate(tokens):
            if i in taken or self.cues.own_forces.isdisjoint(bases_of(tok.key)):
                continue
            reading = next(((length, base) for length, base in clitic_bases(tok.key) if base in self.cues.own_forces),
                           None)
            if reading is None:
                continue
            clitic, own = reading
            antecedent = None
            for k in range(bisect.bisect_left(firsts, i) - 1, -1, -1):
                m = mentions[k]
                if i - m.last > 25 or any(ch in ".!?؟" for ch in text[m.end:tok.start]):
                    break
                if m.named and not m.locative and m.kind not in ("adjective", "people"):
                    antecedent = m
                    break
            if antecedent is None:
                continue
            start = tok.start + original_length(tok.text, clitic)
            mention = ActorMention(i, i + 1, start, tok.end, text[start:tok.end], antecedent.actor, antecedent.kind)
            if antecedent.actor.sector in (None, "GOV") and not own.startswith("انصار"):  # (supporters are no army)
                mention = _as_military(mention, self.d.actors.sector_names)
            added.append(mention)
        return sorted(mentions + added, key=lambda m: m.first) if added else mentions

    def _locative(self, tokens: list[Token], m: Match) -> bool:
        clitic = tokens[m.first].key[:m.clitic]
        if clitic.rstrip("ال").endswith("ب") and not clitic.startswith("ل"):
            return True
        if m.first == 0:
            return False
        previous = strip_article(tokens[m.first - 1].key)
        if previous == "من" and m.first >= 2 and (_number_word(tokens[m.first - 2].text) or
                                                 strip_article(tokens[m.first - 2].key) in _PARTITIVE or
                                                 # (in the accusative too: أسرت القوات عددا من المسلحين)
                                                 strip_article(tokens[m.first - 2].key)[:-1] in _PARTITIVE and
                                                 tokens[m.first - 2].key.endswith("ا") or
                                                 self._is(tokens[m.first - 2], self.cues.casualty_nouns)):
            return False  # خمسة من رجال الشرطة، عدد من الجنود، 14 قتيلا من قوات النظام: some of them, not a place
        if previous == "من" and all(f.kind == "generic" for f in m.payloads) and any(
                self._is(tokens[j], self.cues.war_machines) for j in range(max(0, m.first - 3), m.first - 1)):
            return False  # فرقة مظلية من قوات مكافحة الإرهاب: a unit of that force (not طائرة من لبنان)
        return self._is(tokens[m.first - 1], _LOCATIVE_BEFORE)  # (with a proclitic too: بشمال الصومال، وفي العراق)

    def _triggers(self, text: str, tokens: list[Token], actors: list[ActorMention], places) -> list[TriggerMention]:
        blocked = set()
        for a in actors:
            if a.named and a.kind not in ("adjective", "country"):
                blocked.update(range(a.first, a.last))
        place_tokens = _token_spans(tokens, [(p.start, p.end) for p in places if " " in p.text.strip()])
        blocked |= place_tokens
        # كندا، وكندا (Canada) is no ك + ندا (an appeal): a place read from letters a trigger takes for a
        # proclitic takes the word
        place_starts = sorted(p.start for p in places)
        found = []
        subject_ends = {a.last - 1 for a in actors}
        matches = []
        for m in self.d.triggers.index.find(text, tokens):
            cut = next((i for i in range(m.first, m.last) if i in blocked), None)
            if cut is None:
                matches.append(m)
            elif cut > m.first:
                # قصف طائرات حربية تركية: a phrase running into a name (قصف طائرات) gives way to its shorter part
                matches.extend(self.d.triggers.index.find(text, tokens, m.first, cut))
        for m in matches:
            if m.clitic and _place_in_clitic(text, place_starts, tokens[m.first].start, m.start):
                continue
            # وهو طالب، قتل طالب جامعي: the noun (a student), not the verb (demanded)
            noun = m.key in self._verb_nouns and not self._verb_position(text, tokens, m.first, m.clitic, subject_ends)
            forms = [f for f in m.payloads if not (noun and f.verb) and self._fits(f, tokens, m)]
            if forms:
                forms.sort(key=lambda f: (f.trigger.weak, not f.verb))
                found.append(TriggerMention(m.first, m.last, m.start, m.end, text[m.start:m.end], forms))
        return found

    def _fits(self, form: TriggerForm, tokens: list[Token], m: Match) -> bool:
        t = form.trigger
        if form.verb and m.first > 0 and _numeral(tokens[m.first - 1].text):
            return False  # ثلاثين طالبا: after a number the word is a noun (students), not a verb (demanded)
        if form.verb and m.first > 0 and (self._is(tokens[m.first - 1], self.cues.construct_heads) or
                                          tokens[m.first - 1].key in _PREPOSITIONS):
            return False  # عمليات خطف، الإعلان عن قتل: a noun in construct or after a preposition
        if form.verb and m.last + 1 < len(tokens) and tokens[m.last].key.isdigit() and \
                tokens[m.last + 1].key in _month_words():
            return False  # وفجر 14 أبريل: a day of a month follows the time of day (dawn), not a verb
        if form.verb and _has_article(tokens[m.first].key, m, self.d.triggers.verb_surfaces):
            return False  # الاسرة (the family) is no أسره (captured him): verbs take no article
        if form.verb and form.tense == "past" and tokens[m.first].key[:m.clitic].lstrip("وف").startswith("ل"):
            return False  # لقصف: ل takes the noun (ل + imperfect is a verb: ليقصف; ب and ك are _has_article's)
        if form.verb and m.key in self.d.triggers.verb_surfaces and tokens[m.last - 1].text.rstrip(_MARKS).endswith("ة"):
            return False  # إصابة (an injury) folds like أصابه (hit him); no conjugated verb ends in teh marbuta
        following = [strip_article(tok.key) for tok in tokens[m.last:m.last + 3]]
        if t.after_not and following and (following[0] in t.after_not or tokens[m.last].key in t.after_not):
            return False
        inside = {strip_article(tok.key) for tok in tokens[m.first + 1:m.last]}
        if t.after and not inside & t.after and not any(w in t.after or _bases_in(tok, t.after) for w, tok in
                                                        zip(following, tokens[m.last:m.last + 3])):
            return False
        return True

    # ------------------------------------------------------------------------------------------ sentence

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
        s.holders = [a for a in actors if self._holder(tokens, a)]
        # مدينة النجف العراقية: a nisba right after a place says where the place is, it names no side
        actors = [a for a in actors if not self._patron(tokens, a) and a not in s.holders and not self._source(tokens, s, a)
                  and not self._adjectival(text, tokens, s, a, triggers)
                  and not ((a.kind == "adjective" or a.kind == "country" and a.text.startswith("ال")) and any(
                      p.end <= a.start and not text[p.end:a.start].strip() for p in places))]
        # (السورية also spells the country سورية with the article)
        keys = {tok.key for tok in tokens[s.lo:s.hi]} | {strip_article(tok.key) for tok in tokens[s.lo:s.hi]}
        # a word may stand for several entries (أطلق: rockets or fire); keep the readings whose sense words occur
        kept = []
        for t in triggers:
            forms = [f for f in t.forms if not f.trigger.needs or self._needs_met(f, t, triggers, keys, tokens, s)]
            if any(f.trigger.mode == "firearms" for f in forms) and self._warning_fire(tokens, s, t):
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
            groups = self._segments(text, tokens, s, sorted(triggers_of_type, key=lambda t: t.first), actors)
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

    def _segments(self, text: str, tokens: list[Token], s: _Sentence, triggers: list[TriggerMention],
                  actors: list[ActorMention]) -> list[list[TriggerMention]]:
        """Triggers of one type in one sentence are one event, unless a background preposition stands
        between them ("جاء القصف الأمريكي بعد أيام على استهداف الميليشيات لقاعدة" tells two attacks) or the
        later one opens a clause with its own subject ("شنت طائرات غارات على غزة، وأطلق مسلحون صواريخ")."""
        groups = [[triggers[0]]]
        # a cause (قتلوا جراء غارة، قتل إثر ضربة جوية) is the same event; a time (بعد، منذ) another one
        prepositions = self.cues.background_prepositions - self.cues.causal_links

        def fronted(group: list[TriggerMention]) -> bool:
            # وبعد ساعات على قصف منزل، قامت دبابة بقصف …: a time phrase opening the sentence ends at its comma
            first = group[0].first
            return first - s.lo <= 6 and any(self._is(tok, prepositions) for tok in tokens[s.lo:min(first, s.lo + 2)])

        def acts(group: list[TriggerMention]) -> bool:
            return any(o.form.trigger.id not in _TOLL_TRIGGERS for o in group)

        def own_subject(t: TriggerMention) -> bool:
            # ، وأطلق مسلحون فلسطينيون: an attack verb in the past right after a comma and و, with a named agent
            # right after it (not واستهدفوا عناصر or واستهدفا, whose subject is in the verb, nor وأطلقت طائرات,
            # which may be the first clause's own)
            key = tokens[t.first].key
            return t.form.trigger.type == "ASSAULT" and t.form.verb and t.form.tense == "past" and \
                t.form.trigger.id not in _TOLL_TRIGGERS and key.startswith("و") and not key.endswith("ا") \
                and _punctuated(text, tokens, t.first - 1, t.first) and any(
                    a.first == t.last and a.agent_like and (a.named or a.actor.country) for a in actors)

        for k, t in enumerate(triggers[1:], 1):
            between = tokens[groups[-1][-1].last:t.first]
            if any(tok.key in prepositions or strip_article(tok.key) in prepositions for tok in between) or (
                    _punctuated(text, tokens, groups[-1][-1].last - 1, t.first) and fronted(groups[-1])) or (
                    any(self._is(tok, self.cues.contrast_links) for tok in between) and acts(groups[-1])
                    and acts(triggers[k:])) or own_subject(t):
                groups.append([t])
            else:
                groups[-1].append(t)
        return groups

    def _crowd(self, tokens: list[Token], s: _Sentence) -> bool:
        return bool(_sentence_bases(tokens, s, self.cues.phrase_starts) & self.cues.crowds)

    def _gathering_crowd(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention,
                         actors: list[ActorMention]) -> bool | None:
        """For a verb of gathering (تجمع، احتشد، تجمهر): is a crowd its subject? None for other triggers. A
        crowd elsewhere in the sentence does not make a rally of "تجمع توقيعات أكثر من 14 ألف رجل" (collects),
        "وتجمع هذه الجماعة بين سكان لندن" (brings together) or "تتجمع أكوام القمامة": the subject is the first
        word after the verb past amounts, places and times (تجمع أكثر من 40 ألف فلسطيني، تجمع فيها مئات) or the
        word right before it past particles (وقد احتشد آلاف، نحو 1300 شخص تجمعوا), with no punctuation between.
        A plural verb carries people for its subject (واحتشدوا، الذين يتجمعون): None unless one stands before."""
        if t.form.trigger.id != "PROTEST.rally" or not t.form.verb or t.last - t.first > 1:
            return None  # (خرج الآلاف، نزل المتظاهرون: the crowd is in the phrase)

        def crowd_at(j: int) -> bool:
            # (a people too: يتجمع فلسطينيون؛ not any civilians: "تجمعا لمدنيين"، "منطقة تجمع النازحين" are a
            # gathering hit and a camp)
            return self._is(tokens[j], self.cues.crowds) or self._is(tokens[j], self.cues.persons) or \
                self._is(tokens[j], _A_NUMBER_OF) or any(a.first == j and a.kind == "people" and
                                                         not _proclitic(tokens, a).lstrip("و").startswith("ل")
                                                         for a in actors)  # (أكبر تجمع للأتراك: a community)

        def counting(j: int) -> bool:  # أكثر من 40، نحو 1300، فيها، أمس: an amount, a place or a time before it
            return self._is(tokens[j], _AMOUNT_WORDS) or tokens[j].key.isdigit() or _number_word(tokens[j].text) \
                or tokens[j].key in self.cues.time_anchors

        j = t.first - 1
        while j > s.lo and (self._is(tokens[j], self.cues.verb_particles) or
                            self._is(tokens[j], self.cues.relative_pronouns)):
            j -= 1
        if j >= s.lo and not _punctuated(text, tokens, j, j + 1) and crowd_at(j):
            return True
        if _conjunction_off(tokens[t.first].key).endswith(("وا", "ون")):
            return None
        j = t.last
        while j < min(s.hi, t.last + 5) and counting(j) and not crowd_at(j):
            j += 1
        if j < s.hi and not _punctuated(text, tokens, j - 1, j):
            if self._is(tokens[j], _BETWEEN):
                return False  # تجمع بين: brings together
            if crowd_at(j):
                return True
        return False

    def _other_gathering(self, tokens: list[Token], s: _Sentence, group: list[TriggerMention],
                         all_triggers: list[TriggerMention]) -> bool:
        """Is a gathering or going out a funeral, a prayer, a celebration, a vote or a flight (تجمع آلاف اليمنيين
        لتشييع جثامين 29 طفلا) - an other_gatherings word within ten words after the verb, not right after بعد /
        قبل - with no other word of protest in the sentence (احتجاجا، مظاهرة، اعتصام)?"""
        if not all(t.form.trigger.id in _GATHERING_TRIGGERS for t in group):
            return False
        if any(o.form.trigger.type == "PROTEST" and o.form.trigger.id not in _GATHERING_TRIGGERS
               for o in all_triggers):  # (the sentence's triggers)
            return False
        last = max(t.last for t in group)
        # (after a time preposition it is when, not what for: تجمع 700 متظاهر بعد صلاة الجمعة)
        return any(self._is(tokens[i], self.cues.other_gatherings) and
                   not self._is(tokens[i - 1], self.cues.time_prepositions) for i in range(last, min(s.hi, last + 10)))

    def _protest_target(self, tokens: list[Token], s: _Sentence, group: list[TriggerMention],
                        actors: list[ActorMention], actor: ActorMention | None) -> ActorMention | None:
        """Whom a protest is against or addresses: the first side named within four words after a target cue
        (ضد، احتجاجا، مطالبين، أمام، سفارة; burnt أعلام، صور) that follows the protest's first word by twelve words at
        most, past the words of its matter (قرار، زيارة، رحيل: احتجاجا على قرار الإدارة الأميركية). Not a crowd or
        a kind of civilian (احتجاجا على مقتل مدنيين: whoever killed them is not named), nor the protesters."""
        cues = self.cues
        first, last = min(t.first for t in group), max(t.last for t in group)
        at = {a.first: a for a in reversed(actors)}
        for i in range(first, min(s.hi, last + 12)):
            if self._is(tokens[i], cues.relative_pronouns):
                break  # حملة القصف التي يشنها تحالف … ضد الحوثيين: the relative clause's own ضد
            if not (self._is(tokens[i], cues.protest_targets) or self._is(tokens[i], cues.protest_effigies) and any(
                    self._is(tok, cues.burning) for tok in tokens[max(s.lo, i - 2):i])):
                continue
            for j in range(i + 1, min(s.hi, i + 5)):
                a = at.get(j)
                if a is not None:
                    if a.actor.sector in _PROTESTING_SECTORS or a.kind == "people" or _same(a, actor):
                        break
                    return a
                if not (self._is(tokens[j], cues.protest_matters) or self._is(tokens[j], cues.protest_targets)):
                    break
        return None

    def _anchored(self, tokens: list[Token], s: _Sentence, support: list[str], places: list) -> bool:
        """Does the sentence tie its event to a time, a place, a toll, an instrument or a deed done?"""
        if {"toll", "instrument", "repressed", "done", "occurred"} & set(support):
            return True
        if any(p.feature_code not in ("PCLI",) for p in places if getattr(p, "latitude", None) is not None):
            return True
        return bool(_sentence_bases(tokens, s, self.cues.phrase_starts) & self.cues.time_anchors)

    def _cause_between(self, text: str, tokens: list[Token], s: _Sentence, lo: int, hi: int) -> bool:
        """Is there an attack word behind a causal preposition among tokens [lo, hi) (جراء قصف، في غارات، بقصف)?"""
        if hi <= lo:
            return False
        for m in self.d.triggers.index.find(text, tokens, lo, hi):
            if any(f.trigger.type == "ASSAULT" and f.trigger.id not in _TOLL_TRIGGERS for f in m.payloads) and \
                    self._as_cause(tokens, s, m.first):
                return True
        return False

    def _as_cause(self, tokens: list[Token], s: _Sentence, first: int) -> bool:
        """Is the word at token `first` behind a causal preposition or a glued بـ (في غارة، جراء غارات، إثر قصف،
        بفعل القصف، بقصف، بالرصاص، بالسرطان)?"""
        if first > s.lo and _conjunction_off(tokens[first - 1].key) in self._causal:
            return True
        key = _conjunction_off(tokens[first].key)
        return key.startswith("ب") and len(key) > 3 and not key.startswith("بين")

    def _caused_by(self, tokens: list[Token], s: _Sentence, cause, group: list[TriggerMention]) -> bool:
        """Does a cause that is no attack follow the event's words within ten tokens, behind a causal
        preposition (في تحطم طائرة، جراء حادث سير، بانهيار مبنى، قتل 48 مهاجرا على الأقل قبالة السواحل
        التونسية إثر غرق قاربهم)?"""
        last = max(t.last for t in group)
        return 0 <= cause.first - last <= 10 and self._as_cause(tokens, s, cause.first)

    @staticmethod
    def _weak_supported(type_: str, support: list[str]) -> bool:
        """Is an event announced only by weak words (with other senses) supported enough to be kept?"""
        found = set(support)
        if type_ in ("ASSAULT", "COERCE"):
            # ضرب، استهدف، هاجم are as often words, plans or blows of fate: an armed actor alone is not
            # enough; an instrument, a toll, a second trigger, or an actor AND a target are.
            # هاجم ماكين رغبة أوباما: an attack in words; an armed actor with a target is an attack
            return bool(found & {"instrument", "toll", "several-triggers", "light-verb"}) or \
                {"armed-actor", "recipient"} <= found or {"armed-actor", "territory"} <= found or \
                {"armed-actor", "target"} <= found
        if type_ == "PROTEST":
            # (اندلعت الاحتجاجات: protests that broke out are street protests, not a diplomatic protest)
            return bool(found & {"protesters", "several-triggers", "occurred", "repressed"})
        return bool(found)

    def _warning_fire(self, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Is the fire shot into the air or as a warning (أطلقت الشرطة النار في الهواء لتفريق المتظاهرين،
        طلقات تحذيرية)? A warning_fire cue within six words after the firing word, before whom it is
        fired at (على، ضد) or a new clause: then it hit no one and is no attack."""
        hi = min(s.hi, t.last + 6)
        for i in range(t.last, hi):
            if tokens[i].key in self.cues.patient_markers or tokens[i].key in self.cues.clause_breaks:
                hi = i
                break
        words = self.cues.warning_fire
        return any(self._is(tok, words) for tok in tokens[t.last:hi]) or \
            bool(_phrases(tokens, t.last, hi, self.cues.phrase_starts) & words)

    def _needs_met(self, form, t: TriggerMention, triggers: list[TriggerMention], keys: set[str],
                   tokens: list[Token], s: _Sentence) -> bool:
        """Does one of the reading's sense words occur in the sentence - not inside a phrase that is a trigger
        of another type (قنابل in قنابل الغاز المسيل للدموع is no projectile: أطلقت الشرطة قنابل الغاز)?"""
        needs, type_ = form.trigger.needs, form.trigger.type
        taken = {i for o in triggers if o is not t and o.last - o.first > 1 and
                 all(f.trigger.type != type_ for f in o.forms) for i in range(o.first, o.last)}
        if not taken and keys & needs:
            return True
        return any(tok.key in needs or strip_article(tok.key) in needs or _bases_in(tok, needs)
                   for i, tok in enumerate(tokens[s.lo:s.hi], s.lo) if i not in taken)

    def _event(self, text, tokens, s, type_, group, actors, instruments, light, non_violent, toll, places,
               published, context_place, all_triggers) -> Event | None:
        if type_ == "PROTEST" and self._other_gathering(tokens, s, group, all_triggers):
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
        actor = recipient = None
        main_start = self._main_start(tokens, s, text, self._first_trigger(tokens, s, all_triggers))
        sources = []
        if main_start > s.lo and min(t.first for t in group) >= main_start:
            sources = [a for a in actors if a.first < main_start and a.named and not a.locative]
            actors = [a for a in actors if a.first >= main_start]  # not the reporting source (قالت الشرطة إن …)
        for t in sorted(group, key=lambda t: t.first):  # the earliest trigger is the main predicate
            a, r = self._roles(text, tokens, s, t, actors, light, toll)
            if actor is None and a is not None and a is not recipient:
                actor = a
            if recipient is None and r is not None and r is not actor:
                recipient = r
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
            actor = self._fought_with(tokens, s, end_of_event, actors, recipient)
        if type_ == "ASSAULT":
            claimer = self._claimer(tokens, s, end_of_event, actors)
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
            target = self._protest_target(tokens, s, group, actors, actor)
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
                actor.actor.sector in (None, "GOV") and self._on_weapon(text, tokens, s, actor, all_triggers):
            # غارة أمريكية، دبابة إسرائيلية: the nisba on a strike or a weapon is that state's armed forces
            # (not on مصادر أمنية عراقية, the sources)
            actor = _as_military(actor, self.d.actors.sector_names)
        if type_ == "ASSAULT" and actor is not None and actor.kind == "people" and \
                self._on_weapon(text, tokens, s, actor, []):
            # صاروخين إسرائيليين: after a weapon or a war machine the plural nisba is its adjective, not people
            # (after an event word it is: قتل فلسطينيين)
            state = self.d.actors.countries.get(actor.actor.country)
            if state is not None:
                actor = _as_military(replace(actor, actor=state, kind="adjective"), self.d.actors.sector_names)
        if actor is not None and (actor.named or actor.actor.sector in AGENT_SECTORS):
            support.append("actor")
        if actor is not None and actor.actor.sector in ARMED_SECTORS:
            support.append("armed-actor")
        if recipient is not None:
            support.append("recipient")
        if type_ == "ASSAULT" and any(t.form.verb and any(self._is(tok, self.cues.targets)
                                                          for tok in tokens[t.last:min(s.hi, t.last + 10)])
                                      for t in group):
            support.append("target")  # استهدف التحالف … مواقع عسكرية: the object is a military target
        harm_totals = [f for c, f in (toll.totals() if toll else []) if c in ("killed", "injured")]
        has_toll = bool(toll and (toll.killed or toll.injured)) or bool(harm_totals)
        if has_toll and type_ == "ASSAULT":
            support.append("toll")
        if type_ == "PROTEST":
            gathered = [self._gathering_crowd(text, tokens, s, t, actors) for t in group]
            if any(gathered) or (None in gathered and self._crowd(tokens, s)):
                support.append("protesters")
        if not strong and not self._weak_supported(type_, support):
            return None
        event_date, precision, date_source, ahead, year_written = self._date(text, tokens, s, published, primary.start)
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
            self._anchored(tokens, s, support, places)
        modality = self._modality(tokens, s, primary, all_triggers, anchored, text, light)
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
                modality = self._modality(tokens, s, others[0], all_triggers, anchored, text, light)
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
        if modality in HAPPENED and nominal and "toll" not in support and self._listed_crime(tokens, group, all_triggers):
            modality = "generic"  # القتل والسرقة والاغتصاب: a kind of crime, not a particular event
        salience = self._salience(text, tokens, s, first, main_start, nominal)
        if salience == "main" and self._told_earlier(tokens, s, group):
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
        protest = None
        if type_ == "ASSAULT" and mode not in _REMOTE_MODES and any(
                self._is(tokens[i], self.cues.protesters) for i in range(s.lo, s.hi)):
            protest = self._protest_violence(tokens, s, group, actor, toll, mode)
            if protest[0] != "ASSAULT":
                type_, mode = protest[0], protest[1]
        mode_spec = self.d.modes.get((type_, mode)) or self.d.modes[(type_, "")]
        cameo = trigger.cameo if mode == trigger.mode and type_ == trigger.type else mode_spec.cameo
        acled = trigger.acled if mode == trigger.mode and type_ == trigger.type else mode_spec.acled
        if type_ == "ASSAULT" and acled:
            acled = protest[2] if protest and protest[2] else _acled_by_sides(acled, actor, recipient)
        harm = type_ == "ASSAULT" or protest is not None
        locations = self._locations(text, tokens, s, places, actor, recipient, context_place, (first, primary.last))
        confidence = 0.45 + 0.2 * bool(strong) + 0.05 * min(len(support), 4)
        if modality not in HAPPENED:
            confidence *= 0.6
        return Event(
            event_type=type_, mode=mode, cameo=cameo,
            acled_event_type=acled[0] if acled else None, acled_sub_event_type=acled[1] if acled else None,
            actor=self._side(actor, locations), recipient=self._side(recipient, locations),
            trigger={"text": primary.text, "start": primary.start, "end": primary.end},
            sentence={"text": text[s.start:s.end], "start": s.start, "end": s.end},
            locations=locations, date=event_date, date_precision=precision, date_source=date_source,
            fatalities=_range(toll, "killed") if harm else None,
            injured=_range(toll, "injured") if harm else None,
            arrested=_range(toll, "arrested") if type_ == "COERCE" else None,
            abducted=_range(toll, "abducted") if type_ == "ASSAULT" and mode == "abduct" else None,
            modality=modality, confidence=round(min(confidence, 0.99), 3), trigger_id=trigger.id, support=support,
            salience=salience, totals=_totals(toll, type_), timing=timing)

    def _protest_violence(self, tokens: list[Token], s: _Sentence, group, actor: ActorMention | None,
                          toll, mode: str) -> tuple[str, str, tuple | None]:
        """(type, mode, ACLED pair) of violence at a protest, as ACLED codes it: the dead or live fire keep an
        ASSAULT - a violent demonstration when the protesters acted (burning, storming, clashing), else excessive
        force against protesters; without them, protesters who act make a violent demonstration (PROTEST riot),
        and protesters hurt by the forces a protest with intervention (COERCE repress). Gunmen who fire on a
        crowd keep an ordinary attack (pair None: by its sides)."""
        crowd = actor is not None and (actor.actor.sector not in _STATE_AGENTS and any(
            self._is(tokens[i], self.cues.protesters) or self._is(tokens[i], self.cues.crowds)
            for i in range(actor.first, actor.last)))
        acting = crowd or any(self._is(tokens[i], self.cues.burning) for t in group for i in range(t.first, t.last)) \
            or any(self._is(tokens[i], self.cues.fights) for i in range(s.lo, s.hi))  # (clashes: both sides act)
        if not acting and actor is not None and actor.actor.sector not in _STATE_AGENTS:
            return ("ASSAULT", "", None)  # gunmen who fire on a crowd: an attack like any other
        died = (toll is not None and toll.killed is not None) or any(t.form.trigger.id == "ASSAULT.kill" for t in group)
        if acting:
            return ("ASSAULT", "", _VIOLENT_DEMONSTRATION) if died else ("PROTEST", "riot", _VIOLENT_DEMONSTRATION)
        if died or mode == "firearms":  # the dead, or live fire (ACLED: lethal force, or force that wounds gravely)
            return ("ASSAULT", "", _EXCESSIVE_FORCE)
        return ("COERCE", "repress", _INTERVENTION)

    def _side(self, m: ActorMention | None, locations: list[dict]) -> dict | None:
        """The actor or recipient as output. A local kind of agent named without a country (مدنيون، الشرطة،
        مسجد) takes the country of the event's place, marked country_from: place."""
        if m is None:
            return None
        side = m.actor.as_dict(m.text, m.start, m.end)
        if side.get("country") is None and side.get("sector") in self.d.actors.local_sectors and locations \
                and locations[0].get("country3"):
            side["country"], side["country_from"] = locations[0]["country3"], "place"
        return side

    # ------------------------------------------------------------------------------------------ roles

    def _patron(self, tokens: list[Token], a: ActorMention) -> bool:
        """Is the mention the patron after الموالية لـ / المدعومة من (الميليشيات الموالية لإيران)?"""
        j = a.first - 1
        if j >= 0 and tokens[j].key == "من":
            j -= 1
        elif not _proclitic(tokens, a).endswith(("ل", "لل")):
            return False
        return j >= 0 and _is_word(tokens[j], self.cues.patrons)

    def _adjectival(self, text: str, tokens: list[Token], s: _Sentence, a: ActorMention,
                    triggers: list[TriggerMention]) -> bool:
        """Is a kind of agent that is also an adjective (عسكري، مدني) qualifying the noun right before it, in
        the same definiteness (هجوم عسكري، العرض العسكري، مطار الضبعة العسكري، المجتمع المدني)? Not after a
        number, a verb or a word of harm, where it is a person (قتل عسكري، مقتل عسكري، 3 عسكريين), nor after a
        title or a target, whose owner it names."""
        key = tokens[a.first].key
        bare = strip_article(key)
        if a.kind != "generic" or a.last - a.first != 1 or bare not in self.cues.adjectival_kinds:
            return False
        prev = a.first - 1
        if prev < s.lo or _punctuated(text, tokens, prev, a.first):
            return False
        before = tokens[prev]
        if before.key.isdigit() or _number_word(before.text):
            return False
        if any(t.first <= prev < t.last and (t.form.verb or t.form.trigger.id in _TOLL_TRIGGERS or
                                             t.form.trigger.type == "COERCE") for t in triggers):
            return False
        cues = self.cues
        if _is_word(before, cues.titles) or _is_word(before, cues.leaders) or _is_word(before, cues.targets):
            return False  # المتحدث العسكري، المسؤول العسكري: a military person; موقع عسكري: the military's site
        return (bare != key) == _definite_word(before)  # an adjective agrees with its noun in definiteness

    def _source(self, tokens: list[Token], s: _Sentence, a: ActorMention) -> bool:
        """Is the mention who tells of the event, not who takes part in it: right after بحسب / وفقا / نقلا عن
        (or بحسب ما أعلن), or a nisba of the sources (أعلنت مصادر أمنية وطبية عراقية مقتل ستة)?"""
        before = [_conjunction_off(tok.key) for tok in tokens[max(s.lo, a.first - 4):a.first]]
        if not before:
            return False
        if before[-1] in _AS_SOURCE or before[-2:] == ["نقلا", "عن"] or (
                len(before) >= 3 and before[-3] in _AS_SOURCE and before[-2] == "ما" and
                self._is(tokens[a.first - 1], self.cues.reporting)):
            return True
        if a.kind != "adjective" or a.last - a.first != 1:
            return False
        # over the sources' other adjectives (أمنية، وطبية، وأخرى) back to the noun of the sources
        for k in range(len(before) - 1, -1, -1):
            word = strip_article(before[k])
            if word in _SOURCE_NOUNS:
                # the sources tell (أعلنت مصادر، نقلا عن مصادر، بحسب مصادر), they do not act (رحب مصدر سعودي)
                at = a.first - len(before) + k
                head = tokens[at].key
                prev = _conjunction_off(tokens[at - 1].key) if at > s.lo else ""
                return head[:1] in "لب" and head[1:2] != "ا" or prev in _AS_SOURCE or prev in ("من", "عن") or \
                    at > s.lo and self._is(tokens[at - 1], self.cues.reporting)
            tok = tokens[a.first - len(before) + k]
            if not (tok.key.endswith(("يه", "يون", "يين")) or word == "اخري"):  # (keys fold ة to ه and ى to ي)
                return False
        return False

    def _holder(self, tokens: list[Token], a: ActorMention) -> bool:
        """Is the mention the one who holds a place, right after تسيطر عليها / لسيطرة / تحت سيطرة?"""
        if a.first == 0 or _proclitic(tokens, a):
            return False
        if tokens[a.first - 1].key in self.cues.holding:
            return True
        return bool(_phrases(tokens, max(0, a.first - 3), a.first, self.cues.phrase_starts, ending=a.first)
                    & self.cues.holding)

    def _lam_object(self, tokens: list[Token], s: _Sentence, i: int) -> bool:
        """Is token i an object glued to ل (للمناطق، لقاعدة، لمواقع), not a time or purpose (للمرة، لمدة، لليوم)?"""
        if i >= s.hi:
            return False
        key = tokens[i].key
        if not key.startswith("ل") or len(key) < 4:
            return False
        base = strip_article(key[2:] if key.startswith("لل") else key[1:])
        return base not in self.cues.time_units and base not in self.cues.time_anchors and \
            base not in self.cues.lam_not_objects

    def _between(self, tokens: list[Token], s: _Sentence, t: TriggerMention, after: list[ActorMention]):
        """اشتباكات عنيفة بين قوات الشرعية وميليشيات الحوثي، محادثات بين الحكومة والمعارضة: the two sides
        named after بين, the first as actor and the one joined by و as recipient; None without them."""
        at = next((j for j in range(t.last, min(s.hi, t.last + 3)) if tokens[j].key == "بين"), None)
        if at is None:
            return None
        first = next((a for a in after if a.first == at + 1), None)
        if first is None:
            return None
        second = next((a for a in after if 0 <= a.first - first.last <= 2 and tokens[a.first].key.startswith("و")
                       and a.actor.id != first.actor.id and a.actor.name_en != first.actor.name_en), None)
        return (first, second) if second is not None else None

    def _roles(self, text, tokens, s, t: TriggerMention, actors: list[ActorMention], light, toll=None):
        """(actor, recipient) of the event announced by trigger t, by Arabic word order."""
        candidates = [a for a in actors if not a.locative and not (a.first < t.last and t.first < a.last
                                                                   and a.kind == "generic" and a.last - a.first <= t.last - t.first)]
        after = [a for a in candidates if a.first >= t.last]
        before = [a for a in candidates if a.last <= t.first]
        sides = self._between(tokens, s, t, after)
        if sides is not None:
            return sides
        actor = recipient = None
        # explicit agent: على يد X، برصاص X، شنها X
        for m in self.cues.agent_markers.find(text, tokens, t.last, min(s.hi, t.last + 6)):
            if m.last - m.first == 1 and _conjunction_off(tokens[m.first].key).lstrip("بل").startswith("ال"):
                # with the article the word heads no construct: only a nisba right on it names who fired
                # (بالرصاص الإسرائيلي); "أطلقت الشرطة الرصاص الحي على المتظاهرين" names the target
                agent = next((a for a in after if a.first == m.last and a.kind == "adjective"), None)
            else:  # (the marker may end in a preposition: المنسوبة إلى قوات التحالف)
                agent = next((a for a in actors if a.first >= m.last and a.first - m.last <= 2), None)
            if agent is None or agent.first > m.last:
                # شنتها طائرة بدون طيار تابعة للقوات الأمريكية: the machine's owner
                agent = self._machine_owner(tokens, s, m.last, after) or agent
            if agent is not None:
                actor = agent
                break
        exposed = None if t.form.verb else next((j for j in range(t.first - 1, max(s.lo, t.first - 5) - 1, -1)
                                                 if self._is(tokens[j], self.cues.exposure_verbs)), None)
        if exposed is not None:
            # تعرضت دورية للجيش لهجوم من مسلحين: the subject of the verb of suffering is hit, and after the
            # event من names who did it (a place-like من that the candidates leave out)
            at = next((j for j in range(t.last, min(s.hi, t.last + 3)) if tokens[j].key == "من"), None)
            if at is not None and actor is None:
                actor = next((a for a in actors if a.first == at + 1 and a.agent_like), None)
            recipient = next((a for a in candidates if exposed < a.first < t.first), None) or \
                self._subject_before(tokens, exposed, before, s, any_kind=True)
        patient_marker_at = self._patient_marker(tokens, t.last, min(s.hi, t.last + 8))
        if patient_marker_at is not None:
            recipient = next((a for a in after if a.first > patient_marker_at and a.first - patient_marker_at <= 3
                              and a is not actor), None)
            if recipient is None and patient_marker_at + 1 < s.hi and \
                    self._is(tokens[patient_marker_at + 1], self.cues.targets):
                # على قاعدة الشعيرات الجوية السورية: a state's nisba on the target names whose it is
                recipient = next((a for a in after if a.kind == "adjective" and a.actor.country and a is not actor
                                  and 3 < a.first - patient_marker_at <= 5
                                  and not _punctuated(text, tokens, patient_marker_at, a.first)), None)
            if recipient is None and t.form.trigger.type == "ASSAULT":
                # شن غارات على قطاع غزة، مستهدفا مواقع لحماس: the first marker took a place; a verb of targeting
                # may follow (not another على or أمام, which belong to other phrases)
                second = self._patient_marker(tokens, patient_marker_at + 1, min(s.hi, patient_marker_at + 8))
                if second is not None and _conjunction_off(tokens[second].key).startswith(_TARGETING):
                    patient_marker_at = second
                    recipient = next((a for a in after if a.first > second and a.first - second <= 3
                                      and a is not actor), None)
        if recipient is None and t.form.trigger.type == "ASSAULT":
            # أطلقوا صاروخا باتجاه السعودية، صوب الأراضي الإسرائيلية: the state shot at is hit, though the place
            # phrase makes it a place
            toward = next((j for j in range(t.last, min(s.hi, t.last + 8)) if _conjunction_off(tokens[j].key) in _TOWARD),
                          None)
            if toward is not None:
                recipient = next((a for a in actors if a.locative and a.kind in ("country", "metonym", "adjective")
                                  and a.actor.country and 0 < a.first - toward <= 2), None)
        verb = t.form.verb
        if verb and t.form.tense is None and _participle(tokens[t.first].key):
            # داعياً الميليشيات إلى …، محذراً من …: the participle's subject is the main clause's
            subject = next((a for a in candidates if a.last <= t.first and a.agent_like), None)
            if actor is None:
                actor = subject
            direct = next((a for a in after if a is not actor and a.first - t.last <= 3), None)
            return actor, direct or recipient
        if not verb:
            # a light verb shortly before a noun trigger: its subject acts (شنت الولايات المتحدة ضربات)
            # (not أعلن before an attack: the army that announces deaths reports them, أعلن الجيش مقتل جنديين)
            # (nor تعرض: who suffers the attack does not make it)
            lv = next((m for m in reversed(light) if m.last <= t.first and t.first - m.last <= 6 and not (
                t.form.trigger.type == "ASSAULT" and self._is(tokens[m.first], self.cues.reporting))
                and m.first != exposed), None)
            elided = False
            if actor is None and lv is not None:
                inside = [a for a in candidates if lv.last <= a.first < t.first and a.agent_like]
                # (وقتلت القوات ثلاثة من المهاجمين، وتمكنت من اعتقال الرابع: after "، و" the carrier's subject is
                # left out, and the side before it is the last clause's object)
                elided = lv.first > s.lo and tokens[lv.first].key.startswith("و") and \
                    _punctuated(text, tokens, lv.first - 1, lv.first)
                if inside:
                    actor = inside[0]
                elif not elided:
                    actor = self._subject_before(tokens, lv.first, before, s)
                elif not self._is(tokens[lv.first], self.cues.impersonal_verbs):  # (وتمت مصادرة: no subject)
                    # the subject left out is the main clause's, right at its start or after its first verb
                    # (وقتلت القوات …، وتمكنت من; قال إن الحوثيين يمنعون …، ويقومون بتدمير)
                    start = self._main_start(tokens, s, text)
                    actor = next((a for a in before if a.first in (s.lo + 1, start, start + 1) and a.agent_like), None)
            # adjective or genitive right after the noun: غارة إسرائيلية، هجوم لطالبان، اغتيال الحريري
            # (not the source: أسفرت الضربة، وفق المرصد السوري، عن …)
            # (a nisba past another event word qualifies that word: الهجوم عن مقتل إسرائيلي; so does any side past
            # an attack word that gives the cause of the dead: حصيلة القتلى جراء قصف قوات النظام - the forces
            # shelled, they did not die)
            nxt = next((a for a in after if a.first - t.last - self._skippable(tokens, t.last, a.first) <= 2
                        and a is not actor and a is not recipient and not any(
                            self._is(tok, self.cues.reporting) for tok in tokens[max(t.last, a.first - 2):a.first])
                        and not (a.kind == "adjective" and a.first > t.last and
                                 self.d.triggers.index.find(text, tokens, t.last, a.first))
                        and not (t.form.trigger.id in _TOLL_TRIGGERS and self._cause_between(text, tokens, s, t.last,
                                                                                                a.first))),
                       None)
            if nxt is not None:
                genitive_patient = t.form.trigger.patient_subject or t.form.trigger.patient_genitive or \
                    t.form.trigger.mode in ("assassinate", "abduct", "kill", "arrest", "torture")
                counted = nxt.first > t.last and (tokens[nxt.first - 1].key.isdigit() or _number_word(tokens[nxt.first - 1].text)
                                                  or strip_article(tokens[nxt.first - 1].key) in _PARTITIVE)
                # أسر عدد من المسلحين، اعتقال العشرات من أنصاره: the genitive counts some of the group after من
                counted = counted or nxt.first - 2 == t.last and tokens[nxt.first - 1].key == "من" and (
                    strip_article(tokens[t.last].key) in _PARTITIVE or tokens[t.last].key.isdigit() or
                    _number_word(tokens[t.last].text))
                # (a nisba right on the event noun names who did it; one on the noun's object, what was hit:
                # تدمير الطائرات الحربية الروسية)
                # (on a word of the dead or wounded it names them: مقتل فلسطيني، إصابة إسرائيلي)
                on_object = nxt.kind == "adjective" and genitive_patient and (
                    nxt.first > t.last and t.form.trigger.patient_genitive or t.form.trigger.id in _VICTIM_TRIGGERS)
                # قصف ميليشيات الحوثي للمناطق السكنية، اغتيال الحوثيين للصحفي: a genitive with an object after it
                # in ل is the one who acts, and that object the one it is done to
                if nxt.agent_like and nxt.first == t.last and not _proclitic(tokens, nxt) and \
                        self._lam_object(tokens, s, nxt.last):
                    genitive_patient, counted = False, False
                    if recipient is None:
                        recipient = next((a for a in after if a.first == nxt.last), None)
                elif t.form.trigger.patient_genitive and nxt.agent_like and nxt.first == t.last and \
                        not _proclitic(tokens, nxt) and self._bare_object(text, tokens, s, nxt.last):
                    # استهداف قوات الاحتلال الإسرائيلي مسيرات سلمية: a target or a crowd right after the genitive,
                    # indefinite (an adjective of the genitive would be definite like it), is the event noun's
                    # object - the genitive is the one who acts
                    genitive_patient, counted = False, False
                if nxt.kind == "adjective" and not on_object or (nxt.agent_like and not genitive_patient and
                                               not counted):  # (الغارة عن مقتل أحد قادة …: a counted group is hit)
                    if actor is None:
                        actor = nxt
                elif recipient is None:
                    # مقتل فلسطيني: the nisba of one of the dead names a person of that nation
                    recipient = _as_people(nxt, self.d.actors.sector_names) if (
                        nxt.kind == "adjective" and t.form.trigger.id in _VICTIM_TRIGGERS) else nxt
            if recipient is None and exposed is None:
                # مقتل ثلاثة مسلحين … في غارة: the counted victims before the event noun are the ones hit
                counted = self._subject_before(tokens, t.first, before, s, nouns=True, any_kind=True)
                if counted is not None and counted is not actor and _in_toll(toll, counted, harmed=True):
                    recipient = counted
            if actor is None and exposed is None and not elided:
                subject = self._subject_before(tokens, t.first, before, s, nouns=True)
                if subject is recipient:
                    subject = None
                if subject is not None and t.form.trigger.type == "ASSAULT" and t.first - 1 > subject.last and \
                        _conjunction_off(tokens[t.first - 1].key) in _PREPOSITIONS and any(
                        _conjunction_off(tok.key) in self.d.triggers.verb_surfaces
                        for tok in tokens[subject.last:t.first - 1]):
                    subject = None  # 14 مقاتلا … قتلوا في الضربة: the subject is the verb's, the strike is its cause
                # أعلن الجيش الأمريكي مقتل اثنين من الإرهابيين في غارة: an armed side announcing its enemies' dead
                # claims them
                enemy = subject is not None and lv is None and self._announces_enemy_losses(tokens, s, subject, recipient)
                if subject is not None and lv is None and not enemy and t.form.trigger.id != "ASSAULT.kill" and \
                        not self._announces_own(tokens, s, subject, t) and self._reports(tokens, s, subject):
                    subject = None  # أعلنت حماس مقتل اثنين من مقاتليها في غارة: who tells is not who strikes
                if enemy:
                    actor = subject
                elif subject is not None and t.form.trigger.patient_subject and lv is None and (
                        _counted(tokens, s, subject, toll) or subject.kind != "adjective" and not any(
                            tok.key == "عن" or self._is(tok, self.cues.result_verbs)
                            for tok in tokens[subject.last:t.first])):
                    if recipient is None:
                        recipient = subject  # لقي ثلاثة جنود مصرعهم: those the event happened to
                else:
                    actor = subject
        else:
            # (not a nisba on the noun of a place phrase: خاشقجي قتل في القنصلية السعودية)
            first_after = next((a for a in after if a.first - t.last - self._skippable(tokens, t.last, a.first) <= 3
                                and a is not recipient and not (a.kind in ("adjective", "country") and
                                                                a.first - 2 >= t.last and tokens[a.first - 2].key == "في")),
                               None)
            subject = self._svo_subject(text, tokens, t, before)
            if subject is not None and t.form.trigger.id == "ASSAULT.kill" and t.form.tense == "past" and \
                    self._nothing_after(text, tokens, s, t) and not any(
                        a.first - t.last <= 5 and not a.locative and not (a.kind in ("adjective", "country") and any(
                            tok.key == "في" for tok in tokens[t.last:a.first])) for a in after) and not any(
                        tok.key.isdigit() or _number_word(tok.text) for tok in tokens[t.last:min(s.hi, t.last + 5)]):
                # خاشقجي قتل في القنصلية، أثناء استجواب: no object after the verb - the passive, he was killed
                if recipient is None:
                    recipient = subject
                subject = None
            if actor is None and subject is not None and (not t.form.trigger.patient_subject or (
                    first_after is not None and first_after is not subject and
                    first_after.first - t.last - self._skippable(tokens, t.last, first_after.first) == 0 and
                    not _counted(tokens, s, subject, toll) and not _partitive_of(tokens, s, subject))):
                # إن الجيش قصف المسلحين، مسلحين اختطفوا مهندسا: the subject stands right before its verb and the
                # one after is the object (a killing verb needs its object right after it, and a counted subject
                # is read as the passive's: 22 من مقاتلي الحوثي قتلوا جراء ضربات التحالف)
                actor = subject
                if recipient is None and first_after is not None and first_after is not subject:
                    recipient = first_after
            if t.form.trigger.patient_subject:
                # قتل ثلاثة مدنيين (passive reading) vs قتل مسلحون ثلاثة مدنيين; a counted noun (4 جنود) or an
                # agent named later (في هجوم شنه مسلحون) makes the one after the verb the victim
                counted = first_after is not None and (first_after.first > t.last and (
                    tokens[first_after.first - 1].key.isdigit() or self._skippable(tokens, t.last, first_after.first)
                    or _in_toll(toll, first_after)) or self._accusative(tokens, first_after))
                # (a marker far off must name someone: "في غارة شنتها ليلا" names no other agent; right after
                # the noun it makes the verb passive: قتل فلسطيني بالرصاص)
                agent_later = any(
                    first_after is not None and 0 <= m.first - first_after.last <= 1 or
                    any(a.first >= m.last and a.first - m.last <= 2 and a.agent_like for a in after)
                    for m in self.cues.agent_markers.find(text, tokens, t.last, s.hi))
                # قتل فلسطينيون في قصف للجيش: people named by their nation, or civilians, are those killed;
                # قتل عنصر من الجيش متأثرا بجراحه: one who died of wounds
                counted = counted or (first_after is not None and (
                    first_after.kind == "people" or first_after.actor.sector == "CVL" or any(
                        self._is(tok, self.cues.succumbed) for tok in tokens[first_after.last:min(s.hi, first_after.last + 3)])))
                if first_after is not None and not counted and not agent_later and t.form.trigger.type == "ASSAULT" \
                        and first_after.first == t.last and not self._object_on_verb(tokens, t) and \
                        self._subject_before(tokens, t.first, before, s, any_kind=True) is None \
                        and not self._object_after(tokens, s, first_after, after):
                    # جرح وزير الدفاع الياس المر في تفجير، قتل قيادي في تنظيم القاعدة في غارة أميركية: right after the
                    # verb, no subject before it and nothing after that could be its object - the passive reading
                    # (قتل فلسطيني في قصف إسرائيلي: a nisba right after the verb is a person of that nation)
                    counted = True
                    if first_after.kind == "adjective":
                        first_after = _as_people(first_after, self.d.actors.sector_names)
                if first_after is not None and first_after.agent_like and actor is None and not counted \
                        and not agent_later:
                    actor = first_after
                    rest = [a for a in after if a.first >= first_after.last and a is not actor]
                    if recipient is None and rest and rest[0].first - first_after.last <= 4:
                        recipient = rest[0]
                elif first_after is not None and recipient is None and first_after is not actor:
                    recipient = first_after
                if recipient is None and first_after is None:
                    # قتل ما لا يقل عن 8 من عناصر الميليشيات: the counted group of the toll, past its hedge
                    recipient = next((a for a in after if a is not actor and a.first - t.last <= 8
                                      and _in_toll(toll, a, harmed=True)), None)
                subject = self._subject_before(tokens, t.first, before, s)
                counted_subject = subject is not None and _counted(tokens, s, subject, toll)
                # إن مقاتلا قتل بعدما …: with no object after it (nor on it: قتلوه), the killing verb is passive
                if recipient is None and self._objectless(text, tokens, s, t):
                    victim = self._subject_before(tokens, t.first, before, s, any_kind=True)
                    if victim is not None and victim is not actor:
                        subject, counted_subject = victim, True
                if counted_subject and recipient is None and subject is not actor:
                    recipient = subject  # 7 فلسطينيين قتلوا: a counted subject of the passive is the victims
                elif actor is None and subject is not None and subject.agent_like and subject is not recipient \
                        and not counted_subject:
                    actor = subject
                if recipient is None:
                    # ثمانية أشخاص قتلوا في غارة: the subject of the passive reading is the victim
                    victim = self._subject_before(tokens, t.first, before, s, any_kind=True)
                    if victim is not None and victim is not actor and not victim.agent_like:
                        recipient = victim
            else:
                owner = None
                if actor is None:
                    # verb-subject-object is the default order; subject-verb-object when none follows
                    # (not a side behind a preposition: حظرت على القطريين الدخول، اجتمع مع السيسي)
                    behind_preposition = first_after is not None and first_after.first > t.last and \
                        tokens[first_after.first - 1].key in _PREPOSITIONS
                    owner = self._machine_owner(tokens, s, t.last, after)
                    if owner is not None:
                        actor = owner  # أطلقت طائرة تابعة للقوات الأمريكية صواريخ: the machine's owner acts
                    elif first_after is not None and first_after.agent_like and not _in_toll(toll, first_after) and \
                            not self._accusative(tokens, first_after) and first_after.kind != "adjective" and \
                            not _proclitic(tokens, first_after).lstrip("وف").startswith(("ل", "ب")) and \
                            _conjunction_off(tokens[first_after.first - 1].key) not in ("باسم", "عن") and \
                            self._noun_between(tokens, t.last, first_after.first):
                        # اتهم المصدر حزب الله، استهدفت الغارات مواقع الحوثيين: a noun that is no actor stands
                        # between - it is the subject, and the actor after it is the object (but not its
                        # possessor: الأمين العام للأمم المتحدة، الناطق باسم الجيش)
                        subject = self._subject_before(tokens, t.first, before, s)
                        if subject is not None and self._reports(tokens, s, subject):
                            subject = None
                        actor = subject
                    elif first_after is not None and first_after.agent_like and not _in_toll(toll, first_after) and \
                            not self._accusative(tokens, first_after) and \
                            first_after.first - t.last - self._skippable(tokens, t.last, first_after.first) <= 1 and \
                            not behind_preposition:
                        actor = first_after
                    else:
                        subject = self._subject_before(tokens, t.first, before, s)
                        if subject is not None and not self._announces_own(tokens, s, subject, t) and \
                                self._reports(tokens, s, subject):
                            subject = None  # وحسب التلفزيون السوري، استهدفت صواريخ …: the source did not strike
                        actor = subject or (None if behind_preposition else first_after)
                if recipient is None:
                    # (not a name in a relative clause on the actor: تسيطر قوات سوريا الديمقراطية التي يقودها
                    # الأكراد على …)
                    described = self._relative_clause(text, tokens, s, actor) if actor is not None and \
                        actor.first >= t.last else range(0)
                    # (nor the machine before its owner: طائرات تابعة للتحالف)
                    rest = [a for a in after if not _same(a, actor) and a.first not in described and
                            a.first - t.last - (len(described) if described and a.first >= described.stop else 0) <= 8
                            and not (owner is not None and owner is actor and a.first < owner.first)]
                    if rest:
                        recipient = rest[0]
        if recipient is None and actor is not None and actor.first >= t.last and t.form.verb and \
                self._object_on_verb(tokens, t):
            # عسكريين ماليين خطفهم مقاتلو الطوارق: with the agent after it, the pronoun on the verb is the
            # noun before (a topic or a relative clause's head)
            head = self._subject_before(tokens, t.first, before, s, any_kind=True)
            if head is not None and (t.first == head.last or t.first - head.last == 1 and
                                     self._is(tokens[head.last], self.cues.relative_pronouns)):
                # (right before it, or before الذي / التي - not "الدفاع الجوي صاروخا أطلقه الحوثيون": the missile)
                recipient = head
        if actor is not None and t.form.trigger.type == "ASSAULT" and self._owns_target(tokens, actor):
            # مواقع المتمردين، مقر الحزب: the owner of a target is hit, it does not strike
            if recipient is None:
                recipient = actor
            actor = None
        if actor is not None and recipient is not None and actor.first >= t.last and \
                t.form.trigger.type not in _MUTUAL_TYPES and \
                0 <= recipient.first - actor.last <= 1 and recipient.agent_like and _proclitic(tokens, recipient).startswith("و"):
            # قصفت مدمرات أميركية وطائرات حربية بريطانية وأخرى فرنسية مواقع …: sides joined to the subject by و act
            # with it; the one hit comes after them (but اتفقت مصر وإثيوبيا: the two sides of an agreement)
            recipient = next((a for a in after if a.first > recipient.last and a is not actor and not (
                _proclitic(tokens, a).startswith("و") or tokens[a.first - 1].key.startswith("و") and
                a.first - 1 >= recipient.last and self._is(tokens[a.first - 1], self.cues.others)
            )), None)
        if recipient is None and t.form.trigger.type == "ASSAULT":
            # قصفت المقاتلات تعزيزات ومخزن أسلحة تابعا لميليشيات الحوثي: the owner of what was hit (after the
            # patient marker, which may open a clause of its own: …، مستهدفا 18 موقعا تابعا لحركة حماس)
            start = patient_marker_at if patient_marker_at is not None and patient_marker_at > t.last else t.last - 1
            recipient = next((a for a in after if a is not actor and a.first - start <= 12 and
                              not _punctuated(text, tokens, start, a.first) and self._is(
                                  tokens[a.first - 1], self.cues.belonging) and self._owns_target(tokens, a)), None)
        if actor is not None and self._hit_not_acting(text, tokens, s, t, actor, toll):
            actor, recipient = None, recipient or actor
        if recipient is None and actor is not None and actor.last <= t.first and t.form.trigger.id == "ASSAULT.clash":
            # خاض الجيش معارك عنيفة مع مليشيات الحوثي: with one side named before, مع names the other
            with_at = next((k for k in range(t.last, min(s.hi, t.last + 3)) if tokens[k].key == "مع"), None)
            if with_at is not None:
                recipient = next((a for a in after if a.first == with_at + 1), None)
        if recipient is None and t.form.trigger.type == "ASSAULT":
            # قصف أحياء تحت سيطرة تنظيم الدولة: the side that holds the place hit, if no one else is named
            recipient = next((h for h in s.holders if 0 <= h.first - t.last <= 12 and h is not actor), None)
        if actor is not None and recipient is not None and recipient.first - actor.last == 1 and \
                self._is(tokens[actor.last], self.cues.belonging):
            # أسرت ألوية العمالقة، التابعة للقوات اليمنية، العشرات من مقاتلي الحوثي: the actor's owner is no target
            recipient = next((a for a in after if a.first > recipient.last and a is not actor), None)
        fired = self._fired_by_projectile(text, tokens, s, t)
        if fired is not None and actor is not None and (actor.first == t.last or actor.last <= fired):
            # اعترضت الدفاعات صاروخا باليستيا استهدف الرياض: the missile is the verb's subject - the one right
            # after the verb was aimed at, the one before the missile did not fire it (أطلقه الحوثيون: with the
            # object on the verb, the one after it fired)
            if actor.first == t.last and recipient is None:
                recipient = actor
            actor = None
        if _same(recipient, actor):
            recipient = None
        return actor, recipient

    def _bare_object(self, text: str, tokens: list[Token], s: _Sentence, i: int) -> bool:
        """Is token i (past the genitive's adjectives) an indefinite target, facility or protest with no
        preposition on it, in the same clause (مسيرات in استهداف قوات الاحتلال مسيرات سلمية، مواقع in استهداف
        الجيش مواقع) - the object of an event noun, not an adjective of the genitive before it?"""
        for _ in range(2):  # (past the genitive's own adjectives: قوات الاحتلال الإسرائيلي)
            if i < s.hi and not _clause_gap(text, tokens, i - 1, i) and _definite_nisba(tokens[i]):
                i += 1
        if i >= s.hi or _clause_gap(text, tokens, i - 1, i):
            return False
        tok = tokens[i]
        key = tok.key
        if key.startswith(("ال", "و", "ف", "ب", "ل", "ك")) or key.isdigit() or _number_word(tok.text) or len(key) < 3:
            return False  # (وقتل، بالرصاص، للمدنيين، الإسرائيلي: a new clause, a phrase or an adjective)
        cues = self.cues
        return self._is(tok, cues.targets) or self._is(tok, cues.facilities) or any(
            m.first == i and any(f.trigger.type == "PROTEST" for f in m.payloads)
            for m in self.d.triggers.index.find(text, tokens, i, min(s.hi, i + 2)))

    def _fired_by_projectile(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention) -> int | None:
        """The token of a projectile that is the subject of verb t (صاروخا باليستيا استهدف، صاروخين أطلقا، قذيفة
        كانت تستهدف), if one stands right before it with at most one word of description."""
        if not t.form.verb or self._object_on_verb(tokens, t):
            return None
        i = t.first - 1
        if i >= s.lo and _conjunction_off(tokens[i].key) in _WAS:
            i -= 1
        for j in (i, i - 1):
            if j < s.lo or _punctuated(text, tokens, j, t.first):
                return None
            if self._is(tokens[j], self.cues.projectiles):
                return j
        return None

    def _relative_clause(self, text: str, tokens: list[Token], s: _Sentence, m: ActorMention) -> range:
        """The tokens of a relative clause right after the mention (التي يقودها الأكراد), up to a comma or a
        preposition that takes up the main clause again (على); empty if none follows it. (A preposition inside
        the clause ends it too early: الذي بنى علاقات جيدة مع السعودية.)"""
        if m.last >= s.hi or not self._is(tokens[m.last], self.cues.relative_pronouns):
            return range(0)
        end = next((k for k in range(m.last + 2, s.hi) if _clause_gap(text, tokens, k - 1, k) or
                    tokens[k].key in _PREPOSITIONS), s.hi)
        return range(m.last, end)

    def _machine_owner(self, tokens: list[Token], s: _Sentence, at: int, after: list[ActorMention]):
        """When a war machine is the subject right after a verb (طائرة، دبابة), the one it belongs to: its
        nisba (طائرة أمريكية, as that state's military) or the name after تابعة لـ / لـ within a few words."""
        if at >= s.hi or not self._is(tokens[at], self.cues.war_machines):
            return None
        alone = False
        for a in after:
            if a.first == at and a.last == at + 1 and a.kind == "generic":
                alone = True  # طائرات alone is a kind of agent (military): its owner may still follow
                continue
            if a.first <= at:
                return None  # the machine is part of a mention already (الطائرات الإسرائيلية → Israel military)
            if a.first - at > 6 or any(self._is(tok, self.cues.targets) for tok in tokens[at + 1:a.first]):
                return None  # (مواقع لحزب الله: what is hit, not who owns the machine)
            if a.kind == "adjective":
                # (then only a nisba close by: طائرات بدون طيار محملة متفجرات القاعدتين الروسيتين - the bases')
                return _as_military(a, self.d.actors.sector_names) if not alone or a.first - at <= 3 else None
            if a.agent_like and a.first == at + 1 and not _proclitic(tokens, a) and \
                    not _conjunction_off(tokens[at].key).startswith("ال"):
                return a  # دبابات الجيش الإسرائيلي: the machine in construct with its owner
            if a.agent_like and (self._is(tokens[a.first - 1], self.cues.belonging) or "ل" in _proclitic(tokens, a)):  # للقوات
                return a
        return None

    def _owns_target(self, tokens: list[Token], a: ActorMention) -> bool:
        """Is the mention the owner of a target named before it (مواقع المتمردين، حافلة مملوكة للحرس الثوري)?"""
        before = a.first - 1
        if before > 0 and self._is(tokens[before], self.cues.belonging):
            # (مستودعات ذخيرة تابعة للميليشيات، مخزن أسلحة وذخيرة تابع لـ: what the target holds may stand between)
            return any(self._is(tokens[j], self.cues.targets) for j in range(max(0, before - 4), before))
        elif before > 0 and not tokens[before].key.startswith(("ال", "ل", "ب")) and \
                self._is(tokens[before - 1], self.cues.targets):
            before -= 1  # مركز معلومات وزارة الدفاع: a construct chain from the target to its owner
        return before >= 0 and self._is(tokens[before], self.cues.targets)

    def _on_weapon(self, text, tokens, s: _Sentence, a: ActorMention, triggers: list[TriggerMention]) -> bool:
        """Does the nisba qualify a trigger, an instrument or a war machine (غارة أمريكية، صاروخ إسرائيلي)?"""
        before = a.first - 1
        if before < s.lo:
            return False
        if any(t.first <= before < t.last for t in triggers):
            return True
        if self._is(tokens[before], self.cues.war_machines):
            return True
        return any(m.first <= before < m.last for m in self.d.triggers.instruments.find(text, tokens, before, a.first))

    def _accusative(self, tokens: list[Token], a: ActorMention) -> bool:
        """Is a generic noun in the indefinite accusative (قتل جنديا، خطفوا شخصا)? Then it is an object."""
        key = strip_article(tokens[a.first].key)
        return a.kind in ("generic", "composite") and key.endswith("ا") and key[:-1] in self._generic_keys

    def _object_on_verb(self, tokens: list[Token], t: TriggerMention) -> bool:
        """Does the verb carry its object as a pronoun (قتلوه، خطفهم، اعتقلوها)?"""
        verb = tokens[t.last - 1].key
        surfaces = self.d.triggers.verb_surfaces  # (folded, as the token's key: no tokenizing per call)
        for pronoun in ("هما", "هم", "هن", "ها", "ه"):
            stem = verb[:-len(pronoun)]
            if verb.endswith(pronoun) and len(stem) >= 3 and (
                    stem in surfaces or stem.endswith("و") and stem + "ا" in surfaces):
                return True
        return False

    def _objectless(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Does nothing that could be an object follow the verb: the sentence or a clause ends, or a
        preposition, a time word or a glued ب comes next (قتل بعدما، قتلوا في، قتل برصاص، قتل أمس)?"""
        at = t.last
        if self._object_on_verb(tokens, t):
            return False  # قتلوه، اعتقلوها
        if at >= s.hi or _punctuated(text, tokens, at - 1, at):
            return True
        key = tokens[at].key
        if key.startswith("و") and key[1:] in self.d.triggers.verb_surfaces:
            return True  # قتلوا وأصيب خمسة: a second verb follows, not an object
        return key in _PREPOSITIONS or key in self.cues.clause_breaks or key in self.cues.time_anchors or \
            any(n and key[:n].startswith("ب") for n, _ in clitic_bases(key))

    def _object_after(self, tokens: list[Token], s: _Sentence, m: ActorMention, after: list[ActorMention]) -> bool:
        """Could something after the mention be the verb's object: another actor (a nisba only as a noun -
        فلسطينيا، فلسطينيين، 19 فلسطينيا - not an adjective on a noun, غارة أميركية), or a count or partitive
        before the next preposition (قتلت قوات الأمن أحدهما، أصابت القوات عددا من الشبان)?"""
        # (not past a second verb joined by و: قتل فلسطيني وأصيب 3 آخرون - the clause of the first ends there)
        end = next((k for k in range(m.last, s.hi) if tokens[k].key.startswith("و") and
                    tokens[k].key[1:] in self.d.triggers.verb_surfaces), s.hi)
        for a in after:
            if a is m or a.first < m.last:
                continue
            if a.first >= end:
                break
            last = "".join(ch for ch in tokens[a.last - 1].key if ch.isalpha())
            if a.kind != "adjective" or last.endswith(("ا", "ين", "ون")) or _counted(tokens, s, a, None) or \
                    strip_article(tokens[a.first - 1].key) in _PARTITIVE:
                return True
        for tok in tokens[m.last:min(end, m.last + 4)]:
            key = strip_article(tok.key)
            if key in _PREPOSITIONS or tok.key in _PREPOSITIONS:
                return False
            if self._is(tok, self.cues.time_anchors) and not _number_word(tok.text) or \
                    tok.key in ("واحد", "واحده"):
                continue  # مساء الاثنين is no count (but اثنين, two, is); جندي واحد: one soldier
            if tok.key.isdigit() or _number_word(tok.text) or key in _PARTITIVE or key.rstrip("ا") in _PARTITIVE \
                    or key.startswith(("احد", "بعض")):
                return True
        return False

    def _noun_between(self, tokens: list[Token], lo: int, hi: int) -> bool:
        """Is a definite noun among tokens [lo, hi) right after a verb - its subject, when it is no actor
        (المصدر، الغارات) - rather than a time word, a count, a particle or a relative pronoun?"""
        cues = self.cues
        for tok in tokens[lo:hi]:
            key = _conjunction_off(tok.key)
            if not key.startswith("ال") or len(key) <= 3 or key in _PREPOSITIONS or key in _PARTITIVE or \
                    strip_article(key) in _PARTITIVE or self._is(tok, cues.time_anchors) or \
                    self._is(tok, cues.time_units) or key.startswith("الي") or \
                    self._is(tok, cues.relative_pronouns) or key in ("الا", "التي", "الذي", "الذين"):
                continue
            return True
        return False

    def _skippable(self, tokens, lo: int, hi: int) -> int:
        """Tokens in [lo, hi) that stand between a verb and its subject without counting: time words and
        numbers (قتل أول من أمس 4 جنود)."""
        anchors = self.cues.time_anchors
        return sum(1 for tok in tokens[lo:hi] if tok.key.isdigit() or tok.key in anchors or
                   strip_article(tok.key) in anchors or tok.key in ("من", "اول", "قبل") or _number_word(tok.text))

    def _patient_marker(self, tokens, lo, hi) -> int | None:
        """The (last) token of the first patient marker in [lo, hi): على، ضد، في وجه."""
        markers = self.cues.patient_markers
        for i in range(lo, hi):
            if any(b in markers for _, b in clitic_bases(tokens[i].key)) or tokens[i].key in markers:
                if i + 1 < len(tokens) and _phrases(tokens, i, i + 2, self.cues.phrase_starts, ending=i + 2) & \
                        self.cues.hedges:
                    continue  # قتل 43 مدنيا على الأقل بقصف للقوات التركية: على of a hedge marks no one
                if i - 2 >= lo and tokens[i].key == _ALA and self._is(tokens[i - 1], self.cues.time_units) and \
                        self._is(tokens[i - 2], self.cues.time_prepositions):
                    return None  # مقتل النقيب بعد أسبوع على سقوط الصماد: على of time, and another event after it
                return i
            if i + 2 <= hi and _phrases(tokens, i, i + 2, self.cues.phrase_starts, ending=i + 2) & markers:
                return i + 1  # (في وجه ميليشيات الحوثي)
        return None

    def _claimer(self, tokens: list[Token], s: _Sentence, after: int, actors: list[ActorMention]):
        """The actor named beside a claim of responsibility after the event (تبنته حركة طالبان، وأعلنت حركة
        طالبان مسؤوليتها): right after the claim word, or a few words before مسؤوليته."""
        for i in range(after, s.hi):
            if not self._is(tokens[i], self.cues.claimers):
                continue
            named = [a for a in actors if a.named and a.agent_like and not a.locative]
            following = next((a for a in named if 0 <= a.first - i - 1 <= 1), None)
            preceding = next((a for a in reversed(named) if a.last <= i and i - a.last <= 1 and a.first >= after), None)
            return following or preceding
        return None

    def _fought_with(self, tokens: list[Token], s: _Sentence, after: int, actors: list[ActorMention],
                     hit: ActorMention) -> ActorMention | None:
        """The side named right after "مواجهات مع" a few words after the event (not the one hit)."""
        for i in range(after, min(s.hi - 2, after + FIGHT_WINDOW)):
            if self._is(tokens[i], self.cues.fights) and tokens[i + 1].key == "مع":
                side = next((a for a in actors if a.first == i + 2 and a.agent_like), None)
                return None if side is None or _same(side, hit) else side
        return None

    def _announces_own(self, tokens: list[Token], s: _Sentence, a: ActorMention, t: TriggerMention) -> bool:
        """Does an armed side announce an attack named right after it (أعلن الحوثيون قصف …)? Then it claims
        the attack, unlike a source that tells of others' (وحسب التلفزيون السوري، استهدفت …)."""
        return a.last == t.first and a.actor.sector in ARMED_SECTORS and a.first > s.lo and \
            not t.form.trigger.patient_subject and self._is(tokens[a.first - 1], self.cues.announcing)

    def _announces_enemy_losses(self, tokens: list[Token], s: _Sentence, a: ActorMention,
                                recipient: ActorMention | None) -> bool:
        """Is the mention an armed side right after a verb of announcing, and the victims armed men of another
        kind (أعلن الجيش مقتل 20 مسلحا; not أعلنت حماس مقتل اثنين من مقاتليها, nor the dead of civilians)?"""
        return recipient is not None and a.actor.sector in ARMED_SECTORS and \
            recipient.actor.sector in ("REB", "UAF", "CRM") and recipient.actor.sector != a.actor.sector and \
            not _same(a, recipient) and a.first > s.lo and self._is(tokens[a.first - 1], self.cues.announcing) and \
            not any(self._is(tok, self.cues.own_forces) for tok in tokens[recipient.first - 1:recipient.last]) and \
            not any(_conjunction_off(tok.key) in _AS_SOURCE for tok in tokens[max(s.lo, a.first - 3):a.first - 1])

    def _reports(self, tokens: list[Token], s: _Sentence, a: ActorMention) -> bool:
        """Is the mention the subject of a reporting verb (أعلنت حماس، وكان الجيش قد أعلن)?"""
        before = tokens[max(s.lo, a.first - 2):a.first]
        cut = max((k + 1 for k, tok in enumerate(before) if tok.key in self.cues.complementizers), default=0)
        near = before[cut:] + tokens[a.last:min(s.hi, a.last + 3)]  # (قال إن الانتحاريين: the subject is after إن)
        return any(self._is(tok, self.cues.reporting) for tok in near)

    def _svo_subject(self, text: str, tokens: list[Token], t: TriggerMention,
                     before: list[ActorMention]) -> ActorMention | None:
        """An agent right before a verb that carries no object pronoun (الجيش قصف، مسلحين اختطفوا; not the
        topic of "المسلحون قتلهم الجيش"), not a nisba on the noun before (وعقب القصف الأمريكي توعدت), not
        after a preposition, with no punctuation or quote between (لوكالة
        فرانس برس "استهدفت …، ضمن اتفاق أمريكي-أردني، قصفت …)."""
        if not t.form.verb or t.form.tense is None or self._object_on_verb(tokens, t):
            return None
        a = next((a for a in reversed(before) if a.last == t.first), None)
        # (a crowd too, before a verb in the active plural that has no passive reading of its victims:
        # عشرات المتظاهرين اقتحموا المعبر وأحرقوا - unless an armed side stands just before it and is the one
        # the crowd describes: عناصر الميليشيات من رجال ونساء اقتحموا، مقاتلين معارضين رفضوا)
        crowd = a is not None and a.actor.sector in _PROTESTING_SECTORS and t.form.tense == "past" and \
            not t.form.trigger.patient_subject and _conjunction_off(tokens[t.first].key).endswith("وا") and \
            not any(b.agent_like and 0 <= a.first - b.last <= 4 for b in before if b is not a)
        if a is None or not (a.agent_like or crowd) or a.kind == "adjective" or \
                _proclitic(tokens, a).lstrip("وف").startswith(("ل", "ب", "ك")) or \
                any(ch in "،,؛;:\"«»“”'()-" for ch in text[a.end:t.start]):
            return None
        while _proclitic(tokens, a).startswith("و"):
            # الولايات المتحدة وبريطانيا وفرنسا قصفت: the first of sides joined by و stands for them
            prev = next((b for b in before if b.last == a.first and b.agent_like), None)
            if prev is None:
                break
            a = prev
        return a

    def _hit_not_acting(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention, actor: ActorMention,
                        toll) -> bool:
        """Is the one taken for the actor of trigger t the one the event is done to?"""
        cues = self.cues
        before = _conjunction_off(tokens[t.first - 1].key) if t.first > s.lo else ""
        after_trigger = actor.first >= t.last
        if t.form.verb and after_trigger and before in cues.statements and \
                not _clause_gap(text, tokens, t.first - 1, t.first):
            return True  # مشروع قرار يدين إسرائيل، بيانا يتهم إيران: the document is the verb's subject, the one
            # named after it its object (not: في بيان "تدين فرنسا …", a quotation)
        if t.form.trigger.type == "ASSAULT" and actor.kind == "generic" and _is_word(tokens[actor.first], cues.facilities):
            return True  # واستهدف الهجوم سوقا شعبيا: a market, a mosque or a hospital is hit, it attacks no one
            # (a church or a university may still speak: رحبت الكنيسة القبطية)
        if t.form.trigger.type == "ASSAULT" and after_trigger and _partitive_of(tokens, s, actor) and \
                _in_toll(toll, actor, harmed=True):
            return True  # أسفر الهجوم عن إصابة اثنين من الجنود: the group a casualty count is taken from was hit
        # كبدت المعارك ميليشيات الحوثي خسائر: the one the fighting cost is the one hit
        return after_trigger and not t.form.verb and before in cues.inflicting

    def _nothing_after(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Does the verb end its clause or go straight on to a place, a time or a cause (قتل في، قتل أمس،
        قتل جراء، قتل.)?"""
        if t.last >= s.hi or _clause_gap(text, tokens, t.last - 1, t.last):
            return True  # (قتل»، قتل.: the clause or the quotation ends)
        cues = self.cues
        nxt = tokens[t.last]
        words = cues.locative | cues.background_prepositions | cues.time_anchors
        if nxt.key in ("هناك", "هنالك") or nxt.key.startswith("ال") and strip_article(nxt.key) in cues.time_units:
            return True  # قتل هناك، قتل الأسبوع الماضي
        return nxt.key in words or bool(_phrases(tokens, t.last, min(s.hi, t.last + 3), cues.phrase_starts) & words)

    def _subject_before(self, tokens, at: int, before: list[ActorMention], s: _Sentence,
                        nouns: bool = False, any_kind: bool = False) -> ActorMention | None:
        """The nearest actor before token `at` in its clause (SVO subject); agent-like ones unless any_kind."""
        for a in reversed(before):
            if at - a.last > SUBJECT_WINDOW:
                return None
            between = tokens[a.last:at]
            if any(tok.key in self.cues.clause_breaks or tok.key in self.cues.complementizers for tok in between):
                return None  # (… الرياض تعد بيانا تقر فيه بأن خاشقجي قتل: the verb after بأن has its own subject)
            if not a.agent_like and not any_kind:
                continue
            if _proclitic(tokens, a).lstrip("وف").startswith(("ل", "ب", "ك")):
                continue  # معقلا لتنظيم داعش: a noun after a preposition is no subject
            if a.first > s.lo and tokens[a.first - 1].key in _AMONG:
                # مقتل 14 مقاتلا بينهم إيرانيون في الضربة: some of the dead, not who struck; 14 مقاتلا، بينهم
                # إيرانيون، قتلوا: the ones killed are the fighters counted, the Iranians some of them
                continue
            return a
        return None

    # ------------------------------------------------------------------------------------------ salience

    def _main_start(self, tokens: list[Token], s: _Sentence, text: str = "", first_trigger: int | None = None) -> int:
        """Where the main clause begins: after a dateline or a speech frame's colon (بيشاور ـ «الشرق
        الأوسط»: …) and after a reporting frame's complementizer (قال المتحدث إن …). A reporting verb after
        the sentence's first trigger opens a second clause, not a frame: "قتل ثلاثة … وقال الجيش إن …"."""
        cues = self.cues
        if text:
            s = _Sentence(s.start, s.end, self._after_dateline(tokens, s, text), s.hi, s.question)
        limit = min(s.hi, s.lo + 14, first_trigger if first_trigger is not None else s.hi)
        for i in range(s.lo, limit):
            if tokens[i].key in cues.reporting or _bases_in(tokens[i], cues.reporting):
                for j in range(i + 1, min(s.hi, i + 16)):
                    if tokens[j].key in cues.complementizers or _pronoun_complementizer(tokens[j].key):
                        return j + 1  # (أنه، إنها: with the pronoun of the verb after it)
                return s.lo
        return s.lo

    def _after_dateline(self, tokens: list[Token], s: _Sentence, text: str) -> int:
        """The first token after a dateline's or speech frame's colon early in the sentence, else s.lo (once per
        sentence: main clause, legal context and places all ask)."""
        if s.after_dateline is None:
            s.after_dateline = s.lo
            for i in range(s.lo + 1, min(s.hi, s.lo + 25)):
                if ":" in text[tokens[i - 1].end:tokens[i].start]:
                    frame = text[tokens[s.lo].start:tokens[i - 1].end]
                    if any(mark in frame for mark in self.cues.frame_marks):
                        s.after_dateline = i
                    break
        return s.after_dateline

    def _first_trigger(self, tokens: list[Token], s: _Sentence, triggers: list[TriggerMention]) -> int | None:
        """The sentence's first trigger that is not itself a reporting word (أعلن، بيان)."""
        reporting = self.cues.reporting
        firsts = [t.first for t in triggers if s.lo <= t.first < s.hi and tokens[t.first].key not in reporting
                  and not _bases_in(tokens[t.first], reporting)]
        return min(firsts) if firsts else None

    def _verb_noun_clitic(self, token: Token) -> int | None:
        """The proclitic length of the token's reading as a word both kind of agent and verb (طالب، وطالب),
        or None; طلبة (students) ends in teh marbuta, as no verb does."""
        if token.text.rstrip(_MARKS).endswith("ة"):
            return None
        return next((clitic for clitic, base in clitic_bases(token.key) if base in self._verb_nouns), None)

    def _verb_position(self, text: str, tokens: list[Token], i: int, clitic: int,
                       subject_ends: set[int] | frozenset[int] = frozenset()) -> bool:
        """Is token i where a verb stands, so that a word both noun and verb (طالب) is the verb: where a
        clause begins (first in the text, after clause punctuation, with و / ف on it, after a word a verb
        follows: كما، الذي، قد، كان، أن / أنه), right after an actor named before it (its subject: النظام
        طالب), or before بـ (طالب بإجراء تحقيق)?"""
        if clitic:
            return any(c in "وف" for c in tokens[i].key[:clitic]) and not any(c in "بلك" for c in tokens[i].key[:clitic])
        if i == 0 or any(ch in ".،,؛;:!?«»\"()\n-–—" for ch in text[tokens[i - 1].end:tokens[i].start]):
            return True
        previous = tokens[i - 1]
        if _numeral(previous.text) or _number_word(previous.key):
            return False  # ألف طالب: counted students
        if self._is(previous, self.cues.complementizers) and tokens[i].key.endswith("ا"):
            return False  # إن طالبا سعوديا: the subject of إن takes the accusative, a noun
        if i - 1 in subject_ends or (i + 1 < len(tokens) and (_ba_proclitic(tokens[i + 1].key) or
                                                              self._is(tokens[i + 1], self.cues.complementizers))):
            return True  # النظام طالب …، طالب بإجراء تحقيق، طالب بأن …
        return (self._is(previous, self.cues.verb_particles) or self._is(previous, self.cues.relative_pronouns)
                or self._is(previous, self.cues.complementizers) or _pronoun_complementizer(previous.key) is not None)

    def _relative(self, tokens: list[Token], t: TriggerMention) -> bool:
        return t.first > 0 and self._is(tokens[t.first - 1], self.cues.relative_pronouns)

    def _is(self, token: Token, words: frozenset[str]) -> bool:
        return _is_word(token, words)

    def _called_for(self, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Does a word of necessity follow the event noun within ten words, before a finite verb of an event
        or a new clause (… بات أمرا لا بد منه)?"""
        hi = min(s.hi, t.last + 10)
        for i in range(t.last, hi):
            key = tokens[i].key
            if key in self.cues.clause_breaks or self._is(tokens[i], self.cues.complementizers) or \
                    _pronoun_complementizer(key) or _conjunction_off(key) in self.cues.reporting:
                hi = i
                break
        # (with the article, الضرورية is an attribute - المساعدات الضرورية - not what the event is called)
        words = {_conjunction_off(tok.key) for tok in tokens[t.last:hi]} | \
            _phrases(tokens, t.last, hi, self.cues.phrase_starts)
        return bool(words & self.cues.necessity)

    def _prevented(self, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        lo = max(s.lo, t.first - 8)
        cues = self.cues
        foiled = [i for i in range(lo, t.first) if self._is(tokens[i], cues.foil_verbs)]
        if foiled and not tokens[t.first].key.startswith(("و", "ف")) and \
                not _proclitic(tokens, t).lstrip("وف").startswith("ب") and not any(
                self._is(tok, cues.complementizers) or self._is(tok, cues.relative_pronouns) or
                tok.key in cues.reporting or tok.key in cues.clause_breaks or tok.key in _WAS
                for tok in tokens[foiled[-1] + 1:t.first]):
            # أحبطت الشرطة السبت محاولة مهاجم انتحاري: the foiled act is the verb's object (not "… وألقت القبض",
            # nor the means, "تفشل بالفيتو", nor what the object was about, "مشروع قانون كان يدعو")
            return True
        verbs = [i for i in range(lo, t.first) if self._is(tokens[i], self.cues.prevention_verbs)]
        if not verbs:
            return False
        # the prevented act follows من (منع X من شن هجمات) or is named by a verbal noun of doing (أوقف
        # الاتفاق شن هجوم); what stands right after the verb is its subject (أوقف الاتفاق …)
        between = tokens[verbs[-1] + 2:t.first]
        return any(tok.key == "من" for tok in between) or (
            t.first - 1 > verbs[-1] + 1 and _conjunction_off(tokens[t.first - 1].key) in _DOING)

    def _over_a_period(self, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Is the event a count over a period: since a start, a year or a month (قتل 123 منذ بدء الاحتجاجات،
        وتشن القوات منذ 18 شباط هجوما …, a few words before the event word too) or during weeks (خلال 18 يوما)?"""
        def since_a_start(i: int) -> bool:
            return _conjunction_off(tokens[i].key) == "منذ" and any(
                self._is(tok, self.cues.period_starts) or _year(tok.key) or tok.key in _month_words()
                for tok in tokens[i + 1:i + 3]) and not any(
                self._is(tok, self.cues.comparisons) for tok in tokens[max(s.lo, i - 6):i])  # أعنف قصف منذ 2014

        if any(since_a_start(i) for i in range(max(s.lo, t.first - 6), t.first)):
            return True
        opening = self._main_start(tokens, s)
        if opening < t.first and since_a_start(opening):
            return True  # أنه منذ بدء قوات النظام هجومها بدعم روسي، قتل 150 مدنيا: it opens the event's clause
        raising = running_total_verbs()
        for i in range(t.last, min(s.hi, t.last + 14)):
            if strip_article(tokens[i].key) in raising:
                break  # قتل 5 اليوم، ما يرفع عدد القتلى منذ بدء الحملة إلى 500: the period is the running total's
            if since_a_start(i) or _conjunction_off(tokens[i].key) == "خلال" and any(
                    self._is(tok, self.cues.long_spans) for tok in tokens[i + 1:i + 3]):
                return True
        return False

    def _told_earlier(self, tokens: list[Token], s: _Sentence, group: list[TriggerMention]) -> bool:
        """Is the event placed "earlier" (في وقت سابق، سابقا) - but not earlier today (في وقت سابق اليوم)?"""
        for t in group:
            window = tokens[t.last:min(s.hi, t.last + 6)]
            for k, tok in enumerate(window):
                if strip_article(tok.key) in ("سابق", "سابقا") and not any(
                        self._is(w, self.cues.time_anchors) for w in window[k + 1:k + 4]):
                    return True
        return False

    def _purpose(self, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Is the event noun the purpose of something (لاحتجاز، لتنفيذ هجوم، من أجل قتل) rather than an event
        someone was subjected to (تعرض لهجوم)?"""
        cues = self.cues
        at = t.first
        key = tokens[at].key
        if not key.startswith(("ل", "ول")):
            if at - 2 >= s.lo and tokens[at - 1].key in ("في", "الي") and self._is(tokens[at - 2], cues.purpose_verbs):
                at -= 1  # للمشاركة في مظاهرة: to take part in it
            if at - 1 < s.lo or not self._is(tokens[at - 1], cues.purpose_verbs):
                return False
            at -= 1  # لتنفيذ هجوم
        # تعرضت دورية للجيش لهجوم: the verb of suffering may stand a few words before
        return not any(self._is(tok, cues.exposure_verbs) for tok in tokens[max(s.lo, at - 4):at])

    def _listed_crime(self, tokens: list[Token], group: list[TriggerMention], triggers: list[TriggerMention]) -> bool:
        """Is an event noun of the group listed with another event or crime noun (القتل والاغتصاب، الخطف
        والقتل، تعذيب … وقتلهم)?"""
        nouns = [o for o in triggers if not o.form.verb]

        def crime(i: int, t: TriggerMention) -> bool:
            return self._is(tokens[i], self.cues.crime_nouns) or any(
                o is not t and o.first <= i < o.last for o in nouns)

        for t in group:
            if t.form.verb:
                continue
            # the next item of the list carries و; one adjective may stand between (إبادة جماعية وتطهير عرقي واغتصاب)
            for i in (t.last, t.last + 1):
                if i < len(tokens) and tokens[i].key.startswith("و") and crime(i, t):
                    return True
            if tokens[t.first].key.startswith("و"):
                for i in (t.first - 1, t.first - 2):
                    if i >= 0 and crime(i, t):
                        return True
        return False

    def _salience(self, text: str, tokens: list[Token], s: _Sentence, first: int, start: int,
                  nominal: bool = False) -> str:
        if first < start:
            return "background"
        if first - start > MAIN_WINDOW:
            return "background"  # news states its event first (verb-subject-object); later ones elaborate
        legal = self.cues.legal_context
        # a headline before the dateline (… قبل قرار المحكمة * بانكوك ـ رويترز: خرج الآلاف) is not the context
        if any(self._is(tok, legal) for tok in tokens[self._after_dateline(tokens, s, text):first]):
            return "background"
        cues = self.cues
        if _phrases(tokens, max(start, first - 3), first, cues.phrase_starts, ending=first) & cues.background_prepositions:
            return "background"  # في أعقاب الهجوم، ردا على القصف، من أجل رفع: a phrase right before the event
        for i in range(start, first):
            tok = tokens[i]
            if tok.key in cues.time_anchors:
                continue  # فجرا is "at dawn", not ف + جراء
            keys = {tok.key, strip_article(tok.key)} | {b for c, b in clitic_bases(tok.key) if c}
            if keys & cues.background_prepositions and (first - i <= 2 or keys & cues.time_prepositions and all(
                    self._is(tok, cues.time_units) or _number_word(tok.text) or tok.key.isdigit()
                    for tok in tokens[i + 1:first]) and first - i <= 6):
                return "background"  # بعد الهجوم، إثر اغتيال، بعد يومين فقط من محاولة الاغتيال
            if nominal and keys & cues.topic_prepositions and first - i <= 2 and not any(
                    self._is(tokens[j], cues.result_verbs) for j in range(max(s.lo, i - 3), i)):
                return "background"  # تحدث التقرير عن عمليات خطف (but: أسفر عن مقتل)
            if keys & cues.background_clauses and first - i <= 6 and not _punctuated(text, tokens, i, first):
                return "background"  # الذي قتل في تفجير
        return "main"

    # ------------------------------------------------------------------------------------------ modality

    def _habit_in_clause(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Is a habit word (يوميا، كل يوم، بشكل شبه يومي) in the trigger's clause, between the punctuation marks
        around it? (قتل شقيقه الصيف الماضي، … يفكر في كل يوم: the killing is no habit.)"""
        if not _sentence_bases(tokens, s, self.cues.phrase_starts) & self.cues.habitual:
            return False
        lo, hi = t.first, t.last
        while lo > s.lo and not _punctuated(text, tokens, lo - 1, lo):
            lo -= 1
        while hi < s.hi and not _punctuated(text, tokens, hi - 1, hi):
            hi += 1
        keys = set(_phrases(tokens, lo, hi, self.cues.phrase_starts))
        for tok in tokens[lo:hi]:
            keys.update((tok.key, strip_article(tok.key)))
            keys.update(b for _, b in clitic_bases(tok.key))
        return bool(keys & self.cues.habitual)

    def _denied_clause(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
        """Is the trigger in a أن clause that a verb of denial opens (نفى الجيش أن يكون قد قصف المدينة)? The
        nearest أن within eight words before the trigger counts, with a denial up to five words before it
        (its subject between: نفت الولايات المتحدة أن …) and no punctuation from the denial to the trigger."""
        cues = self.cues
        for i in range(t.first - 1, max(s.lo, t.first - 8) - 1, -1):
            if _punctuated(text, tokens, i, t.first):
                return False
            if _conjunction_off(tokens[i].key) not in cues.complementizers:
                continue
            if any(tok.key in cues.topic_prepositions for tok in tokens[i + 1:t.first]):
                return False  # نفى أن يكون استمع إلى تسجيلات عن عملية القتل: what is denied is the hearing
            for j in range(i - 1, max(s.lo, i - 5) - 1, -1):
                if _punctuated(text, tokens, j, i):
                    return False
                if self._is_denial(tokens, j):
                    return self._standing_denial(tokens, s, j)
            return False  # (only the nearest أن opens the trigger's clause)
        return False

    def _is_denial(self, tokens: list[Token], i: int) -> bool:
        """Is token i a verb of denial (نفى، ونفت، أنكر)?"""
        return _conjunction_off(tokens[i].key) in self.cues.denial_verbs or tokens[i].key in self.cues.denial_verbs

    @staticmethod
    def _standing_denial(tokens: list[Token], s: _Sentence, i: int) -> bool:
        """Does the verb of denial at token i stand? (لم ينف: a denial denied affirms.)"""
        return not (i > s.lo and _conjunction_off(tokens[i - 1].key) in ("لم", "لن", "لا"))

    def _denied_act(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention,
                    triggers: list[TriggerMention], light: Sequence[Match]) -> bool:
        """Is the event noun the object of a verb of denial, past the denier (نفى الجيش الإسرائيلي شن غارات، نفت
        الولايات المتحدة في بيان قصف المدينة)? Up to five words may stand between - the subject - beside light
        verbs, times and "في بيان"; not a preposition (نفى علمه بالهجوم is about knowing), not the denier's part
        (نفى مسؤوليته عن الهجوم: the attack took place), not another event's word (نفى شاب أصيب برصاص …: the
        one who denies was hit), not a denial denied (لم ينف)."""
        cues = self.cues
        lo = max(s.lo, t.first - 10)
        others = {i for o in triggers if o is not t for i in range(o.first, o.last)}
        carrying = {i for m in light for i in range(m.first, m.last)}  # (the sentence's light verbs)
        words = 0
        for i in range(t.first - 1, lo - 1, -1):
            if _clause_gap(text, tokens, i, i + 1):
                return False
            tok = tokens[i]
            key = _conjunction_off(tok.key)
            if self._is_denial(tokens, i):
                return self._standing_denial(tokens, s, i)
            if i in others or self._is(tok, cues.involvement) or key in cues.complementizers or key in _PREPOSITIONS and not (
                    key == "في" and i + 1 < t.first and self._is(tokens[i + 1], cues.statements)):
                return False
            if i in carrying or self._is(tok, cues.time_anchors) or self._is(tok, cues.statements):
                continue
            words += 1
            if words > 5:
                return False
        return False

    def _modal_frame(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention) -> str | None:
        """"future" or "hypothetical" when a future or obligation word + أن opens the trigger's clause within
        eight words before it, with no punctuation between (من المقرر أن، يجب أن، ينبغي أن)."""
        cues = self.cues
        for i in range(t.first - 2, max(s.lo, t.first - 9) - 1, -1):
            if _punctuated(text, tokens, i, t.first):
                return None
            if _conjunction_off(tokens[i + 1].key) not in cues.subjunctive_links - {"قد"}:
                continue
            keys = {strip_article(tokens[i].key), _conjunction_off(strip_article(tokens[i].key))}
            if keys & cues.future:
                return "future"
            if keys & self._obligation_words:
                return "hypothetical"
        return None

    def _modality(self, tokens: list[Token], s: _Sentence, t: TriggerMention, triggers: list[TriggerMention],
                  anchored: bool = False, text: str = "", light: Sequence[Match] = ()) -> str:
        cues = self.cues
        window = tokens[max(s.lo, t.first - 4):t.first]
        # particles and verbs may carry و / ف: ولم يقتل، وسوف تقصف، وكل
        window_keys = [{strip_article(tok.key), _conjunction_off(strip_article(tok.key))} for tok in window]

        def near(words: frozenset[str], last: int) -> bool:
            return any(keys & words for keys in window_keys[-last:])

        # (a denial's time words take no place: نفى الجيش التركي السبت استهداف مستشفى)
        untimed = [tok for tok in tokens[max(s.lo, t.first - 6):t.first] if not self._is(tok, cues.time_anchors)][-3:]
        denied = any({strip_article(tok.key), _conjunction_off(strip_article(tok.key))} & cues.negation for tok in untimed) \
            and not any(self._is(tok, cues.involvement) for tok in untimed)  # (نفى مسؤوليته عن الهجوم)
        first_key = tokens[t.first].key
        if (near(cues.negation, 3) and not any(self._is(tok, cues.involvement) for tok in window[-2:]) or denied) and \
                not any(self._is(tok, cues.result_verbs) for tok in window[-2:]):
            return "negated"  # (لم تسفر الغارة عن إصابات: the result is denied, not the strike)
        if self._prevented(tokens, s, t):
            return "negated"  # منع المقاتلين من شن هجمات، أوقف الاتفاق شن هجوم
        if text and self._denied_clause(text, tokens, s, t):
            return "negated"  # نفت الولايات المتحدة أن تكون شنت الضربة
        if text and not t.form.verb and t.form.trigger.type not in _SPEECH_ACTS and \
                self._denied_act(text, tokens, s, t, triggers, light):
            # نفى الجيش الإسرائيلي شن غارات على دمشق (but نفى المسؤولون الاتهامات: the accusation was made)
            return "negated"
        # (a past form's سـ is its root's: سيطر، سيطرت are not "will")
        if t.form.verb and t.form.tense != "past" and _conjunction_off(first_key).startswith(("سي", "ست", "سن")) \
                or near(cues.future, 4):
            return "future"
        frame = self._modal_frame(text, tokens, s, t) if text else None
        if frame is not None:
            return frame  # ومن المقرر أن يشهد يوم الجمعة مسيرات، يجب أن يكون هذا مظاهرة سلمية
        for k in range(t.last, min(s.hi, t.last + 3)):
            key = strip_article(tokens[k].key)
            if key in cues.future:
                return "future"  # ضربات محتملة، الهجوم المرتقب، الضربة الأميركية المحتملة: one that may come
            if key == tokens[k].key or len(key) < 4 or not key.endswith(("يه", "ي")):
                break  # (only definite nisbas stand between: الأميركية، العسكرية)
        if t.last + 1 < s.hi and tokens[t.last].key in ("التي", "الذي", "الذين") and \
                tokens[t.last + 1].key.startswith(("ست", "سي", "سن")) and len(tokens[t.last + 1].key) > 4:
            return "future"  # المظاهرات التي ستنظم: an event still to come
        earlier = tokens[s.lo:t.first]
        if any(_conjunction_off(tok.key) in cues.question_words or tok.key in cues.question_words
               for tok in earlier[:3]) or _phrases(tokens, s.lo, min(t.first, s.lo + 3), cues.phrase_starts) & \
                cues.question_words or \
                any(self._is(tok, cues.hypothetical) for tok in earlier) or s.question or \
                _phrases(tokens, s.lo, t.first, cues.phrase_starts) & cues.hypothetical:
            return "hypothetical"  # (في حال، من الممكن: phrases too)
        if not t.form.verb and self._called_for(tokens, s, t):
            return "hypothetical"  # توجيه ضربات جوية … بات أمرا لا بد منه: a call for it
        if t.form.tense == "present" and not anchored:
            return "generic"  # يقتلون، تستهدف: without a time or place, habits and commentary, not news
        if near(cues.generic, 2):
            return "generic"
        if text and self._habit_in_clause(text, tokens, s, t) or self._over_a_period(tokens, s, t):
            return "generic"  # عشرون جريمة قتل يوميا: a pattern, not one event
        for other in triggers:
            if other is t or other.form.trigger.type not in cues.intent_types or other.first >= t.first:
                continue
            if other.first < s.lo or t.first - other.last > 6:
                continue
            # هدد بقصف، دعا إلى وقف; حذر من خطورة تنفيذ عمليات اختطاف: the link opens the complement
            clitic_link = any(tokens[t.first].key.startswith(p) for p in ("ب", "ل", "وب", "ول"))
            previous = strip_article(tokens[t.first - 1].key) if t.first > s.lo else ""
            opening = other.last < t.first and strip_article(tokens[other.last].key) in cues.complement_links
            if clitic_link or previous in cues.complement_links or opening:
                return "intended"
        if not t.form.verb and self._purpose(tokens, s, t):
            return "intended"  # حاوية تستخدم لاحتجاز رهائن، تدربوا لتنفيذ هجوم: for a purpose, not done
        if t.form.verb and "ل" in tokens[t.first].text[:t.start - tokens[t.first].start] and \
                self._purpose(tokens, s, t):
            return "intended"  # أوامر بإطلاق النار لقتل …، ليقتل: so as to kill
        if t.first - 2 >= s.lo and _conjunction_off(tokens[t.first - 2].key) in cues.subjunctive_links and \
                self._is(tokens[t.first - 1], cues.subjunctive_verbs):
            return "hypothetical"  # أن يتم قصفها: a possibility, not a fact
        if t.first - 1 >= s.lo and _conjunction_off(tokens[t.first - 1].key) in cues.subjunctive_links and \
                t.form.verb and t.form.tense == "present":
            return "hypothetical"  # أن تقتل
        sentence_keys = {strip_article(tok.key) for tok in tokens[s.lo:s.hi]} | _phrases(tokens, s.lo, s.hi, cues.phrase_starts)
        if sentence_keys & cues.claim and sentence_keys & cues.claim_objects:
            return "claimed"
        if sentence_keys & cues.reporting:
            return "reported"
        return "asserted"

    # ------------------------------------------------------------------------------------------ where, when

    def _locations(self, text, tokens, s, places, actor, recipient, context_place, trigger=None) -> list[dict]:
        # (a side named as a place - صاروخ باتجاه السعودية - is still where the event is)
        used = [m for m in (actor, recipient) if m is not None and not m.locative]
        dateline = self._dateline_end(text, tokens, s)
        chosen = []
        for p in places:
            if any(m.start < p.end and p.start < m.end for m in used):
                continue  # واشنطن as the one who struck is no place of the strike
            i = _token_at(tokens, p.start)
            # المرصد السوري، ومقره لندن: where an organisation sits; وكالة أنباء الإمارات، صحيفة الرياض: a news
            # outlet's name - neither is where the event happened
            if i > 0 and any(self._is(tokens[i - 1], words) or
                             _phrases(tokens, max(0, i - 3), i, self.cues.phrase_starts, ending=i) & words
                             for words in (self.cues.seats, self.cues.outlets)):
                continue
            if p.end <= dateline:
                continue  # دبي، الإمارات العربية المتحدة (CNN) -- …: where the report was filed
            if p.latitude is None:
                continue
            if trigger is not None and i < trigger[0] and self._before_after_word(tokens, i, trigger[0]):
                continue  # «افتتح أردوغان قمة في إسطنبول بعد مقتل 60 فلسطينيا»: the summit's city, not the killing's
            chosen.append(p)
        if not chosen:
            return [dict(c, inherited=True) for c in context_place]

        def rank(p):
            # "جرف النصر شمال بابل جنوب بغداد": the first place of a chain is where; the others locate it
            i = _token_at(tokens, p.start)
            anchor = i > 0 and strip_article(tokens[i - 1].key) in _DIRECTIONS and any(
                o is not p and o.end <= p.start and p.start - o.end <= 12 for o in candidates)
            return (anchor, p.precision >= 4, elsewhere(i), not self._after_locative(tokens, p.start), p.start)

        def elsewhere(i: int) -> bool:
            # where another event of the sentence may have happened: a relative clause opened after the event's
            # word («قتل 60 … في اليوم الذي افتتحت فيه الولايات المتحدة سفارتها في القدس»); it ranks last, as the
            # clause may also say where the event's place lies (حاجز الذي يقع في العريش)
            if trigger is None or i < trigger[1]:
                return False
            return any(self._is(tokens[k], self.cues.relative_pronouns) for k in range(trigger[1], i))
        candidates = list(chosen)  # (a list being sorted reads as empty inside its key function)
        return [self._place_dict(p) for p in sorted(candidates, key=rank)]

    @staticmethod
    def _before_after_word(tokens: list[Token], i: int, trigger_first: int) -> bool:
        """Is there a بعد / إثر / عقب between the place at token i and the event's word (the event is named after
        another one's clause)?"""
        return any(_after_word(tokens[k]) for k in range(i + 1, trigger_first))

    def _dateline_end(self, text: str, tokens: list[Token], s: _Sentence) -> int:
        """Where a dateline opening the sentence ends (a character offset; s.start when there is none): up to
        a colon (بيروت ـ «الشرق الأوسط»:) or a dash after an agency (دبي، الإمارات (CNN) --، القدس - رويترز -)."""
        after = self._after_dateline(tokens, s, text)
        if after > s.lo:
            return tokens[after].start
        match = _DASH_DATELINE.match(text, s.start, min(s.end, s.start + 90))
        return match.end() if match else s.start

    def _after_locative(self, tokens, start: int) -> bool:
        i = _token_at(tokens, start)
        inside = i - 1  # the token that holds `start` when the name begins inside it (بالقائم)
        if inside >= 0 and tokens[inside].start < start < tokens[inside].end:
            glued = tokens[inside].text[:start - tokens[inside].start]
            return glued.startswith(("ب", "وب", "فب"))  # the preposition is glued to the name
        if i == 0:
            return False
        return strip_article(tokens[i - 1].key) in self.cues.locative or \
            bool(_phrases(tokens, max(0, i - 3), i, self.cues.phrase_starts, ending=i) & self.cues.locative)  # بالقرب من

    @staticmethod
    def _place_dict(p) -> dict:
        return p.as_dict() if hasattr(p, "as_dict") else dict(p)

    def _date(self, text: str, tokens: list[Token], s: _Sentence, published: datetime | None, anchor: int):
        """(ISO date, precision, source, ahead, year written) of the event whose trigger starts at `anchor`;
        ahead: where the date expression starts when it says itself that the time is still to come (يوم غد،
        الجمعة المقبلة); year written: the expression writes its year (else the year was inferred)."""
        if self._event_date is not None:
            found = self._event_date(text, published, s.start, s.end, anchor=anchor, tokens=tokens,
                                     tz=published.tzinfo if published is not None else DEFAULT_TZ)
            if found.source == "text" and found.end is not None and found.end <= anchor and published is not None:
                k = _token_at(tokens, anchor)
                if k > 0 and tokens[k - 1].start >= found.end and _after_word(tokens[k - 1]):
                    # «افتتح أردوغان قمة الجمعة … بعد مقتل 60 فلسطينيا»: Friday is the summit's; the killing named
                    # after بعد happened before it, on a day the sentence does not give
                    return published.date().isoformat(), "day", "published", None, False
            written = found.start is not None and bool(_YEAR_WRITTEN.search(text, found.start, found.end))
            return (found.date.isoformat() if found.date else None), found.precision, found.source, \
                (found.start if getattr(found, "ahead", False) else None), written
        if published is None:
            return None, None, None, None, False
        return published.date().isoformat(), "day", "published", None, False


# ---------------------------------------------------------------------------------------------- helpers

_YEAR_WRITTEN = re.compile(r"[0-9٠-٩]{4}")


def _a_year_before(iso: str | None) -> date | None:
    if not iso:
        return None
    day = date.fromisoformat(iso)
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


# After these a verb form is a verbal noun (عن قتل، على اغتيال). Not من or ما: "من قتل" may be "who killed".
_AMONG = frozenset("بينهم بينهن بينهما".split())  # (not منهم، من بينها: they often name a part that acts)
_MEMBER_WORDS = frozenset("عناصر عنصر افراد فرد".split())
_SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})  # a denial answers them, it does not undo them
_UNTIL = frozenset("حتي بحلول لغايه غايه".split())  # before a date: the end of a time that runs now
_PREPOSITIONS = frozenset("عن علي في الي حول بعد قبل خلال منذ ضد مع عند لدي اثر عقب بسبب جراء".split())
# Before a verb of announcing, these make its subject a source (بحسب ما أعلن الجيش).
_AS_SOURCE = frozenset("بحسب حسب وفق وفقا طبقا بحسبما حسبما وفقما".split())
# The nouns of sources: a nation's nisba after them (مصادر أمنية عراقية) says whose sources they are.
_SOURCE_NOUNS = frozenset("مصادر مصدر".split())
# Verbs of gathering and of going out: a protest only by what they are for (see _other_gathering).
_GATHERING_TRIGGERS = frozenset({"PROTEST.rally", "PROTEST.take-to-streets"})
# Forms of كان: a clause about the word before them (مشروع قانون كان يدعو).
_WAS = frozenset("كان كانت كانوا كانا كانتا يكون تكون".split())
# The stems of targeting verbs and participles (استهدف، يستهدف، مستهدفا) among the patient markers.
_TARGETING = ("استهدف", "يستهدف", "تستهدف", "مستهدف")
# Toward: after a shot or a launch, the state named next is the one shot at (صاروخ باتجاه السعودية).
_TOWARD = frozenset("باتجاه صوب نحو تجاه".split())
# Verbal nouns of doing before an event noun: شن هجوم، تنفيذ عملية.
_DOING = frozenset("شن تنفيذ القيام ارتكاب".split())
# Before من: "some of" (عدد من الجنود), not "from" (folded keys: مئات is ميات).
_PARTITIVE = frozenset("عدد عديد بعض احد احدي اثنين اثنان عشرات ميات الاف الف كثير مجموعه عناصر افراد".split())
# A name after one of these is a place, not an agent (في العراق، شمال شرقي بغداد، مدينة البصرة).
_LOCATIVE_BEFORE = frozenset(
    "في الي داخل من عبر نحو قرب حدود اراضي مدينه محافظه ولايه اقليم منطقه بلده قريه ضاحيه مخيم اطراف ضواحي شمال "
    "جنوب شرق غرب وسط شمالي جنوبي شرقي غربي جنوبا شمالا شرقا غربا عاصمه باتجاه تجاه ريف محيط حي احياء "
    "ساحل سواحل".split())

def _focus_country(places: list) -> str | None:
    """The country (alpha-3) a text's places are mostly in, when one leads."""
    from collections import Counter

    votes = Counter(getattr(p, "country3", None) for p in places)
    votes.pop(None, None)
    if not votes:
        return None
    (top, n), *rest = votes.most_common(2)
    return top if not rest or n > rest[0][1] else None


_DIRECTIONS = frozenset("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط".split())

_KIND_RANK = {"person": 0, "org": 1, "metonym": 2, "people": 3, "country": 4, "adjective": 5, "generic": 6, "regional": 7}


def _best_form(forms: list[ActorForm]) -> ActorForm:
    return min(forms, key=lambda f: _KIND_RANK[f.kind])


def _compose(text: str, tokens: list[Token], mentions: list[ActorMention], sector_names: dict[str, str],
             countries: dict[str, Actor], cues: Cues) -> list[ActorMention]:
    """Join what belongs together: a kind of agent and its country (الجيش العراقي، مدنيين أفغان), a
    description with its name (ميليشيا كتائب حزب الله، وزير الدفاع الأمريكي لويد أوستن) and a member with
    the organisation (مسلحا من تنظيم «القاعدة»)."""
    joined: list[ActorMention] = []
    for m in mentions:  # مفجر انتحاري، مسلحون مجهولون: adjacent words for one kind of agent are one mention
        prev = joined[-1] if joined else None
        if prev is not None and prev.kind == m.kind == "generic" and prev.last == m.first and \
                prev.actor.sector == m.actor.sector and not text[prev.end:m.start].strip():
            joined[-1] = ActorMention(prev.first, m.last, prev.start, m.end, text[prev.start:m.end],
                                      Actor(prev.actor.id, text[prev.start:m.end], prev.actor.name_en, None,
                                            prev.actor.sector), "generic", prev.locative)
            continue
        joined.append(m)
    # خطيبة جمال خاشقجي، أسرة محمد مرسي: a name after a relative is whose relative; it neither acts nor suffers
    mentions = [m for m in joined if not (m.kind in ("person", "org") and m.first > 0 and
                                          _is_word(tokens[m.first - 1], cues.kin) and
                                          not text[tokens[m.first - 1].end:m.start].strip())]
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = text[m.end:nxt.start] if nxt is not None else ""
        # (a word between may be a short description, not a particle: مسؤولون إن حركة طالبان، مدني برصاص الميليشيات)
        close = nxt is not None and nxt.first - m.last <= 1 and len(gap.strip(" \u00a0«»\"“”'،,")) <= 6 and \
            not (nxt.first > m.last and _particle(tokens[m.last], cues)) and \
            not (nxt.first > m.last and cues.agent_markers.find(text, tokens, m.last, nxt.first))
        if m.kind == "generic" and nxt is not None and nxt.kind in ("adjective", "people", "country") and (
                close and nxt.first == m.last or nxt.first == m.last + 1 and _definite_nisba(tokens[m.last])
                and _definite_word(tokens[m.last - 1]) and m.actor.sector != "CVL"
                and not text[m.end:nxt.start].replace(tokens[m.last].text, "").strip()):
            # (قوات الدفاع الجوي الملكي السعودي: an adjective of the kind may stand before the country's - not
            # after civilians, whose next word is often what they stormed: اقتحم المحتجون القنصلية الإيرانية)
            country = nxt.actor.country
            sector = m.actor.sector
            actor = _state_actor(country, nxt.actor.name_en, sector, f"{m.text} {nxt.text}", sector_names)
            out.append(ActorMention(m.first, nxt.last, m.start, nxt.end, text[m.start:nxt.end], actor, "composite",
                                    m.locative))
            i += 2
            continue
        # (a word between must describe, not own: ميليشيات مقر حكومة الوفاق، للصحفيين دعم تنظيم غولن)
        close = close and (nxt.first == m.last or _describes(tokens[m.last], cues))
        member = nxt is not None and m.kind in ("generic", "composite") and nxt.kind == "org" and \
            _member_of(tokens, m.last, nxt.first, cues)
        # (قوات الشرعية وميليشيات الحوثي: و before the name coordinates two sides, it names no one)
        if member or close and m.kind in ("generic", "composite") and nxt.kind in ("org", "person") and \
                not _proclitic(tokens, nxt).startswith(("و", "ف")):
            # (a member keeps the kind of its head word, whose case tells its role: قتلوا ناشطا في …)
            out.append(ActorMention(m.first, nxt.last, m.start, nxt.end, text[m.start:nxt.end], nxt.actor,
                                    "composite" if member else nxt.kind, m.locative))
            i += 2
            continue
        out.append(m)
        i += 1
    # عناصر من الشرطة، عنصر من الجيش اللبناني: a member word before an institution (with its country, joined
    # above) is one of its people
    def member(prev: ActorMention, m: ActorMention) -> ActorMention | None:
        # (an organisation too, once a kind of its fighters has joined it: 27 شخصا من مقاتلي قوات الحشد الشعبي)
        if prev.kind == "generic" and prev.last - prev.first == 1 and (
                _is_word(tokens[prev.first], cues.leaders) or _is_word(tokens[prev.first], cues.persons) and
                m.actor.sector in ARMED_SECTORS) and m.kind in ("generic", "composite", "org") and \
                m.actor.sector != prev.actor.sector and _member_of(tokens, prev.last, m.first, cues):
            return _spanning(text, prev, m, m.actor, "composite")
        return None

    out = _join_pairs(out, member)
    # a plural nisba standing alone is the people of that country (آلاف الإسرائيليين، مدنيين أفغان → CVL), and so is
    # one counted by a number (41 فلسطينيا، 3 إسرائيليين)
    for k, m in enumerate(out):
        if m.kind in ("adjective", "people") and (fold_plural(m.text) or m.first > 0 and (
                tokens[m.first - 1].key.isdigit() or _number_word(tokens[m.first - 1].text))
                and not text[tokens[m.first - 1].end:m.start].strip()):
            country = m.actor.country
            out[k] = ActorMention(m.first, m.last, m.start, m.end, m.text,
                                  _state_actor(country, m.actor.name_en, "CVL", m.text, sector_names), "people",
                                  m.locative)
    # العراقيين المحتجين: a kind of civilian right after the people, in the same definiteness, describes them - it
    # is no second side (the one hit is what they stormed: اقتحم عشرات العراقيين المحتجين القنصلية الإيرانية)
    def described(prev: ActorMention, m: ActorMention) -> ActorMention | None:
        if prev.kind == "people" and m.kind == "generic" and m.first == prev.last and \
                m.actor.sector == prev.actor.sector and not _proclitic(tokens, m) and \
                not text[prev.end:m.start].strip() and \
                _definite_word(tokens[m.first]) == _definite_word(tokens[prev.last - 1]):
            return _spanning(text, prev, m, prev.actor, "people")
        return None

    out = _join_pairs(out, described)
    # سلطات الدوحة، قوات إيران: a kind of agent in construct with a state (or its capital) is that state's (before
    # names join: رئيس السلطة الفلسطينية محمود عباس is the person; not a court, محكمة القاهرة, which is also
    # the word of a verdict: قضت محكمة)
    def state_kind(prev: ActorMention, m: ActorMention) -> ActorMention | None:
        if prev.kind == "generic" and m.first == prev.last and m.kind in ("metonym", "country") \
                and m.actor.country and prev.actor.sector != "JUD" and _construct(prev.text) and not _proclitic(tokens, m) and \
                not text[prev.end:m.start].strip():
            country, sector = m.actor.country, prev.actor.sector
            actor = _state_actor(country, countries[country].name_en, sector, text[prev.start:m.end], sector_names)
            return _spanning(text, prev, m, actor, "composite")
        return None

    out = _join_pairs(out, state_kind)
    # a composite may take a second adjective or name: الحكومة العراقية → done above; وزير الدفاع الأمريكي، أوستن
    merged: list[ActorMention] = []
    for m in out:
        if merged and m.kind == "person" and merged[-1].kind == "composite" and m.first - merged[-1].last <= 1 and \
                not any(ch in '.؛;:"«»“”!?؟()' for ch in text[merged[-1].end:m.start]) and \
                not (m.first > merged[-1].last and (_particle(tokens[merged[-1].last], cues) or
                                                    not _describes(tokens[merged[-1].last], cues))):
            # (across a word only if it describes: not a particle, مسؤولون أتراك بأن خاشقجي, nor a noun,
            # عملاء الموساد اغتيال خالد مشعل)
            # (a comma of apposition may stand between - الرئيس الأمريكي، دونالد ترامب - not a full stop or quote)
            prev = merged.pop()
            merged.append(ActorMention(prev.first, m.last, prev.start, m.end, text[prev.start:m.end], m.actor,
                                       "person", prev.locative))
            continue
        # زعيم حزب الله حسن نصر الله، الأمين العام للأمم المتحدة أنطونيو غوتيريش: a name right after an
        # organisation that a title owns is the titled person (not the organisation acting on that person)
        if merged and m.kind == "person" and merged[-1].kind == "org" and m.first == merged[-1].last and \
                not text[merged[-1].end:m.start].strip() and _titled(tokens, merged[-1], cues):
            prev = merged.pop()
            first = _title_start(tokens, prev, cues)
            if merged and merged[-1].last > first:
                merged.pop()  # the title itself (رئيس، وزير) read as a kind of agent
            merged.append(ActorMention(first, m.last, tokens[first].start, m.end, text[tokens[first].start:m.end],
                                       m.actor, "person", prev.locative))
            continue
        merged.append(m)
    # عناصر الجيش، دورية للجيش العراقي: a unit of an institution, in construct, is that institution's
    def owned(prev: ActorMention, m: ActorMention) -> ActorMention | None:
        if prev.kind == "generic" and m.first == prev.last and m.kind in ("generic", "composite") \
                and (m.actor.sector != prev.actor.sector or m.actor.country) and _construct(prev.text) and _genitive(tokens, m):
            actor = m.actor
            if m.kind == "generic" and m.actor.sector == "OPP" and prev.actor.sector in ARMED_SECTORS:
                # مقاتلو المعارضة، قوات المعارضة: the opposition's fighters are rebels, who may act by force
                actor = Actor("generic:REB", text[prev.start:m.end], sector_names["REB"], None, "REB")
            return _spanning(text, prev, m, actor, m.kind)
        return None

    return _join_pairs(merged, owned)


def _join_pairs(mentions: list[ActorMention], join) -> list[ActorMention]:
    """One left-to-right pass of _compose: each mention is joined to the one kept before it when
    join(previous, mention) gives the joined mention, and kept on its own otherwise."""
    out: list[ActorMention] = []
    for m in mentions:
        joined = join(out[-1], m) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(m)
    return out


def _spanning(text: str, prev: ActorMention, m: ActorMention, actor: Actor, kind: str) -> ActorMention:
    """The mention from prev to m, as one actor of that kind (placed as prev is)."""
    return ActorMention(prev.first, m.last, prev.start, m.end, text[prev.start:m.end], actor, kind, prev.locative)


# A dateline opening an article: a place (and its country), then the agency in brackets and a dash.
_DASH_DATELINE = re.compile(r"\s*[^\s.!?؟:«»\"]{2,}(?:[ ،,][^\s.!?؟:«»\"()]+){0,5}\s*\((?:[^()]{1,20})\)\s*(?:--|–|—|-|ـ)")
_VIOLENCE_AGAINST_CIVILIANS = ("Violence against civilians", "Attack")
_ARMED_CLASH = ("Battles", "Armed clash")


_AFTER_WORDS = frozenset({"بعد", "اثر", "عقب", "اعقاب", "غداه", "خلفيه"})  # folded: the event noun after them follows another


def _after_word(token: Token) -> bool:
    return strip_article(_conjunction_off(token.key)) in _AFTER_WORDS
_REMOTE_MODES = frozenset({"aerial", "drone", "artillery", "explosives", "suicide", "wmd"})  # weapons of war
_STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "SPY"})
_VIOLENT_DEMONSTRATION = ("Riots", "Violent demonstration")
_EXCESSIVE_FORCE = ("Protests", "Excessive force against protesters")
_INTERVENTION = ("Protests", "Protest with intervention")


def _acled_by_sides(acled: tuple, actor: ActorMention | None, recipient: ActorMention | None) -> tuple:
    """ACLED types by who fought whom: shooting at civilians is violence against civilians, not a battle;
    an attack by an armed group on another armed group is a battle. Remote violence keeps its type."""
    if tuple(acled) == _ARMED_CLASH and recipient is not None and recipient.actor.sector == "CVL":
        return _VIOLENCE_AGAINST_CIVILIANS
    if tuple(acled) == _VIOLENCE_AGAINST_CIVILIANS and actor is not None and recipient is not None and \
            actor.actor.sector in ARMED_SECTORS and recipient.actor.sector in ARMED_SECTORS:
        return _ARMED_CLASH
    return acled


# Events two sides take part in together (اتفقت مصر وإثيوبيا، محادثات بين …): the second is the recipient.
_MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _place_in_clitic(text: str, place_starts: list[int], token_start: int, trigger_start: int) -> bool:
    """Does a place begin inside the letters a trigger reads as its proclitic, and take more of them than
    the article (وكندا: و + كندا, not و + ك + ندا; بالسجن: the place السجن and the trigger سجن share ال)?"""
    k = bisect.bisect_left(place_starts, token_start)
    while k < len(place_starts) and place_starts[k] < trigger_start:
        if fold(text[place_starts[k]:trigger_start]) not in ("ال", "ل"):
            return True
        k += 1
    return False


def _ba_proclitic(key: str) -> bool:
    """Does the folded word carry the preposition بـ (بإجراء، بالإفراج، بأن)? Not a nisba (بريطاني: British)."""
    return not key.endswith("ي") and any(n and "ب" in key[:n] for n, _ in clitic_bases(key))


def _pronoun_complementizer(key: str) -> str | None:
    """The pronoun of أنه، أنها، إنهم، بأنه (folded) - the subject of the verb after it - or None."""
    key = key[1:] if key[:1] in "وف" else key
    for c in ("بان", "انن", "ان"):
        if key.startswith(c) and key[len(c):] in ("ه", "ها", "هم", "هما"):
            return key[len(c):]
    return None


def _particle(token: Token, cues: Cues) -> bool:
    """Is the token a function word that cannot stand inside a name (إن، في، الذي، و…)?"""
    key = _conjunction_off(token.key)
    return token.key in ("و", "ف") or key in _PREPOSITIONS or any(
        key in words or token.key in words for words in (cues.complementizers, cues.clause_breaks,
                                                         cues.relative_pronouns, cues.reporting))


def _proclitic(tokens: list[Token], a: ActorMention) -> str:
    """The letters glued before the mention in its first word (و، ل، لل، بال …)."""
    tok = tokens[a.first]
    return tok.text[:max(0, a.start - tok.start)]


def _titled(tokens: list[Token], org: ActorMention, cues: Cues) -> bool:
    """Is the organisation the owner of a title before it (زعيم حزب الله، رئيس حكومة الوفاق، الأمين العام
    للأمم المتحدة، المتحدث باسم الخارجية): glued to ل, or after باسم or a leader word or a word in construct
    that is a kind of agent?"""
    if org.first == 0:
        return False
    if _proclitic(tokens, org).endswith(("ل", "لل")):
        return True
    before = tokens[org.first - 1]
    return before.key == "باسم" or _is_word(before, cues.leaders) or before.key in cues.titles


def _title_start(tokens: list[Token], org: ActorMention, cues: Cues) -> int:
    """The first word of the title that owns the organisation: up to three words back, to the title word
    (with its article: الأمين العام)."""
    for j in range(org.first - 1, max(-1, org.first - 4), -1):
        if _is_word(tokens[j], cues.leaders) or strip_article(tokens[j].key) in cues.titles:
            return j
    return org.first


def _construct(words: str) -> bool:
    """Can the (last) word stand first in a construct (عناصر، دورية، جنود)? Not with the nunation of a
    sound plural or a dual (مسلحون الشرطة is subject and object), nor in the accusative (-ا)."""
    last = "".join(ch for ch in words.split()[-1] if ch.isalpha()) if words.split() else ""
    return bool(last) and not last.endswith(("ون", "ين", "ان", "ا")) and not last.startswith("ال")


_ALA = fold("على")  # keys are folded (ى → ي)


def _takes_place(tokens: list[Token], t: TriggerMention, places) -> bool:
    """Does على and a known place follow the verb within a few words (سيطر على البلدة، حاصرت، الأحد، على)?"""
    for k in range(t.last, min(len(tokens) - 1, t.last + 8)):
        if tokens[k].key == _ALA:
            nxt = tokens[k + 1]
            after = tokens[k + 2].end if k + 2 < len(tokens) else nxt.end
            return any(nxt.start <= p.start < after for p in places)
    return False


def _definite_word(token: Token) -> bool:
    """Does the word carry the article (after و / ف)?"""
    key = _conjunction_off(token.key)
    return strip_article(key) != key


def _epithet_word(token: Token, cues: Cues) -> bool:
    """Is the word a definite epithet (الإرهابي، المتطرفة) that may end a name?"""
    return token.key.startswith("ال") and strip_article(token.key) in cues.epithets


def _definite_nisba(token: Token) -> bool:
    """Is the word a definite adjective of relation (الملكي، الخاصة، الجوية)? Not القومي / الوطني, which make
    another institution of the word before (الأمن القومي is national security, not the police)."""
    bare = strip_article(_conjunction_off(token.key))
    return _definite_word(token) and len(bare) >= 4 and bare.endswith(("ي", "يه")) and \
        bare not in ("قومي", "قوميه", "وطني", "وطنيه")


def _describes(token: Token, cues: Cues) -> bool:
    """Can a word between a kind of agent and a name describe it (السابق، تنظيم، زعيم), not be a noun
    the name is the genitive of (مقر، دعم)? A definite word agrees as an adjective; a bare one must be a
    kind of organisation or a title."""
    return strip_article(token.key) != token.key or _is_word(token, cues.org_kinds) or _is_word(token, cues.leaders) \
        or _is_word(token, cues.titles)


def _genitive(tokens: list[Token], m: ActorMention) -> bool:
    """Is the mention definite or glued to ل (الجيش، للجيش العراقي): an owner after a construct?"""
    return m.text.startswith("ال") or _proclitic(tokens, m).endswith(("ل", "لل"))


def _same(a: ActorMention | None, b: ActorMention | None) -> bool:
    """The same words of the text (a mention and its military reading are one)."""
    return a is not None and b is not None and (a is b or (a.start, a.end) == (b.start, b.end))


def _state_actor(country: str, country_name: str, sector: str, name_ar: str, sector_names: dict[str, str]) -> Actor:
    """A state as one of its sectors, named after the state (Palestine civilians, Iran military)."""
    return Actor(f"country:{country}:{sector}", name_ar, f"{country_name} {sector_names[sector]}", country, sector, None)


def _as_people(m: ActorMention, sector_names: dict[str, str]) -> ActorMention:
    actor = _state_actor(m.actor.country, m.actor.name_en, "CVL", m.actor.name_ar, sector_names)
    return ActorMention(m.first, m.last, m.start, m.end, m.text, actor, "people", m.locative)


def _as_military(m: ActorMention, sector_names: dict[str, str]) -> ActorMention:
    actor = _state_actor(m.actor.country, m.actor.name_en, "MIL", m.actor.name_ar, sector_names)
    return ActorMention(m.first, m.last, m.start, m.end, m.text, actor, m.kind, m.locative)


def fold_plural(word: str) -> bool:
    """Is this nisba word a plural or dual of persons (الأمريكيون، الإسرائيليين، فلسطينيان) rather than an adjective?"""
    from etl.text.tokens import fold

    key = fold(word.split()[-1]) if word.split() else ""
    return key.endswith(("يون", "يين", "يان")) or key in ("افغان", "الافغان", "اكراد", "الاكراد", "الاتراك", "الروس", "الصرب",
                                                 "الكرد", "العرب", "عرب", "الامريكان", "الاميركان")


def _token_at(tokens: list[Token], start: int) -> int:
    """Index of the first token starting at or after `start` (no list of starts built per call)."""
    return bisect.bisect_left(tokens, start, key=lambda t: t.start)


def _participle(key: str) -> bool:
    """An active participle used adverbially (داعيا، مطالبا، محذرة، متوعدين), read on its folded form."""
    return len(key) >= 5 and key.startswith(("م", "دا", "را", "نا")) and key.endswith(("ا", "ه", "ين"))


def _definite(tokens: list[Token], t: TriggerMention) -> bool:
    """Is a noun trigger definite (الاغتيال، والهجوم، اغتياله): an event the reader already knows?"""
    key = tokens[t.first].key
    if any(key.startswith(p) for p in ("ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل")):
        return True
    # a possessive pronoun (اغتياله، هجومها): read on the written word, where ة is not ه
    last = "".join(ch for ch in tokens[t.last - 1].text if ch.isalpha())
    return t.last - t.first == 1 and len(last) > 4 and last.endswith(("ه", "ها", "هم"))


def _punctuated(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Is there a comma or other clause punctuation between tokens i and j?"""
    return any(ch in "،,؛;:" for ch in text[tokens[i].end:tokens[j].start])


def _clause_gap(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Clause punctuation or a quotation mark between tokens i and j?"""
    return _punctuated(text, tokens, i, j) or any(ch in "\"«»“”" for ch in text[tokens[i].end:tokens[j].start])


def _is_word(token: Token, words: frozenset[str]) -> bool:
    """Is the token (with or without its article and proclitics) one of these words?"""
    return token.key in words or _bases_in(token, words)  # the bases include the bare key


def _member_of(tokens: list[Token], member_last: int, org_first: int, cues: Cues) -> bool:
    """Does the من that joins a member word ending at member_last to the organisation stand right after it,
    or after a hedge (15 عنصرا على الأقل من قوات النظام)?"""
    at = _membership_at(tokens, org_first, cues)
    if at is None or at < member_last:
        return False
    return at == member_last or at - member_last <= 2 and \
        bool(_phrases(tokens, member_last, at, cues.phrase_starts, ending=at) & cues.hedges)


def _membership_at(tokens: list[Token], org_first: int, cues: Cues, taken: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The من / في that makes the words before it one of the organisation's people (مسلحا من تنظيم «القاعدة»،
    قيادي في حماس): its index, the kind of organisation (تنظيم، حركة) allowed between; None if there is none.
    `taken` are tokens of other names, which cannot be that kind."""
    at = org_first - 1
    for _ in range(2):  # (في فرع تنظيم «داعش»: a branch of the organisation)
        if at >= 0 and at not in taken and _is_word(tokens[at], cues.org_kinds):
            at -= 1
    return at if at >= 0 and tokens[at].key in cues.memberships else None


def _bases_in(token: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(bases_of(token.key))


def _token_spans(tokens: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """The tokens that overlap any of the character spans."""
    ends = [tok.end for tok in tokens]  # (tokens do not overlap: their ends are in order too)
    out = set()
    for start, end in spans:
        i = bisect.bisect_right(ends, start)  # the first token ending after the span starts
        while i < len(tokens) and tokens[i].start < end:
            out.add(i)
            i += 1
    return out


def _by_sentence(items: list, starts: list[int], ends: list[int], position: Callable) -> list[list]:
    """The items that begin in each of the (ordered, disjoint) ranges [starts[k], ends[k]), in their order."""
    out: list[list] = [[] for _ in starts]
    for item in items:
        at = position(item)
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at < ends[k]:
            out[k].append(item)
    return out


# Triggers that name only the harm done (مقتل، قتلى، أصيب), and those plus the killing verb: the words of a toll.
_VICTIM_TRIGGERS = frozenset({"ASSAULT.casualties", "ASSAULT.victims", "ASSAULT.wound"})
_TOLL_TRIGGERS = _VICTIM_TRIGGERS | {"ASSAULT.kill"}


def _sentence_bases(tokens: list[Token], s: _Sentence, starts: frozenset[str]) -> frozenset[str]:
    """The keys of a sentence's tokens with and without article and proclitics (what _is matches), once."""
    if s.bases is None:
        keys = set()
        for tok in tokens[s.lo:s.hi]:
            keys.add(tok.key)
            keys.add(strip_article(tok.key))
            keys.update(b for _, b in clitic_bases(tok.key))
        s.bases = frozenset(keys | _phrases(tokens, s.lo, s.hi, starts))
    return s.bases


def _phrases(tokens: list[Token], lo: int, hi: int, starts: frozenset[str], ending: int | None = None) -> set[str]:
    """The two- and three-word phrases of tokens [lo, hi) that begin with the first word of a multiword cue,
    as the cue lists key them (لا بد، أول من أمس، بشكل روتيني), also without و / ف on the first word; with
    `ending`, only those that end right before that token."""
    out = set()
    for i in range(lo, hi):
        first = strip_article(tokens[i].key)
        bare = _conjunction_off(first)
        if first not in starts and bare not in starts:
            continue
        for n in (2, 3):
            if i + n <= hi and (ending is None or i + n == ending):
                rest = " ".join(strip_article(tok.key) for tok in tokens[i + 1:i + n])
                out.update((f"{first} {rest}", f"{bare} {rest}"))
    return out


def _conjunction_off(key: str) -> str:
    """The word without a leading و / ف (ولم → لم، وسوف → سوف) when two letters or more remain."""
    return key[1:] if len(key) >= 3 and key[0] in "وف" else key


def _has_article(key: str, m: Match, verbs: set[str]) -> bool:
    """Does the matched word carry the article (القتل، والاسرة) or a preposition (بقصف) that a verb cannot
    have? A verb spelled with ال (التقى) is no article."""
    if key[:m.clitic].endswith(("ال", "لل")) or any(c in key[:m.clitic] for c in "بك"):
        return True  # (nor the prepositions ب، ك: بقصف is the noun)
    word = key[m.clitic:]
    return word.startswith("ال") and word not in verbs


@lru_cache(maxsize=4096)
def _number_word(word: str) -> bool:
    return parse_number(word) is not None


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """The first words of the month names (مايو، أيار، كانون), as token keys: "منذ مايو" opens a period."""
    from etl.text.dates import month_names

    return frozenset(tokenize(name)[0].key for name in month_names())


def _scare_quoted(text: str, t: TriggerMention) -> bool:
    """Does the trigger stand alone between quotation marks («خطفته»)?"""
    before = text[max(0, t.start - 4):t.start].rstrip()
    return bool(before) and before[-1] in "«\"“" and text[t.end:t.end + 2].lstrip()[:1] in ("»", "\"", "”")


def _year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and key[:2] in ("19", "20")


@lru_cache(maxsize=4096)
def _numeral(word: str) -> bool:
    """A cardinal of three or more (a counted noun follows it); واحد is an adjective (شهر واحد)."""
    if word.isdigit():
        return 3 <= int(word) < 1000  # (not a year: "2007 فجر ثلاثة انتحاريين")
    value = parse_number(word)
    return value is not None and value >= 3


def _partitive_of(tokens: list[Token], s: _Sentence, a: ActorMention) -> bool:
    """Does the mention follow من after a count or a unit (8 من عناصر الحرس، 30 عنصرا من ميليشيات …)?"""
    if a.first - 2 < s.lo or tokens[a.first - 1].key != "من":
        return False
    count = tokens[a.first - 2]
    key = strip_article(count.key)
    return count.key.isdigit() or _number_word(count.text) or key in _PARTITIVE or key.endswith("ا")


def _counted(tokens: list[Token], s: _Sentence, a: ActorMention, toll) -> bool:
    """Is the mention a counted group (in the toll, or right after a number: 7 فلسطينيين، ثلاثة جنود)?"""
    return _in_toll(toll, a) or a.first > s.lo and (tokens[a.first - 1].key.isdigit()
                                                   or _number_word(tokens[a.first - 1].text))


def _in_toll(toll, mention, harmed: bool = False) -> bool:
    """Is this actor mention part of a casualty figure (مقتل مسلحين اثنين): a victim, not an agent? (With
    harmed, of those killed, injured or abducted only, not of those arrested.)"""
    if toll is None:
        return False
    figures = (toll.killed, toll.injured, toll.abducted) + (() if harmed else (toll.arrested,)) + tuple(
        f for c, f in toll.totals() if not harmed or c != "arrested")  # the victims of a total are victims too
    return any(f is not None and f.start <= mention.start < f.end or (f is not None and mention.start <= f.start < mention.end)
               for f in figures)


def _toll_within(toll, tokens: list[Token], lo: int, hi: int, whole: bool):
    """The part of a sentence's toll whose evidence lies in tokens [lo, hi) (all of it for a lone event)."""
    if toll is None or whole:
        return toll
    start = tokens[lo].start
    end = tokens[hi - 1].end if hi > lo else start
    from dataclasses import replace

    kept = {}
    for key in ("killed", "injured", "abducted", "arrested"):
        figure = getattr(toll, key)
        kept[key] = figure if figure is not None and start <= figure.start < end else None
    kept["mentions"] = tuple((c, f) for c, f in toll.mentions if start <= f.start < end)
    return replace(toll, **kept)


# Between two places of one list: a comma, و / أو, and at most a word of kind (والبصرة، ومدينة البصرة، أو مخيم جنين)
_LIST_GAP = re.compile(r"\s*[،,]?\s*(?:و|أو)?\s*(?:(?:مدينة|مدينتي|مدن|بلدة|بلدات|قرية|قرى|محافظة|محافظات|منطقة|مناطق|"
                       r"مخيم|مخيمات|حي|أحياء|ناحية|قضاء)\s+)?", re.UNICODE)
_LIST_KINDS = frozenset({"ASSAULT", "PROTEST", "COERCE"})
_SPREAD_TO = re.compile(r"(?:^|\s)(?:إلى|الى|لتشمل|ليشمل|وصولا إلى)\s")  # «من البصرة … إلى مدن العمارة والناصرية»
_APART_KM = 25  # places of a list closer than this are one locality (الزريجي والدير): one event


def _per_place(event: "Event", text: str) -> list["Event"]:
    """The event once per place when its place is one of a list of places of one kind named together (the
    towns of "صواريخ على مطارات مدن أبها وجيزان ونجران", the cities of "مظاهرات في مدينتي النجف والبصرة"); the
    toll stays with the first, since the text does not split it. Countries are not split (في سوريا والعراق is
    more often a region than two events), nor places of a chain (X شمال Y) or of one locality."""
    from dataclasses import replace

    places = [p for p in event.locations if not p.get("inherited") and p.get("start") is not None]
    if event.event_type not in _LIST_KINDS or len(places) < 2 or places[0] is not event.locations[0]:
        return [event]
    ordered = sorted(places, key=lambda p: p["start"])
    at = ordered.index(places[0])

    def joined(a: dict, b: dict) -> bool:
        gap = text[a["end"]:b["start"]]
        return bool(_LIST_GAP.fullmatch(gap)) and (a.get("precision") or 4) < 4 and (b.get("precision") or 4) < 4 \
            and ((a.get("precision") or 4) <= 2) == ((b.get("precision") or 4) <= 2)
    lo = hi = at
    while lo > 0 and joined(ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and joined(ordered[hi], ordered[hi + 1]):
        hi += 1
    run = ordered[lo:hi + 1]
    if len(run) == 1 and event.event_type == "PROTEST" and (ordered[at].get("precision") or 4) < 4:
        # «امتدت الاحتجاجات من البصرة، حيث أغلق السكان ميناء أم قصر، إلى مدن العمارة والناصرية والنجف»: protests
        # that spread from one place to a list of others, the list right after «إلى» (not an attack: «صواريخ من
        # غزة إلى عسقلان وسديروت» did not happen in Gaza)
        for k in range(at + 1, len(ordered) - 1):
            if _SPREAD_TO.search(text[ordered[k - 1]["end"]:ordered[k]["start"]]) and joined(ordered[k], ordered[k + 1]):
                end = k + 1
                while end + 1 < len(ordered) and joined(ordered[end], ordered[end + 1]):
                    end += 1
                run = [ordered[at]] + ordered[k:end + 1]
                break
    listed = []
    for p in run:
        if p.get("latitude") is None or any(haversine_km(p["latitude"], p["longitude"], q["latitude"], q["longitude"])
                                            < _APART_KM for q in listed):
            continue
        listed.append(p)
    if len(listed) < 2:
        return [event]
    no_toll = {"fatalities": None, "injured": None, "arrested": None, "abducted": None, "totals": []}
    parts = []
    for k, place in enumerate(listed):
        if k == 0 and place is event.locations[0]:
            parts.append(event)
            continue
        others = [q for q in event.locations if q is not place]
        parts.append(replace(event, locations=[place] + others, part=k, **({} if k == 0 else no_toll)))
    return parts


_TOTAL_CATEGORIES = {"ASSAULT": ("killed", "injured", "abducted"), "COERCE": ("arrested",)}
_SLACK = {"day": 0, "week": 3, "month": 15, "year": 182}  # half a period each way of its middle day


def _timing(event_date: str | None, precision: str | None, source: str | None, published: datetime | None,
            history_days: int) -> str:
    """current / history / future (see Event.timing): by the window the event's own date allows."""
    if event_date is None or published is None or source != "text":
        return "current"
    day, today = date.fromisoformat(event_date), published.date()
    slack = timedelta(days=_SLACK.get(precision or "day", 0))
    if day + slack < today - timedelta(days=history_days):
        return "history"
    if day - slack > today:
        return "future"
    return "current"


def _totals(toll, event_type: str) -> list[dict]:
    """The figures of the event's part of the sentence that are not its toll (see Event.totals)."""
    if toll is None:
        return []
    wanted = _TOTAL_CATEGORIES.get(event_type, ())
    return [{"category": c, "scope": f.scope, "low": f.low, "best": f.best, "high": f.high, "start": f.start,
             "end": f.end} for c, f in toll.totals() if c in wanted]


def _range(toll, key: str) -> dict | None:
    """A toll figure (etl.extraction.casualties.Figure) as {low, best, high, start, end}."""
    figure = getattr(toll, key, None) if toll is not None else None
    if figure is None:
        return None
    return {"low": figure.low, "best": figure.best, "high": figure.high, "start": figure.start, "end": figure.end}
