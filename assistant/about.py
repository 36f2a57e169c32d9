"""Questions about an article itself: when it was updated, whose reporting it carries.

A news page says these things in lines of its own: "Updated 24 October 2024", "This article
includes reporting from The Associated Press", "Reporting by Jane Doe; Editing by John Roe".
Asked about them ("When was the article … last updated?"), the answer quotes that line of the
article the question is about, so the date or the agency is verified like any other quote. The
date in an answer's attribution is the article's metadata (often the first publication), not
what the page says of itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ASKS_AUTHOR", "AboutLine", "about_line", "is_about_line", "named_title"]

# "Who wrote it?", "the author of…": a credit line ("Reporting by Jane Doe") answers it.
ASKS_AUTHOR = re.compile(r"\bwho\s+(?:wrote|authored|is\s+the\s+(?:author|writer|reporter))\b"
                         r"|\bauthor\b|\bwriter\b|\bbyline\b|\breporter\b", re.I)
# What is asked about the article, and the line that states it; group "it" is the answer.
_ASPECTS = (
    # "When was it updated?", not "Which outlet published it?"
    (re.compile(r"^(?=.*\b(?:when|date|day|time)\b).*\b(?:updated|published|posted|dated"
                r"|modified)\b", re.I),
     re.compile(r"^[ \t]*(?:last[ \t]+)?(?:updated|published|posted|first[ \t]+published"
                r"|modified)(?:[ \t]+on)?[ \t]*:?[ \t]*(?P<it>[^\n]{0,40}?\b(?:19|20)\d\d\b"
                r"[^\n]{0,24}?)[ \t]*$", re.I | re.M)),
    (re.compile(rf"\b(?:news ?agency|agency|agencies|wire|reporting|reporters?|contributed"
                rf"|written by)\b|{ASKS_AUTHOR.pattern}", re.I),
     re.compile(r"^[ \t]*(?:(?:this|the)[ \t]+(?:article|story|report)[ \t]+(?:includes|contains"
                r"|has|uses)[ \t]+(?:reporting|information|material)[ \t]+(?:from|by)"
                r"|\(?(?:additional[ \t]+)?reporting[ \t]+by|written[ \t]+by)[ \t]+"
                r"(?P<it>(?-i:[A-Z0-9])[^\n;.]{1,79})[^\n]{0,80}$"
                r"|^[ \t]*(?P<by>[A-Z][^\n;.]{1,60}?)[ \t]+contributed[ \t]+to[ \t]+this"
                r"[ \t]+(?:article|story|report)\.?[ \t]*$"
                # "By Tomás Reyes | mountainherald.com | …", "By Marta Siwek, Staff Reporter"
                r"|^[ \t]*[*_]*[Bb][Yy][ \t]+(?P<byline>(?-i:(?!(?:Monday|Tuesday|Wednesday"
                r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
                r"|August|September|October|November|December)\b)[A-Z][\w.'’-]+(?:[ \t]+(?:de"
                r"|van|von|[A-Z][\w.'’-]+)){0,3}))[*_]*[ \t]*(?:\|[^\n]{0,80}|,(?-i:[ \t]+[A-Z]"
                r"[\w.'’-]*(?:[ \t]+[\w.'’-]+){0,4}))?[*_ \t]*$", re.I | re.M)),
)


_CONTRIBUTED = re.compile(r"\s*(?:this|the)\s+(?:article|story|report)\s+(?:includes|contains"
                          r"|has|uses)\b", re.I)
_QUOTED = re.compile(r"[\"“”]([^\"“”]{8,200})[\"“”]")


def named_title(question: str, titles: dict[str, str]) -> str | None:
    """The id of the article whose headline the question quotes ("the article headlined
    \"North Korea and Russia sign major defense treaty\""), if one of `titles` (id -> title)."""
    wanted = {_folded(m.group(1)) for m in _QUOTED.finditer(question)}
    return next((k for k, title in titles.items() if _folded(title) in wanted), None)


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


_VERB = re.compile(r"\b(updated|modified|published|posted)\b", re.I)


def _preferred(question: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Asked when it was published, the "Published" line, not the "Updated" one after it."""
    asked = _VERB.search(question)
    if asked is None:
        return found
    verb = asked.group(1).lower()[:4]
    same = [m for m in found if m.group().lstrip().lower().startswith(verb)]
    return same or found


@dataclass(frozen=True)
class AboutLine:
    """A line of the article (`start`/`end` into its text) and the answer inside it."""

    start: int
    end: int
    answer_start: int
    answer_end: int


def is_about_line(text: str) -> bool:
    """Is the text one of a page's lines about itself ("Updated 24 October 2024", "Reporting
    by Jane Doe")?"""
    return any(line.search(text) for _, line in _ASPECTS)


def about_line(question: str, text: str) -> AboutLine | None:
    """The article's own line answering a question about the article, or None (nothing asked
    about it that a line of this article states)."""
    for asked, line in _ASPECTS:
        if not asked.search(question):
            continue
        # The last such line: "Updated" lines follow "Published" ones, and a page's credits
        # come at its end, after any quoted material.
        found = _preferred(question, list(line.finditer(text)))
        if ASKS_AUTHOR.search(question):
            # "This article includes reporting from The Associated Press" names an agency
            # that contributed, not who wrote it.
            found = [m for m in found if not _CONTRIBUTED.match(m.group())]
        if found:
            m = found[-1]
            group = next(g for g in ("it", "by", "byline") if m.group(g) is not None)
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            return AboutLine(start, m.end(), m.start(group), m.end(group))
    return None
