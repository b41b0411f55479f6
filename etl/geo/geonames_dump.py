"""The full GeoNames dumps: how production gets complete coverage.

Reads the per-country dumps (`IQ.txt` or `IQ.zip`, the 19-column `geoname` table) and
`alternateNamesV2.txt` (or its zip), keeps the places that have an Arabic name (`isolanguage = ar`,
not historic) and turns them into gazetteer rows with the same keys as the packaged GeoNames places
(`gn:<geonameid>`), so loading a dump enriches and extends the gazetteer instead of duplicating it.
`download` fetches the files (URL configurable) for the monthly DAG.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections import defaultdict
from email.utils import formatdate
from pathlib import Path
from typing import Iterator

import httpx

from etl import __version__
from etl.geo.names import name_language

DEFAULT_URL = "https://download.geonames.org/export/dump/"
KEPT_CLASSES = set("APSHTLV")  # admin, populated, spot/building, water, terrain, area, vegetation


class GeoNamesFormatError(ValueError):
    """A file is not in the GeoNames dump format."""


def _lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and not m.startswith(("iso-", "readme"))]
            if not members:
                raise GeoNamesFormatError(f"{path}: no .txt member in the archive")
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as handle:
        yield from handle


def is_alternate_names(path: Path) -> bool:
    return path.name.lower().startswith("alternatenames")


def arabic_alternate_names(path: Path) -> dict[int, list[tuple[str, bool]]]:
    """geonameid -> [(Arabic name, preferred)] from alternateNamesV2."""
    names: dict[int, list[tuple[str, bool]]] = defaultdict(list)
    for number, line in enumerate(_lines(path), 1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 8:
            raise GeoNamesFormatError(f"{path.name} line {number}: expected alternateNamesV2 columns, got {len(fields)}")
        if fields[2] != "ar" or fields[7] == "1":  # Arabic, not historic
            continue
        names[int(fields[1])].append((fields[3], fields[4] == "1"))
    return names


def places_from_dump(path: Path, arabic: dict[int, list[tuple[str, bool]]]) -> tuple[list[dict], dict]:
    places, names = [], {}
    for number, line in enumerate(_lines(path), 1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 19:
            raise GeoNamesFormatError(f"{path.name} line {number}: expected 19 columns of the geoname table, got {len(fields)}")
        geonameid = int(fields[0])
        if fields[6] not in KEPT_CLASSES:
            continue
        tagged = sorted(arabic.get(geonameid, []), key=lambda item: not item[1])
        untagged = [n for n in fields[3].split(",") if name_language(n) == "ar"] if not tagged else []
        candidates = [n for n, _ in tagged] + untagged
        if not candidates:
            continue
        key = f"gn:{geonameid}"
        cc = fields[8]
        places.append({
            "place_key": key, "geonameid": geonameid, "name_en": fields[1], "name_ar": candidates[0],
            "feature_class": fields[6], "feature_code": fields[7] or "PPL", "country_code": cc,
            "admin1_code": f"{cc}.{fields[10]}" if fields[10] else None,
            "population": int(fields[14] or 0), "latitude": float(fields[4]), "longitude": float(fields[5]),
            "source": "geonames-dump",
        })
        names[key] = [(n, name_language(n) or "ar", i == 0) for i, n in enumerate(candidates)]
    return places, names


def read_dumps(files: list[Path]) -> tuple[list[dict], dict]:
    """Gazetteer rows from a set of GeoNames files (country dumps plus alternateNamesV2)."""
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise FileNotFoundError(f"GeoNames files not found: {', '.join(missing)}")
    arabic: dict[int, list[tuple[str, bool]]] = {}
    for path in files:
        if is_alternate_names(path):
            arabic.update(arabic_alternate_names(path))
    places, names = [], {}
    for path in files:
        if not is_alternate_names(path):
            more, more_names = places_from_dump(path, arabic)
            places += more
            names.update(more_names)
    return places, names


def geonames_url() -> str:
    return os.environ.get("MARSAD_GEONAMES_URL", DEFAULT_URL)


def download(file_name: str, target_dir: Path, base_url: str | None = None, timeout: float = 60.0) -> Path:
    """Stream one dump file to `target_dir`, skipped (304) when the server has nothing newer."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / file_name
    headers = {"User-Agent": f"Marsad/{__version__} (gazetteer refresh)"}
    if target.exists():
        headers["If-Modified-Since"] = formatdate(target.stat().st_mtime, usegmt=True)
    url = (base_url or geonames_url()).rstrip("/") + "/" + file_name
    partial = target.with_suffix(target.suffix + ".part")
    with httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0), follow_redirects=True, max_redirects=5) as client:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return target
            response.raise_for_status()
            with partial.open("wb") as out:
                for chunk in response.iter_bytes(1 << 20):
                    out.write(chunk)
    partial.replace(target)
    return target
