"""The same extraction as a Spark job, for archives that outgrow one machine.

Why this shape: `pipeline.extract_article` is a pure function over resources loaded once per process, so
Spark only has to move articles to Python workers and rows back. Each input record becomes one JSON
string (JSON lines are read as text, Parquet rows are serialised with `to_json`), so exactly the same
record -> Article rules as `wirecoder extract` apply to both formats. `mapInArrow` calls
`extract_batches` in long-lived Python workers (`spark.python.worker.reuse`). The spaCy pipeline, actor
KB and gazetteer are loaded once per executor by its Python daemon (this module's `__main__`, set as
`spark.python.daemon.module`) and inherited by every forked worker; without it, `_resources()` loads them
once per worker. The job's result (one row per article,
events nested) is persisted and written three times: `events/`, `errors/`, `articles/` (layout in
docs/spark.md). A bad record or article becomes a row of `errors/`; it never fails a task.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from wirecoder.tables import event_arrow_schema, event_rows, typed

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from wirecoder.pipeline import Resources

ARTICLE_FIELDS = ("id", "title", "text", "published", "source", "url")
JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
OUTPUT_BATCH = 64  # articles per Arrow batch handed back to Spark: bounds a worker's memory

EVENT_SCHEMA = event_arrow_schema()  # the same typed layout as `wirecoder export --format parquet`
ERROR_SCHEMA = pa.schema([("article_id", pa.string()), ("input", pa.string()), ("reason", pa.string())])
ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("input", pa.string()),
        ("title", pa.string()),
        ("text", pa.string()),
        ("published", pa.date32()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("n_events", pa.int32()),
        ("error", pa.string()),
        ("extraction", pa.string()),
    ]
)
# What the Python workers return: one row per input record, its events nested (split apart on write).
RESULT_SCHEMA = pa.schema(
    list(ARTICLE_SCHEMA)
    + [pa.field("errors", pa.list_(pa.string())), pa.field("events", pa.list_(pa.struct(list(EVENT_SCHEMA))))]
)


# ---- executor side --------------------------------------------------------------------------------------

_loaded: Resources | None = None
resource_loads = 0  # how many times this process loaded the resources (once, when workers are reused)


def _resources() -> Resources:
    """The pipeline's resources, loaded on first use in this Python worker and kept for its lifetime."""
    global _loaded, resource_loads
    if _loaded is None:
        from wirecoder.pipeline import Resources

        _loaded = Resources.load()
        resource_loads += 1
    return _loaded


def extract_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """`mapInArrow` function: (input, record) batches in, RESULT_SCHEMA batches out; never raises per row."""
    from wirecoder.pipeline import BATCH_ARTICLES

    resources = _resources()
    rows: list[dict[str, Any]] = []
    pending: list[tuple[str | None, str]] = []
    for batch in batches:
        for label, record in zip(
            batch.column("input").to_pylist(), batch.column("record").to_pylist(), strict=True
        ):
            pending.append((record, label or ""))
            if len(pending) >= BATCH_ARTICLES:
                rows.extend(process_records(pending, resources))
                pending = []
            if len(rows) >= OUTPUT_BATCH:
                yield pa.RecordBatch.from_pylist(rows, schema=RESULT_SCHEMA)
                rows = []
    rows.extend(process_records(pending, resources))
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=RESULT_SCHEMA)


def process_records(records: list[tuple[str | None, str]], resources: Resources) -> list[dict[str, Any]]:
    """(record, input label) pairs -> RESULT_SCHEMA rows in the same order; the good articles are
    extracted together (`pipeline.extract_articles`: one parser batch), the unreadable ones fail alone."""
    from wirecoder.ingest import ReadFailure
    from wirecoder.pipeline import extract_articles

    items = [article_from_json(record, label) for record, label in records]
    good = [item for item in items if not isinstance(item, ReadFailure)]
    extractions = iter(extract_articles(good, resources))
    return [
        _failed_row(record, label, item.reason)
        if isinstance(item, ReadFailure)
        else _result_row(item, next(extractions), record, label)
        for (record, label), item in zip(records, items, strict=True)
    ]


def _result_row(item, extraction, record: str | None, label: str) -> dict[str, Any]:
    try:
        events = [typed(row) for row in event_rows(extraction)]
        payload = extraction.model_dump_json()
    except Exception as exc:  # extraction never raises; this guards the flattening
        return _failed_row(record, label, f"extraction failed: {type(exc).__name__}: {exc}")
    return {
        "article_id": item.id,
        "input": label,
        "title": item.title,
        "text": item.text,
        "published": item.published,
        "source": item.source,
        "url": item.url,
        "n_events": len(events),
        "error": "; ".join(extraction.errors) or None,
        "extraction": payload,
        "errors": list(extraction.errors),
        "events": events,
    }


def article_from_json(record: str | None, label: str):
    """The Article of one JSON record, by the same rules as `wirecoder extract` on a JSON line
    (or a ReadFailure naming `label` and the reason)."""
    from wirecoder import ingest

    if record is None:
        return ingest.ReadFailure(label, "empty record")
    try:
        rec = json.loads(record)
    except json.JSONDecodeError as exc:
        return ingest.ReadFailure(label, f"malformed JSON ({exc.msg} at column {exc.colno})")
    # ingest's record rules are private there; asked to be made public (see docs/spark.md).
    defaults = ingest._Defaults(None, None, {f: f for f in ARTICLE_FIELDS if f != "url"}, 20_000_000)
    return ingest._guarded(label, lambda: ingest._record(label, rec, defaults))


def _failed_row(record: str | None, label: str, reason: str) -> dict[str, Any]:
    article_id = None
    try:
        rec = json.loads(record) if record else None
        if isinstance(rec, dict) and rec.get("id") not in (None, ""):
            article_id = str(rec["id"])
    except (json.JSONDecodeError, TypeError):
        pass
    return {
        "article_id": article_id,
        "input": label,
        "n_events": 0,
        "error": reason,
        "errors": [reason],
        "events": [],
    }


# ---- driver side ----------------------------------------------------------------------------------------


@dataclass
class JobSummary:
    articles: int
    events: int
    errors: int
    seconds: float
    partitions: int


LOCAL_JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"


def session(
    master: str | None = None, app_name: str = "wirecoder", preload: bool = True, **conf: str
) -> SparkSession:
    """A SparkSession set up for the job. With `master=None` the master comes from spark-submit.

    `preload`: each executor's Python daemon loads the resources before it forks the workers (see
    `_daemon`), so they are loaded once per executor and shared copy-on-write, not once per worker.
    On a local master the Python workers run this interpreter (so they see the same installed
    wirecoder and model), and the UI is off; extra `conf` entries override the defaults.
    """
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    settings = {"spark.python.worker.reuse": "true"}
    if preload:
        settings["spark.python.daemon.module"] = "wirecoder.spark"
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        settings |= {
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "8",
            # In local mode the driver JVM shares the cores with the Python workers that do the real
            # work: a single-threaded GC and the quick C1 compiler halve its CPU (13 -> 5 s per 2,000
            # articles, bench/spark.py), which the workers get back.
            "spark.driver.extraJavaOptions": LOCAL_JVM_OPTIONS,
        }
    settings["spark.sql.debug.maxToStringFields"] = "200"  # the result schema is wide; keeps logs quiet
    for key, value in (settings | conf).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def read_records(spark: SparkSession, input: str) -> DataFrame:
    """INPUT as a DataFrame of (input, record): the source file and one JSON object per article.

    `.jsonl`/`.ndjson`/`.json` (optionally `.gz`) names are JSON lines; `.parquet` is Parquet; anything
    else (a folder, a glob) is tried as Parquet, then as JSON lines.
    """
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    name = input.rstrip("/").lower().removesuffix(".gz")
    if name.endswith(JSON_SUFFIXES):
        return _json_lines(spark, input)
    if not name.endswith(".parquet"):
        try:
            df = spark.read.parquet(input)
        except AnalysisException:
            return _json_lines(spark, input)
    else:
        df = spark.read.parquet(input)
    if "text" not in df.columns:
        raise ValueError(f"{input}: no 'text' column (columns: {', '.join(df.columns)})")
    present = [c for c in ARTICLE_FIELDS if c in df.columns]
    return df.select(
        F.col("_metadata.file_path").alias("input"),
        F.to_json(F.struct(*[F.col(c) for c in present])).alias("record"),
    )


def _json_lines(spark: SparkSession, input: str) -> DataFrame:
    from pyspark.sql import functions as F

    df = spark.read.text(input)
    return df.where(F.trim("value") != "").select(
        F.col("_metadata.file_path").alias("input"), F.col("value").alias("record")
    )


def extract_job(spark: SparkSession, records: DataFrame, partitions: int | None = None) -> DataFrame:
    """The per-article results (RESULT_SCHEMA) of `records`, spread over `partitions` tasks."""
    from pyspark.sql.pandas.types import from_arrow_schema

    n = partitions or max(records.rdd.getNumPartitions(), spark.sparkContext.defaultParallelism * 4)
    if n != records.rdd.getNumPartitions():
        records = records.repartition(n)
    return records.mapInArrow(extract_batches, from_arrow_schema(RESULT_SCHEMA))


def write_outputs(result: DataFrame, output: str) -> JobSummary:
    """Write `events/`, `errors/` and `articles/` under `output` (replacing earlier runs' folders)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    started = time.monotonic()
    result = result.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        totals = result.agg(
            F.count(F.lit(1)).alias("articles"),
            F.coalesce(F.sum("n_events"), F.lit(0)).alias("events"),
            F.coalesce(F.sum(F.size("errors")), F.lit(0)).alias("errors"),
        ).first()
        base = output.rstrip("/")
        events = result.select(F.explode("events").alias("e")).select("e.*")
        events.write.mode("overwrite").parquet(f"{base}/events")
        errors = result.select("article_id", "input", F.explode("errors").alias("reason"))
        errors.write.mode("overwrite").parquet(f"{base}/errors")
        result.drop("events", "errors").write.mode("overwrite").parquet(f"{base}/articles")
        partitions = result.rdd.getNumPartitions()
    finally:
        result.unpersist()
    return JobSummary(
        articles=totals["articles"],
        events=totals["events"],
        errors=totals["errors"],
        seconds=time.monotonic() - started,
        partitions=partitions,
    )


def prepare_local() -> None:
    """Build the gazetteer once on the driver before local workers start (else each would race to)."""
    from wirecoder.geo.gazetteer import Gazetteer, default_path

    if not default_path().exists():
        Gazetteer.open()


def run(spark: SparkSession, input: str, output: str, partitions: int | None = None) -> JobSummary:
    """Extract every article of `input` and write the three Parquet outputs under `output`."""
    if spark.sparkContext.master.startswith("local"):
        prepare_local()
    return write_outputs(extract_job(spark, read_records(spark, input), partitions), output)


def worker_info(spark: SparkSession, tasks: int | None = None) -> list[dict[str, Any]]:
    """pid, resource loads, RSS (MB, current and peak) and CPU seconds of the Python workers that run
    `tasks` tiny `mapInArrow` tasks (the same kind of worker as the job's): shows that resources load
    once per worker, and what a worker costs."""
    n = tasks or spark.sparkContext.defaultParallelism
    from pyspark.sql.pandas.types import from_arrow_schema

    rows = spark.range(n, numPartitions=n).mapInArrow(_probe, from_arrow_schema(_PROBE_SCHEMA)).collect()
    return sorted({r["pid"]: r.asDict() for r in rows}.values(), key=lambda r: r["pid"])


_PROBE_SCHEMA = pa.schema(
    [
        ("pid", pa.int64()),
        ("resource_loads", pa.int32()),
        ("rss_mb", pa.float64()),
        ("peak_rss_mb", pa.float64()),
        ("cpu_s", pa.float64()),
    ]
)


def _probe(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    import resource

    for _ in batches:
        pass
    rss = 0.0
    try:
        with open(f"/proc/{os.getpid()}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
    except OSError:
        pass
    usage = resource.getrusage(resource.RUSAGE_SELF)
    row = {
        "pid": os.getpid(),
        "resource_loads": resource_loads,
        "rss_mb": rss,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,
    }
    yield pa.RecordBatch.from_pylist([row], schema=_PROBE_SCHEMA)


def _daemon() -> None:
    """The executor's Python daemon (`spark.python.daemon.module=wirecoder.spark`): pyspark's own
    daemon, with the resources loaded before it starts forking workers. Safe because the resources
    are read-only and fork-safe (the CLI's worker pool forks after loading them too)."""
    import contextlib

    from pyspark import daemon

    from wirecoder import spark as module  # the module the workers' unpickled functions live in

    with contextlib.redirect_stdout(sys.stderr):  # stdout is the daemon's channel to the JVM
        module._resources()
    daemon.manager()


if __name__ == "__main__":
    _daemon()
