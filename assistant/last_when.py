""""When was that?" after an answer: the day its quoted sentence gives. Searched as a question
of its own, "that" matched another event's day ("Russia completed it last week" for a vote
"on Thursday"); the last answer's sentence is what "that" is."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import NewsIndex

from .citing import CitationList
from .compose import ABSTAIN_TEXT
from .evidence import date_mentions
from .extractive import ExtractiveDraft, human_date
from .followup import last_message
from .last_answer import LastAnswerReply, last_quote, quoted_articles
from .quotes import enquote
from .types import Message, ShortAnswer

__all__ = ["asks_when_that", "reply_when"]

# "When was that?", "When did it happen?", "On what day?", "What day was that?", "When?"
_WHEN_THAT = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:when|(?:on\s+)?(?:what|which)\s+(?:day|date))"
    r"(?:\s+(?:was|did|is|does|will)\s+(?:that|this|it)(?:\s+(?:happen|take\s+place|be))?)?"
    r"\W*$", re.I)


def asks_when_that(question: str) -> bool:
    """Does the question ask when what the last answer said happened, and nothing more?"""
    return bool(_WHEN_THAT.search(question))


def reply_when(question: str, history: Sequence[Message], index: NewsIndex
               ) -> LastAnswerReply | None:
    """The first day or date the last answer's quoted sentence gives, leading that sentence
    again, with its article's date ("Thursday" is of that week). Where the sentence gives none,
    "the articles don't say", with that sentence and its article's date: searched, "that"
    found another event's day ("Neil Ross was sworn in … on Monday"). None where there is no
    last answer to go on, or it abstained (the question is then searched)."""
    if not asks_when_that(question) or (last := last_quote(history)) is None:
        return None
    if last_message(history, "assistant").startswith(ABSTAIN_TEXT):
        return None
    located = quoted_articles(index, *last)
    if not located:
        return None
    article, start, end = located[0]
    sentence = article.text[start:end]
    cites = CitationList()
    n = cites.cite(article, start, end)
    dated = f" (its article is of {human_date(article.published)})" if article.published else ""
    days = date_mentions(sentence)
    if not days:
        text = (f"{ABSTAIN_TEXT} when: the sentence the last answer quoted names no day, "
                f"{enquote(sentence)} [{n}]{dated}.")
        return LastAnswerReply(ExtractiveDraft(text, cites.items), True,
                               "the last answer's quote names no day")
    a, b = days[0]
    text = f"{sentence[a:b]} — {enquote(sentence)} [{n}]{dated}"
    short = ShortAnswer(sentence[a:b], n, start + a, start + b)
    return LastAnswerReply(ExtractiveDraft(text, cites.items, short), False,
                           "answered with the day the last answer's quote gives")
