"""The feed registry: a YAML file of sources, validated on load."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from etl import config
from etl.feeds.guard import format_host_entry, parse_host_entry

SourceId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]


class RegistryError(ValueError):
    """The registry file is missing, not YAML, or has an invalid entry."""


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: SourceId
    outlet: str = Field(min_length=1)
    outlet_ar: str | None = None
    language: str = Field(pattern=r"^[a-z]{2,3}$")
    country: str = Field(pattern=r"^[A-Z]{2}$")
    feed_url: str
    active: bool = True
    poll_interval_minutes: int = Field(ge=1, le=7 * 24 * 60)
    replay_keys: tuple[str, ...] = ()
    timezone: str = "UTC"  # zone of feed dates that carry none (e.g. Arabic-format pubDates)
    # hosts ("name", "10.0.0.5", "[::1]") or host:port pairs that this source's feed and pages may reach on a
    # loopback / private / link-local address; everything else non-public is refused (etl.feeds.guard)
    allow_private_hosts: tuple[str, ...] = ()

    @field_validator("allow_private_hosts")
    @classmethod
    def _host_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(format_host_entry(*parse_host_entry(entry)) for entry in value)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @field_validator("feed_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("feed_url must be an http(s) URL")
        return value


class Registry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: tuple[Source, ...]
    digest: str = ""

    @model_validator(mode="after")
    def _unique(self) -> "Registry":
        seen: set[str] = set()
        keys: dict[str, str] = {}
        for source in self.sources:
            if source.id in seen:
                raise ValueError(f"duplicate source id {source.id!r}")
            seen.add(source.id)
            for key in source.replay_keys:
                if key in keys:
                    raise ValueError(f"replay key {key!r} used by {keys[key]!r} and {source.id!r}")
                keys[key] = source.id
        return self

    def get(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"no source {source_id!r} in the registry")

    def by_replay_key(self) -> dict[str, Source]:
        return {key: s for s in self.sources for key in s.replay_keys}

    def active(self) -> list[Source]:
        return [s for s in self.sources if s.active]


def parse_registry(text: str, origin: str = "<string>") -> Registry:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise RegistryError(f"{origin}: expected a mapping with a 'sources' list")
    defaults = raw.get("defaults") or {}
    unknown = set(raw) - {"defaults", "sources"}
    if unknown:
        raise RegistryError(f"{origin}: unknown top-level keys {sorted(unknown)}")
    entries = [{**defaults, **entry} if isinstance(entry, dict) else entry for entry in raw["sources"]]
    try:
        return Registry(
            sources=entries,
            digest=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        )
    except ValidationError as exc:
        raise RegistryError(f"{origin}: invalid registry:\n{exc}") from exc


def load_registry(path: Path | str | None = None) -> Registry:
    path = Path(path) if path else config.registry_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(f"cannot read feed registry {path}: {exc}") from exc
    return parse_registry(text, origin=str(path))
