"""The event's place: the sentence's places ranked for the event, else the story's; one event per place of
a list (مظاهرات في مدينتي النجف والبصرة)."""

from __future__ import annotations

from dataclasses import replace
import re

from etl.extraction.passes.grammar import Reader, _DASH_DATELINE, _after_word, _backed, _phrases, _token_at
from etl.extraction.passes.mentions import Event, _Sentence
from etl.geo.gazetteer import haversine_km
from etl.text.tokens import Token, strip_article


class EventPlace(Reader):
    """Ranks a sentence's places for an event."""

    def _patron_place(self, text: str, tokens: list[Token], i: int, p) -> bool:
        """Is the place named as a side's backer: right after المدعومة من or الموالية لـ / الحليفة لـ?"""
        if i >= len(tokens) or tokens[i].start > p.start:
            i -= 1  # (لإيران: the place starts inside its word, after the proclitic)
        return _backed(tokens, i, text[tokens[i].start:p.start], self.cues.patrons)

    def locations(self, text, tokens, s, places, actor, recipient, context_place, trigger=None,
                  event_type: str | None = None) -> list[dict]:
        # (a side named as a place - صاروخ باتجاه السعودية - is still where the event is)
        # (but a statement's side after ب - ندد الاتحاد الأوروبي بإسرائيل - is whom it is about, not where)
        used = [m for m in (actor, recipient) if m is not None and (not m.locative or event_type in _SAYING_TYPES)]
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
            if self._patron_place(text, tokens, i, p):
                continue  # القوات الحكومية المدعومة من روسيا، الميليشيات الموالية لإيران: whose backing, not where
            if p.latitude is None:
                continue
            if trigger is not None and i < trigger[0] and self._before_after_word(tokens, i, trigger[0]):
                continue  # «افتتح أردوغان قمة في إسطنبول بعد مقتل 60 فلسطينيا»: the summit's city, not the killing's
            if event_type in _SAYING_TYPES and trigger is not None and i >= trigger[1] and (
                    self._spoken_of(tokens, i, trigger[1]) or
                    event_type != "CONSULT" and not self._after_locative(tokens, p.start)):
                # «استقبل أمير قطر كيري الذي أطلعه على تفاصيل الاتفاق مع إيران»: Iran is what was discussed;
                # «اتهمت الحكومة التركية إسرائيل ومصر»: the accused, not where (a visit's place is where it went)
                continue
            chosen.append(p)
        if not chosen:
            if event_type in _SAYING_TYPES:
                # a statement is placed only where the text says it was made: the story's place is what it is
                # about more often than where it was said (the Kremlin's accusation is not in Douma)
                return []
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
        return [self.place_dict(p) for p in sorted(candidates, key=rank)]

    def _spoken_of(self, tokens: list[Token], i: int, after: int) -> bool:
        """Is the place at token i, after a statement's or a meeting's word, what is spoken of: after a word of a
        topic (عن، حول، بشأن، تفاصيل، الأوضاع) or inside a relative clause (الذي أطلعه على …)?"""
        return any(self._is(tokens[k], self.cues.topic_prepositions) or self._is(tokens[k], self.cues.topic_nouns)
                   or self._is(tokens[k], self.cues.relative_pronouns) for k in range(after, i))

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
    def place_dict(p) -> dict:
        return p.as_dict() if hasattr(p, "as_dict") else dict(p)


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
# Between two places of one list: a comma, و / أو, and at most a word of kind (والبصرة، ومدينة البصرة، أو مخيم جنين)
_LIST_GAP = re.compile(r"\s*[،,]?\s*(?:و|أو)?\s*(?:(?:مدينة|مدينتي|مدن|بلدة|بلدات|قرية|قرى|محافظة|محافظات|منطقة|مناطق|"
                       r"مخيم|مخيمات|حي|أحياء|ناحية|قضاء)\s+)?", re.UNICODE)
_LIST_KINDS = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Statements and meetings: where they were made, not what they are about
_SAYING_TYPES = frozenset({"CONSULT", "ACCUSE", "REQUEST", "AGREE", "SUPPORT", "THREATEN", "REJECT", "CONCEDE"})
_SPREAD_TO = re.compile(r"(?:^|\s)(?:إلى|الى|لتشمل|ليشمل|وصولا إلى)\s")  # «من البصرة … إلى مدن العمارة والناصرية»
_APART_KM = 25  # places of a list closer than this are one locality (الزريجي والدير): one event


def _per_place(event: Event, text: str) -> list[Event]:
    """The event once per place when its place is one of a list of places of one kind named together (the
    towns of "صواريخ على مطارات مدن أبها وجيزان ونجران", the cities of "مظاهرات في مدينتي النجف والبصرة"); the
    toll stays with the first, since the text does not split it. Countries are not split (في سوريا والعراق is
    more often a region than two events), nor places of a chain (X شمال Y) or of one locality."""
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
