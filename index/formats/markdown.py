"""The text of a Markdown article (markdown-it, which gradio brings): "**Tomas Lindqvist**"
is read as "Tomas Lindqvist", so that a quote and a short answer carry no markup and a name
in bold still matches a question's."""

from __future__ import annotations

from typing import Any

from .common import squeeze
from .tables import cell_texts, header_cells, row_line

__all__ = ["markdown_text", "table_headings"]

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "tr")


def markdown_text(markdown: str) -> str:
    """One line per block, as in a plain text article: a heading keeps its "#"s (the first is
    the title, `index.cleaning`), a list item its "- "; a quotation's ">" and emphasis go. An
    image's words (its alt text) and a block of raw HTML keep theirs."""
    root = _rendered(markdown)
    if root is None:
        return ""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [_line(el) for el in root.iter()
             if el is not root and _a_block(el, root)]
    return "\n\n".join(line for line in lines if line.strip("#- "))


def _rendered(markdown: str) -> Any:
    """The Markdown as HTML (lxml), in a <div>; None for no text."""
    import lxml.html
    from markdown_it import MarkdownIt

    # A line break is kept where it was written, as in a text file: a news .md often puts
    # one paragraph on each line, with no blank line between.
    html = MarkdownIt("commonmark", {"breaks": True}).enable("table").render(markdown)
    return lxml.html.fragment_fromstring(html, create_parent="div") if html.strip() else None


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_WORDS = 15  # a table's name on a line of its own is a few words, no sentence
# Nor does it end as a sentence does, nor lead into the table as one ("…gave the other main
# prizes as follows:" is the story's, naming who led the jury).
_SENTENCE_ENDS = ".!?:;,\"”"


def table_headings(markdown: str) -> frozenset[str]:
    """The heading, or the short line, right above each table ("## Ravensholt's record
    signings"): the table's name, no sentence of the story, which a tester's page had read as
    one. Its words as `markdown_text` gives them."""
    root = _rendered(markdown) if "|" in markdown else None
    found = set()
    for table in root.iter("table") if root is not None else ():
        above = table.getprevious()
        text = squeeze(above.text_content()) if above is not None else ""
        named = above is not None and (above.tag in _HEADINGS or (
            above.tag == "p" and len(text.split()) <= _HEADING_WORDS
            and "\n" not in above.text_content().strip() and text[-1:] not in _SENTENCE_ENDS))
        if named and text:
            found.add(text)
    return frozenset(found)


def _a_block(el: Any, root: Any) -> bool:
    """A block of the text: one of `_BLOCKS` not inside another, or raw HTML at the top
    ("<div>The mayor resigned.</div>") holding none of them."""
    if el.tag in _BLOCKS:
        return not any(a.tag in _BLOCKS for a in el.iterancestors())
    return el.getparent() is root and not any(d.tag in _BLOCKS for d in el.iterdescendants())


def _row(tr: Any) -> str:
    """A table's row as one line, each cell under its column's name: "Area: Kilbride | Average
    price: £265,300" (`tables`). The header row itself is said by every row."""
    table = next((a for a in tr.iterancestors() if a.tag == "table"), None)
    found = header_cells(table) if table is not None else None
    if found is None:
        return " | ".join(cell_texts(tr))
    head, names = found
    return "" if head is tr else row_line(names, cell_texts(tr))


def _line(el: Any) -> str:
    if el.tag == "tr":
        return _row(el)
    text = "\n".join(squeeze(line) for line in el.text_content().split("\n"))
    if not text.strip():  # an image alone: its words ("![Residents rescued by boat](x.jpg)")
        text = " ".join(squeeze(img.get("alt") or "") for img in el.iter("img")).strip()
    if el.tag[0] == "h" and el.tag[1:].isdigit():
        return "#" * int(el.tag[1:]) + " " + text
    if el.tag == "li":
        parent = el.getparent()
        ordered = parent is not None and parent.tag == "ol"
        return (f"{parent.index(el) + int(parent.get('start', '1'))}. " if ordered
                else "- ") + text
    return text
