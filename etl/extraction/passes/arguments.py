"""Arguments: an event's actor and recipient from Arabic word order (VSO and SVO, the passive and its
agent, a noun with its nisba or genitive, the subject of a light verb), and who takes no part in it."""

from __future__ import annotations

from etl.extraction.passes.grammar import (
    ARMED_SECTORS, Reader, _AS_SOURCE, _PARTITIVE, _PREPOSITIONS, _PROTESTING_SECTORS, _TOLL_TRIGGERS,
    _VICTIM_TRIGGERS, _WAS, _as_military, _as_people, _backed, _clause_gap, _conjunction_off, _definite_nisba,
    _definite_word, _is_word, _number_word, _participle, _phrases, _proclitic, _punctuated, _same,
)
from etl.extraction.passes.mentions import ActorMention, TriggerMention, _Sentence
from etl.text.tokens import Token, clitic_bases, fold, strip_article


FIGHT_WINDOW = 12  # tokens after an event in which "في مواجهات مع" may name the side that fought its victims
SUBJECT_WINDOW = 7  # tokens before a verb in which its subject may stand (SVO)


class Arguments(Reader):
    """Finds an event's actor and recipient among the actor mentions of its part of the sentence."""

    def interceptor(self, tokens: list[Token], s: _Sentence, a: ActorMention) -> bool:
        """تمكنت الدفاعات الجوية من اعتراض الصاروخ، اعترضت القوات صاروخا: is this side the one that intercepts (a
        word of intercepting right before it, or within three words after it)?"""
        near = range(max(s.lo, a.first - 1), a.first)
        after = range(a.last, min(s.hi, a.last + 3))
        return any(_is_word(tokens[k], self.cues.intercepting) for k in (*near, *after))

    def survivor(self, tokens: list[Token], s: _Sentence, group: list[TriggerMention],
                 actors: list[ActorMention]) -> ActorMention | None:
        """نجا وزير الداخلية من هجوم مسلح، نجاة المحافظ من محاولة اغتيال: the one named between a verb of
        surviving and من, right before the attack's word, was its target."""
        first = min(t.first for t in group)
        if first < 2 or first - 1 < s.lo or strip_article(tokens[first - 1].key) != "من" and not (
                first >= 3 and strip_article(tokens[first - 2].key) == "من"):  # (من محاولة اغتيال)
            return None
        at = first - 1 if strip_article(tokens[first - 1].key) == "من" else first - 2
        verb = next((k for k in range(at - 1, max(s.lo, at - 8) - 1, -1) if self._is(tokens[k], self.cues.survived)),
                    None)
        if verb is None:
            return None
        return next((a for a in actors if verb < a.first and a.last <= at), None) or \
            next((a for a in actors if a.last == verb), None)  # (الوزير نجا من …)

    def side(self, m: ActorMention | None, locations: list[dict]) -> dict | None:
        """The actor or recipient as output. A local kind of agent named without a country (مدنيون، الشرطة،
        مسجد) takes the country of the event's place, marked country_from: place."""
        if m is None:
            return None
        side = m.actor.as_dict(m.text, m.start, m.end)
        if side.get("country") is None and side.get("sector") in self.d.actors.local_sectors and locations \
                and locations[0].get("country3"):
            side["country"], side["country_from"] = locations[0]["country3"], "place"
        return side

    def patron(self, tokens: list[Token], a: ActorMention) -> bool:
        """Is the mention the patron after الموالية لـ / المدعومة من (الميليشيات الموالية لإيران)?"""
        return _backed(tokens, a.first, _proclitic(tokens, a), self.cues.patrons)

    def of_a_place(self, text: str, tokens: list[Token], s: _Sentence, a: ActorMention) -> bool:
        """العاصمة المصرية، الحدود السورية: a state's nisba right after a noun of a place says where it is."""
        return a.kind == "adjective" and a.first > s.lo and _is_word(tokens[a.first - 1], self.cues.place_nouns) and \
            not _punctuated(text, tokens, a.first - 1, a.first)

    def adjectival(self, text: str, tokens: list[Token], s: _Sentence, a: ActorMention,
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

    def source(self, tokens: list[Token], s: _Sentence, a: ActorMention) -> bool:
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

    def holder(self, tokens: list[Token], a: ActorMention) -> bool:
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

    def roles(self, text, tokens, s, t: TriggerMention, actors: list[ActorMention], light, toll=None):
        """(actor, recipient) of the event announced by trigger t, by Arabic word order."""
        actor, recipient = self._roles(text, tokens, s, t, actors, light, toll)
        if recipient is None and t.form.verb and t.form.trigger.type in _WITH_BI_OBJECT:
            recipient = self._bi_object(tokens, s, t, actors, actor)
        if recipient is None and t.form.verb and t.form.trigger.type == "REQUEST":
            recipient = self._bi_object(tokens, s, t, actors, actor, after_min=True)
        return actor, recipient

    def _bi_object(self, tokens: list[Token], s: _Sentence, t: TriggerMention, actors: list[ActorMention],
                   actor: ActorMention | None, after_min: bool = False) -> ActorMention | None:
        """التقى الرئيس الاثنين بوزير الدفاع، أشاد بالسعودية، اتصل ترامب بماكرون: verbs of meeting, praise and
        blame take their other side with ب, after the subject and a time word at most; with after_min, a request
        its side after من (طلب الرئيس من مجلس الأمن توفير الحماية)."""
        at = actor.last if actor is not None and actor.first >= t.last else t.last
        while at < s.hi and (self._is(tokens[at], self.cues.time_anchors) or tokens[at].key in ("امس", "اليوم")):
            at += 1
        if after_min:
            if at >= s.hi or tokens[at].key != "من":
                return None
            at += 1
        m = next((a for a in actors if a.first == at and a is not actor), None)
        if m is None or m.kind in ("generic", "people") or \
                not after_min and not _proclitic(tokens, m).lstrip("وف").startswith("ب"):
            return None
        return m

    def _roles(self, text, tokens, s, t: TriggerMention, actors: list[ActorMention], light, toll=None):
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
        if patient_marker_at is not None and t.form.verb and t.form.trigger.type not in _HARM_TYPES and \
                len(after) >= 2 and after[0].first <= t.last + 1 and after[1].first == after[0].last and \
                after[1].last <= patient_marker_at and not _proclitic(tokens, after[1]):
            # ناشدت الأمم المتحدة تركيا فتح حدودها أمام اللاجئين: a call, a meeting or a statement with its subject and
            # its object right after the verb is addressed to that object; a marker further on is of another phrase
            patient_marker_at = None
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
                # (not when an armed side stands there and the ones it killed follow: قتل الجيش الإسرائيلي بالرصاص
                # الحي الجمعة أربعة فلسطينيين - the marker is the army's weapon)
                armed_then_victims = first_after is not None and first_after.agent_like and any(
                    a.first > first_after.last and a.first - t.last <= 12 and
                    (_counted(tokens, s, a, toll) or a.kind == "people" or a.actor.sector == "CVL") for a in after)
                agent_later = any(
                    first_after is not None and 0 <= m.first - first_after.last <= 1 and not armed_then_victims or
                    any(a.first >= m.last and a.first - m.last <= 2 and a.agent_like and not _counted(tokens, s, a, toll)
                        for a in after)  # (بالرصاص ثلاثة مسلحين: the ones counted after the weapon were hit)
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

    def on_weapon(self, text, tokens, s: _Sentence, a: ActorMention, triggers: list[TriggerMention]) -> bool:
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

    def claimer(self, tokens: list[Token], s: _Sentence, after: int, actors: list[ActorMention]):
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

    def fought_with(self, tokens: list[Token], s: _Sentence, after: int, actors: list[ActorMention],
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


# After these a verb form is a verbal noun (عن قتل، على اغتيال). Not من or ما: "من قتل" may be "who killed".
_AMONG = frozenset("بينهم بينهن بينهما".split())  # (not منهم، من بينها: they often name a part that acts)
# The nouns of sources: a nation's nisba after them (مصادر أمنية عراقية) says whose sources they are.
_SOURCE_NOUNS = frozenset("مصادر مصدر".split())
# The stems of targeting verbs and participles (استهدف، يستهدف، مستهدفا) among the patient markers.
_TARGETING = ("استهدف", "يستهدف", "تستهدف", "مستهدف")
# Toward: after a shot or a launch, the state named next is the one shot at (صاروخ باتجاه السعودية).
_TOWARD = frozenset("باتجاه صوب نحو تجاه".split())
# Events two sides take part in together (اتفقت مصر وإثيوبيا، محادثات بين …): the second is the recipient.
_MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_HARM_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})  # a marker after them names whom they hit (على، ضد)
# Events whose verb may take the other side with ب (التقى بـ، اجتمع بـ، اتصل بـ، أشاد بـ، رحب بـ، ندد بـ).
_WITH_BI_OBJECT = frozenset({"CONSULT", "COOPERATE", "SUPPORT", "ACCUSE"})
_ALA = fold("على")  # keys are folded (ى → ي)


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
