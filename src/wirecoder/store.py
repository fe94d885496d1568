"""The DuckDB store: articles once, their events flattened for queries, errors, clusters and contradictions.

Why these choices:
- **Idempotent by content.** An article's key is the hash of its normalised body (case and whitespace
  folded), so the same story from two files, or the same file ingested twice, is stored once.
- **Near-duplicates are linked, not stored as new stories.** Wire copies with small edits (MinHash
  over word 5-shingles, estimated Jaccard >= 0.7) keep an `articles` row pointing at the original
  (`duplicate_of`) so their outlet still counts as a report, but their events are not stored again.
- **Durable.** Each batch is one transaction: a kill -9 loses at most the batch in flight, and a re-run
  skips what was committed (DuckDB replays its write-ahead log on open).
- **One writer, clear "busy".** DuckDB lets one process write or many read. `Store.open` waits a little for
  the lock and then raises `StoreBusy` with a one-line message; the ingest releases the file between
  batches so readers get in.
- **Versioned schema.** `schema_version` holds the applied migration number; `MIGRATIONS` upgrades older
  files in place on open.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from wirecoder.schema import Article, ArticleMeta, Event, Extraction
from wirecoder.tables import event_row, typed

SCHEMA_VERSION = 1
NUM_PERM = 128
MINHASH_SCHEME = "affine32"  # stored as 32-bit values; fixed so stored signatures stay comparable
NEAR_DUP_THRESHOLD = 0.7  # estimated Jaccard of word 5-shingles; unrelated stories share almost none
LSH_THRESHOLD = 0.5  # candidates are looked up generously, then checked against NEAR_DUP_THRESHOLD
SHINGLE = 5

MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE IF NOT EXISTS articles (
    key VARCHAR PRIMARY KEY,           -- hash of the normalised body
    id VARCHAR,                        -- the input's id (or wirecoder.schema.content_id)
    title VARCHAR, text VARCHAR, published DATE, source VARCHAR, url VARCHAR,
    duplicate_of VARCHAR,              -- key of the article this is a near-copy of
    similarity DOUBLE,
    n_events INTEGER,
    minhash BLOB,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS events (
    uid VARCHAR PRIMARY KEY,           -- article key ':' rank
    article_key VARCHAR, article_id VARCHAR, rank INTEGER, event_id VARCHAR,
    event_type VARCHAR, mode VARCHAR, acled_type VARCHAR, acled_subtype VARCHAR,
    source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_kb_id VARCHAR,
    source_text VARCHAR,
    target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_kb_id VARCHAR,
    target_text VARCHAR,
    place_name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR,
    geo_precision VARCHAR, place_text VARCHAR,
    date DATE, date_precision VARCHAR, date_text VARCHAR,
    killed INTEGER, wounded INTEGER, missing INTEGER, abducted INTEGER, arrested INTEGER, civilians INTEGER,
    claim_source VARCHAR, claim_source_country VARCHAR, claim_cue VARCHAR, stance VARCHAR, quote VARCHAR,
    negated BOOLEAN, sentence VARCHAR, span_start INTEGER, span_end INTEGER, confidence DOUBLE,
    published DATE, source VARCHAR, url VARCHAR,
    json JSON
);
CREATE TABLE IF NOT EXISTS actors (
    article_key VARCHAR, idx INTEGER, text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR,
    kb_id VARCHAR, span_start INTEGER, span_end INTEGER, PRIMARY KEY (article_key, idx)
);
CREATE TABLE IF NOT EXISTS places (
    article_key VARCHAR, idx INTEGER, text VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
    country VARCHAR, admin1 VARCHAR, feature_class VARCHAR, precision VARCHAR, span_start INTEGER,
    span_end INTEGER, PRIMARY KEY (article_key, idx)
);
CREATE TABLE IF NOT EXISTS claims (
    event_uid VARCHAR PRIMARY KEY, article_key VARCHAR, source_name VARCHAR, source_country VARCHAR,
    source_text VARCHAR, cue VARCHAR, stance VARCHAR, quote VARCHAR, span_start INTEGER, span_end INTEGER
);
CREATE TABLE IF NOT EXISTS errors (
    input VARCHAR, reason VARCHAR, first_seen TIMESTAMP DEFAULT current_timestamp,
    last_seen TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (input, reason)
);
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id VARCHAR, event_uid VARCHAR PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS contradictions (
    cluster_id VARCHAR, kind VARCHAR, a_event VARCHAR, a_source VARCHAR, a_value VARCHAR, a_claim VARCHAR,
    b_event VARCHAR, b_source VARCHAR, b_value VARCHAR, b_claim VARCHAR
);
""",
}

EVENT_COLUMNS = (
    "uid article_key article_id rank event_id event_type mode acled_type acled_subtype "
    "source_name source_country source_sector source_kb_id source_text "
    "target_name target_country target_sector target_kb_id target_text "
    "place_name geonameid lat lon country admin1 geo_precision place_text date date_precision date_text "
    "killed wounded missing abducted arrested civilians "
    "claim_source claim_source_country claim_cue stance quote "
    "negated sentence span_start span_end confidence published source url json"
).split()
QUERY_COLUMNS = [c for c in EVENT_COLUMNS if c != "json"]
EXPORT_FORMATS = ("csv", "parquet", "jsonl", "geojson", "acled", "plover")


class StoreBusy(RuntimeError):
    """Another process holds the store's write lock."""


def content_key(text: str) -> str:
    """The store's identity of an article: its body with case and whitespace folded."""
    return hashlib.sha256(" ".join(text.split()).lower().encode("utf-8")).hexdigest()[:20]


@dataclass
class Filters:
    """Query filters; every one optional. Dates compare the event date (else the publication date)."""

    start: date | None = None
    end: date | None = None
    country: str | None = None  # place country: ISO alpha-2, alpha-3 or name
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    actor: str | None = None  # substring of a source/target actor name or kb id
    type: str | None = None  # PLOVER event type or ACLED type/subtype
    stance: str | None = None
    source: str | None = None  # substring of the outlet name
    limit: int | None = None

    @classmethod
    def of(cls, value: Filters | dict | None) -> Filters:
        if value is None:
            return cls()
        return value if isinstance(value, Filters) else cls(**value)


@dataclass
class AddResult:
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    statuses: list[str] = field(default_factory=list)


class Store:
    """One DuckDB file. Use `Store.open(path)`; writers and readers are separate processes."""

    def __init__(self, path: str, con: duckdb.DuckDBPyConnection, read_only: bool, wait: float) -> None:
        self.path = path
        self.read_only = read_only
        self.wait = wait
        self._con: duckdb.DuckDBPyConnection | None = con
        self._lsh = None  # datasketch MinHashLSH over stored signatures, built on first write

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: str | Path = "wirecoder.duckdb", read_only: bool = False, wait: float = 5.0) -> Store:
        """Open (creating and migrating when writable); `StoreBusy` if the lock stays taken `wait` seconds."""
        path = str(path)
        if read_only and not Path(path).exists():
            raise FileNotFoundError(f"no store at {path} (run `wirecoder ingest` first)")
        store = cls(path, _connect(path, read_only, wait), read_only, wait)
        if not read_only:
            store._migrate()
        return store

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = _connect(self.path, self.read_only, self.wait)
        return self._con

    def release(self) -> None:
        """Close the file so other processes can open it; the next call reconnects."""
        if self._con is not None:
            self._con.close()
            self._con = None

    close = release

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        current = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} has schema version {current}; this wirecoder knows {SCHEMA_VERSION}"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            con.execute("BEGIN TRANSACTION")
            con.execute(MIGRATIONS[version])
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
            con.execute("COMMIT")

    def schema_version(self) -> int:
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    # ----------------------------------------------------------------- writing

    def known_keys(self) -> set[str]:
        """Keys of every stored article (the ingest skips these before extracting)."""
        return {row[0] for row in self.con.execute("SELECT key FROM articles").fetchall()}

    def add(self, extraction: Extraction, article: Article) -> bool:
        """Store one article and its events; False when it (or a near-copy of it) was already there."""
        return self.add_many([(extraction, article)]).statuses[0] == "new"

    def add_many(self, pairs: Sequence[tuple[Extraction, Article]]) -> AddResult:
        """Store a batch in one transaction. Status per pair: new, duplicate, near-duplicate or failed
        (extraction failed entirely: only the error is stored)."""
        result = AddResult()
        if not pairs:
            return result
        keys = [content_key(a.text) for _, a in pairs]
        existing = {
            r[0]
            for r in self.con.execute(
                "SELECT key FROM articles WHERE key IN (SELECT unnest(?))", [keys]
            ).fetchall()
        }
        lsh = self._near_dup_index()
        pending: dict[str, Any] = {}
        rows: dict[str, list[dict[str, Any]]] = {
            t: [] for t in ("articles", "events", "actors", "places", "claims")
        }
        errors: list[tuple[str, str]] = []
        for (extraction, article), key in zip(pairs, keys, strict=True):
            if key in existing:
                result.duplicate += 1
                result.statuses.append("duplicate")
                continue
            if extraction.errors and not extraction.events:
                # not stored, so a re-run (e.g. after a fix) tries it again; the reason goes to `errors`
                errors.extend((_label(article), e) for e in extraction.errors)
                result.failed += 1
                result.statuses.append("failed")
                continue
            existing.add(key)
            sig = _minhash(article.text)
            near = _best_match(self, lsh, sig, pending)
            art = _article_row(key, article, sig)
            if near is not None:
                art.update(duplicate_of=near[0], similarity=near[1], n_events=0)
                rows["articles"].append(art)
                result.near_duplicate += 1
                result.statuses.append("near-duplicate")
                continue
            lsh.insert(key, sig)
            pending[key] = sig
            art["n_events"] = len(extraction.events)
            rows["articles"].append(art)
            _extraction_rows(key, extraction, article, rows)
            errors.extend(
                (f"{article.id} ({article.source or 'unknown source'})", e) for e in extraction.errors
            )
            result.new += 1
            result.statuses.append("new")
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table, table_rows in rows.items():
                _insert(con, table, table_rows)
            self._errors(errors)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            self._lsh = None  # rebuild from what is really stored
            raise
        return result

    def add_error(self, input: str, reason: str) -> None:
        """Record a failed input; recording the same failure again only updates `last_seen`."""
        self._errors([(input, reason)])

    def add_errors(self, items: Iterable[tuple[str, str]]) -> None:
        self._errors(list(items))

    def _errors(self, items: list[tuple[str, str]]) -> None:
        if items:
            self.con.executemany(
                "INSERT INTO errors (input, reason) VALUES (?, ?) "
                "ON CONFLICT (input, reason) DO UPDATE SET last_seen = now()",
                list(dict.fromkeys(items)),
            )

    def _near_dup_index(self):
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
            cur = self.con.execute("SELECT key, minhash FROM articles WHERE duplicate_of IS NULL")
            while batch := cur.fetchmany(10_000):
                for key, blob in batch:
                    if blob:
                        self._lsh.insert(key, _sig_from_bytes(blob))
        return self._lsh

    def save_clusters(self, clusters: dict[str, list[str]], contradictions: Sequence[dict[str, Any]]) -> None:
        """Replace the cluster and contradiction tables (they are recomputed from the events as a whole)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM clusters")
            con.execute("DELETE FROM contradictions")
            _insert(
                con,
                "clusters",
                [{"cluster_id": c, "event_uid": u} for c, uids in clusters.items() for u in uids],
            )
            _insert(con, "contradictions", list(contradictions))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # ----------------------------------------------------------------- reading

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "events", "actors", "places", "claims", "errors", "contradictions"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["near_duplicates"] = self.con.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0]
        out["clusters"] = self.con.execute("SELECT count(DISTINCT cluster_id) FROM clusters").fetchone()[0]
        return out

    def errors(self) -> list[dict]:
        return self._dicts(
            "SELECT input, reason, first_seen, last_seen FROM errors ORDER BY first_seen, input", []
        )

    def query(
        self, filters: Filters | dict | None = None, columns: Sequence[str] = QUERY_COLUMNS
    ) -> list[dict]:
        """Events matching `filters`, newest first, as plain dicts."""
        where, params, limit = self._where(Filters.of(filters))
        cols = ", ".join(columns)
        order = "ORDER BY coalesce(date, published) DESC NULLS LAST, uid"
        sql = f"SELECT {cols} FROM events {where} {order} {limit}"
        return self._dicts(sql, params)

    def _dicts(self, sql: str, params: list) -> list[dict]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def count(self, filters: Filters | dict | None = None) -> int:
        """How many events match `filters` (ignoring its limit)."""
        where, params, _ = self._where(Filters.of(filters))
        return self.con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0]

    def _where(self, f: Filters) -> tuple[str, list, str]:
        clauses, params = [], []
        if f.start:
            clauses.append("coalesce(date, published) >= ?")
            params.append(f.start)
        if f.end:
            clauses.append("coalesce(date, published) <= ?")
            params.append(f.end)
        if f.country:
            clauses.append("country = ?")
            params.append(_alpha2(f.country))
        if f.bbox:
            min_lon, min_lat, max_lon, max_lat = f.bbox
            clauses.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if f.actor:
            clauses.append(
                "(source_name ILIKE ? OR target_name ILIKE ? OR source_kb_id = ? OR target_kb_id = ?)"
            )
            params += [f"%{f.actor}%", f"%{f.actor}%", f.actor, f.actor]
        if f.type:
            clauses.append("(upper(event_type) = upper(?) OR acled_type ILIKE ? OR acled_subtype ILIKE ?)")
            params += [f.type, f.type, f.type]
        if f.stance:
            clauses.append("stance = ?")
            params.append(f.stance.lower())
        if f.source:
            clauses.append("source ILIKE ?")
            params.append(f"%{f.source}%")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        limit = f"LIMIT {int(f.limit)}" if f.limit else ""
        return where, params, limit

    def clusters(self, min_articles: int = 1) -> list[dict]:
        """Clusters with their events' sources, biggest first."""
        return self._dicts(
            """SELECT c.cluster_id, count(*) AS n_events, count(DISTINCT e.article_key) AS n_articles,
                      list(DISTINCT e.source ORDER BY e.source) FILTER (WHERE e.source IS NOT NULL)
                          AS sources,
                      any_value(e.event_type) AS event_type, min(coalesce(e.date, e.published)) AS first_date,
                      max(coalesce(e.date, e.published)) AS last_date, mode(e.place_name) AS place,
                      list(e.uid ORDER BY e.uid) AS events
               FROM clusters c JOIN events e ON e.uid = c.event_uid
               GROUP BY c.cluster_id HAVING count(DISTINCT e.article_key) >= ?
               ORDER BY n_articles DESC, first_date, c.cluster_id""",
            [min_articles],
        )

    def contradictions(self) -> list[dict]:
        return self._dicts("SELECT * FROM contradictions ORDER BY cluster_id, kind, a_event, b_event", [])

    # ----------------------------------------------------------------- export

    def export(self, path: str | Path, format: str = "csv", filters: Filters | dict | None = None) -> int:
        """Write matching events to `path` in `format` (see EXPORT_FORMATS); returns the number of rows."""
        if format not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {format!r} (choose from {', '.join(EXPORT_FORMATS)})")
        where, params, limit = self._where(Filters.of(filters))
        base = f"SELECT * FROM events {where} ORDER BY coalesce(date, published), uid {limit}"
        path = str(path)
        if format == "geojson":
            return self._export_geojson(path, base, params)
        if format == "parquet":
            return self._export_parquet(path, base, params)
        select = {
            "csv": f"SELECT {', '.join(QUERY_COLUMNS)} FROM ({base})",
            "jsonl": f"SELECT {', '.join(QUERY_COLUMNS)} FROM ({base})",
            "acled": _ACLED_SELECT.format(base=base),
            "plover": _PLOVER_SELECT.format(base=base),
        }[format]
        if format in ("acled", "plover"):
            _register_countries(self.con)
        options = {"parquet": "FORMAT parquet", "jsonl": "FORMAT json"}.get(format, "FORMAT csv, HEADER true")
        escaped = path.replace("'", "''")
        self.con.execute(f"COPY ({select}) TO '{escaped}' ({options})", params)
        return self.con.execute(f"SELECT count(*) FROM ({base})", params).fetchone()[0]

    def _export_parquet(self, path: str, base: str, params: list) -> int:
        """Parquet in the one flat event layout (tables.EVENT_COLUMNS), identical to the Spark job's output,
        rebuilt from each stored Event so both come from the same code."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        from wirecoder.tables import event_arrow_schema

        schema = event_arrow_schema()
        cur = self.con.execute(
            f"SELECT e.json, e.rank, e.article_id, e.published, e.source, e.url, a.title "
            f"FROM ({base}) e LEFT JOIN articles a ON a.key = e.article_key",
            params,
        )
        n = 0
        with pq.ParquetWriter(path, schema) as writer:
            while batch := cur.fetchmany(5000):
                rows = []
                for raw, rank, article_id, published, source, url, title in batch:
                    meta = ArticleMeta(
                        id=article_id, title=title, published=published, source=source, url=url
                    )
                    event = Event.model_validate_json(raw)
                    rows.append(typed(event_row(meta, rank, event)))
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
        return n

    def _export_geojson(self, path: str, base: str, params: list) -> int:
        cur = self.con.execute(
            f"SELECT {', '.join(QUERY_COLUMNS)} FROM ({base}) WHERE lat IS NOT NULL", params
        )
        names = [d[0] for d in cur.description]
        n = 0
        with open(path, "w", encoding="utf-8") as fh:
            fh.write('{"type": "FeatureCollection", "features": [\n')
            while batch := cur.fetchmany(5000):
                for row in batch:
                    props = dict(zip(names, row, strict=True))
                    geometry = {"type": "Point", "coordinates": [props["lon"], props["lat"]]}
                    feature = {
                        "type": "Feature",
                        "id": props["uid"],
                        "geometry": geometry,
                        "properties": props,
                    }
                    fh.write((",\n" if n else "") + json.dumps(feature, default=str))
                    n += 1
            fh.write("\n]}\n")
        return n


# --------------------------------------------------------------------------- Spark results


def load_spark_output(store: Store, output: str | Path, batch_size: int = 200) -> AddResult:
    """Load a `wirecoder spark` result (OUTPUT/articles/ and OUTPUT/errors/, see docs/spark.md) into the
    store, exactly as a local ingest would store the same articles: idempotent by content hash."""
    import pyarrow.dataset as ds

    from wirecoder.schema import Article, Extraction

    root = Path(output)
    if not (root / "articles").is_dir():
        raise FileNotFoundError(f"{root} is not a wirecoder spark output (no articles/ folder)")
    total = AddResult()
    pairs: list[tuple[Extraction, Article]] = []

    def flush() -> None:
        result = store.add_many(pairs)
        for name in ("new", "duplicate", "near_duplicate", "failed"):
            setattr(total, name, getattr(total, name) + getattr(result, name))
        pairs.clear()

    columns = ["article_id", "title", "text", "published", "source", "url", "extraction"]
    for batch in ds.dataset(root / "articles", format="parquet").to_batches(columns=columns):
        for row in batch.to_pylist():
            if not row["extraction"] or not (row["text"] or "").strip():
                continue  # a record that never became an article: it is in errors/
            extraction = Extraction.model_validate_json(row["extraction"])
            article = Article(id=row["article_id"], title=row["title"], text=row["text"],
                              published=row["published"], source=row["source"], url=row["url"])  # fmt: skip
            pairs.append((extraction, article))
            if len(pairs) >= batch_size:
                flush()
    flush()
    if (root / "errors").is_dir():
        errors = ds.dataset(root / "errors", format="parquet").to_table(
            columns=["article_id", "input", "reason"]
        )
        store.add_errors((r["input"] or r["article_id"] or "?", r["reason"]) for r in errors.to_pylist())
    return total


# --------------------------------------------------------------------------- helpers


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                holder = re.search(r"PID (\d+)", str(exc))
                who = f"process {holder.group(1)}" if holder else "another process"
                raise StoreBusy(
                    f"{path} is busy: {who} is writing to it (an ingest?); try again when it finishes"
                ) from None
            time.sleep(0.1)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Bulk insert through Arrow (DuckDB's executemany is row-at-a-time and ~100x slower)."""
    if not rows:
        return
    import pyarrow as pa

    batch = pa.Table.from_pylist(rows)  # noqa: F841  (read by DuckDB's replacement scan)
    cols = ", ".join(rows[0].keys())
    verb = "INSERT" if table == "contradictions" else "INSERT OR IGNORE"  # the one table without a key
    con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM batch")


def _article_row(key: str, article: Article, sig) -> dict[str, Any]:
    return {
        "key": key,
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "duplicate_of": None,
        "similarity": None,
        "n_events": 0,
        "minhash": sig.hashvalues.astype("<u4").tobytes(),
    }


def _extraction_rows(key: str, ex: Extraction, article: Article, rows: dict[str, list[dict]]) -> None:
    for i, actor in enumerate(ex.actors):
        fields = actor.model_dump(include={"text", "name", "country", "sector", "kb_id"})
        rows["actors"].append({"article_key": key, "idx": i, **fields, **_span(actor.span)})
    for i, place in enumerate(ex.places):
        keep = {"text", "name", "geonameid", "lat", "lon", "country", "admin1", "feature_class", "precision"}
        rows["places"].append(
            {"article_key": key, "idx": i, **place.model_dump(include=keep), **_span(place.span)}
        )
    for rank, event in enumerate(ex.events):
        row = stored_event_row(key, rank, event, article)
        rows["events"].append(row)
        if event.claim is not None:
            c, who = event.claim, event.claim.source
            rows["claims"].append(
                {
                    "event_uid": row["uid"],
                    "article_key": key,
                    "source_name": who.name if who else None,
                    "source_country": who.country if who else None,
                    "source_text": who.text if who else None,
                    "cue": c.cue,
                    "stance": c.stance,
                    "quote": c.quote,
                    **_span(c.span),
                }
            )


def _label(article: Article) -> str:
    """How an error names an article: its id and, to find it again, its title or outlet."""
    hint = article.title or article.source or article.text[:60]
    return f"article {article.id} ({' '.join(hint.split())[:80]})"


def _span(span) -> dict[str, int | None]:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


# the `events` table keeps tables.EVENT_COLUMNS under these older names, plus a few columns of its own
_STORE_NAMES = {
    "place_country": "country",
    "place_precision": "geo_precision",
    "claim_country": "claim_source_country",
    "start": "span_start",
    "end": "span_end",
}
_NOT_STORED = {"victims", "trigger", "title"}


def stored_event_row(key: str, rank: int, ev: Event, article: Article) -> dict[str, Any]:
    """One Event flattened into the `events` table's columns (the shared flat layout of tables.py, renamed;
    the full Event is kept as JSON too)."""
    meta = ArticleMeta(**article.model_dump(exclude={"text"}))
    flat = typed(event_row(meta, rank, ev))
    row = {_STORE_NAMES.get(k, k): v for k, v in flat.items() if k not in _NOT_STORED}
    victims = ev.casualties.victims if ev.casualties else {}
    row.update(
        uid=f"{key}:{rank}",
        article_key=key,
        place_text=ev.location.text if ev.location else None,
        civilians=victims.get("civilians"),
        json=ev.model_dump_json(),
    )
    return row


# --------------------------------------------------------------------------- near-duplicates

_WORD = re.compile(r"\w+")


def _minhash(text: str):
    """MinHash of the word 5-shingles of the normalised text (short texts: of their words)."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if len(words) >= SHINGLE:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    else:
        shingles = {" ".join(words)}
    mh = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def _sig_from_bytes(blob: bytes):
    import numpy as np
    from datasketch import MinHash

    values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=MINHASH_SCHEME)


def _best_match(store: Store, lsh, sig, pending: dict) -> tuple[str, float] | None:
    """The most similar stored (or same-batch) article above the threshold, with its estimated Jaccard."""
    candidates = lsh.query(sig)
    if not candidates:
        return None
    sigs = {k: pending[k] for k in candidates if k in pending}
    missing = [k for k in candidates if k not in sigs]
    if missing:
        found = store.con.execute(
            "SELECT key, minhash FROM articles WHERE key IN (SELECT unnest(?))", [missing]
        )
        sigs.update((k, _sig_from_bytes(b)) for k, b in found.fetchall() if b)
    scored = sorted(((sig.jaccard(other), k) for k, other in sigs.items()), reverse=True)
    if scored and scored[0][0] >= NEAR_DUP_THRESHOLD:
        return scored[0][1], round(scored[0][0], 3)
    return None


# --------------------------------------------------------------------------- export layouts


def _alpha2(country: str) -> str:
    import pycountry

    if len(country) == 2:
        return country.upper()
    try:
        return pycountry.countries.lookup(country).alpha_2
    except LookupError:
        return country


def _register_countries(con: duckdb.DuckDBPyConnection) -> None:
    import pyarrow as pa
    import pycountry

    countries = pa.table(  # noqa: F841  (read by DuckDB's replacement scan)
        {
            "alpha2": [c.alpha_2 for c in pycountry.countries],
            "alpha3": [c.alpha_3 for c in pycountry.countries],
            "cname": [getattr(c, "common_name", None) or c.name for c in pycountry.countries],
            "iso_num": [int(c.numeric) for c in pycountry.countries],
        }
    )
    con.execute("CREATE OR REPLACE TEMP TABLE iso_countries AS SELECT * FROM countries")


_INTER = """CASE WHEN {s} IN ('GOV', 'MIL', 'POL', 'COP', 'JUD', 'SPY') THEN 1
    WHEN {s} IN ('REB', 'INS') THEN 2
    WHEN {s} IN ('PTY', 'MLT') THEN 3 WHEN {s} = 'ETH' THEN 4 WHEN {s} = 'CVL' THEN 7
    WHEN {s} IN ('IGO', 'NGO', 'BUS', 'MED') THEN 8 END"""

# ACLED's export column names and order, so scripts written for ACLED downloads read this unchanged.
_ACLED_SELECT = f"""SELECT
    e.uid AS event_id_cnty, coalesce(e.date, e.published) AS event_date,
    year(coalesce(e.date, e.published)) AS year,
    CASE e.date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 ELSE 3 END AS time_precision,
    CASE WHEN e.acled_type = 'Protests' THEN 'Demonstrations'
         WHEN e.acled_type = 'Riots' THEN 'Political violence; Demonstrations'
         WHEN e.acled_type = 'Strategic developments' THEN 'Strategic developments'
         WHEN e.acled_type IS NOT NULL THEN 'Political violence' END AS disorder_type,
    e.acled_type AS event_type, e.acled_subtype AS sub_event_type,
    e.source_name AS actor1, NULL AS assoc_actor_1, {_INTER.format(s="e.source_sector")} AS inter1,
    e.target_name AS actor2, NULL AS assoc_actor_2, {_INTER.format(s="e.target_sector")} AS inter2,
    CAST(least(inter1, inter2) AS VARCHAR) || CAST(greatest(inter1, inter2) AS VARCHAR) AS interaction,
    CASE WHEN e.acled_type = 'Violence against civilians' OR e.civilians > 0 THEN 'Civilian targeting' END
        AS civilian_targeting,
    c.iso_num AS iso, NULL AS region, c.cname AS country, e.admin1 AS admin1, NULL AS admin2, NULL AS admin3,
    e.place_name AS location, e.lat AS latitude, e.lon AS longitude,
    CASE e.geo_precision WHEN 'exact' THEN 1 WHEN 'city' THEN 1 WHEN 'admin1' THEN 3 WHEN 'country' THEN 3 END
        AS geo_precision,
    e.source AS source, NULL AS source_scale, e.sentence AS notes, coalesce(e.killed, 0) AS fatalities,
    e.mode AS tags, epoch(current_timestamp)::BIGINT AS timestamp
FROM ({{base}}) e LEFT JOIN iso_countries c ON c.alpha2 = e.country"""

# PLOVER-coded data as released in POLECAT-style column names.
_PLOVER_SELECT = """SELECT
    e.uid AS "Event ID", coalesce(e.date, e.published) AS "Event Date", e.event_type AS "Event Type",
    e.mode AS "Event Mode", json_extract_string(e.json, '$.context') AS "Contexts",
    e.source_name AS "Actor Name", e.source_country AS "Actor Country",
    e.source_sector AS "Primary Actor Sector", e.source_text AS "Actor Name Raw",
    e.target_name AS "Recipient Name", e.target_country AS "Recipient Country",
    e.target_sector AS "Primary Recipient Sector", e.target_text AS "Recipient Name Raw",
    e.place_name AS "Placename", e.admin1 AS "Province", c.alpha3 AS "Country", e.lat AS "Latitude",
    e.lon AS "Longitude", e.geonameid AS "GeoNames ID", e.place_text AS "Raw Placename",
    e.geo_precision AS "Feature Type", e.source AS "Source", e.published AS "Publication Date",
    e.article_id AS "Story ID", e.stance AS "Stance", e.claim_source AS "Claimed By", e.killed AS "Killed",
    e.wounded AS "Wounded", e.sentence AS "Sentence"
FROM ({base}) e LEFT JOIN iso_countries c ON c.alpha2 = e.country"""


def iter_store_events(store: Store, columns: Sequence[str] = QUERY_COLUMNS) -> Iterator[dict]:
    """Every event, streamed (for clustering a large store without a list of a million dicts)."""
    cur = store.con.execute(f"SELECT {', '.join(columns)} FROM events ORDER BY uid")
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(10_000):
        for row in batch:
            yield dict(zip(names, row, strict=True))
