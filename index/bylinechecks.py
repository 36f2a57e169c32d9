"""Checks on a byline without its "By" (`pagehead.bare_byline`): whether a name with a role is
the reporter's, or the person the story is about ("Ciara Walsh, Executive Producer, at Lyric
Theatre" over "Ciara Walsh has spent ten years…", "Margaret Hale" / "Journalist" over "Born 3
March 1940; died…"), whom a review found read as the page's author."""

from __future__ import annotations

import re

__all__ = ["FILING_ROLE", "REPORTER_ROLE", "about_the_name"]

# A reporter's role, filing from a place ("Golf Correspondent, at Ballyvara Links"): an editor
# of a desk ("Sports Editor"), not a producer, a critic or an editor alone.
FILING_ROLE = re.compile(r"(?:\b(?:correspondent|reporter|writer)|\w\s+editor)s?$", re.I)
# A reporter's role on a line of its own, under the name ("Dilys Brangwyn" / "Reporter").
REPORTER_ROLE = re.compile(r"\b(?:correspondent|reporter)s?$", re.I)
# A life's dates under a name ("Born 3 March 1940; died 12 May 2026", "(1940-2026)").
_LIFE_DATES = re.compile(r"^\W*(?:born\b|b\.\s|\d{4}\s*[-–—]\s*\d{4}\b)", re.I)
# A page about a death or a life ("Obituary: veteran of the Belfast newsroom").
_OBITUARY = re.compile(r"\b(?:obituar(?:y|ies)|tributes?|in\s+memoriam|has\s+died|dies)\b",
                       re.I)
_STORY_LINES = 5


def about_the_name(lines: list[str], i: int, name: str) -> bool:
    """Is the story about the name on line `i` rather than by it: one of the story's first
    lines opens with the name (reporters rarely name themselves), a life's dates stand under
    it, or the page is an obituary or a tribute?"""
    below = [line.strip("*_ \t") for line in lines[i + 1:i + 1 + _STORY_LINES]]
    return (any(line.startswith(name) for line in below)
            or any(_LIFE_DATES.match(line) for line in below[:2])
            or any(_OBITUARY.search(line) for line in lines[:i]))
