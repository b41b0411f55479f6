"""Arabic morphological analyzers that ship their data inside the pip package: coverage, speed, hard cases.

Stand-alone: it does not import etl/ (whose tokenizer needs camel-tools) and runs in a separate venv:

    python3 -m venv /work/morph-venv
    /work/morph-venv/bin/pip install qalsadi==0.5.1 arramooz-pysqlite==0.4.2 farahidi==0.4.0 \
        naftawayh==0.4 pyarabic==0.6.15 tashaphyne==0.3.6 farasapy==0.1.1
    unshare -n /work/morph-venv/bin/python bench/bench_morphology.py      # unshare -n: no network at all

Options: --types N (most frequent word types, 20,000), --sample N (random running tokens, 2,000),
--speed-tokens N (running tokens timed, 20,000), --only NAME[,NAME] (analyzers), --skip-coverage,
--skip-speed, --skip-cases.

Analyzers (each skipped with a message when it does not import or cannot run offline):
  qalsadi    full analyzer over the Arramooz dictionary (lemma, POS, clitics); context: its Lemmatizer
  farahidi   pure-Python port of AlKhalil Morpho Sys 2 (lemma, root, POS, clitics, proper nouns);
             context: its lemma-bigram Disambiguator (AlKhalil's ADAT)
  naftawayh  word-type guesser: n / v / t (tool word) or ambiguous, no lemma; context: previous words
  pyarabic   no analyzer: only its proper-noun list (pyarabic.propernouns, mostly classical person names;
             its own is_proper_noun sees an empty list in 0.6.15, so the list is parsed here)
  tashaphyne light stemmer (stem, root), no POS: a speed baseline
  farasapy   wrapper that needs Farasa's jar, downloaded on first use; skipped unless the jar is present

1. Coverage: word tokens (the regex of etl/text/tokens.py, Arabic letters only) of the "text" field of
   the ANT corpus; the share of the N most frequent types, and of a random sample of running tokens,
   for which the analyzer returns at least one analysis with a lemma and a part of speech (naftawayh:
   a POS guess only; tashaphyne: a stem only — shown apart, they have no lemma+POS).
2. Speed on one core (the process is pinned to one CPU): running tokens from randomly chosen articles,
   (a) cold: the analyzer's own internal caches (every dict attribute named *cache*) cleared before
   each token, (b) as shipped: a fresh instance with its own caches, (c) with functools.lru_cache over
   the word form on top of (b).
3. The cases the event coder needs decided: every analyzer's top readings of each word alone, a
   check per needed reading (coarse POS + bare lemma), and the word in a short sentence for the
   analyzers that use context.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import importlib.metadata as md
import json
import os
import platform
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant_multisource" / "middleEast_2018.jsonl.gz"

# Same word pattern as etl/text/tokens.py (letters, digits and in-word marks), then Arabic words only.
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+")
_ARABIC_WORD = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u0610-\u061A\u064B-\u065F\u0670\u0640]+$")
_DIAC = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


def bare(s: str | None) -> str:
    """Lemma without diacritics and with one alef, for comparing lemmas across analyzers."""
    return _DIAC.sub("", s or "").translate(_ALEF)


class Reading(NamedTuple):
    lemma: str
    pos: str  # the analyzer's own label
    coarse: str  # VERB NOUN ADJ PROPN VN APTCP PPTCP PART (or TAG:x for naftawayh, STEM for tashaphyne)
    proclitics: str
    enclitics: str
    score: float


# ----------------------------------------------------------------------------------------- adapters

def _clear_caches(obj, depth: int = 3, seen: set | None = None) -> None:
    """Empty every dict attribute whose name contains 'cache', in obj and the objects it holds."""
    seen = seen if seen is not None else set()
    if depth < 0 or id(obj) in seen or not hasattr(obj, "__dict__"):
        return
    seen.add(id(obj))
    for name, val in list(vars(obj).items()):
        if isinstance(val, dict) and "cache" in name.lower():
            val.clear()
        elif hasattr(val, "__dict__") and not isinstance(val, type) and type(val).__module__.split(".")[0] not in (
                "builtins", "sqlite3", "re"):
            _clear_caches(val, depth - 1, seen)


class Adapter:
    name = ""
    packages: tuple[str, ...] = ()
    full = True  # gives lemma + POS
    context = False

    def analyze(self, word: str) -> list[Reading]:
        raise NotImplementedError

    def reset(self) -> None:
        _clear_caches(self)

    def in_context(self, tokens: list[str]) -> list[str]:
        return []


class Qalsadi(Adapter):
    name = "qalsadi"
    packages = ("qalsadi", "arramooz-pysqlite", "alyahmor", "libqutrub", "naftawayh", "pyarabic")
    context = True

    def __init__(self) -> None:
        import qalsadi.analex
        self.an = qalsadi.analex.Analex()  # no tag guessing, no on-disk cache (its defaults)
        self._lem = None

    @staticmethod
    def _coarse(t: str) -> str:
        if t.startswith("Verb"):
            return "VERB"
        if t.startswith("STOPWORD"):
            return "PART"
        if "علم" in t:
            return "PROPN"
        if "منسوب" in t:
            return "ADJ"
        if "اسم فاعل" in t:
            return "APTCP"
        if "اسم مفعول" in t:
            return "PPTCP"
        if "مصدر" in t:
            return "VN"
        return "NOUN"

    def analyze(self, word: str) -> list[Reading]:
        out: dict[tuple, Reading] = {}
        for c in self.an.check_word(word):
            d = c.__dict__
            t = d.get("type") or ""
            if t == "unknown" or not d.get("lemma"):
                continue
            affix = d.get("affix") or ("", "", "", "")
            r = Reading(d["lemma"], t, self._coarse(t), affix[0], affix[3], float(d.get("freq") or 0))
            out.setdefault(r[:5], r)
        return sorted(out.values(), key=lambda r: -r.score)

    def in_context(self, tokens: list[str]) -> list[str]:
        if self._lem is None:
            import qalsadi.lemmatizer
            self._lem = qalsadi.lemmatizer.Lemmatizer()
        return [f"{lemma}/{pos}" for lemma, pos in self._lem.lemmatize_text(" ".join(tokens), return_pos=True)]


class Farahidi(Adapter):
    name = "farahidi"
    packages = ("farahidi",)
    context = True

    def __init__(self) -> None:
        import farahidi
        self.az = farahidi.Analyzer()
        self._dis = None

    @staticmethod
    def _coarse(pos: str, typ: str | None) -> str:
        typ = typ or ""
        if pos == "فعل":
            return "VERB"
        if pos == "حرف":
            return "PART"
        if "علم" in typ:
            return "PROPN"
        if "نسبة" in typ:
            return "ADJ"
        if "اسم فاعل" in typ:
            return "APTCP"
        if "اسم مفعول" in typ:
            return "PPTCP"
        if "مصدر" in typ:
            return "VN"
        if "ظرف" in typ:
            return "ADV"
        return "NOUN"

    def analyze(self, word: str) -> list[Reading]:
        out: dict[tuple, Reading] = {}
        for a in self.az.analyze(word):
            if not a.lemma or not a.pos:
                continue
            r = Reading(a.lemma, f"{a.pos}/{a.type}" if a.type else a.pos, self._coarse(a.pos, a.type),
                        "+".join(p.form for p in a.proclitics), "+".join(p.form for p in a.enclitics), a.score)
            out.setdefault(r[:5], r)
        return list(out.values())  # farahidi's order: by its corpus score

    def in_context(self, tokens: list[str]) -> list[str]:
        if self._dis is None:
            import farahidi
            self._dis = farahidi.Disambiguator(self.az)
        res = []
        for tok in self._dis.disambiguate(tokens):
            pos = sorted({r.coarse for r in self.analyze(tok.token) if r.lemma == tok.lemma})
            res.append(f"{tok.lemma}/{','.join(pos) or '?'}" if tok.analyzed else f"{tok.token}/unanalyzed")
        return res


class Naftawayh(Adapter):
    name = "naftawayh"
    packages = ("naftawayh", "tashaphyne", "pyarabic")
    full = False
    context = True

    def __init__(self) -> None:
        import naftawayh.wordtag
        self.tg = naftawayh.wordtag.WordTagger()

    def analyze(self, word: str) -> list[Reading]:
        tag = self.tg.one_word_tagging(word)
        return [Reading("", tag, f"TAG:{tag}", "", "", 0.0)] if tag else []

    def in_context(self, tokens: list[str]) -> list[str]:
        return self.tg.word_tagging(tokens)


class PyArabic(Adapter):
    name = "pyarabic"
    packages = ("pyarabic",)
    full = False

    def __init__(self) -> None:
        import pyarabic.araby
        import pyarabic.propernouns
        self.araby = pyarabic.araby
        self.names = dict(pyarabic.propernouns.PROPER_NOUNS)
        if not self.names:
            # pyarabic 0.6.15 ships its list with spaces where its parser expects tabs, so PROPER_NOUNS
            # (and pyarabic.named.is_proper_noun) is empty: parse "name  label" lines here instead.
            for line in pyarabic.propernouns.TEXT.splitlines():
                m = re.match(r"^(.*?)\s+(اسم علم.*|[a-z]+)\s*$", line.strip())
                if m:
                    self.names[m.group(1)] = m.group(2)

    def analyze(self, word: str) -> list[Reading]:
        w = self.araby.strip_tashkeel(word)
        for form, proc in ((w, ""), (w[2:], "ال") if w.startswith("ال") else (None, "")):
            if form and form in self.names:
                return [Reading(form, f"proper noun list: {self.names[form]}", "PROPN", proc, "", 0.0)]
        return []


class Tashaphyne(Adapter):
    name = "tashaphyne"
    packages = ("tashaphyne",)
    full = False

    def __init__(self) -> None:
        import tashaphyne.stemming
        self.st = tashaphyne.stemming.ArabicLightStemmer()

    def analyze(self, word: str) -> list[Reading]:
        stem = self.st.light_stem(word)
        return [Reading(stem, f"stem, root {self.st.get_root()}", "STEM", self.st.get_prefix(),
                        self.st.get_suffix(), 0.0)] if stem else []


class Farasa(Adapter):
    name = "farasapy"
    packages = ("farasapy",)

    def __init__(self) -> None:
        import farasa
        jar = Path(farasa.__file__).parent / "farasa_bin" / "lib" / "FarasaSegmenterJar.jar"
        if not jar.is_file():  # farasapy would download farasa_bin.zip from its own server: not reachable
            raise RuntimeError(f"Farasa's jar is not installed ({jar} missing; farasapy downloads it at first use)")
        from farasa.pos import FarasaPOSTagger
        self.tagger = FarasaPOSTagger(interactive=True)

    def analyze(self, word: str) -> list[Reading]:
        tagged = self.tagger.tag(word)
        return [Reading(word, tagged, "FARASA", "", "", 0.0)] if tagged else []


ADAPTERS: list[type[Adapter]] = [Qalsadi, Farahidi, Naftawayh, PyArabic, Tashaphyne, Farasa]


def version_and_licence(pkg: str) -> str:
    try:
        m = md.metadata(pkg)
    except md.PackageNotFoundError:
        return f"{pkg} (not installed)"
    lic = m.get("License-Expression") or m.get("License") or ""
    classifiers = [c.split("::")[-1].strip() for c in (m.get_all("Classifier") or []) if c.startswith("License")]
    if not lic or lic == "UNKNOWN":
        lic = "; ".join(classifiers) or "none in metadata"
        for f in (m.get_all("License-File") or []):
            for name in (f"licenses/{f}", f):
                text = md.distribution(pkg).read_text(name)
                if text:
                    lic += f" (licence file: {text.strip().splitlines()[0]})"
                    break
    return f"{pkg}=={m['Version']} [{lic}]"


# ------------------------------------------------------------------------------------------ corpus

def load_corpus(path: Path) -> list[list[str]]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            docs.append([w for w in _WORD.findall(text) if _ARABIC_WORD.match(w)])
    return docs


# ------------------------------------------------------------------------------------------- cases

# (word, what is needed, sentences, checks: label -> predicate on a Reading)
def _has(coarse: set[str], *lemmas: str, proc: str | None = None, enc: str | None = None):
    want = {bare(x) for x in lemmas}

    def check(r: Reading) -> bool:
        if r.coarse not in coarse or (want and bare(r.lemma) not in want):
            return False
        if proc is not None and proc not in bare(r.proclitics):
            return False
        return enc is None or enc in bare(r.enclitics)
    return check


NOUNISH = {"NOUN", "VN", "ADJ", "APTCP", "PPTCP"}
CASES: list[tuple[str, str, list[str], dict[str, Callable[[Reading], bool]]]] = [
    ("المالي", "adjective 'financial' (nisba) vs Mali / Malian",
     ["أكد الوزير أن العجز المالي تراجع هذا العام", "قتل جنود من الجيش المالي في هجوم قرب تمبكتو"],
     {"nisba adjective مالي": _has({"ADJ"}, "مالي"), "proper noun مالي (Mali)": _has({"PROPN"}, "مالي")}),
    ("بأنه", "particle ب+أن+ه 'that he'",
     ["وصفت المنظمة الحكم بأنه هجوم على حرية التعبير"],
     {"أن + proclitic ب + enclitic ه": _has({"PART"}, "أن", "إن", proc="ب", enc="ه")}),
    ("المائة", "'percent / hundred' vs a place",
     ["ارتفعت الأسعار بنسبة عشرين في المائة"],
     {"noun مائة/مئة": _has(NOUNISH, "مائة", "مئة", "ماءة"), "proper noun (place)": _has({"PROPN"})}),
    ("الحديثة", "'modern' adjective vs the town Haditha",
     ["استخدم الجيش الأسلحة الحديثة في المعركة", "سيطرت القوات على مدينة الحديثة غرب الأنبار"],
     {"adjective/noun حديث(ة)": _has(NOUNISH, "حديث", "حديثة"), "proper noun حديثة": _has({"PROPN"})}),
    ("العمارة", "'architecture' noun vs the city Amarah",
     ["حصل المهندس على جائزة العمارة", "انفجرت سيارة مفخخة في مدينة العمارة جنوب العراق"],
     {"noun عمارة": _has(NOUNISH, "عمارة"), "proper noun عمارة": _has({"PROPN"})}),
    ("سلالة", "noun 'strain / dynasty'",
     ["رصدت السلطات سلالة جديدة من إنفلونزا الطيور"],
     {"noun سلالة": _has(NOUNISH, "سلالة")}),
    ("بموجب", "preposition 'under' (ب + موجب)",
     ["أفرج عن المعتقلين بموجب اتفاق وقف إطلاق النار"],
     {"ب + موجب": _has(NOUNISH | {"PART"}, "موجب", proc="ب")}),
    ("بورصة", "noun 'stock exchange'",
     ["تراجعت أسهم بورصة دبي اليوم"],
     {"noun بورصة": _has(NOUNISH | {"PROPN"}, "بورصة")}),
    ("دوما", "'always' adverb (also Douma, the town in Eastern Ghouta)",
     ["أكد الوزير أن بلاده تقف دوما إلى جانب الشعب", "تعرضت مدينة دوما في الغوطة الشرقية لقصف عنيف"],
     {"noun/adverb دوم": _has(NOUNISH | {"ADV"}, "دوم", "دوما"), "proper noun دوما": _has({"PROPN"}, "دوما")}),
    ("دومًا", "'always' adverb (with tanwin)",
     ["أكد الوزير أن بلاده تقف دومًا إلى جانب الشعب"],
     {"noun/adverb دوم": _has(NOUNISH | {"ADV"}, "دوم", "دوما")}),
    ("هاجم", "verb 'attacked'",
     ["هاجم مسلحون نقطة تفتيش للجيش"],
     {"verb هاجم": _has({"VERB"}, "هاجم")}),
    ("قائلا", "active participle 'saying'",
     ["ورد الوزير قائلا إن الحكومة لن تتراجع"],
     {"active participle قائل": _has({"APTCP", "NOUN"}, "قائل")}),
    ("ضبط", "verb / verbal noun 'seized / seizure'",
     ["ضبط حرس الحدود شحنة أسلحة", "أعلنت الشرطة ضبط شحنة أسلحة"],
     {"verb ضبط": _has({"VERB"}, "ضبط"), "verbal noun ضبط": _has({"VN", "NOUN"}, "ضبط")}),
    ("أحال", "verb 'referred'",
     ["أحال النائب العام المتهمين إلى المحكمة"],
     {"verb أحال": _has({"VERB"}, "أحال")}),
    ("نجا", "verb 'survived'",
     ["نجا الوزير من محاولة اغتيال"],
     {"verb نجا": _has({"VERB"}, "نجا")}),
    ("هاتف", "verb 'phoned' vs noun 'phone'",
     ["هاتف الرئيس نظيره التركي", "صادرت الشرطة هاتف المتهم"],
     {"verb هاتف": _has({"VERB"}, "هاتف"), "noun هاتف": _has(NOUNISH, "هاتف")}),
    ("وعد", "verb 'promised' vs noun 'promise'",
     ["وعد الرئيس بإجراء انتخابات مبكرة", "ذكرى وعد بلفور"],
     {"verb وعد": _has({"VERB"}, "وعد"), "noun وعد": _has(NOUNISH, "وعد")}),
    ("إحباط", "verbal noun 'foiling'",
     ["أعلنت الداخلية إحباط هجوم إرهابي"],
     {"verbal noun إحباط": _has({"VN", "NOUN"}, "إحباط")}),
]


def fmt(r: Reading) -> str:
    if not r.lemma:
        return r.pos
    clitics = f"  clitics {r.proclitics or '-'} | {r.enclitics or '-'}" if (r.proclitics or r.enclitics) else ""
    return f"{r.lemma}  [{r.pos} -> {r.coarse}]{clitics}"


# --------------------------------------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--types", type=int, default=20000)
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--speed-tokens", type=int, default=20000)
    ap.add_argument("--top", type=int, default=6, help="readings shown per word and analyzer")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--only", default="")
    ap.add_argument("--skip-coverage", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-cases", action="store_true")
    args = ap.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    print(f"# bench_morphology: {' '.join(sys.argv)}")
    print(f"python {platform.python_version()} at {sys.executable}; {platform.platform()}; "
          f"pinned to CPU {sorted(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}")
    print(f"corpus {args.corpus}; seed {args.seed}\n")

    only = {x.strip() for x in args.only.split(",") if x.strip()}
    analyzers: list[Adapter] = []
    print("## Analyzers")
    for cls in ADAPTERS:
        if only and cls.name not in only:
            continue
        pkgs = ", ".join(version_and_licence(p) for p in cls.packages)
        t0 = time.perf_counter()
        try:
            a = cls()
            a.analyze("الكتاب")  # first call loads the lexicon lazily (farahidi)
        except Exception as exc:  # noqa: BLE001 — any failure means: skip this analyzer
            print(f"- {cls.name}: SKIPPED ({type(exc).__name__}: {str(exc)[:160]}); {pkgs}")
            continue
        print(f"- {cls.name}: loaded in {time.perf_counter() - t0:.2f} s; {pkgs}")
        analyzers.append(a)
    print()

    t0 = time.perf_counter()
    docs = load_corpus(args.corpus)
    tokens = [w for d in docs for w in d]
    freq = Counter(tokens)
    print(f"corpus: {len(docs):,} articles, {len(tokens):,} Arabic word tokens, {len(freq):,} types "
          f"(read in {time.perf_counter() - t0:.1f} s)\n")
    rng = random.Random(args.seed)

    if not args.skip_coverage:
        top = [w for w, _ in freq.most_common(args.types)]
        top_tokens = sum(freq[w] for w in top)
        sample = rng.sample(tokens, args.sample)
        print(f"## 1. Coverage: {len(top):,} most frequent types ({top_tokens / len(tokens):.1%} of corpus "
              f"tokens); {len(sample):,} running tokens drawn at random")
        print("analysis = at least one reading with a lemma and a POS (naftawayh: a POS guess n/v/t; "
              "pyarabic: in its proper-noun list; tashaphyne: a stem)")
        print(f"{'analyzer':<11} {'types':>7} {'type-weighted':>14} {'sample tokens':>14} "
              f"{'readings/type':>14} {'time':>7}  kind")
        for a in analyzers:
            t0 = time.perf_counter()
            got = {}
            for w in set(top) | set(sample):
                got[w] = a.analyze(w)
            secs = time.perf_counter() - t0
            ok = {w for w, rs in got.items() if rs and (not a.full or any(r.lemma and r.pos for r in rs))}
            if isinstance(a, Naftawayh):  # ambiguous guesses (vn, nv, vn3 ...) are not a POS
                unamb = {w for w in ok if got[w][0].pos in ("n", "v", "t")}
            by_type = sum(w in ok for w in top) / len(top)
            weighted = sum(freq[w] for w in top if w in ok) / top_tokens
            by_tok = sum(w in ok for w in sample) / len(sample)
            amb = sum(len(got[w]) for w in top if w in ok) / max(1, sum(w in ok for w in top))
            kind = "lemma+POS" if a.full else {"naftawayh": "POS guess only", "pyarabic": "proper-noun list",
                                               "tashaphyne": "stem only"}.get(a.name, "")
            print(f"{a.name:<11} {by_type:7.1%} {weighted:14.1%} {by_tok:14.1%} {amb:14.1f} {secs:6.0f}s  {kind}")
            if isinstance(a, Naftawayh):
                print(f"{'':<11} {sum(w in unamb for w in top) / len(top):7.1%} "
                      f"{sum(freq[w] for w in top if w in unamb) / top_tokens:14.1%} "
                      f"{sum(w in unamb for w in sample) / len(sample):14.1%}   (unambiguous n / v / t only)")
            if a.full:
                missed = [w for w in top if w not in ok][:25]
                print(f"{'':<11} most frequent types without analysis: {' '.join(missed)}")
        print()

    if not args.skip_speed:
        order = list(range(len(docs)))
        rng.shuffle(order)
        run: list[str] = []
        for i in order:
            run.extend(docs[i])
            if len(run) >= args.speed_tokens:
                break
        run = run[:args.speed_tokens]
        print(f"## 2. Speed: {len(run):,} running tokens ({len(set(run)):,} distinct forms) from random "
              f"articles, one core; words/second")
        print(f"{'analyzer':<11} {'cold':>10} {'as shipped':>11} {'+lru_cache':>11}  (cold = own caches emptied "
              f"before each word; as shipped = fresh instance; +lru = lru_cache(65536) over word forms)")
        for a in analyzers:
            cls = type(a)
            rates = []
            for mode in ("cold", "shipped", "lru"):
                inst = cls()
                inst.analyze("الكتاب")
                inst.reset()
                fn = functools.lru_cache(maxsize=65536)(inst.analyze) if mode == "lru" else inst.analyze
                t0 = time.perf_counter()
                if mode == "cold":
                    for w in run:
                        inst.reset()
                        fn(w)
                else:
                    for w in run:
                        fn(w)
                rates.append(len(run) / (time.perf_counter() - t0))
            print(f"{a.name:<11} {rates[0]:10,.0f} {rates[1]:11,.0f} {rates[2]:11,.0f}")
        print()

    if not args.skip_cases:
        print("## 3. Cases (✓/✗: the analyzer offers that reading; coarse tags: VERB NOUN ADJ PROPN VN "
              "(verbal noun) APTCP/PPTCP (active/passive participle) PART ADV)")
        for word, need, sentences, checks in CASES:
            print(f"\n### {word} — {need}  (corpus frequency {freq.get(word, 0):,})")
            for a in analyzers:
                rs = a.analyze(word)
                verdict = "  ".join(f"{'✓' if any(c(r) for r in rs) else '✗'} {label}" for label, c in checks.items()) \
                    if a.full else ""
                print(f"  {a.name}: {len(rs)} reading(s)  {verdict}")
                for r in rs[:args.top]:
                    print(f"      {fmt(r)}")
                if len(rs) > args.top:
                    print(f"      … {len(rs) - args.top} more")
            for s in sentences:
                toks = s.split()
                idx = toks.index(word) if word in toks else -1
                outs = []
                for a in analyzers:
                    if not a.context:
                        continue
                    try:
                        res = a.in_context(toks)
                    except Exception as exc:  # noqa: BLE001
                        outs.append(f"{a.name}: error {type(exc).__name__}")
                        continue
                    pick = res[idx] if 0 <= idx < len(res) and len(res) == len(toks) else f"? ({len(res)} outputs)"
                    outs.append(f"{a.name}: {pick}")
                print(f"  in «{s}»: " + "; ".join(outs))


if __name__ == "__main__":
    main()
