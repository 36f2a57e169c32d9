"""The article a conversation is about, which its follow-ups are searched in.

A follow-up searched over the whole collection ("When will it end?" with the words of the
last answer added) was often answered from another article: on the users' conversations of
the thirty-ninth sitting, 40 of the 236 follow-ups that failed cited an article other than
the one the conversation was about, and one such turn drew every later one elsewhere. A
follow-up naming nothing that article lacks is searched in it alone; one naming something
new, or changing the subject in words (`switch`), is searched over the whole collection.
Kept so (and never turned away as off topic there, `on_topic`), the eight users' conversation
turns answered right went from 207 to 221 of 512; the follow-up tuning set and the gold set
were unchanged (their histories' answers quote nothing). The article's copies of the same story
(`NewsIndex.story`) are searched with it: kept to the one copy the last answer quoted, "Which
body would normally do that?" lost the parliament only another copy names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from index import Article, NewsIndex, find_date_line

from .about import is_about_line
from .evidence import names_missing, question_names
from .switch import since_switch, switched
from .types import Message

__all__ = ["conversation_article", "kept_to", "names_new"]

# A quotation in an answer's text, with its citation mark (as `last_answer` reads them).
_QUOTED = re.compile(r"“([^“”]{12,})”\s*\[\d+\]")


def names_new(question: str, article: Article) -> bool:
    """Does the question name someone or something the article never mentions?"""
    names = question_names(question)
    return bool(names_missing(names, f"{article.title}\n{article.text}"))


def conversation_article(index: NewsIndex, history: Sequence[Message]) -> Article | None:
    """The article the conversation is about: the one its first answer quoted (a closest
    sentence quoted by an abstention counts: it names the story asked about), moved on to the
    article quoted by the answer to a later question naming what that one never mentions."""
    article: Article | None = None
    for question, answer in _turns(since_switch(history)):
        if article is None or names_new(question, article):
            article = _quoted_article(index, answer) or article
    return article


def kept_to(index: NewsIndex, question: str, history: Sequence[Message] | None
            ) -> Article | None:
    """The article a follow-up is searched in alone, or None (the whole collection): none for
    a first question, a change of subject, or one naming what the article never mentions."""
    if not history or switched(question):
        return None
    article = conversation_article(index, history)
    return None if article is None or names_new(question, article) else article


def _turns(history: Sequence[Message]) -> Iterator[tuple[str, str]]:
    """The conversation's questions, each with the answer that followed it."""
    for asked, answered in pairwise(history):
        if asked["role"] == "user" and answered["role"] == "assistant":
            yield asked["content"], answered["content"]


def _quoted_article(index: NewsIndex, answer: str) -> Article | None:
    """The article holding the answer's first quote of a story (not of a page's own line:
    its date, its byline), or None where it quotes none."""
    from .last_answer import quoted_articles  # it reads follow-ups: imported when needed

    story = [q for q in (m.group(1) for m in _QUOTED.finditer(answer))
             if find_date_line(q) is None and not is_about_line(q)]
    located = quoted_articles(index, story[0], answer) if story else []
    return located[0][0] if located else None
