"""A PDF page's text boxes put in order for reading (`pdf`): a table's cells, which pdfminer
gives one box each and column after column ("Core council tax" / "Adult social care precept" /
"Total" / "£1,538.90" / …), read as rows under their columns' names ("Core council tax |
2025/26: £1,538.90 | 2026/27: £1,585.06", as `tables` reads an HTML or Markdown table); and a
line set partly off the page's right edge put where its height on the page says, not first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .common import squeeze
from .tables import row_line

__all__ = ["Table", "ordered_boxes", "table_lines"]

_ROW_GAP = 2.0  # points: cells whose middles are closer than this are on one row
_COLUMN_GAP = 3.0  # points: cells whose left edges are closer than this are in one column
_CELL_WORDS = 8  # a cell holds a few words or a figure, no sentence
_TABLE_ROWS = 3  # a header and two rows at least: two boxes side by side may be a head's line
_ROW_PITCH = 2.5  # a table's next row is at most this many of its cells' heights lower


def ordered_boxes(layout: Any) -> list[Any]:
    """The page's text boxes in pdfminer's order, but each that runs past the page's right
    edge placed before the first box that starts lower on the page: a tester's PDF had its
    byline, written past the margin, read before the masthead and headline above it."""
    from pdfminer.layout import LTTextContainer

    boxes = [b for b in layout if isinstance(b, LTTextContainer)]
    off = [b for b in boxes if b.x1 > layout.x1]
    ordered = [b for b in boxes if b not in off]
    for box in off:
        at = next((n for n, b in enumerate(ordered) if b.y1 < box.y1), len(ordered))
        ordered.insert(at, box)
    return ordered


@dataclass
class Table:
    cells: set[int]  # the ids of the boxes that are its cells
    lines: list[str]  # its rows
    heading: str | None  # its name on the line right above it, no sentence of the story


def table_lines(boxes: list[Any]) -> list[Table]:
    """Each table of the page. A table is a run of rows of one-line cells, close under each
    other, at least two of them with two cells side by side, each cell's left edge at one of
    the columns'."""
    tables = []
    for rows in _runs([b for b in boxes if _a_cell(b)]):
        columns = _columns([c for row in rows if len(row) >= 2 for c in row])
        if len(columns) < 2 or any(_column(c, columns) is None for row in rows for c in row):
            continue
        texts = [_row_texts(row, columns) for row in rows]
        # A header leaves the column of the rows' labels empty ("", "2025/26", "2026/27")
        names = texts[0] if not texts[0][0] else []
        lines = [row_line(names, t) if names else " | ".join(c for c in t if c)
                 for t in texts[1 if names else 0:]]
        cells = {id(c) for row in rows for c in row}
        tables.append(Table(cells, lines, _heading(boxes, cells, rows[0], columns)))
    return tables


_HEADING_WORDS = 15


def _heading(boxes: list[Any], cells: set[int], top: list[Any], columns: list[float]
             ) -> str | None:
    """The words of a line of its own right above the table's first row, over its columns,
    that ends as no sentence does, nor leads into the table as one ("… as follows:"): "How
    the Band D bill breaks down (county council share)", which a tester's PDF had read as the
    story's sentence."""
    roof = max(c.y1 for c in top)
    above = [b for b in boxes if id(b) not in cells and b.y0 >= roof - _ROW_GAP
             and b.y0 - roof <= _ROW_PITCH * _height(top[0]) and b.x0 < columns[-1]]
    box = min(above, key=lambda b: b.y0, default=None)
    text = squeeze(box.get_text()) if box is not None else ""
    one_line = box is not None and len(box.get_text().strip().splitlines()) == 1
    named = one_line and len(text.split()) <= _HEADING_WORDS and text[-1:] not in ".!?:;,\"”"
    return text if named and text else None


def _runs(cells: list[Any]) -> Iterator[list[list[Any]]]:
    """Runs of rows close under each other, from the first to the last that holds two cells
    or more, where at least two do and there are `_TABLE_ROWS` rows."""
    run: list[list[Any]] = []
    for row in _rows(cells):
        if run and _middle(run[-1][0]) - _middle(row[0]) > _ROW_PITCH * _height(row[0]):
            yield from _table_run(run)
            run = []
        run.append(row)
    yield from _table_run(run)


def _table_run(run: list[list[Any]]) -> Iterator[list[list[Any]]]:
    wide = [n for n, row in enumerate(run) if len(row) >= 2]
    rows = run[wide[0]:wide[-1] + 1] if wide else []
    if len(wide) >= 2 and len(rows) >= _TABLE_ROWS:
        yield rows


def _rows(cells: list[Any]) -> list[list[Any]]:
    """Cells grouped by the height of their middles, top row first, each row left to right."""
    rows: list[list[Any]] = []
    for cell in sorted(cells, key=lambda c: -_middle(c)):
        if rows and abs(_middle(rows[-1][0]) - _middle(cell)) < _ROW_GAP:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    return [sorted(row, key=lambda c: c.x0) for row in rows]


def _middle(box: Any) -> float:
    return float(box.y0 + box.y1) / 2


def _height(box: Any) -> float:
    return float(box.y1 - box.y0)


def _a_cell(box: Any) -> bool:
    from pdfminer.layout import LTTextLine

    lines = [line for line in box if isinstance(line, LTTextLine)]
    text = squeeze(box.get_text())
    return len(lines) == 1 and bool(text) and len(text.split()) <= _CELL_WORDS


def _columns(cells: list[Any]) -> list[float]:
    """The left edges of the columns cells stand in, left to right."""
    edges: list[float] = []
    for x in sorted(c.x0 for c in cells):
        if not edges or x - edges[-1] >= _COLUMN_GAP:
            edges.append(x)
    return edges


def _column(cell: Any, columns: list[float]) -> int | None:
    return next((n for n, x in enumerate(columns) if abs(cell.x0 - x) < _COLUMN_GAP), None)


def _row_texts(row: list[Any], columns: list[float]) -> list[str]:
    texts = [""] * len(columns)
    for cell in row:
        at = _column(cell, columns)
        if at is not None:
            texts[at] = squeeze(cell.get_text())
    return texts
