"""A time of day asked for: "At what time did Halcyon-2 lift off?" is answered "06:14" of
"…reached orbit on Wednesday, lifting off … at 06:14 local time", not the reader's
"Wednesday" (a day answers "when", not "what time")."""

from __future__ import annotations

import re

from .words import asking_terms, terms

__all__ = ["clock_time"]

# "What time did…?", not "What time of year…?" nor "What time frame…?".
_ASKS_TIME = re.compile(r"\bwhat\s+time\b(?!\s+(?:of|frame|period|limit|scale|zone)\b)", re.I)
_MERIDIEM = r"(?:[ap]\.m\.|[ap]m\b)"  # "p.m." with its last dot, "pm" without one
_CLOCK = re.compile(rf"\b\d{{1,2}}[:.]\d{{2}}(?:\s*{_MERIDIEM})?|\b\d{{1,2}}\s*{_MERIDIEM}"
                    r"|\b(?:noon|midday|midnight)\b", re.I)
# "6.30" is a time only before "am", "pm" or "local time" ("1.50" alone is a price or a score).
_A_TIME_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|local\s+time|GMT|UTC|BST|CET)", re.I)
# Where the clause holding the time starts: what it says happened then.
_CLAUSE_START = re.compile(r"[,;:]|\b(?:and|but|while|when|after|before)\b", re.I)


def clock_time(question: str, sentence: str, read: tuple[int, int] | None = None
               ) -> tuple[int, int] | None:
    """Asked what time, the one time of day the sentence gives (sentence offsets), in a clause
    holding a word of the question ("lifting off … at 06:14" for "lift off"; not "counting
    began at midnight" for when polls closed); None where the reader's span `read` holds a
    time already, or the sentence gives none or several."""
    if not _ASKS_TIME.search(question):
        return None
    found = [m for m in _CLOCK.finditer(sentence)
             if not re.match(r"\d{1,2}\.\d{2}\b(?!\s*[ap])", m.group())
             or _A_TIME_AFTER.match(sentence, m.end())]
    if len(found) != 1 or (read and any(read[0] <= m.start() < read[1] for m in found)):
        return None
    asked = set(terms(question)) - asking_terms() - {"time"}
    starts = [c.end() for c in _CLAUSE_START.finditer(sentence, 0, found[0].start())]
    clause = sentence[starts[-1] if starts else 0:found[0].start()]
    return found[0].span() if asked & set(terms(clause)) else None
