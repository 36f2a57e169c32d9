"""Generative chat backends: `openai` (any OpenAI-compatible server) and `local` (SmolLM2
in-process). Importing this package is cheap: `openai` and `llama_cpp` load on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UnknownBackendError

# Imported for their side effect: each module registers its backend in CHAT_BACKENDS.
from . import local_backend, openai_backend
from .base import CHAT_BACKENDS, ChatBackend, register_backend
from .local_backend import LocalBackend
from .openai_backend import OpenAIBackend

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = [
    "CHAT_BACKENDS",
    "ChatBackend",
    "LocalBackend",
    "OpenAIBackend",
    "local_backend",
    "make_backend",
    "openai_backend",
    "register_backend",
]


def make_backend(name: str, settings: Settings) -> ChatBackend:
    """The chat backend registered as `name`, built from `settings`.

    Raises UnknownBackendError for an unregistered name, and the backend's own LLMError
    (e.g. LLMUnavailableError) when it cannot be configured."""
    factory = CHAT_BACKENDS.get(name)
    if factory is None:
        known = ", ".join(sorted(CHAT_BACKENDS))
        raise UnknownBackendError(
            f"Unknown chat backend {name!r}. Registered backends: {known}. "
            "(`--llm extractive` answers without a chat model.)"
        )
    return factory(settings)
