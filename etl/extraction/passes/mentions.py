"""What the coder's passes read and write: actor and trigger mentions, the sentence, the event."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.extraction.dictionaries import AGENT_SECTORS, Actor, TriggerForm


HAPPENED = frozenset({"asserted", "reported", "claimed"})


@dataclass(slots=True)
class ActorMention:
    first: int
    last: int
    start: int
    end: int
    text: str
    actor: Actor
    kind: str  # country | adjective | people | metonym | org | generic | person | composite
    locative: bool = False  # after في / إلى …: a place, not an agent

    @property
    def named(self) -> bool:
        return self.kind != "generic"

    @property
    def agent_like(self) -> bool:
        return self.named and self.kind != "adjective" or (self.actor.sector in AGENT_SECTORS)


@dataclass(slots=True)
class TriggerMention:
    first: int
    last: int
    start: int
    end: int
    text: str
    forms: list[TriggerForm]

    @property
    def form(self) -> TriggerForm:
        return self.forms[0]


@dataclass
class Event:
    event_type: str
    mode: str
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor: dict | None
    recipient: dict | None
    trigger: dict
    sentence: dict
    locations: list[dict]
    date: str | None
    date_precision: str | None
    fatalities: dict | None
    injured: dict | None
    modality: str
    confidence: float
    trigger_id: str
    support: list[str] = field(default_factory=list)
    date_source: str | None = None
    arrested: dict | None = None
    abducted: dict | None = None
    salience: str = "main"  # main: what the sentence reports; background: named in a subordinate part
    # figures of the sentence that are not this event's toll: totals over a period (منذ بدء الحملة) or an
    # earlier report's figures, each {category, scope, low, best, high, start, end}
    totals: list[dict] = field(default_factory=list)
    # current: of the news's own time; history: its own date ends more than history_days before publication
    # (the 2014 Sinjar massacre recalled in 2018), kept as a mention, not an event of the period; future:
    # dated after the publication day
    timing: str = "current"
    # one trigger telling an event in each of several places listed together ("مظاهرات في مدينتي النجف والبصرة"):
    # one event per place, numbered in the order of the list (ACLED codes an event per location)
    part: int = 0

    @property
    def happened(self) -> bool:
        return self.modality in HAPPENED

    def as_dict(self) -> dict:
        return {
            "event_type": self.event_type, "mode": self.mode, "cameo": self.cameo,
            "acled_event_type": self.acled_event_type, "acled_sub_event_type": self.acled_sub_event_type,
            "actor": self.actor, "recipient": self.recipient, "trigger": self.trigger, "sentence": self.sentence,
            "locations": self.locations, "date": self.date, "date_precision": self.date_precision,
            "date_source": self.date_source, "fatalities": self.fatalities, "injured": self.injured,
            "arrested": self.arrested, "abducted": self.abducted, "modality": self.modality,
            "confidence": self.confidence, "salience": self.salience, "trigger_id": self.trigger_id,
            "support": self.support, "totals": self.totals, "timing": self.timing, "part": self.part,
        }


@dataclass
class _Sentence:
    start: int
    end: int
    lo: int  # token range [lo, hi)
    hi: int
    question: bool = False  # the sentence asks (؟)
    bases: frozenset[str] | None = None  # every token's keys and clitic readings, built when first asked for
    after_dateline: int | None = None  # the first token after a dateline's colon, found when first asked for
    holders: list = field(default_factory=list)  # who holds a place named (تسيطر عليها المعارضة): no actor
