"""The ingest workers: ours (int8 and float weights), a plain LlamaIndex pipeline, the bare
embedder, and ingest by input format (`bench.formats`). Each loads its model before any clock
starts; with `prepare` it only loads it (a serving worker is called again for each round)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.common import peak_rss_mb
from bench.registry import cached_model, minilm_folder, read_records, store_config, worker

__all__ = ["ingest_bare", "ingest_formats", "ingest_llamaindex", "ingest_ours",
           "ingest_ours_float"]


@worker
def ingest_ours(args: dict[str, Any]) -> dict[str, Any]:
    """As shipped: a new index embeds with int8 weights."""
    return _ingest_ours(args, "auto")


@worker
def ingest_ours_float(args: dict[str, Any]) -> dict[str, Any]:
    """Float weights: the same vectors as the torch model LlamaIndex runs (to ~1e-5)."""
    return _ingest_ours(args, "onnx")


def _ingest_ours(args: dict[str, Any], runtime: str) -> dict[str, Any]:
    from index import NewsIndex, make_embedder

    embedder = make_embedder(runtime=runtime)
    embedder.embed_documents(["warm-up"])
    rss_loaded = peak_rss_mb()
    if args.get("prepare"):
        return {"peak_rss_mb": rss_loaded}
    index = NewsIndex(store_config(args["store"], args["chunk_tokens"]), embedder=embedder)
    started = time.perf_counter()
    report = index.ingest(args["files"])
    seconds = time.perf_counter() - started
    reingest = []
    for _ in range(args.get("reingest_runs", 3)):
        t0 = time.perf_counter()
        again = index.ingest(args["files"])
        reingest.append(time.perf_counter() - t0)
        if again.added or again.updated or again.chunks:
            raise SystemExit(f"re-ingest changed the index: {again.as_dict()}")
    return {"articles": report.added + report.updated, "chunks": report.chunks,
            "seconds": seconds, "reingest_seconds": reingest,
            "bm25_build_seconds": getattr(index, "bm25_build_seconds", None),
            "peak_rss_mb": peak_rss_mb(), "rss_after_model_load_mb": rss_loaded}


@worker
def ingest_llamaindex(args: dict[str, Any]) -> dict[str, Any]:
    """The plain pipeline: Documents -> SentenceSplitter -> HuggingFaceEmbedding (same MiniLM
    folder) -> VectorStoreIndex over a ChromaVectorStore, all with LlamaIndex's defaults except
    the chunk size (ours) and the overlap (about one sentence, like ours)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    embed = cached_model("llamaindex", lambda: HuggingFaceEmbedding(
        model_name=str(minilm_folder()), device="cpu"))
    embed.get_text_embedding("warm-up")
    rss_loaded = peak_rss_mb()
    if args.get("prepare"):
        return {"peak_rss_mb": rss_loaded}
    client = chromadb.PersistentClient(path=str(Path(args["store"]) / "chroma"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("plain", metadata={"hnsw:space": "cosine"})
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(
        chroma_collection=collection))
    splitter = SentenceSplitter(chunk_size=args["chunk_tokens"],
                                chunk_overlap=args.get("overlap_tokens", 20))
    started = time.perf_counter()
    docs = [Document(text=r["text"], id_=r["id"], metadata={"title": r.get("title") or ""})
            for r in read_records(args["files"])]
    VectorStoreIndex.from_documents(docs, storage_context=storage, embed_model=embed,
                                    transformations=[splitter], show_progress=False)
    seconds = time.perf_counter() - started
    return {"articles": len(docs), "chunks": int(collection.count()), "seconds": seconds,
            "embed_batch_size": embed.embed_batch_size, "peak_rss_mb": peak_rss_mb(),
            "rss_after_model_load_mb": rss_loaded}


@worker
def ingest_bare(args: dict[str, Any]) -> dict[str, Any]:
    """sentence-transformers encoding exactly the texts our pipeline embeds (title + chunk)."""
    from sentence_transformers import SentenceTransformer

    from index.chunking import chunk_article, embedding_text
    from index.cleaning import clean_document
    from index.loading import load_paths

    model = cached_model("bare", lambda: SentenceTransformer(str(minilm_folder()), device="cpu"))
    model.encode(["warm-up"])
    rss_loaded = peak_rss_mb()
    if args.get("prepare"):
        return {"peak_rss_mb": rss_loaded}
    articles = [a for doc in load_paths(args["files"]).documents for a in clean_document(doc)]
    texts = [embedding_text(a, c) for a in articles for c in chunk_article(a, args["chunk_tokens"])]
    started = time.perf_counter()
    model.encode(texts, normalize_embeddings=True, convert_to_numpy=True,
                 show_progress_bar=False)
    seconds = time.perf_counter() - started
    return {"articles": len(articles), "chunks": len(texts), "seconds": seconds,
            "peak_rss_mb": peak_rss_mb(), "rss_after_model_load_mb": rss_loaded}


@worker
def ingest_formats(args: dict[str, Any]) -> dict[str, Any]:
    """PDFs and web pages beside text files, and feed polls (bench/formats.py)."""
    from bench.formats import measure_formats

    return measure_formats(args)
