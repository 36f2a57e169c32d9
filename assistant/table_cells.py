"""What a table gives: the cell of a row under the column the question asks for.

An ingest writes each row of a table as a line of cells under their columns' names
(`index.formats.tables`): "Candidate: Walter Hume | Party: People's Party | Votes: 17,228 |
Share: 35.6%". Asked "How many votes did Walter Hume get?", the reader scores such a line low (it
reads like no sentence it learnt from) and a sentence of prose near it wins, often with another
figure ("beating … Walter Hume by 1,204 votes"). The row answers plainly: the one naming every
word the question asks about (or its article's title does), in the cell of the column the
question names. A question says them in its own words ("second-quarter revenue" of "Quarter:
Q2 … | Revenue: £281m", "the A&E four-hour figure in December 2024" of "A&E seen within 4
hours | Dec 2024: 70.2%"), and a row of another year than its article's answers only where
the question asks for that year, or for the row "a year earlier", or where the row is the
latest of its table of a part of the year before (`_of_now`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index import Article

from .rerank import Evidence
from .roles import asks_for_holder
from .speakers import asked_speech
from .table_words import MONTH_TERMS, PERIODS, YEAR_AGO, cell_terms, spelt_as_held
from .words import asking_terms, terms

__all__ = ["cell_first", "table_cell"]

# A cell: its column's name and its value, between the row's bars.
_CELL = re.compile(r"(?:^|(?<=\|))\s*(?P<key>[^:|]{1,40}?):\s+(?P<value>[^|]*[^|\s])")
# Verbs a question asks for a row with: "get", "win", "stood" say nothing of which row it is.
_VERBS = frozenset(terms("get got receive received win won take took score scored have had"
                         " earn earned poll polled stand stood run ran play plays played finish"
                         " finished come came name named award awarded make made report"
                         " reported post posted record recorded generate generated achieve"
                         " achieved reach reached see saw"))
# Words that ask for a cell without naming its row: "What was the A&E figure…", "the same
# quarter a year earlier".
_UNNAMING = frozenset(terms("figure amount number total same"))
# Columns whose cells name people: asked "who", the answer is in one of them.
_WHO_COLUMNS = frozenset(terms("winner candidate name player nominee recipient driver rider"
                               " athlete artist author director manager coach captain chair"
                               " leader member holder champion"))
# Asked for a difference ("won by", "points behind", "dropped"), no cell is it: each is a total.
_COMPARED = re.compile(r"\b(?:by|behind|ahead|margin|lead|gap|difference|more|fewer|less"
                       r"|drop(?:ped)?|lose|lost)\b", re.I)
# A cell saying someone did not ("Result: Not elected") names nothing the question asks.
_NEGATED = re.compile(r"\b(?:not|no|lost|eliminated|withdrew|withdrawn|defeated)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Of questions asking what (kind 'other'), a cell answers "What was/is/were…", "Which … was…":
# not "What did Okoro say about her share?" (her words), "Why…" nor "How did…" (a sentence).
_ASKS_WHAT = re.compile(r"^\W*(?:and\s+)?(?:what|which)(?:[’']s\b|\b.*?\b(?:is|was|are|were|be"
                        r"|been)\b)", re.I)
_WHY = re.compile(r"^\W*(?:and\s+)?why\b", re.I)
# Asked how much something rose or fell, a level ("Average price: £164,200") is not it: only a
# column saying a change ("Annual change", "Increase per year") answers.
_CHANGES = frozenset(terms("rise rises risen rising rose fall falls fallen falling fell slump"
                           " slumped increase increased decrease decreased drop dropped decline"
                           " declined grow grew grown growth change changed climb climbed jump"
                           " jumped soar soared plunge plunged gain gained up down"))
# A figure's digits ("2:07:41", "£21.4m", "17,228"): no number of the question ("place 2") is
# named by them.
_FIGURE = re.compile(r"\d+(?:[:.,]\d+)+")
# A row's cells: each column's name (its terms) and where the cell's value stands in the row.
_Cells = list[tuple[set[str], tuple[int, int]]]


def table_cell(question: str, row: str, kind: str, title: str = "",
               published: str | None = None, text: str = "") -> tuple[int, int] | None:
    """The cell of a table's row that answers: a figure asked for (`_figure`; asked "what
    was…" too), or, asked who, the person the row names beside what the question names
    (`_person`). Only a row naming a word the question asks about, holding every one, its
    article's `title` helping, and of the year asked (else of now: `_of_now`, `text` being
    its article's)."""
    asked_years = set(_YEAR.findall(question))
    if "|" not in row or not _asks_a_cell(question, kind) or asked_years - set(
            _YEAR.findall(row)) or not (asked_years or _of_now(question, row, published, text)):
        return None
    cells: _Cells = [(set(cell_terms(m.group("key"))), m.span("value"))
                     for m in _CELL.finditer(row)]
    columns = set().union(*(key for key, _ in cells)) if cells else set()
    held = set(cell_terms(row))
    spelt = spelt_as_held(question, row)
    about = set(cell_terms(spelt)) - asking_terms() - columns - _VERBS - _UNNAMING
    # A word of the row itself, not a digit of its figures ("2" of "Time: 2:07:41").
    itself = set(cell_terms(_FIGURE.sub(" ", row)))
    # A question naming nothing ("How many votes did she get?", its name in the conversation)
    # asks of the row read first, as it always did; asked "what was…", it names its row.
    named = about & itself if about else kind != "other"
    if len(cells) < 2 or not named or not about <= held | set(cell_terms(title)):
        return None
    if kind in ("number", "other"):
        return None if _COMPARED.search(question) else _figure(spelt, row, cells, about)
    # Asked who holds a role ("the Green Party's national leader"), a candidate of the party
    # is no answer: roles are `roles`'.
    return _person(question, row, cells) if kind == "person" and not asks_for_holder(
        question) else None


def _asks_a_cell(question: str, kind: str) -> bool:
    """Whether a question of this kind can be answered by a cell: not what someone said
    (their words are: `speech_first`), nor why; asking what, only "what was/is…"."""
    if kind not in ("number", "person", "other") or asked_speech(question) or _WHY.match(
            question):
        return False
    return kind != "other" or _ASKS_WHAT.match(question) is not None


def _of_now(question: str, row: str, published: str | None, text: str) -> bool:
    """Whether a row, asked of no year, is of now: of its article's year, or the row "a year
    earlier" asked for, or of a part of the year before ("Q2 (July–September 2025)" in a report
    of February 2026) where no row of its table in the article's `text` is later. The years
    a row's columns are named by are not its own ("Dec 2024: 98,700")."""
    years = _own_years(row)
    if not published or not years or max(years) == published[:4]:
        return True
    if YEAR_AGO.search(question) and YEAR_AGO.search(row):
        return True
    # Early in a year, last year's quarter or month is the latest reported; a row of a whole
    # year ("Year: 2025 | Winner: …") is an earlier edition's, as is one with a later beside it.
    keys = _keys(row)
    table = [max(_own_years(line), default="") for line in text.splitlines()
             if _keys(line) == keys]
    # Its quarter or month is its label's, beside its year ("Q2 (July–September 2025)"): not
    # a date or a name in another cell ("Date: 18 May", "Winner: Jan Novak").
    label = _own(row.split("|", 1)[0])
    return (max(years) == max(table, default=None) == str(int(published[:4]) - 1)
            and max(years) in label and bool(PERIODS & set(cell_terms(label))))


def _own_years(row: str) -> set[str]:
    """The years a row's cells and label name, not its columns ("Dec 2024: 98,700")."""
    return set(_YEAR.findall(_own(row)))


def _own(row: str) -> str:
    """A row without its columns' names: its label and its cells' values."""
    return _CELL.sub(lambda m: m.group("value"), row)


def _keys(row: str) -> list[str]:
    return [m.group("key").strip() for m in _CELL.finditer(row)]


def _person(question: str, row: str, cells: _Cells) -> tuple[int, int] | None:
    """Asked "Who won best director?" or "Who stood for the Heritage Party?", the value of
    the row's first cell under a column of people ("Winner", "Candidate") where another of
    its cells holds only words of the question ("Award: Best director", "Party: Heritage
    Party"): row offsets, or None."""
    asked = set(terms(question)) - asking_terms()
    people = [span for key, span in cells if key & _WHO_COLUMNS
              and not set(terms(row[span[0]:span[1]])) & asked]
    named = any(said <= asked and not _NEGATED.search(row[span[0]:span[1]])
                for _, span in cells
                if (said := set(terms(row[span[0]:span[1]]))) and span not in people)
    return people[0] if people and named else None


def _figure(question: str, row: str, cells: _Cells, about: set[str]) -> tuple[int, int] | None:
    """The value, with a figure, of the row's cell under the column the question asks for
    (`_column`); of a column the row has twice ("Men: … | Time: … | Women: … | Time: …"), the
    cell after the one naming whom it asks about: row offsets, or None. Asked how much
    something rose or fell, only a column saying a change answers, not its level."""
    asked = cell_terms(question)
    # The cell naming what is asked about ("Quarter: Q3 a year earlier (…)") is not the answer;
    # a figure's digits name nothing ("2" of "2:08:33" asked for "place 2").
    naming = [span for _, span in cells
              if set(cell_terms(_FIGURE.sub(" ", row[slice(*span)]))) & about]
    figures = [(key, span) for key, span in cells if key and span not in naming
               and re.search(r"\d", row[slice(*span)])]
    column = _column(asked, row, figures)
    # A change the row's own words say is the row's name ("Fell asleep in class"), not asked.
    change = _CHANGES & set(asked) - set(cell_terms(_own(row)))
    if column is None or (change and not _CHANGES & column):
        return None
    spans = [span for key, span in figures if key == column]
    after = [span for span in spans if naming and span[0] > naming[0][0]]
    return (after or spans)[0]


def _column(asked: list[str], row: str, figures: _Cells) -> set[str] | None:
    """The column the question names (the first it names: "What share of the vote…" asks for
    the share), or else the one column whose last word it names ("profit" for "Pre-tax
    profit"); None where two columns are named first alike (which one is meant, unsaid)."""
    named = sorted((min(asked.index(t) for t in key), tuple(sorted(key)))
                   for key, _ in figures if key <= set(asked))
    if named:
        tied = {key for at, key in named if at == named[0][0]}
        return set(named[0][1]) if len(tied) == 1 else None
    # A column by its last word, not a year's nor a month's ("Dec 2024").
    heads = {tuple(sorted(key)) for key, span in figures if _head(row, span) in asked}
    return set(next(iter(heads))) if len(heads) == 1 else None


def _head(row: str, span: tuple[int, int]) -> str | None:
    """The last word of the column a cell is under, where it is a word, not a year or month."""
    key = row[:span[0]].rsplit("|", 1)[-1].rstrip(": ")
    words = cell_terms(key)
    plain = words and all(w.replace("-", "").isalpha() for w in words) and not set(
        words) & MONTH_TERMS
    return words[-1] if plain else None


def cell_first(question: str, ranked: Sequence[Evidence], kind: str,
               articles: Mapping[str, Article]) -> list[Evidence] | None:
    """Asked for a figure, who, or what something was ("What was Pennant's second-quarter
    revenue?"), the ranking with the first row that gives it in the column asked for
    (`table_cell`) put first, or None: a row among the best three sentences or of the best
    one's article (a results table is one story's, not any story's that shares a word with
    the question)."""
    if not ranked or not _asks_a_cell(question, kind):
        return None

    def gives(i: int, ev: Evidence) -> bool:
        article = articles.get(ev.article_id)
        near = i < 3 or ev.article_id == ranked[0].article_id
        return near and article is not None and table_cell(
            question, ev.text, kind, article.title, article.published, article.text) is not None

    first = next((ev for i, ev in enumerate(ranked) if gives(i, ev)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]
