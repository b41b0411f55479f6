"""Deduplication settings: config/dedup.yaml (or MARSAD_DEDUP_CONFIG), validated on load.

Every threshold of story detection and event linking lives here with a documented default, so that an
operator tunes them without touching code. The fingerprint parameters are digested: a stored article
fingerprint made with other parameters is stale and is made again on the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from etl import config

# Bumped when the text normalization or the shingle hashing changes (stored fingerprints become stale).
FINGERPRINT_VERSION = "2"  # 2: sampled shingles for containment, no buckets for an article without text
PRECISIONS = (1, 2, 3)  # geocoder precisions with a distance limit; 4 (country) means "same country"


class DedupConfigError(ValueError):
    """The dedup configuration file is missing, not YAML, or has an invalid value."""


class StoryConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    shingle_size: int = Field(3, ge=1, le=10)
    num_perm: int = Field(120, ge=8, le=1024)
    bands: int = Field(40, ge=1)
    seed: int = Field(1, ge=0)
    threshold: float = Field(0.5, gt=0.0, le=1.0)
    window_days: int | None = Field(7, ge=0)
    batch_size: int = Field(500, ge=1, le=20_000)
    # a text of another source wholly (or nearly) inside a longer one: a reprint and the fuller version
    containment: float = Field(0.8, gt=0.0, le=1.0)  # share of the shorter text's shingles in the longer
    containment_min_shingles: int = Field(30, ge=1)  # ... when the shorter has at least this many (not a headline)
    cross_source_threshold: float = Field(0.3, gt=0.0, le=1.0)  # Jaccard enough between two sources' texts
    # the containment index: shingles whose hash is a multiple of sample_every (the same ones in every text, so a
    # text's samples are inside a longer text's that contains it); candidates share sample_min_shared of them
    sample_every: int = Field(6, ge=1, le=64)
    sample_min_shared: int = Field(2, ge=1)
    sample_max_articles: int = Field(50, ge=2)  # a sample in more articles of the window is boilerplate: no evidence
    min_body_words: int = Field(10, ge=0)  # an article with less text than this (a photo page) forms no story

    @model_validator(mode="after")
    def _bands_divide(self) -> "StoryConfig":
        if self.bands > self.num_perm or self.num_perm % self.bands:
            raise ValueError(f"bands ({self.bands}) must divide num_perm ({self.num_perm})")
        return self

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands

    @property
    def fingerprint_params(self) -> str:
        """A short digest of what a stored fingerprint depends on."""
        raw = json.dumps([FINGERPRINT_VERSION, self.shingle_size, self.num_perm, self.bands, self.seed,
                          self.sample_every, self.min_body_words])
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    def candidate_probability(self, jaccard: float) -> float:
        """Chance that LSH proposes a pair of this Jaccard similarity: 1 - (1 - J^r)^b."""
        return 1.0 - (1.0 - jaccard ** self.rows) ** self.bands


class EventConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    salience: tuple[str, ...] = ("main", "background")
    date_tolerance_days: int = Field(1, ge=0, le=30)
    published_lag_days: int = Field(2, ge=0, le=30)
    # a background mention dated only by its article may name an event up to this many days before it
    background_lag_days: int = Field(7, ge=0, le=30)
    # the coder dates a week, month or year by its middle day: half the period each way
    imprecise_slack_days: dict[str, int] = Field(default_factory=lambda: {"week": 3, "month": 15, "year": 182})
    max_km: dict[int, float] = Field(default_factory=lambda: {1: 25.0, 2: 50.0, 3: 100.0})
    generic_modes: tuple[str, ...] = ("", "kill")
    # most specific first: the event keeps the more specific mode when reports tie
    mode_groups: tuple[tuple[str, ...], ...] = (("drone", "aerial", "artillery"), ("suicide", "explosives"),
                                                 ("assassinate", "firearms"))
    # sectors one real side is reported as: a state's agents; civilians of every kind; an unidentified armed side
    # and whoever it turns out to be. Two sectors conflict only when no group holds both.
    sector_groups: tuple[tuple[str, ...], ...] = (("GOV", "MIL", "COP", "SPY", "JUD", "LEG"),
                                                  ("CVL", "EDU", "HLH", "REL", "LAB", "BUS", "REF"),
                                                  ("UAF", "REB"), ("UAF", "CRM"), ("UAF", "MIL", "COP"))
    # modes rare enough that the same one, in one country within the date tolerance, ties a report to an event
    rare_modes: tuple[str, ...] = ("wmd",)
    # a toll of at least this many dead within a quarter of an event's range ties a report to it
    toll_anchor_min: int = Field(20, ge=1)
    batch_size: int = Field(2000, ge=1, le=100_000)

    @field_validator("sector_groups")
    @classmethod
    def _sectors(cls, value: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        bad = [s for group in value for s in group if not re.fullmatch(r"[A-Z]{3}", s)]
        if bad:
            raise ValueError(f"sector_groups holds codes that are not sectors (three capitals): {bad}")
        return value

    def sectors_compatible(self, a: str | None, b: str | None) -> bool:
        return not (a and b) or a == b or any(a in group and b in group for group in self.sector_groups)

    @field_validator("salience")
    @classmethod
    def _saliences(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = set(value) - {"main", "background"}
        if not value or unknown:
            raise ValueError(f"salience must list 'main' and/or 'background', got {list(value)}")
        return value

    @field_validator("imprecise_slack_days")
    @classmethod
    def _slack(cls, value: dict[str, int]) -> dict[str, int]:
        if set(value) != {"week", "month", "year"} or any(v < 0 for v in value.values()):
            raise ValueError("imprecise_slack_days needs non-negative week, month and year")
        return value

    @field_validator("max_km")
    @classmethod
    def _distances(cls, value: dict[int, float]) -> dict[int, float]:
        if set(value) != set(PRECISIONS) or any(v <= 0 for v in value.values()):
            raise ValueError("max_km needs a positive distance for precisions 1, 2 and 3")
        if not value[1] <= value[2] <= value[3]:
            raise ValueError("max_km must not shrink as precision gets coarser (1 <= 2 <= 3)")
        return value

    @model_validator(mode="after")
    def _groups(self) -> "EventConfig":
        seen: set[str] = set()
        for group in self.mode_groups:
            for mode in group:
                if mode in seen or mode in self.generic_modes:
                    raise ValueError(f"mode {mode!r} is in two mode groups, or both generic and grouped")
                seen.add(mode)
        return self

    def mode_rank(self, mode: str) -> int:
        """Position of a mode in its group (0 = most specific); ungrouped modes rank 0."""
        return next((group.index(mode) for group in self.mode_groups if mode in group), 0)

    def slack(self, precision: str | None) -> int:
        return self.imprecise_slack_days.get(precision or "day", 0)


class DedupConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    stories: StoryConfig = StoryConfig()
    events: EventConfig = EventConfig()


def config_path() -> Path:
    return Path(os.environ.get("MARSAD_DEDUP_CONFIG", config.PROJECT_ROOT / "config" / "dedup.yaml"))


def load_config(path: Path | str | None = None) -> DedupConfig:
    """The validated settings; a missing default file means the built-in defaults (same values)."""
    path = Path(path) if path is not None else config_path()
    if not path.exists():
        if path == config.PROJECT_ROOT / "config" / "dedup.yaml":
            return DedupConfig()
        raise DedupConfigError(f"dedup configuration {path} does not exist")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DedupConfigError(f"{path} is not valid YAML: {exc}") from exc
    try:
        return DedupConfig.model_validate(raw or {})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg'].removeprefix('Value error, ')}"
                             for e in exc.errors())
        raise DedupConfigError(f"{path}: {problems}") from exc


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> DedupConfig:
    return load_config(path)


def current() -> DedupConfig:
    """The configuration in force (re-read when the file changes)."""
    path = config_path()
    return _cached(str(path), path.stat().st_mtime if path.exists() else 0.0)
