"""How a question says what a table's row says otherwise: "second-quarter" for "Q2", "the same
quarter last year" for "a year earlier", "Dec 2024" for "December 2024", "four-hour" for "4
hours", "no screen" for the column "No screen" (`cell_terms`); and a question's compound the
row says apart ("4-hour" of "within 4 hours"), or one it says side by side that the row
hyphenates: `spelt_as_held`."""

from __future__ import annotations

import re

from .words import MONTHS, terms

__all__ = ["MONTH_TERMS", "PERIODS", "YEAR_AGO", "cell_terms", "spelt_as_held"]

_QUARTERS = {word: f"Q{n}" for n, words in enumerate(("first 1st", "second 2nd", "third 3rd",
                                                      "fourth 4th"), 1) for word in words.split()}
_QUARTER = re.compile(r"\b(" + "|".join(_QUARTERS) + r")[\s-]+quarter\b", re.I)
# Not "the previous year" alone: that asks for the whole year, not a row of a year before.
YEAR_AGO = re.compile(r"\b(?:same\s+(?:quarter|period|month|week|time)\s+(?:of\s+)?(?:last|the"
                      r"\s+previous|the\s+prior)\s+year|(?:a|one)\s+year\s+(?:earlier|ago|before)"
                      r"|year[\s-](?:ago|earlier))\b", re.I)
_MONTHS = {m[:3].capitalize(): m for m in MONTHS}
MONTH_TERMS = frozenset(terms(" ".join(MONTHS)))
PERIODS = MONTH_TERMS | {"q1", "q2", "q3", "q4", "h1", "h2"}
# Before a capitalised word, "Jan", "Jun", "Mar" and "May" are a first name ("Jan Novak", "May
# Lin"), no month: marked so that neither expansion nor the month's term reads them.
_NAMED_MONTH = re.compile(r"\b(Jan|Jun|Mar|May)(?=\s+[A-Z][a-z])")
_MONTH_ABBREVIATION = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve")
_COUNT_WORD = re.compile(r"\b(" + "|".join(_NUMBERS) + r")-(?=[a-z])", re.I)
# "No"/"without" are stop words, yet they tell the column "No screen" from "Screen in hour
# before bed"; kept as one word ("No. 10", "no 2" are numbers, not a negation).
_NEGATION = re.compile(r"\b(?:no|without)\b(?!\.?\s*\d)", re.I)
_COMPOUND = re.compile(r"\w+(?:-\w+)+")


def cell_terms(text: str) -> list[str]:
    """`terms` of a text as a table's cells say it. A hyphenated compound stays one word: a
    row's "Semi-detached" is not "detached" (as `words.compounds_held` has it)."""
    said = _QUARTER.sub(lambda m: _QUARTERS[m.group(1).casefold()], text)
    said = YEAR_AGO.sub(" yearago ", said)
    said = _NAMED_MONTH.sub(r"\1_", said)
    said = _MONTH_ABBREVIATION.sub(lambda m: _MONTHS[m.group(1)[:3]], said)
    said = _COUNT_WORD.sub(lambda m: f"{_NUMBERS.index(m.group(1).casefold()) + 1} ", said)
    return terms(_NEGATION.sub(" nonot ", said))


def spelt_as_held(question: str, row: str) -> str:
    """The question with its compounds spelt as the row spells them: "4-hour" as "4 hour"
    over "within 4 hours" (a compound the row holds apart, each part, not whole), "semi
    detached" as "semi-detached" over "Semi-detached" (the parts side by side)."""
    held = set(cell_terms(row))

    def apart(m: re.Match[str]) -> str:
        word, parts = m.group(), m.group().replace("-", " ")
        whole_held = set(cell_terms(word)) <= held
        return parts if not whole_held and set(cell_terms(parts)) <= held else word

    spelt = _COMPOUND.sub(apart, question)
    for compound in set(_COMPOUND.findall(row)):
        side_by_side = r"\s+".join(map(re.escape, compound.split("-")))
        spelt = re.sub(rf"\b{side_by_side}\b", compound, spelt, flags=re.I)
    return spelt
