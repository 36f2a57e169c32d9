"""`Memo`: values computed a batch at a time and remembered, for the answer path's two models
(sentence vectors, the reader's readings): the same sentences come back question after question."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

__all__ = ["Memo"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """At most `limit` values, the oldest forgotten first; safe to share between threads."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[K], compute: Callable[[list[K]], Sequence[V]]
                 ) -> list[V]:
        """The values of `keys`, in order; `compute` is called once, for the missing ones."""
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._values))
        if missing:
            fresh = compute(missing)
            with self._lock:
                self._values.update(zip(missing, fresh, strict=True))
                while len(self._values) > self.limit:
                    self._values.popitem(last=False)
        with self._lock:
            found = [self._values.get(k) for k in keys]
        if any(v is None for v in found):  # forgotten meanwhile for another thread's values
            return list(compute(list(keys)))
        return [v for v in found if v is not None]
