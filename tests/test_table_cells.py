"""A table's row read by the column a question asks for, in the question's own words
(`assistant.table_cells`): cases a new user met with a company's quarterly results, a trust's
key figures and a race's results."""

from __future__ import annotations

from assistant.rerank import Evidence
from assistant.table_cells import table_cell
from index import Article

TITLE = "Harwick Foods profits fall as wet summer hits ice-cream sales"
PUBLISHED = "2026-02-10"
ROWS = ["Quarter: Q1 (April–June 2025) | Sales: £120m | Operating profit: £8.1m",
        "Quarter: Q2 (July–September 2025) | Sales: £131m | Operating profit: £9.4m",
        "Quarter: Q3 (October–December 2025) | Sales: £142m | Operating profit: £10.2m",
        "Quarter: Q3 a year earlier (October–December 2024) | Sales: £150m | "
        "Operating profit: £14.9m"]
TEXT = "\n".join(["Harwick Foods said operating profit fell 32% to £10.2 million in the three "
                  "months to December.", "Harwick Foods: quarterly results", *ROWS,
                  "Source: company statement"])


def _cell(question: str, row: str, kind: str = "other", published: str = PUBLISHED,
          text: str = TEXT, title: str = TITLE) -> str | None:
    span = table_cell(question, row, kind, title, published, text)
    return row[span[0]:span[1]] if span else None


def test_a_row_is_read_whatever_words_ask_for_it() -> None:
    """"What was Pennant's second-quarter revenue?" was turned away and "How much revenue did
    Pennant make in Q2?" got no figure, over the results table's row "Quarter: Q2 (July–
    September 2025) | Revenue: £281m | …": a question asking "what was…" is read too, the
    verb asked with names no row, and "second-quarter" is Q2, "the same quarter last year"
    the row "a year earlier", "profit" the column "Operating profit"."""
    assert _cell("What were Harwick's second-quarter sales?", ROWS[1]) == "£131m"
    assert _cell("How much in sales did Harwick make in Q2?", ROWS[1], "number") == "£131m"
    assert _cell("What were Harwick's sales in the 3rd quarter?", ROWS[2]) == "£142m"
    assert _cell("What was Harwick's profit in the same quarter last year?", ROWS[3]) == "£14.9m"
    assert _cell("What was Harwick's operating profit a year earlier?", ROWS[3]) == "£14.9m"
    # Not a row the question does not name: another quarter's, the one a year earlier when
    # this year's is asked for, any one of "the quarter", nor one for the whole year.
    assert _cell("What were Harwick's sales in Q2?", ROWS[0]) is None
    assert _cell("What were Harwick's sales in the third quarter?", ROWS[3]) is None
    assert _cell("What were Harwick's sales in the quarter?", ROWS[2]) is None
    assert _cell("What were Harwick's sales for the whole of last year?", ROWS[3]) is None
    assert _cell("What were Harwick's sales in the previous year?", ROWS[3]) is None
    # Nor a column it has not ("pre-tax profit"), nor the row's label ("Q3 a year earlier").
    assert _cell("What was Harwick's pre-tax profit in Q1?", ROWS[0]) is None
    assert _cell("And in the same quarter a year earlier?", ROWS[3]) is None


def test_last_years_quarter_is_read_where_it_is_the_latest() -> None:
    """"How much revenue did Pennant have in Q2?" was answered over the row "Q2 (July–
    September 2025)" of a report without a date, and not over the same row of the report of
    February 2026: a results report early in a year gives the year before's quarters."""
    assert _cell("What were Harwick's sales in Q2?", ROWS[1]) == "£131m"
    # Not where the table has a row of this year, nor a row of a whole year before.
    later = f"{TEXT}\nQuarter: Q4 (January–March 2026) | Sales: £98m | Operating profit: £2.2m"
    assert _cell("What were Harwick's sales in Q2?", ROWS[1], text=later) is None
    winners = "Year: 2025 | Race: Harrowgate 10k | Winning time: 31:02"
    assert _cell("What was the winning time in the Harrowgate 10k?", winners, "number",
                 "2026-03-01", winners, "Harrowgate 10k results") is None


def test_a_column_of_a_month_is_read_as_the_question_says_it() -> None:
    """"What was Northmoor's A&E four-hour figure in December 2024?" was turned away over
    the key figures' row "A&E seen within 4 hours | Dec 2024: 70.2% | Dec 2025: 61.9%"."""
    title, published = "Westvale 999 call times worst on record", "2026-02-20"
    row = "Calls answered within 2 minutes | Jan 2025: 88.1% | Jan 2026: 79.4%"

    def cell(question: str) -> str | None:
        return _cell(question, row, "other", published, row, title)

    assert cell("What was Westvale's two-minute call figure in January 2025?") == "88.1%"
    assert cell("What was the two-minute call figure in January 2026?") == "79.4%"
    assert cell("What was the two-minute call figure in November 2025?") is None
    assert cell("What was the ten-minute call figure in January 2025?") is None
    assert cell("What was the two-minute call figure?") is None  # which month's, unsaid


def test_a_column_a_row_has_twice_is_read_beside_whom_it_asks_about() -> None:
    """"What was Tomás Echeverría's time?" was turned away over the results' row "Place: 3 |
    Men: Tomás Echeverría (ESP) | Time: 2:09:05 | Women: Lucy Farrant-Moore (GBR) | Time:
    2:26:50"; each runner's time is the one after their name."""
    row = ("Place: 2 | Men: Kofi Addo (GHA) | Time: 2:11:40 | Women: Ilse Varga (HUN) | "
           "Time: 2:28:03")

    def cell(question: str) -> str | None:
        return _cell(question, row, "other", "2026-04-20", row, "Oakbridge Marathon results")

    assert cell("What was Kofi Addo's time?") == "2:11:40"
    assert cell("What was Ilse Varga's time?") == "2:28:03"
    assert cell("What was Maria Lopez's time?") is None


def test_a_row_asked_what_was_leads_the_answer_with_its_cell() -> None:
    """The row answering "What was Pennant's second-quarter revenue?" comes first, and its
    cell leads the answer, not the reader's span on its label ("Q3")."""
    from assistant.said_first import said_first
    from assistant.short import short_answer
    from assistant.types import Citation

    evidence = [Evidence(0, "a", TEXT.index(text), TEXT.index(text) + len(text), text, 0.3,
                         0.3, fit=0.5) for text in ["Harwick Foods: quarterly results", *ROWS]]
    articles = {"a": Article(id="a", title=TITLE, text=TEXT, source="s", source_key="a",
                             published=PUBLISHED)}
    asked = "What were Harwick's second-quarter sales?"
    ranked = said_first(asked, evidence, articles)
    assert ranked is not None and ranked[0] is evidence[2]
    row = ranked[0]
    cited = Citation(1, row.text, "a", TITLE, None, None, "", row.start, row.end)
    short = short_answer(row, cited, "other", asked, TITLE, PUBLISHED, TEXT)
    assert short is not None and short.text == "£131m"
