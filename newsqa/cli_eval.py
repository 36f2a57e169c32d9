"""`newsqa eval`: score the assistant on the gold set or RealTime QA, or compare two reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import LLM_HELP, StoreOption, console, err_console, make_settings

__all__ = ["register"]


def _compare(old: Path, new: Path) -> None:
    from evals.compare import compare_reports, load_report, print_comparison

    print_comparison(compare_reports(load_report(old), load_report(new)), console)


def eval_command(
    dataset: Annotated[str | None, typer.Option(
        "--dataset", help="A JSONL file in the gold format, or realtimeqa:DIR "
        "(default: the packaged gold set).", show_default=False)] = None,
    llm: Annotated[str | None, typer.Option(
        "--llm", help=f"Answering backend: {LLM_HELP} (overrides NEWSQA_LLM).",
        show_default=False)] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, help="Only the first N questions (RealTime QA: and only their "
        "documents are ingested, into a store of their own).", show_default=False)] = None,
    out: Annotated[Path, typer.Option("--out", help="Where reports and the answer cache go.")
                   ] = Path("eval-out"),
    store: StoreOption = None,
    judge: Annotated[bool, typer.Option(
        "--judge", help="Also grade answers with an LLM judge (needs OPENAI_API_KEY or "
        "OPENAI_BASE_URL).")] = False,
    category: Annotated[str | None, typer.Option(
        "--category", help="Only questions of this category.", show_default=False)] = None,
    fresh: Annotated[bool, typer.Option(
        "--fresh", help="Ignore cached answers and ask every question again.")] = False,
    compare: Annotated[tuple[Path, Path] | None, typer.Option(
        "--compare", metavar="OLD.json NEW.json", help="Compare two report.json files "
        "instead of running.", show_default=False)] = None,
) -> None:
    """Score answers, quotes, citations, retrieval and abstention; write report.{json,md,html}."""
    if compare is not None:
        _compare(*compare)
        return
    from evals.report import print_summary, write_reports
    from evals.runner import EvalOptions, run_eval

    from .progress import ingest_progress

    options = EvalOptions(dataset=dataset, llm=llm, limit=limit, category=category,
                          store=store, out=out, judge=judge, fresh=fresh)
    run = run_eval(options, make_settings(), console=err_console,
                   ingest_progress=ingest_progress)
    print_summary(run, console)
    paths = write_reports(run, out)
    console.print(f"reports: {paths.json}, {paths.markdown}, {paths.html}", highlight=False)
    if run.quote_failures:
        # A quote that is not verbatim is a bug, never a score: fail the command (and CI).
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
