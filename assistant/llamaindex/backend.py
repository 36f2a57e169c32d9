"""`LlamaIndexBackend`: any LlamaIndex `LLM` (Ollama, Anthropic, Gemini, Bedrock, vLLM,
OpenAILike, a CustomLLM of your own, ...) as our chat backend, its errors turned into ours.

The LLM's own configuration rules (temperature, max tokens, retries, timeouts): a LlamaIndex LLM
takes them at construction, and integrations differ in which call arguments they accept, so ours
(`max_tokens`, `temperature`) are passed on only with `per_call_limits=True`, for integrations
that forward them to the server. `from_settings` builds the LLM with ours."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from llama_index.core.llms import LLM, ChatMessage, MessageRole

from ..backends.base import SourceContext
from ..errors import LLMError, LLMTimeoutError, LLMUnavailableError, UnknownModelError
from ..types import Message

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["LlamaIndexBackend", "llm_error"]

_ROLES = {"system": MessageRole.SYSTEM, "user": MessageRole.USER,
          "assistant": MessageRole.ASSISTANT}
# Exception class names (openai, anthropic, httpx, ollama, requests, aiohttp, builtins) that
# mean "could not connect": checked by name, so no integration's package is imported here.
_CONNECTION = ("APIConnectionError", "ConnectError", "ConnectionError", "ConnectionRefusedError",
               "ClientConnectorError", "RemoteProtocolError", "NetworkError")


class LlamaIndexBackend:
    """Chat through a LlamaIndex LLM (sync and streaming), implementing our ChatBackend."""

    def __init__(self, llm: LLM, *, name: str | None = None, max_sources: int | None = None,
                 context: SourceContext = "passages", per_call_limits: bool = False) -> None:
        if not isinstance(llm, LLM):
            raise TypeError(f"LlamaIndexBackend wraps a llama_index LLM, not {type(llm)!r}")
        self.llm = llm
        self.name = name or f"llamaindex:{type(llm).__name__}"
        self.max_sources = max_sources  # None: every retrieved source (NEWSQA_LLM_SOURCES)
        self.context: SourceContext = context
        self.per_call_limits = per_call_limits

    @classmethod
    def from_settings(cls, settings: Settings) -> LlamaIndexBackend:
        """The LLM named by `settings.llm` ("llamaindex:<integration>"), model NEWSQA_MODEL."""
        from .integrations import OPENAI_PROTOCOL, llm_from_settings

        integration = settings.llm.partition(":")[2].replace("-", "_")
        return cls(llm_from_settings(settings), name=settings.llm,
                   per_call_limits=integration in OPENAI_PROTOCOL)

    def chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
             temperature: float = 0.0) -> str:
        with self._errors_mapped():
            response = self.llm.chat(_to_llamaindex(messages),
                                     **self._limits(max_tokens, temperature))
        return response.message.content or ""

    def stream_chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
                    temperature: float = 0.0) -> Iterator[str]:
        # Errors come at the call (a refused connection) or mid-stream: both are mapped.
        with self._errors_mapped():
            for chunk in self.llm.stream_chat(_to_llamaindex(messages),
                                              **self._limits(max_tokens, temperature)):
                if chunk.delta:
                    yield chunk.delta

    def _limits(self, max_tokens: int, temperature: float) -> dict[str, object]:
        if not self.per_call_limits:
            return {}
        return {"max_tokens": max_tokens, "temperature": temperature}

    @contextmanager
    def _errors_mapped(self) -> Iterator[None]:
        try:
            yield
        except LLMError:
            raise
        except Exception as err:
            raise llm_error(err, self.llm) from err


def _to_llamaindex(messages: Sequence[Message]) -> list[ChatMessage]:
    return [ChatMessage(role=_ROLES[m["role"]], content=m["content"]) for m in messages]


def describe(llm: LLM) -> str:
    """"OpenAILike (model 'smollm2' at http://127.0.0.1:8080/v1)": what the user configured."""
    model = getattr(llm, "model", None) or getattr(llm.metadata, "model_name", None)
    model = None if model == "unknown" else model  # LLMMetadata's default
    where = next((str(v) for a in ("api_base", "base_url", "api_url", "endpoint")
                  if (v := getattr(llm, a, None))), "")
    details = ", ".join(p for p in (f"model {model!r}" if model else "",
                                    f"at {where}" if where else "") if p)
    return f"{type(llm).__name__} ({details})" if details else type(llm).__name__


def llm_error(err: BaseException, llm: LLM) -> LLMError:
    """Our LLMError for whatever a LlamaIndex LLM raised, with how to fix it. Integrations
    raise their client's exceptions (openai, anthropic, httpx, ollama, ...): recognised by class
    name and HTTP status along the exception's cause chain."""
    chain = _chain(err)
    names = [type(e).__name__ for e in chain]
    status = next((s for e in chain if isinstance(s := _status(e), int) and 100 <= s < 600),
                  None)
    what, cause = f"The LlamaIndex LLM {describe(llm)}", f"{type(err).__name__}: {err}"
    if any("Timeout" in n for n in names):
        return LLMTimeoutError(f"{what} did not answer in time ({cause}). Raise its timeout "
                               "(NEWSQA_TIMEOUT for NEWSQA_LLM=llamaindex:*), use a smaller "
                               "model, or use --llm extractive.")
    if status is not None:
        return _status_error(what, status, cause)
    if any(n in _CONNECTION for n in names) or any(isinstance(e, ConnectionError) for e in chain):
        return LLMUnavailableError(
            f"{what} cannot reach its server ({cause}). Start the server, or fix its address "
            "(the LLM's api_base/base_url; OPENAI_BASE_URL for llamaindex:openai_like), or use "
            "--llm extractive.")
    return LLMError(f"{what} failed ({cause}). Check the LLM's configuration and its server's "
                    "log, or use --llm extractive.")


def _status_error(what: str, status: int, cause: str) -> LLMError:
    if status in (401, 403):
        return LLMUnavailableError(f"{what} was refused access ({status}: {cause}). Set the API "
                                   "key this integration reads (e.g. its *_API_KEY variable).")
    if status == 404:
        return UnknownModelError(f"{what} answered 404 ({cause}): the model or the address is "
                                 "wrong. Set NEWSQA_MODEL (or the LLM's model) to one the "
                                 "server serves, and check its base URL.")
    if status == 429:
        return LLMUnavailableError(f"{what} is rate-limiting us ({cause}). Wait a minute, "
                                   "check your quota, or use --llm extractive.")
    if status >= 500:
        return LLMUnavailableError(f"{what} failed on the server ({status}: {cause}). Check "
                                   "the server's log, or use --llm extractive.")
    return LLMError(f"{what} rejected the request ({status}: {cause}).")


def _chain(err: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = err
    while current is not None and current not in chain and len(chain) < 8:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _status(err: BaseException) -> object:
    status = getattr(err, "status_code", None)
    if status is None:  # httpx.HTTPStatusError, requests.HTTPError
        status = getattr(getattr(err, "response", None), "status_code", None)
    return status
