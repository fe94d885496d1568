"""The `wirecoder` command as a user runs it: real files, real process, exit codes, one-line errors."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

STORY = (
    "Militants storm army post in Borno\n\n"
    "Boko Haram fighters attacked an army post near Monguno on Saturday, killing three soldiers, "
    "a military source told reporters."
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wirecoder", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    (d / "good.txt").write_text(STORY, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03garbage\x00")
    (d / "latin1.txt").write_bytes("Caf\xe9 attack".encode("latin-1"))
    (d / "huge.txt").write_bytes(b"Shelling continued overnight. " * 700_000)  # 21 MB
    lines = [
        json.dumps({"id": "a1", "text": "Soldiers arrested ten protesters in Khartoum on Monday."}),
        "{not json",
        json.dumps({"id": "a2", "title": "Blast", "text": "A car bomb exploded in Mogadishu on Friday."}),
    ]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(d / "feed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(lines[0] + "\n")
    return d


def test_extract_txt_jsonl_in_input_order(inputs):
    res = run("extract", str(inputs / "good.txt"), str(inputs / "feed.jsonl"), "--published", "2020-01-06")
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [x["article"]["id"] for x in out][1:] == ["a1", "a2"]
    assert out[0]["article"]["title"] == "Militants storm army post in Borno"
    assert out[0]["events"][0]["event_type"] == "ASSAULT"
    # the malformed line is reported with its line number, the rest still came out
    assert "feed.jsonl:2" in res.stderr
    assert res.returncode == 1


def test_clean_run_exits_zero_and_ids_are_stable(inputs):
    first = run("extract", str(inputs / "good.txt"))
    second = run("extract", str(inputs / "good.txt"))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["article"]["id"] == json.loads(second.stdout)["article"]["id"]


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "latin1.txt", "missing.txt", "huge.txt"])
def test_bad_inputs_one_line_error_no_traceback(inputs, name):
    res = run("extract", str(inputs / name), str(inputs / "good.txt"))
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and name in errors[0], res.stderr
    assert "Traceback" not in res.stderr
    assert len(res.stdout.splitlines()) == 1  # the good story still came out


def test_stdin_and_csv(inputs):
    res = run("extract", "-", "--format", "csv", stdin=STORY)
    assert res.returncode == 0, res.stderr
    header, first = res.stdout.splitlines()[:2]
    assert header.startswith("article_id,event_id,rank,event_type")
    assert ",ASSAULT," in first


def test_bad_date_is_a_usage_error(inputs):
    res = run("extract", str(inputs / "good.txt"), "--published", "yesterday")
    assert res.returncode == 2
    assert "YYYY-MM-DD" in res.stderr


def test_schema_is_json_schema():
    res = run("schema")
    schema = json.loads(res.stdout)
    assert {"article", "events", "actors", "places", "errors"} <= set(schema["properties"])
    assert "Event" in schema["$defs"]


def test_geoparse_reads_jsonl_and_reports_offsets(tmp_path):
    feed = tmp_path / "places.jsonl"
    text = "Government jets bombed Saraqib and Ariha in Idlib province."
    feed.write_text(json.dumps({"id": "g1", "text": text}) + "\n{broken\n", encoding="utf-8")
    res = run("geoparse", str(feed))
    assert res.returncode == 1 and "places.jsonl:2" in res.stderr
    record = json.loads(res.stdout.splitlines()[0])
    assert record["id"] == "g1"
    found = {t["text"]: t for t in record["toponyms"]}
    assert "Saraqib" in found and found["Saraqib"]["country"] == "SY"
    for t in record["toponyms"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_geoparse_with_ner_also_finds_the_places(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Shelling hit Idlib and the town of Saraqib on Monday.\n", encoding="utf-8")
    plain = json.loads(run("geoparse", str(story)).stdout)
    with_ner = json.loads(run("geoparse", "--ner", str(story)).stdout)
    for record in (plain, with_ner):
        assert {"Idlib", "Saraqib"} <= {t["text"] for t in record["toponyms"]}


def test_geoparse_bad_text_files_get_one_line_each(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01 not text")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 in Homs".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Shelling hit Idlib on Monday.\n", encoding="utf-8")
    names = ["missing.txt", "empty.txt", "bin.txt", "latin.txt", "good.txt"]
    res = run("geoparse", *(str(tmp_path / n) for n in names))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ")[2] for e in errors] == [
        "no such file or directory",
        "empty file",
        "binary file (NUL byte at offset 0)",
        "not UTF-8 text (invalid byte 0xe9 at offset 3)",
    ]
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["good"]
