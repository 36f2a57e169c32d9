"""Page numbers for articles from paged documents (PDF).

A loader records where each page starts in the raw text; cleaning keeps some of its lines,
unchanged, in order. Here those page starts are carried over to the cleaned article's text, so a
quote's offsets tell its page. Stored with the article as a comma-separated string.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

__all__ = ["article_page_starts", "format_page_starts", "format_spans", "page_of",
           "parse_page_starts", "parse_spans"]


def page_of(page_starts: Sequence[int], offset: int) -> int | None:
    """The 1-based page holding `offset` of an article's text, or None for an unpaged one."""
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))


def _raw_line_pages(raw_text: str, raw_starts: Sequence[int]) -> list[tuple[str, int]]:
    """Each raw line with the page it stands on."""
    lines: list[tuple[str, int]] = []
    offset = 0
    for line in raw_text.split("\n"):
        lines.append((line, max(1, bisect.bisect_right(raw_starts, offset))))
        offset += len(line) + 1
    return lines


def article_page_starts(raw_text: str, raw_starts: Sequence[int], text: str) -> tuple[int, ...]:
    """Page starts in a cleaned article's `text`, whose lines are raw lines (stripped) kept in
    order. A page none of whose lines was kept starts where the next kept line does."""
    if not raw_starts:
        return ()
    raw = _raw_line_pages(raw_text, raw_starts)
    starts = [0]
    cursor, offset = 0, 0
    for line in text.split("\n"):
        j = cursor
        while j < len(raw) and line not in raw[j][0]:
            j += 1
        if j < len(raw):  # always, as cleaning only drops lines; else the page stays as it was
            cursor = j + 1
            while len(starts) < raw[j][1]:
                starts.append(offset)
        offset += len(line) + 1
    while len(starts) < len(raw_starts):
        starts.append(len(text))
    return tuple(starts)


def format_page_starts(page_starts: Sequence[int]) -> str | None:
    return ",".join(map(str, page_starts)) if page_starts else None


def parse_page_starts(value: object) -> tuple[int, ...]:
    if not value:
        return ()
    try:
        return tuple(int(v) for v in str(value).split(","))
    except ValueError:
        return ()  # a damaged record loses its page numbers, never its text


def format_spans(spans: Sequence[tuple[int, int]]) -> str | None:
    """Spans of an article's text (its marked captions) as stored: "120-188,940-1003"."""
    return ",".join(f"{a}-{b}" for a, b in spans) if spans else None


def parse_spans(value: object) -> tuple[tuple[int, int], ...]:
    if not value:
        return ()
    try:
        pairs = [part.split("-") for part in str(value).split(",")]
        return tuple((int(a), int(b)) for a, b in pairs)
    except ValueError:
        return ()  # a damaged record loses its marks, never its text
