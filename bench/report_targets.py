"""The targets results.md opens with: each measured value, its goal, and whether it is met."""

from __future__ import annotations

from typing import Any

from .formats import poll_target
from .report_text import fmt, fmt_spread

__all__ = ["targets"]


class _Targets(list[dict[str, Any]]):
    def add(self, name: str, value: float | None, goal: str, ok: bool | None, shown: str
            ) -> None:
        self.append({"target": name, "value": value, "goal": goal, "met": ok, "shown": shown})


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value and whether it is met (None: not measured)."""
    out = _Targets()
    _ingest_targets(results, out)
    _retrieval_targets(results, out)
    _ask_targets(results, out)
    _startup_targets(results, out)
    return list(out)


def _ingest_targets(results: dict[str, Any], out: _Targets) -> None:
    ing = results.get("ingest") or {}
    for other, goal, label in (("llamaindex", 1.5, "plain LlamaIndex pipeline"),
                               ("bare", 0.8, "bare embedder")):
        r = ing.get(f"ratio_vs_{other}")
        v = r["articles_per_s"] if r else None
        out.add(f"ingest articles/s vs {label}", v, f">= {goal}x",
                None if v is None else v >= goal,
                f"{fmt(v, 2, 'x')} (rounds {fmt(r['rounds']['min'], 2)}–"
                f"{fmt(r['rounds']['max'], 2)})" if r else "—")
    re = (ing.get("reingest") or {}).get("share_of_first")
    v = re["median"] if re else None
    out.add("re-ingest of the unchanged corpus, share of first ingest", v, "<= 3%",
            None if v is None else v <= 0.03,
            fmt_spread(re and {k: (x * 100 if isinstance(x, float) else x)
                               for k, x in re.items()}, 2, "%"))


def _size(results: dict[str, Any], target: int) -> dict[str, Any] | None:
    for s in (results.get("retrieval") or {}).get("sizes", []):
        if s["target"] == target:
            return s
    return None


def _retrieval_targets(results: dict[str, Any], out: _Targets) -> None:
    for size, goal in ((10_000, 30.0), (100_000, 80.0)):
        s = _size(results, size)
        v = s["p50_ms"]["median"] if s else None
        out.add(f"hybrid retrieval p50 at {size:,} chunks", v, f"<= {goal:g} ms",
                None if v is None else v <= goal, fmt_spread(s["p50_ms"], 1, " ms") if s else "—")


def _ask_targets(results: dict[str, Any], out: _Targets) -> None:
    backends = (results.get("ask") or {}).get("backends", {})
    ex = backends.get("extractive")
    v = ex.get("p50_first_pass_ms") if ex else None
    out.add("ask() extractive p50 (warm, each question asked for the first time), store just "
            "ingested", v, "<= 150 ms", None if v is None else v <= 150,
            f"{fmt(v, 0, ' ms')} ({ex['questions']} questions; asked again: "
            f"{fmt(ex.get('p50_repeat_pass_ms'), 0, ' ms')})" if ex and v is not None else "—")
    sv = backends.get("extractive, sentence vectors stored")
    v = sv.get("p50_first_pass_ms") if sv else None
    out.add("the same, once the UI has added the sentence vectors in the background (default)",
            v, "<= 150 ms", None if v is None else v <= 150,
            f"{fmt(v, 0, ' ms')} (added in {sv['sentences_added']['seconds']:.1f} s)"
            if sv and v is not None and sv.get("sentences_added") else "—")
    lo = backends.get("local")
    v = lo["ttft_ms"]["median"] if lo and lo.get("ttft_ms") else None
    out.add("local backend time to first token p50", v, "<= 1,500 ms",
            None if v is None else v <= 1500,
            fmt_spread(lo.get("ttft_ms"), 0, " ms") if lo else "—")


def _startup_targets(results: dict[str, Any], out: _Targets) -> None:
    """A cold start, and a feed poll that finds nothing new."""
    cs = (results.get("coldstart") or {}).get("wall_seconds")
    v = cs["median"] if cs else None
    out.add("cold start `newsqa ask --llm extractive`", v, "<= 6 s",
            None if v is None else v <= 6, fmt_spread(cs, 2, " s"))
    v = poll_target(results)
    out.add("feed poll that finds nothing new p50", v, "<= 1,000 ms",
            None if v is None else v <= 1000, fmt(v, 1, " ms") if v is not None else "—")
