"""`newsqa list`'s table: one line per article, fitted to the terminal's width."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table

    from index import Article

__all__ = ["article_table"]


@dataclass(frozen=True)
class _Widths:
    title: int
    outlet: int  # 0: no outlet column
    source: int  # 0: no source column
    chunks: bool


def _widths(ids: list[str], outlets: list[str], sources: list[str], width: int) -> _Widths:
    """Column widths for `width`. The source gives way first, then the chunk count, then the
    outlet (in 80 columns the outlet stays: which paper reported a story is what the list is
    read for, with its title)."""
    id_w = max(map(len, ids), default=2)
    spare = width - id_w - 10 - 6 - 19  # id, published, chunks, and 6 columns' rules and pads
    outlet_w = min(16, max(map(len, outlets), default=0))
    source_w = min(max(map(len, sources), default=0), (spare - outlet_w) * 2 // 5)
    if source_w < 12 or (outlet_w and spare - outlet_w - source_w < 24):
        source_w, spare = 0, spare + 3
    chunks = not (outlet_w and spare - outlet_w < 24)
    if not chunks:
        spare += 9
    if outlet_w and spare - outlet_w < 16:
        outlet_w, spare, chunks = 0, spare - 6, True
    return _Widths(max(10, spare - outlet_w - source_w), outlet_w, source_w, chunks)


def article_table(articles: list[Article], width: int) -> Table:
    """One line per article, fitted to `width`: a title folded over six lines hid the rest of
    the list. What does not fit ends in an ellipsis (`--json` has every field whole). An id
    is copied into `newsqa remove`: it is never cut."""
    from rich.table import Table

    ids, sources = [a.id for a in articles], [_short_source(a.source) for a in articles]
    outlets = [a.outlet or "" for a in articles]
    w = _widths(ids, outlets, sources, width)
    table = Table(title=f"{len(articles)} articles", caption="Every field whole: --json.")
    table.add_column("id", no_wrap=True, min_width=max(map(len, ids), default=2))
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=w.title)
    columns = [ids, [a.title for a in articles]]
    if w.outlet:
        table.add_column("outlet", no_wrap=True, overflow="ellipsis", max_width=w.outlet)
        columns.append(outlets)
    table.add_column("published", no_wrap=True, min_width=10)
    columns.append([a.published or "" for a in articles])
    if w.source:
        table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=w.source)
        columns.append(sources)
    if w.chunks:
        table.add_column("chunks", no_wrap=True, justify="right")
        columns.append([str(a.n_chunks) for a in articles])
    for row in zip(*columns, strict=True):
        table.add_row(*row)
    return table


def _short_source(source: str) -> str:
    """A file's path from here when it is under the working directory, else its name: the
    folders before it are the same for every article of an ingest."""
    if "://" in source:
        return source
    path = Path(source)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return path.name
