"""Reading an OpenAI-style chat stream under a timeout: shared by the `openai` and `local`
backends (the local model is a llama.cpp server too)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["timed_deltas"]


def timed_deltas(stream: Any, timeout: float, spent: float,
                 on_timeout: Callable[[], Exception]) -> Iterator[str]:
    """The stream's text deltas. Only time spent waiting for the server counts against
    `timeout` (`spent` of it already gone), not the caller's time between tokens (e.g. the UI
    rendering them). The stream is closed at the end or when the caller stops reading early:
    the server then stops generating and the connection is released."""
    try:
        resumed = time.monotonic()
        for chunk in stream:
            spent += time.monotonic() - resumed
            if spent > timeout:
                raise on_timeout()
            text = chunk.choices[0].delta.content if chunk.choices else None
            if text:
                yield text
            resumed = time.monotonic()
    finally:
        stream.close()
