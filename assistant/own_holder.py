"""Asked who holds a role of someone's, where the best sentence names another's holder: the
next best that names a holder of it whose article is about the one asked, read first.

"Who is the chief executive of Vantor Aerospace?" was answered with "Northwind's chief
executive, Marcus Oyelaran" from a story about an airline merger, and then, once that was
seen as another's, turned away; the third best sentence, "…,' said chief executive Ingrid
Vasquez-Holm, 47." in the report of Vantor's launch, names Vantor's. Its title is bare (or
"its", "the company's"): the article says whose it is, by naming the one asked about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from index import Article

from .compose import KIND_CHECKED, Abstention, another_holder, not_of_it
from .rerank import Evidence
from .roles import asked_role
from .titled import bare_title, owned_by_reference, placed_holders

__all__ = ["holder_of_it"]

def holder_of_it(question: str, ranked: list[Evidence], articles: Mapping[str, Article]
                 ) -> tuple[list[Evidence], Abstention | None]:
    """The ranking and why the best sentence is not of what was asked (`not_of_it`), or None;
    where it names another's holder of the role, a sentence of the next best naming the one
    asked about's (`_of_it`) is put first instead, and answers."""
    reason = not_of_it(question, ranked, articles[ranked[0].article_id])
    if reason is None or another_holder(question, ranked[:1],
                                        articles[ranked[0].article_id].title) is None:
        return ranked, reason
    first = next((ev for ev in ranked[1:KIND_CHECKED]
                  if ev.article_id in articles and _of_it(question, ev, articles[ev.article_id])),
                 None)
    return (ranked, reason) if first is None else ([first, *(e for e in ranked if e is not first)],
                                                   None)


def _of_it(question: str, ev: Evidence, article: Article) -> bool:
    """Does the sentence name a holder of the role asked about whose title says nothing of
    whose it is, or says "its", in an article naming every name that qualifies the role?"""
    asked = asked_role(question)
    if asked is None:
        return False
    named = [w for w in (*asked.qualifiers, *asked.of) if w in asked.proper]
    about = f"{article.title}\n{article.text}".casefold()
    if not named or not all(re.search(rf"\b{re.escape(w)}\b", about) for w in named):
        return False
    return any((bare_title(ev.text, min(at, h.start)) or owned_by_reference(ev.text, at))
               and h.name.casefold() not in question.casefold()
               for at, h in placed_holders(asked.role, ev.text))
