"""`newsqa eval --compare OLD.json NEW.json`: per-metric deltas and the questions that got worse."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from .errors import CompareError
from .summary import METRICS, MetricSpec

__all__ = [
    "CHECKS",
    "Comparison",
    "MetricDelta",
    "Regression",
    "compare_reports",
    "load_report",
    "print_comparison",
]


def _answered_right(q: dict[str, Any]) -> bool | None:
    v = q["verdicts"]
    return v["abstained"] if not v["answerable"] else None


def _retrieved_gold(q: dict[str, Any]) -> bool | None:
    v = q["verdicts"]
    return v["first_relevant_rank"] is not None if v["answerable"] else None


# Per-question checks a regression can lose: name -> value (None: does not apply).
CHECKS: dict[str, Callable[[dict[str, Any]], bool | None]] = {
    "passed": lambda q: q["passed"],
    "correct": lambda q: q["verdicts"]["correct"],
    "grounded": lambda q: q["verdicts"]["grounded"],
    "quotes valid": lambda q: q["quotes_valid"],
    "abstained": _answered_right,
    "gold article cited": lambda q: q["verdicts"]["citation_recalled"],
    "gold article retrieved": _retrieved_gold,
}


@dataclass(frozen=True)
class MetricDelta:
    scope: str  # "overall" or a category
    spec: MetricSpec
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def worse(self) -> bool:
        d = self.delta
        return d is not None and (d < 0 if self.spec.higher_is_better else d > 0)


@dataclass(frozen=True)
class Regression:
    id: str
    category: str
    question: str
    lost: tuple[str, ...]  # checks that held in OLD and fail in NEW


@dataclass(frozen=True)
class Comparison:
    deltas: tuple[MetricDelta, ...]
    regressed: tuple[Regression, ...]
    improved: tuple[str, ...]  # ids that pass in NEW but did not in OLD
    only_old: tuple[str, ...]
    only_new: tuple[str, ...]


def load_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CompareError(f"Cannot read {path} as a report ({exc}); give two report.json "
                           "files written by `newsqa eval`.") from exc
    if not isinstance(data, dict) or "overall" not in data or "questions" not in data:
        raise CompareError(f"{path} is not a newsqa eval report.json (no 'overall' or "
                           "'questions'); give two report.json files written by `newsqa eval`.")
    return data


def _deltas(old: dict[str, Any], new: dict[str, Any]) -> list[MetricDelta]:
    scopes = [("overall", old["overall"], new["overall"])] + [
        (name, old["categories"].get(name, {}), summary)
        for name, summary in new.get("categories", {}).items()]
    return [MetricDelta(scope, spec, o.get(spec.key), n.get(spec.key))
            for scope, o, n in scopes for spec in METRICS]


def _lost(before: dict[str, Any], after: dict[str, Any]) -> tuple[str, ...]:
    return tuple(name for name, check in CHECKS.items()
                 if check(before) is True and check(after) is False)


def compare_reports(old: dict[str, Any], new: dict[str, Any]) -> Comparison:
    before = {q["id"]: q for q in old["questions"]}
    after = {q["id"]: q for q in new["questions"]}
    both = [i for i in after if i in before]
    regressed = [Regression(i, after[i]["category"], after[i]["question"], lost)
                 for i in both if (lost := _lost(before[i], after[i]))]
    improved = [i for i in both if after[i]["passed"] and not before[i]["passed"]]
    return Comparison(
        deltas=tuple(_deltas(old, new)), regressed=tuple(regressed), improved=tuple(improved),
        only_old=tuple(i for i in before if i not in after),
        only_new=tuple(i for i in after if i not in before))


def _fmt(spec: MetricSpec, value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    sign = "+" if signed else ""
    if spec.kind == "rate":
        return f"{value * 100:{sign}.1f}" + (" pp" if signed else "%")
    return f"{value:{sign},.0f} ms" if spec.kind == "ms" else f"{value:{sign}.3f}"


def print_comparison(comparison: Comparison, console: Console, scope: str = "overall") -> None:
    table = Table(title=f"OLD → NEW ({scope})", title_justify="left")
    for name in ("metric", "old", "new", "delta"):
        table.add_column(name, justify="left" if name == "metric" else "right")
    for d in (d for d in comparison.deltas if d.scope == scope):
        style = "red" if d.worse else ("green" if d.delta else "")
        table.add_row(d.spec.label, _fmt(d.spec, d.old), _fmt(d.spec, d.new),
                      f"[{style}]{_fmt(d.spec, d.delta, signed=True)}[/]" if style
                      else _fmt(d.spec, d.delta, signed=True))
    console.print(table)
    # latency per category is too noisy to flag
    worse = [d for d in comparison.deltas
             if d.scope != scope and d.worse and d.spec.kind != "ms"]
    for d in worse:
        console.print(f"[red]{d.scope}: {d.spec.label} {_fmt(d.spec, d.delta, True)}[/]",
                      highlight=False)
    console.print(f"[bold]{len(comparison.regressed)} question(s) regressed[/], "
                  f"{len(comparison.improved)} now pass that did not.")
    for r in comparison.regressed:
        console.print(f"  [red]{r.id}[/] ({r.category}) lost {', '.join(r.lost)}: {r.question}",
                      highlight=False)
    if comparison.improved:
        console.print(f"  [green]now pass:[/] {', '.join(comparison.improved)}", highlight=False)
    if comparison.only_old or comparison.only_new:
        console.print(f"[yellow]{len(comparison.only_old)} question(s) only in OLD, "
                      f"{len(comparison.only_new)} only in NEW[/]")
