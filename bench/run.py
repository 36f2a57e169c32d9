"""`newsqa bench`: run every measurement, each in fresh processes, and write results.json and
results.md. The sections share one work directory (the ingested stores feed the larger corpora,
and those feed the query and ask() measurements).

Each section is measured by its own module: `bench.ingest_section`, `bench.query_section`
(retrieval and the embedder), `bench.ask_section`, `bench.coldstart_section` and
`bench.formats`; the profiles are run here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .ask_section import run_ask
from .coldstart_section import run_coldstart
from .common import REPO_ROOT, WorkerError, clean_env, log, machine_info, run_worker
from .config import SECTIONS, BenchConfig, quick_config
from .data import BenchData, load_bench_data, write_slices
from .formats import run_formats
from .ingest_section import run_ingest
from .query_section import run_embedder, run_retrieval

__all__ = ["SECTIONS", "BenchConfig", "quick_config", "run_bench"]


# -- profiles -------------------------------------------------------------------------------------
def _profile(cfg: BenchConfig, data: BenchData, work: Path, query_store: Path | None,
             ask_store: Path | None) -> dict[str, Any]:
    folder = cfg.out / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    sample = write_slices(data.articles[: cfg.profile_articles], 1, work / "profile-slice")
    out: dict[str, Any] = {}
    log(f"profile: ingest of {cfg.profile_articles} articles")
    out["ingest"] = run_worker("profile-ingest", {
        "files": [str(p) for p in sample], "store": str(work / "profile-store"),
        "text_out": str(folder / "ingest.txt")})
    questions = [q["question"] for q in data.questions][: cfg.profile_queries]
    if query_store is not None:
        log(f"profile: {len(questions)} hybrid queries")
        out["query"] = run_worker("profile-query", {
            "store": str(query_store), "questions": questions,
            "text_out": str(folder / "query.txt")})
    if ask_store is not None:
        asked = [q["question"] for q in data.covered][: cfg.profile_queries] or questions
        log(f"profile: {len(asked)} extractive ask() calls")
        out["ask"] = run_worker("profile-ask", {
            "store": str(ask_store), "questions": asked, "text_out": str(folder / "ask.txt")})
    return out


# -- the whole run --------------------------------------------------------------------------------
def _runtime_info() -> dict[str, Any]:
    probe = ("import json, torch, onnxruntime; print(json.dumps({'torch': torch.__version__, "
             "'threads': torch.get_num_threads(), 'onnxruntime': onnxruntime.__version__}))")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=clean_env(), check=False, timeout=120)
    try:
        return dict(json.loads(proc.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        return {}


def run_bench(cfg: BenchConfig) -> dict[str, Any]:
    started = time.perf_counter()
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "machine": {**machine_info(), **_runtime_info()},
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(cfg).items()
                   if k not in ("work",)},
        "skipped": {},
    }
    if not (cfg.data / "corpus.jsonl").is_file():
        reason = f"benchmark data not found at {cfg.data}"
        log(f"{reason}: nothing to measure")
        results["skipped"] = dict.fromkeys(cfg.sections, reason)
        return _finish(cfg, results, started)
    data = load_bench_data(cfg.data, cfg.articles)
    results["data"] = {"articles": len(data.articles), "covered_questions": len(data.covered),
                       "covered_answerable": sum(1 for q in data.covered if q["answerable"])}
    work = Path(cfg.work) if cfg.work else Path(tempfile.mkdtemp(prefix="newsqa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        _run_sections(cfg, data, work, results)
    finally:
        if not cfg.work:
            shutil.rmtree(work, ignore_errors=True)
    return _finish(cfg, results, started)


def _run_sections(cfg: BenchConfig, data: BenchData, work: Path, results: dict[str, Any]
                  ) -> None:
    sources: list[str] = []
    base: Path | None = None
    if {"ingest", "retrieval", "ask", "coldstart"} & set(cfg.sections):
        # The later sections need the ingested stores: ingest runs whenever they do.
        sources, base = _ingest_stores(cfg, data, work, results)
    grow, base_path = work / "corpus-grow", base or work / "corpus-base"
    steps = (
        ("retrieval", bool(sources), lambda: run_retrieval(cfg, data, work, sources)),
        ("embedder", True, lambda: run_embedder(cfg, data)),
        ("ask", base is not None, lambda: run_ask(cfg, data, base_path)),
        ("coldstart", base is not None, lambda: run_coldstart(cfg, data, base_path)),
        ("profile", True, lambda: _profile(cfg, data, work,
                                           grow if grow.is_dir() else None, base)),
        ("formats", True, lambda: run_formats(data.articles, work, cfg.formats_articles,
                                              cfg.feed_polls)),
    )
    for name, possible, step in steps:
        if name not in cfg.sections or not possible:
            continue
        _run_section(cfg, results, name, step)


def _ingest_stores(cfg: BenchConfig, data: BenchData, work: Path, results: dict[str, Any]
                   ) -> tuple[list[str], Path]:
    """The ingest section, then the base store (every ingested article once) built from its
    stores; their paths."""
    results["ingest"] = run_ingest(cfg, data, work)
    sources = [str(work / f"ingest-ours-{r + 1}") for r in range(results["ingest"]["rounds"])]
    log("building the base store (every ingested article once)")
    base = work / "corpus-base"
    results["base_store"] = run_worker("build-corpus", {"sources": sources,
                                                        "target": str(base)})
    _save_partial(cfg, results)
    return sources, base


def _run_section(cfg: BenchConfig, results: dict[str, Any], name: str,
                 step: Callable[[], dict[str, Any]]) -> None:
    try:  # one section failing must not lose the others
        results[name] = step()
    except (WorkerError, subprocess.SubprocessError, OSError) as exc:
        log(f"{name} failed: {exc}")
        results.setdefault("errors", {})[name] = str(exc)[-3000:]
    _save_partial(cfg, results)


def _save_partial(cfg: BenchConfig, results: dict[str, Any]) -> None:
    """What is measured so far, in case a long run is stopped."""
    cfg.out.mkdir(parents=True, exist_ok=True)
    (cfg.out / "results.partial.json").write_text(json.dumps(results, indent=1,
                                                             ensure_ascii=False))


def _finish(cfg: BenchConfig, results: dict[str, Any], started: float) -> dict[str, Any]:
    results["seconds"] = round(time.perf_counter() - started, 1)
    cfg.out.mkdir(parents=True, exist_ok=True)
    (cfg.out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    (cfg.out / "results.partial.json").unlink(missing_ok=True)
    if cfg.write_markdown:
        from .report import render_markdown

        (cfg.out / "results.md").write_text(render_markdown(results))
    log(f"done in {results['seconds']:.0f} s: {cfg.out / 'results.json'}"
        + (f", {cfg.out / 'results.md'}" if cfg.write_markdown else ""))
    return results


def main(argv: list[str] | None = None) -> None:
    """`python -m bench` without the CLI: the full run, results in bench/."""
    del argv
    os.chdir(REPO_ROOT)
    run_bench(BenchConfig())
