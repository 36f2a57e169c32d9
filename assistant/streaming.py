"""An answer made in a worker thread, read as a generator of its text deltas and then the
answer itself: `Assistant.stream`. Closing the generator early abandons the answer; the worker
stops at its next delta (a chat model then stops generating)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from queue import Queue
from typing import TypeVar

__all__ = ["OnDelta", "emit", "streamed"]

OnDelta = Callable[[str], None]
T = TypeVar("T")


class _Abandoned(BaseException):
    """The stream's reader stopped reading (a BaseException, so no `except Exception` on the way
    swallows it)."""


def streamed(produce: Callable[[OnDelta], T]) -> Generator[str | T, None, None]:
    """Run `produce(emit)` in a daemon thread; yield each delta it emits, then its result. Its
    exception is raised here, in the reader's thread."""
    queue: Queue[tuple[str, object]] = Queue()
    abandoned = threading.Event()

    def emit(delta: str) -> None:
        if abandoned.is_set():  # the reader left: stop generating, free the model
            raise _Abandoned
        queue.put(("delta", delta))

    def work() -> None:
        try:
            queue.put(("done", produce(emit)))
        except _Abandoned:
            pass
        except BaseException as exc:  # re-raised in the reader's thread below
            queue.put(("error", exc))

    threading.Thread(target=work, daemon=True, name="newsqa-answer").start()
    try:
        while True:
            kind, item = queue.get()
            if kind == "error":
                assert isinstance(item, BaseException)
                raise item
            yield item  # type: ignore[misc]
            if kind == "done":
                return
    finally:
        abandoned.set()


def emit(on_delta: OnDelta | None, text: str) -> None:
    """The text as deltas of a word each, which join to it exactly."""
    if on_delta is not None:
        words = text.split(" ")
        for n, word in enumerate(words, start=1):
            on_delta(word if n == len(words) else word + " ")
