"""Errors raised by the ui package, and the one place that turns any error into page text.

Every message says what went wrong and what to do; the page never shows a traceback.
"""

from __future__ import annotations

import logging
import re

from assistant.errors import AssistantError, LLMError, UnknownBackendError
from index.errors import IndexingError

__all__ = [
    "AuthConfigError",
    "BadDateError",
    "PortTakenError",
    "SamplesNotFoundError",
    "UIError",
    "UnsupportedUploadError",
    "UploadError",
    "UploadTooLargeError",
    "friendly_message",
]

log = logging.getLogger("newsqa.ui")


class UIError(Exception):
    """Base class for every error of the ui package."""


class UploadError(UIError):
    """An uploaded file was refused before it reached the index."""


class UploadTooLargeError(UploadError):
    def __init__(self, name: str, size_mb: float, limit_mb: int) -> None:
        super().__init__(
            f"{name} is {size_mb:.1f} MiB; uploads are limited to {limit_mb} MiB each "
            "(NEWSQA_UI_MAX_UPLOAD_MB). Split the file, or ingest it with `newsqa ingest`."
        )


class UnsupportedUploadError(UploadError):
    def __init__(self, name: str, allowed: tuple[str, ...]) -> None:
        super().__init__(
            f"{name} is not a supported article file; upload one of: {', '.join(allowed)}."
        )


class BadDateError(UIError):
    def __init__(self, label: str, value: str, ambiguous: bool = False) -> None:
        what = ("could be read two ways (day or month first)" if ambiguous
                else "is not a date I can read")
        super().__init__(
            f"The {label} date '{value}' {what}; use YYYY-MM-DD, e.g. 2024-10-24, or leave it "
            "empty (in the Settings tab)."
        )


class PortTakenError(UIError):
    def __init__(self, host: str, port: int) -> None:
        super().__init__(f"Cannot listen on {host}:{port}: the port is taken. Choose another "
                         "with --port.")


class AuthConfigError(UIError):
    def __init__(self) -> None:
        super().__init__(
            "NEWSQA_UI_AUTH must look like user:password (both parts non-empty)."
        )


class SamplesNotFoundError(UIError):
    def __init__(self, looked_in: str) -> None:
        super().__init__(
            f"The bundled sample articles were not found (looked in {looked_in}). Run from the "
            "newsqa checkout, or ingest your own articles with `newsqa ingest PATH`."
        )


# Errors whose messages are written for users: shown as they are.
_USER_ERRORS: tuple[type[Exception], ...] = (UIError, AssistantError, IndexingError)
# Backend errors are written for the CLI (`--llm ...`); in the page the switch is elsewhere.
_BACKEND_ERRORS: tuple[type[Exception], ...] = (LLMError, UnknownBackendError)
BACKEND_HINT = ("In this page, pick another answering backend (e.g. extractive, which needs no "
                "model) in the Settings tab.")


# The CLI's switches inside a backend error, dropped in the page: "…, or use --llm
# extractive.", "Or use --llm extractive.", "(or --llm)", "(`--llm extractive` answers without a
# chat model.)". Only the switch goes: a rewording of the rest would garble some message.
# Environment variables stay: they are for whoever runs the server.
_CLI_SWITCHES = (
    re.compile(r",? or use --llm \w+(?: or --llm \w+)?(?=\.)"),
    re.compile(r"\s*Or use --llm \w+(?: or --llm \w+)?\."),
    re.compile(r" \((?:or )?`?--(?:llm|model)\b[^)]*\)"),
)


def _for_page(message: str) -> str:
    for pattern in _CLI_SWITCHES:
        message = pattern.sub("", message)
    return message


def friendly_message(exc: BaseException) -> str:
    """Page text for an error: our own messages verbatim, anything else a generic line (the
    traceback goes to the server log, where the person running the server can read it)."""
    if isinstance(exc, _BACKEND_ERRORS):
        return f"{_for_page(str(exc))} {BACKEND_HINT}"
    if isinstance(exc, _USER_ERRORS):
        return str(exc)
    log.error("unexpected error in the UI", exc_info=exc)
    return (
        "Something went wrong on the server while doing that "
        f"({type(exc).__name__}). The details are in the server log; please try again."
    )
