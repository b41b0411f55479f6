"""The toll a sentence reports: killed, injured, abducted, arrested, each as low / best / high.

Reads one sentence (or a span of a longer text, offsets kept) with the numbers of etl.text.numbers
and the words of etl/extraction/data/casualties.yaml. The patterns, most news tolls being one of them:

* category word, then the count:  مقتل 3 أشخاص، اعتقال 20 شخصا، قتلت القوات مسلحين اثنين على الأقل
  (verbs allow an agent in between), أودى بحياة 20 شخصا; a person noun alone counts one
  (مقتل عنصر), an indefinite plural an unknown number of at least two (إصابة آخرين، اعتقال ناشطين);
* the count, then a victim noun:  50 قتيلا و2750 جريحا، سقوط 12 قتيلا، عشرات الجرحى، قتيلان;
* the count, a person noun, then a verb:  خمسة أشخاص قتلوا، ستة صحافيين أصيبوا;
* the death idiom:  لقي 5 أشخاص حتفهم، امرأة لقيت حتفها;
* tallies:  ارتفاع حصيلة القتلى إلى 137، بلغ عدد الجرحى 30 (used when no direct count is given);
* joint counts:  مقتل وإصابة 20 شخصا، عشرات القتلى والجرحى، عشرات بين قتيل وجريح: each category gets
  low 1, best 1 and a high of the joint count less one, as the split is unknown;
* negation with no count reports none:  دون وقوع إصابات، لم يصب أحد → 0.

Counts of other things are not tolls: a number followed by a unit, a date, an amount or a thing
(100 كلم، ثلاث سنوات، 5 ملايين دولار، 150 هجوما), after an identifier word (عام 2014، المادة 151), and
a part of a count already given (بينهم 3 أطفال). Several counts of one category in a sentence add up
(مقتل 3 جنود و5 مدنيين، ... و3 آخرين), a repetition of the same count of the same people aside;
`Toll.mentions` keeps each count with its span, for a coder that gives a sentence's events their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Sequence

import yaml

from etl.text.dates import month_names
from etl.text.numbers import Quantity, atoms, find_quantities
from etl.text.tokens import Token, clitic_bases, strip_article, tokenize

CATEGORIES = ("killed", "injured", "abducted", "arrested")
# No report counts more people than this in one figure (the wars of the region count their dead in hundreds
# of thousands): a larger number is a misreading or garbage ("قتل 3000000000 شخص"), not a toll.
MAX_COUNT = 1_000_000


@dataclass(frozen=True, slots=True)
class Figure:
    low: int | None
    best: int
    high: int | None  # None: no upper bound given (أكثر من 20، 20 على الأقل، an unknown plural)
    start: int  # evidence: offsets into the text given
    end: int
    exact: bool  # the text gives the count itself (not a vague word, a joint count or a bare plural)
    # "event": this event's toll; "period": a total over a period or a campaign (منذ 18 فبراير، حتى الآن);
    # "earlier": a figure an earlier report gave (حصيلة سابقة). Only "event" figures make a Toll's categories.
    scope: str = "event"

    def as_dict(self) -> dict:
        return {"low": self.low, "best": self.best, "high": self.high, "start": self.start, "end": self.end,
                "exact": self.exact, "scope": self.scope}


@dataclass(frozen=True, slots=True)
class Toll:
    killed: Figure | None = None
    injured: Figure | None = None
    abducted: Figure | None = None
    arrested: Figure | None = None
    # every count read, before they are combined per category: (category, figure), in text order, so
    # that a coder can give each event of a sentence the counts nearest to its own trigger
    mentions: tuple[tuple[str, Figure], ...] = ()

    @property
    def start(self) -> int:
        return min(f.start for f in self._figures() or [f for _, f in self.mentions])

    @property
    def end(self) -> int:
        return max(f.end for f in self._figures() or [f for _, f in self.mentions])

    def totals(self) -> list[tuple[str, Figure]]:
        """The figures that are not this event's toll: totals over a period, earlier reports' figures."""
        return [(c, f) for c, f in self.mentions if f.scope != "event"]

    def _figures(self) -> list[Figure]:
        return [f for f in (self.killed, self.injured, self.abducted, self.arrested) if f is not None]

    def as_dict(self) -> dict:
        return {c: (f.as_dict() if (f := getattr(self, c)) is not None else None) for c in CATEGORIES} | {
            "start": self.start, "end": self.end,
            "mentions": [{"category": c, **f.as_dict()} for c, f in self.mentions]}


class CasualtyDataError(ValueError):
    pass


# ---------------------------------------------------------------------------------------------- data

class _Role(NamedTuple):
    role: str  # noun verb victim phrase closer lead tally person unit block subset negator context still illness
    #            break
    category: str | None = None  # a reporting word's category; a unit's group
    plural: bool = False
    alone: bool = False  # a victim noun that reports a toll without a number


class _Scope(NamedTuple):
    """Markers of a figure that is not this event's toll (casualties.yaml `scope`): base keys."""
    since: frozenset[str]
    same_day: frozenset[str]
    so_far: tuple[tuple[str, ...], ...]
    during: frozenset[str]
    periods: frozenset[str]
    totals: frozenset[str]
    earlier: tuple[tuple[str, ...], ...]
    superlatives: frozenset[str]
    durations: frozenset[str]
    day_anchors: frozenset[str]
    raise_verbs: frozenset[str]
    campaigns: tuple[tuple[str, ...], ...] = ()
    spread: tuple[tuple[str, ...], ...] = ()


class _Lexicon(NamedTuple):
    roles: dict[str, _Role]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # last word -> (words before, category)
    some: tuple[tuple[str, ...], ...]  # عدد من, العديد من ...
    months: frozenset[str]
    result_verbs: frozenset[str]  # لم تسفر …: the negation reaches their complement
    scope: _Scope
    vague: dict[str, int]  # several / tens / hundreds / thousands -> the best of a vague toll
    needs_a_day: dict[str, int]  # killed / injured: a toll of this many or more is a total unless a day is named


_ROLE_LISTS = ("nouns", "verbs", "victims", "phrases")
_REPORTING = frozenset({"noun", "verb", "victim", "phrase", "closer", "lead"})  # roles that report a toll


def _keys(phrase: str) -> tuple[str, ...]:
    keys = tuple(t.key for t in tokenize(phrase))
    if not keys:
        raise CasualtyDataError(f"casualties.yaml: empty entry {phrase!r}")
    return keys


def _word_list(value, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise CasualtyDataError(f"casualties.yaml: {where} must be a list of words")
    return value


def _base(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) >= 4 else key


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = yaml.safe_load(resources.files("etl.extraction").joinpath("data/casualties.yaml").read_text("utf-8"))
    if not isinstance(raw, dict):
        raise CasualtyDataError("casualties.yaml must be a mapping")
    expected = {"categories", "death_idiom", "tallies", "persons", "not_counted", "some", "not_counted_after",
                "subset", "negators", "not_a_toll_after", "still", "illness", "clause_breaks", "result_verbs", "scope",
                "vague_tolls", "needs_a_day"}
    if set(raw) != expected:
        raise CasualtyDataError(f"casualties.yaml: sections must be {sorted(expected)}, "
                                f"missing {sorted(expected - set(raw))}, unknown {sorted(set(raw) - expected)}")
    roles: dict[str, _Role] = {}

    def add(word: str, role: _Role, where: str) -> None:
        keys = _keys(word)
        if len(keys) != 1:
            raise CasualtyDataError(f"casualties.yaml: {where}: {word!r} must be one word (use phrases)")
        key = _base(keys[0])
        if key in roles and roles[key] != role:
            raise CasualtyDataError(f"casualties.yaml: {where}: {word!r} is already a {roles[key].role}"
                                    f"{' of ' + roles[key].category if roles[key].category else ''}")
        roles[key] = role

    accusatives: list[tuple[str, _Role]] = []
    categories = raw["categories"]
    if not isinstance(categories, dict) or set(categories) != set(CATEGORIES):
        raise CasualtyDataError(f"casualties.yaml: categories must be exactly {list(CATEGORIES)}")
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for category, lists in categories.items():
        if not isinstance(lists, dict) or set(lists) != set(_ROLE_LISTS):
            raise CasualtyDataError(f"casualties.yaml: {category} needs {list(_ROLE_LISTS)}")
        for word in _word_list(lists["nouns"], f"{category}.nouns"):
            add(word, _Role("noun", category), f"{category}.nouns")
        for word in _word_list(lists["verbs"], f"{category}.verbs"):
            add(word, _Role("verb", category), f"{category}.verbs")
        victims = lists["victims"]
        if not isinstance(victims, dict) or set(victims) != {"singular", "plural", "alone"}:
            raise CasualtyDataError(f"casualties.yaml: {category}.victims needs singular, plural and alone")
        alone = {_base(_keys(w)[0]) for w in _word_list(victims["alone"], f"{category}.victims.alone")}
        listed = set()
        for number in ("singular", "plural"):
            for word in _word_list(victims[number], f"{category}.victims.{number}"):
                key = _base(_keys(word)[0])
                listed.add(key)
                role = _Role("victim", category, number == "plural", key in alone)
                add(word, role, f"{category}.victims")
                if number == "singular":
                    accusatives.append((word, role))
        if alone - listed:
            raise CasualtyDataError(f"casualties.yaml: {category}.victims.alone: {sorted(alone - listed)} "
                                    "are not victims of the category")
        for phrase in _word_list(lists["phrases"], f"{category}.phrases"):
            keys = tuple(_base(k) for k in _keys(phrase))
            if len(keys) < 2:
                raise CasualtyDataError(f"casualties.yaml: {category}.phrases: {phrase!r} needs two words or more")
            phrases.setdefault(keys[-1], []).append((keys[:-1], category))
            if roles.get(keys[-1], _Role("phrase")).role != "phrase":
                raise CasualtyDataError(f"casualties.yaml: {category}.phrases: {phrase!r} ends in a word that is "
                                        f"already a {roles[keys[-1]].role}")
            roles[keys[-1]] = _Role("phrase")
    idiom = raw["death_idiom"]
    if not isinstance(idiom, dict) or set(idiom) != {"closers", "leads"}:
        raise CasualtyDataError("casualties.yaml: death_idiom needs closers and leads")
    for word in _word_list(idiom["closers"], "death_idiom.closers"):
        add(word, _Role("closer", "killed"), "death_idiom.closers")
    for word in _word_list(idiom["leads"], "death_idiom.leads"):
        add(word, _Role("lead", "killed"), "death_idiom.leads")
    for word in _word_list(raw["tallies"], "tallies"):
        add(word, _Role("tally"), "tallies")
    persons = raw["persons"]
    if not isinstance(persons, dict) or set(persons) != {"singular", "plural"}:
        raise CasualtyDataError("casualties.yaml: persons needs singular and plural")
    for number in ("singular", "plural"):
        for word in _word_list(persons[number], f"persons.{number}"):
            add(word, _Role("person", None, number == "plural"), f"persons.{number}")
            if number == "singular":
                accusatives.append((word, _Role("person", None, False)))
    if not isinstance(raw["not_counted"], dict):
        raise CasualtyDataError("casualties.yaml: not_counted must map groups to lists of words")
    for group, words in raw["not_counted"].items():
        for word in _word_list(words, f"not_counted.{group}"):
            key = _base(_keys(word)[0])
            if key in roles and roles[key].role != "unit":
                raise CasualtyDataError(f"casualties.yaml: not_counted.{group}: {word!r} is already a "
                                        f"{roles[key].role}")
            roles[key] = _Role("unit", group)
    for section, role in (("subset", "subset"), ("negators", "negator"), ("not_a_toll_after", "context"),
                          ("still", "still"), ("illness", "illness")):
        for word in _word_list(raw[section], section):
            add(word, _Role(role), section)
    for word, role in accusatives:  # after every listed word, which wins over a generated form (أبناء / ابنا)
        _add_accusative(word, role, roles)
        if role.role == "victim":  # قتيلان، جريحين: duals, which etl.text.numbers counts as two
            key = _base(_keys(word)[0])
            stem = key[:-1] + "ت" if key.endswith("ه") else key
            for dual in (stem + "ان", stem + "ين"):
                roles.setdefault(dual, role)
        key = _base(_keys(word)[0])
        if role.role == "person" and key.endswith("ي"):
            for plural in (key + "ين", key + "ون"):  # فلسطينيين، عراقيون: sound plurals of nisba nouns
                roles.setdefault(plural, _Role("person", None, True))
    block = frozenset(_base(_keys(w)[0]) for w in _word_list(raw["not_counted_after"], "not_counted_after"))
    for key in block:
        roles.setdefault(key, _Role("block"))
    for word in _word_list(raw["clause_breaks"], "clause_breaks"):
        roles.setdefault(_base(_keys(word)[0]), _Role("break"))  # قبل، بعد stay blocks, and stop a search too
    some = tuple(tuple(_base(k) for k in _keys(p)) for p in _word_list(raw["some"], "some"))
    months = frozenset(_base(tokenize(name)[0].key) for name in month_names())
    result_verbs = frozenset(_keys(w)[0] for w in _word_list(raw["result_verbs"], "result_verbs"))
    vague = raw["vague_tolls"]
    if not isinstance(vague, dict) or set(vague) != {"several", "tens", "hundreds", "thousands"} or not all(
            isinstance(v, int) and v > 0 for v in vague.values()):
        raise CasualtyDataError("casualties.yaml: vague_tolls needs several, tens, hundreds and thousands as counts")
    needs_a_day = raw["needs_a_day"]
    if not isinstance(needs_a_day, dict) or not set(needs_a_day) <= {"killed", "injured"} or not all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in needs_a_day.values()):
        raise CasualtyDataError("casualties.yaml: needs_a_day maps killed and/or injured to a positive count")
    return _Lexicon(roles, {k: tuple(v) for k, v in phrases.items()}, some, months, result_verbs,
                    _scope_markers(raw["scope"]), dict(vague), needs_a_day)


def _scope_markers(raw) -> _Scope:
    lists = ("since", "same_day", "so_far", "during", "periods", "totals", "earlier", "superlatives", "durations",
             "day_anchors", "raise_verbs", "campaigns", "spread")
    if not isinstance(raw, dict) or set(raw) != set(lists):
        raise CasualtyDataError(f"casualties.yaml: scope needs exactly {list(lists)}")

    def words(name: str) -> frozenset[str]:
        return frozenset(_base(_keys(w)[0]) for w in _word_list(raw[name], f"scope.{name}"))

    def phrases(name: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(_base(k) for k in _keys(p)) for p in _word_list(raw[name], f"scope.{name}"))
    return _Scope(words("since"), words("same_day"), phrases("so_far"), words("during"), words("periods"),
                  words("totals"), phrases("earlier"), words("superlatives"), words("durations"),
                  words("day_anchors"), words("raise_verbs"), phrases("campaigns"), phrases("spread"))


def _add_accusative(word: str, role: _Role, roles: dict[str, _Role]) -> None:
    """The accusative singular after 11..99 (قتيلا، شخصا، جنديا): the word with a final alef."""
    key = _base(_keys(word)[0])
    if not key.endswith(("ه", "ا")) and key + "ا" not in roles:
        roles[key + "ا"] = role


def running_total_verbs() -> frozenset[str]:
    """The verbs that raise a running total (ليرتفع، ما يرفع، ليصل), as token keys without the article."""
    return _lexicon().scope.raise_verbs


def load_casualty_words() -> None:
    """Read and validate etl/extraction/data/casualties.yaml now (CasualtyDataError on a problem)."""
    _lexicon()


@lru_cache(maxsize=65536)
def _classify(key: str) -> tuple[_Role | None, bool, bool]:
    """(role, definite, carries و) of a folded word, trying its proclitic readings."""
    roles = _lexicon().roles
    for clitic_len, base in clitic_bases(key):
        role = roles.get(base)
        if role is not None:
            rest = key[clitic_len:]
            definite = rest.startswith("ال") or key[:clitic_len].endswith(("ال", "لل"))
            return role, definite, key[:1] == "و" and clitic_len > 0
    for pronoun in _POSSESSIVES:  # جنودها، مقاتليهم: the side's own people, definite
        stem = key[:-len(pronoun)]
        if key.endswith(pronoun) and len(stem) >= 3:
            for noun in (stem, stem + "ن"):  # (مقاتلي+هم is مقاتلين)
                role, _, conj = _classify(noun)
                if role is not None and role.role == "person":
                    return role, True, conj
    return None, False, False


# ---------------------------------------------------------------------------------------------- reading

_STOP_GAP = re.compile(r"[،,؛;:.!?؟()\[\]\n]")
_YEAR = re.compile(r"[0-9٠-٩۰-۹]{4}")
_DOTTED_THOUSANDS = re.compile(r"[0-9٠-٩۰-۹]{1,3}\.[0-9٠-٩۰-۹]{3}")
_HUNDRED = frozenset({"ميه", "مايه"})  # المئة / المائة, folded
_POSSESSIVES = ("هما", "هم", "ها")  # not ـه, which is also a folded ة (شرطه)
_NISBA = re.compile(r"^[^\W\d_]{3,}(?:يا|يين|يون)$")
_PERCENT = re.compile(r"\s*[%٪]")
_BREAKING_BLOCKS = frozenset({"قبل", "بعد", "حتي"})
# Between a count and its verb (5 أشخاص أمس قتلوا): days and times, folded, without the article.
_TIME_WORDS = frozenset("امس اليوم يوم احد اثنين ثلاثاء اربعاء خميس جمعه سبت صباح مساء فجر ليل ليله ظهر عصر".split())  # listed as blocks (قبل 3 أيام) and clause breaks
# Hedges between a count and its verb (16 شخصا على الأقل قد قتلوا), folded, without the article.
_HEDGES = frozenset("علي اقل قد نحو حوالي".split())
_NOUN_WINDOW = 3  # tokens between a verbal noun and its count (مقتل ما لا يقل عن 20 is one quantity)
_VERB_WINDOW = 6  # room for an agent: قتلت القوات الحكومية السورية أمس 3 مسلحين
_IDIOM_WINDOW = 9


class _Found(NamedTuple):
    category: str
    low: int | None
    best: int
    high: int | None
    start: int
    end: int
    exact: bool
    noun: str | None  # the base of the person / victim noun counted, to tell other people from a restatement
    additive: bool  # آخرين / coordinated: more people, to be added
    secondary: bool = False  # a victim noun or a tally, not a category word's own count
    unknown: bool = False  # a bare plural (مقتل جنود): at least two, how many unsaid
    scope: str = "event"  # see Figure.scope


class _Sentence:
    """Tokens, their roles and the quantities of one span."""

    def __init__(self, text: str, start: int, end: int, tokens: Sequence[Token] | None) -> None:
        self.text = text
        self.toks = atoms(text, start, end, tokens)
        self.n = len(self.toks)
        self.starts = [t.start for t in self.toks]
        self.lex = _lexicon()
        info = [_classify(t.key) for t in self.toks]
        self.role = [i[0] for i in info]
        self.definite = [i[1] for i in info]
        self.conj = [i[2] for i in info]
        self.reports = any(r is not None and r.role in _REPORTING for r in self.role)
        # numbers only where a toll is reported: most sentences report none, and reading numbers is the cost
        self.quantities = find_quantities(text, start, end, toks=self.toks) if self.reports else []
        for q in self.quantities:
            if q.kind == "dual" and q.noun in self.lex.roles:  # قتيلان، جنديين: the noun's role
                at = next(k for k, t in enumerate(self.toks) if t.start == q.value_start)
                self.role[at] = self.lex.roles[q.noun]
        self.q_at: dict[int, Quantity] = {}
        self.q_end: dict[int, int] = {}  # quantity start index -> index after its numeral
        self.q_ending_at: dict[int, int] = {}  # index after a numeral -> its start index
        k = 0
        for q in self.quantities:
            while k < self.n and self.toks[k].start < q.start:
                k += 1
            first = k
            m = k
            while m < self.n and self.toks[m].end <= q.value_end:
                m += 1
            self.q_at[first] = q
            self.q_end[first] = m
            self.q_ending_at[m] = first
        self.used: set[int] = set()  # quantities already counted (by start index)

    def gap_stops(self, a: int, b: int) -> bool:
        """Punctuation between tokens a and b (a < b) that a count does not reach across."""
        return bool(_STOP_GAP.search(self.text, self.toks[a].end, self.toks[b].start))

    def role_of(self, i: int, *names: str) -> _Role | None:
        r = self.role[i] if 0 <= i < self.n else None
        return r if r is not None and r.role in names else None


def extract_casualties(text: str, start: int = 0, end: int | None = None,
                       tokens: Sequence[Token] | None = None) -> Toll | None:
    """The toll reported in text[start:end] (one sentence), offsets into `text`; None when it reports none.

    `tokens` may be etl.text.tokens.tokenize(text) computed once for the whole text.
    """
    end = len(text) if end is None else end
    s = _Sentence(text, start, end, tokens)
    if not s.reports:
        return None
    found: list[_Found] = []
    consumed: set[int] = set()  # token indexes already part of a figure's evidence
    for i in range(s.n):
        role = s.role[i]
        if role is None:
            continue
        if role.role in ("noun", "verb", "phrase") and _in_other_context(s, i):
            continue
        if role.role in ("noun", "verb"):
            found.extend(_after_trigger(s, i, role, consumed))
        elif role.role == "phrase":
            phrase = _phrase_at(s, i)
            if phrase is not None:
                category, first = phrase
                found.extend(_after_trigger(s, i, _Role("noun", category), consumed, s.toks[first].start))
        elif role.role == "closer":
            found.extend(_death_idiom(s, i, consumed))
    for i in range(s.n):
        role = s.role[i]
        if role is not None and role.role == "victim" and i not in consumed:
            found.extend(f._replace(secondary=True) for f in _victim(s, i, role, consumed))
    for i in range(s.n):
        if s.role_of(i, "tally"):
            found.extend(_tally(s, i))
    found = [f for f in found if (f.category != "injured" or not _illness_near(s, f)) and _plausible(f)]
    if not found:
        return None
    found = _scoped(s, found)
    mentions = tuple((f.category, Figure(f.low, f.best, f.high, f.start, f.end, f.exact, f.scope))
                     for f in sorted(found, key=lambda f: f.start))
    combined = {c: _combine([f for f in found if f.category == c and f.scope == "event"]) for c in CATEGORIES}
    combined = {c: f if f is None or _plausible(f) else None for c, f in combined.items()}
    return Toll(**combined, mentions=mentions)


# ---------------------------------------------------------------------------------------------- scope

_STRONG_STOP = re.compile(r"[.؛;!?؟\n]")
_SCOPE_REACH = 15  # tokens: a marker farther than this from a figure says nothing of it
_PERIOD_START = 4  # tokens after منذ that name when the period began (منذ 30 مارس): not the event's day


def _bare(key: str) -> tuple[str, ...]:
    """A token's base with and without a leading conjunction (ومنذ, وخلال)."""
    base = _base(key)
    if key[:1] in "وف" and len(key) > 3:
        return base, _base(key[1:])
    return (base,)


# الأحد / الاثنين are days, أحد، واحد، اثنين numbers; اليوم / الليلة are today and tonight, يوم / ليلة any day
_DAYS_ONLY_WITH_ARTICLE = frozenset({"احد", "اثنين", "يوم", "ليله"})


def _no_day_without_article(key: str) -> bool:
    return any(b in _DAYS_ONLY_WITH_ARTICLE for b in _bare(key)) and "ال" not in key[:4]


def _scope_markers_in(s: _Sentence) -> tuple[list[tuple[int, str]], list[int], list[int]]:
    """(token index, kind) of the sentence's scope markers, the token indexes of its day anchors and of
    its verbs raising a running total."""
    sc = s.lex.scope
    bases = [_bare(t.key) for t in s.toks]

    def is_(i: int, words: frozenset[str]) -> bool:
        return 0 <= i < s.n and any(b in words for b in bases[i])

    def phrase_at(i: int, phrases) -> bool:
        return any(i + len(p) <= s.n and all(any(b == w for b in bases[i + k]) for k, w in enumerate(p))
                   for p in phrases)

    markers: list[tuple[int, str]] = []
    period_starts: set[int] = set()
    for i in range(s.n):
        if is_(i, sc.since):
            if is_(i + 1, sc.same_day):
                continue  # منذ ساعات، منذ الصباح: within the event's own day
            before = range(max(0, i - 8), i)
            if any(is_(j, sc.superlatives) and not s.gap_stops(j, i) and not (j + 1 < s.n and s.toks[j + 1].key == "من")
                   for j in before):  # (أكثر من 20: a quantity, not a superlative)
                continue  # أعنف هجوم منذ سنوات: the worst since, not a count since
            markers.append((i, "period"))
            period_starts.update(range(i + 1, i + 1 + _PERIOD_START))
        elif is_(i, sc.during) and (any(is_(j, sc.periods) or any(b in s.lex.months for b in bases[j])
                                        for j in range(i + 1, min(s.n, i + 4)))
                                    or _hours_beyond_a_day(s, i)):  # (خلال أبريل: a month's count)
            markers.append((i, "period"))
        elif is_(i, sc.totals) or phrase_at(i, sc.so_far) or phrase_at(i, sc.campaigns) or phrase_at(i, sc.spread):
            markers.append((i, "period"))
            period_starts.update(range(i + 1, i + 1 + _PERIOD_START + 2))  # (ما بين 18-27 فبراير: its bounds)
        elif phrase_at(i, sc.earlier):
            markers.append((i, "earlier"))
        elif is_(i, sc.durations) and _counted_out(s, i):
            markers.append((i, "period"))
    anchors = [i for i in range(s.n) if i not in period_starts and (
        (is_(i, sc.day_anchors) and not _no_day_without_article(s.toks[i].key))
        or (s.toks[i].key.isdigit() and len(s.toks[i].key) <= 2 and i + 1 < s.n
            and _base(s.toks[i + 1].key) in s.lex.months))]
    raises = [i for i in range(s.n) if is_(i, sc.raise_verbs)]
    return markers, anchors, raises


_HOURS = frozenset({"ساعه", "ساعات"})  # base keys (الساعات → ساعات)
_DIGITS_IN = re.compile(r"\d+")


def _hours_beyond_a_day(s: _Sentence, i: int) -> bool:
    """خلال الـ72 ساعة الماضية: more than a day's hours after a word of duration (24 hours are the day's)."""
    for h in range(i + 2, min(s.n, i + 4)):
        if _base(s.toks[h].key) in _HOURS:
            count = _DIGITS_IN.search(s.toks[h - 1].key)  # the number right before: الـ72 ساعة
            return count is not None and int(count.group()) > 24
    return False


_AGO = frozenset({"قبل", "وقبل", "منذ", "ومنذ"})  # قبل ثلاثة أيام dates an event; منذ is a marker of its own
# ... and an age is no stretch of the event's time (طفلة عمرها ثلاث سنوات، البالغ 12 عاما)
_AGE = frozenset({"عمر", "عمرها", "عمره", "عمرهم", "بعمر", "البالغ", "البالغه", "البالغين", "ابن", "ابنه", "سن",
                  "يبلغ", "تبلغ"})


def _counted_out(s: _Sentence, i: int) -> bool:
    """Is the duration word at token i counted (34 يوما، ثلاثة أسابيع; a dual by itself: شهرين) and not an
    "ago" (قبل ثلاثة أيام)?"""
    if s.toks[i].key.endswith(("ين", "ان")) and len(s.toks[i].key) > 4:  # شهرين، يومين: the dual counts itself
        k = i
    elif i > 0 and (s.toks[i - 1].key.isdigit() or i - 1 in s.q_ending_at or i - 1 in s.q_at):
        k = i - 1
    else:
        return False
    return not any(s.toks[j].key in _AGO or s.toks[j].key in _AGE for j in range(max(0, k - 2), k))


def _scoped(s: _Sentence, found: list[_Found]) -> list[_Found]:
    """Each figure with its scope: a total or an earlier figure when a marker is nearer to it than any
    mention of a particular day, within reach and with no sentence stop between."""
    markers, anchors, raises = _scope_markers_in(s)
    if not anchors:
        # "hundreds were killed", "more than 1,600 were killed", "55,000 wounded" with no day of their own is how
        # a campaign's, a war's or a past event's toll is told; a single event's hundreds come with their day
        # (قتل المئات في هجوم السبت). casualties.yaml `needs_a_day`: from how many dead or wounded a figure
        # must name its day.
        need = s.lex.needs_a_day
        found = [f._replace(scope="period") if f.category in need and (
            f.best >= need[f.category] or (f.category == "killed" and _vague_hundreds(f, s.lex))) else f
            for f in found]
    if not markers:
        return found
    out = []
    for f in found:
        a = bisect_left(s.starts, f.start)
        b = max(a, bisect_left(s.starts, f.end) - 1)

        def distance(i: int) -> int | None:
            gap = 0 if a <= i <= b else (a - i if i < a else i - b)
            lo, hi = (i, a) if i < a else (b, i)
            if gap and _STRONG_STOP.search(s.text, s.toks[lo].end, s.toks[hi].start):
                return None
            if i > b and any(b < r < i for r in raises):
                return None  # the marker is in a running total's clause after the figure
            return gap
        near = [(d, kind) for i, kind in markers if (d := distance(i)) is not None and d <= _SCOPE_REACH]
        if near:
            d, kind = min(near)
            day = [x for i in anchors if (x := distance(i)) is not None]
            if not day or d < min(day):
                f = f._replace(scope=kind)
        out.append(f)
    return out


def _vague_hundreds(f: _Found, lex: _Lexicon) -> bool:
    """A vague word of hundreds or more (المئات، آلاف): its range spans the order of magnitude ("نحو 300" is
    approximate, not vague)."""
    return not f.exact and f.best >= lex.vague["hundreds"] and f.high is not None and f.high >= 9 * f.best


def _plausible(figure: "_Found | Figure") -> bool:
    return figure.best <= MAX_COUNT and (figure.high is None or figure.high <= MAX_COUNT)


# ---------------------------------------------------------------------------------------------- patterns

def _illness_near(s: _Sentence, f: _Found) -> bool:
    """An illness named within four words of an injured count: infections, not wounds (أصابت الكوليرا مليون شخص)."""
    first = bisect_left(s.starts, f.start)
    last = bisect_left(s.starts, f.end)
    return any(s.role_of(k, "illness") for k in range(max(0, first - 4), min(s.n, last + 4)))


def _in_other_context(s: _Sentence, i: int) -> bool:
    """A category word governed by a sentence, a charge or an attempt (حكم بإعدام، بتهمة قتل، محاولة اغتيال)."""
    return any(s.role_of(k, "context") and not s.gap_stops(k, i) for k in range(max(0, i - 2), i))



def _negator_at(s: _Sentence, k: int) -> bool:
    """Is token k a negator - also ولم، فلا, short particles that the clitic reading leaves whole?"""
    key = s.toks[k].key
    return bool(s.role_of(k, "negator")) or (
        key[:1] in "وف" and getattr(s.lex.roles.get(key[1:]), "role", None) == "negator")


def _negated(s: _Sentence, i: int) -> bool:
    for k in range(max(0, i - 9), i - 5):
        if _negator_at(s, k) and k + 1 < i and s.toks[k + 1].key in s.lex.result_verbs and not s.gap_stops(k, i):
            return True
    for k in range(max(0, i - 5), i):
        if _negator_at(s, k) and not s.gap_stops(k, i) and not s.role_of(k + 1, "still"):
            return True
    return False


def _counts_people(s: _Sentence, k: int) -> tuple[bool, int]:
    """Whether the quantity starting at token k can be a count of people; and the index after its noun."""
    q = s.q_at[k]
    m = s.q_end[k]
    before = s.role_of(k - 1, "subset", "block", "unit")
    if before is not None and not s.gap_stops(k - 1, k) and (
            before.role != "unit" or (before.category == "time" and s.definite[k - 1])):
        return False, m  # بينهم 3، عام 2014، الساعة الواحدة
    if _PERCENT.match(s.text, q.value_end):
        return False, m
    if m == k + 1 and s.toks[k].key.startswith(("ال", "بال")) and _base(s.toks[k].key) in _HUNDRED:
        return False, m  # المئة alone is the per cent of "60 في المئة", never a hundred people
    if q.kind == "dual":  # the noun is the quantity: قتيلان but not يومين
        return s.role[k] is None or s.role[k].role in ("person", "victim"), m
    if m < s.n and not s.gap_stops(m - 1, m):
        nxt = s.role[m]
        base = _base(s.toks[m].key)
        if (nxt is not None and nxt.role == "unit") or base in s.lex.months:
            return False, m
        if base == "في" and m + 1 < s.n and _base(s.toks[m + 1].key) in _HUNDRED:
            return False, m  # 20 في المئة
        if nxt is not None and nxt.role in ("person", "victim"):
            return True, m + 1
        if nxt is None and not s.definite[m] and _NISBA.search(s.toks[m].key):
            return True, m + 1  # 52 تكفيريا، 3 سودانيين: a nisba noun of people not in the list
        if s.toks[m].key == "من" and m + 1 < s.n and s.role_of(m + 1, "person", "victim") \
                and not s.gap_stops(m, m + 1):
            return True, m + 2  # 250 من المحتجين
    if q.kind == "exact" and isinstance(q.best, int) and 1900 <= q.best <= 2100 and _YEAR.fullmatch(
            s.text, q.value_start, q.value_end):
        return False, m  # a year
    return True, m


def _count(s: _Sentence, q: Quantity) -> tuple[int | None, int, int | None, bool]:
    """(low, best, high, exact) of a quantity, as whole people."""
    scale = 1
    if isinstance(q.best, float) and _DOTTED_THOUSANDS.fullmatch(s.text, q.value_start, q.value_end):
        scale = 1000  # 1.200 قتيل: a dot grouping thousands, since a count of people has no decimals

    def whole(v):
        return None if v is None else int(round(v * scale)) if scale != 1 else int(v)
    exact = q.kind in ("exact", "dual", "range") and q.qualifier != "approximately"
    if q.kind == "vague" and q.low is not None:  # عشرات القتلى: the convention's figure, not the range's low end
        best = _vague_best(int(q.low))
        return min(int(q.low), best), best, whole(q.high), exact
    if q.qualifier == "more_than" and q.kind != "vague" and isinstance(q.low, int):
        # أكثر من 40 قتيلا: ACLED codes the number the report states (40), as it does for "at least 40"
        return whole(q.low - 1), whole(q.low - 1), whole(q.high), exact
    return whole(q.low), whole(q.best), whole(q.high), exact


def _vague_best(low: int) -> int:
    vague = _lexicon().vague
    for bound, name in ((10, "several"), (100, "tens"), (1000, "hundreds"), (10000, "thousands")):
        if low < bound:
            return vague[name]
    return low  # عشرات الآلاف: the low end itself


def _figure_from(s: _Sentence, category: str, k: int, start: int, additive: bool = False) -> tuple[_Found, int]:
    """The figure of the quantity at token k (for `category`, evidence from `start`); and the index after it."""
    q = s.q_at[k]
    _, after = _counts_people(s, k)
    low, best, high, exact = _count(s, q)
    noun = _base(s.toks[after - 1].key) if after > s.q_end[k] else None
    end = max(q.end, s.toks[after - 1].end)
    additive = additive or (noun is not None and noun.startswith("اخر"))  # آخرين، آخرون: others
    s.used.add(k)
    return _Found(category, low, best, high, start, end, exact, noun, additive), after


def _one(category: str, start: int, end: int, noun: str, additive: bool = False) -> _Found:
    return _Found(category, 1, 1, 1, start, end, False, noun, additive or noun.startswith("اخر"))


def _some(category: str, start: int, end: int, noun: str | None) -> _Found:
    """An unknown number of at least two (مقتل جنود، اعتقال عدد من الناشطين): the convention's "several"."""
    return _Found(category, 2, _lexicon().vague["several"], None, start, end, False, noun,
                  bool(noun and noun.startswith("اخر")), unknown=True)


def _is_word(key: str, word: str, first: bool) -> bool:
    """A token key is `word` (with the article stripped), or, first in a phrase, و / ف + `word`."""
    return _base(key) == word or (first and key[:1] in "وف" and _base(key[1:]) == word)


def _some_phrase_at(s: _Sentence, i: int) -> int | None:
    """Index after a quantifier of an unknown number (عدد من، العديد من) starting at token i."""
    for phrase in s.lex.some:
        if i + len(phrase) <= s.n and all(_is_word(s.toks[i + a].key, w, a == 0) for a, w in enumerate(phrase)):
            return i + len(phrase)
    return None


def _after_trigger(s: _Sentence, i: int, role: _Role, consumed: set[int], start: int | None = None) -> list[_Found]:
    """Counts after a verbal noun or a verb (and before a verb when none follows)."""
    category = role.category
    start = s.toks[i].start if start is None else start
    out: list[_Found] = []
    j = i + 1
    negated = _negated(s, i)
    # "مقتل وإصابة 20": a second category word right after this one shares its count, unless this one
    # has its own before it (28 شخصا قتلوا وأصيب 55) or the count is of others (قتل وأصيب 5 آخرون)
    if j < s.n and s.conj[j] and s.role_of(j, "noun", "verb") and s.role[j].category != category \
            and not s.gap_stops(i, j):
        if role.role == "verb":
            before = _backward(s, i, category, consumed)
            if before:
                return before
        joint = _first_count(s, j, _VERB_WINDOW if s.role[j].role == "verb" else _NOUN_WINDOW)
        if joint is None:
            return []
        _, after = _counts_people(s, joint)
        if after > s.q_end[joint] and _base(s.toks[after - 1].key).startswith("اخر"):
            return []
        f, after = _figure_from(s, category, joint, start)
        consumed.update(range(i, after))
        high = f.high - 1 if f.high is not None else None
        return [_Found(category, 1, 1, high, start, f.end, False, f.noun, False),
                _Found(s.role[j].category, 1, 1, high, start, f.end, False, f.noun, False)]
    if j >= s.n or s.gap_stops(i, j):
        return _backward(s, i, category, consumed) if role.role == "verb" else []
    if negated:
        # no count: none (لم يصب أحد، دون وقوع إصابات); a count after a negation is still a count (لم يقتل سوى 3)
        q = s.q_at.get(j)
        if (q is None and _first_count(s, j, _NOUN_WINDOW) is None) or s.toks[j].key in ("احد", "واحد"):
            nxt = s.role[j]
            if q is not None or (nxt is not None and nxt.role in ("person", "victim")) or role.role == "noun":
                return [_Found(category, 0, 0, 0, start, s.toks[j].end, True, None, False)]
            return []
    figure, after = _count_at(s, j, category, start, role.role)
    if figure is None:
        return _backward(s, i, category, consumed) if role.role == "verb" else []
    out.append(figure)
    consumed.update(range(i, after))
    # coordinated counts: مقتل 3 جنود و5 مدنيين، مقتل جندي وشرطي
    while after < s.n and not s.gap_stops(after - 1, after):
        k = after + 1 if s.toks[after].key == "و" else after
        if k >= s.n or not (k > after or s.conj[k]) or (k > after and s.gap_stops(after, k)):
            break
        if k in s.q_at and k not in s.used:
            ok, noun_after = _counts_people(s, k)
            if not ok or noun_after == s.q_end[k]:
                break  # a bare number after و is not of the same people (مقتل 3 جنود و5 ...)
            f, after = _figure_from(s, category, k, start, additive=True)
        elif s.role_of(k, "person") and not s.role[k].plural and not s.definite[k]:
            f, after = _one(category, start, s.toks[k].end, _base(s.toks[k].key), additive=True), k + 1
        else:
            break
        out.append(f)
        consumed.update(range(i, after))
    return out


def _count_at(s: _Sentence, j: int, category: str, start: int, kind: str) -> tuple[_Found | None, int]:
    """The count right after a category word at token j, else within the window; a person noun alone.

    After a verb a person noun may be its agent (اختطف مسلحون 15 شخصا), so a count further on comes first.
    """
    if j in s.q_at and j not in s.used:
        ok, _ = _counts_people(s, j)
        if ok:
            return _figure_from(s, category, j, start)
    window = _VERB_WINDOW if kind == "verb" else _NOUN_WINDOW
    if kind == "verb":
        # a count with its people right before the verb (20 مدنيا قتلوا) before one further on
        before = _backward(s, j - 1, category, set())
        if before:
            return before[0], j
        k = _first_count(s, j, window)
        if k is not None:
            return _figure_from(s, category, k, start)
    role = s.role[j]
    if role is not None and role.role == "person":
        noun = _base(s.toks[j].key)
        nxt = j + 1
        if nxt in s.q_at and nxt not in s.used and not s.gap_stops(j, nxt) and s.q_at[nxt].kind == "exact":
            f, after = _figure_from(s, category, nxt, start)  # مدنيين اثنين، جنود ثلاثة
            return f._replace(noun=noun), after
        if not role.plural:
            return _one(category, start, s.toks[j].end, noun), j + 1
        if not s.definite[j]:
            return _some(category, start, s.toks[j].end, noun), j + 1
    after_some = _some_phrase_at(s, j)
    if after_some is not None:
        noun = None
        if after_some < s.n and s.role_of(after_some, "person", "victim"):
            noun = _base(s.toks[after_some].key)
            after_some += 1  # عدد كبير من الإرهابيين
        return _some(category, start, s.toks[after_some - 1].end, noun), after_some
    if kind == "verb":
        return None, j
    k = _first_count(s, j, window)
    if k is None:
        return None, j
    return _figure_from(s, category, k, start)


def _first_count(s: _Sentence, j: int, window: int) -> int | None:
    """Start index of the first quantity of people within `window` tokens from j, not past a category word."""
    k = j
    while k < min(s.n, j + window + 1):
        if (k > j and s.gap_stops(k - 1, k)) or s.toks[k].key == "و":
            return None  # punctuation, or a conjunction standing alone: the clause has ended
        if k in s.q_at and k not in s.used:
            ok, _ = _counts_people(s, k)
            if ok:
                return k
            k = s.q_end[k]
            if k + 1 < s.n and s.toks[k].key == "و" and k + 1 in s.q_at:
                k = s.q_end[k + 1]  # "الساعة 4 و5": the second number goes with the first
            continue
        r = s.role[k]
        if r is not None and k > j and (r.role in _REPORTING or r.role in ("tally", "subset", "break")
                                        or (r.role == "block" and s.toks[k].key in _BREAKING_BLOCKS)):
            return None
        k += 1
    return None


_ASIDE_OPENERS = frozenset("بينهم بينهن بينهما منهم".split())  # (، بينهم إيرانيون،)


def _aside_before(s: _Sentence, verb: int) -> int | None:
    """The first token of an aside between commas right before the verb that names some of those counted
    ("، بينهم إيرانيون، قتلوا"), or None."""
    if verb < 3:
        return None
    if not s.gap_stops(verb - 1, verb):
        # «ستة أشخاص من بينهم طفلة قتلوا»: an aside without commas, (من) بينهم and a word or two, right before the verb
        for t in range(verb - 2, max(0, verb - 4) - 1, -1):
            if s.gap_stops(t, verb - 1):
                return None
            if s.toks[t].key in _ASIDE_OPENERS:
                return t - 1 if t > 0 and s.toks[t - 1].key == "من" else t
        return None
    if s.text[s.toks[verb - 1].end:s.toks[verb].start].strip() not in "،,":
        return None
    for t in range(verb - 1, max(0, verb - 5) - 1, -1):
        if s.toks[t].key in _ASIDE_OPENERS:
            return t if t > 0 and s.gap_stops(t - 1, t) and not s.gap_stops(t, verb - 1) else None
    return None


def _backward(s: _Sentence, i: int, category: str, consumed: set[int]) -> list[_Found]:
    """A count before a verb, with its person noun: "5 أشخاص قتلوا", "ستة صحافيين فلسطينيين أصيبوا"."""
    verb = i
    aside = _aside_before(s, verb)
    if aside is not None:
        i = aside  # 14 مقاتلا على الأقل، بينهم إيرانيون، قتلوا: the count stands before the aside
    while i > 0 and strip_article(s.toks[i - 1].key) in _HEDGES:
        i -= 1  # 16 شخصا على الأقل قد قتلوا: the count stands before the hedges
    # no punctuation may stand between the count and this token (the comma opening an aside may follow the count)
    clean_to = verb if aside is None else (i if i < aside else aside - 1)
    for m in range(i, max(0, i - 3) - 1, -1):
        k = s.q_ending_at.get(m)  # a numeral ending right before token m
        if k is None or k in s.used or s.gap_stops(k, clean_to):
            continue
        ok, after = _counts_people(s, k)
        if ok and not all(_NISBA.match(word) or word in _TIME_WORDS or word.startswith("اخر")
                          for word in (strip_article(s.toks[g].key) for g in range(after, i))):
            # (آخرين، آخرون between are "more", not another noun: 5 عسكريين آخرين أصيبوا)
            continue  # شيع آلاف الفلسطينيين السبت مسعفة قتلت: another noun stands between; it is the subject
        if ok and (after > s.q_end[k] or s.q_at[k].kind == "dual"):  # with its noun, or a dual (رجلين أصيبا)
            f, _ = _figure_from(s, category, k, s.toks[k].start)
            consumed.update(range(k, verb + 1))
            return [f._replace(end=s.toks[verb].end)]
    return []


def _death_idiom(s: _Sentence, i: int, consumed: set[int]) -> list[_Found]:
    """لقي 5 أشخاص حتفهم / 5 أشخاص لقوا حتفهم / امرأة لقيت حتفها."""
    lead = next((k for k in range(i - 1, max(-1, i - _IDIOM_WINDOW), -1) if s.role_of(k, "lead")), None)
    if lead is None or s.gap_stops(lead, i):
        return []
    end = s.toks[i].end
    for k in range(lead + 1, i):
        if k in s.q_at and k not in s.used and _counts_people(s, k)[0]:
            f, _ = _figure_from(s, "killed", k, s.toks[lead].start)
            consumed.update(range(lead, i + 1))
            return [f._replace(end=end)]
    before = _backward(s, lead, "killed", consumed)
    if before:
        return [before[0]._replace(end=end)]
    for m in (lead, lead - 1):  # the idiom is strong enough for a count with any noun: 4 متسلقين لقوا مصرعهم
        k = s.q_ending_at.get(m)
        if k is not None and k not in s.used and not s.gap_stops(k, lead) and _counts_people(s, k)[0]:
            f, _ = _figure_from(s, "killed", k, s.toks[k].start)
            consumed.update(range(k, i + 1))
            return [f._replace(end=end)]
    for k in (lead + 1, lead - 1):
        if 0 <= k < s.n and s.role_of(k, "person") and not s.gap_stops(min(k, lead), max(k, lead)):
            a = min(s.toks[k].start, s.toks[lead].start)
            noun = _base(s.toks[k].key)
            consumed.update(range(min(k, lead), i + 1))
            if not s.role[k].plural:
                return [_one("killed", a, end, noun)]
            if not s.definite[k]:
                return [_some("killed", a, end, noun)]
    return []


def _phrase_at(s: _Sentence, i: int) -> tuple[str, int] | None:
    """(category, index of its first word) of a phrase ending at token i, its other words in order within
    the four tokens before each (أودى بحياة، أودى الانفجار بحياة)."""
    for before, category in s.lex.phrases.get(_classify_base(s.toks[i].key), ()):
        k = i
        for word in reversed(before):
            k = next((m for m in range(k - 1, max(-1, k - 5), -1) if _is_word(s.toks[m].key, word, True)), None)
            if k is None or s.gap_stops(k, i):
                break
        else:
            return category, k
    return None


def _classify_base(key: str) -> str:
    roles = _lexicon().roles
    return next((base for _, base in clitic_bases(key) if base in roles), key)


def _victim(s: _Sentence, i: int, role: _Role, consumed: set[int]) -> list[_Found]:
    """Victim nouns: 50 قتيلا، عشرات الجرحى، العشرات من القتلى، قتيلان، سقوط قتيل، سقوط قتلى وجرحى."""
    category = role.category
    noun = _base(s.toks[i].key)
    end = s.toks[i].end
    # a dual victim noun is a quantity of its own (قتيلان)
    q = s.q_at.get(i)
    if q is not None and q.kind == "dual" and i not in s.used:
        f, _ = _figure_from(s, category, i, q.start)
        consumed.add(i)
        return [f]
    if i >= 1 and s.toks[i - 1].key == "بين":
        # عشرات العراقيين بين قتيل وجريح: a count shared between the two categories
        j = i + 1
        if j < s.n and s.conj[j] and s.role_of(j, "victim") and s.role[j].category != category:
            k = next((s.q_ending_at[m] for m in (i - 1, i - 2, i - 3) if m in s.q_ending_at
                      and s.q_ending_at[m] not in s.used and not s.gap_stops(s.q_ending_at[m], i)), None)
            if k is not None:
                _, _, high, _ = _count(s, s.q_at[k])
                s.used.add(k)
                consumed.update(range(k, j + 1))
                joint_high = high - 1 if high is not None else None
                a, b = s.q_at[k].start, s.toks[j].end
                return [_Found(category, 1, 1, joint_high, a, b, False, noun, False),
                        _Found(s.role[j].category, 1, 1, joint_high, a, b, False, noun, False)]
        return []
    k = s.q_ending_at.get(i)
    if k is None and i >= 1 and s.toks[i - 1].key == "من":
        k = s.q_ending_at.get(i - 1)  # العشرات من القتلى
    if k is not None and s.q_at[k].kind != "vague" and s.definite[i]:
        k = None  # أحد القتلى، ثلاثة من الجرحى: some of the victims, not the toll
    if k is not None and _in_other_context(s, k):
        return []  # الإفراج عن 20 معتقلا
    if k is not None and k not in s.used and not s.role_of(k - 1, "subset", "block"):
        low, best, high, exact = _count(s, s.q_at[k])
        s.used.add(k)
        consumed.update(range(k, i + 1))
        # عشرات القتلى والجرحى: a count shared with a second category
        j = i + 1
        if j < s.n and s.conj[j] and s.role_of(j, "victim") and s.role[j].category != category \
                and not s.gap_stops(i, j):
            consumed.add(j)
            joint_high = high - 1 if high is not None else None
            a = s.q_at[k].start
            return [_Found(category, 1, 1, joint_high, a, s.toks[j].end, False, noun, False),
                    _Found(s.role[j].category, 1, 1, joint_high, a, s.toks[j].end, False, noun, False)]
        return [_Found(category, low, best, high, s.q_at[k].start, end, exact, noun, False)]
    if not role.alone:
        return []  # معتقلين، مصاب: a state as often as a casualty, counted only with a number
    if s.definite[i]:
        # القتلى counts nothing, unless a quantifier of an unknown number comes before: سقوط عدد من القتلى
        for back in range(max(0, i - 4), i):
            if _some_phrase_at(s, back) == i:
                consumed.add(i)
                out = [_some(category, s.toks[back].start, end, noun)]
                j = i + 1  # عدد من القتلى والجرحى
                if j < s.n and s.conj[j] and s.role_of(j, "victim") and s.role[j].category != category \
                        and not s.gap_stops(i, j):
                    consumed.add(j)
                    out.append(_some(s.role[j].category, s.toks[back].start, s.toks[j].end, noun))
                return out
        return []
    if _negated(s, i):
        return [_Found(category, 0, 0, 0, s.toks[i].start, end, True, noun, False)]
    if i > 0 and (i - 1) in s.q_ending_at:
        return []  # a count of something else right before (not of people)
    consumed.add(i)
    if not role.plural:
        return [_one(category, s.toks[i].start, end, noun)]
    return [_some(category, s.toks[i].start, end, noun)]


def _tally(s: _Sentence, i: int) -> list[_Found]:
    """حصيلة القتلى ... إلى 137 / بلغ عدد الجرحى 30."""
    victim = next((k for k in (i + 1, i + 2) if k < s.n and s.role_of(k, "victim") and s.role[k].plural
                   and s.definite[k] and not s.gap_stops(i, k)), None)
    if victim is None or victim + 1 >= s.n or s.gap_stops(victim, victim + 1):
        return []
    k = _first_count(s, victim + 1, 6)
    if k is None:
        return []
    f, _ = _figure_from(s, s.role[victim].category, k, s.toks[i].start)
    return [f._replace(secondary=True)]


def _combine(figures: list[_Found]) -> Figure | None:
    """One figure of a category from its counts in the sentence.

    A category word's own counts come first; victim nouns and tallies are used when there are none, or
    when they are explicitly more people (آخرين); a bare plural only when nothing is counted. The counts of a sentence add up (مقتل 3 جنود و5 مدنيين؛
    اعتقل النظام 476 شخصا بينما اعتقلت قوات أخرى 41 شخصا), except a repetition of the same count of the
    same people, which is one.
    """
    if not figures:
        return None
    primary = [f for f in figures if not f.secondary]
    if primary:
        figures = primary + [f for f in figures if f.secondary and f.additive]
    counted = [f for f in figures if not f.unknown]
    if counted:
        figures = counted  # مقتل جنود ... أربعة جنود استشهدوا: the bare plural is the same people
    total = figures[0]
    low, best, high = total.low, total.best, total.high
    exact, start, end = total.exact, total.start, total.end
    seen = {(total.best, total.noun)}
    for f in figures[1:]:
        start, end = min(start, f.start), max(end, f.end)
        if (f.best, f.noun) in seen and not f.additive:
            continue
        seen.add((f.best, f.noun))
        low = None if low is None or f.low is None else low + f.low
        best += f.best
        high = None if high is None or f.high is None else high + f.high
        exact = exact and f.exact
    return Figure(low, best, high, start, end, exact)
