"""A time of day asked for: "At what time did Halcyon-2 lift off?" is answered "06:14" of
"…reached orbit on Wednesday, lifting off … at 06:14 local time", not the reader's
"Wednesday" (a day answers "when", not "what time")."""

from __future__ import annotations

import re

__all__ = ["clock_time"]

_ASKS_TIME = re.compile(r"\bwhat\s+time\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
                    r"|\b(?:noon|midday|midnight)\b", re.I)


def clock_time(question: str, sentence: str) -> tuple[int, int] | None:
    """Asked what time, the one time of day the sentence gives (sentence offsets), or None
    where it gives none or several."""
    if not _ASKS_TIME.search(question):
        return None
    found = [m.span() for m in _CLOCK.finditer(sentence)
             if not re.match(r"\d{1,2}\.\d{2}\b", m.group()) or _A_TIME_AFTER.match(
                 sentence, m.end())]
    return found[0] if len(found) == 1 else None


# "6.30" is a time only before "am", "pm" or "local time" ("1.50" alone is a price or a score).
_A_TIME_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|local\s+time|GMT|UTC|BST|CET)", re.I)
