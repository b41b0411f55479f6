"""Phrase look-up over Arabic tokens: the dictionaries' words and phrases found in text, clitics and all.

A phrase is stored under the match keys of its words (etl.text.tokens: folded letters, article ال off),
joined by spaces. In text, the first word of a phrase may carry proclitics (و ف ب ل ك, the article,
لل) and the following words may carry the article; longest phrases win and matches do not overlap.

Verbs are listed once, as "perfect/imperfect" of the third person masculine singular (قصف/يقصف), and
their common inflections are generated here: news needs past and present, singular, dual and plural,
the future prefix سـ and the object pronouns (استهدفته، قصفوها). Without diacritics most passives are
spelled like the active (قُتل = قتل), so they need no forms of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

from etl.text.tokens import Openings, Token, fold, original_length, strip_article, tokenize

P = TypeVar("P")

_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني")
# Between the words of one phrase only spaces, hyphens, tatweel and zero-width joiners may stand.
_GLUE = frozenset(" \u00a0-\u0640\u200c\u200d")
QUOTED_GLUE = _GLUE | frozenset('"«»“”„')  # the words of a quoted name may stand apart by its quotes


def verb_forms(spec: str) -> set[str]:
    """Inflected forms (folded) of a verb given as 'perfect/imperfect' of the 3rd person masc. singular."""
    return set(verb_tenses(spec))


def verb_tenses(spec: str) -> dict[str, str]:
    """Inflected forms (folded) of a verb -> 'past' or 'present' (the future with سـ counts as present)."""
    try:
        perfect, imperfect = (fold(part.strip()) for part in spec.split("/"))
    except ValueError:
        raise ValueError(f"verb {spec!r} must be written 'perfect/imperfect', e.g. قصف/يقصف") from None
    if not perfect or len(imperfect) < 3 or imperfect[0] != "ي":
        raise ValueError(f"verb {spec!r}: the imperfect must be the 3rd person, starting with ي")
    if perfect.endswith(("ي", "ا")) and len(perfect) > 3:  # defective: رمى، دعا، اعتدى
        base = perfect[:-1]
        past = {perfect, base + "ت", base + "وا", base + "يا", base + "تا"}
        past_objects = [perfect, base + "ت", base + "و"]
    elif len(perfect) == 3 and perfect[1] == "ا":  # hollow: زار، قاد - زاره would also read و+زارة (وزارة)
        past = {perfect} | {perfect + s for s in ("ت", "وا", "ا", "تا")}
        past_objects = []
    else:
        past = {perfect} | {perfect + s for s in ("ت", "وا", "ا", "تا", "نا", "تم", "ن")}
        past_objects = [perfect, perfect + "ت", perfect + "و", perfect + "تم", perfect + "نا"]
    stem = imperfect[1:]
    weak_end = stem.endswith(("ي", "و")) and len(stem) > 2  # يعتدي، يدعو
    plural_stem = stem[:-1] if weak_end else stem
    present = {p + stem for p in "يتن"}
    present |= {p + plural_stem + "ون" for p in "يت"} | {p + plural_stem + "وا" for p in "يت"}
    present |= {p + stem + s for p in "يت" for s in ("ان", "ا")} | {"ي" + stem + "ن", "ت" + plural_stem + "ين"}
    present |= {"س" + f for f in present} | {"سا" + stem}
    # أ + stem, folded, is "I strike" and the passive past that news writes far more often (أصيب، أدين، أعدم):
    # it reads as past
    past.add("ا" + stem)
    present_objects = ["ي" + stem, "ت" + stem, "ن" + stem, "ي" + plural_stem + "و", "ت" + plural_stem + "و"] \
        if past_objects else []
    past |= {s + pronoun for s in past_objects for pronoun in _OBJECT_PRONOUNS}
    present |= {prefix + s + pronoun for s in present_objects for pronoun in _OBJECT_PRONOUNS for prefix in ("", "س")}
    tenses = {form: "present" for form in present}
    tenses.update({form: "past" for form in past})  # a spelling shared by both reads as past (قتلت)
    return tenses


# Not ـه: folded, طعنه (his stabbing) is طعنة (a stab, also "a stab in the back"); the dictionaries list
# the ـه forms they want (قتله، اغتياله).
_POSSESSIVES = ("ها", "هم", "هما", "هن")


def _suffixed(word: str, ending: str) -> str:
    """The word with an ending; teh marbuta becomes teh before it (غارة -> غارتها، غارتين)."""
    return (word[:-1] + "ت" if word.endswith("ة") else word) + ending


def possessive_forms(noun: str, pronouns: tuple[str, ...] = _POSSESSIVES) -> list[str]:
    """A one-word noun with the possessive pronouns news uses on event nouns (اغتيالها، قنابلهم); teh
    marbuta becomes teh before them (غارتها). Phrases and accusative forms (-ا) get none."""
    noun = noun.strip()
    if " " in noun or noun.endswith("ا") or len(noun) < 3:
        return []
    return [_suffixed(noun, pronoun) for pronoun in pronouns]


def _agrees(noun: str, adjective: str) -> bool:
    """Is `adjective` an adjective agreeing with `noun` (عبوة ناسفة، هجوم انتحاري، قصف مدفعي) rather
    than a noun in construct (عملية طعن، أعمال عنف)? Read from the endings only: a feminine noun takes a
    feminine adjective; a masculine one a nisba (-ي) or a participle (م-)."""
    if adjective.startswith(("ب", "ل", "ال")) or len(adjective) < 3:
        return False
    if noun.endswith("ة"):
        return adjective.endswith("ة")
    return not adjective.endswith("ة") and (adjective.endswith("ي") or adjective.startswith("م"))


def dual_forms(noun: str) -> list[str]:
    """The dual of a singular, indefinite event noun, in both cases: هجوم -> هجومين / هجومان, غارة ->
    غارتين / غارتان; in a phrase ending with noun + adjective, both agree (انفجار عبوتين ناسفتين، هجومين
    انتحاريين). Plurals (-ات, -ون, -ين), accusatives (-ا), definite words and phrases ending otherwise get none."""
    words = noun.split()
    if not words or any(w.startswith("ال") for w in words[-2:]):
        return []

    def singular(w: str) -> bool:
        return len(w) >= 3 and not w.endswith(("ا", "ى", "ات", "ون", "ين", "ان"))

    if len(words) == 1:
        return [_suffixed(words[0], e) for e in ("ين", "ان")] if singular(words[0]) else []
    head, adjective = words[-2], words[-1]
    if not (singular(head) and singular(adjective) and _agrees(head, adjective)):
        return []
    return [" ".join(words[:-2] + [_suffixed(head, e), _suffixed(adjective, e)]) for e in ("ين", "ان")]


def accusative_form(noun: str) -> str | None:
    """The indefinite accusative of a one-word noun, as news writes it without its nunation mark: متمرد ->
    متمردا, مقاتل -> مقاتلا ("قتلت القوات 30 متمردا"). None for definite words, phrases, the endings that
    take no alif (teh marbuta, -ا، -ى، -ء, sound plurals and duals) and nisbas, whose accusative is mostly
    an adjective (موقعا عسكريا، تنظيما إرهابيا: the lists name the ones they want, مدنيا، جنديا)."""
    noun = noun.strip()
    if " " in noun or noun.startswith("ال") or len(noun) < 3 or \
            noun.endswith(("ة", "ا", "ى", "ء", "ي", "ات", "ون", "ين", "ان")):
        return None
    return noun + "ا"


def construct_form(noun: str) -> str | None:
    """The nominative construct of a one-word sound masculine plural, which loses its nun before a
    genitive: مقاتلون -> مقاتلو ("خطفهم مقاتلو الطوارق"). None for anything else (the -ين construct, -ي, is
    left out: شخصين would give شخصي, "personal")."""
    noun = noun.strip()
    if " " in noun or noun.startswith("ال") or len(noun) < 5 or not noun.endswith("ون"):
        return None
    return noun[:-1]


def phrase_key(phrase: str) -> tuple[str, bool]:
    """(key, definite) of a dictionary phrase: folded words without the article, joined by spaces; and
    whether its first word is written with the article."""
    tokens = tokenize(phrase)
    if not tokens:
        raise ValueError(f"empty phrase {phrase!r}")
    words = [strip_article(t.key) for t in tokens]
    return " ".join(words), tokens[0].key.startswith("ال") and len(tokens) == 1


@dataclass(slots=True)
class Match(Generic[P]):
    first: int  # token indices [first, last)
    last: int
    clitic: int  # folded letters of proclitic on the first token
    key: str
    payloads: list[P]
    start: int  # character offsets into the text (proclitic excluded)
    end: int


class PhraseIndex(Generic[P]):
    """Dictionary phrases -> payloads, found in token sequences."""

    def __init__(self, definite_sensitive: bool = False) -> None:
        self._index: dict[str, list[tuple[P, bool]]] = {}
        self._prefixes: set[str] = set()
        self.max_words = 1
        # token key -> its clitic readings that begin some entry (most words begin none)
        self._openings = Openings(lambda base: base in self._index or base in self._prefixes)
        # When set, a one-word entry written with the article (القاعدة) only matches a definite word in
        # text: لقاعدة (to a base) is not القاعدة (al-Qaeda).
        self.definite_sensitive = definite_sensitive

    def __len__(self) -> int:
        return len(self._index)

    def add(self, phrase: str, payload: P, folded: bool = False) -> None:
        if folded:  # generated verb forms: already folded single words
            key, definite = strip_article(phrase), False
        else:
            key, definite = phrase_key(phrase)
        words = key.split(" ")
        self.max_words = max(self.max_words, len(words))
        for n in range(1, len(words)):
            self._prefixes.add(" ".join(words[:n]))
        self._openings.clear()
        entries = self._index.setdefault(key, [])
        if all(existing is not payload for existing, _ in entries):
            entries.append((payload, definite))

    def keys(self) -> Iterable[str]:
        return self._index.keys()

    def has(self, phrase: str) -> bool:
        """Is the phrase (written as in a dictionary) already stored, with any payload?"""
        return phrase_key(phrase)[0] in self._index

    def find(self, text: str, tokens: list[Token], lo: int = 0, hi: int | None = None,
             glue: frozenset[str] = _GLUE) -> list[Match[P]]:
        """Non-overlapping longest matches in tokens[lo:hi], left to right; `glue`: the characters that may stand
        between the words of one entry (a name's quotes: فض اعتصام "رابعة العدوية")."""
        hi = len(tokens) if hi is None else hi
        index, prefixes, openings = self._index, self._prefixes, self._openings
        found: list[Match[P]] = []
        i = lo
        while i < hi:
            best: Match[P] | None = None
            for clitic, base in openings[tokens[i].key]:
                key, j = base, i + 1
                while True:
                    entries = index.get(key)
                    if entries:
                        definite = tokens[i].key[:clitic].endswith(("ال", "لل")) if clitic \
                            else tokens[i].key.startswith("ال")
                        payloads = [p for p, needs_article in entries
                                    if not (needs_article and self.definite_sensitive and not definite)]
                        if payloads and (best is None or j - i > best.last - best.first):
                            best = Match(i, j, clitic, key, payloads, 0, 0)
                    if j >= hi or j - i >= self.max_words or key not in prefixes:
                        break
                    gap = text[tokens[j - 1].end:tokens[j].start]
                    if len(gap) > 3 or any(ch not in glue for ch in gap):
                        break
                    key = key + " " + strip_article(tokens[j].key)
                    j += 1
            if best is None:
                i += 1
                continue
            best.start = tokens[i].start + original_length(tokens[i].text, best.clitic)
            best.end = tokens[best.last - 1].end
            found.append(best)
            i = best.last
        return found

