"""A sentence whose subject is a pronoun ("It was scored by Viktor Lindahl.") says what it says
of whatever the sentence before it named. Read alone, it answers any question of its shape:
asked "Who scored the winning penalty for Harbor City?", the correction note's "It" (Millbrook's
goal) was taken for Harbor City's penalty. Where the question names something and neither that
sentence nor the one before it names any of it, the sentence weighs a share of its score
(`rerank`): it is about something else, or cannot be shown to be about what was asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import Article, sentence_before

from .evidence import names_missing

__all__ = ["UNANCHORED_FACTOR", "anchored_factor"]

UNANCHORED_FACTOR = 0.5
_PRONOUN_FIRST = re.compile(r"^\W*(?:It|This|That|These|Those|They|He|She|His|Her|Its|Their)\b")


def anchored_factor(names: Sequence[tuple[str, ...]], sentence: str, article: Article,
                    start: int) -> float:
    """The share of its score a sentence keeps: all of it unless it opens with a pronoun and
    neither it nor the sentence before it names anything the question names (`names`, as
    `Question.names` holds them)."""
    if not _PRONOUN_FIRST.match(sentence):
        return 1.0
    if not names or len(names_missing(names, sentence)) < len(names):
        return 1.0
    before = sentence_before(article.text, start)
    context = article.text[before[0]:before[1]] if before else ""
    return UNANCHORED_FACTOR if len(names_missing(names, context)) == len(names) else 1.0
