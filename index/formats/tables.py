"""A table's rows as lines of text, each cell under its column's name ("Candidate: Hannah
Corrigan | Party: Green | Votes: 8,214"): read cell by cell, a figure was read apart from the
row and the column it is of. Markdown's tables (`markdown`) and HTML's (`html`, before
trafilatura, which printed a caption as the header row and the header as a row of data)."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from .common import squeeze

__all__ = ["cell_texts", "header_cells", "row_line", "tables_as_rows"]

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
    tables = [t for t in root.iter("table") if next(t.iter(*_LAYOUT[1:]), None) is None
              and not any(d.tag == "table" for d in t.iterdescendants())]
    for table in tables:
        table.getparent().replace(table, _as_paragraphs(table))
    return lxml.html.tostring(root, encoding="unicode") if tables else html


def _as_paragraphs(table: Any) -> Any:
    from lxml.html import builder

    found = header_cells(table)
    head, names = found if found else (None, [])
    caption = table.find("caption")
    lines = [squeeze(caption.text_content())] if caption is not None else []
    lines += [row_line(names, cell_texts(tr)) for tr in table.iter("tr")
              if tr is not head and not any(a.tag == "thead" for a in tr.iterancestors())]
    return builder.DIV(*(builder.P(line) for line in lines if line))
