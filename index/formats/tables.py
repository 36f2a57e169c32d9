"""A table's rows as lines of text, each cell under its column's name ("Candidate: Hannah
Corrigan | Party: Green | Votes: 8,214"): read cell by cell, a figure was read apart from the
row and the column it is of. Markdown's tables (`markdown`) and HTML's (`html`, before
trafilatura, which printed a caption as the header row and the header as a row of data), a
cell spanning rows or columns in each of its own; a table laying out a page is left alone."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from .common import squeeze

__all__ = ["PROSE_WORDS", "cell_texts", "grid_line", "header_cells", "row_line", "tables_as_rows"]

_CELLS = ("td", "th")
# A table laid out with paragraphs, lists or tables in its cells is a page's layout, no table
# of figures: its blocks are left to trafilatura.
_LAYOUT = ("table", "p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "figure", "section", "article")


def row_line(names: list[str], cells: list[str]) -> str:
    """ "Name: cell | Name: cell". A cell past the header's (one spanning two columns) is kept
    without a name, and so is one under an empty name; an empty cell is left out."""
    return " | ".join(f"{n}: {c}" if n else c
                      for n, c in zip_longest(names, cells, fillvalue="") if c)


def cell_texts(tr: Any) -> list[str]:
    return [squeeze(c.text_content()) for c in tr if c.tag in _CELLS]


def header_cells(table: Any) -> tuple[Any, list[str]] | None:
    """The header row of a table and its columns' names: its <thead>'s (the last, under a
    row of groups), else a first row of <th> cells alone; None for a table without one."""
    rows = list(table.iter("tr"))
    heads = table.findall(".//thead/tr")
    head = heads[-1] if heads else None
    if head is None and rows and all(c.tag == "th" for c in rows[0] if c.tag in _CELLS):
        head = rows[0]
    return None if head is None else (head, cell_texts(head))


def tables_as_rows(html: str) -> str:
    """The page with each table of figures written as paragraphs: its caption, then a line a
    row under its columns' names. A page without such a table is returned as it was."""
    if "<table" not in html.lower():
        return html
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    tables = [t for t in root.iter("table") if _of_figures(t)]
    for table in tables:
        table.getparent().replace(table, _as_paragraphs(table))
    return lxml.html.tostring(root, encoding="unicode") if tables else html


# A cell of more words than this holds prose, no figure or name: a page laid out in a table
# ("Gull Island ferry…<br>By Iwan Pryce<br>The ferry…"), whose line breaks trafilatura keeps.
PROSE_WORDS = 25


def _of_figures(table: Any) -> bool:
    """A table of figures: no paragraphs, lists or tables in it, nor a cell of prose."""
    return (next(table.iter(*_LAYOUT[1:]), None) is None
            and not any(d.tag == "table" for d in table.iterdescendants())
            and all(len(c.text_content().split()) <= PROSE_WORDS for c in table.iter(*_CELLS)))


def _as_paragraphs(table: Any) -> Any:
    from lxml.html import builder

    for br in table.iter("br"):  # "Votes<br>(share)": a line break in a cell is a space
        br.tail = " " + (br.tail or "")
    rows = list(table.iter("tr"))
    grid = _grid(rows)
    head = (header_cells(table) or (None, []))[0]
    names = grid[rows.index(head)] if head is not None else []
    caption = table.find("caption")
    lines = [squeeze(caption.text_content())] if caption is not None else []
    lines += [grid_line(names, cells) for tr, cells in zip(rows, grid, strict=True)
              if tr is not head and not any(a.tag == "thead" for a in tr.iterancestors())]
    return builder.DIV(*(builder.P(line) for line in lines if line))


def grid_line(names: list[str], cells: list[str]) -> str:
    """A row under its columns' names; a row that does not fill them (a table drawn by hand,
    its spans awry) as its cells alone, rather than each cell under another column's name."""
    if names and len(cells) == len(names):
        return row_line(names, cells)
    return " | ".join(c for c in cells if c)


def _grid(rows: list[Any]) -> list[list[str]]:
    """Each row's cells in its columns. A cell spanning rows is each of those rows' (a ward's
    name beside each of its candidates); one spanning columns is its first column's, the
    others left empty, but in a header each column's (a year over its two figures)."""
    below: dict[int, tuple[str, int]] = {}  # a column -> the text over it, rows still to span
    grid = []
    for tr in rows:
        cells = [c for c in tr if c.tag in _CELLS]
        heading = all(c.tag == "th" for c in cells)
        row: list[str] = []
        for cell in cells:
            row += _spanned(below, len(row))
            texts = _across(cell, heading)
            if (down := _span(cell, "rowspan")) > 1:
                below.update({len(row) + k: (text, down - 1) for k, text in enumerate(texts)})
            row += texts
        grid.append(row + _spanned(below, len(row)))
    return grid


def _spanned(below: dict[int, tuple[str, int]], column: int) -> list[str]:
    """What cells above, spanning down, put in this row from `column` on."""
    texts: list[str] = []
    while (at := column + len(texts)) in below:
        text, left = below.pop(at)
        if left > 1:
            below[at] = (text, left - 1)
        texts.append(text)
    return texts


def _across(cell: Any, heading: bool) -> list[str]:
    text, columns = squeeze(cell.text_content()), _span(cell, "colspan")
    return [text] * columns if heading else [text] + [""] * (columns - 1)


_MAX_SPAN = 50  # a span past this is a page's error ("colspan=1000"), no table's shape


def _span(cell: Any, attribute: str) -> int:
    try:
        return min(max(int(cell.get(attribute) or 1), 1), _MAX_SPAN)
    except ValueError:
        return 1
