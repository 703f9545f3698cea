"""The command group, its --db option, and the one place where errors become exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn the core's errors into one line on stderr and exit code 2 (the one place)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)
        except AnnotatorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ANNOTATOR_DB",
    help="Database file (default: in the user data folder, filled with the sample articles).",
)
@click.version_option(package_name="arabic-annotator")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Annotate and review Arabic news about public administration."""
    ctx.obj = {"db_path": db_path}


def open_store(ctx: click.Context, *, verify: bool = True) -> Store:
    """The store named by --db (or ANNOTATOR_DB), else the default one; closed with the command."""
    from annotator.core.formats.samples import open_default_store

    db_path: Path | None = ctx.obj["db_path"]
    store = (
        Store(db_path, verify=verify) if db_path is not None else open_default_store(verify=verify)
    )
    ctx.call_on_close(store.close)
    return store


def progress_bar(label: str, length: int) -> click.progressbar[int]:
    # Drawn only on a terminal: piped output and tests stay clean.
    return click.progressbar(
        length=length, label=label, file=sys.stderr, show_pos=True, hidden=not sys.stderr.isatty()
    )


def number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
