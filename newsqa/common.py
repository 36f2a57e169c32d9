"""Pieces every CLI command shares: the --store option, settings, output and error handling."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from assistant.backends import backend_names
from assistant.settings import Settings, unknown_variables

__all__ = ["LLM_HELP", "StoreOption", "console", "count", "err_console", "is_user_error",
           "make_settings"]

console = Console()
err_console = Console(stderr=True)

# The --llm help, from the backend registry (the one list of backends).
LLM_HELP = " | ".join(backend_names())

StoreOption = Annotated[
    Path | None,
    typer.Option("--store", help="Index directory (overrides NEWSQA_STORE).", show_default=False),
]

# The base error of each package, by module: checked only when that module is already loaded,
# so the CLI never imports the UI or the evals just to handle an error.
_USER_ERRORS = (
    ("index.errors", "IndexingError"),
    ("assistant.errors", "AssistantError"),
    ("evals.errors", "EvalError"),
    ("ui.errors", "UIError"),
)


def is_user_error(exc: BaseException) -> bool:
    for module, name in _USER_ERRORS:
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(exc, getattr(loaded, name)):
            return True
    return False


def make_settings(store: Path | None = None, **overrides: Any) -> Settings:
    """Settings from the environment and .env, then the flags; a bad value is one clear line."""
    from pydantic import ValidationError

    from assistant.errors import InvalidRequestError

    for line in unknown_variables():
        print(f"warning: {line}", file=sys.stderr)
    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "NEWSQA_" + "_".join(str(p) for p in first["loc"]).upper()
        raise InvalidRequestError(
            f"Invalid setting {name}={first.get('input')!r}: {first['msg']}. Fix it in the "
            "environment or in .env.") from None
    return settings.with_overrides(store=store, **overrides)


def count(n: int, noun: str) -> str:
    """"1 chunk", "3 chunks": a summary line a user reads."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
