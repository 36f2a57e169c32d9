"""What every bench module shares: where things are, summary statistics, the machine, and running
a measurement in a fresh Python process (so imports, caches and peak memory are its own)."""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "BENCH_DIR",
    "REPO_ROOT",
    "Worker",
    "WorkerError",
    "benchmark_dir",
    "clean_env",
    "log",
    "machine_info",
    "peak_rss_mb",
    "percentile",
    "run_worker",
    "spread",
]

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
REALTIMEQA = "realtimeqa-2025q1"


def benchmark_dir(repo_root: Path = REPO_ROOT) -> Path:
    """The RealTime QA benchmark folder beside the repository (`../shared/benchmarks/...`)."""
    return Path(repo_root).parent / "shared" / "benchmarks" / REALTIMEQA


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- statistics ---------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), numpy's default method."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def spread(values: Sequence[float], digits: int = 3) -> dict[str, Any]:
    """Median, min and max of several runs (and how many there were)."""
    vals = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    if not vals:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": round(statistics.median(vals), digits), "min": round(min(vals), digits),
            "max": round(max(vals), digits), "n": len(vals)}


# -- the machine --------------------------------------------------------------------------------
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _mem_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def machine_info() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (math.nan,) * 3
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": _mem_gib(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in load],
    }


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, MiB (Linux reports KiB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# -- fresh processes ----------------------------------------------------------------------------
class WorkerError(RuntimeError):
    pass


_PRIVATE_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "NEWSQA_LLM", "NEWSQA_STORE",
                 "NEWSQA_CHROMA_HOST", "NEWSQA_EMBED_MODEL", "NEWSQA_MODEL",
                 "NEWSQA_LOCAL_MODEL_PATH")


def clean_env() -> dict[str, str]:
    """The environment for measured processes: offline, no user configuration, `bench` and the
    project importable from the repository root."""
    env = {k: v for k, v in os.environ.items() if k not in _PRIVATE_VARS}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               TOKENIZERS_PARALLELISM="false", HF_HUB_DISABLE_TELEMETRY="1")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return env


def run_worker(kind: str, args: dict[str, Any], timeout: float = 1800,
               env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `bench.worker KIND` in a fresh interpreter; return the JSON it writes."""
    with tempfile.TemporaryDirectory(prefix="newsqa-bench-w-") as tmp:
        result_path = Path(tmp) / "result.json"
        payload = json.dumps({**args, "result_path": str(result_path)})
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "bench.worker", kind], input=payload, text=True,
            capture_output=True, cwd=REPO_ROOT, env={**clean_env(), **(env or {})},
            timeout=timeout, check=False,
        )
        if proc.returncode != 0 or not result_path.is_file():
            raise WorkerError(f"bench worker '{kind}' failed (exit {proc.returncode}):\n"
                              f"{proc.stderr[-4000:]}")
        result: dict[str, Any] = json.loads(result_path.read_text())
        result["process_seconds"] = round(time.perf_counter() - started, 2)
        return result


class Worker:
    """A long-lived `bench.worker serve KIND` process: one JSON line of arguments in, one JSON
    line of results out, per call. Its model stays loaded between calls (not timed anyway),
    and process start-up is paid once instead of once per round."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._err = tempfile.TemporaryFile()  # noqa: SIM115  # closed by close()
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "bench.worker", "serve", kind], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self._err, text=True, cwd=REPO_ROOT, env=clean_env(),
        )

    def _stderr_tail(self) -> str:
        self._err.flush()
        self._err.seek(0)
        return self._err.read().decode("utf-8", "replace")[-4000:]

    def call(self, args: dict[str, Any]) -> dict[str, Any]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        started = time.perf_counter()
        try:
            self._proc.stdin.write(json.dumps(args) + "\n")
            self._proc.stdin.flush()
        except BrokenPipeError:
            pass
        line = self._proc.stdout.readline()
        if not line:
            raise WorkerError(f"bench worker '{self.kind}' died (exit {self._proc.poll()}):\n"
                              f"{self._stderr_tail()}")
        result: dict[str, Any] = json.loads(line)
        if "error" in result:
            raise WorkerError(f"bench worker '{self.kind}' failed:\n{result['error']}")
        result["process_seconds"] = round(time.perf_counter() - started, 2)
        return result

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=10)
        self._err.close()
