"""The ask section: ask() per backend, warm, over the questions whose documents were all
ingested: extractive (as just ingested, with the sentence vectors stored, and while they are
being added), the local backend, and the openai backend against a local llama.cpp server."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from .common import REPO_ROOT, log, percentile, run_worker, spread
from .config import BenchConfig
from .data import BenchData

__all__ = ["SENTENCES", "WARMING", "run_ask", "summarise_ask"]

SENTENCES = "extractive, sentence vectors stored"
WARMING = "extractive, while the sentence vectors are being added"


def _start_llama_server() -> Any:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from tests.llama_server import start_llama_server

    return start_llama_server()


def summarise_ask(res: dict[str, Any]) -> dict[str, Any]:
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



def run_ask(cfg: BenchConfig, data: BenchData, store: Path) -> dict[str, Any]:
    questions = [{"id": q["id"], "question": q["question"]} for q in data.covered]
    if not questions:
        return {"skipped": "no question has all of its documents among the ingested articles"}
    out: dict[str, Any] = {"store_chunks": None, "backends": {}}
    common: dict[str, Any] = {"store": str(store), "dataset": str(cfg.data)}
    out["backends"].update(_extractive(cfg, questions, store, common))
    llm_qs = questions[: cfg.llm_questions]
    # Warm-up (model load, first use) on a question that is not timed, when there is one.
    common["warmup_questions"] = questions[-1:] if len(questions) > len(llm_qs) else []
    out["backends"].update(_generative(cfg, llm_qs, common))
    return out


def _extractive(cfg: BenchConfig, questions: list[dict[str, Any]], store: Path,
                common: dict[str, Any]) -> dict[str, Any]:
    backends: dict[str, Any] = {}
    log(f"ask: extractive, {len(questions)} questions x {cfg.ask_passes} passes")
    res = run_worker("ask", {**common, "llm": "extractive", "questions": questions,
                             "passes": cfg.ask_passes, "stream": False})
    backends["extractive"] = {**summarise_ask(res), "records": res["records"]}
    # The same store once the UI has added its sentence vectors in the background (default).
    stored = store.parent / f"{store.name}-sentences"
    log("ask: extractive, sentence vectors stored (adding them to a copy of the store)")
    added = run_worker("add-sentences", {"source": str(store), "target": str(stored),
                                         "chunk_tokens": cfg.chunk_tokens})
    res = run_worker("ask", {**common, "store": str(stored), "llm": "extractive",
                             "questions": questions, "passes": cfg.ask_passes, "stream": False})
    backends[SENTENCES] = {**summarise_ask(res), "records": res["records"],
                           "sentences_added": added}
    # And while the UI is adding them (its first minutes): a copy of the store without them.
    warming = store.parent / f"{store.name}-warming"
    shutil.rmtree(warming, ignore_errors=True)
    shutil.copytree(store, warming)
    log("ask: extractive, while the sentence vectors are being added in the background")
    res = run_worker("ask", {**common, "store": str(warming), "llm": "extractive",
                             "questions": questions, "passes": cfg.ask_passes, "stream": False,
                             "warming": True})
    backends[WARMING] = {**summarise_ask(res), "records": res["records"],
                         "warming": res.get("warming")}
    return backends


def _generative(cfg: BenchConfig, llm_qs: list[dict[str, Any]], common: dict[str, Any]
                ) -> dict[str, Any]:
    backends: dict[str, Any] = {}
    if "local" in cfg.llm_backends:
        log(f"ask: local (SmolLM2 in its server process), {len(llm_qs)} questions, streamed")
        res = run_worker("ask", {**common, "llm": "local", "questions": llm_qs,
                                 "passes": 1, "stream": True,
                                 "budget_seconds": cfg.llm_budget_seconds})
        backends["local"] = {**summarise_ask(res), "records": res["records"]}
    if "openai" in cfg.llm_backends:
        backends["openai"] = _openai(cfg, llm_qs, common)
    return backends


def _openai(cfg: BenchConfig, llm_qs: list[dict[str, Any]], common: dict[str, Any]
            ) -> dict[str, Any]:
    log("ask: openai backend against a local llama.cpp server")
    server = _start_llama_server()
    try:
        res = run_worker("ask", {**common, "llm": "openai", "questions": llm_qs,
                                 "passes": 1, "stream": True,
                                 "budget_seconds": cfg.llm_budget_seconds,
                                 "openai_base_url": server.base_url, "model": server.model})
    finally:
        server.stop()
    return {**summarise_ask(res), "records": res["records"],
            "server": "llama_cpp.server, SmolLM2-135M-Instruct Q4_1, n_threads 2, 127.0.0.1"}
