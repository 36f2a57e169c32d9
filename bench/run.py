"""`newsqa bench`: run every measurement, each in fresh processes, and write results.json and
results.md. The sections share one work directory (the ingested stores feed the larger corpora,
and those feed the query and ask() measurements)."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .common import (
    BENCH_DIR,
    REPO_ROOT,
    Worker,
    WorkerError,
    benchmark_dir,
    clean_env,
    log,
    machine_info,
    percentile,
    run_worker,
    spread,
)
from .data import BenchData, load_bench_data, write_slices
from .formats import run_formats

__all__ = ["SECTIONS", "BenchConfig", "quick_config", "run_bench"]

SECTIONS = ("ingest", "retrieval", "embedder", "ask", "coldstart", "profile", "formats")
PIPELINES = ("ours", "llamaindex", "bare", "ours-float")
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


@dataclass
class BenchConfig:
    articles: int = 300
    rounds: int = 3  # ingest: the articles are split into this many slices, pipelines interleaved
    chunk_tokens: int = 200
    sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    queries: int = 40  # retrieval questions per pass
    query_passes: int = 3
    top_k: int = 8
    ask_passes: int = 2  # extractive
    llm_questions: int = 5  # local and openai backends, one pass each
    llm_backends: tuple[str, ...] = ("local", "openai")
    llm_budget_seconds: float = 120.0  # per backend: later questions are left unasked
    coldstart_runs: int = 3
    import_runs: int = 3
    profile_articles: int = 50
    profile_queries: int = 20
    formats_articles: int = 40  # ingested as text, as PDFs and as pages by URL
    feed_polls: int = 20
    sections: tuple[str, ...] = SECTIONS
    out: Path = BENCH_DIR
    data: Path = field(default_factory=benchmark_dir)
    work: Path | None = None  # default: a temporary directory, removed afterwards
    write_markdown: bool = True


def quick_config(out: Path, data: Path | None = None) -> BenchConfig:
    """A few articles and small corpora: checks the machinery in about a minute or two."""
    return BenchConfig(articles=12, rounds=1, sizes=(100, 300), queries=5, query_passes=2,
                       ask_passes=1, llm_questions=1, llm_backends=(), coldstart_runs=1,
                       import_runs=1, profile_articles=3, profile_queries=3,
                       formats_articles=4, feed_polls=3, out=out, data=data or benchmark_dir())


# -- ingest ---------------------------------------------------------------------------------------
def _ingest(cfg: BenchConfig, data: BenchData, work: Path) -> dict[str, Any]:
    files = write_slices(data.articles, cfg.rounds, work / "slices")
    runs: dict[str, list[dict[str, Any]]] = {p: [] for p in PIPELINES}
    # One process per pipeline, started together and kept for every round (its model loads
    # once); the pipelines take turns on each slice, so none runs alone on a quieter machine.
    workers = {name: Worker(f"ingest-{name}") for name in PIPELINES}
    try:
        for name, w in workers.items():  # every model loaded before any clock starts
            log(f"ingest: loading {name}")
            w.call({"prepare": True, "chunk_tokens": cfg.chunk_tokens})
        for r, path in enumerate(files):
            turn = r % len(PIPELINES)
            order = PIPELINES[turn:] + PIPELINES[:turn]  # rotate: none always goes first
            for name in order:
                log(f"ingest round {r + 1}/{len(files)}: {name} on {path.name}")
                res = workers[name].call({
                    "files": [str(path)], "store": str(work / f"ingest-{name}-{r + 1}"),
                    "chunk_tokens": cfg.chunk_tokens, "reingest_runs": 3})
                res["round"] = r + 1
                runs[name].append(res)
                log(f"  {res['articles']} articles, {res['chunks']} chunks in "
                    f"{res['seconds']:.1f} s")
    finally:
        for w in workers.values():
            w.close()
    out: dict[str, Any] = {"rounds": len(files), "runs": runs, "pipelines": {}}
    for name, rs in runs.items():
        arts, chunks = sum(x["articles"] for x in rs), sum(x["chunks"] for x in rs)
        secs = sum(x["seconds"] for x in rs)
        out["pipelines"][name] = {
            "articles": arts, "chunks": chunks, "seconds": round(secs, 2),
            "articles_per_s": round(arts / secs, 3), "chunks_per_s": round(chunks / secs, 2),
            "articles_per_s_rounds": spread([x["articles"] / x["seconds"] for x in rs]),
            "chunks_per_s_rounds": spread([x["chunks"] / x["seconds"] for x in rs]),
            "peak_rss_mb": spread([x["peak_rss_mb"] for x in rs], 1),
        }
    for mine, prefix in (("ours", "ratio"), ("ours-float", "float_ratio")):
        for other in ("llamaindex", "bare"):
            out[f"{prefix}_vs_{other}"] = _ratio(out["pipelines"], runs, mine, other)
    shares = [statistics_median(x["reingest_seconds"]) / x["seconds"] for x in runs["ours"]]
    out["reingest"] = {"share_of_first": spread(shares, 4),
                       "seconds": spread([statistics_median(x["reingest_seconds"])
                                          for x in runs["ours"]], 3)}
    return out


def _ratio(pipelines: dict[str, Any], runs: dict[str, list[dict[str, Any]]], mine: str,
           other: str) -> dict[str, Any]:
    """`mine`'s articles/s over `other`'s: over all rounds, and round by round."""
    per_round = [x["seconds"] / o["seconds"] * o["articles"] / x["articles"]
                 for o, x in zip(runs[mine], runs[other], strict=True)]
    return {"articles_per_s": round(pipelines[mine]["articles_per_s"]
                                    / pipelines[other]["articles_per_s"], 3),
            "rounds": spread(per_round)}


def statistics_median(values: list[float]) -> float:
    import statistics

    return float(statistics.median(values))


# -- retrieval at growing corpus sizes ------------------------------------------------------------
def _retrieval(cfg: BenchConfig, data: BenchData, work: Path, sources: list[str]
               ) -> dict[str, Any]:
    questions = [q["question"] for q in data.questions][: cfg.queries]
    grow = work / "corpus-grow"
    sizes: list[dict[str, Any]] = []
    for size in cfg.sizes:
        log(f"retrieval: building a {size:,}-chunk corpus")
        built = run_worker("build-corpus", {"sources": sources, "target": str(grow),
                                            "size": size}, timeout=3600)
        log(f"  {built['chunks']:,} chunks ({built['copies']} copies) in "
            f"{built['process_seconds']:.0f} s; querying")
        res = run_worker("query", {"store": str(grow), "questions": questions, "k": cfg.top_k,
                                   "passes": cfg.query_passes})
        p50s = [percentile(p, 50) for p in res["passes_ms"]]
        p95s = [percentile(p, 95) for p in res["passes_ms"]]
        sizes.append({
            "target": size, "chunks": res["chunks"], "build": built,
            "p50_ms": spread(p50s, 1), "p95_ms": spread(p95s, 1),
            "first_query_ms": res["first_query_ms"], "open_seconds": res["open_seconds"],
            "bm25_load_seconds": res["bm25_load_seconds"],
            "components_p50_ms": res["components_p50_ms"], "peak_rss_mb": res["peak_rss_mb"],
            "queries": len(questions), "passes": cfg.query_passes,
        })
        log(f"  p50 {sizes[-1]['p50_ms']['median']} ms, p95 {sizes[-1]['p95_ms']['median']} ms")
    for prev, cur in itertools.pairwise(sizes):
        if prev["p50_ms"]["median"] and cur["p50_ms"]["median"]:
            cur["growth_p50_from_previous"] = round(
                cur["p50_ms"]["median"] / prev["p50_ms"]["median"], 2)
            cur["growth_chunks_from_previous"] = round(cur["chunks"] / prev["chunks"], 2)
    return {"sizes": sizes, "k": cfg.top_k}


# -- embedder runtimes ----------------------------------------------------------------------------
def _embedder(cfg: BenchConfig, data: BenchData) -> dict[str, Any]:
    """The bundled MiniLM as shipped (ONNX Runtime) against sentence-transformers on torch,
    what a user would otherwise run: each in a fresh process, so readiness includes imports."""
    questions = [q["question"] for q in data.questions][: cfg.queries]
    texts = [f"{a.get('title', '')}\n{a['text'][:1000]}" for a in data.articles[:64]]
    out: dict[str, Any] = {}
    for name, runtime in (("ONNX Runtime int8 (as shipped)", "onnx-int8"),
                          ("ONNX Runtime float", "onnx"),
                          ("sentence-transformers (torch)", "torch")):
        log(f"embedder: {name}")
        out[name] = run_worker("embed-runtime", {"runtime": runtime, "questions": questions,
                                                 "texts": texts})
    int8, floats, torch = (np.asarray(v["vectors"]) for v in out.values())
    out["float_vs_torch_max_abs_difference"] = float(np.abs(floats - torch).max())
    out["int8_vs_torch_min_cosine"] = float((int8 * torch).sum(axis=1).min())
    return out


# -- ask() per backend ----------------------------------------------------------------------------
def _start_llama_server() -> Any:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from tests.llama_server import start_llama_server

    return start_llama_server()


def _summarise_ask(res: dict[str, Any]) -> dict[str, Any]:
    recs = res["records"]
    if not res["passes_ms"]:
        return {"questions": 0, "errors": res.get("errors", []), "skipped": "no answer"}
    answerable = [r for r in recs if r["answerable"]]
    summary: dict[str, Any] = {
        "questions": len(recs), "passes": len(res["passes_ms"]),
        "p50_ms": spread([percentile(p, 50) for p in res["passes_ms"]], 1),
        "p95_ms": spread([percentile(p, 95) for p in res["passes_ms"]], 1),
        # Pass 1 asks each question for the first time; later passes repeat them, so caches
        # (sentence vectors, article texts) are warm: reported apart, the target uses pass 1.
        "p50_first_pass_ms": round(percentile(res["passes_ms"][0], 50), 1),
        "p95_first_pass_ms": round(percentile(res["passes_ms"][0], 95), 1),
        "p50_repeat_pass_ms": round(percentile(res["passes_ms"][1], 50), 1)
        if len(res["passes_ms"]) > 1 else None,
        "min_max_ms": [min(min(p) for p in res["passes_ms"]),
                       max(max(p) for p in res["passes_ms"])],
        "abstained": sum(r["abstained"] for r in recs),
        "answerable": len(answerable),
        "correct": sum(r["correct"] for r in answerable),
        "accuracy": round(sum(r["correct"] for r in answerable) / len(answerable), 3)
        if answerable else None,
        "retrieve_ms_p50": round(percentile([r["retrieve_ms"] for r in recs], 50), 1),
        "warmup_seconds": res["warmup_seconds"], "peak_rss_mb": res["peak_rss_mb"],
        "errors": res.get("errors", []), "unasked": res.get("unasked", 0),
    }
    if res["ttft_ms"]:
        summary["ttft_ms"] = spread(res["ttft_ms"], 1)
        summary["ttft_p95_ms"] = round(percentile(res["ttft_ms"], 95), 1)
    return summary


SENTENCES = "extractive, sentence vectors stored"
WARMING = "extractive, while the sentence vectors are being added"


def _ask(cfg: BenchConfig, data: BenchData, store: Path) -> dict[str, Any]:
    questions = [{"id": q["id"], "question": q["question"]} for q in data.covered]
    if not questions:
        return {"skipped": "no question has all of its documents among the ingested articles"}
    out: dict[str, Any] = {"store_chunks": None, "backends": {}}
    common: dict[str, Any] = {"store": str(store), "dataset": str(cfg.data)}
    log(f"ask: extractive, {len(questions)} questions x {cfg.ask_passes} passes")
    res = run_worker("ask", {**common, "llm": "extractive", "questions": questions,
                             "passes": cfg.ask_passes, "stream": False})
    out["backends"]["extractive"] = {**_summarise_ask(res), "records": res["records"]}
    # The same store once the UI has added its sentence vectors in the background (default).
    stored = store.parent / f"{store.name}-sentences"
    log("ask: extractive, sentence vectors stored (adding them to a copy of the store)")
    added = run_worker("add-sentences", {"source": str(store), "target": str(stored),
                                         "chunk_tokens": cfg.chunk_tokens})
    res = run_worker("ask", {**common, "store": str(stored), "llm": "extractive",
                             "questions": questions, "passes": cfg.ask_passes, "stream": False})
    out["backends"][SENTENCES] = {**_summarise_ask(res), "records": res["records"],
                                  "sentences_added": added}
    # And while the UI is adding them (its first minutes): a copy of the store without them.
    warming = store.parent / f"{store.name}-warming"
    shutil.rmtree(warming, ignore_errors=True)
    shutil.copytree(store, warming)
    log("ask: extractive, while the sentence vectors are being added in the background")
    res = run_worker("ask", {**common, "store": str(warming), "llm": "extractive",
                             "questions": questions, "passes": cfg.ask_passes, "stream": False,
                             "warming": True})
    out["backends"][WARMING] = {**_summarise_ask(res), "records": res["records"],
                                "warming": res.get("warming")}
    llm_qs = questions[: cfg.llm_questions]
    # Warm-up (model load, first use) on a question that is not timed, when there is one.
    common["warmup_questions"] = questions[-1:] if len(questions) > len(llm_qs) else []
    if "local" in cfg.llm_backends:
        log(f"ask: local (SmolLM2 in its server process), {len(llm_qs)} questions, streamed")
        res = run_worker("ask", {**common, "llm": "local", "questions": llm_qs,
                                 "passes": 1, "stream": True,
                                 "budget_seconds": cfg.llm_budget_seconds})
        out["backends"]["local"] = {**_summarise_ask(res), "records": res["records"]}
    if "openai" in cfg.llm_backends:
        log("ask: openai backend against a local llama.cpp server")
        server = _start_llama_server()
        try:
            res = run_worker("ask", {**common, "llm": "openai", "questions": llm_qs,
                                     "passes": 1, "stream": True,
                                     "budget_seconds": cfg.llm_budget_seconds,
                                     "openai_base_url": server.base_url, "model": server.model})
        finally:
            server.stop()
        out["backends"]["openai"] = {**_summarise_ask(res), "records": res["records"],
                                     "server": "llama_cpp.server, SmolLM2-135M-Instruct Q4_1, "
                                               "n_threads 2, 127.0.0.1"}
    return out


# -- cold start and imports -----------------------------------------------------------------------
def _newsqa_command() -> list[str]:
    exe = Path(sys.executable).with_name("newsqa")
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "newsqa"]


_IMPORT_PROBE = ("import json, sys, time; t = time.perf_counter(); import {pkg}; "
                 "d = time.perf_counter() - t; heavy = {heavy!r}; "
                 "print(json.dumps({{'seconds': d, 'heavy': [m for m in heavy "
                 "if m in sys.modules]}}))")


def _coldstart(cfg: BenchConfig, data: BenchData, store: Path) -> dict[str, Any]:
    question = (data.covered or data.questions)[0]["question"]
    env = clean_env()
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
    return {"command": "newsqa ask --llm extractive --store STORE QUESTION",
            "question": question, "wall_seconds": spread(walls, 2), "imports": imports,
            "dependencies": deps}


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
    sources: list[str] = []
    base: Path | None = None
    try:
        if {"ingest", "retrieval", "ask", "coldstart"} & set(cfg.sections):
            # The later sections need the ingested stores: ingest runs whenever they do.
            results["ingest"] = _ingest(cfg, data, work)
            sources = [str(work / f"ingest-ours-{r + 1}")
                       for r in range(results["ingest"]["rounds"])]
            log("building the base store (every ingested article once)")
            base = work / "corpus-base"
            results["base_store"] = run_worker("build-corpus", {"sources": sources,
                                                                "target": str(base)})
            _save_partial(cfg, results)
        grow, base_path = work / "corpus-grow", base or work / "corpus-base"
        steps = (
            ("retrieval", bool(sources), lambda: _retrieval(cfg, data, work, sources)),
            ("embedder", True, lambda: _embedder(cfg, data)),
            ("ask", base is not None, lambda: _ask(cfg, data, base_path)),
            ("coldstart", base is not None, lambda: _coldstart(cfg, data, base_path)),
            ("profile", True, lambda: _profile(cfg, data, work,
                                               grow if grow.is_dir() else None, base)),
            ("formats", True, lambda: run_formats(data.articles, work, cfg.formats_articles,
                                                  cfg.feed_polls)),
        )
        for name, possible, step in steps:
            if name not in cfg.sections or not possible:
                continue
            try:  # one section failing must not lose the others
                results[name] = step()
            except (WorkerError, subprocess.SubprocessError, OSError) as exc:
                log(f"{name} failed: {exc}")
                results.setdefault("errors", {})[name] = str(exc)[-3000:]
            _save_partial(cfg, results)
    finally:
        if not cfg.work:
            shutil.rmtree(work, ignore_errors=True)
    return _finish(cfg, results, started)


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
