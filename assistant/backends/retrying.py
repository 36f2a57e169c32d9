"""When a chat request is tried again, and after how long: the openai client's own policy,
applied by `OpenAIBackend` around each attempt so that every attempt keeps to the timeout."""

from __future__ import annotations

import random

__all__ = ["backoff", "retryable"]

_RETRY_STATUS = frozenset({408, 409, 429})


def retryable(err: Exception) -> bool:
    """What the openai client itself retries: connection errors, 408, 409, 429 and 5xx."""
    status = getattr(err, "status_code", None)
    return status is None or status in _RETRY_STATUS or status >= 500


def backoff(attempt: int, err: Exception) -> float:
    """The pause before retry `attempt + 1`: the server's Retry-After (seconds) when it sends
    one, else 0.5 s doubling per attempt, capped at 8 s, less up to a quarter of jitter."""
    response = getattr(err, "response", None)
    retry_after = response.headers.get("retry-after") if response is not None else None
    try:
        if retry_after is not None:
            return max(0.0, float(retry_after))
    except ValueError:
        pass  # an HTTP date: rare; use our own pause
    return min(0.5 * 2 ** attempt, 8.0) * (1 - 0.25 * random.random())
