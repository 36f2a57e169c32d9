"""PDF files through pdfminer.six, whose layout analysis gives text boxes in reading order
(columns one after the other, not lines across them).

Each text box is split into paragraphs and each paragraph becomes one line, its words broken at
line ends joined again. Running headers and footers (the same line, give or take its page
number, at the top or bottom of several pages) are handed to cleaning to drop; where each page
starts is kept so a quote can name its page.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..captions import credit_span, is_caption
from ..dates import find_date_line
from ..errors import LoadError
from ..types import RawDocument
from .common import join_wrapped, read_file, squeeze
from .pdflayout import ordered_boxes, table_lines

__all__ = ["load_pdf", "pdf_pages"]

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
# Titles that PDF writers fill in by themselves: a file name, "Untitled", "Microsoft Word - …".
_JUNK_TITLE = re.compile(r"(?:\.(?:docx?|pdf|indd|odt|rtf|txt)$|^untitled|^microsoft word - )",
                         re.I)
_PARAGRAPH_END = ".!?:\"”’)"


def load_pdf(path: Path) -> list[RawDocument]:
    data = read_file(path)
    headings: set[str] = set()
    try:
        pages = pdf_pages(data, headings)
        info = _info(data)
    except LoadError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a damaged or encrypted file
        raise LoadError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc}); open it in "
                        "a PDF viewer and save or print it as a new PDF; skipped") from exc
    if not any(pages):
        raise LoadError(f"{path}: has no text layer (a scanned image?); run it through OCR "
                        "(e.g. `ocrmypdf`) and ingest the result; skipped")
    lines: list[str] = []
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        for paragraph in page:
            lines.append(paragraph)
            offset += len(paragraph) + 1
    # The document's own "Published 2025-05-20" line over its properties' creation date, which
    # is when it was saved as a PDF (as for a Word file).
    stated = next((d for text in lines[:30] if (d := find_date_line(text))), None)
    return [RawDocument(
        text="\n".join(lines), source=str(path), source_key=str(path),
        title=info.get("title"), published=stated or info.get("date"), author=info.get("author"),
        may_hold_several=False, page_starts=tuple(starts),
        drop_lines=frozenset(_running_lines(pages)),
        # A table's name is no sentence of the story (`RawDocument.caption_lines`)
        caption_lines=frozenset(headings),
    )]


def pdf_pages(data: bytes, headings: set[str] | None = None) -> list[list[str]]:
    """The paragraphs of each page, in reading order, one line each; the names of its tables
    above them are added to `headings`."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    found = set() if headings is None else headings
    return [_rejoined(list(_page_paragraphs(layout, found)))
            for layout in extract_pages(io.BytesIO(data), laparams=LAParams())]


# A word no sentence or headline ends with: the box after it goes on with the same sentence,
# even where that starts with a name ("…lies 22 kilometres off the" / "Aberdeenshire coast.").
# Nor with a word that stands before a figure ("…power for about" / "300,000 homes."), nor
# with an auxiliary ("…the bridge will" / "reopen in May.").
_ENDS_MIDWAY = re.compile(r"\b(?:the|a|an|of|to|in|on|at|for|and|or|by|with|from|off|into|onto"
                          r"|than|its|their|his|her|our|your|between|per|about|around|nearly"
                          r"|almost|roughly|approximately|some|is|are|was|were|will"
                          r"|would|be|been|has|have|had)$")


# A box of at least this many words, in the body's type, that ends with no full stop is a
# sentence going on in the next box, whatever that starts with: "…a ban on commercial fishing
# in the Palau National Marine" / "Sanctuary, which took effect in 2020, …".
_WRAPPED_WORDS = 10
# A list's item, which ends with no full stop and is no wrapped sentence: "- Fish numbers rose…".
_ITEM = re.compile(r"\s*(?:[-–—•·▪►*]|\d{1,2}[.)])\s")


def _rejoined(paragraphs: list[tuple[str, float, bool]]) -> list[str]:
    """A sentence pdfminer split over two text boxes of one type size made whole again: one box
    ending with no full stop ("Transport minister Gail Hart cut the") and the next going on in
    lower case ("ribbon at the northern entrance."), or after a word no sentence ends with, or
    after a long run of words. A quote must not stop half-way; a headline (another size) is
    not joined to the story under it, nor a table's row (`whole`) to another, nor anything to
    a caption that ends in its credit."""
    out: list[tuple[str, float, bool]] = []
    for text, size, whole in paragraphs:
        last, last_size, last_whole = out[-1] if out else ("", 0.0, True)
        if (out and not (whole or last_whole) and last[-1:].isalnum()
                and not _caption_ends(last, text)
                and abs(size - last_size) < _SAME_SIZE
                and (text[:1].islower() or _ENDS_MIDWAY.search(last)
                     or (len(last.split()) >= _WRAPPED_WORDS
                         and not _ITEM.match(text) and not _ITEM.match(last)))):
            out[-1] = (join_wrapped([last, text]), size, False)
        else:
            out.append((text, size, whole))
    return [text for text, _, _ in out]


def _caption_ends(line: str, following: str) -> bool:
    """Does a caption end with `line`, in its credit and with no full stop ("… Photo: Trentside
    Archaeology"), the next line no more of its credit? A tester's PDF ran the footer's promo
    under its caption on into it; another's, its caption opening with "Photo:", its "Related:"
    line (a caption still, read so, but its credit no longer at its end), unless that line goes
    on with the credit ("Courtesy the artist and …", "(copyright reserved)")."""
    if not is_caption(line):
        return False
    joined = join_wrapped([line, following])
    return not is_caption(joined) or (_credited(line) and not _credited(joined)
                                      and not _CREDIT_GOES_ON.match(following))


# Before a caption's credit at its end: its sentence's end, then the credit's label ("… on
# Wednesday. Picture: Cornwall Marine Trust"), not a name the caption opens with ("Photo: Ann
# Lee" / "opens the bridge.").
_BEFORE_CREDIT = re.compile(r"[.!?)]\s+(?:Photo(?:graph)?s?|Pictures?|Images?|Credit)\s*:\s*$")


# A line going on with the credit above it: "Courtesy the artist and Golden Thread Gallery",
# "(copyright reserved)", "© PA", "/ Getty Images", "via Reuters".
_CREDIT_GOES_ON = re.compile(r"\s*(?:(?:courtesy|via|copyright)\b|[©/]|\(.*\)\s*$|\[.*\]\s*$)",
                             re.I)


def _credited(line: str) -> bool:
    """Does the line end in its caption's credit, after the caption's sentence?"""
    span = credit_span(line)
    return span is not None and _BEFORE_CREDIT.search(line[:span[0]]) is not None


def _page_paragraphs(layout: Any, headings: set[str]) -> Iterator[tuple[str, float, bool]]:
    """A page's paragraphs, each with its type size and whether it is a table's row, whole
    (`pdflayout`: the rows stand where the table's first cell does)."""
    from pdfminer.layout import LTTextLine

    boxes = ordered_boxes(layout)
    tables = table_lines(boxes)
    headings.update(t.heading for t in tables if t.heading)
    for box in boxes:
        table = next((t for t in tables if id(box) in t.cells), None)
        if table is not None:
            if table.lines:  # each table once, at its first cell
                yield from ((line, _size(next(iter(box))), True) for line in table.lines)
                table.lines = []
            continue
        lines = [line for line in box if isinstance(line, LTTextLine)]
        for group in _paragraph_groups(lines, box.x1):
            text = join_wrapped([line.get_text() for line in group])
            if text:
                yield text, _size(group[0]), False


_SAME_SIZE = 0.5  # points: type sizes closer than this are one type


def _size(line: Any) -> float:
    """A line's type size: that of most of its characters (0 for none)."""
    from pdfminer.layout import LTChar

    sizes = [round(c.size, 1) for c in line if isinstance(c, LTChar)]
    return max(set(sizes), key=sizes.count) if sizes else 0.0


def _paragraph_groups(lines: list[Any], right: float) -> Iterator[list[Any]]:
    """Lines of one text box split where a paragraph ends: a line that stops short of the
    box's right edge after a full stop (pdfminer puts close paragraphs in one box), after a
    caption's credit (`_caption_ends`), or where the type size changes (a headline over its
    masthead's line)."""
    group: list[Any] = []
    for line in lines:
        if group and _ends_paragraph(group, line, right):
            yield group
            group = []
        group.append(line)
    if group:
        yield group


def _ends_paragraph(group: list[Any], line: Any, right: float) -> bool:
    """Does the paragraph `group` end before `line` (`_paragraph_groups`)? A list's item ends
    short of the box's right edge, with or without a stop, before the next item or where the
    next line's first word would have fitted in the room left (a break, no wrap): a tester's
    "Tour dates" were one line, run on into the paragraph under them, while an item's long
    word wrapped to its next line ("… 8am until 8pm, except" / "Northern-Ireland-wide public
    holidays") goes on with it."""
    prev = group[-1]
    text = prev.get_text().rstrip()
    short = prev.x1 < right - max(20.0, 0.12 * (right - prev.x0))
    listed = bool(_ITEM.match(group[0].get_text()) or _ITEM.match(line.get_text()))
    broken = listed and bool(_ITEM.match(line.get_text()) or _fits(line, right - prev.x1))
    return ((short and (text.endswith(tuple(_PARAGRAPH_END)) or broken))
            or _caption_ends(text, line.get_text())
            or abs(_size(line) - _size(prev)) >= _SAME_SIZE)


def _fits(line: Any, room: float) -> bool:
    """Would the line's first word, and a space before it, fit in `room` points?"""
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar)]
    word = next((i for i, c in enumerate(chars) if c.get_text().isspace()), len(chars))
    if not chars or word == 0:
        return False
    return chars[word - 1].x1 - chars[0].x0 + 0.3 * _size(line) < room


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _running_lines(pages: list[list[str]]) -> Iterable[str]:
    """First and last lines of pages that recur (digits aside) on at least two pages and at
    least a third of them: a running header or footer such as "The Gazette — page 3"."""
    if len(pages) < 2:
        return []
    edges = [{page[0], page[-1]} for page in pages if page]
    counts = Counter(key for edge in edges for key in {_key(line) for line in edge})
    need = max(2, len(pages) // 3)
    return {line for edge in edges for line in edge if counts[_key(line)] >= need}


def _info(data: bytes) -> dict[str, str]:
    """Title, author and date from the document information dictionary, when present."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info = resolve1(document.info[0]) if document.info else {}
    found: dict[str, str] = {}
    for key, name in (("Title", "title"), ("Author", "author"), ("CreationDate", "date")):
        value = resolve1(info.get(key)) if isinstance(info, dict) else None
        text = squeeze(decode_text(value) if isinstance(value, bytes) else str(value or ""))
        if text:
            found[name] = text
    if _JUNK_TITLE.search(found.get("title", "")):
        del found["title"]
    match = _PDF_DATE.match(found.pop("date", ""))
    if match:
        found["date"] = "-".join(match.groups())
    return found
