"""The ways of answering, registered in one place (in the order users see them): `auto`,
`openai` (any OpenAI-compatible server), `local` (SmolLM2 in its own llama.cpp server process),
`extractive` (no model) and `llamaindex:<integration>` (any LlamaIndex LLM). Importing this
package is cheap: `openai`, `llama_cpp` and `llama_index` load on first use."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ..errors import InvalidRequestError, UnknownBackendError

# local_backend / openai_backend are imported as modules too: tests reach into them.
from . import local_backend, openai_backend
from .base import (
    BACKENDS,
    CHAT_BACKENDS,
    BackendInfo,
    ChatBackend,
    backend_names,
    check_backend_name,
    register_answerer,
    register_backend,
)
from .local_backend import LocalBackend
from .openai_backend import OpenAIBackend

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = [
    "BACKENDS",
    "CHAT_BACKENDS",
    "BackendInfo",
    "ChatBackend",
    "LocalBackend",
    "OpenAIBackend",
    "as_chat_backend",
    "backend_names",
    "check_backend_name",
    "local_backend",
    "make_backend",
    "openai_backend",
    "register_answerer",
    "register_backend",
]


def _llamaindex_backend(settings: Settings) -> ChatBackend:
    # Deferred: llama_index.core takes seconds to import; only this backend needs it.
    from ..llamaindex import LlamaIndexBackend

    return LlamaIndexBackend.from_settings(settings)


register_answerer("auto", "OpenAI-compatible server if configured, else extractive")
register_backend("openai", "an OpenAI-compatible server (OPENAI_API_KEY / OPENAI_BASE_URL)")(
    OpenAIBackend)
register_backend("local", "a GGUF model on this machine (llama.cpp)")(LocalBackend)
register_answerer("extractive", "no language model: the best quotes, verbatim")
register_backend("llamaindex", "any installed LlamaIndex LLM integration, model from "
                 "NEWSQA_MODEL", family="integration", example="ollama")(_llamaindex_backend)


def make_backend(name: str, settings: Settings) -> ChatBackend:
    """The chat backend registered as `name`, built from `settings`.

    Raises UnknownBackendError for an unregistered name, and the backend's own LLMError
    (e.g. LLMUnavailableError) when it cannot be configured."""
    family = name.partition(":")[0]
    info = BACKENDS.get(family)
    if info is None or info.factory is None:
        known = ", ".join(sorted(i.label for i in BACKENDS.values() if i.factory is not None))
        raise UnknownBackendError(
            f"Unknown chat backend {name!r}. Registered backends: {known}. "
            "(`--llm extractive` answers without a chat model.)"
        )
    check_backend_name(name)
    # A family's factory reads its option ("ollama" of "llamaindex:ollama") from settings.llm.
    return info.factory(settings.model_copy(update={"llm": name}) if info.family else settings)


def as_chat_backend(llm: object) -> ChatBackend:
    """A chat backend from what a Python caller passed as `llm=`: one of ours (anything with
    `name`, `chat` and `stream_chat`), or a LlamaIndex `LLM` instance, which is wrapped."""
    core = sys.modules.get("llama_index.core.llms")  # an LLM instance means it is imported
    if core is not None and isinstance(llm, core.LLM):
        from ..llamaindex import LlamaIndexBackend

        return LlamaIndexBackend(llm)
    if all(hasattr(llm, attr) for attr in ("name", "chat", "stream_chat")):
        return llm  # type: ignore[return-value]  # structurally a ChatBackend
    raise InvalidRequestError(
        f"llm= must be a backend name ({', '.join(backend_names())}), a LlamaIndex LLM "
        f"instance or a ChatBackend; got {type(llm).__name__}.")
