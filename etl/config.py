"""Where things live: the events database, the data directory, the feed registry.

Everything can be overridden from the environment so that Airflow workers, the CLI and tests
agree without passing paths around.
"""

from __future__ import annotations

import os
import subprocess
from functools import lru_cache
from pathlib import Path

from etl import __version__

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    path = Path(os.environ.get("MARSAD_DATA_DIR", PROJECT_ROOT / "data"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def db_url() -> str:
    """The events database: MARSAD_DB_URL, else a SQLite file in the data directory."""
    url = os.environ.get("MARSAD_DB_URL")
    if url:
        return url
    return f"sqlite:///{data_dir() / 'marsad.db'}"


def registry_path() -> Path:
    return Path(os.environ.get("MARSAD_FEEDS", PROJECT_ROOT / "config" / "feeds.yaml"))


def schema_dir() -> Path:
    return Path(os.environ.get("MARSAD_SCHEMA_DIR", PROJECT_ROOT / "schema"))


@lru_cache(maxsize=1)
def code_version() -> str:
    """Package version plus the git commit when running from a checkout (recorded with each run)."""
    try:
        sha = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short=12", "HEAD"],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()
        return f"{__version__}+g{sha}{'.dirty' if dirty else ''}"
    except (OSError, subprocess.SubprocessError):
        return __version__
