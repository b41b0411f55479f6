"""The event coder's dictionaries (etl/extraction/data/*.yaml), validated on load and indexed for look-up.

* plover.yaml   - the PLOVER types and modes, with their CAMEO codes and ACLED event / sub-event types
* triggers.yaml - words and phrases that announce events, light verbs, instruments, non-violent causes
* actors.yaml   - countries, organisations, kinds of agents and officials with dated roles

Every coding result records `version`: a hash of these files, of every other data file the coder reads
(cues.yaml, casualties.yaml, and the text layer's numbers and month names) and of CODER_RULES, so that
stored events say which dictionaries made them and `marsad reextract` knows what to recode.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from etl.extraction.lexicon import PhraseIndex, accusative_form, construct_form, dual_forms, phrase_key, possessive_forms, verb_forms, verb_tenses

# Bump when the coder's or the geocoder's rules change in a way that changes results for the same dictionaries.
CODER_RULES = "2026.12.58"

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SECTORS = frozenset("GOV MIL COP REB UAF OPP PTY CVL REL EDU HLH MED BUS LAB LEG JUD CRM SPY REF ELI IGO NGO".split())
# Who can carry out an attack or a crackdown: used to tell agents from victims.
AGENT_SECTORS = frozenset("GOV MIL COP REB UAF CRM SPY".split())
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
_FILES = ("plover.yaml", "triggers.yaml", "actors.yaml")
_ALSO_READ = (("etl.extraction", "data/cues.yaml"), ("etl.extraction", "data/casualties.yaml"),
              ("etl.extraction", "data/named_events.yaml"),
              # the geocoder's rules: where an event is placed changes with them (the gazetteer has its own version)
              ("etl.geo", "data/cues.yaml"), ("etl.geo", "data/common_noun_names.tsv"),
              ("etl", "data/numbers.yaml"), ("etl", "data/arabic_months.yaml"))


class DictionaryError(ValueError):
    """A dictionary file is malformed; the message names the file, the entry and the field."""


def _read(name: str) -> tuple[object, bytes]:
    raw = resources.files("etl.extraction").joinpath(f"data/{name}").read_bytes()
    try:
        return yaml.safe_load(raw.decode("utf-8")), raw
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{name}: not valid YAML: {exc}") from None


def _words(value, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{where}: expected a list of words")
    return [v.strip() for v in value]


# ---------------------------------------------------------------------------------------------- taxonomy

@dataclass(frozen=True, slots=True)
class Mode:
    type: str
    mode: str
    description: str
    cameo: str
    acled: tuple[str, str] | None


def parse_taxonomy(raw) -> dict[tuple[str, str], Mode]:
    if not isinstance(raw, dict):
        raise DictionaryError("plover.yaml: expected a mapping of PLOVER types")
    missing, unknown = set(PLOVER_TYPES) - set(raw), set(raw) - set(PLOVER_TYPES)
    if missing or unknown:
        raise DictionaryError(f"plover.yaml: types missing {sorted(missing)}, unknown {sorted(unknown)}")
    modes: dict[tuple[str, str], Mode] = {}
    for type_, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("modes"), dict) or "" not in spec["modes"]:
            raise DictionaryError(f"plover.yaml: {type_} needs `modes` with the unspecified mode \"\"")
        for mode, m in spec["modes"].items():
            where = f"plover.yaml: {type_}.{mode or '(unspecified)'}"
            if not isinstance(m, dict) or not re.fullmatch(r"\d{2,4}", str(m.get("cameo", ""))):
                raise DictionaryError(f"{where}: needs a CAMEO code of 2-4 digits")
            acled = m.get("acled")
            if acled is not None and (not isinstance(acled, list) or len(acled) != 2):
                raise DictionaryError(f"{where}: acled must be [event type, sub-event type] or null")
            modes[(type_, mode)] = Mode(type_, mode, str(m.get("description", "")), str(m["cameo"]),
                                        tuple(acled) if acled else None)
    return modes


# ---------------------------------------------------------------------------------------------- triggers

@dataclass(frozen=True, slots=True)
class Trigger:
    id: str  # TYPE.id
    type: str
    mode: str
    cameo: str
    acled: tuple[str, str] | None
    weak: bool
    patient_subject: bool
    needs: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    after_not: frozenset[str] = frozenset()
    participant: bool = False  # names someone taking part (رهائن، انتحاري), not the act itself
    patient_genitive: bool = False  # the noun's genitive is what it is done to (تدمير الطائرات الروسية)


@dataclass(frozen=True, slots=True)
class TriggerForm:
    trigger: Trigger
    verb: bool  # an inflected verb (carries its subject), not a noun or phrase
    tense: str | None = None  # past | present for generated verb forms


@dataclass
class TriggerLexicon:
    index: PhraseIndex[TriggerForm]
    light_verbs: PhraseIndex[bool]  # True: a light verb; False: a verb of managing (no support for weak words)
    instruments: PhraseIndex[str]  # -> ASSAULT mode
    instrument_order: tuple[str, ...]
    non_violent: PhraseIndex[bool]
    triggers: dict[str, Trigger] = field(default_factory=dict)
    # generated verb forms as spelled (التقى keeps its ال): tells a verb from an article + noun (القتل)
    verb_surfaces: set[str] = field(default_factory=set)


_TRIGGER_FIELDS = {"id", "mode", "verbs", "nouns", "forms", "weak", "participant", "subject", "genitive", "cameo", "acled", "needs", "after",
                   "after_not", "exclude"}


def _flag(entry: dict, name: str, where: str) -> bool:
    value = entry.get(name, False)
    if not isinstance(value, bool):
        raise DictionaryError(f"{where}: {name} must be true or false")
    return value


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(phrase_key(w)[0] for w in words)


def parse_triggers(raw, modes: dict[tuple[str, str], Mode]) -> TriggerLexicon:
    if not isinstance(raw, dict):
        raise DictionaryError("triggers.yaml: expected a mapping")
    lexicon = TriggerLexicon(PhraseIndex(), PhraseIndex(), PhraseIndex(), (), PhraseIndex())
    # generated duals (هجومين، عبوتين ناسفتين) are added last, and only where no listed word has that spelling
    duals: list[tuple[PhraseIndex, str, object]] = []
    for type_ in PLOVER_TYPES:
        entries = raw.get(type_)
        if not isinstance(entries, list) or not entries:
            raise DictionaryError(f"triggers.yaml: PLOVER type {type_} has no triggers")
        for entry in entries:
            where = f"triggers.yaml: {type_} entry {entry.get('id') if isinstance(entry, dict) else entry!r}"
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise DictionaryError(f"{where}: needs an id")
            unknown = set(entry) - _TRIGGER_FIELDS
            if unknown:
                raise DictionaryError(f"{where}: unknown fields {sorted(unknown)}")
            mode = entry.get("mode", "")
            if (type_, mode) not in modes:
                raise DictionaryError(f"{where}: mode {mode!r} is not a mode of {type_} in plover.yaml")
            if entry.get("subject") not in (None, "patient"):
                raise DictionaryError(f"{where}: subject must be 'patient' when given")
            if entry.get("genitive") not in (None, "patient"):
                raise DictionaryError(f"{where}: genitive must be 'patient' when given")
            base = modes[(type_, mode)]
            acled = entry.get("acled", base.acled)
            trigger_id = f"{type_}.{entry['id']}"
            if trigger_id in lexicon.triggers:
                raise DictionaryError(f"{where}: duplicate id")
            trigger = Trigger(trigger_id, type_, mode, str(entry.get("cameo", base.cameo)),
                              tuple(acled) if acled else None, bool(entry.get("weak", False)),
                              entry.get("subject") == "patient",
                              _keys(_words(entry.get("needs"), f"{where} needs")),
                              _keys(_words(entry.get("after"), f"{where} after")),
                              _keys(_words(entry.get("after_not"), f"{where} after_not")),
                              _flag(entry, "participant", where), entry.get("genitive") == "patient")
            lexicon.triggers[trigger_id] = trigger
            verbs = _words(entry.get("verbs"), f"{where} verbs")
            nouns = _words(entry.get("nouns"), f"{where} nouns") + _words(entry.get("forms"), f"{where} forms")
            if not verbs and not nouns:
                raise DictionaryError(f"{where}: needs verbs, nouns or forms")
            past, present = TriggerForm(trigger, True, "past"), TriggerForm(trigger, True, "present")
            try:
                inflections = [verb_tenses(verb) for verb in verbs]
            except ValueError as exc:
                raise DictionaryError(f"{where}: {exc}") from None
            # exclude: generated forms far more often another word (فجرا "at dawn", not "the two detonated")
            excluded = _keys(_words(entry.get("exclude"), f"{where} exclude"))
            if excluded - {surface for tenses in inflections for surface in tenses}:
                raise DictionaryError(f"{where}: exclude lists words that are not generated forms of its verbs")
            for tenses in inflections:
                for surface, tense in tenses.items():
                    if surface not in excluded:
                        lexicon.index.add(surface, past if tense == "past" else present, folded=True)
                        lexicon.verb_surfaces.add(surface)
            noun_form, verb_phrase = TriggerForm(trigger, False), TriggerForm(trigger, True)
            for noun in _words(entry.get("nouns"), f"{where} nouns"):
                lexicon.index.add(noun, noun_form)
                for form in possessive_forms(noun):  # اغتيالها، غارتها
                    lexicon.index.add(form, noun_form)
                duals += [(lexicon.index, form, noun_form) for form in dual_forms(noun)]
            for form in _words(entry.get("forms"), f"{where} forms"):  # verbs written out: أطلقوا النار
                lexicon.index.add(form, verb_phrase)
    light = raw.get("light_verbs") or {}
    for verb in _words(light.get("verbs"), "triggers.yaml: light_verbs.verbs"):
        for surface in verb_forms(verb):
            lexicon.light_verbs.add(surface, True, folded=True)
    for form in _words(light.get("forms"), "triggers.yaml: light_verbs.forms"):
        lexicon.light_verbs.add(form, True)
    for verb in _words(light.get("managing"), "triggers.yaml: light_verbs.managing"):
        for surface in verb_forms(verb):
            lexicon.light_verbs.add(surface, False, folded=True)
    instruments = raw.get("instruments")
    if not isinstance(instruments, dict):
        raise DictionaryError("triggers.yaml: `instruments` must map ASSAULT modes to words")
    for mode, words in instruments.items():
        if ("ASSAULT", mode) not in modes:
            raise DictionaryError(f"triggers.yaml: instruments: {mode!r} is not an ASSAULT mode")
        for word in _words(words, f"triggers.yaml: instruments.{mode}"):
            lexicon.instruments.add(word, mode)
            for form in possessive_forms(word):  # قنابلهم
                lexicon.instruments.add(form, mode)
            duals += [(lexicon.instruments, form, mode) for form in dual_forms(word)]
    lexicon.instrument_order = tuple(instruments)
    for index, form, payload in duals:
        if not index.has(form):
            index.add(form, payload)
    for word in _words(raw.get("non_violent_causes"), "triggers.yaml: non_violent_causes"):
        lexicon.non_violent.add(word, True)
    return lexicon


# ---------------------------------------------------------------------------------------------- actors

@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name_ar: str
    name_en: str
    country: str | None
    sector: str | None
    wikidata: str | None = None

    def as_dict(self, text: str | None = None, start: int | None = None, end: int | None = None) -> dict:
        return {"text": text, "start": start, "end": end, "name": self.name_en, "name_ar": self.name_ar,
                "country": self.country, "sector": self.sector, "id": self.id, "wikidata": self.wikidata}


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str
    title: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ActorForm:
    """What a matched phrase is: kind in country | adjective | people | metonym | org | generic | person |
    regional (a name that means an organisation only in texts about one country)."""
    kind: str
    actor: Actor | None  # None for generic agents (sector only)
    sector: str | None = None
    roles: tuple[Role, ...] = ()


@dataclass
class ActorLexicon:
    index: PhraseIndex[ActorForm]
    countries: dict[str, Actor]
    sector_names: dict[str, str]
    regional: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (country, name key) -> actor
    local_sectors: frozenset[str] = frozenset()  # kinds of agent that take the country of the event's place
    observer_sectors: frozenset[str] = frozenset()  # who reports violence and never acts in it (media, NGOs)


SECTOR_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "UAF": "gunmen",
                "OPP": "opposition", "PTY": "party", "CVL": "civilians", "REL": "religious", "EDU": "education",
                "HLH": "health", "MED": "media", "BUS": "business", "LAB": "labour", "LEG": "legislature",
                "JUD": "judiciary", "CRM": "criminals", "SPY": "intelligence", "REF": "refugees",
                "ELI": "elites", "IGO": "international organisation", "NGO": "NGO"}


def adjective_forms(masculine: str) -> list[str]:
    """A nisba adjective in the forms news uses: أمريكي، أمريكية، أمريكيون، أمريكيين، أمريكيان، أمريكيتين…"""
    word = masculine.strip()
    if " " in word:  # كوري جنوبي: inflect both words alike
        first, rest = word.split(" ", 1)
        return [f"{a} {b}" for a, b in zip(adjective_forms(first), adjective_forms(rest))]
    stem = word[:-1] if word.endswith("ي") else word
    return [word, stem + "ية", stem + "يون", stem + "يين", stem + "يان", stem + "يتين", stem + "يتان", stem + "يات",
            stem + "يا", stem + "يي"]


def _check_sector(sector, where: str) -> str:
    if sector not in SECTORS:
        raise DictionaryError(f"{where}: unknown sector {sector!r} (one of {sorted(SECTORS)})")
    return sector


def _check_country(country, where: str) -> str:
    if not isinstance(country, str) or not _ALPHA3.match(country):
        raise DictionaryError(f"{where}: country must be ISO 3166 alpha-3 (or IMG / IGO), got {country!r}")
    return country


def _date(value, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DictionaryError(f"{where}: {value!r} is not an ISO date") from None


def parse_actors(raw) -> ActorLexicon:
    if not isinstance(raw, dict) or not {"countries", "organisations", "generic", "persons"} <= set(raw):
        raise DictionaryError("actors.yaml: needs countries, organisations, generic and persons")
    index: PhraseIndex[ActorForm] = PhraseIndex(definite_sensitive=True)
    countries: dict[str, Actor] = {}
    regional: dict[tuple[str, str], Actor] = {}
    regional_aliases: list[str] = []
    seen_ids: set[str] = set()
    for code, spec in raw["countries"].items():
        where = f"actors.yaml: country {code}"
        _check_country(code, where)
        if not isinstance(spec, dict) or not spec.get("en") or not spec.get("ar"):
            raise DictionaryError(f"{where}: needs en and ar")
        names = _words(spec["ar"], f"{where} ar")
        actor = Actor(f"country:{code}", names[0], spec["en"], code, "GOV", spec.get("wikidata"))
        countries[code] = actor
        for name in names:
            index.add(name, ActorForm("country", actor))
        for adj in _words(spec.get("adj"), f"{where} adj"):
            for form in adjective_forms(adj):
                index.add(form, ActorForm("adjective", actor))
        for people in _words(spec.get("people"), f"{where} people"):
            index.add(people, ActorForm("people", actor))
        def sector_actor(sector: str) -> Actor:  # the state as one of its sectors (Syria's military)
            return Actor(f"country:{code}:{sector}", names[0], f"{spec['en']} ({SECTOR_NAMES[sector]})", code,
                         sector, spec.get("wikidata") if sector == "GOV" else None)

        for sector, words in (spec.get("metonyms") or {}).items():
            _check_sector(sector, f"{where} metonyms")
            metonym = sector_actor(sector)
            for word in _words(words, f"{where} metonyms.{sector}"):
                index.add(word, ActorForm("metonym", metonym))
        # قوات النظام in a text about Syria is Syria's military: names that stand for the state only there
        for sector, words in (spec.get("regional") or {}).items():
            _check_sector(sector, f"{where} regional")
            metonym = sector_actor(sector)
            for word in _words(words, f"{where} regional.{sector}"):
                regional[(code, phrase_key(word)[0])] = metonym
                regional_aliases.append(word)
    for entry in raw["organisations"]:
        where = f"actors.yaml: organisation {entry.get('id') if isinstance(entry, dict) else entry!r}"
        if not isinstance(entry, dict) or not {"id", "en", "ar", "country", "sector"} <= set(entry):
            raise DictionaryError(f"{where}: needs id, en, ar, country and sector")
        if entry["id"] in seen_ids:
            raise DictionaryError(f"{where}: duplicate id")
        seen_ids.add(entry["id"])
        names = _words(entry["ar"], f"{where} ar")
        actor = Actor(f"org:{entry['id']}", names[0], entry["en"], _check_country(entry["country"], where),
                      _check_sector(entry["sector"], where), entry.get("wikidata"))
        for name in names:
            index.add(name, ActorForm("org", actor))
        for country, aliases in (entry.get("regional") or {}).items():
            _check_country(country, f"{where} regional")
            for alias in _words(aliases, f"{where} regional.{country}"):
                regional[(country, phrase_key(alias)[0])] = actor
                regional_aliases.append(alias)
    for sector, words in raw["generic"].items():
        _check_sector(sector, "actors.yaml: generic")
        for word in _words(words, f"actors.yaml: generic.{sector}"):
            index.add(word, ActorForm("generic", None, sector))
    # the accusatives and constructs the lists leave out (متمردا، مقاتلو), unless listed in their own right
    for sector, words in raw["generic"].items():
        for word in words:
            for form in (accusative_form(word), construct_form(word)):
                if form is not None and not index.has(form):
                    index.add(form, ActorForm("generic", None, sector))
    for entry in raw["persons"]:
        where = f"actors.yaml: person {entry.get('id') if isinstance(entry, dict) else entry!r}"
        if not isinstance(entry, dict) or not {"id", "en", "ar", "roles"} <= set(entry) or not entry["roles"]:
            raise DictionaryError(f"{where}: needs id, en, ar and roles")
        if entry["id"] in seen_ids:
            raise DictionaryError(f"{where}: duplicate id")
        seen_ids.add(entry["id"])
        roles = []
        for role in entry["roles"]:
            start = _date(role.get("from"), f"{where} role from")
            if start is None:
                raise DictionaryError(f"{where}: every role needs `from`")
            roles.append(Role(_check_country(role.get("country"), where), _check_sector(role.get("sector"), where),
                              str(role.get("title", "")), start, _date(role.get("to"), f"{where} role to")))
        names = _words(entry["ar"], f"{where} ar")
        actor = Actor(f"person:{entry['id']}", names[0], entry["en"], roles[-1].country, roles[-1].sector,
                      entry.get("wikidata"))
        for name in names:
            index.add(name, ActorForm("person", actor, roles=tuple(roles)))
    # a regional name that is nothing else (حركة التغيير) is found, and kept only in a text about its country
    for alias in regional_aliases:
        if not index.has(alias):
            index.add(alias, ActorForm("regional", None))
    sectors = {}
    for key in ("local_sectors", "observer_sectors"):
        listed = raw.get(key) or []
        if not isinstance(listed, list):
            raise DictionaryError(f"actors.yaml: {key} must be a list of sectors")
        sectors[key] = frozenset(_check_sector(sector, f"actors.yaml: {key}") for sector in listed)
    return ActorLexicon(index, countries, SECTOR_NAMES, regional, **sectors)


def person_on(form: ActorForm, when: date | None) -> Actor:
    """A person as an actor on a date: the role held then, else their last country with sector ELI."""
    actor = form.actor
    assert actor is not None
    if when is not None:
        for role in form.roles:
            if role.start <= when and (role.end is None or when < role.end):
                return Actor(actor.id, actor.name_ar, actor.name_en, role.country, role.sector, actor.wikidata)
        return Actor(actor.id, actor.name_ar, actor.name_en, form.roles[-1].country, "ELI", actor.wikidata)
    return actor


# ---------------------------------------------------------------------------------------------- all

@dataclass
class Dictionaries:
    modes: dict[tuple[str, str], Mode]
    triggers: TriggerLexicon
    actors: ActorLexicon
    version: str


@lru_cache(maxsize=1)
def load_dictionaries() -> Dictionaries:
    """The packaged dictionaries, validated and indexed (cached: loading takes a fraction of a second)."""
    raws = {name: _read(name) for name in _FILES}
    digest = hashlib.sha256(CODER_RULES.encode())
    for name in _FILES:
        digest.update(name.encode() + b"\0" + raws[name][1])
    for package, name in _ALSO_READ:  # what else changes the coder's output
        digest.update(name.encode() + b"\0" + resources.files(package).joinpath(name).read_bytes())
    modes = parse_taxonomy(raws["plover.yaml"][0])
    triggers = parse_triggers(raws["triggers.yaml"][0], modes)
    actors = parse_actors(raws["actors.yaml"][0])
    return Dictionaries(modes, triggers, actors, f"{CODER_RULES}+{digest.hexdigest()[:12]}")
