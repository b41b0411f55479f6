"""The clause structure every pass reads: word tests, clitics, where a sentence's main clause starts,
which words give a cause, and the dictionaries and cues the passes share (the `Reader` they derive from)."""

from __future__ import annotations

import bisect
from functools import lru_cache
import re

from etl.extraction.cues import Cues
from etl.extraction.dictionaries import Actor, Dictionaries
from etl.extraction.passes.mentions import ActorMention, TriggerMention, _Sentence
from etl.text.numbers import parse_number
from etl.text.tokens import Token, bases_of, clitic_bases, strip_article, tokenize, unmarked


ARMED_SECTORS = frozenset("MIL COP REB UAF CRM".split())
_PROTESTING_SECTORS = frozenset("CVL OPP PTY LAB EDU REL REF".split())  # who takes to the streets
_PUNCT_BREAK = frozenset("،,؛;:()[]«»\"“”")


class Reader:
    """The dictionaries, the cues and the word tests every pass reads with."""

    def __init__(self, d: Dictionaries, cues: Cues, base: Reader | None = None) -> None:
        self.d = d
        self.cues = cues
        if base is not None:  # the word sets derived from the dictionaries are built once, by the coder
            self._generic_keys, self._verb_nouns = base._generic_keys, base._verb_nouns
            self._causal, self._obligation_words = base._causal, base._obligation_words
            return
        self._generic_keys = frozenset(k for k in self.d.actors.index.keys() if " " not in k)
        # one-word actor entries that are also verb forms (طالب: a student / demanded; حشد)
        self._verb_nouns = frozenset(k for k in self._generic_keys if k in self.d.triggers.verb_surfaces)
        # before a cause: the causal links (جراء، إثر، بسبب، بفعل) and في، عقب (قتل في تحطم طائرة، عقب غارة)
        self._causal = self.cues.causal_links | {"في", "عقب"}
        # the word right before أن in an obligation phrase (من الضروري أن، لا بد أن: ضروري، بد)
        self._obligation_words = frozenset(k.split()[-1] for k in self.cues.obligation)

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

    def _skippable(self, tokens, lo: int, hi: int) -> int:
        """Tokens in [lo, hi) that stand between a verb and its subject without counting: time words and
        numbers (قتل أول من أمس 4 جنود)."""
        anchors = self.cues.time_anchors
        return sum(1 for tok in tokens[lo:hi] if tok.key.isdigit() or tok.key in anchors or
                   strip_article(tok.key) in anchors or tok.key in ("من", "اول", "قبل") or _number_word(tok.text))

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
        if unmarked(token.text).endswith("ة"):
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


_PREPOSITIONS = frozenset("عن علي في الي حول بعد قبل خلال منذ ضد مع عند لدي اثر عقب بسبب جراء".split())
# Before a verb of announcing, these make its subject a source (بحسب ما أعلن الجيش).
_AS_SOURCE = frozenset("بحسب حسب وفق وفقا طبقا بحسبما حسبما وفقما".split())
# Forms of كان: a clause about the word before them (مشروع قانون كان يدعو).
_WAS = frozenset("كان كانت كانوا كانا كانتا يكون تكون".split())
# Before من: "some of" (عدد من الجنود), not "from" (folded keys: مئات is ميات).
_PARTITIVE = frozenset("عدد عديد بعض احد احدي اثنين اثنان عشرات ميات الاف الف كثير مجموعه عناصر افراد".split())
# A dateline opening an article: a place (and its country), then the agency in brackets and a dash.
_DASH_DATELINE = re.compile(r"\s*[^\s.!?؟:«»\"]{2,}(?:[ ،,][^\s.!?؟:«»\"()]+){0,5}\s*\((?:[^()]{1,20})\)\s*(?:--|–|—|-|ـ)")
_VIOLENCE_AGAINST_CIVILIANS = ("Violence against civilians", "Attack")
_ARMED_CLASH = ("Battles", "Armed clash")
_AFTER_WORDS = frozenset({"بعد", "اثر", "عقب", "اعقاب", "غداه", "خلفيه"})  # folded: the event noun after them follows another


def _after_word(token: Token) -> bool:
    return strip_article(_conjunction_off(token.key)) in _AFTER_WORDS


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


def _backed(tokens: list[Token], first: int, proclitic: str, patrons: frozenset[str]) -> bool:
    """Is the name in tokens[first] (with `proclitic` glued before it) the backer named after الموالية لـ /
    المدعومة من (الميليشيات الموالية لإيران، القوات المدعومة من روسيا)?"""
    j = first - 1
    if j >= 0 and tokens[j].key == "من":
        j -= 1
    elif not proclitic.endswith(("ل", "لل")):
        return False
    return j >= 0 and _is_word(tokens[j], patrons)


def _definite_word(token: Token) -> bool:
    """Does the word carry the article (after و / ف)?"""
    key = _conjunction_off(token.key)
    return strip_article(key) != key


def _definite_nisba(token: Token) -> bool:
    """Is the word a definite adjective of relation (الملكي، الخاصة، الجوية)? Not القومي / الوطني, which make
    another institution of the word before (الأمن القومي is national security, not the police)."""
    bare = strip_article(_conjunction_off(token.key))
    return _definite_word(token) and len(bare) >= 4 and bare.endswith(("ي", "يه")) and \
        bare not in ("قومي", "قوميه", "وطني", "وطنيه")


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


def _token_at(tokens: list[Token], start: int) -> int:
    """Index of the first token starting at or after `start` (no list of starts built per call)."""
    return bisect.bisect_left(tokens, start, key=lambda t: t.start)


def _participle(key: str) -> bool:
    """An active participle used adverbially (داعيا، مطالبا، محذرة، متوعدين), read on its folded form."""
    return len(key) >= 5 and key.startswith(("م", "دا", "را", "نا")) and key.endswith(("ا", "ه", "ين"))


def _punctuated(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Is there a comma or other clause punctuation between tokens i and j?"""
    return any(ch in "،,؛;:" for ch in text[tokens[i].end:tokens[j].start])


def _clause_gap(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Clause punctuation or a quotation mark between tokens i and j?"""
    return _punctuated(text, tokens, i, j) or any(ch in "\"«»“”" for ch in text[tokens[i].end:tokens[j].start])


def _is_word(token: Token, words: frozenset[str]) -> bool:
    """Is the token (with or without its article and proclitics) one of these words?"""
    return token.key in words or _bases_in(token, words)  # the bases include the bare key


def _bases_in(token: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(bases_of(token.key))


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


@lru_cache(maxsize=4096)
def _number_word(word: str) -> bool:
    return parse_number(word) is not None


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """The first words of the month names (مايو، أيار، كانون), as token keys: "منذ مايو" opens a period."""
    from etl.text.dates import month_names

    return frozenset(tokenize(name)[0].key for name in month_names())


@lru_cache(maxsize=4096)
def _numeral(word: str) -> bool:
    """A cardinal of three or more (a counted noun follows it); واحد is an adjective (شهر واحد)."""
    if word.isdigit():
        return 3 <= int(word) < 1000  # (not a year: "2007 فجر ثلاثة انتحاريين")
    value = parse_number(word)
    return value is not None and value >= 3
