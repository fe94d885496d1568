"""`wirecoder actors ...`: validate user KB files (a thin shell over `wirecoder.actors.kb`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wirecoder.actors.kb import check_file

actors_app = typer.Typer(help="Work with the actor knowledge base.", no_args_is_help=True)


@actors_app.command("check")
def check(
    file: Annotated[Path, typer.Argument(help="A KB YAML file (format: see data/countries.yaml).")],
) -> None:
    """Check a KB YAML file: unknown fields, bad kinds/sectors/country codes, duplicate or ambiguous aliases.

    Prints one line per problem and exits 1 when there is any, else prints "ok" and exits 0.

    Example: wirecoder actors check my_actors.yaml
    """
    if not file.is_file():
        typer.echo(f"{file}: no such file", err=True)
        raise typer.Exit(1)
    problems = check_file(file)
    for line in problems:
        typer.echo(line)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{file}: ok")


@actors_app.callback()
def _main() -> None:
    """Work with the actor knowledge base."""
