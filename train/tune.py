"""Tune the answer path's numbers on held-out weeks of the training data.

The held-out questions and their search results become a small RealTime QA-shaped benchmark
(`train/out/holdout/`), ingested into its own store. On it, first the weights that combine the
reader's logit with the sentence's cosine, its lexical coverage and its passage's cosine: a
logistic regression on the sentences the answer path reads for those questions. Then, end to
end, every question is answered once with both thresholds off, recording the best evidence's
score and the short answer, and the thresholds are chosen from those records:
- `abstain_below`: maximises accuracy plus abstention recall among the bars whose abstentions
  are right at least ABSTAIN_PRECISION of the time;
- `short_min`: the lowest span score at which the short answer still contains the gold answer
  for at least SHORT_PRECISION of the correctly answered questions.
Written to `assistant/models/thresholds.json`, which `assistant.calibration` reads.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from .data import DEFAULT_DATA, write_holdout

__all__ = ["ABSTAIN_PRECISION", "SHORT_PRECISION", "tune"]

SHORT_PRECISION = 0.75
ABSTAIN_PRECISION = 0.85  # the target for abstention precision


def _assistant(holdout: Path, store: Path) -> Any:
    from assistant import Assistant, Settings
    from index import NewsIndex

    settings = Settings(store=store, llm="extractive", _env_file=None)
    index = NewsIndex(settings.store_config())
    if not index.store.count_articles():
        index.ingest([holdout / "corpus.jsonl"])
    return Assistant(settings, index=index)


def _questions(holdout: Path) -> list[dict]:
    return [json.loads(line) for line in (holdout / "questions.jsonl").read_text().splitlines()]


def _as_of(q: dict) -> str:
    return str(q["question_date"]).replace("/", "-")


def _candidate_rows(assistant: Any, questions: list[dict]
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The features of every sentence the answer path reads for each held-out question, and
    whether it states the gold answer: the distribution the combination meets in use (mostly
    off-topic sentences of a large index), not the training pairs' on-topic one."""
    from datetime import date

    from assistant.question import analyse
    from assistant.rerank import read_candidates
    from assistant.retrieval import retrieve

    from .data import answer_span

    rows, labels, asked_by = [], [], []
    for q in questions:
        asked = analyse(q["question"], q["question"], date.fromisoformat(_as_of(q)), None, None)
        found = retrieve(assistant.index, asked.query, assistant.settings.top_k,
                         not_after=asked.as_of.isoformat())
        articles = assistant.index.articles([p.article_id for p in found.passages])
        for c in read_candidates(asked, found.passages, articles, assistant.reader,
                                 assistant.index.embedder):
            rows.append(c.features)
            labels.append(bool(q["answerable"] and answer_span(c.text, q["answer"])))
            asked_by.append(q["id"])
    return np.array(rows), np.array(labels), np.array(asked_by)


# The grid the combination's weights are chosen from (reader logit, sentence cosine, lexical
# coverage, passage cosine): small, so that ~50 held-out questions can choose among it.
_GRID = ((0.0, 0.05, 0.1, 0.2, 0.4, 0.75), (0.0, 0.5, 1.0, 2.0), (0.5, 1.0, 2.0, 3.0),
         (1.0, 2.0, 3.0, 4.0))


def _top1(weights: np.ndarray, rows: np.ndarray, labels: np.ndarray,
          groups: list[list[int]]) -> float:
    """Share of questions whose best-scoring candidate states the gold answer."""
    scores = rows @ weights
    return float(np.mean([labels[max(ix, key=lambda i: scores[i])] for ix in groups]))


def _combination(assistant: Any, questions: list[dict]) -> tuple[float, ...]:
    """Weights that put a sentence stating the answer first for the most held-out questions
    (among those where one was read), ties to the smaller reader weight; then, for that
    direction, the scale and intercept that make the score a probability (a one-feature
    logistic regression), so that one abstention bar means the same for every question."""
    import itertools

    from sklearn.linear_model import LogisticRegression

    rows, labels, asked_by = _candidate_rows(assistant, questions)
    by_question: dict[str, list[int]] = defaultdict(list)
    for i, qid in enumerate(asked_by):
        by_question[str(qid)].append(i)
    groups = [ix for ix in by_question.values() if labels[ix].any()]
    best = max(itertools.product(*_GRID), key=lambda w: (
        _top1(np.array(w), rows, labels, groups), -w[0]))
    direction = np.array(best)
    fit = LogisticRegression().fit((rows @ direction)[:, None], labels)
    scale = float(fit.coef_[0][0])
    return (round(float(fit.intercept_[0]), 4), *(round(scale * w, 4) for w in best))


def _records(assistant: Any, questions: list[dict], combine: tuple[float, ...]) -> list[dict]:
    from assistant import calibration
    from evals.text import first_words, mentions

    calibration.THRESHOLDS = calibration.Thresholds(combine, abstain_below=-1.0, short_min=-1e9)
    records = []
    for q in questions:
        answer = assistant.ask(q["question"], as_of=_as_of(q))
        gold = q["answer"]
        records.append({
            "id": q["id"], "answerable": q["answerable"], "score": answer.confidence,
            "correct": q["answerable"] and mentions(first_words(answer.text), gold),
            "short": answer.short.text if answer.short else None,
            "short_score": answer.short.score if answer.short else None,
            "short_right": bool(answer.short and mentions(answer.short.text, gold)),
        })
    return records


def _figures(records: list[dict], t: float) -> dict[str, float]:
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    abstained = [r for r in records if r["score"] < t]
    right = sum(not r["answerable"] for r in abstained)
    return {"accuracy": sum(r["correct"] for r in answerable if r["score"] >= t)
            / max(1, len(answerable)),
            "abstention_recall": right / max(1, len(unanswerable)),
            "abstention_precision": right / len(abstained) if abstained else 1.0}


def _abstain_below(records: list[dict]) -> tuple[float, dict]:
    """The bar that answers most and abstains most rightly (accuracy + abstention recall),
    among those whose abstentions are right at least ABSTAIN_PRECISION of the time: a wrong
    "the articles don't say" hides an answer the user came for."""
    best = (-1.0, 0.0)
    for t in np.arange(0.05, 0.95, 0.01):
        f = _figures(records, float(t))
        if f["abstention_precision"] >= ABSTAIN_PRECISION:
            best = max(best, (f["accuracy"] + f["abstention_recall"], -float(t)))
    chosen = round(-best[1], 2)
    return chosen, _figures(records, chosen)


def _short_min(records: list[dict]) -> float:
    shorts = sorted((r for r in records if r["correct"] and r["short"] is not None),
                    key=lambda r: -r["short_score"])
    chosen = float("inf")
    right = 0
    for n, r in enumerate(shorts, start=1):
        right += r["short_right"]
        if right / n >= SHORT_PRECISION:
            chosen = r["short_score"]
    return round(chosen, 2)


def tune(out: Path, target: Path, data: Path = DEFAULT_DATA, seed: int = 13) -> dict:
    holdout = out / "holdout"
    if not (holdout / "questions.jsonl").is_file():
        write_holdout(data, holdout, seed)
    assistant = _assistant(holdout, out / "holdout-store")
    questions = _questions(holdout)
    combine = _combination(assistant, questions)
    records = _records(assistant, questions, combine)
    abstain_below, figures = _abstain_below(records)
    result = {"combine": combine, "abstain_below": abstain_below,
              "short_min": _short_min(records),
              "holdout_questions": len(records), "at_these_thresholds": figures}
    (target / "thresholds.json").write_text(json.dumps(result, indent=2) + "\n")
    (out / "tuning-records.json").write_text(json.dumps(records))
    return result
