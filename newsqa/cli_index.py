"""`newsqa ingest`, `newsqa list`, `newsqa remove`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import StoreOption, console, err_console, make_settings

if TYPE_CHECKING:
    from index import IngestReport, NewsIndex

__all__ = ["register"]


def _open_index(store: Path | None, reindexing: bool = False) -> NewsIndex:
    from index import NewsIndex

    settings = make_settings(store)
    return NewsIndex(settings.store_config(), reindexing=reindexing)


def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, directories or globs.", show_default=False)
    ] = None,
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
    reindex: Annotated[bool, typer.Option("--reindex", help="Re-embed every article with the "
                                          "configured embedding model.")] = False,
) -> None:
    """Add articles (.txt .md .html .json .jsonl) to the index; unchanged ones are skipped."""
    from index import LoadError

    from .progress import ingest_progress

    if not paths and not reindex:
        # A user error (a message, exit 1) rather than a click usage error: newsqa's main() does
        # not catch typer's vendored click exceptions.
        raise LoadError("Name at least one file, directory or glob to ingest, e.g. "
                        "`newsqa ingest data/sample_articles`.")
    index = _open_index(store, reindexing=reindex)
    with ingest_progress(enabled=not as_json) as progress:
        report = index.reindex(progress) if reindex else None
        if paths:
            report = _merge(report, index.ingest(paths, progress))
    assert report is not None
    if as_json:
        typer.echo(json.dumps(report.as_dict()))
        return
    _print_report(report)


def _merge(first: IngestReport | None, second: IngestReport) -> IngestReport:
    """A re-index followed by an ingest, summed up as one report."""
    if first is None:
        return second
    for name in ("added", "updated", "unchanged", "skipped", "removed", "chunks", "seconds"):
        setattr(second, name, getattr(first, name) + getattr(second, name))
    second.warnings[:0] = first.warnings
    return second


def _print_report(report: IngestReport) -> None:
    for warning in report.warnings:
        err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    console.print(
        f"[green]{report.added} added[/], {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.skipped} skipped, {report.removed} removed; {report.chunks} chunks embedded "
        f"in {report.seconds:.1f}s", highlight=False,
    )


def list_articles(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List indexed articles: id, title, outlet, published date, source, chunks."""
    from rich.table import Table

    articles = _open_index(store).list()
    if as_json:
        for a in articles:
            typer.echo(json.dumps({
                "id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
                "source": a.source, "chunks": a.n_chunks, "story_id": a.story_id,
                "length": a.length,
            }))
        return
    table = Table(title=f"{len(articles)} articles")
    for column in ("id", "title", "outlet", "published", "source", "chunks"):
        table.add_column(column, overflow="fold")
    for a in articles:
        table.add_row(a.id, a.title, a.outlet or "", a.published or "", a.source, str(a.n_chunks))
    console.print(table)


def remove(
    ref: Annotated[str, typer.Argument(help="Article id (or a unique prefix) or source path.")],
    store: StoreOption = None,
) -> None:
    """Remove an article, or every article of a source file, from both indexes."""
    removed = _open_index(store).remove(ref)
    for a in removed:
        console.print(f"removed {a.id}  {a.title}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("list")(list_articles)
    app.command("remove")(remove)
