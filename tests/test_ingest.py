"""Readers: every format in, Articles or one-line ReadFailures out, never an exception."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from wirecoder.ingest import ReadFailure, read_articles, split_title
from wirecoder.schema import Article, content_id

STORY = (
    "Two soldiers were killed when gunmen attacked an army checkpoint outside Mosul on Sunday, "
    "the Iraqi defence ministry said."
)
STORY2 = "Thousands of people marched through central Khartoum on Monday to demand a civilian government."


def read(*paths, **kw) -> list[Article | ReadFailure]:
    return list(read_articles([str(p) for p in paths], **kw))


def failures(items) -> dict[str, str]:
    return {f.input: f.reason for f in items if isinstance(f, ReadFailure)}


def articles(items) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


# --------------------------------------------------------------------------- title rule


@pytest.mark.parametrize(
    "text, title, body",
    [
        ("Checkpoint attacked near Mosul\n\n" + STORY, "Checkpoint attacked near Mosul", STORY),
        ("Checkpoint attacked near Mosul\n" + STORY, "Checkpoint attacked near Mosul", STORY),
        (STORY + "\n" + STORY2, None, STORY + "\n" + STORY2),  # first line is a sentence, no blank line
        (STORY + "\n\n" + STORY2, STORY, STORY2),  # followed by a blank line: a title even with a period
        ("Only one line without a period", None, "Only one line without a period"),
        ("x" * 301 + "\n\n" + STORY, None, "x" * 301 + "\n\n" + STORY),  # too long to be a headline
        ("\n\n  Headline: Pentagon  \r\n\r\n" + STORY + "\r\n", "Headline: Pentagon", STORY),
        ('He said "we will fight."\n' + STORY, None, 'He said "we will fight."\n' + STORY),
    ],
)
def test_title_rule(text, title, body):
    assert split_title(text) == (title, body)


def test_txt_file_uses_argument_defaults(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Checkpoint attacked\n\n" + STORY, encoding="utf-8")
    [art] = read(f, published=date(2017, 3, 3), source="Wire")
    assert (art.title, art.text, art.published, art.source) == (
        "Checkpoint attacked",
        STORY,
        date(2017, 3, 3),
        "Wire",
    )
    assert art.id == content_id("Checkpoint attacked", STORY)


# --------------------------------------------------------------------------- bad input


def test_bad_files_give_one_line_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("Café bombed".encode("latin-1"))
    (tmp_path / "doc.txt").write_bytes(b"%PDF-1.4 whatever")
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # a sparse 50 MB file: the size check must trigger before any read
        fh.truncate(50_000_000)
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    items = read(*sorted(tmp_path.iterdir()), tmp_path / "missing.txt")
    reasons = failures(items)
    assert reasons[str(tmp_path / "empty.txt")] == "empty file"
    assert reasons[str(tmp_path / "blank.txt")] == "empty file"
    assert reasons[str(tmp_path / "binary.txt")] == "binary file (NUL byte at offset 3)"
    assert reasons[str(tmp_path / "latin1.txt")] == "not UTF-8 text (invalid byte 0xe9 at offset 3)"
    assert reasons[str(tmp_path / "doc.txt")] == "binary file (PDF document), not text"
    assert reasons[str(big)].startswith("too large (50,000,000 bytes")
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or directory"
    assert [a.text for a in articles(items)] == [STORY]
    assert all("\n" not in r for r in reasons.values())


def test_twenty_megabyte_text_is_refused_by_default(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"word " * 4_200_000)  # 21 MB of real text
    [fail] = read(f)
    assert isinstance(fail, ReadFailure) and "too large" in fail.reason
    assert read(f, max_bytes=30_000_000)[0].text.startswith("word word")


def test_garbage_never_raises(tmp_path):
    noise = bytes(range(256)) * 8
    for suffix in (
        ".txt",
        ".jsonl",
        ".jsonl.gz",
        ".csv",
        ".html",
        ".rss",
        ".xml",
        ".warc",
        ".parquet",
        ".json",
    ):
        (tmp_path / f"noise{suffix}").write_bytes(noise)
    items = read(tmp_path)
    assert len(items) == 10 and all(isinstance(i, ReadFailure) for i in items)


# --------------------------------------------------------------------------- JSON lines


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def test_jsonl_bad_lines_are_reported_and_the_rest_goes_on(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(
        jsonl(
            {"id": "a1", "title": "T", "text": STORY, "published": "2019-05-02", "source": "AP", "url": "u"},
            b'{"text": "unterminated',
            {"title": "no text here"},
            ["a", "list"],
            {"text": "   "},
            b'{"text": "bad byte \xff"}',
            {"id": 7, "text": STORY2, "published": "yesterday-ish"},
            {"text": STORY2, "published": "2020-01-31T10:00:00Z"},
        )
    )
    items = read(f, published=date(2001, 1, 1), source="Default")
    reasons = failures(items)
    assert reasons[f"{f}:2"].startswith("malformed JSON")
    assert reasons[f"{f}:3"] == "no 'text' field"
    assert reasons[f"{f}:4"] == "expected a JSON object, got list"
    assert reasons[f"{f}:5"] == "empty text"
    assert reasons[f"{f}:6"].startswith("not UTF-8 text")
    assert reasons[f"{f}:7"].startswith("unreadable date")
    first, last = articles(items)
    assert (first.id, first.published, first.source, first.url) == ("a1", date(2019, 5, 2), "AP", "u")
    assert (last.published, last.source) == (date(2020, 1, 31), "Default")
    assert last.id == content_id(None, STORY2)


def test_jsonl_gz_and_truncated_gzip(tmp_path):
    data = gzip.compress(jsonl(*({"text": f"{STORY} Number {i}."} for i in range(200))))
    (tmp_path / "ok.jsonl.gz").write_bytes(data)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    ok = read(tmp_path / "ok.jsonl.gz")
    assert len(articles(ok)) == 200
    cut = read(tmp_path / "cut.jsonl.gz")
    assert cut[-1] == ReadFailure(
        str(tmp_path / "cut.jsonl.gz"), "truncated gzip (compressed stream ended early)"
    )
    assert 0 < len(articles(cut)) < 200  # what came before the cut still comes out


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl({"text": STORY}, {"text": STORY2}))))
    assert [a.text for a in read("-")] == [STORY, STORY2]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("Headline\n\n" + STORY).encode())))
    [art] = read("-")
    assert (art.title, art.text) == ("Headline", STORY)


def test_directories_globs_and_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY2)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "notes.docx").write_bytes(b"ignored")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    assert [a.text for a in read(tmp_path)] == [STORY, STORY2]
    assert [a.text for a in read(tmp_path / "b" / "2.txt", tmp_path / "a.txt")] == [STORY2, STORY]
    assert [a.text for a in read(str(tmp_path / "**" / "*.txt"))] == [STORY, STORY2]
    assert failures(read(str(tmp_path / "*.nothing"))) == {
        str(tmp_path / "*.nothing"): "no files match this pattern"
    }
    (tmp_path / "void").mkdir()
    assert failures(read(tmp_path / "void")) == {str(tmp_path / "void"): "directory holds no supported files"}


# --------------------------------------------------------------------------- CSV and Parquet


def test_csv_columns_aliases_and_malformed_rows(tmp_path):
    f = tmp_path / "in.csv"
    f.write_text(
        "unit_id,article_title,article_content,date\n"
        f'1,First,"{STORY}",4/5/2017\n'
        "2,Short row\n"
        "3,No body,,1/1/2017\n"
        f'4,Second,"{STORY2}",2018-07-18\n',
        encoding="utf-8",
    )
    items = read(f, source="Sheet")
    assert failures(items) == {
        f"{f}#2": "malformed CSV row (2 fields, header has 4)",
        f"{f}#3": "empty text",
    }
    a, b = articles(items)
    assert (a.id, a.title, a.published, a.source) == ("1", "First", date(2017, 4, 5), "Sheet")
    assert (b.text, b.published) == (STORY2, date(2018, 7, 18))
    explicit = read(f, text_col="body")
    assert len(explicit) == 1 and "no text column 'body'" in explicit[0].reason


def test_csv_with_bad_bytes_midway(tmp_path):
    f = tmp_path / "in.csv"
    f.write_bytes(f'text\n"{STORY}"\n"bad \xff byte"\n"{STORY2}"\n'.encode().replace(b"\xc3\xbf", b"\xff"))
    items = read(f)
    assert articles(items)[0].text == STORY
    assert any("not UTF-8" in r for r in failures(items).values())


def test_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table({"headline": ["A", "B"], "body": [STORY, None], "published": ["2016-02-03", None]}),
        tmp_path / "in.parquet",
    )
    items = read(tmp_path / "in.parquet")
    assert failures(items) == {f"{tmp_path / 'in.parquet'}#2": "no 'text' field"}
    [art] = articles(items)
    assert (art.title, art.text, art.published) == ("A", STORY, date(2016, 2, 3))


# --------------------------------------------------------------------------- web formats

PAGE = f"""<html><head><title>Checkpoint attacked</title><meta name="date" content="2017-03-03"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Checkpoint attacked</h1><p>{STORY}</p><p>{STORY2}</p></article>
<footer>Copyright 2016 Example News</footer></body></html>"""


def test_html_body_and_boilerplate_only_page(tmp_path):
    (tmp_path / "good.html").write_text(PAGE)
    (tmp_path / "menu.html").write_text("<html><body><nav><a>Home</a> <a>World</a></nav></body></html>")
    items = read(tmp_path / "good.html", tmp_path / "menu.html")
    art = items[0]
    assert (art.title, art.published) == ("Checkpoint attacked", date(2017, 3, 3))
    assert art.text == f"{STORY}\n\n{STORY2}"
    assert items[1].reason.startswith("no article text found in the HTML")


def test_feed_with_broken_entries(tmp_path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Service</title>
<item><title>One</title><link>http://example.org/1</link><pubDate>Fri, 03 Mar 2017 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{STORY}&lt;/p&gt;&lt;p&gt;{STORY2}&lt;/p&gt;</description></item>
<item><title>Headline only</title></item>
<item><title>Two</title><description>{STORY2}</description></item>
</channel></rss>"""
    f = tmp_path / "feed.rss"
    f.write_text(feed)
    items = read(f)
    assert failures(items) == {f"{f}#2": "feed entry without text"}
    one, two = articles(items)
    assert (one.title, one.source, one.url, one.published) == (
        "One",
        "Wire Service",
        "http://example.org/1",
        date(2017, 3, 3),
    )
    assert one.text == f"{STORY}\n\n{STORY2}"
    assert two.text == STORY2
    (tmp_path / "notafeed.rss").write_text("<rss><channel></channel></rss>")
    assert read(tmp_path / "notafeed.rss")[0].reason.startswith("feed with no entries")


def test_warc(tmp_path):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, ctype in [
            ("http://example.org/a", PAGE.encode(), "text/html; charset=utf-8"),
            ("http://example.org/logo.png", b"\x89PNG...", "image/png"),
            ("http://example.org/menu", b"<html><body><nav>Home</nav></body></html>", "text/html"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    items = read(path)
    assert articles(items)[0].url == "http://example.org/a"
    assert failures(items) == {
        f"{path}#2": "no article text found in the HTML (only navigation or boilerplate)"
    }


def test_heavy_parsers_are_not_imported_for_plain_text(tmp_path):
    import subprocess

    f = tmp_path / "a.txt"
    f.write_text(STORY)
    code = (
        "import sys; from wirecoder.ingest import read_articles;"
        f"list(read_articles([{str(f)!r}]));"
        "print(sorted(m for m in ('trafilatura','feedparser','warcio','pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_paths_are_strings_in_failures(tmp_path):
    assert isinstance(read(Path(tmp_path) / "nope.txt")[0].input, str)


# --------------------------------------------------------------------------- into the store (real pipeline)


def bad_corpus(root: Path) -> set[str]:
    """A folder of every kind of bad input next to two good stories; returns the bad inputs' names."""
    (root / "good1.txt").write_text("Checkpoint attacked near Mosul\n\n" + STORY)
    (root / "good2.jsonl").write_text(
        json.dumps({"id": "k1", "text": STORY2, "published": "2019-04-08"}) + "\n{oops\n"
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    (root / "latin1.txt").write_bytes("Soldats tués à Gao".encode("latin-1"))
    with open(root / "huge.txt", "wb") as fh:
        fh.truncate(50_000_000)
    (root / "broken.csv").write_text('text,title\n"unterminated quote\n')
    (root / "cut.jsonl.gz").write_bytes(gzip.compress(jsonl({"text": STORY}) * 50)[:60])
    (root / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    (root / "feed.rss").write_text(
        "<rss><channel><title>W</title><item><title>x</title></item></channel></rss>"
    )
    return {"empty.txt", "binary.txt", "latin1.txt", "huge.txt", "broken.csv", "cut.jsonl.gz", "menu.html"}


def test_ingest_records_every_bad_input_and_is_idempotent(tmp_path):
    from typer.testing import CliRunner

    from wirecoder.store import Store
    from wirecoder.store_cli import store_app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bad = bad_corpus(corpus)
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    args = ["ingest", str(corpus), "--db", db, "-p", "1", "--no-progress", "--published", "2019-04-09"]
    first = runner.invoke(store_app, args)
    assert first.exit_code == 1, first.output
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        errors = store.errors()
    assert counts["articles"] == 2
    failed = {Path(e["input"].split(":")[0].split("#")[0]).name for e in errors}
    assert bad | {"good2.jsonl", "feed.rss"} <= failed  # good2.jsonl:2 and feed.rss#1 are bad records
    assert all("\n" not in e["reason"] for e in errors)
    second = runner.invoke(store_app, args)
    assert second.exit_code == 1
    with Store.open(db, read_only=True) as store:
        assert store.counts() == counts
        assert len(store.errors()) == len(errors)
