"""The answering seam: a small Protocol every chat backend implements, and the one registry of
backends that the settings, the CLI, the UI and the assistant all read their names from."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from ..types import Message

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = [
    "BACKENDS",
    "CHAT_BACKENDS",
    "CONTEXT_FULL",
    "BackendFactory",
    "BackendInfo",
    "ChatBackend",
    "SourceContext",
    "backend_names",
    "check_backend_name",
    "register_answerer",
    "register_backend",
]

# What of each source a model reads: the whole retrieved passage, or only its sentences that
# rank as evidence for the question (a third of the tokens; what a small model can read fast).
SourceContext = Literal["passages", "evidence"]
# How servers word "the prompt is longer than the model's context": OpenAI and vLLM ("maximum
# context length is 2048 tokens"), llama-cpp-python ("exceed context window"), llama.cpp's
# llama-server ("exceeds the available context size"), and OpenAI's error code.
CONTEXT_FULL = re.compile(
    r"maximum context length|context (?:window|size|length)|context_length_exceeded", re.I)


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


BackendFactory = Callable[["Settings"], ChatBackend]


@dataclass(frozen=True)
class BackendInfo:
    """One registered way of answering.

    A family (e.g. "llamaindex", `family="integration"`, the option's placeholder) is selected
    as NAME:OPTION ("llamaindex:ollama"); its factory reads the option from `settings.llm`."""

    name: str
    summary: str  # one line: what it is and what it needs (CLI help, UI choices, errors)
    factory: BackendFactory | None = None  # None: answers without a chat model
    family: str = ""  # the placeholder of a family's option: "integration"
    example: str = ""  # a family's sample option, shown in errors: "ollama"

    @property
    def label(self) -> str:
        """How users write it: "openai", or "llamaindex:<integration>" for a family."""
        return f"{self.name}:<{self.family}>" if self.family else self.name


# name -> backend, in the order they are shown. A plain dict, no plugin machinery: a backend
# registered here appears in the settings' validation, `--llm` help and the UI's choices.
BACKENDS: dict[str, BackendInfo] = {}
_FAMILY_OPTION = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class _ChatFactories(Mapping[str, BackendFactory]):
    """The chat backends' factories by name: a live view of BACKENDS, never a second list."""

    def __getitem__(self, name: str) -> BackendFactory:
        info = BACKENDS.get(name)
        if info is None or info.factory is None:
            raise KeyError(name)
        return info.factory

    def __iter__(self) -> Iterator[str]:
        return (name for name, info in BACKENDS.items() if info.factory is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


CHAT_BACKENDS: Mapping[str, BackendFactory] = _ChatFactories()


def register_backend(name: str, summary: str = "", *, family: str = "",
                     example: str = "") -> Callable[[BackendFactory], BackendFactory]:
    """Register a chat backend's factory: `register_backend("mine", "what it is")(MyBackend)`."""
    def decorate(factory: BackendFactory) -> BackendFactory:
        BACKENDS[name] = BackendInfo(name, summary, factory, family, example)
        return factory

    return decorate


def register_answerer(name: str, summary: str) -> None:
    """Register a way of answering that needs no chat model ("extractive", "auto")."""
    BACKENDS[name] = BackendInfo(name, summary)


def backend_names() -> list[str]:
    """Every registered name as users write it, in order: auto, openai, ..., llamaindex:<...>."""
    return [info.label for info in BACKENDS.values()]


def check_backend_name(name: str) -> str:
    """`name` if it names a registered backend (or a family member); else UnknownBackendError
    with one line listing what is registered."""
    from ..errors import UnknownBackendError

    family, _, option = name.partition(":") if isinstance(name, str) else ("", "", "")
    info = BACKENDS.get(family)
    if info is not None and bool(info.family) == bool(option) and (
            not option or _FAMILY_OPTION.fullmatch(option)):
        return name
    examples = [f"{i.name}:{i.example}" for i in BACKENDS.values() if i.family and i.example]
    hint = f" (e.g. {', '.join(examples)})" if examples else ""
    raise UnknownBackendError(
        f"Unknown backend {name!r}. Registered backends: {', '.join(backend_names())}{hint}. "
        "Set NEWSQA_LLM (or --llm) to one of them.")
