"""`wirecoder ...`: a thin shell over the library (pipeline, geo, actors, store).

Exit codes: 0 all inputs processed, 1 some input or article failed (each reported on stderr, the rest
still processed), 2 usage error.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    help="Turn conflict news into structured, geolocated, source-attributed event data - offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
err = Console(stderr=True)
log = logging.getLogger("wirecoder")


class OutFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


def _register_subcommands() -> None:
    from wirecoder.actors.cli import actors_app
    from wirecoder.geo.cli import gazetteer_app
    from wirecoder.store_cli import store_app

    app.add_typer(gazetteer_app, name="gazetteer", help="Build or inspect the offline place index.")
    app.add_typer(actors_app, name="actors", help="Validate actor knowledge-base files.")
    # ingest, query, export, clusters, contradictions are top-level commands over the DuckDB store
    app.registered_commands.extend(store_app.registered_commands)


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt, .jsonl, .jsonl.gz, ...) or - for stdin.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs without one.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source/outlet name for inputs without one.")] = None,
    format: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", help="Worker processes (default 1).")] = 1,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor KB YAML file(s).")
    ] = None,
) -> None:
    """Extract events from articles: one Extraction (JSON) per article, in input order.

    Examples:

      wirecoder extract story.txt --published 2017-03-03

      wirecoder extract feed.jsonl -o events.jsonl

      cat story.txt | wirecoder extract - --format csv
    """
    from wirecoder.ingest import ReadFailure, read_articles
    from wirecoder.pipeline import extract_many

    pub = _parse_date(published)
    failures = 0

    def articles():
        nonlocal failures
        for item in read_articles(paths, published=pub, source=source):
            if isinstance(item, ReadFailure):
                failures += 1
                _error(f"{item.input}: {item.reason}")
                continue
            yield item

    out = output.open("w", encoding="utf-8") if output else sys.stdout
    writer = _Writer(out, format)
    progress = _progress(paths) if output is not None and err.is_terminal else None
    try:
        for extraction in extract_many(articles(), processes=processes, actor_files=actors or []):
            if progress is not None:
                progress[0].advance(progress[1])
            if extraction.errors:
                failures += 1
                for problem in extraction.errors:
                    err.print(
                        f"[red]error[/red]: article {extraction.article.id}: {problem}", highlight=False
                    )
            writer.write(extraction)
        writer.close()
    finally:
        if progress is not None:
            progress[0].stop()
        if output:
            out.close()
    log.info("extracted %d articles (%d failed)", writer.count, failures)
    raise typer.Exit(1 if failures else 0)


def _progress(paths: list[str]):
    """A progress bar with rate and ETA on stderr (only when writing to a file from a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from wirecoder.ingest import estimate_count

    progress = Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=err, transient=True,
    )  # fmt: skip
    task = progress.add_task("extracting", total=estimate_count(paths))
    progress.start()
    return progress, task


class _Writer:
    """Streams Extractions as JSON lines, one JSON array, or one CSV row per event."""

    def __init__(self, out, format: OutFormat) -> None:
        self.out, self.format, self.count = out, format, 0
        self.csv = None
        if format == OutFormat.json:
            out.write("[")
        elif format == OutFormat.csv:
            from wirecoder.tables import EVENT_COLUMNS

            self.csv = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
            self.csv.writeheader()

    def write(self, extraction) -> None:
        if self.format == OutFormat.jsonl:
            self.out.write(extraction.model_dump_json() + "\n")
        elif self.format == OutFormat.json:
            self.out.write(("," if self.count else "") + "\n" + extraction.model_dump_json(indent=2))
        else:
            from wirecoder.tables import event_rows

            for row in event_rows(extraction):
                self.csv.writerow(row)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.format == OutFormat.json:
            self.out.write("\n]\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output (an Extraction per article)."""
    from wirecoder.schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command()
def geoparse(
    paths: Annotated[list[str], typer.Argument(help="Files or folders, or - for stdin.")],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="JSON lines (the default; kept for scripts).")
    ] = True,
    ner: Annotated[
        bool, typer.Option("--ner", help="Also run spaCy's NER (slower; see bench/geoparse.py).")
    ] = False,
) -> None:
    """Find and resolve every place name: one JSON line per article with its toponyms.

    Example: wirecoder geoparse story.txt
    """
    from wirecoder.geo.cli import geoparse_cmd

    raise typer.Exit(geoparse_cmd(paths, jsonl, ner))


@app.command()
def serve(
    db: Annotated[Path, typer.Option(help="The DuckDB store to serve (read-only).")] = Path(
        "wirecoder.duckdb"
    ),
    host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the HTTP API and the dashboard over a store.

    Example: wirecoder serve --db events.duckdb  (then open http://127.0.0.1:8000/)
    """
    from wirecoder.serve_cli import serve_cmd

    raise typer.Exit(serve_cmd(db, host, port))


@app.command()
def spark(
    input: Annotated[
        str, typer.Argument(help="Parquet or JSON lines of articles (local path or any Spark URI).")
    ],
    output: Annotated[str, typer.Argument(help="Output folder: events/ and errors/ as Parquet.")],
    master: Annotated[str, typer.Option(help="Spark master URL.")] = "local[*]",
    partitions: Annotated[int | None, typer.Option(help="Number of input partitions.")] = None,
) -> None:
    """Run the same extraction as a Spark job (mapInArrow over articles).

    Example: wirecoder spark articles.parquet out/ --master local[2]
    """
    from wirecoder.spark_cli import spark_cmd

    raise typer.Exit(spark_cmd(input, output, master, partitions))


def _error(message: str) -> None:
    """One line on stderr per problem (never wrapped, so scripts can grep it)."""
    sys.stderr.write(f"error: {' '.join(message.split())}\n")
    sys.stderr.flush()


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _error(f"--published must be YYYY-MM-DD, got {value!r}")
        raise typer.Exit(2) from None


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


_register_subcommands()
