"""Sentence segmentation of Arabic news text, with offsets into the original text.

Rules, in the order they apply:

* Every line break ends a sentence. Feeds and extracted article text put one paragraph, headline,
  caption or bullet per line, and headlines carry no final punctuation.
* Inside a line, a sentence ends after . ! ? ؟ (and any closing quotes or brackets right after them)
  when whitespace, the end of the line, or an Arabic letter (a missing space) follows.
* Not an end: decimals and grouped digits (3.5, 1.200.000: no space follows); a period after a
  single letter (the initial in «د. أحمد», the letters of «د.ب.أ.» even the last one, since agency
  credits sit mid-sentence as often as at its end), except the era letters هـ / م after a year
  («1445 هـ.»); a list number at the start of a line («1. »); ellipses (… or two or more
  dots), which news uses for elisions and pauses inside quotations far more than as full stops.
* The Arabic semicolon ؛ does not end a sentence: Arabic punctuation uses it before a clause that
  gives the cause or consequence of the previous one («…حملة؛ لإلغاء الاتفاقية»), so splitting there
  would separate an event from its actor or its reason. The colon does not either.
* Quotations «…», “…”, "…" and brackets of at most SHORT_QUOTE characters are not split inside; a
  mark right before the closing quote ends the sentence after the quote. Longer quotations (whole
  statements) are split at their own sentence ends, which keeps sentences of a coder-friendly size.
* Leading bullet marks (- – — • *) and list numbers are left out of the sentence; lines with no
  letter or digit (separators such as «-----») are not sentences.
* An embedded tweet's attribution «— name (@handle) date» is a sentence of its own, apart from the
  tweet text before it and any text after its date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Quotations and brackets up to this many characters (quote marks included) are never split inside.
# In the ANT news corpus the median quotation is 29 characters, 90 % are under 160.
SHORT_QUOTE = 120


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int  # text == original[start:end]


_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
# sentence-final marks, then closing quotes / brackets glued to them
_END = re.compile(r"[.!?؟…]+[»\"”’)\]]*")
_MISSING_SPACE_BEFORE = re.compile(r"[\u0621-\u064A]{3}$")
_MISSING_SPACE_AFTER = re.compile(r"[\u0621-\u064A]{3}")
_LEAD = re.compile(r"\s*(?:[-–—•*▪●■·]+\s*|\d{1,2}\s*[.)\-]\s+)?")
_HAS_WORD = re.compile(r"[^\W_]")
_QUOTE_CHARS = re.compile(r"[«»\"“”()]")
# "— name (@handle) March 3, 2018": dash, a short name, the handle, then up to a year on the same line
_TWEET_BY = re.compile(r"[—–-]\s*[^\n—–()@]{1,80}?\s*\(@\w{1,30}\)(?:[^\n]{0,40}?[0-9٠-٩]{4})?")
_LATIN_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "no", "inc", "ltd", "co"})
_ERA_LETTERS = frozenset({"هـ", "ه", "م"})  # هـ (Hijri) and م (Gregorian) after a year


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a news text, in order, each with its offsets into `text`."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        cuts = _line_cuts(text, start, end)
        piece_start = start
        for cut in cuts + [end]:
            _emit(text, piece_start, cut, sentences)
            piece_start = cut
    return sentences


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    lead = _LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _HAS_WORD.search(text, start, end):
        out.append(Sentence(text[start:end], start, end))


def _line_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside text[start:end] where one sentence ends and the next begins."""
    cuts: list[int] = []
    protected = _short_spans(text, start, end) if _QUOTE_CHARS.search(text, start, end) else []
    for match in _END.finditer(text, start, end):
        if _is_end(text, match, start, end, protected):
            cuts.append(match.end())
    if "@" in text[start:end]:
        for tweet in _TWEET_BY.finditer(text, start, end):
            cuts.extend((tweet.start(), tweet.end()))
        cuts = sorted(set(c for c in cuts if start < c < end))
    return cuts


def _is_end(text: str, match: re.Match[str], line_start: int, line_end: int,
            protected: list[tuple[int, int]]) -> bool:
    i, j = match.span()
    marks = match.group().rstrip("»\"”’)]")
    if j < line_end:
        following = text[j]
        if not following.isspace():
            # a missing space: only after the plain marks, between two Arabic words of three letters or
            # more (so that dotted abbreviations such as سي.إن.إن stay whole)
            if j != i + len(marks) or not _MISSING_SPACE_BEFORE.search(text, max(line_start, i - 3), i) \
                    or not _MISSING_SPACE_AFTER.match(text, j, line_end):
                return False
    if "…" in marks or (marks.count(".") >= 2 and marks.strip(".") == ""):
        return False  # an ellipsis
    if marks == "." and not _period_ends(text, i, line_start):
        return False
    # inside a short quotation, unless the marks run up to its closing quote; only those opened less than
    # SHORT_QUOTE characters before can hold the marks (a line may be a whole text: not all of its quotations)
    for k in range(bisect.bisect_left(protected, (i - SHORT_QUOTE,)), len(protected)):
        open_at, close_at = protected[k]
        if open_at >= i:
            break
        if i < close_at and j <= close_at:
            return False
    return True


def _period_ends(text: str, i: int, line_start: int) -> bool:
    """Whether the period at text[i] can end a sentence, judged by the word before it."""
    k = i
    while k > line_start and (text[k - 1].isalnum() or text[k - 1] == "\u0640"):
        k -= 1
    word = text[k:i]
    if not word:
        return True
    # where the blanks before the word begin (a step back at a time, not slicing the line: a line may be a
    # whole text)
    before = k
    while before > line_start and text[before - 1].isspace():
        before -= 1
    if word.isdigit() and len(word) <= 2 and before == line_start:
        return False  # "1. " opening a numbered line
    if k > line_start and text[k - 1] == ".":
        return False  # the last part of a dotted abbreviation (أ.ف.ب., أيه.إم.سي.)
    if len(word.replace("\u0640", "")) == 1:
        if word in _ERA_LETTERS and text[before - 1:before].isdigit() and before > line_start:
            return True  # 1445 هـ.
        return False  # an initial (د. أحمد)
    return word.lower() not in _LATIN_ABBREVIATIONS


def _short_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of the short quotations and brackets of a line, in order of opening."""
    spans: list[tuple[int, int]] = []
    guillemets: list[int] = []
    brackets: list[int] = []
    straight: int | None = None
    for m in _QUOTE_CHARS.finditer(text, start, end):
        ch, at = m.group(), m.start()
        if ch == "«":
            guillemets.append(at)
        elif ch == "»":
            if guillemets:
                spans.append((guillemets.pop(), at))
        elif ch == "(":
            brackets.append(at)
        elif ch == ")":
            if brackets:
                spans.append((brackets.pop(), at))
        elif straight is None:  # " “ ” toggle: Arabic text uses them in either direction
            straight = at
        else:
            spans.append((straight, at))
            straight = None
    return sorted((o, c) for o, c in spans if c - o + 1 <= SHORT_QUOTE)
