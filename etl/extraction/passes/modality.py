"""Clauses, negation and modality: whether an event happened (asserted, reported, claimed) or is
negated, future, hypothetical, generic or intended."""

from __future__ import annotations

from typing import Sequence

from etl.extraction.casualties import running_total_verbs
from etl.extraction.lexicon import Match
from etl.extraction.passes.grammar import (


    Reader, _PREPOSITIONS, _WAS, _clause_gap, _conjunction_off, _month_words, _phrases, _proclitic,
    _pronoun_complementizer, _punctuated, _sentence_bases,
)
from etl.extraction.passes.mentions import TriggerMention, _Sentence
from etl.text.tokens import Token, clitic_bases, strip_article


class Modality(Reader):
    """Decides an event's modality from the clause its trigger stands in."""

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

    def foiled(self, tokens: list[Token], s: _Sentence, triggers: list[TriggerMention]) -> bool:
        """Is one of these triggers (an event noun) the object of a verb of foiling (أحبط، أفشل)?"""
        return any(not t.form.verb and self._prevented(tokens, s, t) for t in triggers)

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

    def listed_crime(self, tokens: list[Token], group: list[TriggerMention], triggers: list[TriggerMention]) -> bool:
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

    def of(self, tokens: list[Token], s: _Sentence, t: TriggerMention, triggers: list[TriggerMention],
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


_SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT"})  # a denial answers them, it does not undo them
# Verbal nouns of doing before an event noun: شن هجوم، تنفيذ عملية.
_DOING = frozenset("شن تنفيذ القيام ارتكاب".split())


def _year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and key[:2] in ("19", "20")
