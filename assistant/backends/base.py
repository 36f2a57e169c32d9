"""The chat-model seam: a small Protocol every generative backend implements, and its registry."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal, Protocol

from ..types import Message

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["CHAT_BACKENDS", "ChatBackend", "SourceContext", "register_backend"]

# What of each source a model reads: the whole retrieved passage, or only its sentences that
# rank as evidence for the question (a third of the tokens; what a small model can read fast).
SourceContext = Literal["passages", "evidence"]


class ChatBackend(Protocol):
    """A chat model. Implementations raise `assistant.errors.LLMError` subclasses on failure,
    with messages that say how to fix the problem (start the server, set OPENAI_BASE_URL, ...)."""

    name: str
    # How many sources the model is shown (None: all retrieved). A small model reads a long
    # prompt slowly and loses the question in it; a large one uses the extra context.
    max_sources: int | None
    context: SourceContext

    def chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
             temperature: float = 0.0) -> str: ...

    def stream_chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
                    temperature: float = 0.0) -> Iterator[str]: ...


# name -> factory(settings). Filled by the backend modules; a plain dict, no plugin machinery.
CHAT_BACKENDS: dict[str, Callable[[Settings], ChatBackend]] = {}


def register_backend(name: str) -> Callable[[Callable[[Settings], ChatBackend]],
                                            Callable[[Settings], ChatBackend]]:
    def decorate(factory: Callable[[Settings], ChatBackend]) -> Callable[[Settings], ChatBackend]:
        CHAT_BACKENDS[name] = factory
        return factory

    return decorate
