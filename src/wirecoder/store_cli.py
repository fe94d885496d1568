"""`wirecoder ingest | query | export | clusters | contradictions`: thin shells over ingest.py and store.py.

Register with `app.command("ingest")(ingest_cmd)` etc., or mount `store_app`. Errors are one line on
stderr; exit code 1 when any input failed (ingest) or the store is busy/missing, 2 for bad options.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

store_app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None)
err = Console(stderr=True)
out = Console()

DbOpt = Annotated[str, typer.Option("--db", help="The DuckDB store file.")]


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    geojson = "geojson"
    acled = "acled"
    plover = "plover"


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint=name) from None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise typer.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", param_hint="--bbox")
    return parts  # type: ignore[return-value]


def _open(db: str):
    from wirecoder.store import Store, StoreBusy

    try:
        return Store.open(db, read_only=True)
    except (StoreBusy, FileNotFoundError) as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None


@store_app.command("ingest")
def ingest_cmd(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, globs or - (txt, jsonl[.gz], csv, html, ...)"),
    ] = None,
    db: DbOpt = "wirecoder.duckdb",
    from_spark: Annotated[
        Path | None, typer.Option("--from-spark", help="Load a `wirecoder spark` OUTPUT folder instead.")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Default publication date YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Default source/outlet name.")] = None,
    text_col: Annotated[str, typer.Option(help="CSV/Parquet column with the article body.")] = "text",
    title_col: Annotated[str, typer.Option(help="CSV/Parquet column with the title.")] = "title",
    date_col: Annotated[
        str, typer.Option(help="CSV/Parquet column with the publication date.")
    ] = "published",
    source_col: Annotated[str, typer.Option(help="CSV/Parquet column with the outlet.")] = "source",
    id_col: Annotated[str, typer.Option(help="CSV/Parquet column with the article id.")] = "id",
    processes: Annotated[
        int, typer.Option("--processes", "-p", help="Worker processes (default: all cores).")
    ] = 0,
    batch_size: Annotated[int, typer.Option(help="Articles per committed transaction.")] = 200,
    cluster: Annotated[
        bool, typer.Option(help="Recompute event clusters and contradictions at the end.")
    ] = True,
    progress: Annotated[bool, typer.Option(help="Show the progress bar.")] = True,
) -> None:
    """Read, extract and store articles; each article once, however often it is ingested.

    Examples:

      wirecoder ingest news/ --db conflict.duckdb

      wirecoder ingest fakes.csv --text-col article_content --title-col article_title --date-col date

      wirecoder ingest --from-spark spark-out/ --db conflict.duckdb
    """
    from wirecoder.ingest import ingest
    from wirecoder.store import StoreBusy

    if from_spark is not None:
        raise typer.Exit(_ingest_spark(from_spark, db, cluster))
    if not sources:
        err.print("error: give files to ingest, or --from-spark OUTPUT", markup=False, highlight=False)
        raise typer.Exit(2)

    try:
        summary = ingest(
            sources,
            db,
            processes=processes or os.cpu_count() or 1,
            batch_size=batch_size,
            cluster=cluster,
            progress=progress and err.is_terminal,
            console=err,
            published=_date(published, "--published"),
            source=source,
            text_col=text_col,
            title_col=title_col,
            date_col=date_col,
            source_col=source_col,
            id_col=id_col,
        )
    except StoreBusy as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    _report_failures(db, summary)
    err.print(
        f"{summary.new} new, {summary.duplicate} duplicate, {summary.near_duplicate} near-duplicate, "
        f"{summary.failed} failed; {summary.events} events; "
        f"{summary.seconds:.1f} s ({summary.rate:.1f} articles/s)"
        + (
            f"; {summary.clusters} clusters, {summary.contradictions} contradictions"
            if summary.clusters is not None
            else ""
        ),
        markup=False,
        highlight=False,
    )
    raise typer.Exit(1 if summary.failed else 0)


def _ingest_spark(output: Path, db: str, cluster: bool) -> int:
    """`ingest --from-spark`: store a Spark result like a local ingest (idempotent), then cluster."""
    from wirecoder.corroborate import corroborate
    from wirecoder.store import Store, StoreBusy, load_spark_output

    try:
        with Store.open(db, wait=60.0) as store:
            result = load_spark_output(store, output)
            clusters = corroborate(store) if cluster and result.new else None
    except (StoreBusy, FileNotFoundError) as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        return 1
    summary = f"{result.new} new, {result.duplicate} duplicate, {result.near_duplicate} near-duplicate"
    if clusters is not None:
        summary += f"; {clusters[0]} clusters, {clusters[1]} contradictions"
    err.print(summary, markup=False, highlight=False)
    return 1 if result.failed else 0


def _report_failures(db: str, summary) -> None:
    """Print this run's failures (one line each) from the errors table."""
    if not summary.failed:
        return
    from wirecoder.store import Store

    with Store.open(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT input, reason FROM errors WHERE last_seen >= now() - to_microseconds(?) ORDER BY input",
            [int(summary.seconds * 1e6) + 1_000_000],
        ).fetchall()
    for input, reason in rows:
        err.print(f"error: {input}: {reason}", markup=False, highlight=False)


def _filters(start, end, country, bbox, actor, type, stance, source, limit):
    from wirecoder.store import Filters

    return Filters(
        start=_date(start, "--start"),
        end=_date(end, "--end"),
        country=country,
        bbox=_bbox(bbox),
        actor=actor,
        type=type,
        stance=stance,
        source=source,
        limit=limit,
    )


Start = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")]
End = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")]
Country = Annotated[str | None, typer.Option(help="Place country (ISO alpha-2/alpha-3 or name).")]
Bbox = Annotated[str | None, typer.Option(help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor name (substring) or KB id, either side.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER type or ACLED (sub)type.")]
StanceOpt = Annotated[str | None, typer.Option(help="asserted, denied, hedged, planned or future.")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Outlet name (substring).")]


@store_app.command("query")
def query_cmd(
    db: DbOpt = "wirecoder.duckdb",
    start: Start = None,
    end: End = None,
    country: Country = None,
    bbox: Bbox = None,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    stance: StanceOpt = None,
    source: SourceOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 50,
    format: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
) -> None:
    """Show stored events matching the filters (newest first).

    Example: wirecoder query --country SY --type ASSAULT --start 2017-01-01 --limit 20
    """
    with _open(db) as store:
        rows = store.query(_filters(start, end, country, bbox, actor, type, stance, source, limit))
    if format is QueryFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str) + "\n")
    elif format is QueryFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["uid"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table("date", "type", "source actor", "target actor", "place", "killed", "stance", "outlet")
        for r in rows:
            table.add_row(
                *(
                    str(v) if v is not None else ""
                    for v in (
                        r["date"] or r["published"],
                        r["event_type"],
                        r["source_name"],
                        r["target_name"],
                        r["place_name"],
                        r["killed"],
                        r["stance"],
                        r["source"],
                    )
                )
            )
        out.print(table)
        err.print(f"{len(rows)} events", highlight=False)


@store_app.command("export")
def export_cmd(
    output: Annotated[str, typer.Argument(help="File to write.")],
    db: DbOpt = "wirecoder.duckdb",
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output layout.")] = ExportFormat.csv,
    start: Start = None,
    end: End = None,
    country: Country = None,
    bbox: Bbox = None,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    stance: StanceOpt = None,
    source: SourceOpt = None,
) -> None:
    """Export events: csv, parquet, jsonl, geojson, or ACLED-/PLOVER-style CSV column layouts.

    Example: wirecoder export events.csv --format acled --country SY
    """
    with _open(db) as store:
        n = store.export(
            output, format.value, _filters(start, end, country, bbox, actor, type, stance, source, None)
        )
    err.print(f"{n} events -> {output} ({format.value})", markup=False, highlight=False)


@store_app.command("clusters")
def clusters_cmd(
    db: DbOpt = "wirecoder.duckdb",
    min_articles: Annotated[
        int, typer.Option(help="Only clusters reported by at least this many articles.")
    ] = 2,
    limit: Annotated[int, typer.Option(help="At most this many clusters.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """List events reported by several articles, with every supporting outlet."""
    with _open(db) as store:
        rows = store.clusters(min_articles=min_articles)[:limit]
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str) + "\n")
        return
    table = Table("cluster", "type", "dates", "place", "articles", "sources")
    for r in rows:
        dates = f"{r['first_date']}" + (f"..{r['last_date']}" if r["last_date"] != r["first_date"] else "")
        table.add_row(
            r["cluster_id"],
            r["event_type"],
            dates,
            r["place"] or "",
            str(r["n_articles"]),
            ", ".join(r["sources"] or []),
        )
    out.print(table)


@store_app.command("contradictions")
def contradictions_cmd(
    db: DbOpt = "wirecoder.duckdb",
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of text.")] = False,
) -> None:
    """Show clusters whose reports disagree (casualties, perpetrator, place), each side with its source."""
    with _open(db) as store:
        rows = store.contradictions()
    for r in rows:
        if as_json:
            sys.stdout.write(json.dumps(r, default=str) + "\n")
            continue
        out.print(
            f"[bold]{r['cluster_id']}[/bold] {r['kind']}: {r['a_value']} vs {r['b_value']}", highlight=False
        )
        out.print(f"  {r['a_source'] or '?'}: {r['a_claim']}", markup=False, highlight=False)
        out.print(f"  {r['b_source'] or '?'}: {r['b_claim']}", markup=False, highlight=False)
    if not as_json:
        err.print(f"{len(rows)} contradictions", highlight=False)
