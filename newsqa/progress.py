"""A rich progress bar for ingests: articles, chunks/s and time left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from index import IngestProgress

from .common import err_console

__all__ = ["ingest_progress", "sentence_progress"]


@contextmanager
def ingest_progress(enabled: bool = True) -> Iterator[Callable[[IngestProgress], None] | None]:
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("articles · {task.fields[chunks]} chunks · {task.fields[rate]:.1f} chunks/s"),
        TimeElapsedColumn(), TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingest", total=None, chunks=0, rate=0.0)

        def update(p: IngestProgress) -> None:
            rate = p.chunks_done / p.elapsed if p.elapsed else 0.0
            bar.update(task, completed=p.articles_done, total=p.articles_total,
                       chunks=p.chunks_done, rate=rate)

        yield update


@contextmanager
def sentence_progress(enabled: bool = True) -> Iterator[Callable[[int, int], None] | None]:
    """For `NewsIndex.add_sentence_vectors`: articles whose sentences are stored, of all."""
    if not enabled:
        yield None
        return
    columns = (TextColumn("[bold]sentence vectors"), BarColumn(), MofNCompleteColumn(),
               TextColumn("articles"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("sentences", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
