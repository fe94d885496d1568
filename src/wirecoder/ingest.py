"""Readers: every supported input format in, `Article`s (or one-line `ReadFailure`s) out, in input order.

Why one generator for everything: the CLI, the store's ingest and the benchmarks all want the same
contract - a bad file, line or row never raises, it becomes a `ReadFailure` naming the input and the
reason, and the good articles around it still come out. Heavy parsers (trafilatura, feedparser, warcio,
pyarrow) are imported only when a file of their format shows up, so plain `.txt` / `.jsonl` reading
stays cheap.

Formats, chosen by file name (a trailing `.gz` is decompressed), or sniffed from the content for `-`
(stdin) and for names with an unknown suffix:

- `.txt`   one article; the title rule is in `split_title`.
- `.jsonl` / `.ndjson`  one article per line: `{"id","title","text","published","source","url"}`, only
  `text` required. `.json`: one such object or a list of them.
- `.csv` / `.tsv`  one article per row; columns named by the `*_col` options (see `_pick_column`).
- `.html` / `.htm`  the article body via trafilatura (title and date from the page metadata).
- `.rss` / `.atom` / `.xml`  RSS or Atom feeds via feedparser, one article per entry.
- `.warc` / `.arc`  HTML responses inside a web archive via warcio + trafilatura.
- `.parquet`  one article per row, same columns as CSV.

`published` / `source` arguments are defaults: a record that carries its own date or source keeps it.
`max_bytes` caps a single-article file (and each record's text); container files (JSONL, CSV, Parquet,
WARC, feeds) are streamed and may be larger.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from wirecoder.schema import Article

STDIN = "-"
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | JSONL_SUFFIXES | {".json"} | CSV_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
) | {".parquet"}

MIN_HTML_WORDS = 8  # fewer words than this is a menu or a stub, not an article body
TITLE_MAX_CHARS = 300  # a first line longer than this is never a headline
SHORT_TITLE_CHARS = 150
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_GLOB_CHARS = re.compile(r"[*?\[]")
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (docx/xlsx?)",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"\x7fELF": "executable",
}
_ALIASES = {
    "text": ("text", "body", "content", "article_content", "article_text", "story"),
    "title": ("title", "headline", "article_title"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date", "datetime"),
    "source": ("source", "outlet", "publisher", "site"),
    "id": ("id", "article_id", "doc_id", "unit_id"),
}


@dataclass
class ReadFailure:
    """One input that could not be read: `input` names the file (plus `:LINE` or `#ROW` for a record
    inside a container file), `reason` is one human-readable line."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


class _Bad(Exception):
    """Internal: a reason to skip the current input (never escapes `read_articles`)."""


@dataclass
class _Defaults:
    published: date | None
    source: str | None
    cols: dict[str, str]
    max_bytes: int


def read_articles(
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    text_col: str = "text",
    title_col: str = "title",
    date_col: str = "published",
    source_col: str = "source",
    id_col: str = "id",
    max_bytes: int = 20_000_000,
) -> Iterator[Article | ReadFailure]:
    """Every article of `paths` in input order; each unreadable input/record becomes a `ReadFailure`.

    `paths` may hold files, directories (recursed for supported suffixes, sorted, hidden entries
    skipped), glob patterns, and `-` for stdin. Never raises for bad input.
    """
    defaults = _Defaults(
        published,
        source,
        {"text": text_col, "title": title_col, "published": date_col, "source": source_col, "id": id_col},
        max_bytes,
    )
    for name in expand_paths(paths):
        if isinstance(name, ReadFailure):
            yield name
            continue
        try:
            yield from _read_one(name, defaults)
        except _Bad as bad:
            yield ReadFailure(name, str(bad))
        except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield ReadFailure(name, _os_reason(exc))
        except Exception as exc:  # a parser library failing in a way we did not foresee
            yield ReadFailure(name, f"unreadable ({type(exc).__name__}: {_one_line(str(exc))})")


def expand_paths(paths: Iterable[str]) -> Iterator[str | ReadFailure]:
    """Files to read, in order: directories recursed, globs expanded, missing paths reported."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and _suffix(p.name) in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield ReadFailure(raw, "directory holds no supported files")
            yield from found
        elif path.exists():
            yield raw
        elif _GLOB_CHARS.search(raw):
            matches = sorted(m for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                yield ReadFailure(raw, "no files match this pattern")
            yield from matches
        else:
            yield ReadFailure(raw, "no such file or directory")


def split_title(text: str) -> tuple[str | None, str]:
    """Split a plain-text article into (title, body).

    The rule: the first non-blank line is the title when (1) more non-blank text follows it, (2) it is
    at most 300 characters, and (3) either the next line is blank, or the line is shorter than 150
    characters and does not end like a sentence (`.`, `!`, `?` or `…`, optionally followed by closing
    quotes or brackets). Otherwise there is no title and the whole text is the body. The body starts at
    its first non-blank line; trailing whitespace is dropped; line endings are normalised to `\\n`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, ""
    head = lines[first].strip()
    rest = lines[first + 1 :]
    has_more = any(line.strip() for line in rest)
    next_blank = bool(rest) and not rest[0].strip()
    short_headline = len(head) < SHORT_TITLE_CHARS and not _SENTENCE_END.search(head)
    if has_more and len(head) <= TITLE_MAX_CHARS and (next_blank or short_headline):
        body_lines = rest
        while body_lines and not body_lines[0].strip():
            body_lines = body_lines[1:]
        return head, "\n".join(body_lines).rstrip()
    return None, "\n".join(lines[first:]).rstrip()


# --------------------------------------------------------------------------- dispatch


def _suffix(name: str) -> str:
    """The format suffix of a file name, ignoring a trailing `.gz`."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return os.path.splitext(lower)[1]


def read_text(name: str, max_bytes: int = 20_000_000) -> str | ReadFailure:
    """A .txt file (or `-`, stdin) as one whole text, title line included, with the same checks and
    one-line reasons as `read_articles` (missing, empty, binary, not UTF-8, too large)."""
    try:
        if name == STDIN:
            return _decode(_decompress(sys.stdin.buffer.read(), max_bytes))
        return _decode(_read_capped(name, max_bytes))
    except _Bad as bad:
        return ReadFailure(name, str(bad))
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        return ReadFailure(name, _os_reason(exc))


def _read_one(name: str, d: _Defaults) -> Iterator[Article | ReadFailure]:
    if name == STDIN:
        data = _decompress(sys.stdin.buffer.read(), d.max_bytes)
        label = "<stdin>"
        yield from _read_bytes(label, data, _sniff(data), d)
        return
    suffix = _suffix(name)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(name, _open_stream(name), d)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(name, _open_stream(name), d, delimiter="\t" if suffix == ".tsv" else ",")
    elif suffix == ".parquet":
        yield from _read_parquet(name, d)
    elif suffix in WARC_SUFFIXES:
        yield from _read_warc(name, d)
    else:
        data = _read_capped(name, d.max_bytes)
        kind = {
            **dict.fromkeys(TEXT_SUFFIXES, "text"),
            **dict.fromkeys(HTML_SUFFIXES, "html"),
            **dict.fromkeys(FEED_SUFFIXES, "xml"),
            ".json": "json",
        }.get(suffix) or _sniff(data)
        yield from _read_bytes(name, data, kind, d)


def _read_bytes(label: str, data: bytes, kind: str, d: _Defaults) -> Iterator[Article | ReadFailure]:
    """Formats that arrive as one blob of bytes (single files, stdin)."""
    if kind == "jsonl":
        yield from _read_jsonl(label, io.BytesIO(data), d)
    elif kind == "json":
        yield from _read_json(label, data, d)
    elif kind == "csv":
        yield from _read_csv(label, io.BytesIO(data), d)
    elif kind == "html":
        yield _html_article(label, data, d)
    elif kind == "xml":
        if _looks_like_feed(data):
            yield from _read_feed(label, data, d)
        else:
            yield _html_article(label, data, d)
    elif kind == "parquet" or kind == "warc":
        raise _Bad(f"{kind} data must be given as a file with a .{kind} name")
    else:
        title, body = split_title(_decode(data))
        if not body.strip():
            raise _Bad("empty file")
        yield _article(label, d, text=body, title=title)


def _sniff(data: bytes) -> str:
    """Guess the format of nameless or oddly named input from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        return "jsonl"
    low = head[:512].lower()
    if low.startswith(b"<"):
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
            return "xml"
        return "html"
    return "text"


# --------------------------------------------------------------------------- bytes and text


def _open_stream(name: str) -> IO[bytes]:
    """A binary stream of the file's content, transparently gunzipped (checked by magic bytes)."""
    fh = open(name, "rb")
    if fh.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    return fh


def _read_capped(name: str, max_bytes: int) -> bytes:
    size = os.path.getsize(name)
    with open(name, "rb") as fh:
        magic = fh.read(2)
    if magic != b"\x1f\x8b" and size > max_bytes:
        raise _Bad(f"too large ({size:,} bytes; the limit is {max_bytes:,})")
    with open(name, "rb") as fh:
        return _decompress(fh.read(max_bytes + 1 if magic != b"\x1f\x8b" else -1), max_bytes)


def _decompress(data: bytes, max_bytes: int) -> bytes:
    """Gunzip `data` if it is gzip (never more than `max_bytes` out), else return it unchanged."""
    if data[:2] != b"\x1f\x8b":
        if len(data) > max_bytes:
            raise _Bad(f"too large ({len(data):,} bytes; the limit is {max_bytes:,})")
        return data
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        out = gz.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise _Bad(f"too large (more than {max_bytes:,} bytes once decompressed)")
    return out


def _decode(data: bytes, offset: int = 0) -> str:
    """Strict UTF-8 (BOM dropped) with a reason naming the first bad byte; NUL bytes mean binary."""
    if not data.strip():
        raise _Bad("empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise _Bad(f"binary file ({what}), not text")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _Bad(f"binary file (NUL byte at offset {offset + nul})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Bad(
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {offset + exc.start})"
        ) from None


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, EOFError) or "end-of-stream" in str(exc).lower():
        return "truncated gzip (compressed stream ended early)"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip ({_one_line(str(exc))})"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return _one_line(str(exc)) or type(exc).__name__


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- records


def _parse_date(value: Any) -> date | None:
    """ISO dates/datetimes first (fast, unambiguous), then dateutil for the rest (US month-first)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    from dateutil import parser

    try:
        return parser.parse(text, default=datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError):
        raise _Bad(f"unreadable date {text[:40]!r}") from None


def _article(
    label: str,
    d: _Defaults,
    *,
    text: Any,
    title: Any = None,
    published: Any = None,
    source: Any = None,
    id: Any = None,
    url: Any = None,
) -> Article:
    """Validate one record into an Article (the argument defaults fill what it lacks)."""
    if not isinstance(text, str):
        raise _Bad("no 'text' field" if text is None else f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        raise _Bad("empty text")
    if len(text) > d.max_bytes // 4 and len(text.encode("utf-8")) > d.max_bytes:
        raise _Bad(f"text too large (more than {d.max_bytes:,} bytes)")
    if "\x00" in text:
        raise _Bad("text holds NUL characters (binary data?)")
    try:
        return Article(
            id="" if id is None or id == "" else str(id),
            title=_clean(title),
            text=text,
            published=_parse_date(published) or d.published,
            source=_clean(source) or d.source,
            url=_clean(url),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise _Bad(f"invalid {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _record(label: str, rec: Any, d: _Defaults) -> Article:
    if not isinstance(rec, dict):
        raise _Bad(f"expected a JSON object, got {type(rec).__name__}")
    cols = d.cols
    return _article(
        label,
        d,
        text=rec.get(cols["text"]),
        title=rec.get(cols["title"]),
        published=rec.get(cols["published"]),
        source=rec.get(cols["source"]),
        id=rec.get(cols["id"]),
        url=rec.get("url"),
    )


def _guarded(label: str, make) -> Article | ReadFailure:
    try:
        return make()
    except _Bad as bad:
        return ReadFailure(label, str(bad))


# --------------------------------------------------------------------------- JSON


def _read_jsonl(label: str, stream: IO[bytes], d: _Defaults) -> Iterator[Article | ReadFailure]:
    seen_any = seen_article = False
    with stream:
        for lineno, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            seen_any = True
            where = f"{label}:{lineno}"
            try:
                line = _decode(raw)
                rec = json.loads(line)
            except _Bad as bad:
                if not seen_article and "NUL" in str(bad):
                    raise  # binary data from the start: one failure for the file, not one per "line"
                yield ReadFailure(where, str(bad))
                continue
            except json.JSONDecodeError as exc:
                yield ReadFailure(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
                continue
            item = _guarded(where, lambda rec=rec, where=where: _record(where, rec, d))
            seen_article = seen_article or isinstance(item, Article)
            yield item
    if not seen_any:
        raise _Bad("empty file")


def _read_json(label: str, data: bytes, d: _Defaults) -> Iterator[Article | ReadFailure]:
    try:
        doc = json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise _Bad(f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    if isinstance(doc, dict):
        yield _guarded(label, lambda: _record(label, doc, d))
        return
    if not isinstance(doc, list):
        raise _Bad(f"expected a JSON object or list, got {type(doc).__name__}")
    for i, rec in enumerate(doc, start=1):
        where = f"{label}#{i}"
        yield _guarded(where, lambda rec=rec, where=where: _record(where, rec, d))


# --------------------------------------------------------------------------- tables


def _pick_column(header: Sequence[str], wanted: str, field: str) -> str | None:
    """The column for `field`: the one named by the option; when the option is left at its default
    and no column has that name, a common alias (case-insensitive; e.g. `body`, `article_content` for
    text, `headline` for title, `date` for published)."""
    if wanted in header:
        return wanted
    if wanted != {"published": "published"}.get(field, field):
        return None  # an explicit, missing column: no guessing
    lower = {h.lower().strip(): h for h in header if h is not None}
    for alias in _ALIASES[field]:
        if alias in lower:
            return lower[alias]
    return None


def _columns(label: str, header: Sequence[str], d: _Defaults) -> dict[str, str | None]:
    cols = {field: _pick_column(header, wanted, field) for field, wanted in d.cols.items()}
    if cols["text"] is None:
        shown = ", ".join(h for h in header if h)[:120]
        raise _Bad(f"no text column {d.cols['text']!r} (columns: {shown}); use --text-col")
    return cols


def _row_article(label: str, row: dict, cols: dict[str, str | None], d: _Defaults) -> Article:
    def get(field: str) -> Any:
        col = cols[field]
        return row.get(col) if col else None

    return _article(
        label,
        d,
        text=get("text"),
        title=get("title"),
        published=get("published"),
        source=get("source"),
        id=get("id"),
        url=row.get("url"),
    )


def _read_csv(
    label: str, stream: IO[bytes], d: _Defaults, delimiter: str = ","
) -> Iterator[Article | ReadFailure]:
    """Rows in order; bad bytes are kept as surrogates while parsing so only their row is lost."""
    csv.field_size_limit(max(d.max_bytes, 131072))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    with text:
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise _Bad("empty file") from None
        except csv.Error as exc:
            raise _Bad(f"malformed CSV ({exc})") from None
        if not any(h.strip() for h in header):
            raise _Bad("empty file")
        _check_fields(header)
        cols = _columns(label, header, d)
        row_no = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield ReadFailure(f"{label}#{row_no + 1}", f"malformed CSV ({exc}); rest of file skipped")
                return
            row_no += 1
            if not any(f.strip() for f in fields):
                continue
            where = f"{label}#{row_no}"
            if len(fields) != len(header):
                reason = f"malformed CSV row ({len(fields)} fields, header has {len(header)})"
                yield ReadFailure(where, reason)
                continue
            try:
                _check_fields(fields)
            except _Bad as bad:
                yield ReadFailure(where, str(bad))
                continue
            row = dict(zip(header, fields, strict=True))
            yield _guarded(where, lambda row=row, where=where: _row_article(where, row, cols, d))


_SURROGATE = re.compile("[\udc80-\udcff]")


def _check_fields(fields: Sequence[str]) -> None:
    for value in fields:
        if "\x00" in value:
            raise _Bad("binary file (NUL bytes)")
        bad = _SURROGATE.search(value)
        if bad:
            raise _Bad(f"not UTF-8 text (invalid byte 0x{ord(bad.group()) - 0xDC00:02x})")


def _read_parquet(label: str, d: _Defaults) -> Iterator[Article | ReadFailure]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(label)
    except (pa.ArrowException, OSError) as exc:
        raise _Bad(f"not a readable Parquet file ({_one_line(str(exc), 100)})") from None
    cols = _columns(label, pf.schema_arrow.names, d)
    wanted = sorted({c for c in cols.values() if c} | ({"url"} & set(pf.schema_arrow.names)))
    row_no = 0
    for batch in pf.iter_batches(batch_size=2048, columns=wanted):
        for row in batch.to_pylist():
            row_no += 1
            where = f"{label}#{row_no}"
            yield _guarded(where, lambda row=row, where=where: _row_article(where, row, cols, d))


# --------------------------------------------------------------------------- web formats


def _html_article(
    label: str, data: bytes, d: _Defaults, *, url: str | None = None, fallback_date: Any = None
) -> Article | ReadFailure:
    """The main text of one HTML page (boilerplate removed) via trafilatura."""
    try:
        html = _decode(data)
    except _Bad as bad:
        return ReadFailure(label, str(bad))
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    lines = [line.strip() for line in (getattr(doc, "text", None) or "").split("\n") if line.strip()]
    if lines and doc.title and lines[0] == doc.title.strip():
        lines = lines[1:]  # the headline repeated as the first paragraph
    body = "\n\n".join(lines)  # one blank line between paragraphs, as the sentence splitter expects
    if len(body.split()) < MIN_HTML_WORDS:
        return ReadFailure(label, "no article text found in the HTML (only navigation or boilerplate)")
    return _guarded(
        label,
        lambda: _article(
            label,
            d,
            text=body,
            title=doc.title,
            published=_lenient_date(doc.date) or _lenient_date(fallback_date),
            source=doc.sitename,
            url=url or doc.url,
        ),
    )


def _lenient_date(value: Any) -> date | None:
    try:
        return _parse_date(value)
    except _Bad:
        return None


def _looks_like_feed(data: bytes) -> bool:
    low = data[:4096].lower()
    return b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low


def _html_to_text(fragment: str) -> str:
    """Feed entries carry small HTML fragments: keep their text, one paragraph per block."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on garbage; the raw text is the best fallback
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = {"p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"}
    for el in root.iter():
        if el.tag in blocks:
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def _read_feed(label: str, data: bytes, d: _Defaults) -> Iterator[Article | ReadFailure]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        raise _Bad(f"feed with no entries{f' ({_one_line(str(why), 100)})' if why else ''}")
    feed_title = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"{label}#{i}"
        content = entry.get("content") or []
        raw = (content[0].get("value") if content else None) or entry.get("summary") or ""
        text = _html_to_text(raw)
        if not text:
            yield ReadFailure(where, "feed entry without text")
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        yield _guarded(
            where,
            lambda text=text, entry=entry, when=when, where=where: _article(
                where,
                d,
                text=text,
                title=entry.get("title"),
                published=date(*when[:3]) if when else None,
                source=feed_title,
                url=entry.get("link"),
            ),
        )


def _read_warc(label: str, d: _Defaults) -> Iterator[Article | ReadFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    with open(label, "rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read(d.max_bytes + 1)
                where = f"{label}#{n}"
                if len(body) > d.max_bytes:
                    yield ReadFailure(where, f"response too large (more than {d.max_bytes:,} bytes)")
                    continue
                yield _html_article(
                    where, body, d, url=url, fallback_date=record.rec_headers.get_header("WARC-Date")
                )
        except ArchiveLoadFailed as exc:
            raise _Bad(f"not a readable WARC file ({_one_line(str(exc), 100)})") from None
    if n == 0:
        raise _Bad("WARC file holds no HTML responses")


# --------------------------------------------------------------------------- ingest into the store


@dataclass
class IngestSummary:
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    clusters: int | None = None
    contradictions: int | None = None

    @property
    def rate(self) -> float:
        done = self.new + self.duplicate + self.near_duplicate + self.failed
        return done / self.seconds if self.seconds else 0.0


def estimate_count(paths: Sequence[str]) -> int | None:
    """How many records `read_articles(paths)` will yield, when that is cheap to know (for the ETA)."""
    total = 0
    for name in expand_paths(paths):
        if isinstance(name, ReadFailure):
            total += 1
            continue
        suffix = _suffix(name)
        if name == STDIN or suffix in WARC_SUFFIXES | FEED_SUFFIXES:
            return None
        if suffix in CSV_SUFFIXES:
            try:
                with _open_stream(name) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
                    total += max(1, sum(1 for _ in csv.reader(text)) - 1)
            except (OSError, EOFError, zlib.error, csv.Error):
                total += 1
            continue
        if suffix in JSONL_SUFFIXES:
            try:
                with _open_stream(name) as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError, zlib.error):
                total += 1
        elif suffix == ".parquet":
            try:
                import pyarrow.parquet as pq

                total += pq.ParquetFile(name).metadata.num_rows
            except Exception:  # unreadable: read_articles reports it as one failure
                total += 1
        else:
            total += 1
    return total


def ingest(
    paths: Sequence[str],
    db: str = "wirecoder.duckdb",
    *,
    processes: int | None = None,
    batch_size: int = 200,
    cluster: bool = True,
    progress: bool = True,
    console=None,
    **read_options: Any,
) -> IngestSummary:
    """Read, extract and store every article of `paths` into the store at `db`.

    Articles already stored (same normalised body) are skipped before extraction, so a re-run after
    an interruption only does the missing work. Each batch is committed in one transaction and the file
    is released between batches, so readers can get in while a long ingest runs.
    """
    import threading
    import time
    from collections import deque

    from wirecoder.pipeline import extract_many
    from wirecoder.store import Store, content_key

    started = time.monotonic()
    summary = IngestSummary()
    store = Store.open(db, wait=60.0)
    known = store.known_keys()
    failures: deque[ReadFailure] = deque()
    queued: deque[Article] = deque()
    lock = threading.Lock()
    bar = _progress(console, estimate_count(paths) if progress else None, enabled=progress)
    task = bar.tasks[0].id if bar else None

    def advance() -> None:
        if bar is not None:
            bar.advance(task)

    def fresh() -> Iterator[Article]:
        for item in read_articles(paths, **read_options):
            if isinstance(item, ReadFailure):
                failures.append(item)
                advance()
                continue
            key = content_key(item.text)
            if key in known:
                with lock:
                    summary.duplicate += 1
                advance()
                continue
            known.add(key)
            queued.append(item)
            yield item

    def flush(batch: list) -> None:
        result = store.add_many(batch)
        with lock:
            summary.new += result.new
            summary.duplicate += result.duplicate
            summary.near_duplicate += result.near_duplicate
            summary.events += sum(len(ex.events) for ex, _ in batch)
            summary.failed += result.failed
        drained = [failures.popleft() for _ in range(len(failures))]
        store.add_errors((f.input, f.reason) for f in drained)
        summary.failed += len(drained)
        store.release()  # let readers in between batches
        for _ in batch:
            advance()

    if bar is not None:
        bar.start()
    try:
        batch: list = []
        last = time.monotonic()
        for extraction in extract_many(fresh(), processes=processes or os.cpu_count() or 1):
            batch.append((extraction, queued.popleft()))
            if len(batch) >= batch_size or time.monotonic() - last > 5.0:
                flush(batch)
                batch, last = [], time.monotonic()
        flush(batch)
        if cluster:
            from wirecoder.corroborate import corroborate

            summary.clusters, summary.contradictions = corroborate(store)
    finally:
        if bar is not None:
            bar.stop()
        store.close()
    summary.seconds = time.monotonic() - started
    return summary


def _progress(console, total: int | None, enabled: bool):
    """A Rich progress bar with count, rate and ETA (None when disabled)."""
    if not enabled:
        return None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # articles per second, the number users watch
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} art/s" if speed else "")

    bar = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        Rate(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
    bar.add_task("ingest", total=total)
    return bar
