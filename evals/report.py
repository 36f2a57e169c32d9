"""Reports of a run: a terminal table, report.json (every metric and every question), report.md
and a self-contained report.html."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from .runner import EvalRun, QuestionResult
from .summary import METRICS, MetricSpec, Summary

__all__ = [
    "REPORT_VERSION",
    "ReportPaths",
    "format_value",
    "print_summary",
    "question_record",
    "run_to_dict",
    "summary_rows",
    "write_reports",
]

REPORT_VERSION = 1


@dataclass(frozen=True)
class ReportPaths:
    json: Path
    markdown: Path
    html: Path


def format_value(spec: MetricSpec, value: float | None) -> str:
    if value is None:
        return "–"
    if spec.kind == "rate":
        return f"{value:.1%}"
    if spec.kind == "ms":
        return f"{value:,.0f} ms"
    return f"{value:.3f}"


def _columns(run: EvalRun) -> list[tuple[str, Summary]]:
    return [("overall", run.overall), *run.categories.items()]


def summary_rows(run: EvalRun) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per metric (plus counts), one column per scope."""
    columns = _columns(run)
    header = ["metric", *(name for name, _ in columns)]
    rows = [["questions", *(str(s.n) for _, s in columns)],
            ["answerable", *(str(s.answerable) for _, s in columns)]]
    for spec in METRICS:
        if spec.key == "judge_accuracy" and run.judge_model is None:
            continue
        rows.append([spec.label, *(format_value(spec, s.metrics()[spec.key]) for _, s in columns)])
    rows.append(["errors", *(str(s.errors) for _, s in columns)])
    return header, rows


def _column_groups(header: list[str], rows: list[list[str]], width: int) -> list[list[int]]:
    """The scope columns in groups that fit `width` beside the metric column: a table wider
    than the terminal folds every cell into a column of word fragments."""
    def need(i: int) -> int:  # the widest cell, plus padding and a border
        return max(len(r[i]) for r in [header, *rows]) + 3

    groups: list[list[int]] = [[]]
    used = need(0) + 1
    for i in range(1, len(header)):
        if groups[-1] and used + need(i) > width:
            groups.append([])
            used = need(0) + 1
        groups[-1].append(i)
        used += need(i)
    return groups


def print_summary(run: EvalRun, console: Console) -> None:
    header, rows = summary_rows(run)
    console.print(f"newsqa eval: {run.dataset}, llm={run.llm}", highlight=False)
    for group in _column_groups(header, rows, console.width):
        table = Table()
        for i in [0, *group]:
            table.add_column(header[i], justify="left" if i == 0 else "right", no_wrap=True)
        for row in rows:
            table.add_row(*(row[i] for i in [0, *group]))
        console.print(table)
    failures = run.quote_failures
    style, verdict = ("bold red", f"INVALID QUOTES in: {', '.join(failures)}") if failures else (
        "green", "quote validity 100%")
    console.print(f"[{style}]{verdict}[/]", highlight=False)


def question_record(result: QuestionResult) -> dict[str, Any]:
    """One question, as report.json lists it (what the HTML and `--compare` read)."""
    v, answer, item = result.verdicts, result.answer, result.item
    # check_quotes keeps the citations' order, one check per citation
    citations = [{**asdict(c), "valid": q.valid, "problem": q.problem}
                 for c, q in zip(answer.citations if answer else [], v.quotes, strict=True)]
    retrieved = [{"n": p.n, "source": p.source, "doc_id": p.doc_id, "article_id": p.article_id,
                  "score": p.score} for p in (answer.retrieved if answer else [])]
    verdicts = {k: val for k, val in asdict(v).items() if k not in ("quotes", "latency_ms")}
    return {
        "id": item.id, "question": item.question, "category": item.category,
        "history": list(item.history), "reference_answer": item.reference_answer,
        "must_include": [list(g) for g in item.must_include],
        "gold_articles": list(item.gold_articles),
        "answer": answer.text if answer else None, "abstained": v.abstained,
        "llm": answer.llm if answer else None, "notes": list(answer.notes) if answer else [],
        "citations": citations, "retrieved": retrieved,
        "passed": v.passed, "quotes_valid": v.quotes_valid, "verdicts": verdicts,
        "latency_ms": v.latency_ms, "error": v.error, "cached": result.cached,
    }


def run_to_dict(run: EvalRun) -> dict[str, Any]:
    return {
        "version": REPORT_VERSION, "dataset": run.dataset, "llm": run.llm, "store": run.store,
        "started": run.started, "seconds": run.seconds,
        "judge": {"model": run.judge_model, "errors": run.judge_errors},
        "overall": asdict(run.overall),
        "categories": {name: asdict(s) for name, s in run.categories.items()},
        "quote_failures": run.quote_failures,
        "questions": [question_record(r) for r in run.results],
    }


def _markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [line(header), line(["---"] + ["---:"] * (len(header) - 1)), *map(line, rows)]


def _markdown(run: EvalRun) -> str:
    out = [f"# newsqa eval: {run.dataset}", "",
           f"llm `{run.llm}` · store `{run.store}` · {run.started} · {run.seconds:.0f} s", ""]
    out += _markdown_table(*summary_rows(run))
    failures = run.quote_failures
    out += ["", "## Quote validity", "",
            f"**INVALID quotes in:** {', '.join(failures)}" if failures else "All quotes valid."]
    failed = [r for r in run.results if not r.verdicts.passed]
    out += ["", f"## Questions not passed ({len(failed)} of {len(run.results)})", ""]
    for r in failed:
        said = r.verdicts.error or (r.answer.text if r.answer else "")
        out.append(f"- **{r.item.id}** ({r.item.category}) {r.item.question}  \n"
                   f"  answer: {' '.join(said.split())[:300]}  \n"
                   f"  expected: {r.item.reference_answer}")
    return "\n".join(out) + "\n"


def write_reports(run: EvalRun, out: Path) -> ReportPaths:
    from .html_report import render_html

    out.mkdir(parents=True, exist_ok=True)
    paths = ReportPaths(out / "report.json", out / "report.md", out / "report.html")
    data = run_to_dict(run)
    paths.json.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    paths.markdown.write_text(_markdown(run), encoding="utf-8")
    paths.html.write_text(render_html(data, summary_rows(run)), encoding="utf-8")
    return paths
