"""Topicality: how far what was retrieved is about the question, whatever it answers.

The answerability weighs it (`answerability.question_features`) and the off-topic bar is on it
(`Ranking.gate`, `compose.abstention`): a question no passage is about is turned away as off
topic rather than answered from the nearest sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from index import Passage

from .question import Question
from .words import asking_terms, compounds_held, terms, verb_bases

__all__ = ["about_terms", "held_terms", "topicalities", "topicality"]


def topicality(question: Question, passages: Sequence[Passage], asking: bool = True) -> float:
    """How far anything retrieved is about the question: the best passage's cosine to it plus
    the largest share of its content words one passage holds (each 0..1). The cosine alone
    misses a question about a detail ("What did the captain Hsiao Shun-ming say?") whose
    passage is about something wider; the words alone miss paraphrase. Without `asking`, the
    words a question asks with ("how much", "did … say") do not count: what the off-topic bar
    is on (`Ranking.gate`), for a short question's share is mostly those ("What did Hong Min
    say?" held 2 of its 5). The answerability's feature keeps them: it was fitted so."""
    return topicalities(question, passages)[0 if asking else 1]


def topicalities(question: Question, passages: Sequence[Passage]) -> tuple[float, float]:
    """`topicality` with the words a question asks with, and without: the passages read once."""
    cosine = max((p.dense_score for p in passages if p.dense_score is not None), default=0.0)
    spelt = _acronyms(question.query)
    held = [_with_abbreviations(set(terms(p.text)), p.text, spelt) for p in passages]
    # The off-topic bar's share is of an article's passages together: "What did Lindqvist say
    # about winning?" has its name in one passage and "win" in the next.
    articles: dict[str, set[str]] = {}
    for p, h in zip(passages, held, strict=True):
        articles.setdefault(p.article_id, set()).update(h | compounds_held(question.query, p.text))

    def share(asked: set[str], pools: Iterable[set[str]]) -> float:
        return max((len(asked & h) / len(asked) for h in pools), default=0.0) if asked else 0.0

    asked = set(terms(question.query))
    # The bar's share takes a verb in any tense: "sell" is held by "sold" (the answerability's
    # feature, fitted before, compares stems as they are).
    about = verb_bases(about_terms(question))
    return (cosine + share(asked, held),
            cosine + share(about, (verb_bases(h) for h in articles.values())))


def about_terms(question: Question) -> set[str]:
    """The question's content words without those it asks with: what it is about."""
    return (set(terms(question.query)) - asking_terms() - _how_asked(question.query)
            - _framing(question.query))


def held_terms(text: str, question: Question) -> set[str]:
    """A text's terms, with the abbreviations of the question it spells out, and compounds
    written the other way (`compounds_held`)."""
    held = set(terms(text)) | compounds_held(question.query, text)
    return _with_abbreviations(held, text, _acronyms(question.query))


def _how_asked(question: str) -> set[str]:
    """The word a question asks with after "how" ("long" of "How long will the laptops be
    lent for?", "old"): what it asks for, not what it is about ("how Novaris tested")."""
    return set(terms(" ".join(re.findall(rf"\bhow\s+({_HOW_WORDS})\b", question, re.I))))


# Words that frame what is asked, not what it is about: "What was her memoir called?", "Where
# will the talks be held?", "When are talks due to take place?", "How will the trust stop this
# happening again?", "What did the Conservatives propose instead?" (a new tester's, turned
# away as off topic for the article lacking them).
_FRAMING = re.compile(r"\b(?:(?:is|was|are|were|be|been)\s+(?:\w+\s+){0,4}?(?P<c>called)\b"
                      r"|(?:is|was|are|were|be|being|been)\s+(?P<h>held)\b"
                      r"|(?P<p>(?:take|takes|took|taking|taken)\s+place)\b"
                      r"|(?P<w>happen(?:s|ed|ing)?|again|instead)\b)", re.I)


def _framing(question: str) -> set[str]:
    return set(terms(" ".join(w for m in _FRAMING.finditer(question)
                               for w in m.groups() if w)))


_HOW_WORDS = ("old|long|far|much|many|often|soon|big|large|tall|high|deep|fast|wide|heavy"
              "|early|late|come|close|strong")


# Abbreviations a question uses for what articles write out: "the CEO of Novaris" over
# "chief executive Henrik Vollmer" (stems, as `terms` gives them).
_WRITTEN_OUT = {"ceo": (frozenset({"chief", "execut"}),),
                # "Who is the boss of Vireo?": its chief executive; a club's manager.
                "boss": (frozenset({"chief", "execut"}), frozenset({"manag"}))}


def _with_abbreviations(held: set[str], text: str = "",
                        spelt: dict[str, re.Pattern[str]] | None = None) -> set[str]:
    """The passage's terms, with an abbreviation whose written-out words it holds: "CEO", or
    a question's acronym the passage spells out ("HSE": "the Health and Safety Executive")."""
    written = {short for short, ways in _WRITTEN_OUT.items()
               if any(words <= held for words in ways)}
    return held | written | {short for short, words in (spelt or {}).items()
                             if words.search(text)}


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _acronyms(question: str) -> dict[str, re.Pattern[str]]:
    """The question's acronyms (as `terms` stems them), each with the pattern of its words
    written out: "HSE" -> "Health and Safety Executive" (small words between allowed)."""
    out = {}
    for acronym in set(_ACRONYM.findall(question)):
        small = r"(?:(?:and|of|for|the|on|in|&)\s+)*"
        words = rf"\s+{small}".join(rf"{letter}[\w’'-]*" for letter in acronym)
        stems = terms(acronym)
        if stems:
            out[stems[0]] = re.compile(rf"\b{words}")
    return out
