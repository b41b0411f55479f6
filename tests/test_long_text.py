"""The work of the text layer, the geocoder and the coder grows in proportion to the text.

Time is no measure on a shared machine, so work is counted: the lines of the project's code that run
(line events of sys.settrace in etl/) and the characters copied out of the text by slicing (the text is
a str that counts them). For k and 2k copies of a paragraph both must about double; a step that compares
every mention with every other, or slices the text from a line's start at each sentence, quadruples them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import etl
from etl.extraction.pipeline import make_coder
from etl.geo.geocoder import Geocoder
from etl.text.sentences import split_sentences
from tests.geo_fixture import gazetteer

ETL = str(Path(etl.__file__).resolve().parent)
# places (near each other and far apart), actors, triggers, own forces (جنوده), initials (د.), a numbered
# line, quotations and brackets
PARAGRAPH = ("قتل ثلاثة جنود في هجوم شنه مسلحون على حاجز للجيش العراقي قرب الرمادي، وقال الجيش إن جنوده ردوا "
             "على مصادر النيران. وأصيب خمسة مدنيين في قصف مدفعي في الفلوجة والقائم، بحسب د. أحمد من «مستشفى بغداد». "
             "وتظاهر مئات في عمان والزرقاء احتجاجا على الغلاء (وفق «الشرطة»). 1. اعتقلت القوات التركية 12 شخصا "
             "قرب البوكمال شمال حماة. وقالت الحكومة التركية إن قواتها ومقاتليها دمروا مواقع للمسلحين.")
COPIES = 40
MAX_GROWTH = 2.1  # work for twice the text: linear is 2.0, quadratic 4.0 (counts are exact, so the bound is tight)


class CountingText(str):
    """A text that counts the characters sliced out of it."""

    copied = 0

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        self.copied += len(piece)
        return piece


def work(run, text: str) -> tuple[int, int]:
    """(lines of etl/ run, characters sliced out of the text) by run(text)."""
    text = CountingText(text)
    lines = 0

    def in_etl(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return in_etl

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: in_etl if frame.f_code.co_filename.startswith(ETL) else None)
    try:
        run(text)
    finally:
        sys.settrace(previous)
    return lines, text.copied


def growth(run, make_text) -> tuple[float, float]:
    """How many times the work grows from COPIES to 2 * COPIES paragraphs (caches warmed first)."""
    run(make_text(2 * COPIES))
    (lines, copied), (lines2, copied2) = work(run, make_text(COPIES)), work(run, make_text(2 * COPIES))
    return lines2 / lines, copied2 / max(copied, 1)


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder(gazetteer())


def test_sentence_splitting_work_is_linear_in_one_long_line():
    # one line: quotations and periods are judged within the line, which is here the whole text
    lines, copied = growth(split_sentences, lambda k: " ".join([PARAGRAPH] * k))
    assert lines < MAX_GROWTH and copied < MAX_GROWTH


def test_geocoding_work_is_linear_in_the_text(geo):
    # the hashtag at the start: looking for the # before each place must not reach back to it
    lines, copied = growth(geo.geocode, lambda k: "#العراق\n" + "\n".join([PARAGRAPH] * k))
    assert lines < MAX_GROWTH and copied < MAX_GROWTH


def test_coding_work_is_linear_in_the_text(geo):
    coder = make_coder(geocode=False)
    places = {}  # the geocoder's places of each text, found before counting: only the coder's work counts

    def text(k: int) -> str:
        text = "\n".join([PARAGRAPH] * k)
        places[len(text)] = geo.geocode(text)
        assert len(places[len(text)]) >= 6 * k  # (the paragraph names seven)
        return text

    lines, copied = growth(lambda text: coder.code(text, places=places[len(text)]), text)
    assert lines < MAX_GROWTH and copied < MAX_GROWTH
