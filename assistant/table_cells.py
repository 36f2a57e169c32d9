"""What a table gives: the cell of a row under the column the question asks for.

An ingest writes each row of a table as a line of cells under their columns' names
(`index.formats.tables`): "Candidate: Walter Hume | Party: People's Party | Votes: 17,228 |
Share: 35.6%". Asked "How many votes did Walter Hume get?", the reader scores such a line low (it
reads like no sentence it learnt from) and a sentence of prose near it wins, often with another
figure ("beating … Walter Hume by 1,204 votes"). The row answers plainly: the one naming every
word the question asks about (or its article's title does), in the cell of the column the
question names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index import Article

from .rerank import Evidence
from .roles import asks_for_holder
from .words import asking_terms, terms

__all__ = ["cell_first", "table_cell"]

# A cell: its column's name and its value, between the row's bars.
_CELL = re.compile(r"(?:^|(?<=\|))\s*(?P<key>[^:|]{1,40}?):\s+(?P<value>[^|]*[^|\s])")
# Verbs a question asks for a row with: "get", "win", "stood" say nothing of which row it is.
_VERBS = frozenset(terms("get got receive received win won take took score scored have had"
                         " earn earned poll polled stand stood run ran play plays played finish"
                         " finished come came name named award awarded"))
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
# A row's cells: each column's name (its terms) and where the cell's value stands in the row.
_Cells = list[tuple[set[str], tuple[int, int]]]


def table_cell(question: str, row: str, kind: str, title: str = "",
               published: str | None = None) -> tuple[int, int] | None:
    """The cell of a table's row that answers: a figure asked for (`_figure`), or, asked who,
    the person the row names beside what the question names (`_person`). Only a
    row holding every word the question asks about, its article's `title` helping, and of
    the year asked (else of the article's own: "Previous winners | Year: 2024" is not)."""
    asked_years = set(_YEAR.findall(question))
    row_years = set(_YEAR.findall(row))
    if asked_years - row_years or (not asked_years and published and row_years - {published[:4]}):
        return None
    cells: _Cells = [(set(terms(m.group("key"))), m.span("value")) for m in _CELL.finditer(row)]
    columns = set().union(*(key for key, _ in cells)) if cells else set()
    about = set(terms(question)) - asking_terms() - columns - _VERBS
    if len(cells) < 2 or "|" not in row or not about <= set(terms(f"{row} {title}")):
        return None
    if kind == "number":
        return None if _COMPARED.search(question) else _figure(question, row, cells)
    # Asked who holds a role ("the Green Party's national leader"), a candidate of the party
    # is no answer: roles are `roles`'.
    return _person(question, row, cells) if kind == "person" and not asks_for_holder(
        question) else None


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


def _figure(question: str, row: str, cells: _Cells) -> tuple[int, int] | None:
    """The value, with a figure, of the row's cell whose column the question names (the first
    it names: "What share of the vote…" asks for the share): row offsets, or None."""
    asked = terms(question)
    keyed = [(min(asked.index(t) for t in key), span) for key, span in cells
             if key and key <= set(asked) and re.search(r"\d", row[span[0]:span[1]])]
    return min(keyed)[1] if keyed else None


def cell_first(question: str, ranked: Sequence[Evidence], kind: str,
               articles: Mapping[str, Article]) -> list[Evidence] | None:
    """Asked for a figure or who, the ranking with the first row that gives it in the column
    asked for (`table_cell`) put first, or None: a row among the best three sentences or of
    the best one's article (a results table is one story's, not any story's that shares a
    word with the question)."""
    if kind not in ("number", "person") or not ranked:
        return None

    def gives(i: int, ev: Evidence) -> bool:
        article = articles.get(ev.article_id)
        near = i < 3 or ev.article_id == ranked[0].article_id
        return near and article is not None and table_cell(
            question, ev.text, kind, article.title, article.published) is not None

    first = next((ev for i, ev in enumerate(ranked) if gives(i, ev)), None)
    return None if first is None else [first, *(ev for ev in ranked if ev is not first)]
