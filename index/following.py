"""Keeping a long-lived on-disk Chroma client up with what other processes write.

An on-disk Chroma client loads a collection's vector index once. Records another process
writes it reads (they are in SQLite), their vectors it never sees: a running UI would list an
article `newsqa ingest` added from a terminal and never answer from it. So once another
process has finished a write, the store connects afresh (`ChromaConnection._renew`). Two things
make that less simple than it sounds:
- Chroma keeps one client state per path string in a process, so a fresh client needs a path
  of its own: a symlink to the store's folder, one per client (`ClientPaths`).
- A store state read a moment ago may be one this process has since replaced by its own
  write: only a state never seen here is another process's (`StoreStates`).
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["LINKS_DIR", "RENEW_SECONDS", "RETIRE_SECONDS", "ClientPaths", "Retired", "StoreStates"]

log = logging.getLogger("newsqa.index")

LINKS_DIR = ".chroma-clients"
# A replaced client is closed this long after: a question or listing may still be reading
# through it (a BM25 build pages through every chunk).
RETIRE_SECONDS = 60.0
# At most one fresh client this often: a UI storing sentence vectors batch by batch would
# otherwise have another process connect afresh after every batch, each client holding its
# own copy of the vector index until it is closed.
RENEW_SECONDS = 30.0


class StoreStates:
    """The store states (generation and sentence-vector mark) this process has seen or
    written. Only a finished state never seen here is news of another process's write: a
    stale read of one this process has since replaced is not."""

    def __init__(self) -> None:
        self._known: deque[str] = deque(maxlen=64)
        self._lock = threading.Lock()

    def written(self, state: str) -> None:
        with self._lock:
            self._known.append(state)

    def is_news(self, state: str) -> bool:
        """True once for a finished state of another process's making; the first state read
        is the one this client opened on."""
        with self._lock:
            if state in self._known:
                return False
            first = not self._known
            self._known.append(state)
            return not first and not state.startswith("dirty")


class ClientPaths:
    """Paths to open fresh clients of one store folder under: a symlink each, named after
    this process, removed when its client is closed (and, on the next start, those of
    processes that ended without closing theirs)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.links = folder.parent / LINKS_DIR
        self._tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._made = 0
        self._prune()

    def fresh(self) -> Path | None:
        """A new path to the folder; None where no symlink can be made (then the store keeps
        its client: it sees other processes' records, not their new vectors)."""
        self._made += 1
        link = self.links / f"{self._tag}-{self._made}"
        try:
            self.links.mkdir(exist_ok=True)
            link.symlink_to(self.folder.resolve(), target_is_directory=True)
        except OSError as exc:
            log.warning("Cannot make a fresh Chroma client path (%s): another process's new "
                        "vectors will be seen after a restart", exc)
            return None
        return link

    def release(self, path: Path | None) -> None:
        if path is not None and path.parent == self.links:
            _unlink(path)

    def _prune(self) -> None:
        if not self.links.is_dir():
            return
        for link in self.links.iterdir():
            pid = link.name.split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                _unlink(link)


def _unlink(link: Path) -> None:
    """Remove a link if this process may: a store on a read-only disk is still read."""
    try:
        link.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot remove %s: %s", link, exc)


class Retired:
    """Clients replaced by fresh ones, closed (and their paths released) once RETIRE_SECONDS
    have passed."""

    def __init__(self, release: Callable[[Path | None], None]) -> None:
        self._release = release
        self._clients: list[tuple[Any, Path | None, float]] = []

    def add(self, client: Any, path: Path | None) -> None:
        now = time.monotonic()
        due = [c for c in self._clients if now - c[2] >= RETIRE_SECONDS]
        self._clients = [c for c in self._clients if now - c[2] < RETIRE_SECONDS]
        self._clients.append((client, path, now))
        for old, old_path, _ in due:
            old.close()
            self._release(old_path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
