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

from index import Article, sentence_after, sentence_before

from .compose import KIND_CHECKED, Abstention, another_holder
from .other_year import another_year
from .rerank import Evidence
from .roles import asked_role
from .short import cited_answer
from .titled import bare_title, owned_by_another, owned_by_reference, placed_holders
from .types import Citation, ShortAnswer

__all__ = ["holder_of_it", "own_holder", "own_holder_answer"]


def holder_of_it(question: str, ranked: list[Evidence], articles: Mapping[str, Article]
                 ) -> tuple[list[Evidence], Abstention | None]:
    """The ranking, and why the best sentence, close as it is, is not of what was asked: of
    another year (`another_year`), or of another's holder of the role (`another_holder`),
    unless one of the next best names the one asked about's (`own_holder`): that one is put
    first instead, and answers. None: nothing against it."""
    article = articles[ranked[0].article_id]
    reason = another_holder(question, ranked, article.title)
    if reason is None:
        return ranked, another_year(question, ranked[0], article)
    first = next((ev for ev in ranked[1:KIND_CHECKED]
                  if ev.article_id in articles
                  and own_holder(question, ev, articles[ev.article_id]) is not None),
                 None)
    return (ranked, reason) if first is None else ([first, *(e for e in ranked if e is not first)],
                                                   None)


def own_holder(question: str, ev: Evidence, article: Article, strict: bool = False
               ) -> tuple[int, int] | None:
    """The holder of the role asked about that the sentence names, whose title says nothing
    of whose it is, in an article whose title or opening names every word that qualifies the
    role ("Who is the lead author of the dementia study?" under "…dementia risk…, study
    finds"); or whose title is "its" (or "their"), after a sentence about the one asked ("The
    Office for Product Safety said… Its chief executive, …"): sentence offsets, or None. Not
    an article naming it in passing (the review's: a pub's story naming a brewery is no story
    about the brewery). `strict`, for the best sentence itself (not one read after another's
    holder): a body's name asked must be the subject of the title or the first sentence ("Who
    is the chief executive of Celest?" is not answered by "said chief executive …" under
    "Northwind to buy Celest"); a place's, as before ("…as storm batters Tallow Coast")."""
    asked = asked_role(question)
    if asked is None:
        return None
    named = [w for w in (*asked.qualifiers, *asked.of) if w in asked.proper]
    opening = f"{article.title}\n{article.text[:min(ev.start, _OPENING)]}"
    if named and strict and asked.role not in _OF_PLACES:
        opening = _story_subject(article)
    # Unnamed, what qualifies the role is the story's own subject: "the dementia study"; not
    # a word any story says ("the city", "the company": which?).
    if not named and not (named := [w for w in (*asked.qualifiers, *asked.of)
                                    if w not in _NOT_OWN | _GENERIC]):
        return None
    for at, h in placed_holders(asked.role, ev.text):
        if h.name.casefold() in question.casefold() or owned_by_another(
                ev.text, at, tuple(named)):
            continue  # not "said Ingrid Halvorsen-Lee, Halvorsen's chief executive"
        if bare_title(ev.text, min(at, h.start)) and _names(opening, named):
            return h.start, h.end
        if owned_by_reference(ev.text, at) and _names(_subject_before(article, ev), named):
            return h.start, h.end
    return None


def own_holder_answer(question: str, best: Evidence, citation: Citation, article: Article
                      ) -> ShortAnswer | None:
    """The holder `own_holder` finds in the best sentence, leading the answer where it lies
    inside the quote."""
    held = own_holder(question, best, article, strict=True)
    return None if held is None else cited_answer(best, citation, held)


# Words that qualify a role without naming whose it is: "the new chair", "the current mayor".
_NOT_OWN = frozenset({"new", "current", "former", "interim", "acting", "the", "a", "an"})
# Roles of a place: a story names the place it happens in anywhere, seldom as its subject.
_OF_PLACES = frozenset({"mayor", "governor", "minister", "premier", "prime minister",
                        "councillor", "councilor", "sheriff", "police chief",
                        "chief fire officer"})
_GENERIC = frozenset({"city", "town", "village", "country", "state", "region", "company",
                      "firm", "business", "group", "club", "team", "side", "council",
                      "government", "party", "organisation", "organization"})


def _story_subject(article: Article) -> str:
    """The subjects of the title and of the first sentence: whom the story is about."""
    first = sentence_after(article.text, 0)
    found = [_SUBJECT.search(text) for text in (
        article.title, article.text[first[0]:first[1]] if first else article.text[:_OPENING])]
    return "\n".join(m.group() for m in found if m)


_OPENING = 400  # characters of an article's text that say what it is about
# A sentence's subject: its first run of capitalised words ("The Office for Product Safety").
_SUBJECT = re.compile(r"[A-Z][\w&’'-]*(?:\s+(?:(?:of|for|and|&|the)\s+)*[A-Z][\w&’'-]*)*")


def _names(text: str, words: list[str]) -> bool:
    folded = text.casefold()
    return all(re.search(rf"\b{re.escape(w)}\b", folded) for w in words)


def _subject_before(article: Article, ev: Evidence) -> str:
    """The subject of the sentence before the evidence's, what its "Its" points back at."""
    before = sentence_before(article.text, ev.start)
    if before is None:
        return ""
    first = _SUBJECT.search(article.text, before[0], before[1])
    return first.group() if first else ""
