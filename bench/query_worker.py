"""The query workers: hybrid retrieval on a store, warm, with its components timed apart; and
the bundled MiniLM on one runtime, from a fresh process."""

from __future__ import annotations

import time
from typing import Any

from bench.common import peak_rss_mb, percentile
from bench.registry import store_config, to_ms, worker

__all__ = ["embed_runtime", "query"]


@worker
def query(args: dict[str, Any]) -> dict[str, Any]:
    """Hybrid retrieval (assistant.retrieval.retrieve, top k) on a NewsIndex, warm."""
    from assistant.retrieval import retrieve
    from index import NewsIndex

    started = time.perf_counter()
    index = NewsIndex(store_config(args["store"]))
    index.embedder.embed_query("warm-up")
    loaded_model = time.perf_counter()
    index.bm25()
    opened = time.perf_counter()
    questions: list[str] = args["questions"]
    k = args.get("k", 8)
    first = time.perf_counter()
    retrieve(index, questions[0], k)
    first_ms = to_ms(time.perf_counter() - first)
    for q in questions[: args.get("warmup", 3)]:
        retrieve(index, q, k)
    passes = _passes(index, questions, k, args.get("passes", 3))
    parts = _components(index, questions)
    return {"chunks": index.store.count_chunks(), "passes_ms": passes,
            "first_query_ms": first_ms, "open_seconds": round(opened - started, 2),
            "model_load_seconds": round(loaded_model - started, 2),
            "bm25_load_seconds": round(opened - loaded_model, 2),
            "components_p50_ms": {k2: round(percentile(v, 50), 2) for k2, v in parts.items()},
            "peak_rss_mb": peak_rss_mb()}


def _passes(index: Any, questions: list[str], k: int, passes: int) -> list[list[float]]:
    """Each pass's retrieval times, ms."""
    from assistant.retrieval import retrieve

    out = []
    for _ in range(passes):
        times = []
        for q in questions:
            t0 = time.perf_counter()
            retrieve(index, q, k)
            times.append(to_ms(time.perf_counter() - t0))
        out.append(times)
    return out


def _components(index: Any, questions: list[str]) -> dict[str, list[float]]:
    """The parts of a retrieval, each timed alone, ms."""
    parts: dict[str, list[float]] = {"embed_query": [], "dense (Chroma query)": [],
                                     "bm25 query": [], "dense ids and distances only": []}
    for q in questions:
        t0 = time.perf_counter()
        vec = index.embedder.embed_query(q)
        t1 = time.perf_counter()
        index.store.query_dense(vec, 40, with_text=False)  # as retrieve() asks
        t2 = time.perf_counter()
        index.lexical(q, 40)
        t3 = time.perf_counter()
        parts["embed_query"].append(to_ms(t1 - t0))
        parts["dense (Chroma query)"].append(to_ms(t2 - t1))
        parts["bm25 query"].append(to_ms(t3 - t2))
        # What Chroma's search itself costs, without reading any metadata.
        t4 = time.perf_counter()
        index.store._chunks.query(query_embeddings=[vec.tolist()], n_results=40,
                                  include=["distances"])
        parts["dense ids and distances only"].append(to_ms(time.perf_counter() - t4))
    return parts


@worker
def embed_runtime(args: dict[str, Any]) -> dict[str, Any]:
    """The bundled MiniLM on one runtime in a fresh process: how long it takes to be ready
    (imports and loading), one-question `embed_query` latency, and a batch of chunk-sized
    texts."""
    started = time.perf_counter()
    from index import make_embedder

    embedder = make_embedder(runtime=args["runtime"])
    ready = time.perf_counter() - started
    for q in args["questions"][:3]:
        embedder.embed_query(q + " (warm-up)")
    times = []
    for q in args["questions"]:
        t0 = time.perf_counter()
        embedder.embed_documents([q])
        times.append(to_ms(time.perf_counter() - t0))
    texts = args["texts"]
    t0 = time.perf_counter()
    vectors = embedder.embed_documents(texts)
    batch = time.perf_counter() - t0
    return {"embedder": type(embedder).__name__, "ready_seconds": round(ready, 2),
            "query_p50_ms": round(percentile(times, 50), 2),
            "query_p95_ms": round(percentile(times, 95), 2),
            "batch_texts": len(texts), "batch_texts_per_s": round(len(texts) / batch, 2),
            "vectors": vectors[:4].round(5).tolist(), "peak_rss_mb": peak_rss_mb()}
