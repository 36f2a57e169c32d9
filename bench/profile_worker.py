"""The profiling workers: an ingest, hybrid queries and extractive ask() calls under
pyinstrument, summarised as the inclusive time of our watched functions and the top functions
by own time (the full trees go to text files)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.registry import store_config, worker

__all__ = ["profile_ask", "profile_ingest", "profile_query"]

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
    index = NewsIndex(store_config(args["store"]), embedder=embedder)
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

    index = NewsIndex(store_config(args["store"]))
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

