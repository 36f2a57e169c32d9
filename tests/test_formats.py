"""PDF, Word and e-mail files: reading order, joined hyphenation, page furniture dropped,
metadata, page numbers for quotes, and bad files that cost nothing already stored.

The fixtures are made by tests/fixtures/make_fixtures.py (fpdf2, python-docx, the standard
library) and checked in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Answer, Assistant, Citation
from assistant.settings import Settings
from index import DEFAULT_EMBED_MODEL as MODEL
from index import NewsIndex, StoreConfig
from index.cleaning import clean_document
from index.loading import SUPPORTED_SUFFIXES, load_paths
from index.pages import page_of
from index.sentences import sentence_spans
from index.types import Article
from ui.articles import ArticlesController
from ui.sources import card_for, sources_html

FIXTURES = Path(__file__).parent / "fixtures"
PDF_TITLE = "Harbour breakwater to be finished by spring"
PDF, DOCX, EML = FIXTURES / "gazette.pdf", FIXTURES / "council.docx", FIXTURES / "morning-brief.eml"



def _index(store: Path) -> NewsIndex:
    return NewsIndex(StoreConfig(path=store, embed_model=MODEL))

def _article(path: Path) -> Article:
    loaded = load_paths([path])
    assert loaded.warnings == [] and loaded.files == 1
    (article,) = [a for doc in loaded.documents for a in clean_document(doc)]
    return article


def test_pdf_word_and_email_are_supported_inputs() -> None:
    assert {".pdf", ".docx", ".eml"} <= set(SUPPORTED_SUFFIXES)


def test_pdf_text_in_reading_order_with_hyphenation_joined_and_page_furniture_dropped() -> None:
    art = _article(PDF)
    assert art.title == "Harbour breakwater to be finished by spring"  # from the metadata
    assert (art.published, art.author) == ("2025-03-03", "Ana Lima")
    # "break-" / "water" and "direc-" / "tor" at line ends are words again; lines of a
    # paragraph are one line
    assert ("The harbour authority said on Monday that the new breakwater at Porto Velho would "
            "be finished by the end of spring, three months later than planned.") in art.text
    assert "the authority's director, Marta Sousa, told reporters" in art.text
    # running header and "Page N of 2" footers: dropped as whole lines
    assert "HARBOUR GAZETTE" not in art.text and "Page 1" not in art.text
    assert "of 2" not in art.text
    # two columns on page 2: the left one whole, then the right one
    left = art.text.index("Fishing crews have waited four years for the shelter, which will "
                          "protect forty boats from the Atlantic swell in winter.")
    right = art.text.index("The project is costing 38 million euros")
    assert left < right


def _one_column_pdf(path: Path, text: str) -> Path:
    """`text` as fpdf2 lays it out: wrapped lines of one column."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def test_a_pdf_sentence_split_over_two_text_boxes_is_whole(tmp_path: Path) -> None:
    """pdfminer put "…Gail Hart cut the" and "ribbon at the northern entrance." in two text
    boxes: the answer quoted half a sentence."""
    path = _one_column_pdf(tmp_path / "tunnel.pdf", (
        "Harbour tunnel opens to traffic\n\nThe new harbour tunnel in Portsmouth opened to "
        "traffic on Monday after four years of construction. The tunnel is 3.2 kilometres "
        "long and cost 900 million pounds. Transport minister Gail Hart cut the ribbon at the "
        "northern entrance. About 40,000 vehicles a day are expected to use it, officials "
        "said."))
    art = _article(path)
    assert "Gail Hart cut the ribbon at the northern entrance." in art.text
    assert art.title == "Harbour tunnel opens to traffic"  # a headline is not joined on


def test_a_pdf_sentence_going_on_with_a_name_is_whole(tmp_path: Path) -> None:
    """"…lies 22 kilometres off the" / "Aberdeenshire coast.": the second box starts with a
    capital, but no sentence ends with "the"."""
    path = _one_column_pdf(tmp_path / "windfarm.pdf", (
        "Wind farm off Scotland doubles output\n\nThe Moray East offshore wind farm "
        "produced 4.2 terawatt-hours of electricity in 2024, double its output in its first "
        "full year, the operator said on Monday.\nThe farm has 100 turbines, each rated at "
        "9.5 megawatts, and lies 22 kilometres off the Aberdeenshire coast.\nOperations "
        "director Fiona Grant said the increase came from fewer outages and stronger winds."))
    art = _article(path)
    assert "and lies 22 kilometres off the Aberdeenshire coast." in art.text
    assert art.title == "Wind farm off Scotland doubles output"


def test_a_pdf_sentence_going_on_with_a_figure_is_whole(tmp_path: Path) -> None:
    """"…produce power for about" / "300,000 homes.": the quote stopped at "about"."""
    import shutil

    shutil.copy(Path(__file__).parent / "fixtures" / "windfarm.pdf", tmp_path / "windfarm.pdf")
    art = _article(tmp_path / "windfarm.pdf")
    assert "produce power for about 300,000 homes." in art.text


def test_a_pdf_sentence_wrapped_before_a_name_and_a_headline_over_its_masthead(
        tmp_path: Path) -> None:
    """A tester's file (fpdf2): "…in the Palau National Marine" / "Sanctuary, which took
    effect…" came apart in two boxes, and a quote began at "Sanctuary"; the 15-point headline
    and the 10-point masthead under it were one line, quoted as an answer."""
    import shutil

    shutil.copy(Path(__file__).parent / "fixtures" / "reefs.pdf", tmp_path / "reefs.pdf")
    art = _article(tmp_path / "reefs.pdf")
    assert ("a ban on commercial fishing in the Palau National Marine Sanctuary, which took "
            "effect in 2020, and to the absence") in art.text
    assert art.title == "Palau's coral reefs recovering faster than expected, study finds"
    assert art.text.startswith("Pacific Science Review\nPublished 2026-11-12\n")


def _headed_pdf(path: Path, masthead: str, given: str, printed: str) -> Path:
    """As a tester's was made (fpdf2): a masthead line, the headline, a byline, two pages of
    story; the document's properties give the title `given`."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(given)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, masthead, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, printed)
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(0, 6, "Lorna McAvoy, Health Correspondent", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 5.5, "The number of people waiting for planned hospital treatment at "
                   "Northmoor has reached a record 112,400, new figures show.")
    pdf.add_page()
    pdf.multi_cell(0, 5.5, "The trust plans to open a surgical hub in September 2026.")
    pdf.output(str(path))
    return path


def test_a_pdfs_printed_headline_longer_than_its_properties_title_is_the_title(
        tmp_path: Path) -> None:
    """A tester's PDF was titled by its properties 'Northmoor hospital waiting list hits record
    112,400', and its printed headline, which goes on, stayed a line of the story and was
    quoted as the answer to what the cancer target is."""
    printed = ("Northmoor hospital waiting list hits record 112,400 as A&E and cancer targets "
               "are missed")
    art = _article(_headed_pdf(tmp_path / "waits.pdf", "TEES & WOLD HERALD", printed[:51],
                               printed))
    assert art.title == printed and printed not in art.text
    second = art.text.index("The trust plans")
    assert art.page_starts == (0, second)  # where page 2 starts, in the text as it is now
    # a title its page prints as it is, or not at all, stays
    same = _article(_headed_pdf(tmp_path / "same.pdf", "TEES & WOLD HERALD", printed, printed))
    other = _article(_headed_pdf(tmp_path / "other.pdf", "TEES & WOLD HERALD", "Waiting list",
                                 printed))
    assert (same.title, other.title) == (printed, "Waiting list")


def test_a_pdfs_masthead_with_its_section_and_date_between_dashes_is_the_outlet(
        tmp_path: Path) -> None:
    """A tester's PDF had no outlet: its head read 'TEES & WOLD HERALD - Health - 27 February
    2026'. The line stays, as a page's date line does."""
    head = "TEES & WOLD HERALD  -  Health  -  27 February 2026"
    art = _article(_headed_pdf(tmp_path / "waits.pdf", head, "Waiting list hits record",
                               "Waiting list hits record"))
    assert art.outlet == "Tees & Wold Herald"
    assert art.text.startswith("TEES & WOLD HERALD - Health - 27 February 2026\n")


def test_a_pdf_lists_items_are_not_joined_as_one_sentence(tmp_path: Path) -> None:
    """Items of ten words or more with no full stop ran together into one line."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for item in ("- Fish numbers rose by a third across the sanctuary according to the survey",
                 "- Coral cover rose from 19 to 31 percent on the reefs east of Babeldaob"):
        pdf.multi_cell(0, 6, item)
        pdf.ln(4)
    pdf.multi_cell(0, 6, "The survey was published on Wednesday.")
    pdf.output(str(tmp_path / "list.pdf"))
    from index.formats.pdf import pdf_pages

    [page] = pdf_pages((tmp_path / "list.pdf").read_bytes())
    assert len(page) == 3 and page[2] == "The survey was published on Wednesday."


def test_a_word_files_own_date_line_wins_over_its_templates_date(tmp_path: Path) -> None:
    import docx

    document = docx.Document()  # python-docx's template: created 2013-12-23
    document.add_heading("Council approves new library", level=1)
    document.add_paragraph("Published 2025-03-05")
    document.add_paragraph("The town council approved the new library on Tuesday, officials said.")
    path = tmp_path / "memo.docx"
    document.save(str(path))
    assert _article(path).published == "2025-03-05"


def test_a_word_files_second_story_is_an_article_of_its_own(tmp_path: Path) -> None:
    """A tester's newsletter ran a town hall clock's story under "ALSO IN THIS ISSUE" below its
    tram story: it was the tram's, and the clock's cost was answered with the tram's."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Kirkhaven tram extension opens six months late"
    document.core_properties.author = "Nkechi Farrow-Pike"
    document.add_paragraph("Dunmere Daily Courier | Monday 16 March 2026")
    document.add_heading("Kirkhaven tram extension opens six months late", level=1)
    document.add_paragraph("The tram extension to Kirkhaven opened to passengers on Sunday.")
    document.add_paragraph("It cost £214 million, against a budget of £176 million.")
    document.add_paragraph("ALSO IN THIS ISSUE")
    document.add_heading("Helmsby town hall clock chimes again after 40 years", level=2)
    document.add_paragraph("The clock on Helmsby town hall struck the hour on Saturday.")
    document.add_paragraph("The society raised £48,000 for the work.")
    document.save(str(tmp_path / "courier.docx"))
    tram, clock = clean_document(load_paths([tmp_path / "courier.docx"]).documents[0])
    assert tram.text.endswith("against a budget of £176 million.")
    assert (clock.title, clock.text) == ("Helmsby town hall clock chimes again after 40 years",
                                         "The clock on Helmsby town hall struck the hour on "
                                         "Saturday.\nThe society raised £48,000 for the work.")
    # the date and paper; the document's author wrote its first story
    assert (clock.published, clock.outlet, clock.author, tram.author) == (
        "2026-03-16", "Dunmere Daily Courier", None, "Nkechi Farrow-Pike")


def _template_docx(path: Path, *lines: str) -> Path:
    """A .docx made from python-docx's template, its core properties left as they came."""
    import docx

    document = docx.Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


_FERRY = ("The first sailing of the day will leave half an hour later from Friday, the "
          "operator said.")


def test_python_docx_template_properties_are_no_date_or_author(tmp_path: Path) -> None:
    """A tester's ferry story was dated 2013-12-23 and written by "python-docx" (the
    template's properties), its byline "By …, Tuesday 28 April 2026" passed over."""
    art = _article(_template_docx(
        tmp_path / "ferry.docx", "Island ferry timetable cut",
        "Skerrin & Mallow Gazette — Transport",
        "By Catrìona Dubh-Sørensen, Tuesday 28 April 2026", _FERRY))
    assert (art.published, art.author) == ("2026-04-28", "Catrìona Dubh-Sørensen")
    undated = _article(_template_docx(tmp_path / "undated.docx", "Island ferry timetable cut",
                                      _FERRY))
    assert (undated.published, undated.author) == (None, None)


def test_a_word_file_without_core_properties_has_no_title_word_document(
        tmp_path: Path) -> None:
    """python-docx gives a file with no core properties the title "Word Document"."""
    import re
    import zipfile

    made = _template_docx(tmp_path / "made.docx", "Island ferry timetable cut", _FERRY)
    path = tmp_path / "bare.docx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "_rels/.rels":  # the part and the link to it both gone
                data = re.sub(rb"<Relationship [^>]*docProps/core.xml[^>]*/>", b"", data)
            if item.filename != "docProps/core.xml":
                out.writestr(item, data)
    assert _article(path).title == "Island ferry timetable cut"


def _tabled_docx(path: Path, rows: list[list[str]]) -> Path:
    """A story with a table after its sentence."""
    import docx

    path = _template_docx(path, "Medicine shortages hit county pharmacies", _FERRY)
    document = docx.Document(str(path))
    table = document.add_table(rows=0, cols=len(rows[0]))
    for texts in rows:
        for cell, text in zip(table.add_row().cells, texts, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def test_a_word_tables_row_is_one_line_with_its_columns_names(tmp_path: Path) -> None:
    """A tester's shortage table was read a cell a line: a medicine's date stood apart from
    it, and the last cell ("2023", alone) was dropped as a page number."""
    path = _tabled_docx(tmp_path / "shortage.docx", [
        ["Medicine", "Used for", "Shortage since"],
        ["Some HRT patches", "Menopause symptoms", "March 2026"],
        ["Methylphenidate (some brands)", "ADHD", "2023"]])
    assert _article(path).text.split("\n")[-2:] == [
        "Medicine: Some HRT patches | Used for: Menopause symptoms | Shortage since: March 2026",
        "Medicine: Methylphenidate (some brands) | Used for: ADHD | Shortage since: 2023"]
    # a first row that may be data (a figure in it, or rows without one) names no columns
    plain = _tabled_docx(tmp_path / "plain.docx", [["Mayor", "Ann Lee"], ["Deputy", "Bo Li"]])
    assert _article(plain).text.split("\n")[-2:] == ["Mayor | Ann Lee", "Deputy | Bo Li"]


def test_a_word_table_laying_out_prose_is_read_a_paragraph_a_line(tmp_path: Path) -> None:
    path = _tabled_docx(tmp_path / "boxed.docx", [["Fact box", "x"]])
    import docx

    document = docx.Document(str(path))
    cell = document.tables[0].rows[0].cells[1]
    cell.text = "The ferry sails twice a day."
    cell.add_paragraph("The operator will review the timetable in June.")
    document.save(str(path))
    assert _article(path).text.split("\n")[-3:] == [
        "Fact box", "The ferry sails twice a day.",
        "The operator will review the timetable in June."]


def test_a_word_files_own_properties_stand_over_its_byline(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    import docx

    path = _template_docx(tmp_path / "ferry.docx", "Island ferry timetable cut",
                          "By Catrìona Dubh-Sørensen, Tuesday 28 April 2026", _FERRY)
    document = docx.Document(str(path))
    document.core_properties.author = "Morag Ferreira"
    document.core_properties.created = datetime(2026, 4, 27, 18, 0, tzinfo=UTC)
    document.save(str(path))
    assert (_article(path).published, _article(path).author) == ("2026-04-27", "Morag Ferreira")


def test_a_pdfs_own_date_line_wins_over_its_creation_date(tmp_path: Path) -> None:
    """A PDF saved today of a story published in May was dated today, and "When was it
    published?" contradicted its own "Published 2025-05-20" line."""
    path = _one_column_pdf(tmp_path / "library.pdf", (
        "Library lends laptops\n\nPublished 2025-05-20\n\nThe town library will lend laptops "
        "for two weeks at a time from June, the librarian said on Tuesday."))
    assert _article(path).published == "2025-05-20"


def test_a_pdf_lists_items_stay_lines_apart_from_the_paragraph_under_them(
        tmp_path: Path) -> None:
    """A tester's "Tour dates" (fpdf2, one text box) were one line joined with " - ", run on
    into the paragraph under the list, and quoted whole."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Orchestra sets off on Asian tour\n\nThe orchestra flies out of "
                   "Belfast today for its first tour of Asia in 14 years, with 11 concerts.\n")
    for item in ("- 30 Oct: Tokyo, Suntory Hall", "- 5 Nov: Osaka, Festival Hall"):
        pdf.multi_cell(0, 5.5, item, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5.5, "While the orchestra is away, the Ulster Hall will host a season of "
                   "chamber concerts by visiting ensembles.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "tour.pdf"))
    assert _article(tmp_path / "tour.pdf").text.splitlines()[-3:] == [
        "30 Oct: Tokyo, Suntory Hall", "5 Nov: Osaka, Festival Hall",
        "While the orchestra is away, the Ulster Hall will host a season of chamber concerts "
        "by visiting ensembles."]


def test_pdf_page_starts_name_each_quote_page() -> None:
    art = _article(PDF)
    assert len(art.page_starts) == 2
    assert page_of(art.page_starts, art.text.index("Divers recovered")) == 1
    assert page_of(art.page_starts, art.text.index("Fishing crews")) == 2
    assert page_of(art.page_starts, art.text.index("the authority said.")) == 2


def test_docx_paragraphs_tables_and_properties_but_not_the_page_header() -> None:
    art = _article(DOCX)
    assert art.title == "Tram line to the airport approved"
    assert (art.published, art.author) == ("2025-04-14", "Rui Costa")
    assert "City Council Bulletin" not in art.text
    assert art.text.index("The city council approved") < art.text.index("Stops") \
        < art.text.index("210 million euros\n") < art.text.index("Opposition councillors")
    assert art.page_starts == ()


def test_eml_newsletter_is_one_article_with_unwrapped_paragraphs() -> None:
    art = _article(EML)
    assert art.title == "Storm Ines: red warning for the coast"
    assert (art.outlet, art.published) == ("The Morning Brief", "2025-01-21")
    assert ("The national weather service issued a red warning for the coast on Tuesday, saying "
            "gusts of up to 140 kilometres per hour were expected overnight as storm Ines made "
            "landfall.") in art.text.split("\n")
    assert "Unsubscribe" not in art.text


def test_an_html_only_newsletter_is_read_like_a_page(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>{s}</p>" for s in (
            "The central bank raised its main interest rate by a quarter point on Thursday, "
            "to 3.5 percent, its third increase this year.",
            "Inflation reached 4.1 percent in March, the statistics office said, well above the "
            "bank's target of two percent.",
            "The governor said further increases could not be ruled out."))
    path = tmp_path / "rates.eml"
    path.write_text("Subject: Rates up again\nFrom: Money Letter <hi@money.example>\n"
                    "Date: Fri, 04 Apr 2025 07:00:00 +0000\nContent-Type: text/html\n\n"
                    f"<html><body><article>{paragraphs}</article></body></html>\n")
    art = _article(path)
    assert (art.title, art.outlet, art.published) == ("Rates up again", "Money Letter",
                                                      "2025-04-04")
    assert "third increase this year." in art.text


@pytest.mark.parametrize(("name", "content", "says"), [
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip", "not a readable Word"),
    ("empty.eml", b"", "is empty"),
    ("scanned.pdf", None, "no text layer"),
])
def test_bad_files_are_skipped_with_a_clear_warning(tmp_path: Path, name: str,
                                                    content: bytes | None, says: str) -> None:
    path = tmp_path / name
    if content is None:
        shutil.copy(FIXTURES / name, path)
    else:
        path.write_bytes(content)
    shutil.copy(DOCX, tmp_path / "good.docx")
    loaded = load_paths([tmp_path])
    (warning,) = loaded.warnings
    assert name in warning and says in warning and warning.endswith("skipped")
    assert [d.title for d in loaded.documents] == ["Tram line to the airport approved"]


@pytest.fixture()
def formats_store(fresh_store: Path) -> Path:
    _index(fresh_store).ingest([PDF, DOCX, EML])
    return fresh_store


def test_ingested_documents_keep_metadata_and_pages_in_the_store(formats_store: Path) -> None:
    index = _index(formats_store)
    stored = {a.title: a for a in index.list()}
    pdf = stored["Harbour breakwater to be finished by spring"]
    assert pdf.author == "Ana Lima" and pdf.source == str(PDF.resolve())
    full = index.articles([pdf.id])[pdf.id]
    assert full.text == _article(PDF).text and full.page_starts == _article(PDF).page_starts
    assert stored["Tram line to the airport approved"].page_starts == ()


@pytest.mark.parametrize(("title", "question", "fragment", "page"), [
    (PDF_TITLE, "When will the Porto Velho breakwater be finished?", "by the end of spring", 1),
    (PDF_TITLE, "Which fund is paying for most of the harbour project?", "38 million euros", 2),
    (PDF_TITLE, "How long have fishing crews waited for the shelter?", "four years", 2),
    ("Tram line to the airport approved",
     "How long will construction of the tram line to the airport take?", "three years", None),
    ("Storm Ines: red warning for the coast",
     "How strong were the gusts expected from storm Ines?", "140 kilometres per hour", None),
])
def test_quotes_from_documents_are_verbatim_and_pdf_ones_name_their_page(
        formats_store: Path, title: str, question: str, fragment: str, page: int | None) -> None:
    index = _index(formats_store)
    hits = index.dense(question, k=6)
    articles = index.articles(list({h.metadata["article_id"] for h in hits}))
    for h in hits:  # every retrieved passage is its article's text at its offsets
        assert articles[h.metadata["article_id"]].text[h.metadata["start"]:h.metadata["end"]] \
            == h.text
    hit = next(h for h in hits if fragment in h.text)
    article = articles[hit.metadata["article_id"]]
    assert article.title == title
    # The sentence an answer quotes, by its offsets in the stored text, on the sources panel.
    start, end = next((a, b) for a, b in sentence_spans(article.text)
                      if fragment in article.text[a:b])
    citation = Citation(1, article.text[start:end], article.id, article.title, article.outlet,
                        article.published, article.source, start, end)
    card = card_for(citation, article.text, article.page_starts)
    assert card.page == page
    assert card.before + citation.quote + card.after in article.text
    answer = Answer(question=question, text=f"“{citation.quote}” [1]", citations=[citation])
    shown = sources_html([(question, answer, [card])])
    assert (f"p. {page}" in shown) if page else ("p. " not in shown)


def test_stored_document_text_is_lines_of_the_source_dropped_never_rewritten() -> None:
    for path in (PDF, DOCX, EML):
        (raw,) = load_paths([path]).documents
        source_lines = raw.text.split("\n")
        for line in _article(path).text.split("\n"):
            assert any(line in src for src in source_lines), (path.name, line)


def test_the_ui_upload_takes_pdf_word_and_email_files(fresh_store: Path) -> None:
    settings = Settings(store=fresh_store, llm="extractive",
                        _env_file=None)  # type: ignore[call-arg]
    status, rows, _ = ArticlesController(Assistant(settings)).upload(
        [str(PDF), str(DOCX), str(EML)], progress=None)
    assert "3 added" in status
    titles = [r[0] for r in rows]
    for title in ("Harbour breakwater to be finished by spring",
                  "Tram line to the airport approved", "Storm Ines: red warning for the coast"):
        assert title in titles and title in status


def test_a_bad_document_loses_nothing_already_stored(formats_store: Path,
                                                     tmp_path: Path) -> None:
    index = _index(formats_store)
    before = {a.id for a in index.list()}
    bad = tmp_path / "report.pdf"
    bad.write_bytes(b"%PDF-1.7\n%%EOF garbage")
    report = index.ingest([bad])
    assert report.added == 0 and report.skipped == 1
    assert "not a readable PDF" in report.warnings[0]
    assert {a.id for a in index.list()} == before


def test_a_markdown_table_row_is_one_line_with_its_columns_names() -> None:
    """The fifth tester's house prices by area were stored one cell a line: "£265,300" apart
    from "Kilbride", and the average asked for was another figure."""
    from index.formats.markdown import markdown_text

    text = markdown_text("Prices by area:\n\n| Area | Average price |\n|---|---|\n"
                         "| Kilbride | £265,300 |\n| Dunmore | £198,700 |\n")
    assert "Area: Kilbride | Average price: £265,300" in text.splitlines()
    assert "Area: Dunmore | Average price: £198,700" in text.splitlines()
    assert "Area | Average price" not in text


TABLE_PAGE = """<html><head><title>Tarnmouth Ferries results</title></head><body><article>
<h1>Tarnmouth Ferries carries a record 1.2 million passengers</h1>
<p>Tarnmouth Ferries carried a record 1.2 million passengers last year, its annual report
said on Tuesday, and its revenue rose by a quarter.</p>
<table><caption>Tarnmouth Ferries: full-year results</caption>
{head}
<tbody><tr><td>Revenue</td><td>£4.1m</td><td>£3.2m</td></tr>
<tr><td>Passengers</td><td>1.2m</td><td>0.9m</td></tr></tbody></table>
<p>The company said it would add a second boat to the Gull Island route in the spring.</p>
</article></body></html>"""


@pytest.mark.parametrize("head", [
    "<thead><tr><th></th><th>2026</th><th>2025</th></tr></thead>",
    "<tr><th></th><th>2026</th><th>2025</th></tr>",  # a first row of <th>, no <thead>
])
def test_an_html_table_row_is_one_line_with_its_columns_names(tmp_path: Path, head: str
                                                              ) -> None:
    """The seventh tester's results tables: trafilatura printed the caption as the header row
    and the header as a row of data, so "£4.1m" was read apart from its year."""
    (tmp_path / "results.html").write_text(TABLE_PAGE.format(head=head))
    [art] = [a for raw in load_paths([tmp_path]).documents for a in clean_document(raw)]
    lines = art.text.splitlines()
    at = lines.index("Tarnmouth Ferries: full-year results")
    assert lines[at + 1:at + 3] == ["Revenue | 2026: £4.1m | 2025: £3.2m",
                                    "Passengers | 2026: 1.2m | 2025: 0.9m"]
    assert not any("|---" in line or "2026 | 2025" in line for line in lines)


def test_a_table_laying_out_a_page_is_left_to_trafilatura() -> None:
    from index.formats.tables import tables_as_rows

    page = ("<html><body><table><tr><td><p>The council met on Monday.</p></td></tr></table>"
            "</body></html>")
    assert tables_as_rows(page) == page


def test_a_table_laying_out_a_page_with_line_breaks_is_left_to_trafilatura(tmp_path: Path
                                                                            ) -> None:
    """Its one cell holds the story, its lines apart only by <br>: read as a table's cell,
    "…running in March" and "By Iwan Pryce" ran together."""
    from index.formats.tables import tables_as_rows

    page = ("<html><head><title>Ferry</title></head><body><table><tr><td><b>Gull Island ferry "
            "to stop running in March</b><br><b>By</b> Iwan Pryce<br>The ferry to Gull Island "
            "will stop running in March, its operator said on Monday, after forty years of "
            "crossings.<br>About 300 islanders use it each week, and the council said it would "
            "look for another operator before the summer.</td></tr></table></body></html>")
    assert tables_as_rows(page) == page
    (tmp_path / "ferry.html").write_text(page)
    [art] = [a for raw in load_paths([tmp_path]).documents for a in clean_document(raw)]
    assert "MarchBy" not in art.text and "March By Iwan Pryce" in art.text


SPANNED = """<html><head><title>Kelvedon West</title></head><body><article>
<h1>Greens win Kelvedon West by 87 votes after recount</h1>
<p>The Green Party has won the Kelvedon West by-election by 87 votes, taking a seat Labour had
held since 1997, after a recount on Friday.</p>
<table><thead><tr><th rowspan="2">Candidate</th><th rowspan="2">Party</th>
<th colspan="2">Votes<br>(share)</th></tr><tr><th>Count</th><th>Share</th></tr></thead>
<tbody><tr><td>Hannah Corrigan</td><td>Green</td><td>8,214</td><td>50.2%</td></tr>
<tr><td rowspan="2">Marcus Dale</td><td>Labour</td><td>8,127</td><td>49.7%</td></tr>
<tr><td>Labour Co-op</td><td>12</td><td>0.1%</td></tr>
<tr><td colspan="2">Total</td><td>16,353</td><td></td></tr></tbody></table>
<p>Turnout was 41.3%, the returning officer said after the declaration at the centre.</p>
</article></body></html>"""


def test_a_table_row_under_a_cell_spanning_rows_keeps_its_columns(tmp_path: Path) -> None:
    """A row under a cell spanning two rows has a cell fewer: each of its cells was read
    under the column before its own ("Candidate: Labour Co-op | Party: 12")."""
    (tmp_path / "result.html").write_text(SPANNED)
    [art] = [a for raw in load_paths([tmp_path]).documents for a in clean_document(raw)]
    lines = art.text.splitlines()
    assert lines[1:5] == [
        "Candidate: Hannah Corrigan | Party: Green | Count: 8,214 | Share: 50.2%",
        "Candidate: Marcus Dale | Party: Labour | Count: 8,127 | Share: 49.7%",
        "Candidate: Marcus Dale | Party: Labour Co-op | Count: 12 | Share: 0.1%",
        "Candidate: Total | Count: 16,353"]


def test_a_table_row_that_does_not_fill_its_columns_is_its_cells_alone() -> None:
    from index.formats.tables import tables_as_rows

    page = ("<html><body><table><tr><th>Candidate</th><th>Party</th><th>Votes</th></tr>"
            "<tr><td>Hannah Corrigan</td><td>Green</td><td>8,214</td></tr>"
            "<tr><td>Spoilt ballots</td><td>31</td></tr></table></body></html>")
    out = tables_as_rows(page)
    assert "<p>Spoilt ballots | 31</p>" in out
    assert "<p>Candidate: Hannah Corrigan | Party: Green | Votes: 8,214</p>" in out
