"""newsqa's assistant: ask a question, get a short answer in which every claim is quoted word for
word from an article — or an honest "the articles don't say".

    >>> from assistant import ask
    >>> answer = ask("How many North Korean troops are in Kursk?")
    >>> print(answer.text)
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from .assistant import Assistant
from .errors import AssistantError
from .settings import Settings
from .types import Answer, Citation, Message, RetrievedPassage, ShortAnswer, Timings

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "Citation",
    "Message",
    "RetrievedPassage",
    "Settings",
    "ShortAnswer",
    "Timings",
    "ask",
]

_assistants: dict[str, Assistant] = {}
_lock = threading.Lock()


def _assistant_for(settings: Settings) -> Assistant:
    """One Assistant per distinct settings, so repeated ask() calls load models once."""
    key = settings.model_dump_json()
    with _lock:
        if key not in _assistants:
            _assistants[key] = Assistant(settings)
        return _assistants[key]


def ask(question: str, *, history: Sequence[Message] | None = None,
        settings: Settings | None = None, **options: object) -> Answer:
    """Answer `question` from the indexed articles. `options`: llm, top_k, since, until, as_of
    (when the question is asked: a date, default today)."""
    return _assistant_for(settings or Settings()).ask(
        question, history=history, **options)  # type: ignore[arg-type]
