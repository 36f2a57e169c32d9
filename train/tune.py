"""Tune the answer path's numbers on questions kept from training, never the development or
gold set.

Two tuning sets, each ingested into its own store (`tuning_sets`): the ~500 questions of the
held-out quiz weeks with their search results (`train/out/holdout/`, asked at their dates), and
160 natural questions hand-written by reading 40 articles of those weeks (`train/natural/`,
asked at no moment, 240 articles with the distractors). On both, first the weights that
combine the reader's logit with the other features of `assistant.rerank.FEATURES`: a
conditional logit on the sentences the answer path reads for those questions. Then, end to
end, every question is answered with the thresholds off, recording the best evidence's score,
the features of its ranking (`assistant.answerability.QUESTION_FEATURES`) and the short answer,
and the thresholds are chosen from those records (`bars`); `short_min` first, and the questions
answered again at it, since a rule asks it of the best sentence (`_records`):
- `abstain_below` (quiz) and `abstain_below_timeless` (natural): maximise accuracy plus
  abstention recall among the bars whose abstentions are right at least ABSTAIN_PRECISION of
  the time (the best sentence's bar);
- `answerable` and its bar, the same way for each: a logistic regression over the ranking's
  features saying how likely the answer is right, which is what decides abstention;
- `short_min`: the lowest span score at which the short answer still contains the gold answer
  for at least SHORT_PRECISION of the correctly answered questions;
- `abstain_below_followup`: the best sentence's bar for a follow-up, the same way as the first,
  on the follow-up conversations (`train/natural/followups.jsonl`), which take part in nothing
  else: the other numbers are the standalone questions'.
Written to `assistant/models/thresholds.json`, which `assistant.calibration` reads.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from .bars import abstain_below, answerability_weights, figures, min_topic, short_min
from .data import DEFAULT_DATA
from .tuningsets import FOLLOW_UP, TuningSet, tuning_sets
from .tuningsets import _assistant as _assistant  # tests/test_training.py imports it from here
from .users import states_answer, user_sets

__all__ = ["TuningSet", "tune", "tune_answerability", "tune_timeless", "tuning_sets"]


def _asked(ts: TuningSet, q: dict) -> Any:
    """The question as the answer path analyses it, asked when the tuning set asks it."""
    from datetime import date

    from assistant.question import analyse

    as_of = ts.as_of(q)
    text = q["question"].strip()  # as `ask()` takes it
    return analyse(text, text, date.fromisoformat(as_of) if as_of else None, None, None)


def _candidate_rows(sets: list[TuningSet]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The features of every sentence the answer path reads for each held-out question, and
    whether it states the gold answer: the distribution the combination meets in use (mostly
    off-topic sentences of a large index), not the training pairs' on-topic one."""
    from assistant.rerank import read_candidates
    from assistant.retrieval import retrieve_asked

    rows, labels, asked_by = [], [], []
    for ts in sets:
        if ts.name == FOLLOW_UP:  # the ranking's weights are fitted on standalone questions
            continue
        a = ts.assistant
        for q in ts.questions:
            asked = _asked(ts, q)
            found = retrieve_asked(a.index, asked, a.settings.top_k)
            articles = a.index.articles([p.article_id for p in found.passages])
            for c in read_candidates(asked, found.passages, articles, a.reader,
                                     a.index.sentence_embedder):
                rows.append(c.features)
                labels.append(states_answer(c.text, q))
                asked_by.append(f"{ts.name}/{q['id']}")
    return np.array(rows), np.array(labels), np.array(asked_by)


L2 = 0.01  # on the weights of the conditional logit: the features are scaled to similar ranges


def _conditional_logit(rows: np.ndarray, labels: np.ndarray, groups: list[list[int]]
                       ) -> np.ndarray:
    """Weights under which each question's candidates, softmaxed, put their mass on the ones
    stating the gold answer (a conditional logit, as in learning to rank): every candidate of
    every question counts, not only the winner, so ~200 questions fit seven weights smoothly
    where a grid search for the most top-1 wins chased a handful of questions."""
    from scipy.optimize import minimize

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros_like(w)
        for ix in groups:
            x = rows[ix]
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            y = labels[ix] / labels[ix].sum()
            total -= float(y @ np.log(p + 1e-12))
            grad -= x.T @ (y - p)
        return total / len(groups) + L2 * float(w @ w), grad / len(groups) + 2 * L2 * w

    return np.asarray(minimize(loss, np.zeros(rows.shape[1]), jac=True, method="L-BFGS-B").x)


def _calibrated(rows: np.ndarray, labels: np.ndarray, direction: np.ndarray
                ) -> tuple[float, ...]:
    """The scale and intercept that make `rows @ direction` a probability over all candidates
    (a one-feature logistic regression), so that one abstention bar means the same for every
    question."""
    from sklearn.linear_model import LogisticRegression

    fit = LogisticRegression().fit((rows @ direction)[:, None], labels)
    scale = float(fit.coef_[0][0])
    return (round(float(fit.intercept_[0]), 4), *(round(scale * float(w), 4) for w in direction))


def _groups(labels: np.ndarray, asked_by: np.ndarray) -> list[list[int]]:
    """Each question's candidates, for the questions where one states the answer."""
    by_question: dict[str, list[int]] = defaultdict(list)
    for i, qid in enumerate(asked_by):
        by_question[str(qid)].append(i)
    return [ix for ix in by_question.values() if labels[ix].any()]


Weights = tuple[float, ...]


def _combination(sets: list[TuningSet], users: list[TuningSet]) -> tuple[Weights, Weights, Weights]:
    """The ranking's weights for a question asked at a moment (`combine`): the direction that
    puts sentences stating the answer first (`_conditional_logit`, on the quiz's and natural
    questions where one was read), calibrated. A follow-up's score (`confidence`): the same
    direction without freshness, calibrated again. And the weights of a standalone question
    asked at no moment (`timeless`, `_timeless`)."""
    from assistant.rerank import FEATURES

    rows, labels, asked_by = _candidate_rows(sets)
    direction = _conditional_logit(rows, labels.astype(float), _groups(labels, asked_by))
    without = direction.copy()
    without[FEATURES.index("freshness")] = 0.0
    timeless = _timeless(rows, labels, asked_by, users)
    return (_calibrated(rows, labels, direction), _calibrated(rows, labels, without),
            _calibrated(rows, labels, timeless))


def _timeless(rows: np.ndarray, labels: np.ndarray, asked_by: np.ndarray,
              users: list[TuningSet]) -> np.ndarray:
    """The direction for a standalone question asked at no moment: the conditional logit on
    the natural questions' candidates and the users' (`train.users`), without freshness. Such
    a question is about a reader's own collection, where an old sentence means nothing amiss,
    and is asked of the article just read: on the users' questions this fit put a sentence
    stating the answer first for 1,147 of the 1,527 where one was read, each user left out of
    the fit in turn, against 1,064 by `combine` (natural: 83 of 112 against 78, out of fold).
    It is calibrated as `combine` is, on the same candidates, so that the bars chosen for
    those scores keep their meaning."""
    from assistant.rerank import FEATURES

    own = np.array([str(q).startswith("natural/") for q in asked_by], dtype=bool)
    more = _candidate_rows(users)
    rows = np.vstack([rows[own], *([more[0]] if len(more[0]) else [])])
    labels = np.concatenate([labels[own], more[1]])
    asked_by = np.concatenate([asked_by[own], more[2]])
    rows[:, FEATURES.index("freshness")] = 0.0
    direction = _conditional_logit(rows, labels.astype(float), _groups(labels, asked_by))
    direction[FEATURES.index("freshness")] = 0.0
    return direction


def _records(sets: list[TuningSet], ranking: tuple[Weights, Weights, Weights],
             short: float = -1e9) -> list[dict]:
    """Every question answered with the bars off, but for `short`: the span score a short
    answer needs, which the name rule asks of the best sentence too ("the closest sentence does
    not clearly give the name asked for"). With it off, that rule never abstained here, and 12
    of the 831 questions the tuning decided as answered were abstentions in use. `ranking`:
    `combine`, `confidence` and `timeless` (`_combination`)."""
    from assistant import calibration

    combine, confidence, timeless = ranking
    # No answerability weights: the best score decides, against -1.
    calibration.THRESHOLDS = calibration.Thresholds(combine, confidence, timeless,
                                                    abstain_below=-1.0,
                                                    abstain_below_timeless=-1.0,
                                                    abstain_below_followup=-1.0, short_min=short)
    return [_record(ts, q) for ts in sets for q in ts.questions]


def _record(ts: TuningSet, q: dict) -> dict:
    """The question answered as `ask()` answers it, and what `assistant.answerability` sees of
    it: its ranked evidence's features (None where the ranking is not `judged`: the best score
    decides there) and its topicality, from the very ranking the answer was composed from:
    `topic` is what the off-topic bar is on (`Ranking.gate`), the features keep the
    answerability's own (`Ranking.topicality`)."""
    from assistant.answerability import judged, question_features
    from evals.text import first_words, mentions

    answer, ranking = ts.assistant.ask_ranked(q["question"], history=q.get("history"),
                                              as_of=ts.as_of(q))
    ranked, topic = list(ranking.evidence), ranking.topicality
    gold = q["answer"]
    # With the bars off, what still abstains is the rule no bar moves (`compose.KIND_CHECKED`).
    return {"set": ts.name, "id": q["id"], "answerable": q["answerable"],
            "score": answer.confidence, "gated": answer.abstained,
            "correct": (q["answerable"] and not answer.abstained
                        and mentions(first_words(answer.text), gold)),
            "short": answer.short.text if answer.short else None,
            "short_score": answer.short.score if answer.short else None,
            "short_right": bool(answer.short and mentions(answer.short.text, gold)),
            "topic": ranking.gate,
            # Judged as a follow-up only when the conversation rewrote it (`followup`).
            "follow_up": answer.query != q["question"].strip(),
            "features": list(question_features(ranked, topic)) if judged(ranked) else None}


def tune(out: Path, target: Path, data: Path = DEFAULT_DATA, seed: int = 13) -> dict:
    """Every number: the ranking's weights, then the bars and the answerability over them."""
    from assistant.rerank import FEATURES

    sets = tuning_sets(out, data, seed, target)
    ranking = _combination(sets, user_sets(out, target))
    # The short answers' bar from their scores with every bar off; then the questions answered
    # again with it, as the name rule applies it in use, for every other number.
    short = short_min(_standalone(_records(sets, ranking))[0])
    records = _records(sets, ranking, short)
    alone, follow_ups = _standalone(records)
    # Each bar from the questions asked that way: quiz questions at their date, natural and
    # off-topic ones at no moment, follow-ups apart.
    bar, quiz = abstain_below([r for r in alone if r["set"] == "quiz"])
    topic = min_topic(alone)
    timeless, natural = abstain_below([r for r in alone if r["set"] != "quiz"], topic)
    followup, conversations = abstain_below(follow_ups, topic)
    result = {"features": ["intercept", *FEATURES], "combine": ranking[0],
              "confidence": ranking[1], "timeless": ranking[2], "abstain_below": bar,
              "abstain_below_timeless": timeless, "min_topic_timeless": topic,
              "abstain_below_followup": followup, "short_min": short,
              "tuning_questions": {ts.name: len(ts.questions) for ts in sets},
              "by_best_score_alone": {"quiz": quiz, "natural and off-topic": natural,
                                      FOLLOW_UP: conversations},
              **answerability_weights(alone, topic, seed)}
    return _write(out, target, result, records)


def _standalone(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """The standalone questions' records, and the follow-ups' apart: a follow-up is judged by
    its best sentence's score against a bar of its own (`compose._answerable`). A turn of a
    conversation that needed no rewriting is judged as standalone, and counted so."""
    return ([r for r in records if not r["follow_up"]], [r for r in records if r["follow_up"]])


def tune_answerability(out: Path, target: Path, data: Path = DEFAULT_DATA, seed: int = 13
                       ) -> dict:
    """Only the answerability, over the ranking weights and bars already in
    `target`/thresholds.json (tuned by an earlier `tune`): what changed last need not move
    the numbers it was not about."""
    tuned = json.loads((target / "thresholds.json").read_text())
    sets = tuning_sets(out, data, seed, target)
    records = _records(sets, _shipped_ranking(tuned), tuned["short_min"])
    alone, follow_ups = _standalone(records)
    topic = tuned["min_topic_timeless"]
    # The follow-ups' bar only where thresholds.json (of an older version) has none.
    followup = tuned.get("abstain_below_followup")
    if followup is None:
        followup, conversations = abstain_below(follow_ups, topic)
    else:
        conversations = figures(follow_ups, followup, topic)
    by_score = {"quiz": figures([r for r in alone if r["set"] == "quiz"],
                                tuned["abstain_below"]),
                "natural and off-topic": figures([r for r in alone if r["set"] != "quiz"],
                                                 tuned["abstain_below_timeless"], topic),
                FOLLOW_UP: conversations}
    result = {**tuned, "abstain_below_followup": followup, "by_best_score_alone": by_score,
              "tuning_questions": {ts.name: len(ts.questions) for ts in sets},
              **answerability_weights(alone, topic, seed)}
    return _write(out, target, result, records)


def _shipped_ranking(tuned: dict) -> tuple[Weights, Weights, Weights]:
    """thresholds.json's ranking weights (`timeless` empty where an older one lacks it)."""
    return (tuple(tuned["combine"]), tuple(tuned["confidence"]),
            tuple(tuned.get("timeless") or ()))


def tune_timeless(out: Path, target: Path, data: Path = DEFAULT_DATA, seed: int = 13) -> dict:
    """Only the weights of a standalone question asked at no moment (`timeless`, `_timeless`),
    over the numbers in `target`/thresholds.json, which stay. Its bars chosen again on the
    natural set's questions answered with them did worse on that set itself than the bars
    kept (`evals/HISTORY.md`, fortieth sitting)."""
    tuned = json.loads((target / "thresholds.json").read_text())
    sets = tuning_sets(out, data, seed, target)
    rows, labels, asked_by = _candidate_rows(sets)
    timeless = _calibrated(rows, labels, _timeless(rows, labels, asked_by,
                                                   user_sets(out, target)))
    result = {}
    for name, value in tuned.items():  # `timeless` after `confidence`, as `tune` writes it
        if name != "timeless":
            result[name] = value
        if name == "confidence":
            result["timeless"] = timeless
    (target / "thresholds.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


def _write(out: Path, target: Path, result: dict, records: list[dict]) -> dict:
    (target / "thresholds.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "tuning-records.json").write_text(json.dumps(records))
    return result
