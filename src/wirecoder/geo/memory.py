"""The gazetteer's in-memory copy, and the snapshot file that lets a process get it without DuckDB.

Why a snapshot: every process (CLI workers, Spark executors, the web server) opens the gazetteer, and
grouping a million name rows out of DuckDB takes seconds. The snapshot is one pickle next to the index,
stamped with the index file's size and mtime; a rebuilt index or an unreadable snapshot is simply read
from DuckDB again. Why columns for places: a dict of 270k row tuples takes a third of a second to
unpickle, the same rows as arrays of numbers and coded strings a few hundredths; the name keys are
hashed into an array for the same reason.
"""

from __future__ import annotations

import gc
import os
import pickle
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

SNAPSHOT_FORMAT = 3  # bump when `Snapshot` changes shape
PLACE_COLUMNS = "geonameid, name, lat, lon, feature_class, feature_code, country, admin1, admin2, population"
AREAS_WHERE = "feature_code = 'ADM1' OR feature_code LIKE 'PCL%' OR feature_code IN ('TERR', 'ZN')"
MEMORY_LIMIT_NAMES = 4_000_000  # above this many names, query DuckDB per lookup instead of loading dicts


class PlaceTable:
    """Place rows (`PLACE_COLUMNS` order) as columns, sorted by geonameid. Repeated strings (feature
    codes, countries, admin codes) are stored once and referred to by number."""

    _CODED = ("feature_class", "feature_code", "country", "admin1", "admin2")

    def __init__(self, rows: Sequence[tuple]):
        rows = sorted(rows)
        self.ids = array("q", (r[0] for r in rows))
        self.names = [r[1] for r in rows]
        self.lat = array("d", (r[2] for r in rows))
        self.lon = array("d", (r[3] for r in rows))
        self.population = array("q", (r[9] or 0 for r in rows))
        self.coded: list[tuple[list, array]] = []
        for column in range(4, 9):
            values: dict = {}
            codes = array("I", (values.setdefault(r[column], len(values)) for r in rows))
            self.coded.append((list(values), codes))

    def __len__(self) -> int:
        return len(self.ids)

    def get(self, geonameid: int) -> tuple | None:
        """The row without its id, or None."""
        i = bisect_left(self.ids, geonameid)
        if i == len(self.ids) or self.ids[i] != geonameid:
            return None
        coded = [values[codes[i]] for values, codes in self.coded]
        return (self.names[i], self.lat[i], self.lon[i], *coded, self.population[i])


class NameIndex:
    """Name keys to their entries (geonameid * 2 + 1 for the entry's main name, + 0 for an alternate).

    Kept as a sorted array of 64-bit key hashes with the entries of each, not as a dict: it loads as
    three byte strings instead of half a million dict items. Two keys of a million sharing a hash is a
    one-in-ten-million chance; it would only merge their candidates, which resolution then weighs."""

    def __init__(self, groups: dict[str, list[int]]):
        by_hash: dict[int, list[int]] = {}
        for key, found in groups.items():
            by_hash.setdefault(key_hash(key), []).extend(found)
        self.hashes = array("q", sorted(by_hash))
        self.starts = array("q")
        self.entries = array("q")
        for h in self.hashes:
            self.starts.append(len(self.entries))
            self.entries.extend(by_hash[h])
        self.starts.append(len(self.entries))

    def get(self, key: str) -> Sequence[int]:
        i = self._position(key)
        return () if i is None else self.entries[self.starts[i] : self.starts[i + 1]]

    def __contains__(self, key: str) -> bool:
        return self._position(key) is not None

    def __len__(self) -> int:
        return len(self.hashes)

    def _position(self, key: str) -> int | None:
        h = key_hash(key)
        i = bisect_left(self.hashes, h)
        return i if i < len(self.hashes) and self.hashes[i] == h else None


def key_hash(key: str) -> int:
    """A hash that is the same in every process (Python's own `hash` of a str is salted per process)."""
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), "little", signed=True)


@dataclass
class Snapshot:
    """What `Gazetteer.open` needs from the index. `places`, `names` and `fuzzy` are None for an index
    too big to hold in memory (it is then queried per lookup)."""

    stamp: tuple
    meta: dict[str, str]
    demonyms: dict[str, str]
    areas: list[tuple]  # the rows of countries, territories and first-level admin units
    places: PlaceTable | None
    names: NameIndex | None
    fuzzy: NameIndex | None


def read_snapshot(index: Path) -> Snapshot | None:
    """The saved snapshot of `index`, or None when missing, unreadable or made from another index file."""
    gc.disable()  # millions of new containers: the cyclic collector would run repeatedly for nothing
    try:
        with _snapshot_path(index).open("rb") as f:
            snap = pickle.load(f)
    except Exception:  # a cache: whatever is wrong with it, the index is read again
        return None
    finally:
        gc.enable()
    return snap if isinstance(snap, Snapshot) and snap.stamp == _stamp(index) else None


def make_snapshot(index: Path) -> Snapshot:
    """Read `index` from DuckDB and save the snapshot next to it (when the folder is writable)."""
    import duckdb  # imported here: reading a snapshot, the usual start, needs no DuckDB

    con = duckdb.connect(str(index), read_only=True)
    try:
        snap = Snapshot(
            stamp=_stamp(index),
            meta=dict(con.execute("SELECT key, value FROM meta").fetchall()),
            demonyms=dict(con.execute("SELECT word, country FROM demonyms").fetchall()),
            areas=con.execute(f"SELECT {PLACE_COLUMNS} FROM places WHERE {AREAS_WHERE}").fetchall(),
            places=None,
            names=None,
            fuzzy=None,
        )
        if con.execute("SELECT count(*) FROM names").fetchone()[0] <= MEMORY_LIMIT_NAMES:
            snap.places, snap.names, snap.fuzzy = _load_memory(con)
    finally:
        con.close()
    path = _snapshot_path(index)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            pickle.dump(snap, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old snapshot or the new one
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only folder: fine, the next open reads DuckDB again
    return snap


def _load_memory(con: duckdb.DuckDBPyConnection) -> tuple[PlaceTable, NameIndex, NameIndex]:
    """Places, and name keys (exact and loose) to their entries, in one bulk read each."""
    gc.disable()
    try:
        places = PlaceTable(con.execute(f"SELECT {PLACE_COLUMNS} FROM places").fetchall())
        names: dict[str, list[int]] = {}
        fuzzy: dict[str, list[int]] = {}
        for key, fkey, gid, main in con.execute("SELECT key, fkey, geonameid, main FROM names").fetchall():
            entry = gid * 2 + main
            names.setdefault(key, []).append(entry)
            if fkey != key:
                fuzzy.setdefault(fkey, []).append(entry)
    finally:
        gc.enable()
    return places, NameIndex(names), NameIndex(fuzzy)


def _snapshot_path(index: Path) -> Path:
    return index.with_name(index.name + ".memory.pickle")


def _stamp(index: Path) -> tuple:
    stat = index.stat()
    return (stat.st_size, stat.st_mtime_ns, SNAPSHOT_FORMAT)
