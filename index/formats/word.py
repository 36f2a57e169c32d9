"""Word files (.docx) through python-docx: body paragraphs and tables' rows in document order,
one line each; title, author and date from the document's core properties. A newsletter's or a
page's second story under its label ("ALSO IN THIS ISSUE") is an article of its own, split off
by cleaning as a text file's is (the document's title and author are its first story's).

Page headers and footers live apart from the body in a .docx, so they are never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..dates import find_date_line
from ..errors import LoadError
from ..types import RawDocument
from .common import read_file, squeeze
from .tables import PROSE_WORDS, grid_line

__all__ = ["load_docx"]

_TITLE_STYLES = ("title", "heading 1")
# What python-docx writes of its own: its template's core properties (docx/templates/default.docx:
# creator "python-docx", created 2013-12-23T23:15:00Z) and those it gives a package that has
# none (title "Word Document", last modified by "python-docx"). A file made with it and never
# given its own says nothing with them about the article: a tester's ferry story, "By …,
# Tuesday 28 April 2026" under its headline, was dated 2013-12-23 and written by "python-docx".
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
_TEMPLATE_NAMES = frozenset({"python-docx"})
_TEMPLATE_TITLES = frozenset({"Word Document"})


def load_docx(path: Path) -> list[RawDocument]:
    import io

    import docx

    data = read_file(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zipfile, lxml and its own errors alike
        raise LoadError(f"{path}: not a readable Word (.docx) file ({type(exc).__name__}); "
                        "open it in Word or LibreOffice and save it as .docx again (an old .doc "
                        "must be converted); skipped") from exc
    lines = list(_body_lines(document))
    if not lines:
        raise LoadError(f"{path}: has no text; skipped")
    props = document.core_properties
    created = _own_created(props.created)
    # The document's own "Published 2025-03-05" line over its file's creation date, which is
    # often its template's. Without either, cleaning reads the date and author from the byline
    # under the headline, as for a text file ("By Jane Doe, Tuesday 28 April 2026").
    stated = next((d for text, _ in lines[:30] if (d := find_date_line(text))), None)
    return [RawDocument(
        text="\n".join(text for text, _ in lines), source=str(path), source_key=str(path),
        title=_own(props.title, _TEMPLATE_TITLES) or _styled_title(lines),
        published=stated or (created.date().isoformat() if created else None),
        author=_own(props.author, _TEMPLATE_NAMES),
    )]


def _own(value: str | None, template: frozenset[str]) -> str | None:
    """A core property's text, unless it is empty or python-docx's own."""
    text = squeeze(value or "")
    return text if text and text not in template else None


def _own_created(created: datetime | None) -> datetime | None:
    """The creation time, unless it is python-docx's template's."""
    if created is None:
        return None
    utc = created.astimezone(UTC).replace(tzinfo=None) if created.tzinfo else created
    return None if utc == _TEMPLATE_CREATED else created


def _styled_title(lines: list[tuple[str, str]]) -> str | None:
    return next((text for text, style in lines[:5] if style in _TITLE_STYLES), None)


def _body_lines(document: Any) -> Iterator[tuple[str, str]]:
    """(text, lower-case style name) of every non-empty paragraph, tables included, in the
    order they stand in the body."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield from _paragraph_lines(block)
        elif isinstance(block, Table):
            yield from _table_lines(block)


def _table_lines(table: Any) -> Iterator[tuple[str, str]]:
    """A table of figures a line a row, each cell under its column's name where its first row
    names them ("Medicine: Some HRT patches | Used for: Menopause symptoms | Shortage since:
    March 2026", as `tables` reads an HTML or Markdown table): read a cell a line, a tester's
    shortage table lost the link between a medicine and its date, and its last cell ("2023",
    alone on its line) was dropped as a page number. A table laying out a page, prose in its
    cells, is read a paragraph a line as before."""
    if _laid_out(table):
        yield from _cell_paragraphs(table)
        return
    grid = [_row_texts(row) for row in table.rows]
    names = grid[0] if grid and _a_header(table, grid) else []
    for cells in grid[1 if names else 0:]:
        if line := grid_line(names, cells):
            yield line, "table"


def _laid_out(table: Any) -> bool:
    """A table laying out a page, no grid of figures: a single row or column (a masthead's name
    over its date, a headline over its byline), a cell of more than one paragraph, of prose, or
    styled as a title or heading."""
    if len(table.rows) < 2 or len(table.columns) < 2:
        return True
    return any(len([p for p in cell.paragraphs if p.text.strip()]) > 1
               or len(cell.text.split()) > PROSE_WORDS
               or any(_styled(p) for p in cell.paragraphs)
               for row in table.rows for cell in row.cells)


def _styled(paragraph: Any) -> bool:
    """A paragraph styled as a title or heading, which a table's grid line would lose."""
    name = (paragraph.style.name if paragraph.style is not None else "").lower()
    return paragraph.text.strip() != "" and name.startswith(("title", "heading", "subtitle"))


def _cell_paragraphs(table: Any) -> Iterator[tuple[str, str]]:
    """Each cell's paragraphs, a line each, a merged cell once."""
    seen: list[Any] = []  # the cells' elements, held so that none is freed meanwhile
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # a merged cell: once per column
                continue
            seen.append(cell._tc)
            for paragraph in cell.paragraphs:
                yield from _paragraph_lines(paragraph)


def _row_texts(row: Any) -> list[str]:
    """A row's cells in its columns: one spanning columns is its first column's, the others
    left empty (a cell merged down is each of its rows', as python-docx gives it)."""
    texts = [""] * row.grid_cols_before
    previous = None
    for cell in row.cells:
        texts.append("" if cell._tc is previous else squeeze(cell.text))
        previous = cell._tc
    return texts


def _a_header(table: Any, grid: list[list[str]]) -> bool:
    """Is the table's first row its columns' names: marked as the header Word repeats on each
    page, in bold over rows that are not, or (three columns or more) words alone over rows that
    all hold a figure ("Medicine | Used for | Shortage since" over "… | May 2026")? Two columns
    are labels beside their values ("Name | Lisburn" over "Population | 72,000"), no names."""
    from docx.oxml.ns import qn

    first, rest = grid[0], grid[1:]
    if not rest or not all(first):
        return False
    head = table.rows[0]._tr
    if head.trPr is not None and head.trPr.find(qn("w:tblHeader")) is not None:
        return True
    bold = [_bold(row) for row in table.rows]
    if bold[0] and not any(bold[1:]):
        return True
    return (len(first) > 2 and not any(c.isdigit() for c in "".join(first))
            and all(any(c.isdigit() for c in "".join(cells)) for cells in rest))


def _bold(row: Any) -> bool:
    """A row whose text is all in bold."""
    runs = [r for cell in row.cells for p in cell.paragraphs for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _paragraph_lines(paragraph: Any) -> Iterator[tuple[str, str]]:
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    for part in paragraph.text.split("\n"):  # a manual line break inside a paragraph
        text = squeeze(part)
        if text:
            yield text, style
