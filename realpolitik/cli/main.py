"""`realpolitik COMMAND`: each command group lives in its own module with a `register(app)`."""
from __future__ import annotations

import importlib
import sys

import typer

from .output import CliError

app = typer.Typer(
    name="realpolitik",
    help="Turn news into a sourced record of who does what to whom, and analyse diplomatic tactics.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Order here is the order of the pipeline, which is also the order in --help.
COMMAND_MODULES = ["ingest", "code", "evaluate", "data", "analysis", "brief", "serve"]

for _name in COMMAND_MODULES:
    importlib.import_module(f"realpolitik.cli.{_name}").register(app)


@app.callback()
def main() -> None:
    """realpolitik: news in, coded events and tactic analysis out."""


@app.command()
def version() -> None:
    """Print the realpolitik version and the store schema version."""
    from .. import __version__
    from ..store import SCHEMA_VERSION

    typer.echo(f"realpolitik {__version__} (store schema {SCHEMA_VERSION})")


def run() -> None:
    try:
        app()
    except CliError as exc:
        # One line naming the input and what is wrong; no traceback for users' mistakes.
        typer.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    run()
