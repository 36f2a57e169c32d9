"""The ingest section of results.md: every pipeline's articles/s and chunks/s, ours against
the plain LlamaIndex pipeline and the bare embedder, and the re-ingest of an unchanged slice."""

from __future__ import annotations

from typing import Any

from .report_text import fmt, fmt_spread, table

__all__ = ["render_ingest"]

_PIPELINES = {"ours": "ours (`NewsIndex.ingest`, MiniLM int8 on ONNX Runtime)",
              "llamaindex": "plain LlamaIndex (SentenceSplitter + VectorStoreIndex + Chroma)",
              "bare": "bare embedder (sentence-transformers encode of our chunks, torch)",
              "ours-float": "ours with float weights (`NEWSQA_EMBED_RUNTIME=onnx`)"}


def render_ingest(results: dict[str, Any]) -> list[str]:
    ing = results.get("ingest")
    if not ing:
        return []
    rows = []
    for key, p in ing["pipelines"].items():
        rows.append([_PIPELINES[key], str(p["articles"]), str(p["chunks"]), fmt(p["seconds"], 1),
                     fmt(p["articles_per_s"], 2), fmt_spread(p["articles_per_s_rounds"], 2),
                     fmt(p["chunks_per_s"], 1), fmt_spread(p["peak_rss_mb"], 0)])
    return [
        "## Ingest",
        "",
        f"{sum(p['articles'] for p in [ing['pipelines']['ours']])} RealTime QA articles, split "
        f"into {ing['rounds']} slices; in each round every pipeline ingests the same slice into "
        "an empty store, each pipeline in its own process (started and loaded before the first "
        "round, kept for the next ones; the order rotates between rounds). Model loading "
        "is excluded for all of them; reading the JSONL, cleaning, chunking, embedding, writing "
        "Chroma (and for ours: story detection and the BM25 index) are included. Totals are "
        "over all rounds; the spread is over rounds.",
        "",
        *table(["pipeline", "articles", "chunks", "seconds", "articles/s",
                "articles/s per round", "chunks/s", "peak RSS MiB"], rows),
        *_ratios(ing),
        *_float_ratio(ing),
        *_reingest(ing["reingest"]),
        *_settings(results, ing),
    ]


def _ratios(ing: dict[str, Any]) -> list[str]:
    llama, bare = ing["ratio_vs_llamaindex"], ing["ratio_vs_bare"]
    return [f"Ours vs plain LlamaIndex: **{fmt(llama['articles_per_s'], 2)}x** "
            f"articles/s (per round {fmt_spread(llama['rounds'], 2)}). "
            f"Ours vs the bare embedder: **{fmt(bare['articles_per_s'], 2)}x** "
            f"(per round {fmt_spread(bare['rounds'], 2)}).", ""]


def _float_ratio(ing: dict[str, Any]) -> list[str]:
    ratio = ing.get("float_ratio_vs_llamaindex")
    if not ratio:
        return []
    return [f"Like for like in the vectors: ours with float weights, which give the torch "
            f"model's vectors (to ~1e-5, see \"The embedder\"), is "
            f"**{fmt(ratio['articles_per_s'], 2)}x** plain LlamaIndex (per round "
            f"{fmt_spread(ratio['rounds'], 2)}). The rest of the shipped figure is the int8 "
            "weights, whose vectors are close but not equal (`make eval` measures both).", ""]


def _reingest(re: dict[str, Any]) -> list[str]:
    return [f"Re-ingest of the unchanged slice (3 times after each first ingest): "
            f"{fmt_spread(re['seconds'], 3, ' s')}, i.e. "
            f"{fmt(re['share_of_first']['median'] * 100, 2)}% of the first ingest "
            f"({fmt(re['share_of_first']['min'] * 100, 2)}–"
            f"{fmt(re['share_of_first']['max'] * 100, 2)}%).", ""]


def _settings(results: dict[str, Any], ing: dict[str, Any]) -> list[str]:
    """How each pipeline was set up."""
    return [f"LlamaIndex settings: chunk_size {results['config']['chunk_tokens']} tokens, "
            "chunk_overlap 20, the title as metadata (so it is embedded with every chunk, as "
            "ours prepends it), `HuggingFaceEmbedding` default batch size "
            f"{ing['runs']['llamaindex'][0].get('embed_batch_size', '?')}, on torch; ours runs "
            "the same model with int8 weights on ONNX Runtime (`index/onnx_embedder.py`, 8 "
            "texts per batch, longest first; its vectors against torch's: see \"The "
            "embedder\") and chunks the next batch and stores the previous one (one Chroma "
            "upsert per batch; chunk texts are not stored twice) while a batch is embedded; the "
            "bare embedder uses sentence-transformers' default (32 per batch) on torch.", ""]
