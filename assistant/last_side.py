""""Who did she beat?" after an answer naming a winner: the other side its quoted sentence
gives. Searched as a question of its own, "she" named no one: the conversation's names were
added to it, and the closest sentence, another candidate's tally, did not "clearly give the
name", though the sentence just quoted says whom Okonkwo defeated."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import NewsIndex

from .contest import asked_contest, sides
from .extractive import led_by
from .followup import last_message
from .last_answer import LastAnswerReply, first_sentence, last_quote, quoted_articles
from .types import Message

__all__ = ["asks_other_side", "reply_side"]

# A side named by a pronoun only: "Who did she beat?", "Who beat them?", "Who did they lose
# to?", "And who was he beaten by?". A side named ("Who did Rovers beat?") is searched.
_PRONOUN = r"(?:he|she|they|it|him|her|them)"
_OTHER_SIDE = re.compile(
    rf"^\W*(?:and\s+|so\s+)?(?:who|whom)\s+(?:(?:did|has|had)\s+{_PRONOUN}\s+(?:beat|defeat"
    rf"|overcome|edge|knock\s+out|eliminate|oust|unseat|lose\s+to)|(?:beat|defeated|overcame"
    rf"|ousted|unseated)\s+{_PRONOUN}|(?:was|were)\s+{_PRONOUN}\s+(?:beaten|defeated)\s+by)"
    r"\W*$", re.I)
_BY = re.compile(r"\bby\W*$", re.I)
_NOTE = "answered from the sentence the last answer quoted"


def asks_other_side(question: str) -> bool:
    """Does the question ask for the other side of the contest just answered about?"""
    return bool(_OTHER_SIDE.match(question))


def reply_side(question: str, history: Sequence[Message], index: NewsIndex
               ) -> LastAnswerReply | None:
    """The side asked for, from the sentence the last answer quoted, where that sentence
    states a contest with the last answer's name on the other side. None otherwise: the
    question is searched as any other."""
    if not asks_other_side(question) or (last := last_quote(history)) is None:
        return None
    located = quoted_articles(index, *last)
    if not located:
        return None
    article, start, end = located[0]
    a, b = first_sentence(article, (start, end))
    winner = _asks_winner(question)
    span = _asked_side(article.text[a:b], _named_before(last_message(history, "assistant")),
                       winner)
    if span is None:
        return None
    return LastAnswerReply(led_by(article, (a, b), (a + span[0], a + span[1])), False, _NOTE)


def _asks_winner(question: str) -> bool:
    """"Who beat her?" and "Who did he lose to?" ask for the winner; "Who did she beat?" for
    the one beaten."""
    asked = asked_contest(question)
    return bool(_BY.search(question)) or (asked is not None and asked.winner)


def _named_before(answer: str) -> str:
    """The short answer the last answer led with ("Grace Okonkwo — “…”"), or ""."""
    lead, dash, _ = answer.partition(" — “")
    return lead.strip() if dash else ""


def _asked_side(sentence: str, named: str, winner: bool) -> tuple[int, int] | None:
    """The span of the side asked for, in a pair whose other side is the name the last answer
    gave: never that name itself, which "Who was she beaten by?" after "Grace Okonkwo" would
    otherwise get. Where the last answer led with no side ("51,028 votes — …"), the one pair
    the sentence states in full."""
    words = set(named.casefold().split())
    full = [pair for pair in sides(sentence) if pair[0] and pair[1]]
    in_pair = [p for p in full if words & (_words_of(sentence, p[0]) | _words_of(sentence, p[1]))]
    if not in_pair:
        return (full[0][0] if winner else full[0][1]) if len(full) == 1 else None
    for pair in in_pair:
        side, other = (pair[0], pair[1]) if winner else (pair[1], pair[0])
        if words & _words_of(sentence, other):
            return side
    return None


def _words_of(sentence: str, span: tuple[int, int] | None) -> set[str]:
    return set(sentence[span[0]:span[1]].casefold().split()) if span else set()
