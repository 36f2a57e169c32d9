"""The bars of the answer path, chosen from the tuning sets' questions answered with every bar
off but the short answers' (`tune._records`): where abstention starts, when a question is off
topic, how sure a short answer must be, and `assistant.answerability`'s weights.

Answerability: a question's label is whether its answer was right. An unanswerable question,
and an answerable one answered wrong, are both where "the articles don't say" would have served
the asker better than the answer given. Its bar is chosen on out-of-fold probabilities (5
folds), so that the figures reported at it are those of questions the weights were not fitted
on; the shipped weights are then fitted on all of them. Questions a rule abstains on whatever
the bar (`gated`: the kind of answer asked for is nowhere near the top) are left out of the fit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression

__all__ = ["ABSTAIN_PRECISION", "FOLDS", "SHORT_PRECISION", "abstain_below",
           "answerability_weights", "figures", "fit_answerability", "min_topic", "off_topic",
           "short_min"]

SHORT_PRECISION = 0.75
TOPIC_MISS = 0.01  # of answerable natural questions, at most, called off topic
ABSTAIN_PRECISION = 0.85  # the target for abstention precision
FOLDS = 5
C = 1.0  # sklearn's default L2 strength: the features are logits and shares of similar ranges


def _model() -> LogisticRegression:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000)


def _out_of_fold(x: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=seed)
    return np.asarray(cross_val_predict(_model(), x, y, cv=folds, method="predict_proba"))[:, 1]


def fit_answerability(records: list[dict], seed: int,
                      choose_bar: Callable[[list[dict]], tuple[float, dict]], topic: float = 0.0
                      ) -> tuple[tuple[float, ...], float, dict]:
    """(weights, bar, figures at the bar) for one way of asking. `records` carry the question
    `features` (None: the ranking is not `judged`), `correct`, `gated` and `topic`; each gets
    its out-of-fold probability as `p`, which `choose_bar` reads. Questions turned away as off
    topic (under `topic`) before answerability is asked are not fitted on either."""
    fitted = [r for r in records
              if r["features"] is not None and not r["gated"] and not off_topic(r, topic)]
    x = np.array([r["features"] for r in fitted], dtype=float)
    y = np.array([bool(r["correct"]) for r in fitted])
    for r in records:
        # Decided otherwise, as abstentions: a rule's, off topic (both counted by `figures`), or
        # not judged (the tuning sets hold no such ranking; in use the best score decides).
        r["p"] = 0.0
    for r, p in zip(fitted, _out_of_fold(x, y, seed), strict=True):
        r["p"] = float(p)
    bar, at_bar = choose_bar(records)
    model = _model().fit(x, y)
    weights = (round(float(model.intercept_[0]), 4),
               *(round(float(w), 4) for w in model.coef_[0]))
    return weights, bar, at_bar


def off_topic(record: dict, topic: float) -> bool:
    """Turned away as off topic at this bar, as `compose.abstention` does: under the bar,
    unless its best sentence is sure (`compose.SURE_OVER_TOPIC`)."""
    from assistant.compose import SURE_OVER_TOPIC

    return record["topic"] < topic and record["score"] < SURE_OVER_TOPIC


def figures(records: list[dict], t: float, topic: float = 0.0, key: str = "score"
            ) -> dict[str, float]:
    """Accuracy and abstention at bar `t` on `key` (the best score, or answerability `p`)."""
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    abstained = [r for r in records
                 if r[key] < t or off_topic(r, topic) or r.get("gated", False)]
    right = sum(not r["answerable"] for r in abstained)
    return {"accuracy": sum(r["correct"] for r in answerable
                            if r[key] >= t and not off_topic(r, topic)) / max(1, len(answerable)),
            "abstention_recall": right / max(1, len(unanswerable)),
            "abstention_precision": right / len(abstained) if abstained else 1.0}


def abstain_below(records: list[dict], topic: float = 0.0, key: str = "score"
                  ) -> tuple[float, dict]:
    """The bar that answers most and abstains most rightly (accuracy + abstention recall),
    among those whose abstentions are right at least ABSTAIN_PRECISION of the time: a wrong
    "the articles don't say" hides an answer the user came for. None qualifying, no bar."""
    best = (-1.0, 0.0)
    # Finer where off-topic questions fall: a reader's collection leaves those far below
    # anything it answers.
    for t in np.concatenate([np.arange(0.001, 0.01, 0.001), np.arange(0.01, 0.95, 0.01)]):
        f = figures(records, float(t), topic, key)
        if f["abstention_precision"] >= ABSTAIN_PRECISION:
            best = max(best, (f["accuracy"] + f["abstention_recall"], -float(t)))
    chosen = max(0.0, round(-best[1], 3))  # not -0.0
    return chosen, figures(records, chosen, topic, key)


def min_topic(records: list[dict]) -> float:
    """The `topicality.topicality` under which a question asked at no moment is off topic: below
    all but TOPIC_MISS of the natural questions the articles answer. Tuned on those alone: the
    hand-written unanswerable ones are on topic, and the off-topic quiz questions are news of
    the same weeks, nearer the articles than a user's stray question."""
    topics = [r["topic"] for r in records if r["set"] == "natural" and r["answerable"]]
    return round(float(np.quantile(topics, TOPIC_MISS)), 3)


def short_min(records: list[dict]) -> float:
    """The lowest span score from which the short answers of rightly answered questions still
    hold the gold answer at least SHORT_PRECISION of the time."""
    shorts = sorted((r for r in records if r["correct"] and r["short"] is not None),
                    key=lambda r: -r["short_score"])
    chosen = float("inf")
    right = 0
    for n, r in enumerate(shorts, start=1):
        right += r["short_right"]
        if right / n >= SHORT_PRECISION:
            chosen = r["short_score"]
    return round(chosen, 2)


def answerability_weights(records: list[dict], topic: float, seed: int) -> dict:
    """`assistant.answerability`'s weights and bars, one set per way of asking (see
    `fit_answerability`); `topic` is the off-topic bar of questions asked at no moment."""
    from assistant.answerability import QUESTION_FEATURES

    quiz = [r for r in records if r["set"] == "quiz"]
    rest = [r for r in records if r["set"] != "quiz"]
    weights, bar, at_quiz = fit_answerability(quiz, seed, lambda rs: abstain_below(rs, key="p"))
    timeless, bar_timeless, at_rest = fit_answerability(
        rest, seed, lambda rs: abstain_below(rs, topic, key="p"), topic)
    return {"question_features": ["intercept", *QUESTION_FEATURES], "answerable": weights,
            "answerable_timeless": timeless, "answerable_below": bar,
            "answerable_below_timeless": bar_timeless,
            "at_these_thresholds": {"quiz": at_quiz, "natural and off-topic": at_rest}}
