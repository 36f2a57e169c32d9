"""The query sections of results.md: hybrid retrieval latency at growing corpus sizes, and the
embedder's runtimes."""

from __future__ import annotations

from typing import Any

from .report_text import fmt, fmt_spread, table

__all__ = ["render_embedder", "render_retrieval"]

_COMPONENTS = ("Components (40 candidates each, as "
               "`retrieve` asks): the query embedding, `ChromaStore.query_dense` as `retrieve` "
               "calls it (ids, distances, metadatas; passages are cut from the article text), "
               "the same query with ids and distances only, and the BM25 query.")


def _copies(n: int) -> str:
    return f"taken {n} times, the last time in part" if n > 1 else "in part"


def _retrieval_row(s: dict[str, Any]) -> list[str]:
    comp = s["components_p50_ms"]
    return [
        f"{s['chunks']:,}", fmt_spread(s["p50_ms"], 1), fmt_spread(s["p95_ms"], 1),
        fmt(s.get("growth_p50_from_previous"), 2, "x"),
        f"{fmt(comp['embed_query'], 1)} / {fmt(comp['dense (Chroma query)'], 1)} "
        f"({fmt(comp.get('dense ids and distances only'), 1)}) / {fmt(comp['bm25 query'], 1)}",
        fmt(s["first_query_ms"], 0), fmt(s["peak_rss_mb"], 0),
        f"{s['build']['seconds_chroma']:.0f} + {s['build']['seconds_bm25']:.0f}",
    ]


def render_retrieval(results: dict[str, Any]) -> list[str]:
    ret = results.get("retrieval")
    if not ret:
        return []
    rows = [_retrieval_row(s) for s in ret["sizes"]]
    first = ret["sizes"][0] if ret["sizes"] else {}
    return [
        "## Retrieval latency (hybrid, top 8)",
        "",
        f"`assistant.retrieval.retrieve(index, question, k={ret['k']})` on a `NewsIndex`, warm, "
        f"{first.get('queries', '?')} RealTime QA questions per pass, "
        f"{first.get('passes', '?')} passes in a fresh process per size; p50/p95 are per pass "
        "(median over passes, min–max). **The larger corpora re-use the benchmark articles' "
        "chunks and their already computed vectors under new ids** ("
        + "; ".join(f"{s['chunks']:,} chunks: the {s['build']['source_chunks']:,} ingested "
                    f"chunks {_copies(s['build']['copies'])}" for s in ret["sizes"])
        + "), because embedding 100k chunks at ~25 chunks/s is out of reach here. Duplicate "
        "vectors and texts are not real data: HNSW and BM25 see many exact ties; the copies' "
        "story ids are distinct, so retrieval treats them as separate articles.",
        "",
        *table(["chunks", "p50 ms", "p95 ms", "p50 growth",
                "p50 embed / dense (ids only) / bm25 ms", "first query ms",
                "peak RSS MiB",
                "build s (Chroma + BM25)"], rows),
        _COMPONENTS,
        "",
    ]


def render_embedder(results: dict[str, Any]) -> list[str]:
    em = results.get("embedder")
    if not em:
        return []
    rows = [[name, fmt(v["ready_seconds"], 2, " s"), fmt(v["query_p50_ms"], 1),
             fmt(v["query_p95_ms"], 1), fmt(v["batch_texts_per_s"], 1), fmt(v["peak_rss_mb"], 0)]
            for name, v in em.items() if isinstance(v, dict)]
    return [
        "## The embedder: ONNX Runtime against sentence-transformers",
        "",
        "The bundled all-MiniLM-L6-v2 as shipped (`index/onnx_embedder.py`: exported once to "
        "ONNX with fused attention and int8 weights, run by onnxruntime, tokenized by "
        "`tokenizers`), the same export in float, and as a user would otherwise run it "
        "(sentence-transformers on torch), each in a fresh process: time to be ready (imports "
        "and loading), one question, and a batch of 64 chunk-sized texts (title + 1,000 "
        "characters). Float ONNX against torch, largest difference in a vector component: "
        f"{em.get('float_vs_torch_max_abs_difference', float('nan')):.1e}; int8 against torch, "
        f"lowest cosine: {em.get('int8_vs_torch_min_cosine', float('nan')):.4f}.",
        "",
        *table(["runtime", "ready", "embed one question p50 ms", "p95 ms", "batch texts/s",
                "peak RSS MiB"], rows),
    ]
