"""A PDF's table and its head's order (`index.formats.pdflayout`): a tester's council budget had
its table read column by column ("Core council tax" / "Adult social care precept" / "Total" /
"£1,538.90" / …), so no row's figure could be found, and its byline, written past the right
margin, read before the masthead above it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from index.captions import caption_spans
from index.cleaning import clean_document
from index.formats.pdf import load_pdf

BODY = ("Council tax bills in Dunsford will rise by 4.99% from April after councillors approved "
        "the budget on Thursday night.", "The budget was approved by 38 votes to 29, with three "
        "abstentions, after a debate lasting almost five hours.")
ROWS = [("", "2025/26", "2026/27"), ("Core council tax", "£1,538.90", "£1,585.06"),
        ("Adult social care precept", "£273.50", "£317.78"), ("Total", "£1,812.40", "£1,902.84")]


def _budget_pdf(path: Path, rows: Sequence[tuple[str, str, str]]) -> Path:
    """As the tester's was made (fpdf2): a masthead, a headline, a byline the headline's
    `multi_cell` leaves at the right margin, paragraphs, a table of bordered cells."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "DUNSFORD EVENING STAR  |  Friday 20 February 2026", new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Council tax to rise by 4.99% as councillors approve budget")
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(0, 6, "By Rebecca Nwosu-Hart, Local Democracy Reporter", new_x="LMARGIN",
             new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for paragraph in BODY:
        pdf.multi_cell(0, 5.5, paragraph)
        pdf.ln(2)
    return _with_rows(pdf, rows, path)


def _with_rows(pdf: Any, rows: Sequence[tuple[str, str, str]], path: Path) -> Path:
    """The table's rows drawn as bordered cells, then the PDF written to `path`."""
    pdf.set_font("Helvetica", "", 10)
    for a, b, c in rows:
        pdf.cell(80, 6, a, border=1)
        pdf.cell(40, 6, b, border=1)
        pdf.cell(40, 6, c, border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_a_pdf_tables_rows_are_read_under_their_columns_names(tmp_path: Path) -> None:
    [doc] = load_pdf(_budget_pdf(tmp_path / "budget.pdf", ROWS))
    lines = doc.text.splitlines()
    assert lines[-3:] == ["Core council tax | 2025/26: £1,538.90 | 2026/27: £1,585.06",
                          "Adult social care precept | 2025/26: £273.50 | 2026/27: £317.78",
                          "Total | 2025/26: £1,812.40 | 2026/27: £1,902.84"]
    assert lines[-5:-3] == list(BODY)  # the story's paragraphs as they were


def test_a_pdf_table_without_a_header_is_read_a_row_a_line(tmp_path: Path) -> None:
    [doc] = load_pdf(_budget_pdf(tmp_path / "budget.pdf", ROWS[1:]))
    assert doc.text.splitlines()[-1] == "Total | £1,812.40 | £1,902.84"


def test_a_byline_past_the_right_margin_is_read_under_the_headline(tmp_path: Path) -> None:
    [doc] = load_pdf(_budget_pdf(tmp_path / "budget.pdf", ROWS))
    assert doc.text.splitlines()[:3] == [
        "DUNSFORD EVENING STAR | Friday 20 February 2026",
        "Council tax to rise by 4.99% as councillors approve budget",
        "By Rebecca Nwosu-Hart, Local Democracy Reporter"]


def test_two_short_lines_side_by_side_are_no_table(tmp_path: Path) -> None:
    """A head's line and a figure beside it, once, are left as pdfminer reads them."""
    [doc] = load_pdf(_budget_pdf(tmp_path / "budget.pdf", ROWS[3:]))
    lines = doc.text.splitlines()
    assert {"Total", "£1,812.40", "£1,902.84"} <= set(lines)
    assert not any(" | " in line for line in lines[1:])


def _heading_pdf(path: Path) -> Path:
    """The budget with its table's name on a line of its own above it, as the tester's had."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Council tax to rise by 4.99% as councillors approve budget")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for paragraph in BODY:
        pdf.multi_cell(0, 5.5, paragraph)
        pdf.ln(2)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "How the Band D bill breaks down (county council share)", new_x="LMARGIN",
             new_y="NEXT")
    return _with_rows(pdf, ROWS, path)


def test_a_pdf_tables_name_above_it_is_marked_a_caption(tmp_path: Path) -> None:
    """It stays in the text as it was, but marked, as a photo's caption is: it is no sentence
    of the story (a tester's was read as one). The story's own lines are not marked."""
    [doc] = load_pdf(_heading_pdf(tmp_path / "budget.pdf"))
    [article] = clean_document(doc)
    marked = [article.text[a:b] for a, b in caption_spans(article.text, article.captions)]
    assert marked == ["How the Band D bill breaks down (county council share)"]
