"""A question about what is coming is not answered by a date the story looks back to.

"When does the Kingsmead Bridge closure start?" over a report of 2026 was answered "2004",
from "The bridge last closed for major work in 2004"; "What dates are the drivers striking?"
with "Drivers last walked out on 14 October 2025"; "When will inspectors be back?" with who
"became headteacher in September 2024". Asked when something will be or is, a sentence whose
every date lies in a year before its article's does not carry the date asked for: its years
are background. A sentence with a day and no year ("from Monday 13 April") may be the news.
"""

from __future__ import annotations

import re

__all__ = ["asks_ahead", "date_fit", "looks_back"]

_AHEAD = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:when|what\s+(?:date|day|time)s?|on\s+what\s+"
                    r"(?:date|day))\s+(?:will|does|do|is|are|shall)\b|^\W*when['’]s\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
# A day of a month, and its year where the sentence gives one: "14 October 2025",
# "October 14, 2025", "Monday 13 April".
_DAY = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd"
                  rf"|th)?)\b(?P<year>,?\s+(?:19|20)\d\d)?")
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
                      r"|today|tomorrow|tonight|next\s+(?:week|month))\b")


def asks_ahead(question: str) -> bool:
    """Does it ask when something will be, or is ("When does…start?", "What dates are…")?"""
    return _AHEAD.search(question) is not None


def looks_back(sentence: str, published: str | None) -> bool:
    """Are the sentence's dates all in years before `published` (ISO), none a day without
    its year?"""
    if not published or not published[:4].isdigit():
        return False
    years = [int(y) for y in _YEAR.findall(sentence)]
    if not years or _WEEKDAY.search(sentence):
        return False
    if any(m.group("year") is None for m in _DAY.finditer(sentence)):
        return False
    return max(years) < int(published[:4])


def date_fit(fit: float, kind: str, question: str, sentence: str, published: str | None
             ) -> float:
    """`evidence.answer_fit` of a sentence, as no date asked for where it only looks back."""
    if fit == 1.0 and kind == "date" and asks_ahead(question) and looks_back(sentence,
                                                                            published):
        return 0.5
    return fit
