"""The ingest section: every pipeline ingests the same slices of the articles in turn, each in a
process of its own; articles/s and chunks/s per pipeline, their ratios, and the re-ingest of
an unchanged slice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import Worker, log, spread
from .config import BenchConfig
from .data import BenchData, write_slices

__all__ = ["PIPELINES", "run_ingest", "statistics_median"]

PIPELINES = ("ours", "llamaindex", "bare", "ours-float")


def run_ingest(cfg: BenchConfig, data: BenchData, work: Path) -> dict[str, Any]:
    files = write_slices(data.articles, cfg.rounds, work / "slices")
    runs = _rounds(cfg, files, work)
    out: dict[str, Any] = {"rounds": len(files), "runs": runs, "pipelines": {}}
    for name, rs in runs.items():
        out["pipelines"][name] = _pipeline(rs)
    for mine, prefix in (("ours", "ratio"), ("ours-float", "float_ratio")):
        for other in ("llamaindex", "bare"):
            out[f"{prefix}_vs_{other}"] = _ratio(out["pipelines"], runs, mine, other)
    shares = [statistics_median(x["reingest_seconds"]) / x["seconds"] for x in runs["ours"]]
    out["reingest"] = {"share_of_first": spread(shares, 4),
                       "seconds": spread([statistics_median(x["reingest_seconds"])
                                          for x in runs["ours"]], 3)}
    return out


def _rounds(cfg: BenchConfig, files: list[Path], work: Path) -> dict[str, list[dict[str, Any]]]:
    """Each pipeline's result on each slice."""
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
    return runs


def _pipeline(rs: list[dict[str, Any]]) -> dict[str, Any]:
    """One pipeline's totals over all rounds, and their spread over rounds."""
    arts, chunks = sum(x["articles"] for x in rs), sum(x["chunks"] for x in rs)
    secs = sum(x["seconds"] for x in rs)
    return {
        "articles": arts, "chunks": chunks, "seconds": round(secs, 2),
        "articles_per_s": round(arts / secs, 3), "chunks_per_s": round(chunks / secs, 2),
        "articles_per_s_rounds": spread([x["articles"] / x["seconds"] for x in rs]),
        "chunks_per_s_rounds": spread([x["chunks"] / x["seconds"] for x in rs]),
        "peak_rss_mb": spread([x["peak_rss_mb"] for x in rs], 1),
    }


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
