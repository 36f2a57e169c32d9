"""The generative backends against real parts: a real llama.cpp server (SmolLM2-135M-Instruct) for
`openai`, the same GGUF in-process for `local`, and real sockets for the failure modes."""

from __future__ import annotations

import json
import socket
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
from assistant.backends.local_backend import default_model_path, load_model
from assistant.errors import (
    LLMTimeoutError,
    LLMUnavailableError,
    UnknownBackendError,
    UnknownModelError,
)
from assistant.settings import Settings
from assistant.types import Message
from tests.llama_server import LlamaServer, free_port, llama_server, start_llama_server

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
