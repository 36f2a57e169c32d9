""""When was that?" after an answer: the day its quoted sentence gives. Searched as a question
of its own, "that" matched another event's day ("Russia completed it last week" for a vote
"on Thursday"); the last answer's sentence is what "that" is."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import NewsIndex

from .citing import CitationList
from .compose import ABSTAIN_TEXT
from .extractive import ExtractiveDraft
from .followup import last_message
from .last_answer import LastAnswerReply, last_quote, quoted_articles
from .quotes import enquote
from .relative_dates import human_date
from .types import Message, ShortAnswer
from .words import MONTH_NAME, WEEKDAY_NAME

__all__ = ["asks_when_that", "day_named", "reply_when"]

# "When was that?", "When did it happen?", "On what day?", "What day was that?", "When?"
_WHEN_THAT = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:when|(?:on\s+)?(?:what|which)\s+(?:day|date))"
    r"(?:\s+(?:was|did|is|does|will)\s+(?:that|this|it)(?:\s+(?:happen|take\s+place|be))?)?"
    r"\W*$", re.I)


_MONTH = rf"(?:{MONTH_NAME}|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_WEEKDAY = WEEKDAY_NAME
# A day as news gives one, capitalised as written ("may vote" is no month): a date with its
# month ("March 3, 2025", "Oct. 24", "3 March"), a weekday, "last week", "yesterday", or a
# year after "in".
_DAY = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b"
    rf"|\b{_WEEKDAY}\b(?:,?\s+{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?"
    rf"|\s+(?:morning|afternoon|evening|night)\b)?"
    # Not "this year's festival": what it is, not when.
    rf"|\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:week|month|year|weekend|{_WEEKDAY})\b(?![’']s)"
    rf"|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Ee]arlier\s+this\s+(?:week|month|year))\b"
    rf"|\b(?:in|In)\s+(?:{_MONTH}\s+)?(?:1[89]|20)\d\d\b|\bin\s+{_MONTH}(?!\s*\d)")


def day_named(sentence: str) -> tuple[int, int] | None:
    """The most particular day the sentence names ("March 3, 2025" over "Monday"), or None."""
    found = [m.span() for m in _DAY.finditer(sentence)]
    return max(found, key=lambda ab: (ab[1] - ab[0], -ab[0])) if found else None


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
    day = day_named(sentence)
    if day is None:
        text = (f"{ABSTAIN_TEXT} when: the sentence the last answer quoted names no day, "
                f"{enquote(sentence)} [{n}]{dated}.")
        return LastAnswerReply(ExtractiveDraft(text, cites.items), True,
                               "the last answer's quote names no day")
    a, b = day
    text = f"{sentence[a:b]} — {enquote(sentence)} [{n}]{dated}"
    short = ShortAnswer(sentence[a:b], n, start + a, start + b)
    return LastAnswerReply(ExtractiveDraft(text, cites.items, short), False,
                           "answered with the day the last answer's quote gives")
