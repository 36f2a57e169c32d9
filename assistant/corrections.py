"""A later report's correction of the answer: "An earlier version of our report … credited the
winning goal to Luis Ortega." A figure that changed is settled by the later report's own figure
(`conflict.latest`); a name or figure a later report says was wrong is not led with, and the
correction is quoted beside it, so the reader sees both and which came later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import Article, sentence_after, sentence_spans

from .attributing import attribution
from .citing import CitationList
from .counting import counted
from .counts import counts
from .evidence import question_names
from .fates import states_fate
from .findings import Findings
from .quotes import enquote
from .titled import NAME
from .withdrawn import RETRACTED
from .words import asking_terms, specific_figure, terms

__all__ = ["Correction", "correction_in", "correction_line", "correction_of"]


@dataclass(frozen=True)
class Correction:
    """Where a later article says the answer was wrong: its retraction sentence, and the
    sentence after it, which most often says what is right ("…has since awarded the goal to
    Jamie Hart")."""

    article: Article
    spans: tuple[tuple[int, int], ...]


def _withdraws(sentence: str, after: int, answer: str) -> bool:
    """Does the retraction withdraw the answer: name it after its cue ("credited the winning
    goal to Luis Ortega"; a name's last word will do: "Ortega's shot"), and not as what is
    right ("… to Luis Ortega rather than Jamie Hart" withdraws Ortega, not Hart)?"""
    words = answer.split()
    wanted = [answer] + ([words[-1]] if len(words) > 1 and words[-1][:1].isupper() else [])
    for w in wanted:
        for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", sentence[after:], re.I):
            if not _RIGHT_ONE.search(sentence, 0, after + m.start()):
                return True
    return False


# What introduces the right one beside the withdrawn: "… rather than Jamie Hart", "…, not Hart".
_RIGHT_ONE = re.compile(r"\b(?:rather\s+than|instead\s+of|not|but)\s+(?:\w+\s+){0,2}$"
                        r"|\b(?:correct|right|actual|true)\s+(?:figure|number|total)\s+(?:was|is)\s+$",
                        re.I)


def _about_question(sentence: str, question: str, answer: str) -> bool:
    """The retraction is about what was asked: it shares a word of the question besides the
    answer's and the names the question gives ("credited the winning goal" for "Who scored the
    winning goal for Harbour City?"; "Harbour City" alone is no more than the same team)."""
    named = " ".join(w for name in question_names(question) for w in name)
    asked = set(terms(question)) - asking_terms() - set(terms(answer)) - set(terms(named))
    # A figure withdrawn counts what is asked: "said four fire crews attended" is no toll.
    things = counted(question)
    if states_fate(sentence, question) is False or (things and not counts(sentence, things)):
        return False
    # A figure of three digits or more withdrawn as the answer gave it is what was asked, in
    # whatever words ("the attendance as 18,412" for "How many people watched…?").
    return bool(asked & set(terms(sentence))) or specific_figure(answer)


def _retraction(article: Article, question: str, *answers: str) -> tuple[int, int] | None:
    """The article's first sentence withdrawing one of the answers, about what was asked."""
    text = article.text
    for m in RETRACTED.finditer(text):
        for start, end in sentence_spans(text, m.start(), m.end()):
            sentence = text[start:end]
            if start <= m.start() < end and any(
                    _withdraws(sentence, m.end() - start, answer)
                    and _about_question(sentence, question, answer) for answer in answers):
                return start, end
    return None


def correction_of(found: Findings, article_id: str, *answers: str) -> Correction | None:
    """A retrieved article published on or after the answer's day that says one of the
    answers (a name or a figure) was given wrongly by an earlier report, with its retraction
    sentence. An article's own correction of itself is not looked for: its text already holds
    the right one. Each article is read once, whatever the number of answers."""
    first = found.articles[article_id]
    answers = tuple(a for a in answers if a.strip())
    if not first.published or not answers:
        return None
    # The latest first; a correction of the same day counts (online, it often is).
    later = sorted((a for a in found.articles.values() if a.id != article_id and a.published
                    and a.published >= first.published), key=lambda a: a.published or "",
                   reverse=True)
    for other in later:
        retraction = _retraction(other, found.question.text, *answers)
        if retraction is None:
            continue
        after = sentence_after(other.text, retraction[1])
        spans = (retraction,) + ((after,) if after is not None else ())
        return Correction(other, spans)
    return None


def correction_in(found: Findings, article_id: str, sentence: str) -> Correction | None:
    """Where no short answer leads: a later correction withdrawing a name or a figure the
    quoted sentence gives ("…substitute Luis Ortega scored the winner", quoted without "Luis
    Ortega —"; "a fleet of 148 aircraft")."""
    names = [n for n in re.findall(NAME, sentence) if len(n.split()) > 1]
    figures = [f for f in re.findall(r"\d[\d,.]*\d|\d", sentence) if not _YEAR.fullmatch(f)]
    return correction_of(found, article_id, *dict.fromkeys(names + figures))


_YEAR = re.compile(r"(?:19|20)\d\d")


def correction_line(fixed: Correction, cites: CitationList) -> str:
    """The correction as the answer quotes it, after the withdrawn answer."""
    marks = " ".join(f"{enquote(fixed.article.text[a:b])} [{cites.cite(fixed.article, a, b)}]"
                     for a, b in fixed.spans)
    return f"A correction says this was wrong: {marks}{attribution(fixed.article, False)}."
