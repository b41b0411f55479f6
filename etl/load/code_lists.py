"""The code lists of the events database, built from their sources of truth and written into `code_lists`,
so that a query can join any code to its label: the lists of `data/code_lists.yaml`, the PLOVER types and
modes and their CAMEO codes (plover.yaml, triggers.yaml), and the countries (ISO 3166 through pycountry,
with CLDR's English names as events.country_name writes them, and the actors' IMG / IGO)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from etl.load.models import CodeList


class CodeListError(ValueError):
    pass


@dataclass(frozen=True)
class Code:
    list_name: str
    code: str
    label: str
    description: str | None = None
    parent: str | None = None
    maps_to: str | None = None


def _entry(list_name: str, code, value) -> Code:
    where = f"code_lists.yaml: {list_name}.{code}"
    if isinstance(value, str):
        value = {"label": value}
    if not isinstance(value, dict) or not str(value.get("label") or "").strip():
        raise CodeListError(f"{where}: needs a label")
    unknown = set(value) - {"label", "description", "parent", "maps_to"}
    if unknown:
        raise CodeListError(f"{where}: unknown fields {sorted(unknown)}")
    return Code(list_name, str(code), str(value["label"]), value.get("description"),
                None if value.get("parent") is None else str(value["parent"]),
                None if value.get("maps_to") is None else str(value["maps_to"]))


def parse_code_lists(raw) -> tuple[dict[str, str], list[Code]]:
    """(list name -> its description, codes) of code_lists.yaml, validated."""
    if not isinstance(raw, dict):
        raise CodeListError("code_lists.yaml: expected a mapping of code lists")
    described, codes = {}, []
    for name, spec in raw.items():
        if not isinstance(spec, dict) or not spec.get("description") or not isinstance(spec.get("codes"), dict):
            raise CodeListError(f"code_lists.yaml: {name} needs a description and codes")
        if not spec["codes"]:
            raise CodeListError(f"code_lists.yaml: {name} has no codes")
        described[name] = spec["description"] + (f" maps_to: {spec['maps_to']}." if spec.get("maps_to") else "")
        codes += [_entry(name, code, value) for code, value in spec["codes"].items()]
    types = {c.code for c in codes if c.list_name == "acled_event_type"}
    for c in codes:
        if c.list_name == "acled_sub_event_type" and c.parent not in types:
            raise CodeListError(f"code_lists.yaml: acled_sub_event_type.{c.code}: parent {c.parent!r} is no acled_event_type")
    return described, codes


def _plover() -> tuple[dict[str, str], list[Code]]:
    from etl.extraction.dictionaries import _read, load_dictionaries

    raw = _read("plover.yaml")[0]
    dictionaries = load_dictionaries()
    codes = [Code("plover_type", type_, spec["description"].split(".")[0], spec["description"], None, str(spec["cameo"]))
             for type_, spec in raw.items()]
    codes += [Code("plover_mode", f"{m.type}.{m.mode}", m.description, None, m.type, m.cameo)
              for m in dictionaries.modes.values()]
    cameo = {m.cameo: m.description for m in dictionaries.modes.values()}
    for type_, spec in raw.items():
        cameo.setdefault(str(spec["cameo"]), spec["description"].split(".")[0])
    for trigger in dictionaries.triggers.triggers.values():  # a trigger may name a finer CAMEO code than its mode
        cameo.setdefault(trigger.cameo, f"{trigger.type} {trigger.id.split('.', 1)[-1]}")
    codes += [Code("cameo", code, label, None, code[:2] if len(code) > 2 else None) for code, label in sorted(cameo.items())]
    return ({"plover_type": "PLOVER event types (events.event_type); maps_to: the type's CAMEO root code.",
             "plover_mode": "PLOVER modes, written TYPE.mode (event_type || '.' || coalesce(mode, '')); the unspecified "
                            "mode is TYPE. (an empty mode); maps_to: the mode's CAMEO code.",
             "cameo": "CAMEO event codes the coder gives (cameo columns); parent: the two-digit root."}, codes)


def _countries() -> tuple[dict[str, str], list[Code]]:
    import pycountry
    from babel import Locale

    names = Locale("en").territories
    codes = [Code("country", "XX", "unknown or international", "No country: international waters, or a place shared by several")]
    alpha3 = [Code("actor_country", "IMG", "international militant group", "CAMEO's code for transnational armed groups (Islamic State, al-Qaeda)"),
              Code("actor_country", "IGO", "international organisation", "An intergovernmental organisation (the UN, the Arab League)")]
    for c in pycountry.countries:
        name = names.get(c.alpha_2) or c.name
        codes.append(Code("country", c.alpha_2, name, None, None, c.numeric))
        alpha3.append(Code("actor_country", c.alpha_3, name, None, None, c.alpha_2))
    # codes outside ISO 3166 that the data uses: GeoNames' Kosovo, and the actors' own (actors.yaml: KUR)
    codes.append(Code("country", "XK", names.get("XK") or "Kosovo", "Not in ISO 3166; the code GeoNames and CLDR use"))
    from etl.extraction.dictionaries import load_dictionaries

    known = {c.code for c in alpha3}
    alpha3 += [Code("actor_country", key, actor.name_en, "Not in ISO 3166: an entity actors.yaml codes as a country")
               for key, actor in load_dictionaries().actors.countries.items() if key not in known]
    return ({"country": "Countries by ISO 3166-1 alpha-2 (events, places, sources); maps_to: the ISO numeric code "
                        "(ACLED's iso).",
             "actor_country": "Countries of actors by ISO 3166-1 alpha-3, with CAMEO's IMG and IGO; maps_to: the alpha-2 code."},
            codes + alpha3)


@lru_cache(maxsize=1)
def all_code_lists() -> tuple[dict[str, str], tuple[Code, ...]]:
    """Every code list: (list name -> description, codes)."""
    raw = yaml.safe_load(resources.files("etl.load").joinpath("data/code_lists.yaml").read_text(encoding="utf-8"))
    described, codes = parse_code_lists(raw)
    for extra in (_plover(), _countries()):
        described.update(extra[0])
        codes += extra[1]
    seen = set()
    for c in codes:
        if (c.list_name, c.code) in seen:
            raise CodeListError(f"code list {c.list_name}: code {c.code!r} twice")
        seen.add((c.list_name, c.code))
    return described, tuple(codes)


def codes_of(list_name: str) -> frozenset[str]:
    return frozenset(c.code for c in all_code_lists()[1] if c.list_name == list_name)


def write_code_lists(session: Session) -> int:
    """Make `code_lists` hold exactly the current lists (rows updated in place, stale codes removed);
    safe to run again and from several processes."""
    described, codes = all_code_lists()
    wanted = {(c.list_name, c.code): c for c in codes}
    for (name, description) in described.items():
        wanted[("code_list", name)] = Code("code_list", name, name, description)
    existing = {(r.list_name, r.code): r for r in session.scalars(select(CodeList))}
    stale = [key for key in existing if key not in wanted]
    if stale:
        session.execute(delete(CodeList).where(tuple_(CodeList.list_name, CodeList.code).in_(stale)))
    for key, c in wanted.items():
        row = existing.get(key)
        values = {"label": c.label, "description": c.description, "parent": c.parent, "maps_to": c.maps_to}
        if row is None:
            session.add(CodeList(list_name=c.list_name, code=c.code, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
    return len(wanted)
