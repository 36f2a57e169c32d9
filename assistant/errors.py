"""Errors raised by the assistant package. Every message says how to fix the problem."""

from __future__ import annotations

__all__ = [
    "AssistantError",
    "ContextTooLongError",
    "EmptyQuestionError",
    "InvalidRequestError",
    "LLMError",
    "LLMTimeoutError",
    "LLMUnavailableError",
    "QuestionTooLongError",
    "ReaderUnavailableError",
    "UnknownBackendError",
    "UnknownModelError",
]


class AssistantError(Exception):
    """Base class for every error of the assistant package."""


class EmptyQuestionError(AssistantError):
    def __init__(self) -> None:
        super().__init__("The question is empty. Type a question about the indexed articles.")


class QuestionTooLongError(AssistantError):
    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"The question is {length:,} characters long; the limit is {limit:,}. "
            "Ask a shorter question (put the key facts you want checked into one sentence)."
        )


class UnknownBackendError(AssistantError):
    """A backend name that is not registered."""


class LLMError(AssistantError):
    """The language model backend failed."""


class LLMUnavailableError(LLMError):
    """The LLM server cannot be reached or refused the request."""


class LLMTimeoutError(LLMError):
    """The LLM server did not answer in time."""


class ContextTooLongError(LLMError):
    """The model's server refused the prompt as longer than its context window. The assistant
    then asks again with fewer sources; raised to the caller only when one does not fit."""


class UnknownModelError(LLMError):
    """The server does not know the configured model."""


class InvalidRequestError(AssistantError):
    """A malformed option: a date that is not a date, a top-k out of range, a bad history."""


class ReaderUnavailableError(AssistantError):
    """The shipped reader model is missing or damaged."""
