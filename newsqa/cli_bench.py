"""`newsqa bench`: measure ingest, retrieval, ask() per backend, cold start, memory and quality
on this machine, side by side; write bench/results.json and bench/results.md."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from .common import console

__all__ = ["bench", "main", "register"]

_REPO = Path(__file__).resolve().parents[1]


def _import_bench() -> Any:
    """The `bench` package lives in the repository beside `newsqa` (run from a checkout)."""
    try:
        import bench
    except ImportError:
        if not (_REPO / "bench" / "__init__.py").is_file():
            raise typer.BadParameter(
                "the bench package is not installed and this is not a source checkout; run "
                "`newsqa bench` from the repository (pip install -e .)") from None
        sys.path.insert(0, str(_REPO))
        import bench
    return bench


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(s.strip().replace("_", "")) for s in text.split(",") if s.strip())
    except ValueError:
        sizes = ()
    if not sizes or min(sizes) < 1:
        raise typer.BadParameter(f"{text!r}: give chunk counts, e.g. 1000,10000",
                                 param_hint="--sizes")
    return sizes


def _backends(text: str) -> tuple[str, ...]:
    names = [b.strip() for b in text.split(",") if b.strip()]
    unknown = [b for b in names if b not in ("local", "openai", "none")]
    if unknown or not names:
        raise typer.BadParameter(f"{', '.join(unknown) or repr(text)}: choose from local, "
                                 "openai, or none", param_hint="--llm")
    return tuple(b for b in names if b != "none")


def bench(
    articles: Annotated[int, typer.Option(min=1, help="Articles to ingest (per pipeline).")
                        ] = 300,
    rounds: Annotated[int, typer.Option(min=1, help="Ingest rounds (slices of the articles).")
                      ] = 3,
    sizes: Annotated[str, typer.Option(
        help="Retrieval corpus sizes in chunks, comma-separated.")] = "1000,10000,100000",
    only: Annotated[str | None, typer.Option(
        help="Comma-separated sections: ingest, retrieval, embedder, ask, coldstart, profile, "
        "formats.",
        show_default=False)] = None,
    llm: Annotated[str, typer.Option(
        help="Generative backends to time, comma-separated (local, openai), or 'none'.")
    ] = "local,openai",
    out: Annotated[Path | None, typer.Option(
        help="Where results.json and results.md go (default: bench/ in the repository).",
        show_default=False)] = None,
    data: Annotated[Path | None, typer.Option(
        help="The RealTime QA folder (default: ../shared/benchmarks/realtimeqa-2025q1).",
        show_default=False)] = None,
    work: Annotated[Path | None, typer.Option(
        help="Keep the stores built here (default: a temporary folder, removed).",
        show_default=False)] = None,
    quick: Annotated[bool, typer.Option(
        "--quick", help="A few articles and small corpora: checks the machinery only.")] = False,
    render: Annotated[bool, typer.Option(
        "--render", help="Only rewrite results.md from an existing results.json.")] = False,
) -> None:
    """Benchmark newsqa on this machine (16–45 minutes on 2 cores, depending on load)."""
    chosen = _sizes(sizes), _backends(llm)
    pkg = _import_bench()
    from bench.common import BENCH_DIR

    target = out or BENCH_DIR
    if render:
        _render(target)
        return
    if quick:
        # A check of the machinery, not a measurement: never over the results of a full run
        # (the README cites bench/results.md), unless asked with --out.
        target = out or Path(tempfile.mkdtemp(prefix="newsqa-bench-quick-"))
        console.print(f"Quick run: its results go to {target}", highlight=False)
        cfg = pkg.quick_config(target, data)
    else:
        cfg = pkg.BenchConfig(articles=articles, rounds=rounds, out=target)
        cfg.sizes = chosen[0]
        if data is not None:
            cfg.data = data
    cfg.llm_backends = chosen[1]
    if only:
        cfg.sections = _sections(only, pkg.SECTIONS)
    cfg.work = work
    _print_targets(pkg.run_bench(cfg))


def _render(target: Path) -> None:
    """Rewrite results.md from the results.json beside it."""
    import json

    from bench.report import render_markdown

    results = json.loads((target / "results.json").read_text())
    (target / "results.md").write_text(render_markdown(results))
    console.print(f"wrote {target / 'results.md'}", highlight=False)


def _sections(only: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """The sections `--only` names, each one the bench knows."""
    wanted = tuple(s.strip() for s in only.split(",") if s.strip())
    unknown = [s for s in wanted if s not in known]
    if unknown:
        raise typer.BadParameter(f"unknown section(s) {unknown}; choose from "
                                 f"{', '.join(known)}", param_hint="--only")
    return wanted


def _print_targets(results: dict[str, Any]) -> None:
    """Each target of the README's table, its figure and whether it is met."""
    from bench.report import targets

    met = {None: "[dim]not measured[/]", True: "[green]met[/]", False: "[red]not met[/]"}
    for t in targets(results):
        console.print(f"{t['target']}: {t['shown']} (target {t['goal']}) {met[t['met']]}",
                      highlight=False)


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)


def main() -> None:
    """`python -m bench`: this command without the rest of the CLI."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    register(app)
    app()
