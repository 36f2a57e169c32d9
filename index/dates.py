"""Published dates, read from metadata fields and from page lines such as
"Updated 24 October 2024"."""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["date_to_ordinal", "find_date_line", "parse_date"]

_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y",
    "%B %d %Y", "%b %d %Y", "%d/%m/%Y", "%A, %B %d, %Y", "%A %d %B %Y",
)
_ISO_PREFIX = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# A page line that only states when the article was published or updated.
_DATE_LINE = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first published)(?:\s+on)?\s*:?\s*(?P<d>.{6,40}?)"
    r"(?:\s*[-,|]?\s*\d{1,2}:\d{2}.*)?$",
    re.IGNORECASE,
)


def parse_date(text: str | None) -> str | None:
    """Normalise a date string to ISO `YYYY-MM-DD`, or None when it is not a date we know."""
    if not text:
        return None
    value = " ".join(text.strip().split()).rstrip(".")
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def find_date_line(line: str) -> str | None:
    """The ISO date of a line like "Updated 24 October 2024 12:31", else None."""
    match = _DATE_LINE.match(line.strip())
    return parse_date(match.group("d")) if match else None


def date_to_ordinal(iso: str | None) -> int | None:
    """Days since 0001-01-01, a number Chroma can filter on with $gte/$lte."""
    return date.fromisoformat(iso).toordinal() if iso else None
