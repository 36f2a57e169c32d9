"""Whether a question is about the articles, however few words it shares with them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from index import Article

from . import calibration
from .evidence import question_names
from .question import Question
from .referent import named_person
from .rerank import Evidence
from .speakers import asked_speech, quotes_speaker
from .topicality import about_terms, held_terms
from .words import terms

__all__ = ["CHECKED", "holds_every_word", "names_them", "on_topic_gate", "quotes_them"]

CHECKED = 3  # the best sentences whose articles are looked in (`compose.KIND_CHECKED`'s)


def on_topic_gate(question: Question, gate: float, ranked: Sequence[Evidence],
                  articles: Mapping[str, Article]) -> float:
    """The topicality the off-topic bar is on (`Ranking.gate`), or infinity where the question
    is about a retrieved article however few words the passages share with it. Looked at only
    below the bar, where the bar applies (a question asked at no stated moment)."""
    if question.dated or gate >= calibration.THRESHOLDS.min_topic_timeless:
        return gate
    # A follow-up kept to its conversation's article is about it: "How long does the trip
    # take?" of a tram's opening had been turned away as off topic.
    if question.within:
        return float("inf")
    # Only the best sentence's article: the one the answer would come from (the review's "Who
    # won the quiz?" was answered from a tennis report, a pub's story holding "won" and "quiz").
    best = [articles[ranked[0].article_id]] if ranked and ranked[0].article_id in articles else []
    if (names_them(question.text, ranked, articles) or holds_every_word(question, best)
            or quotes_them(question.text, ranked)):
        return float("inf")
    return gate


def quotes_them(question: str, ranked: Sequence[Evidence]) -> bool:
    """Asked what someone named whole said ("What did Henrik Sjöberg warn about?"), does one
    of the closest sentences name them whole as its speaker, saying what it is asked about
    ("…,” said Professor Henrik Sjöberg of…")? Their words are what is asked, however few of
    the question's words they share; but on what it asks about (`_covers`), not one word of
    it: "the weather at the Open golf championship" is not a fire chief's forecast of "hotter,
    drier weather"."""
    speech = asked_speech(question)
    if speech is None or len(speech.names) < 2:
        return False
    anyone = replace(speech, about=())
    return any(quotes_speaker(ev.text, anyone, whole=True) and _covers(ev.text, speech.about)
               for ev in ranked[:CHECKED])


# Words a topic is said around, none of it: "the way the government handled…", "the issue of".
_GENERIC = frozenset(terms("way ways thing things matter matters issue issues situation "
                           "question questions subject topic fact facts kind sort lot part "
                           "news time times something anything everything state"))


def _covers(text: str, about: Sequence[str]) -> bool:
    """Does the text hold most of the topic's words (more than half), its generic words
    ("way", "issue") left out? Anything covers no topic, or one of generic words only."""
    topic = set(about) - _GENERIC
    return len(topic & set(terms(text))) * 2 > len(topic) if topic else True


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


def holds_every_word(question: Question, articles: Iterable[Article]) -> bool:
    """Does one retrieved article, read whole, hold every word the question is about? The
    off-topic bar reads only the passages retrieved, and a short question's words can lie
    outside them: "How long were participants followed?", whose passage retrieved names the
    participants but not how they were followed; "How old is she? Kessington Rovers" (a
    follow-up), where a tennis brief on the club's page was the passage retrieved. None of
    the tuning set's off-topic quiz questions has all its words in one article
    (`evals/HISTORY.md`, thirty-fifth sitting)."""
    about = about_terms(question)
    return bool(about) and any(about <= held_terms(a.text, question) for a in articles)
