"""Word files (.docx) through python-docx: body paragraphs and table cells in document order,
one line each; title, author and date from the document's core properties.

Page headers and footers live apart from the body in a .docx, so they are never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..dates import find_date_line
from ..errors import LoadError
from ..types import RawDocument
from .common import read_file, squeeze

__all__ = ["load_docx"]

_TITLE_STYLES = ("title", "heading 1")


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
    created = props.created
    # The document's own "Published 2025-03-05" line over its file's creation date, which is
    # often its template's (python-docx's: 2013-12-23).
    stated = next((d for text, _ in lines[:30] if (d := find_date_line(text))), None)
    return [RawDocument(
        text="\n".join(text for text, _ in lines), source=str(path), source_key=str(path),
        title=squeeze(props.title or "") or _styled_title(lines),
        published=stated or (created.date().isoformat() if created else None),
        author=squeeze(props.author or "") or None,
        may_hold_several=False,
    )]


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
            seen: list[Any] = []  # the cells' elements, held so that none is freed meanwhile
            for row in block.rows:
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):  # a merged cell: once per column
                        continue
                    seen.append(cell._tc)
                    for paragraph in cell.paragraphs:
                        yield from _paragraph_lines(paragraph)


def _paragraph_lines(paragraph: Any) -> Iterator[tuple[str, str]]:
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    for part in paragraph.text.split("\n"):  # a manual line break inside a paragraph
        text = squeeze(part)
        if text:
            yield text, style
