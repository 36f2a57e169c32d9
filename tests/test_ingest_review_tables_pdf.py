"""A review's counter-examples to the Word table rows, a PDF caption's credit and a PDF list's
item ends (ingest41): pages that must read as they did before those rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.captions import caption_spans
from index.cleaning import clean_document
from index.loading import load_paths
from index.types import Article

_STORY = ("The Ulster Hall will host a free open day on Saturday, the council said on Monday.",
          "Organisers expect more than 2,000 visitors across the day, with tours of the organ "
          "loft and the restored ballroom.")


def _article(path: Path) -> Article:
    (article,) = [a for d in load_paths([path]).documents for a in clean_document(d)]
    return article


def _docx(path: Path, rows: list[list[str]], bold: bool = False) -> Article:
    """A headline, a byline and the story, then a table of `rows`."""
    import docx

    document = docx.Document()
    document.add_paragraph("Ulster Hall opens its doors for free", style="Title")
    document.add_paragraph("By Ann Lee")
    for sentence in _STORY:
        document.add_paragraph(sentence)
    table = document.add_table(rows=0, cols=len(rows[0]))
    for texts in rows:
        for cell, text in zip(table.add_row().cells, texts, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = bold
    document.add_paragraph("Tickets are available from the box office.")
    document.save(str(path))
    return _article(path)


@pytest.mark.parametrize(("rows", "lines"), [
    ([["Name", "Lisburn"], ["Population", "72,000"], ["City status", "2002"]],
     ["Name | Lisburn", "Population | 72,000", "City status | 2002"]),
    ([["Venue", "Ulster Hall, Bedford Street"], ["Date", "Saturday 6 June"]],
     ["Venue | Ulster Hall, Bedford Street", "Date | Saturday 6 June"]),
    ([["Monday", "Closed"], ["Tuesday", "9am-5pm"]], ["Monday | Closed", "Tuesday | 9am-5pm"]),
])
def test_a_word_label_and_value_box_names_no_columns(tmp_path: Path, rows: list[list[str]],
                                                     lines: list[str]) -> None:
    """Two columns are labels beside values: the first row's words over figures below made
    "Name: Population | Lisburn: 72,000" of a fact file."""
    text = _docx(tmp_path / "box.docx", rows).text.splitlines()
    assert text[-len(lines) - 1:-1] == lines


def test_a_fully_bold_word_table_names_no_columns(tmp_path: Path) -> None:
    rows = [["Best hotel", "The Merchant"], ["Best cafe", "Established"]]
    text = _docx(tmp_path / "bold.docx", rows, bold=True).text.splitlines()
    assert text[-3:-1] == ["Best hotel | The Merchant", "Best cafe | Established"]


def _laid_out_docx(path: Path, first: tuple[str, str], second: str, cols: int,
                   head: bool = False) -> Article:
    """A table of one column (two rows) or one row (two columns) over the story (`head`: with
    its headline and byline); `first` is its first cell's text and paragraph style."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1 if cols == 2 else 2, cols=cols)
    cells = [c for row in table.rows for c in row.cells]
    cells[0].paragraphs[0].text = first[0]
    cells[0].paragraphs[0].style = document.styles[first[1]]
    cells[1].text = second
    if head:
        document.add_paragraph("Charity shop volunteers honoured", style="Title")
        document.add_paragraph("By Dilys Brangwyn")
    for sentence in _STORY:
        document.add_paragraph(sentence)
    document.save(str(path))
    return _article(path)


@pytest.mark.parametrize("cols", [1, 2])
def test_a_word_masthead_in_a_table_is_the_outlet_and_date(tmp_path: Path, cols: int) -> None:
    """A 2x1 masthead table was read "NORTH DEVON & EXMOOR JOURNAL: Tuesday 19 May 2026"."""
    masthead = ("NORTH DEVON & EXMOOR JOURNAL", "Normal")
    article = _laid_out_docx(tmp_path / "masthead.docx", masthead, "Tuesday 19 May 2026", cols,
                             head=True)
    assert (article.outlet, article.published) == ("North Devon & Exmoor Journal", "2026-05-19")
    assert article.text.splitlines()[0] == "Tuesday 19 May 2026"


def test_a_word_headline_in_a_table_keeps_its_title_style(tmp_path: Path) -> None:
    """A Title-styled cell over "By …, date" became the title "headline: By …"."""
    article = _laid_out_docx(tmp_path / "headline.docx", ("Charity shop volunteers honoured",
                                                          "Title"),
                             "By Dilys Brangwyn, 19 May 2026", 1)
    assert (article.title, article.published) == ("Charity shop volunteers honoured",
                                                  "2026-05-19")


def _pdf(path: Path, lines: list[str]) -> Article:
    """fpdf2's one text box: a headline, a byline, a sentence, then `lines` each a paragraph."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Where to collect your new bin\n\nBy Ann Lee\n\nThe council will "
                   "hand out the new bins from Monday, it said on Tuesday.\n")
    for line in lines:
        pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.output(str(path))
    return _article(path)


def _captions(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in caption_spans(article.text, article.captions)]


@pytest.mark.parametrize("credit", ["Courtesy the artist and Golden Thread Gallery",
                                    "(copyright reserved)"])
def test_a_pdf_captions_credit_going_on_under_it_stays_in_the_caption(
        tmp_path: Path, credit: str) -> None:
    caption = "Image: Rita Duffy, Thaw, 2005, on show at the gallery. Photo: Simon Mills"
    article = _pdf(tmp_path / "credit.pdf", [caption, credit])
    assert article.text.splitlines()[-1] == f"{caption} {credit}"
    assert f"{caption} {credit}" in _captions(article)


def test_a_pdf_list_items_long_word_wrapped_goes_on_with_its_item(tmp_path: Path) -> None:
    """"… except" / "Northern-Ireland-wide public holidays": the long word went to the next
    line, leaving the first short, and the item was split in two."""
    first = ("- Duncrue Recycling Centre, Belfast, open Monday to Saturday from 8am until 8pm, "
             "except Northern-Ireland-wide public holidays")
    after = ("Residents who cannot reach either centre can ask for their new bin to be delivered "
             "to their door by calling the council's customer hub.")
    article = _pdf(tmp_path / "items.pdf", [first, "- Palmerston Road Recycling Centre", after])
    assert article.text.splitlines()[-3:] == [first[2:], "Palmerston Road Recycling Centre",
                                              after]
