"""A follow-up answered by a quote that says nothing of what it asks.

In a conversation's article, asked "What did she find?" or "Where did she work before?" (not
what she said), the reader, sure of no sentence, ranked first a quote of hers attributed only
by a pronoun ("'No family should go through…,' she said."): it shares the question's "she" and
little else. Such a quote, holding none of the question's own words, gives way to the next of
the two runners-up of its article that is not a quote ("A public inquiry has found that…").
A quote holding them ("What has she promised if the unit stays open?" — "'If the unit stays
open, I'll resign…,' she said.") stays first, and so does one asked for ("What did she say?",
"How does she feel about it?").
"""

from __future__ import annotations

import re

from .question import Question
from .rerank import Evidence
from .speakers import asks_about_saying, asks_speech
from .words import asking_terms, terms

__all__ = ["past_stray_quote"]

# A whole quote, its speaker only "he" or "she": "'No family should…,' she said."
_PRONOUN_QUOTE = re.compile(r"^\W*[“\"‘'].*[,.!?][’'\"”]*,?\s+(?:he|she)\s+(?:said|added)\W*$",
                            re.S)
_OPENS_QUOTE = re.compile(r"^\W*[“\"‘']")
# Asking how someone feels, reacts or thinks, or what they want: a quote is the answer ("How
# does she feel about the decision?" — "'I am heartbroken, and I am angry,' she said.").
_FEELING = re.compile(r"\bhow\s+(?:[\w’'-]+\s+){1,5}?(?:feel|felt|feeling|react|reacted|respond"
                      r"|responded|view|see)\b|\bwhat\s+(?:[\w’'-]+\s+){1,5}?(?:think|thought|want"
                      r"|wanted|feel|felt|reaction|response|view|views|opinion|feelings?)\b",
                      re.I)
RUNNERS_UP = 2  # how far down a sentence to read first is looked for


def past_stray_quote(asked: Question, ranked: list[Evidence]) -> list[Evidence]:
    """The ranking with the best sentence's article's next non-quote read first, where a
    follow-up not asking what was said is best answered by a pronoun's quote holding none of
    its words; else the ranking as it is."""
    if not asked.follow_up or not ranked or not _stray(asked.text, ranked[0].text):
        return ranked
    best = ranked[0]
    first = next((ev for ev in ranked[1:1 + RUNNERS_UP] if ev.article_id == best.article_id
                  and not _OPENS_QUOTE.match(ev.text)), None)
    return ranked if first is None else [first, *(ev for ev in ranked if ev is not first)]


def _stray(question: str, sentence: str) -> bool:
    """Is the sentence a pronoun's quote that the question neither asks for nor shares a word
    of its own with?"""
    if (not _PRONOUN_QUOTE.match(sentence) or asks_speech(question)
            or asks_about_saying(question) or _FEELING.search(question)):
        return False
    own = set(terms(question)) - asking_terms()
    return not own & set(terms(sentence))
