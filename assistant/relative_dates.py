"""Dates as an answer says them: an article's date ("24 October 2024"), and a relative date in a
quote counted from it. In a report of Tuesday 28 January 2025, "next Monday" is 3 February 2025
and "next month" February 2025. Asked when, the quote's words stay as the article wrote them,
and the day they mean is said beside them, so that a reader does not have to count.

Only phrases whose day is plain from the article's date alone: "yesterday", "today",
"tomorrow", "next/last Monday", "this Monday" on a Monday, "next/last week", "next/last/this
month", "next/last/this year". Left as written: a bare weekday ("said on Tuesday", "will meet
on Monday") and "this Thursday" in a Tuesday's report, which mean the day before or after by
their tense, and rolling periods ("over the last year", "in the next month"), which are no
calendar unit. "Today" inside a sentence is a name ("the Today programme", "USA Today").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .words import WEEKDAY_NAME

__all__ = ["RELATIVE_DATE", "Resolved", "counted_from", "human_date", "resolve"]

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DATE = re.compile(
    r"(?:\b(?:yesterday|today|tomorrow)|^(?:Yesterday|Today|Tomorrow))\b"
    rf"|\b(?:[Nn]ext|[Ll]ast|[Tt]his)\s+{WEEKDAY_NAME}\b"
    # Not a rolling period: "over the last year", "in the past week", "the next month".
    r"|(?<!\bthe\s)(?<!\bpast\s)\b(?:[Nn]ext|[Ll]ast)\s+week\b"
    r"|(?<!\bthe\s)(?<!\bpast\s)\b(?:[Nn]ext|[Ll]ast|[Tt]his)\s+(?:month|year)\b(?![’']s)")
# ("next year's budget" names a budget, not when.)


@dataclass(frozen=True)
class Resolved:
    """A relative phrase of a quote and the day (or month, or year) it means."""

    phrase: str
    means: str


def human_date(iso: str | None) -> str | None:
    """"2024-10-24" -> "24 October 2024"; "9 January 2026", as most articles write it (some
    pages print "09 January 2026" on their own date line, which is quoted as it stands)."""
    if not iso:
        return None
    return _day(date.fromisoformat(iso))


def _day(day: date) -> str:
    """"24 October 2024"."""
    return f"{day.day} {day:%B %Y}"


def _weekday(word: str, which: str, published: date) -> date | None:
    """The weekday after the article's date ("next"), before it ("last"), or the article's own
    day ("this", else None: this Thursday in a Tuesday's report is past or to come by tense)."""
    target, weekday = _DAYS.index(word), published.weekday()
    if which == "last":
        return published - timedelta(days=(weekday - target - 1) % 7 + 1)
    if which == "this":
        return published if target == weekday else None
    return published + timedelta(days=(target - weekday - 1) % 7 + 1)


def _month(published: date, step: int) -> str:
    """The month `step` months from the article's, as "February 2025"."""
    month = published.month - 1 + step
    return f"{date(published.year + month // 12, month % 12 + 1, 1):%B %Y}"


def _means(phrase: str, published: date) -> str | None:
    """What a relative phrase (casefolded, single-spaced) means from the article's date."""
    words = phrase.split()
    if len(words) == 1:
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[words[0]]
        return _day(published + timedelta(days=shift))
    which, unit = words
    if unit in _DAYS:
        day = _weekday(unit, which, published)
        return None if day is None else _day(day)
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
        if key not in seen and (means := _means(key, day)) is not None:
            seen[key] = Resolved(m.group(), means)
    return list(seen.values())


def counted_from(text: str, published: str | None) -> str | None:
    """The line saying what the text's relative dates mean: "By the article's date (28
    January 2025), “next Monday” is 3 February 2025."; None where it has none."""
    found = resolve(text, published)
    if not found:
        return None
    said = "; ".join(f"“{r.phrase}” is {r.means}" for r in found)
    return f"By the article's date ({human_date(published)}), {said}."
