"""One writer at a time per store directory, across threads and processes (the CLI, the UI, the
evals), with a way for readers to tell that a write is under way without waiting for it."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["LOCK_NAME", "StoreLock"]

LOCK_NAME = ".ingest.lock"
# A reader peeking at the lock holds it for an instant; a writer retries once before saying it
# waits, so that instant is never reported as "another ingest".
_RETRY_SECONDS = 0.2


class StoreLock:
    """An flock on `<store>/.ingest.lock` (each holder opens the file itself: flock locks
    belong to an open file, so threads of one process exclude each other too)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME

    @contextmanager
    def hold(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the lock; `on_wait` is called once if another writer has it, before waiting."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "w") as handle:
            if not self._try(handle):
                time.sleep(_RETRY_SECONDS)
                if not self._try(handle):
                    if on_wait is not None:
                        on_wait()
                    fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def held_if_free(self) -> Iterator[bool]:
        """Hold the lock if no one else does, without waiting: True inside when held."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "w") as handle:
            held = self._try(handle)
            try:
                yield held
            finally:
                if held:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    @staticmethod
    def _try(handle: object) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[arg-type]
        except BlockingIOError:
            return False
        return True

    def busy(self) -> bool:
        """Is a write under way (in this process or another)? Never waits, never creates."""
        try:
            handle = open(self.path)  # noqa: SIM115 -- closed below, whatever happens
        except OSError:
            return False  # no lock file: nothing was ever written here
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            handle.close()  # closing releases a lock we took
        return False
