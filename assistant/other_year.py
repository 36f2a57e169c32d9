"""A year asked about that the best sentence's report, written long after, never names.

Kept apart from `compose` (the other reasons to abstain) as one concept with its own regex:
only a question naming a year splits the article into sentences.
"""

from __future__ import annotations

import re

from index import Article, sentence_spans

from .compose import Abstention
from .rerank import Evidence

__all__ = ["another_year"]

# A year asked about; not one a span of time starts from ("since 2019", "from 2005 to…").
_A_YEAR = re.compile(r"(?<!since )(?<!from )(?<!between )(?<!after )\b(?:19|20)\d\d\b", re.I)


def another_year(question: str, best: Evidence, article: Article) -> Abstention | None:
    """Asked about a year long before the best sentence's report, which never names it, nor
    the sentence before it ("The great fire of 1998… It destroyed 41 homes"): "How many homes
    were destroyed in the 1998 fire?" is not answered by a report of 2026 counting this year's
    ("Of the 17 homes destroyed…"). A report of the year after may still tell it."""
    years = {int(y) for y in _A_YEAR.findall(question)}
    published = article.published
    if not years or not published or any(year >= int(published[:4]) - 1 for year in years):
        return None  # the article is only split into sentences for a question naming a year
    before = [a for a, _ in sentence_spans(article.text) if a < best.start]
    around = article.text[before[-1] if before else best.start:best.end]
    if any(str(year) in around for year in years):
        return None
    return Abstention(f"the closest sentence, from a report of {published[:4]}, says nothing "
                      f"of {min(years)}")
