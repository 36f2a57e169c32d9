"""Follow-ups about where the last answer came from: "Which outlet reported that?", "Who wrote
it?", "When was that article published?".

Searched as a question of their own, such words match nothing ("no article seems to be about
this") or a stray credit line of another story. What is asked about is the article the last
answer quoted first, so that article answers: its own line where it says it ("Reporting by Jane
Doe", "Updated 24 October 2024"), else its record (outlet, date, author), shown beside the
quote again so that the user sees which article is meant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index import Article, NewsIndex, find_date_line

from .about import about_line, is_about_line
from .citing import CitationList
from .extractive import ExtractiveDraft, human_date
from .quotes import enquote, verify_quote
from .retrieval import retrieve
from .types import Message, ShortAnswer

__all__ = ["SourceAnswer", "asks_for_source", "source_answer"]

_ASKS = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:"
    r"(?:which|what)(?:'s|’s|\s+is|\s+was)?\s+(?:the\s+)?(?:outlet|newspaper|paper|publication"
    r"|site|website|channel|network|news\s+(?:site|outlet|organi[sz]ation|agency)|agency"
    r"|source|article|story|report|author|writer|reporter|byline)s?\b"
    r"|who\s+(?:reported|published|wrote|authored|ran|broke|is\s+the\s+(?:author|writer"
    r"|reporter))\b"
    r"|where\s+(?:is|was|did|does)\s+(?:that|this|it)\b.*\b(?:from|come|appear|reported"
    r"|published)\b"
    r"|when\s+was\s+(?:that|this|it|the\s+(?:article|story|report|piece))\b.*\b(?:published"
    r"|written|posted|reported|out|updated)\b)", re.I)
# The question points at what was just shown: "that", "it", "the article" at its end (a "that"
# opening a clause, "reported that the ceasefire collapsed", asks something new).
_BACK = re.compile(
    r"\b(?:that|this|it|the\s+(?:article|story|report|piece|quote|figure|claim))\b"
    r"(?:\s+(?:article|story|report|piece|quote|figure|claim|first|originally|in|from|on"
    r"|published|reported|written|posted|out|updated|come|appear|appeared))*\W*$"
    r"|\bsources?\b|\bauthor\b|\bwriter\b|\bbyline\b", re.I)
_DATE = re.compile(r"\bwhen\b|\bdate\b|\bday\b", re.I)
_AUTHOR = re.compile(r"\bwho\s+(?:wrote|authored|is\s+the\s+(?:author|writer|reporter))\b"
                     r"|\bauthor\b|\bwriter\b|\bbyline\b|\breporter\b", re.I)
# The first quotation of an answer's text, with its citation mark.
_QUOTED = re.compile(r"“([^“”]{12,})”\s*\[\d+\]")


def asks_for_source(question: str) -> bool:
    """Does the question ask where what was just said came from (its outlet, author or date)?"""
    return bool(_ASKS.search(question) and _BACK.search(question))


@dataclass(frozen=True)
class SourceAnswer:
    draft: ExtractiveDraft
    abstained: bool  # the record does not hold what was asked


def _quoted_article(index: NewsIndex, quote: str) -> tuple[Article, int, int] | None:
    """The article holding the quote, and where: the quote itself is the best query for it."""
    found = retrieve(index, quote, k=5)
    # A quote shown with its inner marks made single (`enquote`) matches its sentence only
    # nearly: the nearest sentence then, as quotes are verified.
    matches = [(not m.exact, n, article, m) for n, article in enumerate(found.articles.values())
               for m in verify_quote(quote, article.text)[:1]]
    if not matches:
        return None
    _, _, article, best = min(matches, key=lambda t: t[:2])
    return article, best.start, best.end


def _last_quote(history: Sequence[Message]) -> str | None:
    """The first quote of the latest answer that quotes the story: an answer to an earlier
    "When was it published?" quotes only the page's line about itself, and is about the same
    article as the answer before it."""
    for message in reversed(history):
        if message["role"] != "assistant":
            continue
        quotes = [m.group(1) for m in _QUOTED.finditer(message["content"])]
        story = [q for q in quotes if find_date_line(q) is None and not is_about_line(q)]
        if story:
            return story[0]
    return None


def source_answer(question: str, history: Sequence[Message], index: NewsIndex
                  ) -> SourceAnswer | None:
    """The answer to a follow-up asking where the last answer came from, or None (not such a
    question, or no quote of the last answer to be found in the index)."""
    if not asks_for_source(question):
        return None
    quote = _last_quote(history)
    located = _quoted_article(index, quote) if quote else None
    if located is None:
        return None
    article, start, end = located
    # "Who wrote it?" is what a credit line ("Reporting by Jane Doe") answers.
    own = about_line(f"{question} (reporting)" if _AUTHOR.search(question) else question,
                     article.text)
    if own is not None:
        return SourceAnswer(_own_line(article, own.start, own.end, own.answer_start,
                                      own.answer_end), False)
    return _from_record(question, article, start, end)


def _own_line(article: Article, start: int, end: int, answer_start: int, answer_end: int
              ) -> ExtractiveDraft:
    cites = CitationList()
    n = cites.cite(article, start, end)
    text = article.text[answer_start:answer_end]
    quoted = f"{enquote(article.text[start:end])} [{n}]"
    return ExtractiveDraft(f"{text} — {quoted} ({enquote(article.title)})", cites.items,
                           ShortAnswer(text, n, answer_start, answer_end))


def _from_record(question: str, article: Article, start: int, end: int) -> SourceAnswer:
    """What the article's record says of the asked aspect, beside the quote it is about."""
    cites = CitationList()
    n = cites.cite(article, start, end)
    quote = f"{enquote(article.text[start:end])} [{n}]"
    if _DATE.search(question):
        asked, value = "when it was published", human_date(article.published)
    elif _AUTHOR.search(question):
        asked, value = "who wrote it", article.author
    else:
        asked, value = "which outlet published it", article.outlet
    if value is None:
        text = (f"Neither the article nor its record says {asked}. The quote is from "
                f"{_named(article)}: {quote}")
        return SourceAnswer(ExtractiveDraft(text, cites.items), True)
    lead = {"when it was published": f"Published {value}",
            "who wrote it": f"By {value}"}.get(asked, value)
    named = _named(article, outlet=asked != "which outlet published it")
    return SourceAnswer(ExtractiveDraft(f"{lead}: {named}, which says {quote}", cites.items),
                        False)


def _named(article: Article, outlet: bool = True) -> str:
    """“Title” (Outlet, 24 October 2024), with what the record has."""
    bits = [b for b in (article.outlet if outlet else None, human_date(article.published)) if b]
    return enquote(article.title) + (f" ({', '.join(bits)})" if bits else "")
