"""What a bench run measures and how much of it: the sections, and the sizes and repeats of
each (`BenchConfig`); `quick_config` for a check of the machinery."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .common import BENCH_DIR, benchmark_dir

__all__ = ["SECTIONS", "BenchConfig", "quick_config"]

SECTIONS = ("ingest", "retrieval", "embedder", "ask", "coldstart", "profile", "formats")


@dataclass
class BenchConfig:
    """How much each section measures; the defaults are a full run's."""

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
