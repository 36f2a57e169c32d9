"""`newsqa`: ingest, list, remove, ask, chat, ui, eval, bench, train."""

from __future__ import annotations

import os
import sys

import typer
from rich.markup import escape

from .common import err_console, is_user_error

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsqa",
    help="Ask questions about news articles; every answer quotes its sources word for word.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    if debug:
        os.environ["NEWSQA_DEBUG"] = "1"


def _register() -> None:
    # Each command group lives in its own module; registering is cheap (imports are deferred).
    from . import cli_ask, cli_bench, cli_eval, cli_index, cli_train, cli_ui

    for module in (cli_index, cli_ask, cli_ui, cli_eval, cli_bench, cli_train):
        module.register(app)


def _click_exceptions() -> tuple[type[Exception], ...]:
    """Usage errors: typer >= 0.29 raises those of its own vendored click, older ones click's."""
    import click

    found: list[type[Exception]] = [click.exceptions.ClickException]
    try:
        from typer._click.exceptions import ClickException
    except ImportError:
        pass
    else:
        found.append(ClickException)
    return tuple(found)


def main() -> None:
    _register()
    try:
        # Not standalone, so that errors are ours to word; then click hands back a command's
        # `typer.Exit` code instead of exiting with it.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("Aborted.")
        sys.exit(130)
    except Exception as exc:
        if isinstance(exc, _click_exceptions()):
            exc.show()  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        if os.environ.get("NEWSQA_DEBUG") or not is_user_error(exc):
            raise
        err_console.print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False,
                          soft_wrap=True)
        sys.exit(1)
