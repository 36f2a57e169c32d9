"""Whether a question is about the articles, however few words it shares with them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index import Article

from .evidence import question_names
from .referent import named_person
from .rerank import Evidence

__all__ = ["CHECKED", "names_them"]

CHECKED = 3  # the best sentences whose articles are looked in (`compose.KIND_CHECKED`'s)


def names_them(question: str, ranked: Sequence[Evidence], articles: Mapping[str, Article]
               ) -> bool:
    """Is the article of one of the closest sentences about someone the question names whole,
    its title naming them whole ("In what year was Peggy Allardyce born?" under "Peggy
    Allardyce, lighthouse keeper and author, dies at 93")? A question about them is on topic
    however few other words it shares with the passages (what the off-topic bar measures). A
    name said in passing in the text is not enough: "When did Taylor Swift win her first
    Grammy?" is not about a report on Cardiff's hotels that names her."""
    people = [" ".join(n) for n in question_names(question) if named_person(n)]
    read = {ev.article_id for ev in ranked[:CHECKED]} & articles.keys()
    return any(re.search(rf"\b{re.escape(name)}\b", articles[a].title)
               for name in people for a in read)
