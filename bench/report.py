"""results.json -> results.md: the machine first, then every figure with its spread, the targets,
where the time goes, and what is not measured.

The targets are worked out in `bench.report_targets`; the ingest, query and ask() sections are
written by `bench.report_ingest`, `bench.report_query` and `bench.report_ask`, the formats
section by `bench.formats`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .formats import render_formats
from .report_ask import render_ask
from .report_ingest import render_ingest
from .report_query import render_embedder, render_retrieval
from .report_targets import targets
from .report_text import fmt, fmt_spread, table

__all__ = ["render_markdown", "targets"]

ANALYSIS = Path(__file__).resolve().parent / "analysis.md"


def _met(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**met**" if ok else "**not met**")


def _machine(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    load = ", ".join(str(x) for x in m.get("load_average_at_start", []))
    return [
        f"**Machine:** {m['cores']} cores, {m['cpu']}, {m.get('memory_gib')} GiB RAM, no GPU; "
        f"Python {m['python']}, onnxruntime {m.get('onnxruntime', '?')}, torch "
        f"{m.get('torch', '?')} ({m.get('threads', '?')} threads); "
        f"load average at start {load}.  ",
        f"**Run:** {results['started']}, {results['seconds'] / 60:.1f} min in total.",
        "",
    ]


def _coldstart(results: dict[str, Any]) -> list[str]:
    cs = results.get("coldstart")
    if not cs:
        return []
    rows = [[f"`import {pkg}`", fmt_spread(v["seconds"], 3, " s"),
             ", ".join(v["heavy_modules_loaded"]) or "none"]
            for pkg, v in cs["imports"].items()]
    deps = [[f"`{k}`", fmt_spread(v, 2, " s")] for k, v in cs.get("dependencies", {}).items()]
    return [
        "## Cold start and imports",
        "",
        f"`{cs['command']}` in a fresh process, wall time: "
        f"**{fmt_spread(cs['wall_seconds'], 2, ' s')}**"
        " (loads Python, the CLI, Chroma, the embedder; retrieves and answers one question).",
        "",
        *table(["import, fresh process", "seconds", "heavy modules it loads"], rows),
        "Third-party imports alone, fresh process each:",
        "",
        *table(["import", "seconds"], deps),
    ]


def _memory(results: dict[str, Any]) -> list[str]:
    rows = []
    ing = results.get("ingest")
    if ing:
        p = ing["pipelines"]["ours"]
        n = ing["pipelines"]["ours"]["articles"] // max(ing["rounds"], 1)
        rows.append([f"ingest (ours): one process, {ing['rounds']} slices of ~{n} articles in "
                     "turn (peak after each)", fmt_spread(p["peak_rss_mb"], 0)])
        for other in ("llamaindex", "bare"):
            rows.append([f"ingest ({other}), the same way",
                         fmt_spread(ing["pipelines"][other]["peak_rss_mb"], 0)])
    for s in (results.get("retrieval") or {}).get("sizes", []):
        rows.append([f"query process, {s['chunks']:,} chunks", fmt(s["peak_rss_mb"], 0)])
    if not rows:
        return []
    return ["## Peak memory (RSS, MiB)", "",
            "`ru_maxrss` of the measuring process (embedding model, Chroma client, BM25 index "
            "all included).", "", *table(["process", "peak RSS MiB"], rows)]


def _profile(results: dict[str, Any]) -> list[str]:
    prof = results.get("profile")
    if not prof:
        return []
    lines = ["## Where the cost is", ""]
    labels = {"ingest": "Ingest", "query": "Hybrid query", "ask": "Extractive ask()"}
    for key, p in prof.items():
        what = {"ingest": f"{p.get('articles')} articles, {p.get('chunks')} chunks",
                "query": f"{p.get('queries')} queries at {p.get('chunks', 0):,} chunks",
                "ask": f"{p.get('questions')} questions"}[key]
        lines += [f"**{labels[key]}** (pyinstrument, {what}, {p['total_seconds']:.2f} s; "
                  f"full tree in `bench/profiles/{key}.txt`). Inclusive time of our functions:",
                  ""]
        rows = [[f"`{k}`", fmt(v["seconds"], 3), fmt(v["share"] * 100, 0, "%")]
                for k, v in list(p["inclusive"].items())[:10]]
        lines += table(["function", "seconds", "share"], rows)
        rows = [[f"`{t['function']}`", fmt(t["seconds"], 3), fmt(t["share"] * 100, 0, "%")]
                for t in p["top_own_time"][:6]]
        lines += ["Top own time:", "", *table(["frame", "seconds", "share"], rows)]
        if p.get("stages"):
            lines += _stages(p["stages"])
    if ANALYSIS.is_file():
        lines += [ANALYSIS.read_text().strip(), ""]
    return lines


def _stages(stages: dict[str, float]) -> list[str]:
    wall = stages["wall_seconds"]
    rows = [[k, fmt(v, 2), fmt(v / wall * 100 if wall else 0, 0, "%")]
            for k, v in stages.items() if k != "wall_seconds"]
    return [f"Stages of the same ingest, summed where each runs (wall time {wall:.2f} s; "
            "chunking, embedding and storing overlap, so the shares add up to more than "
            "100%):", "", *table(["stage", "seconds", "share of wall time"], rows)]


def render_markdown(results: dict[str, Any]) -> str:
    lines = ["# newsqa benchmark (`make bench`)", "", *_machine(results)]
    if results.get("skipped") and not results.get("ingest"):
        lines += ["Skipped: " + "; ".join(f"{k}: {v}" for k, v in results["skipped"].items()),
                  ""]
        return "\n".join(lines)
    d = results.get("data", {})
    lines += [f"Data: {d.get('articles')} articles of RealTime QA 2025 Q1 "
              f"(`../shared/benchmarks/realtimeqa-2025q1`), the search results of the first "
              f"answerable questions; {d.get('covered_questions')} questions have all their "
              "documents among them.", ""]
    rows = [[t["target"], t["shown"], t["goal"], _met(t["met"])] for t in targets(results)]
    lines += ["## Targets", "", *table(["measure", "measured: median (min–max, runs)", "target",
                                       ""], rows)]
    lines += (render_ingest(results) + render_retrieval(results) + render_embedder(results)
              + render_ask(results))
    lines += _coldstart(results)
    lines += _memory(results) + _profile(results) + render_formats(results)
    if results.get("errors"):
        lines += ["## Sections that failed", ""]
        lines += [f"- {k}: `{v.strip().splitlines()[-1] if v.strip() else v}`"
                  for k, v in results["errors"].items()]
        lines += [""]
    notes = Path(__file__).resolve().parent / "not_measured.md"
    if notes.is_file():
        lines += [notes.read_text().strip(), ""]
    return "\n".join(lines)
