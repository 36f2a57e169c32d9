""""What was the final score?": a match's result as the sentence gives it ("3-2"). The
reader's span had been the attendance ("6,214"), a figure like any other to it; and a
sentence giving the result ("The result, 3-2 to Harbour City, is unchanged") was turned
away for a reader's score a little low."""

from __future__ import annotations

import re

__all__ = ["asks_score", "score_span"]

_ASKS = re.compile(r"^\W*(?:and\s+)?what(?:\s+(?:was|is|were)|['’]s)\s+the\s+(?:(?:final"
                   r"|full-time|half-time|match|end)\s+)?(?:score(?:line)?|result)\b"
                   r"(?!\s+of\s+the\s+(?:inquiry|investigation|review|vote|referendum|test))",
                   re.I)
# "3-2", "2–1": not a year's range ("2024-25") nor a figure's hyphen ("12-month").
# Nor a lead on the way ("a 2-1 lead", "2-1 at half-time"), unless the half-time score is
# asked.
# Nor a span of days ("10-12 May") or a name ("the 9-11 attacks", "since 9-11"): a score is
# followed by what ends a clause or by a word of play, not by a month or another figure, and
# follows no "since".
_SCORE = re.compile(r"(?<![\d.,/-])(?<![Ss]ince\s)(?<![Aa]fter\s)(?<![Bb]efore\s)(?<![Pp]ost-)"
                    r"\d{1,2}\s?[-–]\s?\d{1,2}(?![\d%/-]|[.,]\d)"
                    r"(?!\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\b)"
                    r"(?!\s+(?:attacks?|anniversary|memorial|commission|hijack\w*|terror\w*"
                    r"|victims?|families|survivors?|responders?|era)\b)")
_ON_THE_WAY = re.compile(r"\s*(?:lead|advantage|up|ahead|down|at\s+(?:half-time|the\s+break"
                         r"|half\s+time))\b", re.I)
_BEFORE_A_LEAD = re.compile(r"\b(?:led|leading|trailed|trailing|trail)\s+$", re.I)


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
        if half or not (_ON_THE_WAY.match(sentence, m.end())
                        or _BEFORE_A_LEAD.search(sentence[:m.start()])):
            return m.span()
    return None
