"""The `openai` backend: any OpenAI-compatible chat endpoint (api.openai.com, a llama.cpp server,
vLLM, Ollama, ...) through the `openai` package.

Timeouts and retries: `settings.timeout` bounds a whole request, retries and pauses included. The
openai client's own retry loop gives every attempt the full timeout (and honours a Retry-After of
up to 120 s), so against a server that accepts and never answers, NEWSQA_TIMEOUT=5 became 28 s
(a model-list probe, then three attempts). So the client is made with max_retries=0 and
`_attempts` retries connection errors, 408/409/429 and 5xx `settings.max_retries` times with the
client's backoff (0.5 s doubling, capped at 8 s, with jitter), each attempt given only the time
left; a timeout spends the budget, so it is never retried.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import (
    ContextTooLongError,
    LLMError,
    LLMTimeoutError,
    LLMUnavailableError,
    UnknownModelError,
)
from ..types import Message
from .base import CONTEXT_FULL, SourceContext
from .retrying import backoff, retryable
from .streaming import timed_deltas

if TYPE_CHECKING:
    import openai

    from ..settings import Settings

__all__ = ["DEFAULT_BASE_URL", "DUMMY_API_KEY", "OpenAIBackend"]

DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Local servers (llama.cpp, vLLM, Ollama) ignore the key, but the openai client insists on one.
DUMMY_API_KEY = "not-needed"
START_HINT = "`python -m llama_cpp.server --model path/to/model.gguf --port 8000`"
# How servers word "no such model" (OpenAI, vLLM, Ollama, LiteLLM).
_UNKNOWN_MODEL = re.compile(
    r"model.*(not found|does not exist|unknown|invalid)|(unknown|invalid|no such) model", re.I
)
T = TypeVar("T")


class OpenAIBackend:
    """Chat with `settings.model` at `settings.openai_base_url` (default: api.openai.com)."""

    name: str = "openai"
    max_sources: int | None = 6  # the reader's best 6 of top_k: past them mostly distractors
    context: SourceContext = "passages"

    def __init__(self, settings: Settings) -> None:
        if not settings.openai_configured:
            raise LLMUnavailableError(
                "The openai backend needs OPENAI_API_KEY (for api.openai.com) or OPENAI_BASE_URL "
                f"(for an OpenAI-compatible server, e.g. {START_HINT} and "
                "OPENAI_BASE_URL=http://127.0.0.1:8000/v1). Set one, or use --llm local or "
                "--llm extractive."
            )
        self.model = settings.model
        self.base_url = settings.openai_base_url or DEFAULT_BASE_URL
        self.timeout = settings.timeout
        self.max_retries = settings.max_retries
        self._key_given = bool(settings.openai_api_key)
        self._api_key = settings.openai_api_key or DUMMY_API_KEY
        self._client_obj: openai.OpenAI | None = None
        self._lock = threading.Lock()
        self._model_checked = False

    def chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
             temperature: float = 0.0) -> str:
        with self._errors_mapped():
            response = self._attempts(lambda timeout: self._client().chat.completions.create(
                model=self.model, messages=_to_openai(messages), max_tokens=max_tokens,
                temperature=temperature, timeout=timeout,
            ))
        if not hasattr(response, "choices"):  # a web page, say: the client hands back its text
            begins = " ".join(str(response).split())[:60]
            raise self._not_an_api(f"its reply begins {begins!r}")
        if not response.choices:
            return ""
        return response.choices[0].message.content or ""

    def _not_an_api(self, what: str) -> LLMUnavailableError:
        return LLMUnavailableError(
            f"The server at {self.base_url} answered, but not as an OpenAI-compatible API does "
            f"({what}). Check that OPENAI_BASE_URL points at the API (it usually ends in /v1), "
            "or use --llm extractive.")

    def stream_chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
                    temperature: float = 0.0) -> Iterator[str]:
        started = time.monotonic()
        with self._errors_mapped():
            stream = self._attempts(lambda timeout: self._client().chat.completions.create(
                model=self.model, messages=_to_openai(messages), max_tokens=max_tokens,
                temperature=temperature, stream=True, timeout=timeout,
            ))
            # A web page is no event stream: the client would read it as one with no events.
            kind = getattr(getattr(stream, "response", None), "headers", {}).get(
                "content-type", "").lower()
            if kind and not kind.startswith(("text/event-stream", "application/json")):
                stream.close()
                raise self._not_an_api(f"it sent {kind.split(';')[0]}, not an event stream")
            yield from timed_deltas(stream, self.timeout, time.monotonic() - started,
                                    self._timeout_error)

    def _attempts(self, call: Callable[[float], T]) -> T:
        """`call(seconds_left)`, retried on transient failures while the timeout allows."""
        import openai

        deadline = time.monotonic() + self.timeout
        for attempt in range(self.max_retries + 1):
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timeout_error()
            try:
                return call(left)
            except openai.APITimeoutError:
                raise  # the time is spent: no retry could finish in it
            except (openai.APIConnectionError, openai.APIStatusError) as err:
                pause = backoff(attempt, err)
                if (attempt == self.max_retries or not retryable(err)
                        or time.monotonic() + pause >= deadline):
                    raise
                time.sleep(pause)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def check_model(self) -> None:
        """Raise UnknownModelError when the server lists its models and ours is not among
        them. Some servers (llama.cpp's among them) answer a model name they do not know with
        whatever model they have, so a wrong NEWSQA_MODEL would otherwise go unnoticed. A server
        that cannot list its models (or is down: the request itself will say so) is taken at its
        word; one that does not answer within the timeout fails here (LLMTimeoutError) rather
        than being asked again. Once the model is confirmed, later calls cost nothing."""
        if self._model_checked:
            return
        import openai

        try:
            client = self._client().with_options(timeout=self.timeout)
            models: list[str] | None = sorted(model.id for model in client.models.list())
        except openai.APITimeoutError as err:
            raise self._timeout_error() from err
        except Exception:  # any other failure just means "no list to check against"
            models = None
        if models is None:
            return
        if self.model not in models and f"{self.model}:latest" not in models:
            raise UnknownModelError(
                f"The LLM server at {self.base_url} does not serve the model {self.model!r}. "
                f"It serves: {', '.join(models) or 'no models'}. Set NEWSQA_MODEL (or --model) "
                "to one of them."
            )
        self._model_checked = True

    def list_models(self) -> list[str] | None:
        """The server's model ids, or None when it cannot list them (no retries: diagnostics)."""
        try:
            client = self._client().with_options(timeout=min(self.timeout, 10))
            return sorted(model.id for model in client.models.list())
        except Exception:  # any failure just means "no list to show"
            return None

    def _client(self) -> openai.OpenAI:
        # Deferred import: `openai` takes ~0.5 s to import, which the CLI's cold start shouldn't pay
        # unless this backend is used.
        with self._lock:
            if self._client_obj is None:
                from openai import OpenAI

                self._client_obj = OpenAI(
                    api_key=self._api_key, base_url=self.base_url, timeout=self.timeout,
                    max_retries=0,  # retried by _attempts, within the timeout
                )
            return self._client_obj

    @contextmanager
    def _errors_mapped(self) -> Iterator[None]:
        """Turn openai/httpx exceptions into our LLMError subclasses with how-to-fix messages."""
        import openai

        try:
            yield
        except openai.APITimeoutError as err:
            raise self._timeout_error() from err
        except openai.APIConnectionError as err:
            raise self._unreachable_error(err) from err
        except openai.APIStatusError as err:
            raise self._status_error(err) from err
        except openai.OpenAIError as err:
            raise LLMError(f"The LLM server at {self.base_url} failed: {err}") from err
        except Exception as err:
            # Mid-stream transport failures arrive as raw httpx exceptions, not openai ones.
            if not type(err).__module__.startswith(("httpx", "httpcore")):
                raise
            if "Timeout" in type(err).__name__:
                raise self._timeout_error() from err
            raise self._unreachable_error(err) from err

    def _timeout_error(self) -> LLMTimeoutError:
        return LLMTimeoutError(
            f"The LLM server at {self.base_url} did not answer within {self.timeout:g} s "
            "(NEWSQA_TIMEOUT, retries included). A CPU model may need longer: raise "
            "NEWSQA_TIMEOUT (e.g. 180), use a smaller model, or use --llm extractive."
        )

    def _unreachable_error(self, err: Exception) -> LLMUnavailableError:
        cause = err.__cause__ or err
        return LLMUnavailableError(
            f"Cannot reach the LLM server at {self.base_url} ({cause}). Start it (e.g. "
            f"{START_HINT}, then OPENAI_BASE_URL=http://127.0.0.1:8000/v1), or fix "
            "OPENAI_BASE_URL, or use --llm extractive."
        )

    def _status_error(self, err: openai.APIStatusError) -> LLMError:
        status, detail = err.status_code, _detail(err)
        if status == 401:
            return self._auth_error(detail)
        if status in (400, 413) and CONTEXT_FULL.search(f"{detail} {_code(err)}"):
            return ContextTooLongError(
                f"The model {self.model!r} at {self.base_url} cannot take this prompt: "
                f"{detail} Start the server with a larger context (llama.cpp: --n_ctx 4096; "
                "vLLM: --max-model-len 4096), or lower NEWSQA_LLM_SOURCES or "
                "NEWSQA_CHUNK_TOKENS, or use --llm extractive.")
        if status == 404 or (status == 400 and _UNKNOWN_MODEL.search(detail)):
            return self._not_found_error(detail)
        if status == 403:
            return LLMUnavailableError(
                f"The LLM server at {self.base_url} refused access (403: {detail}). Check that "
                f"OPENAI_API_KEY may use model {self.model!r}."
            )
        if status == 429:
            return LLMUnavailableError(
                f"The LLM server at {self.base_url} is rate-limiting us (429: {detail}) even "
                f"after {self.max_retries} retries. Wait a minute, check your quota, or raise "
                "NEWSQA_MAX_RETRIES."
            )
        if status >= 500:
            return LLMUnavailableError(
                f"The LLM server at {self.base_url} failed ({status}: {detail}) even after "
                f"{self.max_retries} retries. Check the server's log, or use --llm extractive."
            )
        return LLMError(f"The LLM server at {self.base_url} rejected the request ({status}: "
                        f"{detail}).")

    def _auth_error(self, detail: str) -> LLMUnavailableError:
        sent = "a valid-looking key" if self._key_given else "no key (OPENAI_API_KEY is unset)"
        return LLMUnavailableError(
            f"The LLM server at {self.base_url} rejected the API key (401: {detail}); we sent "
            f"{sent}. Set OPENAI_API_KEY to a key this server accepts."
        )

    def _not_found_error(self, detail: str) -> LLMError:
        models = self.list_models()
        if _UNKNOWN_MODEL.search(detail) or (models is not None and self.model not in models):
            listing = f" It serves: {', '.join(models)}." if models else ""
            return UnknownModelError(
                f"The LLM server at {self.base_url} does not know the model {self.model!r} "
                f"({detail}).{listing} Set NEWSQA_MODEL (or --model) to a model it serves."
            )
        return LLMUnavailableError(
            f"The LLM server at {self.base_url} answered 404 Not Found ({detail}). Check "
            "OPENAI_BASE_URL: it must be the API root, which usually ends in /v1."
        )


def _to_openai(messages: Sequence[Message]) -> list[Any]:
    # Our Message is a strict subset of the openai message params; copy to plain dicts.
    return [{"role": m["role"], "content": m["content"]} for m in messages]


def _code(err: openai.APIStatusError) -> str:
    """The error's machine-readable code, e.g. "context_length_exceeded" ("" when none)."""
    body = err.body
    inner = body.get("error", body) if isinstance(body, dict) else None
    return str(inner.get("code") or "") if isinstance(inner, dict) else ""


def _detail(err: openai.APIStatusError) -> str:
    """The server's own error message, e.g. "The model `x` does not exist"."""
    body = err.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if message:
            return str(message)[:300]
    return str(err.message)[:300]

