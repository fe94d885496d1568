"""Load test of `wirecoder serve` on loopback: N concurrent clients for T seconds on /events and
/events.geojson over a store of synthetic events; prints p50/p99 latency, requests/s and errors.

    python bench/api.py                       # 1M events, 50 clients, 30 s
    python bench/api.py --events 100000 --clients 20 --seconds 10

The store is built directly with SQL (`INSERT ... SELECT FROM range(n)`) into the store's own schema (the
pipeline would take hours for a million events), then reused on later runs unless `--rebuild`.
The server runs in its own process (exactly `wirecoder serve`), the clients in this one (httpx, asyncio).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from wirecoder.store import Store

# country (GeoNames alpha-2), centre lat, lon: synthetic events scatter around these
COUNTRIES = [
    ("SY", 35.0, 38.5), ("IQ", 33.2, 43.7), ("AF", 34.0, 66.0), ("YE", 15.5, 47.5), ("SO", 5.2, 46.2),
    ("NG", 9.1, 8.7), ("ML", 17.6, -4.0), ("UA", 48.4, 31.2), ("LY", 27.0, 17.2), ("SD", 15.6, 30.2),
    ("CD", -2.9, 23.7), ("MM", 21.9, 95.9), ("PK", 30.4, 69.3), ("ET", 9.1, 40.5), ("CO", 4.6, -74.1),
]  # fmt: skip
TYPES = [
    "ASSAULT",
    "COERCE",
    "PROTEST",
    "MOBILIZE",
    "ACCUSE",
    "THREATEN",
    "AID",
    "RETREAT",
    "CONSULT",
    "AGREE",
]
ACTORS = ["Islamic State", "Taliban", "al-Shabaab", "Houthis", "Russia", "Syrian Arab Army", "police",
          "protesters", "Boko Haram", "Wagner Group", "RSF", "United States"]  # fmt: skip
STANCES = ["asserted"] * 6 + ["denied", "hedged", "planned", "future"]
SOURCES = ["Wire One", "Daily Two", "Gazette Three", "Radio Four", "Herald Five", "Post Six"]


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def build_store(path: Path, n: int) -> None:
    """`n` synthetic events (3 per article) over 2015-2024, written straight into the store's tables."""
    t0 = time.perf_counter()
    with Store.open(path) as store:
        con = store.con
        con.execute("SELECT setseed(0.42)")
        countries = _sql_list([c[0] for c in COUNTRIES])
        lats = "[" + ", ".join(str(c[1]) for c in COUNTRIES) + "]"
        lons = "[" + ", ".join(str(c[2]) for c in COUNTRIES) + "]"
        con.execute("BEGIN TRANSACTION")
        con.execute(
            f"""
            CREATE TEMP TABLE synth AS
            SELECT i, (i // 3) AS art, 1 + (hash(i * 7 + 1) % {len(COUNTRIES)})::INT AS c,
                   DATE '2015-01-01' + ((hash(i // 3) % 3650)::INT) AS day
            FROM range(?) t(i)""",
            [n],
        )
        con.execute(
            f"""
            INSERT INTO events (uid, article_key, article_id, rank, event_id, event_type, acled_type,
                source_name, source_country, target_name, place_name, lat, lon, country, geo_precision,
                date, date_precision, killed, stance, claim_source, negated, sentence, span_start, span_end,
                confidence, published, source, json)
            SELECT 'k' || art || ':' || (i % 3), 'k' || art, 'a' || art, (i % 3)::INT, 'e' || i,
                {_sql_list(TYPES)}[1 + (hash(i * 3) % {len(TYPES)})::INT],
                NULL,
                {_sql_list(ACTORS)}[1 + (hash(i * 5) % {len(ACTORS)})::INT], NULL,
                {_sql_list(ACTORS)}[1 + (hash(i * 11) % {len(ACTORS)})::INT],
                'Place ' || (hash(i * 13) % 500),
                {lats}[c] + (random() - 0.5) * 4, {lons}[c] + (random() - 0.5) * 4,
                {countries}[c], 'city', day, 'day',
                CASE WHEN hash(i * 17) % 3 = 0 THEN (hash(i * 19) % 60)::INT END,
                {_sql_list(STANCES)}[1 + (hash(i * 23) % {len(STANCES)})::INT],
                'officials', false,
                'Synthetic sentence ' || i || ' about fighting near Place ' || (hash(i * 13) % 500) || '.',
                0, 60, 0.8, day, {_sql_list(SOURCES)}[1 + (hash(art) % {len(SOURCES)})::INT], '{{}}'
            FROM synth"""
        )
        con.execute(
            f"""
            INSERT INTO articles (key, id, title, text, published, source, n_events)
            SELECT 'k' || art, 'a' || art, 'Synthetic story ' || art, 'Synthetic story text ' || art || '.',
                   any_value(day), {_sql_list(SOURCES)}[1 + (hash(art) % {len(SOURCES)})::INT], count(*)
            FROM synth GROUP BY art"""
        )
        con.execute("COMMIT")
        print(f"built {path}: {store.counts()['events']:,} events in {time.perf_counter() - t0:.1f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = (
        "from wirecoder.serve_cli import serve_cmd; "
        f"raise SystemExit(serve_cmd({str(db)!r}, '127.0.0.1', {port}))"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"server exited with code {proc.returncode}")
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def request_mix(rng: random.Random) -> tuple[str, str, dict]:
    """What a dashboard user does: list pages and map views, mostly filtered (name, path, params)."""
    params: dict = {}
    pick = rng.random()
    if pick < 0.2:
        params["country"] = rng.choice(COUNTRIES)[0]
    elif pick < 0.35:
        params["type"] = rng.choice(TYPES)
    elif pick < 0.5:
        year = rng.randint(2015, 2024)
        params.update(start=f"{year}-01-01", end=f"{year}-03-31")
    elif pick < 0.6:
        _, lat, lon = rng.choice(COUNTRIES)
        params["bbox"] = f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"
    elif pick < 0.7:
        params["actor"] = rng.choice(ACTORS)
    elif pick < 0.8:
        params.update(country=rng.choice(COUNTRIES)[0], stance="asserted", type="ASSAULT")
    if rng.random() < 0.5:
        params.update(limit=100, offset=rng.choice([0, 0, 0, 100, 1000]))
        return "events", "/events", params
    params["limit"] = rng.choice([1000, 3000])  # 3000: what the dashboard asks for
    return "events.geojson", "/events.geojson", params


async def client(base: str, deadline: float, seed: int, results: list) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        while time.monotonic() < deadline:
            name, path, params = request_mix(rng)
            t0 = time.perf_counter()
            try:
                res = await http.get(path, params=params)
                ok = res.status_code == 200
                size = len(res.content)
            except httpx.HTTPError:
                ok, size = False, 0
            results.append((name, time.perf_counter() - t0, ok, size))


def report(results: list, seconds: float) -> None:
    print(f"{'endpoint':<16}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'avg KB':>9}")
    for name in ("events", "events.geojson", "all"):
        rows = [r for r in results if name == "all" or r[0] == name]
        if not rows:
            continue
        lat = sorted(r[1] * 1000 for r in rows)
        p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))]
        errors = sum(1 for r in rows if not r[2])
        kb = statistics.mean(r[3] for r in rows) / 1024
        print(
            f"{name:<16}{len(rows):>9}{len(rows) / seconds:>9.1f}{statistics.median(lat):>9.1f}{p99:>9.1f}"
            f"{errors:>8}{kb:>9.1f}"
        )


async def load(base: str, clients: int, seconds: float) -> list:
    results: list = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(base, deadline, seed, results) for seed in range(clients)))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000, help="synthetic events in the store")
    ap.add_argument("--db", type=Path, default=None, help="store file (default bench/results/api-N.duckdb)")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the store even if the file exists")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients")
    ap.add_argument("--seconds", type=float, default=30.0, help="duration of the load")
    args = ap.parse_args()
    db = args.db or Path(__file__).resolve().parent / "results" / f"api-{args.events}.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not db.exists():
        db.unlink(missing_ok=True)
        build_store(db, args.events)
    port = free_port()
    server = start_server(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(load(base, min(args.clients, 4), 2))  # warm-up (first queries load column data)
        t0 = time.monotonic()
        results = asyncio.run(load(base, args.clients, args.seconds))
        elapsed = time.monotonic() - t0
        print(f"{args.events:,} events, {args.clients} clients, {elapsed:.1f} s on loopback")
        report(results, elapsed)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
