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


ELECTION = "Candidate: Niamh Okoro | Party: Green Future | Votes: 7,905 | Share: 16.3%"
PRICES = ["Type of home: Detached | Average price: £468,900 | Annual change: +5.0%",
          "Type of home: Semi-detached | Average price: £276,300 | Annual change: +4.4%",
          "Type of home: Flat | Average price: £164,200 | Annual change: +1.2%"]


def _price(question: str, row: str, kind: str = "other") -> str | None:
    return _cell(question, row, kind, "2026-02-18", "\n".join(PRICES),
                 "Calderbrook house prices rise 4.2% as buyers return")


def test_what_someone_said_why_and_how_get_no_cell() -> None:
    """"What did Niamh Okoro say about her share?" was answered by her quote, and then by the
    results row's "16.3%"; "Why did Pennant's Q3 profits slump?" abstained, then "£21.4m". Of
    questions asking what (kind 'other'), only "what/which … is/was/are/were" asks for a cell."""
    def vote(question: str) -> str | None:
        return _cell(question, ELECTION, "other", "2026-11-06", ELECTION, "Tessaly votes")

    assert vote("What did Niamh Okoro say about her share?") is None
    assert vote("What did Okoro say about the votes?") is None
    assert vote("How did Niamh Okoro's share rise?") is None
    assert _cell("Why did Harwick's Q3 operating profit fall?", ROWS[2]) is None
    assert _cell("Why were Harwick's Q3 sales so low?", ROWS[2]) is None
    assert _cell("How did Harwick's Q3 sales do?", ROWS[2]) is None
    assert vote("What was Niamh Okoro's share?") == "16.3%"
    assert vote("Which was Niamh Okoro's share?") == "16.3%"


def test_a_change_asked_for_is_not_the_level() -> None:
    """"How much did flat prices rise?" abstained, then got the row's average price
    "£164,200" (the rise is +1.2%): asked for a rise, fall or change, only a column saying
    a change answers ("Annual change", "Increase per year")."""
    assert _price("How much did flat prices rise?", PRICES[2], "number") is None
    assert _price("What was the rise in flat prices?", PRICES[2]) is None
    assert _price("How much did the price of a flat increase?", PRICES[2], "number") is None
    assert _cell("How much did Harwick's Q3 sales slump?", ROWS[2], "number") is None
    assert _cell("How far did Harwick's operating profit fall in Q3?", ROWS[2], "number") is None
    assert _price("What was the annual change for flats?", PRICES[2]) == "+1.2%"
    # A row named by such a word is read ("How many fell asleep in class…?").
    row = "Measure: Fell asleep in class | Screen in hour before bed: 17% | No screen: 7%"
    assert _cell("How many fell asleep in class with no screen?", row, "number", "2026-09-29",
                 row, "Screens at bedtime cost children sleep") == "7%"
    band = "Band: D | 2025/26: £1,894.32 | 2026/27: £1,988.85 | Increase per year: £94.53"
    assert _cell("What was the Band D increase per year?", band, "other", "2026-02-27", band,
                 "Council tax to rise 5%") == "£94.53"


def test_a_compound_in_a_row_does_not_hold_its_parts() -> None:
    """"What was the annual change for detached homes?" was answered from the Detached row,
    then "+4.4%" from the Semi-detached one: "detached" is not a word of "Semi-detached"."""
    assert _price("What was the annual change for detached homes?", PRICES[1]) is None
    assert _price("What was the annual change for detached homes?", PRICES[0]) == "+5.0%"
    assert _price("What was the average price of a semi-detached home?", PRICES[1]) == "£276,300"
    assert _price("What was the average price of a semi detached home?", PRICES[1]) == "£276,300"
    # A question's compound the row says apart is still read: "4-hour" of "within 4 hours".
    row = "A&E seen within 4 hours | Dec 2024: 70.2% | Dec 2025: 61.9%"
    assert _cell("What was the A&E 4-hour figure in Dec 2024?", row, "other", "2026-02-27",
                 row, "Northmoor waits") == "70.2%"


def test_columns_the_question_names_alike_are_told_apart_or_none() -> None:
    """"What was the average sleep for children with no screen in the hour before bed?" got
    8h 11m of "Screen in hour before bed", not 8h 58m of "No screen": "no" was no word, both
    columns named, and the alphabet chose. "No" is read; columns named alike give no cell."""
    row = ("Measure: Average sleep on school nights | Screen in hour before bed: 8h 11m | "
           "No screen: 8h 58m")

    def sleep(question: str) -> str | None:
        return _cell(question, row, "other", "2026-09-29", row,
                     "Screens at bedtime cost children 47 minutes of sleep a night")

    assert sleep("What was the average sleep for children with no screen in the hour before "
                 "bed?") == "8h 58m"
    assert sleep("What was the average sleep for children with a screen in the hour before "
                 "bed?") == "8h 11m"
    assert sleep("What was the average sleep with no screen?") == "8h 58m"
    tied = "Measure: Average sleep | Screen: 8h 20m | Screen with sound: 7h 58m"
    assert _cell("What was the average sleep with a screen with sound on?", tied, "other",
                 "2026-09-29", tied, "Screens at bedtime study") is None


def test_a_figure_holding_a_digit_names_no_row() -> None:
    """"What was the men's time in place 2?" was answered "1" from the row of place 1: the "2"
    of its time "2:07:41" counted as the question's word in the row."""
    first = ("Place: 1 | Men: Joseph Lagat (KEN) | Time: 2:07:41 | Women: Hana Bekele "
             "(ETH) | Time: 2:24:09")
    second = ("Place: 2 | Men: Amos Cheruiyot (KEN) | Time: 2:08:33 | Women: Meseret Alemu "
              "(ETH) | Time: 2:25:14")

    def cell(question: str, row: str) -> str | None:
        return _cell(question, row, "other", "2026-04-20", f"{first}\n{second}",
                     "Calderport Marathon results")

    assert cell("What was the men's time in place 2?", first) is None
    assert cell("What was the men's time in place 2?", second) == "2:08:33"


def test_last_years_row_is_of_now_only_by_its_label() -> None:
    """A list of a race's past winners ("Year: 2025 | Race: Harrowgate 10k | Winner: Jan
    Novak") answered in February 2026 as if of now: "Jan" of Jan Novak was read as January,
    a month of the year before. Only the row's label is looked at for its quarter or month,
    beside its year, and "Jan" before a capitalised name is no month."""
    winners = ["Year: 2025 | Race: Harrowgate 10k | Winner: Jan Novak | Time: 29:51",
               "Year: 2024 | Race: Harrowgate 10k | Winner: Ola Berg | Time: 30:12"]
    dated = ["Year: 2025 | Date: 18 May | Winner: Jan Novak | Time: 29:51",
             "Year: 2024 | Date: 19 May | Winner: Ola Berg | Time: 30:12"]
    for rows in (winners, dated):
        text = "\n".join(rows)
        assert _cell("Who won the Harrowgate 10k?", rows[0], "person", "2026-02-10", text,
                     "Harrowgate 10k opens entries") is None
        assert _cell("What was the winning time in May?", rows[0], "other", "2026-02-10",
                     text, "Harrowgate 10k opens entries") is None
    assert _cell("What was Jun Li's time?", "Runner: Jun Li | Time: 31:02", "other",
                 "2026-02-10", "Runner: Jun Li | Time: 31:02", "Club 10k") == "31:02"
    # Last year's quarter, its label saying so, is still read early this year.
    assert _cell("What were Harwick's sales in Q2?", ROWS[1]) == "£131m"


def test_a_question_naming_nothing_asks_of_the_row_read_first() -> None:
    """"How many votes did she get?" (she: the conversation's winner, whose row was read first)
    names no word of the row: it is answered from the row's Votes column, as before the rows
    were required to hold a word of the question; asked "what was…", it names nothing."""
    row = "Candidate: Corin Abara | Party: Civic Alliance | Votes: 18,432 | Share: 38.1%"
    assert _cell("How many votes did she get?", row, "number", "2026-11-06", row,
                 "Tessaly election") == "18,432"
    assert _cell("What was her share?", row, "other", "2026-11-06", row,
                 "Tessaly election") is None
