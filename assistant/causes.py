"""Why-questions, and the sentence that states the cause asked for.

Asked why, the reader's best sentence often restates what happened ("The coastguard helicopter
Rescue 948 was unable to reach the corrie on Saturday night.") and the cause is in another
sentence ("…was forced to turn back because of low cloud…"), often the next one ("It contested
the other six, arguing that storms had overwhelmed its systems"). A sentence states a cause by
the words news gives one with (`states_cause`): "because", "due to", "blamed on", "citing",
"caused by", "after" a clause ("resigned after…", not "five years after…").
Where the best sentence states none, the next one of its paragraph that states one is quoted
with it (`cause_after`, `extractive`), and else the first of the next best of its article that
states one is read first (`cause_first`, `judging`). Neither changes whether the question is
answered: the abstention was judged on the ranking before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from index import Article, sentence_spans

from .question import Question
from .rerank import Evidence
from .words import asking_terms, terms

__all__ = ["CAUSE_READ", "asks_why", "cause_after", "cause_first", "states_cause"]

# How far down the ranking a sentence stating the cause is looked for: the best sentence's two
# runners-up. On the eight users' why-questions the cause was the first or second runner-up in
# 8 of the 11 wrong answers where it was ranked in the best five.
CAUSE_READ = 3

# "Why…?", "Why?", "What caused…", "What led to…", "How come…", "for what reason".
_WHY = re.compile(r"\bwhy\b|^\W*(?:and\s+|but\s+|so\s+)?(?:what\s+(?:caused|led\s+to)\b"
                  r"|how\s+come\b)|\bfor\s+what\s+reason\b|\bwhat\s+(?:was|is|were|are)\s+"
                  r"the\s+(?:reasons?|causes?)\b", re.I)
# A cause said: the conjunctions and phrases of one, a verb that blames or cites something,
# a purpose ("so that", "in order to"), ", so" (a consequence of it, as in "…is not an
# 'extraordinary circumstance', so passengers can claim"). "After" a clause gives a cause in
# news ("fell 9.4% after the company cut its forecast"), not after a span of time ("Five years
# after its sea wall was breached", "the day after") nor in "after-tax"; "since" and "as" are
# too often a date or a comparison to count, and "for" ("for a second yellow card") anything.
_AFTER = (r"(?<!years\s)(?<!year\s)(?<!months\s)(?<!month\s)(?<!weeks\s)(?<!week\s)(?<!days\s)"
          r"(?<!day\s)(?<!hours\s)(?<!minutes\s)(?<!shortly\s)(?<!soon\s)(?<!long\s)"
          r"(?<!just\s)(?<!morning\s)(?<!night\s)after(?!-)\s+(?!\d)")
_CAUSE = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+(?:result|consequence)"
    r"|result(?:ed|s)?\s+(?:of|from)|caused\s+by|blam(?:e|ed|es|ing)"
    r"|attribut(?:e|ed|es|ing)\s+(?:\w+\s+){0,3}?to|traced\s+(?:\w+\s+){0,3}?to|citing|cited"
    r"|driven\s+by|prompted\s+by|triggered\s+by|led\s+to|in\s+order\s+to|so\s+that"
    r"|to\s+avoid|for\s+fear|over\s+concerns?|amid|in\s+protest|in\s+a\s+row\s+over"
    r"|the\s+reason|reasons?\s+(?:for|why|was|is)|forced\s+to|was\s+forced"
    rf"|argu(?:ing|ed)\s+that|{_AFTER})"
    r"|,\s+so\s+(?!far\b|much\b|many\b|long\b)", re.I)


def asks_why(question: str) -> bool:
    """Does the question ask for a cause or a reason ("Why did…", "Why?", "What caused…")?"""
    return _WHY.search(question) is not None


def states_cause(sentence: str) -> bool:
    """Does the sentence state a cause or a reason, by the words news gives one with?"""
    return _CAUSE.search(sentence) is not None


def _of_it(question: Question, sentence: str) -> bool:
    """Does the sentence hold a word of what is asked? "Young full-back Tadhg Moriarty keeps
    his place after scoring two tries" holds none of "Why is Cathal Rourke missing the game?".
    A follow-up's words are its standalone query's ("Why?" names nothing)."""
    asked = set(terms(question.query)) - asking_terms()
    return bool(asked & set(terms(sentence)))


def _wants_cause(question: Question, best: Evidence) -> bool:
    return asks_why(question.text) and not states_cause(best.text)


def cause_after(question: Question, best: Evidence, text: str) -> tuple[int, int] | None:
    """Asked why, where the best sentence states no cause, the next sentence of its paragraph
    (article offsets) where that one states one of what is asked ("The monetary policy
    committee voted six to three for the cut." — "The three members in the minority wanted to
    keep the rate at 3.75%, citing strong wage growth."); else None."""
    if not _wants_cause(question, best):
        return None
    following = [s for s in sentence_spans(text, best.end, best.end) if s[0] >= best.end]
    said = text[following[0][0]:following[0][1]] if following else ""
    if not said or not states_cause(said) or not _of_it(question, said):
        return None
    return following[0]


def cause_first(question: Question, ranked: list[Evidence], articles: Mapping[str, Article]
                ) -> list[Evidence]:
    """Asked why, where the best sentence states no cause, nor does the next of its paragraph
    (`cause_after`: quoted with it), the ranking with the first of the next best of its
    article that states one of what is asked read first; else the ranking as it is."""
    if not ranked or not _wants_cause(question, ranked[0]):
        return ranked
    best = ranked[0]
    if cause_after(question, best, articles[best.article_id].text) is not None:
        return ranked
    first = next((ev for ev in ranked[1:CAUSE_READ] if ev.article_id == best.article_id
                  and states_cause(ev.text) and _of_it(question, ev.text)), None)
    return ranked if first is None else [first, *(ev for ev in ranked if ev is not first)]
