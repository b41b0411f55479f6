"""Pass 1b, triggers: the dictionaries' event words that stand in a text, the readings a sentence
supports, triggers of one type grouped into events, and what supports a weak trigger."""

from __future__ import annotations

import bisect

from etl.extraction.dictionaries import TriggerForm
from etl.extraction.lexicon import Match
from etl.extraction.passes.grammar import (
    Reader, _PREPOSITIONS, _TOLL_TRIGGERS, _bases_in, _month_words, _numeral, _phrases, _punctuated,
    _sentence_bases,
)
from etl.extraction.passes.mentions import ActorMention, TriggerMention, _Sentence
from etl.text.tokens import Token, fold, strip_article, unmarked


class TriggerFinder(Reader):
    """Finds the triggers of a text and groups a sentence's triggers into events."""

    def find(self, text: str, tokens: list[Token], actors: list[ActorMention], places) -> list[TriggerMention]:
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
        if form.verb and m.key in self.d.triggers.verb_surfaces and \
                unmarked(tokens[m.last - 1].text).endswith("ة"):
            return False  # إصابة (an injury) folds like أصابه (hit him); no conjugated verb ends in teh marbuta
        following = [strip_article(tok.key) for tok in tokens[m.last:m.last + 3]]
        if t.after_not and following and (following[0] in t.after_not or tokens[m.last].key in t.after_not):
            return False
        inside = {strip_article(tok.key) for tok in tokens[m.first + 1:m.last]}
        if t.after and not inside & t.after and not any(w in t.after or _bases_in(tok, t.after) for w, tok in
                                                        zip(following, tokens[m.last:m.last + 3])):
            return False
        return True

    def segments(self, text: str, tokens: list[Token], s: _Sentence, triggers: list[TriggerMention],
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

    def anchored(self, tokens: list[Token], s: _Sentence, support: list[str], places: list) -> bool:
        """Does the sentence tie its event to a time, a place, a toll, an instrument or a deed done?"""
        if {"toll", "instrument", "repressed", "done", "occurred"} & set(support):
            return True
        if any(p.feature_code not in ("PCLI",) for p in places if getattr(p, "latitude", None) is not None):
            return True
        return bool(_sentence_bases(tokens, s, self.cues.phrase_starts) & self.cues.time_anchors)

    @staticmethod
    def weak_supported(type_: str, support: list[str]) -> bool:
        """Is an event announced only by weak words (with other senses) supported enough to be kept?"""
        found = set(support)
        if type_ in ("ASSAULT", "COERCE"):
            # ضرب، استهدف، هاجم are as often words, plans or blows of fate: an armed actor alone is not
            # enough; an instrument, a toll, a second trigger, or an actor AND a target are.
            # هاجم ماكين رغبة أوباما: an attack in words; an armed actor with a target is an attack
            return bool(found & {"instrument", "toll", "several-triggers", "light-verb", "survived"}) or \
                {"armed-actor", "recipient"} <= found or {"armed-actor", "territory"} <= found or \
                {"armed-actor", "target"} <= found
        if type_ == "PROTEST":
            # (اندلعت الاحتجاجات: protests that broke out are street protests, not a diplomatic protest)
            return bool(found & {"protesters", "several-triggers", "occurred", "repressed"})
        return bool(found)

    def warning_fire(self, tokens: list[Token], s: _Sentence, t: TriggerMention) -> bool:
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

    def needs_met(self, form, t: TriggerMention, triggers: list[TriggerMention], keys: set[str],
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


def _place_in_clitic(text: str, place_starts: list[int], token_start: int, trigger_start: int) -> bool:
    """Does a place begin inside the letters a trigger reads as its proclitic, and take more of them than
    the article (وكندا: و + كندا, not و + ك + ندا; بالسجن: the place السجن and the trigger سجن share ال)?"""
    k = bisect.bisect_left(place_starts, token_start)
    while k < len(place_starts) and place_starts[k] < trigger_start:
        if fold(text[place_starts[k]:trigger_start]) not in ("ال", "ل"):
            return True
        k += 1
    return False


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


def _has_article(key: str, m: Match, verbs: set[str]) -> bool:
    """Does the matched word carry the article (القتل، والاسرة) or a preposition (بقصف) that a verb cannot
    have? A verb spelled with ال (التقى) is no article."""
    if key[:m.clitic].endswith(("ال", "لل")) or any(c in key[:m.clitic] for c in "بك"):
        return True  # (nor the prepositions ب، ك: بقصف is the noun)
    word = key[m.clitic:]
    return word.startswith("ال") and word not in verbs
