"""The query sections: hybrid retrieval at growing corpus sizes, and the embedder's runtimes
(ONNX Runtime as shipped against sentence-transformers on torch)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np

from .common import log, percentile, run_worker, spread
from .config import BenchConfig
from .data import BenchData

__all__ = ["run_embedder", "run_retrieval"]

# -- retrieval at growing corpus sizes ------------------------------------------------------------
def run_retrieval(cfg: BenchConfig, data: BenchData, work: Path, sources: list[str]
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
def run_embedder(cfg: BenchConfig, data: BenchData) -> dict[str, Any]:
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
