"""Follow-ups about the last answer itself, answered by the article it quoted first.

- Where it came from: "Which outlet reported that?", "Who wrote it?", "When was that article
  published?". Searched as questions of their own, such words match nothing ("no article seems
  to be about this") or a stray credit line of another story. The article answers: its own
  line where it says it ("Reporting by Jane Doe", "Updated 24 October 2024"), else its record
  (outlet, date, author), shown beside the quote again so that the user sees which article is
  meant.
- What came next: "What did he say next?", "What happened after that?". Searched, they find
  the very sentence just shown again. The article's next sentence answers, as what the article
  goes on to say: whose words it holds is for the reader to see, not for us to claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index import Article, NewsIndex, find_date_line, sentence_spans
from index.sentence_vectors import MIN_SENTENCE_CHARS

from .about import about_line, is_about_line
from .article_record import ASKS_AUTHOR, record_answer
from .citing import CitationList
from .compose import ABSTAIN_TEXT
from .extractive import ExtractiveDraft
from .quotes import enquote, verify_quote
from .retrieval import retrieve
from .types import Message, ShortAnswer

__all__ = ["LastAnswerReply", "asks_for_source", "asks_what_next", "reply_about_last"]

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
_SOURCE_NOTE = "answered from the article the last answer quoted"
# "What did he say next?", "What happened after that?", "And then?", "How does it go on?"
_NEXT = re.compile(r"\b(?:next|after\s+that|afterwards|then)\W*$|\bg(?:o|oes|oing|went)\s+on\b",
                   re.I)
# Asked what someone said next, a next sentence that quotes or reports no one is said to be so.
_ASKS_SPEECH = re.compile(r"\b(?:say|says|said|tell|told|add|added|reply|replied)\b", re.I)
_SPEECH = re.compile(r"[\"“”]|\b(?:says|said|added|adds|told|tells|according to|stated|warned"
                     r"|noted|replied|wrote)\b", re.I)
# The first quotation of an answer's text, with its citation mark.
_QUOTED = re.compile(r"“([^“”]{12,})”\s*\[\d+\]")


def asks_for_source(question: str) -> bool:
    """Does the question ask where what was just said came from (its outlet, author or date)?"""
    return bool(_ASKS.search(question) and _BACK.search(question))


def asks_what_next(question: str) -> bool:
    """Does the question ask what the article says after what was just quoted?"""
    return bool(_NEXT.search(question)) and len(question.split()) <= 8


@dataclass(frozen=True)
class LastAnswerReply:
    draft: ExtractiveDraft
    abstained: bool  # the article (or its record) does not hold what was asked
    note: str


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


def reply_about_last(question: str, history: Sequence[Message], index: NewsIndex
                     ) -> LastAnswerReply | None:
    """The answer to a follow-up about the last answer itself (where it came from, what came
    next), or None: not such a question, or no quote of the last answer found in the index."""
    source, following = asks_for_source(question), asks_what_next(question)
    if not (source or following):
        return None
    quote = _last_quote(history)
    located = _quoted_article(index, quote) if quote else None
    if located is None:
        return None
    if following:
        return _next_sentence(question, *located)
    return _source(question, *located)


def _next_sentence(question: str, article: Article, start: int, end: int) -> LastAnswerReply:
    """The article's first sentence after the quote (a caption or the page's own line is not
    the story going on)."""
    cites = CitationList()
    note = "answered with the article's next sentence after the last answer's quote"
    for a, b in sentence_spans(article.text):
        sentence = article.text[a:b]
        if (a >= end and len(sentence) >= MIN_SENTENCE_CHARS and find_date_line(sentence) is None
                and not is_about_line(sentence)):
            n = cites.cite(article, a, b)
            unsaid = _ASKS_SPEECH.search(question) and not _SPEECH.search(sentence)
            how = ", quoting no one" if unsaid else ""
            text = f"{enquote(article.title)} goes on{how}: {enquote(sentence)} [{n}]"
            return LastAnswerReply(ExtractiveDraft(text, cites.items), False, note)
    n = cites.cite(article, start, end)
    text = (f"{ABSTAIN_TEXT}: the article says nothing after that. Its last sentence of the "
            f"story was the one quoted: {enquote(article.text[start:end])} [{n}]")
    return LastAnswerReply(ExtractiveDraft(text, cites.items), True, note)


def _source(question: str, article: Article, start: int, end: int) -> LastAnswerReply:
    """Where the quote came from: the article's own line saying it, else its record."""
    # "Who wrote it?" is what a credit line ("Reporting by Jane Doe") answers.
    own = about_line(f"{question} (reporting)" if ASKS_AUTHOR.search(question) else question,
                     article.text)
    if own is not None:
        return LastAnswerReply(_own_line(article, own.start, own.end, own.answer_start,
                                         own.answer_end), False, _SOURCE_NOTE)
    record = record_answer(question, article, start, end)
    return LastAnswerReply(record.draft, not record.stated, _SOURCE_NOTE)


def _own_line(article: Article, start: int, end: int, answer_start: int, answer_end: int
              ) -> ExtractiveDraft:
    cites = CitationList()
    n = cites.cite(article, start, end)
    text = article.text[answer_start:answer_end]
    quoted = f"{enquote(article.text[start:end])} [{n}]"
    return ExtractiveDraft(f"{text} — {quoted} ({enquote(article.title)})", cites.items,
                           ShortAnswer(text, n, answer_start, answer_end))
