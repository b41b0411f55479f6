"""Shared fixtures and helpers of the event coder's tests, one file per pass (no geocoder unless needed).

Each file tests its pass twice: through coder.code() on sentences written for the rule, and directly, calling
the pass on the pieces `parse` builds for one sentence (its tokens, actor mentions and triggers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

from etl.extraction.coder import EventCoder
from etl.extraction.passes.event_place import _focus_country
from etl.extraction.passes.mentions import ActorMention, TriggerMention, _Sentence
from etl.extraction.pipeline import make_coder
from etl.extraction.when import DEFAULT_TZ
from etl.text.tokens import Token, tokenize
from tests.geo_fixture import gazetteer

PUBLISHED = datetime(2024, 1, 24, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return make_coder(geocode=False)


@pytest.fixture(scope="module")
def geo_coder() -> EventCoder:
    from etl.geo.geocoder import Geocoder

    c = make_coder(geocode=False)
    c.geocoder = Geocoder(gazetteer())
    return c


def events(coder, text, **kw):
    return [e for e in coder.code(text, **kw)]


def one(coder, text, type_=None, **kw):
    found = [e for e in coder.code(text, **kw) if type_ is None or e.event_type == type_]
    assert len(found) == 1, [(e.event_type, e.trigger["text"]) for e in found]
    return found[0]


def of_type(coder, text, type_="ASSAULT"):
    return [e for e in coder.code(text, published=PUBLISHED) if e.event_type == type_]


def happened_main(coder, text, type_="ASSAULT"):
    return [e for e in coder.code(text, published=PUBLISHED) if e.event_type == type_ and e.happened
            and e.salience == "main"]


# ------------------------------------------------------------------------------------------ calling a pass directly

@dataclass
class Parsed:
    """One sentence as the passes read it: what EventCoder.code() builds before it runs the later passes."""
    text: str
    tokens: list[Token]
    sentence: _Sentence
    actors: list[ActorMention]
    triggers: list[TriggerMention]
    light: list  # the light verbs of the sentence (شن، نفذ), as the arguments and modality passes take them
    published: datetime | None
    places: list

    def trigger(self, word: str) -> TriggerMention:
        """The trigger whose text is `word` (or starts with it)."""
        found = [t for t in self.triggers if t.text == word] or [t for t in self.triggers if t.text.startswith(word)]
        assert found, (word, [t.text for t in self.triggers])
        return found[0]

    def actor(self, word: str) -> ActorMention:
        found = [a for a in self.actors if a.text == word] or [a for a in self.actors if word in a.text]
        assert found, (word, [a.text for a in self.actors])
        return found[0]

    def token(self, word: str) -> int:
        """The index of the first token that holds `word`."""
        at = self.text.index(word)
        return next(i for i, tok in enumerate(self.tokens) if tok.start <= at < tok.end)


def parse(coder: EventCoder, text: str, published: datetime | None = PUBLISHED, places: list | None = None) -> Parsed:
    """(text, tokens, sentence, actors, triggers, light verbs) of a text that is one sentence, as coder.code()
    makes them: the publication time in the newsroom's zone, the sentence over every token, the actor and trigger
    passes run (`places`: the geocoder's mentions, by default the coder's geocoder's, if it has one)."""
    if published is not None:
        published = published.astimezone(DEFAULT_TZ)
    tokens = tokenize(text)
    if places is None:  # the coder's geocoder, when it has one
        places = coder.geocoder.geocode(text, tokens=tokens) if coder.geocoder is not None else []
    sentence = _Sentence(0, len(text), 0, len(tokens), "؟" in text or "?" in text)
    actors = coder.actors.find(text, tokens, published, _focus_country(places))
    triggers = coder.triggers.find(text, tokens, actors, places)
    light = list(coder.d.triggers.light_verbs.find(text, tokens, sentence.lo, sentence.hi))
    return Parsed(text, tokens, sentence, actors, triggers, light, published, places)
