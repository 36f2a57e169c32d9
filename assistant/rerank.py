"""Rerank: the sentences `shortlist` picks from the retrieved passages, scored by the reader.

The reader gives each sentence the probability that it states the answer, and the short answer
inside it. Its logit is combined with what the model cannot see from a sentence alone (FEATURES:
the sentence's similarity to the question, the share of the question's rare words it holds, its
passage's similarity and rank, how sure the span is, how fresh its article was when the
question was asked, whether it is a headline line, whether it carries the kind of answer asked
for, and the share of the names the question asks about that its article mentions), with
weights fitted on the tuning sets (`calibration`). Freshness always orders the evidence
(`Evidence.rank`); it counts toward the probability that feeds abstention (`Evidence.score`)
only for a question asked at a stated moment (`Question.dated`).
Around that score two rules: a caption or byline answers only questions about a photo or an
author, and an article published outside the week a question means ("this week") is a weaker
match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from math import exp, isfinite, log

from index import Article, Embedder, Passage, caption_spans

from . import calibration
from .ahead import date_fit
from .anchored import anchored_factor
from .errors import ReaderUnavailableError
from .evidence import answer_fit, names_missing, sentence_vectors
from .question import Question
from .reader import Reader, Reading
from .shortlist import CANDIDATES, SENTENCE_END, shortlist
from .withdrawn import withdrawn_factor

__all__ = ["CANDIDATES", "FEATURES", "Evidence", "combined", "read_candidates", "rerank"]

CAPTION_FACTOR = 0.5  # a caption's score, unless the question asks about a picture
OFF_WINDOW_FACTOR = 0.85  # an article dated outside the week(s) a relative phrase points at
RECENCY_BONUS = 0.05  # of the rank, at most: a year older than the question earns none
FRESH_DAYS = 30.0  # a report this many days older than the question is 1/e as fresh
# What the combination weighs, in the order of `calibration.THRESHOLDS.combine` (after its
# intercept). Scaled to similar ranges so that one regularisation suits them all.
FEATURES = ("reader logit", "sentence cosine", "lexical coverage", "passage cosine",
            "span score / 10", "freshness", "passage rank / 10", "heading", "answer kind",
            "names found")
_FIT = FEATURES.index("answer kind")  # `Evidence.fit`
_ABOUT_PICTURE = re.compile(r"\b(?:photo\w*|pictur\w*|image|caption|shown|seen in|byline"
                            r"|wrote|written by|author)\b", re.I)


@dataclass(frozen=True)
class Evidence:
    """A sentence read (`shortlist`) and what the reader makes of it."""

    passage: int  # index into the passages list (for a sentence read on, its article's passage)
    article_id: str
    start: int
    end: int
    text: str
    score: float  # probability that it states the answer, adjusted for captions and dates
    relevance: float  # the reader's own probability that the sentence states the answer
    answer: tuple[int, int] | None = None  # the short answer's offsets in the article
    answer_score: float = float("-inf")
    caption: bool = False
    rank: float = 0.0  # what orders the evidence: `score` with freshness always weighed
    fit: float = 0.5  # `evidence.answer_fit`: 1 when it carries the kind of answer asked for


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return log(p / (1 - p))


def combined(features: Sequence[float], weights: Sequence[float] | None = None) -> float:
    """The FEATURES of a sentence as one probability that it states the answer (weights:
    `calibration`, the ranking's by default)."""
    w0, *weights = calibration.THRESHOLDS.combine if weights is None else weights
    if len(weights) != len(features):
        raise ReaderUnavailableError(
            f"thresholds.json weighs {len(weights)} features where the answer path has "
            f"{len(features)}: it was tuned for another version. Reinstall newsqa, or rebuild "
            "the model and its thresholds with `make train`.")
    z = w0 + sum(w * f for w, f in zip(weights, features, strict=True))
    return 1.0 / (1.0 + exp(-z))


def _adjust(question: Question, relevance: float, article: Article, caption: bool,
            dated: bool = True) -> float:
    """A caption's score lowered, and, where `dated`, an article's outside the days a relative
    phrase points at: a reader's own "this year" orders the evidence, it does not make last
    year's report less likely to state the answer."""
    score = relevance
    if caption and not _ABOUT_PICTURE.search(question.text):
        score *= CAPTION_FACTOR
    window = question.window
    if (dated and article.published and window
            and not window[0] <= article.published <= window[1]):
        score *= OFF_WINDOW_FACTOR
    return score


def _age(question: Question, article: Article) -> int | None:
    """Days between the article and the moment the question is asked (0 for a later one)."""
    if not article.published:
        return None
    return max(0, (question.as_of - date.fromisoformat(article.published)).days)


def _recency(question: Question, article: Article) -> float:
    """Among equally good sentences the more recent report wins, also in a collection whose
    every article is too old for `freshness` to tell them apart."""
    age = _age(question, article)
    return 1.0 if age is None else 1.0 + RECENCY_BONUS * max(0.0, 1.0 - age / 365)


def freshness(question: Question, article: Article) -> float:
    """1 for a report of the day the question is asked, falling off over weeks; 0 undated. News
    questions are about their moment: the held-out weeks weigh this feature heavily."""
    age = _age(question, article)
    return 0.0 if age is None else exp(-age / FRESH_DAYS)


def _in_caption(article: Article, start: int) -> bool:
    return any(a <= start < b for a, b in caption_spans(article.text, article.captions))


def _cosines(question: Question, texts: list[str], embedder: Embedder | None) -> list[float]:
    if embedder is None or not texts:
        return [0.0] * len(texts)
    return [float(c) for c in sentence_vectors(embedder, texts) @ embedder.embed_query(
        question.query)]


@dataclass(frozen=True)
class Read:
    """A shortlisted candidate sentence and what is known of it."""

    passage: int
    article_id: str
    start: int
    end: int
    text: str
    reading: Reading
    features: tuple[float, ...]  # see FEATURES
    estimate: float


def read_candidates(question: Question, passages: Sequence[Passage],
                    articles: dict[str, Article], reader: Reader | None,
                    embedder: Embedder | None = None, limit: int = CANDIDATES) -> list[Read]:
    """The candidates worth reading (`shortlist`), read (by the cheap estimate alone without a
    reader, and then only those of the passages: the ablation "retrieval only")."""
    cands = shortlist(question, passages, articles, limit, read_on=reader is not None)
    texts = [c.text for c in cands]
    if reader is None:
        readings = [Reading(c.estimate, None, float("-inf")) for c in cands]
    else:
        readings = reader.read(question.query, [(c.text, articles[c.article_id].title)
                                                for c in cands])
    cosines = _cosines(question, texts, embedder if reader else None)
    names = question.names
    unnamed = {aid: names_missing(names, f"{a.title}\n{a.text}") for aid, a in articles.items()}
    return [Read(c.passage, c.article_id, c.start, c.end, c.text, r,
                 _features(question, c.passage, articles[c.article_id], r, cos, c.lexical,
                           c.similar, _heading(c.text),
                           date_fit(answer_fit(question.kind, c.text, question.text),
                                    question.kind, question.text, c.text,
                                    articles[c.article_id].published),
                           _named(names, unnamed[c.article_id])),
                 c.estimate)
            for c, r, cos in zip(cands, readings, cosines, strict=True)]


def _named(names: Sequence[tuple[str, ...]], unnamed: tuple[str, ...]) -> float:
    """The share of the question's names an article mentions (1 when it names nothing)."""
    return 1 - len(unnamed) / len(names) if names else 1.0


def _features(question: Question, passage: int, article: Article, reading: Reading,
              cosine: float, lexical: float, similar: float, heading: bool, fit: float,
              names: float) -> tuple[float, ...]:
    span = reading.span_score if isfinite(reading.span_score) else 0.0
    return (_logit(reading.relevance), cosine, lexical, similar, span / 10,
            freshness(question, article), passage / 10, float(heading), fit, names)


def _heading(sentence: str) -> bool:
    """A line that ends without a full stop: a headline, a subheading, a link to another
    story ("More: …") or a credit. It shares the story's words but seldom states the answer
    the way the story's own sentences do; how much that counts is tuned with the rest."""
    return SENTENCE_END.search(sentence) is None


def _weights(question: Question) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The weights a sentence is ranked by, and scored by. A question asked at a moment is
    about that week's news: `combine`, which counts an article's freshness, does both. One
    asked at no moment is about a reader's own collection: `timeless` does both, fitted on
    such questions (`train.users`). Not for a follow-up: its query, the conversation's names
    added, is unlike the questions `timeless` was fitted on, and it keeps the quiz's ranking
    and `confidence`, the same without freshness, for its score."""
    t = calibration.THRESHOLDS
    if question.dated:
        return t.combine, t.combine
    if question.follow_up or not t.timeless:
        return t.combine, t.confidence
    return t.timeless, t.timeless


def rerank(question: Question, passages: Sequence[Passage], articles: dict[str, Article],
           reader: Reader | None, embedder: Embedder | None = None, limit: int = CANDIDATES
           ) -> list[Evidence]:
    """The candidate sentences, best first. Without a reader (the ablation "retrieval only")
    they are ordered by the cheap estimate alone."""
    ranked = []
    ranking, scoring = _weights(question)
    for c in read_candidates(question, passages, articles, reader, embedder, limit):
        article = articles[c.article_id]
        caption = _in_caption(article, c.start)
        span = c.reading.span
        rank = c.estimate if reader is None else combined(c.features, ranking)
        score = rank if reader is None else combined(c.features, scoring)
        withdrawn = (withdrawn_factor(c.text, question.text, question.kind)
                     * anchored_factor(question.names, c.text, article, c.start))
        ranked.append(Evidence(c.passage, c.article_id, c.start, c.end, c.text,
                               _adjust(question, score, article, caption, question.dated)
                               * withdrawn, c.reading.relevance,
                               (c.start + span[0], c.start + span[1]) if span else None,
                               c.reading.span_score, caption,
                               _adjust(question, rank, article, caption)
                               * _recency(question, article) * withdrawn, c.features[_FIT]))
    return sorted(ranked, key=lambda ev: -ev.rank)
