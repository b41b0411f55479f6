"""Protests: whether a gathering is a protest, who protests, against whom, and a protest turned violent
(coded as ACLED codes it: riots, excessive force, intervention)."""

from __future__ import annotations

from etl.extraction.passes.grammar import (
    Reader, _PROTESTING_SECTORS, _conjunction_off, _number_word, _proclitic, _punctuated, _same, _sentence_bases,
)
from etl.extraction.passes.mentions import ActorMention, TriggerMention, _Sentence
from etl.text.tokens import Token, strip_article


_BETWEEN = frozenset({"بين"})
_A_NUMBER_OF = frozenset({"عدد"})  # تجمهر عدد كبير من …: a crowd
_AMOUNT_WORDS = frozenset("اكثر من نحو حوالي قرابه زهاء ما يقارب فيها فيه هناك".split())


class ProtestReader(Reader):
    """Reads what a sentence says about a gathering and its crowd."""

    def crowd(self, tokens: list[Token], s: _Sentence) -> bool:
        return bool(_sentence_bases(tokens, s, self.cues.phrase_starts) & self.cues.crowds)

    def gathering_crowd(self, text: str, tokens: list[Token], s: _Sentence, t: TriggerMention,
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

    def other_gathering(self, tokens: list[Token], s: _Sentence, group: list[TriggerMention],
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

    def protest_target(self, tokens: list[Token], s: _Sentence, group: list[TriggerMention],
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

    def crowd_side(self, tokens: list[Token], s: _Sentence, group: list[TriggerMention],
                   locations: list[dict]) -> dict | None:
        """شارك المئات في مظاهرات، خرج الآلاف، تظاهر العشرات: a protest whose protesters are only counted has them
        as its actor all the same, civilians of the place's country (as ACLED codes "Protesters (Iraq)"): the
        count word nearest the protest's words, within six words."""
        first, last = min(t.first for t in group), max(t.last for t in group)
        near = sorted(range(max(s.lo, first - 6), min(s.hi, last + 6)),
                      key=lambda i: 0 if first <= i < last else min(abs(i - first), abs(i - last)))
        at = next((i for i in near if strip_article(tokens[i].key) in _CROWD_COUNTS), None)
        if at is None:
            return None
        tok = tokens[at]
        country = locations[0].get("country3") if locations else None
        side = {"text": tok.text, "start": tok.start, "end": tok.end, "name": "civilians", "name_ar": tok.text,
                "country": country, "sector": "CVL", "id": "generic:CVL", "wikidata": None}
        if country:
            side["country_from"] = "place"
        return side

    def protest_violence(self, tokens: list[Token], s: _Sentence, group, actor: ActorMention | None,
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


# Words that count a crowd (keys without the article): the protesters of a protest that names them no other way.
_CROWD_COUNTS = frozenset("الاف الوف مئات عشرات ميات جموع حشود".split())
# Verbs of gathering and of going out: a protest only by what they are for (see _other_gathering).
_GATHERING_TRIGGERS = frozenset({"PROTEST.rally", "PROTEST.take-to-streets"})
_STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "SPY"})
_VIOLENT_DEMONSTRATION = ("Riots", "Violent demonstration")
_EXCESSIVE_FORCE = ("Protests", "Excessive force against protesters")
_INTERVENTION = ("Protests", "Protest with intervention")
