"""A later report's correction of the answer: "An earlier version of our report … credited the
winning goal to Luis Ortega." A figure that changed is settled by the later report's own figure
(`conflict.latest`); a name or figure a later report says was wrong is not led with, and the
correction is quoted beside it, so the reader sees both and which came later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import Article, sentence_after, sentence_spans

from .findings import Findings
from .withdrawn import RETRACTED
from .words import asking_terms, terms

__all__ = ["Correction", "correction_of"]


@dataclass(frozen=True)
class Correction:
    """Where a later article says the answer was wrong: its retraction sentence, and the
    sentence after it, which most often says what is right ("…has since awarded the goal to
    Jamie Hart")."""

    article: Article
    spans: tuple[tuple[int, int], ...]


def _names_it(sentence: str, answer: str) -> bool:
    """The withdrawn answer in the sentence: all of it, or a name's last word ("Ortega's shot"
    for "Luis Ortega")."""
    words = answer.split()
    wanted = [answer] + ([words[-1]] if len(words) > 1 and words[-1][:1].isupper() else [])
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", sentence, re.I) for w in wanted)


def _about_question(sentence: str, question: str, answer: str) -> bool:
    """The retraction is about what was asked: it shares a word of the question besides the
    answer's ("credited the winning goal" for "Who scored the winning goal?")."""
    asked = set(terms(question)) - asking_terms() - set(terms(answer))
    return bool(asked & set(terms(sentence)))


def _retraction(article: Article, question: str, answer: str) -> tuple[int, int] | None:
    text = article.text
    for m in RETRACTED.finditer(text):
        for start, end in sentence_spans(text, m.start(), m.end()):
            sentence = text[start:end]
            if (start <= m.start() < end and _names_it(sentence, answer)
                    and _about_question(sentence, question, answer)):
                return start, end
    return None


def correction_of(found: Findings, article_id: str, answer: str) -> Correction | None:
    """A retrieved article published after the answer's that says the answer (a name or a
    figure) was given wrongly by an earlier report, with its retraction sentence. An article's
    own correction of itself is not looked for: its text already holds the right one."""
    first = found.articles[article_id]
    if not first.published or not answer.strip():
        return None
    for other in found.articles.values():
        if other.id == article_id or not other.published or other.published <= first.published:
            continue
        retraction = _retraction(other, found.question.text, answer)
        if retraction is None:
            continue
        after = sentence_after(other.text, retraction[1])
        spans = (retraction,) + ((after,) if after is not None else ())
        return Correction(other, spans)
    return None
