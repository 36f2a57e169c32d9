"""A page's standfirst, its lead photo's caption and a review's rating, between its headline and
its story's first paragraph, where trafilatura leaves them out: it takes a story's body alone
where the page wraps head and body in no <article> (`<div class="article-body">`), and drops an
element its class names a rating. Each can say what the story does not ("Colin Ashdown used
fake invoices from a shell company…", "★★★★☆ (4 out of 5)"). Only an element named for what
it is is put back: between a headline and its story a page also prints bylines, share bars and
affiliate notices."""

from __future__ import annotations

import re
from typing import Any

from ..dates import find_date_line
from ..pagehead import is_byline
from .common import squeeze

__all__ = ["with_lead"]

# An element named for a standfirst ("summary", "standfirst", "dek", "subtitle"), or for a
# review's rating, by its class or id.
_STANDFIRST = re.compile(r"(?:^|[\s_-])(?:standfirst|summary|dek|subtitle|sub-?head(?:line)?"
                         r"|strapline|lede|intro|excerpt)(?:$|[\s_-])", re.I)
_RATING = re.compile(r"(?:^|[\s_-])(?:rating|score|stars?)(?:$|[\s_-])", re.I)
# What a reviewer's rating says: stars, or "4 out of 5", "8/10".
_RATED = re.compile(r"[★☆]|\b\d(?:\.\d)?\s*(?:out of|/)\s*(?:5|10)\b")
_STANDFIRST_WORDS = 5  # fewer is a label ("Analysis"), not a standfirst
_STANDFIRST_MAX = 80  # more is the story's own text
_RATING_WORDS = 12  # "Our rating: ★★★★☆ (4 out of 5)"; more is a sentence about ratings
_FIRST_WORDS = 8  # the story's first paragraph, as trafilatura's text has it, is this long
# A heading under the headline and above the story's first paragraph is a standfirst by its
# place, named or not: a tester's heatwave page printed "Health officials urge people to check
# on elderly neighbours as hot spell expected to last four days" as a bare <h3>, which
# trafilatura left out. The story's own subheadings come after its first paragraph.
_SUBHEADS = frozenset({"h2", "h3", "h4"})


def with_lead(html: str, headline: str | None, text: str) -> str:
    """trafilatura's `text` with the standfirst, rating and lead caption it left out put back,
    under the headline where the text opens with it."""
    lines = text.splitlines()
    found = [t for t in _lead(html, headline, lines) if t not in lines]
    if not found:
        return text
    at = 1 if lines and headline and lines[0] == squeeze(headline) else 0
    return "\n".join([*lines[:at], *found, *lines[at:]])


def _lead(html: str, headline: str | None, lines: list[str]) -> list[str]:
    """The texts of the named elements between the headline's <h1> and the story's first
    paragraph, in the page's order."""
    import lxml.html

    if not headline:
        return []
    first = next((ln for ln in lines if len(ln.split()) >= _FIRST_WORDS
                  and ln != squeeze(headline)), None)
    if first is None:
        return []
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    order = list(root.iter())
    top = next((n for n, el in enumerate(order) if el.tag == "h1"
                and squeeze(el.text_content()) == squeeze(headline)), None)
    end = next((n for n, el in enumerate(order) if el.tag == "p"
                and squeeze(el.text_content()) == first), None)
    if top is None or end is None or end < top:
        return []
    # Not an element holding the story ("<div class="intro">" around it all)
    holding = set(order[end].iterancestors())
    found = [squeeze(el.text_content()) for el in order[top + 1:end]
             if el not in holding and _a_lead(el)]
    return list(dict.fromkeys(found))


def _a_lead(el: Any) -> bool:
    """A caption, a standfirst's few sentences (named so, or a heading of no class), or a
    rating."""
    if not isinstance(el.tag, str):
        return False
    if el.tag == "figcaption":
        return True
    named = f"{el.get('class', '')} {el.get('id', '')}"
    words = el.text_content().split()
    if _STANDFIRST.search(named):
        return _STANDFIRST_WORDS <= len(words) <= _STANDFIRST_MAX
    if el.tag in _SUBHEADS and not named.strip():
        # a byline or a date line set as a heading is the page's head, not its standfirst
        text = squeeze(el.text_content())
        return (_STANDFIRST_WORDS <= len(words) <= _STANDFIRST_MAX and not is_byline(text)
                and not find_date_line(text, alone=True))
    return bool(_RATING.search(named) and _RATED.search(el.text_content())
                and len(words) <= _RATING_WORDS)
