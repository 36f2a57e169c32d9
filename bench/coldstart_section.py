"""The cold start section: `newsqa ask` in a fresh process, wall time; then our packages and
the third-party ones imported alone, each in a fresh process, and which heavy modules each of
ours loads."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .common import REPO_ROOT, WorkerError, clean_env, log, spread
from .config import BenchConfig
from .data import BenchData

__all__ = ["DEPENDENCIES", "HEAVY_MODULES", "PACKAGES", "run_coldstart"]

PACKAGES = ("assistant", "index", "ui", "evals", "evals.runner", "newsqa.cli")
# Third-party imports, timed alone in fresh processes: what the cold start pays for (onnxruntime,
# tokenizers, chromadb, nltk, bm25s) and what it no longer does (torch and the rest).
DEPENDENCIES = {"onnxruntime": "import onnxruntime", "tokenizers": "import tokenizers",
                "chromadb": "import chromadb", "nltk": "import nltk", "bm25s": "import bm25s",
                "torch (not imported by a query)": "import torch",
                "sentence_transformers (not imported by a query)":
                "import sentence_transformers"}
HEAVY_MODULES = ("torch", "sentence_transformers", "transformers", "onnxruntime", "chromadb",
                 "gradio", "llama_cpp", "openai", "bm25s", "trafilatura", "llama_index.core",
                 "numpy")


def _newsqa_command() -> list[str]:
    exe = Path(sys.executable).with_name("newsqa")
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "newsqa"]


_IMPORT_PROBE = ("import json, sys, time; t = time.perf_counter(); import {pkg}; "
                 "d = time.perf_counter() - t; heavy = {heavy!r}; "
                 "print(json.dumps({{'seconds': d, 'heavy': [m for m in heavy "
                 "if m in sys.modules]}}))")


def run_coldstart(cfg: BenchConfig, data: BenchData, store: Path) -> dict[str, Any]:
    question = (data.covered or data.questions)[0]["question"]
    env = clean_env()
    walls = _cold_asks(cfg, question, store, env)
    imports = _package_imports(cfg, env)
    deps = _dependency_imports(cfg, env)
    return {"command": "newsqa ask --llm extractive --store STORE QUESTION",
            "question": question, "wall_seconds": spread(walls, 2), "imports": imports,
            "dependencies": deps}


def _cold_asks(cfg: BenchConfig, question: str, store: Path, env: dict[str, str]
               ) -> list[float]:
    """`newsqa ask` in a fresh process, each run's wall time."""
    walls = []
    for i in range(cfg.coldstart_runs):
        t0 = time.perf_counter()
        proc = subprocess.run([*_newsqa_command(), "ask", "--llm", "extractive", "--store",
                               str(store), question], capture_output=True, text=True, env=env,
                              cwd=REPO_ROOT, check=False, timeout=300)
        walls.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise WorkerError(f"newsqa ask failed: {proc.stderr[-2000:]}")
        log(f"cold start {i + 1}/{cfg.coldstart_runs}: {walls[-1]:.2f} s")
    return walls


def _package_imports(cfg: BenchConfig, env: dict[str, str]) -> dict[str, Any]:
    imports: dict[str, Any] = {}
    for pkg in PACKAGES:
        secs, heavy = [], []
        for _ in range(cfg.import_runs):
            proc = subprocess.run(
                [sys.executable, "-c", _IMPORT_PROBE.format(pkg=pkg, heavy=HEAVY_MODULES)],
                capture_output=True, text=True, env=env, cwd=REPO_ROOT, check=False,
                timeout=300)
            if proc.returncode != 0:
                raise WorkerError(f"import {pkg} failed: {proc.stderr[-2000:]}")
            got = json.loads(proc.stdout.strip().splitlines()[-1])
            secs.append(got["seconds"])
            heavy = got["heavy"]
        imports[pkg] = {"seconds": spread(secs, 3), "heavy_modules_loaded": heavy}
        log(f"import {pkg}: {imports[pkg]['seconds']['median']} s, loads {heavy}")
    return imports


def _dependency_imports(cfg: BenchConfig, env: dict[str, str]) -> dict[str, Any]:
    deps: dict[str, Any] = {}
    for name, stmt in DEPENDENCIES.items():
        secs = []
        for _ in range(max(1, cfg.import_runs - 1)):
            probe = f"import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
            proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                  env=env, cwd=REPO_ROOT, check=False, timeout=300)
            if proc.returncode == 0:
                secs.append(float(proc.stdout.strip().splitlines()[-1]))
        deps[name] = spread(secs, 3)
        log(f"import {name}: {deps[name]['median']} s")
    return deps
