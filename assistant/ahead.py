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
from functools import lru_cache

from .words import MONTH_NAME

__all__ = ["asks_ahead", "date_fit", "looks_back"]

_AHEAD = re.compile(r"^\W*(?:(?:and|so)\s+)?(?:when|what\s+(?:date|day|time)s?|on\s+what\s+"
                    r"(?:date|day))\s+(?:will|does|do|is|are|shall)\b|^\W*when['’]s\b", re.I)
# A date with its year, which the year places: "14 October 2025", "October 14, 2025",
# "in May 2024", "1998".
_DATED = re.compile(rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}\s+"
                    rf"|\b{MONTH_NAME}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?\b(?:19|20)\d\d\b")
# What says when without a year, which may be the news: "in May", "on 13 April", "this
# spring", "on Tuesdays", "later this year".
_UNDATED = re.compile(rf"\b(?:{MONTH_NAME}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|spring"
                      r"|summer|autumn|winter|today|tonight|tomorrow|(?:next|this|later\s+this)"
                      r"\s+(?:year|month|week|season|weekend))\b", re.I)


@lru_cache(maxsize=256)  # asked once per sentence read, of the same question
def asks_ahead(question: str) -> bool:
    """Does it ask when something will be, or is ("When does…start?", "What dates are…")?"""
    return _AHEAD.search(question) is not None


def looks_back(sentence: str, published: str | None) -> bool:
    """Are the sentence's dates all in years before `published` (ISO), and does it say when
    in no other way ("in May", "on 13 April", "this spring")?"""
    if not published or not published[:4].isdigit():
        return False
    years = [int(m.group()[-4:]) for m in _DATED.finditer(sentence)]
    if not years or _UNDATED.search(_DATED.sub(" ", sentence)):
        return False
    return max(years) < int(published[:4])


def date_fit(fit: float, kind: str, question: str, sentence: str, published: str | None
             ) -> float:
    """`evidence.answer_fit` of a sentence, as no date asked for where it only looks back."""
    if fit == 1.0 and kind == "date" and asks_ahead(question) and looks_back(sentence,
                                                                            published):
        return 0.5
    return fit
