"""Published dates, read from metadata fields and from page lines such as
"Updated 24 October 2024"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["DateReading", "date_to_ordinal", "find_date_line", "parse_date", "read_date",
           "source_date_line", "without_date_lines"]

_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y",
    "%B %d %Y", "%b %d %Y", "%A, %B %d, %Y", "%A %d %B %Y",
)
_ISO_PREFIX = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# What may follow an ISO date: a time of day and a time zone, each checked for range.
_ISO_TIME = re.compile(
    r"^(?:[T ](?P<h>\d{2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?)?\s*"
    r"(?:Z|UTC|GMT|(?P<zh>[+-]\d{2}):?(?P<zm>\d{2}))?$", re.I)
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_FIX = "write dates as YYYY-MM-DD, e.g. 2024-10-24"
# A page line that only states when the article was published or updated.
_DATE_LINE = re.compile(
    # a byline or an outlet before a bar ("By usatoday.com | Published 2025-02-18", "By Jane
    # Doe | herald.com | Published 2025-02-18", "Riverton Daily Press | Published …") is the
    # page's too
    r"^(?:(?!\s*(?:last\s+)?(?:updated|published|posted|first\s+published|date)\b)"
    r"[^|]{1,60}?\s*\|\s*(?:[^|]{1,60}?\s*\|\s*)?)?"
    r"(?:(?:last\s+)?updated|published|posted|first published|date)(?:\s+on)?\s*:?\s*"
    r"(?P<d>.{6,60}?)"
    # a time after the date, its zone, and whatever follows a bar ("| Updated …", "| Filed
    # under: Politics"), a time or none ("Published: 10 February 2026 | Updated: 10 February
    # 2026 16:05" was a tester's sentence, ranked first for "How big is the reward?"): not a
    # sentence going on after it
    r"(?:\s*[-,|]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{1,5}\b)?\.?)?"
    r"(?:\s*\|.*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateReading:
    """A date string read: its ISO date (None when unreadable) and, when it was unreadable or
    could be read two ways, a note saying how it was read and how to write it instead."""

    iso: str | None
    note: str | None = None


def parse_date(text: str | None) -> str | None:
    """Normalise a date string to ISO `YYYY-MM-DD`, or None when it is not a date we know."""
    return read_date(text).iso


def read_date(text: str | None) -> DateReading:
    """`parse_date`, saying why a date was refused and how an ambiguous one ("01/02/2024") was
    read: day first, as in most of the world's news; month first only when the day is > 12."""
    if not text or not text.strip():
        return DateReading(None)
    value = " ".join(text.strip().split()).rstrip(".")
    match = _ISO_PREFIX.match(value)
    if match:
        return _iso(value, match)
    numeric = _NUMERIC.match(value)
    if numeric:
        return _numeric(value, *(int(g) for g in numeric.groups()))
    for fmt in _FORMATS:
        try:
            return DateReading(datetime.strptime(value, fmt).date().isoformat())
        except ValueError:
            continue
    try:  # RFC 2822, as in RSS feeds and e-mail: "Tue, 02 Jan 2024 10:00:00 +0000"
        return DateReading(parsedate_to_datetime(value).date().isoformat())
    except (TypeError, ValueError, IndexError):
        return DateReading(None, f"{text!r} is not a date newsqa can read; {_FIX}")


def _iso(value: str, match: re.Match[str]) -> DateReading:
    time = _ISO_TIME.match(value[match.end():])
    try:
        day = date(*(int(g) for g in match.groups()))
    except ValueError:
        return DateReading(None, f"{value!r} is not a real date; {_FIX}")
    if time is None or not _in_range(time):
        rest = value[match.end():].strip()
        return DateReading(None, f"{value!r} has {rest!r} after the date, which is not a "
                           f"possible time of day or time zone; {_FIX} or 2024-10-24T13:05:00Z")
    return DateReading(day.isoformat())


def _in_range(time: re.Match[str]) -> bool:
    def num(name: str) -> int:
        return int(time.group(name) or 0)

    return (num("h") <= 23 and num("m") <= 59 and num("s") <= 60
            and abs(num("zh")) <= 14 and num("zm") <= 59)


def _numeric(value: str, first: int, second: int, year: int) -> DateReading:
    day, month = (second, first) if second > 12 >= first else (first, second)
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return DateReading(None, f"{value!r} is not a real date; {_FIX}")
    if first <= 12 and second <= 12 and first != second:
        other = date(year, day, month).isoformat()
        return DateReading(iso, f"{value!r} could be {iso} or {other}; read day first as "
                           f"{iso}. If it means {other}, {_FIX}")
    return DateReading(iso)


# The time some pages print before the date: "Updated 10:31 AM EDT, Thu October 24, 2024".
_LEADING_TIME = re.compile(
    r"^\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:(?:UTC|GMT|BST|CES?T|IST|JST|KST|HKT|SGT|AE[SD]T"
    r"|[ECMP][SD]?T)\b)?,?\s*"
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)?", re.I)
MAX_DATE_WORDS = 8  # "10:31 AM EDT, Wednesday, October 23, 2024" has 6
# Markdown's emphasis around a word or a line ("*usatoday.com*", "_March 19, 2025_").
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
# "source, date": the source has no mark that could part it from the date, the date no bar.
_SOURCE_DATE = re.compile(
    r"^(?P<o>[^,|·—–:]{2,60}?)\s*(?:,|\||·|—|–|\s-\s)\s*(?P<d>[^|·—–]{6,60})$")
_MAX_SOURCE_WORDS = 6
_MONTH_ABBREVIATION = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.")


def find_date_line(line: str, alone: bool = False) -> str | None:
    """The ISO date of a line like "Updated 24 October 2024 12:31", "Updated 10:31 AM EDT,
    Thu Oct. 24, 2024" or "Date: 2025-02-18", else None. `alone`: a line that is a date and
    nothing else ("February 18, 2025") too, which only under a title is the page's own (in a
    story's text it is a timeline's entry, say)."""
    match = _DATE_LINE.match(line.strip())
    if match is None:
        if not alone:
            return None
        bare = _EMPHASIS.sub("", line).strip()
        if len(bare.split()) <= MAX_DATE_WORDS and (found := parse_date(bare)):
            return found
        byline = source_date_line(bare)
        return byline[1] if byline else None
    found = match.group("d")
    if len(found.split()) > MAX_DATE_WORDS:  # a sentence going on (the RFC 2822 parser would
        return None                          # read "Oct 3, 2024 10:30 and then…" as a date)
    return parse_date(found) or _page_day(_LEADING_TIME.sub("", found, count=1))


def _page_day(text: str) -> str | None:
    """A date as pages abbreviate it: "Oct. 24, 2024", "Sept 3, 2024"."""
    return parse_date(_MONTH_ABBREVIATION.sub(r"\1", text).replace("Sept ", "Sep "))


def source_date_line(line: str) -> tuple[str, str] | None:
    """(source, ISO date) of a byline that is a source and a date and nothing else, as saved
    Markdown pages print them under the title: "*usatoday.com*, 2025-03-19", "Reuters | March
    19, 2025". Only under a title is such a line the page's own (`find_date_line`'s `alone`)."""
    match = _SOURCE_DATE.match(_EMPHASIS.sub("", line).strip())
    if match is None or len(match.group("o").split()) > _MAX_SOURCE_WORDS:
        return None
    when = match.group("d")
    if len(when.split()) > MAX_DATE_WORDS:
        return None
    iso = parse_date(when) or _page_day(when)
    return (match.group("o").strip(), iso) if iso else None


def without_date_lines(text: str) -> str:
    """The text without a page's own date lines, for what reads the story rather than the page
    (its names, a chat model's sources)."""
    return "\n".join(ln for ln in text.split("\n") if find_date_line(ln) is None)


def date_to_ordinal(iso: str | None) -> int | None:
    """Days since 0001-01-01, a number Chroma can filter on with $gte/$lte."""
    return date.fromisoformat(iso).toordinal() if iso else None
