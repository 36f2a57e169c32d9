"""A question, analysed once: what is searched, when it is asked, which weeks it means.

News questions are asked at a moment. "Who won the election this week?" asked on 2025-01-10
means the first week of January 2025; an article published after the moment cannot be what
the asker means. `as_of` (today by default) resolves relative dates, excludes later articles
and breaks ties in favour of the more recent report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .words import terms

__all__ = ["Question", "analyse", "chosen", "relative_window"]

WEEK_DAYS = 10  # how far back "this week", "recently" reach: generous, a week and a weekend

# Phrases that place the event relative to the moment of asking, and how far back they reach
# (days). Generous on purpose: a window only re-orders answers, it never hides one. "new" only
# in lower case: "New York", "Lunar New Year" and "New Delhi" are names, not moments.
_RELATIVE = (
    (re.compile(r"\b(?:today|tonight|this morning|this afternoon|yesterday)\b", re.I), 3),
    (re.compile(r"\b(?:this|past|last) (?:week|weekend)\b|\brecent(?:ly)?\b|\bdays? ago\b"
                r"|\bthis past\b|\bjust\b|\b(?-i:new(?:ly)?)\b|\blatest\b", re.I), WEEK_DAYS),
    (re.compile(r"\b(?:this|last|past) month\b", re.I), 40),
    (re.compile(r"\b(?:this|last|past) year\b", re.I), 400),
)


@dataclass(frozen=True)
class Question:
    """What the answer path needs to know about a question, computed once."""

    text: str  # as asked
    query: str  # the standalone query searched (a follow-up rewritten)
    as_of: date  # the moment it is asked: later articles are not used, undated ones are
    since: str | None  # the asker's limits on publication dates, ISO (undated articles
    until: str | None  # are left out by these)
    window: tuple[str, str] | None  # the dates a relative phrase points at (a preference)
    kind: str  # the kind of answer wanted: number, date, person, meta or other
    names: tuple[tuple[str, ...], ...]  # the names it asks about, each as its words
    # Asked about its moment: an as_of date was given, or words such as "this week" used. Then
    # retrieval also searches the days meant on their own (`fresh`). (Among equally good
    # answers the more recent report comes first for every question.)
    timely: bool = False
    # The moment was stated (an as_of before today given), as each quiz week states it. Then
    # how old the best evidence is counts toward whether the articles answer it at all (a quiz
    # about this week's news is not answered by last year's story), and it is judged by the
    # bars tuned on the quiz weeks. A reader's own question, even one saying "this year", is
    # judged as the hand-written natural questions were tuned: last year's articles answer as
    # well as today's.
    dated: bool = False
    # For a follow-up, the conversation's last question: an answer from an article that
    # mentions none of its names has strayed from what the conversation is about (`compose`).
    previous: str = ""
    # For a follow-up naming nothing new, the ids of the article its conversation is about and
    # of its story's other copies, the only ones searched (`conversation.kept_to`); () for the
    # whole collection.
    within: tuple[str, ...] = ()

    @property
    def follow_up(self) -> bool:
        """Asked in a conversation and rewritten to stand alone ("And what did Poland agree to
        buy?" with the previous question's names added)."""
        return self.query != self.text

    @property
    def fresh(self) -> tuple[str, str] | None:
        """The days whose articles retrieval also searches on their own (ISO, inclusive):
        those a relative phrase points at, else, asked at a moment, its week (WEEK_DAYS).
        None for a question asked at no moment: a reader's own collection, any age."""
        if self.window:
            return self.window
        if not self.timely:
            return None
        return (self.as_of - timedelta(days=WEEK_DAYS)).isoformat(), self.as_of.isoformat()


def relative_window(text: str, as_of: date) -> tuple[str, str] | None:
    for pattern, days in _RELATIVE:
        if pattern.search(text):
            return (as_of - timedelta(days=days)).isoformat(), as_of.isoformat()
    return None


def analyse(text: str, query: str, as_of: date | None, since: str | None,
            until: str | None, previous: str = "") -> Question:
    """`previous`: the conversation's last question, for a follow-up (`query` != `text`)."""
    from .evidence import question_kind, question_names

    moment = as_of or date.today()
    window = relative_window(text, moment)
    # Today, or a day to come, is the moment a question is asked at anyway: stated, it asks
    # nothing the same question asked at no moment does not ("--as-of" today had abstained
    # where no date answered).
    stated = moment < date.today()
    return Question(text, query, moment, since, until, window, question_kind(text),
                    tuple(question_names(text)),
                    timely=stated or window is not None, dated=stated,
                    previous=previous if query != text else "")


# "Who got more votes in the recount, Raman or Hobbs?": the answer is one of the two.
_CHOICE = re.compile(r",\s*(?:(?:was\s+it|is\s+it)\s+)?(?P<a>[^,?]{1,40}?)\s+or\s+"
                     r"(?P<b>[^,?]{1,40}?)\s*\?\s*$", re.I)


_WHO_OR_WHICH = re.compile(r"^\W*(?:and\s+|so\s+)?(?:who|whom|which)\b", re.I)


def chosen(question: str, answer: str) -> bool:
    """Is the answer one of the two the question offers (any answer, where it offers none)?
    Offered by a "who" or "which" question, as two names or figures ("…, Raman or Hobbs?"):
    not "…, injured or missing?", "…, the incumbent or the challenger?"."""
    m = _CHOICE.search(question)
    if m is None or not _WHO_OR_WHICH.match(question):
        return True
    sides = [re.sub(r"^(?:the|a|an)\s+", "", m.group(k), flags=re.I) for k in ("a", "b")]
    if not all(re.match(r"[A-Z0-9£$€]", side) for side in sides):
        return True
    return any(set(terms(side)) & set(terms(answer)) for side in sides)
