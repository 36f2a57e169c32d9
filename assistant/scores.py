""""What was the final score?": a match's result as the sentence gives it ("3-2"). The
reader's span had been the attendance ("6,214"), a figure like any other to it; and a
sentence giving the result ("The result, 3-2 to Harbour City, is unchanged") was turned
away for a reader's score a little low."""

from __future__ import annotations

import re

__all__ = ["asks_score", "score_span"]

_ASKS = re.compile(r"^\W*(?:and\s+)?what\s+(?:was|is|were|'s)\s+the\s+(?:(?:final|full-time"
                   r"|half-time|match|end)\s+)?(?:score(?:line)?|result)\b", re.I)
# "3-2", "2–1": not a year's range ("2024-25") nor a figure's hyphen ("12-month").
# Nor a lead on the way ("a 2-1 lead", "2-1 at half-time"), unless the half-time score is
# asked.
_SCORE = re.compile(r"(?<![\d.,-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d.,%-])")
_ON_THE_WAY = re.compile(r"\s*(?:lead|advantage|at\s+(?:half-time|the\s+break|half\s+time))\b",
                         re.I)


def asks_score(question: str) -> bool:
    """Does the question ask a match's score ("What was the final score?")?"""
    return bool(_ASKS.match(question))


def score_span(question: str, sentence: str) -> tuple[int, int] | None:
    """The score the sentence gives, asked one (sentence offsets): its first that is no lead
    on the way, for a report gives the result before the half-time one."""
    if not asks_score(question):
        return None
    half = "half" in question.casefold()
    for m in _SCORE.finditer(sentence):
        if half or not _ON_THE_WAY.match(sentence, m.end()):
            return m.span()
    return None
