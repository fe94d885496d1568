"""The Spark job gives exactly the single-process pipeline's events, and bad articles land in errors/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from wirecoder import spark as wspark  # noqa: E402
from wirecoder.ingest import ReadFailure, read_articles  # noqa: E402
from wirecoder.pipeline import Resources, extract_article  # noqa: E402
from wirecoder.spark_cli import spark_cmd  # noqa: E402
from wirecoder.tables import EVENT_COLUMNS, event_rows  # noqa: E402

GOOD = [
    {
        "id": "mosul-1",
        "title": "Iraqi troops push into western Mosul",
        "text": (
            "Iraqi government forces attacked Islamic State positions in western Mosul on Sunday, "
            "a military spokesman said.\n\nAt least 12 militants were killed in the fighting near the "
            "airport, according to the Joint Operations Command."
        ),
        "published": "2017-02-20",
        "source": "Test Wire",
        "url": "https://example.org/mosul-1",
    },
    {
        "id": "aleppo-2",
        "title": "Air strikes hit market",
        "text": (
            "Warplanes bombed a crowded market in Aleppo on Tuesday, killing 23 civilians and wounding "
            "dozens more, a monitoring group said.\n\nThe Syrian government denied that its aircraft "
            "had struck the area."
        ),
        "published": "2016-10-11",
    },
    {
        "id": "kabul-3",
        "text": (
            "Hundreds of protesters marched through Kabul on Friday to demand better security after a "
            "wave of bombings.\n\nPolice arrested 14 people when the crowd tried to reach the parliament."
        ),
        "published": "2017-06-02T08:30:00Z",
        "source": "Test Wire",
    },
    {
        "id": 4,
        "title": "Talks planned",
        "text": (
            "Turkey will send envoys to Moscow next week to discuss a ceasefire in northern Syria, "
            "the foreign ministry announced on Monday."
        ),
        "published": "2017-01-09",
    },
]
BAD_LINES = [
    json.dumps({"id": "empty-5", "text": "   "}),
    json.dumps({"id": "binary-6", "text": "\x00\x01\x02 ELF junk"}),
    json.dumps({"id": "notext-7", "title": "Headline only"}),
    '{"id": "broken-8", "text": "unterminated',
]
BAD_IDS = {"empty-5", "binary-6", "notext-7"}


@pytest.fixture(scope="module")
def articles_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spark-in") / "articles.jsonl"
    lines = (
        [json.dumps(a) for a in GOOD[:2]] + BAD_LINES[:2] + [json.dumps(a) for a in GOOD[2:]] + BAD_LINES[2:]
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark():
    session = wspark.session(
        "local[1]", **{"spark.ui.showConsoleProgress": "false", "spark.sql.shuffle.partitions": "2"}
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_out(spark, articles_jsonl: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("spark-out")
    summary = wspark.run(spark, str(articles_jsonl), str(out), partitions=2)
    return out, summary


@pytest.fixture(scope="module")
def reference_rows(articles_jsonl: Path) -> list[dict]:
    """What `wirecoder extract` computes in one process for the same file."""
    resources = Resources.load()
    rows = []
    for item in read_articles([str(articles_jsonl)]):
        if not isinstance(item, ReadFailure):
            rows += event_rows(extract_article(item, resources))
    return rows


def _spark_rows(folder: Path) -> list[dict]:
    rows = pq.read_table(folder).to_pylist()
    for row in rows:
        for column in ("date", "published"):
            if row[column] is not None:
                row[column] = row[column].isoformat()
    return sorted(rows, key=lambda r: (r["article_id"], r["rank"]))


def test_events_equal_single_process_extract(spark_out, reference_rows) -> None:
    out, summary = spark_out
    expected = sorted(reference_rows, key=lambda r: (r["article_id"], r["rank"]))
    assert len(expected) >= 4  # the stories really hold events, so equality means something
    assert _spark_rows(out / "events") == expected
    assert summary.events == len(expected)


def test_events_schema_is_the_flat_event_layout(spark_out) -> None:
    out, _ = spark_out
    schema = pq.read_schema(next((out / "events").glob("*.parquet")))
    assert schema.names == EVENT_COLUMNS
    assert [f.type for f in schema] == [f.type for f in wspark.EVENT_SCHEMA]
    assert schema.field("date").type == pa.date32() and schema.field("lat").type == pa.float64()


def test_bad_articles_land_in_errors(spark_out) -> None:
    out, summary = spark_out
    table = pq.read_table(out / "errors")
    assert table.schema.names == wspark.ERROR_SCHEMA.names
    errors = table.to_pylist()
    by_id = {e["article_id"]: e["reason"] for e in errors}
    assert BAD_IDS <= set(by_id)
    assert by_id["empty-5"] == "empty text"
    assert "NUL" in by_id["binary-6"]
    assert "text" in by_id["notext-7"]
    malformed = [e for e in errors if e["article_id"] is None]
    assert len(malformed) == 1 and malformed[0]["reason"].startswith("malformed JSON")
    assert all(e["input"].endswith("articles.jsonl") for e in errors)
    assert summary.errors == len(errors) == len(BAD_LINES)
    assert summary.articles == len(GOOD) + len(BAD_LINES)


def test_articles_output_joins_back(spark_out) -> None:
    out, _ = spark_out
    articles = {a["article_id"]: a for a in pq.read_table(out / "articles").to_pylist() if a["article_id"]}
    events = pq.read_table(out / "events").to_pylist()
    assert {str(a["id"]) for a in GOOD} <= set(articles)
    for good in GOOD:
        row = articles[str(good["id"])]
        assert row["n_events"] == sum(e["article_id"] == str(good["id"]) for e in events)
        assert row["error"] is None and row["text"] == good["text"]
        assert json.loads(row["extraction"])["article"]["id"] == str(good["id"])
    assert articles["empty-5"]["error"] == "empty text" and articles["empty-5"]["n_events"] == 0


def test_parquet_input_gives_the_same_events(spark, spark_out, tmp_path: Path) -> None:
    out, _ = spark_out
    records = [dict(a, id=str(a["id"])) for a in GOOD]
    source = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(records), source)
    summary = wspark.run(spark, str(source), str(tmp_path / "out"), partitions=1)
    assert summary.errors == 0
    assert _spark_rows(tmp_path / "out" / "events") == _spark_rows(out / "events")


def test_resources_load_once_per_worker(spark, spark_out) -> None:
    workers = wspark.worker_info(spark, tasks=2)
    assert workers and all(w["resource_loads"] == 1 for w in workers)


def test_partitions_must_be_positive() -> None:
    assert spark_cmd("in.jsonl", "out", "local[1]", 0) == 2


def test_spark_cmd_exit_codes(spark, spark_out, articles_jsonl: Path, tmp_path: Path) -> None:
    # Runs last in this module: spark_cmd stops the shared session when it is done.
    assert spark_cmd(str(articles_jsonl), str(tmp_path / "out"), "local[1]", 2) == 1
    assert pq.read_table(tmp_path / "out" / "events").num_rows > 0
    assert spark_cmd(str(tmp_path / "missing.parquet"), str(tmp_path / "out2"), "local[1]", None) == 2


def test_ingest_from_spark_is_idempotent_and_matches_parquet_export(spark_out, tmp_path: Path) -> None:
    """`wirecoder ingest --from-spark` stores what Spark extracted; the store's Parquet export then has
    the same events as the Spark output, and loading the result twice changes nothing."""
    from wirecoder.store import Store, load_spark_output

    out, _ = spark_out
    with Store.open(tmp_path / "s.duckdb") as store:
        first = load_spark_output(store, out)
        second = load_spark_output(store, out)
        assert first.new == len(GOOD) and second.new == 0 and second.duplicate == len(GOOD)
        assert {reason for _, reason in store.con.execute("SELECT input, reason FROM errors").fetchall()}
        store.export(tmp_path / "e.parquet", "parquet")
    exported = _spark_rows(tmp_path / "e.parquet")
    spark_rows = _spark_rows(out / "events")
    key = ("article_id", "rank", "event_type", "source_name", "place_name", "date", "killed", "stance")
    assert [tuple(r[k] for k in key) for r in exported] == [tuple(r[k] for k in key) for r in spark_rows]
