"""Pass 1a, actor mentions: the dictionaries' actors in a text, composed into the sides that act
(ميليشيات الحوثي الإيرانية, عناصر قوات النظام, قيادي في حماس, جنوده)."""

from __future__ import annotations

import bisect
from datetime import datetime

from etl.extraction.cues import Cues
from etl.extraction.dictionaries import Actor, ActorForm, person_on
from etl.extraction.lexicon import Match
from etl.extraction.passes.grammar import (


    ARMED_SECTORS, Reader, _PARTITIVE, _as_military, _conjunction_off, _definite_nisba, _definite_word, _is_word,
    _number_word, _particle, _phrases, _proclitic, _state_actor,
)
from etl.extraction.passes.mentions import ActorMention
from etl.text.tokens import Token, bases_of, clitic_bases, fold, original_length, strip_article


class ActorFinder(Reader):
    """Finds the actor mentions of a text."""

    def find(self, text: str, tokens: list[Token], published: datetime | None,
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
                                                 self._is(tokens[m.first - 2], self.cues.casualty_nouns) or
                                                 # (a count of members: 14 فردا من قوات الأمن)
                                                 m.first >= 3 and (tokens[m.first - 3].key.isdigit() or
                                                                   _number_word(tokens[m.first - 3].text)) and
                                                 strip_article(tokens[m.first - 2].key).removesuffix("ا") in _MEMBER_WORDS):
            return False  # خمسة من رجال الشرطة، عدد من الجنود، 14 قتيلا من قوات النظام: some of them, not a place
        if previous == "مع" and m.first >= 2 and strip_article(tokens[m.first - 2].key) in ("حدود", "حدوده", "حدودها"):
            return True  # على الحدود مع باكستان: the state beyond a border says where, it takes no part
        if previous == "من" and all(f.kind == "generic" for f in m.payloads) and any(
                self._is(tokens[j], self.cues.war_machines) for j in range(max(0, m.first - 3), m.first - 1)):
            return False  # فرقة مظلية من قوات مكافحة الإرهاب: a unit of that force (not طائرة من لبنان)
        return self._is(tokens[m.first - 1], _LOCATIVE_BEFORE)  # (with a proclitic too: بشمال الصومال، وفي العراق)


_MEMBER_WORDS = frozenset("عناصر عنصر افراد فرد".split())
# A name after one of these is a place, not an agent (في العراق، شمال شرقي بغداد، مدينة البصرة).
_LOCATIVE_BEFORE = frozenset(
    "في الي داخل من عبر نحو قرب حدود اراضي مدينه محافظه ولايه اقليم منطقه بلده قريه ضاحيه مخيم اطراف ضواحي شمال "
    "جنوب شرق غرب وسط شمالي جنوبي شرقي غربي جنوبا شمالا شرقا غربا عاصمه باتجاه تجاه ريف محيط حي احياء "
    "ساحل سواحل".split())
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
        if merged and m.kind == "person" and (merged[-1].kind == "composite" or merged[-1].kind == "generic" and
                                               _titles_one(tokens, merged[-1], cues)) and \
                m.first - merged[-1].last <= 2 and \
                not any(ch in '.؛;:"«»“”!?؟()' for ch in text[merged[-1].end:m.start]) and \
                not (m.first > merged[-1].last and _proclitic(tokens, m)) and \
                not any(_particle(tokens[k], cues) or not _describes(tokens[k], cues) or
                        _is_word(tokens[k], cues.time_anchors) for k in range(merged[-1].last, m.first)):
            # (across words only if they describe: not a particle, مسؤولون أتراك بأن خاشقجي, nor a noun,
            # عملاء الموساد اغتيال خالد مشعل; رجل الدين الشيعي البارز مقتدى الصدر is the cleric himself)
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


def _epithet_word(token: Token, cues: Cues) -> bool:
    """Is the word a definite epithet (الإرهابي، المتطرفة) that may end a name?"""
    return token.key.startswith("ال") and strip_article(token.key) in cues.epithets


def _titles_one(tokens: list[Token], m: ActorMention, cues: Cues) -> bool:
    """Is a kind of agent a title of one person (رئيس، وزير، زعيم، رجل الدين), which a name after it names?"""
    first = tokens[m.first]
    return (_is_word(first, cues.titles) or _is_word(first, cues.leaders)) and not first.key.endswith(("ون", "ين")) or \
        m.last - m.first == 2 and strip_article(first.key) == "رجل" and strip_article(tokens[m.first + 1].key) == "دين"


def _describes(token: Token, cues: Cues) -> bool:
    """Can a word between a kind of agent and a name describe it (السابق، تنظيم، زعيم), not be a noun
    the name is the genitive of (مقر، دعم)? A definite word agrees as an adjective; a bare one must be a
    kind of organisation or a title."""
    return strip_article(token.key) != token.key or _is_word(token, cues.org_kinds) or _is_word(token, cues.leaders) \
        or _is_word(token, cues.titles)


def _genitive(tokens: list[Token], m: ActorMention) -> bool:
    """Is the mention definite or glued to ل (الجيش، للجيش العراقي): an owner after a construct?"""
    return m.text.startswith("ال") or _proclitic(tokens, m).endswith(("ل", "لل"))


def fold_plural(word: str) -> bool:
    """Is this nisba word a plural or dual of persons (الأمريكيون، الإسرائيليين، فلسطينيان) rather than an adjective?"""
    key = fold(word.split()[-1]) if word.split() else ""
    return key.endswith(("يون", "يين", "يان")) or key in ("افغان", "الافغان", "اكراد", "الاكراد", "الاتراك", "الروس", "الصرب",
                                                 "الكرد", "العرب", "عرب", "الامريكان", "الاميركان")


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
