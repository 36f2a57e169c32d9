"""`newsqa ingest`, `newsqa list`, `newsqa remove`, `newsqa watch`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from .common import StoreOption, console, count, err_console, make_settings
from .listing import article_table

if TYPE_CHECKING:
    from assistant import Settings
    from index import IngestReport, IngestStatus, NewsIndex

__all__ = ["register"]


def _open_index(store: Path | None, reindexing: bool = False, *,
                existing: bool = False) -> NewsIndex:
    """The index; `existing`: one there already (listing or removing never creates a store)."""
    from index import NewsIndex, NoIndexError

    config = make_settings(store).store_config()
    if existing and not config.exists:
        raise NoIndexError(config.where)
    return NewsIndex(config, reindexing=reindexing)


def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, directories, globs, or http(s) URLs of "
                                         "pages and RSS/Atom feeds.", show_default=False)
    ] = None,
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
    reindex: Annotated[bool, typer.Option("--reindex", help="Re-embed every article with the "
                                          "configured embedding model.")] = False,
    sentence_vectors: Annotated[bool, typer.Option(
        "--sentence-vectors", help="Then store the vector of every sentence that has none yet "
        "(what the UI does in the background): questions are answered ~60 ms sooner. Safe to "
        "stop with Ctrl-C; run it again to go on.")] = False,
) -> None:
    """Add articles to the index; unchanged ones are skipped.

    Files (.txt .md .html .json .jsonl .pdf .docx .eml), directories, globs, and web pages and
    RSS/Atom feeds by URL."""
    from index import LoadError

    if not paths and not reindex and not sentence_vectors:
        # A user error (a message, exit 1), worded like ingest's others.
        raise LoadError("Name at least one file, directory or glob to ingest, e.g. "
                        "`newsqa ingest data/sample_articles`.")
    index = _open_index(store, reindexing=reindex)
    report, named = _run_ingest(index, make_settings(store), paths, reindex, as_json)
    added = _add_sentence_vectors(index, not as_json) if sentence_vectors else None
    _print_ingest(report, added, as_json)
    _exit_status(report, named, as_json)


def _run_ingest(index: NewsIndex, settings: Settings, paths: list[str] | None, reindex: bool,
                quiet: bool) -> tuple[IngestReport | None, IngestReport | None]:
    """The re-index's and the paths' reports merged, and what the paths alone gave."""
    from .progress import ingest_progress

    named: IngestReport | None = None
    reindexing = reindex  # until the re-index is done: then an interrupt stops the ingest
    try:
        with ingest_progress(enabled=not quiet) as progress:
            report = index.reindex(progress) if reindex else None
            reindexing = False
            if paths:
                fetch = settings.fetch_config(operator=True)
                named = index.ingest(paths, progress, fetch=fetch, notice=_notice)
                report = _merge(report, named)
    except KeyboardInterrupt:
        # The progress bar is gone with it: say where things stand.
        where = ("The index is as it was before the re-index (it is rebuilt aside); run it "
                 "again to re-index." if reindexing else
                 "The articles stored so far are kept; run the same command again to add the "
                 "rest (those stored are skipped).")
        err_console.print(f"Interrupted. {where}", style="red", highlight=False, markup=False)
        raise typer.Exit(130) from None
    return report, named


def _print_ingest(report: IngestReport | None, added: int | None, as_json: bool) -> None:
    if as_json:
        summary = report.as_dict() if report is not None else {}
        typer.echo(json.dumps(summary | ({} if added is None else {"sentence_vectors": added})))
        return
    if report is not None:
        _print_report(report)
    if added is not None:
        console.print(f"{added} sentence vectors stored: every sentence of the index has "
                      "one.", highlight=False)


def _exit_status(report: IngestReport | None, named: IngestReport | None,
                 as_json: bool) -> None:
    """Exit 1 when a path named nothing, or nothing named could be read."""
    if report is not None and report.missing:
        err_console.print(f"{len(report.missing)} path(s) named nothing to read "
                          f"({', '.join(report.missing)}); the rest was ingested.",
                          style="red", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1)
    if named is not None and _read_nothing(named):
        # Bad files are skipped, never fatal, but a script must be able to tell that nothing
        # it named could be read.
        where = '"warnings" in the JSON' if as_json else "the warnings above"
        err_console.print(f"Nothing was ingested: nothing named could be read ({where} say "
                          "why).", style="red", highlight=False, markup=False)
        raise typer.Exit(1)


def _read_nothing(report: IngestReport) -> bool:
    """Nothing named was added, updated, found unchanged or removed: every file was skipped,
    or held no article at all (a JSON file of `[]`)."""
    return not (report.added or report.updated or report.unchanged or report.removed)


def _add_sentence_vectors(index: NewsIndex, show: bool) -> int:
    from .progress import sentence_progress

    with sentence_progress(enabled=show) as progress:
        return index.add_sentence_vectors(progress=progress)


def _notice(status: IngestStatus) -> None:
    """Say so when the ingest waits for another writer of the store (it may wait long)."""
    if status.stage == "waiting":
        err_console.print(status.message, style="yellow", highlight=False, soft_wrap=True)


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
        # Not wrapped by rich: a path broken across lines cannot be copied.
        err_console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False,
                          soft_wrap=True)
    console.print(
        f"[green]{report.added} added[/], {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.skipped} skipped, {report.removed} removed; "
        f"{count(report.chunks, 'chunk')} embedded in {report.seconds:.1f}s", highlight=False,
    )


def list_articles(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List indexed articles: id, title, outlet, published date, source, chunks."""
    articles = _open_index(store, existing=True).list()
    if as_json:
        for a in articles:
            typer.echo(json.dumps({
                "id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
                "source": a.source, "chunks": a.n_chunks, "story_id": a.story_id,
                "length": a.length,
            }))
        return
    console.print(article_table(articles, console.width))


def remove(
    ref: Annotated[str, typer.Argument(help="Article id (or a unique prefix), source path, or "
                                       "folder (every article under it; asks first).")],
    store: StoreOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove a folder's articles "
                                      "without asking.")] = False,
) -> None:
    """Remove an article, or every article of a source file or folder, from both indexes."""
    folder = Path(ref).expanduser()
    if ref.strip() and folder.is_dir() and not yes:
        # "." or "/" names every source under it: a slip would empty the store.
        where = folder.resolve()
        if not sys.stdin.isatty():  # no one to ask: a script says --yes
            err_console.print(f"Error: {where} is a folder: every article from every file "
                              "under it would be removed. Nothing was removed: add --yes to "
                              "remove them.", style="red", highlight=False, markup=False,
                              soft_wrap=True)
            raise typer.Exit(1)
        if not typer.confirm(f"Remove every article from the files under {where}?"):
            raise typer.Exit(1)
    removed = _open_index(store, existing=True).remove(ref)
    for a in removed:
        console.print(f"removed {a.id}  {a.title}", highlight=False)


def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs.", show_default=False)],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 90s, 30m, 1h.")
                     ] = "30m",
    rounds: Annotated[int | None, typer.Option("--rounds", min=1, help="Stop after this many "
                                               "polls (default: until Ctrl-C).")] = None,
    store: StoreOption = None,
) -> None:
    """Poll feeds and ingest their new articles, one line per article, until stopped."""
    from index.feeds import FeedWatcher, PollReport

    from .watching import check_feeds, parse_interval, print_poll

    seconds = parse_interval(every)
    check_feeds(feeds)
    settings = make_settings(store)
    watcher = FeedWatcher(_open_index(store), feeds, settings.fetch_config(operator=True))
    how_long = f"{rounds} round(s)" if rounds else "until Ctrl-C"
    err_console.print(f"Watching {len(watcher.feeds)} feed(s) every {every}, {how_long}.",
                      highlight=False)
    unread: list[bool] = []  # per round: did every feed fail?

    def on_poll(n: int, report: PollReport) -> None:
        print_poll(n, report)
        unread.append(report.failed_feeds == len(watcher.feeds))

    try:
        added = watcher.run(seconds, rounds, on_poll=on_poll)
    except KeyboardInterrupt:
        err_console.print("Stopped.")
        return
    err_console.print(f"{added} new article(s) in {rounds} round(s).", highlight=False)
    if unread and all(unread):
        err_console.print("[red]Error:[/] no feed could be read in any round; check the "
                          "addresses above.", highlight=False)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("watch")(watch)
    app.command("list")(list_articles)
    app.command("remove")(remove)
