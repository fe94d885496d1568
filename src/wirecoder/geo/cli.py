"""`wirecoder gazetteer build|info` and `wirecoder geoparse`: thin shells over the geo library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from wirecoder.geo.gazetteer import Gazetteer, build_from_geonames, default_path

gazetteer_app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None)


@gazetteer_app.command()
def build(
    geonames: Annotated[
        list[Path],
        typer.Option(
            "--geonames", help="GeoNames dump: allCountries.zip, cities500.zip, SY.zip or .txt (repeatable)."
        ),
    ],
    alternate_names: Annotated[
        Path | None, typer.Option("--alternate-names", help="alternateNamesV2.zip (optional).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Index file (default: the default index).")
    ] = None,
) -> None:
    """Build the place index from GeoNames dumps you downloaded (replaces the old index only when done).

    Example: wirecoder gazetteer build --geonames allCountries.zip --alternate-names alternateNamesV2.zip
    """
    for path in [*geonames, *([alternate_names] if alternate_names else [])]:
        if not path.is_file():
            typer.echo(f"wirecoder: {path}: no such file", err=True)
            raise typer.Exit(1)
    dest = out or default_path()
    build_from_geonames(dest, geonames, alternate_names)
    typer.echo(json.dumps(Gazetteer.open(dest).info()))


@gazetteer_app.command()
def info(path: Annotated[Path | None, typer.Option("--path", help="Index file.")] = None) -> None:
    """Say which index is loaded: its file, source data, counts and build time."""
    typer.echo(json.dumps(Gazetteer.open(path).info(), indent=2))


def geoparse_cmd(paths: list[str], jsonl: bool, ner: bool = False) -> int:
    """Print the toponyms of each article, one JSON line per article (pretty JSON unless `jsonl`).

    A .txt file or stdin is geoparsed whole (offsets index the file's text, title line included); other
    formats (.jsonl, .csv, .html, ...) are read as for `extract`, and offsets index each article's text.
    """
    from wirecoder.geo.resolve import geoparse
    from wirecoder.ingest import ReadFailure, read_articles, read_text
    from wirecoder.schema import content_id

    status = 0

    def texts():
        nonlocal status
        for raw in paths:
            if raw == "-" or raw.lower().endswith(".txt"):
                text = read_text(raw)
                if isinstance(text, ReadFailure):
                    print(f"error: {text}", file=sys.stderr)
                    status = 1
                    continue
                yield (Path(raw).stem if raw != "-" else content_id(None, text)), text
                continue
            for item in read_articles([raw]):
                if isinstance(item, ReadFailure):
                    print(f"error: {item.input}: {item.reason}", file=sys.stderr)
                    status = 1
                else:
                    yield item.id, item.text

    for article_id, text in texts():
        if not text.strip():
            print(f"error: {article_id}: empty text", file=sys.stderr)
            status = 1
            continue
        places = geoparse(text, ner=ner)
        record = {"id": article_id, "toponyms": [
            {"text": p.text, "start": p.span[0], "end": p.span[1], "name": p.name, "geonameid": p.geonameid,
             "lat": p.lat, "lon": p.lon, "country": p.country, "feature_class": p.feature_class,
             "precision": p.precision, "score": p.score, "kind": p.kind} for p in places]}  # fmt: skip
        print(
            json.dumps(record, ensure_ascii=False)
            if jsonl
            else json.dumps(record, ensure_ascii=False, indent=2)
        )
    return status
