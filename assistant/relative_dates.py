"""A relative date in a quote, counted from its article's date: in a report of Tuesday 28
January 2025, "next Monday" is 3 February 2025 and "next month" February 2025. Asked when, the
quote's words stay as the article wrote them, and the day they mean is said beside them, so
that a reader does not have to count.

Only phrases whose day is plain from the article's date alone: "yesterday", "today",
"tomorrow", "next/last/this Monday", "next/last week", "next/last/this month", "next/last/this
year". A bare weekday ("said on Tuesday", "will meet on Monday") means the one before or after
the article by its tense, which a rule reads too often wrongly: it is left as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["RELATIVE_DATE", "Resolved", "counted_from", "resolve"]

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DATE = re.compile(
    r"\b(?:yesterday|today|tomorrow"
    r"|(?:next|last|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:next|last)\s+week|(?:next|last|this)\s+(?:month|year))\b"
    r"(?![’']s)", re.I)  # "next year's budget" names a budget, not when


@dataclass(frozen=True)
class Resolved:
    """A relative phrase of a quote and the day (or month, or year) it means."""

    phrase: str
    means: str


def _weekday(word: str, which: str, published: date) -> date:
    """The weekday after the article's date ("next"), on or after it ("this"), or before it
    ("last")."""
    target, weekday = _DAYS.index(word), published.weekday()
    if which == "last":
        return published - timedelta(days=(weekday - target - 1) % 7 + 1)
    if which == "this":  # this very day, or the coming one
        return published + timedelta(days=(target - weekday) % 7)
    return published + timedelta(days=(target - weekday - 1) % 7 + 1)


def _month(published: date, step: int) -> str:
    month = published.month - 1 + step
    return f"{date(published.year + month // 12, month % 12 + 1, 1):%B %Y}"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _means(phrase: str, published: date) -> str:
    words = phrase.casefold().split()
    if len(words) == 1:
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[words[0]]
        return _day(published + timedelta(days=shift))
    which, unit = words
    if unit in _DAYS:
        return _day(_weekday(unit, which, published))
    step = {"next": 1, "last": -1, "this": 0}[which]
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return f"the week of {_day(monday)}"
    if unit == "month":
        return _month(published, step)
    return str(published.year + step)


def resolve(text: str, published: str | None) -> list[Resolved]:
    """Each relative phrase of the text (once) and what it means, counted from the article's
    date (ISO); none without a date."""
    if not published:
        return []
    day = date.fromisoformat(published)
    seen: dict[str, Resolved] = {}
    for m in RELATIVE_DATE.finditer(text):
        key = " ".join(m.group().casefold().split())
        seen.setdefault(key, Resolved(m.group(), _means(key, day)))
    return list(seen.values())


def counted_from(text: str, published: str | None) -> str | None:
    """The line saying what the text's relative dates mean: "By the article's date (28
    January 2025), “next Monday” is 3 February 2025."; None where it has none."""
    found = resolve(text, published)
    if not found or not published:
        return None
    said = "; ".join(f"“{r.phrase}” is {r.means}" for r in found)
    return f"By the article's date ({_day(date.fromisoformat(published))}), {said}."
