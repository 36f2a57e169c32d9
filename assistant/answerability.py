"""Answerability: how likely the best evidence answers the question, judged from the whole
ranking rather than its first sentence alone.

The best sentence's score says how likely *that sentence* states the answer. Whether the
question is answered at all shows in more than that: a runner-up nearly as good (two stories
disagree, or neither is quite it), several articles at the top rather than one, whether the
reader found a span it is sure of, whether the sentence carries the kind of answer asked for,
and how far anything retrieved is about the question. A logistic regression over those
(QUESTION_FEATURES), fitted by `train/tune.py` on the tuning sets' questions answered right
against those that the articles do not answer or that were answered wrong, gives the
probability that the answer is right; `compose.abstention` abstains under its tuned bar.
Fitted apart for questions asked at a stated moment (`Question.dated`: the quiz weeks) and at
none (a reader's own questions): their scores are distributed differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import exp, isfinite, log

from . import calibration
from .errors import ReaderUnavailableError
from .rerank import Evidence

__all__ = ["QUESTION_FEATURES", "TOP", "answerability", "judged", "question_features"]

TOP = 3  # the sentences whose scores and articles are looked at
LOGIT_RANGE = 10.0  # a score's logit is clipped here: 1e-6 and 1e-9 mean the same "nothing"
QUESTION_FEATURES = ("best score logit", "second score logit", "third score logit",
                     "best reader logit", "best span score / 10", "best answer kind",
                     "topicality", "articles in the top 3")


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return max(-LOGIT_RANGE, min(LOGIT_RANGE, log(p / (1 - p))))


def judged(ranked: Sequence[Evidence]) -> bool:
    """Whether a ranking is of the kind the weights were fitted on: every tuning question had
    at least TOP sentences read and a span in the best. A shorter ranking (a small collection)
    or one without a span lies outside it, where a linear model extrapolates freely (a lone
    sentence scored 0.005 came out likely right): the best sentence's score decides there."""
    return len(ranked) >= TOP and isfinite(ranked[0].answer_score)


def question_features(ranked: Sequence[Evidence], topic: float) -> tuple[float, ...]:
    """QUESTION_FEATURES of a ranking that is `judged` and its `topicality.topicality`."""
    top = list(ranked[:TOP])
    best = top[0]
    # Topicality is a cosine plus a share (0..2); unknown (inf) counts as fully on topic.
    return (*(_logit(ev.score) for ev in top), _logit(best.relevance), best.answer_score / 10,
            best.fit, min(topic, 2.0), len({ev.article_id for ev in top}) / TOP)


def answerability(ranked: Sequence[Evidence], topic: float, dated: bool) -> float | None:
    """The probability that the best evidence answers the question right, or None where the
    best sentence's score alone decides: thresholds.json carries no weights for it (one of an
    older version, as it did then), or the ranking is not `judged`."""
    t = calibration.THRESHOLDS
    weights = t.answerable if dated else t.answerable_timeless
    if not weights or not judged(ranked):
        return None
    w0, *w = weights
    if len(w) != len(QUESTION_FEATURES):
        raise ReaderUnavailableError(
            f"thresholds.json weighs {len(w)} question features where the answer path has "
            f"{len(QUESTION_FEATURES)}: it was tuned for another version. Reinstall newsqa, or "
            "rebuild the model and its thresholds with `make train`.")
    z = w0 + sum(a * b for a, b in zip(w, question_features(ranked, topic), strict=True))
    return 1.0 / (1.0 + exp(-z))
