"""A small logistic model over the coder's own outputs: does this sentence report a T event that happened?

The rule that decides today is `event.happened and event.salience == "main"`. This module scores the same
decision with weights fitted by bench/train_event_model.py (grouped cross-validation on the Arabic event
gold, Asharq al-Awsat 2006-2008) and stored readable in bench/event_model.yaml (when written): one logistic
regression per event type over a few features of the candidate event (modality, salience, support tags,
mode, actor / recipient sector class, toll, date, timing, trigger position) and of its sentence (how many
candidates of the type, its length, whether another event is the main one). Pure Python, no sklearn.

    from event_model import load_event_model   # (bench/ on sys.path)
    model = load_event_model()
    model.probability(event, sentence_events)   # None when the model has no weights for event.event_type
    model.accepts(event, sentence_events)       # p >= the type's threshold (None when not modelled)
    model.vetoes(event, sentence_events)        # p < the type's veto_threshold: drop an event the rules keep
    model.sentence_probability(sentence_events, "ASSAULT")  # the best candidate's p; 0.0 when none

`event` and the items of `sentence_events` are coder Events or their as_dict(); `sentence_events` are the
events the coder found in the event's sentence (events of other sentences, told by the sentence offsets,
are left out, so a whole document's list works too). Not wired into the coder: in grouped cross-validation
it does not beat the rules (docs/EVALUATION.md).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

HAPPENED = frozenset({"asserted", "reported", "claimed"})

# support tags the coder writes; one feature each
SUPPORT_TAGS = ("trigger", "several-triggers", "light-verb", "done", "occurred", "actor", "armed-actor",
                "recipient", "target", "instrument", "toll", "protesters", "repressed")

# modality one-hot; "asserted" is the baseline (no feature), "claimed" (rare) counts with "reported"
MODALITIES = {"reported": "reported", "claimed": "reported", "generic": "generic", "hypothetical": "hypothetical",
              "intended": "intended", "negated": "negated", "future": "future"}

# broad classes of the actor / recipient sectors
SECTOR_CLASS = {**{s: "state" for s in ("GOV", "MIL", "COP", "SPY", "LEG", "JUD")},
                **{s: "armed" for s in ("REB", "UAF", "CRM", "INS", "TER")},
                **{s: "civil" for s in ("CVL", "PTY", "OPP", "REL", "EDU", "LAB", "MED", "ELI", "BUS", "HLH",
                                        "REF", "NGO", "AGR", "ETH")},
                "IGO": "intl"}

# the coder's modes grouped per type, so that rare modes share a weight; a mode not listed -> "other"
MODE_GROUPS = {
    "ASSAULT": {"explosives": "explosives", "suicide": "suicide", "abduct": "abduct", "assassinate": "assassinate",
                "kill": "kill", "aerial": "ranged", "drone": "ranged", "artillery": "ranged", "firearms": "firearms",
                "sexual": "physical", "torture": "physical", "beat": "physical"},
    "PROTEST": {"demo": "demo", "riot": "riot", "obstruct": "obstruct", "strike": "obstruct"},
}


def feature_names(event_type: str) -> list[str]:
    """Every feature the model of that type may carry, in a fixed order."""
    names = ["happened_main", "main"]
    names += [f"modality_{m}" for m in dict.fromkeys(MODALITIES.values())]
    names += [f"support_{t}" for t in SUPPORT_TAGS]
    names += [f"mode_{g}" for g in dict.fromkeys(MODE_GROUPS.get(event_type, {}).values())] + ["mode_other"]
    if event_type != "ASSAULT":
        names.append("trigger_assault")  # the candidate was told by an ASSAULT trigger (clash, burn …)
    # whether a recipient / toll was found is the support tag of that name; an actor may be found without
    # its tag (a weak one, or the protesters)
    names.append("actor")
    names += [f"{side}_{c}" for side in ("actor", "recipient") for c in ("state", "armed", "civil")]
    names += ["date_text", "date_none", "timing_history", "timing_future",
              "trigger_position", "confidence", "several_candidates", "other_main",
              "words_short", "words_long"]
    return names


def _get(obj: Any, key: str, default=None):
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _same_sentence(a: Any, b: Any) -> bool:
    sa, sb = _get(a, "sentence") or {}, _get(b, "sentence") or {}
    return sa.get("start") == sb.get("start") and sa.get("end") == sb.get("end")


def _happened_main(event: Any) -> bool:
    return _get(event, "modality") in HAPPENED and _get(event, "salience") == "main"


def features(event: Any, sentence_events: Iterable[Any] = ()) -> dict[str, float]:
    """The features of one candidate event in its sentence; absent features are 0 and left out."""
    event_type = _get(event, "event_type")
    f: dict[str, float] = {}
    if _happened_main(event):
        f["happened_main"] = 1.0
    if _get(event, "salience") == "main":
        f["main"] = 1.0
    modality = MODALITIES.get(_get(event, "modality"))
    if modality:
        f[f"modality_{modality}"] = 1.0
    for tag in set(_get(event, "support") or ()):
        if tag in SUPPORT_TAGS:
            f[f"support_{tag}"] = 1.0
    f[f"mode_{MODE_GROUPS.get(event_type, {}).get(_get(event, 'mode') or '', 'other')}"] = 1.0
    if event_type != "ASSAULT" and str(_get(event, "trigger_id") or "").startswith("ASSAULT."):
        f["trigger_assault"] = 1.0
    for side in ("actor", "recipient"):
        who = _get(event, side)
        if who:
            if side == "actor":
                f["actor"] = 1.0
            group = SECTOR_CLASS.get(who.get("sector") or "")
            if group in ("state", "armed", "civil"):
                f[f"{side}_{group}"] = 1.0
    date_source = _get(event, "date_source")
    if date_source == "text":
        f["date_text"] = 1.0
    elif date_source in (None, "none"):
        f["date_none"] = 1.0
    timing = _get(event, "timing")
    if timing in ("history", "future"):
        f[f"timing_{timing}"] = 1.0
    sentence = _get(event, "sentence") or {}
    trigger = _get(event, "trigger") or {}
    length = max(1, (sentence.get("end") or 0) - (sentence.get("start") or 0))
    if trigger.get("start") is not None and sentence.get("start") is not None:
        f["trigger_position"] = min(1.0, max(0.0, (trigger["start"] - sentence["start"]) / length))
    f["confidence"] = float(_get(event, "confidence") or 0.0)
    others = [e for e in sentence_events if e is not event and _same_sentence(e, event)]
    told_by = (trigger.get("start"), trigger.get("end"))
    # another candidate of the type told by another trigger (one trigger's events per place are one candidate)
    if any(_get(e, "event_type") == event_type
           and ((_get(e, "trigger") or {}).get("start"), (_get(e, "trigger") or {}).get("end")) != told_by
           for e in others):
        f["several_candidates"] = 1.0
    if any(_get(e, "event_type") != event_type and _happened_main(e) for e in others):
        f["other_main"] = 1.0
    words = len((sentence.get("text") or "").split())
    if words < 15:
        f["words_short"] = 1.0
    elif words > 40:
        f["words_long"] = 1.0
    return {k: v for k, v in f.items() if v}


def candidate_key(event: Any) -> tuple:
    """The order in which a sentence's candidates of one type are tried: the rules' choice first."""
    return (_happened_main(event), _get(event, "modality") in HAPPENED, _get(event, "salience") == "main",
            float(_get(event, "confidence") or 0.0))


class EventModel:
    """Weights per event type, read from event_model.yaml and checked."""

    def __init__(self, raw: dict):
        if not isinstance(raw, dict) or not isinstance(raw.get("types"), dict) or not raw["types"]:
            raise ValueError("event model: no 'types'")
        self.version = raw.get("version")
        self.types: dict[str, dict] = {}
        for event_type, spec in raw["types"].items():
            if not isinstance(spec, dict):
                raise ValueError(f"event model {event_type}: not a mapping")
            for key in ("intercept", "threshold", "weights"):
                if key not in spec:
                    raise ValueError(f"event model {event_type}: '{key}' missing")
            weights = spec["weights"]
            if not isinstance(weights, dict):
                raise ValueError(f"event model {event_type}: weights must be a mapping")
            known = set(feature_names(event_type))
            unknown = set(weights) - known
            if unknown:
                raise ValueError(f"event model {event_type}: unknown features {sorted(unknown)}")
            checked = {}
            for name, value in weights.items():
                if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                    raise ValueError(f"event model {event_type}: weight of {name} is not a number")
                checked[name] = float(value)
            threshold, intercept = spec["threshold"], spec["intercept"]
            veto = spec.get("veto_threshold", threshold)
            for name, value in (("threshold", threshold), ("veto_threshold", veto)):
                if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0.0 < value < 1.0:
                    raise ValueError(f"event model {event_type}: {name} must be in (0, 1)")
            if not isinstance(intercept, (int, float)) or not math.isfinite(intercept):
                raise ValueError(f"event model {event_type}: intercept is not a number")
            use = spec.get("use", "none")
            if use not in ("replace", "veto", "none"):
                raise ValueError(f"event model {event_type}: use must be replace, veto or none")
            self.types[event_type] = {"weights": checked, "intercept": float(intercept), "use": use,
                                      "threshold": float(threshold), "veto_threshold": float(veto)}

    def probability(self, event: Any, sentence_events: Iterable[Any] = ()) -> float | None:
        spec = self.types.get(_get(event, "event_type"))
        if spec is None:
            return None
        z = spec["intercept"] + sum(spec["weights"].get(k, 0.0) * v
                                    for k, v in features(event, sentence_events).items())
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def accepts(self, event: Any, sentence_events: Iterable[Any] = ()) -> bool | None:
        """Whether the event is one the sentence reports as having happened (None: type not modelled)."""
        p = self.probability(event, sentence_events)
        return None if p is None else p >= self.types[_get(event, "event_type")]["threshold"]

    def vetoes(self, event: Any, sentence_events: Iterable[Any] = ()) -> bool:
        """Whether the model would drop an event the rules keep (happened and main): p < veto_threshold.
        False when the type is not modelled."""
        p = self.probability(event, sentence_events)
        return p is not None and p < self.types[_get(event, "event_type")]["veto_threshold"]

    def sentence_probability(self, sentence_events: Iterable[Any], event_type: str) -> float:
        """The highest p over the sentence's candidates of that type; 0.0 when there is none."""
        events = list(sentence_events)
        ps = [self.probability(e, events) for e in events if _get(e, "event_type") == event_type]
        return max((p for p in ps if p is not None), default=0.0)

    def use(self, event_type: str) -> str:
        """What the cross-validation supported for that type: replace (p >= threshold instead of happened &
        main), veto (happened & main and p >= veto_threshold) or none (keep the rules)."""
        spec = self.types.get(event_type)
        return spec["use"] if spec else "none"

    def threshold(self, event_type: str) -> float | None:
        spec = self.types.get(event_type)
        return spec["threshold"] if spec else None


@lru_cache(maxsize=1)
def load_event_model(text: str | None = None) -> EventModel:
    """The model written by `bench/train_event_model.py --write` (or in `text`), validated."""
    import yaml

    if text is None:
        text = (Path(__file__).resolve().parent / "event_model.yaml").read_text("utf-8")
    return EventModel(yaml.safe_load(text))
