"""A question and its options, checked before any work is done: bad input gets an error that
says how to fix it, and nothing is retrieved, read or asked of a model on its behalf."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from index.dates import read_date

from .errors import EmptyQuestionError, InvalidRequestError, QuestionTooLongError
from .settings import MAX_QUESTION_CHARS
from .types import Message

__all__ = ["MAX_TOP_K", "Request", "check_question", "make_request"]

MAX_TOP_K = 50  # passages retrieved for one question: beyond this no reader reads them anyway


@dataclass(frozen=True)
class Request:
    """A checked question with its options."""

    question: str
    history: list[Message]
    backend: str
    top_k: int
    since: str | None
    until: str | None
    as_of: date | None


def make_request(question: object, history: Sequence[Message] | None,
                 backend: Callable[[], str], top_k: object, since: str | date | None,
                 until: str | date | None, as_of: str | date | None = None) -> Request:
    """Each option checked. `backend` resolves the backend's name
    (`Assistant.resolve_backend`); it is called after the question is checked, so that an
    empty question is told so whatever backend was asked for."""
    start, end = _check_date(since, "since"), _check_date(until, "until")
    if start and end and start > end:
        raise InvalidRequestError(
            f"The date range is empty: since {start} is after until {end}. Swap them.")
    # A bool is an int to Python: true would be a top-k of 1.
    if isinstance(top_k, bool) or not isinstance(top_k, int) or not 1 <= top_k <= MAX_TOP_K:
        raise InvalidRequestError(f"top_k must be a whole number from 1 to {MAX_TOP_K}; "
                                  f"got {top_k!r}.")
    text, turns = check_question(question), _check_history(history)
    return Request(text, turns, backend(), top_k, start, end, _check_as_of(as_of))


def check_question(question: object) -> str:
    """The question without surrounding white space; empty, over-long or non-text refused."""
    if not isinstance(question, str):
        raise InvalidRequestError(f"The question must be text, not {type(question).__name__}.")
    question = question.strip()
    if not question:
        raise EmptyQuestionError()
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionTooLongError(len(question), MAX_QUESTION_CHARS)
    return question


def _check_date(value: str | date | None, name: str) -> str | None:
    """A date option as ISO; an unreadable or ambiguous one ("01/02/2024") is refused, never
    guessed: a filter read the wrong way round silently drops the articles asked for."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):  # a moment: its day (as the CLI reads "…T12:00")
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    reading = read_date(value) if isinstance(value, str) else None
    if reading is None or reading.iso is None or reading.note:
        raise InvalidRequestError(f"{name}={value!r} is not a date I can be sure of; "
                                  "use YYYY-MM-DD.")
    return reading.iso


def _check_as_of(value: str | date | None) -> date | None:
    iso = _check_date(value, "as_of")
    return date.fromisoformat(iso) if iso else None


def _check_history(history: Sequence[Message] | None) -> list[Message]:
    """The conversation so far: a list of {"role": "user"|"assistant", "content": str}."""
    if history is None:
        return []
    if isinstance(history, str | bytes | Mapping) or not isinstance(history, Sequence):
        raise InvalidRequestError(
            'history must be a list of {"role": "user"|"assistant", "content": "..."} turns.')
    for i, turn in enumerate(history):
        if (not isinstance(turn, Mapping) or turn.get("role") not in ("user", "assistant")
                or not isinstance(turn.get("content"), str)):
            raise InvalidRequestError(
                f'history[{i}] must be {{"role": "user"|"assistant", "content": "..."}}; '
                f"got {turn!r:.80}.")
    return [{"role": t["role"], "content": t["content"]} for t in history]
