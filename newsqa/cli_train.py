"""`newsqa train`: reproduce the shipped reader model from the RealTime QA training data."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register", "train"]

_REPO = Path(__file__).resolve().parents[1]


def train(
    data: Annotated[Path | None, typer.Option(
        help="The RealTime QA training folder (default: ../shared/benchmarks/realtimeqa-train).",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        help="Working folder: pairs, checkpoints (default: train/out). A run resumes from it.",
        show_default=False)] = None,
    target: Annotated[Path | None, typer.Option(
        help="Where the ONNX model and its card go (default: assistant/models).",
        show_default=False)] = None,
    seed: Annotated[int, typer.Option(help="Seed of the split, sampling and training.")] = 13,
    float32: Annotated[bool, typer.Option(
        "--float32", help="Float32 throughout, even where this CPU runs bfloat16 natively (the "
        "shipped model's precision; ~13 minutes slower on an AVX-512 CPU).")] = False,
) -> None:
    """Train the reader (MiniLM cross-encoder + answer span head) on these CPUs.

    ~58 minutes on 2 AVX-512 cores (bfloat16 forward passes), ~71 on CPUs without native bfloat16;
    resumable; never reads the development or gold set."""
    if not (_REPO / "train" / "run.py").is_file():
        raise typer.BadParameter("training runs from a source checkout (the train/ folder).")
    from train.run import DEFAULT_DATA, DEFAULT_OUT, SHIPPED, run

    folder = data or DEFAULT_DATA
    if not (folder / "questions.jsonl.gz").is_file():
        raise typer.BadParameter(f"{folder} holds no questions.jsonl.gz; pass --data DIR "
                                 "(the realtimeqa-train folder of shared/benchmarks).")
    work = out or DEFAULT_OUT
    # Line by line into a pipe or a log too: block-buffered, its first line came minutes late.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)
    typer.echo(f"Training the reader from {folder} in {work} (resumable: run the same command "
               "again to go on).", err=True)
    try:
        run(folder, work, target or SHIPPED, seed, bf16=False if float32 else None)
    except KeyboardInterrupt:
        typer.echo(f"\nStopped. What is done is kept in {work}: run the same command to "
                   "resume.", err=True)
        raise typer.Exit(130) from None


def register(app: typer.Typer) -> None:
    app.command("train")(train)
