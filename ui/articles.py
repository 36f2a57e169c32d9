"""The articles tab: upload files into the index (with progress), list what is indexed, remove.

Uploads go through `uploads.save_uploads` (type and size checks, safe names, a stable home under
the store) and then the same `NewsIndex.ingest` the CLI uses, so they are searchable at once.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Assistant
from index import SUPPORTED_SUFFIXES, Article, IngestProgress, IngestReport, IngestStatus

from .errors import UIError, UploadError, friendly_message
from .render import status_html
from .sources import format_date
from .uploads import left_out_in_page, save_uploads, upload_dir

__all__ = ["TABLE_HEADERS", "ArticlesController", "article_choices", "article_rows"]

TABLE_HEADERS = ["Title", "Outlet", "Date", "Chunks", "Id"]
# Gradio spots a progress tracker by this default value and swaps in a fresh one for each call.
_TRACK = gr.Progress()

# Titles (and warnings) listed after an upload; the rest are counted.
MAX_LISTED = 8

# (status, table, remove dropdown)
ArticlesOutputs = tuple[Any, Any, Any]


def article_rows(articles: Sequence[Article]) -> list[list[Any]]:
    return [[a.title, a.outlet or "", a.published or "", a.n_chunks, a.id] for a in articles]


def article_choices(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """Dropdown entries: a readable label, the article id as the value."""
    return [(f"{_shortened(a.title, 70)} — {a.outlet or 'unknown outlet'}, "
             f"{format_date(a.published)}", a.id) for a in articles]


def _shortened(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with an ellipsis ("…Seoul issues warnin" read
    as a misspelling)."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"


def _at_most(lines: Sequence[str], limit: int, noun: str) -> list[str]:
    if len(lines) <= limit:
        return list(lines)
    return [*lines[:limit], f"… and {len(lines) - limit} more {noun}s"]


def _source(source: str) -> str:
    """An article's file or address ("#2" marks a file's second article)."""
    return source.split("#", 1)[0]


def _upload_name(path: str) -> str:
    # Gradio keeps the browser's file name as the basename of its cached copy.
    return Path(path).name


class ArticlesController:
    """Event handlers of the articles tab, bound to the Assistant's index."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    @property
    def store(self) -> Path:
        return self.assistant.settings.store.expanduser()

    def listing(self, status: str = "", first: Collection[str] = ()) -> ArticlesOutputs:
        """The articles, those from the `first` sources (what was just added) at the top: an
        upload to a long list is seen at once."""
        try:
            articles = self.assistant.index.list()
        except Exception as exc:
            return status_html([friendly_message(exc)], "error"), [], gr.update(choices=[])
        if first:
            articles = sorted(articles, key=lambda a: _source(a.source) not in first)
        return (status, article_rows(articles),
                gr.update(choices=article_choices(articles), value=None))

    def upload(self, files: Sequence[str] | None, left_out: str | None = "",
               progress: gr.Progress | None = _TRACK) -> ArticlesOutputs:
        """Save, ingest and report; every failure becomes a message under the upload box.
        `left_out`: the files the page kept back as too large (`left_out_in_page`), named too."""
        limit = self.assistant.settings.ui_max_upload_mb
        unsent = [f"{str(e).rstrip('.')}; not uploaded" for e in left_out_in_page(left_out, limit)]
        try:
            if not files:
                if unsent:
                    raise UploadError("Nothing was added: every file chosen is over the size "
                                      "limit.")
                raise UIError("Choose one or more article files first "
                              f"({', '.join(SUPPORTED_SUFFIXES)}, up to {limit} MiB each).")
            refused = list(unsent)
            saved = save_uploads([(Path(f), _upload_name(f)) for f in files], self.store, limit,
                                 refused)
            if progress is not None:
                progress(0, desc=f"Reading and cleaning {len(saved)} file(s)…")
            report = self.assistant.index.ingest(saved, progress=self._progress(progress),
                                                 notice=self._notice(progress))
        except Exception as exc:
            return self.listing(status_html([friendly_message(exc), *unsent], "error"))
        return self.listing(self._report(report, saved, refused),
                            {str(p.resolve()) for p in saved})

    def left_out_note(self, left_out: str | None) -> Any:
        """Said under the upload box as soon as the page keeps files back as too large
        (`ui/app.js`): each one named, before anything is added."""
        errors = left_out_in_page(left_out, self.assistant.settings.ui_max_upload_mb)
        if not errors:
            return gr.skip()
        head = (f"{'This file is' if len(errors) == 1 else 'These files are'} over the size "
                "limit and will not be uploaded; any other files chosen go ahead:")
        return status_html([head, *(str(e) for e in errors)], "warn")

    def add_url(self, url: str | None, progress: gr.Progress | None = _TRACK
                ) -> ArticlesOutputs:
        """Fetch a web page or feed into the index. Private addresses are refused unless the
        operator set NEWSQA_FETCH_ALLOW_PRIVATE=1: a UI open to a network must not be a way
        into the operator's."""
        from index.fetching import is_url

        address = (url or "").strip()
        try:
            if not is_url(address):
                raise UIError("Paste the address of an article or an RSS/Atom feed, starting "
                              "with http:// or https://.")
            if progress is not None:
                progress(0, desc=f"Fetching {address}…")
            report = self.assistant.index.ingest(
                [address], progress=self._progress(progress),
                fetch=self.assistant.settings.fetch_config(), notice=self._notice(progress))
        except Exception as exc:
            return self.listing(status_html([friendly_message(exc)], "error"))
        head = (f"{report.added} added, {report.updated} updated, {report.unchanged} already "
                f"indexed from {address} ({_chunks(report.chunks)}, {report.seconds:.1f} s).")
        return self.listing(status_html([head], "warn" if report.warnings else "ok",
                                        _at_most(report.warnings, MAX_LISTED, "warning")),
                            {address})

    @staticmethod
    def _progress(progress: gr.Progress | None) -> Any:
        if progress is None:
            return None

        def update(p: IngestProgress) -> None:
            progress((p.articles_done, max(p.articles_total, 1)),
                     desc=f"Embedding: {p.articles_done}/{p.articles_total} articles, "
                          f"{p.chunks_done} chunks", unit="articles")

        return update

    @staticmethod
    def _notice(progress: gr.Progress | None) -> Any:
        """Waiting for another upload (or a CLI ingest) and cleaning, shown as they happen."""
        if progress is None:
            return None

        def update(status: IngestStatus) -> None:
            if status.total:
                progress((status.done, status.total), desc=status.message, unit="documents")
            else:
                progress(0, desc=status.message)

        return update

    def _report(self, report: IngestReport, saved: Sequence[Path], refused: Sequence[str] = ()
                ) -> str:
        """What the upload added, and every file skipped or warned about, by name."""
        sources = {str(p.resolve()) for p in saved}
        titles = [a.title for a in self.assistant.index.list() if _source(a.source) in sources]
        folder = str(upload_dir(self.store).resolve()) + "/"
        warnings = [*refused, *(w.replace(folder, "") for w in report.warnings)]
        if not titles:
            return status_html(["No article could be read from the upload.",
                                *_at_most(warnings, MAX_LISTED, "warning")], "error")
        head = (f"{report.added} added, {report.updated} updated, {report.unchanged} already "
                f"indexed ({_chunks(report.chunks)}, {report.seconds:.1f} s). Ask about them in "
                "the Chat tab now:")
        return status_html([head, *_at_most(titles, MAX_LISTED, "article")],
                           "warn" if warnings else "ok", _at_most(warnings, MAX_LISTED, "warning"))

    def remove(self, article_id: str | None, confirmed: bool = True) -> ArticlesOutputs:
        """Remove the chosen article; `confirmed`: the page's dialog was answered yes."""
        if not article_id:
            return self.listing(status_html(["Pick an article to remove first."], "error"))
        if not confirmed:  # the choice stays, to remove after all or pick another
            return status_html(["Nothing was removed."]), gr.skip(), gr.skip()
        try:
            removed = self.assistant.index.remove(article_id)
        except Exception as exc:
            return self.listing(status_html([friendly_message(exc)], "error"))
        return self.listing(status_html(
            [f"Removed {len(removed)} article(s):", *[a.title for a in removed]]))


def _chunks(n: int) -> str:
    return "1 chunk" if n == 1 else f"{n} chunks"
